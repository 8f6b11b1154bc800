"""The control catalog: for every bundled control, what it checks, why, how to fix it, and
which control of other frameworks it answers to.

This module is the one source of each control's title and severity: sql/catalog.sql (the
view agentcore.controls, which every control view reads its title and severity from) is
generated from it, the reports take remediation from it, and a test holds the README's
control table to it. A control's check itself is its SQL file in sql/controls/.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("low", "medium", "high", "critical")
FRAMEWORKS = {
    "aws_security_hub": "AWS Security Hub",
    "trend_micro": "Trend Micro",
    "prowler": "Prowler",
}
# The placeholders a remediation's CLI example may hold, filled per failing resource: the ARN,
# its last path segment, and for an endpoint's ARN (runtime/<id>/runtime-endpoint/<name>,
# harness/<id>/harness-endpoint/<name>) the ID of what it belongs to and its name.
# What an update command must repeat of the resource's current settings (AWS's update calls
# replace the whole configuration), filled from findings.current_settings where it was read.
CURRENT = {
    "{name}": "<name>",
    "{role_arn}": "<current role>",
    "{authorizer_type}": "<current type>",
}
ENDPOINT_ARN = re.compile(r"^arn:[^:]+:[^:]+:[^:]*:[^:]*:[a-z]+/([^/]+)/[a-z-]*endpoint/([^/]+)$")


@dataclass(frozen=True)
class Control:
    control_id: str
    title: str
    severity: str
    resource_type: str  # what `resource` names: runtime, runtime endpoint, gateway, ...
    description: str  # what is checked: when it is ok, alarm, error or skip
    rationale: str  # why it matters
    remediation: str  # what to change
    # An AWS CLI example; {region}, {resource} (the ARN) and {resource_id} (the ARN's last
    # path segment, where that is the ID the CLI takes) are filled for each failing resource.
    cli: str
    frameworks: dict[str, str] = field(default_factory=dict)

    def cli_for(self, resource: str, region: str, current: Mapping[str, Any] | None = None) -> str:
        """The CLI example for one resource, each value shell-quoted: an ARN or ID is what AWS
        answered, and a command pasted from a report must run only what it says. `current`:
        the resource's settings (name, role_arn, authorizer_type) where they were read."""
        resource_id = resource.rsplit("/", 1)[-1] if "/" in resource else resource
        endpoint = ENDPOINT_ARN.match(resource)
        values = {
            "{region}": shlex.quote(region) if region else "<region>",
            "{resource_id}": shlex.quote(resource_id),
            "{resource}": shlex.quote(resource),
            "{parent_id}": shlex.quote(endpoint.group(1)) if endpoint else "<parent-id>",
            "{endpoint_name}": shlex.quote(endpoint.group(2)) if endpoint else "<endpoint-name>",
        }
        for placeholder, unknown in CURRENT.items():
            value = (current or {}).get(placeholder.strip("{}"))
            values[placeholder] = shlex.quote(str(value)) if value else unknown
        return re.sub("|".join(map(re.escape, values)), lambda m: values[m.group()], self.cli)


RUNTIME_JWT = (
    '\'{"customJWTAuthorizer": {"discoveryUrl": '
    '"https://<issuer>/.well-known/openid-configuration", '
    '"allowedClients": ["<client-id>"]}}\''
)
UPDATE_RUNTIME = (
    "aws bedrock-agentcore-control update-agent-runtime --region {region} "
    "--agent-runtime-id {resource_id} --agent-runtime-artifact <current artifact> "
    "--role-arn {role_arn} --network-configuration <current network configuration> "
    "--authorizer-configuration " + RUNTIME_JWT
)
UPDATE_GATEWAY = (
    "aws bedrock-agentcore-control update-gateway --region {region} "
    "--gateway-identifier {resource_id} --name {name} --role-arn {role_arn} "
    "--authorizer-type CUSTOM_JWT --authorizer-configuration " + RUNTIME_JWT
)
CREATE_SCOPE = (
    "aws cognito-idp create-resource-server --region {region} --user-pool-id <pool-id> "
    "--identifier <identifier> --name <name> "
    "--scopes ScopeName=<scope>,ScopeDescription=<what it allows>"
)
COGNITO_RATIONALE = (
    "An authorizer that names what its identity provider does not have either locks out the "
    "callers it was meant for or, once someone creates the missing pool, client or scope, "
    "lets in whoever did: it is a configuration that no longer says what it enforces."
)


