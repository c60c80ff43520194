"""Column roles: which grid column holds the provision, requirement, answer, evidence, commentary.

Forms differ in column order, count (4 or 5) and wording ("Code provision" / "Code section",
"Comply: Yes / No", "Evidence, commentary and any explanations" as one column). Roles are read from
the header text when there is a header row, and inferred from the content when there is none (a
table continued on a new page, a form with its header outside the table).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from codecheck.model import Answer
from codecheck.readers.answers import classify_words, glyph_state

PROVISION = "provision"
REQUIREMENT = "requirement"
COMPLY = "comply"
EVIDENCE = "evidence"
COMMENTARY = "commentary"
# Columns many house forms add to the official five: kept as their own fields on ``Row``.
ACTIONS = "actions"
TARGET_DATE = "target_date"
OWNER = "owner"
RAG = "rag"
ROLES = (PROVISION, REQUIREMENT, COMPLY, EVIDENCE, COMMENTARY, ACTIONS, TARGET_DATE, OWNER, RAG)
EXTRA_ROLES = (ACTIONS, TARGET_DATE, OWNER, RAG)

# A provision id as printed: "4.3", "1.2/ 1.4", "6.1.", "5.10a", "4.3 (a)". Section numbers alone
# ("4") are accepted only by the row builder's context logic, not here.
PROVISION_ID = re.compile(
    r"^((section|provision|para(graph)?|code|ref\.?)\s*)?"
    r"\(?\d{1,2}\.\d{1,2}[a-z]?\)?\.?(\s*(\([a-z]\)|[a-z]\)))?"
    r"(\s*([/&,+]|and)\s*\d{1,2}\.\d{1,2}[a-z]?)*\.?$",
    re.IGNORECASE,
)

# A header cell may carry guidance ("Evidence (links to the policies and reports that show it)"),
# but a cell longer than this is body text.
MAX_HEADER_CHARS = 160

# One header cell (or one label of a labelled-block layout) -> role. Checked in order: the combined
# "evidence, commentary and explanations" column is commentary (what it mostly holds), then the
# specific words, then the generic ones. "Comments and actions" stays commentary; "Actions" alone, a
# target date, an owner and a RAG status are roles of their own ("Compliance status" is the answer,
# a bare "Status" a RAG column that also serves as the answer when the form has no other).
_HEADER_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        (COMMENTARY, r"evidence.*(comment|explanation|narrative|note)|(comment|explanation).*evidence"),
        (
            EVIDENCE,
            r"evidence|supporting\s+(documents?|information)|documents?\s+(provided|available)|links?\b",
        ),
        (
            COMMENTARY,
            r"comment|explanation|narrative|notes?\b|remarks|actions?\s+taken|how\s+(we|the)|details|"
            r"response|further\s+information|our\s+position|current\s+position",
        ),
        (
            TARGET_DATE,
            r"target|\bdue\b|deadline|(completion|review)\s+date|date\s+(to|for|of|by)\b|by\s+when|"
            r"when\s+by|^timescales?\b",
        ),
        (OWNER, r"\bowner|responsib|accountable|\blead(\s+(officer|person|manager))?$|action\s+by"),
        (ACTIONS, r"actions?\b|improvement|next\s+steps?|further\s+work|to\s+do\b"),
        (RAG, r"\brag\b|red\s*/\s*amber|traffic\s+light"),
        (
            COMPLY,
            r"compl(y|ies|iance|iant)|yes\s*/\s*no|\bmet\b|self[\s-]*assess|answer|achieved|"
            r"\brating\b|\by\s*/\s*n\b",
        ),
        (RAG, r"\bstatus\b"),
        (
            REQUIREMENT,
            r"requirement|standard|what\s+the\s+code|statement|code\s+text|expectation|"
            r"description|criteria",
        ),
        (
            PROVISION,
            r"provision|section|\bref(erence)?\b|paragraph|para\b|clause|\bno\.?$|number|^#$|\bcode\b|"
            r"\bitem\b|\bid\b",
        ),
    )
)

# Header cells that are a single answer (a form with a tick column per answer).
_ANSWER_HEADERS: dict[str, Answer] = {
    "yes": "yes",
    "y": "yes",
    "compliant": "yes",
    "no": "no",
    "n": "no",
    "non-compliant": "no",
    "partial": "partial",
    "partially": "partial",
    "partially compliant": "partial",
    "n/a": "na",
    "na": "na",
    "not applicable": "na",
}


@dataclass
class ColumnMap:
    """Grid column index of each role; ``answers`` holds per-answer tick columns when the form has them."""

    roles: dict[str, int] = field(default_factory=dict)
    answers: dict[Answer, int] = field(default_factory=dict)
    from_header: bool = True
    ids_in_requirement: bool = False  # no id column: each requirement starts with its number ("1.2 A ...")
    unnumbered: bool = False  # a headed form with no provision numbers at all: one row per requirement

    def get(self, role: str) -> int | None:
        return self.roles.get(role)

    @property
    def is_assessment(self) -> bool:
        """Enough roles to be a self-assessment: an id column, plus requirement text or answers."""
        has_answer = COMPLY in self.roles or len(self.answers) >= 2
        has_ids = PROVISION in self.roles or (
            (self.ids_in_requirement or self.unnumbered) and REQUIREMENT in self.roles
        )
        return (
            has_ids
            and (REQUIREMENT in self.roles or has_answer)
            and (has_answer or EVIDENCE in self.roles or COMMENTARY in self.roles or ACTIONS in self.roles)
        )

    def signature(self) -> tuple:
        return tuple(sorted(self.roles.items())) + tuple(sorted(self.answers.items()))


# The words that name a role outright; a header matched only by a looser word ("Actions", "Status",
# "Notes") gives way to one of these when two columns claim the same role.
_STRONG = {
    PROVISION: re.compile(r"provision|section|\bref|paragraph|clause", re.IGNORECASE),
    REQUIREMENT: re.compile(r"requirement", re.IGNORECASE),
    COMPLY: re.compile(r"compl(y|ies|iance|iant)|yes\s*/\s*no", re.IGNORECASE),
    EVIDENCE: re.compile(r"evidence", re.IGNORECASE),
    COMMENTARY: re.compile(r"comment|explanation", re.IGNORECASE),
    ACTIONS: re.compile(r"action", re.IGNORECASE),
    TARGET_DATE: re.compile(r"date|deadline", re.IGNORECASE),
    OWNER: re.compile(r"owner|responsib|\blead\b", re.IGNORECASE),
    RAG: re.compile(r"\brag\b", re.IGNORECASE),
}


def header_role(text: str) -> str | None:
    """The role a header cell's text names, or None.

    A narrow header cell can break its words anywhere ("Compl" / "y:" / "Yes/N" / "o" in a PDF): when
    the text as read names no role, it is tried once more with its spaces removed.
    """
    t = " ".join(text.split())
    if not t or len(t) > MAX_HEADER_CHARS:
        return None
    role = _first_role(t)
    if " " not in t or (role is not None and _STRONG[role].search(t)):
        return role
    joined = t.replace(" ", "")
    again = _first_role(joined)
    if again is not None and (role is None or _STRONG[again].search(joined)):
        return again  # "Co m pl y: Ye s/ No" names Comply, not the "No" of a number column
    return role


def _first_role(text: str) -> str | None:
    for role, pattern in _HEADER_RULES:
        if pattern.search(text):
            return role
    return None


MAX_LABEL_CHARS = 60


def label_role(text: str) -> str | None:
    """The role a field label of a labelled-block layout names ("Do we comply?", "Evidence:"), or None.

    The same vocabulary as column headers (``header_role``), so a label "Do we comply?" and a column
    headed "Comply" mean one thing. A label is short and is not a sentence: a paragraph that ends with a
    full stop, or runs past ``MAX_LABEL_CHARS``, is text that happens to use a label word.
    """
    t = " ".join(text.split()).strip(" :\u2013\u2014-")
    if not t or len(t) > MAX_LABEL_CHARS or t.endswith((".", ",", ";")) or _ANY_ID.search(t):
        return None
    return header_role(t)


def names_outright(role: str, text: str) -> bool:
    """Does ``text`` name ``role`` with its defining word ("Evidence", "Comply", "Commentary"), not
    only with a looser one ("response", "details", "status")?"""
    return bool(_STRONG[role].search(text))


def _strength(role: str, text: str) -> int:
    return 2 if _STRONG[role].search(text) else 1


def answer_header(text: str) -> Answer | None:
    return _ANSWER_HEADERS.get(" ".join(text.lower().split()).strip(" :?"))


def roles_from_header(cells: Sequence[str]) -> ColumnMap | None:
    """Read a header row (one text per grid column, "" for a spanned position); None if it is not one."""
    cmap = ColumnMap()
    unnamed = 0
    strength: dict[str, int] = {}
    for col, text in enumerate(cells):
        if not text.strip():
            continue
        ans = answer_header(text)
        if ans is not None:
            cmap.answers.setdefault(ans, col)
            continue
        role = header_role(text)
        if role is None:
            unnamed += 1
            continue
        if role in cmap.roles:
            # Two columns claim one role: the one named outright wins ("Commentary" over "Actions",
            # "Comply" over "RAG status"); between equals the first stays, except that a second id
            # column ("Section" | "Provision") is usually the real provision number.
            held = strength[role]
            mine = _strength(role, text)
            if mine > held or (mine == held and role == PROVISION):
                cmap.roles[role], strength[role] = col, mine
            # the column that lost the claim names nothing the form uses (it may be a title)
            unnamed += 1
            continue
        cmap.roles[role], strength[role] = col, _strength(role, text)
    if len(cmap.answers) == 1 and COMPLY not in cmap.roles:
        # a lone "Yes" header is a comply column, not a tick-per-answer layout
        cmap.roles[COMPLY] = next(iter(cmap.answers.values()))
        cmap.answers.clear()
    if RAG in cmap.roles and COMPLY not in cmap.roles and len(cmap.answers) < 2:
        cmap.roles[COMPLY] = cmap.roles[RAG]  # a RAG status is the only answer the form gives
    if (
        REQUIREMENT not in cmap.roles
        and len(cmap.answers) >= 2
        and COMPLY in cmap.roles
        and cmap.roles[COMPLY] < min(cmap.answers.values())
    ):
        # one column per answer and a "Comply" heading before them: that heading is a section title
        # over the requirement ("Self-assessment, reporting and compliance | Yes | No")
        cmap.roles[REQUIREMENT] = cmap.roles.pop(COMPLY)
    if REQUIREMENT not in cmap.roles and unnamed == 1:
        unnamed -= _requirement_under_a_title(cells, cmap)
    named = len(set(cmap.roles.values())) + len(cmap.answers)
    if named < 2 or (named < 3 and unnamed > named):
        return None
    if PROVISION not in cmap.roles and REQUIREMENT not in cmap.roles:
        return None
    if PROVISION not in cmap.roles:
        # "Code requirement" with an unnamed first column: the id column is the one before it
        req = cmap.roles[REQUIREMENT]
        if req > 0 and not cells[req - 1].strip():
            cmap.roles[PROVISION] = req - 1
    return cmap


def _requirement_under_a_title(cells: Sequence[str], cmap: ColumnMap) -> int:
    """Name the requirement column of a form that heads it with the section's title.

    Some forms head each section's table "Ref | Definition of a complaint | Yes | No | Comments": the
    requirement column carries the section title, which is no role word. When the header names the
    answer (a Comply column or one column per answer) and no requirement, and only one header cell
    names nothing, that cell is the requirement if it stands left of the answer columns (after the
    id column). Returns 1 when a column was named.
    """
    answer_cols = [cmap.roles[COMPLY]] if COMPLY in cmap.roles else list(cmap.answers.values())
    if not answer_cols:
        return 0
    taken = set(cmap.roles.values()) | set(cmap.answers.values())
    start = cmap.roles[PROVISION] + 1 if PROVISION in cmap.roles else 0
    for col in range(start, min(answer_cols)):
        text = cells[col].strip()
        if col in taken or not text:
            continue
        if PROVISION_ID.match(text) or len(text) > 100:
            return 0
        cmap.roles[REQUIREMENT] = col
        return 1
    return 0


_PAGE_NUMBER = re.compile(r"^[.\s\u2026]*(page\s*)?\d{1,4}$", re.IGNORECASE)

LEADING_ID = re.compile(r"^\(?(\d{1,2}\.\d{1,2}[a-z]?)\)?[.:)]?(?:\s+|$)")


def split_leading_id(text: str) -> tuple[str, str] | None:
    """("1.2", "A complaint ...") from "1.2 A complaint ...", or None when the text has no leading id."""
    m = LEADING_ID.match(text.strip())
    if not m:
        return None
    return m.group(1), text.strip()[m.end() :].strip()


_ANY_ID = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}(?![\d.])")


def looks_like_header(cells: Sequence[str]) -> bool:
    """True when the cells read as column headings, not as a body row that mentions header words.

    Headings are short (one may carry a line of guidance), and never hold a provision number: a row
    with "4.13" or "2022 4.13" anywhere is body text, whatever words it uses.
    """
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or roles_from_header(cells) is None:
        return False
    if any(len(c) > MAX_HEADER_CHARS or _ANY_ID.search(c) for c in filled):
        return False
    short = sum(1 for c in filled if len(c) <= 40)
    return short * 2 >= len(filled)


def infer_roles(rows: Sequence[Sequence[tuple[str, bool | None]]], ncols: int) -> ColumnMap | None:
    """Infer column roles from body content when there is no header row.

    The id column is the one where most non-empty cells are provision ids; the answer column the one
    where most non-empty cells are answer words or tick glyphs; the requirement the longest text
    column after the id; remaining text columns are evidence then commentary, in order.
    """
    if ncols < 2 or not rows:
        return None
    stats = []
    for col in range(ncols):
        texts = [r[col][0].strip() for r in rows if col < len(r)]
        checks = [r[col][1] for r in rows if col < len(r)]
        nonempty = [t for t in texts if t]
        n = max(len(nonempty), 1)
        ids = sum(1 for t in nonempty if PROVISION_ID.match(t))
        answers = sum(1 for t in nonempty if classify_words(t) is not None and len(t) <= 40)
        answers += sum(
            1 for t, c in zip(texts, checks, strict=False) if c is not None or glyph_state(t) is not None
        )
        avg = sum(len(t) for t in nonempty) / n
        numeric = sum(1 for t in nonempty if _PAGE_NUMBER.match(t)) / n
        stats.append(
            {"ids": ids / n, "answers": answers / n, "avg": avg, "filled": len(nonempty), "numeric": numeric}
        )
    id_col = max(range(ncols), key=lambda c: (stats[c]["ids"], -c))
    if stats[id_col]["ids"] < 0.5 or stats[id_col]["filled"] < 1:
        return None
    cmap = ColumnMap(from_header=False)
    cmap.roles[PROVISION] = id_col
    rest = [c for c in range(ncols) if c != id_col]
    ans_cands = [c for c in rest if stats[c]["answers"] >= 0.6 and stats[c]["avg"] <= 60]
    if ans_cands:
        cmap.roles[COMPLY] = max(ans_cands, key=lambda c: stats[c]["answers"])
    # page numbers, dot leaders and other short numeric columns carry no assessment text
    text_cols = [c for c in rest if c != cmap.roles.get(COMPLY) and stats[c]["numeric"] < 0.5]
    after = [c for c in text_cols if c > id_col] or text_cols
    if not after:
        return cmap if COMPLY in cmap.roles else None
    req = after[0] if stats[after[0]]["avg"] >= 20 else max(after, key=lambda c: stats[c]["avg"])
    if stats[req]["avg"] < 25:
        return None  # a contents or contact table: short labels beside numbers
    cmap.roles[REQUIREMENT] = req
    others = [c for c in text_cols if c != req and c > id_col and stats[c]["filled"]]
    if len(others) == 1:
        cmap.roles[COMMENTARY] = others[0]
    elif len(others) >= 2:
        cmap.roles[EVIDENCE] = others[0]
        cmap.roles[COMMENTARY] = others[1]
    if COMPLY not in cmap.roles and not others:
        return None  # numbered paragraphs with nothing answered: Code text, not a self-assessment
    return cmap
