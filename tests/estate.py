"""The AWS estate the end-to-end tests read: two accounts, three regions, seeded through boto3.

Every runtime stands for one case the audit must tell apart; `Estate` keeps what the
tests compare against (IDs AWS generated, and the secrets that must never come out).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import boto3

MAIN_ACCOUNT = "123456789012"  # moto's default account
PARTNER_ACCOUNT = "111111111111"  # reached through an assumed role, as profile "partner"
REGIONS = ("us-east-1", "eu-west-1")
DENIED_REGION = "ap-southeast-2"  # seeded, and denied by the tests that need a denial

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

ENV_SECRET_VALUES = ["sk-live-0123456789abcdef-SECRET", "postgres://admin:hunter2@db/prod"]


def pool_url(region: str, pool_id: str) -> str:
    return f"https://cognito-idp.{region}.amazonaws.com/{pool_id}/.well-known/openid-configuration"


@dataclass
class Estate:
    endpoint_url: str
    runtimes: dict[str, dict] = field(default_factory=dict)  # name -> create answer + where
    pools: dict[str, dict] = field(default_factory=dict)  # name -> {id, region, account}
    clients: dict[str, dict] = field(default_factory=dict)  # name -> {id, pool, secret}
    secrets: list[str] = field(default_factory=list)  # must appear in no output, ever
    credentials_file: Path | None = None
    config_file: Path | None = None

    def runtime_id(self, name: str) -> str:
        return self.runtimes[name]["agentRuntimeId"]

    def runtime_arn(self, name: str) -> str:
        return self.runtimes[name]["agentRuntimeArn"]


def seed(endpoint_url: str, directory: Path) -> Estate:
    estate = Estate(endpoint_url)
    main = boto3.session.Session(
        aws_access_key_id="AKIAMAINTESTKEY00001", aws_secret_access_key="main-secret-key"
    )
    sts = main.client("sts", region_name="us-east-1", endpoint_url=endpoint_url)
    role = sts.assume_role(
        RoleArn=f"arn:aws:iam::{PARTNER_ACCOUNT}:role/agentcore-audit", RoleSessionName="audit"
    )["Credentials"]
    partner = boto3.session.Session(
        aws_access_key_id=role["AccessKeyId"],
        aws_secret_access_key=role["SecretAccessKey"],
        aws_session_token=role["SessionToken"],
    )
    estate.credentials_file, estate.config_file = write_profiles(
        directory,
        {
            "default": main.get_credentials().get_frozen_credentials(),
            "partner": partner.get_credentials().get_frozen_credentials(),
        },
    )

    def client(session, service, region):
        return session.client(service, region_name=region, endpoint_url=endpoint_url)

    # Cognito: the pool most runtimes trust, in the main account; a partner pool in the other.
    agents_pool = add_pool(
        estate,
        client(main, "cognito-idp", "us-east-1"),
        "agents-pool",
        MAIN_ACCOUNT,
        MfaConfiguration="OFF",
        DeletionProtection="ACTIVE",
        UserPoolTier="ESSENTIALS",
    )
    cognito = client(main, "cognito-idp", "us-east-1")
    cognito.create_user_pool_domain(Domain="agents-demo", UserPoolId=agents_pool)
    cognito.create_resource_server(
        UserPoolId=agents_pool,
        Identifier="agents",
        Name="Agents API",
        Scopes=[
            {"ScopeName": "invoke", "ScopeDescription": "Invoke agents"},
            {"ScopeName": "read", "ScopeDescription": "Read agents"},
        ],
    )
    cognito.create_resource_server(
        UserPoolId=agents_pool,
        Identifier="https://billing.example.com",
        Name="Billing",
        Scopes=[{"ScopeName": "charge", "ScopeDescription": "Charge"}],
    )
    add_client(
        estate,
        cognito,
        agents_pool,
        "agent-caller",
        GenerateSecret=True,
        AllowedOAuthFlows=["client_credentials"],
        AllowedOAuthScopes=["agents/invoke"],
        AllowedOAuthFlowsUserPoolClient=True,
    )
    add_client(
        estate,
        cognito,
        agents_pool,
        "web-app",
        GenerateSecret=False,
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )
    partner_pool = add_pool(
        estate,
        client(partner, "cognito-idp", "eu-west-1"),
        "partner-pool",
        PARTNER_ACCOUNT,
        MfaConfiguration="OFF",
    )
    add_client(
        estate,
        client(partner, "cognito-idp", "eu-west-1"),
        partner_pool,
        "partner-client",
        GenerateSecret=True,
    )

    caller_id = estate.clients["agent-caller"]["id"]
    us_agents = client(main, "bedrock-agentcore-control", "us-east-1")
    add_runtime(
        estate,
        us_agents,
        "open_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        description="No authorizer: any IAM caller gets in",
        environmentVariables={
            "OPENAI_API_KEY": ENV_SECRET_VALUES[0],
            "DATABASE_URL": ENV_SECRET_VALUES[1],
        },
    )
    add_runtime(
        estate,
        us_agents,
        "cognito_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        description="Cognito authorizer, one known client, one defined scope",
        jwt={
            "discoveryUrl": pool_url("us-east-1", agents_pool),
            "allowedClients": [caller_id],
            "allowedScopes": ["agents/invoke"],
            "allowedAudience": ["agents-api"],
        },
        requestHeaderConfiguration={"requestHeaderAllowlist": ["X-Tenant-Id", "Authorization"]},
        protocolConfiguration={"serverProtocol": "MCP"},
    )
    add_runtime(
        estate,
        us_agents,
        "stale_client_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        jwt={
            "discoveryUrl": pool_url("us-east-1", agents_pool),
            "allowedClients": [caller_id, "ghostclient0000000000000a"],
            "allowedScopes": [
                "agents/invoke",
                "agents/delete",
                "openid",
                "https://billing.example.com/charge",
            ],
        },
    )
    add_runtime(
        estate,
        us_agents,
        "missing_pool_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        jwt={
            "discoveryUrl": pool_url("us-east-1", "us-east-1_Gone12345"),
            "allowedClients": [caller_id],
        },
    )
    add_runtime(
        estate,
        us_agents,
        "okta_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        jwt={
            "discoveryUrl": "https://example.okta.com/oauth2/default/.well-known/openid-configuration",
            "allowedAudience": ["api://default"],
            "customClaims": [
                {
                    "inboundTokenClaimName": "department",
                    "inboundTokenClaimValueType": "STRING",
                    "authorizingClaimMatchValue": {
                        "claimMatchValue": {"matchValueString": "security"},
                        "claimMatchOperator": "EQUALS",
                    },
                }
            ],
        },
    )
    add_runtime(
        estate,
        us_agents,
        "awkward_strings_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        description='Entra ID; "quotes", {braces}, commas, ünïcødé',
        jwt={
            "discoveryUrl": "https://login.microsoftonline.com/0f0e0d0c-tenant/v2.0/.well-known/openid-configuration",
            "allowedClients": AWKWARD_CLIENTS,
            "allowedAudience": ["api://awkward,audience", "{aud}"],
        },
    )
    add_runtime(
        estate,
        us_agents,
        "any_caller_jwt_agent",
        "us-east-1",
        MAIN_ACCOUNT,
        jwt={"discoveryUrl": pool_url("us-east-1", agents_pool)},
    )

    eu_agents = client(main, "bedrock-agentcore-control", "eu-west-1")
    add_runtime(
        estate,
        eu_agents,
        "partner_trusting_agent",
        "eu-west-1",
        MAIN_ACCOUNT,
        jwt={
            "discoveryUrl": pool_url("eu-west-1", partner_pool),
            "allowedClients": [estate.clients["partner-client"]["id"]],
        },
        networkConfiguration={
            "networkMode": "VPC",
            "networkModeConfig": {
                "securityGroups": ["sg-0123456789abcdef0"],
                "subnets": ["subnet-0123456789abcdef0"],
            },
        },
    )
    add_runtime(
        estate,
        client(partner, "bedrock-agentcore-control", "eu-west-1"),
        "partner_open_agent",
        "eu-west-1",
        PARTNER_ACCOUNT,
    )
    add_runtime(
        estate,
        client(main, "bedrock-agentcore-control", DENIED_REGION),
        "sydney_agent",
        DENIED_REGION,
        MAIN_ACCOUNT,
    )
    return estate


def write_profiles(directory: Path, profiles: dict) -> tuple[Path, Path]:
    credentials, config = directory / "credentials", directory / "config"
    credentials_lines, config_lines = [], []
    for name, frozen in profiles.items():
        credentials_lines += [
            f"[{name}]",
            f"aws_access_key_id = {frozen.access_key}",
            f"aws_secret_access_key = {frozen.secret_key}",
        ]
        if frozen.token:
            credentials_lines.append(f"aws_session_token = {frozen.token}")
        section = "default" if name == "default" else f"profile {name}"
        config_lines += [f"[{section}]", "region = us-east-1"]
    credentials.write_text("\n".join(credentials_lines) + "\n")
    config.write_text("\n".join(config_lines) + "\n")
    credentials.chmod(0o644)
    config.chmod(0o644)
    return credentials, config


def add_pool(estate: Estate, cognito, name: str, account: str, **settings) -> str:
    pool = cognito.create_user_pool(PoolName=name, **settings)["UserPool"]
    estate.pools[name] = {"id": pool["Id"], "region": cognito.meta.region_name, "account": account}
    return pool["Id"]


def add_client(estate: Estate, cognito, pool_id: str, name: str, **settings) -> str:
    created = cognito.create_user_pool_client(UserPoolId=pool_id, ClientName=name, **settings)
    created = created["UserPoolClient"]
    estate.clients[name] = {"id": created["ClientId"], "pool": pool_id}
    if created.get("ClientSecret"):
        estate.secrets.append(created["ClientSecret"])
    return created["ClientId"]


def add_runtime(
    estate: Estate,
    agents,
    name: str,
    region: str,
    account: str,
    jwt: dict | None = None,
    **settings,
) -> None:
    settings.setdefault("networkConfiguration", {"networkMode": "PUBLIC"})
    if jwt is not None:
        settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
    settings.setdefault("environmentVariables", {"LOG_LEVEL": "info"})
    for value in settings["environmentVariables"].values():
        if value in ENV_SECRET_VALUES:
            estate.secrets.append(value)
    created = agents.create_agent_runtime(
        agentRuntimeName=name,
        agentRuntimeArtifact={
            "containerConfiguration": {
                "containerUri": f"{account}.dkr.ecr.{region}.amazonaws.com/{name}:latest"
            }
        },
        roleArn=f"arn:aws:iam::{account}:role/{name}-role",
        **settings,
    )
    estate.runtimes[name] = dict(created, region=region, account=account, settings=settings)
