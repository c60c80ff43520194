"""Time and peak memory of codecheck on each hostile input, one fresh process per case.

    python bench/hostile.py [--cap-mb 4096] [--timeout 120] [--only NAME,...] [--json OUT.json]

Every input is built by ``tests/hostile_factory.py`` (the files the hardening suite uses, at the
sizes the issue reproduced them). Each runs as ``codecheck audit FILE --format json`` in a child
process under an address-space cap and a wall-clock timeout, so a runaway case is stopped instead of
taking the machine with it. Reported: wall seconds, peak resident memory (``wait4`` rusage: the
largest of the process and the worker processes it waited for), exit status and the first stderr
line.
Nothing here is asserted; ``tests/test_hostile.py`` holds the pass/fail checks.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hostile_factory as hf  # noqa: E402  (the fixture builders live with the tests)


@dataclass(frozen=True)
class Case:
    """One hostile input: a name, how to build it in a folder, and the command's extra arguments."""

    name: str
    build: Callable[[Path], Path]
    args: tuple[str, ...] = ()


def _form(folder: Path) -> Path:
    return hf.write_docx_form(folder / "form.docx")


CASES: list[Case] = [
    Case("pdf flate bomb 1.5 GB", lambda d: hf.write_flate_bomb_pdf(d / "flate-bomb.pdf")),
    Case("pdf corrupt flate 21 MB", lambda d: hf.write_corrupt_flate_pdf(d / "corrupt-flate.pdf")),
    Case("pdf xobject fan-out 2^20", lambda d: hf.write_xobject_fanout_pdf(d / "fanout.pdf")),
    Case("pdf tounicode 2^32 range", lambda d: hf.write_cmap_range_pdf(d / "cmap-range.pdf")),
    Case("zip 1.3 M directory entries", lambda d: hf.write_many_entries_zip(d / "entries.docx")),
    Case("docx zip bomb 1.5 GB", lambda d: hf.write_zip_bomb_docx(d / "zip-bomb.docx", _form(d))),
    Case("docx 19,000 continuation rows", lambda d: hf.write_continuation_rows_docx(d / "continued.docx")),
    Case("docx 120,000 header paragraphs", lambda d: hf.write_header_paragraphs_docx(d / "headers.docx")),
]


def run_case(path: Path, args: tuple[str, ...], cap_bytes: int, timeout: float) -> dict:
    """Run one audit; return wall time, peak RSS (MB), exit status and the first stderr line."""

    def limit() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "codecheck", "audit", str(path), "--format", "json", *args],
            stdout=out,
            stderr=err,
            preexec_fn=limit,
            start_new_session=True,
        )
        status, usage, timed_out = None, None, False
        while status is None:
            pid, raw, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, usage = raw, rusage
                break
            if time.perf_counter() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").splitlines()
    return {
        "seconds": round(elapsed, 2),
        "peak_mb": round(usage.ru_maxrss / 1024) if usage else None,
        "exit": "timeout" if timed_out else proc.returncode,
        "stderr_lines": len(lines),
        "message": lines[0][:150] if lines else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cap-mb", type=int, default=4096, help="address-space cap per run (MB)")
    parser.add_argument("--timeout", type=float, default=120.0, help="wall-clock limit per run (s)")
    parser.add_argument("--only", default="", help="comma-separated substrings of case names")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    wanted = [w.strip().lower() for w in args.only.split(",") if w.strip()]
    folder = Path(tempfile.mkdtemp(prefix="codecheck-hostile-"))
    results = []
    try:
        print(f"{'case':34} {'file KB':>9} {'seconds':>8} {'peak MB':>8} {'exit':>7}  message")
        for case in CASES:
            if wanted and not any(w in case.name.lower() for w in wanted):
                continue
            path = case.build(folder)
            row = {"case": case.name, "file_kb": round(path.stat().st_size / 1024, 1)}
            row.update(run_case(path, case.args, args.cap_mb * 1024 * 1024, args.timeout))
            results.append(row)
            print(
                f"{row['case']:34} {row['file_kb']:9.1f} {row['seconds']:8.2f} {row['peak_mb']!s:>8} "
                f"{row['exit']!s:>7}  {row['message']}",
                flush=True,
            )
            path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
