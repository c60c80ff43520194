"""Batch runs: input expansion, budgeted workers, and one bad document never sinking the others.

The audit function is injected: these tests exercise the batch machinery itself (error capture,
worker crashes, time limits, the in-process fallback) in seconds. ``tests/test_budget.py`` tests the
child processes themselves; ``tests/test_hostile.py`` the whole command under real limits.
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from codecheck.batch import audit_many, audit_one, default_jobs, expand_inputs
from codecheck.budget import Budget
from codecheck.errors import InputError
from report_sample import sample_result


def fake_audit(path: Path, *, config=None, code=None, today=None):
    name = Path(path).name
    if "corrupt" in name:
        raise InputError("not a DOCX file (corrupt ZIP)", path)
    if "buggy" in name:
        raise RuntimeError("reader bug")
    if "crash" in name:
        os._exit(13)  # a segfault / OOM kill, as the parent sees it
    if "slow" in name:
        time.sleep(30)
    if "huge" in name:
        raise MemoryError
    return sample_result(path)


BUDGET = Budget(30, 512)


def touch(folder: Path, *names: str) -> list[Path]:
    out = []
    for n in names:
        p = folder / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
        out.append(p)
    return out


def test_expand_folders_globs_and_files(tmp_path: Path) -> None:
    touch(tmp_path, "a.docx", "b.PDF", "notes.txt", "~$a.docx", "sub/c.docx", ".git/d.docx")
    found, errors = expand_inputs([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.docx", "b.PDF", "sub/c.docx"]
    assert errors == []
    found, errors = expand_inputs([str(tmp_path / "**" / "*.docx"), tmp_path / "a.docx"])
    assert sorted(p.name for p in found) == ["a.docx", "c.docx"]  # deduplicated


def test_expand_reports_inputs_that_name_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found, errors = expand_inputs([tmp_path / "missing.docx", tmp_path / "empty", str(tmp_path / "*.pdf")])
    assert found == []
    messages = [e.error for e in errors]
    assert "no such file" in messages[0]
    assert "no DOCX, PDF, HTML or XLSX files found" in messages[1]
    assert "no DOCX, PDF, HTML or XLSX files match" in messages[2]


def test_audit_one_turns_failures_into_error_results(tmp_path: Path) -> None:
    bad = audit_one(tmp_path / "corrupt.docx", audit_fn=fake_audit)
    assert bad.error == f"{tmp_path / 'corrupt.docx'}: not a DOCX file (corrupt ZIP)"
    buggy = audit_one(tmp_path / "buggy.docx", audit_fn=fake_audit)
    assert "internal error: RuntimeError: reader bug" in buggy.error


def test_results_pickle_for_worker_processes() -> None:
    result = sample_result()
    again = pickle.loads(pickle.dumps(result))
    assert again.findings == result.findings and again.aligned.code.id == "2024"


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_bad_file_does_not_stop_the_run(tmp_path: Path, jobs: int) -> None:
    paths = touch(tmp_path, "a.docx", "corrupt.docx", "b.docx", "buggy.pdf")
    results = audit_many(paths, jobs=jobs, budget=BUDGET, audit_fn=fake_audit)
    assert [r.path for r in results] == paths  # input order kept
    assert [bool(r.error) for r in results] == [False, True, False, True]
    assert len(results[0].findings) == 5
    assert results[1].error == f"{paths[1]}: not a DOCX file (corrupt ZIP)"


def test_without_a_budget_documents_are_audited_in_this_process(tmp_path: Path) -> None:
    paths = touch(tmp_path, "a.docx", "corrupt.docx")
    here = os.getpid()
    seen: list[int] = []

    def record(path: Path, **kwargs):
        seen.append(os.getpid())
        return fake_audit(path, **kwargs)

    results = audit_many(paths, jobs=2, audit_fn=record)
    assert seen == [here, here]
    assert [bool(r.error) for r in results] == [False, True]


def test_with_a_budget_each_document_has_a_process_of_its_own(tmp_path: Path) -> None:
    paths = touch(tmp_path, "a.docx", "b.docx", "c.docx")

    def whose(path: Path, **kwargs):
        result = sample_result(path)
        result.error = str(os.getpid())  # smuggled out through the result
        return result

    pids = [r.error for r in audit_many(paths, jobs=2, budget=BUDGET, audit_fn=whose)]
    assert len(set(pids)) == 3 and str(os.getpid()) not in pids


def test_a_crashing_worker_only_fails_its_own_document(tmp_path: Path) -> None:
    paths = touch(tmp_path, "a.docx", "crash.docx", "b.docx", "c.docx")
    results = audit_many(paths, jobs=2, budget=BUDGET, audit_fn=fake_audit)
    assert [bool(r.error) for r in results] == [False, True, False, False]
    crashed = "the worker process reading this document crashed (exit status 13)"
    assert results[1].error == f"{paths[1]}: {crashed}"


def test_a_stuck_document_times_out_and_the_rest_complete(tmp_path: Path) -> None:
    paths = touch(tmp_path, "slow.docx", "a.docx", "b.docx")
    start = time.monotonic()
    results = audit_many(paths, jobs=2, budget=Budget(1), audit_fn=fake_audit)
    assert time.monotonic() - start < 15
    assert results[0].error == f"{paths[0]}: gave up after 1 s (limit max_seconds; raise it with --config)"
    assert not results[1].error and not results[2].error


def test_running_out_of_memory_names_the_limit(tmp_path: Path) -> None:
    paths = touch(tmp_path, "huge.docx", "a.docx")
    results = audit_many(paths, jobs=2, budget=BUDGET, audit_fn=fake_audit)
    assert results[0].error == (
        f"{paths[0]}: ran out of memory: over 512 MB (limit max_memory_mb; raise it with --config)"
    )
    assert not results[1].error
    # in this process (the library path) the same failure is an error result too
    assert "ran out of memory" in (audit_one(paths[0], audit_fn=fake_audit).error or "")


def test_default_jobs_is_positive() -> None:
    assert default_jobs() >= 1


def test_progress_bar_path_gives_the_same_results(tmp_path: Path) -> None:
    paths = touch(tmp_path, "a.docx", "corrupt.docx", "b.docx")
    quiet = audit_many(paths, jobs=2, budget=BUDGET, audit_fn=fake_audit)
    shown = audit_many(paths, jobs=2, budget=BUDGET, progress=True, audit_fn=fake_audit)
    assert [r.error for r in quiet] == [r.error for r in shown]


def test_falls_back_to_this_process_when_no_workers_can_start(tmp_path: Path, monkeypatch) -> None:
    def refuse() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    told: list[str] = []
    paths = touch(tmp_path, "a.docx", "corrupt.docx")
    results = audit_many(paths, jobs=2, budget=BUDGET, audit_fn=fake_audit, on_fallback=told.append)
    assert [bool(r.error) for r in results] == [False, True]
    assert len(told) == 1 and "auditing in this process" in told[0]


def test_timeout_applies_with_a_single_job(tmp_path: Path) -> None:
    (slow,) = touch(tmp_path, "slow.docx")
    start = time.monotonic()
    (result,) = audit_many([slow], jobs=1, budget=Budget(1, time_limit="--timeout"), audit_fn=fake_audit)
    assert result.error == f"{slow}: gave up after 1 s (limit --timeout)"
    assert time.monotonic() - start < 15


def test_a_folder_does_not_read_back_the_reports_codecheck_wrote_into_it(tmp_path: Path) -> None:
    """A CI job that saves its report inside the audited folder must not fail on it next run."""
    import shutil
    import subprocess
    import sys

    from codecheck.batch import written_by_codecheck

    samples = Path(__file__).resolve().parent.parent / "samples"
    shutil.copyfile(samples / "example-homes-2024.docx", tmp_path / "form.docx")
    cli = [sys.executable, "-m", "codecheck", "audit", "--today", "2025-06-01", "--exit-zero"]
    first = subprocess.run(
        [*cli, str(tmp_path), "-o", str(tmp_path / "report.html"), "--action-plan", str(tmp_path / "p.xlsx")],
        capture_output=True,
        text=True,
    )
    assert first.returncode == 0, first.stderr
    assert written_by_codecheck(tmp_path / "report.html") and written_by_codecheck(tmp_path / "p.xlsx")
    assert not written_by_codecheck(tmp_path / "form.docx")
    again = subprocess.run([*cli, str(tmp_path), "--format", "json"], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "skipped 2 reports written by codecheck" in again.stderr
    assert '"documents"' not in again.stdout  # one document audited: the form alone
    named = subprocess.run([*cli, str(tmp_path / "report.html")], capture_output=True, text=True)
    assert named.returncode == 2  # a file named outright is always read as a form: the reader says why not
