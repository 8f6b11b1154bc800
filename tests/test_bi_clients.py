"""What BI clients list: every table of the contract, as a view, on both engines.

BI tools find tables by asking the catalog for relations of the kinds they show, and most
show tables and views, not foreign tables: psql's \\dv, SQLAlchemy's inspector (Superset),
and the PostgreSQL JDBC driver's DatabaseMetaData.getTables (DBeaver, Metabase, Tableau).
"""

from __future__ import annotations

import shutil
import subprocess

import psycopg
import pytest
import sqlalchemy

from agentcore_fdw.tables import TABLES

# What pgjdbc's PgDatabaseMetaData.getTables(null, "agentcore", "%", {"TABLE", "VIEW"}) asks
# (pgjdbc 42.x): relations of the schema and name patterns, of kind 'r' outside the system
# schemas or 'v' outside pg_catalog and information_schema, with the table's comment as
# REMARKS. The driver's CASE names the type of every other kind too; only these two are
# asked for here.
JDBC_GET_TABLES = """
SELECT c.relname AS table_name,
       CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'v' THEN 'VIEW' END AS table_type,
       d.description AS remarks
FROM pg_catalog.pg_namespace n
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid
LEFT JOIN pg_catalog.pg_description d
    ON d.objoid = c.oid AND d.objsubid = 0 AND d.classoid = 'pg_catalog.pg_class'::regclass
WHERE n.nspname LIKE %(schema)s AND c.relname LIKE %(table)s
  AND ((c.relkind = 'r' AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema')
       OR (c.relkind = 'v' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'))
ORDER BY table_type, n.nspname, c.relname
"""


@pytest.fixture
def inspector(database):
    engine = sqlalchemy.create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(database.dsn)
    )
    yield sqlalchemy.inspect(engine)
    engine.dispose()


def test_sqlalchemy_lists_every_table(inspector):
    listed = inspector.get_table_names(schema="agentcore")
    listed += inspector.get_view_names(schema="agentcore")
    assert set(TABLES) <= set(listed)
    assert "control_history" in listed and "control_results" in listed


def test_sqlalchemy_shows_each_tables_comments(inspector):
    for table in TABLES.values():
        assert inspector.get_table_comment(table.name, schema="agentcore") == {
            "text": table.description
        }
        columns = inspector.get_columns(table.name, schema="agentcore")
        assert [(c["name"], c["comment"]) for c in columns] == [
            (column.name, column.description) for column in table.columns
        ]


def test_the_jdbc_drivers_get_tables_lists_every_table_with_its_comment(sql):
    rows = sql.dicts(JDBC_GET_TABLES, {"schema": "agentcore", "table": "%"})
    listed = {row["table_name"]: row for row in rows}
    for table in TABLES.values():
        assert listed[table.name]["table_type"] == "VIEW"
        assert listed[table.name]["remarks"] == table.description
    assert listed["control_history"]["table_type"] == "TABLE"
    # The engine's own schema holds nothing a BI tool lists: foreign tables or functions.
    assert sql.rows(JDBC_GET_TABLES, {"schema": f"agentcore_{sql.engine}", "table": "%"}) == []


def test_psql_lists_every_table_as_a_view(database, postgres):
    psql = shutil.which("psql") or str(postgres.cluster.bindir / "psql")

    def listed(command: str) -> set[str]:
        done = subprocess.run(
            [psql, "-X", "-A", "-t", "-F", "|", "-d", database.dsn, "-c", command],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return {line.split("|")[1] for line in done.stdout.splitlines() if line}

    assert set(TABLES) <= listed(r"\dv agentcore.*")
    assert listed(r"\dt agentcore.*") == {"control_history"}
