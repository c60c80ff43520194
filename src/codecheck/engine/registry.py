"""Find a rule's check: the module ``codecheck.checks.<slug with underscores>``, function ``check``.

There is no list of check modules to keep: a rule's slug names its module, so adding a rule is its
spec folder (``rules/<CODE>-<slug>/``) plus ``checks/<slug>.py``. A user rules file may name another
check with ``check:`` (e.g. the generic ``text-pattern``). Modules whose name starts with an underscore
hold logic that several checks share; they are not checks.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from codecheck.engine.context import CheckFn

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")  # a slug: nothing else can name a module
_REGISTRY: dict[str, CheckFn] = {}  # checks found so far, by name


def module_name(name: str) -> str:
    """The module implementing the check ``name`` ("missing-evidence" -> checks.missing_evidence)."""
    return f"codecheck.checks.{name.replace('-', '_')}"


def get_check(name: str) -> CheckFn | None:
    """The check function called ``name``, or None when no check module has that name."""
    found = _REGISTRY.get(name)
    if found is not None or not _NAME.match(name):
        return found
    wanted = module_name(name)
    try:
        module = importlib.import_module(wanted)
    except ModuleNotFoundError as exc:
        if exc.name != wanted:  # the module exists but one of its own imports is missing: a real error
            raise
        return None
    fn = getattr(module, "check", None)
    if not callable(fn):
        return None
    _REGISTRY[name] = fn
    return fn


def registered_slugs() -> list[str]:
    """Every check shipped in ``codecheck.checks``, by name (``text-pattern`` included)."""
    import codecheck.checks

    names = [
        info.name.replace("_", "-")
        for info in pkgutil.iter_modules(codecheck.checks.__path__)
        if not info.name.startswith("_") and not info.ispkg
    ]
    return sorted(n for n in names if get_check(n) is not None)
