"""agentcore.iam_invokers: the IAM principals AWS's own evaluator lets invoke each runtime,
harness, gateway, registry and payment manager, and those it lets get a runtime's workload
token for any user ID.

Per account: every role and user (iam:GetAccountAuthorizationDetails, one paginated read),
kept only when one of its policies could allow an invoke action (a conservative filter on
Action and NotAction that never drops a principal AWS could allow), then
iam:SimulatePrincipalPolicy once per principal and kind of resource, with every resource of
that kind in one call. The simulator weighs the principal's identity policies, its permissions
boundary and the organization's SCPs. It is asked without the resource's policy: AWS refuses a
resource policy for a role ("Caller must be an IAM user in this context"), so what a resource
policy grants is read from the policy itself: the principals it names, of this account or
others, and `*`. The view agentcore.invokers keeps the doors that rely on IAM.

The simulator's verdicts are kept in the shared cache (results.Remembered) under what decides
them: the principal, its policies' text and its boundary's, the actions and the resources
asked about. After the TTL, the account's principals are listed again and only a principal
whose policies changed, or a kind that gained or lost a resource, is simulated again; a
verdict is reused for detail_cache_ttl at most, since a change of SCP shows in no marker.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import unquote

from ..core.answers import MALFORMED, MalformedResponse, items_of
from ..core.results import Remembered
from ..core.table import TEXT, TEXT_ARRAY, Column, Request, Table
from .agent_runtimes import TABLE as AGENT_RUNTIMES
from .gateways import TABLE as GATEWAYS
from .harnesses import TABLE as HARNESSES
from .payment_managers import TABLE as PAYMENT_MANAGERS
from .registries import TABLE as REGISTRIES
from .resource_policies import TABLE as RESOURCE_POLICIES

if TYPE_CHECKING:
    from ..core.aws import AwsContext

INVOKE_RUNTIME = "bedrock-agentcore:InvokeAgentRuntime"
# Issues a runtime's workload token for any user ID its caller names, with no identity
# provider checking it: AWS's documentation advises denying it in production.
TOKEN_FOR_USER_ID = "bedrock-agentcore:GetWorkloadAccessTokenForUserId"
# Resource type -> where they are listed (each table, and the column holding their ARN), and
# the IAM actions invoking one takes (the Service Authorization Reference for Amazon Bedrock
# AgentCore: a harness needs both of its actions, so a principal holding one is no invoker). A
# registry's consumers search it (SearchRegistryRecords; InvokeRegistryMcp alone only lists its
# MCP tools, AWS's registry guide says); of a payment manager's data-plane actions,
# ProcessPayment is the one that pays (AWS's payments guide gives it a role of its own): AWS
# names no single action its AWS_IAM authorizer checks. Runtimes, gateways and payment
# managers each have a workload identity, named by their details, which the report reads anyway.
KINDS: dict[str, tuple[tuple[tuple[Table, str], ...], tuple[str, ...]]] = {
    "runtime": (((AGENT_RUNTIMES, "agent_runtime_arn"),), (INVOKE_RUNTIME,)),
    "harness": (((HARNESSES, "harness_arn"),), ("bedrock-agentcore:InvokeHarness", INVOKE_RUNTIME)),
    "gateway": (((GATEWAYS, "gateway_arn"),), ("bedrock-agentcore:InvokeGateway",)),
    "registry": (((REGISTRIES, "registry_arn"),), ("bedrock-agentcore:SearchRegistryRecords",)),
    "payment_manager": (
        ((PAYMENT_MANAGERS, "payment_manager_arn"),),
        ("bedrock-agentcore:ProcessPayment",),
    ),
    "workload_identity": (
        tuple(
            (table, "workload_identity_arn")
            for table in (AGENT_RUNTIMES, GATEWAYS, PAYMENT_MANAGERS)
        ),
        (TOKEN_FOR_USER_ID,),
    ),
}
PRINCIPAL_LISTING = "GetAccountAuthorizationDetails"
SIMULATION = "SimulatePrincipalPolicy"
ALLOWED, CONDITIONAL = "allowed", "conditional"
DECISIONS = ("allowed", "explicitDeny", "implicitDeny")  # what the simulator may decide


@dataclass
class Principal:
    arn: str
    documents: list[tuple[str, dict]]  # (policy name, document)
    boundary: tuple[str, dict] | None = None  # its permissions boundary's, when it has one

    def marker(self, actions: tuple[str, ...], arns: list[str]) -> str:
        """What decides the simulator's verdict on these actions and resources."""
        decided = [self.arn, self.documents, self.boundary, actions, sorted(arns)]
        text = json.dumps(decided, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def read_invokers(
    aws: AwsContext,
    request: Request,
    warn: Callable[[str], None],
    read_table: Callable[[Table, Request], Any],
    remembered: Remembered | None = None,
) -> list[dict]:
    from botocore.exceptions import ClientError

    from ..core.accounts import accounts_to_read

    resources, policies = _resources(read_table, request, warn)
    items: list[dict] = []
    for account in accounts_to_read(aws, request):
        mine = [r for r in resources if r["account_id"] == account.account_id]
        if not mine:
            continue
        items += _resource_policy_grants(mine, policies, account.account_id)
        iam = aws.client(account.credentials, "iam", aws.home_region(account.credentials))
        try:
            principals = _principals(iam)
            items += _simulated(iam, principals, mine, warn, aws.settings.max_concurrency,
                                remembered or Remembered())  # fmt: skip
        except (ClientError, MalformedResponse) as exc:  # that account's one row says so
            items.append(_error_row(account.account_id, exc, aws))
    return items


def _resources(read_table, request, warn) -> tuple[list[dict], dict[str, dict]]:
    """Every resource of KINDS the request reaches, and the policies they carry."""
    listed = replace(request, keys=None, subkeys=None, with_details=False)
    resources = []
    by_table: dict[str, tuple[Table, list]] = {}  # each table read once, for all its kinds
    for kind, (sources, _) in KINDS.items():
        for table, column in sources:
            by_table.setdefault(table.name, (table, []))[1].append((kind, column))
    for table, kinds in by_table.values():
        detailed = any(table.column(column).detail for _, column in kinds)
        result = read_table(table, replace(listed, with_details=detailed))
        for message in result.warnings:
            warn(message)
        for values in result.values:
            row = table.unflatten(values)
            resources += [
                dict(kind=kind, arn=row[column], account_id=row["account_id"],
                     region=row["region"])
                for kind, column in kinds
                if row[column]
            ]  # fmt: skip
    result = read_table(RESOURCE_POLICIES, replace(listed, with_details=True))
    policies = {}
    for values in result.values:
        row = RESOURCE_POLICIES.unflatten(values)
        if row["policy"] is not None:
            policies[row["resource_arn"]] = row["policy"]
    return resources, policies


def _principals(iam) -> list[Principal]:
    """Every role and user of the account, with the policies that apply to it."""
    pages = iam.get_paginator("get_account_authorization_details").paginate(
        Filter=["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]
    )
    roles, users, groups, managed = [], [], {}, {}
    for page in pages:
        roles += page.get("RoleDetailList", [])
        users += page.get("UserDetailList", [])
        groups.update({g["GroupName"]: g for g in page.get("GroupDetailList", [])})
        for policy in page.get("Policies", []):
            default = next(
                (v for v in policy.get("PolicyVersionList", []) if v.get("IsDefaultVersion")), None
            )
            if default is not None:
                name = policy.get("PolicyName") or policy["Arn"].rsplit("/", 1)[-1]
                managed[policy["Arn"]] = (name, _document(default["Document"]))

    def documents(entity: dict, inline_key: str) -> list[tuple[str, dict]]:
        found = [
            (p["PolicyName"], _document(p["PolicyDocument"])) for p in entity.get(inline_key, [])
        ]
        found += [managed[a["PolicyArn"]] for a in entity.get("AttachedManagedPolicies", [])
                  if a["PolicyArn"] in managed]  # fmt: skip
        return found

    def boundary(entity: dict) -> tuple[str, dict] | None:
        arn = (entity.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        return None if arn is None else managed.get(arn, (arn, {}))

    principals = [Principal(r["Arn"], documents(r, "RolePolicyList"), boundary(r)) for r in roles]
    for user in users:
        found = documents(user, "UserPolicyList")
        for name in user.get("GroupList", []):
            if name in groups:
                found += documents(groups[name], "GroupPolicyList")
        principals.append(Principal(user["Arn"], found, boundary(user)))
    return principals


def _document(value: Any) -> dict:
    """A policy document as IAM returns it: decoded by boto3, or URL-encoded JSON text."""
    if isinstance(value, str):
        value = json.loads(unquote(value))
    return value if isinstance(value, dict) else {}


def may_allow(documents: list[tuple[str, dict]], actions: tuple[str, ...]) -> bool:
    """Whether Allow statements could grant every one of `actions`: each matched by an Action
    pattern, or any NotAction. Conservative: Resource and Condition are not looked at."""
    allowing = [statement for _, document in documents for statement in _statements(document)
                if statement.get("Effect") == "Allow"]  # fmt: skip
    return all(
        any("NotAction" in statement or _names(statement, action) for statement in allowing)
        for action in actions
    )


def _names(statement: dict, action: str) -> bool:
    """Whether one of the statement's Action patterns matches `action`."""
    patterns = statement.get("Action", [])
    patterns = [patterns] if isinstance(patterns, str) else patterns
    return any(
        isinstance(p, str) and fnmatch.fnmatchcase(action.lower(), p.lower()) for p in patterns
    )


def _simulated(
    iam, principals: list[Principal], resources: list[dict], warn, workers: int,
    remembered: Remembered,
) -> list[dict]:  # fmt: skip
    """One simulation per candidate principal and kind, `workers` at a time, but for those
    `remembered` holds a verdict on."""
    from concurrent.futures import ThreadPoolExecutor  # as AWS is read, not at every import

    from botocore.exceptions import ClientError

    asks = []
    for kind, (_, actions) in KINDS.items():
        of_kind = {r["arn"]: r for r in resources if r["kind"] == kind}
        if of_kind:
            asks += [(principal, actions, of_kind) for principal in principals
                     if may_allow(principal.documents, actions)]  # fmt: skip

    def ask(principal: Principal, actions: tuple[str, ...], of_kind: dict) -> list[dict]:
        marker = principal.marker(actions, list(of_kind))
        verdicts = remembered.get(marker)
        if verdicts is None:
            try:
                decided = _simulate(iam, principal.arn, actions, list(of_kind))
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "NoSuchEntity":
                    raise
                warn(f"IAM principal {principal.arn} vanished before it was simulated: skipped")
                return []
            verdicts = tuple((arn, *verdict) for arn, verdict in sorted(decided.items()))
            remembered.keep(marker, verdicts)
        return [
            _row(of_kind[arn], principal.arn, access, list(missing), "identity_policy",
                 list(matched))
            for arn, access, missing, matched in verdicts
        ]  # fmt: skip

    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = [pool.submit(ask, *asked) for asked in asks]
        return [row for answer in answers for row in answer.result()]


def _simulate(iam, principal: str, actions: tuple[str, ...], arns: list[str]) -> dict:
    """resource ARN -> (access, missing context keys, matched policy names), for the resources
    the principal may invoke: every action allowed, or allowed but for context AWS lacks. An
    answer without a decision on every action and resource asked about is malformed: a
    missing decision is not a denial."""
    per_resource: dict[str, dict[str, tuple[str, list[str], list[str]]]] = {a: {} for a in arns}
    pages = iam.get_paginator("simulate_principal_policy").paginate(
        PolicySourceArn=principal, ActionNames=list(actions), ResourceArns=arns
    )
    for page in pages:
        for result in items_of(page, "EvaluationResults", SIMULATION):
            if not isinstance(result, dict):
                raise MalformedResponse("an evaluation result is not an object", SIMULATION)
            specific = result.get("ResourceSpecificResults") or [
                {"EvalResourceName": result.get("EvalResourceName"),
                 "EvalResourceDecision": result.get("EvalDecision"),
                 "MatchedStatements": result.get("MatchedStatements", []),
                 "MissingContextValues": result.get("MissingContextValues", [])}
            ]  # fmt: skip
            for answer in specific:
                decision = answer.get("EvalResourceDecision")
                if decision not in DECISIONS:
                    raise MalformedResponse("an evaluation result has no known decision",
                                            SIMULATION)  # fmt: skip
                if answer.get("EvalResourceName") in per_resource:
                    per_resource[answer["EvalResourceName"]][result.get("EvalActionName")] = (
                        decision,
                        list(answer.get("MissingContextValues") or []),
                        [m["SourcePolicyId"] for m in answer.get("MatchedStatements") or []
                         if m.get("SourcePolicyId")],
                    )  # fmt: skip
    for by_action in per_resource.values():
        if set(actions) - set(by_action):
            raise MalformedResponse(
                "the answer has no decision on an action and resource it was asked about",
                SIMULATION,
            )
    decided = {}
    for arn, by_action in per_resource.items():
        answers = list(by_action.values())
        if any(d == "explicitDeny" for d, _, _ in answers):
            continue
        missing = sorted({key for d, keys, _ in answers if d != "allowed" for key in keys})
        if all(d == "allowed" for d, _, _ in answers):
            access = ALLOWED
        elif all(d == "allowed" or keys for d, keys, _ in answers):
            access = CONDITIONAL
        else:
            continue
        matched = sorted({name for _, _, names in answers for name in names})
        decided[arn] = (access, missing, matched)
    return decided


def _resource_policy_grants(resources: list[dict], policies: dict, account_id: str) -> list[dict]:
    """The principals a resource's own policy names for every action invoking it: `*`, other
    accounts and their principals, and this account's roles and users (a grant to this
    account itself delegates to its identity policies, which the simulator weighs)."""
    items = []
    for resource in resources:
        document = policies.get(resource["arn"])
        if document is None:
            continue
        actions = KINDS[resource["kind"]][1]
        granted: dict[str, dict[str, set]] = {}  # principal -> action -> condition keys
        for statement in _statements(document):
            if statement.get("Effect") != "Allow" or "NotPrincipal" in statement:
                continue
            keys = {key for block in (statement.get("Condition") or {}).values()
                    if isinstance(block, dict) for key in block}  # fmt: skip
            for principal in _named_principals(statement.get("Principal")):
                for action in actions:
                    if _names(statement, action):
                        granted.setdefault(principal, {}).setdefault(action, set()).update(keys)
        for principal, by_action in granted.items():
            if set(by_action) != set(actions) or _is_account(principal, account_id):
                continue
            missing = sorted(set().union(*by_action.values()))
            access = CONDITIONAL if missing else ALLOWED
            items.append(_row(resource, principal, access, missing, "resource_policy",
                              ["ResourcePolicy"]))  # fmt: skip
    return items


def _statements(document: dict) -> list[dict]:
    statements = document.get("Statement", [])
    statements = statements if isinstance(statements, list) else [statements]
    return [s for s in statements if isinstance(s, dict)]


def _named_principals(principal: Any) -> list[str]:
    if principal == "*":
        return ["*"]
    if not isinstance(principal, dict):
        return []
    named = principal.get("AWS", [])
    return [named] if isinstance(named, str) else [n for n in named if isinstance(n, str)]


def _is_account(principal: str, account_id: str) -> bool:
    return principal in (account_id, f"arn:aws:iam::{account_id}:root")


def principal_type(arn: str) -> str:
    if arn == "*":
        return "*"
    if arn.isdigit() or arn.endswith(":root"):
        return "account"
    kind = arn.split(":", 5)[-1].split("/", 1)[0]
    return kind if kind in ("role", "user") else "other"


def _row(resource, principal, access, missing, granted_by, matched) -> dict:
    return {
        "resource_arn": resource["arn"],
        "resource_type": resource["kind"],
        "principal_arn": principal,
        "principal_type": principal_type(principal),
        "access": access,
        "missing_context": missing or None,
        "granted_by": granted_by,
        "matched_policies": matched or None,
        "error": None,
        "_scope": {"account_id": resource["account_id"], "region": resource["region"]},
    }


def _error_row(account_id: str, exc: Exception, aws) -> dict:
    from ..core.aws import error_code, error_message
    from ..core.permissions import iam_action

    operation = getattr(exc, "operation_name", None) or PRINCIPAL_LISTING
    remedy = (
        f"grant {iam_action('iam', operation)} to list who may invoke the doors of this account"
    )
    if error_code(exc) == MALFORMED:
        remedy = "who may invoke the doors of this account is unknown"
    return {
        "resource_arn": None, "resource_type": None, "principal_arn": None,
        "principal_type": None, "access": None, "missing_context": None, "granted_by": None,
        "matched_policies": None,
        "error": f"{operation} failed ({error_code(exc)}): {error_message(exc, aws.settings)}; "
        f"{remedy}",
        "_scope": {"account_id": account_id, "region": None},
    }  # fmt: skip


TABLE = Table(
    name="iam_invokers",
    description="The IAM principals that may invoke each runtime, harness, gateway, registry "
    "and payment manager: those iam:SimulatePrincipalPolicy allows (identity policies, "
    "permissions boundaries, SCPs), and those the resource's own policy names. "
    "agentcore.invokers keeps the doors that rely on IAM. One row per account with only "
    "`error` set when IAM could not be read there.",
    service="iam",
    columns=(
        Column("account_id", TEXT, "The AWS account ID.", "_scope.account_id"),
        Column("region", TEXT, "The resource's region.", "_scope.region"),
        Column(
            "resource_arn",
            TEXT,
            "The runtime's, harness's, gateway's, registry's or payment manager's ARN, or a "
            "runtime's workload identity's.",
            "resource_arn",
        ),
        Column(
            "resource_type",
            TEXT,
            "runtime, harness, gateway, registry (SearchRegistryRecords), payment_manager "
            "(ProcessPayment), or workload_identity (principals that may call "
            "GetWorkloadAccessTokenForUserId for it).",
            "resource_type",
        ),
        Column(
            "principal_arn",
            TEXT,
            "The role, user or account (or * for anyone) that may invoke it.",
            "principal_arn",
        ),
        Column("principal_type", TEXT, "role, user, account, * or other.", "principal_type"),
        Column(
            "access",
            TEXT,
            "allowed, or conditional when AWS allows it only under conditions the request must "
            "meet (missing_context names their keys).",
            "access",
        ),
        Column(
            "missing_context",
            TEXT_ARRAY,
            "The condition keys a conditional grant depends on.",
            "missing_context",
        ),
        Column(
            "granted_by",
            TEXT,
            "identity_policy (what the simulator allows) or resource_policy (the resource's "
            "own policy names the principal).",
            "granted_by",
        ),
        Column(
            "matched_policies",
            TEXT_ARRAY,
            "The policies whose statements grant it (ResourcePolicy for the resource's own).",
            "matched_policies",
        ),
        Column(
            "error",
            TEXT,
            "NULL normally; why the account's principals could not be read or simulated, and "
            "the IAM action to grant.",
            "error",
        ),
    ),
    list_items=lambda client, parent: (),
    list_operation="none",
    identity=("principal_arn",),
    read=read_invokers,
    remembers_answers=True,
    read_calls=(("iam", PRINCIPAL_LISTING), ("iam", SIMULATION)),
    # No filter is pushed down: the views join it per door, and each door's account and region
    # would make a scan of its own, each listing the account's principals anew.
    pushdown={},
    rows_per_scope=20,
)
