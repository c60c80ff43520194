"""Which Code version a self-assessment follows, from the form itself, with a confidence and reasons.

A form rarely says "2024 Code" plainly, and a landlord may fill in last year's form. Several weak
signals are combined, each scored 0..1 per version:

* ids      – how well the printed provision ids match the version's official form (F1 of the id sets):
             2022 has 4.19 and 5.20 and no section 9; the Joint draft has 6.21-6.26; 2024 stops at 6.20
             and has 9.x;
* wording  – fuzzy similarity of each row's requirement with the version's wording for that id;
* keywords – the version's detection keywords found in the document's text;
* sections – the version's section titles found in headings and text;
* title    – the version's title patterns matched against the title and opening paragraphs;
* dates    – dates printed in the document that fall inside the version's in-force period.

The version with the highest weighted score wins; the confidence reflects both that score and its
margin over the runner-up. ``--code`` (``forced``) overrides detection.
"""

from __future__ import annotations

import re
from datetime import date

from codecheck.model import CodeVersion, Document, VersionDetection

WEIGHTS = {"ids": 0.3, "wording": 0.35, "keywords": 0.15, "sections": 0.05, "title": 0.05, "dates": 0.1}

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(20\d\d)\b", re.IGNORECASE)
_VERSION_MARK = re.compile(r"\b(20\d\d)\s+v(?:ersion)?\s*\d+\b", re.IGNORECASE)
_SPLIT_IDS = re.compile(r"\s*(?:/|&|,|\+|\band\b)\s*")


def _ids(doc: Document) -> set[str]:
    from codecheck.codes import normalise_printed_id

    out: set[str] = set()
    for row in doc.rows:
        for part in _SPLIT_IDS.split(normalise_printed_id(row.provision)):
            if re.fullmatch(r"\d{1,2}\.\d{1,2}", part):
                out.add(part)
    return out


def _form_ids(code: CodeVersion) -> set[str]:
    return set(code.form_provision_ids) or {p.id for p in code.provisions if p.on_form}


def _f1(found: set[str], expected: set[str]) -> float:
    if not found or not expected:
        return 0.0
    hit = len(found & expected)
    if not hit:
        return 0.0
    precision, recall = hit / len(found), hit / len(expected)
    return 2 * precision * recall / (precision + recall)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.lower().split())


def _wordings(code: CodeVersion) -> dict[str, list[str]]:
    """Every wording a version gives a printed id: the form row's text and the provision's own."""
    from codecheck.codes import normalise_printed_id

    out: dict[str, list[str]] = {}
    for row in code.form:
        if row.text:
            out.setdefault(normalise_printed_id(row.id), []).append(_norm(row.text))
    for p in code.provisions:
        out.setdefault(p.id, []).append(_norm(p.form_wording))
    return out


MAX_WORDING_ROWS = 150  # rows compared per version (evenly spaced): bounded work on huge tables


