"""What every command shares: one-line errors with exit 2, and how outputs are checked and written.

Safe terminal text and the one-line stderr messages themselves live in ``codecheck.terminal``; the
rules for outputs (reports overwrite, documents need ``--force``, never over an input, never through
a symbolic link without ``--force``, written atomically) in ``codecheck.outputs``. Kept free of heavy
imports: `codecheck --version` must start fast.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import typer

from codecheck.errors import EXIT_ERROR, CodecheckError
from codecheck.outputs import Target, check_targets, is_stdout, write
from codecheck.terminal import error_line, warning_line

T = TypeVar("T")


def warn_rule_without_facts(code: str, slug: str, version: str, reason: str) -> None:
    """The one warning for a rule skipped on a Code version whose file lacks a fact it needs."""
    warning_line(f"rule {code} {slug} has nothing to apply to Code version {version}: {reason}")


def fail(exc: CodecheckError | str) -> typer.Exit:
    """Report a user-fixable error in one line and return the Exit(2) to raise."""
    error_line(str(exc))
    return typer.Exit(EXIT_ERROR)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn codecheck errors (and any unexpected crash) into one line on stderr and exit 2.

    Set CODECHECK_DEBUG=1 to see the traceback of an unexpected error instead.
    """
    try:
        yield
    except CodecheckError as exc:
        raise fail(exc) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # pragma: no cover - last line of defence
        if os.environ.get("CODECHECK_DEBUG"):
            raise
        raise fail(
            f"internal error: {type(exc).__name__}: {exc} (set CODECHECK_DEBUG=1 for details)"
        ) from None


def run(fn: Callable[[], T]) -> T:
    with guarded():
        return fn()


def check_output_path(
    path: Path, force: bool, inputs: Iterable[Path | str] = (), option: str = "--output"
) -> None:
    """Before any work: may this *document* be written (``migrate``, ``template``, an annotated copy)?

    An existing document needs ``--force``; an input document, a folder or a symbolic link without
    ``--force`` is refused (``codecheck.outputs.check_targets``).
    """
    check_targets([Target(Path(path), "document", option)], inputs, force)


def check_report_paths(
    paths: Iterable[tuple[Path, str]], inputs: Iterable[Path | str], force: bool
) -> None:
    """Before any work: may these *reports* ((path, option) pairs) be written? Existing reports are
    overwritten, as every linter's are; inputs, folders and links without ``--force`` are refused."""
    check_targets([Target(Path(p), "report", option) for p, option in paths], inputs, force)


def write_output(path: Path | None, content: str | bytes, force: bool) -> Path | None:
    """Write ``content`` to ``path`` atomically (stdout for None or ``-``); returns the file written.

    The path was checked beforehand (``check_output_path`` / ``check_report_paths``); ``force``
    here only means: write through a symbolic link to the file it names.
    """
    return write(None if is_stdout(path) else Path(path), content, force)  # type: ignore[arg-type]
