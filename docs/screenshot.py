"""Make docs/screenshot.svg, README's picture: the seeds at 160x48, a sentence selected.

Run: .venv/bin/python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from store import open_store
from tui.app import make_app
from tui.cli import article_ids

HERE = Path(__file__).resolve().parent


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "reader.db")
        app = make_app(store, article_ids(store, []))
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            await pilot.press(*"}}}", "s", "1", "tab", *"}}", "s")
            await pilot.pause(0.1)
            app.save_screenshot(str(HERE / "screenshot.svg"))
        store.close()


if __name__ == "__main__":
    asyncio.run(main())
