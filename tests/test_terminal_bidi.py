"""Bidirectional control characters in document text never reach a terminal or a CI log raw.

A right-to-left override in a file name or a cell can make what a reviewer reads differ from what
the document says ("Trojan Source"); ``codecheck.terminal.safe_text`` shows each as ``<U+XXXX>``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from codecheck.cli.app import app
from codecheck.terminal import BIDI_CONTROLS, one_line, safe_text

runner = CliRunner()
EXPECTED = {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def test_every_bidi_control_is_made_visible() -> None:
    assert set(BIDI_CONTROLS) == EXPECTED
    for code in EXPECTED:
        cleaned = safe_text(f"a{chr(code)}b")
        assert cleaned == f"a<U+{code:04X}>b"
        assert one_line(f"x {chr(code)} y") == f"x <U+{code:04X}> y"


def test_other_right_to_left_text_is_kept() -> None:
    hebrew = "\u05e9\u05dc\u05d5\u05dd"  # letters, not controls: a document may quote them
    assert safe_text(hebrew) == hebrew


@pytest.fixture(scope="module")
def bidi_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A form whose file name holds a right-to-left override and whose extra row's number holds one."""
    from docx_factory import Table, simple_rows, write_docx

    rows = simple_rows()
    extra = ["9.\u202e7", "Requirement \u2067text\u2069", "No", "Example Homes", "We \u202eevah\u202c it."]
    rows.append(extra)
    return write_docx(tmp_path_factory.mktemp("bidi") / "example\u202ehomes.docx", [Table(rows)])


def _no_raw_bidi(text: str) -> None:
    raw = sorted({f"U+{ord(c):04X}" for c in text if ord(c) in EXPECTED})
    assert not raw, f"raw bidirectional controls in output: {raw}"


def test_github_annotations_show_bidi_controls(bidi_form: Path) -> None:
    result = runner.invoke(app, ["audit", "--isolated", "--exit-zero", "--format", "github", str(bidi_form)])
    assert result.exit_code == 0, result.stderr
    _no_raw_bidi(result.stdout)
    assert "example<U+202E>homes.docx" in result.stdout
    assert "(provision 9.<U+202E>7)" in result.stdout


def test_error_line_naming_the_file_shows_bidi_controls(tmp_path: Path) -> None:
    bad = tmp_path / "form\u202excod.docx"
    bad.write_bytes(b"not a zip at all")
    result = runner.invoke(app, ["audit", "--isolated", str(bad)])
    assert result.exit_code == 2
    _no_raw_bidi(result.stderr)
    assert "form<U+202E>xcod.docx" in result.stderr
