"""agentcore.api_coverage: what the tool reads of AgentCore, and what it does not.

One row per List operation of the bedrock-agentcore-control model that the server's botocore
holds, built from the model at query time: an operation a botocore upgrade brings shows up
with no table and "not read by this version", never as silence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.table import TEXT, Column, Request, Table

if TYPE_CHECKING:
    from ..core.aws import AwsContext

SERVICE = "bedrock-agentcore-control"
NOT_READ = "not read by this version"

# Why each List operation that feeds no table is left alone. tests/test_api_coverage.py
# fails when the model holds an operation that is neither here nor read by a table.
NOT_READ_BECAUSE = {
    "ListAgentInsightStores": "insight stores hold observability data, and no caller invokes "
    f"them: {NOT_READ}",
    "ListAgentRuntimeVersionsByCapacityProvider": "the versions ListAgentRuntimeVersions "
    "lists (agent_runtime_versions), grouped by capacity provider",
    "ListApiKeyCredentialProviders": "outbound API keys of the token vault, no door: "
    f"{NOT_READ} (and their keys stay in AWS)",
    "ListBrowserProfiles": f"saved browser profiles, no door: {NOT_READ}",
    "ListCapacityProviders": f"compute capacity for runtimes, no door: {NOT_READ}",
    "ListConfigurationBundleVersions": f"configuration bundles, no door: {NOT_READ}",
    "ListConfigurationBundles": f"configuration bundles, no door: {NOT_READ}",
    "ListConsentPortals": "consent portals, the sign-in pages of an identity provider where "
    f"users grant agents access: {NOT_READ}",
    "ListDatasetExamples": f"evaluation datasets, no door: {NOT_READ}",
    "ListDatasetVersions": f"evaluation datasets, no door: {NOT_READ}",
    "ListDatasets": f"evaluation datasets, no door: {NOT_READ}",
    "ListEvaluators": f"evaluators, no door: {NOT_READ}",
    "ListGatewayRateLimits": f"a gateway's rate limits: {NOT_READ}",
    "ListGatewayRules": f"a gateway's rules: {NOT_READ}",
    "ListOauth2CredentialProviders": "outbound OAuth clients of the token vault, no door: "
    f"{NOT_READ} (gateway targets name the one they use)",
    "ListOnlineEvaluationConfigs": f"online evaluations, no door: {NOT_READ}",
    "ListPaymentConnectors": f"a payment manager's outbound connectors: {NOT_READ}",
    "ListPaymentCredentialProviders": f"a payment manager's outbound credentials: {NOT_READ}",
    "ListPolicies": "the Cedar policies of a policy engine: gateways show the engine and its "
    f"mode (policy_engine_mode); the policies themselves are {NOT_READ}",
    "ListPolicyEngineSummaries": f"policy engines: gateways name theirs; {NOT_READ}",
    "ListPolicyEngines": f"policy engines: gateways name theirs; {NOT_READ}",
    "ListPolicyGenerationAssets": f"policy generation, no door: {NOT_READ}",
    "ListPolicyGenerationSummaries": f"policy generation, no door: {NOT_READ}",
    "ListPolicyGenerations": f"policy generation, no door: {NOT_READ}",
    "ListPolicySummaries": f"the Cedar policies of a policy engine: {NOT_READ}",
    "ListRegistryRecords": f"the records of a registry (registries shows the registry): {NOT_READ}",
    "ListTagsForResource": f"tags: {NOT_READ}",
    "ListWorkloadIdentities": "workload identities: each runtime, gateway and payment manager "
    f"names its own (workload_identity_arn); the directory is {NOT_READ}",
}

_tables: list[Table] = []


def cover(tables: Iterable[Table]) -> None:
    """Hand this table the registry's tables, whose List operations it maps (the registry
    sits above it)."""
    _tables[:] = [table for table in tables if table.service == SERVICE]


def list_operations() -> list[str]:
    import botocore.session

    model = botocore.session.get_session().get_service_model(SERVICE)
    return sorted(name for name in model.operation_names if name.startswith("List"))


def reading_tables() -> dict[str, str]:
    """List operation -> the table it feeds (the first, where several share a listing)."""
    feeds: dict[str, str] = {}
    for table in _tables:
        if table.list_items is not None and table.list_operation:
            feeds.setdefault(table.list_operation, table.name)
    return feeds


def read_coverage(aws: AwsContext, request: Request, warn=None, read_table=None) -> list[dict]:
    feeds = reading_tables()
    return [
        {
            "operation": operation,
            "table_name": feeds.get(operation),
            "reason": None if operation in feeds else NOT_READ_BECAUSE.get(operation, NOT_READ),
        }
        for operation in list_operations()
    ]


TABLE = Table(
    name="api_coverage",
    description="What agentcore-fdw reads of Amazon Bedrock AgentCore: one row per List "
    "operation of the bedrock-agentcore-control model the server's botocore holds, with the "
    "table it feeds, or why it is not read.",
    service="sts",
    columns=(
        Column("operation", TEXT, "The List operation of the model.", "operation"),
        Column(
            "table_name",
            TEXT,
            "The agentcore table it feeds; NULL when no table reads it.",
            "table_name",
        ),
        Column(
            "reason",
            TEXT,
            "Why it is not read, when it is not ('not read by this version' for an operation "
            "newer than this version of agentcore-fdw).",
            "reason",
        ),
    ),
    list_items=lambda client, parent: (),
    list_operation="none",
    identity=("operation",),
    read=read_coverage,
    cacheable=False,
    rows_per_scope=50,
)
