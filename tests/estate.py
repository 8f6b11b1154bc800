"""The AWS estate the end-to-end tests read: two accounts, three regions, seeded through boto3
with the demo's Seeder. Every runtime stands for one case the audit must tell apart."""

from __future__ import annotations

from pathlib import Path

from agentcore_fdw.demo.estate import Seeder, network, pool_url

MAIN_ACCOUNT = "123456789012"  # moto's default account
PARTNER_ACCOUNT = "111111111111"  # reached through an assumed role, as profile "partner"
REGIONS = ("us-east-1", "eu-west-1")
DENIED_REGION = "ap-southeast-2"  # seeded, and denied by the tests that need a denial
DOORS_REGION = "us-west-2"  # endpoints on old versions, gateways, resource policies

# Strings that break naive array and CSV handling: commas, quotes, braces, backslashes,
# the word NULL, whitespace and non-ASCII.
AWKWARD_CLIENTS = [
    "plain-client",
    "comma,client",
    'double"quote',
    "single'quote",
    "{braced}",
    "back\\slash",
    "NULL",
    " spaced out ",
    "ünïcødé-客户-🔐",
]


class Estate(Seeder):
    def runtime_id(self, name: str) -> str:
        return self.runtimes[name]["agentRuntimeId"]

    def runtime_arn(self, name: str) -> str:
        return self.runtimes[name]["agentRuntimeArn"]


