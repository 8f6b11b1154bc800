"""What both engines share: settings to AwsContext, the per-transaction result cache,
cancellation, and one summary of warnings.

Within one transaction, a table read with the same options and the same pushed-down
filters is read from AWS once: a transaction sees one consistent picture of AWS (views
such as control_results name agent_runtimes several times), and a new one reads afresh.
"""

from __future__ import annotations

import ctypes
from collections.abc import Hashable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core import cache
from ..core.options import OptionError, Settings, parse_options
from ..core.results import INCOMPLETE_MARK, AwsError, ScanResult
from ..core.table import EVERYTHING, Request, Table
from ..tables.authorizers import BOTOCORE_HINT, botocore_problem

if TYPE_CHECKING:
    from ..core.aws import AwsContext

SERVER_NAME = "agentcore"
MAX_WARNING_LINES = 10

_contexts: dict[Settings, AwsContext] = {}
_transaction: Hashable = None
_results: dict[Hashable, ScanResult] = {}
_failures: dict[Hashable, AwsError] = {}  # scans that failed in this transaction
_listings: dict[tuple, dict] = {}
_warned: set[int] = set()  # results whose warnings were already emitted


def aws_context(options: Mapping[str, str]) -> AwsContext:
    """The AwsContext for these server options, reused while it is fresh."""
    settings = parse_options(options, look_up_regions=False)  # AwsContext looks them up
    problem = botocore_problem()
    if problem:
        raise OptionError(problem, hint=BOTOCORE_HINT)
    # The cache's TTLs do not change how AWS is reached: changing them keeps the roles assumed.
    key = replace(settings, cache_ttl=0, detail_cache_ttl=0)
    context = _contexts.get(key)
    if context is None or context.expired:
        from ..core.aws import AwsContext  # here: a query the cache serves never loads it

        context = _contexts[key] = AwsContext(settings)
    context.settings = settings  # the same but for the TTLs, which are read from here
    return context


def forget_contexts() -> None:
    _contexts.clear()


def scan_once(
    table: Table,
    options: Mapping[str, str],
    transaction: Hashable,
    request: Request = EVERYTHING,
) -> ScanResult:
    """Scan `table`, or reuse this transaction's scan of it with the same options and filters."""
    global _transaction
    if transaction != _transaction:
        _transaction = transaction
        _results.clear()
        _failures.clear()
        _listings.clear()
        _warned.clear()
        cache.new_transaction()
    options_key = tuple(sorted(options.items()))
    key = (table.name, options_key, request)
    if key in _failures:  # every control that reads it fails alike, without asking AWS again
        raise _failures[key]
    if key not in _results:
        settings = parse_options(options, look_up_regions=False)
        shared = cache.SharedCache.of(settings)
        try:
            _results[key] = cache.read(
                table,
                lambda: aws_context(options),
                request,
                shared if settings.cache_ttl else None,
                listings=_listings.setdefault(options_key, {}),
                should_stop=cancel_requested,
                read_table=lambda other, asked: scan_once(other, options, transaction, asked),
            )
        except AwsError as exc:
            _failures[key] = exc
            raise
    return _results[key]


def cancel_requested() -> bool:
    """Whether PostgreSQL was asked to cancel this query (or end this backend).

    Read from the server's own flags, set by its signal handlers: calling back into
    PostgreSQL from Python to check for interrupts is what this avoids (with Multicorn2, an
    interrupt raised inside such a call corrupts the backend).
    """
    flags = _interrupt_flags()
    return any(flag.value for flag in flags)


_flags: list | None = None


def _interrupt_flags() -> list:
    global _flags
    if _flags is None:
        _flags = []
        try:
            server = ctypes.CDLL(None)
            for name in ("QueryCancelPending", "ProcDiePending"):
                _flags.append(ctypes.c_int.in_dll(server, name))
        except (OSError, ValueError):  # not inside PostgreSQL: nothing can cancel us
            _flags = []
    return _flags


def warning_summary(table: Table, result: ScanResult) -> str | None:
    """One WARNING's text for a scan's warnings, and the requests AWS throttled: once per
    scan, however often it is reused. It starts with INCOMPLETE_MARK only when something could
    not be read; throttled requests were retried and answered."""
    warnings = result.warnings
    if (not warnings and not result.throttled) or id(result) in _warned:
        return None
    _warned.add(id(result))
    lines = warnings[:MAX_WARNING_LINES]
    if len(warnings) > MAX_WARNING_LINES:
        lines.append(f"... and {len(warnings) - MAX_WARNING_LINES} more")
    if result.throttled:
        counts = ", ".join(f"{n} {name}" for name, n in sorted(result.throttled.items()))
        lines.append(
            f"AWS throttled {sum(result.throttled.values())} requests, each retried with "
            f"backoff ({counts}); lower max_concurrency if this is frequent"
        )
    if warnings:
        return f"agentcore.{table.name} {INCOMPLETE_MARK}\n" + "\n".join(lines)
    return f"agentcore.{table.name} was read in full:\n" + "\n".join(lines)
