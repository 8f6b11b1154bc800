"""What both engines share: settings to AwsContext, the per-statement result cache,
values as PostgreSQL takes them, and one summary of warnings."""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from typing import Any

from ..aws import AwsContext
from ..options import Settings, parse_options
from ..scan import ScanResult, scan
from ..table import JSONB, Table

SERVER_NAME = "agentcore"
MAX_WARNING_LINES = 10

_contexts: dict[Settings, AwsContext] = {}
_statement: Hashable = None
_results: dict[Hashable, ScanResult] = {}
_listings: dict[tuple, list[dict]] = {}


def aws_context(options: Mapping[str, str]) -> AwsContext:
    """The AwsContext for these server options, reused while it is fresh."""
    settings = parse_options(options)
    context = _contexts.get(settings)
    if context is None or context.expired:
        context = _contexts[settings] = AwsContext(settings)
    return context


def scan_once(table: Table, options: Mapping[str, str], statement: Hashable) -> ScanResult:
    """Scan `table`, or reuse this statement's earlier scan of it with the same options.

    One statement may name a table several times (control_results reads agent_runtimes
    once per control); it then sees one consistent read and pays for it once.
    """
    global _statement
    if statement != _statement:
        _statement = statement
        _results.clear()
        _listings.clear()
    options_key = tuple(sorted(options.items()))
    key = (table.name, options_key)
    if key not in _results:
        listings = _listings.setdefault(options_key, {})
        _results[key] = scan(table, aws_context(options), listings=listings)
    return _results[key]


def to_postgres(value: Any, sql_type: str) -> Any:
    if value is not None and sql_type == JSONB:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def warning_summary(table: Table, warnings: list[str]) -> str | None:
    if not warnings:
        return None
    lines = warnings[:MAX_WARNING_LINES]
    if len(warnings) > MAX_WARNING_LINES:
        lines.append(f"... and {len(warnings) - MAX_WARNING_LINES} more")
    return f"agentcore.{table.name} is incomplete:\n" + "\n".join(lines)
