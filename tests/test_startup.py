"""Start-up cost guards (issue 7): what each command line imports, checked in a fresh interpreter.

Wall-clock limits would be flaky on a loaded CI runner, so these tests pin the *cause* of slow
start-up instead: which heavy modules a command imports. ``bench/run.py`` measures the times.
"""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from codecheck import __version__


def _modules_after(argv: list[str]) -> tuple[str, list[str]]:
    """Run ``codecheck <argv>`` in a fresh interpreter; return its stdout and the modules it imported."""
    probe = (
        "import sys, json\n"
        f"sys.argv = ['codecheck', *{argv!r}]\n"
        "from codecheck.cli.app import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    out, _, mods = proc.stdout.rpartition("\n")
    return out, json.loads(mods)


def test_version_answers_without_importing_typer_or_the_engine() -> None:
    out, mods = _modules_after(["--version"])
    assert out.strip() == f"codecheck {__version__}"
    heavy = {"typer", "pydantic", "yaml", "rapidfuzz", "lxml", "codecheck.engine", "codecheck.readers"}
    assert not heavy & {m.split(".")[0] if not m.startswith("codecheck") else m for m in mods}


def test_commands_do_not_import_pydantic() -> None:
    """typer >= 0.29 imports pydantic and builds an adapter per option on every run (a quarter of a
    small audit's CPU time); codecheck keeps a typer that coerces options with its own types."""
    out, mods = _modules_after(["audit", "--help"])
    assert "--isolated" in out
    assert not {m for m in mods if m.split(".")[0] == "pydantic"}


def test_short_version_flag_takes_the_same_path() -> None:
    out, mods = _modules_after(["-V"])
    assert out.strip() == f"codecheck {__version__}"
    assert "typer" not in mods


def test_version_through_typer_still_works() -> None:
    from codecheck.cli.app import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"codecheck {__version__}"


def test_version_with_other_arguments_goes_through_typer() -> None:
    out, mods = _modules_after(["--version", "audit"])
    assert out.strip() == f"codecheck {__version__}"
    assert "typer" in mods


def test_entry_point_exits_with_complete_outputs_and_the_same_status(tmp_path) -> None:
    """``main`` skips the interpreter's exit-time collections (gc.freeze): outputs must be whole."""
    from pathlib import Path

    from codecheck.cli.app import app

    sample = Path(__file__).resolve().parents[1] / "samples" / "example-homes-2024.docx"
    out, sarif = tmp_path / "a.json", tmp_path / "a.sarif"
    args = ["audit", str(sample), "--format", "json", "-o", str(out), "--sarif-output", str(sarif)]
    proc = subprocess.run([sys.executable, "-m", "codecheck", *args], capture_output=True, text=True)
    expected = CliRunner().invoke(app, ["audit", str(sample), "--format", "json"])
    assert proc.returncode == expected.exit_code
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(expected.stdout)
    assert json.loads(sarif.read_text(encoding="utf-8"))["runs"]


def test_audit_inside_another_program_does_not_freeze_its_heap() -> None:
    """gc.freeze is for the console process only: under CliRunner it would pin the host's garbage."""
    import gc
    from pathlib import Path

    from codecheck.cli.app import app

    sample = Path(__file__).resolve().parents[1] / "samples" / "example-homes-2024.docx"
    before = gc.get_freeze_count()
    result = CliRunner().invoke(app, ["audit", str(sample), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0
    assert gc.get_freeze_count() == before


def test_console_run_tunes_the_collector_only_in_its_own_process() -> None:
    probe = (
        "import gc, sys\n"
        "from codecheck.cli import heap\n"
        "heap.mark_entry_point()\n"
        "heap.freeze_heap()\n"
        "print(gc.get_threshold()[0], gc.get_freeze_count() > 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    from codecheck.cli.heap import YOUNG_GC_THRESHOLD

    assert proc.stdout.split() == [str(YOUNG_GC_THRESHOLD), "True"]


def test_help_builds_the_format_options_without_loading_any_format() -> None:
    """The --format choices and --NAME-output options come from the registry rows, not the modules."""
    out, mods = _modules_after(["audit", "--help"])
    assert "--sarif-output" in out and "--json-output" in out
    assert "codecheck.report.interface" in mods
    loaded = {m for m in mods if m.startswith("codecheck.report.") and m != "codecheck.report.interface"}
    assert loaded == set()
    assert not {"codecheck.model", "codecheck.findings", "codecheck.engine", "rich", "jinja2"} & set(mods)
