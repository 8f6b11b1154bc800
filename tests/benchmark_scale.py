"""The audit at scale, against a slow AWS: the plain boto3 script, the cold audit, and the cache.

Not a test: a script that prints numbers (each phase's target, and whether this run met it,
is information, never an assertion). It starts its own PostgreSQL and moto server
(tests/aws_fake.py), and first measures how many requests per second that server answers on
its own, with no latency, so the reader can tell whether it is the bottleneck. It seeds
RUNTIMES runtimes per account (every second one with a JWT authorizer) spread evenly over
REGIONS, in ACCOUNTS accounts: moto's own account, read with the base credentials, and others
each read through the role `agentcore-audit`. Then every AWS answer waits LATENCY_MS, as a
distant region's would, and:

- plain: what a security engineer would write instead of the wrapper: 16 threads of boto3
  that assume each role, list every runtime of every account and region (every page) and
  call GetAgentRuntime for each. It runs in a process of its own (as PostgreSQL's backend
  does), so that it does not share the fake's Python interpreter lock.
- for each engine available (multicorn, plpython), in a database of its own:
  a. cold: `SELECT agentcore.refresh()` then the audit on connection A. The plain script and
     each engine's cold audit run in turns, --rounds times (3), and the table shows each
     one's median: on a small machine one run of either can vary by a fifth;
  then, after every round, for each engine in turn:
  b. within the TTL: the audit on a new connection, served from the shared cache that the
     last cold audit filled, whichever engine's it was: the cache is the server's (the
     first query of a new backend, so its time includes starting Python and loading the
     wrapper's code); on 5 new connections, one after the other, and their median;
  e. memory: the backend's RSS before, during and after 50 audits on connection B, within
     the TTL;
  c. after the TTL, nothing changed: the audit on a connection A, once within the TTL
     (unmeasured), then twice after it (c1, c2);
  (e runs before c, while the first TTL still holds.)
  d. once b, e and c ran for every engine: one runtime updated in AWS, then after the TTL
     the audit on a connection again (each engine updates it once more).
- with --memory-runtimes N, f: N more runtimes in an account of their own, read by a
  database of their own, and the backend's RSS after one cold audit of them.
- with --harnesses N, g: N harnesses (each with one endpoint, every second one with a JWT
  authorizer) spread over REGIONS in an account of their own, read by a database of their
  own: the harness endpoints' control cold (after agentcore.refresh()), again on a new
  connection within the TTL, and count(*) of harness_endpoints, cold (no GetHarness).

The fake replays (tests/aws_fake.py, AwsFake.replay) from the plain script's phases on: moto
answers each read once, at latency 0, while the plain script runs once unmeasured, and the
same read again (by the same account) gets that answer, after the latency, at a fraction of
moto's cost. Both the measured plain script and the wrapper are then served alike, and the
two cores go to them rather than to moto. Updating a runtime (phase d) clears what it keeps.

How the TTL expires for c and d: the server starts with `cache_ttl` 300, so that the cold
audit and the phases after it stay within it. Before c, `cache_ttl` is set to 2 seconds and
the script sleeps past them: the rows from phase a are then older than the TTL without
anything else having changed. Setting the option does not itself throw the cache away:
`cache_ttl` and `detail_cache_ttl` decide how long rows are kept, not which rows are read, so
they are no part of the cache's key (a wrapper that did drop its cache on that change would
show it here: c1 would make a GetAgentRuntime call per runtime). c1 is the first audit after
the change, which may set up anew what a backend keeps for a set of options (assumed roles,
clients); c2 sleeps past the TTL once more and is the steady state, with nothing changed at
all. d updates one runtime's description through moto, then sleeps past the TTL again.

    .venv/bin/python -m tests.benchmark_scale [--runtimes 1000] [--latency-ms 50]
        [--accounts 3] [--regions 4] [--memory-runtimes 0] [--harnesses 0]
        [--max-concurrency N] [--rounds 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Callable

import psycopg
from botocore.config import Config
from psycopg import sql

from agentcore_fdw.app.local_postgres import LocalPostgres
from agentcore_fdw.demo.estate import AUDIT_ROLE, MAIN_ACCOUNT, Seeder, pool_url
from agentcore_fdw.schema.install import available_engines, install

from .aws_fake import AwsFake

ALL_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2")
MEMORY_ACCOUNT = "999988887777"  # phase f's runtimes live here, apart from the others
HARNESS_ACCOUNT = "888877776666"  # phase g's harnesses, apart from the runtimes
HARNESS_DOORS = (
    "SELECT status, count(*) FROM agentcore.agentcore_harness_endpoint_authorizer_configured "
    "GROUP BY 1"
)
THREADS = 16  # the plain script's, and the fake's probe
PROBE_SECONDS = 5.0
AUDIT = "SELECT * FROM agentcore.runtime_authorization_audit"
CACHE_TTL = 300
SHORT_TTL = 2  # phases c and d
REPEATS = 50  # phase e
NEW_CONNECTIONS = 5  # phase b
# Every client the script makes keeps a connection for each of its threads.
POOL = Config(max_pool_connections=THREADS * 2)


def account_ids(count: int) -> list[str]:
    """moto's own account, then 222233334444, 333344445555, ..."""
    return [MAIN_ACCOUNT] + [
        "".join(str((n + k) % 10) * 4 for k in range(3)) for n in range(2, count + 1)
    ]


