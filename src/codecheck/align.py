"""Pair each extracted row with the Code provision(s) it speaks for.

The printed number comes first: "6.3.", "Section 6.3", "6 .3", "1.2/ 1.4", "5.1-5.3" are resolved
through the Code library (``codes.resolve_printed_id``, plus spacing and ranges here). The requirement
text then confirms or corrects the number with rapidfuzz's ``token_set_ratio`` against the Code text,
the form's wording and the official form's own row statements: a row whose text is clearly another
provision's (that provision matches well, its own number's wording badly, and no unrelated provision
comes close) is aligned to the provision its text is and marked ``suggested`` so that
``misnumbered-provision`` can report it. A second pass re-judges the rows still in doubt against the
provisions no settled row covers, which resolves swapped numbers even where the Code repeats a
provision's wording at another stage. Rows without a usable number are aligned by text alone when the
match is unambiguous.

Two physical rows that carry one provision (a requirement split over two rows with the same or a
blank number, which the reader could not join) become one aligned row; the same number twice where the
official form does not repeat it is a duplicate (the Joint form's own repeated 6.1 and 6.19 are not).
Provisions that the official form lists but no row covers are ``missing``.

Speed: a numbered row is compared with its own provision's wordings only; the whole Code is searched
(``process.extract`` with a ``score_cutoff``) only for doubtful rows, and at most ``MAX_SEARCHES``
times per document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from codecheck.docdate import find_document_date
from codecheck.limits import DEFAULT_LIMITS
from codecheck.model import AlignedDocument, AlignedRow, CodeVersion, Document, Row, VersionDetection

_SPACED_POINT = re.compile(r"(\d)\s*\.\s*(\d)")
_ID_TOKEN = re.compile(r"(?<![\d.])(\d{1,2}\.\d{1,2})(?![\d]|\.\d)")
_RANGE = re.compile(
    r"^(?:section\s+)?(\d{1,2})\.(\d{1,2})\s*(?:-|\u2013|\u2014|to)\s*(\d{1,2})\.(\d{1,2})\.?$", re.I
)
MAX_TEXT = 4000  # characters of a requirement compared; longer cells are cut (bounded work per row)
MAX_SEARCHES = 300  # whole-Code text searches per document (bounded work per document)


@dataclass(frozen=True)
class AlignOptions:
    """Thresholds (0..100) for correcting a printed number by text; a Code version sets them in its
    facts (``facts.alignment``), and these defaults apply where it does not.

    A row is re-aligned to provision B when B's wording matches its text with at least ``best_min``,
    its own number's wording matches at most ``own_max``, B beats the own match by ``margin`` and the
    runner-up provision trails B by at least ``ambiguity``. A row with no usable number is aligned by
    text when the best match reaches ``text_min`` (and is unambiguous).
    """

    best_min: float = 85.0
    own_max: float = 80.0
    margin: float = 20.0
    ambiguity: float = 5.0
    text_min: float = 80.0

    @classmethod
    def for_version(cls, code: CodeVersion) -> AlignOptions:
        """The thresholds ``code``'s facts set (validated by ``codes.schema``), defaults elsewhere."""
        return cls(**code.facts.alignment)


