"""The shared row builder: ``RawTable``s from any reader -> one ``Row`` per provision.

Entry point for readers::

    from codecheck.readers.rows import build_rows
    rows, notes = build_rows(tables)     # tables: list[RawTable] in document order

Everything here is format-independent, so the DOCX and PDF readers agree on it:

* column roles, from the header row or, without one, from the content (``readers.columns``);
  a table with no header that continues a recognised table (same grid, ``continued_from`` set, or
  no heading between them) reuses that table's roles;
* header rows (first and repeated ones) and blank rows are dropped;
* sub-heading rows ("Stage 1", "Mandatory 'must' requirements", a cell spanning the table) become
  ``Row.context`` for the rows below them;
* a row with an empty provision cell but text elsewhere continues the previous row (requirement,
  evidence and commentary joined with a space; ``stitched=True``), including across a page break
  or a table split;
* a vertically merged cell (``RawCell.merged_from_above``) belongs to every provision whose first
  row it reaches (one Evidence cell merged over three provisions is cited for all three), but is
  read once within a provision (its continuation rows, a merged provision-number cell);
* answers normalised by ``readers.answers``;
* tables that are not self-assessments (contents, contacts) yield no rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from codecheck.errors import NoAssessmentError
from codecheck.limits import DEFAULT_LIMITS
from codecheck.model import CELLS_TRUNCATED, SKIPPED_TEXT, Location, ReaderNote, Row
from codecheck.readers.answers import (
    map_private_glyphs,
    normalise_answer,
    rag_from_fill,
    split_answer_columns,
    split_leading_answer,
)
from codecheck.readers.columns import (
    COMMENTARY,
    COMPLY,
    EVIDENCE,
    EXTRA_ROLES,
    PROVISION,
    PROVISION_ID,
    RAG,
    REQUIREMENT,
    ColumnMap,
    answer_header,
    header_role,
    infer_roles,
    looks_like_header,
    roles_from_header,
    split_leading_id,
)
from codecheck.readers.raw import RawRow, RawTable

# Sub-heading rows inside a table. Matched against the whole row text when only one cell has text.
_SUBHEADING = re.compile(
    r"^(stage\s+(\d+|one|two|three|four)\b.{0,40}|further\s+stages?|final\s+stage|section\s+\d+\b.*|"
    r"part\s+[a-z0-9]+\b.{0,60}|(mandatory|best\s+practice)\b.*|[\'‘\"]?(must|should)[\'’\"]?\s+requirements.*|"
    r"(appendix|annex)\b.*)$",
    re.IGNORECASE,
)
HEADER_SEARCH_ROWS = 5  # a table may open with title or instruction rows before its header
MAX_GRID = 64  # widest span honoured; real forms have 3-8 columns, Word allows 63
_SECTION_NUMBER = re.compile(r"^\d{1,2}\.?$")
_FORM_REQUIREMENT = re.compile(r"requirement|\bcode\b|standard", re.IGNORECASE)
_FORM_COMPLY = re.compile(r"compl|yes\s*/\s*no|\bmet\b", re.IGNORECASE)


def is_subheading(text: str) -> bool:
    """A short heading line ("Stage 1", "Section 3 - ...", "Mandatory 'must' requirements").

    A fragment of a requirement broken over rows ("should not exceed ...") starts lower-case or ends
    like a sentence, so it is not taken for a heading.
    """
    t = text.strip()
    if not t or len(t) > 100 or t[0].islower() or t.endswith((".", ",", ";")):
        return False
    return bool(_SUBHEADING.match(t))


def looks_like_title(text: str) -> bool:
    """Short, no closing full stop, and its significant words capitalised ("Complaint Stages",
    "PUTTING THINGS RIGHT"): how a heading looks, unlike a sentence fragment."""
    t = text.strip()
    if not t or len(t) > 80 or t.endswith((".", ",", ";")) or not t[0].isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", t) if len(w) > 3]
    if not words:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.75


def heading_context(text: str | None) -> str | None:
    """The paragraph before a table as context, when it reads as a heading rather than a sentence."""
    t = clean_text(text or "")
    if not t or len(t) > 150 or t.endswith((".", ";", ",")):
        return None
    return t


def clean_text(text: str) -> str:
    """Whitespace-normalise cell text per the label conventions (NBSP, TAB -> space; collapse runs)."""
    return " ".join(map_private_glyphs(text.replace("\u00a0", " ")).split())


_BROKEN_WORD = re.compile(r"[A-Za-z0-9]-$")


def _join(a: str, b: str) -> str:
    """Join the texts of two physical rows with a space, except across a word broken at its own hyphen
    ("www.example-" + "homes.org.uk", "co-" + "operative"), where the hyphen stays and no space is added."""
    if not (a and b):
        return a or b
    if _BROKEN_WORD.search(a) and b[0].islower():
        return a + b
    return f"{a} {b}"


class _Joined:
    """The text of one cell column over the physical rows of a logical row, joined as ``_join`` does.

    A provision may run over thousands of continuation rows: re-joining the whole text for each row
    is quadratic (a 66 KB file ran for minutes). The pieces are kept in a list and joined once; past
    ``cap`` characters (``Limits.max_cell_chars``, as for one cell) further rows are not kept and
    ``cut`` is set for the reader's note.
    """

    __slots__ = ("cap", "cut", "pieces", "size")

    def __init__(self, text: str, cap: int) -> None:
        self.pieces: list[str] = [text] if text else []
        self.size = len(text)
        self.cap = cap
        self.cut = False

    def add(self, text: str) -> None:
        if not text:
            return
        if self.size >= self.cap:
            self.cut = True
            return
        if self.pieces:  # the join rule looks at the end of the text so far: its last piece
            text = _join(self.pieces[-1][-2:], text)[len(self.pieces[-1][-2:]) :]
        self.pieces.append(text)
        self.size += len(text)

    def ends_sentence(self) -> bool:
        """Does the text so far end like a finished sentence (or is there none)?"""
        last = self.pieces[-1].rstrip() if self.pieces else ""
        return not last or last.endswith((".", ":", ";", "?", "!", ")", "'", "’", '"'))

    def text(self) -> str:
        joined = "".join(self.pieces)
        if len(joined) > self.cap:
            self.cut = True
            return joined[: self.cap]
        return joined


@dataclass
class _Cell:
    text: str
    checked: bool | None
    col: int
    span: int
    # The lower part of a vertically merged cell: ``text``/``checked`` stay empty, so headers, roles,
    # sub-headings and continuations read the row as printed; ``carried`` holds the merged cell's
    # text for when the row starts a provision of its own (``_adopt_merged`` then copies it into
    # ``text`` and leaves ``merged`` set, so layout decisions can still tell it apart).
    merged: bool = False
    carried: str = ""
    carried_checked: bool | None = None
    fill: str | None = None  # background colour (a RAG status given by colour alone)


def _grid(row: RawRow, ncols: int) -> list[_Cell]:
    """Place a row's cells on the table grid by their spans (merged positions stay single)."""
    out: list[_Cell] = []
    col = 0
    for cell in row.cells:
        span = min(max(cell.span, 1), MAX_GRID)  # a hostile gridSpan must not allocate millions of slots
        if cell.merged_from_above:
            out.append(_Cell("", None, col, span, True, clean_text(cell.text), cell.checked))
        else:
            out.append(_Cell(clean_text(cell.text), cell.checked, col, span, fill=cell.fill))
        col += span
    return out


