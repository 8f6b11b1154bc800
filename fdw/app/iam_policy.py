"""The least-privilege IAM policy for this version: `agentcore-fdw iam-policy`.

Made from what the code declares it calls, never from a list kept beside it: each table's
operations (fdw/tables, Table.aws_calls) and the core's own (the CALLS of core/aws.py and
core/accounts.py), each named as IAM names it (core/permissions.py). Every read action is
listed by name: a wildcard such as bedrock-agentcore:Get* would also grant
GetWorkloadAccessToken and GetResourceApiKey, which hand out credentials. What
`check --to-security-hub` calls (app/security_hub.py's CALLS) is a second statement, printed
only with --with-security-hub: the read policy grants no write.
"""

from __future__ import annotations

import json

from ..core import accounts, aws
from ..core.permissions import iam_action
from ..tables import TABLES
from . import security_hub


def aws_calls() -> list[tuple[str, str]]:
    """Every (boto3 service, operation) this version may call, each once."""
    calls = [call for table in TABLES.values() for call in table.aws_calls]
    return list(dict.fromkeys([*calls, *aws.CALLS, *accounts.CALLS]))


def actions(calls: list[tuple[str, str]] | None = None) -> list[str]:
    """The IAM actions `calls` (default: aws_calls()) need, sorted (a call that needs none is
    left out)."""
    calls = aws_calls() if calls is None else calls
    needed = (iam_action(aws.iam_prefix(service), operation) for service, operation in calls)
    return sorted({action for action in needed if action is not None})


def policy(with_security_hub: bool = False) -> dict:
    """The read policy; with_security_hub adds a statement of its own for
    `check --to-security-hub`, the one thing that writes to AWS, asked for by name."""
    statements = [
        {"Sid": "AgentcoreFdwRead", "Effect": "Allow", "Action": actions(), "Resource": "*"}
    ]
    if with_security_hub:
        statements.append(
            {
                "Sid": "AgentcoreFdwSecurityHubImport",
                "Effect": "Allow",
                "Action": actions(list(security_hub.CALLS)),
                "Resource": "*",
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


def policy_text(with_security_hub: bool = False) -> str:
    return json.dumps(policy(with_security_hub), indent=2) + "\n"
