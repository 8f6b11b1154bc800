"""check --dsn and query --dsn: the report and SQL over a database of yours, where
`agentcore-fdw install --dsn` put the schema, read as the role the DSN names."""

from __future__ import annotations

import csv
import io
import json

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from agentcore_fdw.app import cli
from agentcore_fdw.app.database import Database

from .conftest import DEFAULT_OPTIONS

NAME = "agentcore_dsn"
READER = "agentcore_dsn_reader"
SECRET = "s3cret-of-the-dsn"  # in DSNs only: no message may repeat it


@pytest.fixture(scope="module")
def owner(postgres, aws):
    """A database the command line installed into, on the fake AWS: the owner's DSN."""
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {NAME}")
        conn.execute(f"CREATE DATABASE {NAME}")
    dsn = postgres.dsn(NAME)
    options = dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url)
    arguments = [f"--option={key}={value}" for key, value in options.items()]
    assert cli.main(["install", "--dsn", dsn, "--engine", "plpython", *arguments]) == 0
    yield dsn
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
        conn.execute(f"DROP ROLE IF EXISTS {READER}")


@pytest.fixture(scope="module")
def reader(owner):
    """A role that may read the schema and nothing more (what sql/reader.sql grants). The
    cluster trusts its socket, so the password is sent nowhere: it is there to be hidden."""
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {READER}")
        conn.execute(f"CREATE ROLE {READER} LOGIN")
        for grant in (
            "USAGE ON SCHEMA agentcore, agentcore_plpython",
            "SELECT ON ALL TABLES IN SCHEMA agentcore",
            "EXECUTE ON ALL FUNCTIONS IN SCHEMA agentcore_plpython",
        ):
            conn.execute(f"GRANT {grant} TO {READER}")
    return make_conninfo(owner, user=READER, password=SECRET)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    assert SECRET not in out + err and "Traceback" not in err
    return status, out, err


def statuses(dsn: str) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        counted = conn.execute(
            "SELECT status, count(*) FROM agentcore.control_results GROUP BY 1"
        ).fetchall()
    return dict(counted)


def test_check_dsn_reports_as_the_service_does(owner, reader, capsys):
    expected = statuses(owner)
    assert expected.get("alarm")  # the estate has findings: fail-on alarm must fail

    status, out, err = run(capsys, "check", "--dsn", reader, "--output", "json")
    assert status == 1, err
    report = json.loads(out)
    by_status = {key: count for key, count in report["summary"]["by_status"].items() if count}
    assert by_status == expected and report["demo"] is False
    assert len(report["findings"]) == expected.get("alarm", 0) + expected.get("error", 0)

    status, out, err = run(
        capsys, "check", "--dsn", reader, "--output", "csv", "--fail-on", "never"
    )
    assert status == 0, err
    findings = list(csv.DictReader(io.StringIO(out)))
    assert len(findings) == len(report["findings"])
    assert {row["status"] for row in findings} <= {"alarm", "error"}


def test_check_dsn_output_ocsf_makes_one_valid_finding_per_result(owner, reader, capsys):
    from py_ocsf_models.events.findings.detection_finding import DetectionFinding

    expected = statuses(owner)
    status, out, err = run(capsys, "check", "--dsn", reader, "--output", "ocsf")
    assert status == 1, err  # the same exit status as every other format
    findings = json.loads(out)
    assert len(findings) == sum(expected.values())  # ok and skip too
    for finding in findings:
        DetectionFinding.model_validate(finding)
    by_status: dict[str, int] = {}
    for finding in findings:
        ours = finding["unmapped"]["agentcore_fdw"]["status"]
        by_status[ours] = by_status.get(ours, 0) + 1
    assert by_status == expected
    assert len({finding["finding_info"]["uid"] for finding in findings}) == len(findings)
    assert "Data read from AWS" in err  # said on stderr: the output holds findings alone


def test_query_dsn_reads_in_read_only_transactions_whoever_connects(owner, reader, capsys):
    with psycopg.connect(owner) as conn:
        runtimes = conn.execute("SELECT count(*) FROM agentcore.agent_runtimes").fetchone()[0]
    query = "SELECT count(*) AS runtimes FROM agentcore.agent_runtimes"
    status, out, err = run(capsys, "query", "--dsn", reader, query, "--output", "json")
    assert status == 0, err
    assert json.loads(out) == [{"runtimes": runtimes}] and runtimes > 0

    for dsn in (reader, owner):  # the owner too: a query is a read
        status, out, err = run(capsys, "query", "--dsn", dsn, "CREATE TABLE agentcore.t ()")
        assert status == 1
        assert "cannot execute CREATE TABLE in a read-only transaction" in err


