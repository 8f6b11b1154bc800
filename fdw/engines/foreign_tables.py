"""The multicorn engine (Multicorn2): real foreign tables over the collection core, with pushdown.

One wrapper class serves every table; the foreign table's `table` option says which.
PostgreSQL hands it the query's filters (Multicorn `Qual`s) and the columns it needs:
filters on region, account, runtime ID or ARN and user pool ID narrow what AWS is asked,
and a query needing only list columns makes no per-item detail calls. PostgreSQL re-checks
every filter, so a filter that is not pushed down is still applied.

Multicorn2 pitfall: PostgreSQL interrupts raised inside `log_to_postgres` below ERROR (or
`check_interrupts`) corrupt the backend. This module calls neither while AWS is read, and
emits at most one WARNING per scan, after the work, and never while a cancel is pending.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from logging import ERROR, WARNING
from operator import itemgetter
from typing import Any

from multicorn import ANY, ColumnDefinition, ForeignDataWrapper, TableDefinition
from multicorn.utils import log_to_postgres

from ..core import cache
from ..core.options import ENGINE_OPTIONS, OptionError, parse_options
from ..core.results import AwsError, ScanCancelled
from ..core.table import Request, Table
from ..tables import TABLES
from ..tables.authorizers import BOTOCORE_HINT, botocore_problem
from .common import aws_context, cancel_requested, scan_once, warning_summary

REMOTE_SCHEMA = "agentcore"
# One AWS request costs far more than a row; an honest start-up cost makes the planner
# prefer one scan per join key only when the other side is small.
REQUEST_COST = 100
ORGANIZATION_GUESS = 20  # accounts an organization holds, until a scan has counted them
WIDTHS = {"text": 40, "text[]": 120, "jsonb": 400, "timestamptz": 8, "boolean": 1, "bigint": 8}

_transaction: object | None = None
_observed_rows: dict[str, int] = {}  # table -> rows per scope, from the last full scan


def fail(message: str, hint: str | None = None, detail: str | None = None) -> None:
    """An ERROR with our words, hint and detail (Multicorn raises it once Python has unwound)."""
    log_to_postgres(f"agentcore: {message}", ERROR, hint=hint, detail=detail)


class AgentCoreForeignDataWrapper(ForeignDataWrapper):
    def __init__(self, options: dict[str, str], columns: dict[str, ColumnDefinition]):
        super().__init__(options, columns)
        name = options.get("table")
        if name not in TABLES:
            fail(
                f"foreign table option table = {name!r} names no agentcore table",
                hint="tables: " + ", ".join(TABLES) + "; IMPORT FOREIGN SCHEMA agentcore "
                "FROM SERVER agentcore INTO <schema> creates them all",
            )
        self.table: Table = TABLES[name]
        unknown = sorted(set(columns) - set(self.table.column_names))
        if unknown:
            fail(
                f"agentcore.{name} has no column {unknown[0]!r}",
                hint="columns: " + ", ".join(self.table.column_names),
            )
        self.server_options = {k: v for k, v in options.items() if k not in ENGINE_OPTIONS}
        try:
            parse_options(self.server_options, look_up_regions=False)  # ALTER SERVER did
        except OptionError as exc:
            fail(str(exc), exc.hint)
        self._startup_cost = REQUEST_COST

    # Transactions: a transaction reads each table (per filters) from AWS once.

    def begin(self, serializable: bool) -> None:
        global _transaction
        if _transaction is None:
            _transaction = object()

    def commit(self) -> None:
        global _transaction
        _transaction = None

    rollback = commit

    # Planning.

    def get_rel_size(self, quals: list, columns: Iterable[str]) -> tuple[int, int]:
        request = request_for(self.table, quals, columns)
        return self.estimated_rows(request), self.width(columns)

    def estimated_rows(self, request: Request) -> int:
        if request.empty:
            return 1
        table = self.table
        if request.keys is not None and request.subkeys is not None:
            return max(1, len(request.keys) * len(request.subkeys))
        if request.keys is not None:
            return max(1, len(request.keys) * table.rows_per_key)
        regions = len(request.regions) if request.regions else self.configured_regions()
        accounts = len(request.accounts or ()) or expected_accounts(self.server_options)
        per_scope = _observed_rows.get(table.name, table.rows_per_scope)
        return max(1, regions * accounts * per_scope)

    def configured_regions(self) -> int:
        """How many regions the settings name (one: the credential chain's, when none)."""
        settings = parse_options(self.server_options, look_up_regions=False)
        if settings.all_regions:
            from ..core.aws import offered_regions  # as EXPLAIN does: see explain_lines()

            return len(offered_regions(self.table.service))
        return len(settings.regions or (None,))

    def width(self, columns: Iterable[str]) -> int:
        return sum(WIDTHS.get(self.table.column(name).type, 40) for name in columns) or 8

    def get_path_keys(self) -> list[tuple[tuple[str, ...], int]]:
        """Key columns a join can look rows up by, and how many rows one lookup returns."""
        table, paths = self.table, []
        if table.key_column and table.subkey_column:
            paths.append(((table.key_column, table.subkey_column), 1))
            paths.append((("region", table.key_column, table.subkey_column), 1))
        if table.key_column:
            paths.append(((table.key_column,), table.rows_per_key))
            paths.append((("region", table.key_column), table.rows_per_key))
        paths += [((column,), table.rows_per_key) for column in table.lookup_columns]
        return paths

    def explain(
        self,
        quals: list,
        columns: Iterable[str],
        sortkeys=None,
        verbose=False,
        limit=None,
        offset=None,
    ) -> list[str]:
        request = request_for(self.table, quals, columns)
        return explain_lines(self.table, self.server_options, request, quals)

    # Reading.

    def execute(
        self, quals: list, columns: Iterable[str], sortkeys=None, limit=None, offset=None
    ) -> Iterator[dict[str, Any]]:
        request = request_for(self.table, quals, columns)
        try:
            result = scan_once(self.table, self.server_options, _transaction, request)
        except OptionError as exc:
            fail(str(exc), exc.hint)
        except AwsError as exc:
            fail(str(exc), exc.hint, exc.detail)
        except ScanCancelled as exc:
            fail(str(exc))
        if request.unfiltered:
            self._observe(len(result.values))  # a full scan: remember its size for planning
        summary = warning_summary(self.table, result)
        if summary and not cancel_requested():
            log_to_postgres(summary, WARNING)
        # Only the columns the query reads: PostgreSQL takes the others as NULL, unread.
        wanted = [(index, name) for index, name in enumerate(self.table.column_names)
                  if name in columns]  # fmt: skip
        names = [name for _, name in wanted]
        pick = itemgetter(*(index for index, _ in wanted)) if len(wanted) > 1 else None
        for values in result.values:
            if pick is not None:
                yield dict(zip(names, pick(values)))
            else:
                yield {name: values[index] for index, name in wanted}

    def _observe(self, rows: int) -> None:
        scopes_read = self.configured_regions() * expected_accounts(self.server_options)
        _observed_rows[self.table.name] = max(1, rows // scopes_read)

    # IMPORT FOREIGN SCHEMA agentcore FROM SERVER agentcore INTO agentcore_multicorn (the
    # install's; the views of schema agentcore read them), or into a schema of your own.

    @classmethod
    def import_schema(cls, schema, srv_options, options, restriction_type, restricts):
        problem = botocore_problem()
        if problem:
            fail(problem, BOTOCORE_HINT)
        if schema != REMOTE_SCHEMA:
            fail(
                f"there is no remote schema {schema!r}: import schema {REMOTE_SCHEMA!r}",
                hint=f"IMPORT FOREIGN SCHEMA {REMOTE_SCHEMA} FROM SERVER agentcore INTO <schema>",
            )
        wanted = set(restricts or ())
        unknown = sorted(wanted - set(TABLES))
        if unknown:
            fail(
                f"no table {unknown[0]!r} in schema {REMOTE_SCHEMA}", "tables: " + ", ".join(TABLES)
            )
        definitions = []
        for table in TABLES.values():
            if restriction_type == "limit" and table.name not in wanted:
                continue
            if restriction_type == "except" and table.name in wanted:
                continue
            columns = [
                ColumnDefinition(column.name, type_name=column.type) for column in table.columns
            ]
            definitions.append(
                TableDefinition(table.name, columns=columns, options={"table": table.name})
            )
        return definitions


def expected_accounts(options: dict) -> int:
    """How many accounts the settings name, for the planner (an organization: a guess)."""
    settings = parse_options(options, look_up_regions=False)
    if settings.organization:
        return ORGANIZATION_GUESS
    named = len(settings.accounts) if settings.accounts else 1
    return named + (1 if settings.include_base_account else 0)


def planned_regions(aws, table: Table, request: Request) -> str:
    """The regions a scan reads, as EXPLAIN says it (without assuming any role)."""
    if table.read is not None:
        return "none (no regional calls)"
    from ..core.aws import offered_regions

    settings = aws.settings
    if settings.all_regions:
        regions = offered_regions(table.service)
        if request.regions is None:
            return "every enabled region of each account where the service is offered"
    elif settings.regions:
        regions = settings.regions
    else:
        regions = [aws.credential_sets[0].default_region()]
    if request.regions is not None:
        regions = [region for region in regions if region in request.regions]
    return ", ".join(sorted(regions)) or "none"


def request_for(table: Table, quals: Iterable, columns: Iterable[str]) -> Request:
    """The Request a query's filters and needed columns allow (bounded as a scan bounds it)."""
    request = Request(with_details=table.needs_details(columns))
    for qual in quals:
        narrow = table.pushdown.get(qual.field_name)
        values = equal_to(qual)
        if narrow and values is not None:
            request = request.narrowed(narrow(values))
    return table.bounded(request)


def equal_to(qual) -> frozenset | None:
    """The values a qual requires its column to equal, or None when it is another test.

    `col = 'x'` arrives as ('=', 'x'); `col IN ('x', 'y')` and `col = ANY(...)` as
    (('=', True), ['x', 'y']); `col IS NULL` as ('=', None), which is no equality.
    """
    if qual.is_list_operator:
        operator, quantifier = qual.operator[0], qual.list_any_or_all
        if operator == "=" and quantifier is ANY and isinstance(qual.value, (list, tuple)):
            return frozenset(v for v in qual.value if isinstance(v, str))
        return None
    if qual.operator == "=" and isinstance(qual.value, str):
        return frozenset((qual.value,))
    return None


def explain_lines(table: Table, options: dict, request: Request, quals: Iterable) -> list[str]:
    """What a scan will ask AWS, for EXPLAIN: accounts, regions, filters, per-item calls."""
    pushed = [
        f"{qual.field_name} {'IN' if qual.is_list_operator else '='} {sorted(equal_to(qual))}"
        for qual in quals
        if qual.field_name in table.pushdown and equal_to(qual) is not None
    ]
    # Imported here, not with this module: a query the shared cache serves loads nothing that
    # reads AWS, and planning it needs none of it either.
    from ..core.accounts import accounts_to_read

    lines = [f"AgentCore table: agentcore.{table.name}"]
    if request.empty:
        return lines + ["AWS calls: none (the filters match nothing)"]
    try:
        aws = aws_context(options)
        accounts = sorted(account.account_id for account in accounts_to_read(aws, request))
        regions = planned_regions(aws, table, request)
    except (OptionError, AwsError) as exc:
        return lines + [f"AWS calls: unknown ({exc})"]
    lines.append(f"Accounts: {', '.join(accounts) or 'none'}")
    lines.append(f"Regions: {regions}")
    lines.append(f"Pushed down: {'; '.join(pushed) if pushed else 'nothing'}")
    if request.keys is not None:
        skipped = (table.parent or table).list_operation
        lines.append(f"Lookup by {table.key_column}: {', '.join(request.keys)} (no {skipped})")
    if table.get_detail is not None:
        fetched = request.with_details or (request.keys is not None and not table.parent)
        lines.append(
            f"Per-item details ({table.detail_operation}): "
            + ("fetched" if fetched else "not fetched (the query needs only list columns)")
        )
    if aws.settings.cache_ttl and table.cacheable:
        shared = cache.SharedCache.of(aws.settings)
        entry = shared.find(table, request, cache.now())
        lines.append(
            "Shared cache: "
            + (
                f"a scan read {int(entry.age(cache.now()))} s ago covers it (no AWS calls)"
                if entry
                else "nothing fresh covers it (AWS is read, and the rows kept)"
            )
        )
    return lines
