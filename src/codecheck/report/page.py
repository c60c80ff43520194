"""The one HTML page style codecheck's reports share: a jinja environment, base template, stylesheet.

The audit report and the ``diff`` report are both board papers; they extend ``base.html.j2``, which
inlines ``style.css`` (no external assets) and sets a Content-Security-Policy that allows no scripts,
no fetches and only inline styles and ``data:`` images. Autoescaping is forced on for every template
(their ``.j2`` ending would not switch it on by itself): document text is hostile until proven
otherwise, and it is only ever inserted as escaped text after ``clean`` has stripped control and
bidirectional-control characters.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from codecheck.terminal import safe_text

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(value: date | str | None) -> str:
    """A date as a board paper writes it ("3 December 2026"); text that is not an ISO date as given."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return safe_text(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 finding", "3 findings" (``many`` for irregular plurals)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def css_string(value: object) -> str:
    """Text as a quoted CSS string (for a running footer): every character that is not an ASCII
    letter or digit is written as a CSS escape, so document text cannot end the string or the
    ``<style>`` element it sits in."""
    text = " ".join(safe_text(str(value)).split())
    # a space right after an escape would be eaten as its terminator: spaces are escaped too
    out = "".join(ch if ch.isalnum() and ch.isascii() else f"\\{ord(ch):06x}" for ch in text)
    return f'"{out}"'


@lru_cache(maxsize=1)
def environment():
    """The jinja environment every HTML report renders with (templates in ``report/templates``)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("codecheck.report", "templates"),
        autoescape=True,  # always: document text is hostile until proven otherwise
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clean"] = lambda v: safe_text(str(v)) if v is not None else ""
    env.filters["plural"] = plural
    env.filters["long_date"] = long_date
    env.filters["css_string"] = css_string
    return env


def render_page(template: str, **context) -> str:
    """Render one of the report templates (which extend ``base.html.j2``) with ``context``."""
    return environment().get_template(template).render(**context)
