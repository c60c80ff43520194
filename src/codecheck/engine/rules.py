"""Load and validate rule specs: the built-in ``rules/<CODE>-<slug>/rule.yaml`` and user ``--rules`` files.

A rule's spec says *what* is checked and how it is presented (code, slug, severity, wording, the
anti-pattern and its fix, the Code provisions it rests on, parameters with their defaults, and
optionally the Code versions it is limited to); its logic is the module ``codecheck.checks.<slug>``
(``engine.registry``). Validation is strict and happens at load time so that a typo in a rules file is
a one-line ``RuleDefinitionError`` naming the file, the rule and the field, never a crash halfway
through an audit.

A built-in rule is one folder holding ``rule.yaml`` (one rule's fields) beside its ``cases.yaml``. A
user rules file (``schema: 1`` and a list of ``rules``, each with the same fields) may do two things:

* re-declare a built-in rule (same code and slug) to change its wording, severity, parameters or
  default state: later files override earlier ones, field by field;
* declare a new rule (new code and slug) whose ``check`` names another check, so a built-in logic can
  be reused with other parameters (it starts from that rule's parameters), or the generic
  ``text-pattern`` check applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from codecheck.errors import RuleDefinitionError
from codecheck.model import RuleSpec, Severity

SCHEMA_VERSION = 1
CODE_RE = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
GROUP_RE = SLUG_RE
MAX_RULES_FILE_BYTES = 1_000_000  # a rules file is hand-written YAML; anything bigger is a mistake

_REQUIRED = ("code", "slug", "severity", "summary", "rationale")
# "versions" defaults to every version: a built-in rule decides from the version's facts
_OPTIONAL = (
    "group",
    "provisions",
    "enabled",
    "params",
    "example",
    "check",
    "anti_pattern",
    "fix",
    "action",
    "versions",
)
RULE_FILE = "rule.yaml"  # a built-in rule's spec, in its folder rules/<CODE>-<slug>/
_KNOWN_FIELDS = frozenset(_REQUIRED + _OPTIONAL)
_UniqueKeyLoader: Any = None  # built on first use: yaml is imported lazily


def builtin_rule_files() -> list[Path]:
    """The spec of every rule shipped with codecheck (``rules/*/rule.yaml``), in folder order."""
    from codecheck.resources import rules_dir

    return sorted(p for p in rules_dir().glob(f"*/{RULE_FILE}") if p.is_file())


def _unique_key_loader():
    """A SafeLoader that refuses a key given twice in one mapping (YAML would keep the last silently)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~15x faster

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    def construct_mapping(loader: Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _value in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} given twice", key_node.start_mark
                )
            seen.add(key)
        return loader.construct_mapping(node, deep=deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return Loader


def read_rules_file(path: Path) -> list[dict[str, Any]]:
    """Parse one rules file and return its raw rule mappings (structure checked, fields not yet)."""
    from codecheck.codes import yaml_cache

    try:
        size = path.stat().st_size
        if size > MAX_RULES_FILE_BYTES:
            raise RuleDefinitionError(f"rules file is too large ({size} bytes)", path)
        text = path.read_text(encoding="utf-8")
    except RuleDefinitionError:
        raise
    except FileNotFoundError:
        raise RuleDefinitionError("rules file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDefinitionError(f"cannot read rules file: {exc}", path) from None

    def parse(text: str) -> Any:
        import yaml

        global _UniqueKeyLoader
        if _UniqueKeyLoader is None:
            _UniqueKeyLoader = _unique_key_loader()
        try:
            return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass: no Python objects
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise RuleDefinitionError(
                f"invalid YAML{where}: {getattr(exc, 'problem', None) or exc}", path
            ) from None

    data = yaml_cache.load(text, "rules", parse)  # parsed once per content (checks below run each time)
    if path.name == RULE_FILE:  # a built-in rule's folder: the file is that one rule
        if not isinstance(data, dict):
            raise RuleDefinitionError("expected a mapping of the rule's fields", path)
        return [data]
    if not isinstance(data, dict):
        raise RuleDefinitionError("expected a mapping with 'schema' and 'rules'", path)
    unknown = sorted(set(data) - {"schema", "rules"})
    if unknown:
        raise RuleDefinitionError(f"unknown top-level key {unknown[0]!r}", path)
    if data.get("schema") != SCHEMA_VERSION:
        raise RuleDefinitionError(f"'schema' must be {SCHEMA_VERSION}, got {data.get('schema')!r}", path)
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise RuleDefinitionError("'rules' must be a list", path)
    for i, raw in enumerate(rules, 1):
        if not isinstance(raw, dict):
            raise RuleDefinitionError(f"rule #{i}: expected a mapping", path)
    return rules


def _version_ids() -> list[str]:
    """The shipped Code version ids a rule may name."""
    from codecheck.codes import version_ids

    return list(version_ids())


def _fail(path: Path, rule: str, field: str, problem: str) -> RuleDefinitionError:
    return RuleDefinitionError(f"rule {rule}: field {field!r}: {problem}", path)


def _str_list(value: Any, path: Path, rule: str, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise _fail(path, rule, field, "expected a list of strings")
    return tuple(str(v).strip() for v in value)


def parse_rule(
    raw: dict[str, Any], path: Path, base: RuleSpec | None = None, *, user: bool = False
) -> RuleSpec:
    """Validate one rule mapping; with ``base``, the mapping overrides that rule field by field.

    ``user``: the file is a user's (not shipped with codecheck): the strings of its ``params`` are
    marked ``UserPattern``, so that any of them used as a regex runs on the bounded engine.
    """
    name = str(raw.get("code") or raw.get("slug") or "?")
    unknown = sorted(set(raw) - _KNOWN_FIELDS)
    if unknown:
        raise _fail(path, name, unknown[0], "unknown field")
    if base is None:
        for key in _REQUIRED:
            if raw.get(key) in (None, ""):
                raise _fail(path, name, key, "missing")
    fields: dict[str, Any] = {}
    if "code" in raw:
        code = str(raw["code"]).strip()
        if not CODE_RE.match(code):
            raise _fail(path, name, "code", f"{code!r} is not like 'CC101'")
        fields["code"] = code
    if "slug" in raw:
        slug = str(raw["slug"]).strip()
        if not SLUG_RE.match(slug):
            raise _fail(path, name, "slug", f"{slug!r} is not lower-case-with-hyphens")
        fields["slug"] = slug
    if "severity" in raw:
        try:
            fields["severity"] = Severity.parse(str(raw["severity"]))
        except ValueError as exc:
            raise _fail(path, name, "severity", str(exc)) from None
    for key in ("summary", "rationale", "anti_pattern", "fix", "action"):
        if key in raw:
            if not isinstance(raw[key], str) or not raw[key].strip():
                raise _fail(path, name, key, "expected non-empty text")
            one_line = key in ("summary", "action")  # printed in a report's sentence or table cell
            fields[key] = " ".join(raw[key].split()) if one_line else raw[key].strip()
    if "example" in raw:
        if raw["example"] is not None and not isinstance(raw["example"], str):
            raise _fail(path, name, "example", "expected text")
        fields["example"] = raw["example"].strip() if raw["example"] else None
    if "versions" in raw:
        versions = _str_list(raw["versions"], path, name, "versions")
        if not versions:
            raise _fail(path, name, "versions", "empty (use ['*'] for every version)")
        known = _version_ids()
        unknown = [v for v in versions if v != "*" and v not in known]
        if unknown:
            raise _fail(
                path,
                name,
                "versions",
                f"unknown Code version {unknown[0]!r} (known: {', '.join(known)}, or '*')",
            )
        fields["versions"] = versions
    if "provisions" in raw:
        fields["provisions"] = _str_list(raw["provisions"] or [], path, name, "provisions")
    if "group" in raw:
        group = str(raw["group"]).strip()
        if not GROUP_RE.match(group):
            raise _fail(path, name, "group", f"{group!r} is not lower-case-with-hyphens")
        fields["group"] = group
    if "enabled" in raw:
        if not isinstance(raw["enabled"], bool):
            raise _fail(path, name, "enabled", "expected true or false")
        fields["enabled"] = raw["enabled"]
    if "params" in raw:
        params = raw["params"] if raw["params"] is not None else {}
        if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
            raise _fail(path, name, "params", "expected a mapping of names to values")
        if base is not None:
            extra = sorted(set(params) - set(base.params))
            if extra:  # an override can only tune what the rule declares: a misspelt key would do nothing
                declared = ", ".join(sorted(base.params)) or "none"
                raise _fail(
                    path, name, f"params.{extra[0]}", f"{base.code} has no such parameter ({declared})"
                )
        if user:
            from codecheck.patterns import mark_user_values

            params = {k: mark_user_values(v, f"{path}: rule {name}: params.{k}") for k, v in params.items()}
        fields["params"] = {**(base.params if base else {}), **params}
    if "check" in raw:
        check = str(raw["check"]).strip()
        if not SLUG_RE.match(check):
            raise _fail(path, name, "check", f"{check!r} is not a check name")
        fields["check"] = check
    fields["source"] = str(path)
    if base is not None:
        return replace(base, **fields)
    fields.setdefault("group", "general")
    return RuleSpec(**fields)


def _with_check_defaults(rule: RuleSpec, known: Iterable[RuleSpec], path: Path) -> RuleSpec:
    """A new rule reusing another rule's check starts from that rule's parameters (their defaults are
    written once, in its spec); it may only tune parameters that rule declares."""
    template = next((r for r in known if r.slug == rule.check), None)
    if template is None:  # a check with no built-in spec (text-pattern) takes the params as given
        return rule
    extra = sorted(set(rule.params) - set(template.params))
    if extra:
        declared = ", ".join(sorted(template.params)) or "none"
        problem = f"{template.slug} has no such parameter ({declared})"
        raise _fail(path, rule.code, f"params.{extra[0]}", problem)
    return replace(rule, params={**template.params, **rule.params})


def _compile_user_patterns(rule: RuleSpec, names: tuple[str, ...], raw: dict[str, Any]) -> None:
    """Compile the regex parameters a user's file gives (``names``: the check's ``PATTERN_PARAMS``),
    so that a pattern the bounded engine refuses is one error when the file is loaded, not one per
    document audited."""
    from codecheck.patterns import compile_any

    given = raw.get("params") or {}
    for name in names:
        value = rule.params.get(name) if name in given else None
        if isinstance(value, str | list | tuple) and value:
            compile_any(value)


def load_rules(extra_files: Iterable[Path | str] = (), *, strict: bool = False) -> list[RuleSpec]:
    """Load the built-in rules, then each extra file in order; return them sorted by code.

    Raises ``RuleDefinitionError`` (file, rule, field) for any invalid declaration, for a code or slug
    declared twice in one file or clashing across files, and for a user rule whose check is not
    registered. A *built-in* rule without a registered check (a check module missing from this
    installation) is left out rather than breaking every audit; ``strict=True`` (the test suite) makes
    it an error too.
    """
    from codecheck.engine.registry import get_check, get_pattern_params

    by_code: dict[str, RuleSpec] = {}
    builtin = builtin_rule_files()
    for path in [*builtin, *(Path(p) for p in extra_files)]:
        is_builtin = path in builtin
        seen_here: set[str] = set()
        for raw in read_rules_file(path):
            code = str(raw.get("code", "")).strip()
            slug = str(raw.get("slug", "")).strip()
            name = code or slug or "?"
            if code in seen_here or slug in seen_here:
                raise _fail(path, name, "code", "declared twice in this file")
            base = by_code.get(code)
            if base is None:
                clash = next((r for r in by_code.values() if r.slug == slug), None)
                if clash is not None:
                    raise _fail(path, name, "slug", f"{slug!r} is already rule {clash.code} ({clash.source})")
            elif slug and slug != base.slug:
                raise _fail(
                    path, name, "slug", f"{code} is {base.slug!r}; a rule's code and slug cannot change"
                )
            rule = parse_rule(raw, path, base, user=not is_builtin)
            if is_builtin and path.parent.name != f"{rule.code}-{rule.slug}":
                raise _fail(path, name, "code", f"a rule's folder must be named {rule.code}-{rule.slug}")
            if base is None and rule.check:
                rule = _with_check_defaults(rule, by_code.values(), path)
            if get_check(rule.check or rule.slug) is None:
                if is_builtin and not strict:
                    continue
                field = "check" if rule.check else "slug"
                raise _fail(
                    path, name, field, f"no check function is registered as {rule.check or rule.slug!r}"
                )
            if not is_builtin:
                _compile_user_patterns(rule, get_pattern_params(rule.check or rule.slug), raw)
            seen_here.update({rule.code, rule.slug})
            by_code[rule.code] = rule
    return sorted(by_code.values(), key=lambda r: r.code)
