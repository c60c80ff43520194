"""Build the diff: check every map entry against the texts, obligations and timescales."""

from __future__ import annotations

from codecheck.diff.model import (
    KIND_LABELS,
    KINDS,
    CodeDiff,
    ProvisionChange,
    TimescaleChange,
    WordOp,
)
from codecheck.diff.timescales import compare_timescales
from codecheck.diff.words import normalise, similarity, word_diff
from codecheck.errors import ConfigError
from codecheck.model import CodeVersion, Provision

# A mapped pair scoring below this (rapidfuzz token_set_ratio, 0..100) is reported as a disagreement:
# the map links them but the texts barely overlap. Calibrated on the shipped maps so that topic changes
# the map documents ("becomes triage requirement") are surfaced without flooding the report.
LOW_SIMILARITY = 45.0
# An unmapped pair scoring at least this, and well above the mapped counterpart, is reported too.
STRONG_SIMILARITY = 90.0
_MARGIN = 15.0


def _provisions(version: CodeVersion, ids: tuple[str, ...]) -> list[Provision]:
    return [p for p in (version.provision(pid) for pid in ids) if p is not None]


def _joined(provisions: list[Provision]) -> str:
    return "\n".join(p.text for p in provisions)


def _obligation(provisions: list[Provision]) -> str | None:
    tiers = {p.obligation for p in provisions if p.obligation in ("must", "should")}
    if not tiers:
        return None
    return "should" if tiers == {"should"} else "must"


_cache: dict[tuple[int, int], tuple[CodeVersion, CodeVersion, CodeDiff]] = {}
_CACHE_SIZE = 8


def diff_versions(old: CodeVersion, new: CodeVersion) -> CodeDiff:
    """Compare two Code versions through their provision map, checking the map against the texts.

    The result is cached per pair of version objects (the text checks cost a few hundred
    milliseconds and a batch migration asks for the same pair again and again); treat it as read-only.
    """
    key = (id(old), id(new))
    hit = _cache.get(key)
    if hit is not None and hit[0] is old and hit[1] is new:
        return hit[2]
    result = _diff_versions(old, new)
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[key] = (old, new, result)
    return result


def _diff_versions(old: CodeVersion, new: CodeVersion) -> CodeDiff:
    from codecheck.codes import get_map

    vmap = get_map(old.id, new.id)
    changes = []
    for entry in vmap.entries:
        olds, news = _provisions(old, entry.from_ids), _provisions(new, entry.to_ids)
        change = _check_entry(entry.from_ids, entry.to_ids, tuple(entry.changes), entry.note, olds, news)
        changes.append(change)
    _unmapped_matches(old, new, changes)
    return CodeDiff(old, new, changes, _version_notes(old, new),
                    compare_timescales(list(old.provisions), list(new.provisions), both_sides=False),
                    vmap.source)


def _check_entry(
    from_ids: tuple[str, ...], to_ids: tuple[str, ...], map_kinds: tuple[str, ...], note: str | None,
    olds: list[Provision], news: list[Provision],
) -> ProvisionChange:
    old_text, new_text = _joined(olds), _joined(news)
    kinds: list[str] = []
    disagreements: list[str] = []
    score = None
    words: list[WordOp] = []
    obligation = None
    timescales: list[TimescaleChange] = []
    if not from_ids:
        kinds.append("added")
    elif not to_ids:
        kinds.append("removed")
    else:
        score = similarity(old_text, new_text)
        words = word_diff(old_text, new_text)
        if normalise(old_text) != normalise(new_text):
            kinds.append("reworded")
        if tuple(sorted(from_ids)) != tuple(sorted(to_ids)):
            kinds.append("renumbered")
        before, after = _obligation(olds), _obligation(news)
        if before and after and before != after:
            obligation = (before, after)
            kinds.append("strengthened" if after == "must" else "weakened")
        timescales = compare_timescales(olds, news, both_sides=True)
        if timescales:
            kinds.append("timescale_changed")
        # Structure is the map's claim (text cannot confirm which provision absorbed which); an entry
        # with several ids on one side is merged or split whatever the map's kinds say.
        if len(from_ids) > 1 or "merged" in map_kinds:
            kinds.append("merged")
        if len(to_ids) > 1 or "split" in map_kinds:
            kinds.append("split")
        if not kinds:
            kinds.append("unchanged")
        disagreements.extend(_kind_disagreements(map_kinds, kinds, score))
    ordered = tuple(k for k in KINDS if k in kinds)
    return ProvisionChange(from_ids, to_ids, ordered, map_kinds, old_text, new_text,
                           score, words, obligation, timescales, note, disagreements)


