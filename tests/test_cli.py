"""The command line's own promises, outside any PostgreSQL: its help and what it prints."""

from __future__ import annotations

import re

import pytest

from agentcore_fdw.app import cli
from agentcore_fdw.core.options import OPTION_HELP


@pytest.mark.parametrize("command", [["install"], ["service", "start"], ["service", "restart"]])
def test_the_option_help_names_every_server_option(command, capsys):
    with pytest.raises(SystemExit):
        cli.main([*command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    listed = re.search(r"--option KEY=VALUE a server option \(([^)]*)\); KEY= drops it", text)
    assert listed, text
    assert listed.group(1).split(", ") == list(OPTION_HELP)


def test_a_misspelt_option_key_is_refused_with_the_closest_one(capsys):
    assert cli.main(["install", "--dsn", "host=/nonexistent", "--option", "region=x"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "agentcore-fdw: error: invalid --option 'region=x': unknown option 'region' for server "
        "agentcore; did you mean 'regions'?",
        "hint: valid options: " + ", ".join(sorted(OPTION_HELP)),
    ]


@pytest.mark.parametrize(
    "sql, count",
    [
        ("SELECT 1", 1),
        ("SELECT 1;", 1),
        ("  ; SELECT 1 ;; ", 1),
        ("SELECT 1; SELECT 2", 2),
        ("SELECT 'a;b', \"c;d\", E'\\';', $$;$$, $tag$ $$; $tag$", 1),
        ("SELECT 1 -- ; SELECT 2\n", 1),
        ("SELECT 1 /* ; /* nested; */ ; */", 1),
        ("SELECT 1; -- the end", 1),
        ("SELECT 1; /* the end */", 1),
        ("SELECT 1; ''", 2),
        ("SELECT 1 AS a$$; SELECT 2 AS b$$", 2),  # a $ inside a name opens no dollar quote
        ("SELECT 'unclosed; SELECT 2", 1),  # PostgreSQL says what is wrong
        ("", 0),
    ],
)
def test_statements_are_counted_as_postgresql_splits_them(sql, count):
    assert cli.statement_count(sql) == count


def test_several_statements_for_a_program_are_refused_before_any_runs(capsys):
    # Refused before the database is reached: none of them ran.
    argv = ["query", "SELECT 1; SELECT 2", "--dsn", "host=/nonexistent port=1", "--output", "csv"]
    assert cli.main(argv) == 1
    assert capsys.readouterr().err.startswith(
        "agentcore-fdw: error: --output csv writes the result of one statement, and this SQL "
        "holds several\n"
    )
