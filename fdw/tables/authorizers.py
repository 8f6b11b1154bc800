"""The inbound authorizer columns that runtimes, runtime versions and gateways share.

Every member of botocore's CustomJWTAuthorizerConfiguration has a column here (a test
compares the two, so a member AWS adds fails the suite until it is mapped): botocore drops
members its model does not know, and a NULL must never be taken for "no authorizer".
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..core.table import JSONB, TEXT, TEXT_ARRAY, Column

# The first botocore whose model has every member read here (certificateConfigurations came
# last); setup.py asks for it, and the server's own Python is checked at install and query.
MIN_BOTOCORE = (1, 44, 1)
BOTOCORE_HINT = (
    "upgrade boto3 and botocore where the PostgreSQL server's Python finds them (pip install "
    "'boto3>=1.44.1' in the environment its PYTHONPATH names), then restart the server"
)

# CustomJWTAuthorizerConfiguration member -> (column, type, description)
JWT_MEMBERS = {
    "discoveryUrl": (
        "discovery_url",
        TEXT,
        "The OIDC discovery URL of the identity provider the authorizer trusts.",
    ),
    "allowedAudience": (
        "allowed_audience",
        TEXT_ARRAY,
        "Token audiences (aud) the authorizer accepts; NULL when any.",
    ),
    "allowedClients": (
        "allowed_clients",
        TEXT_ARRAY,
        "Client IDs (client_id) the authorizer accepts; NULL when any.",
    ),
    "allowedScopes": (
        "allowed_scopes",
        TEXT_ARRAY,
        "Scopes the authorizer requires; NULL when none.",
    ),
    "customClaims": (
        "custom_claims",
        JSONB,
        "Custom claim validations, as the API returns them.",
    ),
    "advertisedScopeMapping": (
        "advertised_scope_mapping",
        JSONB,
        "Scopes advertised to clients, mapped to the scopes the authorizer checks.",
    ),
    "privateEndpoint": (
        "private_endpoint",
        JSONB,
        "The private (VPC) endpoint through which the authorizer reaches its identity provider.",
    ),
    "privateEndpointOverrides": (
        "private_endpoint_overrides",
        JSONB,
        "Per-domain overrides of the private endpoint.",
    ),
    "certificateConfigurations": (
        "certificate_configurations",
        JSONB,
        "Certificates the authorizer trusts when it reaches its identity provider.",
    ),
    "allowedWorkloadConfiguration": (
        "allowed_workload_configuration",
        JSONB,
        "Workload identities allowed to call without a user's token.",
    ),
}


# The members of botocore's AuthorizerConfiguration union, and the authorizer type each is.
AUTHORIZER_MEMBERS = {"customJWTAuthorizer": "CUSTOM_JWT"}
UNKNOWN = "UNKNOWN"


def authorizer_type(configuration) -> str | None:
    """CUSTOM_JWT, None for no configuration, or UNKNOWN(name) for a member the model does
    not define: botocore hands one over as SDK_UNKNOWN_MEMBER with its name, and a name such
    as aws_iam or none must never read as a kind that is ok, so it is never upper-cased
    into one."""
    if not configuration:
        return None
    known = [member for member in AUTHORIZER_MEMBERS if configuration.get(member) is not None]
    if known and len(configuration) == 1:
        return AUTHORIZER_MEMBERS[known[0]]
    unknown = configuration.get("SDK_UNKNOWN_MEMBER")
    if isinstance(unknown, dict) and unknown.get("name"):
        return f"{UNKNOWN}({unknown['name']})"
    return f"{UNKNOWN}({','.join(sorted(map(str, configuration)))})"


def declared_authorizer_type(item, enum_shape: str) -> str | None:
    """The authorizerType a registry or payment manager declares, as it reads against its
    configuration: CUSTOM_JWT or AWS_IAM as the model's `enum_shape` lists them; a type the
    model does not list, none at all, or CUSTOM_JWT whose configuration is of another kind,
    UNKNOWN(...) (judged error), never a kind that is ok."""
    declared = item.get("authorizerType")
    if declared is None:
        return f"{UNKNOWN}(no authorizerType)"
    if declared not in model_enum(enum_shape):
        return f"{UNKNOWN}({declared})"
    if declared == "CUSTOM_JWT":
        configured = authorizer_type(item.get("authorizerConfiguration"))
        if configured is not None and configured != declared:
            return configured
    return declared


@cache
def model_enum(shape: str) -> frozenset[str]:
    import botocore.session

    model = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
    return frozenset(model.shape_for(shape).enum)


def jwt_columns(configuration_path: str) -> tuple[Column, ...]:
    """The custom JWT authorizer's members, flattened, then the whole configuration object."""
    jwt = f"{configuration_path}.customJWTAuthorizer"
    return tuple(
        Column(name, sql_type, description, f"{jwt}.{member}", True)
        for member, (name, sql_type, description) in JWT_MEMBERS.items()
    ) + (
        Column(
            "authorizer_configuration",
            JSONB,
            f"The whole {configuration_path} object, as the API returns it.",
            configuration_path,
            True,
        ),
    )


@lru_cache(maxsize=1)
def botocore_problem() -> str | None:
    """Why the botocore this process imports cannot read every authorizer member, or None.

    botocore silently drops members its model does not know: the column would be NULL, and a
    NULL must never pass for "not configured".
    """
    import botocore
    import botocore.session

    model = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
    return describe_botocore_problem(
        botocore.__version__, set(model.shape_for("CustomJWTAuthorizerConfiguration").members)
    )


def describe_botocore_problem(version: str, members: set[str]) -> str | None:
    missing = sorted(set(JWT_MEMBERS) - members)
    numbers = tuple(int(part) for part in version.split(".")[:3] if part.isdigit())
    if not missing and numbers >= MIN_BOTOCORE:
        return None
    floor = ".".join(map(str, MIN_BOTOCORE))
    lacking = f": its model lacks {', '.join(missing)}" if missing else ""
    return (
        f"the PostgreSQL server's botocore {version} is older than {floor}{lacking}, so "
        "authorizer settings it does not know would read as NULL"
    )
