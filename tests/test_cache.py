"""The shared cache: rows read once are served to every connection for cache_ttl seconds,
agentcore.cache shows them, agentcore.refresh() forgets them, and after the TTL an unchanged
runtime costs no detail call."""

from __future__ import annotations

import re
import shutil
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from agentcore_fdw.core import cache
from agentcore_fdw.core.options import Settings
from agentcore_fdw.core.results import ScanResult
from agentcore_fdw.core.table import JSONB, Request, normalize
from agentcore_fdw.tables import TABLES

from .conftest import Sql

RUNTIMES = "SELECT * FROM agentcore.agent_runtimes ORDER BY agent_runtime_arn"
PROBE_REGION = "ca-central-1"  # a region no other test seeds


def calls(aws, mark: int) -> Counter:
    return Counter(request.operation for request in aws.since(mark))


@pytest.fixture(scope="session")
def probe(estate):
    """Two runtimes of their own region: one the test updates, one it leaves alone."""
    estate.add_runtime("default", PROBE_REGION, "cache_probe_agent")
    estate.add_runtime("default", PROBE_REGION, "cache_steady_agent")
    return "cache_probe_agent"


@pytest.fixture
def cached(sql):
    """`sql` with the cache on and empty."""
    sql.set_options(cache_ttl="300")
    sql.execute("SELECT agentcore.refresh()")
    return sql


def test_a_second_connection_within_the_ttl_asks_aws_nothing(cached, database, aws):
    first = cached.rows(RUNTIMES)
    other = Sql(database)
    try:
        mark = aws.mark()
        assert other.rows(RUNTIMES) == first
        audited = other.value("SELECT count(*) FROM agentcore.runtime_authorization_audit")
        one_region = other.rows("SELECT * FROM agentcore.agent_runtimes WHERE region = 'eu-west-1'")
        other.execute(
            "CREATE FUNCTION pg_temp.modules() RETURNS text[] LANGUAGE plpython3u "
            "AS $$ import sys; return sorted(sys.modules) $$"
        )
        loaded = set(other.value("SELECT pg_temp.modules()"))
    finally:
        other.close()
    assert calls(aws, mark) == Counter()
    # Nor did its backend load what reads AWS: that is most of a new backend's start.
    assert loaded.isdisjoint({"agentcore_fdw.core.aws", "agentcore_fdw.core.scan", "botocore"})
    assert audited == len(first)
    assert one_region == [row for row in first if row[1] == "eu-west-1"]


def test_explain_says_whether_the_cache_covers_a_query(multicorn_sql):
    multicorn_sql.set_options(cache_ttl="300")
    multicorn_sql.execute("SELECT agentcore.refresh()")
    explain = "EXPLAIN SELECT * FROM agentcore.agent_runtimes WHERE region = 'eu-west-1'"
    before = "\n".join(row[0] for row in multicorn_sql.rows(explain))
    multicorn_sql.rows(RUNTIMES)
    after = "\n".join(row[0] for row in multicorn_sql.rows(explain))
    assert "Shared cache: nothing fresh covers it" in before
    assert re.search(r"Shared cache: a scan read \d+ s ago covers it \(no AWS calls\)", after)


def test_the_cache_table_shows_what_is_held_and_what_this_transaction_used(
    cached, database, estate
):
    with cached.conn.transaction():
        count = len(cached.rows(RUNTIMES))
        held = cached.dicts(
            "SELECT account_id, region, row_count, age_seconds, narrowed_to, "
            "in_this_transaction, expires_at - fetched_at AS ttl FROM agentcore.cache "
            "WHERE table_name = 'agent_runtimes'"
        )
    assert sum(row["row_count"] for row in held) == count
    assert {row["narrowed_to"] for row in held} == {"everything"}
    assert all(row["in_this_transaction"] and row["age_seconds"] < 60 for row in held)
    assert {row["ttl"].total_seconds() for row in held} == {300}
    other = Sql(database)
    try:
        (used,) = other.rows("SELECT bool_or(in_this_transaction) FROM agentcore.cache")[0]
    finally:
        other.close()
    assert used is False  # another transaction used nothing yet


def test_refresh_forgets_and_the_next_query_reads_aws(cached, aws):
    cached.rows(RUNTIMES)
    assert cached.value("SELECT agentcore.refresh('agent_runtimes')") == 1
    assert cached.value("SELECT count(*) FROM agentcore.cache") == 0
    mark = aws.mark()
    cached.rows(RUNTIMES)
    assert calls(aws, mark)["ListAgentRuntimes"] > 0
    error = cached.error("SELECT agentcore.refresh('agent_runtime')")
    assert "no table 'agent_runtime'" in str(error)


