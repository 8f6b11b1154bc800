"""agentcore.payment_managers: AgentCore payment managers, which let agents pay, each behind
an authorizer of its own."""

from __future__ import annotations

from ..core.answers import without_metadata
from ..core.table import (
    TEXT,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)
from .authorizers import declared_authorizer_type, jwt_columns

SERVICE = "bedrock-agentcore-control"
PAYMENT_MANAGER_ID = model_pattern(SERVICE, "GetPaymentManager", "paymentManagerId")


def list_payment_managers(client, parent=None):
    return paged(client.list_payment_managers, "paymentManagers", maxResults=100)


def get_payment_manager(client, summary):
    return get_payment_manager_by_id(client, summary["paymentManagerId"])


def get_payment_manager_by_id(client, manager_id):
    return without_metadata(client.get_payment_manager(paymentManagerId=manager_id))


def payment_authorizer_type(item):
    return declared_authorizer_type(item, "PaymentsAuthorizerType")


TABLE = Table(
    name="payment_managers",
    description="Amazon Bedrock AgentCore payment managers: the authorizer their callers pass "
    "(CUSTOM_JWT or AWS_IAM), flattened as for runtimes, the role they act as and the KMS key "
    "that encrypts their data (NULL: a key AWS owns). Descriptions and tags are not read out.",
    service=SERVICE,
    list_items=list_payment_managers,
    list_operation="ListPaymentManagers",
    identity=("paymentManagerId", "paymentManagerArn"),
    get_detail=get_payment_manager,
    detail_operation="GetPaymentManager",
    change_marker=listed_state("lastUpdatedAt", "status", "authorizerType"),
    detail_error_column="detail_error",
    key_column="payment_manager_id",
    key_item=get_payment_manager_by_id,
    key_item_operation="GetPaymentManager",
    key_pattern=PAYMENT_MANAGER_ID,
    pushdown=with_pushdown(payment_manager_id=by_keys),
    rows_per_scope=3,
    columns=common_columns()
    + (
        Column("payment_manager_id", TEXT, "The payment manager's ID.", "paymentManagerId"),
        Column("payment_manager_arn", TEXT, "The payment manager's ARN.", "paymentManagerArn"),
        Column("name", TEXT, "The payment manager's name.", "name"),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("created_at", TIMESTAMPTZ, "When it was created.", "createdAt"),
        Column("last_updated_at", TIMESTAMPTZ, "When it last changed.", "lastUpdatedAt"),
        Column("role_arn", TEXT, "The IAM role the payment manager acts as.", "roleArn"),
        Column(
            "kms_key_arn",
            TEXT,
            "The customer managed KMS key encrypting its data at rest; NULL: a key AWS owns.",
            "kmsKeyArn",
        ),
        Column(
            "authorizer_type",
            TEXT,
            "CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4); "
            "UNKNOWN(...) for a type the model does not list, none, or a configuration of "
            "another kind (judged error).",
            payment_authorizer_type,
            True,
        ),
    )
    + jwt_columns("authorizerConfiguration")
    + (
        Column(
            "workload_identity_arn",
            TEXT,
            "The payment manager's workload identity.",
            "workloadIdentityDetails.workloadIdentityArn",
            True,
        ),
        detail_error("the payment manager's details could not be read."),
    ),
)
