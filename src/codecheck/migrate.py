"""Carry a filled self-assessment over to another Code version (`codecheck migrate`).

The old form is read and aligned with its own Code version like any audit; each row of the target
version's official form then takes the answers, evidence and commentary of the old provision(s) that
the cross-version map says it came from. Everything carried is marked for review in a note (the new
wording may ask for more); provisions new in the target are left blank and flagged; and whatever the
landlord wrote that has no place in the new form (a removed provision, a row codecheck could not match)
goes to an appendix, so nothing is lost. The input file is only read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from codecheck.errors import ConfigError
from codecheck.model import AlignedDocument, AlignedRow, Answer, CodeVersion, FormRow
from codecheck.writer.build import form_title, group_tables, instructions, requirement_text
from codecheck.writer.layout import layout_for
from codecheck.writer.spec import AppendixEntry, FormEntry, FormSpec

if TYPE_CHECKING:
    from codecheck.codes import VersionMap
    from codecheck.diff import CodeDiff

# Least compliant first: when several old rows feed one new row and disagree, the carried answer is the
# least compliant of them, so a merge can never turn a "No" into a "Yes".
_ANSWER_ORDER: tuple[Answer, ...] = ("no", "partial", "yes", "na", "blank")
# Below this version-detection confidence the command warns: carrying answers over from the wrong
# version would put them against the wrong provisions.
LOW_DETECTION = 0.5
_ANSWER_WORDS = {"yes": "Yes", "no": "No", "partial": "Partial", "na": "N/A", "blank": ""}
# A line of commentary that says what the evidence is ("Evidence: Complaints Policy, section 4"), at
# the start of a line (optionally bulleted) or after a sentence: in a form with an Evidence column, the
# rest of that line belongs there.
_EVIDENCE_AT_START = re.compile(r"^\s*(?:[-•*]\s*)?evidence\s*(?::|[-–—]\s)\s*", re.IGNORECASE)
_EVIDENCE_INLINE = re.compile(r"(?<=[.!?;])\s+evidence\s*:\s*", re.IGNORECASE)
# The label an earlier carry-over (or this module, before) put before a line ("2022 1.3: …"): the
# provision a text came from belongs in the review comment, not in the landlord's cell.
_CARRY_LABEL = re.compile(r"^(?:2022|2024|joint) \d{1,2}\.\d{1,2}[a-z]?: ", re.IGNORECASE | re.MULTILINE)


@dataclass
class MigrationReport:
    """What happened, for the command's summary line and for tests."""

    source: str
    target: str
    carried: list[str] = field(default_factory=list)  # target printed ids that received old content
    new: list[str] = field(default_factory=list)  # target printed ids left blank (no old counterpart)
    unanswered: list[str] = field(default_factory=list)  # left blank: the old form had nothing for them
    conflicts: list[str] = field(default_factory=list)  # target ids whose old answers disagreed
    appendix: list[str] = field(default_factory=list)  # old ids / rows kept in the appendix
    detection: str = ""  # how the source version was decided, for the summary
    uncertain: bool = False  # the source version was detected with low confidence

    def summary(self) -> str:
        return (f"{len(self.carried)} rows carried over for review, "
                f"{len(self.new)} new provisions left blank, "
                f"{len(self.unanswered)} left blank as the old form had no answer, "
                f"{len(self.conflicts)} with conflicting old answers, "
                f"{len(self.appendix)} kept in the appendix")


def answer_text(row: AlignedRow) -> str:
    """The answer to write in the new Comply cell: the printed words, or the plain word for a tick/box."""
    printed = " ".join(row.row.answer_text.split())
    if row.row.answer == "blank":
        return ""
    if not printed or row.row.answer_source in ("tick", "checkbox") or printed.lower() == "tick":
        return _ANSWER_WORDS[row.row.answer]
    return printed


def _label(version: CodeVersion, pid: str) -> str:
    return f"{version.id} {pid}"


def _content(row: AlignedRow) -> bool:
    r = row.row
    return bool(r.answer != "blank" or r.evidence.strip() or r.commentary.strip())


