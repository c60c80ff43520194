"""Reviewed findings recorded as data: "not an issue, because …", who said so, when, and on what.

An officer who disagrees with one finding should not have to switch its rule off for the whole
document (``per-document-ignores``), which would hide the next real problem of that kind. A decision
accepts one finding: one document, one provision, one rule. It is written down with its reason, its
reviewer and its date, and with a fingerprint of the row it was made on (the normalised answer,
evidence and commentary), so that:

* an edit that leaves the row's content as it was (a reformatted cell, a moved table, extra spaces)
  keeps the decision;
* a changed row does not silently stay accepted: the finding shows again with its decision marked
  "stale" (needs re-review), and counts towards ``--fail-on`` like any open finding.

Where decisions live:

* ``<form stem>.codecheck-decisions.toml`` beside the form (one file per form, written by
  ``codecheck decide``): a list of ``[[decisions]]`` tables;
* the same ``[[decisions]]`` tables in ``codecheck.toml`` (``[[tool.codecheck.decisions]]`` in
  ``pyproject.toml``), for repositories that keep everything in one configuration file; there each
  entry names its ``document`` (a path or glob relative to that file's folder).

Each entry: ``document`` (optional in the file beside the form, which is that form's), ``provision``
(left out for a finding about the whole document), ``rule`` (code or slug), ``reason``,
``reviewer``, ``date`` (YYYY-MM-DD) and ``fingerprint`` (left out when the finding has no row).
Unknown keys and wrong types are a ``ConfigError`` naming the file, as in the configuration.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from codecheck.errors import ConfigError
from codecheck.model import AlignedRow, AuditResult, Decision, Finding, Location, Row

DECISIONS_SUFFIX = ".codecheck-decisions.toml"
TABLE = "decisions"
MAX_DECISIONS_BYTES = 1_000_000  # hand-kept text: anything larger is a mistake, not a decisions file
DOCUMENT_LEVEL = ("document", "-")  # what `codecheck decide` accepts for "no provision"
_KEYS = ("document", "provision", "rule", "reason", "reviewer", "date", "fingerprint")
_REQUIRED = ("rule", "reason", "reviewer")
_HEADER = """\
# Reviewed findings for {name}, recorded with `codecheck decide`.
# Each [[decisions]] entry accepts one finding as not an issue, with the reason and the reviewer.
# It holds while the row reads as it did when it was decided (fingerprint: a hash of the row's
# answer, evidence and commentary); once the row changes, the finding shows again for re-review.
"""


@dataclass(frozen=True)
class DecisionEntry:
    """One recorded decision, as read from a decisions file or the configuration."""

    rule: str  # code (CC108) or slug (partial-without-date)
    reason: str
    reviewer: str
    provision: str | None = None  # None: a finding about the whole document
    document: str | None = None  # path or glob relative to ``base``; None: the form the file is named after
    date: str | None = None
    fingerprint: str | None = None  # "sha256:…" of the row's content; None: not tied to a row's content
    source: str | None = None  # the file it came from
    base: str | None = None  # the folder ``document`` is relative to

    def key(self) -> tuple[str | None, str]:
        return (self.provision, self.rule.lower())

    def matches_rule(self, finding: Finding) -> bool:
        wanted = self.rule.strip().lower()
        return wanted in (finding.code.lower(), finding.rule.lower())

    def decision(self, status: str) -> Decision:
        return Decision(
            reason=self.reason,
            reviewer=self.reviewer,
            date=self.date,
            status="accepted" if status == "accepted" else "stale",
            source=self.source,
        )


# --------------------------------------------------------------------------- fingerprints


def _normal(text: str) -> str:
    """Text as the fingerprint sees it: Unicode-compatible forms, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def row_fingerprint(row: Row) -> str:
    """A short, stable hash of what the row says: its normalised answer, evidence and commentary.

    The answer is the normalised value (yes/no/partial/na/blank), so "Yes" and "YES " agree; the
    texts are compared after Unicode normalisation and whitespace collapsing, so a re-wrapped cell or
    a copy through another editor keeps the fingerprint, while any change of words changes it.
    """
    payload = "\x1f".join((row.answer, _normal(row.evidence), _normal(row.commentary)))
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def rows_by_location(result: AuditResult) -> dict[Location, AlignedRow]:
    """The aligned rows by location (page, table, row, sheet, block, file), built once per document
    so that finding each decided finding's row is a look-up (linear in findings + rows)."""
    index: dict[Location, AlignedRow] = {}
    for arow in result.aligned.rows if result.aligned is not None else ():
        loc = arow.row.location
        index.setdefault(loc, arow)
    return index


