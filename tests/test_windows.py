"""Two windows on one database: each undoes only its own actions while the other is
open, and each can tell when the other has written."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, open_store
from store.db.seeds import seed_once


@pytest.fixture
def two(tmp_path: Path) -> tuple[Store, Store]:
    path = tmp_path / "r.db"
    first = open_store(path)
    seed_once(first)
    second = open_store(path)
    first.open_window()
    second.open_window()
    return first, second


def test_undo_in_one_window_never_undoes_the_other_ones_action(two: tuple[Store, Store]) -> None:
    a, b = two
    mine = a.toggle_tag(1, 0, 20, "quote")
    theirs = b.toggle_tag(2, 0, 20, "claim")
    assert mine is not None and theirs is not None
    assert a.undo() == "tag quote"
    assert a.undo() is None  # b's tag is b's to undo while b is open
    assert b.find_annotations(tag="claim") != []
    assert a.redo() == "tag quote"
    assert b.undo() == "tag claim"
    assert [x.id for x in a.find_annotations(tag="quote")] == [mine.id]


def test_a_new_action_drops_only_this_windows_redo(two: tuple[Store, Store]) -> None:
    a, b = two
    a.toggle_tag(1, 0, 20, "quote")
    b.toggle_tag(2, 0, 20, "claim")
    assert b.undo() == "tag claim"
    a.toggle_tag(3, 0, 20, "question")  # a's new action must not drop b's redo
    assert b.redo() == "tag claim"


def test_a_closed_windows_actions_are_anyones_to_undo(two: tuple[Store, Store]) -> None:
    a, b = two
    a.toggle_tag(1, 0, 20, "quote")
    assert b.undo() is None
    a.close_window()
    assert b.undo() == "tag quote"


def test_a_crashed_window_is_taken_for_closed_after_a_while(two: tuple[Store, Store]) -> None:
    a, b = two
    a.toggle_tag(1, 0, 20, "quote")
    a.conn.execute("UPDATE windows SET seen = '2000-01-01' WHERE id = ?", (a.window_id,))
    a.conn.commit()
    assert b.undo() == "tag quote"


def test_command_line_actions_are_undone_in_any_window(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    command = open_store(path)
    seed_once(command)
    command.toggle_tag(1, 0, 20, "quote")  # as reader import would, with no window
    window = open_store(path)
    window.open_window()
    assert window.undo() == "tag quote"


def test_a_window_can_tell_another_one_wrote(two: tuple[Store, Store]) -> None:
    a, b = two
    seen = b.data_version()
    assert b.data_version() == seen
    b.toggle_tag(1, 0, 20, "quote")
    assert b.data_version() == seen  # its own commits do not count
    a.toggle_tag(2, 0, 20, "claim")
    assert b.data_version() != seen