def migrate_aligned(aligned: AlignedDocument, target: CodeVersion, landlord: str | None = None,
                    source_name: str | None = None) -> tuple[FormSpec, MigrationReport]:
    """Build the target-version form from an aligned old self-assessment."""
    from codecheck.codes import get_map
    from codecheck.diff import diff_versions

    source = aligned.code
    if source.id == target.id:
        raise ConfigError(f"the document already follows the {target.short_title}; nothing to migrate",
                          aligned.document.path)
    vmap = get_map(source.id, target.id)
    checked = diff_versions(source, target)
    report = MigrationReport(source.id, target.id)
    det = aligned.detection
    report.detection = "set with --from" if det.forced else f"detected, confidence {det.confidence:.2f}"
    report.uncertain = not det.forced and det.confidence < LOW_DETECTION

    rows_for: dict[str, list[AlignedRow]] = {}
    for arow in aligned.rows:
        for pid in arow.provisions:
            rows_for.setdefault(pid, []).append(arow)

    used: set[int] = set()
    carried_into: dict[int, str] = {}  # old row -> the new row its text went to (once: a split)
    separate_evidence = layout_for(target).index("evidence") is not None
    entries: list[tuple[FormRow, FormEntry]] = []
    for form_row in target.form:
        entry = FormEntry(form_row.id, requirement_text(target, form_row))
        old_ids: list[str] = []
        for pid in form_row.covers:
            for map_entry in vmap.entries_for(pid, "to"):
                old_ids.extend(i for i in map_entry.from_ids if i not in old_ids)
        sources = _source_rows(old_ids, rows_for)
        fresh = [(pid, r) for pid, r in sources if id(r) not in carried_into]
        split = [(pid, r) for pid, r in sources if id(r) in carried_into]
        if not sources:
            _mark_new(entry, source, target, old_ids)
            (report.unanswered if old_ids else report.new).append(form_row.id)
        elif not fresh:
            _mark_split(entry, source, split, carried_into)
            report.unanswered.append(form_row.id)
        else:
            used.update(id(r) for _, r in fresh)
            carried_into.update((id(r), form_row.id) for _, r in fresh)
            if _carry(entry, fresh, source):
                report.conflicts.append(form_row.id)
            if split:
                entry.notes.append(_split_note(source, split, carried_into))
            if separate_evidence:
                _move_evidence(entry)
            entry.notes.extend(_change_notes(checked, form_row, old_ids))
            report.carried.append(form_row.id)
        entries.append((form_row, entry))

    appendix = _appendix(aligned, target, vmap, used, report)
    layout = layout_for(target)
    spec = FormSpec(
        title=form_title(target, landlord),
        layout=layout,
        intro=_intro(source, target, source_name) + instructions(target, layout),
        tables=group_tables(target, entries, layout),
        appendix_title=f"Appendix: what you wrote that has no place in the {target.short_title} form",
        appendix_intro=[
            f"These entries of your {source.short_title} self-assessment have no counterpart on the "
            f"{target.short_title} form (a provision was removed, or a row could not be matched). They are "
            "kept here so that nothing you wrote is lost; move anything still relevant into the form above."
        ] if appendix else [],
        appendix=appendix,
        subject=f"Complaint Handling Code {target.id} self-assessment form, carried over from {source.id} "
                f"by codecheck",
    )
    return spec, report


def _source_rows(old_ids: list[str], rows_for: dict[str, list[AlignedRow]]) -> list[tuple[str, AlignedRow]]:
    """The old rows answering ``old_ids``, each once (a combined "1.2/ 1.4" row answers two ids)."""
    out: list[tuple[str, AlignedRow]] = []
    seen: set[int] = set()
    for pid in old_ids:
        for arow in rows_for.get(pid, []):
            if id(arow) not in seen and _content(arow):
                seen.add(id(arow))
                out.append((pid, arow))
    return out


