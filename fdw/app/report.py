"""The compliance report: control results summarized, the failures listed, in six formats.

A Report is built from rows of agentcore.control_results; `render` writes it as a table for
a terminal, CSV (the findings), JSON, Markdown, one self-contained HTML page (inline CSS
and SVG, nothing fetched from the network), or OCSF (every result a finding, ocsf.py). What
AWS wrote reaches every format escaped: HTML entities in Markdown and HTML, visible escapes for
control characters in the table and in Markdown, no formula in CSV (output.py owns the
control-character and CSV rules); JSON and OCSF are exact.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

from ..schema.controls import BY_ID
from .findings import observed_at
from .output import render as render_rows
from .output import terminal_lines, terminal_safe

FORMATS = ("table", "csv", "json", "html", "markdown", "ocsf")
STATUSES = ("ok", "alarm", "error", "skip")
FAILING = {"alarm": ("alarm", "error"), "error": ("error",), "never": ()}
COLUMNS = (
    "control_id", "control_title", "severity", "resource", "status", "reason",
    "account_id", "region",
)  # fmt: skip
FINDING_COLUMNS = ("status", "severity", "control_id", "account_id", "region", "resource", "reason")
DEMO_BANNER = "DEMO ESTATE: simulated AWS data from the built-in demo, not your accounts."
INCOMPLETE = "INCOMPLETE: AWS could not be read in full; results may be missing:"
# Commands shown per failing control; the rest are counted.
REMEDY_COMMANDS = 10
COLORS = {"ok": "#2e7d32", "alarm": "#c62828", "error": "#ef6c00", "skip": "#9e9e9e"}


def known_controls() -> list[str]:
    """Every bundled control: one file each in sql/controls/."""
    from ..schema.install import sql_dir

    return sorted(path.stem for path in (sql_dir() / "controls").glob("*.sql"))


@dataclass
class Report:
    rows: list[dict]
    demo: bool = False
    # PostgreSQL's WARNINGs while reading: something was not read, so results may be missing.
    warnings: list[str] = field(default_factory=list)
    generated_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # When AWS was read for the oldest rows shown (served from the cache); None: just now.
    data_fetched_at: datetime | None = None
    # A framework of controls.FRAMEWORKS: its control IDs are shown beside ours.
    framework: str | None = None
    # Settings the CLI examples repeat, by resource ARN (findings.current_settings).
    current: dict[str, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.framework:
            for row in self.rows:
                control = BY_ID.get(row["control_id"])
                row[self.framework] = control.frameworks.get(self.framework) if control else None

    @property
    def control_keys(self) -> tuple[str, ...]:
        return ("control_id", self.framework) if self.framework else ("control_id",)

    @property
    def finding_columns(self) -> tuple[str, ...]:
        return FINDING_COLUMNS + ((self.framework,) if self.framework else ())

    @cached_property
    def remedies(self) -> list[dict]:
        """For each control in alarm, once: what to change, and the CLI example filled in for
        each resource in alarm (the first REMEDY_COMMANDS of them)."""
        failing: dict[str, list[dict]] = {}
        for row in self.findings:
            if row["status"] == "alarm" and row["control_id"] in BY_ID:
                failing.setdefault(row["control_id"], []).append(row)
        remedies = []
        for control_id, rows in failing.items():
            control = BY_ID[control_id]
            shown = rows[:REMEDY_COMMANDS]
            remedies.append(
                {
                    "control_id": control_id,
                    "title": control.title,
                    "remediation": control.remediation,
                    "commands": [remediation_cli(r, self.current) for r in shown],
                    "more": len(rows) - len(shown),
                }
            )
        return remedies

    @property
    def data_age_seconds(self) -> int:
        if self.data_fetched_at is None:
            return 0
        return max(0, int((self.generated_at - self.data_fetched_at).total_seconds()))

    @property
    def observed_at(self) -> datetime:
        """When AWS was read for the rows shown."""
        return observed_at(self.data_fetched_at, self.generated_at)

    @property
    def data_age(self) -> str:
        """What the report says of its data's age."""
        if self.data_fetched_at is None or self.data_age_seconds < 1:
            return "Data read from AWS for this report."
        minutes, seconds = divmod(self.data_age_seconds, 60)
        age = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
        return (
            f"Data read from AWS at {self.data_fetched_at:%Y-%m-%d %H:%M:%S} UTC, {age} before "
            "this report (check --fresh reads it anew)."
        )

    @cached_property  # every format reads it several times
    def findings(self) -> list[dict]:
        order = {"error": 0, "alarm": 1}
        failed = [row for row in self.rows if row["status"] in order]
        return sorted(
            failed, key=lambda r: (order[r["status"]], r["control_id"], r["resource"] or "")
        )

    def by_status(self) -> dict[str, int]:
        counts = Counter(row["status"] for row in self.rows)
        return {status: counts.get(status, 0) for status in STATUSES}

    def by(self, *keys: str) -> list[dict]:
        """Counts per status for each distinct value of `keys`, sorted."""
        groups: dict[tuple, Counter] = {}
        for row in self.rows:
            groups.setdefault(tuple(row[k] for k in keys), Counter())[row["status"]] += 1
        return [
            {**dict(zip(keys, group)), **{s: counts.get(s, 0) for s in STATUSES}}
            for group, counts in sorted(groups.items(), key=lambda item: tuple(map(str, item[0])))
        ]

    def fails(self, level: str) -> bool:
        """An incomplete read fails like an error: what was not read cannot be called ok."""
        incomplete = bool(self.warnings) and "error" in FAILING[level]
        return incomplete or any(row["status"] in FAILING[level] for row in self.rows)

    def as_dict(self) -> dict:
        return {
            "generated_at": self.generated_at.isoformat(),
            "data_fetched_at": self.observed_at.isoformat(),
            "data_age_seconds": self.data_age_seconds,
            "demo": self.demo,
            "incomplete": self.warnings,
            "summary": {
                "by_status": self.by_status(),
                "by_control": self.by(*self.control_keys),
                "by_account_region": self.by("account_id", "region"),
            },
            "findings": self.findings,
            "remediation": self.remedies,
        }


