"""Annotating in the app: tag keys, the tag picker, notes, links, delete, undo, failures.

Each test drives the real app with Pilot and checks both what the user sees
(the gutter marks, the detail line, notices) and what SQLite holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytest import MonkeyPatch
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._toast import Toast

from store import Store, open_store
from store.db.seeds import seed_once
from store.text.segment import sentence_at
from tests.screen import screen_lines
from tui.app import ReaderApp, make_app
from tui.screens.link_kind import LinkKind
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_picker import TagPicker
from tui.widgets import detail_bar
from tui.widgets.detail_bar import DetailBar
from tui.widgets.doc_view import GUTTER, DocView


def focused_view(app: ReaderApp) -> DocView:
    view = app.focused
    assert isinstance(view, DocView)
    return view


def rows(store: Store, sql: str, *args: object) -> list[tuple[object, ...]]:
    return list(store.conn.execute(sql, args))


def annotations(store: Store) -> list[tuple[object, ...]]:
    """(start, end, tags, note) of every annotation, in text order."""
    return [
        (a.start, a.end, a.tags, a.note)
        for article in store.articles()
        for a in store.annotations(article.id)
    ]


def gutter(app: ReaderApp, view: DocView, row: int) -> str:
    """The gutter cells of ``row`` of ``view`` (on screen)."""
    y = view.content_region.y + view.heading_height + row - view.scroll_offset.y
    x = view.content_region.x
    return screen_lines(app)[y][x : x + GUTTER]


def detail(app: ReaderApp) -> str:
    bar = app.query_one(DetailBar)
    return str(bar._content) if bar.display else ""


def notices(app: ReaderApp) -> str:
    """What the app says: on the main screen's detail line, and in pop-ups over others."""
    said = app.main.query_one(DetailBar).notice_text
    return " ".join([said, *(str(n.message) for n in app._notifications)]).strip()


