"""The IAM action each AWS call needs, in one place: the hint of a denied call, the error rows
of `control_results` and the policy `agentcore-fdw iam-policy` prints all name it from here.

An action is the service's IAM prefix (botocore's signing name: `bedrock-agentcore` for the
`bedrock-agentcore-control` client) and the operation's name, except for the calls below.
This module loads nothing of boto3: a query the shared cache serves names actions too.
"""

from __future__ import annotations

# (IAM prefix, operation) -> its action when that is not prefix:operation, or None when the
# call needs no permission at all.
EXCEPTIONS: dict[tuple[str, str], str | None] = {
    # AWS answers it for every principal, whatever a policy says (even an explicit Deny).
    ("sts", "GetCallerIdentity"): None,
}


def iam_action(prefix: str, operation: str) -> str | None:
    """The IAM action a call of `operation` needs on the service whose IAM prefix is `prefix`;
    None when it needs none."""
    return EXCEPTIONS.get((prefix, operation), f"{prefix}:{operation}")
