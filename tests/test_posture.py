"""The rest of AgentCore's posture: memories, custom browsers and code interpreters, the
runtime's network, metadata service and lifecycle, and the controls that judge them."""

from __future__ import annotations

from collections import Counter

import pytest

from agentcore_fdw.demo.estate import MAIN_ACCOUNT

from .estate import POSTURE_KEY as KEY
from .estate import POSTURE_REGION


@pytest.fixture
def posture_sql(sql, posture):
    sql.set_options(regions=POSTURE_REGION, profile="default")
    return sql


def test_runtimes_show_network_metadata_service_lifecycle_and_artifact(posture_sql):
    rows = posture_sql.dicts(
        "SELECT agent_runtime_name, network_mode, vpc_subnets, vpc_security_groups, "
        "require_mmdsv2, idle_session_timeout, max_lifetime, artifact_type, container_uri "
        "FROM agentcore.agent_runtimes ORDER BY agent_runtime_name"
    )
    assert rows == [
        {
            "agent_runtime_name": "private_agent", "network_mode": "VPC",
            "vpc_subnets": ["subnet-0demo0000000000"],
            "vpc_security_groups": ["sg-0demo000000000000"], "require_mmdsv2": True,
            "idle_session_timeout": 900, "max_lifetime": 28800, "artifact_type": "container",
            "container_uri": f"{MAIN_ACCOUNT}.dkr.ecr.{POSTURE_REGION}.amazonaws.com/"
                             "private_agent:latest",
        },
        {
            "agent_runtime_name": "public_agent", "network_mode": "PUBLIC", "vpc_subnets": None,
            "vpc_security_groups": None, "require_mmdsv2": None, "idle_session_timeout": None,
            "max_lifetime": None, "artifact_type": "container",
            "container_uri": f"{MAIN_ACCOUNT}.dkr.ecr.{POSTURE_REGION}.amazonaws.com/"
                             "public_agent:latest",
        },
    ]  # fmt: skip


def test_memories_browsers_and_code_interpreters_are_tables(posture_sql):
    memories = posture_sql.rows(
        "SELECT name, encryption_key_arn, event_expiry_days, status, detail_error "
        "FROM agentcore.memories ORDER BY name"
    )
    assert memories == [("kept_memory", KEY, 30, "ACTIVE", None), ("plain_memory", None, 30,
                                                                    "ACTIVE", None)]  # fmt: skip
    browsers = posture_sql.rows(
        "SELECT name, network_mode, recording_enabled, recording_s3_location "
        "FROM agentcore.browsers ORDER BY name"
    )
    assert browsers == [
        ("open_browser", "PUBLIC", None, None),
        ("recorded_browser", "VPC", True, "s3://recorded-browser-recordings/sessions/"),
    ]
    interpreters = posture_sql.rows(
        "SELECT name, network_mode, "
        "arn LIKE 'arn:aws:bedrock-agentcore:%:code-interpreter-custom/%' "
        "FROM agentcore.code_interpreters ORDER BY name"
    )
    assert interpreters == [
        ("private_interpreter", "VPC", True),
        ("public_interpreter", "PUBLIC", True),
        ("sandbox_interpreter", "SANDBOX", True),
    ]


NEW_CONTROLS = {
    "agentcore_runtime_vpc_network_mode": Counter(ok=1, alarm=1),
    "agentcore_runtime_requires_mmdsv2": Counter(ok=1, alarm=1),
    "agentcore_memory_encrypted_with_cmk": Counter(ok=1, alarm=1),
    "agentcore_gateway_encrypted_with_cmk": Counter(ok=1, alarm=1),
    "agentcore_gateway_policy_engine_enforced": Counter(ok=1, alarm=1),
    "agentcore_gateway_debug_exceptions_disabled": Counter(ok=1, alarm=1),
    "agentcore_gateway_waf_attached": Counter(ok=1, alarm=1),
    "agentcore_browser_not_public": Counter(ok=1, alarm=1),
    "agentcore_browser_recording_enabled": Counter(ok=1, alarm=1),
    # PUBLIC and SANDBOX both fail: only a VPC is a private network.
    "agentcore_code_interpreter_private_network": Counter(ok=1, alarm=2),
}


def test_each_posture_control_passes_one_resource_and_fails_another(posture_sql):
    found: dict[str, Counter] = {}
    for control_id, status, n in posture_sql.rows(
        "SELECT control_id, status, count(*) FROM agentcore.control_results "
        "WHERE control_id = ANY(%s) GROUP BY 1, 2",
        (list(NEW_CONTROLS),),
    ):
        found.setdefault(control_id, Counter())[status] = n
    assert found == NEW_CONTROLS


def test_an_unreadable_browser_is_an_error_never_ok(posture_sql, aws):
    with aws.fault("GetBrowser", path_contains="recorded_browser"):
        statuses = dict(
            posture_sql.rows(
                "SELECT control_id, status FROM agentcore.control_results "
                "WHERE control_id LIKE 'agentcore_browser%%' AND resource LIKE '%%recorded%%'"
            )
        )
    assert statuses == {
        "agentcore_browser_not_public": "error",
        "agentcore_browser_recording_enabled": "error",
    }
