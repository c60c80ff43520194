"""`audit --annotate`: a copy of the officer's own form with each finding as a comment on its row.

Complaints officers work in Word. The findings belong where the officer will act on them: in the margin
of the form itself, beside the row they are about, in the officer's own layout (not a regenerated
form). So the copy is the original file with only comments added: the DOCX reader records where each
row's ``w:tr`` sits among the body's rows (``Location.anchor``), and the comment's range runs from the
start of that row's first cell to the end of its last, so Word highlights the whole row. A finding about
the whole form (blank form, no date, wrong Code version) is anchored at the form's title, or its first
paragraph with text.

Each comment says, one paragraph each: the rule in words, what was found, the sentence it rests on
(when the finding quotes one), the Code's wording for the provision, what to do, and a recorded
decision when there is one.

A PDF gets the same text as PDF annotations (pypdf): a highlight over the row's box on its page (the
PDF reader's table rows carry it, ``Location.bbox``), whose note opens in any PDF viewer, and
whole-form findings as a note at the top of the first page. A row without a known box gets its note at
the top of its page rather than a guessed position; a rotated page is refused (its coordinates would
put the highlight elsewhere).

The input is never modified (it is only read) and the copy is written atomically; whether an existing
file may be replaced is the caller's decision (``--force``). HTML or XLSX copies have no comment
machinery the officer would see, so they are refused (see ``refusal``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from codecheck.errors import CodecheckError
from codecheck.model import AuditResult, Finding, RuleSpec

ANNOTATABLE = ("docx", "pdf")
HIGHLIGHT = "ffd966"  # a soft yellow, as a reviewer's highlighter
NOTE_SIZE = 18.0  # points: the side of a note icon


def refusal(fmt: str | None) -> str | None:
    """Why a document of format ``fmt`` cannot be annotated (one line), or None when it can."""
    if fmt in ANNOTATABLE:
        return None
    return (
        f"--annotate writes comments into a Word or PDF document; a form in {(fmt or 'this format').upper()} "
        "cannot carry them: annotate the form's DOCX or PDF, or use --format html for a report"
    )


def _words(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def comment_paragraphs(result: AuditResult, finding: Finding, rule: RuleSpec | None) -> list[str]:
    """What one finding's comment says, a paragraph per part, in the order an officer reads it."""
    where = f"provision {finding.provision}" if finding.provision else "the whole form"
    out = [f"{_words(finding.rule)} ({finding.code}, {finding.severity}, {where})", finding.message]
    if finding.quote:
        out.append(f"The form says: “{' '.join(finding.quote.split())}”")
    if finding.provision and result.aligned is not None:
        provision = result.aligned.code.provision(finding.provision)
        if provision is not None and provision.form_wording:
            out.append(f"The Code ({finding.provision}): {' '.join(provision.form_wording.split())}")
    if rule is not None and rule.action:
        out.append(f"What to do: {' '.join(rule.action.split())}")
    if finding.decision is not None:
        out.append(finding.decision.describe())
    return out


# --------------------------------------------------------------------------- DOCX


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _direct_runs(paragraph_el: Any) -> list[Any]:
    """The runs that are direct children of a paragraph (not inside a hyperlink, field or content
    control), where a comment range may start or end."""
    return [child for child in paragraph_el if child.tag == _w("r")]


def _run(document: Any, r_el: Any) -> Any:
    from docx.text.run import Run

    return Run(r_el, document._body)


def _edge_run(document: Any, tc_el: Any, *, first: bool) -> Any:
    """The first (or last) direct run of a cell; an empty run is added to an empty cell's paragraph."""
    paragraphs = list(tc_el.iter(_w("p")))
    if not first:
        paragraphs.reverse()
    for p_el in paragraphs:
        runs = _direct_runs(p_el)
        if runs:
            return _run(document, runs[0] if first else runs[-1])
    if not paragraphs:  # a cell must hold a paragraph; a malformed one gets one
        from docx.oxml import OxmlElement

        p_el = OxmlElement("w:p")
        tc_el.append(p_el)
        paragraphs = [p_el]
    from docx.oxml import OxmlElement

    r_el = OxmlElement("w:r")
    p_el = paragraphs[0]
    if first:
        ppr = p_el.find(_w("pPr"))
        if ppr is not None:
            ppr.addnext(r_el)
        else:
            p_el.insert(0, r_el)
    else:
        p_el.append(r_el)
    return _run(document, r_el)


def _row_runs(document: Any, tr_el: Any) -> tuple[Any, Any]:
    """The first run of the row's first cell and the last run of its last cell."""
    cells = [tc for tc in tr_el.iter(_w("tc")) if _owning_row(tc) is tr_el]
    if not cells:
        raise CodecheckError("a table row without cells cannot carry a comment")
    return _edge_run(document, cells[0], first=True), _edge_run(document, cells[-1], first=False)


def _owning_row(tc_el: Any) -> Any:
    parent = tc_el.getparent()
    while parent is not None and parent.tag != _w("tr"):
        parent = parent.getparent()
    return parent


