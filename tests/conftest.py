"""Shared test set-up: a quiet, deterministic environment and the location of ../shared."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))  # fixture builders (docx_factory, hostile_factory, …) import by name


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
