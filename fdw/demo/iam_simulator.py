"""IAM's policy simulator, SimulatePrincipalPolicy, which moto lacks, answered as AWS documents it
for the users, groups and roles in moto's IAM backend: a small evaluator, for the fake AWS only.

What it evaluates, for each action in ActionNames and each resource in ResourceArns ("*" if none):
- the principal's identity policies: a role's inline and attached managed policies; a user's,
  and those of each group it is in; a group's; and PolicyInputList's documents;
- its permissions boundary (the role's, or PermissionsBoundaryPolicyInputList's one document):
  an identity policy's Allow counts only where the boundary allows too;
- ResourcePolicy, as if attached to every resource, its Principal (or NotPrincipal) matched
  against the caller (CallerArn, else PolicySourceArn): "*", {"AWS": "*"}, the caller's ARN, its
  account (12 digits or arn:aws:iam::<account>:root);
- an explicit Deny anywhere wins (explicitDeny); else an Allow decides (allowed); else
  implicitDeny. Within one account (ResourceOwner, else the caller's account, owns the resource
  policy), the resource policy's Allow naming the caller or everyone grants by itself, bounded
  for a role and not for a user (the IAM User Guide's permissions boundaries page); one naming the
  account grants nothing by itself, it leaves the decision to the account's identity policies.
  Across accounts both the identity policies and the resource policy must allow;
- Action and NotAction (wildcards * and ?, ignoring case), Resource and NotResource (wildcards,
  a * inside a segment stays in it), a resource policy's statement without Resource applying to
  the resource it is attached to;
- Condition, against ContextEntries (key names ignoring case): String(Not)Equals(IgnoreCase),
  String(Not)Like, Arn(Not)Equals, Arn(Not)Like, Bool and Null, with ...IfExists and the
  ForAnyValue: and ForAllValues: qualifiers. A key the request does not supply is absent, as the
  condition operators page says: a condition on it is false, a negated one true, IfExists and
  ForAllValues true; and it is reported in MissingContextValues. No key is supplied unasked.

What it answers: one EvaluationResult per action, whatever the resources (the EvaluationResult
page: "a single EvaluationResult per action"), its decision the most restrictive of the
resources', with ResourceSpecificResults per resource when ResourceArns names any. Paged by
MaxItems (100 by default) and Marker. MatchedStatements name each policy as AWS's own answers do
(the policy's name, PolicyInputList.<n>, ResourcePolicy) with the type AWS's answers show, "IAM
Policy" or "Resource Policy" (not the model's enum), and the place of the statement in the
document as this fake counts it (1-based line and column of its first character, and of the one
after its last). EvalDecisionDetails only across accounts (present and empty within one account
when resources are named, as documented); its keys, the two types, are this fake's assumption.

What it does not: SCPs and RCPs (no OrganizationsDecisionDetail), session policies, policy
variables (${aws:username} is compared as written), Numeric, Date, IpAddress and Binary
conditions and PolicyExclusionList (a PolicyEvaluation error says so, rather than a wrong
answer), ResourceHandlingOption (accepted, ignored), AWS managed policies moto did not load,
permissions boundaries on users (moto keeps none), NotPrincipal's quirk with boundaries, and
EvalResourceName's per-type ARN templates (always "*").

Where AWS's documentation disagrees with itself, this follows botocore's model, which says a role
or a group may be the caller of a simulation with a resource policy. In 2025 AWS refused that
("Invalid caller - Caller must be an IAM user in this context.", ScottLogic's "Automated
permissions testing with AWS IAM Policy Simulator"), and the operation's own page still says
"for IAM users only": a test can inject that refusal with AwsFake.fault.

Sources: https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html,
https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html,
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html,
https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html,
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html,
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html,
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

IDENTITY, RESOURCE = "IAM Policy", "Resource Policy"  # SourcePolicyType, as AWS answers it
RESTRICTIVENESS = ("allowed", "implicitDeny", "explicitDeny")  # least restrictive first
DEFAULT_MAX_ITEMS = 100
ENTITY = re.compile(r"^arn:(aws[a-z-]*):iam::(\d{12}):(user|group|role)/(?:.*/)?([\w+=,.@-]+)$")
ACCOUNT = re.compile(r"^(?:arn:aws[a-z-]*:iam::(\d{12}):root|(\d{12}))$")
STRING_TESTS = {
    "StringEquals": lambda value, wanted: value == wanted,
    "StringEqualsIgnoreCase": lambda value, wanted: value.lower() == wanted.lower(),
    "StringLike": lambda value, wanted: glob(wanted, value),
    "ArnEquals": lambda value, wanted: arn_like(wanted, value),
    "ArnLike": lambda value, wanted: arn_like(wanted, value),
    "Bool": lambda value, wanted: value.lower() == wanted.lower(),
}
NEGATED = {  # each negated operator, and the operator it negates
    "StringNotEquals": "StringEquals",
    "StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
    "StringNotLike": "StringLike",
    "ArnNotEquals": "ArnEquals",
    "ArnNotLike": "ArnLike",
}


def simulate_principal_policy(self) -> object:
    """IamResponse.simulate_principal_policy: moto_extensions.apply() makes it moto's."""
    from moto.core.responses import ActionResult

    return ActionResult(answer(self.backend, self._get_param))


