"""The workspace: how a story's columns were left, so that the next start comes back to it.

``Workspace`` is plain values: the columns (the article each shows, its cursor and the
first character of its top row, as offsets into the text, so they survive another
terminal width), the focused column, the leftmost column on screen, zoom and
sync-scroll. ``WorkspaceKeeper`` reads it from the story's ``layout`` (a JSON dict
the store keeps per story) and writes it back when it changed, as ``less`` and vim
reopen a file where it was left. Nothing in a saved layout is trusted: what does not
fit (an article gone from the story, an index out of range) is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from store import Store, StoreError

LAYOUT_VERSION = 1
"""The shape of the saved layout (``docs/schema.md``, ``stories.layout``)."""


@dataclass(frozen=True)
class ColumnPlace:
    """One column: the article it shows and where in it the reader was."""

    article_id: int
    cursor: int = 0
    top: int = 0
    """The offset of the first character of the top row shown."""


@dataclass(frozen=True)
class Workspace:
    """The columns and how they are shown."""

    columns: tuple[ColumnPlace, ...]
    focused: int = 0
    """Index of the focused column."""
    first: int = 0
    """Index of the leftmost column on screen (when not zoomed)."""
    zoomed: bool = False
    synced: bool = False

    @property
    def article_ids(self) -> list[int]:
        return [column.article_id for column in self.columns]

    def layout(self, known: Sequence[int]) -> dict[str, Any]:
        """As saved in the story's layout; ``known``: the story's articles now."""
        return {
            "version": LAYOUT_VERSION,
            "columns": [
                {"article": c.article_id, "cursor": c.cursor, "top": c.top} for c in self.columns
            ],
            "focused": self.focused,
            "first": self.first,
            "zoomed": self.zoomed,
            "synced": self.synced,
            "known": list(known),
        }


def starting_workspace(
    layout: Mapping[str, Any], article_ids: Sequence[int], *, restore_columns: bool
) -> Workspace:
    """The workspace to start with, over ``article_ids`` (the story's articles, or those
    named on the command line).

    With ``restore_columns`` the columns come back as saved (those whose article is
    still among ``article_ids``), then a column for each article added to the story
    since; the focused column, zoom and sync-scroll come back too. Without it, the
    columns are ``article_ids`` in order, each at the place it was left (if it was).
    """
    saved = _columns(layout.get("columns"))
    if not restore_columns or not saved:
        places = {column.article_id: column for column in reversed(saved)}
        return Workspace(tuple(places.get(a, ColumnPlace(a)) for a in article_ids))
    present = set(article_ids)
    kept = [column for column in saved if column.article_id in present]
    known = set(_ints(layout.get("known"))) | {column.article_id for column in saved}
    added = [ColumnPlace(a) for a in dict.fromkeys(article_ids) if a not in known]
    columns = kept + added
    if not columns:
        return Workspace(tuple(ColumnPlace(a) for a in article_ids))
    focused_at = _int(layout.get("focused"), 0, len(saved) - 1)
    focused = kept.index(saved[focused_at]) if saved[focused_at] in kept else 0
    return Workspace(
        tuple(columns),
        focused=focused,
        first=_int(layout.get("first"), 0, len(columns) - 1),
        zoomed=layout.get("zoomed") is True,
        synced=layout.get("synced") is True,
    )


class WorkspaceKeeper:
    """Reads and writes the workspace of one story (none: nothing is kept)."""

    def __init__(self, store: Store, story_id: int | None) -> None:
        self.store = store
        self.story_id = story_id
        self.known: list[int] = []
        """The story's articles when the app started."""
        self._saved: dict[str, Any] | None = None
        """The layout as last read or written: the same again is not written."""

    def start(
        self, article_ids: Sequence[int], *, restore_columns: bool = True, fresh: bool = False
    ) -> Workspace:
        """The workspace to start with (``starting_workspace``); ``fresh``: the default
        one, the saved layout left aside (and replaced at the first change)."""
        layout: dict[str, Any] = {}
        if self.story_id is not None:
            self.known = self.store.story_article_ids(self.story_id)
            layout = self.store.layout(self.story_id)
            self._saved = layout
        if fresh:
            layout = {}
        return starting_workspace(layout, article_ids, restore_columns=restore_columns)

    def save(self, workspace: Workspace) -> str | None:
        """Write the workspace if it changed; why not, if the store refused."""
        if self.story_id is None:
            return None
        layout = workspace.layout(self.known)
        if layout == self._saved:
            return None
        try:
            self.store.save_layout(self.story_id, layout)
        except StoreError as err:
            return str(err)
        self._saved = layout
        return None


def _columns(value: object) -> list[ColumnPlace]:
    if not isinstance(value, list):
        return []
    columns = []
    for item in value:
        if isinstance(item, dict) and _is_int(item.get("article")):
            cursor, top = item.get("cursor"), item.get("top")
            columns.append(
                ColumnPlace(
                    item["article"],
                    cursor if _is_int(cursor) and cursor >= 0 else 0,
                    top if _is_int(top) and top >= 0 else 0,
                )
            )
    return columns


def _ints(value: object) -> list[int]:
    return [item for item in value if _is_int(item)] if isinstance(value, list) else []


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: object, low: int, high: int) -> int:
    """``value`` if it is a whole number from ``low`` to ``high``, else ``low``."""
    return value if _is_int(value) and low <= value <= high else low
