"""The bundled samples (samples/): each layout variant reads back as built, and the audit reports what
each sample is built to trigger and nothing it is built to avoid.

Ground truth is ``samples/expected/<sample>.json``, written by ``samples/generate.py`` from the same
objects that rendered the documents. Where the reader or a check gets a sample wrong, the assertion
stays and is marked ``xfail(strict=True)`` with the precise defect (``KNOWN`` and ``READER_KNOWN``
below), so the suite goes red the day the defect is fixed and the mark must be removed.
"""

from __future__ import annotations

import json
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED: dict[str, dict] = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((SAMPLES / "expected").glob("*.json"))
}
# "Today" for date reasoning: just after the samples are dated (September/October 2025), so that the
# target dates they give are in the future, as they were when the forms were written.
TODAY = "2025-10-01"

FILES = [(stem, name) for stem, exp in EXPECTED.items() for name in exp["files"]]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# (sample stem prefix, kind, rule, provision) -> the defect, as reported to the owner of that code.
# The three check defects the samples first exposed (a stricter timescale read as a restatement of
# the Code; 'still being developed' and 'still working towards' missed by answer-contradiction) were
# fixed in 5d8ae75; the w:vMerge defect (Evidence cells merged down over several provisions read as
# empty below their first row, so 6.5 of the merged sample was reported missing-evidence) was fixed
# by the row builder giving a merged cell to each provision it reaches. Add an entry here, never
# loosen an assertion.
KNOWN: dict[tuple[str, str, str, str | None], str] = {}

# (file, reading test) -> a reader defect the file exposes.
READER_KNOWN: dict[tuple[str, str], str] = {}


def _files(aspect: str) -> list:
    """FILES as pytest params, with a strict xfail where a known reader defect applies."""
    params = []
    for stem, name in FILES:
        reason = READER_KNOWN.get((name, aspect))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(stem, name, id=name, marks=marks))
    return params


def _known(stem: str, kind: str, rule: str, provision: str | None) -> str | None:
    for (prefix, k, r, p), reason in KNOWN.items():
        if stem.startswith(prefix) and (k, r, p) == (kind, rule, provision):
            return reason
    return None