def finding_row(index: Mapping[Location, AlignedRow], finding: Finding) -> AlignedRow | None:
    """The aligned row a finding is about (by its location), or None (document level, missing row)."""
    loc = finding.location
    if loc is None:
        return None
    return index.get(loc)


# --------------------------------------------------------------------------- reading


def decisions_file_for(form: Path) -> Path:
    """The decisions file beside ``form``: ``<stem>.codecheck-decisions.toml``."""
    return form.with_name(form.stem + DECISIONS_SUFFIX)


def _text(value: Any, key: str, where: str, number: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: decision #{number}: {key!r} must be non-empty text")
    return " ".join(value.split())


def parse_entries(
    raw: Any, source: str, base: Path | None, *, document_required: bool
) -> list[DecisionEntry]:
    """Validate a ``decisions`` array of tables (from a decisions file or the configuration)."""
    if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
        raise ConfigError(f"{source}: 'decisions' must be an array of tables ([[decisions]])")
    entries: list[DecisionEntry] = []
    for number, item in enumerate(raw, 1):
        unknown = sorted(set(item) - set(_KEYS))
        if unknown:
            raise ConfigError(
                f"{source}: decision #{number}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})"
            )
        for key in _REQUIRED:
            if key not in item:
                raise ConfigError(f"{source}: decision #{number}: {key!r} is missing")
        if document_required and "document" not in item:
            raise ConfigError(f"{source}: decision #{number}: 'document' is missing (a path or glob)")
        fields = {key: _text(item[key], key, source, number) for key in _KEYS if key in item}
        if "date" in fields:
            try:
                date.fromisoformat(fields["date"])
            except ValueError:
                raise ConfigError(
                    f"{source}: decision #{number}: 'date' must be YYYY-MM-DD, not {fields['date']!r}"
                ) from None
        provision = fields.get("provision")
        if provision is not None and provision.lower() in DOCUMENT_LEVEL:
            provision = None
        entries.append(
            DecisionEntry(
                rule=fields["rule"],
                reason=fields["reason"],
                reviewer=fields["reviewer"],
                provision=provision,
                document=fields.get("document"),
                date=fields.get("date"),
                fingerprint=fields.get("fingerprint"),
                source=source,
                base=str(base) if base is not None else None,
            )
        )
    return entries


def read_decisions_file(path: Path) -> list[DecisionEntry]:
    """The entries of one decisions file; [] when it does not exist. Bad content is a ConfigError."""
    from codecheck.toml_file import parse_toml

    try:
        raw = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        raise ConfigError(f"cannot read the decisions file: {exc.strerror or exc}", path) from None
    if raw is None:
        return []
    data = parse_toml(raw, path, "decisions file", MAX_DECISIONS_BYTES)
    unknown = sorted(set(data) - {TABLE})
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r} (a decisions file holds only [[decisions]])", path)
    return parse_entries(data.get(TABLE, []), str(path), path.parent, document_required=False)


# --------------------------------------------------------------------------- matching


def _relative(path: Path, base: str) -> str | None:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return None


def applies_to_document(entry: DecisionEntry, form: Path) -> bool:
    """Whether ``entry`` names ``form`` (its file's own form when it names none)."""
    if entry.document is None:
        return True  # an entry of the file beside the form: that form's
    if entry.base is None:
        return PurePosixPath(form.as_posix()).match(entry.document)
    rel = _relative(form, entry.base)
    if rel is None:
        return False
    pattern = entry.document.replace("\\", "/").removeprefix("./")
    return fnmatch.fnmatchcase(rel, pattern) or rel == pattern


def decisions_for(form: Path, configured: Iterable[DecisionEntry] = ()) -> list[DecisionEntry]:
    """Every decision that names ``form``: the configuration's first, then the file beside the form
    (which wins where both decide the same finding: it is the one ``codecheck decide`` keeps)."""
    entries = [e for e in configured if applies_to_document(e, form)]
    entries += [e for e in read_decisions_file(decisions_file_for(form)) if applies_to_document(e, form)]
    return entries


