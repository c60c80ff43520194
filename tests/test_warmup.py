"""Before a batch forks its workers, the parent loads what every audit needs, and only that.

Run in a fresh interpreter: this test process has long since imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from codecheck.codes import get_version
from codecheck.warmup import made_up_form

PROBE = textwrap.dedent(
    """
    import json, sys
    from codecheck.config import load_config
    from codecheck.statements import lexicon
    from codecheck.text.context import _compile
    from codecheck.warmup import prepare

    prepare(sys.argv[1:], load_config(None))
    print(json.dumps({
        "docx": "codecheck.readers.docx" in sys.modules and "lxml.etree" in sys.modules,
        "pdf": "codecheck.readers.pdf" in sys.modules and "pdfplumber" in sys.modules,
        # the rules' own patterns and the statement reader's cue lists (what the content rules use)
        "patterns": _compile.cache_info().currsize
        + lexicon.rx.cache_info().currsize
        + lexicon.rx_named.cache_info().currsize,
    }))
    """
)


def probe(tmp_path: Path, *suffixes: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *suffixes], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    return json.loads(out.stdout)


def test_loads_the_readers_the_batch_needs_and_compiles_the_rules_patterns(tmp_path: Path) -> None:
    docx_only = probe(tmp_path, ".docx")
    assert docx_only["docx"] and not docx_only["pdf"]
    assert docx_only["patterns"] > 20  # the checks' cue lists, compiled before any worker forks
    both = probe(tmp_path, ".DOCX", ".pdf")
    assert both["docx"] and both["pdf"]


def test_a_broken_rules_file_is_left_for_the_documents_to_report(tmp_path: Path) -> None:
    (tmp_path / "bad-rules.yaml").write_text("rules: [", encoding="utf-8")
    (tmp_path / "codecheck.toml").write_text('rules = ["bad-rules.yaml"]\n', encoding="utf-8")
    assert probe(tmp_path, ".docx")["docx"]  # prepared what it could, raised nothing


def test_the_made_up_form_answers_every_provision_in_the_codes_words() -> None:
    version = get_version("2024")
    form = made_up_form(version)
    assert [r.provision for r in form.rows] == [p.id for p in version.provisions]
    assert {r.answer for r in form.rows} == {"yes", "partial", "no", "blank"}
    assert all(r.requirement for r in form.rows)