def _document_anchor(document: Any, result: AuditResult) -> tuple[Any, Any]:
    """Where a finding about the whole form goes: the title paragraph, else the first with text."""
    title = result.aligned.document.title if result.aligned is not None else None
    body = document.element.body
    candidates = [p for p in body.iter(_w("p")) if _owning_row(p) is None]
    chosen = None
    if title:
        wanted = " ".join(title.split())
        chosen = next((p for p in candidates if " ".join(_text(p).split()) == wanted), None)
    if chosen is None:
        chosen = next((p for p in candidates if _text(p).strip()), None)
    if chosen is None:
        chosen = candidates[0] if candidates else None
    if chosen is None:  # a body of tables only: the first row
        first_row = next(body.iter(_w("tr")), None)
        if first_row is None:
            raise CodecheckError("the document has no paragraph to attach a comment to")
        return _row_runs(document, first_row)
    runs = _direct_runs(chosen)
    if runs:
        return _run(document, runs[0]), _run(document, runs[-1])
    from docx.oxml import OxmlElement

    r_el = OxmlElement("w:r")
    chosen.append(r_el)
    run = _run(document, r_el)
    return run, run


def _text(p_el: Any) -> str:
    return "".join(t.text or "" for t in p_el.iter(_w("t")))


def annotate_docx(
    source: bytes, result: AuditResult, rules: Iterable[RuleSpec]
) -> tuple[bytes, int]:
    """The DOCX ``source`` with one comment per finding of ``result``; returns (bytes, comments).

    Findings on a row whose element cannot be found again (a row the reader met in a page header, a
    document changed since it was read) go with the whole-form findings rather than being dropped.
    """
    import docx

    from codecheck.writer.comments import add_comment, can_comment

    document = docx.Document(io.BytesIO(source))
    if not can_comment(document):
        raise CodecheckError("--annotate needs python-docx 1.2 or later to write Word comments")
    by_code = {r.code: r for r in rules}
    rows = list(document.element.body.iter(_w("tr")))
    document_runs: tuple[Any, Any] | None = None
    count = 0
    for finding in result.findings:
        anchor = finding.location.anchor if finding.location is not None else None
        if anchor is not None and 0 <= anchor < len(rows):
            first, last = _row_runs(document, rows[anchor])
        else:
            if document_runs is None:
                document_runs = _document_anchor(document, result)
            first, last = document_runs
        add_comment(document, (first, last), comment_paragraphs(result, finding, by_code.get(finding.code)))
        count += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), count


# --------------------------------------------------------------------------- PDF


def annotate_pdf(
    source: bytes, result: AuditResult, rules: Iterable[RuleSpec], name: Path
) -> tuple[bytes, int]:
    """The PDF ``source`` with one annotation per finding of ``result``; returns (bytes, annotations).

    A row with a known box: a highlight over it carrying the comment; otherwise a note at the top left
    of the row's page (or of the first page, for whole-form findings). Box coordinates come from the
    reader in points from the page's top-left corner and are turned into PDF space (from the bottom
    left of the page's media box).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Highlight, Text
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    by_code = {r.code: r for r in rules}
    try:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise CodecheckError(f"cannot annotate this PDF: {exc}", name) from None
    pages = writer.pages
    if not pages:
        raise CodecheckError("cannot annotate a PDF with no pages", name)
    count = 0
    for finding in result.findings:
        loc = finding.location
        index = (loc.page - 1) if loc is not None and loc.page is not None else 0
        if not 0 <= index < len(pages):
            index = 0
        page = pages[index]
        if int(page.get("/Rotate", 0) or 0) % 360:
            raise CodecheckError(
                f"page {index + 1} is rotated: its rows cannot be marked reliably; annotate the DOCX "
                "the PDF was made from",
                name,
            )
        box = page.mediabox
        left, top = float(box.left), float(box.top)
        text = "\n".join(comment_paragraphs(result, finding, by_code.get(finding.code)))
        bbox = loc.bbox if loc is not None and loc.page is not None else None
        if bbox is not None:
            x0, y0, x1, y1 = left + bbox[0], top - bbox[3], left + bbox[2], top - bbox[1]
            quad = ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
            annotation = Highlight(rect=(x0, y0, x1, y1), quad_points=quad, highlight_color=HIGHLIGHT)
            annotation[NameObject("/Contents")] = TextStringObject(text)
        else:
            x0, y1 = left + 6, top - 6
            annotation = Text(rect=(x0, y1 - NOTE_SIZE, x0 + NOTE_SIZE, y1), text=text)
        annotation[NameObject("/T")] = TextStringObject("codecheck")
        writer.add_annotation(page_number=index, annotation=annotation)
        count += 1
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), count


def write_annotated(source: Path, target: Path, result: AuditResult, rules: Sequence[RuleSpec]) -> int:
    """Write the annotated copy of ``source`` to ``target`` (atomically); returns the comments added.

    ``CodecheckError`` (one line) when the document's format cannot be annotated or it cannot be read
    or written. ``source`` is only read.
    """
    from codecheck.outputs import write_atomic

    fmt = result.aligned.document.format if result.aligned is not None else None
    why = refusal(fmt)
    if why is not None:
        raise CodecheckError(why, source)
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise CodecheckError(f"cannot read: {exc.strerror or exc}", source) from None
    if fmt == "pdf":
        annotated, count = annotate_pdf(data, result, rules, source)
    else:
        annotated, count = annotate_docx(data, result, rules)
    write_atomic(target, annotated)
    return count
