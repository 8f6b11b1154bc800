"""The engine SQL files, generated from the table definitions in tables/, and the control
catalog's, from controls.py.

`sql/engine_*.sql` are written by this module and committed, so that a DBA can install
with plain psql and read what runs; a test fails when they drift from the definitions.
Regenerate with:  python -m agentcore_fdw.schema.sqlgen
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..core.table import Table
from ..tables import TABLES
from .controls import CONTROLS, FRAMEWORKS, Control
from .install import MULTICORN_SCHEMA, sql_dir

PLPYTHON_SCHEMA = "agentcore_plpython"
HEADER = (
    "-- Generated from fdw/tables/*.py by `python -m agentcore_fdw.schema.sqlgen`: "
    "do not edit by hand.\n"
)
IMPORT_HINT = (
    "install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH "
    "in the server's environment naming a virtual environment's site-packages (see README)"
)


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def column_list(table: Table, indent: str = "    ") -> str:
    return ",\n".join(f"{indent}{column.name} {column.type}" for column in table.columns)


def comments(table: Table, relation: str, schema: str = "agentcore") -> str:
    name = f"{schema}.{table.name}"
    lines = [f"COMMENT ON {relation} {name} IS {literal(table.description)};"]
    lines += [
        f"COMMENT ON COLUMN {name}.{column.name} IS {literal(column.description)};"
        for column in table.columns
    ]
    return "\n".join(lines)


def plpython_function(
    name: str,
    arguments: str,
    returns: str,
    body: str,
    volatility: str = "VOLATILE",
    schema: str = PLPYTHON_SCHEMA,
) -> str:
    """A plpython3u function whose body first imports this package, or says how to fix that.

    Nobody but its owner may call it until granted (sql/reader.sql grants the scans)."""
    signature = f"{schema}.{name}({arguments})"
    types = ", ".join(argument.split()[1] for argument in arguments.split(",") if argument)
    return f"""CREATE OR REPLACE FUNCTION {signature}
