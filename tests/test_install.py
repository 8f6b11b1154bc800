"""Installing: the agentcore-fdw command and plain psql -f install the same objects."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from agentcore_fdw.install import install_files, sql_dir
from agentcore_fdw.sqlgen import GENERATED

CLI = str(Path(sys.executable).parent / "agentcore-fdw")


def agentcore_fdw(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line, run as a user runs it."""
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def empty_database(postgres):
    name = "agentcore_install_test"
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    yield postgres.dsn(name)
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def objects(dsn: str) -> dict[str, list]:
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
                "SELECT fdwname FROM pg_foreign_data_wrapper ORDER BY 1"
            ).fetchall(),
        }


def test_the_generated_engine_sql_is_up_to_date():
    for name, generate in GENERATED.items():
        assert (sql_dir() / name).read_text(encoding="utf-8") == generate(), (
            f"sql/{name} differs from the table definitions: run python -m agentcore_fdw.sqlgen"
        )


def test_install_is_idempotent_and_keeps_options(empty_database):
    first = agentcore_fdw(
        "install",
        "--dsn",
        empty_database,
        "--option",
        "regions=eu-west-1",
        "--option",
        "max_attempts=7",
    )
    assert first.returncode == 0, first.stderr
    assert "installed with the plpython engine" in first.stdout
    before = objects(empty_database)
    assert before["servers"] == [("agentcore", ["regions=eu-west-1", "max_attempts=7"])]
    again = agentcore_fdw("install", "--dsn", empty_database)
    assert again.returncode == 0, again.stderr
    assert objects(empty_database) == before
    changed = agentcore_fdw(
        "install",
        "--dsn",
        empty_database,
        "--option",
        "regions=us-east-1",
        "--option",
        "max_attempts=",
    )
    assert changed.returncode == 0, changed.stderr
    assert objects(empty_database)["servers"] == [("agentcore", ["regions=us-east-1"])]


def test_uninstall_removes_everything(empty_database):
    assert agentcore_fdw("install", "--dsn", empty_database).returncode == 0
    done = agentcore_fdw("uninstall", "--dsn", empty_database)
    assert done.returncode == 0, done.stderr
    assert objects(empty_database) == {
        "relations": [],
        "functions": [],
        "servers": [],
        "wrappers": [],
    }


def test_psql_installs_the_same_objects(empty_database, postgres):
    psql = shutil.which("psql") or str(postgres.bindir / "psql")
    done = subprocess.run(
        [
            psql,
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            empty_database,
            "-f",
            str(sql_dir() / "install_plpython.sql"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    by_psql = objects(empty_database)
    assert agentcore_fdw("uninstall", "--dsn", empty_database).returncode == 0
    assert agentcore_fdw("install", "--dsn", empty_database).returncode == 0
    assert objects(empty_database) == by_psql
    assert len(by_psql["relations"]) == 12


def test_the_installer_follows_the_psql_manifest():
    names = [path.relative_to(sql_dir()).as_posix() for path in install_files("plpython")]
    assert names[:2] == ["schema.sql", "engine_plpython.sql"]
    assert names[-1] == "views/control_results.sql"
    assert len(names) == len(set(names)) == 10


def test_a_bad_option_is_a_clean_error(empty_database):
    done = agentcore_fdw("install", "--dsn", empty_database, "--option", "regions=mars-north-7")
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