class _Wordings:
    """Each provision's comparable wordings (Code text, form text, form row statements), processed once."""

    def __init__(self, code: CodeVersion) -> None:
        from rapidfuzz.utils import default_process

        self._process = default_process
        # A wording belongs to a key: the provision ids it speaks for ("1.2", or ("1.2", "1.4") for a
        # combined form row), so that a combined row's statement is matched as one candidate.
        by_key: dict[tuple[str, ...], list[str]] = {}
        for p in code.provisions:
            by_key.setdefault((p.id,), []).extend(t for t in dict.fromkeys((p.text, p.form_wording)) if t)
        for row in code.form:
            if row.text and row.covers:
                by_key.setdefault(tuple(row.covers), []).append(row.text)
        self.by_key = {key: [default_process(t) for t in texts] for key, texts in by_key.items()}
        self.form_by_pid: dict[str, list[str]] = {}  # the official form's own row statements
        for row in code.form:
            if row.text and len(row.covers) == 1:
                self.form_by_pid.setdefault(row.covers[0], []).append(default_process(row.text))
        self.by_pid: dict[str, list[str]] = {}
        self.choices: list[str] = []
        self.owners: list[tuple[str, ...]] = []
        for key, texts in self.by_key.items():
            for pid in key:
                self.by_pid.setdefault(pid, []).extend(texts)
            for t in texts:
                self.choices.append(t)
                self.owners.append(key)

    def prep(self, text: str) -> str:
        return self._process(text[:MAX_TEXT])

    def own_score(self, text: str, pids: tuple[str, ...]) -> float:
        """How well ``text`` fits the provisions it is numbered as (0..100).

        ``token_set_ratio`` scores a fragment of a wording (a split row, a cut-off cell) as highly as
        the whole, and two different provisions lowly even when they share the Code's stock words
        (between the 2024 form's provisions it stays under about 70); scorers such as ``WRatio``,
        which take the best partial match, rate almost any two provisions about 86 and cannot tell
        them apart.
        """
        from rapidfuzz import fuzz

        wordings = [w for pid in pids for w in self.by_pid.get(pid, ())]
        return max((fuzz.token_set_ratio(text, w) for w in wordings), default=0.0)

    def ranked(self, text: str, cutoff: float) -> list[tuple[tuple[str, ...], float]]:
        """Candidates (provision-id keys) matching ``text`` at ``cutoff`` or better, best first."""
        from rapidfuzz import fuzz, process

        best: dict[tuple[str, ...], float] = {}
        for _choice, score, idx in process.extract(
            text, self.choices, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=cutoff, limit=16
        ):
            key = self.owners[idx]
            best[key] = max(best.get(key, 0.0), score)
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))

    def ranked_among(self, text: str, pids: set[str]) -> list[tuple[tuple[str, ...], float]]:
        """Every candidate whose provisions all lie in ``pids``, scored against ``text``, best first."""
        from rapidfuzz import fuzz

        scored = [
            (key, max(fuzz.token_set_ratio(text, w) for w in texts))
            for key, texts in self.by_key.items()
            if texts and set(key) <= pids
        ]
        return sorted(scored, key=lambda kv: (-kv[1], kv[0]))


class _Search:
    """One document's view of the wordings, with a budget of whole-Code searches.

    A self-assessment has about 72 rows, and only the doubtful ones are searched for; a document of
    thousands of rows of unrelated text (a hostile or wrong input) would otherwise cost seconds. Past
    the budget, rows keep their number-based alignment.
    """

    def __init__(self, words: _Wordings, budget: int) -> None:
        self.words = words
        self.left = budget

    def __getattr__(self, name: str) -> Any:  # prep, own_score, by_pid, form_by_pid, ...
        return getattr(self.words, name)

    def ranked(self, text: str, cutoff: float) -> list[tuple[tuple[str, ...], float]]:
        if self.left <= 0:
            return []
        self.left -= 1
        return self.words.ranked(text, cutoff)

    def ranked_among(self, text: str, pids: set[str]) -> list[tuple[tuple[str, ...], float]]:
        if self.left <= 0:
            return []
        self.left -= 1
        return self.words.ranked_among(text, pids)


_WORDS_CACHE: dict[int, tuple[CodeVersion, _Wordings]] = {}


def wordings_for(code: CodeVersion) -> _Wordings:
    """The processed wordings of ``code``, built once per loaded version (versions are immutable)."""
    hit = _WORDS_CACHE.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    if len(_WORDS_CACHE) > 8:
        _WORDS_CACHE.clear()
    words = _Wordings(code)
    _WORDS_CACHE[id(code)] = (code, words)
    return words


def text_score(code: CodeVersion, text: str, printed: str) -> float | None:
    """How well ``text`` fits the provision(s) ``printed`` names (0..100); None if it names none."""
    ids = resolve_ids(code, printed)
    if not ids:
        return None
    words = wordings_for(code)
    prepared = words.prep(text)
    return words.own_score(prepared, ids) if prepared else 0.0


