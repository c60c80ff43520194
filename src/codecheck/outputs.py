"""Writing what codecheck produces: reports and documents, atomically, and never over an input.

Two kinds of output, two rules, as every linter and every document tool has them:

* a **report** (``--output``, ``--NAME-output``, ``--write-baseline``, ``extract -o``) is overwritten
  when it exists, so that re-running the same CI command works;
* a **document** (``migrate``, ``template``, an annotated copy) is someone's work: an existing one is
  replaced only with ``--force``.

Whatever the kind, and even with ``--force``, an output is never written over an input document: the
targets are compared with every expanded input (files found in folders and globs too) by device and
inode (``os.path.samefile``), which also catches symbolic and hard links. An output path that is a
symbolic link (dangling or not) is not followed without ``--force``: a link planted in a repository
must not redirect a report onto another file. Everything is written to a temporary file in the
target's folder and renamed over the target (``os.replace``), so a full disk or a crash leaves the old
file or nothing, never a truncated report or document, and a hard link to the old file keeps its
content.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from codecheck.errors import OutputError, OutputExistsError

OutputKind = Literal["report", "document"]
STDOUT = "-"


def is_stdout(path: Path | str | None) -> bool:
    """Whether ``path`` means standard output (no path, or ``-``)."""
    return path is None or str(path) == STDOUT


@dataclass(frozen=True)
class Target:
    """One file an invocation will write: where, what kind, and under which option it was named."""

    path: Path
    kind: OutputKind = "report"
    option: str = "--output"


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def input_identities(inputs: Iterable[Path | str]) -> dict[tuple[int, int], Path]:
    """Device and inode of every input that exists (what ``os.path.samefile`` compares)."""
    found: dict[tuple[int, int], Path] = {}
    for p in inputs:
        ident = _identity(p)
        if ident is not None:
            found.setdefault(ident, Path(p))
    return found


def check_targets(targets: Iterable[Target], inputs: Iterable[Path | str], force: bool) -> None:
    """Refuse, before any work is done, every output that must not be written.

    Raises ``OutputError`` naming the file for: an output that is an input (the same file by any
    name: a link, a hard link, a file found in a folder or by a glob), a symbolic link without
    ``--force``, a folder, a folder that does not exist, two options naming one file, and an existing
    document without ``--force`` (``OutputExistsError``).
    """
    protected = input_identities(inputs)
    seen: dict[object, str] = {}
    for target in targets:
        path = target.path
        if is_stdout(path):
            continue
        if os.path.islink(path) and not force:
            raise OutputError(
                f"{target.option}: is a symbolic link; codecheck does not write through a link "
                "without --force",
                path,
            )
        real = Path(os.path.realpath(path))
        ident = _identity(real)
        if ident is not None and ident in protected:
            raise OutputError(
                f"{target.option}: refusing to write over an input document ({protected[ident]})", path
            )
        if real.is_dir():
            raise OutputError(f"{target.option}: is a folder, not a file", path)
        if not real.parent.is_dir():
            raise OutputError(f"{target.option}: the folder {real.parent} does not exist", path)
        key: object = ident if ident is not None else str(real)
        if key in seen:
            raise OutputError(f"{target.option}: the same file is named for {seen[key]} too", path)
        seen[key] = target.option
        if target.kind == "document" and ident is not None and not force:
            raise OutputExistsError("output file exists; use --force to overwrite it", path)


def _new_file_mode(existing: Path) -> int:
    """The permission bits the written file gets: the old file's, else what ``open`` would give."""
    try:
        st = os.stat(existing)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def as_bytes(content: str | bytes) -> bytes:
    """Text is written as UTF-8 ending in a newline; a lone surrogate that slipped past the report's
    own encoding policy becomes a ``\\udcNN`` escape rather than an error or a raw byte."""
    if isinstance(content, bytes):
        return content
    if content and not content.endswith("\n"):
        content += "\n"
    return content.encode("utf-8", errors="backslashreplace")


def write_atomic(path: Path, content: str | bytes, *, follow_link: bool = False) -> Path:
    """Write ``content`` to ``path`` through a temporary file in the same folder and a rename.

    ``follow_link``: when ``path`` is a symbolic link, write to the file it points to (``--force``);
    otherwise the link itself is replaced. Returns the file written. Any failure (a full disk, no
    permission) removes the temporary file and raises ``OutputError`` naming ``path``; the target is
    then as it was.
    """
    data = as_bytes(content)
    target = Path(os.path.realpath(path)) if follow_link else Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".codecheck-", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _new_file_mode(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
        raise
    return target


def write_stdout(content: str | bytes) -> None:
    """Write ``content`` to standard output, encoded as ``write_atomic`` encodes files."""
    data = as_bytes(content)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (an embedding program's)
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()


def write(target: Target | Path | None, content: str | bytes, force: bool = False) -> Path | None:
    """Write ``content`` to ``target`` (stdout for None or ``-``); returns the file written, if any.

    Call ``check_targets`` first (before the work that produces ``content``); this only writes.
    """
    if target is None or is_stdout(target if isinstance(target, Path) else target.path):
        write_stdout(content)
        return None
    path = target.path if isinstance(target, Target) else Path(target)
    return write_atomic(path, content, follow_link=force)
