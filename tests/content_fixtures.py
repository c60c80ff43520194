"""Builders for the content-check tests: fictional rows ("Example Homes") aligned to a real Code version.

The checks take an ``AlignedDocument``; building one by hand keeps these tests independent of the
readers and the aligner, and fast (no document is parsed).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from codecheck.codes import get_version
from codecheck.engine import CheckContext, Hit, RuleParams, get_check, load_rules
from codecheck.model import AlignedDocument, AlignedRow, Document, Location, Row, RuleSpec, VersionDetection

TODAY = date(2025, 1, 15)
# groups of the rules that read what a form says about the landlord's practice (the rest judge the
# form's structure, its Code version or how it was read)
NOT_CONTENT_GROUPS = ("structure", "version", "extraction")


@cache
def _shipped_rules() -> dict[str, RuleSpec]:
    """Every shipped rule by slug, from its spec (``rules/<CODE>-<slug>/rule.yaml``), read once."""
    return {rule.slug: rule for rule in load_rules(strict=True)}


def content_slugs() -> tuple[str, ...]:
    """Slugs of every content rule, from the rule specs rather than a list kept by hand."""
    return tuple(slug for slug, rule in _shipped_rules().items() if rule.group not in NOT_CONTENT_GROUPS)


def params(slug: str) -> dict[str, Any]:
    """The shipped parameters of a rule (its ``rule.yaml``)."""
    return dict(_shipped_rules()[slug].params)


def make_row(
    pid: str,
    answer: str = "yes",
    commentary: str = "",
    evidence: str = "",
    answer_text: str | None = None,
    requirement: str | None = None,
    version: str = "2024",
    n: int = 1,
) -> Row:
    prov = get_version(version).provision(pid)
    if requirement is None:
        requirement = prov.form_wording if prov else "A requirement Example Homes made up."
    if answer_text is None:
        answer_text = {"yes": "Yes", "no": "No", "partial": "Partial", "na": "N/A", "blank": ""}[answer]
    return Row(
        provision=pid,
        requirement=requirement,
        answer=answer,  # type: ignore[arg-type]
        answer_text=answer_text,
        evidence=evidence,
        commentary=commentary,
        location=Location(page=None, table=1, row=n),
    )


def make_doc(rows: list[Row], version: str = "2024", document_date: str | None = None) -> AlignedDocument:
    code = get_version(version)
    aligned_rows = [
        AlignedRow(
            row=r,
            provisions=(r.provision,) if code.provision(r.provision) else (),
            score=100.0,
            method="number",
        )
        for r in rows
    ]
    doc = Document(path=Path("example-homes.docx"), format="docx", rows=rows)
    return AlignedDocument(
        document=doc,
        code=code,
        detection=VersionDetection(version=version, confidence=1.0),
        rows=aligned_rows,
        missing=[],
        document_date=document_date,
    )


def run(slug: str, aligned: AlignedDocument, today: date = TODAY, **overrides: Any) -> list[Hit]:
    fn = get_check(slug)
    assert fn is not None, f"no check for {slug}"
    rule = _shipped_rules()[slug]
    p = RuleParams(rule.code, {**rule.params, **overrides})
    return list(fn(CheckContext(aligned=aligned, today=today), p))


def run_one(
    slug: str,
    pid: str,
    version: str = "2024",
    document_date: str | None = None,
    params: dict[str, Any] | None = None,
    **row: Any,
) -> list[Hit]:
    """Run a check over a one-row document (``params`` overrides the shipped parameters)."""
    doc = make_doc([make_row(pid, version=version, **row)], version, document_date)
    return run(slug, doc, **(params or {}))