def resolve_ids(code: CodeVersion, printed: str) -> tuple[str, ...]:
    """The Code provision ids a printed id names (() for a blank or unknown id)."""
    from codecheck.codes import resolve_printed_id

    if not printed or not printed.strip():
        return ()
    ids = resolve_printed_id(code, printed)
    if not ids:  # "6 .3", "6. 3": a space around the point, as PDF text extraction leaves it
        tidy = _SPACED_POINT.sub(r"\1.\2", printed)
        if tidy != printed:
            ids = resolve_printed_id(code, tidy)
    if not ids:
        tidy = _SPACED_POINT.sub(r"\1.\2", printed)
        ids = _id_range(code, tidy) or _single_id_in(code, tidy)
    return ids


def _single_id_in(code: CodeVersion, printed: str) -> tuple[str, ...]:
    """The one provision id inside an untidy cell ("Provision 6.3 (Stage 1)"); () if none or several."""
    found = set(_ID_TOKEN.findall(printed))
    if len(found) == 1:
        (pid,) = found
        if code.provision(pid) is not None:
            return (pid,)
    return ()


def _id_range(code: CodeVersion, printed: str) -> tuple[str, ...]:
    """ "5.1-5.3", "5.1 – 5.3", "5.1 to 5.3": every provision of one section from the first to the last."""
    m = _RANGE.match(printed.strip())
    if not m or m.group(1) != m.group(3) or int(m.group(2)) >= int(m.group(4)):
        return ()
    section, first, last = m.group(1), int(m.group(2)), int(m.group(4))
    ids = tuple(f"{section}.{n}" for n in range(first, last + 1))
    return ids if all(code.provision(pid) is not None for pid in ids) else ()


def _has_answer_content(row: Row) -> bool:
    return row.answer != "blank" or bool(row.evidence.strip()) or bool(row.commentary.strip())


def _join(a: str, b: str) -> str:
    return " ".join(part for part in (a.strip(), b.strip()) if part)


_TEXTS = ("requirement", "evidence", "commentary")


class _Run:
    """Consecutive rows joined into one aligned row (the document is not changed).

    The joined row is the first row with each column's texts joined by a space, the first answer
    given (or the last row's, when none is), the lowest confidence, and ``stitched`` set. A hostile
    form can make thousands of rows continue one another, and joining the whole text again for every
    row is quadratic: each column's pieces are kept in a list and joined once, at most ``cap``
    characters (``Limits.max_cell_chars``). The decisions taken while the run grows
    read ``row()``, whose texts are the joined text while it is at most ``VIEW_CHARS`` long and its
    first ``VIEW_CHARS`` characters after that: every comparison reads the first ``MAX_TEXT`` only.
    """

    VIEW_CHARS = 2 * MAX_TEXT

    def __init__(self, head: Row, cap: int) -> None:
        self.head = head
        self.cap = cap
        self.cut = False
        self.pieces: dict[str, list[str]] = {}
        self.sizes: dict[str, int] = {}
        self.views: dict[str, str] = {}
        for name in _TEXTS:
            text = getattr(head, name).strip()
            self.pieces[name] = [text] if text else []
            self.sizes[name] = len(text)
            self.views[name] = text[: self.VIEW_CHARS]
        self.answered = head
        self.confidence = head.confidence

    def add(self, row: Row) -> None:
        for name in _TEXTS:
            text = getattr(row, name).strip()
            if not text:
                continue
            if self.sizes[name] >= self.cap:
                self.cut = True
                continue
            self.pieces[name].append(text)
            self.sizes[name] += len(text) + 1
            if len(self.views[name]) < self.VIEW_CHARS:
                self.views[name] = _join(self.views[name], text[: self.VIEW_CHARS])[: self.VIEW_CHARS]
        if self.answered.answer == "blank":
            self.answered = row
        self.confidence = min(self.confidence, row.confidence)

    def row(self, final: bool = False) -> Row:
        """The joined row: its whole texts (``final``) or their views for the decisions on the way."""
        texts = {}
        for name in _TEXTS:
            if final:
                joined = " ".join(self.pieces[name])
                if len(joined) > self.cap:
                    joined, self.cut = joined[: self.cap], True
                texts[name] = joined
            else:
                texts[name] = self.views[name]
        return replace(
            self.head,
            **texts,
            answer=self.answered.answer,
            answer_text=self.answered.answer_text,
            answer_source=self.answered.answer_source,
            confidence=self.confidence,
            stitched=True,
        )