def apply_decisions(result: AuditResult, entries: Iterable[DecisionEntry]) -> AuditResult:
    """``result`` with each decided finding carrying its ``Decision`` (accepted, or stale when the row
    changed since). A later entry for the same finding wins over an earlier one."""
    chosen: dict[tuple[str | None, str], DecisionEntry] = {}
    for entry in entries:
        chosen[entry.key()] = entry
    if not chosen or not result.findings:
        return result
    by_provision: dict[str | None, list[DecisionEntry]] = {}
    for entry in chosen.values():
        by_provision.setdefault(entry.provision, []).append(entry)
    decided: list[Finding] = []
    changed = False
    index = rows_by_location(result)
    for finding in result.findings:
        entry = next((e for e in by_provision.get(finding.provision, []) if e.matches_rule(finding)), None)
        if entry is None:
            decided.append(finding)
            continue
        status = "accepted"
        if entry.fingerprint is not None:
            arow = finding_row(index, finding)
            if arow is None or row_fingerprint(arow.row) != entry.fingerprint:
                status = "stale"
        decided.append(replace(finding, decision=entry.decision(status)))
        changed = True
    return replace(result, findings=decided) if changed else result


# --------------------------------------------------------------------------- deciding


def entry_for_finding(
    result: AuditResult, provision: str | None, rule: str, *, reason: str, reviewer: str, on: date
) -> DecisionEntry:
    """The decision accepting the finding of ``rule`` at ``provision`` (None: the whole document) in
    ``result``, fingerprinted on the row it was found on.

    ``ConfigError`` naming the document when there is no such finding, listing what there is, so that
    nobody records a decision about a finding that does not exist (it would never apply).
    """
    reason, reviewer = " ".join(reason.split()), " ".join(reviewer.split())
    if not reason or not reviewer:
        raise ConfigError("a decision needs a reason (--reason) and a reviewer (--by)", result.path)
    wanted = rule.strip().lower()
    if provision is not None and provision.strip().lower() in DOCUMENT_LEVEL:
        provision = None
    provision = provision.strip() if provision is not None else None
    matches = [
        f
        for f in result.findings
        if f.provision == provision and wanted in (f.code.lower(), f.rule.lower())
    ]
    if not matches:
        where = f"provision {provision}" if provision is not None else "the whole document"
        there = sorted(
            {f"{f.code} {f.rule}" for f in result.findings if f.provision == provision}
        )
        hint = f" (findings there: {'; '.join(there)})" if there else " (no findings there)"
        raise ConfigError(f"no {rule} finding at {where} to decide on{hint}", result.path)
    finding = matches[0]
    arow = finding_row(rows_by_location(result), finding)
    return DecisionEntry(
        rule=finding.code,
        reason=reason,
        reviewer=reviewer,
        provision=provision,
        date=on.isoformat(),
        fingerprint=row_fingerprint(arow.row) if arow is not None else None,
    )


# --------------------------------------------------------------------------- writing


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_entry(entry: DecisionEntry) -> str:
    """One ``[[decisions]]`` table, keys in a fixed order."""
    lines = ["[[decisions]]"]
    for key in _KEYS:
        value = getattr(entry, key)
        if value is not None:
            lines.append(f"{key} = {_toml_string(value)}")
    return "\n".join(lines) + "\n"


def render_file(form: Path, entries: list[DecisionEntry]) -> str:
    """A whole decisions file for ``form``: the header comment, then every entry."""
    return _HEADER.format(name=form.name) + "".join("\n" + render_entry(e) for e in entries)


def record_decision(form: Path, entry: DecisionEntry) -> tuple[Path, bool]:
    """Add ``entry`` to the decisions file beside ``form`` (written atomically).

    A new decision is appended to the file's text, so anything a person wrote there stays; a
    decision on a finding already decided (re-review) replaces the old entry, and the file is then
    written afresh from its entries. Returns the file and whether an entry was replaced.
    """
    from codecheck.outputs import write_atomic

    path = decisions_file_for(form)
    existing = read_decisions_file(path)
    same = [e for e in existing if e.key() == entry.key() and e.document in (None, entry.document)]
    if same:
        kept = [e for e in existing if e not in same]
        write_atomic(path, render_file(form, [*kept, entry]).encode("utf-8"))
        return path, True
    current = path.read_text(encoding="utf-8") if path.is_file() else _HEADER.format(name=form.name)
    if current and not current.endswith("\n"):
        current += "\n"
    write_atomic(path, (current + "\n" + render_entry(entry)).encode("utf-8"))
    return path, False
