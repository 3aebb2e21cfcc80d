"""Reading an article with the keyboard and the mouse, driven through Pilot.

Every key of the document view and of the app is pressed here, and what the
user gets is asserted against the article text: offsets, selected text, what
the screen shows.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

import pytest
from textual import events
from textual.pilot import Pilot

from store import Store
from store.text.find import find_all
from store.text.segment import paragraph_at, sentence_at
from tests.screen import screen_lines, screen_text
from tui import wrap
from tui.app import ReaderApp, make_app
from tui.keys import KEYS
from tui.screens.choose_article import ChooseArticle
from tui.screens.help import HelpScreen
from tui.widgets import doc_wrap as doc_wrap_module
from tui.widgets.detail_bar import DetailBar
from tui.widgets.doc_view import GUTTER, DocView, Selection
from tui.widgets.search_bar import SearchBar

RAYCOM = "Raycom local station (CNN copy)"
FLYNN = (
    "Retired Lt. Gen. Michael Flynn, Trump's national security adviser, resigned Feb. 13"
    " after reports that he addressed sanctions against Russia with Kislyak."
)
MCMASTER = (
    "Army Lt. Gen. H.R. McMaster was appointed national security adviser after Flynn's resignation."
)
FIRST_LINE = "Sessions recuses himself from investigation into Russian influence of 2016 election"
HARWARD = "Trump had planned to offer the job to Adm. Robert Harward, but Harward turned it down."


# Helpers ------------------------------------------------------------------------------


def ids_by_outlet(store: Store) -> dict[str, int]:
    return {article.outlet: article.id for article in store.articles()}


def raycom_app(store: Store) -> ReaderApp:
    """The app showing only seed 004 (the Raycom copy of the CNN story)."""
    return make_app(store, [ids_by_outlet(store)[RAYCOM]])


def focused_view(app: ReaderApp) -> DocView:
    focused = app.focused
    assert isinstance(focused, DocView)
    return focused


def height(view: DocView) -> int:
    """Rows of text on screen (the column's heading takes the first lines)."""
    return view.text_height


def cursor_row(view: DocView) -> int:
    return view.row_of(view.cursor)


def assert_cursor_on_screen(view: DocView) -> None:
    top = view.scroll_offset.y
    assert top <= cursor_row(view) < top + height(view), (cursor_row(view), top, height(view))


def row_text(view: DocView, row: int) -> str:
    return view.text[view.rows.starts[row] : view.rows.ends[row]]


async def tap(pilot: Pilot[None], *keys: str) -> None:
    """Press keys in a burst, as key repeat or a fast typist sends them, then settle.

    A key is a Textual key name ("pagedown", "ctrl+d") or one typed character ("}").

    The terminal driver posts each key to the app as an ``events.Key``; so does
    this, without Pilot's idle wait after every key (about 0.1 s each). Use
    ``pilot.press`` for keys that move the focus or open a screen.
    """
    for key in keys:
        if len(key) == 1:
            pilot.app.post_message(events.Key(key_of(key), key))
        else:
            pilot.app.post_message(events.Key(key, " " if key == "space" else None))
    await pilot.pause()


def key_of(character: str) -> str:
    """The key name a terminal reports for a typed character ("?" is "question_mark")."""
    if character.isalnum():
        return character
    if character == " ":
        return "space"
    return unicodedata.name(character).lower().replace(" ", "_").replace("-", "_")


async def search(pilot: Pilot[None], query: str, end: str = "enter") -> None:
    """Press / and type ``query`` into the search bar, then ``end`` (enter or escape)."""
    await pilot.press("slash")
    await tap(pilot, *query, end)


class Stop(NamedTuple):
    """Where one key left the cursor (offset, row), the top row shown, what is selected."""

    cursor: int
    row: int
    top: int
    selected: str


async def visits(pilot: Pilot[None], view: DocView, *keys: str) -> list[Stop]:
    """Press ``keys`` in one burst and record where each left the cursor.

    Every motion key moves the cursor through ``DocView.move_to`` exactly once, so
    one record per key; recording there saves a round trip per key.
    """
    seen: list[Stop] = []
    move_to = view.move_to

    def recording(offset: int, **options: bool) -> None:
        move_to(offset, **options)
        row, top = view.row_of(view.cursor), view.scroll_offset.y
        seen.append(Stop(view.cursor, row, top, view.selected_text))

    view.move_to = recording  # type: ignore[method-assign]
    try:
        await tap(pilot, *keys)
    finally:
        del view.move_to
    assert len(seen) == len(keys), (keys, seen)
    return seen


def status(app: ReaderApp) -> str:
    return screen_lines(app)[-2]


def outlets(app: ReaderApp) -> list[str]:
    return [column.article.outlet for column in app.main.columns]


def shown_outlets(app: ReaderApp) -> list[str]:
    return [column.article.outlet for column in app.main.columns if column.display]


def notices(app: ReaderApp) -> list[str]:
    """What the app says: on the main screen's detail line, and in pop-ups over others."""
    said = app.main.query_one(DetailBar).notice_text
    return [said, *(str(notification.message) for notification in app._notifications)]


def starts_of(text: str, needle: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(needle), text)]


