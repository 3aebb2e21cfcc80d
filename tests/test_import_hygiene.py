"""store/ is usable without the UI: importing it loads neither textual nor rich."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import store, store.db, store.ingest, store.migrations, store.schema, store.seeds, store.segment
ui = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))
print(','.join(ui))
"""


def test_store_imports_no_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_check_would_catch_a_ui_import() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.replace("import sys\n", "import sys, rich.text\n", 1)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "rich.text" in result.stdout
