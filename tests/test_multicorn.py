"""What only the multicorn engine does: IMPORT FOREIGN SCHEMA, pushdown, column-aware
fetching, EXPLAIN, parameterized joins and cancellation. Each test counts the AWS
requests the moto server actually received. Skipped, saying why, without Multicorn2.
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from agentcore_fdw.tables import TABLES

from .estate import MAIN_ACCOUNT, PARTNER_ACCOUNT, REGIONS

LISTS_AND_GETS = ("ListAgentRuntimes", "GetAgentRuntime")


def calls(aws, mark, *operations):
    return sorted(
        (r.operation, r.region)
        for r in aws.since(mark)
        if not operations or r.operation in operations
    )


def explain(sql, query, *params) -> str:
    return "\n".join(line for (line,) in sql.rows("EXPLAIN " + query, params or None))


# IMPORT FOREIGN SCHEMA


def test_import_foreign_schema_creates_the_contract(multicorn_sql):
    sql = multicorn_sql
    sql.execute("DROP SCHEMA IF EXISTS imported CASCADE; CREATE SCHEMA imported")
    try:
        sql.execute("IMPORT FOREIGN SCHEMA agentcore FROM SERVER agentcore INTO imported")
        tables = sql.rows(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = %s ORDER BY table_name, ordinal_position",
            ("imported",),
        )
        expected = sql.rows(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'agentcore' AND table_name = ANY(%s) "
            "ORDER BY table_name, ordinal_position",
            (list(TABLES),),
        )
        assert tables == expected
        assert len(tables) == sum(len(table.columns) for table in TABLES.values())
        assert sql.value("SELECT count(*) FROM imported.cognito_user_pools") == 2
    finally:
        sql.execute("DROP SCHEMA imported CASCADE")


@pytest.mark.parametrize(
    "clause, tables",
    [
        ("LIMIT TO (agent_runtimes)", ["agent_runtimes"]),
        ("EXCEPT (agent_runtimes, cognito_resource_servers)",
         ["accounts", "agent_runtime_endpoints", "agent_runtime_versions", "api_coverage",
          "browsers", "cache", "code_interpreters", "cognito_user_pool_clients",
          "cognito_user_pools", "gateway_targets", "gateways", "harness_endpoints",
          "harness_versions", "harnesses", "iam_invokers", "memories", "payment_managers",
          "registries",
          "resource_policies"]),
    ],
)  # fmt: skip
def test_import_foreign_schema_honours_limit_to_and_except(multicorn_sql, clause, tables):
    sql = multicorn_sql
    sql.execute("DROP SCHEMA IF EXISTS imported CASCADE; CREATE SCHEMA imported")
    try:
        sql.execute(f"IMPORT FOREIGN SCHEMA agentcore {clause} FROM SERVER agentcore INTO imported")
        assert [name for (name,) in sql.rows(
            "SELECT foreign_table_name FROM information_schema.foreign_tables "
            "WHERE foreign_table_schema = 'imported' ORDER BY 1")] == tables  # fmt: skip
    finally:
        sql.execute("DROP SCHEMA imported CASCADE")


def test_importing_another_remote_schema_is_refused(multicorn_sql):
    error = multicorn_sql.error("IMPORT FOREIGN SCHEMA public FROM SERVER agentcore INTO public")
    assert error.diag.message_primary == (
        "agentcore: there is no remote schema 'public': import schema 'agentcore'"
    )


def test_a_foreign_table_naming_no_table_is_refused(multicorn_sql):
    sql = multicorn_sql
    sql.execute(
        "CREATE FOREIGN TABLE public.wrong (region text) "
        "SERVER agentcore OPTIONS (table 'runtimes')"
    )
    try:
        error = sql.error("SELECT * FROM public.wrong")
        assert error.diag.message_primary == (
            "agentcore: foreign table option table = 'runtimes' names no agentcore table"
        )
        assert "agent_runtimes" in error.diag.message_hint
    finally:
        sql.execute("DROP FOREIGN TABLE public.wrong")


# Pushdown


def test_region_pushdown_reads_only_that_region(multicorn_sql, aws):
    mark = aws.mark()
    names = multicorn_sql.rows(
        "SELECT account_id, agent_runtime_name FROM agentcore.agent_runtimes "
        "WHERE region = 'eu-west-1' ORDER BY 1"
    )
    assert names == [
        (PARTNER_ACCOUNT, "partner_open_agent"),
        (MAIN_ACCOUNT, "partner_trusting_agent"),
    ]
    assert {region for _, region in calls(aws, mark, *LISTS_AND_GETS)} == {"eu-west-1"}
    assert aws.count(mark, "ListAgentRuntimes") == 2  # one per account


def test_account_and_region_lists_pushdown(multicorn_sql, aws):
    mark = aws.mark()
    rows = multicorn_sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes "
        "WHERE region IN ('eu-west-1', 'ap-south-1') AND account_id = ANY(%s)",
        ([PARTNER_ACCOUNT],),
    )
    assert rows == [("partner_open_agent",)]
    assert calls(aws, mark, *LISTS_AND_GETS) == [("ListAgentRuntimes", "eu-west-1")]


def test_a_runtime_id_is_read_without_listing(multicorn_sql, aws, estate):
    runtime_id = estate.runtime_id("okta_agent")
    mark = aws.mark()
    row = multicorn_sql.dicts(
        "SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_id = %s", (runtime_id,)
    )
    assert [r["agent_runtime_name"] for r in row] == ["okta_agent"]
    assert row[0]["custom_claims"][0]["inboundTokenClaimName"] == "department"
    assert aws.count(mark, "ListAgentRuntimes") == 0
    # Looked up in each account and region it could be in: 2 accounts x 2 regions.
    assert aws.count(mark, "GetAgentRuntime") == 4

    mark = aws.mark()
    two = multicorn_sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes WHERE region = 'us-east-1' "
        "AND account_id = %s AND agent_runtime_id IN (%s, %s) ORDER BY 1",
        (MAIN_ACCOUNT, runtime_id, estate.runtime_id("open_agent")),
    )
    assert two == [("okta_agent",), ("open_agent",)]
    assert calls(aws, mark, *LISTS_AND_GETS) == [("GetAgentRuntime", "us-east-1")] * 2


def test_a_runtime_arn_is_read_directly_in_its_account_and_region(multicorn_sql, aws, estate):
    arn = estate.runtime_arn("partner_open_agent")  # arn:aws:bedrock-agentcore:...:runtime/<id>
    mark = aws.mark()
    rows = multicorn_sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes WHERE agent_runtime_arn = %s",
        (arn,),
    )
    assert rows == [("partner_open_agent",)]
    assert calls(aws, mark, *LISTS_AND_GETS) == [("GetAgentRuntime", "eu-west-1")]


def test_an_arn_that_names_no_runtime_calls_nothing(multicorn_sql, aws):
    mark = aws.mark()
    rows = multicorn_sql.rows(
        "SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_arn = 'arn:aws:s3:::bucket'"
    )
    assert rows == [] and calls(aws, mark, *LISTS_AND_GETS) == []


def test_a_user_pool_id_is_described_without_listing(multicorn_sql, aws, estate):
    pool_id = estate.pools["agents-pool"]["id"]
    mark = aws.mark()
    pools = multicorn_sql.rows(
        "SELECT user_pool_name, mfa_configuration FROM agentcore.cognito_user_pools "
        "WHERE user_pool_id = %s",
        (pool_id,),
    )
    assert pools == [("agents-pool", "OFF")]
    assert aws.count(mark, "ListUserPools") == 0
    # The ID names its region: only us-east-1 is asked, once per account.
    assert calls(aws, mark, "DescribeUserPool") == [("DescribeUserPool", "us-east-1")] * 2

    mark = aws.mark()
    clients = multicorn_sql.rows(
        "SELECT client_name FROM agentcore.cognito_user_pool_clients "
        "WHERE user_pool_id = %s ORDER BY 1",
        (pool_id,),
    )
    assert clients == [("agent-caller",), ("web-app",)]
    assert aws.count(mark, "ListUserPools") == 0
    assert calls(aws, mark, "ListUserPoolClients") == [("ListUserPoolClients", "us-east-1")] * 2


def test_the_view_a_bi_tool_lists_is_inlined_into_the_foreign_scan(multicorn_sql, estate):
    """agentcore.agent_runtimes is a view over agentcore_multicorn's foreign table, which
    PostgreSQL inlines: its filters reach the wrapper as the foreign table's own would."""
    sql = multicorn_sql
    kind = "SELECT relkind FROM pg_class WHERE oid = 'agentcore.agent_runtimes'::regclass"
    assert sql.value(kind) == "v"
    ids = [estate.runtime_id("okta_agent"), estate.runtime_id("open_agent")]
    plan = explain(
        sql,
        "VERBOSE SELECT agent_runtime_name FROM agentcore.agent_runtimes "
        "WHERE agent_runtime_id IN (%s, %s)",
        *ids,
    )
    assert plan.startswith("Foreign Scan on agentcore_multicorn.agent_runtimes"), plan
    assert "Subquery Scan" not in plan
    assert f"Pushed down: agent_runtime_id IN {sorted(ids)}" in plan


