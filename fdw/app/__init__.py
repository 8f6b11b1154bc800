"""What a person runs: the command line, the embedded service and its PostgreSQL, reports
and query output."""
