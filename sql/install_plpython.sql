-- Install agentcore-fdw with the plpython engine (PL/Python, no Multicorn2 needed):
--   psql -v ON_ERROR_STOP=1 -d DBNAME -f sql/install_plpython.sql
-- then point it at your regions:
--   ALTER SERVER agentcore OPTIONS (ADD regions 'us-east-1,eu-west-1');
-- Safe to run again: it creates what is missing, replaces the views, keeps server options.
\ir schema.sql
\ir engine_plpython.sql
\ir views.sql
