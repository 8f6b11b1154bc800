"""What one scan could not read, and what becomes of it: a failure of the scan, or a warning.

AWS's refusals are collected while the other accounts and regions are read, so that the error
names every one that failed; a defect of ours fails at once. What the user chose to ignore
(ignore_error_codes), a region where the service is not offered, and an item kept without
its details are said in warnings, so that nothing is dropped silently.
"""

from __future__ import annotations

from .accounts import ASSUME_ROLE_HINT, Account
from .answers import MALFORMED, MalformedResponse
from .aws import AwsContext, Scope, error_code, error_message, iam_prefix, is_not_offered
from .options import is_error_code
from .results import AwsError
from .table import Table


def item_label(table: Table, item: dict) -> str:
    """How a message names an item: its identity, which every item has."""
    name = table.identity[0]
    return f"{name} {item.get(name)}"


class Failures:
    """The failures of one scan of `table`, and its warnings."""

    def __init__(self, table: Table, aws: AwsContext):
        self.table = table
        self.settings = aws.settings
        self.failed: list[AwsError] = []  # what AWS refused, by account and region
        self.warnings: list[str] = []

    def raise_any(self) -> None:
        """Raise what AWS refused, the first failure naming the others, if anything failed."""
        if self.failed:
            raise self.failed[0].with_others(self.failed[1:])

    def skip_or_fail(
        self,
        exc: Exception,
        scope: Scope,
        operation: str,
        skipped: str,
        prefix: str = "",
        hint: str | None = None,
        where: str | None = None,
    ) -> None:
        """Fail with `exc` (its message after `prefix`), or, when the user ignores its code,
        say in a warning what was `skipped` and `where` (the scope's account and region)."""
        code = error_code(exc)
        operation = getattr(exc, "operation_name", None) or operation
        if not is_error_code(code) or code not in self.settings.ignore_error_codes:
            message = prefix + error_message(exc, self.settings)
            service = "sts" if operation == "AssumeRole" else iam_prefix(self.table.service)
            error = AwsError(
                scope.account_id, scope.region, operation, code, message, hint, service
            )
            if not is_error_code(code):  # a defect of ours: stop at once
                raise error from exc
            # AWS's refusal: the other accounts and regions are read all the same, so that the
            # error names every one that failed (control_results gives each an error row).
            error.__cause__ = exc
            self.failed.append(error)
            return
        where = where or f"account {scope.account_id}, region {scope.region}"
        self.warnings.append(
            f"{operation} failed with {code} (ignored by the server option ignore_error_codes): "
            f"{skipped} {where}"
        )

    def account_failed(self, account: Account, home: Scope, exc: Exception) -> None:
        """The account's role could not be assumed, or its regions found."""
        role = account.credentials.role_arn
        assuming = role and (getattr(exc, "operation_name", None) or "AssumeRole") == "AssumeRole"
        self.skip_or_fail(
            exc, home, "AssumeRole", "no rows from",
            prefix=f"could not assume role {role}: " if assuming else "",
            hint=ASSUME_ROLE_HINT if role and is_error_code(error_code(exc)) else None,
            where=f"account {account.account_id} ({account.credentials.label})",
        )  # fmt: skip

    def not_offered(self, exc: Exception, scope: Scope) -> bool:
        """Whether `exc` says the scope's region cannot be reached where the service is not
        known to be offered: then no rows from it, said once in a warning."""
        service = self.table.service
        if not is_not_offered(exc, service, scope.region, self.settings):
            return False
        note = (
            f"region {scope.region} cannot be reached ({error_code(exc)}) and "
            f"{service} is not known to be offered there: no rows from it"
        )
        if note not in self.warnings:
            self.warnings.append(note)
        return True

    def detail_failed(self, scope: Scope, exc: Exception, item: dict) -> None:
        """The item's details were refused: its row is kept, with the error code."""
        code, table = error_code(exc), self.table
        self.warnings.append(
            f"{table.detail_operation} failed with {code} for {item_label(table, item)} "
            f"in account {scope.account_id}, region {scope.region}: "
            f"{error_message(exc, self.settings)}; the row is kept with "
            f"{table.detail_error_column} = {code}"
        )

    def malformed(
        self, scope: Scope, operation: str, item: dict, problems: list[str], kept: bool
    ) -> None:
        """Values of `operation`'s answer are not what their columns promise: the row is
        `kept` with detail_error = MalformedResponse, said in a warning, or it is left out,
        a failure of `operation` like any other."""
        table, label = self.table, item_label(self.table, item)
        what = f"{operation} answered malformed for {label}: {'; '.join(problems)}"
        if kept:
            self.warnings.append(
                f"{what} (account {scope.account_id}, region {scope.region}); the row is "
                f"kept with {table.detail_error_column} = {MALFORMED}"
            )
            return
        error = MalformedResponse(what, operation)
        self.skip_or_fail(error, scope, operation, f"{label} left out of")