def render(report: Report, output: str) -> str:
    return {
        "table": _table,
        "csv": _csv,
        "json": _json,
        "markdown": _markdown,
        "html": _html,
        "ocsf": _ocsf,
    }[output](report)


def _summary_line(report: Report) -> str:
    counts = report.by_status()
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES) + f" ({len(report.rows)} results)"


def _table(report: Report) -> str:
    parts = [f"{DEMO_BANNER}\n\n"] if report.demo else []
    parts.append(f"AgentCore compliance report, {report.generated_at:%Y-%m-%d %H:%M} UTC\n")
    parts.append(report.data_age + "\n")
    parts.append(_summary_line(report) + "\n\n")
    if report.warnings:
        lines = [terminal_lines(warning) for warning in report.warnings]
        parts.append(INCOMPLETE + "\n" + "\n".join(lines) + "\n\n")
    for title, keys in (
        ("By control", report.control_keys),
        ("By account and region", ("account_id", "region")),
    ):
        groups = report.by(*keys)
        parts.append(f"{title}:\n")
        parts.append(
            render_rows(keys + STATUSES, [[g[k] for k in keys + STATUSES] for g in groups])
        )
        parts.append("\n")
    findings = report.findings
    parts.append(f"Findings ({len(findings)} alarm and error):\n")
    if findings:
        parts.append(
            render_rows(
                report.finding_columns,
                [[f[c] for c in report.finding_columns] for f in findings],
            )
        )
    else:
        parts.append("none\n")
    for remedy in report.remedies:
        parts.append(f"\nRemediation, {remedy['control_id']}: {remedy['title']}\n")
        parts.append(terminal_safe(remedy["remediation"]) + "\n")
        parts += [f"  {terminal_safe(command)}\n" for command in remedy["commands"]]
        if remedy["more"]:
            parts.append(f"  ... and {remedy['more']} more\n")
    return "".join(parts)


