"""Installing: the agentcore-fdw command and plain psql -f install the same objects."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import botocore
import psycopg
import pytest

from agentcore_fdw.app.local_postgres import UNPRIVILEGED_USER, LocalPostgres, server_copy
from agentcore_fdw.app.service import DEMO_REQUIREMENTS
from agentcore_fdw.schema.install import (
    ENGINES,
    expand,
    install,
    install_files,
    run_file,
    set_server_options,
    sql_dir,
)
from agentcore_fdw.schema.sqlgen import GENERATED, MULTICORN_WRAPPER
from agentcore_fdw.tables import TABLES

from .conftest import DEFAULT_OPTIONS, skip_unless_available

CLI = str(Path(sys.executable).parent / "agentcore-fdw")


def agentcore_fdw(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line, run as a user runs it."""
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)


def objects(dsn: str) -> dict[str, list]:
    """What agentcore-fdw owns in a database (not the extensions it uses)."""
    with psycopg.connect(dsn) as conn:
        return {
            "relations": conn.execute(
                "SELECT n.nspname, c.relname, c.relkind FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname LIKE 'agentcore%' ORDER BY 1, 2"
            ).fetchall(),
            "functions": conn.execute(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname LIKE 'agentcore%' ORDER BY 1"
            ).fetchall(),
            "servers": conn.execute(
                "SELECT srvname, srvoptions FROM pg_foreign_server ORDER BY 1"
            ).fetchall(),
            "wrappers": conn.execute(
                "SELECT fdwname FROM pg_foreign_data_wrapper WHERE fdwname = 'agentcore_fdw'"
            ).fetchall(),
        }


# What an install makes, by engine: 60 tables and views in agentcore, the history and its
# index; with multicorn, the 21 foreign tables of agentcore_multicorn behind the tables' views.
RELATIONS = {"multicorn": 83, "plpython": 62}


def user_options(servers: list) -> list:
    """Server options without Multicorn's own wrapper option."""
    wrapper = f"wrapper={MULTICORN_WRAPPER}"
    return [(name, [o for o in options or () if o != wrapper]) for name, options in servers]


def test_the_generated_engine_sql_is_up_to_date():
    for name, generate in GENERATED.items():
        assert (sql_dir() / name).read_text(encoding="utf-8") == generate(), (
            f"sql/{name} differs from the table definitions: "
            "run python -m agentcore_fdw.schema.sqlgen"
        )


