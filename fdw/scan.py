"""Reading one table from AWS: fan out over accounts and regions, list, fetch details, flatten.

Every AWS call runs in one bounded pool; only this module's main thread submits work, so a
worker never waits on another worker. A failure either fails the scan with an AwsError that
names account, region, operation and code, or (when the user chose to ignore that code, or
the table keeps rows whose details failed) is reported in `ScanResult.warnings`. Nothing is
dropped silently, except what AWS says no longer exists.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any, Callable

from .aws import (
    AwsContext,
    AwsError,
    Scope,
    error_code,
    error_message,
    is_not_found,
    is_not_offered,
)
from .table import Table


@dataclass
class ScanResult:
    rows: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)


def scan(
    table: Table,
    aws: AwsContext,
    with_details: bool = True,
    listings: dict[tuple, list[dict]] | None = None,
) -> ScanResult:
    """Every row of `table` in every account and region the settings name.

    `listings`, when given, remembers each (table, account, region) list answer, so that
    scans sharing it list user pools once whether pools, clients or resource servers ask.
    """
    return _Scan(table, aws, with_details, {} if listings is None else listings).run()


class _Scan:
    def __init__(self, table: Table, aws: AwsContext, with_details: bool, listings: dict):
        self.table = table
        self.aws = aws
        self.listings = listings
        self.with_details = with_details and table.get_detail is not None
        self.items: dict[tuple, dict] = {}  # sort key -> item; sorted at the end
        self.warnings: list[str] = []
        self.pending: dict[Future, Callable[[Future], None]] = {}

    def run(self) -> ScanResult:
        scopes = self._scopes()
        with self.aws.executor() as pool:
            self.pool = pool
            try:
                for scope in scopes:
                    self._list(scope, self.table.parent or self.table, None, ())
                while self.pending:
                    done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        self.pending.pop(future)(future)
            except BaseException:
                for future in self.pending:
                    future.cancel()
                raise
        rows = [self._row(self.items[key]) for key in sorted(self.items)]
        return ScanResult(rows, self.warnings)

    def _scopes(self) -> list[Scope]:
        scopes = []
        for credentials in self.aws.credential_sets:
            account_id = self.aws.account_id(credentials)
            for region in self.aws.regions(credentials, self.table.service):
                client = self.aws.client(credentials, self.table.service, region)
                scopes.append(Scope(credentials, account_id, region, client))
        return scopes

    def _submit(self, then: Callable[[Future], None], call: Callable, *args: Any) -> None:
        self.pending[self.pool.submit(call, *args)] = then

    def _list(self, scope: Scope, listed: Table, parent: dict | None, key: tuple) -> None:
        remembered = (listed.name, scope.account_id, scope.region) if parent is None else None

        def listed_all() -> list[dict]:
            return list(listed.list_items(scope.client, parent))

        def then(future: Future) -> None:
            try:
                items = future.result()
                if remembered:
                    self.listings[remembered] = items
            except Exception as exc:
                if is_not_offered(exc, self.table.service, scope.region):
                    return
                if parent is not None and is_not_found(exc):  # the parent was just deleted
                    return
                self._skip_or_fail(exc, scope, listed.list_operation, "no rows from")
                return
            for index, item in enumerate(items):
                item_key = (scope.account_id, scope.region) + key + (index,)
                if listed is not self.table:  # a parent: list this table under each item
                    self._list(scope, self.table, item, item_key[2:])
                    continue
                item = dict(item, _scope={"account_id": scope.account_id, "region": scope.region})
                self.items[item_key] = item
                if self.with_details:
                    self._detail(scope, item_key)

        if remembered in self.listings:
            done: Future = Future()
            done.set_result(self.listings[remembered])
            then(done)
        else:
            self._submit(then, listed_all)

    def _detail(self, scope: Scope, item_key: tuple) -> None:
        table = self.table

        def then(future: Future) -> None:
            try:
                detail = future.result()
            except Exception as exc:
                if is_not_found(exc):  # deleted between the list and the detail call
                    del self.items[item_key]
                    return
                code = error_code(exc)
                if table.detail_error_column and hasattr(exc, "response"):
                    self.items[item_key]["_detail_error"] = code
                    self.warnings.append(
                        f"{table.detail_operation} failed with {code} in account "
                        f"{scope.account_id}, region {scope.region}; the row is kept with "
                        f"{table.detail_error_column} = {code}"
                    )
                    return
                self._skip_or_fail(exc, scope, table.detail_operation, "no details for an item in")
                return
            self.items[item_key] = {**self.items[item_key], **detail}

        self._submit(then, table.get_detail, scope.client, self.items[item_key])

    def _skip_or_fail(self, exc: Exception, scope: Scope, operation: str, skipped: str) -> None:
        code = error_code(exc)
        operation = getattr(exc, "operation_name", None) or operation
        if code not in self.aws.settings.ignore_error_codes:
            raise AwsError(scope.account_id, scope.region, operation, code, error_message(exc))
        self.warnings.append(
            f"{operation} failed with {code} (ignored by the server option ignore_error_codes): "
            f"{skipped} account {scope.account_id}, region {scope.region}"
        )

    def _row(self, item: dict) -> dict[str, Any]:
        return {column.name: column.value(item) for column in self.table.columns}
