"""Benchmark codecheck against the raw parsing work it cannot avoid, as whole processes.

    python bench/run.py [--docx FILE] [--pdf FILE] [--repeat 5] [--batch 50] [--json OUT.json]
                        [--python INTERPRETER]

Every measurement is a fresh process (start-up included), timed side by side in one run so that
the ratios hold on any machine:

* audit of a DOCX        vs  python-docx opening it and reading every cell (``row.cells``)
* audit of a PDF         vs  pdfplumber extracting every page's words
* audit of a web page    vs  lxml.html parsing it and reading every table cell's text
* audit of a workbook    vs  openpyxl (read-only, cached values) reading every cell
* ``codecheck --version`` and ``--help`` start-up
* a batch of N documents audited with ``--jobs 1`` and ``--jobs 2`` (throughput should scale)

Subject and baseline runs alternate (A, B, A, B, ...) so that load from other processes on a shared
machine falls on both sides alike. Every child runs with bytecode caching on, in a private
``PYTHONPYCACHEPREFIX``, whatever the caller's ``PYTHONDONTWRITEBYTECODE`` says: an installed package
has its ``.pyc`` files, and timing codecheck's modules being compiled from source on every run (while
python-docx's come precompiled from site-packages) would measure the wrong thing. ``--python`` runs
everything with another interpreter, e.g. a fresh venv holding only codecheck's dependencies (typer
imports pydantic when it is installed, which costs start-up time codecheck cannot avoid).

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


RAW_HTML = """
import sys, lxml.html
root = lxml.html.document_fromstring(open(sys.argv[1], "rb").read())
n = sum(len(td.text_content()) for td in root.iter("td", "th"))
"""

RAW_XLSX = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = sum(len(str(v)) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)
book.close()
"""


# What any typer CLI pays before its command runs: typer, and pydantic, which typer >= 0.2x imports to
# coerce parameters (when installed). Compare it with the raw python-docx read: an audit cannot be
# faster than this floor plus its own work.
FRAMEWORK_FLOOR = """
import importlib.util, typer, typer.main
if importlib.util.find_spec("pydantic"):
    import pydantic
"""

PYTHON = sys.executable
ENV = dict(os.environ)


def child_env(pycache: Path) -> dict[str, str]:
    """The environment every timed process gets: bytecode cached in ``pycache`` (see module docstring)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _run(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, check=False, env=ENV)
    return time.perf_counter() - start, proc.returncode


def _summary(times: list[float], code: int) -> dict:
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "runs": len(times),
        "exit": code,
    }


def timed(cmd: list[str], repeat: int) -> dict:
    """Median, min and max wall time of ``repeat`` runs of ``cmd`` (one warm-up run first)."""
    _run(cmd)
    times = []
    code = 0
    for _ in range(repeat):
        elapsed, code = _run(cmd)
        times.append(elapsed)
    return _summary(times, code)


def timed_pair(subject: list[str], baseline: list[str], repeat: int) -> tuple[dict, dict]:
    """Time ``subject`` and ``baseline`` alternately (one warm-up each), so drift hits both alike."""
    _run(subject)
    _run(baseline)
    s_times: list[float] = []
    b_times: list[float] = []
    s_code = b_code = 0
    for _ in range(repeat):
        elapsed, s_code = _run(subject)
        s_times.append(elapsed)
        elapsed, b_code = _run(baseline)
        b_times.append(elapsed)
    return _summary(s_times, s_code), _summary(b_times, b_code)


def codecheck_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "codecheck", *args]


def _has_module(name: str) -> bool:
    """Whether the benchmarked interpreter can import ``name`` (typer imports pydantic if so)."""
    probe = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({name!r}) is None)"
    return subprocess.run([PYTHON, "-c", probe], capture_output=True, check=False).returncode == 0


def first_existing(*candidates: Path) -> Path | None:
    return next((p for p in candidates if p.exists()), None)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docx", type=Path, default=first_existing(SAMPLES / "example-homes-2024.docx"))
    parser.add_argument("--pdf", type=Path, default=first_existing(SAMPLES / "example-homes-2024.pdf"))
    parser.add_argument("--html", type=Path, default=first_existing(SAMPLES / "example-homes-2024-web.html"))
    parser.add_argument(
        "--xlsx", type=Path, default=first_existing(SAMPLES / "example-homes-2024-workbook.xlsx")
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--batch", type=int, default=50, help="documents in the batch measurement (0 to skip)"
    )
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "latest.json")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter to run everything with (default: this one)"
    )
    args = parser.parse_args()
    global PYTHON, ENV
    PYTHON = args.python
    pycache = Path(tempfile.mkdtemp(prefix="codecheck-bench-pyc-"))
    ENV = child_env(pycache)
    if not args.docx or not args.pdf:
        print("bench: no sample DOCX/PDF found; pass --docx and --pdf", file=sys.stderr)
        return 2

    rows: list[dict] = []

    def add(name: str, subject: list[str], baseline: list[str] | None, target: float | None) -> None:
        if baseline is None:
            rows.append({"name": name, "seconds": timed(subject, args.repeat), "target_ratio": target})
            return
        s, b = timed_pair(subject, baseline, args.repeat)
        rows.append(
            {
                "name": name,
                "seconds": s,
                "target_ratio": target,
                "baseline_seconds": b,
                "ratio": s["median"] / b["median"],
                "ratio_of_minimums": s["min"] / b["min"],
            }
        )

    audit = ("audit", "--format", "json", "--fail-on", "never")
    add(
        "audit DOCX vs python-docx read",
        codecheck_cmd(*audit, str(args.docx)),
        [PYTHON, "-c", RAW_DOCX, str(args.docx)],
        1.5,
    )
    add(
        "audit PDF vs pdfplumber words",
        codecheck_cmd(*audit, str(args.pdf)),
        [PYTHON, "-c", RAW_PDF, str(args.pdf)],
        1.3,
    )
    if args.html:
        add(
            "audit HTML vs lxml.html cells",
            codecheck_cmd(*audit, str(args.html)),
            [PYTHON, "-c", RAW_HTML, str(args.html)],
            None,
        )
    if args.xlsx:
        add(
            "audit XLSX vs openpyxl cells",
            codecheck_cmd(*audit, str(args.xlsx)),
            [PYTHON, "-c", RAW_XLSX, str(args.xlsx)],
            None,
        )
    add("codecheck --version", codecheck_cmd("--version"), None, None)
    add("codecheck --help", codecheck_cmd("--help"), None, None)
    add("python start-up (reference)", [PYTHON, "-c", "pass"], None, None)
    add("import typer (+pydantic) (reference)", [PYTHON, "-c", FRAMEWORK_FLOOR], None, None)

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
            f"{r['name']:38} {r['seconds']['median']:9.3f} {'' if base is None else f'{base:10.3f}':>10} "
            f"{'' if ratio is None else f'{ratio:6.2f}':>6} {'' if target is None else f'≤{target}':>7}"
        )
    for r in rows:
        if "ratio_of_minimums" in r:
            print(f"{r['name']}: ratio of fastest runs {r['ratio_of_minimums']:.2f}")
    print(f"--version target < 0.25 s: {'met' if version_row['seconds']['median'] < 0.25 else 'NOT met'}")
    result = {
        "machine": {
            "python": platform.python_version(),
            "interpreter": PYTHON,
            "pydantic_installed": _has_module("pydantic"),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "documents": {
            "docx": str(args.docx),
            "pdf": str(args.pdf),
            "html": str(args.html),
            "xlsx": str(args.xlsx),
        },
        "results": rows,
    }
    shutil.rmtree(pycache, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
