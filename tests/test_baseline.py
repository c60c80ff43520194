"""Baselines hide known findings by (document, rule, provision) and let new ones through."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from codecheck import baseline
from codecheck.errors import ConfigError
from codecheck.model import Finding, Location, Severity
from report_sample import error_result, sample_result


def write(tmp_path: Path, results) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(baseline.dumps(results, tmp_path), encoding="utf-8")
    return path


def test_round_trip_hides_everything_recorded(tmp_path: Path) -> None:
    results = [sample_result(tmp_path / "a.docx"), error_result(tmp_path / "bad.docx")]
    known = baseline.load(write(tmp_path, results))
    filtered, info = baseline.apply(results, known, "baseline.json", tmp_path)
    assert [len(r.findings) for r in filtered] == [0, 0]
    assert info.total == 5 and info.for_document("a.docx") == 5
    assert filtered[1].error  # an unreadable document stays an error whatever the baseline says


def test_survives_text_edits_and_moved_rows(tmp_path: Path) -> None:
    known = baseline.load(write(tmp_path, [sample_result(tmp_path / "a.docx")]))
    edited = sample_result(tmp_path / "a.docx")
    edited.findings = [
        replace(f, message="reworded " + f.message, location=Location(table=4, row=(f.location.row or 0) + 7))
        if f.location
        else f
        for f in edited.findings
    ]
    filtered, _ = baseline.apply([edited], known, "b", tmp_path)
    assert filtered[0].findings == []


def test_new_findings_and_repeats_beyond_the_count_are_reported(tmp_path: Path) -> None:
    known = baseline.load(write(tmp_path, [sample_result(tmp_path / "a.docx")]))
    later = sample_result(tmp_path / "a.docx")
    extra = [
        Finding("CC108", "partial-without-date", Severity.WARNING, "3.1", "again", Location(table=1, row=9)),
        Finding("CC106", "missing-evidence", Severity.WARNING, "1.2", "new", Location(table=1, row=2)),
    ]
    later.findings = later.findings + extra
    filtered, info = baseline.apply([later], known, "b", tmp_path)
    assert sorted((f.rule, f.provision) for f in filtered[0].findings) == [
        ("missing-evidence", "1.2"),
        ("partial-without-date", "3.1"),
    ]
    assert info.total == 5


def test_keys_are_per_document(tmp_path: Path) -> None:
    known = baseline.load(write(tmp_path, [sample_result(tmp_path / "a.docx")]))
    filtered, info = baseline.apply([sample_result(tmp_path / "other.docx")], known, "b", tmp_path)
    assert len(filtered[0].findings) == 5 and info.total == 0


def test_file_is_stable_and_sorted(tmp_path: Path) -> None:
    a = baseline.dumps([sample_result(tmp_path / "a.docx"), sample_result(tmp_path / "b.docx")], tmp_path)
    b = baseline.dumps([sample_result(tmp_path / "b.docx"), sample_result(tmp_path / "a.docx")], tmp_path)
    assert a == b
    data = json.loads(a)
    assert data["baseline_version"] == 1
    keys = [(e["document"], e["rule"], e["provision"] or "") for e in data["findings"]]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "invalid JSON"),
        ("[]", "no findings list"),
        ('{"baseline_version": 99, "findings": []}', "unsupported baseline version"),
        ('{"baseline_version": 1, "findings": [{"rule": "x"}]}', "entry 1 is malformed"),
        ('{"baseline_version": 1, "findings": [{"document": 3, "rule": "x"}]}', "entry 1 is malformed"),
    ],
)
def test_bad_baseline_files_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as exc:
        baseline.load(path)
    assert str(path) in str(exc.value)


def test_missing_baseline_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        baseline.load(tmp_path / "nope.json")
