"""Fixtures: one moto server, one seeded estate, one real PostgreSQL, one database per engine.

Each test talks to the database through `sql`, on its own connection and transaction,
which is rolled back at the end: a test may ALTER SERVER agentcore freely.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from agentcore_fdw.install import install, set_server_options
from agentcore_fdw.local_postgres import LocalPostgres

from .aws_fake import AwsFake
from .estate import DENIED_REGION, REGIONS, seed

ENGINES = ("plpython",)


@pytest.fixture(scope="session")
def workdir():
    path = Path(tempfile.mkdtemp(prefix="agentcore-fdw-tests-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def aws():
    fake = AwsFake()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def estate(aws, workdir):
    return seed(aws.endpoint_url, workdir)


@pytest.fixture(scope="session")
def postgres(workdir, estate):
    # The server finds its AWS credentials the way a real one would: in its environment.
    server = LocalPostgres(
        workdir / "postgres",
        durable=False,
        env={
            "AWS_SHARED_CREDENTIALS_FILE": str(estate.credentials_file),
            "AWS_CONFIG_FILE": str(estate.config_file),
            "AWS_EC2_METADATA_DISABLED": "true",
        },
    )
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        os.environ.pop(key, None)
    server.start()
    yield server
    server.stop()


DEFAULT_OPTIONS = {"regions": ",".join(REGIONS), "profile": "default,partner"}


@pytest.fixture(scope="session", params=ENGINES)
def database(request, postgres, aws):
    engine = request.param
    name = f"agentcore_{engine}"
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    dsn = postgres.dsn(name)
    install(dsn, engine, dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url))
    return Database(engine, dsn)


class Database:
    def __init__(self, engine: str, dsn: str):
        self.engine = engine
        self.dsn = dsn


class Sql:
    """One test's session: queries, notices, errors; everything rolled back at the end."""

    def __init__(self, dsn: str):
        self.conn = psycopg.connect(dsn)
        self.notices: list[str] = []
        self.conn.add_notice_handler(lambda diag: self.notices.append(diag.message_primary))

    def rows(self, query: str, params=None) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def dicts(self, query: str, params=None) -> list[dict]:
        with self.conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def value(self, query: str, params=None):
        return self.rows(query, params)[0][0]

    def error(self, query: str, params=None) -> psycopg.Error:
        """The error `query` fails with; the transaction is then rolled back."""
        with self.conn.cursor() as cur:
            cur.execute("SAVEPOINT before_error")
            try:
                cur.execute(query, params)
            except psycopg.Error as exc:
                cur.execute("ROLLBACK TO SAVEPOINT before_error")
                return exc
        raise AssertionError(f"expected an error from: {query}")

    def execute(self, query: str, params=None) -> None:
        with self.conn.cursor() as cur:
            cur.execute(query, params)

    def set_options(self, **options: str | None) -> None:
        """ALTER SERVER agentcore for this test only (None drops an option)."""
        set_server_options(self.conn, options)

    def close(self) -> None:
        self.conn.rollback()
        self.conn.close()


@pytest.fixture
def sql(database):
    session = Sql(database.dsn)
    yield session
    session.close()


@pytest.fixture
def denied_region():
    return DENIED_REGION