def _is_continuation(
    prev: AlignedRow,
    row: Row,
    ids: tuple[str, ...],
    form_count: Counter,
    words: _Search,
    options: AlignOptions,
) -> bool:
    """Whether ``row`` continues ``prev`` (same or blank number, and not a row of its own)."""
    if not prev.provisions:
        return False
    printed = row.provision.strip()
    if printed:
        if ids != prev.provisions:
            return False
        if not row.requirement.strip():  # only answer cells: they complete prev unless both are answered
            return not (_has_answer_content(row) and _has_answer_content(prev.row))
        # The same number again: a split only if the texts are two halves of one wording. On a form
        # that itself repeats the number (Joint 6.1, 6.19) the halves are measured against the form's
        # own statements, so its two statements stay two rows.
        repeated = any(form_count[pid] > 1 for pid in ids)
        return _fragments_of_one(prev, row, words, form_only=repeated)
    if not row.requirement.strip():
        return True  # a row of answer, evidence or commentary text only, under the row above
    if _is_another_provision(row, prev, words, options):
        return False  # a row whose number was lost, not the tail of the row above
    if row.answer == "blank" or prev.row.answer == "blank":
        return True
    if not (_has_answer_content(row) and _has_answer_content(prev.row)):
        return True
    return _fragments_of_one(prev, row, words)


def _fragments_of_one(prev: AlignedRow, row: Row, words: _Search, form_only: bool = False) -> bool:
    """Whether the two requirement texts are two parts of ``prev``'s provision wording.

    Joined, they must fit the wording at least as well as the first part does, and better than the
    second part alone. A pasted duplicate fails the first test (the text twice over fits worse than
    once); a row repeating the provision's whole wording after a fragment fails the second.
    """
    from rapidfuzz import fuzz

    pid = prev.provisions[0]
    wordings = words.form_by_pid.get(pid, ()) if form_only else words.by_pid.get(pid, ())
    if not wordings:
        return False

    def fit(text: str) -> float:
        return max(fuzz.ratio(words.prep(text), w) for w in wordings)

    joined = fit(_join(prev.row.requirement, row.requirement))
    return joined >= fit(prev.row.requirement) and joined > fit(row.requirement)


def _is_another_provision(row: Row, prev: AlignedRow, words: _Search, options: AlignOptions) -> bool:
    """Whether an unnumbered row's text is, on its own, clearly a provision other than ``prev``'s."""
    text = words.prep(row.requirement)
    if len(text) < 40:  # too short to be a provision's wording
        return False
    ranked = words.ranked(text, options.text_min)
    if not ranked or words.own_score(text, prev.provisions) >= options.text_min:
        return False
    # It reads as some provision(s) other than prev's, even if it is not yet clear which one: the
    # second pass may settle that among the provisions still without a row.
    return not any(set(key) & set(prev.provisions) for key, _ in ranked)


