"""text-pattern: the generic check for rules that users declare in their own ``--rules`` files.

Built-in rules each have their own check module; a team's house rule ("never write 'informal stage'",
"cite the policy by its reference number") usually needs nothing more than a pattern over one column
of the rows. Such a rule names this check::

    - code: EX001
      slug: no-informal-stage
      check: text-pattern
      group: house
      severity: warning
      summary: "Commentary mentions an informal stage"
      rationale: "Code 5.x: ..."
      versions: ["*"]
      params:
        patterns: ['\\binformal stage\\b']
        columns: [commentary, evidence]
        answers: [yes, partial]        # optional: only rows with these answers
        message: "Mentions an informal stage"
        when: match                    # or "absent": flag rows where no pattern matches
        negation_cues: ['\bno\b', '\bnot\b', '\bnever\b']   # optional: "we have no informal stage"
        code_cues: ['\bthe code\b', '\bombudsman\b']         # optional: "the Code does not allow ..."
        skip_quoted: true              # optional: ignore matches inside double quotation marks

A match that is negated in its clause, sits inside a quotation, or is in a sentence about the Code
rather than the landlord's practice does not count, as for the built-in content checks.

Patterns are regular expressions matched case-insensitively. Coming from a user's file, they run on
RE2 (``codecheck.patterns``): matching time linear in the text, no look-around or back-references;
a pattern RE2 cannot compile is a ``RuleDefinitionError`` naming the rules file, the rule and the
pattern.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codecheck.engine.context import CheckContext, Hit
from codecheck.errors import RuleDefinitionError
from codecheck.patterns import compile_any

GENERIC = True  # no built-in rule of its own: user rules files name it (``check: text-pattern``)
PATTERN_PARAMS = ("patterns", "negation_cues", "code_cues")  # compiled when the rules file is loaded
COLUMNS = ("requirement", "answer_text", "evidence", "commentary")
SNIPPET_CHARS = 120


def _compile(patterns: Any) -> list[Any]:
    """Each pattern compiled (once per process; a user's on the bounded engine: codecheck.patterns)."""
    if isinstance(patterns, str):
        patterns = [patterns]
    texts = isinstance(patterns, list | tuple) and all(isinstance(p, str) for p in patterns)
    if not texts or not patterns:
        raise RuleDefinitionError("text-pattern: param 'patterns' must be a non-empty list of regexes")
    return [compile_any(p) for p in patterns]


def _columns(value: Any) -> tuple[str, ...]:
    cols = tuple(value) if isinstance(value, list | tuple) else (value,) if isinstance(value, str) else ()
    unknown = [c for c in cols if c not in COLUMNS]
    if not cols or unknown:
        raise RuleDefinitionError(f"text-pattern: param 'columns' must list some of {', '.join(COLUMNS)}")
    return cols


def _first_asserted(text: str, patterns: list[Any], params: dict[str, Any]) -> Any:
    """The first match in ``text`` that is meant: not negated, quoted or about the Code itself."""
    from codecheck.text.context import describes_code, in_quotation, is_negated

    negation = tuple(params.get("negation_cues") or ())
    code_cues = tuple(params.get("code_cues") or ())
    skip_quoted = bool(params.get("skip_quoted", False))
    for pattern in patterns:
        for m in pattern.finditer(text):
            if negation and is_negated(text, m.start(), m.end(), negation):
                continue
            if skip_quoted and in_quotation(text, m.start()):
                continue
            if code_cues and describes_code(text, m.start(), code_cues):
                continue
            return m
    return None


def _answer(value: Any) -> str:
    """YAML 1.1 reads an unquoted ``yes``/``no`` as a boolean; take it as the answer the user meant."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value).strip().lower()


def check(ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    """Flag rows whose chosen columns match (or, with ``when: absent``, do not match) the patterns."""
    patterns = _compile(params.get("patterns"))
    columns = _columns(params.get("columns", ["commentary"]))
    answers = {_answer(a) for a in params.get("answers") or ()}
    absent = str(params.get("when", "match")) == "absent"
    message = str(params.get("message") or "Matches the rule's pattern")
    for ar in ctx.aligned.rows:
        row = ar.row
        if answers and row.answer not in answers:
            continue
        found = None
        for col in columns:
            found = _first_asserted(getattr(row, col) or "", patterns, params)
            if found:
                break
        if absent == (found is not None):
            continue
        snippet = None
        if found is not None:
            start = max(0, found.start() - 40)
            snippet = " ".join(found.string[start : found.end() + 40].split())[:SNIPPET_CHARS]
        yield Hit(
            provision=ar.provision or (row.provision.strip() or None),
            message=message,
            location=row.location,
            snippet=snippet,
        )
