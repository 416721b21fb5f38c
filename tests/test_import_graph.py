"""studytui's modules import one another one way: the import graph has no circle.

Every import counts, at the top of a module, inside a function or read only for type
hints (``if TYPE_CHECKING:``): a late import only hides a circle, and a type hint's
import is a dependency all the same. No screen imports the store, a flow or the app."""

import ast
from pathlib import Path

import studytui

PACKAGE = Path(studytui.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets.add(base)
                targets.update(f"{base}.{alias.name}" for alias in node.names)
        graph[name] = {t for t in targets if t in files and t != name and t != "studytui"}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports, as the modules along it, or []."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_graph_is_read():
    graph = import_graph()
    assert "studytui.bankfile.bank" in graph["studytui.bankfile.validation"]
    assert "studytui.generator.questions" in graph["studytui.bankfile.loader"]


def test_no_module_imports_itself_through_others():
    cycle = find_cycle(import_graph())
    assert not cycle, " → ".join(cycle)


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_type_hint_imports_count():
    graph = import_graph()
    assert "studytui.bankfile.bank" in graph["studytui.library"]  # read only for type hints


def test_screens_import_neither_the_store_nor_a_flow_nor_the_app():
    graph = import_graph()
    screens = [name for name in graph if name.startswith(("studytui.screens", "studytui.widgets"))]
    reaches = {
        name: sorted(t for t in graph[name] if t.startswith(("studytui.store", "studytui.flows", "studytui.app")))
        for name in screens
    }
    assert screens and not any(reaches.values()), reaches
