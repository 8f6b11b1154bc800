"""The demo estate: a moto server standing in for AWS, seeded with a realistic mix.

`agentcore-fdw service start --demo` runs `demo.server` as a background process: it starts a
moto server on loopback, seeds two accounts in three regions (runtimes with and without
authorizers, Cognito pools with app clients and resource servers, a runtime trusting Okta,
one whose pool is gone, one allowing an unknown client), writes the AWS profiles the
PostgreSQL server uses to reach it, and serves until stopped. moto's random generator is
seeded, so IDs and ARNs are the same at every start and history stays comparable.

Every name here starts with demo, and every output of a demo service says DEMO: none of
this is anyone's AWS. Versions served in full, the DEFAULT endpoint and resource policies are
simulated where moto lacks them (moto_extensions.py), and so are the kinds it has none of
(simulated_kinds.py), which NewerKinds seeds. `Seeder` is also what the test suite
builds its own estate with.
"""

from __future__ import annotations

import json
from pathlib import Path

DEMO_SEED = 20261129
MAIN_ACCOUNT = "123456789012"  # moto's own default account
AUDIT_ROLE = "agentcore-audit"  # the role the main account assumes in the others
PARTNER_ACCOUNT = "111122223333"  # reached through an assumed role, as profile "partner"
DEMO_REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")
READY_FILE = "ready"


def pool_url(region: str, pool_id: str) -> str:
    return f"https://cognito-idp.{region}.amazonaws.com/{pool_id}/.well-known/openid-configuration"


class NewerKinds:
    """What a Seeder makes of the AgentCore kinds moto lacks (simulated_kinds.py answers them):
    registries, payment managers, harnesses, their versions and endpoints. `jwt` is a
    customJWTAuthorizer, as add_runtime takes it."""

    def add_registry(
        self, profile: str, region: str, name: str, jwt: dict | None = None, **settings
    ) -> str:
        if jwt is not None:
            settings.setdefault("authorizerType", "CUSTOM_JWT")
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        arn = self._agents(profile, region).create_registry(name=name, **settings)["registryArn"]
        registry_id = arn.rsplit("/", 1)[-1]
        self.registries[name] = {
            "id": registry_id,
            "arn": arn,
            "profile": profile,
            "region": region,
        }
        return registry_id

    def add_payment_manager(
        self,
        profile: str,
        region: str,
        name: str,
        authorizer_type: str = "AWS_IAM",
        jwt: dict | None = None,
        **settings,
    ) -> str:
        if jwt is not None:
            authorizer_type = "CUSTOM_JWT"
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        settings.setdefault("roleArn", f"arn:aws:iam::{self.account(profile)}:role/{name}-role")
        created = self._agents(profile, region).create_payment_manager(
            name=name, authorizerType=authorizer_type, **settings
        )
        self.payment_managers[name] = {
            "id": created["paymentManagerId"],
            "arn": created["paymentManagerArn"],
            "profile": profile,
            "region": region,
        }
        return created["paymentManagerId"]

    def add_harness(
        self, profile: str, region: str, name: str, jwt: dict | None = None, **settings
    ) -> str:
        """A harness, at version 1; returns its ID."""
        if jwt is not None:
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        account = self.account(profile)
        settings.setdefault("executionRoleArn", f"arn:aws:iam::{account}:role/{name}-role")
        harness = self._agents(profile, region).create_harness(harnessName=name, **settings)[
            "harness"
        ]
        self.harnesses[name] = {
            "id": harness["harnessId"],
            "arn": harness["arn"],
            "profile": profile,
            "region": region,
        }
        return harness["harnessId"]

    def update_harness(self, name: str, jwt: dict | None = None, **settings) -> str:
        """A new version of a harness (members not given are kept); returns the version."""
        if jwt is not None:
            settings["authorizerConfiguration"] = {"optionalValue": {"customJWTAuthorizer": jwt}}
        where = self.harnesses[name]
        updated = self._agents(where["profile"], where["region"]).update_harness(
            harnessId=where["id"], **settings
        )
        return updated["harness"]["harnessVersion"]

    def add_harness_endpoint(self, harness: str, name: str, version: str | None = None) -> str:
        """An endpoint serving `version` (by default the harness's current one); returns its
        ARN."""
        where = self.harnesses[harness]
        settings = {} if version is None else {"targetVersion": version}
        created = self._agents(where["profile"], where["region"]).create_harness_endpoint(
            harnessId=where["id"], endpointName=name, **settings
        )
        return created["endpoint"]["arn"]

    def update_harness_endpoint(self, harness: str, name: str, version: str) -> None:
        """Points the endpoint at `version`: the fake leaves the update in flight, the endpoint
        still serving the version it did."""
        where = self.harnesses[harness]
        self._agents(where["profile"], where["region"]).update_harness_endpoint(
            harnessId=where["id"], endpointName=name, targetVersion=version
        )


