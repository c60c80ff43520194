"""Hostile commentary cannot keep the statement reader busy: the patterns that made earlier text
analysis quadratic (issue 15: a phrase repeated 100 KB long with no full stop took minutes) end
within a generous bound, in a child process so that a regression fails instead of hanging CI.

A bound, not a timed assertion: each cell gets 30 s on a slow, shared 2-core machine, where the reader
needs well under a tenth of that; ``bench/scaling_text.py`` measures the time per KB.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from codecheck.statements.sentences import MAX_SENTENCE, sentences

HOSTILE = {
    "stage 3 panel": "stage 3 panel ",
    "timescales without a full stop": "acknowledged within 10 working days at stage 1 and ",
    "denied stage 0": "we do not have a stage 0 and ",
}
CELL = 100_000  # the default cap on one cell's text

SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path

    from codecheck.codes import get_version
    from codecheck.engine import load_rules, run_rules
    from codecheck.model import AlignedDocument, AlignedRow, Document, Location, Row, VersionDetection

    unit, size = sys.argv[1], int(sys.argv[2])
    text = (unit * (size // len(unit) + 1))[:size]
    code = get_version("2024")
    rows, aligned_rows = [], []
    for i, pid in enumerate(("6.9", "1.2")):  # every content rule reads these (lists, definitions too)
        requirement = code.provision(pid).form_wording
        row = Row(pid, requirement, "partial", "Partial", "", text, Location(None, 1, i + 1))
        rows.append(row)
        aligned_rows.append(AlignedRow(row, (pid,), 100.0, "number"))
    detection = VersionDetection("2024", 1.0)
    document = Document(Path("example-homes.docx"), "docx", rows)
    doc = AlignedDocument(document, code, detection, aligned_rows, [], "2025-06-01")
    rules = [r for r in load_rules([]) if r.group in ("answers", "evidence", "dates", "process", "wording")]
    findings = run_rules(doc, rules, date(2025, 6, 1))
    print(len(findings))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_cells_end_within_bounds(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, HOSTILE[name], str(CELL)],
        capture_output=True,
        text=True,
        timeout=30 * 2,  # two rows, each with 100 KB of commentary
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) >= 1


def test_a_run_without_full_stops_is_cut_into_bounded_sentences() -> None:
    text = "within 10 working days and " * 4000
    spans = sentences(text)
    assert len(spans) > 1 and max(len(s.text) for s in spans) <= MAX_SENTENCE
    assert all(text[s.start : s.end] == s.text for s in spans)
