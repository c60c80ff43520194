"""The shared block builder: a form laid out as labelled paragraphs (no table) -> one ``Row`` per block.

Many published self-assessments print each provision as a block of paragraphs rather than a table
row::

    Code provision 6.3                      (a heading, a bold line, or "6.3 <requirement>")
    Requirement      <the Code's text>      (labels as headings, bold lines, definition terms,
    Do we comply?    Yes                     "Label: value" on one line, or a two-column table)
    Evidence         Complaints policy
    Commentary       <text>

A format reader (HTML, DOCX, PDF) turns its paragraphs into ``BlockItem``s in reading order, with the
formatting hints it has (heading level, bold, a leading bold run, a definition term); this module does
what does not depend on the format, as ``readers.rows`` does for tables:

* a block starts at a provision number: a heading or bold line holding it ("Code provision 6.3",
  "6.3 Stage 1 response"), a bold number opening a paragraph, a "Provision: 6.3" label, or a plain
  paragraph opening with a number when a label follows before the next number;
* labels are recognised with the column-header vocabulary (``columns.label_role``), so a label
  "Do we comply?" and a column headed "Comply" fill the same field. A label written as plain text is
  believed only when the same wording labels two or more blocks (a form repeats its labels; a sentence
  that happens to open with "The response must include:" does not repeat);
* the value of a label is the text after it on its line and the paragraphs under it, up to the next
  label, block or heading; unlabelled text before the first label is the requirement (when no
  "Requirement" label comes);
* section headings and "Stage 1" headings become ``Row.context``;
* a block is a self-assessment row only when it has at least one assessment label (comply, evidence,
  commentary, RAG): numbered paragraphs of Code text are not rows. Text that cannot be placed (a
  labelled block with no number, a numbered block without labels among labelled ones) becomes a
  ``ReaderNote`` of kind ``skipped-text``, never silently nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from codecheck.limits import DEFAULT_LIMITS
from codecheck.model import CELLS_TRUNCATED, SKIPPED_TEXT, Location, ReaderNote, Row
from codecheck.readers.answers import classify_words, glyph_state, normalise_answer
from codecheck.readers.columns import (
    ACTIONS,
    COMMENTARY,
    COMPLY,
    EVIDENCE,
    EXTRA_ROLES,
    OWNER,
    PROVISION,
    PROVISION_ID,
    RAG,
    REQUIREMENT,
    TARGET_DATE,
    label_role,
    names_outright,
)
from codecheck.readers.raw import RawTable
from codecheck.readers.rows import clean_text, is_subheading

# The roles that make a block an answer to a provision (Requirement alone, or an action plan's
# Actions / Owner / Target date alone, do not).
ASSESSMENT_ROLES = frozenset({COMPLY, EVIDENCE, COMMENTARY, RAG})
TEXT_ROLES = (REQUIREMENT, COMPLY, EVIDENCE, COMMENTARY, ACTIONS, TARGET_DATE, OWNER, RAG)

_ID = r"\(?\d{1,2}\.\d{1,2}[a-z]?\)?(?:\s*(?:[/&,+]|and)\s*\d{1,2}\.\d{1,2}[a-z]?)*"
# "Code provision 6.3", "Provision 6.3:", "6.3", "6.3 – Stage 1 response", "Section 6.3", "Ref. 6.3".
_START = re.compile(
    r"^(?P<prefix>(?:(?:code|hos|chc)\s+)?(?:provision|section|paragraph|para|clause|ref(?:erence)?\.?|"
    r"requirement|standard)\s*(?:no\.?|number)?\s*[:.\-\u2013\u2014]?\s*)?"
    r"(?P<id>" + _ID + r")(?![\d.]\d)\.?(?P<sep>\s*[:.)\-\u2013\u2014]\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A plain-text label and its value on one line: "Do we comply? Yes", "Evidence: policy".
_INLINE = re.compile(r"^(?P<label>[^:?]{1,60}?[:?])\s*(?P<value>.*)$", re.DOTALL)
MAX_LABEL_WORDS = 7
MAX_CONTEXT_CHARS = 150


@dataclass
class BlockItem:
    """One paragraph-level piece of a document in reading order, as a format reader sees it.

    ``heading`` is a heading level (1 = most important) where the format says or shows one;
    ``emphasised`` marks a paragraph set wholly in bold (or a table header cell); ``lead`` is a bold
    run opening a paragraph that goes on in plain text ("Do we comply?" in "Do we comply? Yes");
    ``term`` marks a definition-list term. ``table`` carries a table that stands in the flow: a
    two-column table of labels and values is read as labels; any other table's text is kept whole.
    ``small`` marks small print (a PDF's type set smaller than its body text: a site footer printed
    under the form, a footnote): it is kept as loose text and never joins a field. ``value`` marks
    text the format itself says is a value (a definition list's ``<dd>``): never a label.
    """

    text: str
    heading: int | None = None
    emphasised: bool = False
    lead: str | None = None
    term: bool = False
    page: int | None = None
    table: RawTable | None = None
    small: bool = False
    value: bool = False


@dataclass
class BlockResult:
    rows: list[Row]
    notes: list[ReaderNote]
    loose: list[str]  # text outside any block (titles, introductions, headings), for Document.text


@dataclass
class _Item:
    """A classified item: what it starts or labels, and the text it contributes."""

    kind: str  # start | label | heading | text | aside
    text: str
    page: int | None
    level: int | None = None
    pid: str = ""
    role: str | None = None
    value: str = ""
    plain: bool = False  # recognised from plain text only (a start or label needing confirmation)
    key: str = ""  # a plain label's normalised wording, for the repetition test


@dataclass
class _Block:
    pid: str
    page: int | None
    level: int | None
    title: str  # the text after the number on the start line
    context: str | None
    position: int  # rows built before it
    fields: dict[str, list[str]] = field(default_factory=dict)
    pre: list[str] = field(default_factory=list)  # unlabelled text before the first label
    current: str | None = None
    labelled: bool = False


def _words(text: str) -> int:
    return len(text.split())


def _start_of(text: str) -> tuple[str, str] | None:
    """(id, rest) when ``text`` opens with a provision number (possibly after "Code provision")."""
    m = _START.match(text)
    if not m:
        return None
    pid = " ".join(m.group("id").split())
    if not PROVISION_ID.match(pid):
        return None
    rest = m.group("rest").strip()
    if m.group("prefix") is None and not m.group("sep").strip() and rest[:1].isdigit():
        return None  # "6.3 10 working days": a number in running text, not a block start
    return pid, rest


_LIST_MARK = re.compile(r"^(\(?[a-z0-9]{1,3}[.)]|[-\u2013\u2022*])\s")


def _label_of(text: str, plain: bool = False) -> str | None:
    """The role a would-be label names, or None.

    A label is a few words, holds no number and does not open with a list marker or a lower-case
    letter; it is never a word that is itself an answer ("Compliant"). Written as plain text (not a
    heading, not bold, not a definition term) it must also end as a label does (a question mark, or a
    colon after words that are no clause: "Our response:", not "The response must include:") or name
    its role outright ("Evidence", "Commentary"): "Stage 1 response template" is the name of a
    document, not a label, however often it recurs.
    """
    t = text.strip()
    if not t or _words(t) > MAX_LABEL_WORDS or any(ch.isdigit() for ch in t):
        return None
    if t[0].islower() or _LIST_MARK.match(t) or glyph_state(t) is not None:
        return None
    if not t.endswith((":", "?")) and classify_words(t) is not None:
        return None  # "Compliant" under a label is its value; "Comply:" is a label
    role = label_role(t)
    if role is None or not plain:
        return role
    if t.endswith("?") or (t.endswith(":") and not _SENTENCE_VERB.search(t)):
        return role
    if names_outright(role, t) and _words(t) <= 4 and not _COMPOUND.search(t):
        return role
    return None


_COMPOUND = re.compile(r"\w-\w")  # "Comments-Compliments-Complaints-Policy": a name, not a label


# A colon after a clause ("The response must include:") introduces text; a label has no such verb.
_SENTENCE_VERB = re.compile(
    r"\b(must|should|shall|will|would|may|can|could|includes?|including|are|is)\b", re.IGNORECASE
)


def _key(text: str) -> str:
    return " ".join(text.lower().strip(" :?\u2013\u2014-").split())


def _classify(item: BlockItem) -> list[_Item]:
    """What one item is. A "Label: value" line becomes a label carrying its value."""
    text = clean_text(item.text)
    if not text:
        return []
    page = item.page
    if item.small:
        return [_Item("aside", text, page)]
    if item.value:
        return [_Item("text", text, page)]
    marked = item.heading is not None or item.emphasised or item.term
    start = _start_of(text)
    if start is not None and (marked or (item.lead and _start_of(clean_text(item.lead)))):
        return [_Item("start", text, page, item.heading, pid=start[0], value=start[1])]
    if marked:
        role = None if is_subheading(text) else _label_of(text)  # "Section 2", "Stage 1": headings
        if role == PROVISION and _words(text) <= 3:
            return [_Item("label", text, page, item.heading, role=PROVISION, key=_key(text))]
        if role is not None and role != PROVISION:
            return [_Item("label", text, page, item.heading, role=role, key=_key(text))]
        if item.heading is not None or item.term:
            return [_Item("heading", text, page, item.heading)]
        return [_Item("text", text, page)]
    if item.lead:
        lead = clean_text(item.lead)
        role = _label_of(lead)
        rest = text[len(lead) :].strip() if text.startswith(lead) else text
        if role is not None:
            return _labelled(role, lead, rest, page, plain=False)
    if start is not None:
        return [_Item("start", text, page, pid=start[0], value=start[1], plain=True)]
    m = _INLINE.match(text)
    if m:
        role = _label_of(m.group("label"), plain=True)
        if role is not None:
            return _labelled(role, m.group("label"), m.group("value").strip(), page, plain=True)
    role = _label_of(text, plain=True)
    if role == PROVISION and _words(text) <= 3:
        return [_Item("label", text, page, role=PROVISION, plain=True, key=_key(text))]  # the number follows
    if role is not None and role != PROVISION and not text.endswith((".", "!")):
        return _labelled(role, text, "", page, plain=True)
    return [_Item("text", text, page)]


def _labelled(role: str, label: str, value: str, page: int | None, plain: bool) -> list[_Item]:
    if role == PROVISION:
        start = _start_of(value)
        if start is None:
            return [_Item("text", f"{label} {value}".strip(), page)]
        return [_Item("start", f"{label} {value}", page, pid=start[0], value=start[1], plain=plain)]
    return [_Item("label", label, page, role=role, value=value, plain=plain, key=_key(label))]


def _table_items(table: RawTable) -> list[BlockItem] | None:
    """A table of labels and values (one per row: "Requirement | text", "Do we comply? | Yes") as
    items, or None when the table is something else."""
    pairs: list[tuple[str, str]] = []
    for row in table.rows:
        texts = [clean_text(c.text) for c in row.cells if clean_text(c.text)]
        if not texts:
            continue
        if len(texts) > 2:
            return None
        pairs.append((texts[0], texts[1] if len(texts) > 1 else ""))
    if not pairs:
        return None
    labelled = sum(1 for k, _ in pairs if _label_of(k) is not None or _start_of(k) is not None)
    if labelled * 5 < len(pairs) * 3:
        return None
    items: list[BlockItem] = []
    for key, value in pairs:
        if _label_of(key) is None and _start_of(key) is not None and not value:
            items.append(BlockItem(key, emphasised=True, page=table.page))
            continue
        items.append(BlockItem(key, term=True, page=table.page))
        if value:
            items.append(BlockItem(value, page=table.page, value=True))
    return items


def _flatten(items: list[BlockItem]) -> list[BlockItem]:
    out: list[BlockItem] = []
    for item in items:
        if item.table is None:
            out.append(item)
            continue
        pairs = _table_items(item.table)
        if pairs is not None:
            out.extend(pairs)
            continue
        for row in item.table.rows:
            text = " ".join(t for t in (clean_text(c.text) for c in row.cells) if t)
            if text:
                out.append(BlockItem(text, page=row.page or item.table.page))
    return out


def _confirm(items: list[_Item]) -> list[_Item]:
    """Believe starts and labels only where the layout bears them out.

    * A "Code provision" label followed by a number is a block start; without a number it opens a
      block of fields that has none (reported as skipped text when it closes).
    * A label's wording must repeat (label two or more blocks), or the label must stand inside a
      block and name its role outright ("Evidence", "Target date"): a form repeats its labels, while
      a page heading "Complaint handling self-assessment" does not. A document of one block is spared
      the test.
    * A plain paragraph opening with a number starts a block only when a label comes before the next
      number: numbered paragraphs of Code text, or a commentary line opening with "5.1", are text.
    """
    merged: list[_Item] = []
    for it in items:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind == "label" and prev.role == PROVISION and it.kind == "text":
            start = _start_of(it.text)
            if start is not None:
                merged[-1] = _Item("start", f"{prev.text} {it.text}", prev.page, prev.level, pid=start[0],
                                   value=start[1], plain=prev.plain)
                continue
        merged.append(it)
    items = merged
    keys = Counter(it.key for it in items if it.kind == "label")
    several = sum(1 for it in items if it.kind == "start") > 1
    inside: int | None = None  # the level of the open block's start (0 when it has none), if any
    for it in items:
        if it.kind == "start":
            inside = it.level or 0
        elif it.kind == "heading" and (inside is None or it.level is None or it.level <= inside):
            inside = None
        if it.kind != "label" or it.role == PROVISION or not several or keys[it.key] >= 2:
            continue
        if inside is not None and names_outright(it.role, it.text):
            continue  # a label used once ("Target date" only where there is one), inside a block
        if it.plain or it.level is None:
            it.kind, it.text = "text", f"{it.text} {it.value}".strip()
        else:
            it.kind = "heading"
    starts = [i for i, it in enumerate(items) if it.kind == "start"]
    for n, i in enumerate(starts):
        it = items[i]
        if not it.plain:
            continue
        end = starts[n + 1] if n + 1 < len(starts) else len(items)
        if not any(items[k].kind == "label" for k in range(i + 1, end)):
            it.kind = "text"
    return items


class _Builder:
    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars  # a field's text, joined over its paragraphs, is cut here
        self.cut = 0  # blocks with a field cut at max_chars
        self.rows: list[Row] = []
        self.notes: list[ReaderNote] = []
        self.loose: list[str] = []
        self.context: str | None = None
        self.block: _Block | None = None
        self.blocks = 0
        self.labelled_blocks = 0
        self.unlabelled: list[_Block] = []  # numbered blocks without labels, judged at the end

    def feed(self, it: _Item) -> None:
        if it.kind == "start":
            self.close()
            self.block = _Block(it.pid, it.page, it.level, it.value, self.context, len(self.rows))
        elif it.kind == "label" and it.role == PROVISION:
            # "Code provision" with no number: the fields below it are collected, then reported as
            # skipped text (the block cannot be a row without its number)
            self.close()
            self.block = _Block("", it.page, it.level, "", self.context, len(self.rows))
        elif it.kind == "label":
            if self.block is None:
                self.block = _Block("", it.page, None, "", self.context, len(self.rows))
            self.label(it)
        elif it.kind == "heading":
            block = self.block
            inside = block is not None and block.level is not None and it.level is not None
            if inside and it.level > block.level and not is_subheading(it.text):
                self.text(it.text)  # a minor heading within the block's text
                return
            self.close()
            self.loose.append(it.text)
            if len(it.text) <= MAX_CONTEXT_CHARS:
                self.context = it.text
        elif it.kind == "aside":
            self.loose.append(it.text)
        else:
            self.text(it.text)

    def label(self, it: _Item) -> None:
        block = self.block
        assert block is not None and it.role is not None
        if it.plain and block.fields.get(it.role):
            self.text(f"{it.text} {it.value}".strip())  # the field is filled: a sentence using the word
            return
        block.current = it.role
        block.labelled = block.labelled or it.role in ASSESSMENT_ROLES
        block.fields.setdefault(it.role, [])
        if it.value:
            block.fields[it.role].append(it.value)

    def text(self, text: str) -> None:
        block = self.block
        if block is None:
            self.loose.append(text)
        elif block.current is None:
            block.pre.append(text)
        else:
            block.fields[block.current].append(text)

    def close(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        if not block.labelled:
            if block.pid:
                self.unlabelled.append(block)
            self.loose.extend(t for t in (block.title, *block.pre) if t)
            if not block.pid and (block.fields or block.pre):
                self._skipped(block, "fields without a provision number above them")
            return
        if not block.pid:
            self._skipped(block, "labelled fields without a provision number above them")
            return
        self.blocks += 1
        fields = {role: " ".join(parts).strip() for role, parts in block.fields.items()}
        requirement = fields.get(REQUIREMENT)
        if requirement is None:
            requirement = " ".join(t for t in (block.title, *block.pre) if t)
        if any(len(text) > self.max_chars for text in (requirement, *fields.values())):
            self.cut += 1  # bounded as a cell is: a field can gather any number of paragraphs
            fields = {role: text[: self.max_chars] for role, text in fields.items()}
            requirement = requirement[: self.max_chars]
        else:
            self.loose.extend(t for t in (block.title, *block.pre) if t)
        comply = fields[COMPLY] if COMPLY in fields else fields.get(RAG, "")
        commentary = fields.get(COMMENTARY, "")
        evidence = fields.get(EVIDENCE, "")
        reading = normalise_answer(comply, glyph_state(comply), commentary or evidence)
        row = Row(
            provision=block.pid,
            requirement=requirement,
            answer=reading.answer,
            answer_text=reading.text,
            evidence=evidence,
            commentary=commentary,
            location=Location(page=block.page, block=self.blocks),
            confidence=reading.confidence,
            context=block.context,
            answer_source=reading.source,
        )
        for role in EXTRA_ROLES:
            setattr(row, role, fields.get(role, ""))
        self.rows.append(row)

    def _skipped(self, block: _Block, why: str) -> None:
        after = f" after {self.rows[-1].provision}" if self.rows else ""
        where = f" on page {block.page}" if block.page is not None else ""
        self.notes.append(
            ReaderNote(
                SKIPPED_TEXT,
                f"block{after}{where}: {why} skipped",
                Location(page=block.page) if block.page is not None else None,
                position=block.position,
            )
        )

    def finish(self) -> None:
        self.close()
        if not self.rows:
            self.notes.clear()  # no labelled layout here: nothing was skipped from one
            return
        first = self.rows[0].location.block or 0
        for block in self.unlabelled:
            # a numbered block among labelled ones, without labels of its own: a provision whose
            # fields the reader could not find (Code text before or after the form is not reported)
            if 0 < block.position < len(self.rows) and first:
                where = f" on page {block.page}" if block.page is not None else ""
                self.notes.append(
                    ReaderNote(
                        SKIPPED_TEXT,
                        f"block {block.pid}{where}: no labelled fields (comply, evidence, commentary) "
                        "found: not read as a row",
                        Location(page=block.page) if block.page is not None else None,
                        position=block.position,
                    )
                )


def build_blocks(items: list[BlockItem], max_chars: int = DEFAULT_LIMITS.max_cell_chars) -> BlockResult:
    """Rows from a document's paragraphs laid out as labelled blocks, with notes and loose text.

    A field's text, joined over its paragraphs, is kept up to ``max_chars`` characters (the reader's
    ``max_cell_chars``, as for a table cell), with a note when it is cut.
    """
    classified: list[_Item] = []
    for item in _flatten(items):
        classified.extend(_classify(item))
    builder = _Builder(max_chars)
    for it in _confirm(classified):
        builder.feed(it)
    builder.finish()
    notes = list(builder.notes)
    if builder.cut:
        cut = f"{builder.cut} block(s) with a field longer than {max_chars} characters: cut there"
        notes.append(ReaderNote(CELLS_TRUNCATED, cut))
    if builder.rows:
        read = f"{len(builder.rows)} row(s) read from labelled blocks (no self-assessment table)"
        notes.append(ReaderNote("rows", read))
    return BlockResult(builder.rows, notes, builder.loose)