def align_row(
    row: Row, code: CodeVersion, words: _Search, options: AlignOptions, ids: tuple[str, ...] | None = None
) -> AlignedRow:
    """Align one logical row by number, confirmed or corrected by its requirement text."""
    ids = resolve_ids(code, row.provision) if ids is None else ids
    text = words.prep(row.requirement) if row.requirement.strip() else ""
    method = "combined" if len(ids) > 1 else "number"
    if ids and not text:
        return AlignedRow(row=row, provisions=ids, score=0.0, method=method, printed_score=0.0)
    if not text:
        return AlignedRow(row=row, provisions=(), score=0.0, method="none")
    if ids:
        own = words.own_score(text, ids)
        if own > options.own_max:
            return AlignedRow(row=row, provisions=ids, score=own, method=method, printed_score=own)
        ranked = words.ranked(text, max(0.0, options.best_min - options.ambiguity))
        other = [(key, s) for key, s in ranked if not set(key) & set(ids)]
        if other and other[0][1] >= options.best_min and other[0][1] - own >= options.margin:
            group = _settle(ranked, other[0], options)
            if group is not None and not set(group) & set(ids):
                return AlignedRow(
                    row=row,
                    provisions=group,
                    score=other[0][1],
                    method="text",
                    suggested=group[0],
                    printed_score=own,
                )
        return AlignedRow(row=row, provisions=ids, score=own, method=method, printed_score=own)
    ranked = words.ranked(text, max(0.0, min(options.text_min, options.best_min) - options.ambiguity))
    if ranked:
        score = ranked[0][1]
        printed = bool(row.provision.strip())
        threshold = options.best_min if printed else options.text_min
        group = _settle(ranked, ranked[0], options) if score >= threshold else None
        if group is not None:
            return AlignedRow(
                row=row, provisions=group, score=score, method="text", suggested=group[0] if printed else None
            )
    return AlignedRow(row=row, provisions=(), score=ranked[0][1] if ranked else 0.0, method="none")


def _settle(
    ranked: list[tuple[tuple[str, ...], float]], winner: tuple[tuple[str, ...], float], options: AlignOptions
) -> tuple[str, ...] | None:
    """The provisions ``winner`` stands for if it beats every unrelated candidate by ``ambiguity``.

    Candidates within ``ambiguity`` of the winner that share a provision with it are one answer, not
    rivals: the Joint form's "1.2/ 1.4" statement is also the form wording of 1.2 and of 1.4, so the
    three candidates together say "1.2 and 1.4". Any other candidate that close leaves the text
    unresolved (two provisions with near-identical wording), and None is returned.
    """
    close = [key for key, s in ranked if winner[1] - s < options.ambiguity]
    group = set(winner[0])
    grew = True
    while grew:
        grew = False
        for key in close:
            if set(key) & group and not set(key) <= group:
                group |= set(key)
                grew = True
    if any(not set(key) & group for key in close):
        return None
    exact = next((key for key, _ in ranked if set(key) == group), None)
    return exact or tuple(sorted(group, key=_id_order))


def _id_order(pid: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in pid.split("."))


def align_document(
    doc: Document,
    code: CodeVersion,
    detection: VersionDetection,
    options: AlignOptions | None = None,
    max_chars: int = DEFAULT_LIMITS.max_cell_chars,
) -> AlignedDocument:
    """Align every row of ``doc`` with ``code``; fill duplicates, missing provisions and the form's date.

    ``options`` default to the thresholds of ``code``'s facts. Rows joined into one (a provision
    split over rows the reader could not join) keep at most ``max_chars`` characters per column
    (``Limits.max_cell_chars``), with a note when cut.
    """
    options = options or AlignOptions.for_version(code)
    words = _Search(wordings_for(code), MAX_SEARCHES)
    form_count: Counter[str] = Counter(pid for frow in code.form for pid in frow.covers)
    aligned: list[AlignedRow] = []
    run: _Run | None = None  # the rows joined into aligned[-1], when it joins several
    cut = 0

    def close_run() -> None:
        nonlocal run, cut
        if run is not None:
            aligned[-1] = replace(aligned[-1], row=run.row(final=True))
            cut += run.cut
            run = None

    for row in doc.rows:
        ids = resolve_ids(code, row.provision)
        if aligned and _is_continuation(aligned[-1], row, ids, form_count, words, options):
            prev = aligned[-1]
            run = run or _Run(prev.row, max_chars)
            run.add(row)
            merged = run.row()
            aligned[-1] = align_row(merged, code, words, options)
            if not aligned[-1].provisions:  # keep the number-based pairing of the head row
                aligned[-1] = replace(prev, row=merged, printed_score=aligned[-1].printed_score)
            continue
        close_run()
        aligned.append(align_row(row, code, words, options, ids))
    close_run()
    _resolve_displaced(aligned, code, words, options)
    _mark_duplicates(aligned, form_count)
    notes = []
    if cut:
        notes.append(
            f"{cut} row(s) joined during alignment hold more than {max_chars} characters in a cell: cut there"
        )
    return AlignedDocument(
        document=doc,
        code=code,
        detection=detection,
        rows=aligned,
        missing=missing_provisions(code, aligned),
        document_date=find_document_date(doc.title, doc.text),
        notes=notes,
    )


