"""Built-in checks. Importing this package registers every check module with the engine.

Each module registers its functions with ``@engine.registry.check(slug)`` when imported. The list is
explicit (a check is part of the product, not something picked up from whatever file lies here); a
module that is absent from this installation is skipped, and ``load_rules`` then leaves out the rules
it would have implemented (the test suite insists that every shipped rule has its check).
"""

from __future__ import annotations

import importlib

CHECK_MODULES = (
    "structure",
    "version",
    "extraction",
    "answers",
    "evidence",
    "dates",
    "process",
    "wording",
)

importlib.import_module("codecheck.engine.generic")  # `text-pattern`, for rules users declare

for _name in CHECK_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # only the module itself may be missing, not its imports
        if _exc.name != f"{__name__}.{_name}":
            raise