def test_after_the_ttl_only_lists_are_read_and_an_updated_runtime_is_read_again(
    sql, aws, estate, probe
):
    sql.set_options(cache_ttl="1", regions=PROBE_REGION, profile="default")
    sql.execute("SELECT agentcore.refresh()")
    mark = aws.mark()
    cold = sql.rows(RUNTIMES)
    assert calls(aws, mark)["GetAgentRuntime"] == 2
    time.sleep(1.2)
    mark = aws.mark()
    assert sql.rows(RUNTIMES) == cold
    assert calls(aws, mark) == Counter({"ListAgentRuntimes": 1})
    estate.update_runtime(probe, description="changed after the cache read it")
    time.sleep(1.2)
    mark = aws.mark()
    descriptions = {row["agent_runtime_name"]: row["description"] for row in sql.dicts(RUNTIMES)}
    assert calls(aws, mark) == Counter({"ListAgentRuntimes": 1, "GetAgentRuntime": 1})
    assert descriptions[probe] == "changed after the cache read it"


def test_an_incomplete_scan_is_never_served_again(cached, aws):
    cached.set_options(ignore_error_codes="AccessDeniedException")
    with aws.fault("ListAgentRuntimes", region="eu-west-1"):
        partial = cached.value("SELECT count(*) FROM agentcore.agent_runtimes")
    assert any("is incomplete" in notice for notice in cached.notices)
    mark = aws.mark()
    assert cached.value("SELECT count(*) FROM agentcore.agent_runtimes") > partial
    assert calls(aws, mark)["ListAgentRuntimes"] > 0


def test_a_snapshot_records_the_age_of_its_data(cached):
    cached.rows(RUNTIMES)
    time.sleep(1.1)
    with cached.conn.transaction():
        cached.execute("SELECT agentcore.snapshot_controls()")
        ages = cached.rows(
            "SELECT DISTINCT snapshot_at - data_fetched_at FROM agentcore.control_history "
            "WHERE snapshot_at = now()"
        )
    assert len(ages) == 1 and ages[0][0].total_seconds() >= 1


def test_expired_scans_and_the_oldest_beyond_the_cap_are_deleted(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "ENTRIES_PER_TABLE", 2)
    shared = cache.SharedCache(tmp_path, Settings(cache_ttl=60))
    table = TABLES["agent_runtimes"]
    stored = [
        shared.store(table, Request(keys=(f"key{n}",)), [], fetched_at)
        for n, fetched_at in enumerate((1000.0, 1050.0, 1070.0, 1080.0))
    ]
    # At 1080 the first is expired (80 s old); of the other three, the two newest stay.
    assert [entry.path for entry in shared.entries(table)] == sorted(
        entry.path for entry in stored[2:]
    )


def test_rows_another_version_stored_are_never_served(tmp_path):
    shared = cache.SharedCache(tmp_path, Settings(cache_ttl=60))
    table = TABLES["agent_runtimes"]
    older = replace(table, columns=table.columns[:5])  # as an earlier release defined it
    shared.store(older, Request(), [older.flatten(dict.fromkeys(older.column_names))], 1000.0)
    assert shared.find(table, Request(), 1001.0) is None
    shared.store(table, Request(), [], 1002.0)
    assert [path.name for path in tmp_path.rglob("*@*")] == [shared.table_directory(table).name]


def test_timestamps_inside_jsonb_values_become_text_and_are_cached(tmp_path):
    strategy = {"name": "facts", "createdAt": datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)}
    assert normalize([strategy], JSONB) == [
        {"name": "facts", "createdAt": "2026-11-01T12:00:00+00:00"}
    ]
    shared = cache.SharedCache(tmp_path, Settings(cache_ttl=60))
    table = TABLES["memories"]
    row = dict.fromkeys(table.column_names)
    row.update(account_id="123456789012", region="us-east-1",
               strategies=normalize([strategy], JSONB))  # fmt: skip
    entry = shared.store(table, Request(), [table.flatten(row)], 1000.0)
    (stored,) = shared.values(entry)
    strategies = stored[table.column_names.index("strategies")]
    assert strategies == '[{"createdAt": "2026-11-01T12:00:00+00:00", "name": "facts"}]'
    assert table.unflatten(stored) == row


def test_a_scan_that_began_before_a_refresh_stores_nothing(tmp_path, monkeypatch):
    shared = cache.SharedCache(tmp_path, Settings(cache_ttl=60))
    table = TABLES["agent_runtimes"]

    def refreshed_while_reading(*_args, **_kwargs):
        time.sleep(0.01)
        shared.drop()  # another session's agentcore.refresh(), while AWS is being read
        return ScanResult(table, [])

    monkeypatch.setattr(cache, "scan", refreshed_while_reading)
    cache.read(table, lambda: None, Request(), shared)
    assert shared.entries(table) == []


def test_what_a_transaction_used_stays_listed_when_another_backend_deletes_it(cached, postgres):
    with cached.conn.transaction():
        cached.rows(RUNTIMES)
        shutil.rmtree(postgres.cluster.data_dir / cache.CACHE_DIRECTORY)
        used = cached.value(
            "SELECT count(*) FROM agentcore.cache "
            "WHERE in_this_transaction AND table_name = 'agent_runtimes'"
        )
    assert used > 0
