"""How a table is declared: its columns, where each value comes from, and its AWS calls.

A table module in `tables/` is one `Table(...)`: read it top to bottom to learn every
column's origin. A scan makes rows of plain Python (str, list of str, dict or list for
jsonb, aware datetime, bool, int), then flattens each to a tuple of its values
(Table.flatten): JSON and timestamps as text, which PostgreSQL parses, and marshal stores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import cache
from typing import Any, Callable, Union

from .answers import MalformedResponse, MalformedValue, items_of

TEXT = "text"
TEXT_ARRAY = "text[]"
JSONB = "jsonb"
TIMESTAMPTZ = "timestamptz"
BOOLEAN = "boolean"
BIGINT = "bigint"

Source = Union[str, Callable[[dict], Any]]

# A query naming more items than this (keys, or keys x subkeys) lists them instead of reading
# each: a list of 310 IDs would otherwise cost 310 requests in every region and account.
MAX_KEY_LOOKUPS = 50


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    # A dotted path into the item (the list call's summary merged with the detail call's
    # answer), or a function of the item.
    source: Source
    # True when the value only comes from the per-item detail call.
    detail: bool = False

    def value(self, item: dict) -> Any:
        """The column's value in `item`, or MalformedValue saying what is wrong with it."""
        if not callable(self.source):
            return normalize(dig(item, self.source), self.type)
        try:
            raw = self.source(item)
        except MalformedValue:
            raise
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            # A source function met an answer of a shape it does not expect.
            raise MalformedValue(f"could not be read ({type(exc).__name__})") from exc
        return normalize(raw, self.type)


# Where the scan puts the error code of an item's failed detail call (Table.detail_error_column).
DETAIL_ERROR = "_detail_error"


def detail_error(when: str) -> Column:
    """A table's detail_error column: the error code of its item's failed detail call, and
    `when` that happened (what the description says after "when")."""
    return Column(
        "detail_error", TEXT, f"NULL normally; the AWS error code when {when}", DETAIL_ERROR, True
    )


RESPONSE_PROBLEMS = Column(
    "response_problems",
    TEXT_ARRAY,
    "What was wrong with AWS's answer for this row, one entry per column: a malformed value "
    "(the column is then NULL, and detail_error, where the table has one, is MalformedResponse), "
    "or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.",
    lambda item: None,  # filled in by the scan, from the other columns
)


@dataclass(frozen=True)
class Request:
    """What one scan asks of AWS: less than the settings allow when filters were pushed down.

    None means "not narrowed"; an empty set means "nothing can match".
    """

    regions: frozenset | None = None
    accounts: frozenset | None = None
    keys: tuple | None = None  # values of the table's key column, in a stable order
    subkeys: tuple | None = None  # values of its subkey column (a version of each key)
    with_details: bool = True

    def narrowed(self, other: Request) -> Request:
        def both(mine, theirs):
            if mine is None or theirs is None:
                return theirs if mine is None else mine
            return type(mine)(value for value in mine if value in theirs)

        return Request(
            regions=both(self.regions, other.regions),
            accounts=both(self.accounts, other.accounts),
            keys=both(self.keys, other.keys),
            subkeys=both(self.subkeys, other.subkeys),
            with_details=self.with_details and other.with_details,
        )

    @property
    def unfiltered(self) -> bool:
        """No filter narrowed it: it reads everything the settings name."""
        parts = (self.regions, self.accounts, self.keys, self.subkeys)
        return all(part is None for part in parts)

    @property
    def empty(self) -> bool:
        parts = (self.regions, self.accounts, self.keys, self.subkeys)
        return any(part is not None and not part for part in parts)


EVERYTHING = Request()


def by_region(values: frozenset) -> Request:
    return Request(regions=frozenset(values))


def by_keys(values: frozenset) -> Request:
    """The pushdown of a key column: read just the items these values name."""
    return Request(keys=tuple(sorted(values)))


def by_account(values: frozenset) -> Request:
    return Request(accounts=frozenset(values))


COMMON_PUSHDOWN = {"region": by_region, "account_id": by_account}


