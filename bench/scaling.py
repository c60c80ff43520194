"""Does the time to audit grow linearly with the input? Time per KB, from about 1 KB to the limits.

    python bench/scaling.py [--only NAME,...] [--repeat 3] [--max-n N] [--json OUT.json]

Each case grows one part of an otherwise small valid form (the rows continuing one provision, the
paragraphs of the page header, the pages of a PDF form) through a series of sizes up to the limit
that bounds it, and audits every size in this process (``codecheck.api.audit``: reading, alignment
and rules; start-up and the first-use loading of Code versions and rules are paid by a warm-up, so
what is timed is the work that scales). For each size it prints the file's size, the best of
``--repeat`` runs (CPU time) of reading + aligning and of the whole audit, and their *marginal* time
per KB:
(t(n) - t(0)) / (KB(n) - KB(0)), where size 0 is the same form without the grown part. Linear
work gives flat columns; after each case, the largest over the smallest marginal figure among
sizes of at least 1 KB added (the issue's bar: within 2x).

To add a case, append a ``Case(name, unit, build, sizes, limit)`` to ``CASES``: ``build(folder, n)``
writes the document with ``n`` units of the grown part and returns its path.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hostile_factory as hf  # noqa: E402  (the fixture builders live with the tests)
import pdf_factory as pf  # noqa: E402
from codecheck.errors import CodecheckError  # noqa: E402


@dataclass(frozen=True)
class Case:
    """One part of a form grown through ``sizes`` (``n`` units each) up to the ``limit`` bounding it."""

    name: str
    unit: str
    build: Callable[[Path, int], Path]
    sizes: tuple[int, ...]
    limit: str


def _pdf_form(folder: Path, rows: int) -> Path:
    """A ruled five-column form of ``rows`` rows, about eight to a page, header repeated per page."""
    flow = pf.Flow()
    flow.para(pf.Para("Example Homes – Complaint Handling Code self-assessment 2024", 16, True))
    ids = list(pf.CODE_2024)
    pid = [ids[k % len(ids)] for k in range(max(rows, 1))]
    body = [[p, pf.CODE_2024[p], "Yes", f"Policy {k}", f"Checked at meeting {k}."] for k, p in enumerate(pid)]
    flow.table(pf.Table(body, pf.WIDTHS_5, pf.HEADER_5))
    return flow.save(folder / f"form-{rows}.pdf")


CASES: list[Case] = [
    Case(
        "continuation rows",
        "rows",
        lambda d, n: hf.write_continuation_rows_docx(d / f"continued-{n}.docx", rows=n),
        (0, 25, 100, 400, 1600, 6400, 19_900),
        "max_rows 20,000 (max_cell_chars caps the joined text)",
    ),
    Case(
        "header paragraphs",
        "paragraphs",
        lambda d, n: hf.write_header_paragraphs_docx(d / f"headers-{n}.docx", paragraphs=n),
        (0, 50, 200, 800, 3200, 12_800, 51_200, 204_800, 819_200),
        "max_xml_part_bytes 64 MB (~1.2 M such paragraphs)",
    ),
    Case(
        "pdf pages",
        "rows (about 8 a page)",
        _pdf_form,
        (1, 10, 40, 160, 640, 2560, 7_900),
        "max_pages 1,000 (7,900 rows: 989 pages)",
    ),
]


def best_times(path: Path, repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of reading and aligning ``path``, and of the whole audit (reading,
    aligning, rules), in CPU seconds of this process: on a shared machine wall time measures the
    neighbours as much as the work."""
    from codecheck.api import align, audit_document, read, rules_for
    from codecheck.config import Config

    config = Config()
    rules_for(config)
    read_align, whole = [], []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        doc = read(path, config)
        align(doc, rules=rules_for(config), config=config)
        read_align.append(time.process_time() - start)
        gc.collect()
        start = time.process_time()
        audit_document(read(path, config), config=config)
        whole.append(time.process_time() - start)
    return min(read_align), min(whole)


def _per_kb(t: float, base: float, added_kb: float) -> float | None:
    return (t - base) * 1000 / added_kb if added_kb >= 1 else None


def _spread(case: Case, rows: list[dict], key: str, what: str) -> None:
    marginal = [r[key] for r in rows if r[key] is not None and r[key] > 0]
    if len(marginal) < 2:
        return
    spread = max(marginal) / min(marginal)
    verdict = "flat within 2x" if spread <= 2 else "NOT flat"
    print(
        f"  {case.name}, {what}: marginal ms/KB {min(marginal):.3f} .. {max(marginal):.3f} = {spread:.2f}x "
        f"({verdict})"
    )


def run_case(case: Case, folder: Path, repeat: int, max_n: int | None) -> list[dict]:
    rows: list[dict] = []
    base = (0.0, 0.0, 0.0)
    for n in case.sizes:
        if max_n is not None and n > max_n:
            break
        path = case.build(folder, n)
        kb = path.stat().st_size / 1024
        try:
            t_read, t_audit = best_times(path, repeat if n < case.sizes[-1] // 4 else 1)
        except CodecheckError as exc:  # past a limit: the sizes above are refused too
            print(f"{case.name:18} {n:>8,} {kb:9.1f}  refused: {exc}")
            break
        if not rows:
            base = (kb, t_read, t_audit)
        added = kb - base[0]
        row = {
            "n": n,
            "file_kb": round(kb, 1),
            "added_kb": round(added, 1),
            "read_align_s": round(t_read, 4),
            "audit_s": round(t_audit, 4),
            "read_align_ms_per_kb": _per_kb(t_read, base[1], added),
            "audit_ms_per_kb": _per_kb(t_audit, base[2], added),
        }
        rows.append(row)
        marginal = (row["read_align_ms_per_kb"], row["audit_ms_per_kb"])
        cells = " ".join(f"{'' if v is None else f'{v:.3f}':>11}" for v in marginal)
        line = f"{case.name:18} {n:>8,} {kb:9.1f} {added:9.1f} {t_read:9.3f} {t_audit:9.3f} {cells}"
        print(line, flush=True)
        path.unlink()
    _spread(case, rows, "read_align_ms_per_kb", "read + align")
    _spread(case, rows, "audit_ms_per_kb", "whole audit")
    print(f"  {case.name}: bounded by {case.limit}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="", help="comma-separated substrings of case names")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the largest sizes run once)")
    parser.add_argument("--max-n", type=int, default=None, help="stop each case past this many units")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    wanted = [w.strip().lower() for w in args.only.split(",") if w.strip()]
    folder = Path(tempfile.mkdtemp(prefix="codecheck-scaling-"))
    results: dict[str, list[dict]] = {}
    try:
        best_times(hf.write_docx_form(folder / "warm.docx"), 2)  # load Code versions, rules, readers
        best_times(pf.multipage_document(folder / "warm.pdf", repeats=1), 1)
        print(
            f"{'case':18} {'n':>8} {'file KB':>9} {'added KB':>9} {'read+al s':>9} {'audit s':>9} "
            f"{'r+a ms/KB':>11} {'audit ms/KB':>11}"
        )
        for case in CASES:
            if wanted and not any(w in case.name.lower() for w in wanted):
                continue
            results[case.name] = run_case(case, folder, args.repeat, args.max_n)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