def _resolve_displaced(
    aligned: list[AlignedRow], code: CodeVersion, words: _Search, options: AlignOptions
) -> None:
    """Second pass: settle rows whose text contradicts their number, against the open provisions.

    The first pass judges each row alone, against the whole Code. A row may stay on its wrong number
    there because its text is shared by two provisions (the Code repeats some stage 1 wording at stage
    2). Two rows with swapped numbers can even hold each other in place. Here such doubtful rows (own
    match at most ``own_max``) and rows without a usable number are judged again against the *open*
    provisions only: those no row covers, and those only doubtful rows claim. A clear winner there
    re-aligns the row.
    """
    doubtful: list[tuple[int, str, float]] = []
    for i, ar in enumerate(aligned):
        text = words.prep(ar.row.requirement) if ar.row.requirement.strip() else ""
        if not text:
            continue
        if ar.method == "none":
            doubtful.append((i, text, 0.0))
        elif ar.method in ("number", "combined"):
            own = words.own_score(text, ar.provisions)
            if own <= options.own_max:
                doubtful.append((i, text, own))
    if not doubtful:
        return
    unsure = {i for i, _, _ in doubtful}
    settled = Counter(pid for i, ar in enumerate(aligned) if i not in unsure for pid in ar.provisions)
    form_count = Counter(pid for frow in code.form for pid in frow.covers)
    # a provision is open while it has fewer settled rows than the form gives it (Joint 6.19 has two)
    open_ids = {pid for pid in expected_ids(code) if settled[pid] < max(1, form_count[pid])}
    for i, text, own in doubtful:
        ar = aligned[i]
        ranked = words.ranked_among(text, open_ids - set(ar.provisions))
        if not ranked:
            continue
        best = ranked[0]
        threshold = options.best_min if ar.row.provision.strip() else options.text_min
        if best[1] < threshold or best[1] - own < options.margin:
            continue
        group = _settle(ranked, best, options)
        if group is None:
            continue
        suggested = group[0] if ar.row.provision.strip() else None
        aligned[i] = replace(ar, provisions=group, score=best[1], method="text", suggested=suggested)
        settled.update(group)
        open_ids = {pid for pid in open_ids if settled[pid] < max(1, form_count[pid])}


def _mark_duplicates(aligned: list[AlignedRow], form_count: Counter) -> None:
    """Set ``duplicate_of`` on rows repeating a provision more often than the official form does."""
    first: dict[str, int] = {}
    seen: Counter[str] = Counter()
    for i, ar in enumerate(aligned):
        for pid in ar.provisions:
            seen[pid] += 1
            first.setdefault(pid, i)
            if seen[pid] > max(1, form_count[pid]) and ar.duplicate_of is None:
                ar.duplicate_of = first[pid]


def expected_ids(code: CodeVersion) -> tuple[str, ...]:
    """The provisions a complete self-assessment covers: the official form's, else the Code's own."""
    if code.form:
        return code.form_provision_ids
    return tuple(p.id for p in code.provisions if p.on_form and p.obligation != "intro")


def missing_provisions(code: CodeVersion, aligned: list[AlignedRow]) -> list[str]:
    """Official-form provisions that no aligned row covers, in form order."""
    covered = {pid for ar in aligned for pid in ar.provisions}
    return [pid for pid in expected_ids(code) if pid not in covered]