def test_filters_that_are_not_pushed_down_still_apply(multicorn_sql, aws):
    rows = multicorn_sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes "
        "WHERE agent_runtime_name LIKE 'partner%%' AND status = 'READY' ORDER BY 1"
    )
    assert rows == [("partner_open_agent",), ("partner_trusting_agent",)]


# Column-aware fetching


@pytest.mark.parametrize(
    "query",
    [
        "SELECT count(*) FROM agentcore.agent_runtimes",
        "SELECT agent_runtime_name, status FROM agentcore.agent_runtimes",
        "SELECT region, count(*) FROM agentcore.agent_runtimes "
        "WHERE last_updated_at > now() - interval '1 day' GROUP BY region",
    ],
)
def test_list_columns_need_no_per_runtime_call(multicorn_sql, aws, query):
    mark = aws.mark()
    assert multicorn_sql.rows(query)
    assert aws.count(mark, "ListAgentRuntimes") == len(REGIONS) * 2
    assert aws.count(mark, "GetAgentRuntime") == 0


def test_detail_columns_fetch_each_runtime_once(multicorn_sql, aws):
    mark = aws.mark()
    assert multicorn_sql.value("SELECT count(role_arn) FROM agentcore.agent_runtimes") == 9
    assert aws.count(mark, "GetAgentRuntime") == 9


