"""Rows printed for people (an aligned table) and for programs (CSV, JSON, JSON lines), and
the progress line a terminal shows while a scan takes its time."""

from __future__ import annotations

import csv
import io
import json
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

FORMATS = ("table", "csv", "json", "jsonl")
PROGRESS_AFTER_SECONDS = 0.5


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], output: str = "table") -> str:
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(value) for value in row] for row in rows])
        return buffer.getvalue()
    if output == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=str, indent=2) + "\n"
    if output == "jsonl":
        return "".join(json.dumps(dict(zip(columns, row)), default=str) + "\n" for row in rows)
    cells = [[_text(value) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(element) for element in value)
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