@dataclass(frozen=True)
class Table:
    """One table of the contract. Its columns end with response_problems, added here."""

    name: str
    description: str
    service: str  # the boto3 service: which client, and which regions
    columns: tuple[Column, ...]
    # (client, parent item or None) -> the items, every page of them.
    list_items: Callable[[Any, Any], Iterable[dict]]
    list_operation: str
    # Members every listed item and every detail answer must carry as non-empty strings; a
    # detail must also carry the values the listed item had. Otherwise: MalformedResponse.
    identity: tuple[str, ...]
    # When set, items are listed once per item of this table's list (pools, then clients).
    parent: Table | None = None
    # When set, this table lists nothing of its own: each item these tables list (sharing their
    # listings) becomes one item here, through from_listed(table name, item).
    # A source with a parent is listed under each item of that parent, itself a source.
    listed_from: tuple[Table, ...] = ()
    from_listed: Callable[[str, dict], dict] | None = None
    # (client, item) -> the detail answer. Raises botocore's errors.
    get_detail: Callable[[Any, dict], dict] | None = None
    detail_operation: str | None = None
    # When set, a failed detail call keeps the row and puts the error code in this column.
    detail_error_column: str | None = None
    # (item) -> what its detail answer describes, when that can never change (a runtime
    # version): an answer, once read, is reused for the rest of the transaction by every table
    # that declares the same, whichever call read it.
    immutable_detail: Callable[[dict], tuple] | None = None
    # (listed item) -> what changes whenever the item does (a version and its last update):
    # an item listed with the marker of a row stored earlier takes that row, no detail call.
    change_marker: Callable[[dict], tuple] | None = None
    # True when the detail call decides whether an item has a row at all (a resource without
    # a policy has none): then it is made whatever columns a query needs.
    details_decide_rows: bool = False
    # The column whose values name single items, and (client, value) -> that item, detail
    # included: a filter on the key column reads just those items instead of listing. For a
    # table listed under a parent, the key names the parent and the item is the parent's.
    key_column: str | None = None
    key_item: Callable[[Any, str], dict] | None = None
    key_item_operation: str | None = None
    # (key) -> the one region, and the one account, an item of that key can be in, when the
    # key says so (an ARN): no other account or region is asked about it.
    key_region: Callable[[str], str] | None = None
    key_account: Callable[[str], str] | None = None
    # (key) -> the item it names, before AWS is asked (an ARN names a resource): what a row
    # whose lookup AWS refused still shows, with detail_error, rather than listing to find it.
    key_named: Callable[[str], dict] | None = None
    # A second key within the first (a version of a runtime), and (client, key, subkey) -> that
    # item, detail included: a filter on both key columns reads just those items, listing nothing.
    # The first two identity members are then the key's and the subkey's.
    subkey_column: str | None = None
    subkey_item: Callable[[Any, str, str], dict] | None = None
    # What the API accepts as a key and a subkey (a regular expression, from botocore's model
    # where it has one): a value that does not match names no item and never reaches a request.
    key_pattern: str | ModelPattern | None = None
    subkey_pattern: str | ModelPattern | None = None
    # Other columns whose filter narrows to keys (an ARN names its runtime): joins look rows up
    # by them too.
    lookup_columns: tuple[str, ...] = ()
    # For the planner: rows one account and region usually holds, and rows one key names.
    rows_per_scope: int = 10
    rows_per_key: int = 1
    # (AwsContext, Request, warn, read_table) -> the items, for a table the core works out
    # itself rather than listing it from one API in each account and region
    # (agentcore.accounts); warn(text) reports what it skipped, as a scan's warnings are, and
    # read_table(table, request) reads another table as the engine would (sharing its scans).
    read: Callable[..., list[dict]] | None = None
    # True when such a read keeps AWS's answers by what decides them (results.Remembered, its
    # `remembered` argument): the simulator's verdicts on a principal's unchanged policies.
    remembers_answers: bool = False
    # The (boto3 service, operation)s such a read makes itself, besides the scans of other
    # tables it runs (whose calls those tables declare): what the IAM policy needs for it.
    read_calls: tuple[tuple[str, str], ...] = ()
    # False for what must be read anew each time (agentcore.cache itself).
    cacheable: bool = True
    # Filters PostgreSQL can hand us, by column: (the values asked for) -> a narrower Request.
    pushdown: Mapping[str, Callable[[frozenset], Request]] = field(
        default_factory=lambda: dict(COMMON_PUSHDOWN)
    )

    def __post_init__(self) -> None:
        if RESPONSE_PROBLEMS not in self.columns:
            object.__setattr__(self, "columns", self.columns + (RESPONSE_PROBLEMS,))
        # What flatten() and unflatten() convert: (index, to text, from text) per column.
        converted = tuple(
            (index, _TO_TEXT[column.type], _FROM_TEXT[column.type])
            for index, column in enumerate(self.columns)
            if column.type in _TO_TEXT
        )
        object.__setattr__(self, "_converted", converted)
        for source in self.listed_from:
            if source.parent is not None and source.parent not in self.listed_from:
                raise ValueError(
                    f"{self.name} is listed from {source.name} but not from its parent "
                    f"{source.parent.name}"
                )

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def bounded(self, request: Request) -> Request:
        """`request` with keys the API could never accept dropped (they name no item), and a
        key list too long to read item by item turned into a listing (PostgreSQL still
        filters the rows)."""
        if request.keys is None:
            return request
        keys = tuple(key for key in request.keys if matches(self.key_pattern, key))
        subkeys = request.subkeys
        if subkeys is not None:
            subkeys = tuple(key for key in subkeys if matches(self.subkey_pattern, key))
        lookups = len(keys) * (len(subkeys) if subkeys is not None and self.subkey_item else 1)
        if lookups > MAX_KEY_LOOKUPS:
            return replace(request, keys=None, subkeys=None)
        return replace(request, keys=keys, subkeys=subkeys)

    def flatten(self, row: Mapping[str, Any]) -> tuple:
        """A row as its values in column order, each None, a str, a list of str, a bool or an
        int: JSON as its text (keys sorted) and a timestamp as ISO 8601 text. What the cache
        stores, and what both engines hand PostgreSQL as it is."""
        values = [row[column.name] for column in self.columns]
        for index, to_text, _ in self._converted:
            if values[index] is not None:
                values[index] = to_text(values[index])
        return tuple(values)

    def unflatten(self, values: tuple) -> dict[str, Any]:
        """The row a flattened tuple was made from."""
        values = list(values)
        for index, _, from_text in self._converted:
            if values[index] is not None:
                values[index] = from_text(values[index])
        return dict(zip(self.column_names, values))

    def needs_details(self, columns: Iterable[str]) -> bool:
        """Whether any of these columns only comes from the per-item detail call."""
        return self.details_decide_rows or any(self.column(name).detail for name in columns)

    @property
    def aws_calls(self) -> tuple[tuple[str, str], ...]:
        """Every (boto3 service, operation) a scan of this table may call: its list (its
        parent's too, or the lists of the tables it is listed from), its detail call and its
        key lookup. A table that `read`s itself calls only what the core does (the CALLS of
        core/aws.py and core/accounts.py): the IAM policy is made of these and those."""
        if self.read is not None:
            return self.read_calls
        calls = [*self._list_calls()]
        calls += [(self.service, op) for op in (self.detail_operation, self.key_item_operation)]
        return tuple(dict.fromkeys(call for call in calls if call[1] is not None))

    def _list_calls(self) -> tuple[tuple[str, str], ...]:
        if self.listed_from:  # its list_operation only names theirs
            return tuple(call for table in self.listed_from for call in table._list_calls())
        parents = self.parent._list_calls() if self.parent else ()
        return (*parents, (self.service, self.list_operation))


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_TO_TEXT = {JSONB: _json_text, TIMESTAMPTZ: datetime.isoformat}
_FROM_TEXT = {JSONB: json.loads, TIMESTAMPTZ: datetime.fromisoformat}


