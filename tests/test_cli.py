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