def detail_line(app: ReaderApp) -> str:
    """The detail line as drawn on screen (notice and details)."""
    bar = app.query_one(DetailBar)
    return screen_lines(app)[bar.region.y]


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_digit_tags_the_sentence_under_the_cursor_and_again_removes_it(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        start, end = sentence_at(view.text, 0)
        await pilot.press("1")
        assert annotations(seeded) == [(start, end, ("quote",), "")]
        assert gutter(app, view, 0).startswith("1")
        assert "quote" in detail(app)
        assert "Tagged quote." in detail_line(app)
        await pilot.press("1")
        assert annotations(seeded) == []
        assert gutter(app, view, 0) == "  "
        assert detail(app) == ""
        assert "Removed quote." in detail_line(app)


async def test_a_tag_key_confirms_on_the_detail_line_without_moving_the_layout(
    seeded: Store, monkeypatch: MonkeyPatch
) -> None:
    """No toast and no relayout per key: the view keeps its size, notices replace
    one another, and the notice goes after a moment."""
    monkeypatch.setattr(detail_bar, "NOTICE_SECONDS", 0.2)
    app = make_app(seeded)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        view = focused_view(app)
        height = view.size.height
        assert app.query_one(DetailBar).region.height == 1
        await pilot.press("1")
        await settle(pilot)
        assert view.size.height == height
        assert detail_line(app).strip().startswith("Tagged quote.  │  quote")
        await pilot.press("2")
        await settle(pilot)
        line = detail_line(app)
        assert "Tagged contradiction." in line and "Tagged quote." not in line
        assert not app.screen.query(Toast)
        assert not app._notifications
        await pilot.pause(0.4)
        assert detail_line(app).strip() == "quote, contradiction"
        assert view.size.height == height


async def test_a_tag_key_redraws_only_the_rows_of_the_passage(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        view.move_to(view.text.index("Sessions said"))
        await settle(pilot)
        start, end = sentence_at(view.text, view.cursor)
        first, last = view.row_of(start), view.row_of(end - 1)
        drawn: list[int] = []
        render_row = view.painter.row

        def counting(row_start: int, *args: object) -> object:
            drawn.append(view.row_of(row_start))
            return render_row(row_start, *args)  # type: ignore[arg-type]

        view.painter.row = counting  # type: ignore[assignment,method-assign]
        await pilot.press("1")
        await settle(pilot)
        assert drawn and set(drawn) <= set(range(first, last + 1))
        top = view.scroll_offset.y
        for row in range(top, top + view.text_height):
            expected = "1" if first <= row <= last else " "
            assert gutter(app, view, row)[0] == expected, row
        # Rows drawn before the tag are not reused from the cache afterwards.
        await pilot.press("pagedown", "pageup")
        await settle(pilot)
        assert gutter(app, view, first).startswith("1")


async def test_digit_tags_the_selection_and_clears_it(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        await pilot.press("v", "w", "w", "2")
        (annotation,) = seeded.annotations(view.article_id or 0)
        assert annotation.tags == ("contradiction",)
        assert (annotation.start, annotation.end) == (0, view.text.index(" ", 6) + 1)
        assert annotation.exact == view.text[annotation.start : annotation.end]
        assert view.selection is None
        # Two tags on one passage: select it again and press 3.
        view.select(annotation.start, annotation.end)
        await pilot.press("3")
        assert seeded.annotation(annotation.id).tags == ("contradiction", "claim")


async def test_a_blank_line_has_nothing_to_tag(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        view.move_to(view.text.index("\n\n") + 1)
        await pilot.press("1")
        assert annotations(seeded) == []
        assert "Nothing here to mark" in notices(app)


async def test_each_change_is_in_sqlite_before_the_screen_says_it_is_done(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    app = make_app(store)
    seen: list[int] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = app.query_one(DetailBar)
        announce = bar.notice

        def notice(message: str, *args: object) -> None:
            with sqlite3.connect(path) as other:  # another connection sees only commits
                seen.append(other.execute("SELECT count(*) FROM annotation_tags").fetchone()[0])
            announce(message, *args)  # type: ignore[arg-type]

        bar.notice = notice  # type: ignore[method-assign]
        await pilot.press("1")
        await pilot.press("2")
        await pilot.press("1")
    assert seen == [1, 2, 1]
    store.close()


async def test_undo_and_redo_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await pilot.press("s", "2")
    assert [a[2] for a in annotations(store)] == [("quote", "contradiction")]
    store.close()

    store = open_store(path)
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        assert gutter(app, view, 0) == "12"
        await pilot.press("u")
        assert [a[2] for a in annotations(store)] == [("quote",)]
        assert gutter(app, view, 0).startswith("1")
        await pilot.press("u")
        assert annotations(store) == []
        assert gutter(app, view, 0) == "  "
        await pilot.press("u")
        assert "Nothing to undo." in notices(app)
        await pilot.press("ctrl+r", "ctrl+r")
        assert [a[2] for a in annotations(store)] == [("quote", "contradiction")]
        assert gutter(app, view, 0) == "12"
    store.close()


async def test_x_deletes_the_annotation_under_the_cursor_and_u_brings_it_back(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1", "3")
        before = annotations(seeded)
        await pilot.press("x")
        assert annotations(seeded) == []
        assert "Annotation deleted (u undoes)." in detail_line(app)
        await pilot.press("u")
        assert annotations(seeded) == before
        assert "Undid: " in detail_line(app), "said on the detail line"
        assert not app.query(Toast), "not in a toast"
        await pilot.press("x", "x")
        assert "No annotation under the cursor." in notices(app)


async def test_m_writes_a_note_kept_verbatim(seeded: Store) -> None:
    app = make_app(seeded)
    note = "Check [bold]this[/] against CBS\n[@click=app.quit]x[/] \x1b[31m"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one("TextArea").text = note  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, NoteEditor)
        (annotation,) = [a for article in seeded.articles() for a in seeded.annotations(article.id)]
        assert annotation.note == note and annotation.tags == ()
        assert "Check [bold]this[/] against CBS" in detail(app)
        assert app.is_running
        # m on the annotation edits its note; esc leaves it unchanged.
        await pilot.press("m")
        await pilot.press("escape")
        assert seeded.annotation(annotation.id).note == note


async def typed_at_once(pilot: Pilot[None], keys: str) -> None:
    """Keys that all arrive before the first is handled, as from a fast typist."""
    for key in keys:
        pilot.app.post_message(events.Key(key, key))
    await settle(pilot)


async def test_keys_typed_fast_after_m_and_t_land_in_the_prompt(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("1")  # an annotation under the cursor, for "x" to delete
        await typed_at_once(pilot, "mfixit")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("TextArea").text == "fixit"  # type: ignore[attr-defined]
        assert len(annotations(seeded)) == 1, "the x went into the note, deleting nothing"
        await typed_at_once(pilot, "m")
        assert isinstance(app.screen, NoteEditor), "m in the editor is a letter"
        await pilot.press("escape", "d")  # the note was changed: discard it
        await typed_at_once(pilot, "tcla")
        assert isinstance(app.screen, TagPicker)
        assert app.screen.query_one(Input).value == "cla"
        await typed_at_once(pilot, "m")
        assert app.screen.query_one(Input).value == "clam", "m in the picker is a letter"


async def test_t_picks_tags_and_creates_one(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, TagPicker)
        await pilot.press("q", "u", "o", "enter")
        assert [a[2] for a in annotations(seeded)] == [("quote",)]
        await pilot.press("t", *"timeline", "enter")
        await pilot.press(*["backspace"] * 12, *"#123456 7", "enter")
        assert [a[2] for a in annotations(seeded)] == [("quote", "timeline")]
        timeline = next(tag for tag in seeded.tags() if tag.name == "timeline")
        assert (timeline.colour, timeline.key) == ("#123456", 7)
        assert "7  timeline" in screen_lines(app)[-1]  # the legend shows the new key
        # Key 7 now tags with it; u undoes that tagging, then the creation.
        await pilot.press("u", "u", "u")
        assert "timeline" not in {tag.name for tag in seeded.tags()}


async def test_L_links_passages_in_two_columns_and_enter_follows_the_link(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        first = focused_view(app)
        await pilot.press("L")
        assert "linking" in screen_lines(app)[-2], "the status line says so"
        await pilot.press("tab")
        second = focused_view(app)
        assert second is not first
        await pilot.press("s", "L")
        assert isinstance(app.screen, LinkKind)
        await pilot.press("enter")
        (link,) = rows(seeded, "SELECT kind FROM links")
        assert link == ("contradicts",)
        assert "&" in gutter(app, first, 0) and "&" in gutter(app, second, 0)
        assert "contradicts" in detail(app)
        await pilot.press("enter")
        assert focused_view(app) is first
        assert first.selection is not None and first.selection.start == 0
        await pilot.press("u")
        assert rows(seeded, "SELECT kind FROM links") == []


async def test_a_full_disk_says_not_saved_and_shows_nothing_new(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = focused_view(app)
        big = "x" * 200_000
        await pilot.press("m")
        app.screen.query_one("TextArea").text = big  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "Not saved" in " ".join(str(n.title) for n in app._notifications)
        assert "full" in notices(app)
        assert annotations(store) == []
        assert gutter(app, view, 0) == "  "
        assert app.is_running
    store.close()


async def test_A_lists_filters_jumps_and_deletes(seeded: Store) -> None:
    from tui.screens.annotation_list import AnnotationList

    cnn, cbs = seeded.articles()[:2]
    cbs_text = seeded.article_text(cbs.id)
    far = cbs_text.index("recuse", 2000)
    seeded.create_annotation(cnn.id, 0, 10, tags=["quote"], note="[bold]odd[/] note")
    target = seeded.create_annotation(cbs.id, far, far + 6, tags=["claim"])
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        assert isinstance(app.screen, AnnotationList)
        shown = "\n".join(screen_lines(app))
        assert "2 of 2" in shown and "[bold]odd[/] note" in shown
        await pilot.press("slash", *"#claim", "enter")
        assert "1 of 2" in "\n".join(screen_lines(app))
        await pilot.press("enter")
        assert not isinstance(app.screen, AnnotationList)
        view = focused_view(app)
        assert view.article_id == cbs.id
        assert view.selection is not None and view.selection.start == target.start
        await pilot.press("A", "slash", *"@cnn", "enter", "x")
        assert [a.id for a in seeded.find_annotations()] == [target.id]
        assert "0 of 1" in "\n".join(screen_lines(app))
        await pilot.press("escape")
        await pilot.press("u")
        assert len(seeded.find_annotations()) == 2


async def test_T_renames_recolours_merges_and_deletes_tags(seeded: Store) -> None:
    from tui.screens.dialogs import Confirm
    from tui.screens.tag_manager import TagManager

    cnn = seeded.articles()[0]
    seeded.create_annotation(cnn.id, 0, 10, tags=["quote"])
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        assert isinstance(app.screen, TagManager)
        await pilot.press("r", *["backspace"] * 10, *"citation", "enter")
        assert seeded.tags()[0].name == "citation"
        assert "citation" in "\n".join(screen_lines(app))
        await pilot.press("c", *["backspace"] * 10, *"#zzz", "enter")
        assert "#rrggbb" in notices(app) and seeded.tags()[0].colour == "#3b82f6"
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert seeded.tags()[0].name == "citation"
        await pilot.press("m", *"claim", "enter")
        assert seeded.find_annotations()[0].tags == ("claim",)
        await pilot.press("escape")
        # The legend and the marks follow the change.
        assert "citation" not in screen_lines(app)[-1]
        assert seeded.tags()[0].name == "contradiction"


def state(store: Store) -> list[list[tuple[object, ...]]]:
    return [
        sorted(store.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in ("annotations", "annotation_tags", "links", "tags")
    ]


ACTIONS: dict[str, tuple[list[str], list[str], int]] = {
    # name: (keys before, the action's keys, how many undo steps it takes)
    "tag key": ([], ["1"], 1),
    "two tags": ([], ["s", "2", "s", "3"], 2),
    "untag": (["1"], ["1"], 1),
    "tag picker": ([], ["t", "c", "l", "a", "enter"], 1),
    "delete": (["1", "3"], ["x"], 1),
    "link": ([], ["L", "tab", "s", "L", "enter"], 1),
}


async def test_every_action_in_the_app_is_undone_by_u_and_redone_by_ctrl_r(
    seeded: Store,
) -> None:
    for name, (setup, keys, undos) in ACTIONS.items():
        app = make_app(seeded)
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            await pilot.press(*setup)
            before = state(seeded)
            await pilot.press(*keys)
            after = state(seeded)
            assert after != before, name
            view = focused_view(app)
            await pilot.press(*["u"] * undos)
            assert state(seeded) == before, name
            await pilot.press(*["ctrl+r"] * undos)
            assert state(seeded) == after, name
            assert app.is_running and view is focused_view(app)
        seeded.conn.execute("DELETE FROM journal")
        seeded.conn.execute("DELETE FROM annotations")
        seeded.conn.commit()


async def test_a_note_is_undone_and_redone(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        app.screen.query_one("TextArea").text = "first"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s", "m")
        app.screen.query_one("TextArea").text = "second"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "second" in detail(app)
        await pilot.press("u")
        assert [a[3] for a in annotations(seeded)] == ["first"]
        assert "first" in detail(app)
        await pilot.press("u")
        assert annotations(seeded) == []
        await pilot.press("ctrl+r", "ctrl+r")
        assert [a[3] for a in annotations(seeded)] == ["second"]


async def test_E_exports_to_the_file_named_and_asks_before_replacing(
    seeded: Store, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from tui.screens.dialogs import Confirm, Prompt

    seeded.create_annotation(seeded.articles()[0].id, 0, 10, tags=["quote"], note="[b]n[/b]")
    app = make_app(seeded)
    report, sheet = tmp_path / "report.md", tmp_path / "sheet.csv"
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        assert isinstance(app.screen, Prompt)
        assert app.screen.query_one(Input).value.endswith(".md")
        app.screen.query_one(Input).value = str(report)
        await pilot.press("enter")
        await pilot.pause()
        assert "\n# Annotations\n" in report.read_text(encoding="utf-8")
        assert f"Exported to {report}" in notices(app)
        report.write_text("mine", encoding="utf-8")
        await pilot.press("E")
        app.screen.query_one(Input).value = str(report)
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert report.read_text(encoding="utf-8") == "mine"
        await pilot.press("E")
        app.screen.query_one(Input).value = str(report)
        await pilot.press("enter", "y")
        await pilot.pause()
        assert "\\[b\\]n\\[/b\\]" in report.read_text(encoding="utf-8")
        await pilot.press("E")
        app.screen.query_one(Input).value = str(sheet)
        await pilot.press("enter")
        await pilot.pause()
        assert sheet.read_text(encoding="utf-8").startswith("id,article_id,outlet")
        await pilot.press("E")
        app.screen.query_one(Input).value = str(tmp_path / "no" / "such" / "dir.md")
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot be written" in notices(app) and "dir.md" in notices(app)
        assert not isinstance(app.screen, Prompt)
