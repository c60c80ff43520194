"""The rule engine: rule specs from YAML, selection and configuration, and running registered checks.

``load_rules`` reads and validates the rule specs (``rules/<CODE>-<slug>/rule.yaml``, plus ``--rules``
files), ``select_rules`` applies a ``Config`` (select / extend-select / ignore / severity /
per-document ignores) and ``run_rules`` calls each rule's check (``codecheck.checks.<slug>``, found by
``engine.registry``) over an ``AlignedDocument``.
"""

from __future__ import annotations

from codecheck.engine.context import CheckContext, Hit, NotApplicable, RuleParams
from codecheck.engine.registry import get_check, registered_slugs
from codecheck.engine.rules import builtin_rule_files, load_rules
from codecheck.engine.runner import applies_to, not_applicable, rules_without_facts, run_rules, sort_findings
from codecheck.engine.selection import apply_severity, is_selected, resolve_selector, select_rules

__all__ = [
    "CheckContext",
    "Hit",
    "NotApplicable",
    "RuleParams",
    "applies_to",
    "apply_severity",
    "builtin_rule_files",
    "get_check",
    "is_selected",
    "load_rules",
    "not_applicable",
    "registered_slugs",
    "resolve_selector",
    "rules_without_facts",
    "run_rules",
    "select_rules",
    "sort_findings",
]
