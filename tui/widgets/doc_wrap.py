"""Keeping a document view wrapped at its width, the keys never waiting for it.

A text up to ``SYNC_WRAP_CHARS`` wraps at once. A longer one wraps its first
screen at once and the rest in a thread worker, started once that screen is on
the terminal (the thread competes for the GIL); a resize starts another one and
cancels the one running (thread workers cannot be stopped: it checks). Rows made
in the thread are swapped in on the event loop, the top row's text kept at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.widget import Widget
from textual.worker import get_current_worker

from tui.view.layout import FIRST_SCREEN_CHARS, GUTTER, SYNC_WRAP_CHARS, TextLayout
from tui.wrap import Rows, wrap_text


class Rewrap:
    """Wraps ``layout``'s text at ``widget``'s width, less the gutter (the widget runs
    the thread)."""

    def __init__(
        self,
        widget: Widget,
        layout: TextLayout,
        install: Callable[[Rows, int], None],
        wrapped: Callable[[int | None], None],
    ) -> None:
        """``install(rows, keep)`` swaps new rows in, keeping offset ``keep`` on the top
        row; ``wrapped(before)`` follows once the whole text is wrapped, ``before`` how
        far it was wrapped until then (None when it was not)."""
        self.widget = widget
        self.layout = layout
        self.install = install
        self.wrapped = wrapped

    def __call__(self) -> None:
        """Wrap at the widget's width (unless the rows are at that width already),
        keeping the top row's text at the top."""
        layout = self.layout
        width = max(1, self.widget.scrollable_content_region.width - GUTTER)
        if width == layout.width and layout.rows:
            return
        keep = layout.rows.starts[self.widget.scroll_offset.y] if layout.rows else 0
        layout.width = width
        if len(layout.text) <= SYNC_WRAP_CHARS:
            rows = wrap_text(layout.text, width)
            assert rows is not None
            self.install(rows, keep)
            self.wrapped(None)
            return
        if not layout.rows:
            first = wrap_text(layout.text, width, stop=FIRST_SCREEN_CHARS)
            assert first is not None
            self.install(first, keep)
            self.widget.call_after_refresh(self._in_background, width, keep)
            return
        self._in_background(width, keep)

    def _in_background(self, width: int, keep: int) -> None:
        self.widget.run_worker(
            partial(self._wrap, width, keep),
            name="_wrap_in_background",
            group="wrap",
            exclusive=True,
            thread=True,
        )

    def _wrap(self, width: int, keep: int) -> None:
        """In the thread: the whole text, then back to the event loop."""
        worker = get_current_worker()
        rows = wrap_text(self.layout.text, width, cancelled=lambda: worker.is_cancelled)
        if rows is not None and not worker.is_cancelled:
            self.widget.app.call_from_thread(self._swap_in, rows, width, keep)

    def _swap_in(self, rows: Rows, width: int, keep: int) -> None:
        layout = self.layout
        if width != layout.width:
            return
        old = layout.rows
        top = old.starts[self.widget.scroll_offset.y] if old else keep
        self.install(rows, top)
        self.wrapped(old.wrapped_to if old else None)
