"""The agentcore-fdw command line: install into a database, or run the embedded service and
query it, and produce the compliance report."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import psycopg

from .. import __version__
from ..core.options import OPTION_HELP, OptionError, Settings, known_regions, parse_options
from ..core.results import INCOMPLETE_MARK
from ..schema.controls import CONTROLS, FRAMEWORKS, mapped_to
from ..schema.install import (
    ENGINES,
    InstallError,
    check_options,
    install,
    parse_option_arguments,
    server_options,
    uninstall,
)
from . import ocsf
from .database import Database, DatabaseError
from .findings import current_settings
from .iam_policy import policy_text
from .local_postgres import PostgresError
from .output import FORMATS as QUERY_FORMATS
from .output import postgres_text, progress, render, terminal_lines
from .reader_role import READER
from .report import DEMO_BANNER, FAILING, Report, known_controls, write
from .report import FORMATS as REPORT_FORMATS
from .report import render as render_report
from .security_hub import ExportError
from .security_hub import export as export_findings
from .service import LISTEN, Instance, ServiceError, data_home, instances, running_instance

CHECK_FAILED = 2  # the check itself could not run


class CommandError(RuntimeError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="agentcore-fdw",
        description="SQL over Amazon Bedrock AgentCore's identity posture.",
    )
    top.add_argument("--version", action="version", version=f"agentcore-fdw {__version__}")
    top.add_argument(
        "--data-dir",
        type=Path,
        help="where the service keeps its data (default: $AGENTCORE_FDW_HOME, "
        "/var/lib/agentcore-fdw as root, else ~/.local/share/agentcore-fdw)",
    )
    commands = top.add_subparsers(dest="command", required=True)
    # Every option the server takes, from the one table of them.
    option_help = f"a server option ({', '.join(OPTION_HELP)}); KEY= drops it"

    install_parser = commands.add_parser(
        "install",
        help="install the agentcore schema into a PostgreSQL database (idempotent)",
        description="Create what is missing, replace the views, keep the server options "
        "except those given with --option.",
    )
    install_parser.add_argument("--dsn", required=True, help="libpq connection string or URI")
    install_parser.add_argument("--engine", choices=("auto",) + ENGINES, default="auto")
    install_parser.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE", help=option_help
    )
    uninstall_parser = commands.add_parser("uninstall", help="remove everything installed")
    uninstall_parser.add_argument("--dsn", required=True)
    iam = commands.add_parser(
        "iam-policy",
        help="print the least-privilege IAM policy for every AWS call this version makes",
        description="A JSON policy document: one Allow statement listing each action by name "
        "(no wildcard), made from the tables' and the core's declared AWS calls.",
    )
    iam.add_argument(
        "--with-security-hub",
        action="store_true",
        help="add the statement check --to-security-hub needs (Security Hub's import calls)",
    )

    service = commands.add_parser("service", help="the embedded PostgreSQL for BI tools")
    actions = service.add_subparsers(dest="action", required=True)
    for action in ("start", "restart"):
        start = actions.add_parser(action, help=f"{action} the service")
        start.add_argument("--demo", action="store_true", help="on the built-in demo estate")
        start.add_argument("--listen", choices=LISTEN, help="local (default) or network")
        start.add_argument("--port", type=int, help="default 9193")
        start.add_argument(
            "--option", action="append", default=[], metavar="KEY=VALUE", help=option_help
        )
        start.add_argument("--tls-cert", type=Path, help="PEM certificate for --listen network")
        start.add_argument("--tls-key", type=Path, help="its PEM private key")
    actions.add_parser("stop", help="stop the service (its data and history stay)")
    status = actions.add_parser(
        "status", help="whether it runs, and the connection string for BI tools"
    )
    status.add_argument(
        "--owner", action="store_true", help="also how to connect as the owner, for administration"
    )

    query = commands.add_parser(
        "query", help="run SQL against the service (started if needed), or the --dsn database"
    )
    query.add_argument(
        "sql", help="one statement; several with --output table, which prints each result"
    )
    query.add_argument("--output", choices=QUERY_FORMATS, default="table")
    query.add_argument("--dsn", help=DSN_HELP)
    query.add_argument("--demo", action="store_true", help="on the built-in demo estate")
    query.add_argument("--as-owner", action="store_true", help=AS_OWNER_HELP)

    check = commands.add_parser(
        "check",
        help="the compliance report from agentcore.control_results",
        description="Exit status: 0 when nothing fails the --fail-on level, 1 when something "
        "does, 2 when the check could not run.",
    )
    check.add_argument(
        "--control",
        action="append",
        default=[],
        metavar="ID",
        help="only this control (repeatable): " + ", ".join(known_controls()),
    )
    check.add_argument("--where", metavar="SQL", help="a filter, e.g. \"account_id = '...'\"")
    check.add_argument(
        "--output",
        choices=REPORT_FORMATS,
        help="default: from --output-file's extension (.html, .md, .csv, .json), else table; "
        "ocsf: every result as an OCSF Detection Finding (needs the ocsf extra)",
    )
    check.add_argument("--output-file", type=Path)
    check.add_argument("--dsn", help=DSN_HELP)
    check.add_argument("--fail-on", choices=tuple(FAILING), default="alarm")
    check.add_argument(
        "--save",
        action="store_true",
        help="record a snapshot in the history (agentcore.snapshot_controls())",
    )
    check.add_argument(
        "--fresh",
        action="store_true",
        help="read AWS anew: forget what the shared cache holds (agentcore.refresh()) first",
    )
    check.add_argument(
        "--framework",
        choices=tuple(FRAMEWORKS),
        help="only the controls mapped to this framework, with its control IDs beside ours",
    )
    check.add_argument(
        "--list-controls",
        action="store_true",
        help="print the control catalog (agentcore.controls) and exit",
    )
    check.add_argument(
        "--to-security-hub",
        action="store_true",
        help="also import every result into AWS Security Hub (ASFF), each into its resource's "
        "account through the credentials the server options name for it; a rerun updates, "
        "and archives the findings of resources gone",
    )
    check.add_argument(
        "--security-hub-region",
        metavar="REGION",
        help="with --to-security-hub: import into each account's hub in this region (e.g. "
        "Security Hub's aggregation region), not the resource's",
    )
    check.add_argument("--demo", action="store_true", help="on the built-in demo estate")
    check.add_argument("--as-owner", action="store_true", help=AS_OWNER_HELP)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    home = args.data_dir or data_home()
    failure = CHECK_FAILED if args.command == "check" else 1
    try:
        if args.command == "install":
            engine = install(args.dsn, args.engine, parse_option_arguments(args.option))
            print(f"agentcore-fdw {__version__} installed with the {engine} engine")
        elif args.command == "uninstall":
            uninstall(args.dsn)
            print("agentcore-fdw uninstalled")
        elif args.command == "iam-policy":
            sys.stdout.write(policy_text(with_security_hub=args.with_security_hub))
        elif args.command == "service":
            return service_command(home, args)
        elif args.command == "query":
            return query_command(home, args)
        elif args.command == "check":
            return check_command(home, args)
    except (
        InstallError, ServiceError, CommandError, DatabaseError, PostgresError, psycopg.Error
    ) as exc:  # fmt: skip
        report_error(exc)
        return failure
    except OSError as exc:  # an output file, a data directory
        report_error(CommandError(f"{exc.strerror}: {exc.filename}" if exc.filename else str(exc)))
        return failure
    return 0


def report_error(exc: Exception) -> None:
    """An error as PostgreSQL or we worded it, with its hint: never a traceback."""
    diag = getattr(exc, "diag", None)
    message = (diag.message_primary if diag and diag.message_primary else str(exc)).strip()
    hint = diag.message_hint if diag else getattr(exc, "hint", None)
    print(f"agentcore-fdw: error: {terminal_lines(message)}", file=sys.stderr)
    if hint:
        print(f"hint: {terminal_lines(hint)}", file=sys.stderr)


# service start | stop | status | restart


def service_command(home: Path, args) -> int:
    if args.action in ("start", "restart"):
        options = parse_option_arguments(args.option)
        check_options({}, options)  # refused before anything is stopped
        other = running_instance(home)
        if args.action == "start" and other is not None and running_as_asked(other, args):
            print_status(other)  # nothing to do
            return 0
        if args.action == "restart" and other is not None:
            demo = other.demo if not args.demo else True
            other.stop()
        else:
            demo = args.demo
        instance = Instance(home, demo)
        refuse_other_instance(home, instance)
        if not demo and not aws_credentials_configured():
            print(
                "agentcore-fdw: warning: no AWS credentials are configured, so the service "
                "cannot read AWS until the PostgreSQL server finds some (see README); "
                "'agentcore-fdw service start --demo' runs the built-in demo estate",
                file=sys.stderr,
            )
        if bool(args.tls_cert) != bool(args.tls_key):
            raise CommandError("--tls-cert and --tls-key go together")
        tls = (args.tls_cert.read_bytes(), args.tls_key.read_bytes()) if args.tls_cert else None
        state = instance.start(args.listen, args.port, options, tls)
        print(f"agentcore-fdw {instance.name} started ({state.engine} engine)")
        print_status(instance)
        return 0
    if args.action == "stop":
        stopped = [instance.name for instance in instances(home) if instance.stop()]
        print(f"agentcore-fdw {' and '.join(stopped)} stopped" if stopped else "not running")
        return 0
    running = running_instance(home)
    if running is None:
        print(f"agentcore-fdw service: stopped (data in {home})")
        return 1
    restored = running.restore_reader()
    if restored:
        print(
            f"agentcore-fdw: {READER} had changed {' and '.join(restored)}; restored",
            file=sys.stderr,
        )
    print_status(running)
    if args.owner:
        # The socket's directory is the server's user's: root, or that user, may connect.
        print(f'owner:      psql "{running.admin_dsn()}"  (its local socket)')
    return 0


def running_as_asked(running: Instance, args) -> bool:
    """Whether `service start` asks for what runs: the same instance, and a port and listening
    that are its own when given; new options or a certificate ask for a restart."""
    if running.demo != args.demo or args.option or args.tls_cert or args.tls_key:
        return False
    state = running.state()
    return args.port in (None, state.port) and args.listen in (None, state.listen)


def print_status(instance: Instance) -> None:
    state = instance.state()
    if instance.demo:
        print(DEMO_BANNER)
    print(f"status:     running ({instance.name}, {state.engine} engine, listening {state.listen})")
    print(f"connect:    {instance.connection_string(state)}")
    print(f"data:       {instance.directory}")


def refuse_other_instance(home: Path, wanted: Instance) -> None:
    running = running_instance(home)
    if running is not None and running.demo != wanted.demo:
        raise CommandError(
            f"the {running.name} is running; only one runs at a time",
            hint="agentcore-fdw service stop, then try again",
        )


def connect(
    instance: Instance | Database,
    warnings: list[str],
    as_owner: bool = False,
    autocommit: bool = False,
):
    """A session whose WARNINGs (a scan that could not read everything) are collected, never
    lost: as the read-only BI role (or the --dsn role) in read-only transactions, unless the
    owner (or the --dsn role's writing) is asked for."""
    dsn = instance.admin_dsn() if as_owner else instance.reader_dsn()
    if isinstance(instance, Database):
        try:
            conn = psycopg.connect(dsn, autocommit=autocommit)
        except psycopg.OperationalError as exc:
            raise CommandError(
                "could not connect to the --dsn database: "
                + instance.without_password(" ".join(str(exc).split()))  # libpq's lines, as one
            ) from None
        instance.require_schema(conn)
    else:
        conn = psycopg.connect(dsn, autocommit=autocommit)

    def collect(diag) -> None:
        if diag.severity_nonlocalized != "WARNING":
            return
        if INCOMPLETE_MARK in diag.message_primary.split("\n", 1)[0]:
            warnings.append(diag.message_primary)
        else:  # read in full (AWS throttled, and every request was retried): said, not failed
            print(f"WARNING: {terminal_lines(diag.message_primary)}", file=sys.stderr)

    conn.add_notice_handler(collect)
    return conn


def ensure_service(home: Path, demo: bool) -> Instance:
    """The running instance, or one started for this command: the demo when asked for, or
    when no AWS credentials are configured."""
    running = running_instance(home)
    if running is not None:
        if running.demo == demo:
            return running
        if demo:
            raise CommandError(
                f"the {running.name} is running; only one runs at a time",
                hint="agentcore-fdw service stop, then try again",
            )
        if not aws_credentials_configured():
            return running  # the demo, as when it was started for want of credentials
        raise CommandError(
            "the demo is running, not the service on your AWS",
            hint="agentcore-fdw service stop, then try again (or add --demo)",
        )
    if not demo and not aws_credentials_configured():
        print(
            "agentcore-fdw: no AWS credentials are configured, so the built-in demo estate is "
            "used (configure credentials, then 'agentcore-fdw service stop', to use yours)",
            file=sys.stderr,
        )
        demo = True
    instance = Instance(home, demo)
    with progress(f"starting the agentcore-fdw {instance.name}"):
        state = instance.start(None, None, {})
    print(
        f"agentcore-fdw: started the {instance.name} on port {state.port}; it stays running "
        "(for BI tools and the next command): 'agentcore-fdw service stop' stops it",
        file=sys.stderr,
    )
    return instance


def target(home: Path, args) -> Instance | Database:
    """What query and check read: the database --dsn names, or the service."""
    if args.dsn is None:
        return ensure_service(home, args.demo)
    for flag, given in (("--demo", args.demo), ("--as-owner", args.as_owner)):
        if given:
            raise CommandError(
                f"{flag} and --dsn do not go together: {flag} is the service's, and --dsn "
                "reads the database it names as the role it names",
                hint="leave out --dsn to use the service, or put the role you want in the DSN",
            )
    return Database(args.dsn)


def aws_credentials_configured() -> bool:
    import boto3
    from botocore.exceptions import ProfileNotFound

    try:
        return boto3.session.Session().get_credentials() is not None
    except ProfileNotFound as exc:
        raise CommandError(
            f"AWS_PROFILE names profile {exc.kwargs.get('profile')!r}, which is not in your "
            "AWS config"
        ) from exc


# query


def query_command(home: Path, args) -> int:
    """Each statement's result in turn for a table; one statement's alone for a program."""
    if args.output != "table" and statement_count(args.sql) > 1:
        raise several_statements(args.output)
    instance = target(home, args)
    if instance.demo:
        banner(args.output == "table")
    warnings: list[str] = []
    try:
        with (
            connect(instance, warnings, as_owner=args.as_owner, autocommit=True) as conn,
            conn.cursor() as cursor,
        ):
            if args.output in ("table", "csv"):
                postgres_text(cursor)
            with progress("querying"):
                cursor.execute(args.sql)
            results = [result_text(cursor, args.output)]
            while cursor.nextset():
                results.append(result_text(cursor, args.output))
            if len(results) > 1 and args.output != "table":  # a statement the count missed
                raise several_statements(args.output, ran=True)
            sys.stdout.write("\n".join(results))
    finally:
        for warning in warnings:
            print(f"WARNING: {terminal_lines(warning)}", file=sys.stderr)
    return 0


def result_text(cursor: psycopg.Cursor, output: str) -> str:
    """The current result: its rows, or the status of a statement that returns none."""
    if cursor.description is None:
        return cursor.statusmessage + "\n"
    columns = [column.name for column in cursor.description]
    return render(columns, cursor.fetchall(), output)


def several_statements(output: str, ran: bool = False) -> CommandError:
    return CommandError(
        f"--output {output} writes the result of one statement, and this SQL holds several"
        + (" (they ran; nothing is printed)" if ran else ""),
        hint="run each in a query of its own, or use --output table, which prints each "
        "statement's result in turn",
    )


def banner(in_band: bool) -> None:
    """Mark demo output: in the output itself for people, on stderr for programs."""
    print(DEMO_BANNER, file=sys.stdout if in_band else sys.stderr)


# check

DSN_HELP = (
    "read the database where 'agentcore-fdw install --dsn' put the schema, as the role this "
    "libpq connection string or URI names, in read-only transactions, instead of the service"
)
AS_OWNER_HELP = (
    "connect as the database's owner (a superuser) instead of the read-only BI role in "
    "read-only transactions: for administration only"
)
# What --output-file's extension means when --output is not given.
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".csv": "csv", ".json": "json"}


