"""The fake AWS answers the AgentCore kinds moto lacks (registries, payment managers,
harnesses with their versions and endpoints) as botocore's model says AWS does, through boto3,
seeded with the Seeder's helpers. Everything here lives in a region no other test seeds."""

from __future__ import annotations

import re

import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from agentcore_fdw.demo.estate import Seeder

REGION = "eu-central-1"  # no other test seeds it (ca-central-1 is test_cache's probe region)
OTHER_ACCOUNT = "444455556666"
ROLE = "arn:aws:iam::123456789012:role/kinds-role"
MODEL = botocore.session.get_session().get_service_model("bedrock-agentcore-control")


def jwt(name: str) -> dict:
    return {"discoveryUrl": f"https://{name}.example.com/.well-known/openid-configuration"}


@pytest.fixture(scope="module")
def seeder(aws, tmp_path_factory):
    return Seeder(aws.endpoint_url, tmp_path_factory.mktemp("kinds"), OTHER_ACCOUNT)


@pytest.fixture(scope="module")
def agents(seeder):
    return seeder.client(seeder.sessions["default"], "bedrock-agentcore-control", REGION)


@pytest.fixture(scope="module")
def unchecked(seeder):
    """A client that sends what botocore would refuse to, to see what the fake refuses."""
    return seeder.sessions["default"].client(
        "bedrock-agentcore-control", region_name=REGION, endpoint_url=seeder.endpoint_url,
        config=Config(parameter_validation=False),
    )  # fmt: skip


def complete(answer: dict, shape: str) -> dict:
    """`answer`, once it is seen to hold every member the model's `shape` requires."""
    missing = set(MODEL.shape_for(shape).required_members) - set(answer)
    assert not missing, f"{shape} lacks {missing}"
    return answer


def refusal(call, **params) -> tuple[int, str]:
    with pytest.raises(ClientError) as caught:
        call(**params)
    return caught.value.response["ResponseMetadata"]["HTTPStatusCode"], caught.value.response[
        "Error"
    ]["Code"]


def matches(operation: str, member: str, value: str) -> bool:
    pattern = MODEL.operation_model(operation).input_shape.members[member].metadata["pattern"]
    return re.fullmatch(pattern, value) is not None


def test_registries_are_made_read_listed_updated_and_deleted(seeder, agents):
    plain = seeder.add_registry("default", REGION, "kinds-tools", description="MCP servers")
    guarded = seeder.add_registry("default", REGION, "kinds-guarded", jwt=jwt("idp"))
    assert matches("GetRegistry", "registryId", plain)
    arn = seeder.registries["kinds-tools"]["arn"]
    assert arn == f"arn:aws:bedrock-agentcore:{REGION}:123456789012:registry/{plain}"

    by_id = complete(agents.get_registry(registryId=plain), "GetRegistryResponse")
    by_arn = agents.get_registry(registryId=arn)
    assert by_id["registryArn"] == by_arn["registryArn"] == arn
    assert by_id["authorizerType"] == "AWS_IAM"  # CreateRegistry named none
    assert by_id["approvalConfiguration"] == {"autoApproval": False}
    assert by_id["status"] == "READY" and by_id["description"] == "MCP servers"
    assert agents.get_registry(registryId=guarded)["authorizerConfiguration"] == {
        "customJWTAuthorizer": jwt("idp")
    }

    listed = {r["registryId"]: r for r in agents.list_registries(maxResults=100)["registries"]}
    assert {plain, guarded} <= set(listed)
    summary_members = set(MODEL.shape_for("RegistrySummary").members)
    assert set(complete(listed[guarded], "RegistrySummary")) <= summary_members
    jwt_only = agents.list_registries(authorizerType="CUSTOM_JWT", maxResults=100)["registries"]
    assert guarded in {r["registryId"] for r in jwt_only}
    assert plain not in {r["registryId"] for r in jwt_only}
    assert agents.list_registries(status="DELETING")["registries"] == []

    updated = agents.update_registry(
        registryId=plain, description={"optionalValue": "MCP servers, reviewed"},
        approvalConfiguration={"optionalValue": {"autoApproval": True}},
    )  # fmt: skip
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 202
    again = agents.get_registry(registryId=plain)
    assert again["description"] == "MCP servers, reviewed"
    assert again["approvalConfiguration"] == {"autoApproval": True}
    assert again["updatedAt"] >= again["createdAt"]
    agents.update_registry(registryId=plain, description={})  # a wrapper without a value clears
    assert "description" not in agents.get_registry(registryId=plain)

    for registry in (plain, guarded):
        deleted = agents.delete_registry(registryId=registry)
        assert deleted["status"] == "DELETING"
        assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202
        assert refusal(agents.get_registry, registryId=registry) == (
            404,
            "ResourceNotFoundException",
        )


