"""Painting one row of a document view: the text, its marks, matches, selection, cursor.

Where marks overlap, the shortest (innermost) one gives the colour and the text is
underlined, so nested and overlapping passages stay distinct. The gutter, left of
the text, shows each row's tags (their digits) and links without colour. Most rows
carry nothing: they are painted as one segment, without Textual's Content machinery.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.color import Color
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from store import Mark
from tui.view.cursor import Cursor
from tui.view.layout import GUTTER, TextLayout
from tui.view.matches import Matches
from tui.wrap import is_single_cell


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


class RowPainter:
    """Paints the rows of one widget's text in its styles (``doc-view--*`` component
    classes), and keeps the finished rows until something drawn on them changes."""

    def __init__(
        self, widget: Widget, layout: TextLayout, cursor: Cursor, matches: Matches
    ) -> None:
        self._widget = widget
        self._layout = layout
        self._cursor = cursor
        self._matches = matches
        self.strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        """Finished rows, keyed by everything that is drawn on them."""
        self._mark_styles: dict[tuple[str, bool], str] = {}
        self._style_cache: tuple[Style, VisualStyle] | None = None

    def styles_changed(self) -> None:
        self.strips.clear()
        self._mark_styles.clear()
        self._style_cache = None

    def styles(self) -> tuple[Style, VisualStyle]:
        """The widget's Rich and visual styles, worked out once per style change.

        Both properties walk the DOM on every access; a page of rows asked for them
        a hundred times.
        """
        if self._style_cache is None:
            self._style_cache = (self._widget.rich_style, self._widget.visual_style)
        return self._style_cache

    def blank(self, width: int) -> Strip:
        return Strip.blank(width, self.styles()[0])

    def empty(self, width: int) -> Strip:
        """What an empty article shows on its first row."""
        widget = self._widget
        content = Content("(this article is empty)").stylize(
            widget.get_visual_style("doc-view--empty")
        )
        strip = Strip(content.render_segments(widget.visual_style), content.cell_length)
        return strip.crop_extend(0, width, widget.rich_style)

    def line(self, row: int, width: int, focused: bool, marks: Marks | None) -> Strip:
        """Row ``row`` of the text (a wrapped row), ``width`` cells with the gutter."""
        layout, caret = self._layout, self._cursor
        start, end = layout.rows.starts[row], layout.rows.ends[row]
        offset = caret.offset
        cursor = offset - start if start <= offset <= end and layout.row_of(offset) == row else -1
        sel: tuple[int, int] | None = None
        selection = caret.selection
        if selection and selection.start < end and selection.end > start:
            sel = (max(selection.start, start) - start, min(selection.end, end) - start)
        version = marks.version if marks is not None else -1
        key = (row, start, end, cursor, sel, focused, width, self._matches.generation, version)
        strip = self.strips.get(key)
        if strip is None:
            strip = self.row(start, end, cursor, sel, width, marks)
            self.strips[key] = strip
        return strip

    def row(
        self,
        start: int,
        end: int,
        cursor: int,
        sel: tuple[int, int] | None,
        width: int,
        marks: Marks | None,
    ) -> Strip:
        """``text[start:end]``, the cursor at ``cursor`` in it (-1: not on it), ``sel``
        its selected part, in ``width`` cells with the gutter."""
        text = self._layout.text[start:end].replace("\t", " ")
        spans: list[Span] = []
        gutter = Content(" " * GUTTER)
        if marks is not None:
            gutter = self._highlight(marks, start, end, spans)
        if self._matches.spans:
            style = self._widget.get_visual_style("doc-view--match")
            for m_start, m_end in self._matches.within(start, end):
                spans.append(Span(m_start - start, m_end - start, style))
        if sel is not None:
            spans.append(Span(sel[0], sel[1], self._widget.get_visual_style("doc-view--selection")))
        if cursor >= 0:
            if cursor >= len(text):
                text += " "
            spans.append(
                Span(cursor, cursor + 1, self._widget.get_visual_style("doc-view--cursor"))
            )
        rich_style, visual_style = self.styles()
        if not spans and not gutter.spans and is_single_cell(text):
            # Most rows: plain text, nothing marked. One segment, no Content machinery.
            line = gutter.plain + text
            strip = Strip([Segment(line, visual_style.rich_style)], len(line))
            return strip if len(line) == width else strip.crop_extend(0, width, rich_style)
        content = gutter + Content(text, spans, strip_control_codes=False)
        cells = len(text) + gutter.cell_length if is_single_cell(text) else content.cell_length
        strip = Strip(content.render_segments(visual_style), cells)
        return strip if cells == width else strip.crop_extend(0, width, rich_style)

    def _highlight(self, marks: Marks, start: int, end: int, spans: list[Span]) -> Content:
        """Add the highlights of the marks on ``text[start:end]`` to ``spans``; the gutter."""
        found = marks.overlapping(start, end)
        if not found:
            return Content(" " * GUTTER)
        cuts = sorted(
            {start, end} | {max(m.start, start) for m in found} | {min(m.end, end) for m in found}
        )
        for left, right in itertools.pairwise(cuts):
            covering = [m for m in found if m.start <= left and m.end >= right]
            if not covering:
                continue
            inner = min(covering, key=lambda m: m.end - m.start)
            style = self._mark_style(marks.colour(inner), len(covering) > 1)
            spans.append(Span(left - start, right - start, style))
        glyphs: list[tuple[str, str]] = []
        for mark in sorted(found, key=lambda m: (m.start, m.end)):
            for glyph in marks.glyphs(mark):
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
            background = self._widget.background_colors[1]
            mixed = background.blend(Color.parse(colour), 0.45)
            style = f"{mixed.get_contrast_text(0.95).hex} on {mixed.hex}"
            if overlapped:
                style += " underline"
            self._mark_styles[key] = style
        return style