def output_for(path: Path | None) -> str:
    return EXTENSIONS.get(path.suffix.lower(), "table") if path else "table"


def boolean_expression(text: str) -> str:
    """`text` when it is one expression that cannot end the WHERE clause it is put in: its
    parentheses balance outside string literals and quoted names, and it has no comment and
    no semicolon. PostgreSQL then parses it, in a read-only session of the BI role."""
    unclosed = "--where takes one expression: its parentheses or quotes do not close"
    depth, i = 0, 0
    while i < len(text):
        past = _past_quoted(text, i)
        if past is not None:
            if past < 0:
                raise CommandError(unclosed)
            i = past
            continue
        char = text[i]
        if text.startswith(("--", "/*"), i) or char == ";":
            raise CommandError(f"--where takes one expression: no {text[i : i + 2]!r}")
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise CommandError("--where takes one expression: a ')' ends it early")
        i += 1
    if depth != 0:
        raise CommandError(unclosed)
    if not text.strip():
        raise CommandError("--where takes one expression: it is empty")
    return text


def statement_count(text: str) -> int:
    """How many statements PostgreSQL will run from `text`: those its `;`s end outside string
    literals, quoted names, dollar quotes and comments, empty ones left out. A function body
    in BEGIN ATOMIC ... END counts as several (what could refuse it is said in the README)."""
    count, words, i = 0, False, 0
    while i < len(text):
        past = _past_quoted(text, i)
        if past is None and text.startswith("--", i):
            end = text.find("\n", i)
            past = len(text) if end < 0 else end
        elif past is None and text.startswith("/*", i):
            past = _past_comment(text, i)
        if past is not None:
            words = words or text[i] in "'\"$"  # a literal is something; a comment is not
            i = len(text) if past < 0 else past
            continue
        if text[i] == ";":
            count, words = count + words, False
        elif not text[i].isspace():
            words = True
        i += 1
    return count + words