class Principals:
    """What a Seeder makes of IAM principals, whose policies the fake's policy simulator
    (iam_simulator.py) evaluates: roles, users and groups, each with inline policies
    (`policies`, name -> document) and customer managed ones attached (`managed`, likewise;
    one made before under the same name is attached as it is). IAM names are the account's, in
    every region. moto keeps no permissions boundary for a user, so only a role takes one."""

    def add_role(
        self,
        profile: str,
        name: str,
        policies: dict[str, dict] | None = None,
        managed: dict[str, dict] | None = None,
        boundary: dict | None = None,
    ) -> str:
        """A role the account's root may assume; `boundary` becomes its permissions boundary,
        a managed policy named <name>-boundary. Returns its ARN."""
        account = self.account(profile)
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                 "Action": "sts:AssumeRole"}]}  # fmt: skip
        settings = {}
        if boundary is not None:
            settings["PermissionsBoundary"] = self._managed(profile, f"{name}-boundary", boundary)
        role = self._iam(profile).create_role(
            RoleName=name, AssumeRolePolicyDocument=json.dumps(trust), **settings
        )["Role"]
        return self._grant(profile, "role", name, role["Arn"], policies, managed)

    def add_user(
        self,
        profile: str,
        name: str,
        policies: dict[str, dict] | None = None,
        managed: dict[str, dict] | None = None,
        groups: tuple[str, ...] = (),
    ) -> str:
        """A user, in each of `groups` (made with add_group). Returns its ARN."""
        iam = self._iam(profile)
        arn = iam.create_user(UserName=name)["User"]["Arn"]
        for group in groups:
            iam.add_user_to_group(GroupName=group, UserName=name)
        return self._grant(profile, "user", name, arn, policies, managed)

    def add_group(
        self,
        profile: str,
        name: str,
        policies: dict[str, dict] | None = None,
        managed: dict[str, dict] | None = None,
    ) -> str:
        """A group, with no users yet. Returns its ARN."""
        arn = self._iam(profile).create_group(GroupName=name)["Group"]["Arn"]
        return self._grant(profile, "group", name, arn, policies, managed)

    def _grant(self, profile: str, kind: str, name: str, arn: str, policies, managed) -> str:
        """Puts the inline policies on the principal, attaches the managed ones, remembers it,
        and returns its ARN."""
        iam, named = self._iam(profile), {f"{kind.capitalize()}Name": name}
        for policy, document in (policies or {}).items():
            getattr(iam, f"put_{kind}_policy")(
                **named, PolicyName=policy, PolicyDocument=json.dumps(document)
            )
        for policy, document in (managed or {}).items():
            getattr(iam, f"attach_{kind}_policy")(
                **named, PolicyArn=self._managed(profile, policy, document)
            )
        self.principals[name] = {"arn": arn, "profile": profile, "kind": kind}
        return arn

    def _managed(self, profile: str, name: str, document: dict) -> str:
        """The ARN of the customer managed policy `name`, made with `document` if not yet."""
        iam = self._iam(profile)
        try:
            created = iam.create_policy(PolicyName=name, PolicyDocument=json.dumps(document))
        except iam.exceptions.EntityAlreadyExistsException:
            return f"arn:aws:iam::{self.account(profile)}:policy/{name}"
        return created["Policy"]["Arn"]

    def _iam(self, profile: str):
        return self.client(self.sessions[profile], "iam", "us-east-1")


