"""A database of yours, named by `--dsn`: where `agentcore-fdw install --dsn` put the schema.

`check --dsn` and `query --dsn` read it as the role the DSN names, in read-only transactions
as the service's BI role is, and write (check --save, --fresh) only when asked to. What they
say about it never repeats the DSN's password, not even where libpq quotes what it could not
parse.
"""

from __future__ import annotations

import os
import re

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

READ_ONLY = "-c default_transaction_read_only=on"
HIDDEN = "********"
# libpq messages whose quoted text is a keyword of the DSN, not one of its values.
NAMES_A_KEYWORD = ("invalid connection option", "invalid URI query parameter")


class DatabaseError(RuntimeError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class Database:
    """What check and query read, as they read the service (service.Instance): a session of
    the reader, or one that may write."""

    demo = False

    def __init__(self, dsn: str):
        try:
            params = conninfo_to_dict(dsn)
        except psycopg.ProgrammingError as exc:
            raise DatabaseError(
                f"--dsn is not a connection string libpq accepts: {unquoted(str(exc))}",
                hint="key=value pairs (host=... dbname=... user=...) or a postgresql:// URI",
            ) from None
        self._dsn = dsn
        self._password = params.get("password") or None
        options = params.get("options", os.environ.get("PGOPTIONS"))
        self._read_only = make_conninfo(
            dsn, options=f"{options} {READ_ONLY}" if options else READ_ONLY
        )

    def reader_dsn(self) -> str:
        """The DSN's role in read-only transactions: for reading."""
        return self._read_only

    def admin_dsn(self) -> str:
        """The DSN as given, whose transactions may write: for check --save and --fresh."""
        return self._dsn

    def without_password(self, text: str) -> str:
        return text.replace(self._password, HIDDEN) if self._password else text

    def require_schema(self, conn: psycopg.Connection) -> None:
        """Fail, saying so, unless the schema install puts there can be read in this session."""
        where = f"database {conn.info.dbname!r} as role {conn.info.user!r}"
        try:
            found = conn.execute("SELECT to_regclass('agentcore.control_results')").fetchone()
        except psycopg.errors.InsufficientPrivilege:
            raise DatabaseError(
                f"the agentcore schema cannot be read in {where}",
                hint="grant the role USAGE on schema agentcore and SELECT on its tables and "
                "views (what sql/reader.sql grants agentcore_reader), or connect as one that has",
            ) from None
        if found[0] is None:
            raise DatabaseError(
                f"the agentcore schema is not installed in {where}",
                hint="install it with agentcore-fdw install --dsn (as a superuser), or name "
                "the database it was installed in",
            )


def unquoted(message: str) -> str:
    """libpq's complaint about a DSN without the text it quotes (which may be the password),
    unless that text is a keyword."""
    message = message.strip()
    if message.startswith(NAMES_A_KEYWORD):
        return message
    # A quoted "=" says what is missing; any other quoted text came from the DSN.
    return re.sub(r'"([^"]*)"', lambda m: m[0] if m[1] == "=" else '"..."', message)
