"""Hostile *outputs*: report and document paths that point back at an input, links planted where a
report goes, a full disk, and file names that are not UTF-8.

Each case runs codecheck in a child process (``test_hostile.run_process``: a timeout and a memory
ceiling) and ends with exit 2 and one line naming the file, or with a correct audit; never a
traceback, never a partial output file, and the inputs byte for byte as they were. A full disk is
simulated with a file-size limit (``RLIMIT_FSIZE``, with SIGXFSZ ignored so that a write fails with
an error instead of killing the process): mounting a tiny tmpfs needs privileges CI does not have.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

import hostile_factory as hf
from test_hostile import assert_clean_error, run_process

REPO = Path(__file__).resolve().parents[1]
FORM = REPO / "samples" / "example-homes-2024.docx"  # has error findings: a good audit exits 1
REPORT_FORMATS = ("text", "json", "html", "markdown", "sarif", "junit", "github", "gitlab", "concise")


@pytest.fixture()
def inputs(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "documents"
    folder.mkdir()
    form = folder / "form.docx"
    shutil.copy(FORM, form)
    return {"folder": folder, "form": form}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _no_temporary_files(folder: Path) -> None:
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".codecheck-")]
    assert not leftovers, leftovers


@pytest.mark.parametrize(
    ("case", "option"),
    [
        ("symlink", "-o"),
        ("hardlink", "-o"),
        ("symlink", "--json-output"),
        ("hardlink", "--write-baseline"),
        ("found in folder", "-o"),
        ("matched by glob", "--sarif-output"),
    ],
)
def test_an_output_that_is_an_input_is_refused_even_with_force(
    tmp_path: Path, inputs: dict[str, Path], case: str, option: str
) -> None:
    form, folder = inputs["form"], inputs["folder"]
    before = _snapshot(folder)
    if case == "symlink":
        target, args = hf.link_to(tmp_path / "report.json", form), [str(form)]
    elif case == "hardlink":
        target, args = hf.link_to(tmp_path / "report.json", form, hard=True), [str(form)]
    elif case == "found in folder":
        target, args = form, [str(folder)]
    else:
        target, args = form, [str(folder / "*.docx")]
    proc = run_process("audit", *args, "--format", "json", option, str(target), "--force", "--jobs", "1")
    assert_clean_error(proc.returncode, proc.stderr, target, "input")
    assert proc.stdout == ""  # refused before any work: no report on stdout either
    assert _snapshot(folder) == before, "an input was modified"
    _no_temporary_files(tmp_path)


def test_migrate_refuses_to_write_over_its_input_through_a_link(tmp_path: Path, inputs: dict[str, Path]):
    form = inputs["form"]
    before = form.read_bytes()
    link = hf.link_to(tmp_path / "new.docx", form, hard=True)
    proc = run_process("migrate", str(form), "--to", "2024", "-o", str(link), "--force")
    assert_clean_error(proc.returncode, proc.stderr, link, "input")
    assert form.read_bytes() == before


def test_a_dangling_symlink_output_is_not_followed_without_force(tmp_path: Path, inputs: dict[str, Path]):
    link = hf.dangling_link(tmp_path / "report.sarif")
    planted = Path(os.readlink(link))
    planted.parent.mkdir()
    proc = run_process("audit", str(inputs["form"]), "-o", str(link), "--jobs", "1")
    assert_clean_error(proc.returncode, proc.stderr, link, "symbolic link")
    assert not planted.exists() and link.is_symlink()
    # with --force the link is followed, as asked: the report lands where it points
    proc = run_process("audit", str(inputs["form"]), "-o", str(link), "--jobs", "1", "--force")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(planted.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert link.is_symlink()


def test_a_symlink_to_another_file_is_not_followed_without_force(tmp_path: Path, inputs: dict[str, Path]):
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text("someone else's file\n", encoding="utf-8")
    link = hf.link_to(tmp_path / "report.html", elsewhere)
    proc = run_process("audit", str(inputs["form"]), "-o", str(link), "--jobs", "1")
    assert_clean_error(proc.returncode, proc.stderr, link, "symbolic link")
    assert elsewhere.read_text(encoding="utf-8") == "someone else's file\n"


def _run_with_a_full_disk(args: list[str], limit: int, cwd: Path) -> subprocess.CompletedProcess[str]:
    """codecheck with writes beyond ``limit`` bytes failing (EFBIG), as on a full disk."""

    def full_disk() -> None:  # pragma: no cover - runs in the child
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if k != "CODECHECK_DEBUG"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "codecheck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=full_disk,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_a_full_disk_leaves_the_old_report_and_no_partial_file(tmp_path: Path, inputs: dict[str, Path]):
    report = tmp_path / "report.html"
    report.write_text("<p>last run's report</p>\n", encoding="utf-8")
    before = _snapshot(inputs["folder"])
    args = ["audit", str(inputs["form"]), "-o", str(report), "--jobs", "1"]
    proc = _run_with_a_full_disk(args, 4096, tmp_path)
    assert_clean_error(proc.returncode, proc.stderr, report, "cannot write")
    assert report.read_text(encoding="utf-8") == "<p>last run's report</p>\n"
    _no_temporary_files(tmp_path)
    assert _snapshot(inputs["folder"]) == before


def test_a_full_disk_leaves_no_partial_document(tmp_path: Path):
    new = tmp_path / "new.docx"
    proc = _run_with_a_full_disk(["template", "--code", "2024", "-o", str(new)], 4096, tmp_path)
    assert_clean_error(proc.returncode, proc.stderr, new, "cannot write")
    assert not new.exists()
    _no_temporary_files(tmp_path)


def _parse(fmt: str, data: bytes) -> None:
    """Each format is what it claims to be after a non-UTF-8 name went through it."""
    text = data.decode("utf-8")  # strict: no raw byte and no lone surrogate reached the file
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif fmt == "junit":
        ElementTree.fromstring(data)


def test_a_non_utf8_file_name_is_escaped_in_every_format(tmp_path: Path, inputs: dict[str, Path]):
    good = hf.non_utf8_name(inputs["folder"], b"caf")
    shutil.copy(inputs["form"], good)
    bad = hf.write_bytes(hf.non_utf8_name(inputs["folder"], b"broken"), b"not a document")
    before = _snapshot(inputs["folder"])
    # three runs cover the nine formats: a main report (its own name not UTF-8 either) and every
    # --NAME-output beside it, then the two formats that only have a main output
    main = hf.non_utf8_name(tmp_path, b"report-", b".txt")
    extras = ("json", "html", "markdown", "sarif", "junit", "gitlab")
    outputs = {"text": main}
    outputs.update({fmt: tmp_path / f"report-{fmt}.out" for fmt in (*extras, "github", "concise")})
    beside = [arg for fmt in extras for arg in (f"--{fmt}-output", str(outputs[fmt]))]
    runs = [
        ["--format", "text", "-o", str(main), *beside],
        ["--format", "github", "-o", str(outputs["github"])],
        ["--format", "concise", "-o", str(outputs["concise"])],
    ]
    for number, args in enumerate(runs):
        proc = run_process("audit", str(good), str(bad), *args, "--jobs", "1")
        if number == 0:  # the report's own non-UTF-8 name, escaped in the line that announces it
            assert "report-\\xe9.txt (" in proc.stderr, proc.stderr
        assert proc.returncode == 2, proc.stderr  # the broken file: reported, the batch carried on
        errors = [line for line in proc.stderr.splitlines() if line.startswith("codecheck: error:")]
        assert len(errors) == 1 and "broken\\xe9.docx" in errors[0], proc.stderr
        assert "Traceback" not in proc.stderr
    for fmt, out in outputs.items():
        data = out.read_bytes()
        _parse(fmt, data)
        # the byte is written \xNN (a backslash JSON and Markdown escape in turn); a SARIF URI
        # percent-encodes it
        escaped = b"caf\\\\xe9"
        shown = {"sarif": b"caf%E9", "json": escaped, "gitlab": escaped, "markdown": escaped}
        assert shown.get(fmt, b"caf\\xe9") in data, fmt
    assert _snapshot(inputs["folder"]) == before
    # the baseline keys the document by the same escaped name, and a second run finds it again
    baseline = tmp_path / "baseline.json"
    proc = run_process("audit", str(good), "--write-baseline", str(baseline), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    proc = run_process("audit", str(good), "--baseline", str(baseline), "--format", "json", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []


@pytest.mark.parametrize("case", ["a folder", "in a missing folder", "named twice"])
def test_an_output_that_cannot_be_a_file_is_refused_before_any_work(
    tmp_path: Path, inputs: dict[str, Path], case: str
) -> None:
    if case == "a folder":
        target, extra = tmp_path, []
    elif case == "in a missing folder":
        target, extra = tmp_path / "missing" / "report.json", []
    else:
        target, extra = tmp_path / "report.json", ["--json-output", str(tmp_path / "." / "report.json")]
    proc = run_process("audit", str(inputs["form"]), "--format", "json", "-o", str(target), *extra)
    assert_clean_error(proc.returncode, proc.stderr, target)
    assert proc.stdout == ""
    assert not (tmp_path / "missing").exists() and not (tmp_path / "report.json").exists()