def rendered_styles(view: DocView, row: int) -> list[tuple[str, object]]:
    """The segments of a visible row, as (text, background colour)."""
    strip = view.render_line(view.heading_height + row - view.scroll_offset.y)
    return [(segment.text, segment.style.bgcolor if segment.style else None) for segment in strip]


@pytest.fixture
def gated_wrap(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold every background (whole-text) wrap until the test sets the event.

    The first screen of a long text is wrapped at once on the event loop; the rest
    in a worker thread. Holding the thread makes "a key pressed while wrapping" a
    certainty instead of a race.
    """
    gate = threading.Event()
    real: Callable[..., wrap.Rows | None] = wrap.wrap_text

    def held(
        text: str,
        width: int,
        start: int = 0,
        stop: int | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> wrap.Rows | None:
        if stop is None and threading.current_thread() is not threading.main_thread():
            assert gate.wait(10), "the test never released the background wrap"
        return real(text, width, start, stop, cancelled)

    monkeypatch.setattr(doc_wrap_module, "wrap_text", held)
    yield gate
    gate.set()


def big_text(paragraphs: int) -> str:
    """About 1.8 kB a paragraph, each starting with its number: ``P17 The quick ...``."""
    body = "The quick brown fox jumps over the lazy dog. " * 40
    return "\n\n".join(f"P{index} {body}" for index in range(paragraphs))


def boxed(app: ReaderApp, title: str) -> str:
    """The text inside the bordered box titled ``title``, lines joined, spaces collapsed."""
    lines = screen_lines(app)
    top = next(i for i, line in enumerate(lines) if f"╭─ {title}" in line)
    left = lines[top].index(f"╭─ {title}")
    right = lines[top].index("╮", left)
    inside = []
    for line in lines[top + 1 :]:
        if line[left] == "╰":
            break
        inside.append(line[left + 1 : right])
    return " ".join(" ".join(inside).split())


def text_at(view: DocView, cell: int, row: int) -> tuple[int, int]:
    """Where cell ``cell`` of the ``row``-th text line on screen is, from the view's
    corner: past its border, its heading and the gutter (a negative cell is in the gutter)."""
    x = view.content_region.x - view.region.x + GUTTER + cell
    return x, view.content_region.y - view.region.y + view.heading_height + row


def first_text_line(app: ReaderApp, view: DocView) -> str:
    """The screen line showing the view's top row."""
    return screen_lines(app)[view.content_region.y + view.heading_height]


# Motions ------------------------------------------------------------------------------


async def test_h_l_and_left_right_move_one_character(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await pilot.press("l")
        assert view.cursor == 1
        stops = await visits(pilot, view, "right", "right", "h", "left", "left", "h")
        assert [stop.cursor for stop in stops] == [2, 3, 2, 1, 0, 0], "h at 0 stays at 0"
        view.move_to(view.text.index("election") + 7)
        await tap(pilot, "l", "l")
        assert view.text[view.cursor - 1 :].startswith("\n\n(CNN)"), "l crosses line ends"
        await tap(pilot, "G", "l")
        assert view.cursor == len(view.text), "l at the end stays there"
        assert f"char {len(view.text)}/{len(view.text)}  100%" in status(app)


async def test_j_k_and_up_down_keep_the_goal_column_across_short_rows(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        starts = view.rows.starts
        # Row 0 is the headline up to "2016 ", row 1 its last word, row 2 a blank line.
        assert view.wrap_width == 76
        assert row_text(view, 1) == "election" and row_text(view, 2) == ""
        assert row_text(view, 3).startswith("(CNN) – Attorney General")
        view.move_to(40)
        await pilot.press("j")
        assert view.cursor == text.index("election") + len("election"), "clamped to row 1's end"
        assert text[view.cursor] == "\n"
        stops = await visits(pilot, view, "down", "j", "k", "up", "k", "k")
        assert [stop.cursor for stop in stops] == [
            starts[2],  # the blank line
            starts[3] + 40,  # the goal column survived two short rows
            starts[2],
            starts[1] + len("election"),
            40,
            0,  # k on the first row goes to the start
        ]
        assert text[starts[3] + 39 :].startswith("promised to recuse")
        # A horizontal move sets a new goal column.
        await tap(pilot, "j", "j", "j", "l", "j")
        assert view.cursor == starts[4] + 1
        assert f"row 5/{len(view.rows)}" in status(app)
        await tap(pilot, "G", "j")
        assert view.cursor == len(text), "j on the last row goes to the end"


async def test_w_and_b_stop_at_word_starts(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        await pilot.press("w")
        assert text[view.cursor :].startswith("recuses himself")
        stops = await visits(pilot, view, "w", "w", "w", "w", "b", "b", "b")
        words = [text[stop.cursor :].split()[0] for stop in stops]
        assert words == [
            "himself",
            "from",
            "investigation",
            "into",
            "investigation",
            "from",
            "himself",
        ]
        # Across the blank line, then through punctuation: "(CNN) – Attorney".
        view.move_to(text.index("election"))
        stops = await visits(pilot, view, *"wwwwww")
        assert [text[stop.cursor : stop.cursor + 8] for stop in stops] == [
            "(CNN) – ",
            "CNN) – A",
            ") – Atto",
            "– Attorn",
            "Attorney",
            "General ",
        ]
        # A possessive is one word; b stops on punctuation too.
        view.move_to(text.index("The nation's top cop"))
        stops = await visits(pilot, view, "w", "w", "b", "b", "b")
        assert [text[stop.cursor : stop.cursor + 8] for stop in stops] == [
            "nation's",
            "top cop ",
            "nation's",
            "The nati",
            ".\n\nThe n",
        ]


async def test_sentence_keys_step_over_abbreviations(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        view.move_to(text.index(FLYNN) + 10)
        await pilot.press("left_parenthesis")
        assert view.cursor == text.index(FLYNN), "( goes to the start of the sentence"
        await pilot.press("right_parenthesis")
        assert text[view.cursor :].startswith("Flynn gave what he called")
        stops = await visits(pilot, view, *")))))", *"(((")
        assert [stop.cursor for stop in stops] == [
            text.index(MCMASTER),
            text.index(HARWARD),  # not stopped by "Lt. Gen. H.R."
            text.index("Copyright 2017 CNN, U.S. Senate Drug Caucus."),  # nor by "U.S."
            text.index("All rights reserved."),
            text.index("Raycom News Network contributed"),
            text.index("All rights reserved."),
            text.index("Copyright 2017 CNN"),
            text.index(HARWARD),
        ]
        assert_cursor_on_screen(view)
        # From the top: the headline (no final stop) is one sentence.
        view.move_to(0)
        stops = await visits(pilot, view, *")))")
        assert [text[stop.cursor :][:20] for stop in stops] == [
            "(CNN) – Attorney Gen",
            "The nation's top cop",
            "His staff recommende",
        ]


async def test_paragraph_keys_go_to_paragraph_starts(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        await pilot.press("right_curly_bracket")
        assert view.cursor == text.index("(CNN) – Attorney")
        stops = await visits(pilot, view, "}", "}", "w", "w", "{", "{", "{", "{", "{")
        assert [stop.cursor for stop in stops] == [
            text.index("The nation's top cop"),
            text.index('"I feel I should not'),
            text.index("I feel I should not"),  # w stops on the quote, then on "I"
            text.index("feel I should not"),
            text.index('"I feel I should not'),  # { inside a paragraph goes to its start
            text.index("The nation's top cop"),
            text.index("(CNN) – Attorney"),
            0,
            0,
        ]
        view.move_to(text.index(MCMASTER))
        stops = await visits(pilot, view, "}", "}", "}")
        assert [stop.cursor for stop in stops] == [
            text.index("Copyright 2017 CNN"),
            len(text),  # } after the last paragraph goes to the end
            len(text),
        ]
        assert_cursor_on_screen(view)


async def test_g_and_G_go_to_the_start_and_the_end(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        await pilot.press("G")
        assert view.cursor == len(text)
        assert view.scroll_offset.y == len(view.rows) - height(view)
        assert_cursor_on_screen(view)
        last = row_text(view, len(view.rows) - 1)
        assert last.endswith("contributed to this report.")
        assert last in screen_lines(app)[view.content_region.bottom - 1]
        assert "100%" in status(app)
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        assert row_text(view, 0).rstrip() in first_text_line(app, view)
        stops = await visits(pilot, view, "end", "home")
        assert [stop.cursor for stop in stops] == [len(text), 0]


async def test_pagedown_space_pageup_move_a_screen(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        screen = height(view)
        assert screen == 16  # 24 rows less the heading, borders, detail, status and legend lines
        view.move_to(5)
        await pilot.press("pagedown")
        assert cursor_row(view) == screen and view.scroll_offset.y == screen
        assert view.cursor == view.text_layout.offset_at(screen, 5)
        await pilot.press("space")
        assert cursor_row(view) == 2 * screen and view.scroll_offset.y == 2 * screen
        assert row_text(view, 2 * screen).rstrip() in first_text_line(app, view)
        stops = await visits(pilot, view, "pageup", "pageup", "pageup")
        assert [(stop.row, stop.top) for stop in stops] == [(screen, screen), (0, 0), (0, 0)]
        assert view.cursor == 0, "pageup on the first screen goes to the start"
        # Down to the bottom: the cursor stays on screen, then goes to the end.
        presses = len(view.rows) // screen + 2
        stops = await visits(pilot, view, *["pagedown"] * presses)
        assert all(stop.top <= stop.row < stop.top + screen for stop in stops)
        assert [stop.row for stop in stops[:-2]] == [screen * n for n in range(1, presses - 1)]
        assert view.cursor == len(view.text)
        assert view.scroll_offset.y == len(view.rows) - screen


async def test_ctrl_d_ctrl_u_move_half_a_screen(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        half = height(view) // 2
        assert half == 8
        await pilot.press("ctrl+d")
        assert cursor_row(view) == half and view.scroll_offset.y == half
        assert view.cursor == view.rows.starts[half]
        stops = await visits(pilot, view, "ctrl+d", "ctrl+u", "ctrl+u", "ctrl+u")
        assert [(stop.row, stop.top) for stop in stops] == [
            (2 * half, 2 * half),
            (half, half),
            (0, 0),
            (0, 0),
        ]
        assert view.cursor == 0


# Selecting ----------------------------------------------------------------------------
# These run 120 columns wide: at 80 the long outlet name pushes the selection out of
# the status line (see test_status_line_shows_the_selection_at_80_columns).


async def test_v_then_motions_extend_the_selection(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        await tap(pilot, "v")
        assert view.mark == 0 and view.selection is None
        assert "selecting (v or esc ends)" in status(app)
        await tap(pilot, "w", "w")
        assert view.selected_text == "Sessions recuses "
        assert view.selection == Selection(0, len("Sessions recuses "))
        assert "selected 17 chars" in status(app)
        stops = await visits(pilot, view, "b", "l", "l", "j")
        assert [stop.selected for stop in stops] == [
            "Sessions ",
            "Sessions r",
            "Sessions re",
            FIRST_LINE + "\n",  # 116 wide, row 1 is the blank line after the headline
        ]
        assert view.selection == Selection(0, view.rows.starts[1])
        assert f"selected {len(FIRST_LINE) + 1} chars" in status(app)
        await tap(pilot, "escape")
        # Backwards: the selection runs from the cursor to where v was pressed.
        view.move_to(text.index("himself from"))
        await tap(pilot, "v", "b", "b")
        assert view.cursor == 0 and view.selected_text == "Sessions recuses "
        await tap(pilot, "right_curly_bracket")
        assert view.selected_text == text[text.index("himself") : text.index("(CNN)")]
        assert view.selected_text.endswith("2016 election\n\n")


async def test_v_again_stops_extending_but_keeps_the_selection(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await tap(pilot, "v", "w", "w")
        await tap(pilot, "v")
        assert view.mark is None
        assert view.selected_text == "Sessions recuses "
        assert "selected 17 chars" in status(app)
        await tap(pilot, "w", "w")
        assert view.text[view.cursor :].startswith("investigation")
        assert view.selected_text == "Sessions recuses ", "motions no longer extend it"
        await tap(pilot, "y")
        assert app.clipboard == "Sessions recuses "
        await tap(pilot, "v", "w")
        assert view.selected_text == "investigation ", "a new v starts at the cursor"


async def test_escape_clears_the_selection(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await tap(pilot, "v", "w", "w")
        assert view.selected_text == "Sessions recuses "
        await tap(pilot, "escape")
        assert view.selection is None and view.mark is None and view.selected_text == ""
        assert "selected" not in status(app) and "selecting" not in status(app)
        await tap(pilot, "w")
        assert view.selection is None, "after esc motions only move"
        assert view.text[view.cursor :].startswith("from")
        await tap(pilot, "v", "escape", "w")
        assert view.selection is None and view.mark is None, "esc also ends an empty v"


async def test_s_selects_the_whole_sentence_despite_abbreviations(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        view.move_to(text.index("Feb. 13"))
        await tap(pilot, "s")
        assert view.selected_text == FLYNN
        assert view.selection == Selection(text.index(FLYNN), text.index(FLYNN) + len(FLYNN))
        assert view.cursor == text.index(FLYNN) + len(FLYNN) - 1, "cursor on the final stop"
        assert f"selected {len(FLYNN)} chars" in status(app)
        assert_cursor_on_screen(view)
        view.move_to(text.index("H.R. McMaster") + 2)
        await tap(pilot, "s")
        assert view.selected_text == MCMASTER
        view.move_to(text.index("Adm. Robert"))
        await tap(pilot, "s")
        assert view.selected_text == HARWARD
        await tap(pilot, "w")
        assert view.selected_text == HARWARD, "s does not start v mode"
        view.move_to(5)
        await tap(pilot, "s")
        assert view.selected_text == FIRST_LINE, "a headline without a stop is one sentence"


async def test_p_selects_the_paragraph(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        view.move_to(text.index("Adm. Robert"))
        await tap(pilot, "p")
        assert view.selected_text == f"{MCMASTER} {HARWARD}"
        start, end = paragraph_at(text, text.index("Adm. Robert"))
        assert view.selection == Selection(start, end)
        assert f"selected {end - start} chars" in status(app)
        view.move_to(text.index("His staff recommended"))
        await tap(pilot, "p")
        assert view.selected_text.startswith("The nation's top cop said")
        assert view.selected_text.endswith("related to Russian contacts.")
        view.move_to(text.index("\n\n") + 1)  # on the blank line: nothing to select
        await tap(pilot, "p")
        assert view.selection is None


async def test_shift_arrows_extend_the_selection(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        keys = ["shift+right"] * 3 + ["shift+left", "shift+down", "shift+up"]
        stops = await visits(pilot, view, *keys)
        assert [stop.selected for stop in stops] == [
            "S",
            "Se",
            "Ses",
            "Se",
            text[: view.rows.starts[1] + 2],  # down a row, same column
            "Se",
        ]
        assert view.rows.starts[1] + 2 == 77 and view.cursor == 2


async def test_y_copies_the_selection(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await tap(pilot, "y")
        assert app.clipboard == ""
        assert "Nothing is selected: press v, s or p first." in notices(app)
        view.move_to(view.text.index(MCMASTER))
        await tap(pilot, "s", "y")
        assert app.clipboard == MCMASTER
        assert f"Copied {len(MCMASTER)} characters." in notices(app)
        await tap(pilot, "v", "b", "y")
        assert app.clipboard == "resignation", "v from the final stop, back one word"


async def test_status_line_shows_the_selection_at_80_columns(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await tap(pilot, "v")
        assert "selecting" in status(app)
        await tap(pilot, "w", "w")
        assert "selected 17 chars" in status(app)


# Mouse --------------------------------------------------------------------------------


async def test_click_puts_the_cursor_on_the_clicked_character(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        # Left of the text is the gutter: text column c is at x = c + GUTTER.
        await tap(pilot, "ctrl+d")
        top = view.scroll_offset.y
        assert len(row_text(view, top + 2)) > 40
        await pilot.click(view, offset=text_at(view, 12, 2))
        assert (
            view.cursor == view.rows.starts[top + 2] + 12 == view.text_layout.offset_at(top + 2, 12)
        )
        assert text[view.cursor :].startswith(row_text(view, top + 2)[12:])
        assert view.selection is None
        # Past the end of a short row: the end of that row.
        short = next(r for r in range(top, top + height(view)) if 0 < len(row_text(view, r)) < 30)
        await pilot.click(view, offset=text_at(view, 60, short - top))
        assert view.cursor == view.rows.ends[short] and text[view.cursor] == "\n"
        # The gutter is not text: clicking it moves nothing.
        before = view.cursor
        await pilot.click(view, offset=text_at(view, -GUTTER, 1))
        assert view.cursor == before


async def test_click_focuses_another_column(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        third = app.main.columns[2].doc_view
        assert app.focused is app.main.columns[0].doc_view
        await pilot.click(third, offset=text_at(third, 4, 2))
        assert app.focused is third
        assert third.cursor == third.rows.starts[2] + 4
        assert status(app).strip().startswith("Global News")


async def test_drag_selects_from_press_to_release(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        row = view.row_of(text.index("(CNN)"))
        assert row_text(view, row).startswith("(CNN)") and view.scroll_offset.y == 0
        start = view.rows.starts[row] + 6
        await pilot.mouse_down(view, offset=text_at(view, 6, row))
        assert view.cursor == start
        await pilot.hover(view, offset=text_at(view, 30, row))
        await pilot.hover(view, offset=text_at(view, 9, row + 1))
        await pilot.mouse_up(view, offset=text_at(view, 9, row + 1))
        end = view.rows.starts[row + 1] + 9
        assert view.selection == Selection(start, end)
        assert view.selected_text == text[start:end]
        assert view.selected_text.startswith("– Attorney General Jeff Sessions")
        assert view.mark is None, "the drag is over: keys no longer extend"
        assert f"selected {end - start} chars" in status(app)
        await tap(pilot, "y")
        assert app.clipboard == text[start:end]
        # Dragging up selects the same span; a plain click clears it.
        await pilot.mouse_down(view, offset=text_at(view, 9, row + 1))
        await pilot.hover(view, offset=text_at(view, 6, row))
        await pilot.mouse_up(view, offset=text_at(view, 6, row))
        assert view.selection == Selection(start, end)
        await pilot.click(view, offset=text_at(view, 2, row + 3))
        assert view.selection is None


async def test_mouse_wheel_scrolls_without_moving_the_cursor(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        step = int(app.scroll_sensitivity_y)
        x, y = view.region.x + 5, view.region.y + 5

        def wheel(kind: type[events.MouseScrollDown | events.MouseScrollUp]) -> None:
            app.post_message(kind(view, x, y, 0, 0, 0, False, False, False, screen_x=x, screen_y=y))

        for _ in range(3):
            wheel(events.MouseScrollDown)
        await pilot.pause()
        assert view.scroll_offset.y == 3 * step
        assert view.cursor == 0
        assert row_text(view, 3 * step).rstrip() in first_text_line(app, view)
        wheel(events.MouseScrollUp)
        await pilot.pause()
        assert view.scroll_offset.y == 2 * step
        await tap(pilot, "j")
        assert view.cursor == view.rows.starts[1] and view.scroll_offset.y == 1, (
            "a key brings the cursor back into view"
        )


# Columns ------------------------------------------------------------------------------


async def test_tab_and_shift_tab_focus_columns_and_show_the_focused_one(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        names = outlets(app)
        assert names[-1] == RAYCOM
        assert shown_outlets(app) == names[:4], "4 columns of 40 cells fit in 160"
        assert RAYCOM not in "\n".join(screen_lines(app)[:3])
        await pilot.press("tab")
        assert focused_view(app) is app.main.columns[1].doc_view
        assert shown_outlets(app) == names[:4]
        await pilot.press("shift+tab")
        assert focused_view(app) is app.main.columns[0].doc_view
        await pilot.press("shift+tab")
        raycom = app.main.columns[4].doc_view
        assert focused_view(app) is raycom, "shift+tab wraps to the last column"
        assert shown_outlets(app) == names[1:], "which comes on screen"
        top = "\n".join(screen_lines(app)[:3])
        assert RAYCOM in top and "CNN  2017" not in top
        assert raycom.region.width > 30 and raycom.region.right <= 160
        assert row_text(raycom, 0).rstrip() in first_text_line(app, raycom)
        assert "[2-5 of 5]" in status(app)
        await pilot.press("tab")
        assert focused_view(app) is app.main.columns[0].doc_view, "tab wraps to the first"
        assert shown_outlets(app) == names[:4]
        assert "[1-4 of 5]" in status(app)


async def test_o_chooses_the_article_a_column_shows(seeded: Store) -> None:
    by_outlet = ids_by_outlet(seeded)
    app = make_app(seeded, [by_outlet["CNN"], by_outlet["CBS News"]])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await tap(pilot, "j", "j")
        await pilot.press("o")
        assert isinstance(app.screen, ChooseArticle)
        assert "Show which article in this column?" in screen_text(app)
        await tap(pilot, "down", "escape")
        assert not isinstance(app.screen, ChooseArticle)
        assert app.main.columns[0].article.outlet == "CNN", "escape keeps the article"
        assert view.cursor == view.rows.starts[2]
        await pilot.press("o")
        await tap(pilot, "down", "down", "down", "down", "enter")
        assert not isinstance(app.screen, ChooseArticle)
        column = app.main.columns[0]
        assert column.article.outlet == RAYCOM
        assert view.text == seeded.article_text(by_outlet[RAYCOM])
        assert view.cursor == 0 and view.scroll_offset.y == 0
        assert app.focused is view
        top = "\n".join(screen_lines(app)[:6])
        assert RAYCOM in top
        assert "Sessions recuses himself from investigation" in top
        assert row_text(view, 0).rstrip() in first_text_line(app, view)
        assert "(CNN) – Attorney General" in screen_text(app)
        assert status(app).strip().startswith(RAYCOM)
        assert app.main.columns[1].article.outlet == "CBS News"


async def test_less_and_greater_move_the_focused_column(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        names = outlets(app)
        cnn = focused_view(app)
        await pilot.press("less_than_sign")
        assert outlets(app) == names, "< on the first column does nothing"
        await pilot.press("greater_than_sign")
        assert outlets(app) == [names[1], names[0], *names[2:]]
        assert focused_view(app) is cnn
        top = screen_lines(app)[1]
        assert top.index("CBS News") < top.index("CNN  2017")
        await pilot.press("greater_than_sign", "greater_than_sign", "greater_than_sign")
        assert outlets(app) == [*names[1:], names[0]]
        assert shown_outlets(app) == outlets(app)[2:], "the moved column stays on screen"
        assert focused_view(app) is cnn
        await pilot.press("greater_than_sign")
        assert outlets(app) == [*names[1:], names[0]], "> on the last column does nothing"
        await pilot.press("less_than_sign")
        assert outlets(app) == [*names[1:4], names[0], names[4]]
        assert focused_view(app) is cnn and shown_outlets(app) == outlets(app)[2:]


async def test_z_zooms_the_focused_column_and_back(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        view = focused_view(app)
        narrow = view.wrap_width
        assert narrow < 40
        await pilot.press("z")
        assert app.main.zoomed and shown_outlets(app) == ["CBS News"]
        assert view.region.width > 110 and view.wrap_width > 110
        top = screen_lines(app)[1]
        assert "CBS News" in top and "CNN" not in top
        assert row_text(view, 0).rstrip() in first_text_line(app, view)
        await pilot.press("z")
        assert (
            not app.main.zoomed
            and len(shown_outlets(app)) == 3
            and "CBS News" in shown_outlets(app)
        )
        assert view.wrap_width == narrow
        assert focused_view(app) is view


async def test_z_then_z_restores_the_columns_shown_before(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        names = outlets(app)
        await pilot.press("tab")
        assert shown_outlets(app) == names[:3]
        await pilot.press("z", "z")
        assert shown_outlets(app) == names[:3]


async def test_S_scrolls_the_columns_together_and_S_again_apart(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        leader = focused_view(app)
        others = [column.doc_view for column in app.main.columns[1:3]]
        await pilot.press("S")
        assert app.main.synced and "Columns scroll together." in notices(app)
        await tap(pilot, "pagedown")
        assert leader.scroll_offset.y == height(leader)
        for other in others:
            top = other.scroll_offset.y
            assert top > 0
            # The other column's top row holds the same relative place in its text.
            place = int(leader.position * len(other.text))
            assert other.rows.starts[top] <= place < other.rows.starts[top + 1]
        await pilot.press("S")
        assert not app.main.synced and "Columns scroll apart." in notices(app)
        before = [other.scroll_offset.y for other in others]
        await tap(pilot, "pagedown")
        assert leader.scroll_offset.y == 2 * height(leader)
        assert [other.scroll_offset.y for other in others] == before


# Search -------------------------------------------------------------------------------


async def test_slash_finds_highlights_and_n_N_step_with_wraparound(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        spots = starts_of(text, "Kislyak")
        assert len(spots) == 7
        start = text.index("Sessions' spokeswoman confirmed")
        view.move_to(start)
        await search(pilot, "kislyak")
        assert app.focused is view
        assert view.search_matches.spans == [(spot, spot + 7) for spot in spots]
        assert "7 matches" in notices(app)
        after = [spot for spot in spots if spot >= start]
        assert view.cursor == after[0] and text[view.cursor :].startswith("Kislyak")
        assert_cursor_on_screen(view)
        # The match is highlighted (the cursor covers its first letter); plain text is not.
        styles = dict(rendered_styles(view, cursor_row(view)))
        assert "islyak" in styles and styles["islyak"] != styles.get(" ")
        await tap(pilot, "n")
        assert view.cursor == after[1]
        await tap(pilot, "N", "N")
        assert view.cursor == max(spot for spot in spots if spot < start)
        view.move_to(spots[-1])
        await tap(pilot, "n")
        assert view.cursor == spots[0], "n after the last match wraps to the first"
        await tap(pilot, "N")
        assert view.cursor == spots[-1], "N before the first match wraps to the last"
        assert_cursor_on_screen(view)


async def test_search_at_the_cursor_and_without_match(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        await tap(pilot, "n")
        assert view.cursor == 0
        assert "No search: press / to search this article." in notices(app)
        spot = text.index("Lt. Gen.")
        view.move_to(spot)
        await search(pilot, "Lt. Gen.")
        assert view.cursor == spot, "a match at the cursor is the first"
        # Typed letters go to the query, not to the app's own keys (q, S, z, o, ?).
        await search(pilot, "q? SoZz")
        assert app.is_running and not app.main.synced and not app.main.zoomed
        assert app.screen is app.screen_stack[0]
        assert view.cursor == spot and view.search_matches.spans == []
        assert "Not found: q? SoZz" in notices(app)
        # A phrase matches across the line break; escape cancels the prompt.
        view.move_to(0)
        await search(pilot, "2016 election (CNN)")
        assert view.cursor == text.index("2016 election\n\n(CNN)")
        await tap(pilot, "w")
        await search(pilot, "Flynn", "escape")
        assert app.focused is view
        assert view.text[view.cursor :].startswith("election")


# Help and quit ------------------------------------------------------------------------


async def test_question_mark_lists_every_key_and_escape_closes(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = boxed(app, "Keys")
        for title, group in KEYS:
            assert title in shown
            for keys, what in group:
                assert f"{keys} {what}" in shown, keys
        await tap(pilot, "j")
        assert view.cursor == 0, "keys go to the help screen while it is open"
        await tap(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.focused is view
        await tap(pilot, "j")
        assert cursor_row(view) == 1


async def test_q_quits(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# Resizing -----------------------------------------------------------------------------


async def test_resize_keeps_the_passage_at_the_top(seeded: Store) -> None:
    app = raycom_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        text = view.text
        passage = text.index("Sen. Charles Schumer, D-NY, said Thursday")
        view.move_to(passage + 20)
        view.scroll_to(y=view.row_of(passage + 20), animate=False, immediate=True)
        await pilot.pause()
        top = view.rows.starts[view.scroll_offset.y]
        assert top <= passage + 20 < view.rows.ends[view.scroll_offset.y]
        for width, tall in ((120, 30), (60, 20), (80, 24)):
            await pilot.resize_terminal(width, tall)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert view.wrap_width == width - 4
            row = view.scroll_offset.y
            assert view.rows.starts[row] <= top < view.rows.ends[row] + 1, (width, row)
            assert view.cursor == passage + 20, "the cursor is an offset: it survives"
            assert_cursor_on_screen(view)
            assert row_text(view, row).rstrip() in first_text_line(app, view)


# Large texts --------------------------------------------------------------------------


async def test_a_one_megabyte_line_wraps_and_g_G_reach_both_ends(store: Store) -> None:
    text = "word " * 200_000
    article_id, _ = store.add_article(text, title="one line")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = focused_view(app)
        assert view.fully_wrapped and view.wrap_width == 76
        per_row = (view.wrap_width + 1) // 5 * 5  # whole "word " units that fit
        assert len(view.rows) == -(-len(text) // per_row)
        assert row_text(view, 0) == "word " * (per_row // 5)
        await tap(pilot, "G")
        assert view.cursor == len(text) == 1_000_000
        assert view.scroll_offset.y == len(view.rows) - height(view)
        assert_cursor_on_screen(view)
        assert "char 1000000/1000000  100%" in status(app)
        await tap(pilot, "b")
        assert view.cursor == len(text) - 5
        await tap(pilot, "g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await tap(pilot, "pagedown")
        assert view.cursor == view.rows.starts[height(view)] == height(view) * per_row


async def test_a_three_megabyte_article_shows_at_once_and_answers_keys_while_wrapping(
    store: Store, gated_wrap: threading.Event
) -> None:
    text = big_text(1700)
    assert len(text) > 3_000_000
    article_id, _ = store.add_article(text, title="big")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await pilot.pause()
            view = focused_view(app)
            assert not view.fully_wrapped, "the background wrap is held"
            assert height(view) <= len(view.rows) and view.rows.wrapped_to < len(text)
            shown = screen_text(app)
            for row in range(height(view)):
                assert row_text(view, row).rstrip() in shown
            assert first_text_line(app, view).startswith("│  P0 The quick brown fox")
            assert "wrapping…" in status(app)
            await tap(pilot, "right_curly_bracket", "right_curly_bracket")
            assert view.cursor == text.index("P2 The quick")
            await tap(pilot, "w", "j")
            first = view.cursor
            assert first == view.text_layout.offset_at(
                view.row_of(text.index("P2 The quick")) + 1, 3
            )
            await tap(pilot, "ctrl+d")
            moved = view.cursor
            assert cursor_row(view) == view.row_of(first) + height(view) // 2
            assert_cursor_on_screen(view)
        finally:
            gated_wrap.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.fully_wrapped
        assert view.rows == wrap.wrap_text(text, view.wrap_width)
        assert view.cursor == moved
        assert_cursor_on_screen(view)
        assert "wrapping…" not in status(app)
        await tap(pilot, "G")
        assert view.cursor == len(text)
        assert_cursor_on_screen(view)
        assert row_text(view, len(view.rows) - 1).rstrip() in screen_text(app)


async def test_j_on_the_last_row_wrapped_so_far_goes_down_one_row(
    store: Store, gated_wrap: threading.Event
) -> None:
    text = big_text(1700)
    article_id, _ = store.add_article(text, title="big")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await pilot.pause()
            view = focused_view(app)
            last = len(view.rows) - 1
            assert view.rows.ends[last] < len(text)
            view.move_to(view.rows.starts[last])
            await tap(pilot, "j")
            line_after = text.index("\n", view.rows.ends[last] + 1)
            assert view.rows.ends[last] < view.cursor <= line_after, (view.cursor, len(text))
        finally:
            gated_wrap.set()


async def test_G_while_wrapping_shows_the_end_once_wrapped(
    store: Store, gated_wrap: threading.Event
) -> None:
    text = big_text(1700)
    article_id, _ = store.add_article(text, title="big")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await pilot.pause()
            view = focused_view(app)
            await tap(pilot, "G")
            assert view.cursor == len(text)
        finally:
            gated_wrap.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.fully_wrapped and view.cursor == len(text)
        assert_cursor_on_screen(view)


# Odd texts ----------------------------------------------------------------------------


async def test_brackets_in_the_text_are_shown_literally(store: Store) -> None:
    text = "Tags like [bold]this[/] stay. A link [@click=app.quit]x[/] is text.\nEnd [b]."
    article_id, _ = store.add_article(text, title="brackets")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        shown = screen_text(app)
        assert "Tags like [bold]this[/] stay. A link [@click=app.quit]x[/] is text." in shown
        assert "End [b]." in shown
        x = text.index("x[/]")
        await pilot.click(view, offset=text_at(view, x, 0))
        assert app.is_running and view.cursor == x
        await tap(pilot, "s")
        assert view.selected_text == "A link [@click=app.quit]x[/] is text."
        await search(pilot, "[/]")
        assert view.search_matches.spans == [(i, i + 3) for i in starts_of(text, "[/]")]
        assert len(view.search_matches.spans) == 2


async def test_an_empty_article_says_so_and_keys_are_harmless(store: Store) -> None:
    article_id, _ = store.add_article("", title="empty")
    app = make_app(store, [article_id])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = focused_view(app)
        assert view.text == ""
        assert first_text_line(app, view).strip("│ ") == "(this article is empty)"
        keys = [*"hjklwb", "left_parenthesis", "right_parenthesis", "left_curly_bracket"]
        keys += ["right_curly_bracket", *"gGvspn", "N", "pagedown", "pageup", "space"]
        keys += ["ctrl+d", "ctrl+u", "shift+right", "shift+down", "escape"]
        await tap(pilot, *keys)
        await tap(pilot, "y")
        assert "Nothing is selected: press v, s or p first." in notices(app)
        await search(pilot, "word")
        await pilot.click(view, offset=text_at(view, 1, 0))
        assert app.is_running
        assert view.cursor == 0 and view.selection is None and view.search_matches.spans == []
        assert app.clipboard == ""
        assert "Not found: word" in notices(app)
        assert "char 0/0" in status(app)
        assert first_text_line(app, view).strip("│ ") == "(this article is empty)"


def test_the_seed_sentences_used_here_are_whole_sentences() -> None:
    """FLYNN, MCMASTER and HARWARD are sentences of seed 004 by the store's own rules."""
    from store.db.seeds import seed_dir

    text = (seed_dir() / "004_4634679750e0c7aa.txt").read_text(encoding="utf-8")
    for sentence in (FLYNN, MCMASTER, HARWARD):
        start = text.index(sentence)
        assert sentence_at(text, start + 5) == (start, start + len(sentence))
    assert find_all(text, "kislyak") == [(i, i + 7) for i in starts_of(text, "Kislyak")]


async def test_a_narrower_terminal_shows_fewer_columns_and_a_wider_more(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert len(shown_outlets(app)) == 4
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        assert len(shown_outlets(app)) == 2, "columns stay at least 40 cells wide"
        assert all(column.region.width >= 40 for column in app.main.columns if column.display)
        assert "[1-2 of 5]" in status(app)
        await pilot.resize_terminal(200, 48)
        await pilot.pause(0.1)
        assert len(shown_outlets(app)) == 5
        assert "[1-5 of 5]" in status(app)


async def test_the_search_prompt_shows_what_is_typed_above_the_status_line(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Typed faster than the screen answers: every key is queued before the first
        # is handled, and none of "Kislyak" may reach the article.
        for key in ["slash", *"Kis", "slash", *"lyak"]:
            app.post_message(events.Key(key, "/" if key == "slash" else key))
        await pilot.pause()
        view = app.main.columns[0].doc_view
        assert view.selection is None and view.cursor == 0
        assert app.query_one(SearchBar).value == "Kis/lyak", "a / in the prompt is typed"
        await tap(pilot, "backspace", "backspace", "backspace", "backspace", "backspace")
        await tap(pilot, *"lyak")
        lines = screen_lines(app)
        assert "Kislyak" in lines[-4], "one line, the typed words in it"
        assert "CNN" in lines[-2] and "quote" in lines[-1], "status and legend stay below"
        assert "╰" in lines[-5], "the columns end just above"
