"""Keys are listed once (``tui.keys``): the bindings, the help screen and README's keys
table follow it, so a key cannot be bound and missing from the help or README."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from textual.binding import Binding
from textual.keys import key_to_character

from tui.app import ReaderApp
from tui.keys import GROUPS, KEYS, PROMPT_ACTIONS, REGISTRY, Key
from tui.screens.compare import CompareScreen
from tui.widgets.doc_view import DocView

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")

SHOWN_AS = {
    "slash": "/",
    "escape": "esc",
    "space": "space",
    **dict.fromkeys(("up", "down", "left", "right"), "arrows"),
    **dict.fromkeys(("shift+up", "shift+down", "shift+left", "shift+right"), "shift+arrows"),
}
"""How the help screen and README name keys that are not the character they type."""
NOT_KEYS = {"arrows", "shift+arrows", "mouse", "…"}


def shown(key: str) -> str:
    """A Textual key name as the help screen shows it: ``less_than_sign`` is ``<``."""
    if key in SHOWN_AS:
        return SHOWN_AS[key]
    character = key_to_character(key)
    return character if character and character.isprintable() else key


def tokens(keys: str) -> set[str]:
    """The keys a help line shows: ``( / )`` is ``(`` and ``)``; ``1 … 9`` every digit."""
    found = [token for token in re.split(r"[\s,]+", keys) if token]
    if len(found) > 1:
        found = [token for token in found if token != "/"]
    if "…" in found:
        first, last = found[found.index("…") - 1], found[found.index("…") + 1]
        found += [str(digit) for digit in range(int(first), int(last) + 1)]
    return set(found)


def unlisted(registry: tuple[Key, ...]) -> list[tuple[str, str]]:
    """The keys bound but not named on their help line."""
    return [
        (entry.id, key)
        for entry in registry
        if entry.scope != "mouse"
        for key in entry.keys.split(",")
        if shown(key) not in tokens(entry.help[0]) and shown(key) not in entry.help[1].split()
    ]


def test_each_key_is_on_its_help_line() -> None:
    assert not unlisted(REGISTRY), f"keys missing from their help line: {unlisted(REGISTRY)}"


def test_the_check_would_catch_a_key_missing_from_the_help() -> None:
    start = next(entry for entry in REGISTRY if entry.id == "doc.start")
    stale = replace(start, help=("g / G", "start / end of the article"))
    assert unlisted((stale,)) == [("doc.start", "home")]


def test_readme_lists_every_key_of_the_help_screen() -> None:
    missing = [
        key
        for _, lines in KEYS
        for keys, _ in lines
        for key in sorted(tokens(keys) - NOT_KEYS)
        if f"`{key}`" not in README and not ("1" <= key <= "9" and "`1` … `9`" in README)
    ]
    assert not missing, f"README's keys table lacks {missing}"


def test_the_help_screen_has_every_group_and_each_key_one_line() -> None:
    assert [title for title, _ in KEYS] == list(GROUPS)
    assert all(entry.group in GROUPS and all(entry.help) for entry in REGISTRY)
    ids = [entry.id for entry in REGISTRY]
    assert len(ids) == len(set(ids)), "ids are unique"


def test_the_bindings_are_made_from_the_registry() -> None:
    def ids(bindings: object) -> list[str | None]:
        assert isinstance(bindings, list)
        return [b.id for b in bindings if isinstance(b, Binding)]

    def registry(scope: str) -> list[str]:
        return [entry.id for entry in REGISTRY if entry.scope == scope]

    assert ids(ReaderApp.BINDINGS) == registry("app")
    assert ids(DocView.BINDINGS) == registry("doc")
    assert [i for i in ids(CompareScreen.BINDINGS) if i] == registry("compare")
    assert [e.keys for e in REGISTRY if e.scope == "textual"] == [ReaderApp.COMMAND_PALETTE_BINDING]


def test_keys_that_open_a_prompt_are_priority_keys_of_the_app() -> None:
    prompts: list[Key] = [entry for entry in REGISTRY if entry.prompt]
    assert {entry.action_name for entry in prompts} == PROMPT_ACTIONS
    assert all(entry.priority and entry.scope == "app" for entry in prompts)
    assert {"search", "note", "pick_tags", "export", "compare"} <= PROMPT_ACTIONS
