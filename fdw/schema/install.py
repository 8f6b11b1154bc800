"""Install into and uninstall from a PostgreSQL database: the same sql/ files psql runs.

The install manifests (sql/install_<engine>.sql) are psql scripts made of `\\ir` lines;
this module follows them in the same order, so the Python installer and `psql -f` can
never install different things.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import psycopg
from psycopg import sql

from ..core.options import OPTION_HELP, VALID_OPTIONS, OptionError, parse_options, unknown_option
from ..tables import TABLES

# In the order `--engine auto` prefers them, with the extension each needs.
ENGINES = ("multicorn", "plpython")
EXTENSIONS = {"multicorn": "multicorn", "plpython": "plpython3u"}
INSTALL_HINTS = {
    "multicorn": "Multicorn2 is built from https://github.com/pgsql-io/multicorn2 or installed "
    "from PGDG's multicorn2 packages",
    "plpython": "on Debian or Ubuntu: apt-get install postgresql-plpython3-<major version>",
}
# Where the multicorn engine keeps its foreign tables, behind the views of schema agentcore.
MULTICORN_SCHEMA = "agentcore_multicorn"
INCLUDE = re.compile(r"^\\ir\s+(\S+)\s*$")


class InstallError(RuntimeError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


def sql_dir() -> Path:
    """The sql/ files: packaged inside agentcore_fdw, or beside fdw/ in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "sql", package.parent / "sql"):
        if (candidate / "schema.sql").exists():
            return candidate
    raise InstallError(f"the sql/ files of agentcore-fdw are missing (looked beside {package})")


def expand(path: Path) -> list[Path]:
    """The SQL files a psql script runs, in order, following its \\ir includes."""
    files = []
    includes_only = True
    for line in path.read_text(encoding="utf-8").splitlines():
        match = INCLUDE.match(line)
        if match:
            files += expand(path.parent / match.group(1))
        elif line.strip() and not line.startswith("--"):
            includes_only = False
    return files if includes_only and files else [path]


def install_files(engine: str) -> list[Path]:
    return expand(sql_dir() / f"install_{engine}.sql")


def available_engines(conn: psycopg.Connection) -> list[str]:
    names = {row[0] for row in conn.execute("SELECT name FROM pg_available_extensions")}
    return [engine for engine in ENGINES if EXTENSIONS[engine] in names]


def choose_engine(conn: psycopg.Connection, engine: str) -> str:
    available = available_engines(conn)
    if engine == "auto":
        if available:
            return available[0]
        raise InstallError(
            "this PostgreSQL server has neither the multicorn nor the plpython3u extension",
            hint=INSTALL_HINTS["plpython"],
        )
    if engine not in available:
        raise InstallError(
            f"engine {engine} needs the {EXTENSIONS[engine]} extension, which this PostgreSQL "
            "server does not have",
            hint=INSTALL_HINTS[engine],
        )
    return engine


def installed_engine(conn: psycopg.Connection) -> str | None:
    row = conn.execute(
        "SELECT w.fdwname FROM pg_foreign_server s "
        "JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE s.srvname = 'agentcore'"
    ).fetchone()
    return None if row is None else ("multicorn" if row[0] == "multicorn" else "plpython")


def parse_option_arguments(pairs: list[str]) -> dict[str, str | None]:
    """KEY=VALUE pairs from the command line; an empty VALUE drops the option."""
    options: dict[str, str | None] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals:
            raise InstallError(f"invalid --option {pair!r}: expected KEY=VALUE", VALID_OPTIONS)
        if key not in OPTION_HELP:
            raise InstallError(
                f"invalid --option {pair!r}: " + unknown_option(key),
                VALID_OPTIONS,
            )
        options[key] = value or None
    return options


def server_options(conn: psycopg.Connection) -> dict[str, str]:
    row = conn.execute(
        "SELECT srvoptions FROM pg_foreign_server WHERE srvname = 'agentcore'"
    ).fetchone()
    return dict(option.split("=", 1) for option in (row[0] or ())) if row else {}


def set_server_options(conn: psycopg.Connection, options: Mapping[str, str | None]) -> None:
    existing = server_options(conn)
    changes = []
    for key, value in options.items():
        if value is None:
            if key in existing:
                changes.append(sql.SQL("DROP {}").format(sql.Identifier(key)))
        else:
            action = "SET" if key in existing else "ADD"
            changes.append(
                sql.SQL(action + " {} {}").format(sql.Identifier(key), sql.Literal(value))
            )
    if changes:
        conn.execute(
            sql.SQL("ALTER SERVER agentcore OPTIONS ({})").format(sql.SQL(", ").join(changes))
        )


def install(dsn: str, engine: str = "auto", options: Mapping[str, str | None] | None = None) -> str:
    """Install (or bring up to date) in one transaction; returns the engine used.

    Changing engine, or upgrading to a version whose tables have other columns, replaces the
    engine's objects and the views over them (views of your own over them go too), and
    carries the server options and the history over.
    """
    with psycopg.connect(dsn) as conn:
        engine = choose_engine(conn, engine)
        previous = installed_engine(conn)
        kept = server_options(conn)
        replaced = previous is not None and (previous != engine or contract_changed(conn))
        if replaced:
            run_file(conn, sql_dir() / "uninstall_engine.sql")
        for path in install_files(engine):
            run_file(conn, path)
        if replaced:
            kept.pop("wrapper", None)
            set_server_options(conn, kept)
        check_options(kept, options or {})
        set_server_options(conn, dict(options or {}))
    return engine


def contract_changed(conn: psycopg.Connection) -> bool:
    """Whether an installed table has other columns than this version defines (an upgrade
    added some), as a view or foreign table of agentcore or the foreign table behind it: its
    engine objects cannot be replaced in place, only dropped and made anew."""
    installed = conn.execute(
        "SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) "
        "FROM information_schema.columns "
        "WHERE table_schema IN ('agentcore', %s) AND table_name = ANY(%s) "
        "GROUP BY table_schema, table_name",
        (MULTICORN_SCHEMA, list(TABLES)),
    ).fetchall()
    return any(columns != list(TABLES[name].column_names) for name, columns in installed)


def check_options(current: Mapping[str, str], changes: Mapping[str, str | None]) -> None:
    """Refuse bad option values before they are stored, whichever engine will read them
    (Multicorn2's own validator does not look at them)."""
    merged = {key: value for key, value in {**current, **changes}.items() if value is not None}
    try:
        parse_options(merged)
    except OptionError as exc:
        raise InstallError(f"agentcore: {exc}", exc.hint) from exc


def run_file(conn: psycopg.Connection, path: Path) -> None:
    conn.execute(path.read_text(encoding="utf-8"))


def uninstall(dsn: str) -> None:
    with psycopg.connect(dsn) as conn:
        for path in expand(sql_dir() / "uninstall.sql"):
            run_file(conn, path)
