"""Find a rule's check: the module ``codecheck.checks.<slug with underscores>``, function ``check``.

There is no list of check modules to keep: a rule's slug names its module, so adding a rule is its
spec folder (``rules/<CODE>-<slug>/``) plus ``checks/<slug>.py``. A user rules file may name another
check with ``check:`` (e.g. the generic ``text-pattern``). Modules whose name starts with an underscore
hold logic that several checks share; they are not checks.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from types import ModuleType

from codecheck.engine.context import ApplicabilityFn, CheckFn

CHECKS_PACKAGE = "codecheck.checks"
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")  # a slug: nothing else can name a module
_REGISTRY: dict[str, CheckFn] = {}  # checks found so far, by name


def module_name(name: str) -> str:
    """The module implementing the check ``name`` ("missing-evidence" -> checks.missing_evidence)."""
    return f"{CHECKS_PACKAGE}.{name.replace('-', '_')}"


def _module(name: str) -> ModuleType | None:
    if not _NAME.match(name):
        return None
    wanted = module_name(name)
    try:
        return importlib.import_module(wanted)
    except ModuleNotFoundError as exc:
        if exc.name != wanted:  # the module exists but one of its own imports is missing: a real error
            raise
        return None


def get_check(name: str) -> CheckFn | None:
    """The check function called ``name``, or None when no check module has that name."""
    found = _REGISTRY.get(name)
    if found is not None:
        return found
    fn = getattr(_module(name), "check", None)
    if not callable(fn):
        return None
    _REGISTRY[name] = fn
    return fn


def get_applicability(name: str) -> ApplicabilityFn | None:
    """The check's ``not_applicable(code, params)``, when its module defines one."""
    fn = getattr(_module(name), "not_applicable", None)
    return fn if callable(fn) else None


def get_pattern_params(name: str) -> tuple[str, ...]:
    """The parameters of check ``name`` that hold regular expressions (its ``PATTERN_PARAMS``), so
    that a user's rules file can have them compiled, and refused, when it is loaded."""
    value = getattr(_module(name), "PATTERN_PARAMS", ())
    return tuple(value) if isinstance(value, tuple | list) else ()


def registered_slugs() -> list[str]:
    """Every check shipped in ``codecheck.checks``, by name (``text-pattern`` included)."""
    # found by name, like every check: the engine depends on what a check module offers, not on
    # the modules themselves, which sit above it
    package = importlib.util.find_spec(CHECKS_PACKAGE)
    folders = list(package.submodule_search_locations or ()) if package is not None else []
    names = [
        info.name.replace("_", "-")
        for info in pkgutil.iter_modules(folders)
        if not info.name.startswith("_") and not info.ispkg
    ]
    return sorted(n for n in names if get_check(n) is not None)
