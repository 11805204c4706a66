"""The code's layout is the pipeline, and its boundaries hold.

content/ → pages/ → render/ … → site/ (the engine adapters) → pdf/; commands/ on top. Only
site/ may import an engine; no module imports another that imports it back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from macros import commands

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "macros"
ENGINES = ("mkdocs", "material", "zensical", "properdocs", "mkdocs_macros")
# Modules that may import an engine: the adapters.
ENGINE_ADAPTERS = {
    "macros.site.mkdocs_plugin",
    "macros.site.mkdocs_build",
    "macros.site.properdocs_build",
    "macros.site.zensical_build",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, as dotted names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.add(base)
            # `from macros.site import publish` imports the module macros.site.publish.
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def project_graph() -> dict[str, set[str]]:
    return {name: imports_of(path) & set(MODULES) - {name} for name, path in MODULES.items()}


def test_every_step_of_the_pipeline_is_a_package():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    expected = {"content", "pages", "render", "site", "pdf", "editor", "checks", "commands"}
    assert packages == expected


def test_no_module_imports_itself_back_through_others():
    graph = project_graph()
    cycles = []

    def visit(node, trail):
        for target in sorted(graph[node]):
            if target in trail:
                cycles.append(" → ".join([*trail[trail.index(target) :], target]))
            elif target not in done:
                visit(target, [*trail, target])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    # A package's __init__ importing its own modules is not a cycle of code.
    cycles = [c for c in cycles if not _only_package_init(c)]
    assert cycles == []


def _only_package_init(cycle: str) -> bool:
    steps = cycle.split(" → ")
    return any(
        MODULES[a].name == "__init__.py" and b.startswith(a + ".")
        for a, b in zip(steps, steps[1:], strict=False)
    )


def test_no_package_depends_on_a_later_step_that_depends_back_on_it():
    graph = project_graph()
    between: dict[str, set[str]] = {}
    for source, targets in graph.items():
        for target in targets:
            a, b = source.split(".")[1:2], target.split(".")[1:2]
            if a and b and a != b:
                between.setdefault(a[0], set()).add(b[0])
    two_way = sorted(
        f"{a} ↔ {b}" for a in between for b in between[a] if a < b and a in between.get(b, ())
    )
    assert two_way == []


@pytest.mark.parametrize("name", sorted(set(MODULES) - ENGINE_ADAPTERS))
def test_only_the_engine_adapters_import_an_engine(name):
    engines = {i for i in imports_of(MODULES[name]) if i.split(".")[0] in ENGINES}
    assert engines == set(), f"{name} imports {engines}: only site/'s adapters may"


def test_each_sub_command_is_one_module_with_add_parser_and_run():
    for command in commands.commands():
        assert command.__name__.startswith("macros.commands.")
        assert callable(command.add_parser) and callable(command.run)
    names = {c.__name__.rsplit(".", 1)[1].replace("_", "-") for c in commands.commands()}
    assert names == {"validate", "build", "serve", "check-links", "new", "schema", "pdf"}


def test_build_state_is_not_kept_in_module_globals():
    """A build's state lives on objects (BuildContext, the plugin), never in a module-level
    list or dict that a second build in the same process would find filled."""
    offenders = []
    for name, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.AnnAssign | ast.Assign):
                value = node.value
                if isinstance(value, ast.List | ast.Dict | ast.Set) and not _constant(value):
                    offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def _constant(value) -> bool:
    """A literal written out in full (a table of constants), not an empty container."""
    items = value.elts if isinstance(value, ast.List | ast.Set) else value.values
    return bool(items)
