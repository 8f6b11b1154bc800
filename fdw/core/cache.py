"""Rows read from AWS, kept for a while and shared by every backend of the server.

A scan's rows are stored, once the scan read everything it was asked for, under the table,
the settings that decide what is read (regions, accounts, endpoint), and the request; a later
request is served from an entry whose request covers it (the same or broader filters, details
included when it needs them) for `cache_ttl` seconds. The engine (PostgreSQL) filters the rows
as it filters a scan's. Each transaction keeps the picture it first saw (engines/common.py).

A second store keeps, for the tables whose list answers carry a change marker (a runtime's
version and last update), each item's row under that marker: a scan after the TTL lists, and
an item whose marker is unchanged takes its stored row instead of a detail call, for
`detail_cache_ttl` seconds. A table that reads itself may keep there, the same way, what its
rows show of an answer, under what decided it (the IAM simulator's verdicts, under a
principal's policies: access, condition keys and policy names).

Only rows are stored, that is the column values a table exposes to every reader: never an
AWS answer, so never an environment variable value, a client secret or a credential. Entries
are files in CACHE_DIRECTORY (in PostgreSQL, a backend's working directory is the data
directory), readable and writable by the server's OS user alone: a header line of JSON,
then the flattened rows (Table.flatten: tuples of text, lists of text, numbers) in `marshal`'s
format. Tuples, not dicts: 3,000 runtimes' rows load in 6 ms, against 60 ms as dicts, whose
every key is a new string to hash, and engines hand them to PostgreSQL as they are. marshal
reads only what such a file holds and runs nothing; its format is the Python version's, so
that version is part of where entries live. Nothing here knows PostgreSQL.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .. import __version__
from .options import Settings
from .results import ScanResult
from .table import Request, Table

if TYPE_CHECKING:
    from .aws import AwsContext

CACHE_DIRECTORY = "agentcore_fdw_cache"
DETAILS_FILE = "markers.rows"
ENTRY_SUFFIX = ".entry"
# What a backend keeps loaded, so that a query repeated within the TTL reads no file.
LOADED_ENTRIES = 8
# Cached scans kept per table (lookups by key each store one): the oldest go first.
ENTRIES_PER_TABLE = 256
# What an entry's file holds, in the contract: rows stored otherwise before are never read.
ROW_FORMAT = "flattened tuples"
# Settings that change how AWS is read, not what: they do not split the cache.
HOW_NOT_WHAT = ("max_concurrency", "max_attempts", "connect_timeout", "read_timeout",
                "ignore_error_codes", "cache_ttl", "detail_cache_ttl")  # fmt: skip


def settings_key(settings: Settings) -> str:
    """The same text for settings that read the same things, in every backend."""
    what = {name: value for name, value in asdict(settings).items() if name not in HOW_NOT_WHAT}
    canonical = json.dumps(what, sort_keys=True, default=sorted)
    return hashlib.sha256(canonical.encode()).hexdigest()[:24]


def request_json(request: Request) -> dict:
    def listed(values):
        return None if values is None else sorted(values)

    return {
        "regions": listed(request.regions),
        "accounts": listed(request.accounts),
        "keys": listed(request.keys),
        "subkeys": listed(request.subkeys),
        "with_details": request.with_details,
    }


def covers(stored: dict, asked: Request) -> bool:
    """Whether an entry stored for `stored` (request_json) holds every row `asked` can have."""
    for name in ("regions", "accounts", "keys", "subkeys"):
        mine, theirs = stored[name], getattr(asked, name)
        if mine is not None and (theirs is None or not set(theirs) <= set(mine)):
            return False
    return stored["with_details"] or not asked.with_details


def describe(stored: dict) -> str:
    """A request as `agentcore.cache` shows it: what the cached scan was narrowed to."""
    parts = [
        f"{name} = {', '.join(stored[name])}"
        for name in ("regions", "accounts", "keys", "subkeys")
        if stored[name] is not None
    ]
    if not stored["with_details"]:
        parts.append("list columns only")
    return "; ".join(parts) or "everything"


@dataclass(frozen=True)
class Entry:
    """One cached scan: its file, and the header that says what it holds."""

    path: Path
    table: str
    request: dict
    fetched_at: float  # when the scan began: its rows are at least this old
    scopes: list  # [account_id, region, rows] for each account and region with rows

    def age(self, now: float) -> float:
        return max(0.0, now - self.fetched_at)


class SharedCache:
    """The entries of one set of settings, under `directory`."""

    @classmethod
    def of(cls, settings: Settings) -> SharedCache:
        """The server's cache (in the default directory) for these settings."""
        return cls(default_directory(), settings)

    def __init__(self, directory: Path, settings: Settings):
        self.settings = settings
        self.root = Path(directory)
        self.directory = self.root / settings_key(settings)

    # Whole scans.

    def find(self, table: Table, request: Request, now: float) -> Entry | None:
        """The freshest entry that can serve `request`, if one is within the TTL."""
        covering = [entry for entry in self.entries(table) if covers(entry.request, request)]
        # One transaction, one picture: what it already used, however old by now.
        used = [entry for entry in covering if str(entry.path) in _served]
        fresh = used or [e for e in covering if e.age(now) < self.settings.cache_ttl]
        return max(fresh, key=lambda entry: entry.fetched_at, default=None)

    def values(self, entry: Entry) -> list[tuple] | None:
        """The flattened rows of an entry (None when it vanished: refreshed meanwhile)."""
        try:
            stamp = entry.path.stat().st_mtime_ns
        except FileNotFoundError:
            return None
        key = (str(entry.path), stamp)
        if key not in _loaded:
            try:
                data = entry.path.read_bytes()
                # loads, not load(file): load reads a file a few bytes at a time (3x slower).
                _loaded[key] = marshal.loads(memoryview(data)[data.index(b"\n") + 1 :])
            except (OSError, ValueError, EOFError, TypeError):
                return None
            while len(_loaded) > LOADED_ENTRIES:
                _loaded.pop(next(iter(_loaded)))
        return _loaded[key]

    def store(
        self, table: Table, request: Request, values: list[tuple], fetched_at: float
    ) -> Entry:
        stored = request_json(request)
        name = hashlib.sha256(json.dumps(stored).encode()).hexdigest()[:24] + ENTRY_SUFFIX
        path = self.table_directory(table) / name
        names = table.column_names
        account = names.index("account_id") if "account_id" in names else None
        region = names.index("region") if "region" in names else None
        counts: dict[tuple, int] = {}
        for row in values:
            where = (
                None if account is None else row[account],
                None if region is None else row[region],
            )
            counts[where] = counts.get(where, 0) + 1
        header = {
            "table": table.name,
            "request": stored,
            "fetched_at": fetched_at,
            "scopes": [[account, region, n] for (account, region), n in sorted(counts.items(),
                                                                               key=str)],
        }  # fmt: skip
        rows = marshal.dumps(shared_strings(values))
        _write_atomically(path, json.dumps(header).encode() + b"\n" + rows)
        self._prune(table, fetched_at)
        return Entry(path, table.name, stored, fetched_at, header["scopes"])

    def table_directory(self, table: Table) -> Path:
        """Where a table's entries live: apart for each version of its columns, so that rows
        another version of agentcore-fdw stored are never served as this one's."""
        return self.directory / f"{table.name}@{contract(table)}"

    def _prune(self, table: Table, now: float) -> None:
        """Delete what no query can be served from any more: the oldest beyond the cap, and
        whatever another version of the table stored."""
        for other in self.directory.glob(f"{table.name}@*"):
            if other != self.table_directory(table):
                shutil.rmtree(other, ignore_errors=True)
        entries = sorted(self.entries(table), key=lambda entry: entry.fetched_at)
        expired = [entry for entry in entries if entry.age(now) >= self.settings.cache_ttl]
        for entry in expired + entries[len(expired) : -ENTRIES_PER_TABLE or None]:
            with contextlib.suppress(OSError):
                entry.path.unlink()

    def entries(self, table: Table | None = None) -> list[Entry]:
        """The entries of one table, or of every table this version knows."""
        found = []
        if table is not None:
            tables = [self.table_directory(table)]
        else:
            tables = [path for path in _subdirectories(self.directory) if path.name in _SERVED]
        for directory in tables:
            for path in sorted(directory.glob("*" + ENTRY_SUFFIX)) if directory.is_dir() else ():
                with contextlib.suppress(OSError, ValueError, KeyError):
                    with path.open("rb") as file:
                        header = json.loads(file.readline())
                    found.append(
                        Entry(path, header["table"], header["request"], header["fetched_at"],
                              header["scopes"])
                    )  # fmt: skip
        return found

    def drop(self, table_name: str | None = None) -> int:
        """Forget the entries (and stored details) of one table, or of all; how many entries.
        A scan that began before, and ends after, stores nothing (refreshed_at)."""
        dropped = [e for e in self.entries() if table_name is None or e.table == table_name]
        if table_name is None:
            shutil.rmtree(self.directory, ignore_errors=True)
        for directory in self.directory.glob(f"{table_name}@*") if table_name else ():
            shutil.rmtree(directory, ignore_errors=True)
        _write_atomically(self._refresh_stamp(table_name), b"")
        return len(dropped)

    def refreshed_at(self, table: Table) -> float:
        """When the table (or every table) was last refreshed: rows read earlier are stale."""
        stamps = []
        for path in (self._refresh_stamp(None), self._refresh_stamp(table.name)):
            with contextlib.suppress(OSError):
                stamps.append(path.stat().st_mtime)
        return max(stamps, default=0.0)

    def _refresh_stamp(self, table_name: str | None) -> Path:
        return self.directory / f"{table_name or 'all'}.refreshed"

    # Rows of items by change marker.

    def marked(self, table: Table, now: float) -> dict[str, tuple]:
        """Flattened rows by change marker, stored less than detail_cache_ttl ago."""
        return {marker: values for marker, (values, _) in self._fresh_marked(table, now).items()}

    def store_marked(self, table: Table, marked: dict[str, tuple], now: float) -> None:
        """Add rows read in full by marker; an unchanged item's row keeps its first stored
        time, so that detail_cache_ttl bounds how old a reused row can be."""
        if not marked or not self.settings.detail_cache_ttl:
            return
        kept = self._fresh_marked(table, now)  # read again: another backend may have added
        kept.update({marker: (values, now) for marker, values in marked.items()})
        kept = dict(zip(kept, shared_strings(list(kept.values()))))
        _write_atomically(self.table_directory(table) / DETAILS_FILE, marshal.dumps(kept))

    def _fresh_marked(self, table: Table, now: float) -> dict[str, tuple]:
        """(flattened row, stored at) by marker, for those within detail_cache_ttl."""
        try:
            stored = marshal.loads((self.table_directory(table) / DETAILS_FILE).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        ttl = self.settings.detail_cache_ttl
        return {marker: pair for marker, pair in stored.items() if now - pair[1] < ttl}


_loaded: dict[tuple, list[tuple]] = {}
# The entries this backend's current transaction has seen, kept here: another backend may
# delete their files meanwhile, and the report must still know how old its data is.
_served: dict[str, Entry] = {}


def read(
    table: Table,
    aws: Callable[[], AwsContext],
    request: Request,
    cache: SharedCache | None,
    **scanning: Any,
) -> ScanResult:
    """The rows of `table` for `request`: a cached scan's when one serves it, else a scan's,
    stored when it read everything it was asked for. `aws` makes the context only when AWS
    is read (a hit needs no boto3); `scanning` goes to scan()."""
    if cache is None or not table.cacheable:
        return scan(table, aws(), request, **scanning)
    request = table.bounded(request)
    started = now()
    entry = cache.find(table, request, started)
    values = None if entry is None else cache.values(entry)
    if values is not None:
        _served[str(entry.path)] = entry
        return ScanResult(table, values, fetched_at=entry.fetched_at)
    remembers = table.change_marker is not None or table.remembers_answers
    reusable = cache.marked(table, started) if remembers else {}
    result = scan(table, aws(), request, reusable=reusable, **scanning)
    result.fetched_at = started
    # A cache that cannot be written (a full disk, a value marshal refuses) only costs time.
    with contextlib.suppress(OSError, ValueError, TypeError):
        # Never rows with gaps, nor rows read before a refresh that ended meanwhile.
        if not result.warnings and cache.refreshed_at(table) <= started:
            stored = cache.store(table, request, result.values, started)
            _served[str(stored.path)] = stored
        cache.store_marked(table, result.marked, started)
    return result


def scan(table: Table, aws: AwsContext, request: Request, **scanning: Any) -> ScanResult:
    """scan.scan, imported when AWS is read: a query the cache serves never loads the scanner,
    nor what it needs of boto3's side (threads, sockets), 20 ms of a new backend's start."""
    from . import scan as scanner

    return scanner.scan(table, aws, request, **scanning)


def new_transaction() -> None:
    _served.clear()


def seen_in_this_transaction(entry: Entry) -> bool:
    return str(entry.path) in _served


def served_in_this_transaction() -> list[Entry]:
    return list(_served.values())


def shared_strings(values: list[tuple]) -> list[tuple]:
    """The same rows, each repeated string (an account, a region, a status, an issuer) one
    object: marshal writes it once and refers to it after, so a reader makes it once. For
    3,000 runtimes: 1.6 MB instead of 2.1, loaded in 3.9 ms instead of 6.4."""
    seen: dict[str, str] = {}

    def one(value: Any) -> Any:
        if isinstance(value, str):
            return seen.setdefault(value, value)
        if isinstance(value, (list, tuple)):
            return type(value)(map(one, value))
        return value

    return [one(row) for row in values]


def contract(table: Table) -> str:
    """This version's shape of a table's rows: the package version and the columns."""
    python = "python {}.{}".format(*sys.version_info[:2])  # marshal's format is Python's
    shape = [__version__, python, ROW_FORMAT] + [f"{c.name} {c.type}" for c in table.columns]
    return hashlib.sha256("\n".join(shape).encode()).hexdigest()[:12]


_SERVED: set[str] = set()  # the directory names of the tables this version serves


def serve(tables: Iterable[Table]) -> None:
    """Hand the cache the tables it serves, so that it lists their entries (and no other
    version's) without importing the table registry, which sits above it."""
    _SERVED.update(f"{table.name}@{contract(table)}" for table in tables)


def utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc)


def _subdirectories(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if path.is_dir())


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new, never half."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def default_directory() -> Path:
    return Path.cwd() / CACHE_DIRECTORY


def now() -> float:
    return time.time()
