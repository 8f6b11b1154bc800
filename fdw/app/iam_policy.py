"""The least-privilege IAM policy for this version: `agentcore-fdw iam-policy`.

Made from what the code declares it calls, never from a list kept beside it: each table's
operations (fdw/tables, Table.aws_calls) and the core's own (the CALLS of core/aws.py and
core/accounts.py), each named as IAM names it (core/permissions.py). Every read action is
listed by name: a wildcard such as bedrock-agentcore:Get* would also grant
GetWorkloadAccessToken and GetResourceApiKey, which hand out credentials.
"""

from __future__ import annotations

import json

from ..core import accounts, aws
from ..core.permissions import iam_action
from ..tables import TABLES


def aws_calls() -> list[tuple[str, str]]:
    """Every (boto3 service, operation) this version may call, each once."""
    calls = [call for table in TABLES.values() for call in table.aws_calls]
    return list(dict.fromkeys([*calls, *aws.CALLS, *accounts.CALLS]))


def actions() -> list[str]:
    """The IAM actions those calls need, sorted (a call that needs none is left out)."""
    needed = (iam_action(aws.iam_prefix(service), operation) for service, operation in aws_calls())
    return sorted({action for action in needed if action is not None})


def policy() -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "AgentcoreFdwRead", "Effect": "Allow", "Action": actions(), "Resource": "*"}
        ],
    }


def policy_text() -> str:
    return json.dumps(policy(), indent=2) + "\n"
