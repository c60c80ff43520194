"""CC113 list-item-missing: a commentary that walks through a provision's listed items and leaves one out.

Provisions such as 2024 6.9 and 6.19 list what a response must contain; the lists are the version's
own (``Provision.items``). The statement reader finds the lists of a commentary in any labelling
("a.", "1)", "(c)", bullets); one walks through a provision's items when enough of its items cover one
of the provision's (by their distinctive words and common synonyms). An item counts as present
wherever the commentary covers it, in the list or in a sentence after it; skipping one suggests the
response template omits it.

Spec, parameters and pass/fail cases: ``rules/CC113-list-item-missing/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.model import CodeVersion, ListItem, Provision
from codecheck.statements import quote_of, read_aligned
from codecheck.statements.items import ListClaim, coverage, key_words
from codecheck.statements.sentences import Span
from codecheck.text.cells import one_line, provision_label, provision_ref, row_provisions


def _item_text(text: str) -> str:
    """An item as a message quotes it: without the list's trailing "; and" punctuation."""
    text = " ".join(text.split()).rstrip(" ;,.")
    return text[:-4].rstrip(" ;,") if text.endswith(" and") else text


def not_applicable(code: CodeVersion, params: RuleParams) -> NotApplicable | None:
    """Nothing to judge on a version none of whose provisions has a lettered list long enough."""
    shortest = int(params["min_labels"])
    if not any(len(p.items) >= shortest for p in code.provisions):
        return NotApplicable(f"it has no provision with a lettered list of {shortest} or more items")
    return None


def check(ctx: CheckContext, params: RuleParams) -> Iterator[Hit]:
    """A list in the commentary that walks through a provision's items (in any labelling, or as
    bullets) and leaves one out; an item covered in a sentence after the list counts as present."""
    aligned = ctx.aligned
    min_labels = int(params["min_labels"])
    share = float(params["min_matching_share"])
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
