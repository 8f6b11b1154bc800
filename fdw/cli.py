"""The agentcore-fdw command line."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import psycopg

from . import __version__
from .install import ENGINES, InstallError, install, parse_option_arguments, uninstall
from .local_postgres import LocalPostgres, PostgresError
from .output import FORMATS, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="agentcore-fdw",
        description="SQL over Amazon Bedrock AgentCore's identity posture.",
    )
    parser.add_argument("--version", action="version", version=f"agentcore-fdw {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    install_parser = commands.add_parser(
        "install",
        help="install the agentcore schema into a PostgreSQL database (idempotent)",
        description="Create what is missing, replace the views, keep the server options "
        "except those given with --option.",
    )
    install_parser.add_argument("--dsn", required=True, help="libpq connection string or URI")
    install_parser.add_argument("--engine", choices=("auto",) + ENGINES, default="auto")
    install_parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a server option (regions, profile, endpoint_url, max_concurrency, "
        "max_attempts, ignore_error_codes); KEY= drops it",
    )

    uninstall_parser = commands.add_parser("uninstall", help="remove everything installed")
    uninstall_parser.add_argument("--dsn", required=True)

    audit_parser = commands.add_parser(
        "audit",
        help="start a private PostgreSQL, install, and print the runtime authorization audit",
        description="Exit status: 0 when every runtime is ok, 1 when one is alarm or error, "
        "2 when the audit could not run.",
    )
    audit_parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a server option, as for install",
    )
    audit_parser.add_argument("--output", choices=FORMATS, default="table")

    args = parser.parse_args(argv)
    try:
        if args.command == "install":
            engine = install(args.dsn, args.engine, parse_option_arguments(args.option))
            print(f"agentcore-fdw {__version__} installed with the {engine} engine")
        elif args.command == "uninstall":
            uninstall(args.dsn)
            print("agentcore-fdw uninstalled")
        elif args.command == "audit":
            return audit(parse_option_arguments(args.option), args.output)
    except (InstallError, PostgresError, psycopg.Error) as exc:
        report(exc)
        return 2 if args.command == "audit" else 1
    return 0


AUDIT_QUERY = """
SELECT status, account_id, region, agent_runtime_name, reason
FROM agentcore.runtime_authorization_audit
ORDER BY status = 'ok', account_id, region, agent_runtime_name
"""


def audit(options: dict[str, str | None], output: str) -> int:
    """The audit from a throwaway PostgreSQL: nothing to set up, nothing left behind."""
    with tempfile.TemporaryDirectory(prefix="agentcore-fdw-") as directory:
        os.chmod(directory, 0o755)
        server = LocalPostgres(Path(directory) / "postgres", durable=False)
        server.share_aws_config()
        server.start()
        try:
            install(server.dsn(), "auto", options)
            with psycopg.connect(server.dsn()) as conn, conn.cursor() as cursor:
                cursor.execute(AUDIT_QUERY)
                columns = [column.name for column in cursor.description]
                rows = cursor.fetchall()
        finally:
            server.stop()
    sys.stdout.write(render(columns, rows, output))
    return 1 if any(row[0] != "ok" for row in rows) else 0


def report(exc: Exception) -> None:
    """An error as PostgreSQL or we worded it, with its hint: never a traceback."""
    diag = getattr(exc, "diag", None)
    message = (diag.message_primary if diag and diag.message_primary else str(exc)).strip()
    hint = diag.message_hint if diag else getattr(exc, "hint", None)
    print(f"agentcore-fdw: error: {message}", file=sys.stderr)
    if hint:
        print(f"hint: {hint}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
