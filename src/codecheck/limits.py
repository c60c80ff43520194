"""Resource limits for reading untrusted documents.

A self-assessment is a few hundred kilobytes; anything far larger is either a mistake or an attack
(a zip bomb, a billion-row table, a 50,000-page PDF). Every reader takes a ``Limits`` so that the
bounds are explicit, testable with tiny values, and configurable (``[limits]`` in the configuration).

The last two are not readers' limits but the budget each document's whole audit runs under on the
command line (``codecheck.budget``): whatever a reader or a rule does, a document that takes longer
or more memory than this ends in one error naming the file and the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds a reader enforces while it reads; exceeding one raises ``InputError``."""

    max_file_bytes: int = 100 * MB  # size of the file on disk
    max_decompressed_bytes: int = 200 * MB  # all ZIP members (or PDF streams) inflated, together
    max_zip_entries: int = 5000  # a DOCX has ~20 parts; thousands means something is wrong
    max_xml_part_bytes: int = 64 * MB  # one inflated XML part (word/document.xml)
    max_pages: int = 1000  # PDF pages examined
    max_rows: int = 20000  # physical table rows across the document
    max_tables: int = 2000  # tables across the document
    max_cell_chars: int = 100_000  # text kept per cell (longer text is truncated, with a note)
    max_nesting: int = 5  # tables inside tables
    max_page_objects: int = 100_000  # characters, lines, images and forms one PDF page draws
    max_seconds: int = 60  # wall-clock seconds per document (command line; see codecheck.budget)
    max_memory_mb: int = 2048  # memory per document beyond what codecheck holds before reading it

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"limit {name} must be a positive integer, not {value!r}")


DEFAULT_LIMITS = Limits()


def effective(limits: Limits | None) -> Limits:
    """The limits to apply: the caller's, or the defaults."""
    return limits if limits is not None else DEFAULT_LIMITS


# A vertically merged cell's text is repeated into every row it covers, so that each provision it spans
# cites it; a small hostile file could merge one huge cell down thousands of rows. The text repeated
# this way across a document is bounded to this many cells' worth of ``max_cell_chars``; past it,
# the repeats are read as empty (``readers.cell_budget``).
CARRY_CELLS = 10