def _param(stem: str, name: str, kind: str, item: dict):
    ident = f"{name}:{item['rule']}@{item['provision'] or 'document'}"
    reason = _known(stem, kind, item["rule"], item["provision"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(stem, name, item, id=ident, marks=marks)


def _norm(text: str) -> str:
    return " ".join(text.split())


@cache
def _read(name: str):
    from codecheck.readers import read_document

    return read_document(SAMPLES / name)


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    """``audit(name)``: the JSON report of one sample. All samples are audited in one ``codecheck audit``
    batch (as a CI job would run it), once per test module.

    An explicit empty configuration file keeps the result to the built-in defaults, whatever a
    ``[tool.codecheck]`` table the repository's own pyproject.toml may gain later.
    """
    config = tmp_path_factory.mktemp("config") / "codecheck.toml"
    config.write_text("# built-in defaults only\n", encoding="utf-8")
    args = ["audit", *(str(SAMPLES / name) for _, name in FILES), "--format", "json", "--today", TODAY]
    result = CliRunner().invoke(app, [*args, "--config", str(config)])
    assert result.exit_code in (0, 1), result.output
    reports = {Path(doc["document"]).name: doc for doc in json.loads(result.stdout)["documents"]}
    assert sorted(reports) == sorted(name for _, name in FILES)
    return reports.__getitem__


def _reported(report: dict) -> set[tuple[str, str | None]]:
    return {(f["rule"], f["provision"]) for f in report["findings"]}


# --------------------------------------------------------------------------- the files themselves


def test_every_variant_the_issue_asks_for_is_bundled():
    layouts = {exp["layout"] for exp in EXPECTED.values()}
    versions = {exp["code_version"] for exp in EXPECTED.values()}
    wanted = {"sections", "noheader", "onetable", "unruled", "merged", "checkboxes", "variants", "narrative"}
    wanted |= {"must-should", "joint", "web-tables", "blocks", "workbook", "actions"}
    assert wanted <= layouts
    assert {"2022", "2024", "joint"} <= versions
    pdf_layouts = {e["layout"] for e in EXPECTED.values() if any(f.endswith(".pdf") for f in e["files"])}
    assert {"sections", "noheader", "onetable", "unruled", "variants", "must-should", "joint"} <= pdf_layouts
    assert "web-tables" in pdf_layouts  # the PDF a browser prints from the web page
    kinds = {f.rsplit(".", 1)[1] for e in EXPECTED.values() for f in e["files"]}
    assert kinds == {"docx", "pdf", "html", "xlsx"}
    blocks = [e for e in EXPECTED.values() if e["layout"] == "blocks"]
    assert {f.rsplit(".", 1)[1] for e in blocks for f in e["files"]} >= {"docx", "html"}


def test_every_rule_on_by_default_is_demonstrated_by_a_sample():
    """The samples are the project's demo: each default rule fires on at least one of them, and a new
    rule needs a sample that shows it."""
    from codecheck.api import rules_for
    from codecheck.config import Config

    enabled = {r.slug for r in rules_for(Config()) if r.enabled}
    built_in = {item["rule"] for exp in EXPECTED.values() for item in exp["findings"]}
    assert enabled - built_in == set()
    assert built_in - enabled == set()  # a sample expecting a rule that is off by default, or unknown


@pytest.mark.parametrize(("stem", "name"), FILES)
def test_listed_files_are_committed(stem, name):
    assert (SAMPLES / name).is_file(), f"{name} missing: run python samples/generate.py --pdf"


_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/sharedStrings.xml")


def _comparable(path: Path) -> bytes:
    """A file's content for the staleness check. For a DOCX that is its canonical document body:
    the zip bytes also carry python-docx's own template parts, which a newer python-docx may change
    without the sample changing."""
    if path.suffix not in (".docx", ".xlsx"):
        return path.read_bytes()
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        if path.suffix == ".docx":
            return etree.tostring(etree.fromstring(zf.read("word/document.xml")), method="c14n")
        # a workbook: its sheets, strings and workbook part (openpyxl's styles may change with it)
        parts = sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/") or n in _WORKBOOK_PARTS)
        return b"".join(etree.tostring(etree.fromstring(zf.read(n)), method="c14n") for n in parts)


def test_generator_reproduces_the_committed_files(tmp_path, monkeypatch):
    """The committed DOCX, expected files and README are what the generator writes now."""
    import importlib.util

    monkeypatch.syspath_prepend(str(SAMPLES))
    spec = importlib.util.spec_from_file_location("samples_generate", SAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_docx(tmp_path)
    produced = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    documents = sum(1 for e in EXPECTED.values() for f in e["files"] if not f.endswith(".pdf"))
    assert len(produced) == documents + len(EXPECTED) + 1  # each document and expected file, the README
    for rel in produced:
        committed = SAMPLES / rel
        assert committed.is_file(), f"{rel} is generated but not committed"
        stale = f"{rel} is stale: rerun python samples/generate.py"
        assert _comparable(committed) == _comparable(tmp_path / rel), stale


def _document_xml(name: str):
    from lxml import etree

    with zipfile.ZipFile(SAMPLES / name) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _row_texts(tr) -> list[str]:
    return ["".join(tc.itertext()).strip() for tc in tr.iter(f"{W}tc")]


def test_main_sample_one_table_per_section_with_repeated_header_rows():
    root = _document_xml("example-homes-2024.docx")
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 9
    for tbl in tables:
        first = tbl.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert _row_texts(first)[1] == "Code requirement"


def test_noheader_sample_has_no_header_row():
    root = _document_xml("example-homes-2024-noheader.docx")
    assert root.find(f".//{W}tblHeader") is None
    for tbl in root.findall(f".//{W}tbl"):
        assert re.fullmatch(r"\d+\.\d+", _row_texts(tbl.find(f"{W}tr"))[0])


def test_onetable_sample_is_one_table_with_spanning_section_rows():
    root = _document_xml("example-homes-2024-onetable.docx")
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 1
    spans = [tr for tr in tables[0].findall(f"{W}tr") if tr.find(f".//{W}gridSpan[@{W}val='5']") is not None]
    assert [_row_texts(tr)[0].split(" ")[:2] for tr in spans] == [["Section", str(n)] for n in range(1, 10)]


def test_checkbox_sample_uses_content_controls_and_tracked_changes():
    root = _document_xml("example-homes-2024-checkboxes.docx")
    w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
    boxes = root.findall(f".//{w14}checkbox")
    rows = EXPECTED["example-homes-2024-checkboxes"]["rows"]
    assert len(boxes) == 3 * len(rows)  # Yes / Partial / No per row
    ticked = [b for b in boxes if b.find(f"{w14}checked").get(f"{w14}val") == "1"]
    assert len(ticked) == sum(r["answer"] != "blank" for r in rows)
    assert root.find(f".//{W}ins") is not None and root.find(f".//{W}del") is not None
    assert root.find(f".//{W}sdt/{W}sdtPr/{W}text") is not None  # plain-text content control (evidence)


def test_merged_sample_has_vertically_merged_evidence_cells():
    root = _document_xml("example-homes-2024-merged.docx")
    starts = root.findall(f".//{W}vMerge[@{W}val='restart']")
    continued = [v for v in root.iter(f"{W}vMerge") if v.get(f"{W}val", "continue") == "continue"]
    assert len(starts) >= 5 and len(continued) >= len(starts)


def test_unruled_sample_has_no_borders_or_shading():
    root = _document_xml("example-homes-2024-unruled.docx")
    assert root.findall(f".//{W}tbl")
    assert root.find(f".//{W}tblStyle") is None and root.find(f".//{W}tblBorders") is None
    assert root.find(f".//{W}tcBorders") is None and root.find(f".//{W}shd") is None


def test_narrative_sample_has_no_comply_column():
    root = _document_xml("example-homes-2024-narrative.docx")
    header = _row_texts(root.find(f".//{W}tr"))
    assert header == ["Code provision", "Code requirement", "How we meet this", "Evidence"]
    rows = EXPECTED["example-homes-2024-narrative"]["rows"]
    assert all(r["commentary"].startswith(r["answer_text"] + ".") for r in rows)


def test_variants_sample_has_no_provision_column():
    root = _document_xml("example-homes-2024-variants.docx")
    rows = EXPECTED["example-homes-2024-variants"]["rows"]
    body = [cells for tr in root.iter(f"{W}tr") if (cells := _row_texts(tr)) and cells[0] != "Requirement"]
    assert [cells[0].split(" ", 1)[0] for cells in body] == [r["provision"] for r in rows]
    assert {r["answer_text"] for r in rows} >= {"Compliant", "Met", "Partially compliant", "Not compliant"}


def test_2022_sample_has_wingdings_ticks_must_should_tables_and_continuation_rows():
    root = _document_xml("northfield-housing-2022.docx")
    syms = root.findall(f".//{W}sym[@{W}font='Wingdings']")
    rows = EXPECTED["northfield-housing-2022"]["rows"]
    assert len(syms) == sum(r["answer_text"] == "tick" for r in rows)
    paragraphs = {"".join(p.itertext()) for p in root.iter(f"{W}p")}
    assert {"Mandatory 'must' requirements", "Best practice 'should' requirements"} <= paragraphs
    continuation = [
        tr
        for tr in root.iter(f"{W}tr")
        if (cells := _row_texts(tr)) and len(cells) == 4 and not cells[0] and cells[1] and not cells[3]
    ]
    assert len(continuation) >= 30


def test_joint_sample_keeps_the_printed_quirks():
    rows = EXPECTED["riverside-council-joint"]["rows"]
    ids = [r["provision"] for r in rows]
    assert ids[0] == "1.2/ 1.4" and ids.count("6.1") == 2 and ids.count("6.19") == 2
    root = _document_xml("riverside-council-joint.docx")
    header = _row_texts(root.find(f".//{W}tr"))
    assert header[3:] == ["Explanations and Commentary", "Evidence"]
    texts = {_row_texts(tr)[0] for tr in root.iter(f"{W}tr") if len(_row_texts(tr)) == 1}
    assert {"Stage 1", "Stage 2 Review", "Further stages"} <= texts


@pytest.mark.parametrize(
    "name", [n for stem, n in FILES if n.endswith(".pdf") and "pdf-row-breaks" in EXPECTED[stem]["features"]]
)
def test_pdf_rows_break_across_pages(name):
    """Some table row starts on one page and continues on the next, under the repeated header: the
    first line below the header has text in later columns but none in the provision column."""
    import pdfplumber

    with pdfplumber.open(SAMPLES / name) as pdf:
        assert len(pdf.pages) > 5
        for page in pdf.pages[1:]:
            words = page.extract_words()
            header = next((w for w in words if w["text"] == "requirement"), None)
            if header is None:
                continue
            rules = [e["top"] for e in page.edges if e["orientation"] == "h" and e["top"] > header["bottom"]]
            if not rules:
                continue
            below = [w for w in words if w["top"] > min(rules)]
            if not below:
                continue
            line_top = min(w["top"] for w in below)
            first_line = [w for w in below if w["top"] - line_top < 3]
            # The provision column ends at the cell border left of the "Code requirement" header.
            border = max(e["x0"] for e in page.edges if e["orientation"] == "v" and e["x0"] < header["x0"])
            provision_column = [w for w in first_line if w["x1"] <= border]
            if first_line and not provision_column:
                return  # found a continued row
    pytest.fail(f"{name}: no row continues across a page break")


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(("stem", "name"), _files("rows"))
def test_rows_read_as_built(stem, name):
    want = EXPECTED[stem]["rows"]
    got = _read(name).rows
    assert [r.provision for r in got] == [w["provision"] for w in want]
    assert [(r.answer, r.answer_text) for r in got] == [(w["answer"], w["answer_text"]) for w in want]


@pytest.mark.parametrize(("stem", "name"), _files("text"))
def test_row_text_read_as_built(stem, name):
    want = EXPECTED[stem]["rows"]
    got = _read(name).rows
    assert len(got) == len(want)
    for row, exp in zip(got, want, strict=True):
        for field in ("requirement", "evidence", "commentary"):
            assert _norm(getattr(row, field)) == exp[field], f"{exp['provision']} {field}"


@pytest.mark.parametrize(("stem", "name"), _files("context"))
def test_row_context_read_as_built(stem, name):
    """Each row knows the heading or sub-heading row it sits under ("Stage 2 Review", "Section 3 – …")."""
    want = [(w["provision"], w["context"]) for w in EXPECTED[stem]["rows"]]
    assert [(r.provision, r.context) for r in _read(name).rows] == want


def test_tracked_deletion_is_not_read_and_insertion_is():
    row = next(r for r in _read("example-homes-2024-checkboxes.docx").rows if r.provision == "3.6")
    assert row.commentary.endswith("Representatives can also join meetings by video call.")
    assert "in person" not in row.commentary


# --------------------------------------------------------------------------- auditing


@pytest.mark.parametrize(("stem", "name"), FILES)
def test_audit_detects_the_version(audit, stem, name):
    assert audit(name)["code_version"] == EXPECTED[stem]["code_version"]


@pytest.mark.parametrize(
    ("stem", "name", "item"),
    [_param(stem, name, "finding", item) for stem, name in FILES for item in EXPECTED[stem]["findings"]],
)
def test_built_in_finding_is_reported(audit, stem, name, item):
    assert (item["rule"], item["provision"]) in _reported(audit(name))


@pytest.mark.parametrize(
    ("stem", "name", "item"),
    [_param(stem, name, "trap", item) for stem, name in FILES for item in EXPECTED[stem]["traps"]],
)
def test_trap_is_not_reported(audit, stem, name, item):
    assert (item["rule"], item["provision"]) not in _reported(audit(name))


@pytest.mark.parametrize(("stem", "name"), FILES)
def test_nothing_else_is_reported(audit, stem, name):
    """Every finding is one the sample was built to trigger (traps are covered one by one above)."""
    exp = EXPECTED[stem]
    allowed = {(i["rule"], i["provision"]) for key in ("findings", "tolerated", "traps") for i in exp[key]}
    assert _reported(audit(name)) - allowed == set()


# --------------------------------------------------------------------------- fresh text


def test_sample_text_is_not_copied_from_real_documents():
    """No run of ten words in the samples' evidence or commentary appears in a real published
    self-assessment, except where it is the Code's own wording (which the seeds also quote)."""
    from conftest import shared_dir

    seeds = shared_dir() / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"shared seeds not found at {seeds} (set CODECHECK_SHARED)")
    from codecheck.codes import get_version, version_ids

    def shingles(text: str, n: int = 10) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    code = set()
    for vid in version_ids():
        for p in get_version(vid).provisions:
            code |= shingles(p.text) | shingles(p.form_wording)
        code |= shingles(get_version(vid).complaint_definition.get("text", ""))
    real = set()
    for seed in seeds.glob("*.txt"):
        real |= shingles(seed.read_text(encoding="utf-8", errors="replace"))
    ours = set()
    for exp in EXPECTED.values():
        for row in exp["rows"]:
            ours |= shingles(row["evidence"]) | shingles(row["commentary"])
    copied = (ours & real) - code
    assert not copied, sorted(" ".join(s) for s in copied)[:5]
