"""Errors that end a command with a one-line message and exit status 2.

Every failure a user can cause (a bad document, a bad config file, a bad Code definition, a bad
option) is one of these. The CLI prints ``codecheck: error: <str(exc)>`` and exits 2; it never shows
a traceback for them. Messages name the file first so that a batch log says which input was bad.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class CodecheckError(Exception):
    """Base class: a problem the user can fix, reported in one line."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.message = " ".join(str(message).split())  # always one line
        self.path = Path(path) if path is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message


class InputError(CodecheckError):
    """A document that cannot be read as a self-assessment (corrupt, encrypted, image-only, …)."""


class NoAssessmentError(InputError):
    """A readable document that holds no self-assessment (no form table, no labelled blocks).

    Told apart from a damaged file so that, when several files are read as one form, a page that
    only introduces the form can be passed over (with a note) while a corrupt one still fails.
    """


class ConfigError(CodecheckError):
    """A configuration file or option value that codecheck cannot accept."""


class CodeDefinitionError(CodecheckError):
    """A Code version or map YAML file that fails validation."""


class RuleDefinitionError(CodecheckError):
    """A rules YAML file that fails validation."""


class OutputExistsError(CodecheckError):
    """Refusal to overwrite an existing output file without --force."""
