"""Every pass/fail case of every rule (``rules/<CODE>-<slug>/cases.yaml``), in sqlfluff's manner.

A case is a small fictional form (Example Homes): its Code version, a few rows (provision, answer,
evidence, commentary; the requirement defaults to the provision's own form wording, so the row aligns
by its number), optionally the whole official form around them, the form's date, the day to judge as
of, parameter overrides, and the findings expected (provision, fragments of the message and snippet)
or none. The rows go through the real aligner and the engine, exactly as a read document would.

Case file format (``cases.yaml``)::

    rule: CC106                      # the rule's code (its folder's)
    code: "2024"                     # default Code version of the cases (a case may give its own)
    cases:
      - name: bare-yes               # unique within the file
        code: "2022"                 # optional
        form: complete               # optional: every row of the official form, answered Yes with
        omit: ["6.20"]               #   evidence, minus these; `rows` are added after them
        rows:
          - {provision: "6.20", answer: yes, evidence: "", commentary: "",
             answer_text: "Yes", requirement: "...", confidence: 1.0,
             actions: "...", target_date: "2026-03-31"}   # all but provision optional
        title: "..."                 # optional: the document's title and loose text (dates, …)
        text: ["..."]
        document_date: "2024-06-01"  # optional: the form's own date, as if read from it
        tracked_changes: 3           # optional: the reader's count of tracked changes
        notes:                       # optional: the reader's notes (model.ReaderNote); `before` puts
          - {kind: skipped-text, message: "...", location: {page: 4, table: 2, row: 7},
             before: "6.4"}          #   one among the rows, just before the first row of 6.4
        detection: {confidence: 0.3, forced: false}   # optional (default: forced, confidence 1)
        today: "2025-01-15"          # optional (default 2025-01-15)
        params: {grace_days: 30}     # optional overrides of the rule's parameters
        expect:                      # [] for a passing case
          - {provision: "6.20", message: "no evidence", snippet: "..."}   # provision null: document-level
          - {provision: null, message: "...", location: {page: 4, table: 2, row: 7}}   # location: exact
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from codecheck.align import align_document
from codecheck.codes import get_version
from codecheck.engine import load_rules, run_rules
from codecheck.model import Document, Location, ReaderNote, Row, RuleSpec, VersionDetection
from codecheck.resources import rules_dir

TODAY = date(2025, 1, 15)
CASE_KEYS = {
    "name", "code", "form", "omit", "rows", "title", "text", "document_date", "tracked_changes",
    "notes", "detection", "today", "params", "expect",
}  # fmt: skip
ROW_KEYS = {
    "provision", "answer", "answer_text", "evidence", "commentary", "requirement", "confidence",
    "actions", "target_date",
}  # fmt: skip
NOTE_KEYS = {"kind", "message", "location", "before"}
EXPECT_KEYS = {"provision", "message", "snippet", "location"}
ANSWER_TEXT = {"yes": "Yes", "no": "No", "partial": "Partial", "na": "N/A", "blank": ""}


@cache
def _rules() -> dict[str, RuleSpec]:
    return {r.code: r for r in load_rules(strict=True)}


def _case_files() -> list[Path]:
    return sorted(rules_dir().glob("*/cases.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and set(data) <= {"rule", "code", "cases"}, path
    return data


def _all_cases() -> list[Any]:
    out = []
    for path in _case_files():
        data = _load(path)
        for case in data.get("cases") or []:
            out.append(pytest.param(path, data, case, id=f"{data['rule']}-{case.get('name')}"))
    return out


def test_every_rule_has_cases_that_pass_and_fail() -> None:
    """Adding a rule means adding its cases: at least one case it flags and one it leaves alone."""
    by_folder = {f"{r.code}-{r.slug}": r for r in _rules().values()}
    assert {p.parent.name for p in _case_files()} == set(by_folder)
    for path in _case_files():
        data = _load(path)
        assert data["rule"] == by_folder[path.parent.name].code, path
        cases = data.get("cases") or []
        names = [c.get("name") for c in cases]
        assert all(names) and len(set(names)) == len(names), f"{path}: every case needs a unique name"
        assert any(c.get("expect") for c in cases), f"{path}: no case the rule flags"
        assert any(c.get("expect") == [] for c in cases), f"{path}: no case the rule passes"


def _row(raw: dict[str, Any], version: str, n: int) -> Row:
    assert set(raw) <= ROW_KEYS, f"unknown row keys {set(raw) - ROW_KEYS}"
    assert isinstance(raw["provision"], str), f"quote the provision {raw['provision']!r} (6.20 reads as 6.2)"
    pid = raw["provision"]
    # YAML 1.1 reads a bare yes/no as a boolean: take it as the answer meant
    answer = {True: "yes", False: "no"}.get(raw.get("answer", "yes"), raw.get("answer", "yes"))
    answer = str(answer).lower()
    prov = get_version(version).provision(pid)
    requirement = raw.get("requirement")
    if requirement is None:
        requirement = prov.form_wording if prov else "A requirement Example Homes made up for its own form."
    return Row(
        provision=pid,
        requirement=requirement,
        answer=answer,  # type: ignore[arg-type]
        answer_text=str(raw.get("answer_text", ANSWER_TEXT[answer])),
        evidence=str(raw.get("evidence", "")),
        commentary=str(raw.get("commentary", "")),
        location=Location(table=1, row=n),
        confidence=float(raw.get("confidence", 1.0)),
        actions=str(raw.get("actions", "")),
        target_date=str(raw.get("target_date", "")),
    )


def _notes(case: dict[str, Any], rows: list[Row]) -> list[ReaderNote]:
    """The case's reader notes; ``before: PID`` places one just before the first row of PID."""
    out = []
    for raw in case.get("notes") or []:
        assert set(raw) <= NOTE_KEYS, f"unknown note keys {set(raw) - NOTE_KEYS}"
        position = None
        if "before" in raw:
            before = str(raw["before"])
            position = next((i for i, r in enumerate(rows) if r.provision == before), None)
            assert position is not None, f"note placed before {before}, which has no row"
        where = Location(**raw["location"]) if raw.get("location") else None
        out.append(ReaderNote(str(raw["kind"]), str(raw["message"]), where, position=position))
    return out