def seed(endpoint_url: str, directory: Path) -> Estate:
    estate = Estate(endpoint_url, directory, PARTNER_ACCOUNT)
    # The pool most runtimes trust, in the main account; a partner pool in the other.
    estate.add_pool(
        "default", "us-east-1", "agents-pool",
        MfaConfiguration="OFF", DeletionProtection="ACTIVE", UserPoolTier="ESSENTIALS",
    )  # fmt: skip
    estate.add_domain("agents-pool", "agents-demo")
    estate.add_resource_server("agents-pool", "agents", "Agents API", ["invoke", "read"])
    estate.add_resource_server("agents-pool", "https://billing.example.com", "Billing", ["charge"])
    caller_id = estate.add_client(
        "agents-pool", "agent-caller", GenerateSecret=True,
        AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=["agents/invoke"],
        AllowedOAuthFlowsUserPoolClient=True,
    )  # fmt: skip
    estate.add_client(
        "agents-pool", "web-app", GenerateSecret=False,
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )  # fmt: skip
    partner_pool = estate.add_pool("partner", "eu-west-1", "partner-pool", MfaConfiguration="OFF")
    partner_client = estate.add_client("partner-pool", "partner-client", GenerateSecret=True)
    agents_pool = estate.pools["agents-pool"]["id"]

    estate.add_runtime(
        "default", "us-east-1", "open_agent",
        description="No authorizer: any IAM caller gets in",
        secrets={"OPENAI_API_KEY": "sk-live-0123456789abcdef-SECRET",
                 "DATABASE_URL": "postgres://admin:hunter2@db/prod"},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "cognito_agent",
        description="Cognito authorizer, one known client, one defined scope",
        jwt={"discoveryUrl": pool_url("us-east-1", agents_pool), "allowedClients": [caller_id],
             "allowedScopes": ["agents/invoke"], "allowedAudience": ["agents-api"]},
        requestHeaderConfiguration={"requestHeaderAllowlist": ["X-Tenant-Id", "Authorization"]},
        protocolConfiguration={"serverProtocol": "MCP"},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "stale_client_agent",
        jwt={"discoveryUrl": pool_url("us-east-1", agents_pool),
             "allowedClients": [caller_id, "ghostclient0000000000000a"],
             "allowedScopes": ["agents/invoke", "agents/delete", "openid",
                               "https://billing.example.com/charge"]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "missing_pool_agent",
        jwt={"discoveryUrl": pool_url("us-east-1", "us-east-1_Gone12345"),
             "allowedClients": [caller_id]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "okta_agent",
        jwt={"discoveryUrl": "https://example.okta.com/oauth2/default/.well-known/openid-configuration",
             "allowedAudience": ["api://default"],
             "customClaims": [{"inboundTokenClaimName": "department",
                               "inboundTokenClaimValueType": "STRING",
                               "authorizingClaimMatchValue": {
                                   "claimMatchValue": {"matchValueString": "security"},
                                   "claimMatchOperator": "EQUALS"}}]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "awkward_strings_agent",
        description='Entra ID; "quotes", {braces}, commas, ünïcødé',
        jwt={"discoveryUrl": "https://login.microsoftonline.com/0f0e0d0c-tenant/v2.0"
                             "/.well-known/openid-configuration",
             "allowedClients": AWKWARD_CLIENTS,
             "allowedAudience": ["api://awkward,audience", "{aud}"]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "any_caller_jwt_agent",
        jwt={"discoveryUrl": pool_url("us-east-1", agents_pool)},
    )  # fmt: skip
    estate.add_runtime(
        "default", "eu-west-1", "partner_trusting_agent",
        jwt={"discoveryUrl": pool_url("eu-west-1", partner_pool),
             "allowedClients": [partner_client]},
        networkConfiguration={"networkMode": "VPC", "networkModeConfig": {
            "securityGroups": ["sg-0123456789abcdef0"], "subnets": ["subnet-0123456789abcdef0"]}},
    )  # fmt: skip
    estate.add_runtime("partner", "eu-west-1", "partner_open_agent")
    estate.add_runtime("default", DENIED_REGION, "sydney_agent")
    seed_doors(estate, agents_pool, caller_id)
    return estate


def seed_doors(estate: Estate, pool_id: str, client_id: str) -> None:
    """Every way into an agent, in DOORS_REGION of the main account."""
    region, pool = DOORS_REGION, pool_url("us-east-1", pool_id)
    # Version 1 had no authorizer; version 2 has one. DEFAULT serves 2; prod still serves 1.
    estate.add_runtime("default", region, "versioned_agent")
    estate.update_runtime(
        "versioned_agent", jwt={"discoveryUrl": pool, "allowedClients": [client_id]}
    )
    estate.add_endpoint("versioned_agent", "prod", "1")
    estate.add_endpoint("versioned_agent", "canary", "2")
    estate.add_runtime(
        "default", region, "gateway_only_agent",
        jwt={"discoveryUrl": pool, "allowedClients": [client_id]},
    )  # fmt: skip
    estate.add_gateway("default", region, "open-gateway", "NONE")
    estate.add_gateway("default", region, "authn-only-gateway", "AUTHENTICATE_ONLY")
    estate.add_gateway(
        "default", region, "enforced-gateway", "AUTHENTICATE_ONLY",
        policyEngineConfiguration={
            "arn": f"arn:aws:bedrock-agentcore:{region}:{MAIN_ACCOUNT}:policy-engine/pe-1",
            "mode": "ENFORCE"},
    )  # fmt: skip
    estate.add_gateway("default", region, "iam-gateway", "AWS_IAM")
    estate.add_gateway(
        "default", region, "jwt-gateway", "CUSTOM_JWT",
        jwt={"discoveryUrl": pool, "allowedAudience": ["gateway-api"]},
    )  # fmt: skip
    estate.add_target(
        "iam-gateway", "to-agent",
        {"http": {"agentcoreRuntime": {"arn": estate.runtime_arn("gateway_only_agent")}}},
    )  # fmt: skip
    estate.add_target(
        "jwt-gateway", "orders-lambda",
        {"mcp": {"lambda": {
            "lambdaArn": f"arn:aws:lambda:{region}:{MAIN_ACCOUNT}:function:orders",
            "toolSchema": {"inlinePayload": [{"name": "get_order", "description": "x",
                                              "inputSchema": {"type": "object"}}]}}}},
        credentialProviderConfigurations=[{
            "credentialProviderType": "OAUTH",
            "credentialProvider": {"oauthCredentialProvider": {
                "providerArn": f"arn:aws:bedrock-agentcore:{region}:{MAIN_ACCOUNT}:token-vault/"
                               "default/oauth2credentialprovider/orders",
                "scopes": ["orders/read"], "grantType": "CLIENT_CREDENTIALS"}}}],
    )  # fmt: skip
    estate.put_policy("default", region, estate.gateways["iam-gateway"]["arn"], {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "AnyoneMayInvoke", "Effect": "Allow", "Principal": {"AWS": "*"},
                       "Action": "bedrock-agentcore:InvokeGateway", "Resource": "*"}],
    })  # fmt: skip
    estate.put_policy("default", region, estate.runtime_arn("versioned_agent"), {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "OnlyOurAccount", "Effect": "Allow", "Principal": "*",
                       "Action": "bedrock-agentcore:InvokeAgentRuntime", "Resource": "*",
                       "Condition": {"StringEquals": {"aws:SourceAccount": MAIN_ACCOUNT}}}],
    })  # fmt: skip


POSTURE_REGION = "eu-west-2"  # a region no other test seeds
POSTURE_KEY = f"arn:aws:kms:{POSTURE_REGION}:{MAIN_ACCOUNT}:key/posture-key"


