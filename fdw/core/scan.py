"""Reading one table from AWS: fan out over accounts and regions, list, fetch details, flatten.

Every AWS call runs in one bounded pool (calls.py); only the scan's thread submits work, so
a worker never waits on another worker. A failure either fails the scan with an AwsError that
names account, region, operation and code, or (when the user chose to ignore that code, or
the table keeps rows whose details failed) is reported in `ScanResult.warnings` (failures.py).
Nothing is dropped silently, except what AWS says no longer exists. The items found become
rows at the end (rows.py).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Callable

from .accounts import Account, accounts_to_read
from .answers import MalformedResponse, check_answer, check_identity
from .aws import AwsContext, Scope, answered, error_code, is_not_found
from .calls import Calls
from .failures import Failures
from .options import OptionError
from .results import AwsError, Remembered, ScanCancelled, ScanResult
from .rows import Rows
from .table import DETAIL_ERROR, EVERYTHING, Request, Table


def scan(
    table: Table,
    aws: AwsContext,
    request: Request = EVERYTHING,
    listings: dict[tuple, list[dict]] | None = None,
    should_stop: Callable[[], bool] | None = None,
    reusable: dict[str, tuple] | None = None,
    read_table: Callable[[Table, Request], ScanResult] | None = None,
) -> ScanResult:
    """The rows of `table` in the accounts and regions the settings and `request` name.

    `listings`, when given, remembers each (table, account, region) list answer, so that
    scans sharing it list user pools once whether pools, clients or resource servers ask, and
    each detail a table declares immutable (a runtime version), whichever table read it.
    `should_stop` is polled while AWS answers; when it says so, the scan raises
    ScanCancelled at once. Requests in flight are abandoned: their sockets are shut down, they
    make no further attempt or page, and the pool's threads end before the scan returns.
    `reusable` holds flattened rows by change marker: a listed item whose marker is there
    takes that row instead of a detail call. `read_table(table, request)` is how a table that
    `read`s itself reads another (the engine's, which reuses the transaction's scans).
    """
    listings = {} if listings is None else listings
    request = table.bounded(request)
    stop = should_stop or (lambda: False)
    reader = read_table or (lambda other, asked: scan(other, aws, asked, listings, should_stop))
    return _Scan(table, aws, request, listings, stop, reusable or {}, reader).run()


class _Scan:
    """The walk of one scan: reach each account, start in each of its regions, list there or
    look up by key, and ask for each item's details. Its calls go through Calls, what it
    cannot read to Failures, and the items it keeps become rows through Rows."""

    def __init__(self, table, aws, request, listings, should_stop, reusable, read_table):
        self.table = table
        self.read_table = read_table
        self.aws = aws
        self.request = request
        self.listings = listings
        self.should_stop = should_stop
        self.reusable = reusable
        self.with_details = request.with_details and table.get_detail is not None
        self.immutable_details = ImmutableDetails(table, listings)
        self.failures = Failures(table, aws)
        self.rows = Rows(table, self.failures)
        self.items: dict[tuple, dict] = {}  # sort key -> item; sorted at the end
        self.listed_for_keys: set[tuple[str, str]] = set()
        self.key_lookups = 0  # keyed reads asked of AWS, bounded by max_key_lookups

    def run(self) -> ScanResult:
        table = self.table
        if self.request.empty:
            return ScanResult(table, [])
        if table.read is not None:
            asked = (self.aws, self.request, self.failures.warnings.append, self.read_table)
            remembered = Remembered(self.reusable)
            if table.remembers_answers:
                read = table.read(*asked, remembered=remembered)
            else:
                read = table.read(*asked)
            values, _ = self.rows.flattened(read)
            self.failures.raise_any()
            return ScanResult(table, values, self.failures.warnings, marked=remembered.new)
        self.calls = Calls(self.aws)
        with self.calls:
            for account in accounts_to_read(self.aws, self.request):
                self._reach(account)
            if not self.calls.settle_all(self.should_stop):
                raise ScanCancelled(f"the scan of agentcore.{self.table.name} was cancelled")
            values, marked = self.rows.flattened(self.items[key] for key in sorted(self.items))
            self.failures.raise_any()  # what AWS refused, and what making the rows found malformed
        return ScanResult(table, values, self.failures.warnings, self.calls.throttled, marked)

    def _reach(self, account: Account) -> None:
        """Assume the account's role when it has one, find its regions, then read each."""
        credentials = account.credentials
        home = Scope(credentials, account.account_id, self.aws.home_region(credentials), None)

        def regions() -> list[str]:
            credentials.ready()
            return self.aws.regions(credentials, self.table.service)

        def then(future: Future) -> None:
            try:
                regions = future.result()
            except (AwsError, OptionError):
                raise
            except Exception as exc:
                self.failures.account_failed(account, home, exc)
                return
            for region in regions:
                if self.request.regions is None or region in self.request.regions:
                    client = self.aws.client(credentials, self.table.service, region)
                    self._start(Scope(credentials, account.account_id, region, client))

        operation = "AssumeRole" if credentials.role_arn else "DescribeRegions"
        self.calls.submit(home, operation, then, regions)

    def _start(self, scope: Scope) -> None:
        """List, or look up by key, in one account and region."""
        if self.request.keys is None:
            sources = self.table.listed_from or (self.table.parent or self.table,)
            for number, source in enumerate(sources):
                if source.parent not in sources:  # else listed under each item of its parent
                    self._list(scope, source, None, (number,) if len(sources) > 1 else ())
            return
        by_subkey = self.request.subkeys is not None and self.table.subkey_item is not None
        here = [
            (index, key)
            for index, key in enumerate(self.request.keys)
            if self._may_be_in(key, scope)
        ]
        self._count_key_lookups(len(here) * (len(self.request.subkeys) if by_subkey else 1))
        for index, key in here:
            item_key = (scope.account_id, scope.region, index)
            if by_subkey:
                for subindex, subkey in enumerate(self.request.subkeys):
                    self._by_subkey(scope, key, subkey, item_key + (subindex,))
            else:
                self._by_key(scope, key, item_key)

    def _may_be_in(self, key: str, scope: Scope) -> bool:
        table = self.table
        if table.key_region and table.key_region(key) != scope.region:
            return False
        return not (table.key_account and table.key_account(key) != scope.account_id)

    def _count_key_lookups(self, lookups: int) -> None:
        self.key_lookups += lookups
        limit = self.aws.settings.max_key_lookups
        if self.key_lookups > limit:
            raise OptionError(
                f"agentcore.{self.table.name}: this query looks up more than {limit} items one "
                f"by one (the {self.table.key_column} values it names, in each account and "
                "region read), more than the server option max_key_lookups allows",
                hint="name fewer keys, filter on account_id or region as well, or raise "
                "max_key_lookups",
            )

    def _by_key(self, scope: Scope, key: str, item_key: tuple) -> None:
        table = self.table
        if table.parent:  # the key names a parent: list this table under it
            self._list(scope, table, table.key_item(scope.client, key), item_key[2:])
            return

        def looked_up() -> dict:
            item = table.key_item(scope.client, key)
            what = f"the {table.key_item_operation} answer"
            check_identity(item, table.identity, what)
            if table.column(table.key_column).value(item) != key:
                raise MalformedResponse(f"{what} is about another item than {key}")
            return item

        def then(future: Future) -> None:
            try:
                item = future.result()
            except Exception as exc:
                if is_not_found(exc):
                    return
                if self.failures.not_offered(exc, scope):
                    return
                if table.detail_error_column and answered(exc):
                    # As in a full scan, an item whose details are denied is kept, with the
                    # error: named by its key where that is enough, else found by listing
                    # (its detail call then fails again).
                    if table.key_named is None:
                        self._list_for_keys(scope)
                        return
                    named = dict(table.key_named(key), _detail_error=error_code(exc))
                    self._keep(scope, item_key, named)
                    self.failures.detail_failed(scope, exc, named)
                    return
                self.failures.skip_or_fail(exc, scope, table.key_item_operation, "no item from")
                return
            self.immutable_details.remember(scope, item)
            self._keep(scope, item_key, item)

        self.calls.submit(scope, table.key_item_operation, then, looked_up)

    def _by_subkey(self, scope: Scope, key: str, subkey: str, item_key: tuple) -> None:
        """One item named by key and subkey (a runtime's version), read directly."""
        table = self.table
        operation = table.detail_operation or table.list_operation
        named = dict(zip(table.identity, (key, subkey)))

        def looked_up() -> dict:
            item = table.subkey_item(scope.client, key, subkey)
            check_answer(named, item, table.identity, f"the {operation} answer")
            return item

        remembered = self.immutable_details.recall(scope, named)
        if remembered is not None:
            self._keep(scope, item_key, remembered)
            return

        def then(future: Future) -> None:
            try:
                item = future.result()
            except Exception as exc:
                if is_not_found(exc) or self.failures.not_offered(exc, scope):
                    return
                if table.detail_error_column and answered(exc):
                    # Kept, as a listed item whose details failed would be: never missing.
                    self._keep(scope, item_key, dict(named, _detail_error=error_code(exc)))
                    self.failures.detail_failed(scope, exc, named)
                    return
                self.failures.skip_or_fail(exc, scope, operation, "no item from")
                return
            self.immutable_details.remember(scope, item)
            self._keep(scope, item_key, item)

        self.calls.submit(scope, operation, then, looked_up)

    def _list_for_keys(self, scope: Scope) -> None:
        if (scope.account_id, scope.region) in self.listed_for_keys:
            return
        self.listed_for_keys.add((scope.account_id, scope.region))
        self._list(scope, self.table, None, (), only_keys=True)

    def _list(
        self, scope: Scope, listed: Table, parent: dict | None, key: tuple, only_keys=False
    ) -> None:
        remembered = (listed.name, scope.account_id, scope.region)
        if parent is not None:  # a listing under one parent item: named by that item too
            remembered += tuple(parent.get(name) for name in listed.parent.identity)

        def listed_all() -> list[dict]:
            items = list(listed.list_items(scope.client, parent))
            for item in items:
                check_identity(item, listed.identity, f"an item of {listed.list_operation}")
            if parent is None:
                return items
            return [dict(item, _parent=parent) for item in items]

        def then(future: Future) -> None:
            try:
                items = future.result()
                self.listings[remembered] = items
            except Exception as exc:
                if self.failures.not_offered(exc, scope):
                    return
                if parent is not None and is_not_found(exc):  # the parent was just deleted
                    return
                self.failures.skip_or_fail(exc, scope, listed.list_operation, "no rows from")
                return
            for index, item in enumerate(items):
                item_key = (scope.account_id, scope.region) + key + (index,)
                if only_keys:
                    item_key, item = self._requested(scope, item)
                    if item is None:
                        continue
                if listed in self.table.listed_from:
                    for number, child in enumerate(self.table.listed_from):
                        if child.parent is listed:
                            self._list(scope, child, item, item_key[2:] + (number,))
                    item = self.table.from_listed(listed.name, item)
                elif listed is not self.table:  # a parent: list this table under each item
                    self._list(scope, self.table, item, item_key[2:])
                    continue
                self._keep(scope, item_key, item)
                if self.with_details:
                    self._detail(scope, item_key)

        if remembered in self.listings:
            done: Future = Future()
            done.set_result(self.listings[remembered])
            then(done)
        else:
            self.calls.submit(scope, listed.list_operation, then, listed_all)

    def _requested(self, scope: Scope, item: dict) -> tuple[tuple, dict | None]:
        """The sort key of a listed item the request names by key, or (_, None)."""
        value = self.table.column(self.table.key_column).value(item)
        keys = self.request.keys or ()
        if value not in keys:
            return (), None
        item_key = (scope.account_id, scope.region, keys.index(value))
        return item_key, (None if item_key in self.items else item)

    def _keep(self, scope: Scope, item_key: tuple, item: dict) -> None:
        self.items[item_key] = dict(
            item, _scope={"account_id": scope.account_id, "region": scope.region}
        )

    def _detail(self, scope: Scope, item_key: tuple) -> None:
        table = self.table
        listed = self.items[item_key]
        marker = change_marker(table, scope, listed)
        if marker is not None:
            listed["_marker"] = marker
            if marker in self.reusable:  # unchanged since its row was stored: no detail call
                listed["_reused"] = self.reusable[marker]
                return

        def detail() -> dict:
            answer = table.get_detail(scope.client, listed)
            check_answer(listed, answer, table.identity, f"the {table.detail_operation} answer")
            return answer

        remembered = self.immutable_details.recall(scope, listed)
        if remembered is not None:
            self.items[item_key] = {**listed, **remembered}
            return

        def then(future: Future) -> None:
            try:
                answer = future.result()
            except Exception as exc:
                if is_not_found(exc):  # deleted between the list and the detail call
                    del self.items[item_key]
                    return
                if table.detail_error_column and answered(exc):
                    self.items[item_key][DETAIL_ERROR] = error_code(exc)
                    self.failures.detail_failed(scope, exc, listed)
                    return
                self.failures.skip_or_fail(
                    exc, scope, table.detail_operation, "no details for an item in"
                )
                return
            self.immutable_details.remember(scope, answer)
            self.items[item_key] = {**self.items[item_key], **answer}

        self.calls.submit(scope, table.detail_operation, then, detail)


