"""The package's layout holds: one job per module, and imports that flow one way.

read → parse → model → archive → views → render → write, with outputs beside the pages
and commands above; these tests read the imports (with ast, nothing is run) so that a
shortcut across the layout fails here rather than in review.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mlr_minutes.render import THEME
from mlr_minutes.views.site import FAMILIES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mlr_minutes"
FAMILY_MODULES = {
    f"mlr_minutes.views.{name}"
    for name in ("home", "meetings", "meeting", "decisions", "actions", "focus_areas",
                 "people", "fixed", "site")
}  # fmt: skip
"""The page families, and the module that walks them."""
MAX_LINES = 600


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved (``from . import x`` names
    ``package.x`` too, since x may be a module)."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def importers(prefix: str) -> set[str]:
    """Modules of the package that import ``prefix`` or anything below it."""
    return {
        _module(path)
        for path in sources()
        if any(name == prefix or name.startswith(f"{prefix}.") for name in imports(path))
    }


def test_the_import_reader_resolves_relative_imports() -> None:
    found = imports(PACKAGE / "views" / "site.py")
    assert "mlr_minutes.views.home" in found and "mlr_minutes.views.context" in found
    assert "mlr_minutes.archive" in imports(PACKAGE / "views" / "context.py")


def test_nothing_under_outputs_imports_a_page_family() -> None:
    outputs = [p for p in sources() if "outputs" in p.relative_to(PACKAGE).parts]
    assert outputs
    crossing = {_module(p): sorted(imports(p) & FAMILY_MODULES) for p in outputs}
    assert {module: names for module, names in crossing.items() if names} == {}


def test_only_the_cli_imports_click_and_only_render_imports_jinja() -> None:
    assert importers("click") == {"mlr_minutes.commands.cli"}
    assert importers("jinja2") == {"mlr_minutes.render"}


LAYERS = ("model", "parse", "archive", "views", "outputs", "render", "build", "commands")
"""From the bottom up: a module may import its own layer and those below, never above."""


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "mlr_minutes" or len(parts) < 2 or parts[1] not in LAYERS:
        return None
    return LAYERS.index(parts[1])


def test_imports_flow_one_way() -> None:
    upward = set()
    for path in sources():
        here = _layer(_module(path))
        for name in imports(path):
            there = _layer(name)
            if here is not None and there is not None and there > here:
                upward.add((_module(path), name))
    assert upward == set()


def test_every_page_family_is_built() -> None:
    walked = {family.__module__ for family in FAMILIES}
    assert walked == FAMILY_MODULES - {"mlr_minutes.views.site"}


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_600_lines(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


def test_the_wheel_ships_the_theme_and_the_command(tmp_path: Path) -> None:
    """The templates and static files live inside the package, so a wheel built from the
    checkout carries them without any force-include (pip builds it as a user would)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet",
         "--wheel-dir", str(tmp_path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("mlr_minutes-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        commands = archive.read(entry_points).decode("utf-8")
    theme = {
        f"mlr_minutes/theme/{p.relative_to(THEME).as_posix()}"
        for p in THEME.rglob("*")
        if p.is_file()
    }
    assert "mlr_minutes/theme/base.html" in theme and "mlr_minutes/theme/static/style.css" in theme
    assert theme <= names
    assert "mlr-minutes = mlr_minutes.commands.cli:main" in commands
