"""docs/ci.md's examples run: YAML parses, every codecheck command line in it works on a sample
repository, installs name the right distribution, and shell snippets can be pasted as they are."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CI_DOC = REPO / "docs" / "ci.md"
DISTRIBUTION = "complaint-handling-codecheck"
SAMPLES = ("example-homes-2024.docx",)  # a form with error findings: exit 1
OUTPUT_OPTIONS = re.compile(r"^(?:-o|--output|--[a-z]+-output|--write-baseline)$")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", CI_DOC.read_text(encoding="utf-8"), re.M | re.S)


def _shell_commands(block: str) -> list[str]:
    """The commands of a shell snippet, continuation lines joined, comments dropped."""
    commands, pending = [], ""
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        command = (pending + line).strip()
        pending = ""
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def _workflow_commands() -> list[str]:
    """Every shell command of the GitHub Actions and GitLab examples (``run:`` and ``script:``)."""
    commands: list[str] = []
    for block in _blocks("yaml"):
        doc = yaml.safe_load(block)
        if not isinstance(doc, dict):
            continue
        for job in (doc.get("jobs") or {}).values():  # GitHub Actions
            commands += [step["run"].strip() for step in job.get("steps", []) if "run" in step]
        for job in doc.values():  # GitLab CI: top-level jobs with a script
            if isinstance(job, dict) and "script" in job:
                commands += [str(line).strip() for line in job["script"]]
    return commands


def _all_commands() -> list[str]:
    commands = _workflow_commands()
    for block in _blocks("sh"):
        commands += _shell_commands(block)
    return commands


def test_every_yaml_example_parses_and_the_workflows_are_found() -> None:
    blocks = _blocks("yaml")
    assert len(blocks) >= 3  # GitHub Actions, GitLab CI, pre-commit
    for block in blocks:
        yaml.safe_load(block)
    commands = _workflow_commands()
    assert sum(c.startswith("codecheck ") for c in commands) >= 2
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["entry"].startswith("codecheck ")


def test_shell_snippets_have_nothing_after_a_line_continuation() -> None:
    for block in _blocks("sh"):
        for line in block.splitlines():
            assert not re.search(r"\\\s+\S", line), f"text after a line continuation: {line!r}"


def test_install_instructions_name_the_distribution_not_the_unrelated_codecheck() -> None:
    texts = [CI_DOC.read_text(encoding="utf-8"), (REPO / "README.md").read_text(encoding="utf-8")]
    installs = [m for text in texts for m in re.findall(r"pip install ([^\s`]+)", text)]
    assert installs
    for target in installs:
        if target == "codecheck":  # only in the sentence warning against it
            continue
        assert target in (DISTRIBUTION, ".", '-e', '".[test]"') or target.startswith("git+"), target
    for text in texts:
        for sentence in re.findall(r"[^.]*pip install codecheck[^.]*\.", text):
            assert "unrelated" in sentence, sentence
    for command in _workflow_commands():
        if command.startswith("pip install"):
            assert shlex.split(command)[2:] == [DISTRIBUTION], command


@pytest.fixture()
def sample_repository(tmp_path: Path) -> Path:
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in SAMPLES:
        shutil.copy(REPO / "samples" / name, documents / name)
    return tmp_path


def _expected_status(args: list[str]) -> int:
    if "--write-baseline" in args or "--exit-zero" in args:
        return 0
    if "--baseline" in args:  # recorded by the command before it: nothing new
        return 0
    return 1  # the samples hold error findings


def test_every_codecheck_command_in_the_docs_runs_and_writes_its_files(sample_repository: Path) -> None:
    summary = sample_repository / "step-summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "NO_COLOR": "1"}
    commands = [c for c in _all_commands() if c.startswith("codecheck ")]
    assert len(commands) >= 4
    for command in commands:
        args = shlex.split(command, comments=True)[1:]
        proc = subprocess.run(
            [sys.executable, "-m", "codecheck", *args, "--jobs", "1"],
            cwd=sample_repository,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == _expected_status(args), (command, proc.stderr)
        assert "Traceback" not in proc.stderr and "error:" not in proc.stderr, proc.stderr
        named = [args[i + 1] for i, arg in enumerate(args[:-1]) if OUTPUT_OPTIONS.match(arg)]
        for name in named:
            written = sample_repository / name
            assert written.is_file() and written.stat().st_size > 0, (command, name)
            assert f"wrote {'baseline ' if arg_is_baseline(args, name) else ''}{name}" in proc.stderr
            if name.endswith((".json", ".sarif")):
                json.loads(written.read_text(encoding="utf-8"))
        if "github" in args:
            assert summary.is_file() and summary.stat().st_size > 0
    # the files the workflows hand on (SARIF upload, artefacts, GitLab reports) were all written
    for name in ("codecheck.sarif", "codecheck.html", "codecheck.xml", "gl-code-quality-report.json"):
        assert (sample_repository / name).is_file(), name


def arg_is_baseline(args: list[str], name: str) -> bool:
    return "--write-baseline" in args and args[args.index("--write-baseline") + 1] == name
