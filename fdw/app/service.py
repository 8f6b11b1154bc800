"""The embedded service: a PostgreSQL of our own, with the agentcore schema, for BI tools.

One instance lives in a directory under the data home (`$AGENTCORE_FDW_HOME`, else
/var/lib/agentcore-fdw for root, else `$XDG_DATA_HOME/agentcore-fdw` or
~/.local/share/agentcore-fdw): `service/` for your AWS, `demo/` for the demo estate, so that
demo history never mixes with yours. Only one runs at a time. Each holds the cluster, the
state (port, listen mode, the BI role's generated password) in service.json (mode 0600),
and, for the demo, the moto server's files.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from ..demo.estate import DEMO_REGIONS
from ..schema.install import install
from .local_postgres import UNPRIVILEGED_USER, LocalPostgres, free_port, python_for
from .reader_role import READER, access_rules, grant_reader, reset_reader, restore_reader

DEFAULT_PORT = 9193
DATABASE = "agentcore"
LISTEN = ("local", "network")
# What the demo's fake AWS imports besides this package.
DEMO_REQUIREMENTS = ("moto[cognitoidp]", "flask", "flask-cors")


def data_home() -> Path:
    if os.environ.get("AGENTCORE_FDW_HOME"):
        return Path(os.environ["AGENTCORE_FDW_HOME"])
    if os.geteuid() == 0:
        return Path("/var/lib/agentcore-fdw")
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "agentcore-fdw"


@dataclass
class State:
    port: int = DEFAULT_PORT
    listen: str = "local"
    demo: bool = False
    engine: str = ""
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    demo_port: int = 0
    demo_pid: int = 0


class ServiceError(RuntimeError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


class Instance:
    """One service instance: `service` (your AWS) or `demo` (the demo estate)."""

    def __init__(self, home: Path, demo: bool):
        self.demo = demo
        self.directory = home / ("demo" if demo else "service")
        self.state_file = self.directory / "service.json"
        self.demo_aws = DemoAws(self.directory)

    @property
    def name(self) -> str:
        return "demo" if self.demo else "service"

    def state(self) -> State:
        if not self.state_file.exists():
            return State(demo=self.demo)
        try:
            return State(**json.loads(self.state_file.read_text()))
        except (ValueError, TypeError) as exc:
            raise ServiceError(
                f"{self.state_file} is damaged ({exc})",
                hint="stop any PostgreSQL still running from that directory, then remove the "
                "file: a new one, with a new password, is written at the next start",
            ) from exc

    def save(self, state: State) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.state_file.touch(mode=0o600)
        self.state_file.write_text(json.dumps(asdict(state), indent=2))

    def postgres(self, state: State | None = None) -> LocalPostgres:
        state = state or self.state()
        return LocalPostgres(
            self.directory / "postgres",
            port=state.port,
            listen="*" if state.listen == "network" else "127.0.0.1",
        )

    def running(self) -> bool:
        return self.postgres().running()

    def admin_dsn(self) -> str:
        return self.postgres().dsn(DATABASE)

    def restore_reader(self) -> list[str]:
        """Put the BI role back, if it changed its password or settings: what was restored."""
        state = self.state()
        return restore_reader(self.postgres(state).dsn(), self.reader_dsn(), state.password)

    def reader_dsn(self) -> str:
        """The BI role's session on loopback, as `query` and `check` use it."""
        state = self.state()
        return psycopg.conninfo.make_conninfo(
            host="127.0.0.1", port=state.port, dbname=DATABASE, user=READER,
            password=state.password, options="-c default_transaction_read_only=on",
        )  # fmt: skip

    def connection_string(self, state: State | None = None) -> str:
        state = state or self.state()
        if state.listen == "network":  # a name other machines can reach, and TLS
            url = f"postgresql://{READER}:{state.password}@{socket.getfqdn()}:{state.port}"
            return f"{url}/{DATABASE}?sslmode=require"
        return f"postgresql://{READER}:{state.password}@127.0.0.1:{state.port}/{DATABASE}"

    # Starting and stopping.

    def start(
        self,
        listen: str | None,
        port: int | None,
        options: dict[str, str | None],
        tls: tuple[bytes, bytes] | None = None,
    ) -> State:
        state = self.state()
        if self.running():  # before any port is looked at: its own is in use
            asked = f", not {port}" if port and port != state.port else ""
            raise ServiceError(
                f"the {self.name} is already running on port {state.port}{asked}",
                hint="agentcore-fdw service restart applies new settings",
            )
        state.listen = listen or state.listen
        if port:
            state.port = port
        elif port_in_use(state.port):
            # Not asked for by number: another program (or another home's service) has it.
            moved = free_port()
            print(
                f"agentcore-fdw: port {state.port} is in use; the {self.name} listens on "
                f"{moved} instead",
                file=sys.stderr,
            )
            state.port = moved
        refuse_port_in_use(state.port)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.directory.chmod(0o755)  # the server's user must reach its cluster inside
        server = self.postgres(state)
        server.hba = access_rules(DATABASE, network=state.listen == "network")
        try:
            if self.demo:
                demo_options, demo_env = self.demo_aws.start(state)
                options = dict(demo_options, **options)
                server.extra_env.update(demo_env)
            else:
                server.share_aws_config()
            if state.listen == "network":  # a self-signed certificate unless one is given
                server.install_tls(*(tls or (None, None)))
            server.start()
            state.engine = prepare_database(server, state.password, options)
        except BaseException:
            server.stop()
            self.demo_aws.stop(state)
            raise
        self.save(state)
        return state

    def stop(self) -> bool:
        """Stop the instance; False when it was not running. Its data stays."""
        state = self.state()
        was_running = self.running()
        self.postgres(state).stop()
        if state.demo_pid:
            self.demo_aws.stop(state)
            self.save(state)
        return was_running


