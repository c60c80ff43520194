"""CC112 definition-mismatch: the complaint definition quoted in the commentary departs from the
Code's wording.

Both texts are normalised first (quotes, case, "the council" for "the landlord", "our staff" for "its
own staff"), so only a material departure, a dropped or changed key phrase, is reported.

Spec, parameters and pass/fail cases: ``rules/CC112-definition-mismatch/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.text.cells import one_line, provision_label, provision_ref, quote, row_text
from codecheck.text.normalize import fold


def _normalise(text: str, equivalents: list[list[str]]) -> str:
    out = fold(text)
    out = re.sub(r"[\"'`]", "", out)
    for pattern, replacement in equivalents:
        out = re.sub(pattern, replacement, out, flags=re.IGNORECASE)
    out = re.sub(r"[^\w\s]", " ", out)
    return " ".join(out.split())


def _quoted_definition(text: str, start_cue: str) -> tuple[int, int] | None:
    """Span of a quoted definition: from a little before the start cue to the end of its sentence."""
    m = re.search(start_cue, text, re.IGNORECASE)
    if not m:
        return None
    start = max(text.rfind(".", 0, m.start()) + 1, text.rfind(":", 0, m.start()) + 1, 0)
    end_candidates = [
        i for i in (text.find(".", m.end()), text.find('"', m.end()), text.find("\n", m.end())) if i != -1
    ]
    end = min(end_candidates) if end_candidates else len(text)
    return start, end


def _instead(phrase: str, quoted: str) -> str:
    """' (it reads "affecting any individual …")' when the phrase's first word anchors a counterpart."""
    first = phrase.split()[0]
    m = re.search(rf"\b{re.escape(first)}\b", quoted, re.IGNORECASE)
    if not m or len(first) < 4:
        return ""
    counterpart = quoted[m.start() :].strip(" .\"';:")
    words = counterpart.split()
    if len(words) > 12:
        counterpart = " ".join(words[:12]) + " …"
    return f' (it reads "{one_line(counterpart)}")'


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    definition = aligned.code.complaint_definition or {}
    phrases = list(definition.get("key_phrases") or ())
    where = {str(definition["provision"])} if definition.get("provision") else set()
    if not phrases:
        return
    from rapidfuzz import fuzz

    equivalents = [list(pair) for pair in params["equivalents"]]
    threshold = float(params["phrase_threshold"])
    cue = str(params["start_cue"])
    for arow in aligned.rows:
        if not where.intersection(arow.provisions):
            continue
        text = row_text(arow)
        span = _quoted_definition(text, cue)
        if span is None:
            continue  # no definition quoted ("we have adopted the Ombudsman's definition")
        quoted = _normalise(text[span[0] : span[1]], equivalents)
        missing = []
        for phrase in phrases:
            want = _normalise(phrase, equivalents)
            if want in quoted:
                continue
            if fuzz.partial_ratio(want, quoted) >= threshold:
                continue
            missing.append(phrase)
        if not missing:
            continue
        raw = text[span[0] : span[1]]
        listed = "; ".join(f'"{p}"{_instead(p, raw)}' for p in missing)
        ref = provision_ref(aligned, definition.get("provision", "1.2"))
        yield Hit(
            provision_label(arow),
            one_line(f"The quoted complaint definition departs from {ref}: it lacks {listed}"),
            arow.row.location,
            quote(text, span[0], span[1]) if span[1] - span[0] < 300 else text[span[0] : span[0] + 200] + "…",
        )