def _adopt_merged(grid: list[_Cell]) -> list[_Cell]:
    """The first physical row of a provision, with the vertically merged cells reaching it read as its
    own: a landlord who merges one Evidence (or Comply) cell over several provisions cites it for
    each. Continuation rows never adopt them: within one provision the text is already there."""
    if not any(c.merged and (c.carried or c.carried_checked is not None) for c in grid):
        return grid
    return [replace(c, text=c.carried, checked=c.carried_checked) if c.merged else c for c in grid]


def _printed(cell: _Cell | None) -> str:
    """A cell's own text, without text adopted from a merged cell above (for layout decisions, which
    must not depend on whether a reader could recover a merged cell's text)."""
    return "" if cell is None or cell.merged else cell.text


def _grid_texts(cells: list[_Cell], ncols: int) -> list[str]:
    texts = [""] * max(ncols, sum(c.span for c in cells))
    for c in cells:
        texts[c.col] = c.text
    return texts


def _at(cells: list[_Cell], col: int | None) -> _Cell | None:
    """The cell covering grid column ``col``."""
    if col is None:
        return None
    for c in cells:
        if c.col <= col < c.col + c.span:
            return c
    return None


def _table_ncols(table: RawTable) -> int:
    widest = max((sum(min(max(c.span, 1), MAX_GRID) for c in r.cells) for r in table.rows), default=0)
    return min(max(table.ncols, widest), MAX_GRID * 4)


