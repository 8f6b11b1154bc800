"""Fixtures: one moto server, one seeded estate, one real PostgreSQL, one database per engine.

Every test that takes `sql` runs once per engine (plpython everywhere; multicorn where
the Multicorn2 extension is installed, skipped with the reason elsewhere). `sql` is an
autocommit session, as BI tools use; server options a test changes are put back after it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from agentcore_fdw.app.local_postgres import LocalPostgres
from agentcore_fdw.schema.install import (
    ENGINES,
    available_engines,
    install,
    server_options,
    set_server_options,
)

from .aws_fake import AwsFake
from .estate import REGIONS, seed, seed_kinds, seed_posture, seed_principals


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
def posture(estate):
    """For each posture control, one resource that passes and one that fails (estate.py)."""
    seed_posture(estate)


@pytest.fixture(scope="session")
def organization(estate):
    """The main account's AWS Organization (test_accounts and test_iam_policy read it): a unit
    with one member, one member at the root, and a closed account."""
    org = estate.client(estate.sessions["default"], "organizations", "us-east-1")
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    unit = org.create_organizational_unit(ParentId=root, Name="agents")["OrganizationalUnit"]

    def new_account(name: str) -> str:
        status = org.create_account(Email=f"{name}@example.com", AccountName=name)
        return status["CreateAccountStatus"]["AccountId"]

    member, sandbox, retired = map(new_account, ("agents-prod", "sandbox", "retired"))
    org.move_account(AccountId=member, SourceParentId=root, DestinationParentId=unit["Id"])
    org.close_account(AccountId=retired)
    estate.add_account("agents-prod", member)
    estate.add_runtime("agents-prod", "us-east-1", "org_member_agent")
    return {"unit": unit["Id"], "member": member, "sandbox": sandbox, "retired": retired}


@pytest.fixture(scope="session")
def kinds(estate):
    """Harnesses, registries and payment managers, passing and failing (estate.py)."""
    seed_kinds(estate, estate.pools["agents-pool"]["id"])


@pytest.fixture(scope="session")
def principals(estate):
    """Roles that may, may not, or may on a condition invoke a door (estate.py)."""
    seed_principals(estate)


@pytest.fixture(scope="session")
def postgres(workdir, estate):
    # The server finds its AWS credentials the way a real one would: in its environment.
    server = LocalPostgres(
        workdir / "postgres",
        durable=False,
        hba=["local all all trust"],  # its own socket only, in a directory of its user's
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


# Every query reads AWS (cache_ttl 0), so that tests see what each query asks; the cache tests
# turn it on.
DEFAULT_OPTIONS = {"regions": ",".join(REGIONS), "profile": "default,partner", "cache_ttl": "0"}


@pytest.fixture(scope="session")
def engines(postgres) -> list[str]:
    with psycopg.connect(postgres.dsn()) as conn:
        return available_engines(conn)


def skip_unless_available(engine: str, engines: list[str]) -> None:
    if engine not in engines:
        pytest.skip(
            f"the {engine} engine's tests are skipped: this PostgreSQL has no "
            f"{engine!r} extension (Multicorn2 is built and installed by hand, see README)"
        )


@pytest.fixture(scope="session", params=ENGINES)
def database(request, postgres, aws, engines):
    engine = request.param
    skip_unless_available(engine, engines)
    name = f"agentcore_{engine}"
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    dsn = postgres.dsn(name)
    install(dsn, engine, dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url))
    return Database(engine, dsn)


@pytest.fixture(scope="session")
def multicorn_database(postgres, aws, engines):
    """The multicorn engine's database alone, for what only foreign tables can do."""
    skip_unless_available("multicorn", engines)
    name = "agentcore_multicorn"
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f"CREATE DATABASE {name}")
    dsn = postgres.dsn(name)
    install(dsn, "multicorn", dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url))
    return Database("multicorn", dsn)


class Database:
    def __init__(self, engine: str, dsn: str):
        self.engine = engine
        self.dsn = dsn


class Sql:
    """One test's autocommit session: queries, notices, errors, server options put back."""

    def __init__(self, database: Database):
        self.engine = database.engine
        self.conn = psycopg.connect(database.dsn, autocommit=True)
        self.notices: list[str] = []
        self.conn.add_notice_handler(lambda diag: self.notices.append(diag.message_primary))
        self.saved_options = server_options(self.conn)

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
        """The error `query` fails with."""
        try:
            self.execute(query, params)
        except psycopg.Error as exc:
            return exc
        raise AssertionError(f"expected an error from: {query}")

    def execute(self, query: str, params=None) -> None:
        with self.conn.cursor() as cur:
            cur.execute(query, params)

    def set_options(self, **options: str | None) -> None:
        """ALTER SERVER agentcore for this test only (None drops an option)."""
        set_server_options(self.conn, options)

    def close(self) -> None:
        now = server_options(self.conn)
        set_server_options(
            self.conn, {key: self.saved_options.get(key) for key in {*now, *self.saved_options}}
        )
        self.conn.close()


@pytest.fixture
def sql(database):
    session = Sql(database)
    yield session
    session.close()


@pytest.fixture
def multicorn_sql(multicorn_database):
    session = Sql(multicorn_database)
    yield session
    session.close()


@pytest.fixture
def empty_database(postgres):
    name = "agentcore_install_test"
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    yield postgres.dsn(name)
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=ENGINES)
def engine(request, engines):
    """Each engine in turn, for tests that install by themselves."""
    skip_unless_available(request.param, engines)
    return request.param
