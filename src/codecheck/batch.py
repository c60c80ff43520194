"""Audit many documents: expand folders and globs, run audits in worker processes, never stop early.

A CI job over a document repository must see every document's result even when one file is corrupt,
encrypted, makes a reader crash or exhausts its budget, so each document's failure becomes an error
``AuditResult`` and the run carries on. On the command line every document is audited in a child
process of its own, within the time and memory budget of ``[limits]`` (``codecheck.budget``),
``jobs`` at a time; a library caller without a budget gets the audits in its own process.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codecheck.errors import CodecheckError
from codecheck.model import AuditResult
from codecheck.readers import DOCUMENT_KINDS, DOCUMENT_SUFFIXES

if TYPE_CHECKING:
    from codecheck.budget import Budget

# DOCUMENT_SUFFIXES and DOCUMENT_KINDS come from the readers: the one list of file endings a folder
# or glob expands to, kept with the readers that accept those formats.
# Documents a folder may hold that codecheck does not read: said once per kind ("skipped 1 legacy
# Word .doc file (save it as .docx)"), never silently passed over. {it}: "it" or "them".
NOT_READ: dict[str, tuple[str, str]] = {
    ".doc": ("legacy Word", "save {it} as .docx"),
    ".dot": ("legacy Word template", "save {it} as .docx"),
    ".docm": ("macro-enabled Word", "save {it} as .docx"),
    ".odt": ("OpenDocument", "save {it} as .docx or PDF"),
    ".rtf": ("RTF", "save {it} as .docx or PDF"),
    ".pages": ("Apple Pages", "export {it} as .docx or PDF"),
    ".wpd": ("WordPerfect", "save {it} as .docx or PDF"),
    ".xls": ("legacy Excel", "save {it} as .xlsx"),
    ".ods": ("OpenDocument spreadsheet", "save {it} as .xlsx"),
}
_GLOB_CHARS = set("*?[")

AuditFn = Callable[..., AuditResult]


def default_jobs() -> int:
    """The cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def _is_document(path: Path) -> bool:
    # "~$name.docx" is Word's lock file beside an open document, never a real document
    return path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.startswith("~$")


def _not_read(path: Path) -> str | None:
    """The ending of a document codecheck does not read (``NOT_READ``), or None."""
    suffix = path.suffix.lower()
    return suffix if suffix in NOT_READ and not path.name.startswith("~$") else None


# What codecheck itself writes into a folder (an HTML report, an action plan workbook) is output,
# not a form: a CI job that saves its report inside the audited folder must not read it back as a
# form on the next run. The HTML report carries this generator mark in its head; the action plan's
# workbook names codecheck as its creator.
_GENERATOR_MARK = b'<meta name="generator" content="codecheck'
_CREATOR_MARK = re.compile(rb"<dc:creator\b[^>]{0,200}>codecheck</dc:creator>")
_HEAD_BYTES = 4096  # the mark sits in the first lines of the page
_MAX_PROPS_BYTES = 65_536  # a workbook's core properties part is a few hundred bytes
_MAX_ENTRIES = 1_000  # more parts than an action plan has: a workbook from elsewhere, not opened


def written_by_codecheck(path: Path) -> bool:
    """Whether a file found in a folder or by a glob is a report codecheck wrote (bounded reads only:
    the first 4 KB of a page; a workbook's core properties, after its ZIP directory is sized)."""
    import zipfile

    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            with path.open("rb") as fh:
                return _GENERATOR_MARK in fh.read(_HEAD_BYTES)
        if suffix == ".xlsx":
            from codecheck.readers.zip_directory import directory_size

            with path.open("rb") as fh:
                declared = directory_size(fh)
                if declared is None or declared[0] > _MAX_ENTRIES:
                    return False
                fh.seek(0)
                with zipfile.ZipFile(fh) as book, book.open("docProps/core.xml") as props:
                    return _CREATOR_MARK.search(props.read(_MAX_PROPS_BYTES)) is not None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False  # the reader says what is wrong with it
    return False


def _walk(
    folder: Path, skipped: dict[str, list[Path]] | None = None, generated: list[Path] | None = None
) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # skip .git and friends
        for name in sorted(files):
            p = Path(root) / name
            if _is_document(p) and p.is_file():
                if written_by_codecheck(p):
                    if generated is not None:
                        generated.append(p)
                    continue
                found.append(p)
            elif skipped is not None and (suffix := _not_read(p)) is not None:
                skipped.setdefault(suffix, []).append(p)
    return found


@dataclass
class Expansion:
    """What FILE / DIR / GLOB arguments name: the documents to audit, an error result per argument
    that names none, and the files of kinds codecheck does not read, by ending (".doc": [...])."""

    paths: list[Path] = field(default_factory=list)
    missing: list[AuditResult] = field(default_factory=list)
    skipped: dict[str, list[Path]] = field(default_factory=dict)
    generated: list[Path] = field(default_factory=list)  # reports codecheck wrote, passed over