def _csv(report: Report) -> str:
    """The findings, one per line: a spreadsheet has no place for a section, so each alarm
    carries its control's CLI example, filled in for its resource."""
    columns = COLUMNS + report.finding_columns[len(FINDING_COLUMNS) :] + ("remediation_cli",)
    rows = [
        [row[c] for c in columns[:-1]]
        + [remediation_cli(row, report.current) if row["status"] == "alarm" else None]
        for row in report.findings
    ]
    return render_rows(columns, rows, "csv")


def remediation_cli(row: dict, current: dict[str, dict]) -> str | None:
    control = BY_ID.get(row["control_id"])
    if control is None:
        return None
    return control.cli_for(row["resource"], row["region"], current.get(row["resource"]))


def _json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, default=str) + "\n"


def _ocsf(report: Report) -> str:
    """Every result, ok ones too (a consumer resolves what an earlier alarm opened), each an
    OCSF Detection Finding timed when AWS was read."""
    from . import ocsf

    return ocsf.render(report.rows, report.observed_at, demo=report.demo, current=report.current)


def _md_text(line: str) -> str:
    """A line that Markdown shows as it is: no HTML tag or entity of its own, no link or
    image (`![](https://...)` would fetch from the network), and no control character for a
    terminal that shows the file."""
    text = html.escape(line, quote=False).replace("[", "\\[").replace("]", "\\]")
    return terminal_safe(text)


def _md_cell(value) -> str:
    """One table cell, on one line (CommonMark also ends a line at a lone carriage return)."""
    text = str("" if value is None else value)
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return _md_text(text).replace("|", "\\|")