def _normalise_id(text: str) -> str:
    return " ".join(text.split())


def _note(message: str) -> ReaderNote:
    """A note on how the rows were built (stitched rows, inferred roles …): not text lost."""
    return ReaderNote("rows", message)


class _Builder:
    """State carried across tables: the open row, the last roles, the current context."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars
        self.cut = 0  # logical rows whose joined text passed max_chars
        self.rows: list[Row] = []
        self.notes: list[ReaderNote] = []  # what the builder noticed, in reading order
        self.last_map: ColumnMap | None = None
        self.last_ncols = 0
        self.last_table: int | None = None
        self.context: str | None = None
        self.open: Row | None = None  # the row continuation rows extend
        self.open_parts: dict[str, _Joined] = {}
        self.start: tuple = ([], ColumnMap())  # the open row's first physical row (grid, roles)
        self.fragments: list = []  # the open row's continuation rows: (raw, grid, roles, table)
        self.lifted = 0
        self.stitched = 0
        self.shared = 0  # provisions given the text of a cell merged down from a provision above
        self.answered_tables: dict[int, bool] = {}  # table index -> has an answer (comply) column
        self.inferred_tables = 0
        self.skipped_tables = 0

    # ------------------------------------------------------------------ tables

    def table(self, table: RawTable) -> None:
        ncols = _table_ncols(table)
        grids = [(_grid(r, ncols), r) for r in table.rows]
        cmap, header_rows = self._roles(table, grids, ncols)
        if cmap is not None and PROVISION not in cmap.roles and REQUIREMENT in cmap.roles:
            cmap.ids_in_requirement = _numbered_requirements(grids, cmap, header_rows)
        follows_numbered = (
            self.last_map is not None and ncols == self.last_ncols and not self.last_map.unnumbered
        )
        if (
            cmap is not None
            and not follows_numbered
            and table.continued_from is None
            and _unnumbered_form(grids, cmap, header_rows)
        ):
            cmap.unnumbered = True
            unnumbered = f"table {table.index} prints no provision numbers"
            self.notes.append(_note(f"{unnumbered}: one row per requirement, matched by text"))
        if cmap is None or not cmap.is_assessment:
            self.skipped_tables += 1
            self._close()
            return
        continues = self._continues(table, cmap, ncols)
        if not continues:
            self._close()
            self.context = heading_context(table.heading)
        if not cmap.from_header:
            self.inferred_tables += 1
        header_sig = {tuple(_grid_texts(g, ncols)) for g, r in grids if r.index in header_rows}
        id_col = cmap.get(PROVISION)
        for grid, raw in grids:
            texts = _grid_texts(grid, ncols)
            if id_col is not None and id_col < len(texts) and PROVISION_ID.match(texts[id_col]):
                self._row(table, raw, grid, texts, cmap, ncols)  # a numbered row is never a header
                continue
            if (
                raw.index in header_rows
                or tuple(texts) in header_sig
                or (raw.is_header and looks_like_header(texts))
            ):
                continue
            if raw.is_header and not any(texts):
                continue
            if _repeats_header(texts, cmap):
                continue
            self._row(table, raw, grid, texts, cmap, ncols)
        self.last_map, self.last_ncols, self.last_table = cmap, ncols, table.index
        self.answered_tables[table.index] = COMPLY in cmap.roles or len(cmap.answers) >= 2

    def _roles(self, table: RawTable, grids, ncols: int) -> tuple[ColumnMap | None, set[int]]:
        """Roles from the first header-like row among the first few, else inherited or inferred."""
        for grid, raw in grids[:HEADER_SEARCH_ROWS]:
            texts = _grid_texts(grid, ncols)
            cmap = roles_from_header(texts)
            if cmap is not None and looks_like_header(texts):
                headers = {raw.index}
                # a two-row header ("Comply" over "Yes | No"): take answer columns from the next row
                nxt = [r for g, r in grids if r.index == raw.index + 1]
                if nxt and not cmap.answers:
                    sub = roles_from_header(_grid_texts(_grid(nxt[0], ncols), ncols))
                    if sub is None:
                        subs = {
                            answer_header(t): i
                            for i, t in enumerate(_grid_texts(_grid(nxt[0], ncols), ncols))
                        }
                        subs.pop(None, None)
                        if len(subs) >= 2:
                            cmap.answers.update(subs)  # type: ignore[arg-type]
                            cmap.roles.pop(COMPLY, None)
                            headers.add(nxt[0].index)
                # a header wrapped onto a second row ("Comply:" over "Yes/No", "Evidence" over "(links)")
                if nxt and nxt[0].index not in headers and _header_tail(_grid(nxt[0], ncols)):
                    headers.add(nxt[0].index)
                return cmap, headers
        if self.last_map is not None and ncols == self.last_ncols:
            inherited = replace(
                self.last_map, roles=dict(self.last_map.roles), answers=dict(self.last_map.answers)
            )
            # the same form continued (a page or table split), or the next section's table printed
            # without repeating the header: its id column must still hold ids
            if (table.continued_from is not None or not table.heading or table.nested) or _ids_where_expected(
                grids, inherited
            ):
                return inherited, set()
        body = [[(c.text, c.checked) for c in _expand(g, ncols)] for g, _ in grids]
        return infer_roles(body, ncols), set()

    def _continues(self, table: RawTable, cmap: ColumnMap, ncols: int) -> bool:
        """Does this table carry on the previous assessment table (a page or table split)?"""
        if self.open is None or self.last_table is None:
            return False
        if table.continued_from is not None:
            return True
        return (
            ncols == self.last_ncols and not table.heading and cmap.signature() == self.last_map.signature()
        )

    # ------------------------------------------------------------------ rows

    def _row(
        self, table: RawTable, raw: RawRow, grid: list[_Cell], texts: list[str], cmap: ColumnMap, ncols: int
    ) -> None:
        filled = [c for c in grid if c.text or c.checked is not None]
        if not filled:
            return
        pcell = _at(grid, cmap.get(PROVISION))
        pid = _normalise_id(pcell.text) if pcell else ""
        if cmap.ids_in_requirement:
            rcell = _at(grid, cmap.get(REQUIREMENT))
            split = split_leading_id(rcell.text) if rcell else None
            if split and rcell is not None:
                pid, rcell.text = split
        # One text cell spanning most of the table, or a lone short heading-like text: a sub-heading.
        if len(filled) == 1 and filled[0].checked is None:
            only = filled[0]
            spans_table = only.span >= max(2, ncols - 1)
            if (
                spans_table
                or is_subheading(only.text)
                or self._title_between_rows(only)
                or (
                    only is pcell
                    and not PROVISION_ID.match(pid)
                    and not _SECTION_NUMBER.match(pid)
                    and len(only.text) <= 120
                )
            ) and not PROVISION_ID.match(only.text):
                self._close()
                self.context = only.text
                return
        if _SECTION_NUMBER.match(pid) and pcell is not None:
            # "3 | Complaint handling staff" with nothing answered: a section heading row
            others = [c for c in filled if c is not pcell]
            if len(others) <= 1 and all(c.checked is None and len(c.text) <= 150 for c in others):
                self._close()
                self.context = " ".join([pid] + [c.text for c in others])
                return
        if pid and pcell is not None and pcell.span >= max(2, ncols - 1):
            self._close()
            self.context = pid
            return
        if not pid and cmap.unnumbered:
            rcell = _at(grid, cmap.get(REQUIREMENT))
            if rcell is not None and rcell.text:
                self._close()
                self._start(table, raw, grid, cmap, "")
                return
        if not pid:
            if self.open is not None:
                self._extend(raw, grid, cmap, table)
                return
            # text with no id and nothing to continue: a heading or note row inside the table
            if len(filled) == 1 and len(filled[0].text) <= 120:
                self.context = filled[0].text
            else:
                self.notes.append(
                    ReaderNote(
                        SKIPPED_TEXT,
                        f"table {table.index} row {raw.index}: text without a provision number skipped",
                        Location(raw.page if raw.page is not None else table.page, table.index, raw.index),
                        position=len(self.rows),
                    )
                )
            return
        lifted = self._lift_tail(grid, cmap)
        self._close()
        if not lifted:
            self._start(table, raw, grid, cmap, pid)
            return
        first_raw, first_grid, first_cmap, first_table = lifted[0]
        self._start(first_table, first_raw, first_grid, first_cmap, pid)
        for raw_l, grid_l, cmap_l, table_l in [*lifted[1:], (raw, grid, cmap, table)]:
            self._extend(raw_l, grid_l, cmap_l, table_l)
        self.lifted += 1

    def _title_between_rows(self, cell: _Cell) -> bool:
        """A Title Case line alone after a finished requirement ("Complaint Stages") is a heading; a
        fragment of a requirement broken over rows is not (lower-case start, or the text before it
        stops mid-sentence)."""
        if self.open is None or not looks_like_title(cell.text):
            return False
        before = self.open_parts.get(REQUIREMENT)
        return before is None or before.ends_sentence()

    def _parts(self, grid: list[_Cell], cmap: ColumnMap) -> dict[str, str]:
        parts = {}
        merged = _merged_comply(grid, cmap)
        for role in (REQUIREMENT, EVIDENCE, COMMENTARY, *EXTRA_ROLES):
            if role not in cmap.roles and role not in (REQUIREMENT, EVIDENCE, COMMENTARY):
                continue
            cell = _at(grid, cmap.get(role))
            if merged is not None and cell is merged[0]:
                # a Comply cell merged with this one: the words after the answer are this column's
                parts[role] = merged[2] if role == merged[3] else ""
                continue
            text = cell.text if cell else ""
            if role == RAG and cell is not None and not text:
                text = rag_from_fill(cell.fill) or ""
            parts[role] = text
        return parts

    def _start(self, table: RawTable, raw: RawRow, grid: list[_Cell], cmap: ColumnMap, pid: str) -> None:
        confidence = 1.0 if PROVISION_ID.match(pid) else (0.5 if not pid else 0.6)
        if not cmap.from_header:
            confidence = min(confidence, 0.85)
        self.open = Row(
            provision=pid,
            requirement="",
            answer="blank",
            answer_text="",
            evidence="",
            commentary="",
            location=Location(
                page=raw.page if raw.page is not None else table.page,
                table=table.index,
                row=raw.index,
                bbox=raw.bbox,
                anchor=raw.anchor,
            ),
            confidence=confidence,
            context=self.context,
        )
        adopted = _adopt_merged(grid)
        if adopted is not grid:
            self.shared += 1
            grid = adopted
        self.open_parts, self.answer_cells = self._joined(grid, cmap)
        self.start = (grid, cmap)
        self.fragments = []

    def _answer_cells(self, grid: list[_Cell], cmap: ColumnMap) -> dict:
        if cmap.answers:
            out = {}
            for ans, col in cmap.answers.items():
                cell = _at(grid, col)
                out[ans] = (cell.text if cell else "", cell.checked if cell else None)
            return {"split": out}
        cell = _at(grid, cmap.get(COMPLY))
        merged = _merged_comply(grid, cmap)
        if merged is not None:
            return {"single": (merged[1], cell.checked if cell else None)}
        if cell is not None and not cell.text and cell.checked is None and rag_from_fill(cell.fill):
            return {"single": ("", None), "colour": rag_from_fill(cell.fill)}
        return {"single": (cell.text if cell else "", cell.checked if cell else None)}

    def _joined(self, grid: list[_Cell], cmap: ColumnMap) -> tuple[dict[str, _Joined], dict]:
        """A logical row's texts and answer cells, started from its first physical row."""
        parts = {role: _Joined(text, self.max_chars) for role, text in self._parts(grid, cmap).items()}
        answers: dict = {}
        for kind, cells in self._answer_cells(grid, cmap).items():
            if kind == "single":
                answers["single"] = [_Joined(cells[0], self.max_chars), cells[1]]
            elif kind == "colour":  # an answer given by the cell's colour alone (see _answer_cells)
                answers["colour"] = cells
            else:
                answers["split"] = {a: [_Joined(t, self.max_chars), c] for a, (t, c) in cells.items()}
        return parts, answers

    def _merge(self, parts: dict[str, _Joined], answers: dict, grid: list[_Cell], cmap: ColumnMap) -> None:
        """Append one physical row's texts and answer cells to a logical row's."""
        for role, text in self._parts(grid, cmap).items():
            parts.setdefault(role, _Joined("", self.max_chars)).add(text)
        more = self._answer_cells(grid, cmap)
        if "single" in more:
            new_text, new_checked = more["single"]
            old = answers.setdefault("single", [_Joined("", self.max_chars), None])
            old[0].add(new_text)
            if old[1] is None:
                old[1] = new_checked
            if "colour" in more:
                answers.setdefault("colour", more["colour"])
        else:
            split: dict = answers.setdefault("split", {})
            for ans, (t, c) in more["split"].items():
                old = split.setdefault(ans, [_Joined("", self.max_chars), None])
                old[0].add(t)
                if old[1] is None:
                    old[1] = c

    def _extend(self, raw: RawRow, grid: list[_Cell], cmap: ColumnMap, table: RawTable) -> None:
        self._merge(self.open_parts, self.answer_cells, grid, cmap)
        self.fragments.append((raw, grid, cmap, table))
        assert self.open is not None
        self.open.stitched = True
        if raw.page_break_before or table.index != self.open.location.table:
            self.open.confidence = min(self.open.confidence, 0.9)

    def _lift_tail(self, grid: list[_Cell], cmap: ColumnMap) -> list:
        """Continuation rows that belong to the next provision, not the open one.

        A form converted from PDF may print a provision's number on the middle line of its text (the
        number cell vertically centred): the lines above it then arrive as "continuations" of the
        previous provision. The tell: the numbered row's requirement starts mid-sentence (lower case)
        while an earlier continuation starts a new sentence after the open row's text ended one.
        Those trailing rows are taken back from the open row and returned for the new one.
        """
        rcell = _at(grid, cmap.get(REQUIREMENT))
        if self.open is None or not self.fragments or rcell is None or not rcell.text[:1].islower():
            return []
        start_grid, start_cmap = self.start
        texts = [_printed(_at(start_grid, start_cmap.get(REQUIREMENT)))]
        texts += [_printed(_at(g, c.get(REQUIREMENT))) for _, g, c, _ in self.fragments]
        cut = None
        before = ""  # the last non-blank text above row k: the end of all the text above it
        for k in range(1, len(texts)):
            if texts[k - 1].strip():
                before = texts[k - 1].rstrip()
            if texts[k][:1].isupper() and before.endswith((".", ":", ";", "?", "!")):
                cut = k
        if cut is None:
            return []
        lifted = self.fragments[cut - 1 :]
        self.fragments = self.fragments[: cut - 1]
        parts, answers = self._joined(start_grid, start_cmap)
        for _, g, c, _ in self.fragments:
            self._merge(parts, answers, g, c)
        self.open_parts, self.answer_cells = parts, answers
        self.open.stitched = bool(self.fragments)
        return lifted

    def _close(self) -> None:
        row = self.open
        if row is None:
            return
        self.open = None
        parts = self.open_parts
        row.requirement = parts[REQUIREMENT].text() if REQUIREMENT in parts else ""
        row.evidence = parts[EVIDENCE].text() if EVIDENCE in parts else ""
        row.commentary = parts[COMMENTARY].text() if COMMENTARY in parts else ""
        for role in EXTRA_ROLES:
            setattr(row, role, parts[role].text() if role in parts else "")
        if "split" in self.answer_cells:
            columns = self.answer_cells["split"].items()
            reading = split_answer_columns({a: (joined.text(), checked) for a, (joined, checked) in columns})
        else:
            joined, checked = self.answer_cells.get("single", (_Joined("", self.max_chars), None))
            text = joined.text()
            colour = self.answer_cells.get("colour")
            if not text and checked is None and colour:
                # an answer cell coloured red, amber or green with no words in it
                reading = normalise_answer(colour)
                reading = replace(reading, text=f"{colour} (cell colour)", source="colour")
                row.rag = row.rag or colour
            else:
                reading = normalise_answer(text, checked, row.commentary or row.evidence)
        texts = [*parts.values(), *(j for j, _ in self.answer_cells.get("split", {}).values())]
        if "single" in self.answer_cells:
            texts.append(self.answer_cells["single"][0])
        self.cut += any(t.cut for t in texts)
        row.answer, row.answer_text, row.answer_source = reading.answer, reading.text, reading.source
        row.confidence = min(row.confidence, reading.confidence)
        if not row.requirement and not row.evidence and not row.commentary and row.answer == "blank":
            row.confidence = min(row.confidence, 0.7)
        if row.stitched:
            self.stitched += 1
        self.rows.append(row)

    def finish(self) -> tuple[list[Row], list[ReaderNote]]:
        self._close()
        notes = list(self.notes)
        if any(self.answered_tables.values()):
            # The form has a Comply column; a numbered table without one (an action plan keyed by
            # provision, "Ref | Action | Owner | Due") restates provisions rather than assessing them.
            unanswered = {t for t, answered in self.answered_tables.items() if not answered}
            kept = [r for r in self.rows if r.location.table not in unanswered]
            if len(kept) != len(self.rows):
                dropped = sorted({r.location.table for r in self.rows if r.location.table in unanswered})
                notes.append(
                    _note(
                        f"table(s) {', '.join(map(str, dropped))} have no Comply column, unlike the form: "
                        "not read as assessment rows"
                    )
                )
                self.rows = kept
        if self.stitched:
            notes.append(
                _note(
                    f"{self.stitched} row{'s' if self.stitched != 1 else ''} stitched from continuation rows"
                )
            )
        if self.shared:
            notes.append(
                _note(
                    f"{self.shared} row{'s' if self.shared != 1 else ''} share a cell merged down from the "
                    "provision above: its text is read for each provision it spans"
                )
            )
        if self.cut:
            notes.append(
                ReaderNote(
                    CELLS_TRUNCATED,  # text past the cap reaches no row
                    f"{self.cut} row{'s' if self.cut != 1 else ''} joined from continuation rows longer "
                    f"than {self.max_chars} characters in a cell: cut there",
                )
            )
        if self.lifted:
            notes.append(
                _note(
                    f"{self.lifted} provision number(s) printed below the first line of their text: "
                    "the lines above were joined to them"
                )
            )
        if self.inferred_tables:
            notes.append(
                _note(
                    f"column roles inferred from content in {self.inferred_tables} table(s) without a header"
                )
            )
        return self.rows, notes


