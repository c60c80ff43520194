"""Structural and extraction checks (CC101-CC104, CC115) where a case file cannot say it: the corpus,
whole-form summaries and reader notes. The row cases are in rules/<CODE>-<slug>/cases.yaml.

Documents are built in code ("Example Homes"; requirement texts are the Code's own wording). The last
test runs over the shared corpus when it is present: on faithful copies of the official forms the
structural rules must stay silent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from codecheck.align import align_document
from codecheck.codes import get_version
from codecheck.engine import load_rules, run_rules
from codecheck.model import Document, Location, ReaderNote, Row, VersionDetection
from conftest import shared_dir

TODAY = date(2025, 6, 1)


def row(pid: str, requirement: str, n: int, answer: str = "yes", confidence: float = 1.0) -> Row:
    return Row(
        provision=pid,
        requirement=requirement,
        answer=answer,  # type: ignore[arg-type]
        answer_text=answer.title(),
        evidence="Example Homes complaints policy, section 4",
        commentary="Our policy sets this out and the team follows it.",
        location=Location(table=1, row=n),
        confidence=confidence,
    )


def form_rows(version: str, skip: set[str] = frozenset()) -> list[Row]:
    code = get_version(version)
    out = []
    for i, frow in enumerate(code.form, 1):
        if not set(frow.covers) & skip:
            out.append(row(frow.id, frow.text or code.provision(frow.covers[0]).form_wording, i))
    return out


def findings(
    rows: list[Row],
    version: str = "2024",
    *,
    slugs: tuple[str, ...] = (
        "missing-provision",
        "unknown-provision",
        "duplicate-provision",
        "misnumbered-provision",
    ),
    text: list[str] | None = None,
    notes: list[ReaderNote] | None = None,
    tracked_changes: int = 0,
    detection: VersionDetection | None = None,
    today: date = TODAY,
    params: dict | None = None,
):
    from dataclasses import replace

    document = Document(
        path=Path("example-homes.docx"),
        format="docx",
        rows=rows,
        text=text or [],
        title="Example Homes self-assessment",
        notes=notes or [],
        tracked_changes=tracked_changes,
    )
    aligned = align_document(document, get_version(version), detection or VersionDetection(version, 0.9))
    rules = [r for r in load_rules() if r.slug in slugs]
    if params:
        rules = [replace(r, params={**r.params, **params}) for r in rules]
    return run_rules(aligned, rules, today)


# --------------------------------------------------------------------------- CC115


def test_tracked_changes_from_the_readers_count() -> None:
    """The count decides, not a note's wording; the message quotes the reader's note when there is one."""
    note = ReaderNote("tracked-changes", "tracked changes present (3 marks): read as accepted")
    other = ReaderNote("tables-skipped", "2 table(s) are not self-assessment tables")
    found = findings(form_rows("2024"), slugs=("tracked-changes",), notes=[other, note], tracked_changes=3)
    assert len(found) == 1 and found[0].provision is None
    assert "(tracked changes present (3 marks): read as accepted)" in found[0].message
    assert findings(form_rows("2024"), slugs=("tracked-changes",), notes=[other]) == []
    assert findings(form_rows("2024"), slugs=("tracked-changes",), notes=[note]) == []


# --------------------------------------------------------------------------- corpus


CORPUS = shared_dir() / "corpus"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (set CODECHECK_SHARED)")
@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("thurrock-2024", set()),
        ("tamworth-2024", set()),
        ("joint-code-draft", {("CC114", None)}),
        ("tower-hamlets-homes-2022", {("CC114", None)}),
    ],
)
def test_corpus_structural_findings(stem: str, expected: set) -> None:
    from codecheck.api import audit
    from codecheck.config import load_config

    config = load_config(None, overrides={"select": ["structure", "version", "extraction"]})
    result = audit(CORPUS / f"{stem}.docx", config=config, today=TODAY)
    assert {(f.code, f.provision) for f in result.findings} == expected
    assert result.aligned is not None and result.aligned.missing == []
    assert all(ar.provisions and ar.suggested is None for ar in result.aligned.rows)


# --------------------------------------------------------------------------- corpus mutations
#
# Real documents' rows, damaged in ways people damage forms (numbers swapped, a row dropped or pasted
# twice, a number mistyped, a requirement split over two rows): the structural rules must name exactly
# the damage. The mutations are drawn with a fixed seed, so a failure is reproducible.

STEMS = ("thurrock-2024", "tamworth-2024", "joint-code-draft", "tower-hamlets-homes-2022")


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Document]:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set CODECHECK_SHARED)")
    from codecheck.readers import read_document

    return {stem: read_document(CORPUS / f"{stem}.docx") for stem in STEMS}


def structural_audit(document: Document, rows: list[Row]):
    from dataclasses import replace

    from codecheck.api import audit_document
    from codecheck.config import load_config

    config = load_config(None, overrides={"select": ["structure"]})
    return audit_document(replace(document, rows=rows), config=config, today=TODAY)


def first_id(printed: str) -> str:
    return printed.replace(" ", "").split("/")[0]


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_swapped_numbers_are_both_reported_as_misnumbered(corpus_docs: dict, stem: str) -> None:
    import random
    from dataclasses import replace

    document = corpus_docs[stem]
    rng = random.Random(stem)
    for _ in range(12):
        i, j = rng.sample(range(len(document.rows)), 2)
        a, b = document.rows[i], document.rows[j]
        if a.provision == b.provision:
            continue
        rows = list(document.rows)
        rows[i], rows[j] = replace(a, provision=b.provision), replace(b, provision=a.provision)
        found = {(f.code, f.provision) for f in structural_audit(document, rows).findings}
        assert found == {("CC104", first_id(a.provision)), ("CC104", first_id(b.provision))}, (
            a.provision,
            b.provision,
        )


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_dropped_pasted_and_mistyped_rows(corpus_docs: dict, stem: str) -> None:
    import random
    from dataclasses import replace

    document = corpus_docs[stem]
    rng = random.Random(stem + "2")
    printed = [r.provision for r in document.rows]
    for _ in range(8):
        i = rng.randrange(len(document.rows))
        row = document.rows[i]
        rows = list(document.rows)
        del rows[i]
        found = {(f.code, f.provision) for f in structural_audit(document, rows).findings}
        if printed.count(row.provision) == 1:  # (a form-repeated id such as Joint 6.19 stays covered)
            dropped = row.provision.replace(" ", "").split("/")
            assert found == {("CC101", pid) for pid in dropped}, row.provision
        rows = list(document.rows)
        rows.insert(rng.randrange(len(rows)), replace(row))
        found = {(f.code, f.provision) for f in structural_audit(document, rows).findings}
        assert found == {("CC103", first_id(row.provision))}, row.provision
        rows = list(document.rows)
        rows[i] = replace(row, provision="12." + first_id(row.provision).split(".")[-1])
        found = {(f.code, f.provision) for f in structural_audit(document, rows).findings}
        assert found == {("CC104", first_id(row.provision))}, row.provision


@pytest.mark.corpus
@pytest.mark.parametrize("stem", STEMS)
def test_requirement_split_over_two_rows_is_one_row(corpus_docs: dict, stem: str) -> None:
    import random
    from dataclasses import replace

    document = corpus_docs[stem]
    rng = random.Random(stem + "3")
    for k in range(10):
        i = rng.randrange(len(document.rows))
        row = document.rows[i]
        words = row.requirement.split()
        if len(words) < 6:
            continue
        cut = rng.randint(2, len(words) - 2)
        head = replace(row, requirement=" ".join(words[:cut]))
        tail = replace(
            row,
            provision=row.provision if k % 2 else "",
            requirement=" ".join(words[cut:]),
            answer="blank",
            answer_text="",
            evidence="",
            commentary="",
            location=Location(table=row.location.table, row=(row.location.row or 0) + 1000),
        )
        rows = [*document.rows[:i], head, tail, *document.rows[i + 1 :]]
        result = structural_audit(document, rows)
        assert result.findings == [], row.provision
        assert len(result.aligned.rows) == len(document.rows)
        assert result.aligned.rows[i].row.requirement == row.requirement


def test_many_misnumbered_rows_become_one_version_finding() -> None:
    code = get_version("2024")
    ids = [f.id for f in code.form]
    rows = form_rows("2024")
    rotated = [row(ids[(i + 7) % len(ids)], r.requirement, i) for i, r in enumerate(rows)]  # every number off
    found = findings(rotated)
    moved = [f for f in found if f.code == "CC104"]
    assert len(moved) == 1 and moved[0].provision is None
    assert "may not follow the HOS Code 2024" in moved[0].message


def test_many_unknown_ids_become_one_version_finding() -> None:
    rows = [
        row(f"1{i}.{i}", "Example Homes keeps its gardens tidy for every resident.", i) for i in range(1, 9)
    ]
    found = [f for f in findings(rows) if f.code == "CC102"]
    assert len(found) == 1 and found[0].provision is None and found[0].message.startswith("8 of 8 rows")
