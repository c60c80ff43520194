"""`codecheck audit FORM.docx --annotate REVIEWED.docx`: the officer's own form with one Word comment per
finding, anchored on the finding's row (whole-form findings on the title); a PDF gets a highlight over
the row with the same note; the input untouched; never an existing file without --force; other
formats refused in one line.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from codecheck.cli.app import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TODAY = ["--today", "2025-10-01"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _annotate(tmp_path: Path, sample: str, *extra: str) -> tuple[Path, Path, dict]:
    form = tmp_path / sample
    shutil.copyfile(SAMPLES / sample, form)
    before = _digest(form)
    out = tmp_path / "reviewed.docx"
    report = tmp_path / "report.json"
    argv = ["audit", str(form), "--annotate", str(out), "--format", "json", "-o", str(report), *TODAY]
    result = runner.invoke(app, [*argv, *extra])
    assert result.exit_code in (0, 1), result.output
    assert _digest(form) == before  # the original is only read
    return form, out, json.loads(report.read_text(encoding="utf-8"))


def _ranges(path: Path) -> dict[str, etree._Element]:
    """Comment id -> the element holding its w:commentRangeStart (a table row, or a paragraph); its
    w:commentRangeEnd is in the same one."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))

    def holder(mark: etree._Element) -> etree._Element:
        row = next(mark.iterancestors(f"{W}tr"), None)
        return row if row is not None else mark.getparent()

    ends = {end.get(f"{W}id"): holder(end) for end in body.iter(f"{W}commentRangeEnd")}
    out = {}
    for start in body.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        out[cid] = holder(start)
        assert ends[cid] is out[cid]
    return out


def _comment_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    return {
        c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p"))
        for c in comments.iter(f"{W}comment")
    }


def _cell_texts(row: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")).strip() for tc in row.iter(f"{W}tc")]


@pytest.mark.parametrize(
    "sample",
    [
        "example-homes-2024.docx",
        "riverside-council-joint.docx",  # whole-form findings
        "example-homes-2024-checkboxes.docx",  # content controls, tracked changes
        "northfield-housing-2022.docx",  # 2022 layout, must/should tables
    ],
)
def test_one_comment_per_finding_on_its_row(tmp_path: Path, sample: str) -> None:
    import docx

    _form, out, report = _annotate(tmp_path, sample)
    findings = report["findings"]
    assert findings
    document = docx.Document(str(out))  # opens in python-docx
    assert len(list(document.comments)) == len(findings)
    ranges, texts = _ranges(out), _comment_texts(out)
    assert len(ranges) == len(findings)
    # each finding's comment: its rule in words, its message, and it sits in that provision's row
    unmatched = list(findings)
    for cid, anchor in ranges.items():
        text = texts[cid]
        finding = next(f for f in unmatched if f["code"] in text.splitlines()[0] and f["message"] in text)
        unmatched.remove(finding)
        if finding["location"] is None:
            # a whole-form finding, or a provision the form lacks: on the title, outside the tables
            assert anchor.tag == f"{W}p"
            assert next(anchor.iterancestors(f"{W}tbl"), None) is None
        else:
            assert anchor.tag == f"{W}tr"
            assert _cell_texts(anchor)[0] == finding["provision"]
        if finding["provision"] is not None:
            assert f"The Code ({finding['provision']})" in text
    assert unmatched == []


def test_comment_says_what_to_do_and_shows_a_decision(tmp_path: Path) -> None:
    form = tmp_path / "riverside-council-joint.docx"
    shutil.copyfile(SAMPLES / form.name, form)
    decided = runner.invoke(
        app, ["decide", str(form), "4.2", "CC105", "--reason", "Met", "--by", "A. Officer", *TODAY]
    )
    assert decided.exit_code == 0, decided.output
    out = tmp_path / "reviewed.docx"
    result = runner.invoke(app, ["audit", str(form), "--annotate", str(out), "--select", "CC105", *TODAY])
    assert result.exit_code == 0, result.output
    (text,) = _comment_texts(out).values()
    assert text.startswith("Missing answer (CC105, warning, provision 4.2)")
    assert "What to do: " in text
    assert "reviewed: not an issue — Met (A. Officer, 2025-10-01)" in text


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    form = tmp_path / "form.docx"
    shutil.copyfile(SAMPLES / "riverside-council-joint.docx", form)
    out = tmp_path / "reviewed.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(app, ["audit", str(form), "--annotate", str(out), *TODAY])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_bytes() == b"keep me"
    result = runner.invoke(app, ["audit", str(form), "--annotate", str(out), "--force", *TODAY])
    assert result.exit_code == 1, result.output
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{form}", "--annotate", "{form}"], "refusing to write over an input document"),
        (["{form}", "{form}", "--annotate", "{out}"], "exactly one form"),
        (["{dir}", "--annotate", "{out}"], "exactly one form"),
        (["{form}", "--annotate", "{tmp}/reviewed.pdf"], "name it .docx"),
        (["{pdf}", "--annotate", "{out}"], "name it .pdf"),
    ],
)
def test_refusals_are_one_line_before_any_work(tmp_path: Path, args: list[str], message: str) -> None:
    form = tmp_path / "form.docx"
    shutil.copyfile(SAMPLES / "riverside-council-joint.docx", form)
    pdf = tmp_path / "form.pdf"
    shutil.copyfile(SAMPLES / "riverside-council-joint.pdf", pdf)
    values = {"form": form, "out": tmp_path / "reviewed.docx", "dir": tmp_path, "tmp": tmp_path, "pdf": pdf}
    argv = ["audit", *(a.format(**values) for a in args), *TODAY]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "reviewed.docx").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_annotated_copy(tmp_path: Path) -> None:
    """Manual-grade check where LibreOffice exists (not on CI): it converts the copy to PDF."""
    _form, out, _report = _annotate(tmp_path, "example-homes-2024.docx")
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(out)],
        capture_output=True, text=True, timeout=240,
    )
    assert (tmp_path / "pdf" / "reviewed.pdf").is_file(), done.stderr


