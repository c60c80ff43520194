"""`migrate` round trip on each bundled sample: migrate it through the CLI, extract the new form, and
every text the landlord wrote is in the right column, once.

* no "2022 1.3:" labels in the landlord's cells (which old row said what is in the review comment);
* in a form with an Evidence column, text marked "Evidence: …" in an old combined column is there,
  and not left in the commentary;
* a provision split into two new rows is carried into the first only (the second is blank, flagged,
  with a note), so nothing is said twice and no finding appears twice.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (SAMPLES / "expected").glob("*.json")}
# every DOCX sample, to the next version that has its own Evidence column
TARGET = {"2022": "2024", "joint": "2024", "2024": "joint"}
LABEL = re.compile(r"\b(?:2022|2024|joint) \d{1,2}\.\d{1,2}: ", re.IGNORECASE)
EVIDENCE_MARK = re.compile(r"(?:^|(?<=[.!?;])\s+)evidence\s*:", re.IGNORECASE)
DOCX = sorted(name for exp in EXPECTED.values() for name in exp["files"] if name.endswith(".docx"))


def _n(text: str) -> str:
    return " ".join(text.split())


def _parts(commentary: str, evidence: str, move: bool) -> tuple[str, str]:
    """What an old row's cells should become in a form with (``move``) or without an Evidence column."""
    if not move:
        return _n(commentary), _n(evidence)
    found = EVIDENCE_MARK.search(commentary)
    if found is None:
        return _n(commentary), _n(evidence)
    return _n(commentary[: found.start()]), _n(" ".join((evidence, commentary[found.end():])))


@pytest.mark.slow
@pytest.mark.parametrize("name", DOCX)
def test_every_carried_text_is_in_the_right_column_once(name: str, tmp_path: Path) -> None:
    from codecheck.api import extract
    from codecheck.writer import layout_for

    old = extract(SAMPLES / name)
    target = TARGET[old.code.id]
    out = tmp_path / "migrated.docx"
    result = runner.invoke(app, ["migrate", str(SAMPLES / name), "--to", target, "-o", str(out)])
    assert result.exit_code == 0, result.output
    new = extract(out)
    assert new.code.id == target
    move = layout_for(new.code).index("evidence") is not None

    cells = [(_n(a.row.commentary), _n(a.row.evidence)) for a in new.rows]
    for commentary, evidence in cells:
        assert not LABEL.search(commentary) and not LABEL.search(evidence)
        if move:
            assert not EVIDENCE_MARK.search(commentary), commentary

    expected = [_parts(a.row.commentary, a.row.evidence, move) for a in old.rows if a.provisions]
    wanted_c = Counter(c for c, _ in expected if c)
    wanted_e = Counter(e for _, e in expected if e)
    # once: a text of some length that no other old text contains is in at most as many new cells as
    # old rows said it (a split provision's text is not repeated in its second row)
    for wanted, column in ((wanted_c, 0), (wanted_e, 1)):
        for text, times in wanted.items():
            if len(text) < 40 or any(text in other and text != other for other in wanted):
                continue
            found = sum(1 for cell in cells if text in cell[column])
            assert found <= times, (text, found, times)
    # the right column: evidence never ends up in the commentary unless the landlord wrote it there too
    for text in wanted_e:
        if len(text) >= 20 and not any(text in c for c in wanted_c):
            assert not any(text in c for c, _ in cells), text
    # nothing is lost: each old text is somewhere in the new form (its rows, or its appendix)
    import docx

    tables = docx.Document(str(out)).tables
    whole = _n(" ".join(cell.text for t in tables for r in t.rows for cell in r.cells))
    for text in [*wanted_c, *wanted_e]:
        assert text in whole, text