_HEADER_TAIL = re.compile(
    r"^[(\[]?\s*(yes\s*/\s*no(\s*/\s*(partial|n/?a))?|y\s*/\s*n|[a-z /&,]{1,30})\s*[)\]:]?$", re.I
)


def _header_tail(grid: list[_Cell]) -> bool:
    """A second header row: short words only (no ids, no sentences, no answers of its own)."""
    texts = [c.text for c in grid if c.text]
    if not texts or any(c.checked is not None for c in grid):
        return False
    return all(
        len(t) <= 40
        and not PROVISION_ID.match(t)
        and not t.endswith(".")
        and _HEADER_TAIL.match(t)
        and (header_role(t) is not None or "/" in t or t.startswith(("(", "[")))
        for t in texts
    )


def _unnumbered_form(grids, cmap: ColumnMap, header_rows: set[int]) -> bool:
    """A form whose header names the requirement and the answer but that prints no provision numbers
    (no id column, or an id column left empty in every row): each requirement row is then one row."""
    if not cmap.from_header or REQUIREMENT not in cmap.roles or cmap.ids_in_requirement:
        return False
    if COMPLY not in cmap.roles and len(cmap.answers) < 2:
        return False
    body = [g for g, r in grids if r.index not in header_rows]
    if PROVISION in cmap.roles:
        col = cmap.get(PROVISION)
        return bool(body) and not any(c.text for g in body for c in g if c.col == col)
    # no id column: only a header that plainly names the Code's requirement and the compliance answer
    # (an action plan's "Description | Status" must not become assessment rows)
    header = [g for g, r in grids if r.index in header_rows]
    if not header:
        return False
    req = _at(header[0], cmap.get(REQUIREMENT))
    comply = _at(header[0], cmap.get(COMPLY)) if COMPLY in cmap.roles else None
    return bool(
        req is not None
        and _FORM_REQUIREMENT.search(req.text)
        and (comply is None or _FORM_COMPLY.search(comply.text))
    )


