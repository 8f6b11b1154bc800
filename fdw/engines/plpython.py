"""The plpython engine: set-returning plpython3u functions behind views of the contract's names.

The SQL in sql/engine_plpython.sql calls `scan` and `validate_options`; `plpy` comes from
the calling function, so this module imports nothing of PostgreSQL and loads anywhere.
"""

from __future__ import annotations

from typing import Any

from ..core import cache
from ..core.options import OptionError, parse_options
from ..core.results import AwsError, ScanCancelled
from ..tables import table as table_named
from .common import SERVER_NAME, forget_contexts, scan_once, warning_summary

FDW_ERROR = "HV000"
INVALID_OPTION = "HV00D"
QUERY_CANCELED = "57014"
INVALID_PARAMETER = "22023"


def scan(plpy: Any, table_name: str) -> list[tuple]:
    """The rows of a table's function, flattened: PL/Python hands each value to its type's
    input function, which parses JSON and timestamps from their text."""
    table = table_named(table_name)
    options = server_options(plpy)
    transaction = plpy.execute("SELECT pg_catalog.now() AS started")[0]["started"]
    try:
        result = scan_once(table, options, transaction)
    except OptionError as exc:
        raise_error(plpy, str(exc), exc.hint, INVALID_OPTION)
    except AwsError as exc:
        raise_error(plpy, str(exc), exc.hint, FDW_ERROR, exc.detail)
    except ScanCancelled as exc:
        raise_error(plpy, str(exc), None, QUERY_CANCELED)
    summary = warning_summary(table, result)
    if summary:
        plpy.warning(summary)
    return result.values


def server_options(plpy: Any) -> dict[str, str]:
    found = plpy.execute(
        "SELECT srvoptions FROM pg_catalog.pg_foreign_server WHERE srvname = "
        + plpy.quote_literal(SERVER_NAME)
    )
    if not found:
        raise_error(
            plpy,
            f"server {SERVER_NAME} does not exist",
            "run agentcore-fdw install, or psql -f sql/install_plpython.sql",
            FDW_ERROR,
        )
    return options_dict(found[0]["srvoptions"])


def options_dict(options: list[str] | None) -> dict[str, str]:
    return dict(option.split("=", 1) for option in options or ())


def validate_options(plpy: Any, options: list[str] | None, catalog: int) -> None:
    """The VALIDATOR of FOREIGN DATA WRAPPER agentcore_fdw: bad options fail at CREATE/ALTER."""
    given = options_dict(options)
    where = plpy.execute(f"SELECT {int(catalog)}::regclass::text AS catalog")[0]["catalog"]
    try:
        if where == "pg_foreign_server":
            parse_options(given)
        elif given:
            raise OptionError(
                f"option {sorted(given)[0]!r} is not valid here: agentcore_fdw takes options "
                "on its server only (CREATE SERVER agentcore ... OPTIONS)"
            )
    except OptionError as exc:
        raise_error(plpy, str(exc), exc.hint, INVALID_OPTION)


def check_server_options(plpy: Any) -> None:
    """The event trigger the multicorn engine installs after ALTER SERVER: the options of
    server agentcore are refused as the plpython engine's validator refuses them."""
    found = plpy.execute(
        "SELECT srvoptions FROM pg_catalog.pg_foreign_server WHERE srvname = "
        + plpy.quote_literal(SERVER_NAME)
    )
    if found:
        try:
            parse_options(options_dict(found[0]["srvoptions"]))
        except OptionError as exc:
            raise_error(plpy, str(exc), exc.hint, INVALID_OPTION)


def refresh(plpy: Any, table_name: str | None) -> int:
    """agentcore.refresh(): forget what the shared cache holds for the server's options, for
    one table or all; the next query of each reads AWS. Returns how many scans were dropped."""
    try:
        settings = parse_options(server_options(plpy))
        if table_name is not None:
            table_named(table_name)  # a name that is no table is an error, not a no-op
    except OptionError as exc:
        raise_error(plpy, str(exc), exc.hint, INVALID_OPTION)
    except KeyError as exc:
        raise_error(plpy, exc.args[0], None, INVALID_PARAMETER)
    forget_contexts()  # an organization's accounts are read anew as well
    return cache.SharedCache.of(settings).drop(table_name)


def raise_error(
    plpy: Any, message: str, hint: str | None, sqlstate: str, detail: str | None = None
) -> None:
    """Raise an ERROR whose text reads "agentcore: <message>", with its hint and SQLSTATE.

    PL/Python words an uncaught exception as "<module>.<class>: <message>" ("plpy.Error: ...");
    a subclass of plpy.Error named agentcore in builtins reads as just "agentcore: ...",
    and PL/Python still takes its hint and sqlstate attributes.
    """
    error_class = type("agentcore", (plpy.Error,), {"__module__": "builtins"})
    error = error_class(message)
    error.hint = hint
    error.detail = detail
    error.sqlstate = sqlstate
    raise error