def test_payment_managers_are_made_read_listed_updated_and_deleted(seeder, agents):
    manager = seeder.add_payment_manager("default", REGION, "KindsPayments", description="Shop")
    assert manager.startswith("kindspayments-")
    assert matches("GetPaymentManager", "paymentManagerId", manager)

    got = complete(
        agents.get_payment_manager(paymentManagerId=manager), "GetPaymentManagerResponse"
    )
    assert got["paymentManagerArn"] == (
        f"arn:aws:bedrock-agentcore:{REGION}:123456789012:payment-manager/{manager}"
    )
    assert got["workloadIdentityDetails"]["workloadIdentityArn"] == (
        f"arn:aws:bedrock-agentcore:{REGION}:123456789012:"
        "workload-identity-directory/default/workload-identity/KindsPayments"
    )
    assert got["authorizerType"] == "AWS_IAM" and got["status"] == "READY"

    listed = agents.list_payment_managers(maxResults=100)["paymentManagers"]
    summary = next(m for m in listed if m["paymentManagerId"] == manager)
    assert set(complete(summary, "PaymentManagerSummary")) <= set(
        MODEL.shape_for("PaymentManagerSummary").members
    )
    assert "workloadIdentityDetails" not in summary

    updated = agents.update_payment_manager(
        paymentManagerId=manager, authorizerType="CUSTOM_JWT",
        authorizerConfiguration={"customJWTAuthorizer": jwt("payments")},
    )  # fmt: skip
    assert complete(updated, "UpdatePaymentManagerResponse")["authorizerType"] == "CUSTOM_JWT"
    assert agents.get_payment_manager(paymentManagerId=manager)["description"] == "Shop"

    deleted = agents.delete_payment_manager(paymentManagerId=manager)
    assert (deleted["status"], deleted["paymentManagerId"]) == ("DELETING", manager)
    assert refusal(agents.get_payment_manager, paymentManagerId=manager)[1] == (
        "ResourceNotFoundException"
    )


def test_a_harness_keeps_every_version_it_had(seeder, agents):
    harness = seeder.add_harness(
        "default", REGION, "kinds_helper", jwt=jwt("first"), systemPrompt=[{"text": "Be brief."}],
        environmentVariables={"LOG_LEVEL": "info"},
    )  # fmt: skip
    assert harness.startswith("kinds_helper-") and matches("GetHarness", "harnessId", harness)
    first = complete(agents.get_harness(harnessId=harness)["harness"], "Harness")
    assert first["harnessVersion"] == "1"
    assert first["arn"] == f"arn:aws:bedrock-agentcore:{REGION}:123456789012:harness/{harness}"
    assert first["allowedTools"] == ["*"] and first["tools"] == []  # what AWS fills in
    runtime = first["environment"]["agentCoreRuntimeEnvironment"]
    complete(runtime, "HarnessAgentCoreRuntimeEnvironment")

    assert seeder.update_harness("kinds_helper", jwt=jwt("second")) == "2"
    current = agents.get_harness(harnessId=harness)["harness"]
    assert current["harnessVersion"] == "2"
    assert current["authorizerConfiguration"] == {"customJWTAuthorizer": jwt("second")}
    assert current["systemPrompt"] == [{"text": "Be brief."}]  # what the update did not name
    assert current["environmentVariables"] == {"LOG_LEVEL": "info"}
    assert current["createdAt"] == first["createdAt"]

    old = agents.get_harness(harnessId=harness, harnessVersion="1")["harness"]
    assert old["harnessVersion"] == "1"
    assert old["authorizerConfiguration"] == {"customJWTAuthorizer": jwt("first")}
    assert refusal(agents.get_harness, harnessId=harness, harnessVersion="3") == (
        404,
        "ResourceNotFoundException",
    )

    # An update's wrapper without optionalValue clears the authorizer, in a version of its own.
    assert seeder.update_harness("kinds_helper", authorizerConfiguration={}) == "3"
    assert "authorizerConfiguration" not in agents.get_harness(harnessId=harness)["harness"]

    versions = agents.list_harness_versions(harnessId=harness)["harnessVersions"]
    assert [v["harnessVersion"] for v in versions] == ["1", "2", "3"]
    for version in versions:
        complete(version, "HarnessVersionSummary")
    listed = agents.list_harnesses(maxResults=100)["harnesses"]
    summary = next(h for h in listed if h["harnessId"] == harness)
    assert complete(summary, "HarnessSummary")["harnessVersion"] == "3"
    assert "authorizerConfiguration" not in summary

    deleted = agents.delete_harness(harnessId=harness)["harness"]
    assert deleted["status"] == "DELETING"
    assert refusal(agents.get_harness, harnessId=harness)[1] == "ResourceNotFoundException"
    assert refusal(agents.list_harness_versions, harnessId=harness)[0] == 404


