-- Remove the engine's objects (server, wrapper, the schemas of its functions or foreign
-- tables, and the views over them), keeping schema agentcore and its history: the
-- installer runs this before it changes engine.
DROP SERVER IF EXISTS agentcore CASCADE;
DROP FOREIGN DATA WRAPPER IF EXISTS agentcore_fdw CASCADE;
DROP SCHEMA IF EXISTS agentcore_plpython CASCADE;
DROP SCHEMA IF EXISTS agentcore_multicorn CASCADE;
DROP EVENT TRIGGER IF EXISTS agentcore_server_options;
DROP FUNCTION IF EXISTS agentcore.check_server_options();
DROP FUNCTION IF EXISTS agentcore.validate_server_options();
DROP FUNCTION IF EXISTS agentcore.refresh(text);
