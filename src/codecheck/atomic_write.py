"""Write a file all at once: a reader sees the old file or the new one, never half of either.

A report or action plan written in place and interrupted (a full disk, Ctrl-C, a CI timeout) would
leave a truncated spreadsheet that still opens and looks complete. The bytes go to a temporary file
in the same folder (same file system, so the rename is atomic) and replace the target in one step.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from codecheck.errors import CodecheckError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in its folder, then rename over it."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise CodecheckError(f"cannot write output: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise CodecheckError(f"cannot write output: {exc.strerror or exc}", path) from None


def _umask() -> int:
    """The process's umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