def _ids_where_expected(grids, cmap: ColumnMap) -> bool:
    """Do most non-empty cells of the map's id column (or requirement, for inline ids) hold ids?"""
    col = cmap.get(PROVISION) if PROVISION in cmap.roles else cmap.get(REQUIREMENT)
    texts = [c.text for g, _ in grids for c in g if c.col == col and c.text]
    if PROVISION in cmap.roles:
        hits = sum(1 for t in texts if PROVISION_ID.match(t))
    else:
        hits = sum(1 for t in texts if split_leading_id(t))
    return bool(texts) and hits * 2 >= len(texts)


def _numbered_requirements(grids, cmap: ColumnMap, header_rows: set[int]) -> bool:
    """No id column: do most requirement cells start with a provision number ("1.2 A complaint ...")?"""
    col = cmap.get(REQUIREMENT)
    texts = [c.text for g, r in grids if r.index not in header_rows for c in g if c.col == col and c.text]
    numbered = sum(1 for t in texts if split_leading_id(t))
    return bool(texts) and numbered >= max(1, len(texts) // 2)


def _repeats_header(texts: list[str], cmap: ColumnMap) -> bool:
    """A header row repeated inside the table (a page-break repeat not marked as one, a copied header):
    it names the same roles in the same columns as the table's own header."""
    if not looks_like_header(texts):
        return False
    again = roles_from_header(texts)
    return again is not None and again.signature() == cmap.signature()


def _merged_comply(grid: list[_Cell], cmap: ColumnMap) -> tuple[_Cell, str, str, str] | None:
    """A Comply cell merged across the next column(s) (one cell printing "Yes" then the evidence).

    Returns (the cell, the answer, the rest, the role of the first column it covers after Comply),
    or None when the Comply cell is a cell of its own or does not start with an answer.
    """
    col = cmap.get(COMPLY)
    cell = _at(grid, col)
    if cell is None or cell.span < 2 or cell.col != col or cell.merged or not cell.text:
        return None
    text_roles = (EVIDENCE, COMMENTARY, *(r for r in EXTRA_ROLES if r != RAG))
    end = cell.col + cell.span
    covered = sorted((c, role) for role, c in cmap.roles.items() if role in text_roles and cell.col < c < end)
    if not covered:
        return None
    split = split_leading_answer(cell.text)
    if split is None:
        return None
    return cell, split[0], split[1], covered[0][1]


def _expand(grid: list[_Cell], ncols: int) -> list[_Cell]:
    """One entry per grid column (spanned positions get an empty placeholder)."""
    out = [_Cell("", None, i, 1) for i in range(max(ncols, sum(c.span for c in grid)))]
    for c in grid:
        out[c.col] = c
    return out


def build_rows(
    tables: list[RawTable], max_chars: int = DEFAULT_LIMITS.max_cell_chars
) -> tuple[list[Row], list[ReaderNote]]:
    """Turn a document's raw tables (in document order) into provision rows and reader notes.

    Tables that are not self-assessments contribute no rows. Rows come back in document order with
    ``location`` (page, table, row of the first physical row), ``context``, ``stitched`` and
    ``confidence`` set. ``notes`` go to ``Document.notes``: how the rows were built (kind "rows"), and
    text that reached no row (kind "skipped-text", placed among the rows; kind "cells-truncated" for
    a row whose text joined over its physical rows passed ``max_chars`` characters in a column, the
    reader's ``max_cell_chars``, and was cut there).
    """
    builder = _Builder(max_chars)
    for table in tables:
        builder.table(table)
    return builder.finish()


def no_assessment(path: object, found: int, unit: str = "table", blocks: bool = True) -> NoAssessmentError:
    """The error for a document with no self-assessment: ``found`` tables (or sheets) none of which
    holds provision rows, and, where the format can have them (``blocks``), no labelled blocks."""
    what = f"no {unit}s" if not found else f"{found} {unit}(s), none of them"
    tail = ", and no provisions laid out as labelled blocks" if blocks else ""
    return NoAssessmentError(
        f"no self-assessment table found ({what} with provision numbers and a requirement or "
        f"comply column{tail})",
        path,
    )


def assessment_tables(rows: list[Row]) -> set[int]:
    """Indices of the tables that produced rows (the rest are other content: contents, contacts)."""
    return {r.location.table for r in rows if r.location.table is not None}