def _mark_new(entry: FormEntry, source: CodeVersion, target: CodeVersion, old_ids: list[str]) -> None:
    entry.flagged = True
    if old_ids:
        names = ", ".join(old_ids)
        entry.notes.append(f"For review: this corresponds to {source.id} provision {names}, but your "
                           f"{source.short_title} form had no answer for it; answer this provision.")
    else:
        entry.notes.append(f"For review: new in the {target.short_title}, with no {source.id} counterpart; "
                           "answer this provision.")


def _split_note(
    source: CodeVersion, split: list[tuple[str, AlignedRow]], carried_into: dict[int, str]
) -> str:
    ids = sorted({pid for pid, _ in split})
    rows = sorted({carried_into[id(r)] for _, r in split})
    return (
        f"For review: {source.id} provision {', '.join(ids)} was split; what it said was carried into "
        f"{', '.join(rows)} only (not repeated here): say what applies to this provision."
    )


def _mark_split(
    entry: FormEntry, source: CodeVersion, split: list[tuple[str, AlignedRow]], carried_into: dict[int, str]
) -> None:
    """A new row made from an old provision already carried into an earlier row: left blank (copying
    the text twice would say everything twice, and any finding on it twice), with a note saying why."""
    entry.flagged = True
    entry.notes.append(_split_note(source, split, carried_into) + " Answer this provision.")


def _move_evidence(entry: FormEntry) -> None:
    """Lines of the commentary that say "Evidence: …" go to the Evidence column (a form whose old
    layout had one combined column), with a note saying so."""
    kept: list[str] = []
    moved: list[str] = []
    for line in entry.commentary.split("\n"):
        at_start = _EVIDENCE_AT_START.match(line)
        inline = None if at_start else _EVIDENCE_INLINE.search(line)
        if at_start and line[at_start.end():].strip():
            moved.append(line[at_start.end():].strip())
        elif inline and line[inline.end():].strip():
            kept.append(line[: inline.start()].rstrip())
            moved.append(line[inline.end():].strip())
        else:
            kept.append(line)
    if not moved:
        return
    entry.evidence = "\n".join(t for t in (entry.evidence, *moved) if t.strip())
    entry.commentary = "\n".join(t for t in kept if t.strip())
    entry.notes.append(
        'For review: text marked "Evidence:" in the commentary was moved to the Evidence column.'
    )


def _carry(entry: FormEntry, sources: list[tuple[str, AlignedRow]], source: CodeVersion) -> bool:
    """Copy the old rows' answer, evidence and commentary into ``entry``; True when their answers disagree."""
    labels = [_label(source, pid) for pid, _ in sources]
    answers = [r.row.answer for _, r in sources]
    distinct = {a for a in answers if a != "blank"}
    if len(sources) == 1:
        arow = sources[0][1]
        entry.answer = answer_text(arow)
        entry.evidence = _unlabelled(arow.row.evidence)
        entry.commentary = _unlabelled(arow.row.commentary)
    else:
        worst = min(answers, key=_ANSWER_ORDER.index)
        same = [r for _, r in sources if r.row.answer == worst]
        entry.answer = answer_text(same[0]) if len(distinct) <= 1 else _ANSWER_WORDS[worst]
        entry.evidence = _joined(r.row.evidence for _, r in sources)
        entry.commentary = _joined(r.row.commentary for _, r in sources)
        entry.notes.append(
            f"For review: what {' and '.join(labels)} said is joined here, in that order."
        )
    ids = [pid for pid, _ in sources]
    names = ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
    plural = "provisions" if len(ids) > 1 else "provision"
    entry.notes.append(f"For review: carried over from {source.id} {plural} {names} — check it against the "
                       "new wording.")
    conflict = len(distinct) > 1
    if conflict:
        entry.flagged = True
        said = "; ".join(f"{label}: {_ANSWER_WORDS[r.row.answer] or 'blank'}"
                         for label, (_, r) in zip(labels, sources, strict=True))
        entry.notes.append(f"For review: the old answers differed ({said}); "
                           "the least compliant was carried over.")
    return conflict


def _unlabelled(text: str) -> str:
    """``text`` without the "2022 1.3: " labels an earlier carry-over put before its lines."""
    return _CARRY_LABEL.sub("", text.strip())


