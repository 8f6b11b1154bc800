"""The package's layers hold: each folder of fdw/ imports only the folders below it, and no
module imports, however lazily, one that imports it back. The README's map draws the same."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "agentcore_fdw"
FDW = Path(__file__).resolve().parent.parent / "fdw"
# Lowest first. A module may import its own layer and those before it.
LAYERS = ("core", "tables", "demo", "engines", "schema", "app")
# The collection core knows nothing of PostgreSQL.
POSTGRES_MODULES = {"psycopg", "multicorn", "plpy"}


def module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(FDW).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, tuple[Path, str]]:
    return {module_name(path): (path, path.read_text()) for path in sorted(FDW.rglob("*.py"))}


def imports(module: str, is_package: bool, source: str, known: set[str]) -> set[str]:
    """Every module `source` imports, at its top or inside a function, absolute."""
    package = module if is_package else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{alias.name}" for alias in node.names} & known
            found.update(submodules or {target})
    return found


def layer_of(module: str) -> int | None:
    """The layer's rank, or None for the package's root (its version), which any may read."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    assert parts[1] in LAYERS, f"{module} is in no layer: add its folder to LAYERS and the map"
    return LAYERS.index(parts[1])


def problems(modules: dict[str, tuple[Path, str]]) -> list[str]:
    known = set(modules)
    graph = {
        name: imports(name, path.name == "__init__.py", text, known)
        for name, (path, text) in modules.items()
    }
    found = []
    for name, targets in graph.items():
        for target in sorted(targets):
            if target.split(".")[0] in POSTGRES_MODULES and layer_of(name) == 0:
                found.append(f"{name} imports {target}: the core knows no PostgreSQL")
            if not target.startswith(PACKAGE + ".") or layer_of(name) is None:
                continue
            if layer_of(target) is not None and layer_of(target) > layer_of(name):
                found.append(f"{name} imports {target}, a layer above its own")
    found.extend(f"import circle: {' -> '.join(circle)}" for circle in circles(graph))
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, done, path = [], set(), []

    def visit(name: str) -> None:
        if name in path:
            found.append(path[path.index(name) :] + [name])
            return
        if name in done or name not in graph:
            return
        path.append(name)
        for target in sorted(graph[name]):
            visit(target)
        path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    return found


def test_every_module_imports_only_its_layer_and_those_below():
    assert problems(sources()) == []


def test_every_folder_of_the_package_is_a_layer():
    folders = {path.name for path in FDW.iterdir() if (path / "__init__.py").exists()}
    assert folders == set(LAYERS)


def test_the_check_sees_an_upward_import_a_lazy_circle_and_postgres_in_the_core():
    modules = {
        f"{PACKAGE}.core.cache": (Path("cache.py"), "def f():\n    from ..tables import TABLES\n"),
        f"{PACKAGE}.tables": (Path("__init__.py"), "from . import cache_entries\n"),
        f"{PACKAGE}.tables.cache_entries": (Path("x.py"), "from ..core import cache\n"),
        f"{PACKAGE}.core.scan": (Path("scan.py"), "import psycopg\n"),
    }
    assert problems(modules) == [
        f"{PACKAGE}.core.cache imports {PACKAGE}.tables, a layer above its own",
        f"{PACKAGE}.core.scan imports psycopg: the core knows no PostgreSQL",
        f"import circle: {PACKAGE}.core.cache -> {PACKAGE}.tables -> "
        f"{PACKAGE}.tables.cache_entries -> {PACKAGE}.core.cache",
    ]


def test_the_readme_map_names_every_layer():
    readme = (FDW.parent / "README.md").read_text()
    for layer in LAYERS:
        assert f"`fdw/{layer}/`" in readme
