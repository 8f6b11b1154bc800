"""The BI tools' role, agentcore_reader: who may log in over TCP, its generated password, and
the read-only grants of sql/reader.sql. The service makes it, and puts it back when it changed."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import psycopg
from psycopg import sql

from ..schema.install import run_file, sql_dir

READER = "agentcore_reader"


def access_rules(database: str, network: bool) -> list[str]:
    """pg_hba.conf's lines: over TCP, only the reader, and only to `database`; the owner uses
    the socket, whose directory is the server user's alone. On the network, TLS only."""
    reader = f"{database} {READER}"
    host = "hostssl" if network else "host"
    rules = [
        "local all all trust",
        f"{host} {reader} 127.0.0.1/32 scram-sha-256",
        f"{host} {reader} ::1/128 scram-sha-256",
    ]
    if network:
        rules += [
            f"hostssl {reader} 0.0.0.0/0 scram-sha-256",
            f"hostssl {reader} ::/0 scram-sha-256",
        ]
    return rules


def reset_reader(conn: psycopg.Connection, password: str) -> None:
    """Create the reader, or give it back `password` and no settings of its own."""
    set_reader_password(conn, password)
    conn.execute(sql.SQL("ALTER ROLE {} RESET ALL").format(sql.Identifier(READER)))


def grant_reader(dsn: str) -> None:
    """Let the reader read the agentcore schema of the database at `dsn`, and nothing else."""
    with psycopg.connect(dsn) as conn:
        run_file(conn, sql_dir() / "reader.sql")


def restore_reader(admin_dsn: str, reader_dsn: str, password: str) -> list[str]:
    """Put the reader back as the service made it, if it changed its own password or settings
    (any role may): what was restored, for `status` to say."""
    restored = []
    try:
        psycopg.connect(reader_dsn, connect_timeout=5).close()
    except psycopg.OperationalError:
        restored.append("its password")
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        settings = conn.execute(
            "SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole "
            "WHERE r.rolname = %s",
            (READER,),
        ).fetchone()[0]
        if settings:
            restored.append("its settings")
            conn.execute(sql.SQL("ALTER ROLE {} RESET ALL").format(sql.Identifier(READER)))
            for (database,) in conn.execute("SELECT datname FROM pg_database").fetchall():
                conn.execute(
                    sql.SQL("ALTER ROLE {} IN DATABASE {} RESET ALL").format(
                        sql.Identifier(READER), sql.Identifier(database)
                    )
                )
        if "its password" in restored:
            set_reader_password(conn, password)
    return restored


def set_reader_password(conn: psycopg.Connection, password: str) -> None:
    """Create or reset the reader with `password`, sent as a SCRAM verifier computed here:
    a server that logs statements never logs the password itself."""
    role = sql.Identifier(READER)
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (READER,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    conn.execute(
        sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
            role, sql.Literal(scram_verifier(password))
        )
    )


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier of `password` (RFC 5802, RFC 7677), which it
    stores as given instead of hashing what it receives."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"
