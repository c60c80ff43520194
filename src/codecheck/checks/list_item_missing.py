"""CC113 list-item-missing: a commentary that walks through a provision's lettered items and leaves one out.

Provisions such as 2024 6.9 and 6.19 list what a response must contain; the lettered lists are the
version's own (``Provision.items``). Skipping an item suggests the response template omits it.

Spec, parameters and pass/fail cases: ``rules/CC113-list-item-missing/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion, Provision
from codecheck.text.cells import provision_label, provision_ref, quote, row_provisions, row_text


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


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """Nothing to judge on a version none of whose provisions has a lettered list long enough."""
    shortest = int(params["min_labels"])
    if not any(len(p.items) >= shortest for p in code.provisions):
        return NotApplicable(f"it has no provision with a lettered list of {shortest} or more items")
    return None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    aligned = ctx.aligned
    min_labels = int(params["min_labels"])
    share = float(params["min_matching_share"])
    similarity = float(params["item_similarity"])
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
