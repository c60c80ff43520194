"""Column layouts of the official self-assessment forms.

Each Code version's form prints its columns differently: the 2024 form has separate Evidence and
Commentary columns, the 2022 form one combined "Evidence, commentary and any explanations" column and
separate "must"/"should" tables, the joint draft's Appendix A puts Commentary before Evidence. A form
we write must look like the one the landlord knows *and* be read back by codecheck's own reader, so
the header labels here are the official ones, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass

from codecheck.errors import CodeDefinitionError
from codecheck.model import CodeVersion

# Column roles. "combined" holds evidence and commentary in one cell (2022 form).
PROVISION = "provision"
REQUIREMENT = "requirement"
COMPLY = "comply"
EVIDENCE = "evidence"
COMMENTARY = "commentary"
COMBINED = "combined"

# Usable width of landscape A4 with 1.8 cm margins is 26.1 cm; widths below add up to that.
_PAGE_WIDTH_CM = 26.1


@dataclass(frozen=True)
class FormLayout:
    """How one version's form prints its table: header labels, column roles and widths."""

    name: str
    headers: tuple[str, ...]
    roles: tuple[str, ...]
    widths_cm: tuple[float, ...]
    split_by_obligation: bool = False  # separate "must" and "should" tables per section (2022)
    must_label: str = "Mandatory 'must' requirements"
    should_label: str = "Best practice 'should' requirements"
    section_separator: str = ":"  # "Section 1: Definition …" (2024) or "Section 1 - …" (2022, joint)

    def __post_init__(self) -> None:
        if not (len(self.headers) == len(self.roles) == len(self.widths_cm)):
            raise ValueError(f"layout {self.name}: headers, roles and widths differ in length")
        if abs(sum(self.widths_cm) - _PAGE_WIDTH_CM) > 0.05:
            raise ValueError(f"layout {self.name}: column widths do not fill the page")

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


HOS_2024 = FormLayout(
    name="hos-2024",
    headers=(
        "Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation",
    ),
    roles=(PROVISION, REQUIREMENT, COMPLY, EVIDENCE, COMMENTARY),
    widths_cm=(2.3, 9.3, 2.4, 5.6, 6.5),
)

HOS_2022 = FormLayout(
    name="hos-2022",
    headers=(
        "Code section", "Code requirement", "Comply: Yes/No", "Evidence, commentary and any explanations",
    ),
    roles=(PROVISION, REQUIREMENT, COMPLY, COMBINED),
    widths_cm=(2.3, 10.7, 2.4, 10.7),
    split_by_obligation=True,
    section_separator=" -",
)

JOINT_APPENDIX_A = FormLayout(
    name="joint-appendix-a",
    headers=("Code section", "Code requirement", "Comply: Yes/No", "Explanations and Commentary", "Evidence"),
    roles=(PROVISION, REQUIREMENT, COMPLY, COMMENTARY, EVIDENCE),
    widths_cm=(2.3, 9.3, 2.4, 6.5, 5.6),
    section_separator=" -",
)

LAYOUTS: dict[str, FormLayout] = {layout.name: layout for layout in (HOS_2024, HOS_2022, JOINT_APPENDIX_A)}


def layout_for(code: CodeVersion) -> FormLayout:
    """The layout of ``code``'s official form, as its facts name it (``facts.form_layout``); the
    current (2024) form for a version that names none."""
    named = code.facts.form_layout
    if named is None:
        return HOS_2024
    if named not in LAYOUTS:
        problem = f"facts.form_layout {named!r} is not one of {', '.join(LAYOUTS)}"
        raise CodeDefinitionError(f"Code version {code.id}: {problem}")
    return LAYOUTS[named]