def answer(backend, param) -> dict:
    """The SimulatePrincipalPolicy answer to a request whose members `param(name)` gives, in the
    account of moto's IAM `backend`."""
    if param("PolicyExclusionList"):
        raise refused("PolicyEvaluation", "This fake IAM simulator does not evaluate exclusions")
    source = param("PolicySourceArn")
    caller_arn = param("CallerArn") or source
    entity, caller = principal(backend, source), Caller.of(caller_arn)
    simulation = Simulation(
        caller=caller,
        identity=identity_policies(backend, entity, param("PolicyInputList") or []),
        boundary=boundary_policy(backend, entity, param("PermissionsBoundaryPolicyInputList")),
        resource_policy=(
            Policy.parse("ResourcePolicy", RESOURCE, param("ResourcePolicy"))
            if param("ResourcePolicy")
            else None
        ),
        resource_owner=owner(param("ResourceOwner")) or caller.account,
        context={
            entry["ContextKeyName"].lower(): list(entry.get("ContextKeyValues") or [])
            for entry in param("ContextEntries") or []
        },
    )
    resources = resource_arns(param("ResourceArns"))
    results = [simulation.result(action, resources) for action in param("ActionNames")]
    start, size = page(param("Marker"), param("MaxItems"), len(results))
    truncated = start + size < len(results)
    return {
        "EvaluationResults": results[start : start + size],
        "IsTruncated": truncated,
        "Marker": str(start + size) if truncated else None,
    }


def refused(code: str, message: str) -> Exception:
    from moto.iam.exceptions import IAMException

    return IAMException(code, message)


@dataclass(frozen=True)
class Caller:
    """Who the simulated requests come from, as a resource policy's Principal sees them."""

    arn: str
    partition: str
    account: str
    kind: str  # user, group or role

    @classmethod
    def of(cls, arn: str) -> Caller:
        match = ENTITY.match(arn)
        if not match:  # an assumed role, a federated user or a service (the model's CallerArn)
            raise refused("InvalidInput", f"Invalid caller - {arn} is no IAM user, group or role")
        return cls(arn, match.group(1), match.group(2), match.group(3))


def principal(backend, arn: str):
    """The user, group or role of moto's `backend` that PolicySourceArn names."""
    from moto.iam.exceptions import NotFoundException

    match = ENTITY.match(arn)
    if not match:
        raise refused("InvalidInput", f"Invalid Entity Arn: {arn}")
    kind, name = match.group(3), match.group(4)
    find = {"user": backend.get_user, "group": backend.get_group, "role": backend.get_role}[kind]
    try:
        entity = find(name)
    except Exception as missing:  # moto raises a NoSuchEntity of its own for each kind
        raise NotFoundException(f"The {kind} with ARN {arn} cannot be found.") from missing
    if entity.arn != arn:
        raise NotFoundException(f"The {kind} with ARN {arn} cannot be found.")
    return entity


def identity_policies(backend, entity, inputs: list[str]) -> tuple[Policy, ...]:
    """The entity's inline and attached managed policies (a user's groups' too), then
    PolicyInputList's."""
    holders = [entity]
    if ":user/" in entity.arn:  # a user's groups' policies are its own too
        holders += backend.get_groups_for_user(entity.name)
    policies = []
    for holder in holders:
        policies += [Policy.parse(name, IDENTITY, text) for name, text in holder.policies.items()]
        policies += [
            Policy.parse(managed.name, IDENTITY, default_document(managed))
            for managed in holder.managed_policies.values()
        ]
    policies += [
        Policy.parse(f"PolicyInputList.{number}", IDENTITY, text)
        for number, text in enumerate(inputs, 1)
    ]
    return tuple(policies)


