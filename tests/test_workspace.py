"""The workspace comes back as it was left: columns and their order, focus, zoom,
sync-scroll, and each column's cursor and top row, per story; ``--fresh`` starts anew."""

from __future__ import annotations

import threading
from pathlib import Path

from store import Store, open_store
from store.db.seeds import seed_once
from tests import test_reading
from tests.screen import screen_lines
from tests.test_reading import big_text, first_text_line
from tui.app import ReaderApp
from tui.cli.opening import app_over, article_ids
from tui.screens import columns as columns_module
from tui.view.layout import FIRST_SCREEN_CHARS
from tui.widgets.column import ArticleColumn
from tui.workspace import ColumnPlace, Workspace, WorkspaceKeeper, starting_workspace

held_wrap = test_reading.gated_wrap
"""``gated_wrap``, as a fixture here: background wraps wait until the test lets them go."""


def reader(store: Store, *sources: str, fresh: bool = False) -> ReaderApp:
    """The app as ``reader [SOURCE...] [--fresh]`` builds it."""
    return app_over(store, article_ids(store, sources), given=bool(sources), fresh=fresh)


def focused(app: ReaderApp) -> ArticleColumn:
    column = app.focused
    assert isinstance(column, ArticleColumn)
    return column


def outlets(app: ReaderApp) -> list[str]:
    return [column.article.outlet for column in app.main.columns]


# -- the plain rules --------------------------------------------------------------------


def test_a_saved_layout_gives_back_its_columns_and_new_articles_get_one() -> None:
    saved = Workspace(
        (ColumnPlace(3, 120, 100), ColumnPlace(1), ColumnPlace(2, 5, 0)),
        focused=2,
        first=1,
        zoomed=True,
        synced=True,
    ).layout(known=[1, 2, 3])
    back = starting_workspace(saved, [1, 2, 3, 4], restore_columns=True)
    assert back.article_ids == [3, 1, 2, 4], "4 was added to the story since"
    assert back.columns[0] == ColumnPlace(3, 120, 100)
    assert (back.focused, back.first, back.zoomed, back.synced) == (2, 1, True, True)
    # An article gone from the story takes its column with it; focus follows its column.
    gone = starting_workspace(saved, [2, 1], restore_columns=True)
    assert gone.article_ids == [1, 2] and gone.focused == 1
    # An article the user replaced (o) does not come back as a new one.
    assert starting_workspace(saved, [1, 2, 3], restore_columns=True).article_ids == [3, 1, 2]
    # Sources named on the command line: their columns, each at its place.
    named = starting_workspace(saved, [2, 3], restore_columns=False)
    assert named.columns == (ColumnPlace(2, 5, 0), ColumnPlace(3, 120, 100))
    assert not named.zoomed and named.focused == 0


def test_nothing_in_a_saved_layout_is_trusted() -> None:
    for junk in (
        {"columns": "x"},
        {"columns": [{"article": "1"}, {"article": True}, 7, None]},
        {"columns": [{"article": 1, "cursor": -5, "top": "a"}], "focused": 99, "first": -1},
        {"columns": [{"article": 1}], "zoomed": "yes", "known": "all"},
    ):
        back = starting_workspace(junk, [1, 2], restore_columns=True)
        assert set(back.article_ids) == {1, 2}
        assert all(c.cursor >= 0 and c.top >= 0 for c in back.columns)
        assert 0 <= back.focused < 2 and back.zoomed is False


def test_the_keeper_writes_only_what_changed(seeded: Store) -> None:
    story = seeded.opened_story()
    assert story is not None
    keeper = WorkspaceKeeper(seeded, story.id)
    workspace = keeper.start(seeded.story_article_ids(story.id))
    assert keeper.save(workspace) is None
    assert seeded.layout(story.id)["columns"][0] == {"article": 1, "cursor": 0, "top": 0}
    seeded.save_layout(story.id, {"someone": "else"})
    assert keeper.save(workspace) is None, "the same again: not written"
    assert seeded.layout(story.id) == {"someone": "else"}
    assert WorkspaceKeeper(seeded, None).save(workspace) is None, "no story: nothing kept"


# -- in the app -----------------------------------------------------------------------------


async def test_a_restart_brings_back_column_order_focus_and_cursor_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    app = reader(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("tab", *"}}}}}}", "j", "less_than_sign", "S")
        await pilot.pause()
        left = focused(app)
        place, row, order = left.place, left.row_of(left.cursor), outlets(app)
        assert order[0] == "CBS News" and row > 6
        await pilot.press("q")
    store.close()

    store = open_store(path)
    app = reader(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert outlets(app) == order
        column = focused(app)
        assert column.article.outlet == "CBS News"
        assert column.place == place and column.row_of(column.cursor) == row
        assert f"row {row + 1}/" in screen_lines(app)[-2]
        assert app.main.synced
    store.close()

    store = open_store(path)
    app = reader(store, fresh=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert outlets(app)[0] == "CNN" and focused(app).cursor == 0
        assert not app.main.synced
    store.close()


async def test_zoom_comes_back_and_unzooms_to_the_columns_left(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    app = reader(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "z")
        await pilot.press("q")
    store.close()
    store = open_store(path)
    app = reader(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.main.zoomed
        assert [c.article.outlet for c in app.main.columns if c.display] == ["Global News"]
        await pilot.press("z")
        assert len([c for c in app.main.columns if c.display]) == 4
    store.close()


async def test_the_workspace_is_saved_a_second_after_a_change_not_only_on_quit(
    tmp_path: Path,
) -> None:
    """So that kill -9 loses at most that second."""
    path = tmp_path / "r.db"
    store = open_store(path)
    app = reader(store)
    story = store.opened_story()
    assert story is not None
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")
        assert store.layout(story.id) == {}, "not at every key"
        await pilot.pause(columns_module.SAVE_SECONDS + 0.3)
        (first, *_) = store.layout(story.id)["columns"]
        assert first["cursor"] == focused(app).cursor > 0
    store.close()


async def test_sources_named_on_the_command_line_open_where_they_were_left(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.db"
    text = "\n\n".join(f"Paragraph {n} says something of its own." for n in range(40))
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    store = open_store(path)
    app = reader(store, str(source))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"}" * 12)
        cursor = focused(app).cursor
        await pilot.press("q")
    store.close()
    store = open_store(path)
    app = reader(store, str(source))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert outlets(app) == [""] or len(app.main.columns) == 1
        assert focused(app).cursor == cursor == text.index("Paragraph 12")
    store.close()


async def test_a_long_article_comes_back_without_wrapping_more_before_the_first_screen(
    tmp_path: Path, held_wrap: threading.Event
) -> None:
    """The place is taken up once the background wrap reaches it: start-up wraps no
    more of a 5 MB article than without a place to go back to."""
    text = big_text(600)  # about 1 MB
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "r.db")
    seed_once(store)
    far = text.index("P500 ")
    ids = article_ids(store, [str(source)])
    story = store.opened_story()
    assert story is not None
    left = Workspace((ColumnPlace(ids[0], far, far),))
    store.save_layout(story.id, left.layout(known=ids))
    app = app_over(store, ids, given=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        column = focused(app)
        assert column.rows.wrapped_to <= 2 * FIRST_SCREEN_CHARS, "nothing more wrapped for it"
        assert column.cursor == 0 and column.place == (far, far), "kept until wrapped there"
        assert "P0 The quick" in first_text_line(app, column), "the first screen meanwhile"
        held_wrap.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert column.fully_wrapped
        assert column.cursor == far
        assert column.rows.starts[column.scroll_offset.y] == far
        assert "P500 The quick" in first_text_line(app, column)
    store.close()
