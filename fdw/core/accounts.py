"""Which AWS accounts a query reads, and the credentials that reach each.

Without role options, each credential chain (the default, or each named profile) reaches its
own account. With them, one chain is the base: it assumes `role_arn`, or `member_role_name`
in each of `accounts`, or in each ACTIVE account of its AWS Organization (narrowed by
`organization_units`). The base's own account is read with the base credentials when
`include_base_account` is 'true', and is otherwise listed as skipped, as are the accounts in
`skip_accounts` and an organization's accounts that are not ACTIVE: an account is never
missing without `agentcore.accounts` saying why. Nothing here knows PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .answers import MalformedResponse, check_identity
from .aws import AssumedRole, AwsContext, CredentialSet, error_code, error_message
from .options import ACCOUNT_ID, OptionError
from .results import AwsError
from .table import Request, paged

ACTIVE = "ACTIVE"
# The calls made here (the roles are assumed through core/aws.py, whose CALLS say so).
CALLS = tuple(
    ("organizations", operation)
    for operation in ("ListAccounts", "ListAccountsForParent", "ListOrganizationalUnitsForParent")
)
ORGANIZATIONS_HINT = (
    "organization 'true' reads the organization's accounts with the server's credentials, "
    "which must be those of the management account or of a delegated administrator, allowed "
    "organizations:ListAccounts (and, with organization_units, "
    "organizations:ListAccountsForParent and organizations:ListOrganizationalUnitsForParent)"
)
ASSUME_ROLE_HINT = (
    "the server's credentials must be allowed sts:AssumeRole on the role, and the role's trust "
    "policy must trust them (with the external_id, when one is set); to skip accounts whose "
    "role cannot be assumed, add the error code to the server option ignore_error_codes"
)


@dataclass(frozen=True)
class Account:
    """One account the settings name, and how it is reached; `skipped` says why it is not."""

    account_id: str
    reached_by: str  # profile, default credentials, role, organization
    credentials: CredentialSet | None = None
    name: str | None = None  # its name in the organization, when read from Organizations
    skipped: str | None = None


def accounts(aws: AwsContext) -> list[Account]:
    """Every account the settings name, worked out once per context."""
    if aws.reach is None:
        aws.reach = _discover(aws)
    return aws.reach


def accounts_to_read(aws: AwsContext, request: Request) -> list[Account]:
    """The accounts a scan reads: not skipped, and named by the request when it names any."""
    return [
        account
        for account in accounts(aws)
        if account.skipped is None
        and (request.accounts is None or account.account_id in request.accounts)
    ]


def _discover(aws: AwsContext) -> list[Account]:
    settings = aws.settings
    if not settings.assumes_roles:
        found: dict[str, Account] = {}
        for credentials in aws.credential_sets:
            account_id = aws.account_id(credentials)
            if account_id in found:
                raise OptionError(
                    f"{found[account_id].credentials.label} and {credentials.label} in option "
                    f"profile both reach account {account_id}: name one profile per account"
                )
            found[account_id] = Account(account_id, credentials.reached_by, credentials)
        return list(found.values())

    base = aws.credential_sets[0]
    base_account = aws.account_id(base)
    sts = aws.sts_client_maker(base)  # one for every role the base assumes
    if settings.role_arn:
        role = AssumedRole(base, settings.role_arn, "role", sts)
        if settings.include_base_account and role.known_account == base_account:
            raise OptionError(
                f"option role_arn names a role in account {base_account}, the account "
                "include_base_account 'true' reads with the server's own credentials: use one"
            )
        found = [Account(role.known_account, "role", role)]
        if settings.include_base_account:
            found.insert(0, Account(base_account, base.reached_by, base))
        return found

    if settings.accounts:
        members = [(account_id, None, ACTIVE) for account_id in settings.accounts]
        reached_by = "role"
    else:
        members = _organization_accounts(aws, base, base_account)
        reached_by = "organization"
    partition = base.session.get_partition_for_region(aws.home_region(base))
    names = {account_id: name for account_id, name, _ in members}
    found = []
    if settings.include_base_account:
        found.append(Account(base_account, base.reached_by, base, names.get(base_account)))
    elif base_account in names:
        found.append(
            Account(
                base_account, base.reached_by, None, names[base_account],
                skipped="the account of the server's own credentials, read only with "
                "include_base_account 'true'",
            )
        )  # fmt: skip
    for account_id, name, state in members:
        if account_id == base_account:
            continue
        if account_id in settings.skip_accounts:
            found.append(Account(account_id, reached_by, None, name, "in option skip_accounts"))
        elif state != ACTIVE:
            found.append(
                Account(account_id, reached_by, None, name, f"its state is {state}, not ACTIVE")
            )
        else:
            role_arn = f"arn:{partition}:iam::{account_id}:role/{settings.member_role_name}"
            role = AssumedRole(base, role_arn, reached_by, sts)
            found.append(Account(account_id, reached_by, role, name))
    return found


def _organization_accounts(
    aws: AwsContext, base: CredentialSet, base_account: str
) -> list[tuple[str, str | None, str]]:
    """(account ID, name, state) of the organization's accounts, under the named units."""
    region = aws.home_region(base)
    client = aws.client(base, "organizations", region)
    operation = "ListAccounts"
    try:
        if not aws.settings.organization_units:
            listed = _accounts(paged(client.list_accounts, "Accounts", "NextToken"))
        else:
            listed, units = [], list(aws.settings.organization_units)
            while units:
                unit = units.pop()
                operation = "ListAccountsForParent"
                listed += _accounts(
                    paged(client.list_accounts_for_parent, "Accounts", "NextToken", ParentId=unit)
                )
                operation = "ListOrganizationalUnitsForParent"
                children = paged(
                    client.list_organizational_units_for_parent,
                    "OrganizationalUnits", "NextToken", ParentId=unit,
                )  # fmt: skip
                units += [child["Id"] for child in _identified(children, "an organizational unit")]
    except Exception as exc:  # whatever failed, the organization's accounts are unknown
        raise AwsError(
            base_account, region, getattr(exc, "operation_name", None) or operation,
            error_code(exc), error_message(exc, aws.settings), hint=ORGANIZATIONS_HINT,
        ) from exc  # fmt: skip
    found: dict[str, tuple[str, str | None, str]] = {}
    for item in listed:
        found[item["Id"]] = (item["Id"], item.get("Name"), _state(item))
    return sorted(found.values())


def _identified(items: Any, what: str) -> list[dict]:
    items = list(items)
    for item in items:
        check_identity(item, ("Id",), what)
    return items


def _accounts(items: Any) -> list[dict]:
    """Listed accounts, each with a 12-digit Id and a state."""
    accounts = _identified(items, "an account")
    for item in accounts:
        if not ACCOUNT_ID.fullmatch(item["Id"]):
            raise MalformedResponse("an account's Id is not 12 digits")
        if not isinstance(_state(item), str):
            raise MalformedResponse(f"account {item['Id']} has no State")
    return accounts


def _state(item: dict) -> Any:
    # State replaced Status in 2025; an answer may carry either.
    return item.get("State") or item.get("Status")
