"""Rows printed for people (an aligned table) and for programs (CSV, JSON, JSON lines), and
the progress line a terminal shows while a scan takes its time.

Cells carry whatever AWS strings hold, so every output is safe to open: a table shows each
control character as a visible `\\xNN` escape (`terminal_safe`), a CSV cell that a spreadsheet
would read as a formula gets a leading `'` (`csv_safe`), and JSON is exact (json.dumps escapes).
The report (report.py) writes its tables and CSV through here too.

A table or CSV cell of a query is exact too: `postgres_text` has a cursor load each value as
PostgreSQL writes it as text (what psql shows: jsonb as JSON, arrays as `{a,"b,c",NULL}`,
booleans as `t` and `f`), but for numbers, which stay numbers (a CSV cell holding one is no
formula), and dates and times, written in ISO 8601 with their offset. Psycopg's own values
would be ambiguous: a jsonb array and a text[] both arrive as a Python list.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import numbers
import re
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

import psycopg
from psycopg import postgres
from psycopg.types.string import TextLoader

FORMATS = ("table", "csv", "json", "jsonl")
PROGRESS_AFTER_SECONDS = 0.5
# C0 (newline, tab and ESC among them), DEL and C1: what a terminal would act on, not show.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")
# OWASP's CSV injection rule: a cell starting with one of these may be read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What postgres_text leaves to psycopg: numbers, and dates and times (written in ISO 8601).
PYTHON_VALUES = frozenset(
    {"int2", "int4", "int8", "oid", "numeric", "float4", "float8"}
    | {"date", "time", "timetz", "timestamp", "timestamptz"}
)


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], output: str = "table") -> str:
    if output == "csv":
        lines = [[csv_safe(name) for name in columns]]
        lines += [[csv_cell(value) for value in row] for row in rows]
        return "".join(map(_csv_line, lines))
    if output == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=str, indent=2) + "\n"
    if output == "jsonl":
        return "".join(json.dumps(dict(zip(columns, row)), default=str) + "\n" for row in rows)
    columns = [terminal_safe(name) for name in columns]
    cells = [[terminal_safe(_text(value)) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def terminal_safe(text: str) -> str:
    """`text` with each control character shown as `\\xNN`, so no escape sequence reaches a
    terminal and a cell stays on one line."""
    return CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def terminal_lines(text: str) -> str:
    """`text` for a terminal, its lines kept: each line through terminal_safe."""
    return "\n".join(terminal_safe(line) for line in text.splitlines())


def csv_safe(text: str) -> str:
    """`text`, with a leading `'` when a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any) -> str:
    """A CSV cell: a number is written as it is (`-5` stays a number); any text may be a formula."""
    if isinstance(value, numbers.Number):
        return _text(value)
    return csv_safe(_text(value))


def _csv_line(cells: list[str]) -> str:
    """One CSV row ending in "\\n". Written with "\\r\\n" so that a cell holding a carriage
    return is quoted (the writer quotes the terminator's characters only, and spreadsheets and
    csv readers end a row at a bare "\\r": the rest of the cell would start a row of its own)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


def postgres_text(cursor: psycopg.Cursor) -> None:
    """Have `cursor` load each value of a type PostgreSQL defines (its arrays and every array
    included) as the text PostgreSQL writes for it, except numbers, dates and times. A type of
    an extension's or a user's arrives as text already."""
    for info in postgres.types:
        if info.name not in PYTHON_VALUES:
            cursor.adapters.register_loader(info.oid, TextLoader)
        if info.array_oid:
            cursor.adapters.register_loader(info.array_oid, TextLoader)


def _text(value: Any) -> str:
    """A cell's text. From postgres_text's cursor, a value is a str, a number, a date or time,
    or None (NULL: an empty cell); values made in Python (a report's) are written alike."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


@contextmanager
def progress(label: str, stream: TextIO | None = None) -> Iterator[None]:
    """`label… 3.2s` on a terminal's stderr while the block runs past a moment; else quiet."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield
        return
    done = threading.Event()
    started = time.monotonic()

    def show() -> None:
        if done.wait(PROGRESS_AFTER_SECONDS):
            return
        while not done.wait(0.2):
            stream.write(f"\r{label}… {time.monotonic() - started:.1f}s")
            stream.flush()
        stream.write("\r\033[K")
        stream.flush()

    painter = threading.Thread(target=show, daemon=True)
    painter.start()
    try:
        yield
    finally:
        done.set()
        painter.join()