def _past_quoted(text: str, start: int) -> int | None:
    """The index just past the string literal, quoted name or dollar-quoted string opening at
    `start`; -1 when it does not close, None when none opens there."""
    char = text[start]
    if char in "'\"":
        escapes = char == "'" and start > 0 and text[start - 1] in "eE"
        return _end_of_quoted(text, start, char, escapes)
    if char == "$" and not (start > 0 and re.match(r"\w", text[start - 1])):  # not in a name
        tag = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", text[start:])
        if tag:
            end = text.find(tag.group(0), start + len(tag.group(0)))
            return -1 if end < 0 else end + len(tag.group(0))
    return None


def _end_of_quoted(text: str, start: int, quote: str, escapes: bool) -> int:
    """The index just past the literal or quoted name opening at `start`; -1 when it does not
    close."""
    i = start + 1
    while i < len(text):
        if escapes and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if text[i + 1 : i + 2] == quote:  # a doubled quote stands for itself
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def _past_comment(text: str, start: int) -> int:
    """The index just past the /* comment */ opening at `start` (they nest); -1 when it does
    not close."""
    depth, i = 0, start
    while i < len(text):
        if text.startswith("/*", i):
            depth, i = depth + 1, i + 2
        elif text.startswith("*/", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    return -1


def list_controls() -> int:
    columns = ("control_id", "severity", "resource_type", *FRAMEWORKS, "title")
    rows = [
        [control.control_id, control.severity, control.resource_type]
        + [control.frameworks.get(name) for name in FRAMEWORKS]
        + [control.title]
        for control in CONTROLS
    ]
    print(render(columns, rows, "table"), end="")
    return 0


# What check --save needs: snapshot_controls() runs with its caller's rights (has_*_privilege
# with a list asks for any one of them, so each is asked for apart), outside read-only
# transactions.
SAVE_PRIVILEGES = (
    "SELECT has_function_privilege('agentcore.snapshot_controls()', 'EXECUTE') "
    "AND has_table_privilege('agentcore.control_history', 'INSERT') "
    "AND has_table_privilege('agentcore.control_history', 'UPDATE') "
    "AND has_table_privilege('agentcore.control_history', 'SELECT')"
)
READ_ONLY = "SELECT current_setting('transaction_read_only')::boolean"
REFRESH_PRIVILEGE = (
    "SELECT CASE WHEN to_regprocedure('agentcore.refresh(text)') IS NOT NULL "
    "THEN has_function_privilege('agentcore.refresh(text)', 'EXECUTE') END"
)


def may(conn: psycopg.Connection, question: str) -> bool | None:
    """The answer to a question of one boolean (has_*_privilege); None when what it is about
    does not exist."""
    return conn.execute(question).fetchone()[0]


def refuse_to_save(conn: psycopg.Connection) -> None:
    """Fail unless this session may take a snapshot into the history."""
    what = "--save writes agentcore.control_history through agentcore.snapshot_controls()"
    if not may(conn, SAVE_PRIVILEGES):
        raise CommandError(
            f"{what}, which role {conn.info.user!r} may not",
            hint="connect as the schema's owner (or a role granted EXECUTE on the function "
            "and SELECT, INSERT and UPDATE on the table), or leave out --save",
        )
    if may(conn, READ_ONLY):
        raise CommandError(
            f"{what}, and this session's transactions are read-only",
            hint="the role, its database or the DSN sets default_transaction_read_only: "
            "connect without it to save",
        )


def check_command(home: Path, args) -> int:
    if args.list_controls:
        return list_controls()
    if args.output is None:
        args.output = output_for(args.output_file)
    if args.output == "ocsf" and ocsf.missing():
        raise CommandError(*ocsf.missing())
    unknown = sorted(set(args.control) - set(known_controls()))
    if unknown:
        raise CommandError(
            f"unknown control {unknown[0]!r}", hint="controls: " + ", ".join(known_controls())
        )
    if args.framework:
        mapped = [control.control_id for control in mapped_to(args.framework)]
        args.control = [c for c in args.control if c in mapped] if args.control else mapped
        if not args.control:
            raise CommandError(f"none of the controls asked for maps to {args.framework}")
    if args.security_hub_region and not args.to_security_hub:
        raise CommandError("--security-hub-region goes with --to-security-hub")
    instance = target(home, args)
    # Said before AWS is read: the import needs the server options, which only the owner sees.
    hub_settings = security_hub_settings(instance, args) if args.to_security_hub else None
    if args.fresh:  # forgetting the shared cache is the owner's: the reader may not
        with connect(instance, [], as_owner=True, autocommit=True) as conn:
            allowed = may(conn, REFRESH_PRIVILEGE)
            if allowed is None:
                raise CommandError(
                    "--fresh calls agentcore.refresh(), which this database lacks "
                    "(it is installed where PL/Python is)",
                    hint="leave out --fresh, or set the server option cache_ttl to 0",
                )
            if not allowed:
                raise CommandError(
                    f"--fresh calls agentcore.refresh(), which role {conn.info.user!r} may not",
                    hint="connect as the schema's owner, or leave out --fresh",
                )
            conn.execute("SELECT agentcore.refresh()")
    query = "SELECT * FROM agentcore.control_results WHERE true"
    params: list = []
    if args.control:
        query += " AND control_id = ANY(%s)"
        params.append(args.control)
    if args.where:
        query += f" AND ({boolean_expression(args.where).replace('%', '%%')})"
    query += " ORDER BY control_id, account_id, region, resource"
    warnings: list[str] = []
    with (
        # --save writes the history, which only the owner may.
        connect(instance, warnings, as_owner=args.as_owner or args.save) as conn,
        progress("reading AWS"),
        conn.cursor(row_factory=psycopg.rows.dict_row) as cursor,
    ):
        if args.save:  # said before AWS is read
            refuse_to_save(conn)
        cursor.execute(query, params)
        rows = cursor.fetchall()
        # In the same transaction: the age of what the report shows, not of what is cached now.
        cursor.execute(
            "SELECT min(fetched_at) AS fetched_at FROM agentcore.cache WHERE in_this_transaction"
        )
        fetched_at = cursor.fetchone()["fetched_at"]
        current = current_settings(conn, rows)
        if args.save:
            # Every control, whatever --control and --where chose; in the same transaction,
            # so the tables the report read are not read from AWS again.
            cursor.execute("SELECT agentcore.snapshot_controls() AS saved")
            saved = cursor.fetchone()["saved"]
    report = Report(
        rows,
        demo=instance.demo,
        warnings=warnings,
        data_fetched_at=fetched_at,
        framework=args.framework,
        current=current,
    )
    if instance.demo and args.output in ("csv", "json", "ocsf"):
        banner(in_band=False)
    if args.output in ("csv", "ocsf"):  # these hold findings alone
        print(f"agentcore-fdw: {report.data_age}", file=sys.stderr)
        for warning in warnings:
            print(f"WARNING: {terminal_lines(warning)}", file=sys.stderr)
    text = render_report(report, args.output)
    write(text, args.output_file)
    if args.output_file:
        print(
            f"agentcore-fdw: wrote {args.output_file} ({args.output}, {len(text.encode())} bytes)",
            file=sys.stderr,
        )
    if args.save:
        print(f"agentcore-fdw: saved {saved} results to agentcore.control_history", file=sys.stderr)
    if hub_settings is not None:
        to_security_hub(report, hub_settings, args)
    return 1 if report.fails(args.fail_on) else 0


def security_hub_settings(instance: Instance | Database, args) -> Settings:
    """The server's options, as settings for reaching each account from this process."""
    if instance.demo:
        raise CommandError(
            "--to-security-hub imports into your AWS accounts' Security Hub, and the demo "
            "estate's accounts are simulated",
            hint="leave out --demo (or stop the demo service and configure AWS credentials)",
        )
    if args.security_hub_region and args.security_hub_region not in known_regions():
        raise CommandError(f"--security-hub-region: unknown region {args.security_hub_region!r}")
    with connect(instance, [], as_owner=True, autocommit=True) as conn:
        try:
            options = server_options(conn)
        except psycopg.errors.InsufficientPrivilege:
            raise CommandError(
                "--to-security-hub reaches each account as the server does, from the options "
                f"of SERVER agentcore, which role {conn.info.user!r} may not read",
                hint="connect as the schema's owner (or a role that may read "
                "pg_foreign_server.srvoptions), or leave out --to-security-hub",
            ) from None
    try:
        return parse_options(options)
    except OptionError as exc:
        raise CommandError(str(exc), exc.hint) from None


def to_security_hub(report: Report, settings: Settings, args) -> None:
    """Import the report's results; what was not archived, and why, is said on stderr."""
    archive = not (args.where or report.warnings)
    if not archive:
        why = "--where narrowed the results" if args.where else "AWS was not read in full"
        print(
            f"agentcore-fdw: Security Hub: earlier findings are not archived: {why}, so a "
            "missing result does not mean a resource is gone",
            file=sys.stderr,
        )
    try:
        with progress("importing into Security Hub"):
            outcome = export_findings(
                report.rows, settings, report.observed_at, datetime.now(timezone.utc),
                hub_region=args.security_hub_region, controls=args.control or None,
                archive=archive, current=report.current,
            )  # fmt: skip
    except ExportError as exc:
        raise CommandError(str(exc), exc.hint) from None
    print(f"agentcore-fdw: Security Hub: {outcome.summary()}", file=sys.stderr)
    if outcome.unrouted:
        print(
            f"agentcore-fdw: Security Hub: {outcome.unrouted} results name no account, region "
            "or resource the server options reach, and were not imported",
            file=sys.stderr,
        )
    if outcome.failures:
        raise CommandError(
            "; ".join(outcome.failures),
            hint="the member role (or profile) of each account needs securityhub:GetFindings, "
            "BatchImportFindings and BatchUpdateFindings (agentcore-fdw iam-policy "
            "--with-security-hub)",
        )


if __name__ == "__main__":
    sys.exit(main())
