"""The code's structure stays the one the docs draw: imports point down the layers, and
every module has its row in docs/ARCHITECTURE.md."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("quotetrail", "schemas", "store", "indexer", "webapp")
# Lowest first: a module may import its own layer and the layers before it, never after.
LAYERS = (
    "quotetrail.errors",
    "schemas",
    "store",
    "indexer.lexicon",
    "indexer.read",
    "indexer.extract",
    "indexer.link",
    "indexer.prepare",
    "indexer.checkpoint",
    "indexer.progress",
    "indexer.indexing",
    "indexer.fetch",
    "webapp",
    "quotetrail",
)


def _layer(module: str) -> int | None:
    """Index in LAYERS of the longest prefix naming `module`'s layer (None: not ours)."""
    found = [i for i, p in enumerate(LAYERS) if module == p or module.startswith(p + ".")]
    return max(found, key=lambda i: len(LAYERS[i])) if found else None


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def _imports(path: Path) -> list[str]:
    """Every absolute import of the file, including those inside functions."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_reaches_back_up_the_layers(path: Path) -> None:
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    mine = _layer(module)
    upward = [n for n in _imports(path) if (_layer(n) or -1) > (mine if mine is not None else 99)]
    assert not upward, f"{module} imports from a layer above it: {upward}"


def test_every_module_has_its_row_in_the_architecture_doc() -> None:
    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [
        p.relative_to(ROOT).as_posix()
        for p in _modules()
        if f"`{p.relative_to(ROOT).as_posix()}`" not in doc
        and not (p.name == "__init__.py" and not ast.get_docstring(ast.parse(p.read_text())))
    ]
    assert not missing, f"modules without a row in docs/ARCHITECTURE.md: {missing}"