class Seeder(NewerKinds, Principals):
    """Creates AWS resources through boto3 against an endpoint, and remembers them."""

    def __init__(self, endpoint_url: str, directory: Path, partner_account: str):
        import boto3

        self.endpoint_url = endpoint_url
        self.runtimes: dict[str, dict] = {}
        self.pools: dict[str, dict] = {}
        self.clients: dict[str, dict] = {}
        self.gateways: dict[str, dict] = {}
        self.registries: dict[str, dict] = {}
        self.payment_managers: dict[str, dict] = {}
        self.harnesses: dict[str, dict] = {}
        self.principals: dict[str, dict] = {}  # IAM roles, users and groups, by name
        self.secrets: list[str] = []  # values that must never come out of agentcore-fdw
        main = boto3.session.Session(
            aws_access_key_id="AKIADEMOMAINACCOUNT1", aws_secret_access_key="demo-main-secret"
        )
        self.sessions = {"default": main}
        self.add_account("partner", partner_account)
        self.credentials_file, self.config_file = write_profiles(directory, self.sessions)

    def add_account(self, name: str, account_id: str) -> None:
        """A session in another account, by the role the main account assumes there."""
        import boto3

        role = self.client(self.sessions["default"], "sts", "us-east-1").assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/{AUDIT_ROLE}",
            RoleSessionName="agentcore-fdw",
        )["Credentials"]
        self.sessions[name] = boto3.session.Session(
            aws_access_key_id=role["AccessKeyId"],
            aws_secret_access_key=role["SecretAccessKey"],
            aws_session_token=role["SessionToken"],
        )

    def client(self, session, service: str, region: str):
        return session.client(service, region_name=region, endpoint_url=self.endpoint_url)

    def add_pool(self, profile: str, region: str, name: str, **settings) -> str:
        cognito = self.client(self.sessions[profile], "cognito-idp", region)
        pool = cognito.create_user_pool(PoolName=name, **settings)["UserPool"]
        self.pools[name] = {"id": pool["Id"], "region": region, "profile": profile}
        return pool["Id"]

    def add_domain(self, pool: str, domain: str) -> None:
        cognito = self._pool_client(pool)
        cognito.create_user_pool_domain(Domain=domain, UserPoolId=self.pools[pool]["id"])

    def add_resource_server(self, pool: str, identifier: str, name: str, scopes: list[str]):
        self._pool_client(pool).create_resource_server(
            UserPoolId=self.pools[pool]["id"],
            Identifier=identifier,
            Name=name,
            Scopes=[{"ScopeName": s, "ScopeDescription": s} for s in scopes],
        )

    def add_client(self, pool: str, name: str, **settings) -> str:
        created = self._pool_client(pool).create_user_pool_client(
            UserPoolId=self.pools[pool]["id"], ClientName=name, **settings
        )["UserPoolClient"]
        self.clients[name] = {"id": created["ClientId"], "pool": self.pools[pool]["id"]}
        if created.get("ClientSecret"):
            self.secrets.append(created["ClientSecret"])
        return created["ClientId"]

    def _pool_client(self, pool: str):
        where = self.pools[pool]
        return self.client(self.sessions[where["profile"]], "cognito-idp", where["region"])

    def add_runtime(
        self,
        profile: str,
        region: str,
        name: str,
        jwt: dict | None = None,
        secrets: dict | None = None,
        **settings,
    ) -> None:
        """A runtime; `secrets` are environment variables whose values must never leak."""
        account = self.account(profile)
        settings.setdefault("networkConfiguration", {"networkMode": "PUBLIC"})
        if jwt is not None:
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        variables = {"LOG_LEVEL": "info", **(secrets or {})}
        self.secrets += list((secrets or {}).values())
        agents = self.client(self.sessions[profile], "bedrock-agentcore-control", region)
        created = agents.create_agent_runtime(
            agentRuntimeName=name,
            agentRuntimeArtifact={
                "containerConfiguration": {
                    "containerUri": f"{account}.dkr.ecr.{region}.amazonaws.com/{name}:latest"
                }
            },
            roleArn=f"arn:aws:iam::{account}:role/{name}-role",
            environmentVariables=variables,
            **settings,
        )
        created.pop("ResponseMetadata", None)
        self.runtimes[name] = dict(
            created, region=region, account=account, settings=settings, profile=profile
        )

    def _agents(self, profile: str, region: str):
        return self.client(self.sessions[profile], "bedrock-agentcore-control", region)

    def update_runtime(self, name: str, jwt: dict | None = None, **settings) -> str:
        """A new version of a runtime (DEFAULT moves to it); returns the version."""
        runtime = self.runtimes[name]
        agents = self._agents(runtime["profile"], runtime["region"])
        current = agents.get_agent_runtime(agentRuntimeId=runtime["agentRuntimeId"])
        if jwt is not None:
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        updated = agents.update_agent_runtime(
            agentRuntimeId=runtime["agentRuntimeId"],
            agentRuntimeArtifact=current["agentRuntimeArtifact"],
            roleArn=current["roleArn"],
            networkConfiguration=current["networkConfiguration"],
            **settings,
        )
        runtime["settings"] = dict(runtime["settings"], **settings)
        return updated["agentRuntimeVersion"]

    def add_endpoint(self, runtime_name: str, name: str, version: str) -> None:
        runtime = self.runtimes[runtime_name]
        self._agents(runtime["profile"], runtime["region"]).create_agent_runtime_endpoint(
            agentRuntimeId=runtime["agentRuntimeId"], name=name, agentRuntimeVersion=version
        )

    def add_gateway(
        self,
        profile: str,
        region: str,
        name: str,
        authorizer_type: str,
        jwt: dict | None = None,
        **settings,
    ) -> str:
        account = self.account(profile)
        if jwt is not None:
            settings["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
        created = self._agents(profile, region).create_gateway(
            name=name,
            roleArn=f"arn:aws:iam::{account}:role/{name}-role",
            protocolType="MCP",
            authorizerType=authorizer_type,
            **settings,
        )
        self.gateways[name] = {
            "id": created["gatewayId"],
            "arn": created["gatewayArn"],
            "profile": profile,
            "region": region,
        }
        return created["gatewayId"]

    def add_target(self, gateway: str, name: str, configuration: dict, **settings) -> str:
        where = self.gateways[gateway]
        created = self._agents(where["profile"], where["region"]).create_gateway_target(
            gatewayIdentifier=where["id"],
            name=name,
            targetConfiguration=configuration,
            **settings,
        )
        return created["targetId"]

    def add_memory(self, profile: str, region: str, name: str, **settings) -> str:
        memory = self._agents(profile, region).create_memory(
            name=name, eventExpiryDuration=30, **settings
        )["memory"]
        return memory["id"]

    def add_browser(
        self, profile: str, region: str, name: str, network_mode: str, recording: bool = False
    ) -> str:
        settings = {"networkConfiguration": network(network_mode, "vpcConfig")}
        if recording:
            bucket = name.replace("_", "-") + "-recordings"
            settings["recording"] = {
                "enabled": True,
                "s3Location": {"bucket": bucket, "prefix": "sessions/"},
            }
        return self._agents(profile, region).create_browser(name=name, **settings)["browserId"]

    def add_code_interpreter(self, profile: str, region: str, name: str, network_mode: str) -> str:
        created = self._agents(profile, region).create_code_interpreter(
            name=name, networkConfiguration=network(network_mode, "vpcConfig")
        )
        return created["codeInterpreterId"]

    def protect_with_waf(self, gateway: str) -> str:
        """A regional AWS WAF web ACL in front of the gateway; returns its ARN."""
        where = self.gateways[gateway]
        wafv2 = self.client(self.sessions[where["profile"]], "wafv2", where["region"])
        acl = wafv2.create_web_acl(
            Name=f"{gateway}-acl", Scope="REGIONAL", DefaultAction={"Allow": {}}, Rules=[],
            VisibilityConfig={"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                              "MetricName": f"{gateway}-acl"},
        )["Summary"]  # fmt: skip
        wafv2.associate_web_acl(WebACLArn=acl["ARN"], ResourceArn=where["arn"])
        return acl["ARN"]

    def put_policy(self, profile: str, region: str, arn: str, policy: dict) -> None:
        self._agents(profile, region).put_resource_policy(
            resourceArn=arn, policy=json.dumps(policy)
        )

    def account(self, profile: str) -> str:
        sts = self.client(self.sessions[profile], "sts", "us-east-1")
        return sts.get_caller_identity()["Account"]


def network(mode: str, vpc_member: str = "networkModeConfig") -> dict:
    """A network configuration in `mode`, with a demo subnet and security group for VPC."""
    if mode != "VPC":
        return {"networkMode": mode}
    return {
        "networkMode": "VPC",
        vpc_member: {
            "subnets": ["subnet-0demo0000000000"],
            "securityGroups": ["sg-0demo000000000000"],
        },
    }


def write_profiles(directory: Path, sessions: dict) -> tuple[Path, Path]:
    """An AWS shared credentials file and config file naming one profile per session."""
    credentials, config = directory / "credentials", directory / "config"
    credential_lines, config_lines = [], []
    for name, session in sessions.items():
        frozen = session.get_credentials().get_frozen_credentials()
        credential_lines += [
            f"[{name}]",
            f"aws_access_key_id = {frozen.access_key}",
            f"aws_secret_access_key = {frozen.secret_key}",
        ]
        if frozen.token:
            credential_lines.append(f"aws_session_token = {frozen.token}")
        section = "default" if name == "default" else f"profile {name}"
        config_lines += [f"[{section}]", "region = us-east-1"]
    credentials.write_text("\n".join(credential_lines) + "\n")
    config.write_text("\n".join(config_lines) + "\n")
    for path in (credentials, config):
        path.chmod(0o644)
    return credentials, config


def seed_demo(endpoint_url: str, directory: Path) -> Seeder:
    estate = Seeder(endpoint_url, directory, PARTNER_ACCOUNT)
    estate.add_pool(
        "default", "us-east-1", "demo-customers",
        MfaConfiguration="OFF", DeletionProtection="ACTIVE", UserPoolTier="ESSENTIALS",
    )  # fmt: skip
    estate.add_domain("demo-customers", "demo-customers-auth")
    estate.add_resource_server("demo-customers", "agents", "Demo agents API", ["invoke", "read"])
    gateway = estate.add_client(
        "demo-customers", "demo-agent-gateway", GenerateSecret=True,
        AllowedOAuthFlows=["client_credentials"], AllowedOAuthScopes=["agents/invoke"],
        AllowedOAuthFlowsUserPoolClient=True,
    )  # fmt: skip
    estate.add_client(
        "demo-customers", "demo-support-portal", GenerateSecret=False,
        AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "agents/read"],
        AllowedOAuthFlowsUserPoolClient=True, CallbackURLs=["https://support.example.com/cb"],
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )  # fmt: skip
    partners = estate.add_pool("partner", "ap-southeast-2", "demo-partners", MfaConfiguration="OFF")
    partner_app = estate.add_client("demo-partners", "demo-partner-app", GenerateSecret=True)
    customers = estate.pools["demo-customers"]["id"]

    estate.add_runtime(
        "default", "us-east-1", "demo_support_agent",
        description="Demo: customer support, Cognito with one client and one scope",
        jwt={"discoveryUrl": pool_url("us-east-1", customers), "allowedClients": [gateway],
             "allowedScopes": ["agents/invoke"]},
        protocolConfiguration={"serverProtocol": "HTTP"},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "demo_billing_agent",
        description="Demo: no authorizer, any IAM caller gets in",
        secrets={"STRIPE_API_KEY": "sk_demo_51HdemoNotARealKey000000"},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "demo_sales_agent",
        description="Demo: trusts Okta",
        jwt={"discoveryUrl": "https://demo.okta.com/oauth2/default/.well-known/openid-configuration",
             "allowedAudience": ["api://demo-sales"]},
        protocolConfiguration={"serverProtocol": "MCP"},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "demo_legacy_agent",
        description="Demo: trusts a Cognito pool that was deleted",
        jwt={"discoveryUrl": pool_url("us-east-1", "us-east-1_DemoGone1"),
             "allowedClients": ["1example23456789abcdefghij"]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "demo_integration_agent",
        description="Demo: allows a client that is not an app client of its pool",
        jwt={"discoveryUrl": pool_url("us-east-1", customers),
             "allowedClients": [gateway, "3rdpartyclient0000000000000"],
             "allowedScopes": ["agents/invoke", "agents/admin"]},
    )  # fmt: skip
    estate.add_runtime(
        "default", "us-east-1", "demo_any_token_agent",
        description="Demo: JWT authorizer that accepts any audience and any client",
        jwt={"discoveryUrl": pool_url("us-east-1", customers)},
    )  # fmt: skip
    estate.add_runtime(
        "default", "eu-west-1", "demo_eu_helpdesk_agent",
        description="Demo: trusts Microsoft Entra ID",
        jwt={"discoveryUrl": "https://login.microsoftonline.com/00000000-demo-tenant/v2.0"
                             "/.well-known/openid-configuration",
             "allowedAudience": ["api://demo-helpdesk"], "allowedClients": ["demo-entra-app"]},
        networkConfiguration={"networkMode": "VPC", "networkModeConfig": {
            "securityGroups": ["sg-0demo000000000000"], "subnets": ["subnet-0demo0000000000"]}},
    )  # fmt: skip
    estate.add_runtime(
        "default", "eu-west-1", "demo_eu_batch_agent",
        description="Demo: no authorizer",
        secrets={"DATABASE_URL": "postgres://demo:demo-password@db.internal/demo"},
    )  # fmt: skip
    estate.add_runtime(
        "partner", "ap-southeast-2", "demo_apac_partner_agent",
        description="Demo: partner account, trusts its own Cognito pool",
        jwt={"discoveryUrl": pool_url("ap-southeast-2", partners), "allowedClients": [partner_app]},
    )  # fmt: skip
    seed_demo_doors(estate, customers, gateway)
    seed_demo_posture(estate)
    seed_demo_kinds(estate, customers, gateway)
    seed_demo_principals(estate)
    return estate


def seed_demo_doors(estate: Seeder, customers: str, client_id: str) -> None:
    """Every way in: an endpoint still serving an old open version, gateways of each
    authorizer type, a runtime behind a gateway, resource policies (one public)."""
    account, trusted = MAIN_ACCOUNT, pool_url("us-east-1", customers)
    estate.add_runtime(
        "default", "us-east-1", "demo_orders_agent",
        description="Demo: version 1 had no authorizer; prod still serves it",
    )  # fmt: skip
    estate.update_runtime(
        "demo_orders_agent", jwt={"discoveryUrl": trusted, "allowedClients": [client_id]}
    )
    estate.add_endpoint("demo_orders_agent", "prod", "1")
    orders = estate.runtimes["demo_orders_agent"]["agentRuntimeArn"]
    estate.put_policy("default", "us-east-1", orders, {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "OurAccountOnly", "Effect": "Allow", "Principal": "*",
                       "Action": "bedrock-agentcore:InvokeAgentRuntime", "Resource": "*",
                       "Condition": {"StringEquals": {"aws:SourceAccount": account}}}],
    })  # fmt: skip
    estate.add_gateway(
        "default", "us-east-1", "demo-public-gateway", "NONE", exceptionLevel="DEBUG"
    )
    estate.add_gateway("default", "us-east-1", "demo-partner-gateway", "AUTHENTICATE_ONLY")
    estate.add_gateway(
        "default", "us-east-1", "demo-guarded-gateway", "AUTHENTICATE_ONLY",
        policyEngineConfiguration={
            "arn": f"arn:aws:bedrock-agentcore:us-east-1:{account}:policy-engine/demo-policies",
            "mode": "ENFORCE"},
    )  # fmt: skip
    estate.add_gateway(
        "default", "us-east-1", "demo-tools-gateway", "CUSTOM_JWT",
        jwt={"discoveryUrl": trusted, "allowedClients": [client_id]},
        kmsKeyArn=f"arn:aws:kms:us-east-1:{account}:key/demo-gateway-key",
    )  # fmt: skip
    estate.add_target(
        "demo-tools-gateway", "demo-support",
        {"http": {"agentcoreRuntime": {
            "arn": estate.runtimes["demo_support_agent"]["agentRuntimeArn"]}}},
    )  # fmt: skip
    estate.add_gateway(
        "default", "us-east-1", "demo-legacy-gateway", "CUSTOM_JWT",
        jwt={"discoveryUrl": pool_url("us-east-1", "us-east-1_DemoGone1")},
    )  # fmt: skip
    estate.add_gateway("default", "eu-west-1", "demo-internal-gateway", "AWS_IAM")
    estate.add_target(
        "demo-internal-gateway", "demo-helpdesk",
        {"http": {"agentcoreRuntime": {
            "arn": estate.runtimes["demo_eu_helpdesk_agent"]["agentRuntimeArn"]}}},
    )  # fmt: skip
    estate.put_policy("default", "eu-west-1", estate.gateways["demo-internal-gateway"]["arn"], {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "AnyAwsPrincipal", "Effect": "Allow", "Principal": {"AWS": "*"},
                       "Action": "bedrock-agentcore:InvokeGateway", "Resource": "*"}],
    })  # fmt: skip