def test_a_whole_row_reference_reads_every_column(multicorn_sql, aws):
    """Through the view, `to_jsonb(r)` names every column to the wrapper, detail columns too
    (of the foreign table itself, Multicorn2 would hand it none)."""
    mark = aws.mark()
    rows = multicorn_sql.rows(
        "SELECT to_jsonb(r) ->> 'role_arn' FROM agentcore.agent_runtimes AS r"
    )
    assert len(rows) == 9 and all(role_arn for (role_arn,) in rows)
    assert aws.count(mark, "GetAgentRuntime") == 9


# EXPLAIN


def test_explain_shows_what_aws_will_be_asked(multicorn_sql, estate):
    plan = explain(
        multicorn_sql,
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes "
        "WHERE region = 'eu-west-1' AND account_id = %s",
        PARTNER_ACCOUNT,
    )
    assert "AgentCore table: agentcore.agent_runtimes" in plan
    assert f"Accounts: {PARTNER_ACCOUNT}" in plan
    assert "Regions: eu-west-1" in plan
    assert "Pushed down: region = ['eu-west-1']; account_id = ['111111111111']" in plan
    assert "Per-item details (GetAgentRuntime): not fetched" in plan

    plan = explain(
        multicorn_sql,
        "SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_id = %s",
        estate.runtime_id("open_agent"),
    )
    assert f"Accounts: {PARTNER_ACCOUNT}, {MAIN_ACCOUNT}" in plan
    assert "Regions: eu-west-1, us-east-1" in plan
    assert (
        f"Lookup by agent_runtime_id: {estate.runtime_id('open_agent')} (no ListAgentRuntimes)"
        in plan
    )
    assert "Per-item details (GetAgentRuntime): fetched" in plan