def boundary_policy(backend, entity, inputs: list[str] | None) -> Policy | None:
    """PermissionsBoundaryPolicyInputList's one document, else the role's boundary, if any."""
    if inputs:
        if len(inputs) > 1:
            raise refused("InvalidInput", "Only one permissions boundary policy may be given")
        return Policy.parse("PermissionsBoundaryPolicyInputList.1", IDENTITY, inputs[0])
    arn = getattr(entity, "permissions_boundary_arn", None)
    if not arn:
        return None
    managed = backend.managed_policies.get(arn)
    if managed is None:
        raise refused("NoSuchEntity", f"Policy {arn} does not exist or is not attachable.")
    return Policy.parse(managed.name, IDENTITY, default_document(managed))


def default_document(managed) -> str:
    return next(version.document for version in managed.versions if version.is_default)


def owner(value: str | None) -> str | None:
    if not value:
        return None
    match = ACCOUNT.match(value)
    if not match:
        raise refused("InvalidInput", f"'{value}' is not a valid as a Resource Owner.")
    return match.group(1) or match.group(2)


def resource_arns(arns: list[str] | None) -> list[str]:
    for arn in arns or []:
        if arn != "*" and not arn.startswith("arn:"):
            raise refused("InvalidInput", f"ResourceNames are not in a valid ARN format: {arn}.")
    return [arn for arn in arns or [] if arn != "*"]


def page(marker: str | None, max_items: int | None, total: int) -> tuple[int, int]:
    if marker is not None and not (marker.isdigit() and int(marker) < total):
        raise refused("InvalidInput", f"Invalid Marker: {marker}")
    return int(marker or 0), max_items or DEFAULT_MAX_ITEMS


@dataclass(frozen=True)
class Policy:
    """One policy document in a simulation: what to call it, its statements and where each
    statement stands in the document's text."""

    policy_id: str
    policy_type: str  # IDENTITY or RESOURCE
    statements: tuple[dict, ...]
    places: tuple[tuple[dict, dict] | None, ...]

    @classmethod
    def parse(cls, policy_id: str, policy_type: str, text: str) -> Policy:
        try:
            document = json.loads(text)
            statements = document["Statement"]
        except (ValueError, TypeError, KeyError) as bad:
            raise refused("InvalidInput", f"{policy_id} is not a valid policy document") from bad
        statements = tuple(statements if isinstance(statements, list) else [statements])
        places = statement_places(text)
        if places is None or len(places) != len(statements):
            places = [None] * len(statements)
        return cls(policy_id, policy_type, statements, tuple(places))

    def matched(self, index: int) -> dict:
        """The MatchedStatements entry of statement `index`."""
        entry = {"SourcePolicyId": self.policy_id, "SourcePolicyType": self.policy_type}
        if self.places[index] is not None:
            entry["StartPosition"], entry["EndPosition"] = self.places[index]
        return entry


def statement_places(text: str) -> list[tuple[dict, dict]] | None:
    """The start and end of each statement in a policy's text, as Line and Column, or None if
    the text is not laid out as expected."""
    decoder, space = json.JSONDecoder(), re.compile(r"\s*")

    def skip(at: int) -> int:
        return space.match(text, at).end()

    def position(offset: int) -> dict:
        line_start = text.rfind("\n", 0, offset) + 1
        return {"Line": text.count("\n", 0, offset) + 1, "Column": offset - line_start + 1}

    try:
        at = skip(0) + 1  # past the document's {
        while text[skip(at)] != "}":
            key, at = decoder.raw_decode(text, skip(at))
            at = skip(skip(at) + 1)  # past the :
            if key == "Statement":
                if text[at] != "[":
                    return [(position(at), position(decoder.raw_decode(text, at)[1]))]
                places, at = [], skip(at + 1)
                while text[at] != "]":
                    end = decoder.raw_decode(text, at)[1]
                    places.append((position(at), position(end)))
                    at = skip(end)
                    at = skip(at + 1) if text[at] == "," else at
                return places
            at = skip(decoder.raw_decode(text, at)[1])
            at = at + 1 if text[at] == "," else at
    except (IndexError, ValueError):
        return None
    return None


