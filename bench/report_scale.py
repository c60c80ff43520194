"""Does rendering a report stay linear in rows + findings? Time each format at growing sizes.

    python bench/report_scale.py [--sizes 1000,5000,10000] [--repeat 3]

Builds an audit result in code (fictional Example Homes rows over a real Code version, one finding on
every row, every third with a quoted sentence, a tenth accepted by a reviewer) and times each report
format and the action plan export. Linear work shows as a flat "µs per row" column; work that grows
with findings x rows (a finding looking its row up by scanning the rows, as the HTML report once did:
10,000 rows took ~43 s) shows as a column that grows with the size. Nothing here is asserted in the
test suite: timings depend on the machine, ratios between sizes do not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from codecheck.codes import get_version  # noqa: E402
from codecheck.model import (  # noqa: E402
    AlignedDocument,
    AlignedRow,
    AuditResult,
    Decision,
    Document,
    Finding,
    Location,
    Row,
    Severity,
    VersionDetection,
)
from codecheck.report import RenderOptions, render  # noqa: E402
from codecheck.report.action_plan import export  # noqa: E402

FORMATS = ("html", "text", "json", "markdown", "sarif", "junit")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def build(n_rows: int) -> AuditResult:
    code = get_version("2024")
    pids = [p.id for p in code.provisions]
    rows, findings = [], []
    for i in range(n_rows):
        pid = pids[i % len(pids)]
        loc = Location(page=1 + i // 20, table=1 + i // 50, row=i + 1)
        row = Row(
            provision=pid,
            requirement=f"Requirement text for {pid}",
            answer="partial" if i % 7 == 0 else "yes",
            answer_text="Partial" if i % 7 == 0 else "Yes",
            evidence="Complaints policy, section 2",
            commentary=f"Example Homes commentary {i}: the policy is reviewed by the board every year.",
            location=loc,
        )
        rows.append(AlignedRow(row=row, provisions=(pid,), score=99.0, method="number"))
        findings.append(
            Finding(
                code="CC108",
                rule="partial-without-date",
                severity=SEVERITIES[i % 3],
                provision=pid,
                message=f"Finding {i}: answered Partial with no date for compliance",
                location=loc,
                snippet="every year" if i % 3 == 0 else None,
                quote=row.commentary if i % 3 == 0 else None,
                reading="a recurring review, not a date" if i % 3 == 0 else None,
                decision=Decision("Judgement call", "Sam Patel", "2026-11-30") if i % 10 == 0 else None,
            )
        )
    doc = Document(path=Path("example-homes-large.docx"), format="docx", rows=[r.row for r in rows])
    aligned = AlignedDocument(
        document=doc,
        code=code,
        detection=VersionDetection(version="2024", confidence=0.95),
        rows=rows,
        missing=[],
    )
    return AuditResult(path=doc.path, findings=findings, aligned=aligned)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from codecheck.api import rules_for
    from codecheck.config import load_config

    options = RenderOptions(rules=list(rules_for(load_config(REPO))), today=date(2026, 12, 3))
    subjects = {f: (lambda r, f=f: render(f, [r], options)) for f in FORMATS}
    subjects["plan.xlsx"] = lambda r: export([r], options, ".xlsx")
    subjects["plan.csv"] = lambda r: export([r], options, ".csv")
    print(f"{'report':<10}" + "".join(f"{n:>10} rows  µs/row" for n in sizes))
    for name, fn in subjects.items():
        cells = []
        for n in sizes:
            result = build(n)
            seconds = timed(lambda fn=fn, result=result: fn(result), args.repeat)
            cells.append(f"{seconds:>13.3f} s {1e6 * seconds / n:>6.0f}")
        print(f"{name:<10}" + "".join(cells))


if __name__ == "__main__":
    main()
