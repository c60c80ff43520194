"""Plain data types shared by every stage of the pipeline.

The pipeline runs in one direction (file -> readers -> Document -> align -> AlignedDocument ->
engine -> Finding -> report). Each boundary is one of these dataclasses so that a reader, a rule or
an output format can be replaced without touching the others. Nothing here does I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Answer = Literal["yes", "no", "partial", "na", "blank"]
ANSWERS: tuple[Answer, ...] = ("yes", "no", "partial", "na", "blank")

DocFormat = Literal["docx", "pdf", "html", "xlsx", "mixed"]  # mixed: several files read as one


class Severity(enum.IntEnum):
    """Finding severity; ordered so that ``>=`` compares with a ``--fail-on`` threshold."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError as exc:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from exc

    def __str__(self) -> str:  # "warning", as users type it
        return self.name.lower()


# --------------------------------------------------------------------------- the Code


@dataclass(frozen=True)
class Timescale:
    """A time limit the Code sets, as structured data (for `wrong-timescale` and `diff`).

    ``what``: acknowledge | respond | extend | request_escalation | time_limit
    ``unit``: working_days | calendar_days | weeks | months
    ``counted_from``: received | logged | acknowledged | escalated | aware | None
    """

    what: str
    number: int
    unit: str
    stage: int | None = None
    counted_from: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ListItem:
    """A lettered (a, b, c) or bulleted item inside a provision such as 2024 6.9 a–g."""

    label: str
    text: str


@dataclass(frozen=True)
class Provision:
    """One numbered paragraph of a Code version."""

    id: str
    section: int
    text: str
    obligation: str  # must | should | intro
    stage: int | None = None
    form_text: str | None = None  # the self-assessment form's wording where it differs
    items: tuple[ListItem, ...] = ()
    timescales: tuple[Timescale, ...] = ()
    on_form: bool = True
    note: str | None = None

    @property
    def form_wording(self) -> str:
        return self.form_text or self.text


@dataclass(frozen=True)
class Section:
    number: int
    title: str


@dataclass(frozen=True)
class FormRow:
    """One row of a version's official self-assessment form, as printed.

    ``id`` is the printed id ("1.2/ 1.4", or "6.1" twice on the Joint form); ``covers`` lists the Code
    provisions the row speaks for.
    """

    id: str
    covers: tuple[str, ...]
    text: str | None = None


@dataclass(frozen=True)
class VersionFacts:
    """What codecheck needs to know about a Code version beyond its text (``facts:`` in its YAML).

    Rules read these instead of naming versions: a new version is its YAML file, and a rule that finds
    no fact it needs there is skipped with a warning (``codecheck.engine.not_applicable``). Every field
    may be absent (None, or empty); what absence means is said beside each one.
    """

    cited_as: str | None = None  # how findings cite the version ("the 2024 Code"); None: "the <id> Code"
    synonyms: tuple[str, ...] = ()  # other names for --code ("latest", "hos-2024")
    form_layout: str | None = None  # the official form's column layout (writer); None: the 2024 layout
    stage_limit: str | None = None  # the provision limiting the number of stages ("5.3")
    named_stages: str | None = None  # the provision ruling out extra named stages ("stage 0") ("5.2")
    explain_unmet: tuple[str, ...] | None = None  # obligations a No/Partial must explain; None: all
    target_date_required: bool | None = None  # must a non-compliance give a date? None: not said
    alignment: dict[str, float] = field(default_factory=dict)  # align.AlignOptions thresholds set here


