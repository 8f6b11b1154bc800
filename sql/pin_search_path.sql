-- Views and SQL-standard function bodies bind every name when they are made: make them with
-- pg_catalog alone on the path, so that a format() or an = some role planted in a schema
-- ahead of it (public, before PostgreSQL 15) is never what they call. reset_search_path.sql
-- puts the session's path back.
SET search_path = pg_catalog, pg_temp;
