"""The linter and the type checker run as part of the test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_lint() -> None:
    result = run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run(str(BIN / "mypy"), "store", "tui", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_layers() -> None:
    """The contracts in pyproject.toml: store never imports the UI, its rooms are
    layered, only the database room talks to SQLite; tui is layered (app, screens,
    widgets, then its plain-Python state, which imports no textual); no import cycles."""
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def lint_imports_with(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on a copy of the project where ``module`` (a path) has ``line`` added."""
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(ROOT / "store", copy / "store")
    shutil.copytree(ROOT / "tui", copy / "tui")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    changed = copy / module
    changed.write_text(changed.read_text(encoding="utf-8") + f"\n{line}\n")
    return subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(copy), "PATH": str(BIN)},
    )


def test_the_layer_check_would_catch_a_wrong_way_import(tmp_path: Path) -> None:
    """A records module importing the database breaks a contract (so the check can fail)."""
    result = lint_imports_with(tmp_path, "store/records/clock.py", "import store.db.store")
    assert result.returncode != 0
    assert "store.records" in result.stdout and "BROKEN" in result.stdout


def test_the_tui_layers_would_catch_a_widget_importing_a_screen(tmp_path: Path) -> None:
    result = lint_imports_with(tmp_path, "tui/widgets/legend.py", "import tui.screens.help")
    assert result.returncode != 0
    assert "tui.widgets.legend" in result.stdout and "BROKEN" in result.stdout


def test_the_session_would_not_be_let_import_textual(tmp_path: Path) -> None:
    result = lint_imports_with(tmp_path, "tui/session.py", "import textual.widget")
    assert result.returncode != 0
    assert "tui.session" in result.stdout and "BROKEN" in result.stdout
