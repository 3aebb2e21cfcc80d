"""The layout of the first screen, compared against approved SVG snapshots."""

from __future__ import annotations

from typing import Any

from store import open_store
from store.db.seeds import seed_once
from tui.app import ReaderApp, make_app


def seeded_app() -> ReaderApp:
    store = open_store(":memory:")
    seed_once(store)
    return make_app(store)


def test_first_screen_160x48(snap_compare: Any) -> None:
    assert snap_compare(seeded_app(), terminal_size=(160, 48))


def test_first_screen_80x24(snap_compare: Any) -> None:
    assert snap_compare(seeded_app(), terminal_size=(80, 24))


def test_linking_at_80x24_keys_hint_and_status_line(snap_compare: Any) -> None:
    """At 80 columns: ``? keys`` leads the footer; after ``L`` the status line says a
    link is being made, and no pop-up covers it or the text."""
    assert snap_compare(seeded_app(), terminal_size=(80, 24), press=["L"])


def test_help_at_80x24(snap_compare: Any) -> None:
    """The keys' descriptions wrap in their own column; the border says how to close."""
    assert snap_compare(seeded_app(), terminal_size=(80, 24), press=["question_mark"])
