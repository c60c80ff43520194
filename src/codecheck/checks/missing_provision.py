"""CC101 missing-provision: every provision on the version's official self-assessment form has a row.

It reads what alignment (``codecheck.align``) established: the official-form provisions no row
covers. A document missing most of them is a partial form or an extract: one document-level finding
lists them instead of burying the report. When the reader skipped text where a missing provision's
row would be (a row that lost its number over a page break, a block without its labels), the finding
says so and points there: the provision may be in the document, unread, rather than left out.

Spec, parameters and pass/fail cases: ``rules/CC101-missing-provision/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.model import AlignedDocument, CodeVersion, ReaderNote
from codecheck.text.cells import shorten


def _wording(code: CodeVersion, pid: str) -> str:
    p = code.provision(pid)
    return shorten(p.form_wording, 90) if p else ""


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """One finding per official-form provision that no row covers.

    When more than ``summarise_over`` are missing the document is most likely a partial form (or an
    extract): one document-level finding lists them instead of burying the report.
    """
    aligned = ctx.aligned
    missing = list(aligned.missing)
    if not missing:
        return
    code = aligned.code
    limit = int(params["summarise_over"])
    if len(missing) > limit:
        listed = ", ".join(missing[:40]) + (" …" if len(missing) > 40 else "")
        yield Hit(
            provision=None,
            message=(
                f"{len(missing)} of the {len(code.form_provision_ids) or len(missing)} provisions on the "
                f"official {code.short_title} self-assessment form have no row: {listed}"
            ),
        )
        return
    for pid in missing:
        wording = _wording(code, pid)
        lost = _lost_text_near(aligned, pid)
        hint = ""
        if lost is not None:
            where = lost.location.describe() if lost.location is not None else "document"
            near = "there" if where == "document" else f"near {where}"
            hint = f"; no row found: the reader skipped text {near} that may hold it ({lost.message})"
        yield Hit(
            provision=pid,
            message=(
                f"Provision {pid} is on the official {code.short_title} self-assessment form but has no row"
                + (f" (\u201c{wording}\u201d)" if wording else "")
                + hint
            ),
            location=lost.location if lost is not None else None,
        )


def _lost_text_near(aligned: AlignedDocument, pid: str) -> ReaderNote | None:
    """A note about text the reader skipped where provision ``pid``'s row would be, if there is one.

    Where the row would be: after the last row of a provision that comes before ``pid`` on the form
    and before the first row of one that comes after it. A lost-text note whose position (among the
    document's rows) falls in that gap is near.
    """
    notes = [n for n in aligned.document.notes if n.lost_text and n.position is not None]
    if not notes:
        return None
    order = {p: i for i, p in enumerate(aligned.code.form_provision_ids)}
    if pid not in order:
        return None
    index = {id(row): i for i, row in enumerate(aligned.document.rows)}
    low, high = -1, len(aligned.document.rows)
    for ar in aligned.rows:
        at = index.get(id(ar.row))
        ranks = [order[p] for p in ar.provisions if p in order]
        if at is None or not ranks:
            continue
        if max(ranks) < order[pid]:
            low = max(low, at)
        elif min(ranks) > order[pid]:
            high = min(high, at)
    if low >= high:
        return None
    return next((n for n in notes if n.position is not None and low < n.position <= high), None)