@dataclass(frozen=True)
class Simulation:
    """One request's policies, caller and context: what decides each action on each resource."""

    caller: Caller
    identity: tuple[Policy, ...]
    boundary: Policy | None
    resource_policy: Policy | None
    resource_owner: str
    context: dict[str, list[str]]

    @property
    def cross_account(self) -> bool:
        return self.resource_policy is not None and self.resource_owner != self.caller.account

    def result(self, action: str, resources: list[str]) -> dict:
        """The EvaluationResult of `action`, over every resource (or "*")."""
        decisions = [self.decide(action, resource) for resource in resources or ["*"]]
        worst = max(decisions, key=lambda decision: RESTRICTIVENESS.index(decision.decision))
        result = {
            "EvalActionName": action,
            "EvalResourceName": "*",
            "EvalDecision": worst.decision,
            "MatchedStatements": unique(s for d in decisions for s in d.matched),
            "MissingContextValues": unique(k for d in decisions for k in d.missing),
        }
        bounded = [d.bounded for d in decisions if d.bounded is not None]
        if bounded:
            result["PermissionsBoundaryDecisionDetail"] = {
                "AllowedByPermissionsBoundary": all(bounded)
            }
        if self.cross_account:
            result["EvalDecisionDetails"] = {
                kind: max((d.details[kind] for d in decisions), key=RESTRICTIVENESS.index)
                for kind in (IDENTITY, RESOURCE)
            }
        elif resources:
            result["EvalDecisionDetails"] = {}
        if resources:
            result["ResourceSpecificResults"] = [
                d.resource_result(resource) for d, resource in zip(decisions, resources)
            ]
        return result

    def decide(self, action: str, resource: str) -> Decision:
        missing: list[str] = []

        def hits(policies, effect: str) -> list[tuple[Policy, int, str]]:
            found = []
            for policy in policies:
                for index, statement, reach in applying(policy, action, resource, self, missing):
                    if statement.get("Effect") == effect:
                        found.append((policy, index, reach))
            return found

        everything = [*self.identity, *filter(None, (self.boundary, self.resource_policy))]
        denies = hits(everything, "Deny")
        identity = hits(self.identity, "Allow")
        bounded = self.boundary is None or bool(hits([self.boundary], "Allow"))
        granted = hits(filter(None, [self.resource_policy]), "Allow")
        if not self.cross_account:  # the account as Principal leaves it to identity policies
            granted = [hit for hit in granted if hit[2] != "account"]
        by_identity = bool(identity) and bounded
        by_resource = bool(granted) and (bounded or self.caller.kind == "user")
        if self.cross_account:
            allowed, used = by_identity and bool(granted), identity + granted
        else:
            allowed = by_identity or by_resource
            used = (identity if by_identity else []) + (granted if by_resource else [])
        decision = "explicitDeny" if denies else "allowed" if allowed else "implicitDeny"
        shown = denies if denies else used if allowed else []

        def kind_decision(kind: str, allows: bool) -> str:
            if any(policy.policy_type == kind for policy, _, _ in denies):
                return "explicitDeny"
            return "allowed" if allows else "implicitDeny"

        return Decision(
            decision=decision,
            matched=tuple(policy.matched(index) for policy, index, _ in shown),
            missing=tuple(missing),
            bounded=None if self.boundary is None else bounded,
            details=(
                {IDENTITY: kind_decision(IDENTITY, by_identity),
                 RESOURCE: kind_decision(RESOURCE, bool(granted))}
                if self.cross_account else None
            ),
        )  # fmt: skip


@dataclass(frozen=True)
class Decision:
    """What decides one action on one resource."""

    decision: str
    matched: tuple[dict, ...]
    missing: tuple[str, ...]
    bounded: bool | None  # None: no permissions boundary
    details: dict | None  # per policy type, across accounts only

    def resource_result(self, resource: str) -> dict:
        result = {
            "EvalResourceName": resource,
            "EvalResourceDecision": self.decision,
            "MatchedStatements": list(self.matched),
            "MissingContextValues": unique(self.missing),
        }
        if self.bounded is not None:
            result["PermissionsBoundaryDecisionDetail"] = {
                "AllowedByPermissionsBoundary": self.bounded
            }
        if self.details is not None:
            result["EvalDecisionDetails"] = self.details
        return result


def unique(items) -> list:
    """Each item once, in the order first seen (keys ignoring case)."""
    seen, kept = set(), []
    for item in items:
        key = json.dumps(item, sort_keys=True).lower()
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def applying(policy: Policy, action: str, resource: str, simulation: Simulation, missing: list):
    """(index, statement, reach) of each statement of `policy` that applies to `action` on
    `resource`; reach says whom a resource policy's statement names ("caller", "account" or
    "everyone"). The condition keys of every statement that would apply but for its conditions,
    and that the context lacks, are added to `missing`."""
    for index, statement in enumerate(policy.statements):
        if not (names_action(statement, action) and names_resource(statement, resource, policy)):
            continue
        reach = "identity"
        if policy.policy_type == RESOURCE:
            reach = principal_reach(statement, simulation.caller)
            if reach is None:
                continue
        holds, absent = conditions_hold(statement.get("Condition") or {}, simulation.context)
        missing.extend(absent)
        if holds:
            yield index, statement, reach


