"""The documentation's generated parts are current: the README's rule table matches the rule specs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _rule_table_script():
    spec = importlib.util.spec_from_file_location("rule_table", REPO / "scripts" / "rule_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_readme_rule_table_is_generated_from_the_specs() -> None:
    script = _rule_table_script()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert script.rendered(readme) == readme, "stale README rule table: run python scripts/rule_table.py"


def test_rule_table_lists_every_rule_once() -> None:
    from codecheck.engine import load_rules

    table = _rule_table_script().table()
    for rule in load_rules():
        assert table.count(f"| {rule.code} | `{rule.slug}` |") == 1
