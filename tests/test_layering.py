"""No module of the project imports itself back through other modules at import time.

The graph is built from the source with ``ast``: the module-level imports of every module of the
project's packages (imports inside functions and under ``if TYPE_CHECKING:`` are not followed at
import time and are left out). A cycle is a strongly connected component of more than one module,
or a module that imports itself. A second check counts the imports inside functions as well, so
that an import moved into a function to dodge a cycle is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "academy", "certification", "marketplace", "payouts", "ledger", "telephony", "quality")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        if (ROOT / package / "__init__.py").exists():
            for path in sorted((ROOT / package).rglob("*.py")):
                if ".venv" not in path.parts:
                    found[_module_name(path)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _module_level_imports(body: list[ast.stmt]):
    """The import statements run when the module is imported: not in functions, classes' methods or
    ``if TYPE_CHECKING`` blocks (but in module-level ``if``/``try``/``with`` blocks and class bodies)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _module_level_imports(node.body)
            yield from _module_level_imports(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level_imports(block)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _module_level_imports(node.body)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


# The composition root: create_app imports every domain's blueprints inside the function, by design.
COMPOSITION_ROOT = "app"


def import_graph(modules: dict[str, Path], *, in_functions: bool = False) -> dict[str, set[str]]:
    """Module → the project modules it imports at module level (``from a import b`` names the
    submodule ``a.b`` when there is one, else the module ``a``); with ``in_functions``, the imports
    inside functions too (except the composition root's; never those for type checkers only)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        if in_functions and name != COMPOSITION_ROOT:
            typing_only = {id(n) for block in ast.walk(tree)
                           if isinstance(block, ast.If) and _is_type_checking(block.test) for n in ast.walk(block)}
            nodes = [n for n in ast.walk(tree)
                     if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in typing_only]
        else:
            nodes = list(_module_level_imports(tree.body))
        for node in nodes:
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                origin = _resolve(name, path.name == "__init__.py", node)
                targets = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                           for alias in node.names]
            for target in targets:
                while target and target not in modules:  # `import a.b.c` as a name of a module
                    target = target.rpartition(".")[0]
                if target:
                    edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with a cycle (Tarjan's algorithm, iterative), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
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
                if len(component) > 1 or node in graph.get(node, ()):
                    found.append(sorted(component))
    return sorted(found)


def test_the_cycle_finder_sees_a_cycle_and_nothing_else():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert cycles(graph) == [["a", "b", "c"], ["e"]]


def test_imports_in_functions_and_under_type_checking_are_not_module_level():
    tree = ast.parse("import a\nif TYPE_CHECKING:\n    import b\ndef f():\n    import c\n"
                     "try:\n    import d\nexcept ImportError:\n    import e\n")
    assert [n.names[0].name for n in _module_level_imports(tree.body)] == ["a", "d", "e"]


def test_no_module_imports_itself_back_at_import_time():
    found = cycles(import_graph(project_modules()))
    assert not found, "module-level import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_import_inside_a_function_hides_a_cycle():
    """An import moved into a function to dodge a cycle is still a cycle: count those imports too."""
    found = cycles(import_graph(project_modules(), in_functions=True))
    assert not found, "import cycles (counting imports inside functions):\n" + "\n".join(
        " <-> ".join(c) for c in found)