def test_a_web_page_is_not_annotated(tmp_path: Path) -> None:
    page = tmp_path / "form.html"
    page.write_text("<!doctype html><html><body><table><tr><td>1.2</td></tr></table></body></html>")
    out = tmp_path / "reviewed.docx"
    result = runner.invoke(app, ["audit", str(page), "--annotate", str(out), *TODAY])
    assert result.exit_code == 2 and "HTML" in result.output.upper()
    assert not out.exists()


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize(
    "sample", ["example-homes-2024.pdf", "example-homes-2024-unruled.pdf", "riverside-council-joint.pdf"]
)
def test_pdf_gets_one_highlight_per_finding_over_its_row(tmp_path: Path, sample: str) -> None:
    import pdfplumber
    from pypdf import PdfReader

    _form, out, report = _annotate_as(tmp_path, sample, "reviewed.pdf")
    findings = report["findings"]
    notes = []
    for number, page in enumerate(PdfReader(str(out)).pages, 1):
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/T") == "codecheck":
                rect = [float(v) for v in annot["/Rect"]]
                notes.append((number, annot["/Subtype"], rect, annot["/Contents"]))
    assert len(notes) == len(findings)
    with pdfplumber.open(str(out)) as pdf:
        for finding in findings:
            number, subtype, rect, text = next(n for n in notes if finding["message"] in n[3])
            assert text.startswith(f"{finding['rule'].replace('-', ' ').capitalize()} ({finding['code']}")
            if finding["location"] is None:
                assert subtype == "/Text" and number == 1
                continue
            assert subtype == "/Highlight" and number == finding["location"]["page"]
            page = pdf.pages[number - 1]
            x0, y0, x1, y1 = rect
            height = float(page.height)
            words = page.crop((x0, height - y1, x1, height - y0)).extract_words()
            # the box holds the row: its provision id printed in its first cell
            assert finding["provision"] in {w["text"] for w in words}, (finding, words[:5])


def _annotate_as(tmp_path: Path, sample: str, target: str) -> tuple[Path, Path, dict]:
    form = tmp_path / sample
    shutil.copyfile(SAMPLES / sample, form)
    before = _digest(form)
    out, report = tmp_path / target, tmp_path / "report.json"
    argv = ["audit", str(form), "--annotate", str(out), "--format", "json", "-o", str(report), *TODAY]
    result = runner.invoke(app, argv)
    assert result.exit_code in (0, 1), result.output
    assert _digest(form) == before
    return form, out, json.loads(report.read_text(encoding="utf-8"))
