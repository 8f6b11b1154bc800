-- Install agentcore-fdw with the multicorn engine (needs the Multicorn2 extension):
--   psql -v ON_ERROR_STOP=1 -d DBNAME -f sql/install_multicorn.sql
-- then point it at your regions:
--   ALTER SERVER agentcore OPTIONS (ADD regions 'us-east-1,eu-west-1');
-- Safe to run again: it imports missing tables, replaces the views, keeps server options.
\ir schema.sql
\ir engine_multicorn.sql
\ir views.sql