def _joined(parts: Iterable[str]) -> str:
    """Texts from several old rows, each on its own line (which row said what is in the review note)."""
    return "\n".join(_unlabelled(text) for text in parts if text.strip())


def _change_notes(checked: CodeDiff, form_row: FormRow, old_ids: list[str]) -> list[str]:
    """What the Code changed for this row (obligation, timescales), so the reviewer knows what to check."""
    notes: list[str] = []
    for change in checked.changes:
        if not set(change.to_ids) & set(form_row.covers) or not set(change.from_ids) & set(old_ids):
            continue
        if change.obligation:
            note = (f"For review: this was a '{change.obligation[0]}' requirement and is now "
                    f"'{change.obligation[1]}'.")
            if note not in notes:
                notes.append(note)
        for t in change.timescales:
            note = f"For review: timescale changed: {t.describe()}."
            if note not in notes:
                notes.append(note)
    return notes


def _appendix(aligned: AlignedDocument, target: CodeVersion, vmap: VersionMap, used: set[int],
              report: MigrationReport) -> list[AppendixEntry]:
    """Every old row with content that no new row took, with the reason it has no place."""
    source = aligned.code
    out = []
    for arow in aligned.rows:
        if id(arow) in used or not _content(arow):
            continue
        r = arow.row
        text = "\n".join(t.strip() for t in (r.evidence, r.commentary) if t.strip())
        if arow.provisions:
            ids = " + ".join(arow.provisions)
            provisions = [p for p in (source.provision(pid) for pid in arow.provisions) if p is not None]
            wording = "\n".join(p.text for p in provisions) or r.requirement
            counterparts = {t for pid in arow.provisions for t in vmap.counterparts(pid)}
            notes = [e.note for pid in arow.provisions for e in vmap.entries_for(pid, "from") if e.note]
            if counterparts:
                reason = (f"its {target.id} counterpart ({', '.join(sorted(counterparts))}) "
                          "is not a row of the self-assessment form")
            else:
                reason = f"removed in the {target.short_title}"
            if notes:
                reason += f" ({notes[0]})"
            label = f"{source.id} {ids}"
        else:
            wording = r.requirement
            reason = f"row {r.provision or '(no number)'} could not be matched to a {source.id} provision"
            label = f"{source.id} row {r.provision}".strip()
        out.append(AppendixEntry(label, wording, answer_text(arow), text, reason))
        report.appendix.append(label)
    return out


def _intro(source: CodeVersion, target: CodeVersion, source_name: str | None) -> list[str]:
    origin = f" from {source_name}" if source_name else ""
    from_combined = layout_for(source).index("combined") is not None
    to_combined = layout_for(target).index("combined") is not None
    columns = []
    if from_combined and not to_combined:
        columns.append(f"The {source.short_title} form had one column for evidence and commentary; its text "
                       "is in the Commentary column: move the evidence it names into the Evidence column.")
    return [
        f"This form was carried over by codecheck{origin}, a self-assessment against the "
        f"{source.short_title}, to the {target.short_title}. Answers, evidence and commentary come from the "
        f"provision(s) of the {source.short_title} that each provision replaces.",
        "Provision numbers shaded orange carry a review comment from codecheck (\"For review: carried over "
        "from …\"): check each carried-over answer against the new wording, then resolve the comment. "
        "Comply cells shaded yellow need an answer or a decision (a provision that is new, or old answers "
        "that disagreed).",
        *columns,
    ]


def migrate_file(path: Path, target_spec: str, *, source_spec: str | None = None,
                 landlord: str | None = None) -> tuple[FormSpec, MigrationReport]:
    """Read and align the old form at ``path`` (version detected unless ``source_spec``), then migrate it."""
    from codecheck.api import align, read
    from codecheck.codes import get_version

    target = get_version(target_spec)
    # Read and align only: migrating needs no rules, so a broken rules file cannot stop it.
    aligned = align(read(path), code=source_spec)
    return migrate_aligned(aligned, target, landlord=landlord, source_name=Path(path).name)