def listed(value) -> list:
    return value if isinstance(value, list) else [value]


def names_action(statement: dict, action: str) -> bool:
    if "NotAction" in statement:
        return not any(glob(p, action, True) for p in listed(statement["NotAction"]))
    return any(glob(pattern, action, True) for pattern in listed(statement.get("Action", [])))


def names_resource(statement: dict, resource: str, policy: Policy) -> bool:
    if "NotResource" in statement:
        return not any(resource_like(p, resource) for p in listed(statement["NotResource"]))
    if "Resource" not in statement:  # a resource policy applies to what it is attached to
        return policy.policy_type == RESOURCE
    return any(resource_like(pattern, resource) for pattern in listed(statement["Resource"]))


def principal_reach(statement: dict, caller: Caller) -> str | None:
    """Whom a resource policy's statement names that the caller is among, or None."""
    if "NotPrincipal" in statement:
        return None if named(statement["NotPrincipal"], caller) else "everyone"
    return named(statement.get("Principal"), caller)


def named(principal_element, caller: Caller) -> str | None:
    if principal_element == "*":
        return "everyone"
    if not isinstance(principal_element, dict):
        return None
    reach = None
    for value in listed(principal_element.get("AWS", [])):
        if value == "*":
            return "everyone"
        if value == caller.arn:
            reach = "caller"
        elif reach is None and value in (
            caller.account,
            f"arn:{caller.partition}:iam::{caller.account}:root",
        ):
            reach = "account"
    return reach


def conditions_hold(condition: dict, context: dict[str, list[str]]) -> tuple[bool, list[str]]:
    """Whether every test of a statement's Condition holds in `context`, and the keys it names
    that `context` lacks."""
    holds, absent = True, []
    for operator, tests in condition.items():
        qualifier, _, base = operator.rpartition(":")
        if_exists = base.endswith("IfExists")
        base = base[: -len("IfExists")] if if_exists else base
        for key, wanted in tests.items():
            values = context.get(key.lower())
            if values is None:
                absent.append(key)
            wanted = [str(w).lower() if isinstance(w, bool) else str(w) for w in listed(wanted)]
            holds = condition_test_holds(qualifier, base, if_exists, values, wanted) and holds
    return holds, absent


def condition_test_holds(
    qualifier: str, base: str, if_exists: bool, values: list[str] | None, wanted: list[str]
) -> bool:
    """One key's test under one operator: `values` the context's (None if absent), `wanted` the
    policy's."""
    if base == "Null":
        return (values is None) == (wanted[0].lower() == "true")
    negated = base in NEGATED
    matches = STRING_TESTS.get(NEGATED.get(base, base))
    if matches is None or qualifier not in ("", "ForAnyValue", "ForAllValues"):
        raise refused("PolicyEvaluation", f"This fake IAM simulator does not evaluate {base}")
    if values is None:
        return if_exists or negated or qualifier == "ForAllValues"
    hit = [any(matches(value, w) for w in wanted) for value in values]
    if qualifier == "ForAllValues":
        return all(not h for h in hit) if negated else all(hit)
    if qualifier == "ForAnyValue" and negated:
        return not all(hit)
    return not any(hit) if negated else any(hit)


def glob(pattern: str, value: str, ignore_case: bool = False) -> bool:
    """`value` matches `pattern`, where * is any characters and ? is one."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, value, re.DOTALL | (re.IGNORECASE if ignore_case else 0)) is not None


def arn_like(pattern: str, arn: str) -> bool:
    """ArnLike: each of the six colon-separated parts matched on its own."""
    wanted, parts = pattern.split(":", 5), arn.split(":", 5)
    return len(wanted) == len(parts) == 6 and all(map(glob, wanted, parts))


def resource_like(pattern: str, arn: str) -> bool:
    """A Resource element: wildcards within a segment, a * ending one may reach past colons."""
    regex = ""
    for at, c in enumerate(pattern):
        ends_segment = at + 1 == len(pattern) or pattern[at + 1] == ":"
        if c == "*":
            regex += ".*" if ends_segment else "[^:]*"
        else:
            regex += "[^:]" if c == "?" else re.escape(c)
    return re.fullmatch(regex, arn, re.DOTALL) is not None