class ScaleSeeder(Seeder):
    """The Seeder, with one client per session, service and region, and each profile's account
    asked for once: making a boto3 client costs more than the request it then makes.

    Seeding runs in one thread: the moto server shares this process's interpreter lock, and
    seeding threads made it slower, not faster.
    """

    def __init__(self, endpoint_url: str, directory: Path, partner_account: str):
        self._clients: dict[tuple, object] = {}
        self._accounts: dict[str, str] = {}
        super().__init__(endpoint_url, directory, partner_account)

    def client(self, session, service: str, region: str):
        key = (id(session), service, region)
        if key not in self._clients:
            self._clients[key] = session.client(
                service, region_name=region, endpoint_url=self.endpoint_url, config=POOL
            )
        return self._clients[key]

    def account(self, profile: str) -> str:
        if profile not in self._accounts:
            self._accounts[profile] = super().account(profile)
        return self._accounts[profile]


def seed_account(
    estate: ScaleSeeder, profile: str, regions: tuple[str, ...], runtimes: int, discovery: str
) -> list[str]:
    """`runtimes` runtimes in the profile's account, spread evenly over `regions`, every
    second one with a JWT authorizer; returns the names of those without one."""
    open_ones = []
    for index in range(runtimes):
        region = regions[index % len(regions)]
        n = index // len(regions)
        name = f"scale_{profile}_{region.replace('-', '_')}_{n}"
        jwt = {"discoveryUrl": discovery} if n % 2 else None
        estate.add_runtime(profile, region, name, jwt=jwt)
        if jwt is None:
            open_ones.append(name)
    return open_ones


@contextmanager
def latency(aws: AwsFake, seconds: float):
    previous, aws.latency = aws.latency, seconds
    try:
        yield
    finally:
        aws.latency = previous


# The client side, run in a process of its own.

CREDENTIAL_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                        "AWS_PROFILE", "AWS_DEFAULT_PROFILE")  # fmt: skip


def _base_session(credentials_file: str, config_file: str):
    import boto3

    for variable in CREDENTIAL_VARIABLES:
        os.environ.pop(variable, None)  # the profiles written by the Seeder, and nothing else
    os.environ.update(
        AWS_SHARED_CREDENTIALS_FILE=credentials_file,
        AWS_CONFIG_FILE=config_file,
        AWS_EC2_METADATA_DISABLED="true",
    )
    return boto3.session.Session()


def probe(files: tuple[str, str], endpoint_url: str, operation: str, runtime_id: str = "") -> int:
    """How many `operation` calls THREADS threads get answered in PROBE_SECONDS."""
    session = _base_session(*files)
    agents = session.client(
        "bedrock-agentcore-control",
        region_name="us-east-1",
        endpoint_url=endpoint_url,
        config=POOL,
    )
    call = agents.list_agent_runtimes
    if operation == "GetAgentRuntime":
        call = partial(agents.get_agent_runtime, agentRuntimeId=runtime_id)
    deadline = time.monotonic() + PROBE_SECONDS
    done = [0] * THREADS

    def work(slot: int) -> None:
        while time.monotonic() < deadline:
            call()
            done[slot] += 1

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done)


