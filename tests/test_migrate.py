"""`codecheck migrate`: a filled 2022 self-assessment (built here, fictional "Example Homes" answers)
carried over to the 2024 form, and the reverse; nothing the landlord wrote may be lost."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.codes import get_version
from conftest import shared_dir

runner = CliRunner()

HEADER_2022 = [
    "Code section",
    "Code requirement",
    "Comply: Yes/No",
    "Evidence, commentary and any explanations",
]
TIERS = (("must", "Mandatory 'must' requirements"), ("should", "Best practice 'should' requirements"))
# Answers that differ on purpose: 2.7 and 2.8 both become 2024 3.7, so their disagreement must show.
SPECIAL = {"2.8": "Partial", "4.10": "No", "5.19": "N/A", "6.7": "Yes"}


def _text_for(pid: str) -> str:
    return (
        f"Example Homes evidence for {pid}: complaints policy section {pid.replace('.', '-')}, "
        f"reviewed by the Example Homes board."
    )


def build_filled_2022(path: Path) -> dict[str, tuple[str, str]]:
    """A filled 2022-form self-assessment in the official 2022 layout, written independently of
    codecheck's writer: one table per section and tier, the combined evidence/commentary column."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    code = get_version("2022")
    document = docx.Document()
    sec = document.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    document.add_heading("Example Homes: Housing Ombudsman Complaint Handling Code self-assessment 2022", 1)
    document.add_paragraph("Self-assessment completed in September 2022 by the Example Homes team.")
    answers: dict[str, tuple[str, str]] = {}
    for tier, label in TIERS:
        for section in code.sections:
            rows = [code.provision(r.covers[0]) for r in code.form]
            rows = [
                p
                for p in rows
                if p is not None
                and p.section == section.number
                and (p.obligation == "should") == (tier == "should")
            ]
            if not rows:
                continue
            document.add_paragraph(f"Section {section.number} - {section.title} {label}")
            table = document.add_table(rows=1, cols=4)
            for cell, text in zip(table.rows[0].cells, HEADER_2022, strict=True):
                cell.text = text
            for p in rows:
                answer = SPECIAL.get(p.id, "Yes")
                cells = table.add_row().cells
                for cell, text in zip(cells, (p.id, p.text, answer, _text_for(p.id)), strict=True):
                    cell.text = text
                answers[p.id] = (answer, _text_for(p.id))
    document.save(str(path))
    return answers


@pytest.fixture(scope="module")
def filled_2022(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]]]:
    path = tmp_path_factory.mktemp("migrate") / "example-homes-2022.docx"
    return path, build_filled_2022(path)