# Parameterized scans


def test_a_join_on_user_pool_id_uses_a_parameterized_scan(multicorn_sql, aws, estate):
    sql = multicorn_sql
    sql.execute("CREATE TEMP TABLE wanted (pool_id text)")
    sql.execute("INSERT INTO wanted VALUES (%s)", (estate.pools["agents-pool"]["id"],))
    sql.execute("ANALYZE wanted")
    query = (
        "SELECT c.client_name FROM wanted "
        "JOIN agentcore.cognito_user_pool_clients AS c ON c.user_pool_id = wanted.pool_id "
        "ORDER BY 1"
    )
    plan = explain(sql, query)
    assert "Nested Loop" in plan and "Filter: (user_pool_id = wanted.pool_id)" in plan, plan
    mark = aws.mark()
    assert sql.rows(query) == [("agent-caller",), ("web-app",)]
    assert aws.count(mark, "ListUserPools") == 0
    assert aws.count(mark, "ListUserPoolClients") == 2  # the pool's region, in each account


def test_the_cognito_join_reads_only_the_pools_runtimes_trust(multicorn_sql, aws):
    mark = aws.mark()
    assert len(multicorn_sql.rows("SELECT * FROM agentcore.runtime_cognito_authorizers")) == 5
    # Pools, clients and resource servers are looked up per trusted pool (parameterized
    # scans, memoized), never by listing every pool of every account and region.
    assert aws.count(mark, "ListUserPools") == 0
    assert aws.count(mark, "ListUserPoolClients") <= 3 * 2  # 3 trusted pools, 2 accounts
    assert aws.count(mark, "ListResourceServers") <= 3 * 2


# Cancellation


def test_a_cancelled_scan_leaves_the_session_usable(multicorn_sql, aws, postgres):
    sql = multicorn_sql
    sql.execute("SET statement_timeout = '700ms'")
    with aws.fault("ListAgentRuntimes", None, delay=10):
        started = time.monotonic()
        error = sql.error("SELECT * FROM agentcore.agent_runtimes")
        elapsed = time.monotonic() - started
    assert "cancel" in error.diag.message_primary or "timeout" in error.diag.message_primary
    assert elapsed < 6  # the scan stopped when asked, not when AWS answered (10 s)
    sql.execute("RESET statement_timeout")
    assert sql.value("SELECT count(*) FROM agentcore.agent_runtimes") == 9
    assert sql.value("SELECT count(*) FROM agentcore.cognito_user_pools") == 2
    assert "terminated by signal" not in postgres.log()


def test_pg_cancel_backend_during_a_scan_with_warnings(multicorn_sql, aws, postgres):
    sql = multicorn_sql
    sql.set_options(ignore_error_codes="AccessDeniedException")
    pid = sql.value("SELECT pg_backend_pid()")

    def cancel_soon():
        time.sleep(0.5)
        with psycopg.connect(postgres.dsn(), autocommit=True) as other:
            other.execute("SELECT pg_cancel_backend(%s)", (pid,))

    canceller = threading.Thread(target=cancel_soon)
    with (
        aws.fault("ListAgentRuntimes", region="eu-west-1"),
        aws.fault("ListAgentRuntimes", None, region="us-east-1", delay=2),
    ):
        canceller.start()
        error = sql.error("SELECT * FROM agentcore.agent_runtimes")
        canceller.join()
    assert "cancel" in error.diag.message_primary
    for _ in range(3):  # the next scans, in the same backend
        assert sql.value("SELECT count(*) FROM agentcore.agent_runtimes") == 9
    assert sql.value("SELECT pg_backend_pid()") == pid
    assert "terminated by signal" not in postgres.log()