def seed_posture(estate) -> None:
    """For each control, one resource that passes and one that fails."""
    seed = ("default", POSTURE_REGION)
    estate.add_runtime(
        *seed, "private_agent", networkConfiguration=network("VPC"),
        lifecycleConfiguration={"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
    )  # fmt: skip
    estate.update_runtime("private_agent", metadataConfiguration={"requireMMDSV2": True})
    estate.add_runtime(*seed, "public_agent")
    estate.add_memory(*seed, "kept_memory", encryptionKeyArn=POSTURE_KEY)
    estate.add_memory(*seed, "plain_memory")
    estate.add_gateway(
        *seed, "hardened-gateway", "AWS_IAM", kmsKeyArn=POSTURE_KEY,
        policyEngineConfiguration={"arn": f"{POSTURE_KEY}-engine", "mode": "ENFORCE"},
    )  # fmt: skip
    estate.protect_with_waf("hardened-gateway")
    estate.add_gateway(*seed, "debug-gateway", "AWS_IAM", exceptionLevel="DEBUG")
    estate.add_browser(*seed, "recorded_browser", "VPC", recording=True)
    estate.add_browser(*seed, "open_browser", "PUBLIC")
    estate.add_code_interpreter(*seed, "private_interpreter", "VPC")
    estate.add_code_interpreter(*seed, "sandbox_interpreter", "SANDBOX")
    estate.add_code_interpreter(*seed, "public_interpreter", "PUBLIC")


KINDS_REGION = "ap-northeast-1"  # harnesses, registries and payment managers; nothing else
KINDS_KEY = f"arn:aws:kms:{KINDS_REGION}:{MAIN_ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
PLAIN_IDP = "http://idp.example.com/.well-known/openid-configuration"
# What a harness holds in confidence: none of it may leave AWS through us.
HARNESS_SECRETS = {
    "env": "ghp_harnessEnvSecret0123456789",
    "prompt": "You are the treasurer. The vault PIN is 48151623.",
    "header": "Bearer mcp-header-secret-42",
    "query": "token=mcp-query-secret-77",
}


def remote_mcp(name: str, url: str, outbound: dict | None) -> dict:
    config = {"url": url, "headers": {"Authorization": HARNESS_SECRETS["header"]}}
    if outbound is not None:
        config["outboundAuth"] = outbound
    return {"type": "remote_mcp", "name": name, "config": {"remoteMcp": config}}


def seed_kinds(estate, pool_id: str) -> None:
    """For each harness, registry and payment manager control, one that passes and one that
    fails; a harness endpoint on an old open version, and one with an update in flight."""
    seed = ("default", KINDS_REGION)
    jwt = {"discoveryUrl": pool_url("us-east-1", pool_id), "allowedClients": ["agent-caller"]}
    estate.add_registry(*seed, "iam_registry", authorizerType="AWS_IAM")
    estate.add_registry(
        *seed, "open_catalog", jwt=jwt, approvalConfiguration={"autoApproval": True}
    )
    estate.add_registry(*seed, "plain_http_registry", jwt={"discoveryUrl": PLAIN_IDP})
    estate.add_payment_manager(*seed, "keyedpayments", kmsKeyArn=KINDS_KEY)
    estate.add_payment_manager(*seed, "jwtpayments", jwt=jwt)
    secure_tool = remote_mcp(
        "ledger", f"https://mcp.example.com/ledger?{HARNESS_SECRETS['query']}",
        {"awsIam": {"service": "bedrock-agentcore", "region": KINDS_REGION}},
    )  # fmt: skip
    estate.add_harness(
        *seed, "guarded_harness", jwt=jwt,
        environmentVariables={"LEDGER_TOKEN": HARNESS_SECRETS["env"]},
        systemPrompt=[{"text": HARNESS_SECRETS["prompt"]}],
        tools=[secure_tool],
        memory={"managedMemoryConfiguration": {"encryptionKeyArn": KINDS_KEY}},
    )  # fmt: skip
    estate.add_harness_endpoint("guarded_harness", "prod")
    estate.add_harness(
        *seed, "open_harness",
        tools=[remote_mcp("notes", "http://mcp.example.com/notes", None)],
        memory={"managedMemoryConfiguration": {}},
    )  # fmt: skip
    estate.add_harness_endpoint("open_harness", "stale")  # stays on version 1, no authorizer
    estate.add_harness_endpoint("open_harness", "moving")
    estate.update_harness("open_harness", jwt=jwt)
    estate.update_harness_endpoint("open_harness", "moving", "2")  # in flight: 1 -> 2
    estate.secrets += list(HARNESS_SECRETS.values())


INVOKE = "bedrock-agentcore:InvokeAgentRuntime"


def iam_policy(*statements: dict) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action, **more) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": "*", **more}


def seed_principals(estate) -> None:
    """Roles of the main account that may, may not, or may on a condition invoke a door
    (names start with inv-, which no other test uses)."""
    vpce = {"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}}
    estate.add_role("default", "inv-invoker", policies={"invoke": iam_policy(allow(INVOKE))})
    estate.add_role("default", "inv-admin", policies={"admin": iam_policy(allow("*"))})
    estate.add_role(
        "default", "inv-denied",
        policies={"all-but": iam_policy(allow("*"), {"Effect": "Deny", "Action": INVOKE,
                                                 "Resource": "*"})},
    )  # fmt: skip
    estate.add_role(
        "default", "inv-conditional", policies={"vpce": iam_policy(allow(INVOKE, Condition=vpce))}
    )
    estate.add_role(
        "default", "inv-bounded", policies={"invoke": iam_policy(allow(INVOKE))},
        boundary=iam_policy(allow("s3:*")),
    )  # fmt: skip
    estate.add_role(
        "default", "inv-bystander", policies={"read": iam_policy(allow("s3:GetObject"))}
    )