def _md_table(columns: tuple, rows: list[list]) -> str:
    lines = ["| " + " | ".join(_md_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _markdown(report: Report) -> str:
    parts = [f"> **{DEMO_BANNER}**\n\n"] if report.demo else []
    parts.append("# AgentCore compliance report\n\n")
    parts.append(f"{report.generated_at:%Y-%m-%d %H:%M} UTC: {_summary_line(report)}\n\n")
    parts.append(_md_text(report.data_age) + "\n\n")
    if report.warnings:
        quoted = "\n".join(
            f"> {_md_text(line)}" for w in report.warnings for line in w.splitlines()
        )
        parts.append(f"> **{INCOMPLETE}**\n{quoted}\n\n")
    parts.append("## By control\n\n")
    keys = report.control_keys + STATUSES
    groups = report.by(*report.control_keys)
    parts.append(_md_table(keys, [[g[k] for k in keys] for g in groups]))
    parts.append("\n## By account and region\n\n")
    keys = ("account_id", "region") + STATUSES
    parts.append(_md_table(keys, [[g[k] for k in keys] for g in report.by("account_id", "region")]))
    parts.append(f"\n## Findings ({len(report.findings)})\n\n")
    parts.append(
        _md_table(
            report.finding_columns,
            [[f[c] for c in report.finding_columns] for f in report.findings],
        )
    )
    if report.remedies:
        parts.append("\n## Remediation\n")
    for remedy in report.remedies:
        parts.append(f"\n### {_md_text(remedy['control_id'])}: {_md_text(remedy['title'])}\n\n")
        parts.append(_md_text(remedy["remediation"]) + "\n\n```sh\n")
        # Nothing in a command may end the code block early.
        parts += [terminal_safe(c).replace("`", "'") + "\n" for c in remedy["commands"]]
        parts.append("```\n")
        if remedy["more"]:
            parts.append(f"\n... and {remedy['more']} more\n")
    return "".join(parts)


def _html_chart(groups: list[dict]) -> str:
    """Stacked bars, one per control, labelled by its title with its ID beside: HTML that
    wraps a long title rather than clipping it, at any width and in print."""
    rows = []
    for group in groups:
        total = sum(group[s] for s in STATUSES) or 1
        segments = "".join(
            f'<span style="width:{100 * group[status] / total:.2f}%;background:{COLORS[status]}"'
            f' title="{group[status]} {status}">{group[status]}</span>'
            for status in STATUSES
            if group[status]
        )
        rows.append(
            f'<div class="label">{_control_label(group["control_id"])}</div>'
            f'<div class="bar">{segments}</div>'
        )
    legend = "".join(
        f'<span><i style="background:{COLORS[status]}"></i>{status}</span>' for status in STATUSES
    )
    return f'<div class="chart">{"".join(rows)}</div><p class="legend">{legend}</p>'


def _control_label(control_id: str) -> str:
    """A control by its title, with its ID beside it (the ID alone for one not in the catalog)."""
    control = BY_ID.get(control_id)
    code = f"<code>{html.escape(control_id)}</code>"
    return f"{html.escape(control.title)} {code}" if control else code


STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #212121; max-width: 80rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
h3 { font-size: 1rem; }
code { font-size: .85em; color: #616161; overflow-wrap: anywhere; }
.demo { background: #fff3e0; border: 2px solid #ef6c00; padding: .75rem 1rem; font-weight: bold; }
.totals span { display: inline-block; margin-right: 1.5rem; font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid #e0e0e0; padding: .35rem .5rem; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: #f5f5f5; }
td.status { font-weight: bold; color: white; }
td.short { white-space: nowrap; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: .5rem;
      font-size: .8rem; }
.chart { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .4rem 1rem;
         align-items: center; font-size: .85rem; }
.bar { display: flex; height: 1.4rem; }
.bar span { color: white; font-size: .75rem; text-align: center; line-height: 1.4rem;
            overflow: hidden; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.legend span { margin-right: 1rem; font-size: .8rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
            print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@media print {
  body { margin: 0; max-width: none; }
  td.status { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, pre, .chart > div { break-inside: avoid; }
}
"""


def _html_table(columns: tuple, rows: list[list], status_column: str | None = None) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in rows:
        cells = []
        for column, value in zip(columns, row):
            text = html.escape("" if value is None else str(value))
            if column == status_column:
                color = COLORS.get(str(value), "#616161")
                cells.append(f'<td class="status" style="background:{color}">{text}</td>')
            elif column == "control_id":
                cells.append(f"<td>{_control_label(str(value))}</td>")
            elif column in ("severity", "account_id", "region"):
                cells.append(f'<td class="short">{text}</td>')
            else:
                cells.append(f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html(report: Report) -> str:
    counts = report.by_status()
    totals = "".join(f'<span style="color:{COLORS[s]}">{counts[s]} {s}</span>' for s in STATUSES)
    place_keys = ("account_id", "region") + STATUSES
    places = [[g[k] for k in place_keys] for g in report.by("account_id", "region")]
    findings = [[f[c] for c in report.finding_columns] for f in report.findings]
    findings_table = (
        _html_table(report.finding_columns, findings, status_column="status")
        if findings
        else "<p>None.</p>"
    )
    remedies = "".join(
        f"<h3>{_control_label(r['control_id'])}</h3>"
        f"<p>{html.escape(r['remediation'])}</p>"
        + "".join(f"<pre>{html.escape(command)}</pre>" for command in r["commands"])
        + (f"<p>... and {r['more']} more</p>" if r["more"] else "")
        for r in report.remedies
    )
    demo = f'<p class="demo">{html.escape(DEMO_BANNER)}</p>' if report.demo else ""
    if report.warnings:
        lines = "<br>".join(html.escape(w).replace("\n", "<br>") for w in report.warnings)
        demo += f'<p class="demo">{html.escape(INCOMPLETE)}<br>{lines}</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>AgentCore compliance report</title>
<style>{STYLE}</style>
</head>
<body>
{demo}
<h1>AgentCore compliance report</h1>
<p>Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by agentcore-fdw.
{html.escape(report.data_age)}</p>
<p class="totals">{totals}</p>
<h2>Results by control</h2>
{_html_chart(report.by("control_id"))}
<h2>Results by account and region</h2>
{_html_table(place_keys, places)}
<h2>Findings ({len(findings)} alarm and error)</h2>
{findings_table}
{"<h2>Remediation</h2>" + remedies if remedies else ""}
</body>
</html>
"""


def write(text: str, output_file: Path | None) -> None:
    if output_file is None:
        import sys

        sys.stdout.write(text)
    else:
        output_file.write_text(text, encoding="utf-8")