def prepare_database(server: LocalPostgres, password: str, options: dict) -> str:
    """Make the service's database in a started `server` ready: created if missing, the BI
    role reset to `password`, the schema installed with `options` and granted to that role.
    Returns the engine installed."""
    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
        reset_reader(conn, password)
    engine = install(server.dsn(DATABASE), "auto", options)
    grant_reader(server.dsn(DATABASE))
    return engine


class DemoAws:
    """The demo estate's stand-in AWS: a moto server process of the instance's, with its
    files in aws/ and its log in demo-aws.log. As root, it runs as an unprivileged user."""

    def __init__(self, directory: Path):
        self.directory = directory  # the instance's
        self.files = directory / "aws"
        self.log_file = directory / "demo-aws.log"

    def start(self, state: State) -> tuple[dict[str, str], dict[str, str]]:
        """Start it in a directory made anew, its port and pid kept in `state`: the server
        options and environment that reach it."""
        shutil.rmtree(self.files, ignore_errors=True)
        self.files.mkdir(parents=True)
        self.files.chmod(0o755)
        state.demo_port = free_port()
        python, run_as = sys.executable, {}
        if os.geteuid() == 0:
            python, pythonpath = python_for(
                UNPRIVILEGED_USER, self.directory / "aws-python", DEMO_REQUIREMENTS,
                probe="agentcore_fdw.demo.server, moto.moto_server.threaded_moto_server",
            )  # fmt: skip
            account = pwd.getpwnam(UNPRIVILEGED_USER)
            os.chown(self.files, account.pw_uid, account.pw_gid)
            run_as = {
                "user": account.pw_uid, "group": account.pw_gid, "extra_groups": [],
                "cwd": self.files,
                "env": {"PATH": "/usr/bin:/bin", "PYTHONPATH": pythonpath, "LANG": "C.UTF-8"},
            }  # fmt: skip
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(
                [python, "-m", "agentcore_fdw.demo.server", "--directory", str(self.files),
                 "--port", str(state.demo_port)],
                stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
                **run_as,
            )  # fmt: skip
        state.demo_pid = process.pid
        deadline = time.monotonic() + 60
        while not (self.files / "ready").exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServiceError(
                    "the demo estate's moto server did not start",
                    hint=f"see {self.log_file}; the demo needs moto: "
                    "pip install 'agentcore-fdw[demo]'",
                )
            time.sleep(0.1)
        options = {
            "endpoint_url": f"http://127.0.0.1:{state.demo_port}",
            "regions": ",".join(DEMO_REGIONS),
            "profile": "default,partner",
        }
        return options, self._profiles_for_postgres()

    def _profiles_for_postgres(self) -> dict[str, str]:
        """The environment that names copies of the fake's AWS profiles, in a directory of
        ours: a config the fake's unprivileged user could still write would let it name a
        credential_process PostgreSQL runs."""
        profiles = self.directory / "aws-profiles"
        profiles.mkdir(exist_ok=True)
        profiles.chmod(0o755)
        for name in ("credentials", "config"):
            (profiles / name).write_bytes(read_regular_file(self.files / name))
            (profiles / name).chmod(0o644)
        return {
            "AWS_SHARED_CREDENTIALS_FILE": str(profiles / "credentials"),
            "AWS_CONFIG_FILE": str(profiles / "config"),
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def stop(self, state: State) -> None:
        """Stop it, if that process is still ours (a pid is reused)."""
        if state.demo_pid and self._is_ours(state.demo_pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(state.demo_pid, signal.SIGTERM)
        state.demo_pid = 0

    def _is_ours(self, pid: int) -> bool:
        try:
            arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        return b"agentcore_fdw.demo.server" in arguments and str(self.files).encode() in arguments


def read_regular_file(path: Path, limit: int = 1 << 20) -> bytes:
    """A file another user wrote, read without following a link it could have planted."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ServiceError(f"{path} is not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read(limit)
    finally:
        os.close(descriptor)


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def refuse_port_in_use(port: int) -> None:
    if port_in_use(port):
        raise ServiceError(
            f"port {port} is in use by another program",
            hint=f"choose another with --port (e.g. --port {port + 1})",
        )


def instances(home: Path) -> list[Instance]:
    return [Instance(home, demo=False), Instance(home, demo=True)]


def running_instance(home: Path) -> Instance | None:
    return next((i for i in instances(home) if i.running()), None)
