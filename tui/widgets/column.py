"""One article in a column: its heading (outlet, date, title) above its text.

A column is one widget, a ``DocView`` that keeps its first lines for the heading.
A heading widget and a container around the two cost Textual's compositor a
pass over every line of the container on each full frame: the first screen of
five columns drew in twice the time.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip

from store import Article
from tui.view.cursor import Change
from tui.widgets.doc_view import DocView
from tui.wrap import Rows

TITLE_LINES = 2
"""The title wraps to at most this many lines; what does not fit ends in an ellipsis."""


def heading_rows(article: Article, width: int) -> list[Content]:
    """The heading's lines at ``width`` cells: outlet and date, then the title wrapped.
    Text, never markup."""
    first = Content.assemble(
        (article.label, "bold"), (f"  {article.published}" if article.published else "", "dim")
    )
    lines = [first.truncate(width, ellipsis=True)]
    if article.title.strip():
        wrapped = Content(article.title).wrap(width)
        if len(wrapped) > TITLE_LINES:
            rest = Content(" ").join(wrapped[TITLE_LINES - 1 :])
            wrapped = [*wrapped[: TITLE_LINES - 1], rest.truncate(width, ellipsis=True)]
        lines += wrapped
    return lines


class ArticleColumn(DocView):
    """A column showing one article; the app decides which columns are on screen."""

    COMPONENT_CLASSES = DocView.COMPONENT_CLASSES | {"article-column--heading"}

    DEFAULT_CSS = """
    ArticleColumn {
        width: 1fr;
        height: 1fr;
        border: round $panel;
        &:focus { border: round $accent; }
        & > .article-column--heading { background: $boost; }
    }
    """

    def __init__(self, article: Article, text: str, *, id: str | None = None) -> None:
        super().__init__(text, article_id=article.id, id=id)
        self.article = article
        self._heading: tuple[int, list[Strip]] | None = None
        """The heading's lines and the width they were made for."""
        self._returning: tuple[int, int] | None = None
        """Where ``return_to`` goes once that part of the text is wrapped."""

    def show(self, article: Article, text: str) -> None:
        """Show another article in this column, from its start."""
        self.article = article
        self._heading = None
        self._returning = None
        self.set_text(text, article.id)

    # -- coming back to where the reader was -------------------------------------------

    @property
    def place(self) -> tuple[int, int]:
        """The cursor and the first character of the top row: where to come back to."""
        if self._returning is not None:
            return self._returning
        starts = self.rows.starts
        return self.cursor, starts[min(self.scroll_offset.y, len(starts) - 1)] if starts else 0

    def return_to(self, cursor: int, top: int) -> None:
        """Come back to a ``place``: the cursor at ``cursor``, the row holding ``top`` at
        the top, once their rows are wrapped: at once in a short text; in a long one when
        the background wrap gets there (it is never hurried: start-up stays short)."""
        length = len(self.text)
        self._returning = (min(max(cursor, 0), length), min(max(top, 0), length))
        self._return()

    def _return(self) -> None:
        if self._returning is None or not self.rows:
            return
        cursor, top = self._returning
        if not self.fully_wrapped and max(cursor, top) >= self.rows.wrapped_to:
            return
        self._returning = None
        self.caret.move(cursor)
        # Forced: before the first layout Textual does not know yet that it can scroll.
        self.scroll_to(y=self.row_of(top), animate=False, immediate=True, force=True)
        self._moved(Change((), False), scroll=False)
        self.refresh()

    def _install(self, rows: Rows, keep: int) -> None:
        super()._install(rows, keep)
        self._return()

    def _wrapped(self, before: int | None) -> None:
        self._return()
        super()._wrapped(before)

    def _moved(self, change: Change, scroll: bool = True) -> None:
        self._returning = None  # the reader moved on before the place came back
        super()._moved(change, scroll)

    @property
    def doc_view(self) -> DocView:
        return self

    @property
    def heading_height(self) -> int:
        return len(self.heading_lines(self.size.width))

    def heading_lines(self, width: int) -> list[Strip]:
        if self._heading is None or self._heading[0] != width:
            style = self.get_visual_style("article-column--heading")
            rich_style = (self.visual_style + style).rich_style
            strips = []
            for line in heading_rows(self.article, max(1, width - 2)):
                segments = line.pad(1, 1).render_segments(self.visual_style + style)
                strips.append(Strip(segments).crop_extend(0, width, rich_style))
            self._heading = (width, strips)
        return self._heading[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._heading = None
