"""Patterns from a user's rules file run on RE2: a catastrophic one ends in seconds, an unsupported
one is one error line naming the file, the rule and the pattern; codecheck's own patterns keep ``re``.
"""

from __future__ import annotations

import os
import pickle
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codecheck.engine.rules import load_rules
from codecheck.errors import RuleDefinitionError
from codecheck.patterns import UserPattern, compile_any, compiled, mark_user_values

CATASTROPHIC = "(x+x+)+y"  # exponential backtracking in re on a run of x with no y

RULES = """schema: 1
rules:
  - code: EX001
    slug: house-pattern
    check: text-pattern
    group: house
    severity: warning
    summary: "Commentary matches a house pattern"
    rationale: "Example Homes house style."
    params:
      patterns: ['{pattern}']
      columns: [commentary]
      message: "Matches the house pattern"
"""


def rules_file(folder: Path, pattern: str, name: str = "house-rules.yaml") -> Path:
    path = folder / name
    path.write_text(RULES.format(pattern=pattern), encoding="utf-8")
    return path


def test_user_rule_params_are_marked_and_builtin_ones_are_not(tmp_path: Path) -> None:
    path = rules_file(tmp_path, r"\binformal stage\b")
    rules = {r.code: r for r in load_rules([path])}
    (pattern,) = rules["EX001"].params["patterns"]
    assert isinstance(pattern, UserPattern)
    assert "house-rules.yaml: rule EX001: params.patterns" in pattern.origin
    builtin = next(r for r in rules.values() if r.code.startswith("CC") and r.params)
    assert not any(isinstance(v, UserPattern) for v in _strings(builtin.params))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def test_a_user_pattern_survives_pickling_into_a_worker() -> None:
    marked = mark_user_values({"kinds": {"panel": ["a", "b"]}}, "f.yaml: rule X: params")
    back = pickle.loads(pickle.dumps(marked))
    patterns = back["kinds"]["panel"]
    assert all(isinstance(p, UserPattern) for p in patterns)
    assert {p.origin for p in patterns} == {"f.yaml: rule X: params.kinds.panel"}


def test_user_patterns_match_like_re_for_ordinary_patterns() -> None:
    text = "Example Homes has an Informal Stage before stage 1."
    user = compile_any([UserPattern(r"\binformal\s+stage\b"), UserPattern(r"stage\s+\d")])
    ours = compile_any([r"\binformal\s+stage\b", r"stage\s+\d"])
    assert not isinstance(user, re.Pattern) and isinstance(ours, re.Pattern)
    assert [m.span() for m in user.finditer(text)] == [m.span() for m in ours.finditer(text)]


def test_a_catastrophic_user_pattern_is_linear() -> None:
    text = "x" * 50_000
    started = time.perf_counter()
    assert compile_any([UserPattern(CATASTROPHIC)]).search(text) is None
    assert time.perf_counter() - started < 20  # liveness: `re` would not end; RE2 takes milliseconds


def test_an_unsupported_user_pattern_names_its_origin() -> None:
    with pytest.raises(RuleDefinitionError) as info:
        compile_any([UserPattern(r"(?<=stage )\d", "team.yaml: rule EX002: params.patterns")])
    message = str(info.value)
    assert message.startswith("team.yaml: rule EX002: params.patterns: pattern '(?<=stage )\\\\d'")
    assert "RE2" in message and "look-around" in message


def test_codecheck_patterns_are_compiled_once() -> None:
    assert compiled(r"\bstage\s+(\d)\b", re.I) is compiled(r"\bstage\s+(\d)\b", re.I)
    assert compile_any(["a", "b"]) is compile_any(("a", "b"))


def _run(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))

    env = {k: v for k, v in os.environ.items() if k != "CODECHECK_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "codecheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        env=env,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def long_x_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A form whose first commentary is 30,000 x with no y: ``re`` would backtrack for ages on it."""
    from docx_factory import Table, simple_rows, write_docx

    rows = simple_rows()
    rows[0][4] = "x" * 30_000
    return write_docx(tmp_path_factory.mktemp("patterns") / "example-homes.docx", [Table(rows)])


def test_catastrophic_pattern_in_a_user_rules_file_ends_within_seconds(long_x_form: Path) -> None:
    folder = long_x_form.parent
    rules = rules_file(folder, CATASTROPHIC)
    started = time.monotonic()
    args = ("audit", "--isolated", "--format", "json", "--rules", str(rules), long_x_form.name)
    result = _run(*args, cwd=folder)
    assert time.monotonic() - started < 20  # RE2: well within the budget; re would not end at all
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_catastrophic_pattern_from_a_discovered_config_ends_within_seconds(long_x_form: Path) -> None:
    folder = long_x_form.parent
    rules_file(folder, CATASTROPHIC, "pr-rules.yaml")
    (folder / "codecheck.toml").write_text('rules = ["pr-rules.yaml"]\n', encoding="utf-8")
    try:
        started = time.monotonic()
        result = _run("audit", "--format", "json", long_x_form.name, cwd=folder)
        assert time.monotonic() - started < 20
        assert result.returncode in (0, 1), result.stderr
    finally:
        (folder / "codecheck.toml").unlink()


def test_a_pattern_re2_cannot_compile_is_one_error_line(long_x_form: Path, tmp_path: Path) -> None:
    """Refused when the rules file is loaded: one line for a batch, not one per document."""
    import shutil

    batch = tmp_path / "forms"
    batch.mkdir()
    for name in ("a-homes.docx", "b-homes.docx"):
        shutil.copy(long_x_form, batch / name)
    rules = rules_file(tmp_path, r"(?<=stage )\d", "lookbehind.yaml")
    result = _run("audit", "--isolated", "--rules", str(rules), "forms", cwd=tmp_path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("codecheck: error: ")
    assert "lookbehind.yaml: rule EX001: params.patterns" in lines[0] and "RE2" in lines[0]


def test_rules_explain_shows_a_user_rules_patterns(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from codecheck.cli.app import app

    rules = rules_file(tmp_path, CATASTROPHIC)
    result = CliRunner().invoke(app, ["rules", "explain", "EX001", "--isolated", "--rules", str(rules)])
    assert result.exit_code == 0, result.output
    assert "(x+x+)+y" in result.stdout


def test_a_built_in_rules_pattern_parameter_overridden_by_a_user_is_checked_on_load(tmp_path: Path) -> None:
    """Overriding a built-in rule's regex parameter (its check's PATTERN_PARAMS) puts it on RE2 too."""
    override = tmp_path / "team.yaml"
    override.write_text(
        "schema: 1\nrules:\n  - code: CC106\n    slug: missing-evidence\n"
        "    params:\n      source_cues: ['(?<=see )policy']\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleDefinitionError, match=r"team\.yaml: rule CC106: params\.source_cues: .*RE2"):
        load_rules([override])
    override.write_text(override.read_text(encoding="utf-8").replace("(?<=see )policy", r"\bpolicy\b"))
    rule = next(r for r in load_rules([override]) if r.code == "CC106")
    assert isinstance(rule.params["source_cues"][0], UserPattern)
