"""What reading a table gives: its rows (ScanResult), or why it could not (AwsError,
ScanCancelled). The engines and the cache use these without loading the scanner, boto3 or
anything that talks to AWS: a query the shared cache serves never imports them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .options import is_error_code
from .permissions import iam_action
from .table import Table

# The error codes AWS answers a missing permission with.
ACCESS_DENIED = frozenset({"AccessDeniedException", "AccessDenied", "UnauthorizedOperation"})

# How a scan's WARNING says that something could not be read (check: INCOMPLETE).
INCOMPLETE_MARK = "is incomplete:"


class ScanCancelled(Exception):
    """The caller asked to stop (PostgreSQL cancelled the query)."""


@dataclass
class ScanResult:
    table: Table
    values: list[tuple]  # each row flattened (Table.flatten), in a stable order
    warnings: list[str] = field(default_factory=list)  # what could not be read
    throttled: dict[str, int] = field(default_factory=dict)  # retried answers, by operation
    # Rows read in full this time, flattened, by change marker (table.change_marker).
    marked: dict[str, tuple] = field(default_factory=dict)
    fetched_at: float | None = None  # when AWS was read for these rows (cache.py), if known

    @property
    def rows(self) -> list[dict[str, Any]]:
        return [self.table.unflatten(values) for values in self.values]


@dataclass
class Remembered:
    """Answers a table that `read`s itself keeps by marker (what decides them) in the cache's
    marker store, as scans keep rows: `stored` are those from before, within detail_cache_ttl,
    and `new` those read this time, stored after the read."""

    stored: dict[str, tuple] = field(default_factory=dict)
    new: dict[str, tuple] = field(default_factory=dict)

    def get(self, marker: str) -> tuple | None:
        return self.new.get(marker, self.stored.get(marker))

    def keep(self, marker: str, answer: tuple) -> None:
        self.new[marker] = answer


class AwsError(Exception):
    """A failure to read AWS, named by account, region, operation and error code."""

    def __init__(
        self,
        account_id: str,
        region: str,
        operation: str,
        code: str,
        message: str,
        hint: str | None = None,
        service: str | None = None,
    ):
        self._hint = hint
        self.account_id = account_id
        self.region = region
        self.operation = operation
        self.code = code
        self.aws_message = message
        self.service = service  # the IAM prefix of the service asked, where known
        self.others: list[AwsError] = []  # the same scan's failures elsewhere
        super().__init__(
            f"{operation} failed in account {account_id}, region {region}: {code}: {message}"
        )

    def with_others(self, others: list[AwsError]) -> AwsError:
        """This failure, naming the scan's other failed accounts and regions too."""
        if others:
            self.others = list(others)
            where = ", ".join(f"{o.account_id} {o.region} ({o.operation})" for o in others[:5])
            more = f" and {len(others) - 5} more" if len(others) > 5 else ""
            self.args = (f"{self.args[0]}; it failed in {len(others)} more: {where}{more}",)
        return self

    @property
    def iam_action(self) -> str | None:
        return iam_action(self.service, self.operation) if self.service else None

    @property
    def detail(self) -> str:
        """What failed, as JSON (an ERROR's DETAIL): control_results reads it to give the
        controls that could not be judged an error row for the scope, naming what to grant."""
        failed = [
            {"account_id": e.account_id, "region": e.region, "operation": e.operation,
             "code": e.code, "iam_action": e.iam_action, "message": e.aws_message}
            for e in (self, *self.others)
        ]  # fmt: skip
        return json.dumps(failed, sort_keys=True)

    @property
    def hint(self) -> str:
        if self._hint:
            return self._hint
        if not is_error_code(self.code):
            return (
                "this is not an AWS error but one agentcore-fdw met while reading the answer; "
                "it cannot be ignored: please report it with this message"
            )
        skip = (
            f"to skip what fails with {self.code} instead of failing the query, add it to "
            "the server option ignore_error_codes"
        )
        if self.iam_action and self.code in ACCESS_DENIED:
            return f"grant {self.iam_action} to the credentials that read this account; or, {skip}"
        return skip
