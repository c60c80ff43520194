"""The action plan: one line per open finding, with what to do and room for an owner and a date.

A board asks "what are we doing about it, who, by when". The plan lists every finding not reviewed
away (provision, the issue in words, the recommended action from the rule's spec), with the owner
and target date left blank to fill in, or prefilled from the form's own Actions / Owner / Target
date columns where the reader found them (``Row.actions``, ``Row.owner``, ``Row.target_date``,
read with ``getattr`` defaults: a reader that does not know them leaves the cells blank). The same
items feed the HTML report's table and the ``--action-plan`` export as CSV or XLSX.

Document text is untrusted: CSV and spreadsheet cells that would start a formula are neutralised,
and XLSX cells are always written as text. Both exports are pure functions of the results (the XLSX
timestamps come from the audit date), so the same run gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from codecheck.findings import display_path
from codecheck.model import AuditResult, Finding, Severity
from codecheck.report.base import RenderOptions, RowIndex
from codecheck.terminal import one_line

PRIORITY = {Severity.ERROR: "Significant", Severity.WARNING: "To check", Severity.INFO: "For information"}
COLUMNS = (
    "Provision",
    "Priority",
    "Issue",
    "Recommended action",
    "Action stated on the form",
    "Owner",
    "Target date",
    "Status",
)
EXPORT_SUFFIXES = (".csv", ".xlsx")
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP entry can carry: no clock in the bytes


@dataclass(frozen=True)
class PlanItem:
    """One line of the action plan."""

    document: str
    provision: str
    priority: str
    issue: str
    action: str
    stated_action: str
    owner: str
    target_date: str
    status: str

    def cells(self, with_document: bool) -> list[str]:
        cells = [
            self.provision,
            self.priority,
            self.issue,
            self.action,
            self.stated_action,
            self.owner,
            self.target_date,
            self.status,
        ]
        return [self.document, *cells] if with_document else cells


def _text(value: object) -> str:
    """A row attribute as one clean line: lists joined, dates in ISO form, None as blank."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value if _text(v))
    if isinstance(value, date):
        return value.isoformat()
    return one_line(str(value))


def _item(document: str, f: Finding, index: RowIndex, options: RenderOptions) -> PlanItem:
    spec = options.rule(f.rule) or options.rule(f.code)
    arow = index.row_for(f)
    row = arow.row if arow is not None else None
    stale = f.decision is not None and not f.decision.accepted
    return PlanItem(
        document=document,
        provision=f.provision or "Whole document",
        priority=PRIORITY[f.severity],
        issue=one_line(f.message),
        action=one_line(spec.action) if spec and spec.action else "",
        stated_action=_text(getattr(row, "actions", None)),
        owner=_text(getattr(row, "owner", None)),
        target_date=_text(getattr(row, "target_date", None)),
        status="Needs re-review" if stale else "Open",
    )


def plan_items(result: AuditResult, options: RenderOptions, index: RowIndex | None = None) -> list[PlanItem]:
    """The plan for one document: its open findings (accepted ones are settled), in report order."""
    if result.error:
        return []
    index = index or RowIndex(result)
    document = display_path(result.path, options.base_dir)
    return [_item(document, f, index, options) for f in result.findings if not f.accepted]


def all_items(results: list[AuditResult], options: RenderOptions) -> list[PlanItem]:
    return [item for r in results for item in plan_items(r, options)]


def _neutral(text: str) -> str:
    """Stop a spreadsheet reading a cell as a formula: document text is untrusted."""
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and text[1:2] not in ("", " ")):
        return "'" + text
    return text


def to_csv(items: list[PlanItem], with_document: bool = False) -> str:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow((["Document"] if with_document else []) + list(COLUMNS))
    for item in items:
        writer.writerow([_neutral(c) for c in item.cells(with_document)])
    return buf.getvalue()


_WIDTHS = {"Document": 28, "Provision": 11, "Priority": 14, "Issue": 60, "Recommended action": 60,
           "Action stated on the form": 40, "Owner": 20, "Target date": 14, "Status": 16}


def to_xlsx(items: list[PlanItem], with_document: bool = False, today: date | None = None) -> bytes:
    """The plan as a spreadsheet: a header row, wrapped text, filters, cells always text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)  # streamed: several times faster than building every cell
    ws = wb.create_sheet("Action plan")
    header = (["Document"] if with_document else []) + list(COLUMNS)
    for c, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(name, 16)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(items) + 1}"
    wrap = Alignment(vertical="top", wrap_text=True)  # one style object shared by every cell
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3A5F")

    def cell(value: str, head: bool = False):
        c = WriteOnlyCell(ws, value=value)
        c.data_type = "s"  # never a formula, whatever the document's text starts with
        c.alignment = wrap
        if head:
            c.font, c.fill = bold, fill
        return c

    ws.append([cell(name, head=True) for name in header])
    for item in items:
        ws.append([cell(value) for value in item.cells(with_document)])
    stamp = datetime.combine(today or date(2000, 1, 1), datetime.min.time())
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "codecheck"
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_times(buf.getvalue(), stamp)


def _fixed_times(data: bytes, stamp: datetime) -> bytes:
    """The same archive with every entry dated alike and the "modified" property (which openpyxl sets
    to the clock when saving) set to the audit date, so that the same plan gives the same bytes."""
    import re
    import zipfile

    modified = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = modified.sub(rb"\g<1>" + when + rb"\g<2>", body)
            dst.writestr(fixed, body)
    return out.getvalue()


def export(results: list[AuditResult], options: RenderOptions, suffix: str) -> bytes:
    """The action plan of ``results`` as the bytes of a ``.csv`` or ``.xlsx`` file."""
    items = all_items(results, options)
    several = len(results) > 1
    if suffix == ".xlsx":
        return to_xlsx(items, with_document=several, today=options.today)
    return to_csv(items, with_document=several).encode("utf-8-sig")  # BOM: Excel reads it as UTF-8