def expand(inputs: Iterable[str | Path]) -> Expansion:
    """Turn FILE / DIR / GLOB arguments into document paths, in a stable order without repeats.

    An argument that names nothing (a missing file, an empty folder, a glob matching no document)
    becomes an error result, so that a typo fails the run (exit 2) instead of passing silently. A
    file named outright is always a document to read (the reader says what is wrong with a .doc);
    a folder or glob collects the ``DOCUMENT_SUFFIXES`` and counts what it passes over.
    """
    paths: dict[str, Path] = {}
    out = Expansion()
    for raw in inputs:
        text = str(raw)
        p = Path(text)
        if p.is_dir():
            found = _walk(p, out.skipped, out.generated)
            if not found:
                error = f"{p}: no {DOCUMENT_KINDS} files found in this folder"
                out.missing.append(AuditResult(path=p, error=error))
        elif p.exists():
            found = [p]
        elif _GLOB_CHARS & set(text):
            found = []
            for match in sorted(glob.glob(text, recursive=True)):
                mp = Path(match)
                if mp.is_dir():
                    found.extend(_walk(mp, out.skipped, out.generated))
                elif _is_document(mp) and written_by_codecheck(mp):
                    out.generated.append(mp)
                elif _is_document(mp):
                    found.append(mp)
                elif (suffix := _not_read(mp)) is not None:
                    out.skipped.setdefault(suffix, []).append(mp)
            if not found:
                error = f"{p}: no {DOCUMENT_KINDS} files match this pattern"
                out.missing.append(AuditResult(path=p, error=error))
        else:
            out.missing.append(AuditResult(path=p, error=f"{p}: no such file or folder"))
            found = []
        for f in found:
            paths.setdefault(os.path.normpath(os.path.abspath(f)), f)
    out.paths = list(paths.values())
    return out


def expand_inputs(inputs: Iterable[str | Path]) -> tuple[list[Path], list[AuditResult]]:
    """``expand`` as (documents, error results), for callers that need no more."""
    found = expand(inputs)
    return found.paths, found.missing


def _default_audit(path: Path, *, config: Any = None, code: str | None = None, today: date | None = None):
    from codecheck.api import audit

    return audit(path, config=config, code=code, today=today)


def as_one(paths: list[Path]) -> AuditFn:
    """An audit function (for ``audit_one`` / ``audit_many``) that audits ``paths`` as one form and
    reports it under the path it is given; picklable, so it runs in a worker under ``--timeout``."""
    import functools

    return functools.partial(_audit_as_one, tuple(paths))


def _audit_as_one(paths: tuple[Path, ...], label: Path, *, config: Any = None, code=None, today=None):
    from codecheck.api import audit_as_one

    return audit_as_one(list(paths), config=config, code=code, today=today, label=label)


def audit_one(
    path: Path,
    config: Any = None,
    code: str | None = None,
    today: date | None = None,
    audit_fn: AuditFn | None = None,
) -> AuditResult:
    """Audit one document in this process, turning any failure into an error result."""
    try:
        return _audit_or_error(path, config, code, today, audit_fn)
    except MemoryError:
        return AuditResult(path=path, error=f"{path}: ran out of memory while reading the document")


def _audit_or_error(
    path: Path,
    config: Any = None,
    code: str | None = None,
    today: date | None = None,
    audit_fn: AuditFn | None = None,
) -> AuditResult:
    """``audit_one``, except that running out of memory is left to the caller: in a budgeted child
    process it is reported against the memory limit (``codecheck.budget``)."""
    fn = audit_fn or _default_audit
    try:
        return fn(path, config=config, code=code, today=today)
    except CodecheckError as exc:
        return AuditResult(path=path, error=str(exc) if exc.path else f"{path}: {exc}")
    except MemoryError:
        raise
    except Exception as exc:
        if os.environ.get("CODECHECK_DEBUG"):
            raise
        return AuditResult(path=path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise (CI logs stay clean).

    It is redrawn by ``refresh`` (called between waits), not by rich's own refresh thread: worker
    processes are forked while it shows, and a fork must not copy a thread holding a lock.
    """

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar = None
        if enabled and total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("auditing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,
            )
            self._task = self._bar.add_task("audit", total=total)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
            self._bar.refresh()

    def refresh(self) -> None:
        if self._bar is not None:
            self._bar.refresh()

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def audit_many(
    paths: list[Path],
    *,
    config: Any = None,
    code: str | None = None,
    today: date | None = None,
    jobs: int | None = None,
    budget: Budget | None = None,
    progress: bool = False,
    audit_fn: AuditFn | None = None,
    on_fallback: Callable[[str], None] | None = None,
) -> list[AuditResult]:
    """Audit every path; results come back in the order of ``paths``.

    With a ``budget`` (the command line always gives one) each document is audited in a child process
    of its own, at most ``jobs`` at a time (default: the cores available), and a document that runs
    out of time or memory, or whose process crashes, becomes an error result naming the limit; the
    others carry on. ``on_fallback`` is told when no process can be started and the audits run here.
    Without a budget the documents are audited in this process, one after the other.
    """
    results: list[AuditResult] = []
    with _Progress(len(paths), progress) as bar:
        if budget is None:
            for p in paths:
                results.append(audit_one(p, config, code, today, audit_fn))
                bar.advance()
            return results
        from codecheck.budget import CAN_FORK, run

        workers = default_jobs() if not jobs or jobs < 1 else jobs
        if len(paths) > 1 and audit_fn is None and CAN_FORK:  # fork after loading: children start warm
            from codecheck.warmup import prepare

            prepare({p.suffix for p in paths}, config)
        outcomes = run(
            [partial(_audit_or_error, p, config, code, today, audit_fn) for p in paths],
            budget,
            workers,
            on_done=bar.advance,
            on_tick=bar.refresh,
            on_fallback=None if on_fallback is None else partial(_no_workers, on_fallback),
        )
    for path, outcome in zip(paths, outcomes, strict=True):
        if outcome.failure is None:
            results.append(outcome.value)
        else:
            results.append(AuditResult(path=path, error=f"{path}: {outcome.message(budget)}"))
    return results


def _no_workers(tell: Callable[[str], None], why: str) -> None:
    tell(f"cannot start worker processes ({why}); auditing in this process")
