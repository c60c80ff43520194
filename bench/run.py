"""Benchmark codecheck against the raw parsing work it cannot avoid, as whole processes.

    python bench/run.py [--docx FILE] [--pdf FILE] [--repeat 5] [--batch 50] [--json OUT.json]

Every measurement is a fresh process (start-up included), timed side by side in one run so that
the ratios hold on any machine:

* audit of a DOCX        vs  python-docx opening it and reading every cell (``row.cells``)
* audit of a PDF         vs  pdfplumber extracting every page's words
* ``codecheck --version`` and ``--help`` start-up
* a batch of N documents audited with ``--jobs 1`` and ``--jobs 2`` (throughput should scale)

Prints a table and writes JSON. Targets (issue 7): DOCX ≤ 1.5×, PDF ≤ 1.3×, --version < 0.25 s.
Timings are medians of ``--repeat`` runs; nothing here is asserted in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

RAW_DOCX = """
import sys, docx
d = docx.Document(sys.argv[1])
n = 0
for t in d.tables:
    for r in t.rows:
        for c in r.cells:
            n += len(c.text)
"""

RAW_PDF = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    n = 0
    for page in pdf.pages:
        n += len(page.extract_words())
        page.close()
"""


def timed(cmd: list[str], repeat: int) -> dict:
    """Median, min and max wall time of ``repeat`` runs of ``cmd`` (one warm-up run first)."""
    subprocess.run(cmd, capture_output=True, check=False)
    times = []
    code = 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        code = proc.returncode
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": repeat,
        "exit": code,
    }


def codecheck_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "codecheck", *args]


def first_existing(*candidates: Path) -> Path | None:
    return next((p for p in candidates if p.exists()), None)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docx", type=Path, default=first_existing(SAMPLES / "example-homes-2024.docx"))
    parser.add_argument("--pdf", type=Path, default=first_existing(SAMPLES / "example-homes-2024.pdf"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--batch", type=int, default=50, help="documents in the batch measurement (0 to skip)"
    )
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    if not args.docx or not args.pdf:
        print("bench: no sample DOCX/PDF found; pass --docx and --pdf", file=sys.stderr)
        return 2

    rows: list[dict] = []

    def add(name: str, subject: list[str], baseline: list[str] | None, target: float | None) -> None:
        s = timed(subject, args.repeat)
        entry = {"name": name, "seconds": s, "target_ratio": target}
        if baseline is not None:
            b = timed(baseline, args.repeat)
            entry["baseline_seconds"] = b
            entry["ratio"] = s["median"] / b["median"]
        rows.append(entry)

    audit = ("audit", "--format", "json", "--fail-on", "never")
    add(
        "audit DOCX vs python-docx read",
        codecheck_cmd(*audit, str(args.docx)),
        [sys.executable, "-c", RAW_DOCX, str(args.docx)],
        1.5,
    )
    add(
        "audit PDF vs pdfplumber words",
        codecheck_cmd(*audit, str(args.pdf)),
        [sys.executable, "-c", RAW_PDF, str(args.pdf)],
        1.3,
    )
    add("codecheck --version", codecheck_cmd("--version"), None, None)
    add("codecheck --help", codecheck_cmd("--help"), None, None)
    add("python start-up (reference)", [sys.executable, "-c", "pass"], None, None)

    if args.batch:
        folder = Path(tempfile.mkdtemp(prefix="codecheck-bench-"))
        try:
            for i in range(args.batch):
                src = args.docx if i % 5 else args.pdf
                shutil.copy(src, folder / f"doc-{i:03d}{src.suffix}")
            one = timed(codecheck_cmd(*audit, "--jobs", "1", str(folder)), max(1, args.repeat // 2))
            two = timed(codecheck_cmd(*audit, "--jobs", "2", str(folder)), max(1, args.repeat // 2))
            rows.append({"name": f"batch of {args.batch}, --jobs 1", "seconds": one})
            rows.append(
                {
                    "name": f"batch of {args.batch}, --jobs 2",
                    "seconds": two,
                    "speedup_vs_jobs_1": one["median"] / two["median"],
                }
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    version_row = next(r for r in rows if r["name"] == "codecheck --version")
    print(f"{'measurement':38} {'median s':>9} {'baseline s':>10} {'ratio':>6} {'target':>7}")
    print("-" * 74)
    for r in rows:
        base = r.get("baseline_seconds", {}).get("median")
        ratio = r.get("ratio") or r.get("speedup_vs_jobs_1")
        target = r.get("target_ratio")
        print(
            f"{r['name']:38} {r['seconds']['median']:9.3f} {base if base is None else f'{base:10.3f}':>10} "
            f"{'' if ratio is None else f'{ratio:6.2f}':>6} {'' if target is None else f'≤{target}':>7}"
        )
    print(f"--version target < 0.25 s: {'met' if version_row['seconds']['median'] < 0.25 else 'NOT met'}")
    result = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "documents": {"docx": str(args.docx), "pdf": str(args.pdf)},
        "results": rows,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