def test_a_harness_endpoint_can_be_left_updating_to_another_version(seeder, agents):
    harness = seeder.add_harness("default", REGION, "kinds_door")
    seeder.update_harness("kinds_door", jwt=jwt("door"))
    # No DEFAULT endpoint comes with a harness: the model says nothing of one.
    assert agents.list_harness_endpoints(harnessId=harness)["endpoints"] == []

    latest = seeder.add_harness_endpoint("kinds_door", "latest")
    assert latest == (
        f"arn:aws:bedrock-agentcore:{REGION}:123456789012:harness/{harness}/harness-endpoint/latest"
    )
    seeder.add_harness_endpoint("kinds_door", "prod", "1")
    made = agents.get_harness_endpoint(harnessId=harness, endpointName="latest")["endpoint"]
    assert (made["liveVersion"], made["targetVersion"], made["status"]) == ("2", "2", "READY")
    complete(made, "HarnessEndpoint")

    seeder.update_harness_endpoint("kinds_door", "prod", "2")
    prod = agents.get_harness_endpoint(harnessId=harness, endpointName="prod")["endpoint"]
    assert (prod["liveVersion"], prod["targetVersion"], prod["status"]) == ("1", "2", "UPDATING")
    listed = {
        e["endpointName"]: e for e in agents.list_harness_endpoints(harnessId=harness)["endpoints"]
    }
    assert set(listed) == {"latest", "prod"} and listed["prod"]["liveVersion"] == "1"

    assert refusal(
        agents.create_harness_endpoint, harnessId=harness, endpointName="future", targetVersion="9"
    ) == (404, "ResourceNotFoundException")
    assert refusal(agents.create_harness_endpoint, harnessId=harness, endpointName="prod") == (
        409,
        "ConflictException",
    )
    gone = agents.delete_harness_endpoint(harnessId=harness, endpointName="latest")["endpoint"]
    assert gone["status"] == "DELETING"
    assert refusal(agents.get_harness_endpoint, harnessId=harness, endpointName="latest")[0] == 404

    agents.delete_harness(harnessId=harness)  # and its endpoints with it
    assert refusal(agents.get_harness_endpoint, harnessId=harness, endpointName="prod") == (
        404,
        "ResourceNotFoundException",
    )


def pages(call, listed: str, **params) -> list[list[dict]]:
    found, token = [], None
    while True:
        answer = call(**params, **({"nextToken": token} if token else {}))
        found.append(answer[listed])
        token = answer.get("nextToken")
        if not token:
            return found


def test_lists_page_by_max_results_and_next_token(seeder, agents):
    registries = [seeder.add_registry("default", REGION, f"kinds-paged-{n}") for n in range(3)]
    managers = [seeder.add_payment_manager("default", REGION, f"KindsPaged{n}") for n in range(3)]
    harnesses = [seeder.add_harness("default", REGION, f"kinds_paged_{n}") for n in range(3)]
    for version in ("2", "3"):
        assert seeder.update_harness("kinds_paged_0", maxIterations=int(version)) == version
    for name in ("one", "two", "three"):
        seeder.add_harness_endpoint("kinds_paged_0", name)
    lists = [
        (agents.list_registries, "registries", "registryId", registries, {}),
        (agents.list_payment_managers, "paymentManagers", "paymentManagerId", managers, {}),
        (agents.list_harnesses, "harnesses", "harnessId", harnesses, {}),
        (agents.list_harness_versions, "harnessVersions", "harnessVersion", ["1", "2", "3"],
         {"harnessId": harnesses[0]}),
        (agents.list_harness_endpoints, "endpoints", "endpointName", ["one", "two", "three"],
         {"harnessId": harnesses[0]}),
    ]  # fmt: skip
    for call, listed, key, made, params in lists:
        found = pages(call, listed, maxResults=2, **params)
        assert len(found) >= 2 and all(len(page) <= 2 for page in found), listed
        keys = [item[key] for page in found for item in page]
        assert len(keys) == len(set(keys)) and set(made) <= set(keys), listed

    assert refusal(agents.list_harnesses, nextToken="not-a-token") == (400, "ValidationException")
    token = agents.list_registries(maxResults=1)["nextToken"]
    assert refusal(agents.list_harnesses, nextToken=token)[1] == "ValidationException"

    for harness in harnesses:
        agents.delete_harness(harnessId=harness)
    for registry in registries:
        agents.delete_registry(registryId=registry)
    for manager in managers:
        agents.delete_payment_manager(paymentManagerId=manager)


