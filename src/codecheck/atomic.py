"""Write a file atomically: a temporary file in the same folder, then one rename over the target.

A document codecheck writes for a person (an annotated copy, a decisions file, an action plan) must
never be left half-written: a crash, a full disk or Ctrl-C while writing would otherwise leave a
truncated file where the officer expects a good one, or destroy the previous good one. Renaming a
complete file within one folder is atomic on POSIX and Windows, so a reader sees the old file or the
new one, never a mixture. Whether an existing file may be replaced at all (``--force``) is the
caller's decision; this module only writes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from codecheck.errors import CodecheckError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    The new file gets the permissions a plain ``open(path, "w")`` would give it (the umask's), not the
    private ones of a temporary file. ``CodecheckError`` (naming ``path``) when it cannot be written.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise CodecheckError(f"cannot write: {exc.strerror or exc}", path) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
