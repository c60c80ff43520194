"""Rule selectors and the choice of rules to run, in the manner of ruff.

A selector is ``ALL``, a rule code (``CC108``), a code prefix (``CC1``, ``CC10``), a slug
(``partial-without-date``) or a group (``dates``). When a rule is matched both by a ``select`` and an
``ignore`` selector, the more specific one wins (``select = ["CC1"]`` with ``ignore = ["CC108"]``
drops CC108; ``select = ["CC108"]`` with ``ignore = ["dates"]`` keeps it), and on a tie ``ignore``
wins. Without ``select`` the base is every rule enabled by default; ``extend-select`` adds to it,
which is how a default-off rule (``enabled: false``) is switched on.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from codecheck.errors import ConfigError
from codecheck.model import RuleSpec

if TYPE_CHECKING:  # pragma: no cover
    from codecheck.config import Config

# Specificity of a match: a whole code or slug beats a group beats a shorter prefix beats ALL.
_ALL, _GROUP, _PREFIX_BASE, _EXACT = 0, 1, 2, 100


def _specificity(selector: str, rule: RuleSpec) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more specific), or None if it does not."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return _ALL
    if sel.upper() == rule.code or sel.lower() == rule.slug:
        return _EXACT
    if sel.lower() == rule.group:
        return _GROUP
    if sel.upper() != sel.lower() and rule.code.startswith(sel.upper()) and sel[:1].isalpha():
        return _PREFIX_BASE + len(sel)
    return None


def validate_selectors(
    selectors: Iterable[str], rules: Sequence[RuleSpec], what: str, source: str | None
) -> None:
    """Raise ``ConfigError`` for a selector that matches no rule (a typo must not select nothing)."""
    for sel in selectors:
        if not any(_specificity(sel, r) is not None for r in rules):
            where = f" (from {source})" if source and source not in ("default",) else ""
            raise ConfigError(f"{what}: {sel!r} matches no rule code, prefix, slug or group{where}")


def resolve_selector(selector: str, rules: Sequence[RuleSpec]) -> list[RuleSpec]:
    """The rules a single selector names (for ``codecheck rules --select`` and for tests)."""
    return [r for r in rules if _specificity(selector, r) is not None]


def _best(selectors: Iterable[str], rule: RuleSpec) -> int:
    return max((s for s in (_specificity(sel, rule) for sel in selectors) if s is not None), default=-1)


def is_selected(
    rule: RuleSpec,
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> bool:
    """Whether ``rule`` runs under these selectors (see the module docstring for precedence)."""
    base = (_ALL if rule.enabled else -1) if select is None else _best(select, rule)
    chosen = max(base, _best(extend_select, rule))
    return chosen >= 0 and chosen > _best(ignore, rule)


def document_ignores(
    per_document: dict[str, Sequence[str]], path: Path | None, root: Path | None
) -> list[str]:
    """Selectors ignored for ``path`` by ``per-document-ignores`` globs.

    A glob is matched against the path relative to ``root`` (the folder of the config file that set
    it), the path as given, and the file name, so ``"drafts/*"``, ``"**/old-*.pdf"`` and
    ``"*.pdf"`` all behave as a user expects.
    """
    if not per_document or path is None:
        return []
    candidates = {path.as_posix(), path.name}
    try:
        resolved = path.resolve()
        candidates.add(resolved.as_posix())
        if root is not None:
            candidates.add(resolved.relative_to(root.resolve()).as_posix())
    except (OSError, ValueError):
        pass
    out: list[str] = []
    for pattern, selectors in per_document.items():
        patterns = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(c, p) for c in candidates for p in patterns):
            out.extend(selectors)
    return out


def select_rules(
    rules: Sequence[RuleSpec], config: Config | None = None, path: Path | None = None
) -> list[RuleSpec]:
    """The rules to run, with the configuration's severity overrides applied.

    ``path`` (the document) lets ``per-document-ignores`` apply. Selectors that match no rule raise
    ``ConfigError`` naming where they came from.
    """
    if config is None:
        return [r for r in rules if r.enabled]
    select = list(config.select) if config.select is not None else None
    extend = list(config.extend_select)
    ignore = list(config.ignore)
    validate_selectors(select or [], rules, "select", config.source_of("select"))
    validate_selectors(extend, rules, "extend-select", config.source_of("extend_select"))
    validate_selectors(ignore, rules, "ignore", config.source_of("ignore"))
    validate_selectors(config.severity, rules, "severity", config.source_of("severity"))
    for pattern, sels in config.per_document_ignores.items():
        validate_selectors(
            sels, rules, f"per-document-ignores[{pattern!r}]", config.source_of("per_document_ignores")
        )
    ignore += document_ignores(config.per_document_ignores, path, config.root)
    chosen: list[RuleSpec] = []
    for rule in rules:
        if not is_selected(rule, select, extend, ignore):
            continue
        chosen.append(apply_severity(rule, config.severity))
    return chosen


def apply_severity(rule: RuleSpec, overrides: dict) -> RuleSpec:
    """Apply the most specific matching ``severity`` override (selector -> Severity) to ``rule``."""
    best_spec, best_sev = -1, None
    for sel, sev in overrides.items():
        spec = _specificity(sel, rule)
        if spec is not None and spec > best_spec:
            best_spec, best_sev = spec, sev
    return rule if best_sev is None or best_sev == rule.severity else replace(rule, severity=best_sev)