RETURNS {returns}
LANGUAGE plpython3u {volatility} SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint={IMPORT_HINT!r})
{body}
$python$;
REVOKE EXECUTE ON FUNCTION {schema}.{name}({types}) FROM PUBLIC;"""


REFRESH_COMMENT = (
    "Forget what the shared cache holds for the server's options, for one table (by name) "
    "or all: the next query of each reads AWS. Returns how many cached scans were dropped."
)


def refresh_function() -> str:
    """agentcore.refresh(table_name), on both engines where PL/Python is installed."""
    return "\n".join(
        [
            plpython_function(
                "refresh",
                "table_name text DEFAULT NULL",
                "integer",
                "return engine.refresh(plpy, table_name)",
                schema="agentcore",
            ),
            f"COMMENT ON FUNCTION agentcore.refresh(text) IS {literal(REFRESH_COMMENT)};",
        ]
    )


def plpython_sql() -> str:
    parts = [
        HEADER,
        "-- The plpython engine: each table is a view over a set-returning plpython3u function.",
        "CREATE EXTENSION IF NOT EXISTS plpython3u;",
        f"CREATE SCHEMA IF NOT EXISTS {PLPYTHON_SCHEMA};",
        f"COMMENT ON SCHEMA {PLPYTHON_SCHEMA} IS "
        f"{literal('Functions behind the agentcore views of the plpython engine.')};",
        "",
        "-- Fail here, with a hint, when the server's own Python cannot import what we need, "
        "or its botocore is too old to read every authorizer setting.",
        "DO $python$",
        "try:",
        "    import agentcore_fdw, boto3",
        "except ImportError as exc:",
        '    plpy.error("agentcore: the PostgreSQL server\'s Python cannot import %s" % exc.name,',
        f"               hint={IMPORT_HINT!r})",
        "from agentcore_fdw.tables.authorizers import BOTOCORE_HINT, botocore_problem",
        "if botocore_problem():",
        '    plpy.error("agentcore: " + botocore_problem(), hint=BOTOCORE_HINT)',
        "$python$ LANGUAGE plpython3u;",
        "",
        plpython_function(
            "validate_options",
            "options text[], catalog oid",
            "void",
            "engine.validate_options(plpy, options, catalog)",
        ),
        "",
        "-- The server holds the options; a handler-less wrapper gives it a validator, so bad",
        "-- options fail at CREATE SERVER and ALTER SERVER.",
        "DO $$ BEGIN",
        "    IF NOT EXISTS (SELECT FROM pg_foreign_data_wrapper WHERE fdwname = 'agentcore_fdw')",
        "    THEN",
        "        CREATE FOREIGN DATA WRAPPER agentcore_fdw",
        f"            VALIDATOR {PLPYTHON_SCHEMA}.validate_options;",
        "    END IF;",
        "END $$;",
        "CREATE SERVER IF NOT EXISTS agentcore FOREIGN DATA WRAPPER agentcore_fdw;",
        "",
        refresh_function(),
    ]
    for table in TABLES.values():
        parts += [
            "",
            plpython_function(
                table.name,
                "",
                f"TABLE (\n{column_list(table)}\n)",
                f"return engine.scan(plpy, {table.name!r})",
                # A transaction sees one picture of AWS (common.scan_once): STABLE says so, and
                # lets PostgreSQL push filters through the views into UNION branches.
                "STABLE",
            ),
            f"CREATE OR REPLACE VIEW agentcore.{table.name} AS\n"
            f"    SELECT * FROM {PLPYTHON_SCHEMA}.{table.name}();",
            comments(table, "VIEW"),
        ]
    return "\n".join(parts) + "\n"


MULTICORN_WRAPPER = "agentcore_fdw.engines.foreign_tables.AgentCoreForeignDataWrapper"


def multicorn_sql() -> str:
    names = ", ".join(literal(name) for name in TABLES)
    parts = [
        HEADER,
        "-- The multicorn engine: each table is a foreign table of server agentcore in schema",
        f"-- {MULTICORN_SCHEMA}, created by IMPORT FOREIGN SCHEMA from the wrapper's own "
        "definitions,",
        "-- behind a view of the same name in agentcore. BI tools list views and tables, not",
        "-- foreign tables; a view this simple is inlined, so filters still reach the wrapper.",
        "CREATE EXTENSION IF NOT EXISTS multicorn;",
        "DO $$ BEGIN",
        "    IF NOT EXISTS (SELECT FROM pg_foreign_server WHERE srvname = 'agentcore') THEN",
        "        CREATE SERVER agentcore FOREIGN DATA WRAPPER multicorn",
        f"            OPTIONS (wrapper {literal(MULTICORN_WRAPPER)});",
        "    ELSIF EXISTS (SELECT FROM pg_foreign_server s",
        "                  JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw",
        "                  WHERE s.srvname = 'agentcore' AND w.fdwname = 'multicorn') THEN",
        "        -- An older install may name the wrapper class by another path.",
        f"        ALTER SERVER agentcore OPTIONS (SET wrapper {literal(MULTICORN_WRAPPER)});",
        "    END IF;",
        "END $$;",
        f"CREATE SCHEMA IF NOT EXISTS {MULTICORN_SCHEMA};",
        f"COMMENT ON SCHEMA {MULTICORN_SCHEMA} IS "
        f"{literal('Foreign tables behind the agentcore views of the multicorn engine.')};",
        "",
        "-- Releases before held the foreign tables in agentcore itself: move each here, and",
        "-- put in its place a view granted what it was. Views over it follow it: the bundled",
        "-- ones, which views.sql then makes anew over the view, and yours, which keep reading",
        "-- it here.",
        "DO $$",
        "DECLARE",
        "    name text;",
        "    granted record;",
        "BEGIN",
        "    FOR name IN",
        "        SELECT c.relname FROM pg_class c",
        "        WHERE c.relnamespace = 'agentcore'::regnamespace AND c.relkind = 'f'",
        f"          AND c.relname = ANY(ARRAY[{names}])",
        "    LOOP",
        f"        IF to_regclass('{MULTICORN_SCHEMA}.' || quote_ident(name)) IS NOT NULL THEN",
        "            EXECUTE format('DROP FOREIGN TABLE agentcore.%I CASCADE', name);",
        "            CONTINUE;",
        "        END IF;",
        "        EXECUTE format('ALTER FOREIGN TABLE agentcore.%I SET SCHEMA "
        f"{MULTICORN_SCHEMA}', name);",
        "        EXECUTE format('CREATE VIEW agentcore.%I AS SELECT * FROM "
        f"{MULTICORN_SCHEMA}.%I', name, name);",
        "        FOR granted IN",
        "            SELECT a.privilege_type, a.is_grantable,",
        "                   CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END",
        "                       AS grantee",
        "            FROM pg_class c, aclexplode(c.relacl) AS a",
        f"            WHERE c.oid = format('{MULTICORN_SCHEMA}.%I', name)::regclass",
        "              AND a.grantee <> c.relowner",
        "        LOOP",
        "            EXECUTE format('GRANT %s ON agentcore.%I TO %s', granted.privilege_type,",
        "                name, granted.grantee)",
        "                || CASE WHEN granted.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END;",
        f"            EXECUTE format('REVOKE %s ON {MULTICORN_SCHEMA}.%I FROM %s',",
        "                granted.privilege_type, name, granted.grantee);",
        "        END LOOP;",
        "    END LOOP;",
        "END $$;",
        "",
        "-- Import the tables that are missing; existing ones (and views over them) are kept.",
        "DO $$",
        "DECLARE",
        "    missing text;",
        "BEGIN",
        "    SELECT string_agg(quote_ident(name), ', ') INTO missing",
        f"    FROM unnest(ARRAY[{names}]) AS name",
        f"    WHERE to_regclass('{MULTICORN_SCHEMA}.' || quote_ident(name)) IS NULL;",
        "    IF missing IS NOT NULL THEN",
        "        EXECUTE 'IMPORT FOREIGN SCHEMA agentcore LIMIT TO (' || missing",
        f"            || ') FROM SERVER agentcore INTO {MULTICORN_SCHEMA}';",
        "    END IF;",
        "END $$;",
        "",
        "-- Bad option values are refused at ALTER SERVER, as with the plpython engine:",
        "-- Multicorn2's validator looks only at its own wrapper option, so an event trigger",
        "-- checks ours where PL/Python is installed (without it, they fail at the next query).",
        "DO $do$ BEGIN",
        "    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'plpython3u') THEN",
        "        CREATE EXTENSION IF NOT EXISTS plpython3u;",
        "        -- PL/Python has no event triggers: a PL/pgSQL one calls it.",
        "        CREATE OR REPLACE FUNCTION agentcore.validate_server_options()",
        "        RETURNS void",
        "        LANGUAGE plpython3u SECURITY DEFINER",
        "        SET search_path = pg_catalog",
        "        AS $python$",
        "from agentcore_fdw.engines import plpython as engine",
        "engine.check_server_options(plpy)",
        "$python$;",
        "        REVOKE EXECUTE ON FUNCTION agentcore.validate_server_options() FROM PUBLIC;",
        "        CREATE OR REPLACE FUNCTION agentcore.check_server_options()",
        "        RETURNS event_trigger",
        "        LANGUAGE plpgsql",
        "        SET search_path = pg_catalog",
        "        AS $plpgsql$ BEGIN PERFORM agentcore.validate_server_options(); END $plpgsql$;",
        "        REVOKE EXECUTE ON FUNCTION agentcore.check_server_options() FROM PUBLIC;",
        "        DROP EVENT TRIGGER IF EXISTS agentcore_server_options;",
        "        CREATE EVENT TRIGGER agentcore_server_options ON ddl_command_end",
        "            WHEN TAG IN ('ALTER SERVER')",
        "            EXECUTE FUNCTION agentcore.check_server_options();",
        refresh_function(),
        "    END IF;",
        "END $do$;",
    ]
    for table in TABLES.values():
        parts += [
            "",
            comments(table, "FOREIGN TABLE", MULTICORN_SCHEMA),
            f"CREATE OR REPLACE VIEW agentcore.{table.name} AS\n"
            f"    SELECT * FROM {MULTICORN_SCHEMA}.{table.name};",
            comments(table, "VIEW"),
        ]
    return "\n".join(parts) + "\n"


CATALOG_COLUMNS = {
    "control_id": "The control's ID, as in control_results.",
    "title": "What should be true, in one sentence.",
    "severity": "low, medium, high or critical (AWS Security Hub's, where it has the control).",
    "resource_type": "What the control's resource (an ARN) names.",
    "description": "What is checked: when a resource is ok, alarm, error or skip.",
    "rationale": "Why it matters.",
    "remediation": "What to change.",
    "remediation_cli": "An AWS CLI example of the change; {region}, {resource} and {resource_id} "
    "are filled in for each failing resource in reports.",
    "frameworks": f"The control of other frameworks it answers to: {', '.join(FRAMEWORKS)}.",
}


def catalog_sql() -> str:
    *others, last = FRAMEWORKS.values()
    framework_names = f"{', '.join(others)} and {last}"

    def row(control: Control) -> str:
        values = [
            control.control_id, control.title, control.severity, control.resource_type,
            control.description, control.rationale, control.remediation, control.cli,
        ]  # fmt: skip
        frameworks = json.dumps(control.frameworks, sort_keys=True)
        return "    (" + ", ".join(map(literal, values)) + f", {literal(frameworks)}::jsonb)"

    parts = [
        HEADER.replace("fdw/tables/*.py", "fdw/schema/controls.py"),
        "-- The control catalog: every bundled control's title, severity, what it checks, why,",
        "-- how to fix it, and the controls of other frameworks it answers to. Each control",
        "-- view takes its title and severity from here.",
        "CREATE OR REPLACE VIEW agentcore.controls AS",
        "SELECT * FROM (VALUES",
        ",\n".join(row(control) for control in CONTROLS),
        f") AS c({', '.join(CATALOG_COLUMNS)});",
        "COMMENT ON VIEW agentcore.controls IS "
        + literal("Every bundled control: what it checks, why, how to fix it, and the "
                  f"controls of {framework_names} it answers to.")
        + ";",
    ]  # fmt: skip
    parts += [
        f"COMMENT ON COLUMN agentcore.controls.{name} IS {literal(text)};"
        for name, text in CATALOG_COLUMNS.items()
    ]
    return "\n".join(parts) + "\n"


GENERATED = {
    "engine_plpython.sql": plpython_sql,
    "engine_multicorn.sql": multicorn_sql,
    "catalog.sql": catalog_sql,
}


def write(sql_dir: Path) -> list[Path]:
    written = []
    for name, generate in GENERATED.items():
        path = sql_dir / name
        path.write_text(generate(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else sql_dir()
    for path in write(target):
        print(f"wrote {path}")
