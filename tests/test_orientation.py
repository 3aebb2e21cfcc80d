"""Finding one's way on the first day: the footer's hints at any width, the help screen,
every screen's way out, notices that cover nothing, links in the annotation list, where
an export went, what the compare screen compares."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.widgets._toast import Toast

from store import Store
from tests.screen import screen_lines, screen_text
from tests.test_reading import boxed
from tui.app import ReaderApp, make_app
from tui.keys import KEYS
from tui.screens.annotation_list import AnnotationList
from tui.screens.help import HelpScreen, key_lines
from tui.widgets.detail_bar import DetailBar
from tui.widgets.legend import KEY_HINTS, fit, legend_items
from tui.widgets.status_bar import StatusBar


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()


def said(app: ReaderApp) -> str:
    return app.main.query_one(DetailBar).notice_text


# -- the footer and the help screen -----------------------------------------------------


def test_the_footer_starts_with_the_keys_hint_and_drops_the_rest_from_its_end(
    seeded: Store,
) -> None:
    items = legend_items(seeded.tags())
    wide = fit(items, 200).plain
    assert wide.startswith("? keys  t tags  m note  L link  A list  u undo")
    assert "5  attribution" in wide
    for width in (78, 60, 30, 12, 6):
        line = fit(items, width).plain
        assert line.startswith("? keys") and len(line) <= width
        shown = [f"{key} {what}" for key, what in KEY_HINTS if f"{key} {what}" in line]
        assert shown == [f"{k} {w}" for k, w in KEY_HINTS[: len(shown)]], "dropped from the end"
        assert not line.endswith(("…", " t", "│")), "whole items only"
    assert fit(items, 3).plain == "? k"


async def test_at_80_columns_the_footer_shows_the_keys_hint(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_lines(app)[-1]
        assert footer.strip().startswith("? keys  t tags  m note  L link  A list  u undo")


def test_help_descriptions_wrap_within_their_column() -> None:
    lines = [line.plain for line in key_lines(KEYS, 50)]
    column = next(line for line in lines if line.startswith("v ")).index("start")
    wrapped = [line for line in lines if line and line[0] == " "]
    assert wrapped, "some descriptions wrap at 50 cells"
    assert all(len(line) - len(line.lstrip()) == column for line in wrapped)
    assert all(len(line) <= 50 for line in lines)


async def test_the_help_screen_says_how_to_close_it_and_keeps_its_columns(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "esc, q or ? closes" in text
        lines = screen_lines(app)
        key = next(i for i, line in enumerate(lines) if "start a selection" in line)
        column = lines[key].index("start a selection")
        left = lines[key].rindex("│ v", 0, column)  # the help box's left border
        following = lines[key + 1]
        assert following[column:].strip(), "the description goes on on the next line"
        assert not following[left + 1 : column].strip(), "in its own column"


# -- every screen's way out -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "way_out"),
    [
        (["question_mark"], "esc"),
        (["m"], "esc closes"),
        (["t"], "esc cancels"),
        (["T"], "esc closes"),
        (["T", "r"], "esc closes"),
        (["T", "c"], "esc cancels"),
        (["A"], "esc closes"),
        (["o"], "esc cancels"),
        (["E"], "esc cancels"),
        (["L", "tab", "s", "L"], "esc cancels"),
        (["m", "x", "escape"], "esc or k keep editing"),
    ],
)
async def test_every_modal_screen_shows_its_way_out(
    seeded: Store, keys: list[str], way_out: str
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        assert isinstance(app.screen, ModalScreen)
        assert way_out in screen_text(app), type(app.screen).__name__


async def test_the_compare_screen_has_a_title_line_and_a_way_out(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await settle(pilot)
        title = screen_lines(app)[0]
        story = seeded.opened_story()
        assert story is not None and story.name in title
        assert "5 articles" in title and "quotations in several" in title
        assert "discrepanc" in title and "esc closes" in title


# -- notices cover nothing; a link in progress is on the status line ------------------------


async def test_notices_never_cover_the_status_line_or_the_text(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert not app.screen.query(Toast), "no pop-up over the columns"
        status = app.main.query_one(StatusBar)
        assert status.linking and "linking: select, L links, esc cancels" in screen_lines(app)[-2]
        await pilot.press("x", "x")  # a warning: nothing to delete
        await settle(pilot)
        assert not app.screen.query(Toast)
        assert "No annotation under the cursor." in said(app)
        await pilot.pause(2.5)
        assert "linking" in screen_lines(app)[-2], "until finished or cancelled"
        await pilot.press("escape")
        assert not status.linking and "Link cancelled." in said(app)
        assert "linking" not in screen_lines(app)[-2]
        await pilot.press("L", "L")  # L again, on the same passage, cancels too
        assert not status.linking and "Link cancelled." in said(app)
        await pilot.press("L", "v", "w", "escape")  # esc first ends the selection
        assert status.linking and app.main.columns[0].selection is None
        await pilot.press("escape")
        assert not status.linking


async def test_a_refusal_is_said_on_the_detail_line_with_its_title(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.notify("the disk is full", title="Not saved", severity="error", markup=False)
        await settle(pilot)
        assert said(app) == "Not saved: the disk is full"
        app.notify("[b]markup[/b] stays text", markup=False)
        await settle(pilot)
        assert said(app) == "[b]markup[/b] stays text"
        assert not app.screen.query(Toast)


# -- links in the annotation list --------------------------------------------------------


async def test_the_annotation_list_shows_links_filters_by_kind_and_follows_them(
    seeded: Store,
) -> None:
    cnn, cbs, other = seeded.articles()[:3]
    cbs_text = seeded.article_text(cbs.id)
    far = cbs_text.index("recuse", 2000)
    seeded.link_passages(
        (cnn.id, 0, 10), (cbs.id, far, far + 20), "contradicts", "[b]who[/b] said it"
    )
    seeded.link_passages((cnn.id, 0, 10), (other.id, 0, 10), "corroborates", "")
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        assert isinstance(app.screen, AnnotationList)
        text = screen_text(app)
        first_words = " ".join(cbs_text[far : far + 20].split())
        assert "& contradicts  → CBS News" in text and first_words in text
        assert "[b]who[/b] said it" in text, "a link's note, as text"
        assert f"& corroborates  → {other.label}" in text
        await pilot.press("slash", *"~contra", "enter")
        text = boxed(app, "Annotations")
        assert "2 of 3" in text, "the two ends of the contradiction"
        assert "corroborates" not in text
        # The first line is CNN's passage, the next its contradicting link: enter there
        # goes to the other end, in CBS News.
        await pilot.press("j", "enter")
        assert not isinstance(app.screen, AnnotationList)
        view = app.focused
        assert view is not None and getattr(view, "article_id", None) == cbs.id
        assert view.selection is not None and view.selection.start == far  # type: ignore[attr-defined]


# -- where an export went --------------------------------------------------------------------


async def test_E_names_the_absolute_path_it_wrote(
    seeded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        app.screen.query_one(Input).value = "relative.md"
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "relative.md").is_file()
        assert said(app) == f"Exported to {tmp_path / 'relative.md'} (markdown)."
