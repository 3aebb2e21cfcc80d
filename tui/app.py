"""The reader app: read articles side by side (``tui.reading``) and annotate them
(``tui.annotate``). ``make_app`` builds it for the command line and the tests alike.
"""

from __future__ import annotations

from store import Store
from tui.annotate import AnnotatingApp


class ReaderApp(AnnotatingApp):
    """Read several articles side by side; mark, note and link passages."""


def make_app(store: Store, article_ids: list[int] | None = None) -> ReaderApp:
    """The app over ``store`` showing ``article_ids`` (default: every article)."""
    ids = [article.id for article in store.articles()] if article_ids is None else article_ids
    return ReaderApp(store, ids)