@pytest.fixture(scope="module")
def migrated(filled_2022: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory) -> Path:
    src, _ = filled_2022
    out = tmp_path_factory.mktemp("out") / "example-homes-2024.docx"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    result = runner.invoke(app, ["migrate", str(src), "--to", "2024", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # the input is never modified
    return out


def _all_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_fixture_is_read_as_the_2022_form(filled_2022: tuple[Path, dict]) -> None:
    from codecheck.api import extract

    path, answers = filled_2022
    aligned = extract(path)
    assert aligned.code.id == "2022" and aligned.missing == []
    assert len(aligned.rows) == len(answers) == 72


def test_extract_returns_every_2024_provision(migrated: Path) -> None:
    from codecheck.api import extract

    aligned = extract(migrated)
    target = get_version("2024")
    assert aligned.code.id == "2024"
    assert aligned.missing == []
    assert [a.row.provision for a in aligned.rows] == [r.id for r in target.form]  # appendix not read as rows
    assert all(a.provisions for a in aligned.rows)


def test_all_old_evidence_text_is_in_the_new_document(migrated: Path, filled_2022: tuple[Path, dict]) -> None:
    _, answers = filled_2022
    text = " ".join(_all_text(migrated).split())
    for pid, (_, evidence) in answers.items():
        assert evidence in text, pid


def _review_notes(path: Path) -> dict[str, str]:
    """codecheck's review comments by the printed provision id they are anchored on."""
    import docx
    from docx.oxml.ns import qn

    from codecheck.writer import NOTE_AUTHOR

    document = docx.Document(str(path))
    comments = {c.comment_id: c for c in document.comments}
    notes: dict[str, str] = {}
    for table in document.tables:
        for row in table.rows[1:]:
            cell = row.cells[0]
            for start in cell._tc.iter(qn("w:commentRangeStart")):
                comment = comments[int(start.get(qn("w:id")))]
                assert comment.author == NOTE_AUTHOR
                notes[cell.text] = comment.text
    return notes


def test_carried_rows_keep_answers_and_are_marked_for_review(migrated: Path) -> None:
    from codecheck.api import extract

    rows = {a.row.provision: a.row for a in extract(migrated).rows}
    notes = _review_notes(migrated)
    single = rows["6.14"]  # from 2022 5.13 alone (stage 2 response)
    assert single.answer == "yes" and single.answer_text == "Yes"
    # the landlord's cells hold exactly what the landlord wrote: review notes are never read as answers
    assert single.commentary == _text_for("5.13") and single.evidence == ""
    assert notes["6.14"].startswith("For review: carried over from 2022 provision 5.13 — check it")
    assert (
        "stage 2 response: 20 working days from escalation → 20 working days from acknowledgement"
        in (notes["6.14"])
    )
    r = rows["6.15"]  # stage 2 extension: from 2022 5.13 (and 5.14, by the map)
    # 5.13 was split into 6.14 and 6.15: its text went to 6.14 only, and 6.15's note says so
    assert r.commentary == _text_for("5.14")
    assert "For review" not in r.commentary
    assert "carried over from 2022 provision 5.14" in notes["6.15"]
    assert "2022 provision 5.13 was split; what it said was carried into 6.14 only" in notes["6.15"]
    assert "stage 2 extension: 10 working days → 20 working days" in notes["6.15"]
    assert "'should' requirement and is now 'must'" in notes["1.4"]
    # 2022 2.7 (Yes) and 2.8 (Partial) both became 3.7: least compliant answer, both texts, a note
    merged = rows["3.7"]
    assert merged.answer == "partial"
    assert merged.commentary == f"{_text_for('2.7')} {_text_for('2.8')}"  # no "2022 2.7:" labels
    assert "what 2022 2.7 and 2022 2.8 said is joined here, in that order" in notes["3.7"]
    assert "old answers differed (2022 2.7: Yes; 2022 2.8: Partial)" in notes["3.7"]
    # every form row carries a note: carried ones say from where, blank ones why they are blank
    assert set(notes) == set(rows)
    assert not any("For review" in row.commentary or "For review" in row.evidence for row in rows.values())


def test_new_provisions_are_blank_and_flagged(migrated: Path) -> None:
    import docx

    from codecheck.api import extract
    from codecheck.writer.docx_form import FLAGGED_FILL

    rows = {a.row.provision: a.row for a in extract(migrated).rows}
    notes = _review_notes(migrated)
    for pid in ("2.5", "5.13", "6.20", "8.5"):
        assert rows[pid].answer == "blank", pid
        assert rows[pid].evidence == "" and rows[pid].commentary == ""
        assert "new in the HOS Code 2024" in notes[pid]
    shaded = set()
    for table in docx.Document(str(migrated)).tables[:-1]:
        for row in table.rows[1:]:
            if FLAGGED_FILL in row.cells[2]._tc.xml:
                shaded.add(row.cells[0].text)
    assert {"2.5", "5.13", "6.20", "8.5", "3.7"} <= shaded
    assert "6.14" not in shaded


def test_notes_fall_back_to_italic_paragraphs_without_comment_support(
    filled_2022: tuple[Path, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx
    import docx.document

    from codecheck.migrate import migrate_file
    from codecheck.writer import NOTE_STYLE, render_form

    monkeypatch.delattr(docx.document.Document, "add_comment")  # python-docx before 1.2
    spec, _ = migrate_file(filled_2022[0], "2024")
    out = tmp_path / "fallback.docx"
    out.write_bytes(render_form(spec))
    document = docx.Document(str(out))
    notes = [
        p
        for t in document.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        if p.text.startswith("For review:")
    ]
    assert notes
    assert all(p.style.name == NOTE_STYLE and p.style.font.italic for p in notes)
    comply_cells = [row.cells[2].text for t in document.tables[:-1] for row in t.rows[1:]]
    assert not any("review" in c.lower() for c in comply_cells)


def test_removed_provisions_go_to_the_appendix(migrated: Path) -> None:
    import docx

    document = docx.Document(str(migrated))
    appendix = document.tables[-1]
    assert appendix.rows[0].cells[0].text == "Former provision"
    ids = [row.cells[0].text for row in appendix.rows[1:]]
    for pid in ("5.18", "5.19", "5.20", "4.13"):
        assert f"2022 {pid}" in ids
    row = appendix.rows[1 + ids.index("2022 5.19")]
    assert row.cells[2].text == "N/A" and row.cells[3].text == _text_for("5.19")


def test_migrate_back_to_2022_and_to_joint(migrated: Path, tmp_path: Path) -> None:
    from codecheck.api import extract

    for target in ("2022", "joint"):
        out = tmp_path / f"back-{target}.docx"
        result = runner.invoke(app, ["migrate", str(migrated), "--to", target, "-o", str(out)])
        assert result.exit_code == 0, result.output
        aligned = extract(out)
        assert aligned.code.id == target
        assert aligned.missing == []
        assert [a.row.provision for a in aligned.rows] == [r.id for r in get_version(target).form]


def test_summary_names_what_happened(filled_2022: tuple[Path, dict]) -> None:
    from codecheck.migrate import migrate_file

    spec, report = migrate_file(filled_2022[0], "2024")
    assert report.source == "2022" and report.target == "2024"
    assert "3.7" in report.conflicts
    assert set(report.new) >= {"2.5", "6.20"}
    assert len(report.carried) + len(report.new) + len(report.unanswered) == 72
    assert "2022 5.20" in report.appendix
    assert spec.layout.name == "hos-2024"


# --------------------------------------------------------------------------- CLI safety


def test_refuses_to_overwrite_and_to_write_over_its_input(
    filled_2022: tuple[Path, dict], tmp_path: Path
) -> None:
    src, _ = filled_2022
    out = tmp_path / "new.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(app, ["migrate", str(src), "--to", "2024", "-o", str(out)])
    assert result.exit_code == 2 and out.read_bytes() == b"keep me"
    assert "--force" in result.output
    before = src.read_bytes()
    result = runner.invoke(app, ["migrate", str(src), "--to", "2024", "-o", str(src), "--force"])
    assert result.exit_code == 2 and src.read_bytes() == before
    assert "overwrite the input" in result.output


def test_bad_inputs_are_one_line_errors(filled_2022: tuple[Path, dict], tmp_path: Path) -> None:
    src, _ = filled_2022
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    cases = [
        ["migrate", str(tmp_path / "absent.docx"), "--to", "2024", "-o", str(tmp_path / "a.docx")],
        ["migrate", str(broken), "--to", "2024", "-o", str(tmp_path / "b.docx")],
        ["migrate", str(src), "--to", "2019", "-o", str(tmp_path / "c.docx")],
        ["migrate", str(src), "--to", "2022", "-o", str(tmp_path / "d.docx")],  # already 2022
    ]
    for args in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("codecheck: error:"), result.output
        assert not Path(args[-1]).exists()
    result = runner.invoke(app, ["migrate", str(src), "--to", "2024"])
    assert result.exit_code == 2  # -o is required


# --------------------------------------------------------------------------- a real 2022 form


def _shared() -> Path:
    return shared_dir()


@pytest.mark.corpus
def test_real_2022_form_migrates_without_losing_text(tmp_path: Path) -> None:
    corpus = _shared() / "corpus"
    src = corpus / "tower-hamlets-homes-2022.docx"
    labels = corpus / "tower-hamlets-homes-2022.labels.json"
    if not src.is_file() or not labels.is_file():
        pytest.skip(f"shared corpus not found at {corpus} (set CODECHECK_SHARED)")
    from codecheck.api import extract

    out = tmp_path / "migrated.docx"
    result = runner.invoke(app, ["migrate", str(src), "--to", "2024", "-o", str(out)])
    assert result.exit_code == 0, result.output
    aligned = extract(out)
    assert aligned.missing == [] and len(aligned.rows) == 72
    text = " ".join(_all_text(out).split())
    for row in json.loads(labels.read_text(encoding="utf-8"))["rows"]:
        for value in (row["evidence"], row["commentary"]):
            assert " ".join(value.split()) in text, row["provision"]


def test_low_confidence_detection_is_flagged(filled_2022: tuple[Path, dict]) -> None:
    from dataclasses import replace

    from codecheck.api import align, read
    from codecheck.migrate import migrate_aligned
    from codecheck.model import VersionDetection

    aligned = align(read(filled_2022[0]))
    _, sure = migrate_aligned(aligned, get_version("2024"))
    assert not sure.uncertain and sure.detection.startswith("detected")
    aligned.detection = replace(aligned.detection, confidence=0.3)
    _, unsure = migrate_aligned(aligned, get_version("2024"))
    assert unsure.uncertain
    aligned.detection = VersionDetection("2022", 1.0, ("set with --from",), forced=True)
    _, forced = migrate_aligned(aligned, get_version("2024"))
    assert not forced.uncertain and forced.detection == "set with --from"


# --------------------------------------------------------------------------- property: nothing is lost

_WORDS = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S"), exclude_characters="\x7f"),
    min_size=1,
    max_size=12,
)


@given(data=st.data())
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_survives_migration(data: st.DataObject, tmp_path: Path) -> None:
    """Whatever a landlord wrote, for whichever provisions, reaches the new form or its appendix."""
    import docx

    from codecheck.migrate import migrate_file
    from codecheck.writer import render_form

    code = get_version("2022")
    form_ids = [r.covers[0] for r in code.form]
    chosen = data.draw(st.lists(st.sampled_from(form_ids), min_size=8, max_size=20, unique=True))
    texts = {
        pid: " ".join(data.draw(st.lists(_WORDS, min_size=1, max_size=6))) + f" [{pid}]" for pid in chosen
    }
    document = docx.Document()
    document.add_heading("Example Homes: Complaint Handling Code self-assessment 2022", 1)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, HEADER_2022, strict=True):
        cell.text = text
    for pid in chosen:
        cells = table.add_row().cells
        for cell, text in zip(cells, (pid, code.provision(pid).text, "Yes", texts[pid]), strict=True):  # type: ignore[union-attr]
            cell.text = text
    src = tmp_path / f"old-{len(chosen)}.docx"
    document.save(str(src))
    spec, _ = migrate_file(src, "2024", source_spec="2022")
    out = tmp_path / "new.docx"
    out.write_bytes(render_form(spec))
    written = " ".join(_all_text(out).split())
    for pid, text in texts.items():
        assert " ".join(text.split()) in written, pid