def _wording_score(doc: Document, code: CodeVersion) -> float:
    """Mean similarity of requirement texts with this version's wording for the same id.

    A row without a usable id (an unnumbered form) is compared with the version's closest wording
    instead, so that such forms still point at the version they copy.
    """
    from rapidfuzz import fuzz, process

    from codecheck.codes import normalise_printed_id

    wordings = _wordings(code)
    every = [w for ws in wordings.values() for w in ws]
    rows = [r for r in doc.rows if len(r.requirement) >= 20]
    if len(rows) > MAX_WORDING_ROWS:
        step = len(rows) / MAX_WORDING_ROWS
        rows = [rows[int(i * step)] for i in range(MAX_WORDING_ROWS)]
    scores = []
    for row in rows:
        req = _norm(row.requirement)
        candidates = wordings.get(normalise_printed_id(row.provision))
        if candidates:
            scores.append(max(fuzz.ratio(req, c) for c in candidates) / 100)
        elif not row.provision.strip() and every:
            best = process.extractOne(req, every, scorer=fuzz.ratio)
            scores.append(best[1] / 100 if best else 0.0)
        else:
            scores.append(0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _doc_text(doc: Document) -> str:
    parts = [doc.title or "", *doc.text]
    for row in doc.rows:
        parts.extend((row.requirement, row.context or ""))
    return _norm(" ".join(parts))


def _keyword_score(text: str, code: CodeVersion) -> tuple[float, list[str]]:
    keywords = [k for k in code.detection.get("keywords", []) if k]
    if not keywords:
        return 0.0, []
    found = [k for k in keywords if _norm(k) in text]
    return len(found) / len(keywords), found


def _section_score(text: str, code: CodeVersion) -> tuple[float, list[str]]:
    """Share of the version's section titles printed in the document ("Exclusions" is 2024's section 2,
    "Complaint handling principles" 2022's section 4)."""
    titles = [s.title for s in code.sections if s.title]
    if not titles:
        return 0.0, []
    found = [t for t in titles if _norm(t) in text]
    return len(found) / len(titles), found


def _title_score(doc: Document, code: CodeVersion) -> tuple[float, str | None]:
    head = _norm(" ".join([doc.title or "", *doc.text[:8]]))
    for pattern in code.detection.get("title_patterns", []):
        try:
            if re.search(pattern, head, re.IGNORECASE):
                return 1.0, pattern
        except re.error:
            continue
    return 0.0, None


def document_dates(doc: Document) -> list[date]:
    """Month-year dates printed in the title and loose text ("September 2022", "June 2024")."""
    text = " ".join([doc.title or "", *doc.text[:40]])
    out = []
    for month, year in _MONTH_YEAR.findall(text):
        out.append(date(int(year), _MONTHS[month.lower()], 1))
    return out


def _in_force(code: CodeVersion, when: date) -> bool:
    start = date.fromisoformat(code.in_force_from) if code.in_force_from else None
    end = date.fromisoformat(code.in_force_to) if code.in_force_to else None
    if start is None:
        published = date.fromisoformat(code.published) if code.published else None
        return published is not None and abs((when - published).days) <= 200
    return start.replace(day=1) <= when and (end is None or when <= end)


def _date_score(doc: Document, code: CodeVersion) -> tuple[float, list[str]]:
    dates = document_dates(doc)
    text = " ".join([doc.title or "", *doc.text[:40]])
    marks = [int(y) for y in _VERSION_MARK.findall(text)]
    hits = [d for d in dates if _in_force(code, d)]
    reasons = [d.strftime("%B %Y") for d in hits]
    score = len(hits) / len(dates) if dates else 0.0
    start_year = int(code.in_force_from[:4]) if code.in_force_from else None
    if marks and start_year is not None:
        if start_year in marks:
            score = max(score, 1.0)
            reasons.append(f"version mark {start_year}")
        else:
            score *= 0.5
    return score, reasons


def detect_version(doc: Document, forced: str | None = None) -> VersionDetection:
    """Detect the Code version ``doc`` follows; ``forced`` (``--code``) wins outright."""
    from codecheck.codes import get_version, list_versions

    if forced:
        code = get_version(forced)
        return VersionDetection(code.id, 1.0, (f"set with --code {forced}",), forced=True)
    versions = list_versions()
    if not versions:  # pragma: no cover - the package always ships versions
        return VersionDetection("2024", 0.0, ("no Code versions available",))
    ids = _ids(doc)
    text = _doc_text(doc)
    scored: list[tuple[float, CodeVersion, list[str]]] = []
    for code in versions:
        s_ids = _f1(ids, _form_ids(code))
        s_words = _wording_score(doc, code)
        s_kw, kws = _keyword_score(text, code)
        s_sections, sections = _section_score(text, code)
        s_title, pattern = _title_score(doc, code)
        s_dates, dates = _date_score(doc, code)
        total = (
            WEIGHTS["ids"] * s_ids
            + WEIGHTS["wording"] * s_words
            + WEIGHTS["keywords"] * s_kw
            + WEIGHTS["sections"] * s_sections
            + WEIGHTS["title"] * s_title
            + WEIGHTS["dates"] * s_dates
        )
        reasons = [f"provision ids match its form {s_ids:.0%}", f"requirement wording matches {s_words:.0%}"]
        if kws:
            reasons.append(f"{len(kws)} keyword(s): " + "; ".join(f"'{k}'" for k in kws[:4]))
        if sections:
            reasons.append(f"{len(sections)}/{len(code.sections)} of its section titles")
        if pattern:
            reasons.append("title matches")
        if dates:
            reasons.append("dated in its period: " + ", ".join(dates[:3]))
        scored.append((total, code, reasons))
    scored.sort(key=lambda item: item[0], reverse=True)
    best, code, reasons = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    margin = best - runner
    confidence = max(0.0, min(1.0, best)) * min(1.0, 0.4 + 4 * margin)
    if len(scored) > 1:
        reasons.append(f"next best {scored[1][1].id} scores {runner:.2f} against {best:.2f}")
    return VersionDetection(code.id, round(confidence, 3), tuple(reasons))
