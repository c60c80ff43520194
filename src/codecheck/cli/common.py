"""What every command shares: one-line errors with exit 2 and output-file rules.

Safe terminal text and the one-line stderr messages themselves live in ``codecheck.terminal`` (the
reports and the batch runner use them too). Kept free of heavy imports: `codecheck --version` must
start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import typer

from codecheck.errors import EXIT_ERROR, CodecheckError, OutputExistsError
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


def check_output_path(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file unless --force was given."""
    if path.exists() and not force:
        raise OutputExistsError("output file exists; use --force to overwrite it", path)


def write_output(path: Path | None, content: str | bytes, force: bool) -> None:
    """Write to ``path`` (refusing to overwrite without --force) or to stdout when ``path`` is None."""
    if path is None or str(path) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
            if content and not content.endswith("\n"):
                sys.stdout.write("\n")
        sys.stdout.flush()
        return
    check_output_path(path, force)
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    except OSError as exc:
        raise CodecheckError(f"cannot write output: {exc.strerror or exc}", path) from None
