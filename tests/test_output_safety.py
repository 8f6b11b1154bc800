"""Every output is safe to open, whatever AWS strings hold (issue 10): Markdown escapes HTML,
a table shows control characters as `\\xNN`, a CSV cell never starts a formula, JSON is exact.
Unit tests of the renderers: no PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from agentcore_fdw.app.output import csv_cell, csv_safe, render, terminal_safe
from agentcore_fdw.app.report import FORMATS as REPORT_FORMATS
from agentcore_fdw.app.report import Report
from agentcore_fdw.app.report import render as render_report
from agentcore_fdw.schema.controls import CONTROLS

SCRIPT = "<script>alert(1)</script>"
HYPERLINK = '=HYPERLINK("http://x","y")'
RED = "\x1b[31mred\x1b[0m"
# An OSC 8 terminal hyperlink: ESC ] ... BEL.
OSC_LINK = "\x1b]8;;http://evil\x07link"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain arn:aws:x", "plain arn:aws:x"),
        (RED, "\\x1b[31mred\\x1b[0m"),
        ("a\x00b", "a\\x00b"),
        ("tab\there", "tab\\x09here"),
        ("one\ntwo\r\n", "one\\x0atwo\\x0d\\x0a"),
        ("del\x7f", "del\\x7f"),
        ("c1\x80\x85\x9b\x9f", "c1\\x80\\x85\\x9b\\x9f"),
        (OSC_LINK, "\\x1b]8;;http://evil\\x07link"),
        ("\xa0é€", "\xa0é€"),  # past C1: printable, left alone
    ],
)
def test_terminal_safe_shows_each_control_character_as_an_escape(text, shown):
    assert terminal_safe(text) == shown


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        (SCRIPT, SCRIPT),
    ],
)
def test_csv_safe_prefixes_what_a_spreadsheet_would_evaluate(text, written):
    assert csv_safe(text) == written


# The decision on numbers: a cell holding a Python number (int, float, or the Decimal that
# psycopg gives for numeric) is written as it is, so `-5` stays a number a spreadsheet can sum;
# it cannot hold a formula. Only text is prefixed, including text that looks like a number.
def test_csv_cell_prefixes_text_but_not_numbers():
    assert [csv_cell(v) for v in (-5, -1.5, Decimal("-2.5"), None)] == ["-5", "-1.5", "-2.5", ""]
    assert [csv_cell(v) for v in ("-5", "=a")] == ["'-5", "'=a"]


# A query's cells arrive as PostgreSQL's text (postgres_text; tests/test_service.py shows it);
# values made in Python, as a report's may be, are written alike.
def test_python_values_are_written_as_a_query_writes_them():
    moment = datetime(2026, 1, 2, 3, 4, 5, 500000, tzinfo=timezone(timedelta(hours=-5)))
    values = [True, False, moment, moment.date(), {"b": ["x,y", None], "a": "é"}, ["-1", 2]]
    assert [csv_cell(value) for value in values] == [
        "t", "f", "2026-01-02T03:04:05.500000-05:00", "2026-01-02",
        '{"b": ["x,y", null], "a": "é"}', '["-1", 2]',
    ]  # fmt: skip


QUERY_COLUMNS = ["name", "n"]
QUERY_ROWS = [
    [SCRIPT, -5],
    [HYPERLINK, -1.5],
    [RED, Decimal("-2.5")],
    ["a\x00b\tc\nd\x7fe\x85f", None],
    ["+1", 1],
    ["-2", 2],
    ["@SUM(A1)", 3],
    ["\tx", 4],
    ["\rx", 5],
    ["x\r=cmd()", 6],
]


def test_query_table_shows_control_characters_as_escapes():
    assert render(QUERY_COLUMNS, QUERY_ROWS, "table") == (
        "name                        n\n"
        "--------------------------  ----\n"
        "<script>alert(1)</script>   -5\n"
        '=HYPERLINK("http://x","y")  -1.5\n'
        "\\x1b[31mred\\x1b[0m          -2.5\n"
        "a\\x00b\\x09c\\x0ad\\x7fe\\x85f\n"
        "+1                          1\n"
        "-2                          2\n"
        "@SUM(A1)                    3\n"
        "\\x09x                       4\n"
        "\\x0dx                       5\n"
        "x\\x0d=cmd()                 6\n"
    )


def test_query_table_escapes_column_names_too():
    assert render(["a\x1b[2Jb"], [["x"]], "table") == "a\\x1b[2Jb\n---------\nx\n"


def test_query_csv_prefixes_formulas_and_keeps_numbers():
    assert render(QUERY_COLUMNS, QUERY_ROWS, "csv") == (
        "name,n\n"
        "<script>alert(1)</script>,-5\n"
        '"\'=HYPERLINK(""http://x"",""y"")",-1.5\n'
        "\x1b[31mred\x1b[0m,-2.5\n"
        '"a\x00b\tc\nd\x7fe\x85f",\n'
        "'+1,1\n"
        "'-2,2\n"
        "'@SUM(A1),3\n"
        "'\tx,4\n"
        '"\'\rx",5\n'
        '"x\r=cmd()",6\n'
    )


def test_query_csv_cell_with_a_carriage_return_stays_one_cell():
    # Unquoted, a reader (or a spreadsheet) would end the row at the "\r" and start a new one
    # with "=cmd()", a formula that the prefix rule never saw.
    text = render(QUERY_COLUMNS, QUERY_ROWS, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + len(QUERY_ROWS)
    assert rows[-1] == ["x\r=cmd()", "6"]
    assert rows[1:3] == [[SCRIPT, "-5"], ["'" + HYPERLINK, "-1.5"]]


@pytest.mark.parametrize("output", ["json", "jsonl"])
def test_query_json_is_exact(output):
    text = render(QUERY_COLUMNS, QUERY_ROWS, output)
    assert "\x1b" not in text and "\x00" not in text  # escaped by json.dumps, not dropped
    if output == "json":
        rows = json.loads(text)
    else:
        rows = [json.loads(line) for line in text.splitlines()]
    assert [row["name"] for row in rows] == [row[0] for row in QUERY_ROWS]
    assert rows[0]["n"] == -5 and rows[2]["n"] == "-2.5"


def _result(resource: str, reason: str, status: str = "alarm") -> dict:
    return {
        "control_id": "c1", "control_title": "Title", "severity": "high", "resource": resource,
        "status": status, "reason": reason, "account_id": "123456789012", "region": "us-east-1",
    }  # fmt: skip


@pytest.fixture
def report() -> Report:
    return Report(
        rows=[
            _result(f"arn:x/{SCRIPT}", 'see <a href="http://x">&amp;</a> | here\nnext\rline'),
            _result(HYPERLINK, "@SUM(A1)"),
            _result("-2", f"{RED}\x00\x9b"),
            _result("+1", "\tx"),
            _result("fine", "ok", status="ok"),
        ],
        warnings=[f"could not read <b>eu-west-1</b>: {OSC_LINK}\nsecond & line"],
        generated_at=datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc),
    )


def test_report_markdown_escapes_html_in_cells_and_warnings(report):
    text = render_report(report, "markdown")
    assert "<" not in text and ">" not in text.replace("\n> ", "\n")  # only blockquote marks
    assert text.startswith(
        "# AgentCore compliance report\n\n"
        "2026-01-02 03:04 UTC: 1 ok, 4 alarm, 0 error, 0 skip (5 results)\n\n"
        "Data read from AWS for this report.\n\n"
        "> **INCOMPLETE: AWS could not be read in full; results may be missing:**\n"
        "> could not read &lt;b&gt;eu-west-1&lt;/b&gt;: \\x1b\\]8;;http://evil\\x07link\n"
        "> second &amp; line\n\n"
    )
    assert text.endswith(
        "## Findings (4)\n\n"
        "| status | severity | control_id | account_id | region | resource | reason |\n"
        "|---|---|---|---|---|---|---|\n"
        "| alarm | high | c1 | 123456789012 | us-east-1 | +1 | \\x09x |\n"
        "| alarm | high | c1 | 123456789012 | us-east-1 | -2 "
        "| \\x1b\\[31mred\\x1b\\[0m\\x00\\x9b |\n"
        '| alarm | high | c1 | 123456789012 | us-east-1 | =HYPERLINK("http://x","y") | @SUM(A1) |\n'
        "| alarm | high | c1 | 123456789012 | us-east-1 "
        "| arn:x/&lt;script&gt;alert(1)&lt;/script&gt; "
        '| see &lt;a href="http://x"&gt;&amp;amp;&lt;/a&gt; \\| here next line |\n'
    )


def test_report_markdown_makes_no_link_or_image():
    reason = "![](https://evil.example/pixel.png) [click](https://evil.example)"
    report = Report([_result("arn:x", reason)])
    assert (
        "| !\\[\\](https://evil.example/pixel.png) \\[click\\](https://evil.example) |"
        in render_report(report, "markdown")
    )


def test_report_table_shows_control_characters_as_escapes(report):
    text = render_report(report, "table")
    assert "\x1b" not in text and "\x00" not in text and "\x9b" not in text
    assert (
        "INCOMPLETE: AWS could not be read in full; results may be missing:\n"
        "could not read <b>eu-west-1</b>: \\x1b]8;;http://evil\\x07link\n"
        "second & line\n\n"
    ) in text
    findings = text.split("Findings (4 alarm and error):\n", 1)[1].splitlines()
    assert [line.split("  ")[-1].strip() for line in findings[2:]] == [
        "\\x09x",
        "\\x1b[31mred\\x1b[0m\\x00\\x9b",
        "@SUM(A1)",
        'see <a href="http://x">&amp;</a> | here\\x0anext\\x0dline',
    ]


def test_report_csv_prefixes_formulas(report):
    assert render_report(report, "csv") == (
        "control_id,control_title,severity,resource,status,reason,account_id,region,remediation_cli\n"
        "c1,Title,high,'+1,alarm,'\tx,123456789012,us-east-1,\n"
        "c1,Title,high,'-2,alarm,\x1b[31mred\x1b[0m\x00\x9b,123456789012,us-east-1,\n"
        'c1,Title,high,"\'=HYPERLINK(""http://x"",""y"")",alarm,\'@SUM(A1),'
        "123456789012,us-east-1,\n"
        'c1,Title,high,arn:x/<script>alert(1)</script>,alarm,"see <a href=""http://x"">&amp;</a>'
        ' | here\nnext\rline",123456789012,us-east-1,\n'
    )


@pytest.mark.parametrize("output", REPORT_FORMATS)
def test_a_report_of_rows_with_nulls_renders_in_every_format(output):
    """Whatever AWS answered, a report renders: NULL resources, scopes and reasons included."""
    rows = [
        {**_result(None, None), "account_id": None, "region": None},
        _result("arn:x/b", "Because."),
        {**_result(None, "Could not be read."), "status": "error", "control_id": "c2"},
    ]
    report = Report(rows=rows, warnings=[], generated_at=datetime(2026, 1, 2, tzinfo=timezone.utc))
    assert "2 alarm" in render_report(report, output) or output in ("csv", "json", "ocsf")
    assert [r["control_id"] for r in report.findings] == ["c2", "c1", "c1"]


@pytest.mark.parametrize("control", CONTROLS, ids=lambda control: control.control_id)
def test_every_remediation_command_quotes_what_aws_answered(control, tmp_path):
    resource = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/x;touch${IFS}pwned;#"
    command = control.cli_for(resource, "us-east-1$(touch${IFS}pwned)")
    # As a shell runs it when pasted (our own <placeholders> aside): printf shows the words.
    words = re.sub(r"<[^>]*>", "PLACEHOLDER", command).replace("aws ", "printf '%s\\0' ", 1)
    done = subprocess.run(["bash", "-c", words], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "pwned").exists()
    words = done.stdout.split("\0")
    expected = {"{resource}": resource, "{resource_id}": "x;touch${IFS}pwned;#",
                "{region}": "us-east-1$(touch${IFS}pwned)"}  # fmt: skip
    for placeholder, value in expected.items():
        assert words.count(value) == control.cli.count(placeholder), command
