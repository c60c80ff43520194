"""Write the README's table of rules from the rule specs (``rules/<CODE>-<slug>/rule.yaml``).

    python scripts/rule_table.py           # rewrite the table in README.md
    python scripts/rule_table.py --check   # exit 1 when README.md's table is stale (tests do this)

The table sits between two marker comments in README.md; everything else in the file is left alone.
A rule's code, slug, group, default severity and summary come from its spec, so the README can never
list a rule that does not exist or miss one that does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- rule table: generated from rules/*/rule.yaml by scripts/rule_table.py; do not edit by hand -->"
END = "<!-- end of rule table -->"


def table() -> str:
    """The Markdown table of every shipped rule, in code order."""
    from codecheck.engine import load_rules

    lines = ["| code | rule | group | severity | flags |", "|---|---|---|---|---|"]
    for rule in load_rules(strict=True):
        severity = str(rule.severity) if rule.enabled else f"{rule.severity} (off by default)"
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | `{rule.slug}` | {rule.group} | {severity} | {summary} |")
    return "\n".join(lines)


def rendered(text: str) -> str:
    """``text`` (README.md) with the table between the markers replaced by the current one."""
    if START not in text or END not in text:
        raise SystemExit(f"{README}: the rule table markers are missing")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md's table is stale")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    wanted = rendered(current)
    if args.check:
        if wanted != current:
            print(f"{README}: the rule table is stale; run python scripts/rule_table.py", file=sys.stderr)
            return 1
        return 0
    if wanted != current:
        README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
