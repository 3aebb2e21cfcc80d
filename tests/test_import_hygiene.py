"""store/ is usable without the UI: importing every one of its modules loads neither
textual nor rich (import-linter checks the same statically, ``lint-imports``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STORE = Path(__file__).resolve().parent.parent / "store"
MODULES = sorted(
    ".".join(path.relative_to(STORE.parent).with_suffix("").parts).removesuffix(".__init__")
    for path in STORE.rglob("*.py")
)

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
ui = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))
print(','.join(ui))
"""


def _ui_modules_loaded(check: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", check, *MODULES], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_every_store_module_is_imported() -> None:
    assert "store.db.migrations" in MODULES and "store.formats.w3c" in MODULES
    assert len(MODULES) > 30


def test_store_imports_no_ui() -> None:
    assert _ui_modules_loaded(CHECK) == ""


def test_the_check_would_catch_a_ui_import() -> None:
    assert "rich.text" in _ui_modules_loaded(
        CHECK.replace("import importlib, sys", "import importlib, sys, rich.text")
    )
