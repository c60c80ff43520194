"""Run selected rules over an aligned document and order the findings deterministically.

Findings come out in the order a reader of the document meets them: document-level findings first,
then row findings in document order, then findings about provisions the document omits (in the
official form's order); ties are broken by rule code, provision and message so that two runs over the
same input always print the same report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from codecheck.engine.context import CheckContext, NotApplicable, RuleParams
from codecheck.engine.registry import get_applicability, get_check
from codecheck.errors import RuleDefinitionError
from codecheck.model import AlignedDocument, CodeVersion, Finding, Location, RuleSpec


def applies_to(rule: RuleSpec, version: str) -> bool:
    """Whether ``rule`` is limited to other Code versions than ``version`` ("*" means every version)."""
    return "*" in rule.versions or version in rule.versions


def not_applicable(rule: RuleSpec, code: CodeVersion) -> NotApplicable | None:
    """Why ``rule`` has nothing to judge on forms of ``code``, or None when it can judge them.

    Built-in rules apply to every version and decide from its facts; a rule whose check finds no fact
    it needs in the version's file says so here (``NotApplicable.warn``), and is skipped.
    """
    if not applies_to(rule, code.id):
        return NotApplicable(f"it is limited to Code versions {', '.join(rule.versions)}", warn=False)
    fn = get_applicability(rule.check or rule.slug)
    return fn(code, RuleParams(rule.code, rule.params)) if fn is not None else None


def rules_without_facts(rules: Sequence[RuleSpec], code: CodeVersion) -> list[tuple[RuleSpec, str]]:
    """The rules that find nothing to apply to ``code`` for want of its facts, and what is missing.

    The CLI warns about each (once per run, and in ``codecheck rules --code``): a version file that
    forgot a fact would otherwise make its rule fall silent without anyone knowing.
    """
    out = []
    for rule in rules:
        skip = not_applicable(rule, code)
        if skip is not None and skip.warn:
            out.append((rule, skip.reason))
    return out


def run_rules(
    aligned: AlignedDocument, rules: Sequence[RuleSpec], today: date | None = None
) -> list[Finding]:
    """Run every rule that applies to the document's Code version and return sorted findings."""
    ctx = CheckContext(aligned=aligned, today=today or date.today())
    findings: list[Finding] = []
    for rule in rules:
        if not applies_to(rule, aligned.code.id):
            continue
        fn = get_check(rule.check or rule.slug)
        if fn is None:  # load_rules refuses such rules; this guards hand-built RuleSpecs
            raise RuleDefinitionError(f"rule {rule.code}: no check function is registered as {rule.slug!r}")
        if not_applicable(rule, aligned.code) is not None:
            continue  # the version's facts give the rule nothing to judge (the CLI warns where it should)
        for hit in fn(ctx, RuleParams(rule.code, rule.params)):
            findings.append(
                Finding(
                    code=rule.code,
                    rule=rule.slug,
                    severity=rule.severity if hit.severity is None else min(rule.severity, hit.severity),
                    provision=hit.provision,
                    message=hit.message,
                    location=hit.location,
                    snippet=hit.snippet,
                    quote=hit.quote,
                    reading=hit.reading,
                )
            )
    return sort_findings(findings, aligned)


def sort_findings(findings: list[Finding], aligned: AlignedDocument) -> list[Finding]:
    """Sort by document position (see module docstring), then code, provision and message."""
    by_location: dict[tuple, int] = {}
    by_provision: dict[str, int] = {}
    for i, ar in enumerate(aligned.rows):
        by_location.setdefault(_loc_key(ar.row.location), i)
        for pid in ar.provisions:
            by_provision.setdefault(pid, i)
        if ar.row.provision:
            by_provision.setdefault(ar.row.provision, i)
    form_order = {pid: i for i, pid in enumerate(aligned.code.form_provision_ids)}

    def key(f: Finding) -> tuple:
        if f.location is not None and _loc_key(f.location) in by_location:
            place = (1, by_location[_loc_key(f.location)])
        elif f.provision is None:
            place = (0, 0)
        elif f.provision in by_provision:
            place = (1, by_provision[f.provision])
        else:
            place = (2, form_order.get(f.provision, len(form_order)))
        return (*place, f.code, f.provision or "", f.message)

    return sorted(findings, key=key)


def _loc_key(loc: Location) -> tuple:
    return (loc.page, loc.table, loc.row)
