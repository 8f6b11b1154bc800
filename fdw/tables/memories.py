"""agentcore.memories: AgentCore memories, and the key that encrypts each."""

from __future__ import annotations

from ..core.answers import member
from ..core.table import (
    BIGINT,
    JSONB,
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

MEMORY_ID = model_pattern("bedrock-agentcore-control", "GetMemory", "memoryId")


def list_memories(client, parent=None):
    return paged(client.list_memories, "memories", maxResults=100)


def get_memory(client, summary):
    return get_memory_by_id(client, summary["id"])


def get_memory_by_id(client, memory_id):
    return member(client.get_memory(memoryId=memory_id), "memory")


TABLE = Table(
    name="memories",
    description="Amazon Bedrock AgentCore memories: what they keep, for how long, and the KMS "
    "key that encrypts them (NULL: a key AWS owns).",
    service="bedrock-agentcore-control",
    list_items=list_memories,
    list_operation="ListMemories",
    identity=("id", "arn"),
    get_detail=get_memory,
    detail_operation="GetMemory",
    change_marker=listed_state("updatedAt", "status"),
    detail_error_column="detail_error",
    key_column="memory_id",
    key_item=get_memory_by_id,
    key_item_operation="GetMemory",
    key_pattern=MEMORY_ID,
    pushdown=with_pushdown(memory_id=by_keys),
    rows_per_scope=5,
    columns=common_columns()
    + (
        Column("memory_id", TEXT, "The memory's ID.", "id"),
        Column("memory_arn", TEXT, "The memory's ARN.", "arn"),
        Column("name", TEXT, "The memory's name.", "name", True),
        Column("status", TEXT, "CREATING, ACTIVE, FAILED or DELETING.", "status"),
        Column(
            "encryption_key_arn",
            TEXT,
            "The customer managed KMS key that encrypts the memory; NULL when AWS's own key "
            "does (it can only be chosen when the memory is created).",
            "encryptionKeyArn",
            True,
        ),
        Column(
            "memory_execution_role_arn",
            TEXT,
            "The IAM role the memory's strategies run as.",
            "memoryExecutionRoleArn",
            True,
        ),
        Column(
            "event_expiry_days",
            BIGINT,
            "Days events are kept.",
            "eventExpiryDuration",
            True,
        ),
        Column(
            "strategies",
            JSONB,
            "The memory's strategies (semantic, summary, user preference, custom).",
            "strategies",
            True,
        ),
        Column("created_at", TIMESTAMPTZ, "When the memory was created.", "createdAt"),
        Column("updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
        detail_error("the memory's details could not be read."),
    ),
)