def listed_state(*members: str) -> Callable[[dict], tuple]:
    """A change marker made of list-answer members (a version, a last update time)."""
    return lambda item: tuple(item.get(member) for member in members)


def with_pushdown(**extra: Callable[[frozenset], Request]) -> dict:
    return dict(COMMON_PUSHDOWN, **extra)


def common_columns(account_description: str = "The AWS account ID.") -> tuple[Column, ...]:
    """account_id and region, first in every table, filled from the scan's scope."""
    return (
        Column("account_id", TEXT, account_description, "_scope.account_id"),
        Column("region", TEXT, "The AWS region.", "_scope.region"),
    )


def dig(item: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def normalize(value: Any, sql_type: str) -> Any:
    """A value as its column's type holds it; MalformedValue when it is of another type.

    Nothing is coerced: a null inside a list, a number where text belongs, or the string
    "false" where a boolean belongs all mean the answer is not what the API promises.
    """
    if value is None:
        return None
    if sql_type == TEXT_ARRAY:
        if not isinstance(value, list):
            raise MalformedValue("is not a list")
        if any(element is None for element in value):
            raise MalformedValue("holds a null item")
        if not all(isinstance(element, str) for element in value):
            raise MalformedValue("holds an item that is not a string")
        return list(value)
    if sql_type == TIMESTAMPTZ:
        if not isinstance(value, datetime):
            raise MalformedValue("is not a timestamp")
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    if sql_type == BOOLEAN:
        if not isinstance(value, bool):
            raise MalformedValue("is not a boolean")
        return value
    if sql_type == BIGINT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise MalformedValue("is not a whole number")
        return value
    if sql_type == TEXT and not isinstance(value, str):
        raise MalformedValue("is not a string")
    if sql_type == JSONB:
        return plain_json(value)
    return value


def plain_json(value: Any) -> Any:
    """A value as JSON holds it: botocore's timestamps inside an object (a memory strategy's
    createdAt) become ISO 8601 text, as AWS sent them."""
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_json(item) for item in value]
    if isinstance(value, datetime):
        return normalize(value, TIMESTAMPTZ).isoformat()
    return value


