"""The ``C`` screen: which quotations several articles carry, and where they differ.

The analysis (``store.compare``) runs in a worker thread over a snapshot of the
articles, with a progress bar, while the screen keeps answering. Above: the
coverage matrix, one row per quotation and one column per article (``=`` exact,
``~`` changed words, ``…`` part of it, blank absent). Below: the discrepancies.
``enter`` brings the two passages into adjacent columns with the differing words
highlighted; ``a`` accepts (annotations and a link, undoable); ``d`` dismisses:
both through the session (never the store directly). It dismisses with the pair
to show; the app redraws the marks when it closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import Worker, WorkerState

from store.compare.analysis import Analysis, analyse, pair_for
from store.compare.findings import Comparison, Discrepancy, QuoteGroup, Side
from store.db.comparing import cached_quotes, corpus_of, decisions_of, save_cache
from tui.keys import bindings
from tui.outcome import NOT_SAVED

if TYPE_CHECKING:
    from store import Store
    from tui.session import Session

STATUS_MARK = {"exact": "=", "variant": "~", "partial": "…", "absent": ""}
Pair = tuple[Side, Side]


class CompareScreen(Screen[Pair | None]):
    """Dismissed with the two passages to show side by side, or None."""

    DEFAULT_CSS = """
    CompareScreen { layout: vertical; }
    CompareScreen #compare-title {
        height: 1; padding: 0 1; background: $accent; color: $text-accent; text-style: bold;
    }
    CompareScreen #compare-progress { height: 3; padding: 1 2; }
    CompareScreen .title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    CompareScreen #matrix { height: 1fr; }
    CompareScreen #discrepancies { height: 1fr; }
    CompareScreen #compare-help { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close"),
        *bindings("compare"),
    ]

    def __init__(self, store: Store, session: Session) -> None:
        super().__init__()
        self.store = store
        self.session = session
        self.corpus = corpus_of(store)
        self.cached = cached_quotes(store)
        self.decisions = decisions_of(store)
        self.comparison: Comparison | None = None
        self.labels = {a.id: a.label for a in self.corpus.articles}

    def title_line(self) -> Content:
        """What is compared: the story (when the articles are all of it), the articles,
        then, once found, the quotations carried by several and the discrepancies."""
        parts = ["Compare"]
        story = self.store.opened_story()
        ids = {article.id for article in self.corpus.articles}
        if story is not None and ids <= set(self.store.story_article_ids(story.id)):
            parts.append(story.name)
        parts.append(_count(len(ids), "article"))
        if self.comparison is None:
            parts.append("finding quotations…")
        else:
            parts.append(_count(len(self.comparison.groups), "quotation") + " in several")
            parts.append(_count(len(self.comparison.open_discrepancies()), "discrepancy"))
        return Content(" · ".join(parts) + "   (esc closes)")

    def compose(self) -> ComposeResult:
        yield Static(self.title_line(), id="compare-title")
        with Vertical(id="compare-progress"):
            yield Static(Content("Finding quotations…"))
            yield ProgressBar(total=max(1, len(self.corpus.articles)), show_eta=False)
        yield Static(Content("Quotations carried by several articles"), classes="title")
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=True)
        yield Static(Content("Discrepancies"), classes="title")
        yield DataTable(id="discrepancies", cursor_type="row")
        yield Static(
            Content(
                "enter side by side · a accept · d dismiss · tab next table · esc close · "
                "= same words · ~ changed words · … part of it"
            ),
            id="compare-help",
        )

    def on_mount(self) -> None:
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, progress=done, total=total)

        self.run_worker(
            lambda: analyse(self.corpus, self.cached, self.decisions, progress),
            thread=True,
            name="compare",
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "compare":
            return
        if event.state == WorkerState.SUCCESS:
            analysis = event.worker.result
            assert isinstance(analysis, Analysis)
            save_cache(self.store, analysis.fresh)
            self.comparison = analysis.comparison
            self.query_one("#compare-title", Static).update(self.title_line())
            self.query_one("#compare-progress").display = False
            self._fill()
            self.query_one("#matrix", DataTable).focus()
        elif event.state == WorkerState.ERROR:
            self.notify(
                f"The comparison failed: {event.worker.error}", severity="error", markup=False
            )

    # -- tables ---------------------------------------------------------------

    def _fill(self) -> None:
        assert self.comparison is not None
        matrix = self.query_one("#matrix", DataTable)
        row, column = matrix.cursor_coordinate
        matrix.clear(columns=True)
        widths = matrix_widths(self.size.width, len(self.comparison.articles))
        matrix.add_column(Text("Speaker"), key="speaker", width=widths.speaker)
        matrix.add_column(Text("Quotation"), key="quote", width=widths.quote)
        for article in self.comparison.articles:
            label = short_label(article.label, widths.article)
            matrix.add_column(Text(label), key=str(article.id), width=widths.article)
        for group in self.comparison.groups:
            cells = [
                Text(_one_line(group.speaker, widths.speaker)),
                Text(_one_line(group.canonical, widths.quote)),
            ]
            cells += [
                Text(STATUS_MARK[group.status(a.id)], justify="center")
                for a in self.comparison.articles
            ]
            matrix.add_row(*cells, key=group.id)
        matrix.move_cursor(row=row, column=column, animate=False)
        self._fill_discrepancies()

    def on_resize(self) -> None:
        if self.comparison is not None:
            self._fill()

    def _fill_discrepancies(self) -> None:
        assert self.comparison is not None
        table = self.query_one("#discrepancies", DataTable)
        table.clear(columns=True)
        table.add_column(Text(""), key="status", width=2)
        table.add_column(Text("Kind"), key="kind", width=14)
        table.add_column(Text("Reason"), key="reason")
        for item in self.comparison.open_discrepancies():
            done = self.comparison.decisions.get(item.id) == "accepted"
            table.add_row(
                Text("✓" if done else "·"), Text(item.kind), Text(_one_line(item.reason, 200)),
                key=item.id,
            )  # fmt: skip

    def _group(self) -> tuple[QuoteGroup, int | None] | None:
        """The group under the matrix cursor, and the article of its column if any."""
        if self.comparison is None or not self.comparison.groups:
            return None
        matrix = self.query_one("#matrix", DataTable)
        group = self.comparison.groups[matrix.cursor_row]
        column = matrix.cursor_column - 2
        articles = self.comparison.articles
        return group, articles[column].id if 0 <= column < len(articles) else None

    def _discrepancy(self) -> Discrepancy | None:
        if self.comparison is None:
            return None
        table = self.query_one("#discrepancies", DataTable)
        items = self.comparison.open_discrepancies()
        return items[table.cursor_row] if items and table.row_count else None

    def _pair(self) -> tuple[Pair, str] | None:
        """The focused item's two passages and its id."""
        if self.focused is self.query_one("#discrepancies"):
            item = self._discrepancy()
            return (item.sides, item.id) if item else None
        found = self._group()
        if found is None:
            return None
        group, article_id = found
        article_id = article_id or group.occurrences[0].article_id
        pair = pair_for(group, article_id) or pair_for(group, group.occurrences[0].article_id)
        return (pair, f"{group.id}:{article_id}") if pair else None

    # -- actions ----------------------------------------------------------------

    def action_show(self) -> None:
        found = self._pair()
        if found is None:
            self.notify("Nothing here to show: that article does not carry it.", markup=False)
            return
        self.dismiss(found[0])

    def action_accept(self) -> None:
        found = self._pair()
        if found is None or self.comparison is None:
            return
        pair, ident = found
        item = self._discrepancy() if self.focused is self.query_one("#discrepancies") else None
        outcome = self.session.accept(item or pair, ident)
        if outcome.error:
            self.notify(outcome.error, title=NOT_SAVED, severity="error", markup=False)
            return
        self.comparison.decisions[ident] = "accepted"
        if item is not None:
            table = self.query_one("#discrepancies", DataTable)
            table.update_cell(item.id, "status", Text("✓"))
        self.notify(outcome.notice, markup=False)

    def action_dismiss_suggestion(self) -> None:
        item = self._discrepancy()
        if item is None or self.focused is not self.query_one("#discrepancies"):
            self.notify("d dismisses a discrepancy: choose one below (tab).", markup=False)
            return
        outcome = self.session.dismiss(item.id)
        if outcome.error:
            self.notify(outcome.error, title=NOT_SAVED, severity="error", markup=False)
            return
        assert self.comparison is not None
        self.comparison.decisions[item.id] = "dismissed"
        table = self.query_one("#discrepancies", DataTable)
        row = table.cursor_row
        table.remove_row(item.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#compare-title", Static).update(self.title_line())
        self.notify(outcome.notice, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


QUOTE_MIN = 24
"""The narrowest quotation column: what a reader needs to recognise one."""


class Widths(NamedTuple):
    speaker: int
    quote: int
    article: int


def matrix_widths(screen_width: int, articles: int) -> Widths:
    """Column widths that fit the matrix to the screen: every article's column
    visible where it can be, the quotation as wide as what is left allows."""
    speaker = 16 if screen_width >= 120 else 12
    pad = 2  # DataTable pads each cell by one on either side
    fixed = 2 + (speaker + pad) + pad  # the border, the speaker, the quotation's padding
    article = max(3, min(12, (screen_width - fixed - QUOTE_MIN) // max(1, articles) - pad))
    quote = screen_width - fixed - articles * (article + pad)
    return Widths(speaker, max(QUOTE_MIN, min(60, quote)), article)


def short_label(label: str, width: int) -> str:
    """An outlet's name in ``width`` cells: whole, else its first word, else cut."""
    if len(label) <= width:
        return label
    first = label.split()[0] if label.split() else label
    return first if len(first) <= width else _one_line(label, width)


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def _one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
