"""What goes into PostgreSQL: the SQL generated from the tables, the control catalog and
the installer."""
