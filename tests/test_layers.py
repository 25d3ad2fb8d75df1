"""Layers enforced, not hoped for (design.md): a module may import only from its own layer or
lower ones — cli/web → api/distributed → stages/store → pipeline → rules/gazetteer →
model/settings → errors. Imports inside functions count too."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "warwire"
LAYERS = {
    "errors": 0,
    "model": 1, "settings": 1,
    "rules": 2, "gazetteer": 2,
    "pipeline": 3,
    "stages": 4, "store": 4, "reconcile": 4, "dedupe": 4, "relevance": 4, "evaluation": 4,
    "api": 5, "distributed": 5,
    "cli": 6, "web": 6, "__init__": 6,
}


def _top(module_path: Path) -> str:
    rel = module_path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level warwire module) for every warwire import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package_parts = path.relative_to(PACKAGE).parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                names = [target[0]] if target else [alias.name for alias in node.names]
            elif node.module and node.module.startswith("warwire."):
                names = [node.module.split(".")[1]]
            elif node.module == "warwire":
                names = [alias.name for alias in node.names]
            else:
                continue
            found += [(node.lineno, n) for n in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[1]) for a in node.names
                      if a.name.startswith("warwire.")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_respect_layers(path):
    own = LAYERS[_top(path)]
    bad = [f"line {line}: imports {name} (layer {LAYERS.get(name, '?')})"
           for line, name in _imports(path) if LAYERS.get(name, 99) > own]
    assert not bad, f"{path.relative_to(PACKAGE)} (layer {own}) " + "; ".join(bad)


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(PACKAGE)) for p in MODULES
               if p.stat().st_size and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not missing, missing


THIN = ("cli", "web")
BEHIND_API = {"store", "stages", "dedupe", "reconcile", "gazetteer", "pipeline", "distributed"}


@pytest.mark.parametrize("path", [p for p in MODULES if _top(p) in THIN],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_cli_and_web_are_thin_over_api(path):
    """The store and the stages are reached through api.py only (sqlite-utils' CLI over its library)."""
    bad = [f"line {line}: imports {name}" for line, name in _imports(path) if name in BEHIND_API]
    assert not bad, f"{path.relative_to(PACKAGE)}: " + "; ".join(bad)
