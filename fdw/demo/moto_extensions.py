"""Where moto's AgentCore differs from AWS, made to answer as AWS does, for the demo and the tests.

moto (5.x) knows runtimes, endpoints, gateways and targets, but:
- names a runtime `agent/<uuid>:<version>`, a new ARN per version; AWS names it
  `runtime/<runtime id>`, one ARN for good;
- gives a gateway a bare hex ID; AWS's is `<name>-<10 characters>`, the pattern its API
  checks (and agentcore-fdw checks too);
- keeps only a summary of each version, and answers GetAgentRuntime with the current
  version whatever `version` asks for; AWS answers with the version asked for;
- makes no DEFAULT endpoint; AWS makes one with every runtime and moves it to each new
  version;
- lists endpoints without liveVersion and targetVersion, and names them
  `agentEndpoint/<uuid>`; AWS names them `runtime/<runtime id>/runtime-endpoint/<name>`;
- forgets a runtime's metadataConfiguration (requireMMDSV2) on update;
- never names the WAF web ACL associated with a gateway (wafv2 AssociateWebACL);
- has no resource-based policies (Put/Get/DeleteResourcePolicy), nor custom browsers and code
  interpreters, which WSGI layers here answer;
- has none of the kinds AgentCore added since: registries, payment managers, harnesses with
  their versions and endpoints, which simulated_kinds.py's WSGI layer answers.

moto's IAM lists principals (GetAccountAuthorizationDetails) but has no policy simulator:
SimulatePrincipalPolicy is answered by iam_simulator.py's evaluator, from moto's own users,
groups, roles and their policies, added to moto's IAM responses here.

And moto's Security Hub, where `check --to-security-hub` imports findings, imports into a hub
never enabled, lets BatchImportFindings change a finding's Workflow, ignores GetFindings'
filters and has no BatchUpdateFindings: SecurityHubFindings answers those three as AWS does.

Everything here is applied once, to the moto running in this process.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from typing import Any

DEFAULT_ENDPOINT = "DEFAULT"
POLICY_PATH = re.compile(r"^/resourcepolicy/(.+)$")

_applied = False


def apply() -> None:
    global _applied
    if _applied:
        return
    _applied = True
    from moto.bedrockagentcorecontrol import models, responses
    from moto.iam import responses as iam_responses

    _runtimes_as_aws_names_them(models.AgentRuntime)
    _gateways_as_aws_names_them(models.Gateway)
    _default_endpoints(models.BedrockAgentCoreControlBackend)
    _endpoints_list_their_versions(models.AgentRuntimeEndpoint)
    _endpoints_as_aws_names_them(models.AgentRuntimeEndpoint)
    _versions_answered_in_full(responses.BedrockAgentCoreControlResponse)
    _runtimes_keep_their_metadata_configuration(responses.BedrockAgentCoreControlResponse)
    _gateways_name_their_web_acl(models.Gateway)
    _iam_simulates_principal_policies(iam_responses.IamResponse)


def _runtimes_as_aws_names_them(runtime_class) -> None:
    create, update = runtime_class.__init__, runtime_class.update

    def runtime_arn(runtime) -> str:
        return (
            f"arn:aws:bedrock-agentcore:{runtime.region_name}:{runtime.account_id}:"
            f"runtime/{runtime.agent_runtime_id}"
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        create(self, *args, **kwargs)
        self.agent_runtime_arn = runtime_arn(self)
        self.versions[-1]["agentRuntimeArn"] = self.agent_runtime_arn
        self.version_details = {self.agent_runtime_version: details(self)}

    def updated(self, *args: Any, **kwargs: Any) -> None:
        self.agent_runtime_arn = "arn:aws:bedrock-agentcore:::agent/moto:0"  # what update parses
        update(self, *args, **kwargs)
        self.agent_runtime_arn = runtime_arn(self)
        self.versions[-1]["agentRuntimeArn"] = self.agent_runtime_arn
        self.version_details[self.agent_runtime_version] = details(self)

    runtime_class.__init__ = __init__
    runtime_class.update = updated


def _gateways_as_aws_names_them(gateway_class) -> None:
    create = gateway_class.__init__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        create(self, *args, **kwargs)
        old = self.gateway_id
        self.gateway_id = f"{self.name.lower()[:80]}-{old}"
        self.gateway_arn = self.gateway_arn.replace(f"gateway/{old}", f"gateway/{self.gateway_id}")
        self.gateway_url = self.gateway_url.replace(old, self.gateway_id)
        identity = self.workload_identity_details["workloadIdentityArn"]
        self.workload_identity_details["workloadIdentityArn"] = identity.replace(
            old, self.gateway_id
        )

    gateway_class.__init__ = __init__


def details(runtime) -> dict:
    """A GetAgentRuntime answer for the runtime as it is now (a version, once made, is kept)."""
    answer = {
        "agentRuntimeArn": runtime.agent_runtime_arn,
        "agentRuntimeName": runtime.agent_runtime_name,
        "agentRuntimeId": runtime.agent_runtime_id,
        "agentRuntimeVersion": runtime.agent_runtime_version,
        "createdAt": runtime.created_at,
        "lastUpdatedAt": runtime.last_updated_at,
        "roleArn": runtime.role_arn,
        "networkConfiguration": runtime.network_configuration,
        "status": "READY",
        "lifecycleConfiguration": runtime.lifecycle_configuration,
        "description": runtime.description,
        "workloadIdentityDetails": runtime.workload_identity_details,
        "agentRuntimeArtifact": runtime.agent_runtime_artifact,
        "protocolConfiguration": runtime.protocol_configuration,
        "environmentVariables": runtime.environment_variables,
        "authorizerConfiguration": runtime.authorizer_configuration,
        "requestHeaderConfiguration": runtime.request_header_configuration,
        "metadataConfiguration": getattr(runtime, "metadata_configuration", None),
    }
    return copy.deepcopy({key: value for key, value in answer.items() if value})


def _default_endpoints(backend_class) -> None:
    create, update = backend_class.create_agent_runtime, backend_class.update_agent_runtime

    def create_agent_runtime(self, *args: Any, **kwargs: Any):
        runtime = create(self, *args, **kwargs)
        self.create_agent_runtime_endpoint(
            agent_runtime_id=runtime.agent_runtime_id,
            name=DEFAULT_ENDPOINT,
            agent_runtime_version=None,
            description="The default endpoint",
            tags=None,
        )
        return runtime

    def update_agent_runtime(self, agent_runtime_id: str, *args: Any, **kwargs: Any):
        runtime = update(self, agent_runtime_id, *args, **kwargs)
        endpoint = self.agent_runtime_endpoints.get((agent_runtime_id, DEFAULT_ENDPOINT))
        if endpoint is not None:
            endpoint.live_version = endpoint.target_version = runtime.agent_runtime_version
            endpoint.agent_runtime_arn = runtime.agent_runtime_arn
        return runtime

    backend_class.create_agent_runtime = create_agent_runtime
    backend_class.update_agent_runtime = update_agent_runtime


def _runtimes_keep_their_metadata_configuration(response_class) -> None:
    update = response_class.update_agent_runtime

    def update_agent_runtime(self):
        result = update(self)
        metadata = self._get_params().get("metadataConfiguration")
        if metadata is not None:
            runtime = self.backend.get_agent_runtime(self._get_param("agentRuntimeId"))
            runtime.metadata_configuration = metadata
            runtime.version_details[runtime.agent_runtime_version] = details(runtime)
        return result

    response_class.update_agent_runtime = update_agent_runtime


def _gateways_name_their_web_acl(gateway_class) -> None:
    to_dict = gateway_class.to_dict

    def with_web_acl(self) -> dict:
        from moto.wafv2.models import wafv2_backends

        answer = to_dict(self)
        web_acl = wafv2_backends[self.account_id][self.region_name].get_web_acl_for_resource(
            self.gateway_arn
        )
        if web_acl is not None:
            answer["webAclArn"] = web_acl.arn
        return answer

    gateway_class.to_dict = with_web_acl


def _iam_simulates_principal_policies(response_class) -> None:
    from .iam_simulator import simulate_principal_policy

    response_class.simulate_principal_policy = simulate_principal_policy


def _endpoints_as_aws_names_them(endpoint_class) -> None:
    """runtime/<runtime ID>/runtime-endpoint/<name>, botocore's AgentRuntimeEndpointArn
    (moto names them agentEndpoint/<uuid>)."""
    create = endpoint_class.__init__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        create(self, *args, **kwargs)
        self.agent_runtime_endpoint_arn = f"{self.agent_runtime_arn}/runtime-endpoint/{self.name}"

    endpoint_class.__init__ = __init__


def _endpoints_list_their_versions(endpoint_class) -> None:
    summary = endpoint_class.to_summary

    def to_summary(self) -> dict:
        return dict(summary(self), liveVersion=self.live_version, targetVersion=self.target_version)

    endpoint_class.to_summary = to_summary


def _versions_answered_in_full(response_class) -> None:

    def get_agent_runtime(self):
        from moto.bedrockagentcorecontrol.exceptions import ResourceNotFoundException
        from moto.core.responses import ActionResult

        version = self.querystring.get("version", [None])[0]
        runtime = self.backend.get_agent_runtime(self._get_param("agentRuntimeId"))
        if version is None:
            version = runtime.agent_runtime_version
        if version not in runtime.version_details:
            raise ResourceNotFoundException(
                f"Could not find version {version} of Agent Runtime {runtime.agent_runtime_id}"
            )
        return ActionResult(copy.deepcopy(runtime.version_details[version]))

    response_class.get_agent_runtime = get_agent_runtime


class ResourcePolicies:
    """A WSGI layer answering Put/Get/DeleteResourcePolicy as AWS does, in front of moto."""

    def __init__(self, app) -> None:
        self.app = app
        self.policies: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        match = POLICY_PATH.match(environ.get("PATH_INFO", ""))
        if not match:
            return self.app(environ, start_response)
        from urllib.parse import unquote

        arn = unquote(match.group(1))
        method = environ.get("REQUEST_METHOD")
        with self._lock:
            if method == "PUT":
                length = int(environ.get("CONTENT_LENGTH") or 0)
                policy = json.loads(environ["wsgi.input"].read(length) or b"{}").get("policy")
                self.policies[arn] = policy
                return _json(start_response, "201 Created", {"policy": policy})
            if method == "DELETE" and self.policies.pop(arn, None) is not None:
                return _json(start_response, "204 No Content", None)
            if method == "GET" and arn in self.policies:
                return _json(start_response, "200 OK", {"policy": self.policies[arn]})
        return _json(
            start_response,
            "404 Not Found",
            {"message": f"No resource policy for {arn}"},
            error="ResourceNotFoundException",
        )


TOOL_PATH = re.compile(r"^/(browsers|code-interpreters)(?:/([^/]+))?/?$")
CALLER = re.compile(r"Credential=([^/]+)/[^/]+/([^/]+)/")
# What each kind of tool is called in its API and its ARNs.
TOOL_NAMES = {
    "browsers": ("browser", "browser-custom"),
    "code-interpreters": ("codeInterpreter", "code-interpreter-custom"),
}


class CustomTools:
    """A WSGI layer answering Create/List/Get/Delete of custom browsers and code interpreters
    (moto has neither) as AWS does, per account and region."""

    def __init__(self, app) -> None:
        self.app = app
        self.tools: dict[tuple[str, str, str], dict[str, dict]] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        match = TOOL_PATH.match(environ.get("PATH_INFO", ""))
        caller = CALLER.search(environ.get("HTTP_AUTHORIZATION", ""))
        if not match or not caller:
            return self.app(environ, start_response)
        from moto.iam.models import get_account_id_from

        kind, tool_id = match.groups()
        account, region = get_account_id_from(caller.group(1)), caller.group(2)
        method = environ.get("REQUEST_METHOD")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
        with self._lock:
            tools = self.tools.setdefault((kind, account, region), {})
            if method == "PUT" and tool_id is None:
                created = self._create(kind, account, region, body)
                tools[created[self._key(kind, "Id")]] = created
                keys = ("Id", "Arn")
                answer = {self._key(kind, key): created[self._key(kind, key)] for key in keys}
                return _json(
                    start_response,
                    "202 Accepted",
                    {**answer, "status": "READY", "createdAt": created["createdAt"]},
                )
            if method == "POST" and tool_id is None:
                summaries = (
                    []
                    if body.get("type") == "SYSTEM"
                    else [
                        {key: tool[key] for key in tool if key not in DETAIL_ONLY}
                        for tool in tools.values()
                    ]
                )
                listed = "browserSummaries" if kind == "browsers" else "codeInterpreterSummaries"
                return _json(start_response, "200 OK", {listed: summaries})
            if method == "GET" and tool_id in tools:
                return _json(start_response, "200 OK", tools[tool_id])
            if method == "DELETE" and tools.pop(tool_id, None) is not None:
                return _json(
                    start_response,
                    "202 Accepted",
                    {self._key(kind, "Id"): tool_id, "status": "DELETING"},
                )
        return _json(
            start_response, "404 Not Found", {"message": f"{tool_id} not found"},
            error="ResourceNotFoundException",
        )  # fmt: skip

    @staticmethod
    def _key(kind: str, suffix: str) -> str:
        return TOOL_NAMES[kind][0] + suffix

    def _create(self, kind: str, account: str, region: str, body: dict) -> dict:
        import hashlib
        import time

        name = body["name"]
        digest = hashlib.sha256(f"{account}/{region}/{kind}/{name}".encode()).hexdigest()[:10]
        tool_id = f"{name}-{digest}"
        now = time.time()
        created = {
            self._key(kind, "Id"): tool_id,
            self._key(kind, "Arn"): (
                f"arn:aws:bedrock-agentcore:{region}:{account}:{TOOL_NAMES[kind][1]}/{tool_id}"
            ),
            "name": name,
            "status": "READY",
            "createdAt": now,
            "lastUpdatedAt": now,
        }
        for member in ("description", "executionRoleArn", "networkConfiguration", "recording"):
            if member in body:
                created[member] = body[member]
        return created


# Members GetBrowser and GetCodeInterpreter answer that their list summaries do not.
DETAIL_ONLY = frozenset({"executionRoleArn", "networkConfiguration", "recording"})


def _json(start_response, status: str, body: dict | None, error: str | None = None):
    data = b"" if body is None else json.dumps(body).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    if error:
        headers.append(("x-amzn-ErrorType", error))
    start_response(status, headers)
    return [data]


SECURITY_HUB_PATHS = {
    ("POST", "/findings/import"): "BatchImportFindings",
    ("POST", "/findings"): "GetFindings",
    ("PATCH", "/findings/batchupdate"): "BatchUpdateFindings",
}
SIGNED_FOR = re.compile(r"Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/")
# What BatchImportFindings needs in every finding, and what it never changes once the finding
# exists: those are the customer's, set with BatchUpdateFindings.
ASFF_REQUIRED = (
    "AwsAccountId", "CreatedAt", "Description", "GeneratorId", "Id", "ProductArn", "Resources",
    "SchemaVersion", "Severity", "Title", "Types", "UpdatedAt",
)  # fmt: skip
CUSTOMER_FIELDS = ("Note", "UserDefinedFields", "VerificationState", "Workflow")
# GetFindings' string filters the layer answers, and where each looks in a finding.
STRING_FILTERS = {
    "Id": ("Id",), "ProductArn": ("ProductArn",), "GeneratorId": ("GeneratorId",),
    "AwsAccountId": ("AwsAccountId",), "Region": ("Region",), "RecordState": ("RecordState",),
    "ComplianceStatus": ("Compliance", "Status"), "WorkflowStatus": ("Workflow", "Status"),
    "SeverityLabel": ("Severity", "Label"),
}  # fmt: skip


class SecurityHubFindings:
    """A WSGI layer answering BatchImportFindings, GetFindings and BatchUpdateFindings as AWS
    does, per account and region, where moto (5.2) does not: moto imports into a hub that was
    never enabled, merges an update into the finding (Workflow included, which AWS keeps from
    BatchImportFindings), ignores GetFindings' Filters and has no BatchUpdateFindings. Hubs
    are enabled through moto's own EnableSecurityHub."""

    def __init__(self, app) -> None:
        self.app = app
        self.findings: dict[tuple[str, str], dict[str, dict]] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        operation = SECURITY_HUB_PATHS.get(
            (environ.get("REQUEST_METHOD"), environ.get("PATH_INFO", "").rstrip("/") or "/")
        )
        signed = SIGNED_FOR.search(environ.get("HTTP_AUTHORIZATION", ""))
        if operation is None or not signed or signed.group(3) != "securityhub":
            return self.app(environ, start_response)
        from moto.iam.models import get_account_id_from
        from moto.securityhub.models import securityhub_backends

        account, region = get_account_id_from(signed.group(1)), signed.group(2)
        if not securityhub_backends[account][region].enabled:
            return _json(
                start_response, "401 Unauthorized",
                {"Message": f"Account {account} is not subscribed to AWS Security Hub"},
                error="InvalidAccessException",
            )  # fmt: skip
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
        with self._lock:
            store = self.findings.setdefault((account, region), {})
            try:
                answer = getattr(self, "_" + operation)(store, account, region, body)
            except ValueError as exc:
                return _json(
                    start_response, "400 Bad Request", {"Message": str(exc)},
                    error="InvalidInputException",
                )  # fmt: skip
        return _json(start_response, "200 OK", answer)

    @staticmethod
    def _BatchImportFindings(store: dict, account: str, region: str, body: dict) -> dict:  # noqa: N802
        findings = body.get("Findings") or []
        if not 1 <= len(findings) <= 100:
            raise ValueError("Findings must hold 1 to 100 findings")
        product = f"arn:aws:securityhub:{region}:{account}:product/{account}/default"
        failed = []
        for finding in findings:
            missing = [key for key in ASFF_REQUIRED if not finding.get(key)]
            problem = None
            if missing:
                problem = f"missing {', '.join(missing)}"
            elif finding["AwsAccountId"] != account:
                problem = "AwsAccountId is not the caller's account"
            elif finding["ProductArn"] != product:
                problem = "ProductArn is not the caller's default product"
            if problem:
                failed.append(
                    {
                        "Id": finding.get("Id", ""),
                        "ErrorCode": "InvalidInput",
                        "ErrorMessage": problem,
                    }
                )
                continue
            stored = copy.deepcopy(finding)
            before = store.get(finding["Id"])
            if before is None:
                stored.setdefault("Workflow", {"Status": "NEW"})
            else:
                for key in CUSTOMER_FIELDS:
                    stored.pop(key, None)
                    if key in before:
                        stored[key] = before[key]
                _reset_workflow(before, stored)
            stored.setdefault("RecordState", "ACTIVE")
            stored["WorkflowState"] = stored["Workflow"]["Status"]
            stored.update(Region=region, ProductName="Default", CompanyName="Personal")
            stored.setdefault("ProductFields", {}).update({
                "aws/securityhub/FindingId": f"{product}/{finding['Id']}",
                "aws/securityhub/ProductName": "Default",
                "aws/securityhub/CompanyName": "Personal",
            })  # fmt: skip
            store[finding["Id"]] = stored
        return {
            "FailedCount": len(failed),
            "SuccessCount": len(findings) - len(failed),
            "FailedFindings": failed,
        }

    @staticmethod
    def _GetFindings(store: dict, account: str, region: str, body: dict) -> dict:  # noqa: N802
        filters = body.get("Filters") or {}
        unknown = set(filters) - set(STRING_FILTERS) - {"ProductFields"}
        if unknown:
            raise ValueError(f"the fake Security Hub answers no filter {sorted(unknown)[0]}")
        size = int(body.get("MaxResults") or 100)
        if not 1 <= size <= 100:
            raise ValueError("MaxResults must be a number between 1 and 100")
        found = [f for f in store.values() if _matches(f, filters)]
        start = int(body.get("NextToken") or 0)
        answer = {"Findings": copy.deepcopy(found[start : start + size])}
        if start + size < len(found):
            answer["NextToken"] = str(start + size)
        return answer

    @staticmethod
    def _BatchUpdateFindings(store: dict, account: str, region: str, body: dict) -> dict:  # noqa: N802
        identifiers = body.get("FindingIdentifiers") or []
        if not 1 <= len(identifiers) <= 100:
            raise ValueError("FindingIdentifiers must hold 1 to 100 identifiers")
        processed, unprocessed = [], []
        for identifier in identifiers:
            finding = store.get(identifier.get("Id"))
            if finding is None or finding["ProductArn"] != identifier.get("ProductArn"):
                unprocessed.append(
                    {"FindingIdentifier": identifier, "ErrorCode": "FindingNotFound",
                     "ErrorMessage": "Finding Not Found"}
                )  # fmt: skip
                continue
            if "Workflow" in body:
                finding["Workflow"] = dict(body["Workflow"])
                finding["WorkflowState"] = body["Workflow"]["Status"]
            processed.append(identifier)
        return {"ProcessedFindings": processed, "UnprocessedFindings": unprocessed}