@dataclass(frozen=True)
class CodeVersion:
    """A whole Code version: metadata, sections, every provision and the official form."""

    id: str
    title: str
    short_title: str
    publishers: tuple[str, ...]
    published: str | None  # ISO date
    in_force_from: str | None
    in_force_to: str | None  # last day it governs (None: still in force)
    supersedes: str | None
    superseded_by: str | None
    max_stages: int
    sections: tuple[Section, ...]
    provisions: tuple[Provision, ...]
    form: tuple[FormRow, ...]
    complaint_definition: dict
    contacts: dict
    detection: dict
    source: str
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facts: VersionFacts = field(default_factory=VersionFacts)

    def provision(self, pid: str) -> Provision | None:
        for p in self.provisions:
            if p.id == pid:
                return p
        return None

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    @property
    def form_provision_ids(self) -> tuple[str, ...]:
        """Every provision id that the official form covers, in form order, without repeats."""
        seen: dict[str, None] = {}
        for row in self.form:
            for pid in row.covers:
                seen.setdefault(pid, None)
        return tuple(seen)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Location:
    """Where a row sits in the document: 1-based page (PDF, or None), table and row numbers.

    ``block`` numbers the provision blocks of a form laid out as labelled paragraphs (no table);
    ``sheet`` names a workbook's worksheet (``table`` is then its position among the sheets read and
    ``row`` its row number in Excel); ``file`` names the file when several are read as one form.
    The three are left out of ``as_dict`` when unset, so the shape of a table row's location stays.
    ``bbox`` is the row's box on its page (PDF points from the page's top-left corner: x0, top, x1,
    bottom), where the reader knows it, so that an annotated copy can mark the row where it is printed.
    ``anchor`` is, for a DOCX, the row's place among every ``w:tr`` of the document body in document
    order (0-based), so that an annotated copy finds the very row element again whatever wrappers,
    nested tables or deleted rows the reader looked through. Neither is part of the row's identity
    (equality and hashing ignore them) nor in ``as_dict``.
    """

    page: int | None = None
    table: int | None = None
    row: int | None = None
    block: int | None = None
    sheet: str | None = None
    file: str | None = None
    bbox: tuple[float, float, float, float] | None = field(default=None, compare=False)
    anchor: int | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        out: dict = {"page": self.page, "table": self.table, "row": self.row}
        for key in ("block", "sheet", "file"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    def describe(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.sheet is not None:
            parts.append(f"sheet “{self.sheet}”")
        elif self.table is not None:
            parts.append(f"table {self.table}")
        if self.block is not None:
            parts.append(f"block {self.block}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        return ", ".join(parts) or "document"


@dataclass
class Row:
    """What the document says for one provision (one logical row, continuation rows joined)."""

    provision: str  # as printed, whitespace-normalised ("1.2/ 1.4" stays as printed)
    requirement: str
    answer: Answer
    answer_text: str  # as printed; "tick" for a tick symbol; "" when blank
    evidence: str
    commentary: str
    location: Location
    confidence: float = 1.0  # extraction confidence 0..1
    context: str | None = None  # sub-heading the row sits under ("Stage 1", "Mandatory 'must' requirements")
    stitched: bool = False  # joined from several physical rows or across a page break
    answer_source: str = "comply"  # comply | commentary | tick | checkbox | colour
    # Columns (or labels) beyond the official form's, kept as the form prints them: an improvement
    # action, its target date and owner, and a RAG status ("Amber", or the cell's fill colour read as
    # "red" / "amber" / "green").
    actions: str = ""
    target_date: str = ""
    owner: str = ""
    rag: str = ""

    def as_dict(self) -> dict:
        return {
            "provision": self.provision,
            "requirement": self.requirement,
            "answer": self.answer,
            "answer_text": self.answer_text,
            "evidence": self.evidence,
            "commentary": self.commentary,
            "location": self.location.as_dict(),
            "confidence": round(self.confidence, 3),
            "context": self.context,
            "stitched": self.stitched,
            "answer_source": self.answer_source,
            "actions": self.actions,
            "target_date": self.target_date,
            "owner": self.owner,
            "rag": self.rag,
        }


@dataclass(frozen=True)
class ReaderNote:
    """Something the reader noticed that a person checking the document should know.

    ``kind`` names what it is ("tracked-changes", "cells-truncated", "skipped-text", …) so that code can
    ask for a note without parsing its words; ``message`` is what a person reads (``extract`` prints
    it); ``location`` says where, when the note is about one place. ``position`` places a note about
    skipped text among the document's rows (the text lay just before ``Document.rows[position]``), so
    that a missing provision can be matched with text the reader skipped where its row would be.
    Kinds in ``LOST_TEXT_KINDS`` mean text of the document reached no row (``lost_text``): the
    ``reader-note`` rule reports those.
    """

    kind: str
    message: str
    location: Location | None = None
    position: int | None = None

    def __str__(self) -> str:
        return self.message

    @property
    def lost_text(self) -> bool:
        """Whether the note says text of the document was not read into any row."""
        return self.kind in LOST_TEXT_KINDS

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "message": self.message,
            "location": self.location.as_dict() if self.location else None,
            "lost_text": self.lost_text,
        }


# Kinds of ``ReaderNote`` that mean text of the document was not read into any row: a person reading
# the report must be told, because a provision may hide in it. Every other kind says how the document
# was read (tracked changes, nested tables flattened, rows stitched across pages …).
SKIPPED_TEXT = "skipped-text"  # text the reader could not place in a row (no provision number …)
CELLS_TRUNCATED = "cells-truncated"  # cell text cut at the size limit
MERGED_TEXT_DROPPED = "merged-text-dropped"  # a merged cell's text not repeated into the rows it spans
DEEP_TABLES = "deep-tables"  # tables nested past the limit, skipped
SCANNED_PAGES = "scanned-pages"  # pages without a text layer
CELLS_BEYOND_LIMITS = "cells-beyond-limits"  # a worksheet's rows or columns past the reading limits
SKIPPED_FILE = "skipped-file"  # one of several files read as one form held no self-assessment
LOST_TEXT_KINDS = frozenset(
    {SKIPPED_TEXT, CELLS_TRUNCATED, MERGED_TEXT_DROPPED, DEEP_TABLES, SCANNED_PAGES, CELLS_BEYOND_LIMITS,
     SKIPPED_FILE}
)  # fmt: skip


@dataclass
class Document:
    """A read self-assessment: its rows in document order and the loose text around them."""

    path: Path
    format: DocFormat
    rows: list[Row]
    text: list[str] = field(default_factory=list)  # paragraphs outside the self-assessment tables
    title: str | None = None
    pages: int | None = None
    notes: list[ReaderNote] = field(default_factory=list)  # what the reader noticed, in reading order
    tracked_changes: int = 0  # unresolved tracked-change marks (insertions, deletions, moves)

    @property
    def all_text(self) -> str:
        return "\n".join(self.text)


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class VersionDetection:
    version: str
    confidence: float  # 0..1
    reasons: tuple[str, ...] = ()
    forced: bool = False

    def as_dict(self) -> dict:
        return {
            "version": self.version,
            "confidence": round(self.confidence, 3),
            "reasons": list(self.reasons),
            "forced": self.forced,
        }


@dataclass
class AlignedRow:
    """A document row paired with the provision(s) it speaks for."""

    row: Row
    provisions: tuple[str, ...]  # Code provision ids covered; () when the id is unknown
    score: float  # fuzzy similarity (0..100) of the requirement text with the matched wording
    method: str  # number | text | combined | none
    suggested: str | None = None  # for a misnumbered row: the provision its text really is
    duplicate_of: int | None = None  # index of the earlier row with the same id, when not a form quirk
    # how well the requirement text fits the provision(s) its printed number names (0..100); None when
    # the number names none. Kept so that a finding can quote it without recomputing the alignment.
    printed_score: float | None = None

    @property
    def provision(self) -> str | None:
        return self.provisions[0] if self.provisions else None

    def as_dict(self) -> dict:
        return {
            "provisions": list(self.provisions),
            "score": round(self.score, 1),
            "method": self.method,
            "suggested": self.suggested,
        }


@dataclass
class AlignedDocument:
    document: Document
    code: CodeVersion
    detection: VersionDetection
    rows: list[AlignedRow]
    missing: list[str]  # official-form provision ids the document omits
    document_date: str | None = None  # ISO date the form states (for past-date and outdated checks)
    notes: list[str] = field(default_factory=list)  # alignment observations (joined text cut, …)


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Decision:
    """A reviewer's recorded judgement that a finding is not an issue, attached to that finding.

    Officers review findings and some are judgement calls the Code leaves open; recording the
    judgement as data (who, why, when, on what content) keeps it visible in every report instead of
    switching a rule off. ``status`` is "accepted" while the row still reads as it did when the
    decision was made and "stale" once the row's content changed (the decision needs re-review and
    no longer hides anything).
    """

    reason: str
    reviewer: str
    date: str | None  # ISO date the decision was recorded
    status: Literal["accepted", "stale"] = "accepted"
    source: str | None = None  # the decisions file it came from

    @property
    def accepted(self) -> bool:
        return self.status == "accepted"

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "reviewer": self.reviewer,
            "date": self.date,
            "source": self.source,
        }

    def describe(self) -> str:
        """How every report words it: "reviewed: not an issue — reason (name, date)", or the re-review."""
        who = ", ".join(p for p in (self.reviewer, self.date) if p)
        if self.accepted:
            return f"reviewed: not an issue — {self.reason} ({who})"
        return (
            f"needs re-review: the row has changed since it was reviewed as not an issue "
            f"— {self.reason} ({who})"
        )


@dataclass(frozen=True)
class Finding:
    code: str  # CC108
    rule: str  # partial-without-date
    severity: Severity
    provision: str | None  # None for a document-level finding
    message: str
    location: Location | None = None
    snippet: str | None = None  # the words that triggered it, from the document
    quote: str | None = None  # the whole sentence a content finding rests on
    reading: str | None = None  # how the reader understood that sentence
    decision: Decision | None = None  # a reviewer's recorded judgement on this finding, if any

    def as_dict(self) -> dict:
        """The finding as JSON data; ``quote``/``reading`` only when set (content findings) and
        ``decision`` only when a reviewer recorded one, so that every other finding keeps the shape
        consumers already parse."""
        out = {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "provision": self.provision,
            "message": self.message,
            "location": self.location.as_dict() if self.location else None,
            "snippet": self.snippet,
        }
        if self.quote is not None:
            out["quote"] = self.quote
        if self.reading is not None:
            out["reading"] = self.reading
        if self.decision is not None:
            out["decision"] = self.decision.as_dict()
        return out

    @property
    def accepted(self) -> bool:
        """Reviewed and recorded as not an issue (a stale decision no longer counts)."""
        return self.decision is not None and self.decision.accepted


@dataclass
class AuditResult:
    """Everything one document's audit produced; ``error`` set when the document could not be read."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    aligned: AlignedDocument | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True)
class RuleSpec:
    """A rule as declared in ``rules/<CODE>-<slug>/rule.yaml`` or a user's rules file (after user
    configuration is applied)."""

    code: str  # CC108
    slug: str  # partial-without-date
    severity: Severity
    summary: str  # one line
    rationale: str  # why it matters, citing the Code provision(s)
    versions: tuple[str, ...] = ("*",)  # Code versions it is limited to ("*": every version)
    params: dict = field(default_factory=dict)
    enabled: bool = True
    group: str = "general"  # e.g. structure, answers, evidence, timescales, wording
    provisions: tuple[str, ...] = ()  # Code provisions cited
    example: str | None = None
    source: str | None = None  # the YAML file it came from
    check: str | None = None  # the check that implements it when not the slug (user rule files)
    anti_pattern: str | None = None  # what a row this rule flags looks like
    fix: str | None = None  # what the same row looks like when it complies
    action: str | None = None  # what the landlord should do about a finding, in plain words (reports)