def seed_demo_posture(estate: Seeder) -> None:
    """The rest of AgentCore's posture, each control with a passing and a failing example:
    MMDSv2, memories with and without a key of their own, encrypted, debug and WAF-protected
    gateways, browsers and code interpreters in and out of a VPC. (The VPC runtime is
    demo_eu_helpdesk_agent; the enforcing policy engine, demo-guarded-gateway's.)"""
    estate.update_runtime("demo_eu_helpdesk_agent", metadataConfiguration={"requireMMDSV2": True})
    estate.add_memory(
        "default", "us-east-1", "demo_support_memory",
        encryptionKeyArn=f"arn:aws:kms:us-east-1:{MAIN_ACCOUNT}:key/demo-memory-key",
        memoryExecutionRoleArn=f"arn:aws:iam::{MAIN_ACCOUNT}:role/demo-memory-role",
    )  # fmt: skip
    estate.add_memory("default", "us-east-1", "demo_scratch_memory")
    estate.protect_with_waf("demo-tools-gateway")
    estate.add_browser("default", "us-east-1", "demo_research_browser", "VPC", recording=True)
    estate.add_browser("default", "us-east-1", "demo_public_browser", "PUBLIC")
    estate.add_code_interpreter("default", "us-east-1", "demo_analysis_interpreter", "VPC")
    estate.add_code_interpreter("default", "eu-west-1", "demo_sandbox_interpreter", "SANDBOX")