def _reset_workflow(before: dict, after: dict) -> None:
    """What AWS does to a finding's Workflow when it comes back: NEW again (unless suppressed)
    when an archived finding is active again or a passed one fails."""
    if before["Workflow"]["Status"] == "SUPPRESSED":
        return
    reopened = (
        before.get("RecordState") == "ARCHIVED" and after.get("RecordState", "ACTIVE") == "ACTIVE"
    )
    was = before.get("Compliance", {}).get("Status")
    now = after.get("Compliance", {}).get("Status")
    if reopened or (was == "PASSED" and now in ("FAILED", "WARNING", "NOT_AVAILABLE")):
        after["Workflow"] = {"Status": "NEW"}


def _matches(finding: dict, filters: dict) -> bool:
    """AWS's filter semantics: every attribute filtered must match; within one, any positive
    comparison and every negative one."""
    for name, conditions in filters.items():
        if name == "ProductFields":
            values = [(finding.get("ProductFields") or {}).get(c["Key"]) for c in conditions]
            tests = [(c["Comparison"], value, c["Value"]) for c, value in zip(conditions, values)]
        else:
            value: Any = finding
            for key in STRING_FILTERS[name]:
                value = value.get(key) if isinstance(value, dict) else None
            tests = [(c["Comparison"], value, c["Value"]) for c in conditions]
        positive = [t for t in tests if not t[0].startswith(("NOT_", "PREFIX_NOT"))]
        negative = [t for t in tests if t not in positive]
        if positive and not any(_compare(*t) for t in positive):
            return False
        if not all(_compare(*t) for t in negative):
            return False
    return True


def _compare(comparison: str, value: Any, wanted: str) -> bool:
    text = value if isinstance(value, str) else None
    return {
        "EQUALS": text == wanted,
        "NOT_EQUALS": text != wanted,
        "PREFIX": text is not None and text.startswith(wanted),
        "PREFIX_NOT_EQUALS": text is None or not text.startswith(wanted),
    }[comparison]
