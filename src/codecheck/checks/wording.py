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
from codecheck.model import ListItem, Provision
from codecheck.statements import quote_of, read_aligned
from codecheck.statements.items import ListClaim, coverage, key_words
from codecheck.statements.sentences import Span
from codecheck.text.cells import one_line, provision_label, provision_ref, row_provisions
from codecheck.text.normalize import fold

# --------------------------------------------------------------------------- CC112 definition-mismatch


def _normalise(text: str, equivalents: list[list[str]]) -> str:
    out = fold(text)
    out = re.sub(r"[\"'`]", "", out)
    for pattern, replacement in equivalents:
        out = re.sub(pattern, replacement, out, flags=re.IGNORECASE)
    out = re.sub(r"[^\w\s]", " ", out)
    return " ".join(out.split())


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


# --------------------------------------------------------------------------- CC113 list-item-missing


def _item_text(text: str) -> str:
    """An item as a message quotes it: without the list's trailing "; and" punctuation."""
    text = " ".join(text.split()).rstrip(" ;,.")
    return text[:-4].rstrip(" ;,") if text.endswith(" and") else text


@check("list-item-missing")
def list_item_missing(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """A list in the commentary that walks through a provision's items (in any labelling, or as
    bullets) and leaves one out; an item covered in a sentence after the list counts as present."""
    aligned = ctx.aligned
    min_labels = int(params.get("min_labels", 3))
    share = float(params.get("min_matching_share", 0.5))
    for arow in aligned.rows:
        provisions = [p for p in row_provisions(aligned, arow) if len(p.items) >= min_labels]
        if not provisions:
            continue
        reading = read_aligned(arow.row)
        for prov in provisions:
            for listed in reading.lists:
                missing = _missing_items(listed, prov, min_labels, share)
                if missing is None:
                    ctx.note(
                        arow.row.location,
                        f"list-item-missing: {listed.reading()} that does not walk through {prov.id}",
                    )
                    continue
                if not missing:
                    ctx.note(
                        arow.row.location,
                        f"list-item-missing: {listed.reading()} covering every item of {prov.id}",
                    )
                    continue
                names = "; ".join(f"{it.label}) {_item_text(it.text)}" for it in missing)
                first = listed.items[0]
                start = first.marker if first.marker >= 0 else first.words.start
                cell = reading.cell(listed.cell)
                end = listed.items[-1].words.end
                whole = Span(start, end, cell[start:end])
                yield Hit(
                    provision_label(arow),
                    f"The commentary lists the items of {provision_ref(aligned, prov.id)} but leaves out "
                    f"{names}",
                    arow.row.location,
                    one_line(cell[start : start + 80]),
                    quote=quote_of(whole),
                    reading=f"{listed.reading()} walking through {prov.id}; not covered anywhere: "
                    + ", ".join(it.label for it in missing),
                )
                break
            else:
                continue
            break


_CONDITIONAL_ITEM = re.compile(r"\s*(?:if|where|when|unless)\b", re.IGNORECASE)


def _missing_items(
    listed: ListClaim, prov: Provision, min_labels: int, share: float
) -> list[ListItem] | None:
    """The provision's items the list leaves out, or None when the list is not a walk-through of them
    (fewer than ``min_labels`` of its items, or less than ``share`` of them, match a Code item)."""
    keys = [set(key_words(it.text)) for it in prov.items]
    distinctive = []
    for i, k in enumerate(keys):
        others = set().union(*(keys[j] for j in range(len(keys)) if j != i))
        own = k - others
        distinctive.append(frozenset(own or k))
    matched_listed = 0
    covered: set[int] = set()
    for item in listed.items:
        hits = [i for i, d in enumerate(distinctive) if coverage(item.words.text, "", d) > 0]
        if hits:
            matched_listed += 1
            covered.update(hits)
    if matched_listed < min_labels or matched_listed < share * len(listed.items):
        return None
    if len(covered) < len(prov.items) / 2:
        return None
    after = listed.after.text
    return [
        it
        for i, it in enumerate(prov.items)
        if i not in covered
        and not (after and coverage(after, "", distinctive[i]) > 0)
        and not _CONDITIONAL_ITEM.match(it.text)  # "if the landlord has a third stage, …": may not apply
    ]
