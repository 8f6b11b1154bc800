"""agentcore.api_coverage: every List operation of the model, read by a table or said why not."""

from __future__ import annotations

from agentcore_fdw.tables import TABLES, api_coverage
from agentcore_fdw.tables.api_coverage import NOT_READ, NOT_READ_BECAUSE, list_operations


def test_every_list_operation_of_the_model_is_read_or_explained():
    fed = api_coverage.reading_tables()
    unexplained = [op for op in list_operations() if op not in fed and op not in NOT_READ_BECAUSE]
    assert unexplained == [], "map each to a table, or say why not in NOT_READ_BECAUSE"
    stale = sorted(set(NOT_READ_BECAUSE) - set(list_operations()))
    assert stale == [], "these are no longer in the model"
    assert not set(NOT_READ_BECAUSE) & set(fed), "read by a table, yet explained as not read"


def test_each_table_of_agentcore_names_its_list_operation():
    fed = api_coverage.reading_tables()
    assert fed["ListAgentRuntimes"] == "agent_runtimes"
    assert fed["ListRegistries"] == "registries"
    assert fed["ListPaymentManagers"] == "payment_managers"
    assert fed["ListGatewayTargets"] == "gateway_targets"


def test_an_operation_a_newer_botocore_brings_shows_with_no_table(monkeypatch):
    monkeypatch.setattr(
        api_coverage, "list_operations", lambda: ["ListAgentRuntimes", "ListNewDoors"]
    )
    rows = api_coverage.read_coverage(None, None)
    assert rows == [
        {"operation": "ListAgentRuntimes", "table_name": "agent_runtimes", "reason": None},
        {"operation": "ListNewDoors", "table_name": None, "reason": NOT_READ},
    ]


def test_api_coverage_in_sql(sql):
    rows = sql.dicts("SELECT operation, table_name, reason FROM agentcore.api_coverage")
    assert [row["operation"] for row in rows] == list_operations()
    assert all((row["table_name"] is None) != (row["reason"] is None) for row in rows)
    by_operation = {row["operation"]: row for row in rows}
    assert by_operation["ListMemories"]["table_name"] == "memories"
    assert by_operation["ListTagsForResource"]["reason"] == f"tags: {NOT_READ}"
    assert set(row["table_name"] for row in rows) - {None} <= set(TABLES)
