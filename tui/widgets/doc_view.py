"""The document view: one article's text, soft-wrapped, rendered a row at a time.

Built on Textual's Line API (``ScrollView.render_line``): only visible rows are
rendered and finished rows are cached, so a 5 MB article costs no more per frame
than a short one. Positions are character offsets into the article text, never
rows, so they survive a re-wrap. Large texts wrap in a thread; the first screen
is wrapped at once. A subclass may keep a few lines at the top for a heading that
does not scroll (``heading_lines``): one widget per column, which Textual's
compositor draws in half the time of a heading widget and a container.

| key | action |
| --- | --- |
| h j k l, arrows | move by character and row |
| w / b | next / previous word |
| ( / ) | previous / next sentence |
| { / } | previous / next paragraph |
| g / G | start / end of the article |
| pageup, pagedown, space, ctrl+u, ctrl+d | move by screens and half screens |
| v | start or end a selection that motions extend (esc ends it) |
| s / p | select the sentence / paragraph under the cursor |
| shift+arrows | extend the selection |
| y | copy the selection |
| n / N | next / previous search match |
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.cells import split_graphemes
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.worker import get_current_worker

from store import Mark
from store.text import segment
from store.text.find import find_all
from tui.wrap import Rows, is_single_cell, wrap_text

SYNC_WRAP_CHARS = 200_000
"""Texts up to this length are wrapped at once; longer ones wrap in a thread."""

FIRST_SCREEN_CHARS = 16_384
"""How much of a long text is wrapped at once: more than a full-width 48-row screen holds."""
EXTEND_CHARS = 16_384
"""How much more is wrapped at once when a motion reaches the end of the part wrapped so far."""
NEAR_CHARS = 262_144
"""A cursor this close past the wrapped part is wrapped to at once; farther, it waits for the
background wrap, which then scrolls it into view."""


GUTTER = 2
"""Cells left of the text where a row's marks show which tags and links it carries."""


class Marks(Protocol):
    """The annotations of one article, as the view draws them."""

    version: int
    """Changes whenever anything drawn changes, so cached rows are redrawn."""

    def overlapping(self, start: int, end: int) -> Sequence[Mark]: ...
    def colour(self, mark: Mark) -> str:
        """``#rrggbb`` of the mark's first tag (a neutral colour for a plain highlight)."""
        ...

    def glyphs(self, mark: Mark) -> list[tuple[str, str]]:
        """The gutter glyphs of a mark, with their colours: its tags, then its link."""
        ...


