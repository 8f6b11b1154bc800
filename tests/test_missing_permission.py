"""A report that survives a missing permission: with one List action denied, every control
that needs it gives an error row per account and region, naming what to grant, and every
other control gives the rows it gives with every permission. The base table still fails."""

from __future__ import annotations

import pytest

from .estate import MAIN_ACCOUNT, PARTNER_ACCOUNT, POSTURE_REGION, REGIONS

READ = (*REGIONS, POSTURE_REGION)  # the posture region has browsers, one passing, one not

BROWSER_CONTROLS = {"agentcore_browser_not_public", "agentcore_browser_recording_enabled"}
RESULTS = (
    "SELECT control_id, resource, status, reason, account_id, region "
    "FROM agentcore.control_results ORDER BY control_id, resource"
)


@pytest.fixture
def estate_sql(sql, posture):
    sql.set_options(regions=",".join(READ))
    return sql


def test_a_denied_list_costs_only_the_controls_that_need_it(estate_sql, aws):
    sql = estate_sql
    everything = sql.dicts(RESULTS)
    mark = aws.mark()
    with aws.fault("ListBrowsers"):
        denied = sql.dicts(RESULTS)
    asked = [r for r in aws.since(mark) if r.operation == "ListBrowsers"]

    others = [row for row in everything if row["control_id"] not in BROWSER_CONTROLS]
    assert [row for row in denied if row["control_id"] not in BROWSER_CONTROLS] == others
    assert any(row["control_id"] in BROWSER_CONTROLS for row in everything)

    errors = [row for row in denied if row["control_id"] in BROWSER_CONTROLS]
    scopes = {(account, region) for account in (MAIN_ACCOUNT, PARTNER_ACCOUNT) for region in READ}
    assert {(r["account_id"], r["region"]) for r in errors} == scopes
    assert len(errors) == 2 * len(scopes)  # one per control, account and region
    for row in errors:
        assert row["status"] == "error"
        assert row["resource"] == f"arn:aws:bedrock-agentcore:{row['region']}:{row['account_id']}:*"
        assert row["reason"] == (
            f"This control could not be judged in account {row['account_id']}, region "
            f"{row['region']}: ListBrowsers was denied (AccessDeniedException). Grant "
            "bedrock-agentcore:ListBrowsers to the role agentcore-fdw reads that account with."
        )
    # Both browser controls read one scan: each scope was asked once in the transaction.
    assert sorted(r.region for r in asked) == sorted(region for _, region in scopes)


def test_the_base_table_still_fails_and_names_the_action(estate_sql, aws):
    sql = estate_sql
    with aws.fault("ListBrowsers"):
        error = sql.error("SELECT * FROM agentcore.browsers")
    assert "ListBrowsers failed in account" in error.diag.message_primary
    assert "bedrock-agentcore:ListBrowsers" in error.diag.message_hint


def test_a_snapshot_keeps_the_error_rows(estate_sql, aws):
    sql = estate_sql
    with aws.fault("ListBrowsers"):
        saved = sql.value("SELECT agentcore.snapshot_controls()")
        stored = sql.rows(
            "SELECT count(*) FROM agentcore.control_history WHERE status = 'error' "
            "AND control_id = 'agentcore_browser_not_public' AND snapshot_at = "
            "(SELECT max(snapshot_at) FROM agentcore.control_history)"
        )
    assert saved > 0 and stored == [(len(READ) * 2,)]


def test_a_filter_on_control_id_runs_only_that_control(estate_sql, aws):
    sql = estate_sql
    mark = aws.mark()
    rows = sql.rows(
        "SELECT status FROM agentcore.control_results "
        "WHERE control_id = 'agentcore_browser_not_public'"
    )
    asked = {r.operation for r in aws.since(mark)} - {"GetCallerIdentity"}
    assert rows and asked <= {"ListBrowsers", "GetBrowser"}
