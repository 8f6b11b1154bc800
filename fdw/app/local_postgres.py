"""A private PostgreSQL made from the machine's own binaries, whose Python imports this package.

The test suite starts one per run; the command line's demo and service start one too.
PostgreSQL refuses to run as root, so as root every server command runs as the
unprivileged `postgres` system user, which then owns the data directory.
"""

from __future__ import annotations

import compileall
import importlib.metadata
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from pathlib import Path

import agentcore_fdw

SERVER_USER = "postgres"
SUPERUSER = "postgres"
# As root, helpers that need no privilege (the demo's fake AWS) run as this user.
UNPRIVILEGED_USER = "nobody"


class PostgresError(RuntimeError):
    pass


def find_bindir() -> Path:
    """The directory of initdb and pg_ctl: $AGENTCORE_PG_BINDIR, PATH, or Debian's layout."""
    candidates = []
    if os.environ.get("AGENTCORE_PG_BINDIR"):
        candidates.append(Path(os.environ["AGENTCORE_PG_BINDIR"]))
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_major_version, reverse=True)
    candidates += debian
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    raise PostgresError(
        "no PostgreSQL server binaries (initdb, pg_ctl) found: install postgresql-15 and "
        "postgresql-plpython3-15, or set AGENTCORE_PG_BINDIR"
    )


def _major_version(bindir: Path) -> int:
    try:
        return int(bindir.parent.name)
    except ValueError:
        return 0


def quote_dsn(value: str) -> str:
    """A libpq connection-string value, quoted when it needs to be (a path with a space)."""
    if value and not any(c in value for c in " '\\"):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


SERVER_ENVIRONMENT = frozenset(
    {"PATH", "TZ", "LANG", "LANGUAGE", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE"}
    | {f"{name}_PROXY" for name in ("HTTP", "HTTPS", "NO", "ALL")}
    | {f"{name}_proxy" for name in ("http", "https", "no", "all")}
)


def passed_to_server(variable: str) -> bool:
    return variable in SERVER_ENVIRONMENT or variable.startswith(("AWS_", "LC_"))


def run_as_server_user(command: Sequence[str], **run) -> subprocess.CompletedProcess:
    """subprocess.run of `command` as the server's user: through runuser as root, whom
    PostgreSQL refuses; otherwise as ourselves, who are then that user."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", SERVER_USER, "--", *command]
    return subprocess.run(command, **run)


def server_user_test(*expression: str) -> bool:
    """test(1) of `expression`, as the server's user sees the files."""
    return run_as_server_user(["test", *expression]).returncode == 0


def self_signed_certificate(host: str) -> tuple[bytes, bytes]:
    """A self-signed certificate for `host` (and localhost), and its key, by openssl."""
    with tempfile.TemporaryDirectory() as scratch:
        key, certificate = Path(scratch) / "key.pem", Path(scratch) / "cert.pem"
        done = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "825",
             "-keyout", str(key), "-out", str(certificate), "-subj", f"/CN={host}",
             "-addext", f"subjectAltName=DNS:{host},DNS:localhost,IP:127.0.0.1"],
            capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            raise PostgresError(f"openssl could not make a certificate: {done.stderr.strip()}")
        return certificate.read_bytes(), key.read_bytes()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# What the server's Python imports besides this package: boto3, with what it needs.
SERVER_REQUIREMENTS = ("boto3",)
REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def installed_closure(requirements: tuple[str, ...]) -> list[str]:
    """The installed distributions that `requirements` (`name` or `name[extra,...]`) need,
    themselves included. A requirement whose distribution is not installed is taken as one
    its environment markers exclude here."""
    extras_of: dict[str, set[str]] = {}
    pending = list(requirements)
    while pending:
        name, extras = REQUIREMENT.match(pending.pop()).groups()
        extras = {extra.strip() for extra in (extras or "").split(",") if extra.strip()}
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        key = distribution.metadata["Name"]
        if key in extras_of and extras <= extras_of[key]:
            continue
        extras_of.setdefault(key, set()).update(extras)
        for requirement in distribution.requires or ():
            spec, _, marker = requirement.partition(";")
            wanted = EXTRA_MARKER.search(marker)
            if wanted is None or wanted.group(1) in extras_of[key]:
                pending.append(spec)
    return sorted(extras_of)


