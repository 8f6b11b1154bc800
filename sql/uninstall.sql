-- Remove everything agentcore-fdw installed: psql -d DBNAME -f sql/uninstall.sql
-- (The plpython3u and multicorn extensions stay: other code may use them.)
DROP SCHEMA IF EXISTS agentcore CASCADE;
DROP SERVER IF EXISTS agentcore CASCADE;
DROP FOREIGN DATA WRAPPER IF EXISTS agentcore_fdw CASCADE;
DROP SCHEMA IF EXISTS agentcore_plpython CASCADE;
