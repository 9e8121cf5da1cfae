"""The README documents every command, option and exit code the CLI has."""

from __future__ import annotations

import re

import pytest
import typer

from conftest import ROOT
from factx import cli
from factx.errors import ExitStatus

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(cli.app)


@pytest.mark.parametrize("name", sorted(COMMAND.commands))
def test_every_command_is_documented_with_an_example(name):
    assert re.search(rf"`factx {name}\b[^`]*`", README), f"factx {name} is not in the README"


@pytest.mark.parametrize("name,option", sorted(
    (name, opt) for name, cmd in COMMAND.commands.items() for p in cmd.params for opt in p.opts
    if opt.startswith("--") and opt != "--help"))
def test_every_option_is_documented(name, option):
    assert option in README, f"{option} of factx {name} is not in the README"


@pytest.mark.parametrize("status", list(ExitStatus))
def test_every_exit_code_is_documented(status):
    assert re.search(rf"^\| {int(status)} \|", README, re.M)


def test_readme_quick_start_has_exactly_the_two_commands_and_ci_runs_the_test_one():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert len(commands) == 2
    assert "factx extract seeds/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci
