"""agentcore.accounts: every account the server options name, how it is reached, and whether
it can be: the place where an account that is not read says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.table import TEXT, Column, Request, Table, by_account

if TYPE_CHECKING:
    from ..core.aws import AwsContext

OK = "ok"
SKIPPED = "skipped"


def read_accounts(aws: AwsContext, request: Request, warn=None, read_table=None) -> list[dict]:
    """One item per account; each role is assumed (in parallel) to learn whether it can be."""
    from concurrent.futures import ThreadPoolExecutor  # as AWS is read, not at every import

    from ..core.accounts import accounts
    from ..core.aws import error_code, error_message

    named = [
        account
        for account in accounts(aws)
        if request.accounts is None or account.account_id in request.accounts
    ]

    def status(account) -> tuple[str, str | None]:
        if account.skipped:
            return SKIPPED, account.skipped
        try:
            account.credentials.ready()
        except Exception as exc:  # any failure to reach it is its status, never the query's
            return error_code(exc), error_message(exc, aws.settings)
        return OK, None

    with ThreadPoolExecutor(max_workers=aws.settings.max_concurrency) as pool:
        statuses = list(pool.map(status, named))
    return [
        {
            "account_id": account.account_id,
            "account_name": account.name,
            "reached_by": account.reached_by,
            "profile": aws.credential_sets[0].profile
            if account.credentials is None
            else account.credentials.profile,
            "role_arn": account.credentials.role_arn if account.credentials else None,
            "status": code,
            "status_reason": reason,
            "_scope": {"account_id": account.account_id, "region": None},
        }
        for account, (code, reason) in zip(named, statuses)
    ]


TABLE = Table(
    name="accounts",
    description="Every AWS account the server options name: those read through profiles or "
    "the default credentials, through role_arn, accounts or the organization, and those "
    "skipped, with why.",
    service="sts",
    columns=(
        Column("account_id", TEXT, "The AWS account ID.", "account_id"),
        Column(
            "account_name",
            TEXT,
            "The account's name in AWS Organizations, when the organization was read.",
            "account_name",
        ),  # fmt: skip
        Column(
            "reached_by",
            TEXT,
            "How it is reached: profile, default credentials, role (role_arn or accounts), "
            "or organization.",
            "reached_by",
        ),  # fmt: skip
        Column(
            "profile",
            TEXT,
            "The named profile whose credentials read it, or assume its role (NULL: the "
            "default credentials).",
            "profile",
        ),  # fmt: skip
        Column("role_arn", TEXT, "The role assumed to read it; NULL when none is.", "role_arn"),
        Column(
            "status",
            TEXT,
            "ok when it can be read (its role was assumed), skipped when the options leave it "
            "out, or the error code that stops it being read (AccessDenied).",
            "status",
        ),  # fmt: skip
        Column(
            "status_reason",
            TEXT,
            "Why it is skipped, or the error's message; NULL when ok.",
            "status_reason",
        ),  # fmt: skip
    ),
    list_items=lambda client, parent: (),
    list_operation="AssumeRole",
    identity=("account_id",),
    read=read_accounts,
    rows_per_scope=1,
    pushdown={"account_id": by_account},
)
