"""What changed between two Code versions, provision by provision (`codecheck diff`).

The cross-version map (``codecheck.codes.get_map``) says which provisions became which; this module
checks each claim against the texts and the structured data rather than trusting it:

- change kinds that can be computed are computed: renumbered (ids differ), reworded (normalised wording
  differs), strengthened/weakened (``Provision.obligation`` should <-> must), timescale changed
  (``Provision.timescales``), merged/split (an id shared between entries, or several ids in one);
- a pair the map links whose wording has little in common, a map kind the data contradicts, and a pair
  the map does not link whose wording is near-identical are each reported as a *disagreement* on the
  entry, never silently resolved either way.

The word-level diff is ``difflib.SequenceMatcher`` over whitespace-separated words compared after
normalising quotes and case, rendered as ``[-old-]{+new+}`` (text), ``~~old~~ **new**`` (Markdown) or
``<del>/<ins>`` (HTML, autoescaped, self-contained).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from codecheck.errors import ConfigError
from codecheck.model import CodeVersion, Provision, Timescale

# Order in which kinds are listed and counted.
KINDS = (
    "unchanged", "reworded", "renumbered", "strengthened", "weakened", "timescale_changed",
    "added", "removed", "merged", "split",
)
KIND_LABELS = {
    "unchanged": "unchanged", "reworded": "reworded", "renumbered": "renumbered",
    "strengthened": "strengthened (should → must)", "weakened": "weakened (must → should)",
    "timescale_changed": "timescale changed", "added": "added", "removed": "removed",
    "merged": "merged", "split": "split",
}

JSON_SCHEMA_VERSION = 1

# A mapped pair scoring below this (rapidfuzz token_set_ratio, 0..100) is reported as a disagreement:
# the map links them but the texts barely overlap. Calibrated on the shipped maps so that topic changes
# the map documents ("becomes triage requirement") are surfaced without flooding the report.
LOW_SIMILARITY = 45.0
# An unmapped pair scoring at least this, and well above the mapped counterpart, is reported too.
STRONG_SIMILARITY = 90.0
_MARGIN = 15.0


@dataclass(frozen=True)
class WordOp:
    """One run of the word diff: ``equal`` (old == new text), ``delete``, ``insert`` or ``replace``."""

    op: str
    old: str
    new: str

    def as_dict(self) -> dict:
        return {"op": self.op, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class TimescaleChange:
    what: str
    stage: int | None
    old: str | None  # "10 working days" (None: the old side sets no such limit)
    new: str | None
    old_provisions: tuple[str, ...] = ()
    new_provisions: tuple[str, ...] = ()

    def describe(self) -> str:
        stage = f"stage {self.stage} " if self.stage else ""
        what = _WHAT.get(self.what, self.what.replace("_", " "))
        return f"{stage}{what}: {self.old or 'none'} → {self.new or 'none'}"

    def as_dict(self) -> dict:
        return {"what": self.what, "stage": self.stage, "old": self.old, "new": self.new,
                "old_provisions": list(self.old_provisions), "new_provisions": list(self.new_provisions)}


_WHAT = {"acknowledge": "acknowledgement", "respond": "response", "extend": "extension",
         "request_escalation": "escalation request", "time_limit": "time limit to complain"}


@dataclass
class ProvisionChange:
    """One map entry, checked: the provisions on each side, what changed and how sure we are."""

    from_ids: tuple[str, ...]
    to_ids: tuple[str, ...]
    kinds: tuple[str, ...]
    map_kinds: tuple[str, ...]
    old_text: str
    new_text: str
    similarity: float | None  # 0..100, None when one side is empty
    words: list[WordOp] = field(default_factory=list)
    obligation: tuple[str, str] | None = None  # ("should", "must") when it changed
    timescales: list[TimescaleChange] = field(default_factory=list)
    note: str | None = None
    disagreements: list[str] = field(default_factory=list)

    def mentions(self, side: str, pid: str) -> bool:
        return pid in (self.from_ids if side == "from" else self.to_ids)

    def as_dict(self) -> dict:
        return {
            "from": list(self.from_ids), "to": list(self.to_ids), "kinds": list(self.kinds),
            "map_kinds": list(self.map_kinds),
            "similarity": None if self.similarity is None else round(self.similarity, 1),
            "obligation": list(self.obligation) if self.obligation else None,
            "timescales": [t.as_dict() for t in self.timescales],
            "old_text": self.old_text, "new_text": self.new_text,
            "words": [w.as_dict() for w in self.words],
            "note": self.note, "disagreements": list(self.disagreements),
        }


@dataclass
class CodeDiff:
    old: CodeVersion
    new: CodeVersion
    changes: list[ProvisionChange]
    version_notes: list[str]  # whole-version facts: stages, sections, provision counts
    timescales: list[TimescaleChange]  # every timescale that differs, across the whole Code
    map_source: str | None = None
    provision_filter: str | None = None

    def summary(self) -> dict[str, int]:
        counts = {kind: 0 for kind in KINDS}
        for change in self.changes:
            for kind in change.kinds:
                counts[kind] = counts.get(kind, 0) + 1
        counts["disagreements"] = sum(1 for c in self.changes if c.disagreements)
        return counts

    def as_dict(self) -> dict:
        from codecheck import __version__

        return {
            # schema_version is bumped only for incompatible changes; keys may be added within a version.
            "schema_version": JSON_SCHEMA_VERSION,
            "tool": {"name": "codecheck", "version": __version__},
            "from": _version_dict(self.old), "to": _version_dict(self.new),
            "map": self.map_source, "provision": self.provision_filter,
            "summary": self.summary(), "version_notes": list(self.version_notes),
            "timescales": [t.as_dict() for t in self.timescales],
            "changes": [c.as_dict() for c in self.changes],
        }


def _version_dict(v: CodeVersion) -> dict:
    return {"id": v.id, "title": v.title, "short_title": v.short_title}


# --------------------------------------------------------------------------- text helpers

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _norm_word(word: str) -> str:
    return word.translate(_QUOTES).lower()


def normalise(text: str) -> str:
    """Compare-form of wording: quotes and dashes unified, case and whitespace ignored."""
    return " ".join(_norm_word(w) for w in text.split())


def word_diff(old: str, new: str) -> list[WordOp]:
    """Word-level diff of two texts; runs of equal words are merged into one op."""
    a, b = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, [_norm_word(w) for w in a], [_norm_word(w) for w in b],
                                      autojunk=False)
    runs = [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    return [WordOp(tag, " ".join(old), " ".join(new)) for tag, old, new in _cleanup(runs)]


# An unchanged run this short between two changes is a coincidence ("to", "be the"), not shared
# meaning; folding it into the change reads far better on a rewritten provision.
_SHORT_EQUAL = 2


def _cleanup(runs: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    """Fold short unchanged runs between changes into one replacement (a semantic clean-up)."""
    out: list[tuple[str, list[str], list[str]]] = []
    for i, (tag, old, new) in enumerate(runs):
        after_change = bool(out) and out[-1][0] != "equal"
        short_gap = (tag == "equal" and len(old) <= _SHORT_EQUAL and i + 1 < len(runs)
                     and runs[i + 1][0] != "equal")
        if after_change and (tag != "equal" or short_gap):
            _, o, n = out.pop()
            out.append(("replace", o + old, n + new))
        else:
            out.append((tag, list(old), list(new)))
    return [(_change_tag(t, o, n), o, n) for t, o, n in out]


def _change_tag(tag: str, old: list[str], new: list[str]) -> str:
    if tag != "replace":
        return tag
    return "delete" if not new else "insert" if not old else "replace"


def similarity(old: str, new: str) -> float:
    """0..100: how much wording two provisions share (token set, so a merged text still scores)."""
    from rapidfuzz import fuzz

    return float(fuzz.token_set_ratio(normalise(old), normalise(new)))


def describe_timescale(t: Timescale) -> str:
    unit = t.unit.replace("_", " ")
    if t.number == 1 and unit.endswith("s"):
        unit = unit[:-1]
    text = f"{t.number} {unit}"
    if t.counted_from:
        text += " " + _FROM.get(t.counted_from, f"from {t.counted_from}")
    return text


_FROM = {"received": "from receipt", "logged": "from logging", "acknowledged": "from acknowledgement",
         "escalated": "from escalation", "aware": "from the issue (or awareness of it)"}


def _timescale_table(provisions: list[Provision]) -> dict[tuple[str, int | None], tuple[set[str], list[str]]]:
    table: dict[tuple[str, int | None], tuple[set[str], list[str]]] = {}
    for p in provisions:
        for t in p.timescales:
            described, ids = table.setdefault((t.what, t.stage), (set(), []))
            described.add(describe_timescale(t))
            if p.id not in ids:
                ids.append(p.id)
    return table


def compare_timescales(
    old: list[Provision], new: list[Provision], *, both_sides: bool
) -> list[TimescaleChange]:
    """Timescales (keyed by what and stage) that differ between two groups of provisions.

    ``both_sides``: only report keys present on both sides (one entry's provisions, where a one-sided
    key usually just means the limit lives in a neighbouring provision); the whole-Code comparison
    reports limits that appear or disappear as well.
    """
    a, b = _timescale_table(old), _timescale_table(new)
    out = []
    for key in sorted(set(a) | set(b), key=lambda k: (k[1] or 0, k[0])):
        if both_sides and (key not in a or key not in b):
            continue
        old_desc = " / ".join(sorted(a[key][0])) if key in a else None
        new_desc = " / ".join(sorted(b[key][0])) if key in b else None
        if old_desc != new_desc:
            out.append(TimescaleChange(key[0], key[1], old_desc, new_desc,
                                       tuple(a[key][1]) if key in a else (),
                                       tuple(b[key][1]) if key in b else ()))
    return out


# --------------------------------------------------------------------------- building the diff


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


# --------------------------------------------------------------------------- rendering


def _ids(version: CodeVersion, ids: tuple[str, ...]) -> str:
    return f"{version.id} " + " + ".join(ids) if ids else f"{version.id} —"


def _heading(result: CodeDiff, change: ProvisionChange) -> str:
    return f"{_ids(result.old, change.from_ids)} → {_ids(result.new, change.to_ids)}"


def _summary_line(result: CodeDiff) -> str:
    counts = result.summary()
    parts = [f"{counts[k]} {KIND_LABELS[k]}" for k in KINDS if counts.get(k)]
    parts.append(f"{counts['disagreements']} map/text disagreements")
    return ", ".join(parts)


def render_text(result: CodeDiff, safe: bool = True) -> str:
    """Plain text; wording diff as [-old-]{+new+} (the git --word-diff=plain convention)."""
    lines = [f"Complaint Handling Code changes: {result.old.short_title} → {result.new.short_title}"]
    if result.provision_filter:
        lines.append(f"Provision: {result.provision_filter}")
    lines.append(f"Summary: {_summary_line(result)}")
    lines.extend(f"  {note}" for note in result.version_notes)
    if result.timescales:
        lines.append("Timescales:")
        lines.extend(f"  {t.describe()}" for t in result.timescales)
    for change in result.changes:
        lines.append("")
        lines.append(f"{_heading(result, change)}  [{', '.join(change.kinds)}]")
        if change.obligation:
            lines.append(f"  obligation: {change.obligation[0]} → {change.obligation[1]}")
        lines.extend(f"  timescale: {t.describe()}" for t in change.timescales)
        if change.words and "reworded" in change.kinds:
            lines.append("  wording: " + _plain_words(change.words))
        elif change.from_ids and not change.to_ids:
            lines.append("  wording: " + _one_line(change.old_text))
        elif change.to_ids and not change.from_ids:
            lines.append("  wording: " + _one_line(change.new_text))
        if change.note:
            lines.append(f"  map note: {change.note}")
        lines.extend(f"  DISAGREEMENT: {d}" for d in change.disagreements)
    text = "\n".join(lines) + "\n"
    if safe:
        from codecheck.cli.common import safe_text

        text = safe_text(text)
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plain_words(ops: list[WordOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(op.old)
            continue
        if op.old:
            out.append(f"[-{op.old}-]")
        if op.new:
            out.append(f"{{+{op.new}+}}")
    return " ".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(result: CodeDiff) -> str:
    """GitHub-flavoured Markdown; deleted words ~~struck~~, inserted words **bold**."""
    title = f"{_md(result.old.short_title)} → {_md(result.new.short_title)}"
    lines = [f"# Complaint Handling Code changes: {title}", ""]
    if result.provision_filter:
        lines += [f"Provision: **{_md(result.provision_filter)}**", ""]
    counts = result.summary()
    lines += ["| change | provisions |", "|---|---|"]
    lines += [f"| {KIND_LABELS[k]} | {counts[k]} |" for k in KINDS if counts.get(k)]
    lines += [f"| map/text disagreements | {counts['disagreements']} |", ""]
    lines += [f"- {_md(note)}" for note in result.version_notes]
    if result.timescales:
        lines += ["", "## Timescales", ""]
        lines += [f"- {_md(t.describe())}" for t in result.timescales]
    lines += ["", "## Provisions", ""]
    for change in result.changes:
        lines.append(f"### {_md(_heading(result, change))}")
        lines.append("")
        lines.append("*" + ", ".join(KIND_LABELS[k] for k in change.kinds) + "*")
        lines.append("")
        if change.obligation:
            lines.append(f"- obligation: {change.obligation[0]} → {change.obligation[1]}")
        lines += [f"- timescale: {_md(t.describe())}" for t in change.timescales]
        if change.note:
            lines.append(f"- map note: {_md(change.note)}")
        lines += [f"- **disagreement:** {_md(d)}" for d in change.disagreements]
        if change.words and "reworded" in change.kinds:
            lines += ["", _md_words(change.words)]
        elif change.from_ids and not change.to_ids:
            lines += ["", "> " + _md(change.old_text)]
        elif change.to_ids and not change.from_ids:
            lines += ["", "> " + _md(change.new_text)]
        lines.append("")
    return "\n".join(lines)


def _md_words(ops: list[WordOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(_md(op.old))
            continue
        if op.old:
            out.append(f"~~{_md(op.old)}~~")
        if op.new:
            out.append(f"**{_md(op.new)}**")
    return " ".join(out)


def render_json(result: CodeDiff) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, indent=2)


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Code changes: {{ old.short_title }} → {{ new.short_title }}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:70rem;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.45}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .6rem;text-align:left}
section{border-top:1px solid #ddd;padding:.6rem 0}h3{margin:.2rem 0;font-size:1.05rem}
.kinds span{display:inline-block;background:#eef;border-radius:.3rem;padding:0 .4rem;margin-right:.3rem;
font-size:.85rem}
.disagree{color:#8a2b00;font-weight:600}del{background:#fdd;color:#700}ins{background:#dfd;color:#060;
text-decoration:none}.wording{background:#fafafa;padding:.5rem;border-left:3px solid #ccc}
</style></head><body>
<h1>Complaint Handling Code changes: {{ old.short_title }} → {{ new.short_title }}</h1>
{% if provision %}<p>Provision: <strong>{{ provision }}</strong></p>{% endif %}
<table><tr><th>change</th><th>provisions</th></tr>
{% for label, n in counts %}<tr><td>{{ label }}</td><td>{{ n }}</td></tr>{% endfor %}
</table>
<ul>{% for note in notes %}<li>{{ note }}</li>{% endfor %}</ul>
{% if timescales %}<h2>Timescales</h2>
<ul>{% for t in timescales %}<li>{{ t.describe() }}</li>{% endfor %}</ul>{% endif %}
<h2>Provisions</h2>
{% for c in changes %}<section id="{{ c.anchor }}">
<h3>{{ c.heading }}</h3>
<p class="kinds">{% for k in c.kinds %}<span>{{ k }}</span>{% endfor %}</p>
{% if c.obligation %}<p>obligation: {{ c.obligation[0] }} → {{ c.obligation[1] }}</p>{% endif %}
{% for t in c.timescales %}<p>timescale: {{ t.describe() }}</p>{% endfor %}
{% if c.note %}<p>map note: {{ c.note }}</p>{% endif %}
{% for d in c.disagreements %}<p class="disagree">disagreement: {{ d }}</p>{% endfor %}
{% if c.words %}<p class="wording">{% for op in c.words %}{% if op.op == "equal" %}{{ op.old }}
{% else %}{% if op.old %}<del>{{ op.old }}</del> {% endif %}{% if op.new %}<ins>{{ op.new }}</ins>
{% endif %}{% endif %}{% endfor %}</p>
{% elif c.text %}<p class="wording">{{ c.text }}</p>{% endif %}
</section>{% endfor %}
</body></html>
"""


def render_html(result: CodeDiff) -> str:
    """A self-contained HTML page (inline CSS, no scripts); every text is autoescaped."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    counts = result.summary()
    rows = [(KIND_LABELS[k], counts[k]) for k in KINDS if counts.get(k)]
    rows.append(("map/text disagreements", counts["disagreements"]))
    changes = []
    for c in result.changes:
        reworded = bool(c.words) and "reworded" in c.kinds
        changes.append({
            "anchor": "p-" + "-".join((*c.from_ids, "to", *c.to_ids)).replace(".", "_"),
            "heading": _heading(result, c), "kinds": [KIND_LABELS[k] for k in c.kinds],
            "obligation": c.obligation, "timescales": c.timescales, "note": c.note,
            "disagreements": c.disagreements, "words": c.words if reworded else [],
            "text": "" if reworded or (c.from_ids and c.to_ids) else _one_line(c.old_text or c.new_text),
        })
    return env.from_string(_HTML).render(
        old=result.old, new=result.new, provision=result.provision_filter, counts=rows,
        notes=result.version_notes, timescales=result.timescales, changes=changes,
    )


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json, "html": render_html}