def test_the_fake_refuses_what_aws_refuses(seeder, agents, unchecked):
    invalid = (400, "ValidationException")
    assert refusal(agents.get_harness, harnessId="no such id") == invalid
    assert refusal(agents.get_registry, registryId="short") == invalid
    assert refusal(agents.get_payment_manager, paymentManagerId="Upper-Case0000") == invalid
    assert (
        refusal(agents.get_harness_endpoint, harnessId="kinds_x-0123456789", endpointName="a-b")
        == invalid
    )
    assert (
        refusal(agents.create_harness, harnessName="kinds-dash", executionRoleArn=ROLE) == invalid
    )
    assert (
        refusal(agents.get_harness, harnessId="kinds_x-0123456789", harnessVersion="0") == invalid
    )
    # What botocore itself would not send: a missing required member, a value out of range.
    assert refusal(unchecked.create_payment_manager, name="KindsNoType", roleArn=ROLE) == invalid
    assert refusal(unchecked.list_harnesses, maxResults=0) == invalid
    assert refusal(unchecked.create_registry, name="kinds-x", authorizerType="OAUTH") == invalid
    # CUSTOM_JWT without its configuration (CreateRegistry's documentation).
    assert refusal(agents.create_registry, name="kinds-x", authorizerType="CUSTOM_JWT") == invalid

    not_found = (404, "ResourceNotFoundException")
    assert refusal(agents.get_harness, harnessId="kinds_gone-0123456789") == not_found
    assert refusal(agents.get_registry, registryId="000000000000") == not_found
    assert refusal(agents.delete_payment_manager, paymentManagerId="gone-0123456789") == not_found
    assert refusal(agents.list_harness_endpoints, harnessId="kinds_gone-0123456789") == not_found

    seeder.add_registry("default", REGION, "kinds-once")
    assert refusal(agents.create_registry, name="kinds-once") == (409, "ConflictException")
    agents.delete_registry(registryId=seeder.registries["kinds-once"]["id"])


def test_each_account_and_region_sees_only_its_own(seeder, agents):
    harness = seeder.add_harness("default", REGION, "kinds_mine")
    partner = seeder.client(seeder.sessions["partner"], "bedrock-agentcore-control", REGION)
    elsewhere = seeder.client(seeder.sessions["default"], "bedrock-agentcore-control", "sa-east-1")
    for other in (partner, elsewhere):
        assert harness not in {h["harnessId"] for h in other.list_harnesses()["harnesses"]}
        assert refusal(other.get_harness, harnessId=harness)[0] == 404
    theirs = seeder.add_harness("partner", REGION, "kinds_mine")  # the same name, elsewhere
    assert theirs != harness
    assert f":{OTHER_ACCOUNT}:harness/" in seeder.harnesses["kinds_mine"]["arn"]
    partner.delete_harness(harnessId=theirs)
    agents.delete_harness(harnessId=harness)


def test_the_request_log_names_each_operation(aws, seeder, agents):
    harness = seeder.add_harness("default", REGION, "kinds_logged")
    seeder.add_harness_endpoint("kinds_logged", "live")
    registry = seeder.add_registry("default", REGION, "kinds-logged")
    mark = aws.mark()
    agents.list_harnesses()
    agents.list_harness_versions(harnessId=harness)
    agents.list_harness_endpoints(harnessId=harness)
    agents.get_harness_endpoint(harnessId=harness, endpointName="live")
    agents.update_harness_endpoint(harnessId=harness, endpointName="live", targetVersion="1")
    agents.get_registry(registryId=seeder.registries["kinds-logged"]["arn"])
    agents.list_payment_managers()
    for operation in (
        "ListHarnesses", "ListHarnessVersions", "ListHarnessEndpoints", "GetHarnessEndpoint",
        "UpdateHarnessEndpoint", "GetRegistry", "ListPaymentManagers",
    ):  # fmt: skip
        assert aws.count(mark, operation, region=REGION) == 1, operation
    assert aws.count(mark, "GetHarness") == 0
    agents.delete_harness(harnessId=harness)
    agents.delete_registry(registryId=registry)
