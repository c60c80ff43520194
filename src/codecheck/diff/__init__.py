"""What changed between two Code versions, provision by provision (`codecheck diff`).

The cross-version map (``codecheck.codes.get_map``) says which provisions became which; this package
checks each claim against the texts and the structured data rather than trusting it:

- change kinds that can be computed are computed: renumbered (ids differ), reworded (normalised wording
  differs), strengthened/weakened (``Provision.obligation`` should <-> must), timescale changed
  (``Provision.timescales``), merged/split (an id shared between entries, or several ids in one);
- a pair the map links whose wording has little in common, a map kind the data contradicts, and a pair
  the map does not link whose wording is near-identical are each reported as a *disagreement* on the
  entry, never silently resolved either way.

The word-level diff is ``difflib.SequenceMatcher`` over whitespace-separated words compared after
normalising quotes and case, rendered as ``[-old-]{+new+}`` (text), ``~~old~~ **new**`` (Markdown) or
``<del>/<ins>`` (HTML, autoescaped, self-contained).
"""

from __future__ import annotations

from codecheck.diff.compare import diff_versions, select_provision
from codecheck.diff.model import (
    JSON_SCHEMA_VERSION,
    KIND_LABELS,
    KINDS,
    CodeDiff,
    ProvisionChange,
    TimescaleChange,
    WordOp,
)
from codecheck.diff.render import RENDERERS, render_html, render_json, render_markdown, render_text
from codecheck.diff.timescales import compare_timescales, describe_timescale
from codecheck.diff.words import normalise, similarity, word_diff

__all__ = [
    "JSON_SCHEMA_VERSION",
    "KINDS",
    "KIND_LABELS",
    "RENDERERS",
    "CodeDiff",
    "ProvisionChange",
    "TimescaleChange",
    "WordOp",
    "compare_timescales",
    "describe_timescale",
    "diff_versions",
    "normalise",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "select_provision",
    "similarity",
    "word_diff",
]