def _rows(case: dict[str, Any], version: str) -> list[Row]:
    given = [dict(r) for r in case.get("rows") or []]
    if case.get("form") is None:
        return [_row(raw, version, i) for i, raw in enumerate(given, 1)]
    assert case["form"] == "complete", "form: complete is the only form a case can start from"
    code = get_version(version)
    omit = {str(p) for p in case.get("omit") or []}
    rows: list[dict[str, Any]] = []
    for frow in code.form:
        if set(frow.covers) & omit:
            continue
        text = frow.text or code.provision(frow.covers[0]).form_wording
        evidence = "Example Homes complaints policy, section 4"
        rows.append({"provision": frow.id, "requirement": text, "evidence": evidence})
    return [_row(raw, version, i) for i, raw in enumerate([*rows, *given], 1)]


@pytest.mark.parametrize(("path", "data", "case"), _all_cases())
def test_rule_case(path: Path, data: dict[str, Any], case: dict[str, Any]) -> None:
    assert set(case) <= CASE_KEYS, f"{path}: unknown case keys {set(case) - CASE_KEYS}"
    rule = _rules()[data["rule"]]
    unknown = set(case.get("params") or {}) - set(rule.params)
    assert not unknown, f"{path}: {rule.code} has no parameter {unknown}"
    rule = replace(rule, params={**rule.params, **(case.get("params") or {})})
    version = str(case.get("code", data.get("code", "2024")))
    det = case.get("detection") or {}
    confidence, forced = float(det.get("confidence", 1.0)), bool(det.get("forced", True))
    detection = VersionDetection(version, confidence, forced=forced)
    rows = _rows(case, version)
    document = Document(
        path=Path("example-homes.docx"),
        format="docx",
        rows=rows,
        text=list(case.get("text") or []),
        title=case.get("title", "Example Homes self-assessment"),
        notes=_notes(case, rows),
        tracked_changes=int(case.get("tracked_changes", 0)),
    )
    aligned = align_document(document, get_version(version), detection)
    if "document_date" in case:
        aligned.document_date = case["document_date"]
    today = date.fromisoformat(str(case["today"])) if "today" in case else TODAY
    found = run_rules(aligned, [rule], today)

    expected = case.get("expect")
    assert isinstance(expected, list), f"{path}: case {case['name']}: give `expect` (a list, [] for none)"
    summary = [f"{f.provision}: {f.message} [{f.snippet}]" for f in found]
    assert len(found) == len(expected), "\n".join(summary) or "no findings"
    for want, got in zip(expected, found, strict=True):
        assert set(want) <= EXPECT_KEYS, f"unknown expect keys {set(want) - EXPECT_KEYS}"
        if "provision" in want:
            assert got.provision == (None if want["provision"] is None else str(want["provision"])), summary
        assert str(want.get("message", "")) in got.message, summary
        assert str(want.get("snippet", "")) in (got.snippet or ""), summary
        if "location" in want:
            assert got.location == (Location(**want["location"]) if want["location"] else None), summary
