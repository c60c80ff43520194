"""Structural checks: is every provision of the official form there, once, under its own number?

They read what alignment (``codecheck.align``) established: ``missing`` provisions, rows whose number
the Code does not have, rows repeating a provision, and rows whose requirement text is another
provision's. The judgement lives in alignment (thresholds are the ``misnumbered-provision`` rule's
params); these functions only word the findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.checks.extraction import lost_text_near
from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.model import AlignedRow, CodeVersion

SNIPPET_CHARS = 120


def _short(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wording(code: CodeVersion, pid: str) -> str:
    p = code.provision(pid)
    return _short(p.form_wording, 90) if p else ""


def _where(ar: AlignedRow) -> str:
    return ar.row.location.describe()


def _too_many(count: int, total: int, params: dict[str, Any]) -> bool:
    """Whether ``count`` of ``total`` rows is so many that the cause is the whole form, not each row.

    When most rows disagree with the Code version, the version is the likelier mistake (a form of
    another version, or a renumbered house form): one document-level finding says so instead of a
    finding per row that would bury the report.
    """
    share = float(params.get("max_share", 0.3))
    return total > 0 and count >= 5 and count > share * total


def _version_hint(ctx: CheckContext) -> str:
    det = ctx.aligned.detection
    how = "given with --code" if det.forced else f"detected with {det.confidence:.0%} confidence"
    return f"the form may not follow the {ctx.aligned.code.short_title} ({how})"


@check("missing-provision")
def missing_provision(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """One finding per official-form provision that no row covers.

    When more than ``summarise_over`` are missing the document is most likely a partial form (or an
    extract): one document-level finding lists them instead of burying the report.
    """
    aligned = ctx.aligned
    missing = list(aligned.missing)
    if not missing:
        return
    code = aligned.code
    limit = int(params.get("summarise_over", 20))
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
        lost = lost_text_near(aligned, pid)
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


@check("unknown-provision")
def unknown_provision(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Rows numbered with an id the Code version does not have (and whose text is no provision's)."""
    import re

    code = ctx.aligned.code
    id_like = re.compile(str(params.get("id_like", r"\d+\s*\.\s*\d+")))
    unknown = [
        ar
        for ar in ctx.aligned.rows
        if not ar.provisions and ar.row.provision.strip() and id_like.search(ar.row.provision)
    ]  # a label the reader kept ("Stage 2") is not a provision number
    if _too_many(len(unknown), len(ctx.aligned.rows), params):
        listed = ", ".join(ar.row.provision.strip() for ar in unknown[:12]) + (
            " …" if len(unknown) > 12 else ""
        )
        yield Hit(
            provision=None,
            message=(
                f"{len(unknown)} of {len(ctx.aligned.rows)} rows are numbered with ids the "
                f"{code.short_title} does not have ({listed}): {_version_hint(ctx)}"
            ),
        )
        return
    for ar in unknown:
        printed = ar.row.provision.strip()
        yield Hit(
            provision=printed,
            message=f"Row numbered \u201c{printed}\u201d matches no provision of the {code.short_title}",
            location=ar.row.location,
            snippet=_short(ar.row.requirement) or None,
        )


@check("duplicate-provision")
def duplicate_provision(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Rows that repeat a provision more often than the official form does."""
    rows = ctx.aligned.rows
    for ar in rows:
        if ar.duplicate_of is None:
            continue
        first = rows[ar.duplicate_of]
        repeated = [pid for pid in ar.provisions if pid in first.provisions] or list(ar.provisions)
        pid = repeated[0]
        yield Hit(
            provision=pid,
            message=(
                f"Provision {pid} has a second row (first at {_where(first)}); answer each provision once"
            ),
            location=ar.row.location,
            snippet=_short(ar.row.requirement) or None,
        )


@check("misnumbered-provision")
def misnumbered_provision(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Rows whose requirement text is clearly another provision's than the number printed beside it."""
    from codecheck.align import text_score

    code = ctx.aligned.code
    moved = [ar for ar in ctx.aligned.rows if ar.suggested]
    if _too_many(len(moved), len(ctx.aligned.rows), params):
        yield Hit(
            provision=None,
            message=(
                f"{len(moved)} of {len(ctx.aligned.rows)} rows have the requirement text of another "
                f"provision than their number: {_version_hint(ctx)}, or its rows were renumbered"
            ),
        )
        return
    for ar in moved:
        printed = ar.row.provision.strip()
        own = text_score(code, ar.row.requirement, printed)
        target = " and ".join(ar.provisions) if len(ar.provisions) > 1 else ar.suggested
        noun = "provisions" if len(ar.provisions) > 1 else "provision"
        if own is None:
            detail = f"\u201c{printed}\u201d is not a provision of the {code.short_title}"
        else:
            detail = f"its text matches {target} {ar.score:.0f}% and {printed} only {own:.0f}%"
        yield Hit(
            provision=ar.suggested,
            message=(
                f"Row numbered \u201c{printed}\u201d has the requirement text of {noun} {target} "
                f"({detail}); renumber it or restore the right requirement"
            ),
            location=ar.row.location,
            snippet=_short(ar.row.requirement) or None,
        )