def _kind_disagreements(map_kinds: tuple[str, ...], kinds: list[str], score: float | None) -> list[str]:
    """Where the map's claims and the texts part company, in words a reviewer can act on."""
    out = []
    if score is not None and score < LOW_SIMILARITY:
        out.append(f"the map links these provisions but their wording has little in common "
                   f"(similarity {score:.0f}/100)")
    if "unchanged" in map_kinds and "reworded" in kinds:
        out.append("the map says unchanged but the wording differs")
    if "reworded" in map_kinds and "reworded" not in kinds:
        out.append("the map says reworded but the wording is the same")
    for kind in ("strengthened", "weakened", "timescale_changed"):
        if kind in map_kinds and kind not in kinds:
            out.append(f"the map says {KIND_LABELS[kind]} but the Code data shows no such change")
        elif kind in kinds and kind not in map_kinds:
            out.append(f"the Code data shows {KIND_LABELS[kind]} but the map does not say so")
    return out


def _unmapped_matches(old: CodeVersion, new: CodeVersion, changes: list[ProvisionChange]) -> None:
    """Report near-identical wording the map does not link (a likely gap or slip in the map).

    Checked from both sides, so a provision the map calls added whose wording an old provision already
    had is caught as well as a removed one that lives on under another number.
    """
    _one_side(old, new, changes, "from")
    _one_side(new, old, changes, "to")


def _one_side(here: CodeVersion, there: CodeVersion, changes: list[ProvisionChange], side: str) -> None:
    from rapidfuzz import fuzz, process

    texts = {p.id: normalise(p.text) for p in there.provisions if p.obligation != "intro"}
    ids = list(texts)
    if not ids:
        return
    choices = [texts[i] for i in ids]
    linked = {(f, t) if side == "from" else (t, f) for c in changes for f in c.from_ids for t in c.to_ids}
    for change in changes:
        mine, theirs = change.from_ids, change.to_ids
        if side == "to":
            mine, theirs = theirs, mine
        for pid in mine:
            provision = here.provision(pid)
            if provision is None or provision.obligation == "intro":
                continue
            text = normalise(provision.text)
            best = process.extractOne(text, choices, scorer=fuzz.token_set_ratio,
                                      score_cutoff=STRONG_SIMILARITY)
            if best is None:
                continue
            _, score, index = best
            match = ids[index]
            if score < STRONG_SIMILARITY or match in theirs or (pid, match) in linked:
                continue  # weak, or linked here or by another entry of the map
            mapped = max((fuzz.token_set_ratio(text, texts[t]) for t in theirs if t in texts), default=0.0)
            if score - mapped >= _MARGIN:
                message = (f"{here.id} {pid} reads almost the same as {there.id} {match} "
                           f"(similarity {score:.0f}/100), which the map does not link to it")
                if message not in change.disagreements:
                    change.disagreements.append(message)


def _version_notes(old: CodeVersion, new: CodeVersion) -> list[str]:
    notes = []
    if old.max_stages != new.max_stages:
        notes.append(f"Maximum complaint stages: {old.max_stages} → {new.max_stages}")
    old_tiers = {p.obligation for p in old.provisions}
    new_tiers = {p.obligation for p in new.provisions}
    if "should" in old_tiers and "should" not in new_tiers:
        notes.append("Every provision is now mandatory: the 'should' (best practice) tier is gone")
    elif "should" in new_tiers and "should" not in old_tiers:
        notes.append("Some provisions are now best practice ('should') rather than mandatory")
    notes.append(f"Provisions: {len(old.provisions)} → {len(new.provisions)} "
                 f"({len(old.form)} → {len(new.form)} rows on the self-assessment form)")
    if len(old.sections) != len(new.sections):
        notes.append(f"Sections: {len(old.sections)} → {len(new.sections)}")
    return notes


def select_provision(result: CodeDiff, spec: str) -> CodeDiff:
    """Keep only the entries about one provision: "5.13" (either side) or "2022:5.13" (one side).

    Raises ``ConfigError`` when neither version has that provision.
    """
    text = spec.strip()
    version_part, sep, pid = text.rpartition(":")
    sides: tuple[str, ...] = ("from", "to")
    if sep:
        from codecheck.codes import canonical_id

        vid = canonical_id(version_part) or version_part
        if vid == result.old.id:
            sides = ("from",)
        elif vid == result.new.id:
            sides = ("to",)
        else:
            raise ConfigError(f"--provision {text!r}: version {version_part!r} is neither "
                              f"{result.old.id} nor {result.new.id}")
    pid = pid.strip()
    known = [s for s in sides if (result.old if s == "from" else result.new).provision(pid) is not None]
    if not known:
        names = " or ".join((result.old if s == "from" else result.new).id for s in sides)
        raise ConfigError(f"--provision: {pid!r} is not a provision of the {names} Code")
    kept = [c for c in result.changes if any(c.mentions(s, pid) for s in known)]
    tagged = [f"{(result.old if s == 'from' else result.new).id} {pid}" for s in known]
    timescales = [
        t for t in result.timescales
        if ("from" in known and pid in t.old_provisions) or ("to" in known and pid in t.new_provisions)
    ]
    return CodeDiff(result.old, result.new, kept, [], timescales, result.map_source, " and ".join(tagged))
