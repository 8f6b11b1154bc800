"""agentcore.cache: what the shared cache holds for the server's current options, per table,
account and region, and how old it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import cache
from ..core.table import BIGINT, BOOLEAN, TEXT, TIMESTAMPTZ, Column, Request, Table

if TYPE_CHECKING:
    from ..core.aws import AwsContext


def read_entries(aws: AwsContext, request: Request, warn=None, read_table=None) -> list[dict]:
    shared = cache.SharedCache.of(aws.settings)
    now = cache.now()
    items = []
    held = shared.entries()
    on_disk = {entry.path for entry in held}
    # What this transaction used stays listed even if another backend deleted it since.
    gone = [e for e in cache.served_in_this_transaction() if e.path not in on_disk]
    for entry in held + gone:
        for account_id, region, rows in entry.scopes or [[None, None, 0]]:
            if request.accounts is not None and account_id not in request.accounts:
                continue
            if request.regions is not None and region not in request.regions:
                continue
            items.append(
                {
                    "table_name": entry.table,
                    "account_id": account_id,
                    "region": region,
                    "row_count": rows,
                    "fetched_at": cache.utc(entry.fetched_at),
                    "age_seconds": int(entry.age(now)),
                    "expires_at": cache.utc(entry.fetched_at + aws.settings.cache_ttl),
                    "narrowed_to": cache.describe(entry.request),
                    "in_this_transaction": cache.seen_in_this_transaction(entry),
                    "_scope": {"account_id": account_id, "region": region},
                }
            )
    return items


TABLE = Table(
    name="cache",
    description="What the shared cache holds for the server's current options: one row per "
    "cached scan, table, account and region. Rows are served again to every connection for "
    "cache_ttl seconds; agentcore.refresh() forgets them.",
    service="sts",
    columns=(
        Column("table_name", TEXT, "The agentcore table the rows belong to.", "table_name"),
        Column("account_id", TEXT, "The AWS account ID.", "account_id"),
        Column("region", TEXT, "The AWS region (NULL for agentcore.accounts).", "region"),
        Column(
            "row_count", BIGINT, "How many rows of this account and region it holds.", "row_count"
        ),
        Column(
            "fetched_at",
            TIMESTAMPTZ,
            "When AWS was read for them (the scan's start: they are at least this old).",
            "fetched_at",
        ),  # fmt: skip
        Column("age_seconds", BIGINT, "Seconds since fetched_at.", "age_seconds"),
        Column(
            "expires_at",
            TIMESTAMPTZ,
            "When they stop being served (fetched_at + cache_ttl); a later query reads AWS.",
            "expires_at",
        ),  # fmt: skip
        Column(
            "narrowed_to",
            TEXT,
            "The filters of the scan that read them (everything, or regions, accounts, keys); "
            "it serves the same or narrower queries.",
            "narrowed_to",
        ),  # fmt: skip
        Column(
            "in_this_transaction",
            BOOLEAN,
            "Whether the current transaction's queries were answered from these rows (or "
            "stored them): the age of what it shows.",
            "in_this_transaction",
        ),  # fmt: skip
    ),
    list_items=lambda client, parent: (),
    list_operation="none",
    identity=("table_name",),
    read=read_entries,
    cacheable=False,
    rows_per_scope=10,
)