def _cognito_controls(kind: str, resource_type: str, update: str) -> tuple[Control, ...]:
    """The three Cognito controls, for runtimes and for gateways alike."""
    return (
        Control(
            f"agentcore_{kind}_cognito_pool_exists",
            f"Cognito user pools trusted by AgentCore {kind}s should exist",
            "medium",
            resource_type,
            f"For each {resource_type} whose JWT authorizer trusts an Amazon Cognito user pool "
            "(its discovery URL is a pool's): alarm when that pool is found in no inventoried "
            "account and region, error when it could not be read, skip otherwise.",
            COGNITO_RATIONALE,
            f"Point the {resource_type}'s discovery URL at a pool that exists, or recreate the "
            "pool (and its clients and scopes) where the authorizer expects it.",
            update,
        ),
        Control(
            f"agentcore_{kind}_cognito_clients_exist",
            f"Clients allowed by AgentCore {kind}s should be app clients of the trusted user pool",
            "low",
            resource_type,
            f"For each {resource_type} trusting a Cognito pool that exists: alarm when an "
            "allowed client ID is not an app client of that pool.",
            COGNITO_RATIONALE,
            "Remove the unknown client IDs from allowedClients, or create the app clients the "
            "authorizer is meant to accept.",
            update,
        ),
        Control(
            f"agentcore_{kind}_cognito_scopes_exist",
            f"Scopes required by AgentCore {kind}s should be defined by the trusted user pool",
            "low",
            resource_type,
            f"For each {resource_type} trusting a Cognito pool that exists: alarm when an "
            "allowed scope is defined by no resource server of that pool (Cognito's own "
            "openid, email, phone, profile and aws.cognito.signin.user.admin excepted).",
            COGNITO_RATIONALE,
            "Define the scope on a resource server of the pool, or remove it from allowedScopes.",
            CREATE_SCOPE,
        ),
    )


