"""The app as a user sees it, driven through Pilot."""

from __future__ import annotations

from pathlib import Path

from store import Store, open_store
from store.db.seeds import seed_metadata
from tests.screen import screen_lines, screen_text
from tui.app import ReaderApp, make_app
from tui.cli import article_ids
from tui.widgets.column import ArticleColumn
from tui.widgets.doc_view import DocView

OUTLETS = [entry["outlet"] for entry in seed_metadata()]


def fresh_app(tmp_path: Path) -> ReaderApp:
    """The app exactly as ``reader --db tmp/reader.db`` builds it on a first run."""
    store = open_store(tmp_path / "reader.db")
    return make_app(store, article_ids(store, []))


async def test_first_run_shows_the_five_outlets_side_by_side(tmp_path: Path) -> None:
    app = fresh_app(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        top = "\n".join(screen_lines(app)[:3])
        visible = [outlet for outlet in OUTLETS if outlet in top]
        assert len(visible) >= 3, top
        assert visible == OUTLETS[: len(visible)]
        for _ in OUTLETS:
            await pilot.press("tab")
        await pilot.press("shift+tab")
        assert OUTLETS[-1] in "\n".join(screen_lines(app)[:3])


async def test_every_column_is_one_key_away(tmp_path: Path) -> None:
    app = fresh_app(tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        seen = []
        for _ in OUTLETS:
            focused = app.focused
            assert isinstance(focused, ArticleColumn)
            seen.append(focused.article.outlet)
            assert focused.region.width > 30, "the focused column is on screen and readable"
            await pilot.press("tab")
        assert seen == OUTLETS


async def test_status_line_names_article_and_position(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        status = screen_lines(app)[-2]
        assert status.strip().startswith("CNN")
        view = app.main.columns[0].doc_view
        assert f"char {view.cursor}/{len(view.text)}" in status


async def test_markup_in_article_text_is_shown_literally(store: Store) -> None:
    text = "A [bold]B[/bold] C [@click=app.quit]QUIT[/] D [red]E and oops [/] x"
    article_id, _ = store.add_article(
        text, title="[b]Title[/b] [@click=app.quit]x[/]", outlet="[i]O"
    )
    app = make_app(store, [article_id])
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]B[/bold]" in shown and "[@click=app.quit]QUIT[/]" in shown
        assert "[b]Title[/b]" in shown and "[i]O" in shown
        await pilot.click(DocView, offset=(25, 0))
        assert app.is_running


async def test_control_characters_never_reach_the_screen(tmp_path: Path) -> None:
    path = tmp_path / "esc.txt"
    path.write_bytes(b"before \x1b]0;PWNED\x07 and \x1b[31mRED after\n")
    store = open_store(":memory:")
    article_id, _ = store.add_file(path)
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "before \ufffd]0;PWNED\ufffd and \ufffd[31mRED after" in shown


async def test_empty_store_says_what_to_do(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No articles" in screen_text(app)
