"""The document view: one article's text, soft-wrapped, rendered a row at a time.

Built on Textual's Line API (``ScrollView.render_line``): only visible rows are
rendered and finished rows are cached, so a 5 MB article costs no more per frame
than a short one. A subclass may keep lines at the top for a heading that does not
scroll (``heading_lines``): one widget per column, which Textual's compositor
draws in half the time of a heading widget and a container.

The rules are plain Python (``tui.view``): rows and geometry (``TextLayout``), cursor
and selection (``Cursor``), search matches (``Matches``). ``RowPainter`` paints a row,
``Rewrap`` wraps in a thread. This widget wires them to keys (``tui.keys``, scope
``doc``), the mouse, scrolling and messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.actions import SkipAction
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.keys import bindings
from tui.view.cursor import Change, Cursor, Selection
from tui.view.layout import GUTTER, TextLayout
from tui.view.matches import Matches
from tui.widgets.doc_paint import Marks, RowPainter
from tui.widgets.doc_wrap import Rewrap
from tui.wrap import Rows

__all__ = ["GUTTER", "DocView", "Marks", "Selection"]


@dataclass
class DocViewMessage(Message):
    """Sent by a document view (``DocView.Moved``, ``.Scrolled``, ``.Wrapped``)."""

    doc_view: DocView

    @property
    def control(self) -> DocView:
        return self.doc_view


class DocView(ScrollView, can_focus=True):
    """A scrollable, soft-wrapped, read-only view of one article with a cursor."""

    PARTS = ("cursor", "selection", "match", "empty", "gutter")
    COMPONENT_CLASSES = {f"doc-view--{part}" for part in PARTS}

    DEFAULT_CSS = """
    DocView {
        /* No scrollbar: the status line gives row and percent, and redrawing a
           scrollbar on every scroll cost a fifth of a page-down's frame. */
        scrollbar-size-vertical: 0;
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        & > .doc-view--cursor { background: $foreground 15%; }
        &:focus > .doc-view--cursor { background: $accent; color: $text-accent; text-style: bold; }
        & > .doc-view--selection { background: $primary 45%; }
        & > .doc-view--match { background: $warning 40%; }
        & > .doc-view--empty { color: $text-muted; text-style: italic; }
        & > .doc-view--gutter { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("doc")]

    class Moved(DocViewMessage):
        """The cursor or the selection changed."""

    class Scrolled(DocViewMessage):
        """The view scrolled to another row."""

    class Wrapped(DocViewMessage):
        """The whole text has been wrapped at the current width."""

    def __init__(
        self, text: str = "", *, article_id: int | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.text = text
        self.article_id = article_id
        self.text_layout = TextLayout(text, extended=self._size_to_rows)
        """The rows at the current width, and what is where."""
        self.caret = Cursor(text)
        """The cursor and the selection."""
        self.search_matches = Matches()
        """The search matches (or the words the compare screen lights)."""
        self.marks: Marks | None = None
        """The article's annotations, drawn as highlights and gutter marks."""
        self.painter = RowPainter(self, self.text_layout, self.caret, self.search_matches)
        self._strips = self.painter.strips
        """The painter's finished rows (the benchmarks empty it)."""
        self._rewrap = Rewrap(self, self.text_layout, self._install, self._wrapped)
        """Wraps the text at the current width (at once or in a thread)."""
        self._dragging = False

    # -- the models' state, as the app and the tests read it ----------------------

    @property
    def cursor(self) -> int:
        """The cursor, as an offset into the text."""
        return self.caret.offset

    @property
    def mark(self) -> int | None:
        """Where the selection started while ``v`` mode is on."""
        return self.caret.anchor

    @mark.setter
    def mark(self, offset: int | None) -> None:
        self.caret.anchor = offset

    @property
    def selection(self) -> Selection | None:
        return self.caret.selection

    @property
    def selected_text(self) -> str:
        return self.caret.selected_text

    @property
    def rows(self) -> Rows:
        return self.text_layout.rows

    @property
    def wrap_width(self) -> int:
        return self.text_layout.width

    @property
    def fully_wrapped(self) -> bool:
        return self.text_layout.fully_wrapped

    def row_of(self, offset: int) -> int:
        """The row that shows ``offset`` (the last row for offsets past the wrapped part)."""
        return self.text_layout.row_of(offset)

    # -- text and wrapping --------------------------------------------------------

    def set_text(self, text: str, article_id: int | None = None) -> None:
        """Show another text from its start."""
        self.text = text
        self.article_id = article_id
        self.caret.reset(text)
        self.search_matches.clear()
        self.text_layout.reset(text)
        self._strips.clear()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._rewrap()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _wrapped(self, before: int | None) -> None:
        if before is not None and self.cursor >= before:
            # The cursor went past the wrapped part (G, a far search match): show it now.
            self._scroll_to_cursor()
        self.post_message(self.Wrapped(self))

    def _install(self, rows: Rows, keep: int) -> None:
        """Swap in new rows, keeping the row that holds offset ``keep`` at the top."""
        self.text_layout.install(rows)
        self._strips.clear()
        self._size_to_rows()
        self.scroll_to(y=self.row_of(keep), animate=False, immediate=True)
        self.refresh()

    def _size_to_rows(self) -> None:
        """Scroll as far as the last row, below the heading's lines."""
        rows = max(1, len(self.text_layout.rows))
        self.virtual_size = Size(self.text_layout.width, rows + self.heading_height)

    @property
    def heading_height(self) -> int:
        """Lines at the top kept for a heading that does not scroll (none here)."""
        return 0

    def heading_lines(self, width: int) -> list[Strip]:
        """The heading's ``heading_height`` lines at ``width`` cells."""
        return []

    @property
    def text_height(self) -> int:
        """How many rows of text are on screen at once."""
        return max(1, self.scrollable_content_region.height - self.heading_height)

    # -- rendering ----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if not self.text_layout.rows and self.text:
            # The first frame can be drawn before this widget hears of its size:
            # wrap now so the text is on the first screen, not the one after.
            self._rewrap()
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y < self.heading_height:
            return self.heading_lines(width)[y]
        y -= self.heading_height
        row = scroll_y + y
        if not self.text:
            return self.painter.empty(width) if y == 0 else self.painter.blank(width)
        if row >= len(self.text_layout.rows):
            return self.painter.blank(width)
        strip = self.painter.line(row, width, self.has_focus, self.marks)
        return strip.apply_offsets(scroll_x, row)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.painter.styles_changed()

    def set_marks(
        self, marks: Marks | None, changed: Iterable[tuple[int, int]] | None = None
    ) -> None:
        """Draw ``marks`` (the article's annotations) from now on.

        ``changed`` says which stretches of the text the marks changed on, when
        they are the marks drawn already: only their rows are redrawn, not the
        whole view (a tag key redrew some forty rows for a one-row change).
        """
        if changed is None or marks is not self.marks:
            self.marks = marks
            self.refresh()
            return
        for start, end in changed:
            self._refresh_offsets(start, max(start, end - 1), span=True)

    def on_focus(self) -> None:
        self._refresh_offsets(self.cursor)

    def on_blur(self) -> None:
        self._refresh_offsets(self.cursor)

    def _refresh_offsets(self, *offsets: int, span: bool = False) -> None:
        # refresh_lines counts lines from the top of the scrolled content.
        rows = [self.row_of(offset) + self.heading_height for offset in offsets]
        if span:
            self.refresh_lines(min(rows), max(rows) - min(rows) + 1)
        else:
            for row in set(rows):
                self.refresh_lines(row)

    # -- moving and selecting -----------------------------------------------------------

    def move_to(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Put the cursor at ``offset``; with ``extend`` the selection follows it."""
        offset = min(max(offset, 0), len(self.text))
        self.text_layout.wrap_through(offset)
        self._moved(self.caret.move(offset, extend=extend, keep_goal=keep_goal))

    def select(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` and put the cursor at its end."""
        self._moved(self.caret.select(start, end))

    def clear_selection(self) -> None:
        self._moved(self.caret.clear(), scroll=False)

    def _moved(self, change: Change, scroll: bool = True) -> None:
        if scroll:
            self._scroll_to_cursor()
        if change.offsets:
            self._refresh_offsets(*change.offsets, span=change.span)
        self.post_message(self.Moved(self))

    def _scroll_to_cursor(self) -> None:
        row = self.row_of(self.cursor)
        top, height = self.scroll_offset.y, self.text_height
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def _move_rows(self, delta: int, extend: bool) -> None:
        offset, keep_goal = self.caret.rows(self.text_layout, delta)
        self.move_to(offset, extend=extend, keep_goal=keep_goal)

    def action_row(self, delta: int, extend: bool = False) -> None:
        self._move_rows(delta, extend or self.mark is not None)

    def action_char(self, delta: int, extend: bool = False) -> None:
        self.move_to(self.cursor + delta, extend=extend or self.mark is not None)

    def action_word(self, direction: int) -> None:
        self.move_to(self.caret.word(direction), extend=self.mark is not None)

    def action_sentence(self, direction: int) -> None:
        self.move_to(self.caret.sentence(direction), extend=self.mark is not None)

    def action_paragraph(self, direction: int) -> None:
        self.move_to(self.caret.paragraph(direction), extend=self.mark is not None)

    def action_edge(self, direction: int) -> None:
        self.move_to(self.caret.edge(direction), extend=self.mark is not None)

    def action_page(self, direction: int) -> None:
        height = self.text_height
        self.scroll_to(y=self.scroll_offset.y + direction * height, animate=False, immediate=True)
        self._move_rows(direction * height, self.mark is not None)

    def action_half_page(self, direction: int) -> None:
        half = max(1, self.text_height // 2)
        self.scroll_to(y=self.scroll_offset.y + direction * half, animate=False, immediate=True)
        self._move_rows(direction * half, self.mark is not None)

    def action_toggle_select(self) -> None:
        self.caret.toggle_anchor()
        self.post_message(self.Moved(self))

    def action_clear_selection(self) -> None:
        if self.selection is None and self.mark is None:
            raise SkipAction()  # nothing to clear: esc is the app's (it cancels a link)
        self.clear_selection()

    def action_select_sentence(self) -> None:
        self.select(*self.caret.sentence_span())

    def action_select_paragraph(self) -> None:
        self.select(*self.caret.paragraph_span())

    def action_copy(self) -> None:
        if not self.selection:
            self.notify("Nothing is selected: press v, s or p first.", severity="warning")
            return
        self.app.copy_to_clipboard(self.selected_text)
        self.notify(f"Copied {len(self.selection)} characters.", markup=False)

    # -- searching ------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Highlight every match of ``query`` and go to the first one from the cursor."""
        found = self.search_matches.find(self.text, query)
        self.refresh()
        if found:
            self._go_to_match(self.search_matches.first_from(self.cursor))
        return found

    def highlight_words(self, spans: list[tuple[int, int]]) -> None:
        """Highlight these stretches as search matches are (``n``/``N`` visit them):
        how the compare screen shows the words in which two wordings differ."""
        self.search_matches.show(spans)
        self.refresh()

    def action_next_match(self, direction: int) -> None:
        if not self.search_matches.spans:
            self.notify("No search: press / to search this article.", severity="warning")
            return
        self._go_to_match(self.search_matches.step_from(self.cursor, direction))

    def _go_to_match(self, index: int) -> None:
        self.move_to(self.search_matches.spans[index][0], extend=self.mark is not None)

    # -- scrolling and the mouse ------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    @property
    def position(self) -> float:
        """How far down the text the top row is, from 0 to 1."""
        return self.text_layout.position(self.scroll_offset.y)

    def scroll_to_position(self, position: float) -> None:
        """Scroll so that the row at ``position`` (0 to 1) of the text is at the top."""
        self.scroll_to(y=self.text_layout.row_at(position), animate=False, immediate=True)

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        point = event.get_content_offset(self)
        if point is None or point.y < self.heading_height:
            return None
        return self.text_layout.offset_at_point(
            point.x, self.scroll_offset.y + point.y - self.heading_height
        )

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_at_event(event)
        if offset is None:
            return
        self.focus()
        self.clear_selection()
        self.move_to(offset)
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        offset = self._offset_at_event(event) if self._dragging else None
        if offset is not None and offset != self.cursor:
            self.move_to(offset, extend=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.mark = None
