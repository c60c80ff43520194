"""Wording checks: the complaint definition quoted in 1.2 (CC112) and lettered lists the commentary
walks through but leaves an item out of (CC113).

Both compare the landlord's text with the Code's own wording, after normalising what does not matter
(quotes, case, "the council" for "the landlord", "our staff" for "its own staff"), so that only a
material departure — a dropped or changed phrase — is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codecheck.engine.registry import CheckContext, Hit, check
from codecheck.model import Provision
from codecheck.text.cells import one_line, provision_label, provision_ref, quote, row_provisions, row_text
from codecheck.text.normalize import fold

# --------------------------------------------------------------------------- CC112 definition-mismatch


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


@check("definition-mismatch")
def definition_mismatch(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    aligned = ctx.aligned
    definition = aligned.code.complaint_definition or {}
    phrases = list(definition.get("key_phrases") or ())
    where = set(params.get("provisions", ("1.2",)))
    if definition.get("provision"):
        where.add(str(definition["provision"]))
    if not phrases:
        return
    from rapidfuzz import fuzz

    equivalents = [list(pair) for pair in params.get("equivalents", ())]
    threshold = float(params.get("phrase_threshold", 88))
    cue = str(params.get("start_cue", r"\bexpression of dissatisfaction\b"))
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


# --------------------------------------------------------------------------- CC113 list-item-missing


def _item_text(text: str) -> str:
    """An item as a message quotes it: without the list's trailing "; and" punctuation."""
    text = " ".join(text.split()).rstrip(" ;,.")
    return text[:-4].rstrip(" ;,") if text.endswith(" and") else text


def _markers(text: str, labels: list[str]) -> dict[str, tuple[int, int]]:
    """Where each of ``labels`` appears as a list marker ("a.", "b)", "(c)", "1.") in ``text``.

    A marker must start the text or follow a space or an opening bracket, so "e.g." and "6.9" are not
    read as items e and 9.
    """
    found: dict[str, tuple[int, int]] = {}
    for label in labels:
        pat = re.compile(rf"(?:(?<=^)|(?<=[\s(]))\(?{re.escape(label)}(?:\)|\.(?!\w))\s")
        m = pat.search(text)
        if m:
            found[label] = (m.start(), m.end())
    return found


@check("list-item-missing")
def list_item_missing(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    aligned = ctx.aligned
    min_labels = int(params.get("min_labels", 3))
    share = float(params.get("min_matching_share", 0.5))
    similarity = float(params.get("item_similarity", 55))
    from rapidfuzz import fuzz

    for arow in aligned.rows:
        text = row_text(arow)
        if not text:
            continue
        for prov in row_provisions(aligned, arow):
            if len(prov.items) < min_labels:
                continue
            hit = _check_items(text, prov, min_labels, share, similarity, fuzz)
            if hit is None:
                continue
            missing, first = hit
            listed = "; ".join(f"{it.label}) {_item_text(it.text)}" for it in missing)
            yield Hit(
                provision_label(arow),
                f"The commentary lists the items of {provision_ref(aligned, prov.id)} but leaves out "
                f"{listed}",
                arow.row.location,
                quote(text, first, min(len(text), first + 80)),
            )
            break


def _check_items(text: str, prov: Provision, min_labels: int, share: float, similarity: float, fuzz: Any):
    labels = [it.label for it in prov.items]
    found = _markers(text, labels)
    if len(found) < min_labels or labels[0] not in found:
        return None
    # the markers must come in order and read like the provision's items
    ordered = sorted(found.items(), key=lambda kv: kv[1][0])
    if [lab for lab, _ in ordered] != [lab for lab in labels if lab in found]:
        return None
    matching = 0
    for i, (label, (_, end)) in enumerate(ordered):
        nxt = ordered[i + 1][1][0] if i + 1 < len(ordered) else min(len(text), end + 160)
        item_text = text[end:nxt]
        want = next(it.text for it in prov.items if it.label == label)
        if fuzz.token_set_ratio(item_text.lower(), want.lower()) >= similarity:
            matching += 1
    if matching < share * len(found):
        return None
    missing = [it for it in prov.items if it.label not in found]
    if not missing:
        return None
    return missing, ordered[0][1][0]
