"""Help text a CI maintainer can read: one placeholder style, no Python types, summaries not cut."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app

COMMANDS = [
    ["extract"],
    ["audit"],
    ["config"],
    ["explain"],
    ["diff"],
    ["migrate"],
    ["template"],
    ["codes"],
    ["codes", "show"],
    ["rules"],
    ["rules", "explain"],
]


def _help(args: list[str]) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.output


def _parameter_lines(text: str) -> list[str]:
    """The usage line and the rows of the Arguments and Options sections (not the prose)."""
    lines, section = [], None
    for line in text.splitlines():
        if line.startswith("Usage:"):
            lines.append(line)
        elif line and not line.startswith(" "):
            section = line.rstrip(":")
        elif section in ("Arguments", "Options") and line.startswith("  ") and not line.startswith("   "):
            lines.append(line)
    return lines


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_placeholders_are_upper_case_words_without_python_types(args: list[str]) -> None:
    rows = _parameter_lines(_help(args))
    assert rows, "no usage or parameter rows found"
    for row in rows:
        assert not re.search(r"<[^>]*>|\{[^}]*\}|list\[|\bstr\b", row), row
    for row in rows[1:]:
        # the placeholder after an option (or an argument's name) is upper case
        match = re.match(r"\s+(?:-\w, )?(--[\w-]+)(?: ([^\s]+))?", row)
        if match and match.group(2):
            assert match.group(2) == match.group(2).upper(), row


def test_command_summaries_are_not_cut_short() -> None:
    text = _help([])
    rows = text.split("Commands:", 1)[1].strip().splitlines()
    names = {row.split()[0] for row in rows}
    assert {"audit", "extract", "config", "explain", "diff", "migrate", "template", "codes", "rules"} <= names
    for row in rows:
        assert not row.rstrip().endswith("..."), row


def test_choices_are_listed_in_the_help_of_an_option_shown_by_name() -> None:
    text = _help(["extract"])
    assert "--format FORMAT" in text
    assert "One of: json, csv, text." in text


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["audit", "--jobs", "abc", "form.docx"], "'--jobs'"),
        (["audit", "--no-such-option"], "No such option: --no-such-option"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["extract", "--format", "xml", "form.docx"], "'--format'"),
        (["codes", "show"], "Missing argument 'VERSION'"),
    ],
)
def test_usage_errors_are_one_line_on_stderr_and_exit_2(args: list[str], fragment: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("codecheck: error: ") and fragment in lines[0], lines[0]
    assert lines[0].endswith("--help')")


def test_codecheck_alone_still_prints_the_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "Commands:" in result.output and "codecheck: error" not in result.output