CONTROLS: tuple[Control, ...] = (
    Control(
        "agentcore_runtime_authorizer_configured",
        "AgentCore runtimes should have an inbound authorizer configured",
        "high",
        "runtime",
        "For each runtime (its current version): ok with a custom JWT authorizer trusting an "
        "https OIDC discovery URL, alarm with no authorizer configuration, error when the "
        "runtime could not be read or its discovery URL is missing or not such a URL.",
        "A runtime with no authorizer accepts every caller that IAM allows to call "
        "InvokeAgentRuntime; the agent then cannot tell which user it acts for.",
        "Give the runtime a custom JWT authorizer naming your identity provider's OIDC "
        "discovery URL and the clients (or audiences) it accepts. Updating a runtime makes a "
        "new version: update its endpoints too (agentcore_runtime_endpoint_authorizer_configured).",
        UPDATE_RUNTIME,
        {
            "trend_micro": "Enable Authorization on AgentCore Runtime",
            # Proposed in prowler-cloud/prowler PR #12762 (open in 2026-09).
            "prowler": "bedrockagentcore_runtime_jwt_identity_propagation_configured",
        },
    ),
    Control(
        "agentcore_runtime_authorizer_restricts_callers",
        "AgentCore runtime authorizers should restrict the audiences or clients they accept",
        "medium",
        "runtime",
        "For each runtime with a custom JWT authorizer: alarm when it names neither allowed "
        "audiences nor allowed clients, skip without a JWT authorizer, error when unread.",
        "An authorizer that names neither accepts every token its identity provider issues, "
        "to any application of any tenant of that provider.",
        "Name the audiences (allowedAudience) or the app clients (allowedClients) the runtime "
        "serves.",
        UPDATE_RUNTIME,
    ),
    *_cognito_controls("runtime", "runtime", UPDATE_RUNTIME),
    Control(
        "agentcore_runtime_endpoint_authorizer_configured",
        "AgentCore runtime endpoints should serve versions with an inbound authorizer",
        "high",
        "runtime endpoint",
        "For each endpoint, the version it serves (and the version it is moving to): alarm "
        "when that version has no authorizer, even if the runtime's current version has one.",
        "Callers reach an agent through an endpoint; an endpoint left on an old, open version "
        "keeps the door open after the runtime itself was fixed.",
        "Point the endpoint at a version that has an authorizer.",
        "aws bedrock-agentcore-control update-agent-runtime-endpoint --region {region} "
        "--agent-runtime-id {parent_id} --endpoint-name {endpoint_name} "
        "--agent-runtime-version <a version with an authorizer>",
    ),
    Control(
        "agentcore_gateway_authorizer_configured",
        "AgentCore gateways should have an inbound authorizer",
        "high",
        "gateway",
        "For each gateway: alarm when its authorizer type is NONE, or AUTHENTICATE_ONLY "
        "without a policy engine in ENFORCE mode; ok for AWS_IAM and CUSTOM_JWT.",
        "A gateway without authorization lets anyone who can reach its URL call every tool "
        "behind it, with the gateway's own credentials to those tools.",
        "Use a CUSTOM_JWT (or AWS_IAM) authorizer, or attach a policy engine in ENFORCE mode.",
        UPDATE_GATEWAY,
        {
            "aws_security_hub": "BedrockAgentCore.2",
            "trend_micro": "Enable Authorization on AgentCore Gateways",
            # Proposed in prowler-cloud/prowler issue #12625.
            "prowler": "bedrockagentcore_gateway_inbound_authorization_enabled",
        },
    ),
    Control(
        "agentcore_gateway_authorizer_restricts_callers",
        "AgentCore gateway authorizers should restrict the audiences or clients they accept",
        "medium",
        "gateway",
        "For each gateway with a custom JWT authorizer: alarm when it names neither allowed "
        "audiences nor allowed clients.",
        "An authorizer that names neither accepts every token its identity provider issues.",
        "Name the audiences or the app clients the gateway serves.",
        UPDATE_GATEWAY,
    ),
    *_cognito_controls("gateway", "gateway", UPDATE_GATEWAY),
    Control(
        "agentcore_resource_policy_not_public",
        "AgentCore resource policies should not allow any AWS principal",
        "high",
        "runtime, runtime endpoint, gateway or memory",
        "For each runtime, runtime endpoint, gateway and memory with a resource-based policy: "
        "alarm when an Allow statement lets in any principal (*, AWS *, or NotPrincipal) that "
        "neither a condition of its own (IAM's operators: IfExists, negated operators and "
        "wildcard values bound nothing) nor a Deny for everyone outside bounds to an account, "
        "organization, network or source; error when a statement cannot be judged or the "
        "policy cannot be read.",
        "Such a policy lets principals of every AWS account invoke the resource, or read and "
        "write a memory.",
        "Name the principals allowed, or add a condition on aws:PrincipalOrgID, "
        "aws:PrincipalAccount, aws:SourceVpce or aws:SourceArn; or delete the policy.",
        "aws bedrock-agentcore-control put-resource-policy --region {region} "
        "--resource-arn {resource} --policy file://restricted-policy.json",
    ),
    Control(
        "agentcore_runtime_vpc_network_mode",
        "Bedrock AgentCore runtimes should be configured with VPC network mode",
        "high",
        "runtime",
        "For each runtime: ok in VPC network mode, alarm in PUBLIC, error when unread.",
        "In PUBLIC mode the agent's code reaches, and is reachable from, the internet outside "
        "your VPC's security groups, flow logs and endpoints.",
        "Update the runtime to VPC network mode, with subnets and security groups of yours.",
        "aws bedrock-agentcore-control update-agent-runtime --region {region} "
        "--agent-runtime-id {resource_id} --agent-runtime-artifact <current artifact> "
        "--role-arn {role_arn} --network-configuration "
        '\'{"networkMode": "VPC", "networkModeConfig": {"subnets": ["<subnet-id>"], '
        '"securityGroups": ["<sg-id>"]}}\'',
        {
            "aws_security_hub": "BedrockAgentCore.1",
            # Proposed in prowler-cloud/prowler PR #12800.
            "prowler": "bedrockagentcore_runtime_vpc_configured",
        },
    ),
    Control(
        "agentcore_runtime_requires_mmdsv2",
        "AgentCore runtimes should require MMDSv2 for their metadata service",
        "medium",
        "runtime",
        "For each runtime: ok when metadataConfiguration.requireMMDSV2 is true, alarm "
        "otherwise (MMDSv1 requests accepted).",
        "Session-token (v2) requests to the microVM metadata service resist the server-side "
        "request forgery that lets an attacker read the runtime's role credentials.",
        "Update the runtime with metadataConfiguration requireMMDSV2 true.",
        "aws bedrock-agentcore-control update-agent-runtime --region {region} "
        "--agent-runtime-id {resource_id} --agent-runtime-artifact <current artifact> "
        "--role-arn {role_arn} --network-configuration <current network configuration> "
        "--metadata-configuration requireMMDSV2=true",
        {"trend_micro": "Require MMDSv2 for AgentCore Runtime"},
    ),
    Control(
        "agentcore_memory_encrypted_with_cmk",
        "Bedrock AgentCore Memory should be encrypted with customer managed AWS KMS keys",
        "medium",
        "memory",
        "For each memory: ok with an encryption key ARN (a customer managed KMS key), alarm "
        "with AWS's own key, error when unread.",
        "A memory holds what users told the agent; with a key of yours, you decide who may "
        "decrypt it, see every use in CloudTrail, and can revoke it.",
        "The key can only be chosen at creation: create a new memory with encryptionKeyArn, "
        "move the agents to it, and delete the old one.",
        "aws bedrock-agentcore-control create-memory --region {region} --name <name> "
        "--event-expiry-duration <days> --encryption-key-arn <kms-key-arn>",
        {
            "aws_security_hub": "BedrockAgentCore.3",
            "trend_micro": "Use Customer-Managed Keys to Encrypt AgentCore Memory",
        },
    ),
    Control(
        "agentcore_gateway_encrypted_with_cmk",
        "Bedrock AgentCore Gateway should be encrypted with customer managed AWS KMS keys",
        "medium",
        "gateway",
        "For each gateway: ok with a KMS key ARN, alarm with AWS's own key, error when unread.",
        "A gateway keeps its targets' configuration; with a key of yours, you control and "
        "audit who may decrypt it.",
        "Update the gateway with kmsKeyArn naming a customer managed KMS key.",
        "aws bedrock-agentcore-control update-gateway --region {region} "
        "--gateway-identifier {resource_id} --name {name} --role-arn {role_arn} "
        "--authorizer-type {authorizer_type} --kms-key-arn <kms-key-arn>",
        {
            "aws_security_hub": "BedrockAgentCore.4",
            # Proposed in prowler-cloud/prowler issue #12624.
            "prowler": "bedrockagentcore_gateway_encrypted_with_cmk",
        },
    ),
    Control(
        "agentcore_gateway_policy_engine_enforced",
        "AgentCore gateways should have a policy engine in ENFORCE mode",
        "medium",
        "gateway",
        "For each gateway: ok with a policy engine in ENFORCE mode, alarm without one or in "
        "LOG_ONLY mode, error when unread.",
        "Without an enforcing policy, every authenticated caller may use every tool behind "
        "the gateway: authorization stops at the door.",
        "Attach a policy engine to the gateway in ENFORCE mode.",
        "aws bedrock-agentcore-control update-gateway --region {region} "
        "--gateway-identifier {resource_id} --name {name} --role-arn {role_arn} "
        "--authorizer-type {authorizer_type} "
        "--policy-engine-configuration arn=<policy-engine-arn>,mode=ENFORCE",
        {
            "trend_micro": "Configure Policy Engine for AgentCore Gateway",
            # Proposed in prowler-cloud/prowler issue #12626.
            "prowler": "bedrockagentcore_gateway_policy_engine_enforce_mode_enabled",
        },
    ),
    Control(
        "agentcore_gateway_debug_exceptions_disabled",
        "AgentCore gateways should not return debug exception details",
        "medium",
        "gateway",
        "For each gateway: alarm when exceptionLevel is DEBUG, ok otherwise.",
        "Debug exception details tell any caller how the gateway and its targets are built.",
        "Update the gateway without exceptionLevel, so that callers get generic errors.",
        "aws bedrock-agentcore-control update-gateway --region {region} "
        "--gateway-identifier {resource_id} --name {name} --role-arn {role_arn} "
        "--authorizer-type {authorizer_type}",
        # Proposed in prowler-cloud/prowler issue #12627.
        {"prowler": "bedrockagentcore_gateway_debug_exception_details_disabled"},
    ),
    Control(
        "agentcore_gateway_waf_attached",
        "AgentCore gateways should be protected by an AWS WAF web ACL",
        "medium",
        "gateway",
        "For each gateway: ok when a WAF web ACL is associated (webAclArn), alarm otherwise.",
        "A web ACL rate-limits and filters callers before they reach the gateway's tools.",
        "Associate a regional AWS WAF web ACL with the gateway.",
        "aws wafv2 associate-web-acl --region {region} --web-acl-arn <web-acl-arn> "
        "--resource-arn {resource}",
        # Proposed in prowler-cloud/prowler issue #12628.
        {"prowler": "bedrockagentcore_gateway_waf_acl_attached"},
    ),
    Control(
        "agentcore_browser_not_public",
        "Bedrock AgentCore custom browsers should not use public network mode",
        "high",
        "browser",
        "For each custom browser: alarm in PUBLIC network mode, ok in VPC.",
        "A public browser session reaches the internet from outside your network controls, "
        "with whatever the agent browses to.",
        "Browsers cannot be updated: create one in VPC network mode, move the agents to it, "
        "and delete this one.",
        "aws bedrock-agentcore-control create-browser --region {region} --name <name> "
        '--network-configuration \'{"networkMode": "VPC", "vpcConfig": '
        '{"subnets": ["<subnet-id>"], "securityGroups": ["<sg-id>"]}}\'',
        {"aws_security_hub": "BedrockAgentCore.5"},
    ),
    Control(
        "agentcore_browser_recording_enabled",
        "Bedrock AgentCore custom browsers should have session recording enabled",
        "medium",
        "browser",
        "For each custom browser: ok when recording is enabled with an S3 location, alarm "
        "otherwise.",
        "A recording is the only record of what an agent did in a browser session.",
        "Browsers cannot be updated: create one with recording enabled to an S3 location, move "
        "the agents to it, and delete this one.",
        "aws bedrock-agentcore-control create-browser --region {region} --name <name> "
        "--network-configuration networkMode=VPC "
        "--recording 'enabled=true,s3Location={bucket=<bucket>,prefix=<prefix>}'",
        {"aws_security_hub": "BedrockAgentCore.6"},
    ),
    Control(
        "agentcore_code_interpreter_private_network",
        "Bedrock AgentCore custom code interpreters should use a private network configuration",
        "high",
        "code interpreter",
        "For each custom code interpreter: ok in VPC network mode, alarm in PUBLIC or SANDBOX.",
        "Code an agent writes runs there: with PUBLIC or SANDBOX networking it reaches "
        "networks you do not control.",
        "Code interpreters cannot be updated: create one in VPC network mode, move the agents "
        "to it, and delete this one.",
        "aws bedrock-agentcore-control create-code-interpreter --region {region} --name <name> "
        '--network-configuration \'{"networkMode": "VPC", "vpcConfig": '
        '{"subnets": ["<subnet-id>"], "securityGroups": ["<sg-id>"]}}\'',
        {"aws_security_hub": "BedrockAgentCore.7"},
    ),
    Control(
        "agentcore_door_invokers_inside",
        "Doors that rely on IAM should let no principal outside the audited accounts invoke them",
        "high",
        "door",
        "For each door that relies on IAM (an endpoint serving a version with no authorizer, an "
        "AWS_IAM gateway, registry or payment manager): alarm when AWS's policy simulator, or "
        "the door's resource policy, lets anyone (*) or a principal of an account the server "
        "options do not read invoke it without conditions; error when IAM could not be read.",
        "A door with no authorizer of its own is as open as IAM makes it: a grant to another "
        "account, or to *, lets callers outside your control drive the agent with its tools "
        "and its role.",
        "Narrow the identity policies, or the door's resource policy, to your own principals; "
        "or give the door a JWT authorizer.",
        "aws bedrock-agentcore-control put-resource-policy --region {region} "
        "--resource-arn {resource} --policy file://own-principals-only.json",
    ),
    Control(
        "agentcore_workload_token_for_user_id_denied",
        "No IAM principal should be allowed GetWorkloadAccessTokenForUserId on an agent's "
        "workload identity",
        "high",
        "workload identity",
        "For the workload identity of each runtime, gateway and payment manager: alarm naming "
        "each role or user AWS's policy simulator allows "
        "bedrock-agentcore:GetWorkloadAccessTokenForUserId on it (on a condition too); error "
        "where IAM could not be read.",
        "The call issues the agent's workload token for whatever user ID its caller names, "
        "with no identity provider checking it; AgentCore's documentation on workload access "
        "tokens (Security controls for the GetWorkloadAccessTokenForUserId API) advises denying "
        "it in production, so that a token always stands for a user the identity provider saw.",
        "Deny bedrock-agentcore:GetWorkloadAccessTokenForUserId in the principals' policies (or "
        "in an SCP), and let agents get tokens through the runtime or a JWT.",
        "aws iam put-role-policy --role-name <role> --policy-name deny-token-for-user-id "
        "--policy-document file://deny-get-workload-access-token-for-user-id.json",
    ),
    Control(
        "agentcore_harness_endpoint_authorizer_configured",
        "AgentCore harness endpoints should serve versions with an inbound authorizer",
        "high",
        "harness endpoint",
        "For each harness endpoint, the version it serves (and the version it is moving to): "
        "alarm when that version has no authorizer, even if the harness's current version has "
        "one; error when that version could not be read or has an authorizer of a kind this "
        "version does not know.",
        "Callers invoke a harness through an endpoint; without an authorizer, any principal "
        "IAM allows to call InvokeHarness (and InvokeAgentRuntime on the harness) drives the "
        "agent with its tools and its role.",
        "Update the harness with a custom JWT authorizer and point the endpoint at that version.",
        "aws bedrock-agentcore-control update-harness --region {region} --harness-id "
        "{parent_id} --authorizer-configuration " + RUNTIME_JWT,
    ),
    Control(
        "agentcore_harness_remote_mcp_secure",
        "AgentCore harnesses should reach remote MCP tools over https with outbound auth",
        "medium",
        "harness",
        "For each harness (its current version): alarm when a remote MCP tool's URL is not "
        "https, or the tool has no outbound auth; ok otherwise, or with no remote MCP tool; "
        "error when unread.",
        "The agent sends its tool calls, with what users told it, to the MCP server: over "
        "http they travel unencrypted, and without outbound auth the server cannot tell the "
        "harness from anyone else.",
        "Use an https URL and awsIam outbound auth for each remote MCP tool.",
        "aws bedrock-agentcore-control update-harness --region {region} --harness-id "
        "{resource_id} --tools file://tools-over-https.json",
    ),
    Control(
        "agentcore_harness_memory_encrypted_with_cmk",
        "AgentCore harnesses' managed memory should be encrypted with customer managed KMS keys",
        "medium",
        "harness",
        "For each harness with managed memory: ok with an encryption key ARN, alarm with AWS's "
        "own key; skip without managed memory; error when unread.",
        "The memory keeps what users told the agent; with a key of yours, you decide who may "
        "decrypt it, see every use in CloudTrail, and can revoke it (as Security Hub's "
        "BedrockAgentCore.3 asks of memories).",
        "Give the harness's managed memory an encryptionKeyArn.",
        "aws bedrock-agentcore-control update-harness --region {region} --harness-id "
        "{resource_id} --memory file://managed-memory-with-key.json",
    ),
    Control(
        "agentcore_registry_authorizer_configured",
        "AgentCore registries should authorize their consumers with IAM or a usable JWT authorizer",
        "high",
        "registry",
        "For each registry: ok for AWS_IAM, and for CUSTOM_JWT trusting an https discovery URL "
        "AWS accepts; alarm for a plain http discovery URL; error for a type the model does not "
        "list, CUSTOM_JWT without a usable configuration, or a registry that could not be read.",
        "A registry's Search and Invoke calls hand consumers the MCP servers, agents and skills "
        "it lists: its authorizer decides who may find and call them.",
        "Give the registry a custom JWT authorizer whose discovery URL is https, or use AWS_IAM.",
        "aws bedrock-agentcore-control update-registry --region {region} --registry-id "
        "{resource_id} --authorizer-configuration " + RUNTIME_JWT,
    ),
    Control(
        "agentcore_registry_approval_required",
        "AgentCore registries should require approval of each record",
        "medium",
        "registry",
        "For each registry: alarm when approvalConfiguration.autoApproval is true; ok when "
        "false or unset (AWS's default); error when unread.",
        "Records auto-approved are listed to consumers as they are created, while with "
        'autoApproval false (the default) they "require explicit approval for security '
        'purposes" (the ApprovalConfiguration documentation in the AgentCore API reference): '
        "a record that points consumers at a malicious MCP server waits for a reviewer.",
        "Turn auto-approval off and approve records explicitly.",
        "aws bedrock-agentcore-control update-registry --region {region} --registry-id "
        "{resource_id} --approval-configuration autoApproval=false",
    ),
    Control(
        "agentcore_payment_manager_authorizer_configured",
        "AgentCore payment managers should authorize their callers with IAM or a usable JWT "
        "authorizer",
        "high",
        "payment manager",
        "For each payment manager: ok for AWS_IAM, and for CUSTOM_JWT trusting an https "
        "discovery URL AWS accepts; alarm for a plain http discovery URL; error for a type the "
        "model does not list, CUSTOM_JWT without a usable configuration, or a payment manager "
        "that could not be read.",
        "A payment manager lets agents spend money with the credentials it holds: its "
        "authorizer decides who may ask it to.",
        "Give the payment manager a custom JWT authorizer whose discovery URL is https, or use "
        "AWS_IAM.",
        "aws bedrock-agentcore-control update-payment-manager --region {region} "
        "--payment-manager-id {resource_id} --authorizer-type CUSTOM_JWT "
        "--authorizer-configuration " + RUNTIME_JWT,
    ),
    Control(
        "agentcore_payment_manager_encrypted_with_cmk",
        "AgentCore payment managers should encrypt their data with a customer managed KMS key",
        "medium",
        "payment manager",
        "For each payment manager: ok with a kmsKeyArn, alarm with a key AWS owns, error when "
        "unread.",
        "A payment manager keeps sensitive payment data at rest (CreatePaymentManager in the "
        "AgentCore API reference: without a key of yours it is encrypted with an AWS owned key); "
        "with your key you decide who may decrypt it, see every use in CloudTrail, and can "
        "revoke it.",
        "Set a customer managed KMS key on the payment manager.",
        "aws bedrock-agentcore-control update-payment-manager --region {region} "
        "--payment-manager-id {resource_id} --kms-key-arn <kms-key-arn>",
    ),
)

BY_ID = {control.control_id: control for control in CONTROLS}


def mapped_to(framework: str) -> list[Control]:
    return [control for control in CONTROLS if framework in control.frameworks]


def readme_table() -> str:
    """The README's control table: written from the catalog, and checked against it."""
    lines = ["| control_id | severity | should hold | also |", "| --- | --- | --- | --- |"]
    for control in CONTROLS:
        also = "; ".join(
            f"{FRAMEWORKS[name]}: {control.frameworks[name]}"
            for name in FRAMEWORKS
            if name in control.frameworks
        )
        lines.append(f"| `{control.control_id}` | {control.severity} | {control.title} | {also} |")
    return "\n".join(lines) + "\n"
