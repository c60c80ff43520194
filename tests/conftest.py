"""Shared test set-up: a quiet, deterministic environment and the location of ../shared."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # fixture builders (docx_factory, hostile_factory, …) import by name

# The parsed-YAML cache must not write into the developer's (or CI's) home folder during tests; every
# codecheck process the suite starts inherits this.
os.environ.setdefault("CODECHECK_CACHE_DIR", tempfile.mkdtemp(prefix="codecheck-test-cache-"))


def shared_dir() -> Path:
    """The shared folder beside the checkout (CI puts it at ../shared), or $CODECHECK_SHARED."""
    env = os.environ.get("CODECHECK_SHARED")
    return Path(env) if env else TESTS.parent.parent / "shared"


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("CODECHECK_DEBUG", raising=False)
