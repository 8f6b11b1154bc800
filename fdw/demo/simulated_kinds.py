"""Registries, payment managers and harnesses (with their versions and endpoints), which moto
lacks, answered as AWS does by one WSGI layer in front of moto, per account and region.

What an answer holds comes from botocore's model of bedrock-agentcore-control: each operation's
method, path and status code, the members it requires and the patterns and ranges they must
match (a 400 ValidationException otherwise), the members of its output or of its list's
summaries. A kind (KINDS) declares only what the model cannot say: how its IDs and ARNs are
made, and what AWS fills in that a create may leave out. IDs are made from the account, the
region and the name, as CustomTools makes them, so they are the same at every start.

Where the model and its documentation are silent, this fake assumes (and says so where it
does, beside KINDS):
- a create or update is done at once (READY), a delete too (answered DELETING, then gone);
  but an endpoint's update stays in flight for good (UPDATING, its live version unchanged), as
  moto leaves a runtime endpoint's, so that an endpoint serving another version than its
  target can be shown;
- no DEFAULT harness endpoint: nothing in the model says AWS makes one, as it does for runtimes;
- a list without maxResults answers pages of DEFAULT_PAGE_SIZE.
"""

from __future__ import annotations

import copy
import hashlib
import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qs

from .moto_extensions import CALLER, _json
from .rest_answers import (
    Refused,
    answer_of,
    conflict,
    in_body,
    invalid,
    is_patch_wrapper,
    not_found,
    page_of,
    path_labels,
    path_segments,
    request_body,
    request_params,
    status_line,
    unwrapped,
)

SERVICE = "bedrock-agentcore-control"
COLLECTIONS = frozenset({"registries", "payments", "harnesses"})  # first path segments served
UPDATED = ("updatedAt", "lastUpdatedAt")  # what each kind calls its last change


@dataclass(frozen=True)
class Where:
    """The account and region a request is answered in, and the resource its kind lives under."""

    account: str
    region: str
    parent: dict | None = None
    parent_versions: dict | None = None


@dataclass(frozen=True)
class Kind:
    noun: str  # its operations: Create<noun>, Get<noun>, Update<noun>, Delete<noun>
    plural: str  # List<plural>
    name_member: str  # unique among its siblings (ConflictException)
    id_member: str  # also the path label naming it
    arn_member: str
    arn_path: str  # after arn:aws:bedrock-agentcore:<region>:<account>:, {id} and {parent}
    new_id: Callable[[str, str], str]  # (name, 16 hex characters) -> ID
    complete: Callable[[dict, Where], None] = lambda item, where: None  # what AWS fills in
    parent: str | None = None  # the noun of the kind it lives under, whose ID labels its path
    version_member: str | None = None  # versioned: each update makes a version
    updated_status: str = "READY"
    operations: dict[str, str] = field(init=False)  # operation -> action

    def __post_init__(self) -> None:
        actions = {"Create": "create", "Get": "get", "Update": "update", "Delete": "delete"}
        operations = {verb + self.noun: action for verb, action in actions.items()}
        operations["List" + self.plural] = "list"
        if self.version_member:
            operations[f"List{self.noun}Versions"] = "versions_list"
        object.__setattr__(self, "operations", operations)


def arn(where: Where, path: str) -> str:
    return f"arn:aws:bedrock-agentcore:{where.region}:{where.account}:{path}"


def custom_jwt_configured(item: dict) -> None:
    """CreateRegistry's and CreatePaymentManager's documentation: CUSTOM_JWT needs a
    configuration."""
    if item.get("authorizerType") == "CUSTOM_JWT" and not item.get("authorizerConfiguration"):
        raise invalid("authorizerConfiguration is required when authorizerType is CUSTOM_JWT")


def complete_registry(item: dict, where: Where) -> None:
    # Assumed: CreateRegistry's authorizerType is optional and neither the model nor its
    # documentation names a default; AWS_IAM, the authorizer that needs no configuration.
    item.setdefault("authorizerType", "AWS_IAM")
    # ApprovalConfiguration's documentation: autoApproval "false (the default)".
    item.setdefault("approvalConfiguration", {"autoApproval": False})
    custom_jwt_configured(item)