def paged(
    call: Callable[..., dict],
    items_key: str,
    token_key: str = "nextToken",
    **request: Any,
) -> Iterator[dict]:
    """Every item of a paged list call, following its token to the end."""
    operation = operation_name(call)
    seen_tokens = set()
    while True:
        answer = call(**request)
        yield from items_of(answer, items_key, operation)
        token = answer.get(token_key)
        if not token:
            return
        if not isinstance(token, str):
            raise MalformedResponse(f"{token_key} is not a string", operation)
        if token in seen_tokens:
            raise MalformedResponse(f"the service returned the same {token_key} twice", operation)
        seen_tokens.add(token)
        request[token_key] = token


def matches(pattern: str | ModelPattern | None, value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 2048:  # no AWS identifier is longer
        return False
    if isinstance(pattern, ModelPattern):
        pattern = pattern.text()
    return pattern is None or re.fullmatch(pattern, value) is not None


@dataclass(frozen=True)
class ModelPattern:
    """The pattern botocore's model gives a request member (what the API would accept), read
    when a query first needs it: loading a service model takes longer than a cached query."""

    service: str
    operation: str
    member: str

    def text(self) -> str | None:
        return _model_pattern(self.service, self.operation, self.member)


def model_pattern(service: str, operation: str, member: str) -> ModelPattern:
    return ModelPattern(service, operation, member)


@cache
def _model_pattern(service: str, operation: str, member: str) -> str | None:
    import botocore.session

    model = botocore.session.get_session().get_service_model(service)
    shape = model.operation_model(operation).input_shape.members[member]
    return shape.metadata.get("pattern")


def operation_name(call: Callable) -> str | None:
    """The AWS operation a boto3 client method calls (list_gateways -> ListGateways)."""
    client = getattr(call, "__self__", None)
    mapping = getattr(getattr(client, "meta", None), "method_to_api_mapping", {})
    return mapping.get(getattr(call, "__name__", ""))


def utc_datetime(value: Any) -> datetime | None:
    return normalize(value, TIMESTAMPTZ)
