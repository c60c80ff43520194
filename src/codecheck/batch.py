"""Audit many documents: expand folders and globs, run audits in worker processes, never stop early.

A CI job over a document repository must see every document's result even when one file is corrupt,
encrypted or makes a reader crash, so each document's failure becomes an error ``AuditResult`` and the
run carries on. Reading a DOCX/PDF is CPU-bound Python, hence processes, not threads. ``jobs=1`` (or a
single document) runs in this process: no pool start-up cost for the common one-file case.
"""

from __future__ import annotations

import glob
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codecheck.errors import CodecheckError
from codecheck.model import AuditResult
from codecheck.readers import DOCUMENT_SUFFIXES

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


def __getattr__(name: str) -> Any:
    """The pool classes, imported on first use (PEP 562).

    ``concurrent.futures.process`` pulls in multiprocessing and pickle (~10 ms); the one-document
    audit never starts a pool, so it should not pay for them.
    """
    if name in ("ProcessPoolExecutor", "BrokenProcessPool"):
        import concurrent.futures.process as pool

        return getattr(pool, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# DOCUMENT_SUFFIXES (re-exported here): the one list of file endings a folder or glob expands to,
# kept with the readers that accept those formats.
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
}
_KINDS = " or ".join(s.lstrip(".").upper() for s in DOCUMENT_SUFFIXES)
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


def _walk(folder: Path, skipped: dict[str, list[Path]] | None = None) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # skip .git and friends
        for name in sorted(files):
            p = Path(root) / name
            if _is_document(p) and p.is_file():
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
            found = _walk(p, out.skipped)
            if not found:
                out.missing.append(AuditResult(path=p, error=f"{p}: no {_KINDS} files found in this folder"))
        elif p.exists():
            found = [p]
        elif _GLOB_CHARS & set(text):
            found = []
            for match in sorted(glob.glob(text, recursive=True)):
                mp = Path(match)
                if mp.is_dir():
                    found.extend(_walk(mp, out.skipped))
                elif _is_document(mp):
                    found.append(mp)
                elif (suffix := _not_read(mp)) is not None:
                    out.skipped.setdefault(suffix, []).append(mp)
            if not found:
                out.missing.append(AuditResult(path=p, error=f"{p}: no {_KINDS} files match this pattern"))
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


def audit_one(
    path: Path,
    config: Any = None,
    code: str | None = None,
    today: date | None = None,
    audit_fn: AuditFn | None = None,
) -> AuditResult:
    """Audit one document, turning any failure into an error result (runs inside a worker)."""
    fn = audit_fn or _default_audit
    try:
        return fn(path, config=config, code=code, today=today)
    except CodecheckError as exc:
        return AuditResult(path=path, error=str(exc) if exc.path else f"{path}: {exc}")
    except MemoryError:
        return AuditResult(path=path, error=f"{path}: ran out of memory while reading the document")
    except Exception as exc:
        if os.environ.get("CODECHECK_DEBUG"):
            raise
        return AuditResult(path=path, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silent otherwise (CI logs stay clean)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar = None
        self._started = False
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
            )
            self._task = self._bar.add_task("audit", total=total)

    def __enter__(self) -> _Progress:
        return self

    def start(self) -> None:
        """Start drawing; called once the worker processes exist (never fork with rich's thread alive)."""
        if self._bar is not None and not self._started:
            self._started = True
            self._bar.start()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None and self._started:
            self._bar.stop()


