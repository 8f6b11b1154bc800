"""How many AWS requests, and how long, typical queries cost on each engine.

Not a test: a script that prints numbers. It starts its own PostgreSQL and moto server,
seeds RUNTIMES runtimes per region in REGIONS regions (and POOLS Cognito pools with
CLIENTS app clients each), then runs each query once per engine in a new transaction and
counts the requests the moto server received; the report (control_results) also with one
permission missing (ListBrowsers, GetResourcePolicy denied everywhere); with --roles N, N IAM
roles (10 of them invokers) and agentcore.invokers over them: cold, after the TTL (the
simulator's verdicts are kept), and after one role's policy changed. Then, per engine,
with the default timeouts: how long the audit takes to fail when one region accepts
connections and never answers, and the backend's thread count before and after 10 scans
cancelled by statement_timeout.

    .venv/bin/python -m tests.benchmark [--runtimes 25] [--roles 0] [--no-faults]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import psycopg

from agentcore_fdw.app.local_postgres import LocalPostgres
from agentcore_fdw.demo.estate import Seeder, pool_url
from agentcore_fdw.schema.install import available_engines, install

from .aws_fake import AwsFake

REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")
POOLS = 3
CLIENTS = 5

QUERIES = {
    "count(*)": "SELECT count(*) FROM agentcore.agent_runtimes",
    "list columns": "SELECT agent_runtime_name, status FROM agentcore.agent_runtimes",
    "every column": "SELECT * FROM agentcore.agent_runtimes",
    "one region": "SELECT * FROM agentcore.agent_runtimes WHERE region = 'eu-west-1'",
    "one runtime id": "SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_id = %(id)s",
    "audit": "SELECT * FROM agentcore.runtime_authorization_audit",
    "cognito join": "SELECT * FROM agentcore.runtime_cognito_authorizers",
    "control_results": "SELECT * FROM agentcore.control_results",
}
# The same report with one permission missing: (query, the operation AWS denies).
DENIED = {
    "report, no ListBrowsers": ("SELECT * FROM agentcore.control_results", "ListBrowsers"),
    "report, no GetResourcePolicy": (
        "SELECT * FROM agentcore.control_results",
        "GetResourcePolicy",
    ),
}


def seed(aws: AwsFake, directory: Path, runtimes: int) -> tuple[Seeder, str]:
    estate = Seeder(aws.endpoint_url, directory, "111111111111")
    pools = []
    for n in range(POOLS):
        pools.append(estate.add_pool("default", "us-east-1", f"bench-pool-{n}"))
        for c in range(CLIENTS):
            estate.add_client(f"bench-pool-{n}", f"bench-client-{n}-{c}")
    for region in REGIONS:
        for n in range(runtimes):
            jwt = None
            if n % 2:
                jwt = {"discoveryUrl": pool_url("us-east-1", pools[n % POOLS])}
            estate.add_runtime("default", region, f"bench_{region.replace('-', '_')}_{n}", jwt=jwt)
    some = next(iter(estate.runtimes.values()))["agentRuntimeId"]
    return estate, some


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runtimes", type=int, default=25, help="runtimes per region")
    parser.add_argument(
        "--roles",
        type=int,
        default=0,
        help="this many IAM roles, 10 of them invokers: then agentcore.invokers (off: 0)",
    )
    parser.add_argument(
        "--no-faults",
        dest="faults",
        action="store_false",
        help="skip the hung region and the cancels (about 40 s per engine)",
    )
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="agentcore-fdw-bench-"))
    directory.chmod(0o755)
    aws = AwsFake()
    aws.start()
    postgres = None
    try:
        estate, runtime_id = seed(aws, directory, args.runtimes)
        postgres = LocalPostgres(
            directory / "postgres",
            durable=False,
            env={
                "AWS_SHARED_CREDENTIALS_FILE": str(estate.credentials_file),
                "AWS_CONFIG_FILE": str(estate.config_file),
            },
        )
        postgres.start()
        with psycopg.connect(postgres.dsn()) as conn:
            engines = available_engines(conn)
        total = len(REGIONS) * args.runtimes
        print(f"{total} runtimes in {len(REGIONS)} regions, {POOLS} pools x {CLIENTS} clients")
        print(
            f"{'engine':<10} {'query':<16} {'rows':>5} {'requests':>9} {'seconds':>8}  by operation"
        )
        for engine in engines:
            with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE bench_{engine}")
            dsn = postgres.dsn(f"bench_{engine}")
            # Without the shared cache: each query's own requests (benchmark_scale.py: with it).
            install(dsn, engine, {"endpoint_url": aws.endpoint_url, "regions": ",".join(REGIONS),
                                  "profile": "default", "cache_ttl": "0"})  # fmt: skip
            runs = [(name, query, None) for name, query in QUERIES.items()]
            runs += [(name, query, denied) for name, (query, denied) in DENIED.items()]
            for name, query, denied in runs:
                with aws.fault(denied) if denied else contextlib.nullcontext():
                    measure(aws, dsn, engine, name, query, {"id": runtime_id})
            if args.roles:
                invokers(aws, estate, dsn, engine, args.roles)
            if args.faults:
                hung_region(aws, dsn, engine)
                cancels(aws, dsn, engine)
    finally:
        if postgres:
            postgres.stop()
        aws.stop()
        shutil.rmtree(directory, ignore_errors=True)


def measure(aws: AwsFake, dsn: str, engine: str, name: str, query: str, params=None) -> None:
    """Run `query` in a new session and transaction; print its rows, requests and time."""
    with psycopg.connect(dsn) as conn:
        mark = aws.mark()
        started = time.monotonic()
        rows = conn.execute(query, params).fetchall()
        elapsed = time.monotonic() - started
    calls = Counter(r.operation for r in aws.since(mark))
    detail = ", ".join(f"{op} {n}" for op, n in sorted(calls.items()))
    print(f"{engine:<10} {name:<16} {len(rows):>5} {sum(calls.values()):>9} "
          f"{elapsed:>8.2f}  {detail}")  # fmt: skip


INVOKERS = 10


def invokers(aws: AwsFake, estate: Seeder, dsn: str, engine: str, roles: int) -> None:
    """agentcore.invokers over `roles` roles (seeded once), INVOKERS of which may invoke: read
    cold, again after the TTL (the simulator's verdicts kept), and after one policy changed."""
    if not estate.principals:
        started = time.monotonic()
        for n in range(roles):
            estate.add_role("default", f"bench-role-{n}", policies={"p": bench_policy(n)})
        print(f"seeded {roles} roles in {time.monotonic() - started:.1f} s")
    iam = estate.client(estate.sessions["default"], "iam", "us-east-1")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("ALTER SERVER agentcore OPTIONS (SET cache_ttl '1')")
        conn.execute("SELECT agentcore.refresh()")
    try:
        for name in ("invokers, cold", "after the TTL", "1 changed"):
            if name != "invokers, cold":
                time.sleep(1.1)  # the rows' TTL passes; the verdicts' (a day) does not
            if name == "1 changed":
                iam.put_role_policy(
                    RoleName="bench-role-0",
                    PolicyName="p",
                    PolicyDocument=json.dumps(bench_policy(0, changed=True)),
                )
            measure(aws, dsn, engine, name,
                    "SELECT principal_arn FROM agentcore.invokers "
                    "WHERE principal_arn LIKE '%bench-role-%'")  # fmt: skip
    finally:
        iam.put_role_policy(RoleName="bench-role-0", PolicyName="p",
                            PolicyDocument=json.dumps(bench_policy(0)))  # fmt: skip
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("ALTER SERVER agentcore OPTIONS (SET cache_ttl '0')")


def bench_policy(n: int, changed: bool = False) -> dict:
    """Role n's policy: an invoke for the first INVOKERS (on a condition once `changed`)."""
    action = "bedrock-agentcore:InvokeAgentRuntime" if n < INVOKERS else "s3:GetObject"
    statement = {"Effect": "Allow", "Action": action, "Resource": "*"}
    if changed:
        statement["Condition"] = {"Bool": {"aws:SecureTransport": "true"}}
    return {"Version": "2012-10-17", "Statement": [statement]}


def hung_region(aws: AwsFake, dsn: str, engine: str) -> None:
    """The audit while eu-west-1 accepts connections and never answers: seconds to fail."""
    with psycopg.connect(dsn) as conn, aws.fault("ListAgentRuntimes", None, hang=True,
                                                 region="eu-west-1"):  # fmt: skip
        mark = aws.mark()
        started = time.monotonic()
        try:
            conn.execute(QUERIES["audit"]).fetchall()
            outcome = "no error (fails open!)"
        except psycopg.Error as exc:
            outcome = exc.diag.message_primary.split(": ", 2)[-1]
        elapsed = time.monotonic() - started
    attempts = aws.count(mark, "ListAgentRuntimes", "eu-west-1")
    print(f"{engine:<10} hung region: failed after {elapsed:.1f} s, {attempts} attempts: {outcome}")


def cancels(aws: AwsFake, dsn: str, engine: str, times: int = 10) -> None:
    """The backend's threads before and after `times` scans cancelled while AWS hangs."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        conn.execute("SELECT count(*) FROM agentcore.agent_runtimes").fetchall()
        before = len(list(Path(f"/proc/{pid}/task").iterdir()))
        started = time.monotonic()
        with aws.fault("ListAgentRuntimes", None, hang=True):
            for _ in range(times):
                conn.execute("SET statement_timeout = '300ms'")
                with contextlib.suppress(psycopg.Error):  # canceling statement due to timeout
                    conn.execute("SELECT count(*) FROM agentcore.agent_runtimes").fetchall()
                conn.execute("RESET statement_timeout")
            after = len(list(Path(f"/proc/{pid}/task").iterdir()))
        elapsed = time.monotonic() - started
    print(f"{engine:<10} {times} cancelled scans in {elapsed:.1f} s: backend threads "
          f"{before} before, {after} right after")  # fmt: skip


if __name__ == "__main__":
    main()
