"""The module structure: the core (``models``) never reaches up into the GUI, and no project modules import each
other in a circle.

Read from the source with ``ast`` rather than by importing, so that an import hidden inside a function counts as
much as one at the top of a file. Imports under ``if TYPE_CHECKING:`` only name types and are left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "gui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree but those under ``if TYPE_CHECKING:`` (their ``else`` branch does run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imported_names(path: Path, module: str) -> set[str]:
    """The dotted names this file imports at run time, at any depth (functions too); relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # ``from pkg import submodule``
    return found


def import_graph() -> dict[str, set[str]]:
    """Project module -> the project modules it imports (``from a.b import c`` is an arrow to ``a.b.c`` when that
    is a module, else to ``a.b``)."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_names(path, name):
            if imported in modules:
                targets.add(imported)
        # ``from a.b import c`` also records ``a.b``; keep that arrow only when ``c`` is not itself a module
        for imported in list(targets):
            if any(t.startswith(imported + ".") for t in targets) and not _names_other_than_modules(
                    path, imported, modules):
                targets.discard(imported)
        targets.discard(name)
        graph[name] = targets
    return graph


def _names_other_than_modules(path: Path, package: str, modules: dict[str, Path]) -> bool:
    """Whether the file takes from ``package`` something that is not one of its sub-modules (so it imports the
    package's ``__init__`` for its own sake)."""
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == package:
            if any(f"{package}.{alias.name}" not in modules for alias in node.names):
                return True
        if isinstance(node, ast.Import) and any(alias.name == package for alias in node.names):
            return True
    return False


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_the_reader_of_imports_sees_imports_inside_functions_and_skips_type_checking(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import models.article\n"
        "if TYPE_CHECKING:\n"
        "    from gui.theme import Theme\n"
        "def later():\n"
        "    from gui.pdf_export import install\n"
        "    from . import sibling\n",
        encoding="utf-8",
    )
    names = imported_names(source, "models.export.sample")
    assert {"models.article", "gui.pdf_export", "gui.pdf_export.install", "models.export.sibling"} <= names
    assert "gui.theme" not in names


def test_the_cycle_finder_finds_a_circle_and_only_circles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_models_never_import_the_gui_or_qt_even_inside_a_function() -> None:
    modules = project_modules()
    bad = []
    for name, path in modules.items():
        if not name.startswith("models"):
            continue
        for imported in imported_names(path, name):
            if imported.split(".")[0] in ("gui", "PySide6", "shiboken6"):
                bad.append(f"{name} imports {imported}")
    assert not bad, "\n".join(sorted(bad))


def test_no_project_modules_import_each_other_in_a_circle() -> None:
    graph = import_graph()
    assert "models.store.library" in graph and "gui.main_window" in graph
    assert "models.store.schema" in graph["models.store.library"]
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)
