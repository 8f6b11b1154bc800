-- Read-only access for BI tools (Metabase, Grafana, Superset, Tableau), for an existing role:
--   CREATE ROLE agentcore_reader LOGIN PASSWORD '...';
--   psql -v ON_ERROR_STOP=1 -d DBNAME -f sql/reader.sql
-- agentcore_reader may read every agentcore table and view, and nothing else. The second
-- part hardens the whole database for every role without grants of its own: run it in a
-- database that serves agentcore only (the agentcore-fdw service's database is one).

GRANT USAGE ON SCHEMA agentcore TO agentcore_reader;
-- The tables are views on both engines; the multicorn engine's read its foreign tables, in
-- schema agentcore_multicorn, with their owner's rights: that schema needs no grant.
GRANT SELECT ON ALL TABLES IN SCHEMA agentcore TO agentcore_reader;
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO agentcore_reader', current_database());
    -- The plpython engine's views call its functions with the reader's rights.
    IF to_regnamespace('agentcore_plpython') IS NOT NULL THEN
        GRANT USAGE ON SCHEMA agentcore_plpython TO agentcore_reader;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA agentcore_plpython TO agentcore_reader;
        REVOKE EXECUTE ON FUNCTION agentcore_plpython.validate_options(text[], oid)
            FROM agentcore_reader;
    END IF;
END $$;

-- No new objects, not even temporary tables or large objects; nothing that writes
-- (snapshot_controls is revoked from PUBLIC where it is created).
DO $$
BEGIN
    EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_creat(integer), pg_catalog.lo_create(oid),
    pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_put(oid, bigint, bytea),
    pg_catalog.lo_open(oid, integer), pg_catalog.lo_unlink(oid),
    pg_catalog.lowrite(integer, bytea), pg_catalog.lo_truncate(integer, integer),
    pg_catalog.lo_truncate64(integer, bigint)
    FROM PUBLIC;

-- Server options name profiles and endpoints: readable by the server's owner only (as
-- PostgreSQL does for user mapping options).
REVOKE SELECT ON pg_catalog.pg_foreign_server FROM PUBLIC;
GRANT SELECT (oid, srvname, srvowner, srvfdw, srvtype, srvversion, srvacl)
    ON pg_catalog.pg_foreign_server TO PUBLIC;