@dataclass(frozen=True)
class Selection:
    """A span of the article text: ``start <= end``, end excluded."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


class DocView(ScrollView, can_focus=True):
    """A scrollable, soft-wrapped, read-only view of one article with a cursor."""

    COMPONENT_CLASSES = {
        "doc-view--cursor",
        "doc-view--selection",
        "doc-view--match",
        "doc-view--empty",
        "doc-view--gutter",
    }

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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "row(1)", "Down", show=False, id="doc.down"),
        Binding("k,up", "row(-1)", "Up", show=False, id="doc.up"),
        Binding("h,left", "char(-1)", "Left", show=False, id="doc.left"),
        Binding("l,right", "char(1)", "Right", show=False, id="doc.right"),
        Binding("shift+down", "row(1, True)", "Extend down", show=False),
        Binding("shift+up", "row(-1, True)", "Extend up", show=False),
        Binding("shift+left", "char(-1, True)", "Extend left", show=False),
        Binding("shift+right", "char(1, True)", "Extend right", show=False),
        Binding("w", "word(1)", "Word", show=False, id="doc.word_next"),
        Binding("b", "word(-1)", "Back word", show=False, id="doc.word_prev"),
        Binding("right_parenthesis", "sentence(1)", "Sentence", show=False, id="doc.sent_next"),
        Binding(
            "left_parenthesis", "sentence(-1)", "Back sentence", show=False, id="doc.sent_prev"
        ),
        Binding("right_curly_bracket", "paragraph(1)", "Paragraph", show=False, id="doc.para_next"),
        Binding(
            "left_curly_bracket", "paragraph(-1)", "Back paragraph", show=False, id="doc.para_prev"
        ),
        Binding("g,home", "edge(-1)", "Start", show=False, id="doc.start"),
        Binding("G,end", "edge(1)", "End", show=False, id="doc.end"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="doc.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="doc.page_up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="doc.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="doc.half_up"),
        Binding(
            "v", "toggle_select", "Select", id="doc.select", tooltip="Start or end a selection"
        ),
        Binding("escape", "clear_selection", "Clear", show=False, id="doc.clear"),
        Binding("s", "select_sentence", "Sentence", id="doc.select_sentence"),
        Binding("p", "select_paragraph", "Paragraph", id="doc.select_paragraph"),
        Binding("y", "copy", "Copy", id="doc.copy"),
        Binding("n", "next_match(1)", "Next match", show=False, id="doc.next_match"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="doc.prev_match"),
    ]

    cursor: reactive[int] = reactive(0, init=False, always_update=True, repaint=False)
    """The cursor, as an offset into the text."""

    @dataclass
    class Moved(Message):
        """The cursor or the selection changed."""

        doc_view: DocView

        @property
        def control(self) -> DocView:
            return self.doc_view

    @dataclass
    class Scrolled(Message):
        """The view scrolled to another row."""

        doc_view: DocView

        @property
        def control(self) -> DocView:
            return self.doc_view

    @dataclass
    class Wrapped(Message):
        """The whole text has been wrapped at the current width."""

        doc_view: DocView

        @property
        def control(self) -> DocView:
            return self.doc_view

    def __init__(
        self,
        text: str = "",
        *,
        article_id: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.text = text
        self.article_id = article_id
        self.rows = Rows()
        self.mark: int | None = None
        """Where the selection started while ``v`` mode is on."""
        self.selection: Selection | None = None
        self._wrap_width = 0
        self._goal_cells: int | None = None
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._dragging = False
        self.matches: list[tuple[int, int]] = []
        """Search matches, in text order."""
        self._match_starts: list[int] = []
        self._search_generation = 0
        self.marks: Marks | None = None
        """The article's annotations, drawn as highlights and gutter marks."""
        self._mark_styles: dict[tuple[str, bool], str] = {}
        self._style_cache: tuple[Style, VisualStyle] | None = None

    # -- text and wrapping ------------------------------------------------------

    def set_text(self, text: str, article_id: int | None = None) -> None:
        """Show another text from its start."""
        self.text = text
        self.article_id = article_id
        self.mark = None
        self.selection = None
        self.matches, self._match_starts = [], []
        self.rows = Rows()
        self._wrap_width = 0
        self._strips.clear()
        self.set_reactive(DocView.cursor, 0)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._rewrap()

    @property
    def wrap_width(self) -> int:
        return self._wrap_width

    @property
    def fully_wrapped(self) -> bool:
        return self.rows.wrapped_to >= len(self.text) and bool(self.rows)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def _rewrap(self) -> None:
        width = self._content_width()
        if width == self._wrap_width and self.rows:
            return
        keep = self.rows.starts[self.scroll_offset.y] if self.rows else 0
        self._wrap_width = width
        if len(self.text) <= SYNC_WRAP_CHARS:
            rows = wrap_text(self.text, width)
            assert rows is not None
            self._install(rows, keep)
            self.post_message(self.Wrapped(self))
            return
        if not self.rows:
            first = wrap_text(self.text, width, stop=FIRST_SCREEN_CHARS)
            assert first is not None
            self._install(first, keep)
            # The wrapping thread competes for the GIL: start it once the first
            # screen is on the terminal.
            self.call_after_refresh(self._wrap_in_background, width, keep)
            return
        self._wrap_in_background(width, keep)

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_in_background(self, width: int, keep: int) -> None:
        worker = get_current_worker()
        rows = wrap_text(self.text, width, cancelled=lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._install_wrapped, rows, width, keep)

    def _install_wrapped(self, rows: Rows, width: int, keep: int) -> None:
        if width != self._wrap_width:
            return
        top = self.rows.starts[self.scroll_offset.y] if self.rows else keep
        cursor_was_beyond = bool(self.rows) and self.cursor >= self.rows.wrapped_to
        self._install(rows, top)
        if cursor_was_beyond:
            # The cursor went past the wrapped part (G, a far search match): show it now.
            self._scroll_to_cursor()
        self.post_message(self.Wrapped(self))

    def _extend_rows(self) -> bool:
        """Wrap the next stretch of a partly wrapped text now; False if all is wrapped.

        Motions near the end of the part wrapped so far must not wait for the
        background wrap, nor mistake its last row for the end of the text.
        """
        rows = self.rows
        if not rows or rows.wrapped_to >= len(self.text):
            return False
        more = wrap_text(
            self.text, self._wrap_width, start=rows.wrapped_to, stop=rows.wrapped_to + EXTEND_CHARS
        )
        assert more is not None
        rows.extend(more)
        self._size_to_rows()
        return True

    def _wrap_through(self, offset: int) -> None:
        """Make sure the row holding ``offset`` is wrapped, when it is near."""
        while offset >= self.rows.wrapped_to and offset - self.rows.wrapped_to < NEAR_CHARS:
            if not self._extend_rows():
                return

    def _install(self, rows: Rows, keep: int) -> None:
        """Swap in new rows, keeping the row that holds offset ``keep`` at the top."""
        self.rows = rows
        self._strips.clear()
        self._size_to_rows()
        self.scroll_to(y=self.row_of(keep), animate=False, immediate=True)
        self.refresh()

    def _size_to_rows(self) -> None:
        """Scroll as far as the last row, below the heading's lines."""
        self.virtual_size = Size(self._wrap_width, max(1, len(self.rows)) + self.heading_height)

    # -- geometry ---------------------------------------------------------------

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

    def row_of(self, offset: int) -> int:
        """The row that shows ``offset`` (the last row for offsets past the wrapped part)."""
        if not self.rows:
            return 0
        return max(0, bisect_right(self.rows.starts, offset) - 1)

    def _cells(self, start: int, end: int) -> int:
        part = self.text[start:end]
        if is_single_cell(part):
            return len(part)
        return split_graphemes(part)[1]

    def offset_at(self, row: int, cells: int) -> int:
        """The offset under cell column ``cells`` of ``row``, clamped to the row."""
        if not self.rows:
            return 0
        row = min(max(row, 0), len(self.rows) - 1)
        start, end = self.rows.starts[row], self.rows.ends[row]
        last = end if row == len(self.rows) - 1 or self.rows.starts[row + 1] != end else end - 1
        last = max(start, last)
        part = self.text[start:end]
        if is_single_cell(part):
            return min(start + max(cells, 0), last)
        used = 0
        for g_start, _, g_cells in split_graphemes(part)[0]:
            if used + g_cells > cells:
                return min(start + g_start, last)
            used += g_cells
        return last

    # -- rendering --------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if not self.rows and self.text:
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
            return self._empty_line(y, width) if y == 0 else Strip.blank(width, self._styles()[0])
        if row >= len(self.rows):
            return Strip.blank(width, self._styles()[0])
        start, end = self.rows.starts[row], self.rows.ends[row]
        cursor = (
            self.cursor - start if start <= self.cursor <= end and self._cursor_row() == row else -1
        )
        sel: tuple[int, int] | None = None
        if self.selection and self.selection.start < end and self.selection.end > start:
            sel = (max(self.selection.start, start) - start, min(self.selection.end, end) - start)
        marks_version = self.marks.version if self.marks is not None else -1
        key = (
            row,
            start,
            end,
            cursor,
            sel,
            self.has_focus,
            width,
            self._search_generation,
            marks_version,
        )
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(start, end, cursor, sel, width)
            self._strips[key] = strip
        return strip.apply_offsets(scroll_x, row)

    def _render_row(
        self, start: int, end: int, cursor: int, sel: tuple[int, int] | None, width: int
    ) -> Strip:
        text = self.text[start:end].replace("\t", " ")
        spans: list[Span] = []
        gutter = Content(" " * GUTTER)
        if self.marks is not None:
            gutter = self._highlight(start, end, spans)
        if self.matches:
            style = self.get_visual_style("doc-view--match")
            first = max(0, bisect_right(self._match_starts, start) - 1)
            for m_start, m_end in self.matches[first:]:
                if m_start >= end:
                    break
                if m_end > start:
                    spans.append(Span(max(m_start, start) - start, min(m_end, end) - start, style))
        if sel is not None:
            spans.append(Span(sel[0], sel[1], self.get_visual_style("doc-view--selection")))
        if cursor >= 0:
            if cursor >= len(text):
                text += " "
            spans.append(Span(cursor, cursor + 1, self.get_visual_style("doc-view--cursor")))
        rich_style, visual_style = self._styles()
        if not spans and not gutter.spans and is_single_cell(text):
            # Most rows: plain text, nothing marked. One segment, no Content machinery.
            line = gutter.plain + text
            strip = Strip([Segment(line, visual_style.rich_style)], len(line))
            return strip if len(line) == width else strip.crop_extend(0, width, rich_style)
        content = gutter + Content(text, spans, strip_control_codes=False)
        cells = len(text) + gutter.cell_length if is_single_cell(text) else content.cell_length
        strip = Strip(content.render_segments(self._styles()[1]), cells)
        return strip if cells == width else strip.crop_extend(0, width, self._styles()[0])

    def _styles(self) -> tuple[Style, VisualStyle]:
        """The widget's Rich and visual styles, worked out once per style change.

        Both properties walk the DOM on every access; a page of rows asked for them
        a hundred times.
        """
        if self._style_cache is None:
            self._style_cache = (self.rich_style, self.visual_style)
        return self._style_cache

    def _highlight(self, start: int, end: int, spans: list[Span]) -> Content:
        """Add the highlights of the marks on ``text[start:end]`` to ``spans``; the gutter.

        Where marks overlap, the shortest (innermost) one gives the colour and the
        text is underlined, so nested and overlapping passages stay distinct.
        """
        assert self.marks is not None
        marks = self.marks.overlapping(start, end)
        if not marks:
            return Content(" " * GUTTER)
        cuts = sorted(
            {start, end} | {max(m.start, start) for m in marks} | {min(m.end, end) for m in marks}
        )
        for left, right in itertools.pairwise(cuts):
            covering = [m for m in marks if m.start <= left and m.end >= right]
            if not covering:
                continue
            inner = min(covering, key=lambda m: m.end - m.start)
            style = self._mark_style(self.marks.colour(inner), len(covering) > 1)
            spans.append(Span(left - start, right - start, style))
        glyphs: list[tuple[str, str]] = []
        for mark in sorted(marks, key=lambda m: (m.start, m.end)):
            for glyph in self.marks.glyphs(mark):
                if glyph not in glyphs:
                    glyphs.append(glyph)
        if len(glyphs) > GUTTER:
            glyphs = [*glyphs[: GUTTER - 1], ("+", "")]
        parts = [(glyph, f"bold {colour}" if colour else "bold") for glyph, colour in glyphs]
        gutter = Content.assemble(*parts)
        return gutter.pad_right(GUTTER - gutter.cell_length)

    def _mark_style(self, colour: str, overlapped: bool) -> str:
        """The tag's colour mixed into the background: readable in any theme."""
        key = (colour, overlapped)
        style = self._mark_styles.get(key)
        if style is None:
            background = self.background_colors[1]
            mixed = background.blend(Color.parse(colour), 0.45)
            style = f"{mixed.get_contrast_text(0.95).hex} on {mixed.hex}"
            if overlapped:
                style += " underline"
            self._mark_styles[key] = style
        return style

    def _empty_line(self, y: int, width: int) -> Strip:
        content = Content("(this article is empty)").stylize(
            self.get_visual_style("doc-view--empty")
        )
        strip = Strip(content.render_segments(self.visual_style), content.cell_length)
        return strip.crop_extend(0, width, self.rich_style)

    def _cursor_row(self) -> int:
        return self.row_of(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._mark_styles.clear()
        self._style_cache = None

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

    # -- moving -----------------------------------------------------------------

    def move_to(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> None:
        """Put the cursor at ``offset``; with ``extend`` the selection follows it."""
        offset = min(max(offset, 0), len(self.text))
        self._wrap_through(offset)
        old_cursor, old_selection = self.cursor, self.selection
        if extend and self.mark is None:
            self.mark = old_cursor
        if not keep_goal:
            self._goal_cells = None
        self.set_reactive(DocView.cursor, offset)
        if self.mark is not None:
            low, high = sorted((self.mark, offset))
            self.selection = Selection(low, high) if high > low else None
        self._scroll_to_cursor()
        changed = [old_cursor, offset]
        for selection in (old_selection, self.selection):
            if selection is not None:
                changed += [selection.start, selection.end]
        self._refresh_offsets(*changed, span=old_selection != self.selection)
        self.post_message(self.Moved(self))

    def select(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` and put the cursor at its end."""
        self.mark = None
        old = self.selection
        self.selection = Selection(start, end) if end > start else None
        self.set_reactive(DocView.cursor, max(start, end - 1) if end > start else start)
        self._scroll_to_cursor()
        offsets = [start, end, self.cursor] + ([old.start, old.end] if old else [])
        self._refresh_offsets(*offsets, span=True)
        self.post_message(self.Moved(self))

    def highlight_words(self, spans: list[tuple[int, int]]) -> None:
        """Highlight these stretches as search matches are (``n``/``N`` visit them):
        how the compare screen shows the words in which two wordings differ."""
        self.matches = sorted(spans)
        self._match_starts = [start for start, _ in self.matches]
        self._search_generation += 1
        self.refresh()

    def clear_selection(self) -> None:
        old = self.selection
        self.mark = None
        self.selection = None
        if old is not None:
            self._refresh_offsets(old.start, old.end, span=True)
        self.post_message(self.Moved(self))

    def _refresh_offsets(self, *offsets: int, span: bool = False) -> None:
        # refresh_lines counts lines from the top of the scrolled content.
        rows = [self.row_of(offset) + self.heading_height for offset in offsets]
        if span:
            self.refresh_lines(min(rows), max(rows) - min(rows) + 1)
        else:
            for row in set(rows):
                self.refresh_lines(row)

    def _scroll_to_cursor(self) -> None:
        row = self._cursor_row()
        top, height = self.scroll_offset.y, self.text_height
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def _move_rows(self, delta: int, extend: bool) -> None:
        row = self._cursor_row()
        if self._goal_cells is None:
            self._goal_cells = self._cells(self.rows.starts[row], self.cursor) if self.rows else 0
        while row + delta >= len(self.rows) and self._extend_rows():
            pass
        target = min(max(row + delta, 0), max(len(self.rows) - 1, 0))
        if target == row:
            edge = 0 if delta < 0 else len(self.text)
            self.move_to(edge, extend=extend)
            return
        self.move_to(self.offset_at(target, self._goal_cells), extend=extend, keep_goal=True)

    def _motion(self, step: Callable[[str, int], int], extend: bool) -> None:
        self.move_to(step(self.text, self.cursor), extend=extend or self.mark is not None)

    def action_row(self, delta: int, extend: bool = False) -> None:
        self._move_rows(delta, extend or self.mark is not None)

    def action_char(self, delta: int, extend: bool = False) -> None:
        self.move_to(self.cursor + delta, extend=extend or self.mark is not None)

    def action_word(self, direction: int) -> None:
        self._motion(segment.next_word if direction > 0 else segment.prev_word, False)

    def action_sentence(self, direction: int) -> None:
        self._motion(segment.next_sentence if direction > 0 else segment.prev_sentence, False)

    def action_paragraph(self, direction: int) -> None:
        self._motion(segment.next_paragraph if direction > 0 else segment.prev_paragraph, False)

    def action_edge(self, direction: int) -> None:
        self.move_to(0 if direction < 0 else len(self.text), extend=self.mark is not None)

    def action_page(self, direction: int) -> None:
        height = self.text_height
        self.scroll_to(y=self.scroll_offset.y + direction * height, animate=False, immediate=True)
        self._move_rows(direction * height, self.mark is not None)

    def action_half_page(self, direction: int) -> None:
        half = max(1, self.text_height // 2)
        self.scroll_to(y=self.scroll_offset.y + direction * half, animate=False, immediate=True)
        self._move_rows(direction * half, self.mark is not None)

    # -- selecting --------------------------------------------------------------

    def action_toggle_select(self) -> None:
        if self.mark is None:
            self.mark = self.cursor
            self.post_message(self.Moved(self))
        else:
            self.mark = None
            self.post_message(self.Moved(self))

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def action_select_sentence(self) -> None:
        self.select(*segment.sentence_at(self.text, self.cursor))

    def action_select_paragraph(self) -> None:
        self.select(*segment.paragraph_at(self.text, self.cursor))

    @property
    def selected_text(self) -> str:
        return self.text[self.selection.start : self.selection.end] if self.selection else ""

    def action_copy(self) -> None:
        if not self.selection:
            self.notify("Nothing is selected: press v, s or p first.", severity="warning")
            return
        self.app.copy_to_clipboard(self.selected_text)
        self.notify(f"Copied {len(self.selection)} characters.", markup=False)

    # -- searching ------------------------------------------------------------

    def search(self, query: str) -> int:
        """Highlight every match of ``query`` and go to the first one from the cursor."""
        self.matches = find_all(self.text, query)
        self._match_starts = [start for start, _ in self.matches]
        self._search_generation += 1
        self.refresh()
        if self.matches:
            self._go_to_match(bisect_right(self._match_starts, self.cursor - 1) % len(self.matches))
        return len(self.matches)

    def action_next_match(self, direction: int) -> None:
        if not self.matches:
            self.notify("No search: press / to search this article.", severity="warning")
            return
        if direction > 0:
            index = bisect_right(self._match_starts, self.cursor) % len(self.matches)
        else:
            index = (bisect_right(self._match_starts, self.cursor - 1) - 1) % len(self.matches)
        self._go_to_match(index)

    def _go_to_match(self, index: int) -> None:
        self.move_to(self.matches[index][0], extend=self.mark is not None)

    # -- scrolling --------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    @property
    def position(self) -> float:
        """How far down the text the top row is, from 0 to 1."""
        return self.rows.starts[self.scroll_offset.y] / len(self.text) if self.text else 0.0

    def scroll_to_position(self, position: float) -> None:
        """Scroll so that the row at ``position`` (0 to 1) of the text is at the top."""
        row = self.row_of(int(position * len(self.text)))
        self.scroll_to(y=row, animate=False, immediate=True)

    # -- mouse ------------------------------------------------------------------

    def _offset_at_event(self, event: events.MouseEvent) -> int | None:
        point = event.get_content_offset(self)
        if point is None or not self.rows or point.x < GUTTER:
            return None
        if point.y < self.heading_height:
            return None
        return self.offset_at(
            self.scroll_offset.y + point.y - self.heading_height, point.x - GUTTER
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
        if not self._dragging:
            return
        offset = self._offset_at_event(event)
        if offset is not None and offset != self.cursor:
            if self.mark is None:
                self.mark = self.cursor
            self.move_to(offset, extend=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.mark = None
