"""A scan's items as rows: each value as its column holds it, storable by PostgreSQL, then
flattened as the cache stores it and the engines hand it on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .answers import MALFORMED, MalformedValue, storable
from .aws import Scope
from .failures import Failures
from .table import RESPONSE_PROBLEMS, Column, Table


class Rows:
    """The rows of `table`'s items; what is malformed in them goes to `failures`."""

    def __init__(self, table: Table, failures: Failures):
        self.table = table
        self.failures = failures

    def flattened(self, items: Iterable[dict]) -> tuple[list[tuple], dict[str, tuple]]:
        """The flattened rows of `items`, in their order, and those read in full by change
        marker. An item that reuses a stored row (`_reused`) is that row."""
        values: list[tuple] = []
        marked: dict[str, tuple] = {}
        for item in items:
            if "_reused" in item:
                values.append(item["_reused"])
                continue
            row = self.row(item)
            if row is None:
                continue
            values.append(self.table.flatten(row))
            if "_marker" in item and self._read_in_full(row):
                marked[item["_marker"]] = values[-1]
        return values, marked

    def row(self, item: dict) -> dict[str, Any] | None:
        """The row of an item, each value as its column holds it and storable by PostgreSQL.

        A malformed value is NULL and named in response_problems; where the table keeps rows
        whose details failed, detail_error says MalformedResponse, and elsewhere the scan fails
        (or, with MalformedResponse ignored, leaves the row out and says so).
        """
        row: dict[str, Any] = {}
        problems: list[str] = []
        malformed: list[Column] = []
        for column in self.table.columns:
            if column is RESPONSE_PROBLEMS:
                continue
            try:
                value = column.value(item)
            except MalformedValue as exc:
                value = None
                problems.append(f"{column.name} {exc}")
                malformed.append(column)
            value, repaired = storable(value)
            if repaired:
                problems.append(
                    f"{column.name} held characters PostgreSQL cannot store, replaced with U+FFFD"
                )
            row[column.name] = value
        row[RESPONSE_PROBLEMS.name] = problems or None
        if malformed and not self._keep_malformed(item, row, problems, malformed):
            return None
        return row

    def _keep_malformed(self, item, row, problems, malformed) -> bool:
        table, where = self.table, item["_scope"]
        operation = (
            table.detail_operation if any(c.detail for c in malformed) else table.list_operation
        )
        scope = Scope(None, where["account_id"], where["region"], None)
        kept = bool(table.detail_error_column)
        if kept:
            row[table.detail_error_column] = MALFORMED
        self.failures.malformed(scope, operation, item, problems, kept)
        return kept

    def _read_in_full(self, row: dict) -> bool:
        failed = self.table.detail_error_column and row.get(self.table.detail_error_column)
        return not failed and row[RESPONSE_PROBLEMS.name] is None