def complete_payment_manager(item: dict, where: Where) -> None:
    identity = f"workload-identity-directory/default/workload-identity/{item['name']}"
    item["workloadIdentityDetails"] = {"workloadIdentityArn": arn(where, identity)}
    custom_jwt_configured(item)


# What a harness's required output members hold when its create leaves them out. allowedTools:
# the Harness shape's documentation ("All tools are allowed by default"), as its glob for all.
# Assumed, for the model names no default: a Bedrock model, and sliding-window truncation
# (what Strands agents default to; whether harnesses do is not known).
HARNESS_DEFAULTS = {
    "model": {"bedrockModelConfig": {"modelId": "us.anthropic.claude-sonnet-4-5-20250929-v1:0"}},
    "systemPrompt": [],
    "tools": [],
    "skills": [],
    "allowedTools": ["*"],
    "truncation": {"strategy": "sliding_window"},
}
# LifecycleConfiguration's documented defaults; PUBLIC assumed (a runtime must name a mode).
HARNESS_RUNTIME_DEFAULTS = {
    "lifecycleConfiguration": {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
    "networkConfiguration": {"networkMode": "PUBLIC"},
}


def complete_harness(item: dict, where: Where) -> None:
    for member, default in HARNESS_DEFAULTS.items():
        item.setdefault(member, copy.deepcopy(default))
    # A harness runs on an AgentCore Runtime of its own, which its environment names. Assumed:
    # it is called harness_<name> (a harness name is 8 characters shorter than a runtime's)
    # and, unknown to moto, is not listed among the account's runtimes.
    requested = (item.get("environment") or {}).get("agentCoreRuntimeEnvironment") or {}
    runtime_name = f"harness_{item['harnessName']}"
    runtime_id = f"{runtime_name}-{item['harnessId'][-10:]}"
    environment = {
        "agentRuntimeArn": arn(where, f"runtime/{runtime_id}"),
        "agentRuntimeName": runtime_name,
        "agentRuntimeId": runtime_id,
    }
    for member, default in HARNESS_RUNTIME_DEFAULTS.items():
        environment[member] = requested.get(member) or copy.deepcopy(default)
    if "filesystemConfigurations" in requested:
        environment["filesystemConfigurations"] = requested["filesystemConfigurations"]
    item["environment"] = {"agentCoreRuntimeEnvironment": environment}


def complete_harness_endpoint(item: dict, where: Where) -> None:
    """An endpoint serves the version it targets, by default the harness's current one; an
    update moves only its target (updated_status), and this fake never completes it."""
    item["harnessName"] = where.parent["harnessName"]
    item.setdefault("targetVersion", where.parent["harnessVersion"])
    item.setdefault("liveVersion", item["targetVersion"])
    if item["targetVersion"] not in where.parent_versions:
        raise not_found(
            f"Harness {where.parent['harnessId']} has no version {item['targetVersion']}"
        )


KINDS = (
    Kind(
        noun="Registry", plural="Registries", name_member="name", id_member="registryId",
        arn_member="registryArn", arn_path="registry/{id}",
        new_id=lambda name, digest: digest[:12], complete=complete_registry,
    ),
    Kind(
        noun="PaymentManager", plural="PaymentManagers", name_member="name",
        id_member="paymentManagerId", arn_member="paymentManagerArn",
        arn_path="payment-manager/{id}",
        new_id=lambda name, digest: f"{name.lower()}-{digest[:10]}",
        complete=complete_payment_manager,
    ),
    Kind(
        noun="Harness", plural="Harnesses", name_member="harnessName", id_member="harnessId",
        arn_member="arn", arn_path="harness/{id}",
        new_id=lambda name, digest: f"{name}-{digest[:10]}", complete=complete_harness,
        version_member="harnessVersion",
    ),
    Kind(
        noun="HarnessEndpoint", plural="HarnessEndpoints", name_member="endpointName",
        id_member="endpointName", arn_member="arn",
        arn_path="harness/{parent}/harness-endpoint/{id}",
        new_id=lambda name, digest: name, complete=complete_harness_endpoint,
        parent="Harness", updated_status="UPDATING",
    ),
)  # fmt: skip


class SimulatedKinds:
    """A WSGI layer answering the KINDS' operations as AWS does, in front of moto."""

    def __init__(self, app) -> None:
        self.app = app
        self.store = Store()
        self._routes: list | None = None  # read from botocore's model when first needed
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        segments = path_segments(environ)
        caller = CALLER.search(environ.get("HTTP_AUTHORIZATION", ""))
        if segments[0] not in COLLECTIONS or not caller:
            return self.app(environ, start_response)
        route = self._route(environ.get("REQUEST_METHOD", ""), segments)
        if route is None:
            return self.app(environ, start_response)
        from moto.iam.models import get_account_id_from

        operation, kind, action, labels = route
        where = Where(get_account_id_from(caller.group(1)), caller.group(2))
        try:
            body = request_body(environ)
            params = request_params(
                operation, labels, parse_qs(environ.get("QUERY_STRING", "")), body
            )
            with self._lock:
                answer = getattr(self.store, action)(operation, kind, where, params)
        except Refused as refused:
            return _json(
                start_response, status_line(refused.status), {"message": refused.message},
                error=refused.code,
            )  # fmt: skip
        return _json(start_response, status_line(operation.http.get("responseCode", 200)), answer)

    def _route(self, method: str, segments: list[str]):
        if self._routes is None:
            import botocore.session

            model = botocore.session.get_session().get_service_model(SERVICE)
            self._routes = [  # an older botocore (setup.py allows 1.44.1) may lack some
                (model.operation_model(name), kind, action)
                for kind in KINDS
                for name, action in kind.operations.items()
                if name in model.operation_names
            ]
        for operation, kind, action in self._routes:
            if operation.http["method"] == method:
                labels = path_labels(operation, segments)
                if labels is not None:
                    return operation, kind, action, labels
        return None


class Store:
    """Each kind's items per account, region and parent, and the versions of versioned ones;
    one method per action, each answering its operation."""

    def __init__(self) -> None:
        self.kinds = {kind.noun: kind for kind in KINDS}
        # (noun, account, region, parent ID or "") -> {ID: item}, in the order made
        self.items: dict[tuple[str, str, str, str], dict[str, dict]] = {}
        # (noun, account, region, ID) -> {version: the item as that version made it}
        self.versions: dict[tuple[str, str, str, str], dict[str, dict]] = {}

    def create(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        where, siblings = self._place(kind, where, params)
        name = params[kind.name_member]
        if any(item[kind.name_member] == name for item in siblings.values()):
            raise conflict(f"{kind.noun} {name} already exists")
        parent_id = where.parent[self.kinds[kind.parent].id_member] if kind.parent else ""
        seed = f"{where.account}/{where.region}/{kind.noun}/{parent_id}/{name}"
        item_id = kind.new_id(name, hashlib.sha256(seed.encode()).hexdigest()[:16])
        detail = unwrapped(operation.service_model.operation_model("Get" + kind.noun).output_shape)
        item = {
            member: copy.deepcopy(value)
            for member, value in params.items()
            if member in detail.members and in_body(operation.input_shape.members[member])
        }
        now = time.time()
        item.update({kind.id_member: item_id, "status": "READY", "createdAt": now})
        item.update({member: now for member in UPDATED if member in detail.members})
        item[kind.arn_member] = arn(where, kind.arn_path.format(id=item_id, parent=parent_id))
        if kind.parent:
            item[self.kinds[kind.parent].id_member] = parent_id
        kind.complete(item, where)
        if kind.version_member:
            item[kind.version_member] = "1"
            self._versions_of(kind, where, item)["1"] = copy.deepcopy(item)
        siblings[item_id] = item
        return answer_of(operation, item)

    def get(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        where, siblings = self._place(kind, where, params)
        item = self._find(kind, siblings, params)
        version = params.get(kind.version_member) if kind.version_member else None
        if version is not None:
            versions = self._versions_of(kind, where, item)
            if version not in versions:
                raise not_found(f"{kind.noun} {item[kind.id_member]} has no version {version}")
            item = versions[version]
        return answer_of(operation, item)

    def update(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        """PATCH: the members given replace the item's, a wrapper without optionalValue
        clears its member; a versioned item's update is its next version."""
        where, siblings = self._place(kind, where, params)
        item = self._find(kind, siblings, params)
        updated = copy.deepcopy(item)
        for member, shape in operation.input_shape.members.items():
            if member not in params or not in_body(shape) or member == "clientToken":
                continue
            value = copy.deepcopy(params[member])
            if not is_patch_wrapper(shape):
                updated[member] = value
            elif "optionalValue" in value:
                updated[member] = value["optionalValue"]
            else:
                updated.pop(member, None)
        name = updated[kind.name_member]
        if name != item[kind.name_member] and any(
            other[kind.name_member] == name for other in siblings.values()
        ):
            raise conflict(f"{kind.noun} {name} already exists")
        updated["status"] = kind.updated_status
        updated.update({member: time.time() for member in UPDATED if member in item})
        kind.complete(updated, where)
        if kind.version_member:
            updated[kind.version_member] = str(int(item[kind.version_member]) + 1)
            versions = self._versions_of(kind, where, item)
            versions[updated[kind.version_member]] = copy.deepcopy(updated)
        siblings[item[kind.id_member]] = updated
        return answer_of(operation, updated)

    def delete(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        where, siblings = self._place(kind, where, params)
        item = siblings.pop(self._find(kind, siblings, params)[kind.id_member])
        item_id = item[kind.id_member]
        self.versions.pop((kind.noun, where.account, where.region, item_id), None)
        for child in KINDS:
            if child.parent == kind.noun:
                self.items.pop((child.noun, where.account, where.region, item_id), None)
        return answer_of(operation, dict(item, status="DELETING"))

    def list(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        where, siblings = self._place(kind, where, params)
        return page_of(operation, list(siblings.values()), params)

    def versions_list(self, operation, kind: Kind, where: Where, params: dict) -> dict:
        where, siblings = self._place(kind, where, params)
        versions = self._versions_of(kind, where, self._find(kind, siblings, params))
        return page_of(operation, list(versions.values()), params)

    def _place(self, kind: Kind, where: Where, params: dict) -> tuple[Where, dict[str, dict]]:
        """Where the kind's items named by the request live: for a child kind, under the parent
        the path names (ResourceNotFoundException if it has none)."""
        parent_id = ""
        if kind.parent:
            parent_kind = self.kinds[kind.parent]
            _, parent_siblings = self._place(parent_kind, where, params)
            parent = self._find(parent_kind, parent_siblings, params)
            parent_id = parent[parent_kind.id_member]
            versions = self._versions_of(parent_kind, where, parent)
            where = Where(where.account, where.region, parent, versions)
        key = (kind.noun, where.account, where.region, parent_id)
        return where, self.items.setdefault(key, {})

    def _find(self, kind: Kind, siblings: dict[str, dict], params: dict) -> dict:
        item_id = identifier(params[kind.id_member])
        if item_id not in siblings:
            raise not_found(f"{kind.noun} {item_id} not found")
        return siblings[item_id]

    def _versions_of(self, kind: Kind, where: Where, item: dict) -> dict[str, dict]:
        key = (kind.noun, where.account, where.region, item[kind.id_member])
        return self.versions.setdefault(key, {})


def identifier(value: str) -> str:
    """An ID, given as an ID or, where the model allows it (registries), as its ARN."""
    return value.rsplit("/", 1)[-1] if value.startswith("arn:") else value
