"""Time the statement reader (and the content rules over it) on generated commentary cells from 1 KB
to 100 KB, and print the time per KB: it must stay flat (within 2x) as the cell grows.

    python bench/scaling_text.py [--sizes 1,10,50,100] [--repeat 3] [--json OUT.json]

Each pattern is one a hostile or careless form can produce and an earlier reader was quadratic on
(issue 15): a phrase repeated with no full stop ("stage 3 panel …", "acknowledged within 10 working
days at stage 1 and …", "we do not have a stage 0 and …"), plus an ordinary paragraph repeated with
full stops and a run of list markers. Each measurement is the best of ``--repeat`` runs in this
process, with the reader's memo cleared in between, as CPU time of this process (a shared machine's
other work then moves the figures less than wall time would); the first, one-off compile of the cue
lists is made before timing. Nothing here is asserted in the test suite (tests/test_statements_bounds.py
runs the largest cells under a generous bound instead).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

#: name -> the unit repeated to fill a cell (fictional wording)
PATTERNS = {
    "stage 3 panel": "stage 3 panel ",
    "timescales, no full stop": "acknowledged within 10 working days at stage 1 and ",
    "denied stage 0": "we do not have a stage 0 and ",
    "prose with full stops": (
        "Example Homes answers stage 1 cases inside 10 working days from the acknowledgement. "
        "Until 2023 there were three stages; the leaflet still needs to be rewritten. "
    ),
    "list markers": "a) the stage b) the decision c) the reasons ",
    "quotes and bullets": "\u2022 'a quoted stage 0 rule' within 5 working days \"of receipt\" ",
}


def cell(pattern: str, kb: int) -> str:
    size = kb * 1024
    return (pattern * (size // len(pattern) + 1))[:size]


def read_all(text: str) -> None:
    from codecheck.statements.reader import read_row

    reading = read_row(text, "", "Landlords must answer within 10 working days of the acknowledgement.")
    reading.timescales, reading.stages, reading.compliance, reading.definition, reading.lists  # noqa: B018
    reading.dates(date(2025, 6, 1), date(2025, 6, 1))


def run_rules(text: str) -> None:
    """The content rules over a one-row 2024 form whose commentary is ``text``."""
    from codecheck.codes import get_version
    from codecheck.engine import load_rules, run_rules
    from codecheck.model import AlignedDocument, AlignedRow, Document, Location, Row, VersionDetection

    code = get_version("2024")
    row = Row("6.3", code.provision("6.3").form_wording, "yes", "Yes", "", text, Location(None, 1, 1))
    aligned = AlignedDocument(
        Document(Path("example-homes.docx"), "docx", [row]),
        code,
        VersionDetection("2024", 1.0),
        [AlignedRow(row, ("6.3",), 100.0, "number")],
        [],
        "2025-06-01",
    )
    rules = [r for r in load_rules([]) if r.group in ("answers", "evidence", "dates", "process", "wording")]
    run_rules(aligned, rules, date(2025, 6, 1))


def best(fn, text: str, repeat: int) -> float:
    from codecheck.statements.reader import read_row

    times = []
    for _ in range(repeat):
        read_row.cache_clear()
        start = time.process_time()
        fn(text)
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,50,100", help="cell sizes in KB, comma-separated")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    read_all(cell(PATTERNS["prose with full stops"], 1))  # compile the cue lists once, outside timing
    run_rules(cell(PATTERNS["prose with full stops"], 1))
    results: list[dict] = []
    print(f"{'pattern':<26} {'what':<7} " + " ".join(f"{f'{kb} KB ms/KB':>12}" for kb in sizes) + "  growth")
    for name, pattern in PATTERNS.items():
        for what, fn in (("reader", read_all), ("rules", run_rules)):
            per_kb = [best(fn, cell(pattern, kb), args.repeat) * 1000 / kb for kb in sizes]
            # growth: the dearest KB against the smallest cell's (a falling figure is start-up cost spread
            # over more text, not a scaling problem)
            spread = max(per_kb) / max(per_kb[0], 1e-9)
            results.append(
                {"pattern": name, "what": what, "sizes_kb": sizes, "ms_per_kb": per_kb, "spread": spread}
            )
            cells = " ".join(f"{v:12.2f}" for v in per_kb)
            print(f"{name:<26} {what:<7} {cells}  {spread:7.2f}{'  <- not flat' if spread > 2 else ''}")
            sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
