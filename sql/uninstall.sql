-- Remove everything agentcore-fdw installed, history included:
--   psql -d DBNAME -f sql/uninstall.sql
-- (The plpython3u and multicorn extensions stay: other code may use them.)
\ir uninstall_engine.sql
\ir uninstall_schema.sql