def plain_audit(
    files: tuple[str, str], endpoint_url: str, accounts: list[str], regions: tuple[str, ...]
) -> tuple[float, int]:
    """The plain script: seconds taken and runtimes read in full."""
    import boto3

    started = time.monotonic()
    base = _base_session(*files)
    sessions = {accounts[0]: base}
    sts = base.client("sts", region_name="us-east-1", endpoint_url=endpoint_url)
    for account in accounts[1:]:
        assumed = sts.assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/{AUDIT_ROLE}", RoleSessionName="benchmark-scale"
        )["Credentials"]
        sessions[account] = boto3.session.Session(
            aws_access_key_id=assumed["AccessKeyId"],
            aws_secret_access_key=assumed["SecretAccessKey"],
            aws_session_token=assumed["SessionToken"],
        )
    clients = [
        session.client(
            "bedrock-agentcore-control",
            region_name=region,
            endpoint_url=endpoint_url,
            config=POOL,
        )
        for session in sessions.values()
        for region in regions
    ]

    def list_all(agents) -> list[dict]:
        pages = agents.get_paginator("list_agent_runtimes").paginate()
        return [summary for page in pages for summary in page["agentRuntimes"]]

    with ThreadPoolExecutor(THREADS) as pool:
        listings = {pool.submit(list_all, agents): agents for agents in clients}
        details = [
            pool.submit(listings[listed].get_agent_runtime, agentRuntimeId=s["agentRuntimeId"])
            for listed in as_completed(listings)
            for s in listed.result()
        ]
        read = sum(1 for detail in details if detail.result()["agentRuntimeId"])
    return time.monotonic() - started, read


# The wrapper's side.


@dataclass
class Phase:
    engine: str
    name: str
    seconds: float
    rows: int
    calls: Counter
    target: str = ""
    met: bool | None = None  # None: no target
    times: int = 1  # how often the query ran


def by_operation(calls: Counter) -> str:
    return ", ".join(f"{operation} {n}" for operation, n in sorted(calls.items()))


class Recorder:
    """Runs the audit on a connection, counts the requests the fake received meanwhile, and
    keeps each phase with its target and whether it was met."""

    def __init__(self, aws: AwsFake, engine: str):
        self.aws = aws
        self.engine = engine
        self.phases: list[Phase] = []

    def __call__(
        self,
        conn: psycopg.Connection,
        name: str,
        target: str = "",
        check: Callable[[Phase], bool] | None = None,
        times: int = 1,
        after_each: Callable[[int], None] = lambda done: None,
    ) -> Phase:
        mark = self.aws.mark()
        started = time.monotonic()
        for done in range(1, times + 1):
            rows = len(conn.execute(AUDIT).fetchall())
            after_each(done)
        seconds = time.monotonic() - started
        calls = Counter(request.operation for request in self.aws.since(mark))
        phase = Phase(self.engine, name, seconds, rows, calls, target, times=times)
        phase.met = check(phase) if check else None
        self.phases.append(phase)
        print(f"  {self.engine} {name}: {seconds:.2f} s", file=sys.stderr)
        return phase


def within(seconds: float | None, calls: dict[str, int] | None = None):
    """A phase's check: at most `seconds` (None: any time), and exactly `calls` requests by
    operation (None: any)."""

    def check(phase: Phase) -> bool:
        fast = seconds is None or phase.seconds <= seconds
        return fast and (calls is None or phase.calls == Counter(calls))

    return check


def backend_rss(conn: psycopg.Connection) -> float:
    """The connection's backend's resident memory, in MB."""
    return rss(conn.execute("SELECT pg_backend_pid()").fetchone()[0])


