"""The ``html`` format: one self-contained, printable, board-ready report file.

Rendered through jinja2 with autoescaping forced on (the template is ``*.html.j2``, which
``select_autoescape`` would not recognise) and a restrictive Content-Security-Policy: no scripts, no
external assets, inline CSS only. Document text is untrusted: it is only ever inserted as escaped text
(never ``|safe``), after control characters are stripped. The per-section overview chart is inline SVG
whose geometry is computed here, so the template holds no arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

from codecheck.findings import display_path
from codecheck.model import AuditResult
from codecheck.report.base import (
    RenderOptions,
    answer_totals,
    code_wording,
    error_reason,
    grouped_by_section,
    overall_counts,
    result_failed,
    row_for,
    section_summaries,
)
from codecheck.terminal import safe_text

ANSWER_BANDS = (("yes", "Yes"), ("partial", "Partial"), ("no", "No"), ("na", "N/A"), ("blank", "Blank"))
CHART_LABEL_W = 300
CHART_BAR_W = 420
CHART_ROW_H = 26
CHART_GAP = 8


@dataclass
class Segment:
    x: float
    width: float
    key: str
    label: str
    count: int


def _chart(summaries) -> dict:
    """Stacked bars (answers per section) with finding counts beside them, as SVG geometry."""
    rows = []
    most = max((s.rows for s in summaries), default=0) or 1
    for i, s in enumerate(summaries):
        y = i * (CHART_ROW_H + CHART_GAP)
        x = float(CHART_LABEL_W)
        segments = []
        for key, label in ANSWER_BANDS:
            n = s.answers[key]
            if not n:
                continue
            w = CHART_BAR_W * n / most
            segments.append(Segment(x=round(x, 2), width=round(w, 2), key=key, label=label, count=n))
            x += w
        rows.append({"y": y, "title": s.title, "segments": segments, "findings": s.findings, "rows": s.rows})
    height = max(len(rows) * (CHART_ROW_H + CHART_GAP), CHART_ROW_H)
    return {
        "rows": rows,
        "height": height,
        "width": CHART_LABEL_W + CHART_BAR_W + 250,
        "label_w": CHART_LABEL_W,
        "bar_w": CHART_BAR_W,
        "row_h": CHART_ROW_H,
        "counts_x": CHART_LABEL_W + CHART_BAR_W + 16,
    }


_ANSWER_LABELS = {
    "yes": "Yes",
    "no": "No",
    "partial": "Partial",
    "na": "Not applicable",
    "blank": "(no answer)",
}


def _answer_label(row) -> str:
    """The normalised answer, with the printed wording when it says more ("Partial (in progress)")."""
    label = _ANSWER_LABELS.get(row.answer, row.answer)
    printed = (row.answer_text or "").strip()
    if row.answer_source in ("tick", "checkbox") or printed.lower() in ("tick", "ticked"):
        return f"{label} (ticked)" if row.answer != "blank" else label
    if printed and printed.lower().startswith(label.lower()):
        return printed  # "Partial (In Progress)" already says Partial
    if printed:
        return f"{label} (“{printed}”)"
    return label


def _finding_view(result: AuditResult, f, options: RenderOptions) -> dict:
    spec = options.rule(f.rule) or options.rule(f.code)
    arow = row_for(result, f)
    form = None
    if arow is not None:
        row = arow.row
        form = {
            "answer": _answer_label(row),
            "evidence": row.evidence,
            "commentary": row.commentary,
            "requirement": row.requirement,
        }
    return {
        "f": f,
        "severity": str(f.severity),
        "where": f.location.describe() if f.location else "whole document",
        "wording": code_wording(result, f.provision),
        "form": form,
        "summary": spec.summary if spec else None,
        "why": spec.rationale if spec else None,
        "why_ref": None,
    }


def _groups(result: AuditResult, options: RenderOptions) -> list[dict]:
    """Findings by section; a rule's "why it matters" is printed once per document, then referred to."""
    first_seen: dict[str, str] = {}
    groups = []
    for n, title, findings in grouped_by_section(result):
        views = []
        for f in findings:
            view = _finding_view(result, f, options)
            where = f"provision {f.provision}" if f.provision else "the whole-document finding"
            if view["why"] and f.rule in first_seen:
                view["why_ref"] = first_seen[f.rule]
                view["why"] = None
            elif view["why"]:
                first_seen[f.rule] = where
            views.append(view)
        groups.append({"number": n, "title": title, "findings": views})
    return groups


def _document_view(result: AuditResult, options: RenderOptions) -> dict:
    view: dict = {
        "name": display_path(result.path, options.base_dir),
        "error": error_reason(result) if result.error else None,
        "failed": result_failed(result, options.fail_on),
        "counts": overall_counts([result]),
        "answers": answer_totals(result),
        "title": None,
        "code": None,
        "detection": None,
        "document_date": None,
        "missing": [],
        "summaries": [],
        "chart": _chart([]),
        "groups": [],
        "baseline_hidden": 0,
    }
    if result.error:
        return view
    aligned = result.aligned
    summaries = section_summaries(result)
    view.update(
        {
            "title": aligned.document.title if aligned else None,
            "code": aligned.code if aligned else None,
            "detection": aligned.detection if aligned else None,
            "document_date": aligned.document_date if aligned else None,
            "missing": list(aligned.missing) if aligned else [],
            "summaries": summaries,
            "chart": _chart([s for s in summaries if s.number != 0]),
            "groups": _groups(result, options),
        }
    )
    if options.baseline is not None:
        view["baseline_hidden"] = options.baseline.for_document(view["name"])
    return view


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("codecheck.report", "templates"),
        autoescape=True,  # always: document text is hostile until proven otherwise
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clean"] = lambda v: safe_text(str(v)) if v is not None else ""
    env.filters["plural"] = lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}"
    return env


def render(results: list[AuditResult], options: RenderOptions) -> str:
    docs = [_document_view(r, options) for r in results]
    template = _environment().get_template("report.html.j2")
    return template.render(
        docs=docs,
        totals=overall_counts(results),
        unreadable=sum(1 for r in results if r.error),
        failed=sum(1 for r in results if not r.error and result_failed(r, options.fail_on)),
        fail_on=str(options.fail_on) if options.fail_on else "never",
        version=options.tool_version,
        bands=ANSWER_BANDS,
        baseline=options.baseline,
    )

