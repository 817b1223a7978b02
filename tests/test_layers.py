"""Data flows one way: no module imports from a layer above its own.

Bottom to top: the knowledge base (and the store, which knows nothing of answers) →
the intent parser → the answers (and the advisor holding their engine) → the renderers
→ the edges (Slack, the pages, the command line).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.answers.screening import TESTS
from bot.answers.traits import TRAITS
from bot.knowledge.models import OfferingTrait, ScreeningTest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = [
    {"bot", "bot.knowledge", "bot.store"},
    {"bot.intents"},
    {"bot.answers", "bot.advisor"},
    {"bot.render"},
    {"bot.slack", "bot.web", "bot.cli", "bot.terminal", "bot.__main__", "bot.program"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted((ROOT / "bot").rglob("*.py"))}


def layer(module: str) -> int:
    """The index of the most specific layer naming `module` or a package above it."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        for index, names in enumerate(LAYERS):
            if prefix in names:
                return index
    raise LookupError(f"{module} is in no layer: add its package to LAYERS in {__name__}")


def imported(module: str, path: Path) -> set[str]:
    """The bot modules `module` imports, anywhere in it (functions and TYPE_CHECKING too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}".rstrip(".")
            # `from bot import terminal` imports the module bot.terminal
            found |= {
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            }
    return {name for name in found if name == "bot" or name.startswith("bot.")}


def upward_imports() -> list[str]:
    return [
        f"{module} (layer {layer(module)}) imports {target} (layer {layer(target)})"
        for module, path in MODULES.items()
        for target in sorted(imported(module, path))
        if layer(target) > layer(module)
    ]


def test_no_module_imports_from_a_layer_above_it():
    assert upward_imports() == []


def test_every_module_has_a_layer():
    for module in MODULES:
        assert 0 <= layer(module) < len(LAYERS)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("bot.answers.compare", "from bot.render.plain import render_terminal\n"),
        ("bot.render.blocks", "from bot.slack import replies\n"),
        ("bot.knowledge.base", "import bot.intents.models\n"),
        ("bot.intents.parser", "def late():\n    from bot.answers.engine import AnswerEngine\n"),
        ("bot.render.html", "from ..web import links\n"),
    ],
)
def test_the_check_catches_an_upward_import(tmp_path, module, source):
    path = tmp_path / "probe.py"
    path.write_text(source)
    [target] = imported(module, path)
    assert layer(target) > layer(module), target


def test_the_schema_names_exactly_the_tests_and_traits_the_answers_implement():
    """rules.yaml names screening tests and traits; the knowledge schema lists them (so
    checking a rule file needs nothing from above) and the answers implement each one."""
    assert set(TESTS) == set(ScreeningTest)
    assert set(TRAITS) == set(OfferingTrait)
