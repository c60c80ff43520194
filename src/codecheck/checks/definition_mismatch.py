"""CC112 definition-mismatch: the landlord's complaint definition departs from the Code's wording.

The statement reader finds the definition wherever the commentary states it, whether it quotes the
Code's opening words ("an expression of dissatisfaction, however made, …") or is in the landlord's own
words ("our policy defines a complaint as a customer's concern about …"); a pointer to where the
definition sits ("section 2 of the policy") is no definition. Both texts are normalised first
(quotes, case, "the council" for "the landlord", "our staff" for "its own staff"), so only a material
departure, a dropped or changed key phrase, is reported. The provision whose row holds the
definition, and its key phrases, are the version's (``complaint_definition``).

Spec, parameters and pass/fail cases: ``rules/CC112-definition-mismatch/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, RuleParams
from codecheck.statements import quote_of, read_aligned
from codecheck.statements.sentences import Span
from codecheck.text.cells import one_line, provision_label, provision_ref
from codecheck.text.normalize import fold


def _normalise(text: str, equivalents: list[list[str]]) -> str:
    out = fold(text)
    out = re.sub(r"[\"'`]", "", out)
    for pattern, replacement in equivalents:
        out = re.sub(pattern, replacement, out, flags=re.IGNORECASE)
    out = re.sub(r"[^\w\s]", " ", out)
    return " ".join(out.split())


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
    for arow in aligned.rows:
        if not where.intersection(arow.provisions):
            continue
        reading = read_aligned(arow.row)
        claim = reading.definition
        if claim is None:
            ctx.note(arow.row.location, "definition-mismatch: no definition stated (a reference is not one)")
            continue  # no definition stated ("we have adopted the Ombudsman's definition")
        raw = claim.words.text
        quoted = _normalise(raw, equivalents)
        missing = []
        for phrase in phrases:
            want = _normalise(phrase, equivalents)
            if want in quoted:
                continue
            if fuzz.partial_ratio(want, quoted) >= threshold:
                continue
            missing.append(phrase)
        if not missing:
            ctx.note(
                arow.row.location, "definition-mismatch: every key phrase of the Code's definition is there"
            )
            continue
        listed = "; ".join(f'"{p}"{_instead(p, raw)}' for p in missing)
        ref = provision_ref(aligned, definition.get("provision", "1.2"))
        yield Hit(
            provision_label(arow),
            one_line(f"The complaint definition given departs from {ref}: it lacks {listed}"),
            arow.row.location,
            raw if len(raw) < 300 else raw[:200] + "…",
            quote=quote_of(Span(claim.words.start, claim.words.end, raw)),
            reading=claim.reading(),
        )


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
