"""agentcore.code_interpreters: AgentCore custom code interpreters and their network."""

from __future__ import annotations

from ..core.answers import without_metadata
from ..core.table import (
    TEXT,
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

CODE_INTERPRETER_ID = model_pattern(
    "bedrock-agentcore-control", "GetCodeInterpreter", "codeInterpreterId"
)


def list_code_interpreters(client, parent=None):
    return paged(
        client.list_code_interpreters, "codeInterpreterSummaries", type="CUSTOM", maxResults=100
    )


def get_code_interpreter(client, summary):
    return get_code_interpreter_by_id(client, summary["codeInterpreterId"])


def get_code_interpreter_by_id(client, code_interpreter_id):
    return without_metadata(client.get_code_interpreter(codeInterpreterId=code_interpreter_id))


TABLE = Table(
    name="code_interpreters",
    description="Amazon Bedrock AgentCore custom code interpreters (AWS's own "
    "aws.codeinterpreter.v1 is not listed) and the network the code they run can reach.",
    service="bedrock-agentcore-control",
    list_items=list_code_interpreters,
    list_operation="ListCodeInterpreters",
    identity=("codeInterpreterId", "codeInterpreterArn"),
    get_detail=get_code_interpreter,
    detail_operation="GetCodeInterpreter",
    change_marker=listed_state("lastUpdatedAt", "status"),
    detail_error_column="detail_error",
    key_column="code_interpreter_id",
    key_item=get_code_interpreter_by_id,
    key_item_operation="GetCodeInterpreter",
    key_pattern=CODE_INTERPRETER_ID,
    pushdown=with_pushdown(code_interpreter_id=by_keys),
    rows_per_scope=3,
    columns=common_columns()
    + (
        Column("code_interpreter_id", TEXT, "The code interpreter's ID.", "codeInterpreterId"),
        Column("arn", TEXT, "The code interpreter's ARN.", "codeInterpreterArn"),
        Column("name", TEXT, "The code interpreter's name.", "name"),
        Column("status", TEXT, "CREATING, READY, DELETING or a failure.", "status"),
        Column(
            "network_mode",
            TEXT,
            "PUBLIC (the internet), SANDBOX (no network but AWS's S3 and the like) or VPC.",
            "networkConfiguration.networkMode",
            True,
        ),
        Column(
            "execution_role_arn",
            TEXT,
            "The IAM role the code interpreter runs as.",
            "executionRoleArn",
            True,
        ),
        detail_error("its details could not be read."),
    ),
)