def seed_demo_kinds(estate: Seeder, customers: str, client_id: str) -> None:
    """Harnesses, registries and payment managers, each of their controls with a passing and
    a failing example; and gateways that trust a Cognito client or scope that is not there."""
    seed, account = ("default", "us-east-1"), MAIN_ACCOUNT
    trusted = {"discoveryUrl": pool_url("us-east-1", customers), "allowedClients": [client_id]}
    lab_idp = {"discoveryUrl": "http://idp.demo.internal/.well-known/openid-configuration"}
    key = f"arn:aws:kms:us-east-1:{account}:key/5d3c1b2a-0f9e-4d8c-b7a6-0123456789ab"
    estate.add_gateway(
        *seed, "demo-ops-gateway", "CUSTOM_JWT",
        jwt=dict(trusted, allowedClients=[client_id, "3rdpartyclient0000000000000"],
                 allowedScopes=["agents/invoke"]),
    )  # fmt: skip
    estate.add_gateway(
        *seed, "demo-reports-gateway", "CUSTOM_JWT",
        jwt=dict(trusted, allowedScopes=["agents/admin"]),
    )  # fmt: skip
    estate.add_registry(*seed, "demo_agent_catalog", jwt=trusted)
    estate.add_registry(
        *seed, "demo_lab_registry", jwt=lab_idp, approvalConfiguration={"autoApproval": True}
    )
    estate.add_payment_manager(*seed, "demoTreasury", jwt=trusted, kmsKeyArn=key)
    estate.add_payment_manager(*seed, "demoLabPayments", jwt=lab_idp)
    mcp_iam = {"awsIam": {"service": "bedrock-agentcore", "region": "us-east-1"}}
    estate.add_harness(
        *seed, "demo_concierge_harness", jwt=trusted,
        tools=[{"type": "remote_mcp", "name": "bookings",
                "config": {"remoteMcp": {"url": "https://mcp.demo.example.com/bookings",
                                         "outboundAuth": mcp_iam}}}],
        memory={"managedMemoryConfiguration": {"encryptionKeyArn": key}},
    )  # fmt: skip
    estate.add_harness_endpoint("demo_concierge_harness", "prod")
    estate.add_harness(
        *seed, "demo_prototype_harness",
        tools=[{"type": "remote_mcp", "name": "scratchpad",
                "config": {"remoteMcp": {"url": "http://mcp.demo.internal/scratch"}}}],
        memory={"managedMemoryConfiguration": {}},
    )  # fmt: skip
    estate.add_harness_endpoint("demo_prototype_harness", "prod")  # version 1, no authorizer
    estate.update_harness("demo_prototype_harness", jwt=trusted)
    estate.add_harness_endpoint("demo_prototype_harness", "canary")  # version 2