def server_pythonpath(python_dir: Path) -> str:
    """PYTHONPATH for the server: this package, and the site-packages that hold boto3.

    The server's embedded Python is the system's (Debian's /usr/bin/python3.11), not the
    one running this code, so it gets our site-packages on its path. An editable install
    keeps the package in fdw/, which no import name matches: a symlink named
    agentcore_fdw in `python_dir` gives it its name. `python_dir` is ours, never the server
    user's: a link that user planted there could otherwise redirect what we write.
    """
    package_dir = Path(agentcore_fdw.__file__).resolve().parent
    byte_compile(package_dir)
    entries = []
    if package_dir.name != "agentcore_fdw":
        shim = python_dir / "shim"
        shim.mkdir(parents=True, exist_ok=True)
        link = shim / "agentcore_fdw"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(package_dir)
        entries.append(str(shim))
    entries.append(sysconfig.get_paths()["purelib"])
    return os.pathsep.join(dict.fromkeys(entries))


def byte_compile(package_dir: Path) -> None:
    """Write the package's .pyc files, as pip does when it installs one: without them (an
    editable install, PYTHONDONTWRITEBYTECODE, a server user that cannot write here) every
    new backend compiles the package again, 15 of the 35 ms its import takes."""
    compileall.compile_dir(package_dir, quiet=1)


