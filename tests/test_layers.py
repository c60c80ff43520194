"""Layers point one way: nothing below the CLI imports it, no module imports itself back, and the
library (reports, the API, batch runs) works without typer.

model / errors / limits -> readers / text / codes -> detect / align -> engine + checks -> findings ->
report / baseline -> batch / api -> cli. The import graph is read from the source (every import
statement, lazy ones inside functions included; ``if TYPE_CHECKING:`` blocks excluded, since they
never run), so a cycle or an upward import into ``codecheck.cli`` fails here before it shows up as a
slow start or an import error.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "codecheck"


def _module_name(path: Path) -> str:
    parts = ["codecheck", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str) -> set[str]:
    """The codecheck modules ``name`` imports (a ``from x import y`` of a submodule y counts as x.y)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("codecheck"))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the package, up level - 1 packages
                    parent = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                if not base.startswith("codecheck"):
                    continue
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in MODULES else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(name)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(name) for name in MODULES}


def test_the_import_graph_is_read() -> None:
    assert "codecheck.engine.context" in GRAPH["codecheck.checks.missing_evidence"]
    assert "codecheck.report.base" in GRAPH["codecheck.report.sarif"]
    assert len(MODULES) > 80


def test_nothing_below_the_cli_imports_it() -> None:
    upward = [
        (name, target)
        for name, targets in GRAPH.items()
        if not name.startswith("codecheck.cli") and name != "codecheck.__main__"
        for target in targets
        if target.startswith("codecheck.cli")
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    """Tarjan's strongly connected components over the module graph: every one is a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            connect(v)
    assert cycles == []


@pytest.mark.parametrize(
    "module", ["codecheck.report", "codecheck.api", "codecheck.batch", "codecheck.baseline"]
)
def test_the_library_does_not_import_typer(module: str) -> None:
    """Rendering every report format from the library must not import the CLI's framework."""
    probe = (
        "import sys\n"
        f"import {module}\n"
        "from pathlib import Path\n"
        "from codecheck.model import AuditResult\n"
        "from codecheck.report import FORMATS, render\n"
        "bad = AuditResult(path=Path('example-homes.docx'), error='example-homes.docx: unreadable')\n"
        "for fmt in FORMATS:\n"
        "    render(fmt, [bad])\n"
        "cli = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click')]\n"
        "print(sorted(cli + [m for m in sys.modules if m.startswith('codecheck.cli')]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_the_statement_reader_sits_below_the_checks() -> None:
    """The reader turns text into claims for the checks and for explain: it imports neither of them,
    nor the engine, the reports, the API or the CLI (only text analysis and the data model)."""
    above = ("codecheck.checks", "codecheck.engine", "codecheck.report", "codecheck.cli", "codecheck.explain")
    above += ("codecheck.api", "codecheck.batch", "codecheck.findings", "codecheck.baseline")
    upward = [
        (name, target)
        for name, targets in GRAPH.items()
        if name.startswith("codecheck.statements")
        for target in targets
        if target.startswith(above)
    ]
    assert upward == []
    assert "codecheck.statements" in GRAPH["codecheck.checks.wrong_timescale"]


def test_explain_sits_below_the_cli() -> None:
    """``codecheck explain`` only renders what ``codecheck.explain`` builds from the library."""
    assert not [t for t in GRAPH["codecheck.explain"] if t.startswith("codecheck.cli")]
    assert "codecheck.explain" in GRAPH["codecheck.cli.explain_cmd"]
