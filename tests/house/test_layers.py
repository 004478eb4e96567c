"""The rooms' imports only point down (app → flows → bots → orynda → domain), the product never imports the sandbox,
and no package's modules import each other in a circle: the contracts in pyproject.toml, run by import-linter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "flows", "bots", "orynda", "domain", "sandbox")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def copy_of_the_tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.html"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_tree_keeps_every_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        ("orynda/clock.py", "import app.catalog", "Layers point down"),  # the framework reaching up to the front door
        ("domain/money.py", "import orynda.clock", "Layers point down"),  # pure rules reaching into the runtime
        ("orynda/masking.py", "import sandbox.names", "Product code never imports the sandbox"),
        ("orynda/clock.py", "import orynda.runstore", "No import cycle"),  # runstore imports clock
    ],
    ids=["framework-to-front-door", "domain-to-framework", "product-to-sandbox", "cycle"],
)
def test_a_planted_import_breaks_its_contract(copy_of_the_tree: Path, module: str, planted: str, broken: str) -> None:
    path = copy_of_the_tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{planted}  # planted by the test\n", encoding="utf-8")
    result = lint_imports(copy_of_the_tree)
    assert result.returncode == 1
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout.split(broken, 1)[1].splitlines()[0]