def change_marker(table: Table, scope: Scope, item: dict) -> str | None:
    """What names a listed item in one state: its identity and its change marker, or None
    where the table has no marker, or the item's list answer lacks part of it."""
    if table.change_marker is None:
        return None
    state = list(table.change_marker(item))
    if any(part is None for part in state):  # no marker in the answer: read the details
        return None
    parts = [table.name, scope.account_id, scope.region]
    parts += [item.get(name) for name in table.identity]
    if table.parent is not None and "_parent" in item:
        parts += [item["_parent"].get(name) for name in table.parent.identity]
    # A unit separator cannot occur in an ID, a version or a timestamp.
    return "\x1f".join(map(str, parts + state))


class ImmutableDetails:
    """The detail answers that never change (a table's immutable_detail: a runtime version),
    kept in the memo scans of one transaction share, whichever table read them."""

    def __init__(self, table: Table, memo: dict[tuple, Any]):
        self.table = table
        self.memo = memo

    def recall(self, scope: Scope, item: dict) -> dict | None:
        """The detail answer about `item` a scan has read already, if any."""
        key = self._key(scope, item)
        return None if key is None else self.memo.get(key)

    def remember(self, scope: Scope, answer: dict) -> None:
        key = self._key(scope, answer)
        if key is not None:
            self.memo[key] = answer

    def _key(self, scope: Scope, item: dict) -> tuple | None:
        describe = self.table.immutable_detail
        if describe is None:
            return None
        return ("immutable detail", scope.account_id, scope.region) + describe(item)
