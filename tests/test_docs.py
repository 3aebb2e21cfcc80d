"""README lists every key the help screen lists."""

from __future__ import annotations

from pathlib import Path

from tui.keys import KEYS

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_key_of_the_help_screen() -> None:
    missing = [
        key
        for _, group in KEYS
        for keys, _ in group
        for key in keys.replace(",", " ").replace("/", " ").split()
        if f"`{key}`" not in README and key not in {"arrows", "shift+arrows", "mouse", "…"}
    ]
    assert not missing, f"README's keys table lacks {missing}"
