"""The document view's plain-Python models (``tui.view``): rows and geometry, the cursor
and the selection, the search matches; no terminal needed."""

from __future__ import annotations

from tui.view.cursor import Change, Cursor, Selection
from tui.view.layout import GUTTER, TextLayout
from tui.view.matches import Matches
from tui.wrap import wrap_text

TEXT = "One two three four five six seven.\nEight nine ten."


def laid_out(text: str = TEXT, width: int = 10) -> TextLayout:
    layout = TextLayout(text)
    layout.width = width
    rows = wrap_text(text, width)
    assert rows is not None
    layout.install(rows)
    return layout


def test_rows_and_offsets_map_both_ways() -> None:
    layout = laid_out()
    rows = [TEXT[s:e] for s, e in zip(layout.rows.starts, layout.rows.ends, strict=True)]
    assert rows == ["One two ", "three four ", "five six ", "seven.", "Eight nine ", "ten."]
    assert layout.row_of(0) == 0 and layout.row_of(TEXT.index("three")) == 1
    assert layout.offset_at(1, 2) == TEXT.index("three") + 2
    assert layout.offset_at(0, 99) == TEXT.index("three") - 1, "clamped to the row"
    assert layout.offset_at(3, 99) == TEXT.index("\n"), "a line's end is on its last row"
    assert layout.offset_at_point(GUTTER - 1, 0) is None, "the gutter is not text"
    assert layout.offset_at_point(GUTTER + 4, 0) == 4
    assert layout.fully_wrapped
    assert layout.row_at(layout.position(3)) == 3


def test_a_wide_character_takes_two_cells() -> None:
    layout = laid_out("日本 ab", 20)
    assert layout.cells(0, 2) == 4
    assert layout.offset_at(0, 2) == 1 and layout.offset_at(0, 5) == 3


def test_a_motion_with_v_on_extends_the_selection_up_to_the_cursor() -> None:
    cursor = Cursor(TEXT)
    cursor.toggle_anchor()
    change = cursor.move(cursor.word(1), extend=True)
    assert cursor.selection == Selection(0, 4) and cursor.selected_text == "One "
    assert change == Change((0, 4, 0, 4), span=True)
    cursor.move(cursor.word(-1), extend=True)
    assert cursor.selection is None, "back at the anchor: nothing selected"
    cursor.toggle_anchor()
    cursor.move(8)
    assert cursor.selection is None and cursor.anchor is None


def test_select_puts_the_cursor_on_the_last_character_and_clear_forgets() -> None:
    cursor = Cursor(TEXT)
    start, end = cursor.sentence_span()
    cursor.select(start, end)
    assert cursor.offset == end - 1 and cursor.selected_text == TEXT[start:end]
    change = cursor.clear()
    assert change == Change((start, end), span=True) and cursor.selection is None
    assert cursor.clear() == Change((), span=True)


def test_rows_keep_the_goal_column_and_stop_at_the_edges() -> None:
    layout = laid_out()
    cursor = Cursor(TEXT)
    cursor.move(layout.offset_at(1, 8))  # the "u" of "four"
    offset, keep = cursor.rows(layout, 1)
    assert (offset, keep) == (layout.offset_at(2, 8), True)
    cursor.move(offset, keep_goal=keep)
    offset, keep = cursor.rows(layout, 1)
    assert (offset, keep) == (TEXT.index("\n"), True), "a short row: as far as it goes"
    cursor.move(offset, keep_goal=keep)
    offset, keep = cursor.rows(layout, 1)
    assert (offset, keep) == (layout.offset_at(4, 8), True), "the goal column comes back"
    cursor.move(TEXT.index("ten"))
    assert cursor.rows(layout, 1) == (len(TEXT), False), "past the last row: the end"
    cursor.move(3)
    assert cursor.rows(layout, -1) == (0, False), "before the first row: the start"


def test_matches_step_from_the_cursor_and_wrap_around() -> None:
    text = "An apple, an egg, an end."
    matches = Matches()
    assert matches.find(text, "an") == 3 and matches.spans == [(0, 2), (10, 12), (18, 20)]
    assert matches.first_from(10) == 1, "a match at the cursor is the first"
    assert matches.first_from(19) == 0, "none after the cursor: the first"
    assert matches.step_from(10, 1) == 2 and matches.step_from(18, 1) == 0
    assert matches.step_from(10, -1) == 0 and matches.step_from(0, -1) == 2
    assert matches.within(11, 19) == [(11, 12), (18, 19)]
    generation = matches.generation
    matches.show([(5, 7), (0, 3)])
    assert matches.spans == [(0, 3), (5, 7)] and matches.generation == generation + 1