def audit_many(
    paths: list[Path],
    *,
    config: Any = None,
    code: str | None = None,
    today: date | None = None,
    jobs: int | None = None,
    timeout: float | None = None,
    progress: bool = False,
    audit_fn: AuditFn | None = None,
) -> list[AuditResult]:
    """Audit every path; results come back in the order of ``paths``.

    ``timeout`` (seconds per document; it makes even one job run in a worker process, the only thing
    that can be stopped) turns a document that runs too long into an
    error result; a worker that dies (segfault, OOM kill) does too, without losing the other results:
    the documents caught in a broken pool are retried one per fresh process so that only the document
    that really crashes is blamed.
    """
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    jobs = min(jobs, len(paths)) if paths else 1
    results: dict[int, AuditResult] = {}
    with _Progress(len(paths), progress) as bar:
        if jobs <= 1 and timeout is None:  # a time limit needs a process that can be stopped
            bar.start()
            for i, p in enumerate(paths):
                results[i] = audit_one(p, config, code, today, audit_fn)
                bar.advance()
        else:
            try:
                crashed = _run_pool(
                    paths,
                    range(len(paths)),
                    jobs,
                    results,
                    bar,
                    config=config,
                    code=code,
                    today=today,
                    timeout=timeout,
                    audit_fn=audit_fn,
                )
            except OSError as exc:  # no processes to be had (limits, sandbox): audit here instead
                from codecheck.terminal import warning_line

                warning_line(f"cannot start worker processes ({exc}); auditing in this process")
                crashed = []
                for i, p in enumerate(paths):
                    if i not in results:
                        results[i] = audit_one(p, config, code, today, audit_fn)
                        bar.advance()
            for i in crashed:  # isolate: one fresh single-worker pool per suspect document
                if _run_pool(
                    paths,
                    [i],
                    1,
                    results,
                    bar,
                    config=config,
                    code=code,
                    today=today,
                    timeout=timeout,
                    audit_fn=audit_fn,
                ):
                    results[i] = AuditResult(
                        path=paths[i], error=f"{paths[i]}: the worker process reading this document crashed"
                    )
                    bar.advance()
    return [results[i] for i in range(len(paths))]


def _run_pool(
    paths: list[Path],
    indices: Iterable[int],
    jobs: int,
    results: dict[int, AuditResult],
    bar: _Progress,
    *,
    config: Any,
    code: str | None,
    today: date | None,
    timeout: float | None,
    audit_fn: AuditFn | None,
) -> list[int]:
    """Run ``indices`` in a pool of ``jobs`` workers; return the indices lost to a broken pool."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    crashed: list[int] = []
    # looked up on the module (not imported here) so that a test can substitute the pool class
    pool_class = globals().get("ProcessPoolExecutor") or __getattr__("ProcessPoolExecutor")
    executor = pool_class(max_workers=jobs)
    timed_out = False
    try:
        futures: dict[Future, int] = {}
        for i in indices:
            try:
                futures[executor.submit(audit_one, paths[i], config, code, today, audit_fn)] = i
            except BrokenProcessPool:  # a worker died while we were still submitting
                crashed.append(i)
        bar.start()  # with the fork start method all workers exist after the first submit
        started: dict[Future, float] = {}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for fut in done:
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except BrokenProcessPool:
                    crashed.append(i)
                    continue
                except Exception as exc:  # pickling problems and the like: blame this document only
                    results[i] = AuditResult(path=paths[i], error=f"{paths[i]}: internal error: {exc}")
                bar.advance()
            if timeout is None:
                continue
            for fut in list(pending):
                if fut.running():
                    started.setdefault(fut, now)
                    if now - started[fut] > timeout:
                        i = futures[fut]
                        results[i] = AuditResult(
                            path=paths[i],
                            error=f"{paths[i]}: gave up after {timeout:g} s (time limit per document)",
                        )
                        pending.discard(fut)
                        timed_out = True
                        bar.advance()
            if timed_out and pending:
                # A stuck worker never returns and cannot be stopped alone: stop the whole pool. The
                # other documents then fail with BrokenProcessPool and are retried in isolation.
                _terminate(executor)
    finally:
        if timed_out:
            _terminate(executor)
        executor.shutdown(wait=not timed_out, cancel_futures=True)
    return crashed


def _terminate(executor: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to kill its workers; ``_processes`` is stable since 3.2.
    for proc in list((getattr(executor, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()