def server_copy(target: Path, requirements: tuple[str, ...] = SERVER_REQUIREMENTS) -> str:
    """A copy of this package and of what `requirements` need, readable by every user, made
    anew when this package or a dependency changes: for a checkout the server's user cannot
    read (a clone in /root). Returns the PYTHONPATH that names it."""
    package_dir = Path(agentcore_fdw.__file__).resolve().parent
    distributions = installed_closure(requirements)
    sources = [
        (dist.locate_file(file), file)
        for dist in map(importlib.metadata.distribution, distributions)
        for file in dist.files or ()
        if ".." not in Path(file).parts
    ]
    ours = sorted(path for path in package_dir.rglob("*.py") if "__pycache__" not in path.parts)
    fingerprint = "\n".join(
        [f"{name} {importlib.metadata.version(name)}" for name in distributions]
        + [f"{path.relative_to(package_dir)} {path.stat().st_mtime_ns}" for path in ours]
    )
    stamp = target / "FINGERPRINT"
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return str(target)
    fresh = target.with_name(target.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    for source, relative in sources:
        if Path(source).is_file():
            destination = fresh / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)  # with its time, which its .pyc records
    for path in ours:
        destination = fresh / "agentcore_fdw" / path.relative_to(package_dir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    byte_compile(fresh / "agentcore_fdw")
    (fresh / "FINGERPRINT").write_text(fingerprint)
    for path in [fresh, *fresh.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)
    return str(target)


def python_for(
    user: str, copy_dir: Path, requirements: tuple[str, ...], probe: str
) -> tuple[str, str]:
    """An interpreter and PYTHONPATH with which `user` (as root, another user) can run
    `import probe`: ours if it can reach them, else the system's Python of our version with
    a readable copy of this package and `requirements` in `copy_dir`, which is ours."""
    system_python = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
    shared = server_pythonpath(copy_dir)
    for python, pythonpath in (
        (sys.executable, shared),
        (system_python, shared),
        (system_python, lambda: server_copy(copy_dir / "runtime", requirements)),
    ):
        pythonpath = pythonpath() if callable(pythonpath) else pythonpath
        try:
            tried = subprocess.run(
                [python, "-c", f"import {probe}"],
                user=user, group=pwd.getpwnam(user).pw_gid, extra_groups=[],
                env={"PATH": "/usr/bin:/bin", "PYTHONPATH": pythonpath}, cwd="/",
                capture_output=True,
            )  # fmt: skip
        except OSError:  # the interpreter itself is out of the user's reach
            continue
        if tried.returncode == 0:
            return python, pythonpath
    raise PostgresError(
        f"the {user} user cannot run {probe}: neither {sys.executable} with this "
        f"environment's packages nor {system_python} with a copy of them in {copy_dir}"
    )


class ClusterDirectory:
    """A cluster's directory, the server user's: data/ (initdb's), the socket, the log, tls/
    and aws/, and PostgreSQL's programs run on it. As root, only that user writes inside."""

    def __init__(self, base_dir: Path):
        self.base_dir = Path(base_dir)
        self.socket_dir = self.base_dir
        self.data_dir = self.base_dir / "data"
        self.log_file = self.base_dir / "postgres.log"
        self.tls_certificate = self.base_dir / "tls" / "server.crt"
        self.tls_key = self.base_dir / "tls" / "server.key"
        self.bindir = find_bindir()

    def run(self, program: str, *arguments: str, env: dict[str, str] | None = None) -> None:
        """PostgreSQL's `program` (initdb, pg_ctl) on the data directory, as the server's user."""
        command = [str(self.bindir / program), "-D", str(self.data_dir), *arguments]
        done = run_as_server_user(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            output = done.stderr.strip() or done.stdout.strip()
            where = f"\nserver log: {self.log_file}" if self.log_file.exists() else ""
            raise PostgresError(f"{program} failed ({done.returncode}): {output}{where}")

    def create(self) -> None:
        if self.base_dir.is_dir():
            return
        self.base_dir.mkdir(parents=True)
        self.base_dir.chmod(0o700)  # it holds the socket: whoever enters may connect
        if os.geteuid() == 0:
            shutil.chown(self.base_dir, SERVER_USER)

    @property
    def initialized(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def init(self) -> None:
        self.create()
        self.run("initdb", "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")

    def write(self, path: Path, content: bytes) -> None:
        """Write a file of the cluster's, readable by the server's user alone.

        As root, the writing is done by that user: root never writes inside a tree that
        user owns, where a planted symlink could turn root's write into theirs.
        """
        self.create()
        if os.geteuid() != 0:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
                f.write(content)
            return
        script = 'umask 077 && mkdir -p "$(dirname "$1")" && cat > "$1"'
        done = run_as_server_user(
            ["sh", "-c", script, "sh", str(path)], input=content, capture_output=True
        )
        if done.returncode != 0:
            raise PostgresError(f"could not write {path}: {done.stderr.decode().strip()}")

    def write_hba(self, lines: list[str]) -> None:
        text = "\n".join(["# Written by agentcore-fdw.", *lines]) + "\n"
        self.write(self.data_dir / "pg_hba.conf", text.encode())

    def has_tls_key(self) -> bool:
        if os.geteuid() == 0:  # the cluster's files are its user's: ask as that user
            return server_user_test("-s", str(self.tls_key))
        return self.tls_key.is_file()


class LocalPostgres:
    """One PostgreSQL server on the cluster in `base_dir`: its settings, its environment
    (with the PYTHONPATH shim beside the cluster), starting and stopping it."""

    def __init__(
        self,
        base_dir: Path,
        port: int | None = None,
        env: dict[str, str] | None = None,
        durable: bool = True,
        listen: str = "127.0.0.1",
        hba: list[str] | None = None,
    ):
        self.tls = False  # True: serve TLS with the cluster's certificate and key (install_tls)
        self.listen = listen  # listen_addresses: 127.0.0.1, or * for other hosts
        self.hba = hba  # pg_hba.conf lines; None keeps initdb's (trust, local only)
        self.durable = durable  # False trades crash safety for speed: for throwaway clusters
        self.cluster = ClusterDirectory(base_dir)
        # Ours (as root, never the server user's): the package's name shim, or its copy.
        cluster_dir = self.cluster.base_dir
        self.python_dir = cluster_dir.with_name(cluster_dir.name + "-python")
        self.port = port or free_port()
        self.extra_env = dict(env or {})

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return " ".join(
            f"{key}={quote_dsn(str(value))}"
            for key, value in (("host", self.cluster.socket_dir), ("port", self.port),
                               ("dbname", dbname), ("user", user))
        )  # fmt: skip

    def server_env(self) -> dict[str, str]:
        """What the server's environment holds: what reaching AWS needs (AWS_*, proxies and CA
        bundles), locale, PATH and TZ of ours, never the rest, which database superusers
        could read from the server's process."""
        env = {key: value for key, value in os.environ.items() if passed_to_server(key)}
        env.update(self.extra_env)
        env["PYTHONPATH"] = server_pythonpath(self.python_dir)
        if os.geteuid() == 0:
            env["HOME"] = pwd.getpwnam(SERVER_USER).pw_dir
        return env

    def make_readable(self, env: dict[str, str]) -> None:
        """As root, when the server's user cannot read our Python packages (a checkout in
        /root), point it at a copy it can read; fail early, and say why, if even that fails."""
        if os.geteuid() != 0 or self.readable_by_server(env["PYTHONPATH"]):
            return
        env["PYTHONPATH"] = server_copy(self.python_dir / "runtime")
        if not self.readable_by_server(env["PYTHONPATH"]):
            raise PostgresError(
                f"the {SERVER_USER} user, which runs PostgreSQL, cannot read "
                f"{env['PYTHONPATH']}: make {self.python_dir.parent} readable by other users"
            )

    @staticmethod
    def readable_by_server(pythonpath: str) -> bool:
        return all(
            server_user_test("-r", entry, "-a", "-x", entry)
            for entry in pythonpath.split(os.pathsep)
        )

    def start(self) -> None:
        if not self.cluster.initialized:
            self.cluster.init()
        if self.hba is not None:
            self.cluster.write_hba(self.hba)
        settings = (
            f"-p {self.port} -k {shlex.quote(str(self.cluster.socket_dir))} "
            f"-c listen_addresses='{self.listen}' -c max_connections=40"
            # Multicorn2 costs a foreign scan at rows x width (2.5 million for the audit of
            # 3,000 runtimes), past JIT's thresholds: compiling took 40 ms of a 100 ms query.
            " -c jit=off"
        )
        if not self.durable:
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        if self.tls:
            settings += (
                f" -c ssl=on -c ssl_cert_file={shlex.quote(str(self.cluster.tls_certificate))}"
                f" -c ssl_key_file={shlex.quote(str(self.cluster.tls_key))}"
            )
        env = self.server_env()
        self.make_readable(env)
        self.cluster.run(
            "pg_ctl", "-l", str(self.cluster.log_file), "-o", settings, "-w", "start", env=env
        )

    def install_tls(self, certificate: bytes | None = None, key: bytes | None = None) -> None:
        """Serve TLS with this certificate and key, or (none given, none there yet) with a
        self-signed one for this host, made once and kept: clients can pin it."""
        if certificate is None or key is None:
            if self.cluster.has_tls_key():
                self.tls = True
                return
            certificate, key = self_signed_certificate(socket.getfqdn())
        self.cluster.write(self.cluster.tls_certificate, certificate)
        self.cluster.write(self.cluster.tls_key, key)
        self.tls = True

    def running(self) -> bool:
        if not (self.cluster.data_dir / "postmaster.pid").exists():
            return False
        try:
            self.cluster.run("pg_ctl", "status")
        except PostgresError:
            return False
        return True

    def stop(self) -> None:
        if (self.cluster.data_dir / "postmaster.pid").exists():
            self.cluster.run("pg_ctl", "-m", "fast", "-w", "stop")

    def share_aws_config(self) -> None:
        """Let the server use the caller's AWS config when it runs as another user.

        As root, the server runs as `postgres`, which cannot read /root/.aws; the config and
        credentials files are copied into this cluster's directory, readable by that user
        only, and named by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. Variables the
        caller already set win.
        """
        if os.geteuid() != 0:
            return
        home = Path(os.path.expanduser("~")) / ".aws"
        for variable, name in (
            ("AWS_CONFIG_FILE", "config"),
            ("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
        ):
            source = Path(os.environ.get(variable) or home / name)
            target = self.cluster.base_dir / "aws" / name
            content = source.read_bytes() if source.is_file() else b""
            self.cluster.write(target, content)  # empty: no stale copy survives
            if content:
                self.extra_env[variable] = str(target)

    def log(self) -> str:
        log_file = self.cluster.log_file
        return log_file.read_text(errors="replace") if log_file.exists() else ""