def test_check_dsn_save_snapshots_as_a_role_that_may_write(owner, reader, capsys, tmp_path):
    status, _, err = run(capsys, "check", "--dsn", reader, "--save")
    assert status == 2
    assert "--save writes agentcore.control_history" in err and f"'{READER}' may not" in err

    page = tmp_path / "report.html"
    status, _, err = run(
        capsys, "check", "--dsn", owner, "--save", "--fail-on", "never", "--output-file", str(page)
    )
    assert status == 0, err
    with psycopg.connect(owner) as conn:
        saved = conn.execute("SELECT count(*) FROM agentcore.control_history").fetchone()[0]
    assert saved > 0 and f"saved {saved} results to agentcore.control_history" in err
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_save_is_refused_before_aws_is_read_without_every_privilege_it_needs(
    owner, reader, capsys, aws
):
    grants = (  # all but UPDATE on the history
        f"EXECUTE ON FUNCTION agentcore.snapshot_controls() TO {READER}",
        f"SELECT, INSERT ON agentcore.control_history TO {READER}",
    )
    with psycopg.connect(owner, autocommit=True) as conn:
        for grant in grants:
            conn.execute(f"GRANT {grant}")
    try:
        mark = aws.mark()
        status, _, err = run(capsys, "check", "--dsn", reader, "--save")
        assert status == 2 and f"which role '{READER}' may not" in err
        read_only = make_conninfo(owner, options="-c default_transaction_read_only=on")
        status, _, err = run(capsys, "check", "--dsn", read_only, "--save")
        assert status == 2 and "this session's transactions are read-only" in err
        assert aws.since(mark) == []
    finally:
        with psycopg.connect(owner, autocommit=True) as conn:
            for grant in grants:
                conn.execute(f"REVOKE {grant.replace(' TO ', ' FROM ')}")


@pytest.mark.parametrize("flag", ["--demo", "--as-owner"])
@pytest.mark.parametrize("command", [["check"], ["query", "SELECT 1"]])
def test_dsn_refuses_the_services_flags(command, flag, capsys):
    status, _, err = run(capsys, *command, "--dsn", "dbname=x", flag)
    assert status == (2 if command == ["check"] else 1)
    assert f"agentcore-fdw: error: {flag} and --dsn do not go together" in err


def test_a_database_without_the_schema_is_named(postgres, capsys):
    dsn = make_conninfo(postgres.dsn("postgres"), password=SECRET)
    status, _, err = run(capsys, "check", "--dsn", dsn)
    assert status == 2
    assert "the agentcore schema is not installed in database 'postgres'" in err
    assert "hint: install it with agentcore-fdw install --dsn" in err
    status, _, err = run(capsys, "query", "--dsn", dsn, "SELECT 1")
    assert status == 1 and "the agentcore schema is not installed" in err


def test_a_role_that_cannot_read_the_schema_is_told_so(owner, capsys):
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {READER}_none")
        conn.execute(f"CREATE ROLE {READER}_none LOGIN")
    try:
        stranger = make_conninfo(owner, user=f"{READER}_none")
        status, _, err = run(capsys, "check", "--dsn", stranger)
        assert status == 2
        assert f"the agentcore schema cannot be read in database '{NAME}'" in err
    finally:
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {READER}_none")


@pytest.mark.parametrize(
    "dsn, said",
    [
        (f"host=/nonexistent port=1 user=bob password={SECRET}", "could not connect to the --dsn"),
        (f"dbname=x {SECRET}", 'missing "=" after "..." in connection info string'),
        (f"postgresql://bob:{SECRET}%zz@localhost/x", "--dsn is not a connection string"),
        (f"dbname=x hots=1 password={SECRET}", 'invalid connection option "hots"'),
    ],
)
def test_a_bad_dsn_is_a_clean_error_without_its_password(dsn, said, capsys):
    status, _, err = run(capsys, "check", "--dsn", dsn)  # run() asserts the password is absent
    assert status == 2
    assert err.startswith("agentcore-fdw: error: ") and said in err


def test_the_read_only_session_keeps_the_dsns_own_options_and_hides_its_password():
    database = Database(f"dbname=x password={SECRET} options='-c work_mem=1MB'")
    options = conninfo_to_dict(database.reader_dsn())["options"]
    assert options == "-c work_mem=1MB -c default_transaction_read_only=on"
    assert database.admin_dsn() == f"dbname=x password={SECRET} options='-c work_mem=1MB'"
    assert database.without_password(f"failed for {SECRET}!") == "failed for ********!"