def rss(pid: int) -> float:
    """A process's resident memory, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def has_cache(conn: psycopg.Connection) -> bool:
    found = conn.execute("SELECT to_regprocedure('agentcore.refresh(text)') IS NOT NULL")
    return found.fetchone()[0]


def set_option(conn: psycopg.Connection, name: str, value: str) -> None:
    change = sql.SQL("ALTER SERVER agentcore OPTIONS (SET {} {})")
    conn.execute(change.format(sql.Identifier(name), sql.Literal(value)))


def new_database(postgres: LocalPostgres, name: str, engine: str, options: dict) -> str:
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    dsn = postgres.dsn(name)
    install(dsn, engine, options)
    return dsn


def cold_audit(aws: AwsFake, dsn: str, engine: str) -> tuple[Phase, str]:
    """Phase a: the audit on a new connection, with nothing cached; the backend's RSS after."""
    with psycopg.connect(dsn, autocommit=True) as a:
        if has_cache(a):
            a.execute("SELECT agentcore.refresh()")
        cold = Recorder(aws, engine)(a, "a. cold audit, connection A")
        return cold, f"{engine}: backend RSS of A after the cold audit: {backend_rss(a):.1f} MB"


def warm_phases(
    aws: AwsFake, estate: ScaleSeeder, dsn: str, engine: str, lists: int
) -> tuple[list[Phase], list[str]]:
    """Phases b, e, c1 and c2 on one engine's database, while a cold audit's rows are within
    the TTL: the phases, and lines about memory."""
    run, notes = Recorder(aws, engine), []
    firsts = []  # the first audit of each new connection; the last one goes on to phase e
    for number in range(1, NEW_CONNECTIONS + 1):
        b = psycopg.connect(dsn, autocommit=True)
        firsts.append(run(b, "b. within TTL, new connection B"))
        if number < NEW_CONNECTIONS:
            b.close()
    del run.phases[-NEW_CONNECTIONS:]
    first = median(firsts, "b. within TTL, new connection", "0 requests, < 0.1 s", 0.1)
    first.met = first.met and not any(phase.calls for phase in firsts)
    run.phases.append(first)
    times = ", ".join(f"{phase.seconds:.3f}" for phase in firsts)
    notes.append(
        f"{engine}: b, the first audit on each of {NEW_CONNECTIONS} new connections: {times} s"
    )
    with b:
        pid = b.execute("SELECT pg_backend_pid()").fetchone()[0]
        memory = [f"{rss(pid):.1f} MB before"]

        def sample(done: int) -> None:
            if done % (REPEATS // 5) == 0:
                memory.append(f"{rss(pid):.1f} after {done}")

        name = f"e. {REPEATS} audits within TTL, B"
        repeated = run(b, name, "0 requests", within(None, {}), REPEATS, sample)
        notes.append(
            f"{engine}: backend RSS of B over {REPEATS} audits: {', '.join(memory)}; "
            f"{1000 * repeated.seconds / REPEATS:.1f} ms per audit"
        )

    with psycopg.connect(dsn, autocommit=True) as a:
        a.execute(AUDIT).fetchall()  # A's first query, within the TTL: phase b's, again
        set_option(a, "cache_ttl", str(SHORT_TTL))
        time.sleep(SHORT_TTL + 0.5)
        run(a, "c1. after TTL, first after SET", "(c2: with no option changed)")
        time.sleep(SHORT_TTL + 0.5)
        lists_only = {"ListAgentRuntimes": lists}
        target = f"ListAgentRuntimes {lists} only, < 0.5 s"
        run(a, "c2. after TTL, nothing changed, A", target, within(0.5, lists_only))
        set_option(a, "cache_ttl", str(CACHE_TTL))
    return run.phases, notes


def updated_phase(
    aws: AwsFake, estate: ScaleSeeder, dsn: str, engine: str, lists: int, changed: str
) -> Phase:
    """Phase d: one runtime updated in AWS, then the audit after the TTL: its stored rows
    serve every other runtime (the cold audit's, or the previous engine's phase d's)."""
    with psycopg.connect(dsn, autocommit=True) as a:
        set_option(a, "cache_ttl", str(SHORT_TTL))
        time.sleep(SHORT_TTL + 0.5)
        a.execute(AUDIT).fetchall()  # lists after the TTL: roles assumed, as c1's were
        estate.update_runtime(changed, description=f"changed by benchmark_scale at {time.time()}")
        time.sleep(SHORT_TTL + 0.5)
        target = f"ListAgentRuntimes {lists}, GetAgentRuntime 1"
        one_more = {"ListAgentRuntimes": lists, "GetAgentRuntime": 1}
        phase = Recorder(aws, engine)(
            a, "d. one runtime updated, after TTL", target, within(None, one_more)
        )
        set_option(a, "cache_ttl", str(CACHE_TTL))
    return phase


def median(runs: list[Phase], name: str, target: str = "", limit: float | None = None) -> Phase:
    """The run of median time (the lower of the two middle ones for an even count), named
    for all of them, and checked against `limit` seconds."""
    middle = sorted(runs, key=lambda phase: phase.seconds)[(len(runs) - 1) // 2]
    phase = replace(middle, name=f"{name} (median of {len(runs)})", target=target)
    phase.met = None if limit is None else middle.seconds <= limit
    return phase


def memory_phase(
    aws: AwsFake, postgres: LocalPostgres, engine: str, options: dict, expected: int
) -> str:
    """Phase f: one cold audit of the memory account alone; the backend's RSS around it."""
    dsn = new_database(postgres, f"bench_memory_{engine}", engine, options)
    with psycopg.connect(dsn, autocommit=True) as conn:
        if has_cache(conn):
            conn.execute("SELECT agentcore.refresh()")
        before = backend_rss(conn)
        phase = Recorder(aws, engine)(conn, "f")
        after = backend_rss(conn)
    return (
        f"f. {engine}: cold audit of {expected} runtimes in one account: {phase.rows} rows in "
        f"{phase.seconds:.1f} s ({by_operation(phase.calls)}); backend RSS {before:.1f} MB "
        f"before, {after:.1f} MB after (target < 200 MB)"
    )


def seed_harnesses(
    estate: ScaleSeeder, regions: tuple[str, ...], harnesses: int, discovery: str
) -> None:
    estate.add_account("harnesses", HARNESS_ACCOUNT)
    for index in range(harnesses):
        region = regions[index % len(regions)]
        name = f"scale_harness_{region.replace('-', '_')}_{index // len(regions)}"
        jwt = {"discoveryUrl": discovery} if index % 2 else None
        estate.add_harness("harnesses", region, name, jwt=jwt)
        estate.add_harness_endpoint(name, "live")


def harness_phases(aws: AwsFake, postgres: LocalPostgres, engine: str, options: dict) -> list:
    """Phase g: the harness doors cold, within the TTL, and count(*) of their endpoints."""
    dsn = new_database(postgres, f"bench_harnesses_{engine}", engine, options)
    lines = []
    for name, query, refresh in (
        ("cold", HARNESS_DOORS, True),
        ("within the TTL, a new connection", HARNESS_DOORS, False),
        (
            "count(*) of harness_endpoints, cold",
            "SELECT count(*) FROM agentcore.harness_endpoints",
            True,
        ),
    ):
        with psycopg.connect(dsn, autocommit=True) as conn:
            if refresh and has_cache(conn):
                conn.execute("SELECT agentcore.refresh()")
            mark, started = aws.mark(), time.monotonic()
            rows = conn.execute(query).fetchall()
            seconds = time.monotonic() - started
        calls = Counter(request.operation for request in aws.since(mark))
        lines.append(
            f"g. {engine}: {name}: {seconds:.2f} s, {rows}, {sum(calls.values())} requests "
            f"({by_operation(calls)})"
        )
    return lines


def print_table(phases: list[Phase], plain: Phase) -> None:
    print(f"{'engine':<10} {'phase':<46} {'seconds':>8} {'rows':>6} {'requests':>8} "
          f"{'x plain':>7}  {'target':<36} by operation")  # fmt: skip
    for phase in phases:
        ratio = f"{phase.seconds / plain.seconds:.2f}" if phase.times == 1 else "-"
        target = {None: "", True: "met: ", False: "MISSED: "}[phase.met] + phase.target
        print(f"{phase.engine:<10} {phase.name:<46} {phase.seconds:>8.3f} {phase.rows:>6} "
              f"{sum(phase.calls.values()):>8} {ratio:>7}  {target:<36} "
              f"{by_operation(phase.calls)}")  # fmt: skip


def seed_estate(
    estate: ScaleSeeder, accounts: list[str], regions: tuple[str, ...], runtimes: int
) -> tuple[str, str]:
    """The runtimes of every account; returns the discovery URL the JWT authorizers trust,
    and the name of a runtime without one in the last account, for phase d to update."""
    profiles = ["default"]
    if accounts[1:]:
        profiles.append("partner")  # the Seeder reaches its second account itself
    for n, account in enumerate(accounts[2:], start=3):
        estate.add_account(f"acct{n}", account)
        profiles.append(f"acct{n}")
    discovery = pool_url("us-east-1", estate.add_pool("default", "us-east-1", "scale-pool"))
    for profile in profiles:
        open_ones = seed_account(estate, profile, regions, runtimes, discovery)
    return discovery, open_ones[0]


def wrapper_options(args, endpoint_url: str, accounts: list[str], regions: tuple) -> dict:
    options = {
        "regions": ",".join(regions),
        "endpoint_url": endpoint_url,
        "cache_ttl": str(CACHE_TTL),
    }
    if accounts[1:]:
        options.update(
            accounts=",".join(accounts[1:]),
            member_role_name=AUDIT_ROLE,
            include_base_account="true",
        )
    if args.max_concurrency:
        options["max_concurrency"] = str(args.max_concurrency)
    return options


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtimes", type=int, default=1000, help="runtimes per account")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="added to every answer")
    parser.add_argument("--accounts", type=int, default=3, choices=range(1, 11))
    parser.add_argument("--regions", type=int, default=4, choices=range(1, len(ALL_REGIONS) + 1))
    parser.add_argument(
        "--memory-runtimes",
        type=int,
        default=0,
        help="phase f: this many runtimes in one more account, one cold audit (off: 0)",
    )
    parser.add_argument(
        "--harnesses",
        type=int,
        default=0,
        help="phase g: this many harnesses in one more account, spread over the regions (off: 0)",
    )
    parser.add_argument(
        "--max-concurrency", type=int, help="the wrapper's max_concurrency (default: its own)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="times the plain script and each engine's cold audit run, in turns (a: medians)",
    )
    return parser.parse_args()


def main() -> None:
    args = arguments()
    sys.stdout.reconfigure(line_buffering=True)
    regions = ALL_REGIONS[: args.regions]
    accounts = account_ids(args.accounts)
    total = args.runtimes * len(accounts)
    print(
        f"{args.runtimes} runtimes per account x {len(accounts)} accounts ({total} runtimes) "
        f"in {len(regions)} regions; latency {args.latency_ms:g} ms per request"
    )
    directory = Path(tempfile.mkdtemp(prefix="agentcore-fdw-scale-"))
    directory.chmod(0o755)  # the postgres user reads the AWS profiles written here
    aws = AwsFake()
    aws.start()
    replaying = ExitStack()
    client_side = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    postgres = None
    try:
        # The Seeder's second account is the first of the others (unused with --accounts 1).
        estate = ScaleSeeder(aws.endpoint_url, directory, account_ids(2)[1])
        files = (str(estate.credentials_file), str(estate.config_file))
        answered = client_side.submit(probe, files, aws.endpoint_url, "ListAgentRuntimes")
        print(
            f"the fake alone, latency 0: {answered.result() / PROBE_SECONDS:.0f} "
            f"ListAgentRuntimes/s (an empty region) from {THREADS} threads"
        )

        started = time.monotonic()
        discovery, changed = seed_estate(estate, accounts, regions, args.runtimes)
        print(f"seeded {total} runtimes in {time.monotonic() - started:.1f} s (latency 0)")
        some = next(iter(estate.runtimes.values()))["agentRuntimeId"]
        answered = client_side.submit(probe, files, aws.endpoint_url, "GetAgentRuntime", some)
        print(
            f"the fake alone, latency 0: {answered.result() / PROBE_SECONDS:.0f} "
            f"GetAgentRuntime/s from {THREADS} threads"
        )
        replaying.enter_context(aws.replay())  # every phase from here on: see the docstring
        answered = client_side.submit(probe, files, aws.endpoint_url, "GetAgentRuntime", some)
        print(
            f"the fake replaying, latency 0: {answered.result() / PROBE_SECONDS:.0f} "
            f"GetAgentRuntime/s from {THREADS} threads"
        )
        started = time.monotonic()
        client_side.submit(plain_audit, files, aws.endpoint_url, accounts, regions).result()
        print(
            f"the plain script at latency 0, recording what the fake replays: "
            f"{time.monotonic() - started:.1f} s"
        )

        aws.latency = args.latency_ms / 1000
        postgres = LocalPostgres(
            directory / "postgres",
            durable=False,
            env={
                "AWS_SHARED_CREDENTIALS_FILE": files[0],
                "AWS_CONFIG_FILE": files[1],
                "AWS_EC2_METADATA_DISABLED": "true",
            },
        )
        postgres.start()
        with psycopg.connect(postgres.dsn()) as conn:
            engines = available_engines(conn)
        options = wrapper_options(args, aws.endpoint_url, accounts, regions)
        print(f"engines: {', '.join(engines)}")
        print(f"server options: {', '.join(f'{k} {v}' for k, v in options.items())}")

        dsns = {engine: new_database(postgres, f"bench_{engine}", engine, options)
                for engine in engines}  # fmt: skip
        plain_runs, cold_runs, phases, notes = [], {engine: [] for engine in engines}, [], []
        for round_number in range(1, args.rounds + 1):
            last = round_number == args.rounds
            mark = aws.mark()
            run = client_side.submit(plain_audit, files, aws.endpoint_url, accounts, regions)
            seconds, read = run.result()
            calls = Counter(request.operation for request in aws.since(mark))
            plain_runs.append(Phase("boto3", "plain script", seconds, read, calls))
            print(f"  round {round_number}: plain script {seconds:.2f} s", file=sys.stderr)
            for engine in engines:
                cold, memory = cold_audit(aws, dsns[engine], engine)
                cold_runs[engine].append(cold)
                notes += [memory] if last else []
        # After every cold round: phase d changes AWS, and so what the fake replays.
        lists = plain_runs[-1].calls["ListAgentRuntimes"]
        for engine in engines:
            done, said = warm_phases(aws, estate, dsns[engine], engine, lists)
            phases += done
            notes += said
        for engine in engines:
            phases.append(updated_phase(aws, estate, dsns[engine], engine, lists, changed))
        plain = median(plain_runs, f"plain script, {THREADS} threads")
        floor = sum(plain.calls.values()) * aws.latency / THREADS
        print(f"the plain script's floor (its requests x latency / {THREADS}): {floor:.2f} s")
        runs = {"plain script": plain_runs, **cold_runs}
        for engine in engines:
            limit = 1.1 * plain.seconds
            phases.append(median(cold_runs[engine], "a. cold audit", "<= 1.1 x plain", limit))
        for name, done in runs.items():
            times = ", ".join(f"{phase.seconds:.2f}" for phase in done)
            notes.append(f"{name}: cold, in turns: {times} s")
        phases.sort(key=lambda phase: (engines.index(phase.engine), phase.name))
        print()
        print_table([plain, *phases], plain)
        print()
        for note in notes:
            print(note)

        if args.memory_runtimes:
            with latency(aws, 0.0):
                started = time.monotonic()
                estate.add_account("memory", MEMORY_ACCOUNT)
                seed_account(estate, "memory", regions, args.memory_runtimes, discovery)
                print(
                    f"seeded {args.memory_runtimes} more runtimes in account {MEMORY_ACCOUNT} "
                    f"in {time.monotonic() - started:.1f} s (latency 0)"
                )
            alone = dict(options, accounts=MEMORY_ACCOUNT, member_role_name=AUDIT_ROLE)
            alone["include_base_account"] = "false"
            for engine in engines:
                print(memory_phase(aws, postgres, engine, alone, args.memory_runtimes))

        if args.harnesses:
            with latency(aws, 0.0):
                started = time.monotonic()
                seed_harnesses(estate, regions, args.harnesses, discovery)
                print(
                    f"seeded {args.harnesses} harnesses in account {HARNESS_ACCOUNT} in "
                    f"{time.monotonic() - started:.1f} s (latency 0)"
                )
            alone = dict(options, accounts=HARNESS_ACCOUNT, member_role_name=AUDIT_ROLE)
            alone["include_base_account"] = "false"
            for engine in engines:
                for line in harness_phases(aws, postgres, engine, alone):
                    print(line)
    finally:
        replaying.close()
        client_side.shutdown()
        if postgres:
            postgres.stop()
        aws.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