def test_install_is_idempotent_and_keeps_options(empty_database, engine):
    dsn = empty_database
    first = agentcore_fdw(
        "install", "--dsn", dsn, "--engine", engine,
        "--option", "regions=eu-west-1", "--option", "max_attempts=7",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert f"installed with the {engine} engine" in first.stdout
    before = objects(dsn)
    assert user_options(before["servers"]) == [
        ("agentcore", ["regions=eu-west-1", "max_attempts=7"])
    ]
    again = agentcore_fdw("install", "--dsn", dsn, "--engine", engine)
    assert again.returncode == 0, again.stderr
    assert objects(dsn) == before
    changed = agentcore_fdw(
        "install", "--dsn", dsn, "--engine", engine,
        "--option", "regions=us-east-1", "--option", "max_attempts=",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert user_options(objects(dsn)["servers"]) == [("agentcore", ["regions=us-east-1"])]


def test_uninstall_removes_everything(empty_database, engine):
    assert agentcore_fdw("install", "--dsn", empty_database, "--engine", engine).returncode == 0
    done = agentcore_fdw("uninstall", "--dsn", empty_database)
    assert done.returncode == 0, done.stderr
    assert objects(empty_database) == {
        "relations": [],
        "functions": [],
        "servers": [],
        "wrappers": [],
    }


def test_psql_installs_the_same_objects(empty_database, postgres, engine):
    psql = shutil.which("psql") or str(postgres.cluster.bindir / "psql")
    done = subprocess.run(
        [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", empty_database,
         "-f", str(sql_dir() / f"install_{engine}.sql")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    by_psql = objects(empty_database)
    assert agentcore_fdw("uninstall", "--dsn", empty_database).returncode == 0
    assert agentcore_fdw("install", "--dsn", empty_database, "--engine", engine).returncode == 0
    assert objects(empty_database) == by_psql
    assert len(by_psql["relations"]) == RELATIONS[engine]


def test_changing_engine_keeps_the_options(empty_database, engines):
    skip_unless_available("multicorn", engines)
    dsn = empty_database
    assert agentcore_fdw("install", "--dsn", dsn, "--engine", "plpython",
                         "--option", "regions=eu-west-1").returncode == 0  # fmt: skip
    with psycopg.connect(dsn) as conn:
        conn.execute(
            "INSERT INTO agentcore.control_history VALUES "
            "(now(), 'c', 'title', 'high', 'arn:x', 'alarm', 'Because.', '123456789012', 'r')"
        )
    moved = agentcore_fdw("install", "--dsn", dsn, "--engine", "multicorn")
    assert moved.returncode == 0, moved.stderr
    after = objects(dsn)
    assert user_options(after["servers"]) == [("agentcore", ["regions=eu-west-1"])]
    assert ("agentcore", "agent_runtimes", "v") in after["relations"]
    assert ("agentcore_multicorn", "agent_runtimes", "f") in after["relations"]
    assert after["wrappers"] == []
    assert after["functions"] == [
        ("authorizer_finding",),
        ("check_server_options",),  # the multicorn engine's ALTER SERVER check
        ("cognito_clients_finding",),
        ("cognito_pool_finding",),
        ("cognito_scopes_finding",),
        ("control_rows",),
        ("discovery_url_scheme",),
        ("is_discovery_url",),
        ("refresh",),  # the shared cache's, where PL/Python is installed
        ("snapshot_controls",),
        ("validate_server_options",),
    ]
    with psycopg.connect(dsn) as conn:
        assert conn.execute("SELECT count(*) FROM agentcore.control_history").fetchone() == (1,)


def test_reinstalling_names_the_current_wrapper_class(empty_database, engines):
    skip_unless_available("multicorn", engines)
    install = ("install", "--dsn", empty_database, "--engine", "multicorn")
    assert agentcore_fdw(*install).returncode == 0
    old = "multicorn.testfdw.TestForeignDataWrapper"  # as an install of an older version left it
    with psycopg.connect(empty_database) as conn:
        conn.execute(f"ALTER SERVER agentcore OPTIONS (SET wrapper '{old}')")
    assert agentcore_fdw(*install).returncode == 0
    (servers,) = objects(empty_database)["servers"]
    assert f"wrapper={MULTICORN_WRAPPER}" in servers[1]


def test_an_upgrade_whose_tables_have_other_columns_replaces_them(empty_database, engine):
    install = ("install", "--dsn", empty_database, "--engine", engine)
    assert agentcore_fdw(*install, "--option", "regions=eu-west-1").returncode == 0
    renamed = ["VIEW agentcore.gateways"]
    if engine == "multicorn":
        renamed.append("FOREIGN TABLE agentcore_multicorn.gateways")  # the table behind it
    with psycopg.connect(empty_database) as conn:  # as an older version left it
        for relation in renamed:
            conn.execute(f"ALTER {relation} RENAME COLUMN response_problems TO old_column")
    upgraded = agentcore_fdw(*install)
    assert upgraded.returncode == 0, upgraded.stderr
    with psycopg.connect(empty_database) as conn:
        columns = [
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "'agentcore' AND table_name = 'gateways' ORDER BY ordinal_position"
            )
        ]
    assert columns[-1] == "response_problems" and "old_column" not in columns
    assert user_options(objects(empty_database)["servers"]) == [
        ("agentcore", ["regions=eu-west-1"])
    ]


def test_an_upgrade_makes_authorizer_finding_a_set_that_the_audit_inlines(empty_database):
    install = ("install", "--dsn", empty_database, "--engine", "plpython")
    assert agentcore_fdw(*install).returncode == 0
    with psycopg.connect(empty_database) as conn:  # as releases before left it: one record
        conn.execute(
            "DROP FUNCTION agentcore.authorizer_finding(text, text, text, jsonb, text, text, "
            "text) CASCADE"
        )
        conn.execute(
            "CREATE FUNCTION agentcore.authorizer_finding(subject text, authorizer_type text, "
            "discovery_url text, authorizer_configuration jsonb, policy_engine_mode text, "
            "detail_error text, OUT status text, OUT reason text) LANGUAGE sql IMMUTABLE "
            "AS $$ SELECT 'ok', subject $$"
        )
    upgraded = agentcore_fdw(*install)
    assert upgraded.returncode == 0, upgraded.stderr
    with psycopg.connect(empty_database) as conn:
        plan = "\n".join(
            line
            for (line,) in conn.execute(
                "EXPLAIN SELECT * FROM agentcore.runtime_authorization_audit"
            )
        )
        back = conn.execute(
            "SELECT to_regclass('agentcore.invocation_paths') IS NOT NULL "
            "AND to_regclass('agentcore.control_results') IS NOT NULL"
        ).fetchone()[0]
    assert "authorizer_finding" not in plan  # inlined: no call per runtime
    assert back  # the views the upgrade dropped with the old function are made again


# main as it stood before the package took its layers: the schema existing installs have.
PREVIOUS_RELEASE = "c25a96b"
ROOT = Path(__file__).resolve().parent.parent


def control_statuses(dsn: str) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(
            "SELECT control_id, resource, status FROM agentcore.control_results ORDER BY 1, 2"
        ).fetchall()


def install_previous_release(dsn: str, engine: str, options: dict, tmp_path: Path) -> None:
    """Install PREVIOUS_RELEASE's sql/ files, as psql would have."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", PREVIOUS_RELEASE, "sql"],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=archive.stdout, check=True)
    with psycopg.connect(dsn) as conn:
        for path in expand(tmp_path / "sql" / f"install_{engine}.sql"):
            run_file(conn, path)
        set_server_options(conn, options)


def test_an_install_of_the_previous_release_keeps_working_and_upgrades_cleanly(
    empty_database, engine, aws, tmp_path
):
    options = dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url)
    install_previous_release(empty_database, engine, options, tmp_path)
    # The old schema runs on this version's package (its class paths are the same).
    assert len(control_statuses(empty_database)) > 20
    install(empty_database, engine)
    upgraded = objects(empty_database)
    statuses = control_statuses(empty_database)
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute("DROP SCHEMA agentcore CASCADE")
        conn.execute(f"DROP SCHEMA agentcore_{engine} CASCADE")
    install(empty_database, engine, options)
    assert upgraded == objects(empty_database)  # the same objects as a new install
    assert statuses == control_statuses(empty_database)


def test_an_upgrade_moves_the_foreign_tables_behind_views_granted_as_they_were(
    empty_database, engines, aws, tmp_path
):
    """The previous release's foreign tables were in agentcore itself, where BI tools did not
    list them: they move to agentcore_multicorn, with a view in each one's place. A role's
    grants pass to the view, and a view of your own over a table keeps reading it."""
    skip_unless_available("multicorn", engines)
    role = "agentcore_upgrade_reader"
    install_previous_release(
        empty_database, "multicorn", dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url), tmp_path
    )
    with psycopg.connect(empty_database, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {role}")
        conn.execute(f"CREATE ROLE {role}")
        conn.execute(f"GRANT USAGE ON SCHEMA agentcore TO {role}")
        conn.execute(f"GRANT SELECT ON agentcore.agent_runtimes TO {role}")
        conn.execute("CREATE VIEW public.my_runtimes AS "
                     "SELECT agent_runtime_name FROM agentcore.agent_runtimes")  # fmt: skip
    try:
        install(empty_database, "multicorn")
        relations = objects(empty_database)["relations"]
        assert ("agentcore", "agent_runtimes", "v") in relations
        assert ("agentcore_multicorn", "agent_runtimes", "f") in relations
        with psycopg.connect(empty_database) as conn:
            assert conn.execute("SELECT count(*) FROM public.my_runtimes").fetchone() == (9,)
            conn.execute(f"SET ROLE {role}")
            assert conn.execute("SELECT count(*) FROM agentcore.agent_runtimes").fetchone() == (9,)
            conn.execute("RESET ROLE")
            assert conn.execute(
                "SELECT has_table_privilege(%s, 'agentcore_multicorn.agent_runtimes', 'SELECT')",
                (role,),
            ).fetchone() == (False,)  # the view has the grant now, the foreign table none
    finally:
        with psycopg.connect(empty_database, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


HIJACKS = """
CREATE FUNCTION public.hijacked() RETURNS text LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'HIJACKED as %', current_user; END $$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE sql AS 'SELECT public.hijacked()';
CREATE FUNCTION public.format(text, text, text) RETURNS text LANGUAGE sql
    AS 'SELECT public.hijacked()';
CREATE FUNCTION public.format(text, text, text, text) RETURNS text LANGUAGE sql
    AS 'SELECT public.hijacked()';
CREATE FUNCTION public.to_json(text) RETURNS json LANGUAGE sql AS 'SELECT public.hijacked()::json';
CREATE FUNCTION public.array_to_string(text[], text) RETURNS text LANGUAGE sql
    AS 'SELECT public.hijacked()';
CREATE FUNCTION public.cardinality(text[]) RETURNS int LANGUAGE sql
    AS 'SELECT public.hijacked()::int';
CREATE FUNCTION public.split_part(text, text, int) RETURNS text LANGUAGE sql
    AS 'SELECT public.hijacked()';
CREATE FUNCTION public.text_eq(text, text) RETURNS boolean LANGUAGE sql
    AS 'SELECT public.hijacked()::boolean';
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_eq);
"""


def test_functions_planted_ahead_of_pg_catalog_never_run_in_our_views(empty_database, engine, aws):
    """A role with CREATE on public plants format() and friends, before the install and after;
    whoever reads the views, with public even ahead of pg_catalog, runs none of them."""
    with psycopg.connect(empty_database) as conn:
        conn.execute(HIJACKS)
    install(empty_database, engine, dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url))
    with psycopg.connect(empty_database) as conn:
        conn.execute("CREATE FUNCTION public.format(text, text, text, text, text) RETURNS text "
                     "LANGUAGE sql AS 'SELECT public.hijacked()'")  # fmt: skip
        conn.execute("SET search_path = public, pg_catalog")
        views = [
            name
            for (name,) in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'agentcore' AND c.relkind = 'v' ORDER BY 1"
            )
        ]
        read = {view: conn.execute(f"SELECT * FROM agentcore.{view}").fetchall() for view in views}
        assert conn.execute("SELECT agentcore.snapshot_controls()").fetchone()[0] > 20
    assert len(read["control_results"]) > 20 and read["invocation_paths"]
    assert "HIJACKED" not in repr(read)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_installer_follows_the_psql_manifest(engine_name):
    names = [path.relative_to(sql_dir()).as_posix() for path in install_files(engine_name)]
    assert names[:2] == ["schema.sql", f"engine_{engine_name}.sql"]
    assert names[2] == "pin_search_path.sql"  # what the views bind to, before any is made
    assert names[-4:] == [
        "views/control_results.sql",
        "history.sql",
        "views/column_comments.sql",
        "reset_search_path.sql",
    ]
    assert len(names) == len(set(names)) == 47


def test_a_bad_option_is_a_clean_error(empty_database, engine):
    done = agentcore_fdw(
        "install", "--dsn", empty_database, "--engine", engine,
        "--option", "regions=mars-north-7",
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith(
        "agentcore-fdw: error: agentcore: unknown region 'mars-north-7' in option regions\n"
    )
    assert "Traceback" not in done.stderr and done.stdout == ""
    # The failed install left nothing half-done: it ran in one transaction.
    assert objects(empty_database)["servers"] == []


def test_an_unknown_option_name_is_refused_before_connecting():
    done = agentcore_fdw("install", "--dsn", "host=/nonexistent", "--option", "colour=blue")
    assert done.returncode == 1
    assert "invalid --option 'colour=blue'" in done.stderr and "Traceback" not in done.stderr


def test_an_unreachable_database_is_a_clean_error():
    done = agentcore_fdw("install", "--dsn", "host=/nonexistent port=1")
    assert done.returncode == 1
    assert done.stderr.startswith("agentcore-fdw: error: ") and "Traceback" not in done.stderr


def test_the_demos_fake_aws_runs_from_a_copy_as_an_unprivileged_user():
    """As root, from a clone in /root: the demo's moto server imports a copy of moto and what
    it needs, with the system's Python, as a user with no privilege."""
    base = Path(tempfile.mkdtemp(prefix="agentcore-fdw-demo-copy-"))
    try:
        base.chmod(0o755)
        pythonpath = server_copy(base / "runtime", DEMO_REQUIREMENTS)
        imported = subprocess.run(
            ["runuser", "-u", UNPRIVILEGED_USER, "--", "/usr/bin/python3.11", "-c",
             "import agentcore_fdw.demo.server as demo; demo.moto_server(0)"],
            env={"PYTHONPATH": pythonpath, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
            capture_output=True, text=True, cwd="/",
        )  # fmt: skip
        assert imported.returncode == 0, imported.stderr
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_server_user_that_cannot_read_the_checkout_imports_a_copy():
    """As root, from a clone in /root: the server's user reads a copy of what it imports."""
    base = Path(tempfile.mkdtemp(prefix="agentcore-fdw-copy-"))
    try:
        hidden = base / "hidden"
        hidden.mkdir(mode=0o700)
        assert not LocalPostgres.readable_by_server(str(hidden))
        base.chmod(0o755)
        pythonpath = server_copy(base / "runtime")
        assert LocalPostgres.readable_by_server(pythonpath)
        imported = subprocess.run(
            ["runuser", "-u", "postgres", "--", "/usr/bin/python3.11", "-c",
             "import agentcore_fdw.engines.plpython, botocore; print(botocore.__version__)"],
            env={"PYTHONPATH": pythonpath, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
            capture_output=True, text=True,
        )  # fmt: skip
        assert imported.returncode == 0, imported.stderr
        assert imported.stdout.strip() == botocore.__version__
        stamp = base / "runtime" / "FINGERPRINT"
        before = stamp.stat().st_mtime_ns
        assert server_copy(base / "runtime") == pythonpath  # unchanged: not copied again
        assert stamp.stat().st_mtime_ns == before
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_view_of_the_previous_release_only_gains_columns_at_its_end(
    empty_database, aws, tmp_path
):
    """CREATE OR REPLACE VIEW can only append columns: a column inserted before others fails
    the upgrade of any install whose views the upgrade does not drop first. (The tables' own
    views are made anew when their columns change: see contract_changed.)"""
    install_previous_release(
        empty_database, "plpython", dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url), tmp_path
    )
    query = (
        "SELECT c.relname, array_agg(a.attname ORDER BY a.attnum) FROM pg_class c "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relnamespace = 'agentcore'::regnamespace AND c.relkind = 'v' GROUP BY 1"
    )
    with psycopg.connect(empty_database) as conn:
        before = dict(conn.execute(query).fetchall())
    install(empty_database, "plpython")
    with psycopg.connect(empty_database) as conn:
        after = dict(conn.execute(query).fetchall())
    changed = {
        view: (columns, after[view])
        for view, columns in before.items()
        if view in after and view not in TABLES and after[view][: len(columns)] != columns
    }
    assert changed == {}