def seed_demo_principals(estate: Seeder) -> None:
    """Who may invoke the demo's doors that rely on IAM: an invoker, an admin, an explicit
    deny, a half grant (a harness takes two actions), a grant on a condition, and a partner
    account the billing agent's resource policy names, which the demo does not audit; and a
    token broker, the one role allowed GetWorkloadAccessTokenForUserId (on the support
    agent's workload identity)."""
    invoke, harness = "bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeHarness"

    def policy(*statements: dict) -> dict:
        return {"Version": "2012-10-17", "Statement": [
            {"Resource": "*", **statement} for statement in statements]}  # fmt: skip

    estate.add_role(
        "default",
        "demo-billing-caller",
        policies={"invoke-agents": policy({"Effect": "Allow", "Action": invoke})},
    )
    # As AWS advises, no one gets workload tokens for a user ID of their choosing: but one.
    no_token = {"Effect": "Deny", "Action": "bedrock-agentcore:GetWorkloadAccessTokenForUserId"}
    estate.add_role(
        "default",
        "demo-platform-admin",
        policies={"admin": policy({"Effect": "Allow", "Action": "*"}, no_token)},
    )
    estate.add_role(
        "default",
        "demo-auditor",
        policies={
            "read-not-invoke": policy(
                {"Effect": "Allow", "Action": "*"},
                {"Effect": "Deny", "Action": "bedrock-agentcore:Invoke*"},
                no_token,
            )
        },
    )
    support = estate.runtimes["demo_support_agent"]["agentRuntimeId"]
    estate.add_role(
        "default",
        "demo-token-broker",
        policies={
            "mint-for-any-user": policy(
                {
                    "Effect": "Allow",
                    "Action": "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
                    "Resource": f"arn:aws:bedrock-agentcore:us-east-1:{MAIN_ACCOUNT}:"
                    f"workload-identity-directory/default/workload-identity/{support}",
                }
            )
        },
    )
    estate.add_role(
        "default",
        "demo-harness-tester",
        policies={"half": policy({"Effect": "Allow", "Action": harness})},
    )
    estate.add_role(
        "default",
        "demo-vpc-caller",
        policies={
            "from-our-vpc": policy(
                {
                    "Effect": "Allow",
                    "Action": invoke,
                    "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0demo00000000000"}},
                }
            )
        },
    )
    billing = estate.runtimes["demo_billing_agent"]["agentRuntimeArn"]
    estate.put_policy("default", "us-east-1", billing, {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "PartnerInvoices", "Effect": "Allow",
                       "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                       "Action": invoke, "Resource": "*"}],
    })  # fmt: skip
