"""Stories: named sets of articles about one event, each opened side by side.

An article may belong to several stories. Creating, renaming and deleting a story
and adding or removing its articles are undoable actions; deleting a story never
deletes an article (it stays in the library, ``reader articles`` lists it).
Which story was opened last and how its columns were left are kept too, but as
the reader's place, not as actions to undo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from store.db.connection import Connected
from store.db.unit import action
from store.errors import StoreError
from store.records import Story, now
from store.text.clean import clean_line

OPENED = "story"
"""The meta key holding the id of the story opened last."""

_SELECT = """
    SELECT s.id, s.name, s.created, s.opened, count(sa.article_id),
           coalesce(sum((SELECT count(*) FROM annotations a WHERE a.article_id = sa.article_id)), 0)
    FROM stories s LEFT JOIN story_articles sa ON sa.story_id = s.id
"""


class StoryOps(Connected):
    """What ``Store`` knows and changes of stories."""

    def stories(self) -> list[Story]:
        """Every story with its counts, the one opened most recently first."""
        rows = self.conn.execute(_SELECT + " GROUP BY s.id ORDER BY s.opened DESC, s.id DESC")
        return [Story(*row) for row in rows]

    def story(self, story_id: int) -> Story:
        row = self.conn.execute(_SELECT + " WHERE s.id = ? GROUP BY s.id", (story_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no story with id {story_id}")
        return Story(*row)

    def find_story(self, name: str) -> Story | None:
        row = self.conn.execute("SELECT id FROM stories WHERE name = ?", (name.strip(),)).fetchone()
        return None if row is None else self.story(int(row[0]))

    def story_article_ids(self, story_id: int) -> list[int]:
        """The story's articles, in the order they were added."""
        rows = self.conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position",
            (story_id,),
        )
        return [row[0] for row in rows]

    def stories_of(self, article_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT s.name FROM stories s JOIN story_articles sa ON sa.story_id = s.id"
            " WHERE sa.article_id = ? ORDER BY s.name",
            (article_id,),
        )
        return [row[0] for row in rows]

    # -- changes --------------------------------------------------------------------

    def create_story(self, name: str, *, undoable: bool = True) -> Story:
        name = self._free_name(name)
        with action(self, f"new story {name}", undoable=undoable) as work:
            (story_id,) = self.conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM stories"
            ).fetchone()
            work.changes.put("stories", {"id": story_id, "name": name, "created": now()})
        return self.story(int(story_id))

    def story_named(self, name: str, *, undoable: bool = True) -> Story:
        """The story of that name, created if there is none."""
        return self.find_story(name) or self.create_story(name, undoable=undoable)

    def rename_story(self, story_id: int, name: str) -> Story:
        old = self.story(story_id)
        if name.strip().casefold() != old.name.casefold():
            name = self._free_name(name)
        else:
            name = _story_name(name)
        with action(self, f"rename story {old.name} to {name}") as work:
            work.changes.put("stories", {"id": story_id, "name": name})
        return self.story(story_id)

    def delete_story(self, story_id: int) -> None:
        """The story goes; its articles stay in the library (undo brings it back)."""
        story = self.story(story_id)
        with action(self, f"delete story {story.name}") as work:
            for article_id in self.story_article_ids(story_id):
                work.changes.delete(
                    "story_articles", {"story_id": story_id, "article_id": article_id}
                )
            work.changes.delete("stories", {"id": story_id})
        if self.get_meta(OPENED) == str(story_id):
            with self.transaction() as conn:
                conn.execute("DELETE FROM meta WHERE key = ?", (OPENED,))

    def add_to_story(
        self, story_id: int, article_ids: Iterable[int], *, undoable: bool = True
    ) -> list[int]:
        """Add these articles (those not in it yet, at its end); the ones added."""
        story = self.story(story_id)
        present = set(self.story_article_ids(story_id))
        new = [a for a in dict.fromkeys(article_ids) if a not in present]
        if not new:
            return []
        (last,) = self.conn.execute(
            "SELECT coalesce(max(position), 0) FROM story_articles WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        noun = "article" if len(new) == 1 else f"{len(new)} articles"
        with action(self, f"add {noun} to {story.name}", undoable=undoable) as work:
            for position, article_id in enumerate(new, last + 1):
                work.changes.put(
                    "story_articles",
                    {"story_id": story_id, "article_id": article_id, "position": position},
                )
        return new

    def remove_from_story(self, story_id: int, article_id: int) -> None:
        story = self.story(story_id)
        with action(self, f"remove article from {story.name}") as work:
            work.changes.delete("story_articles", {"story_id": story_id, "article_id": article_id})

    # -- where the reader is ----------------------------------------------------------

    def opened_story(self) -> Story | None:
        """The story opened last, if it still exists."""
        value = self.get_meta(OPENED)
        if value is None or not value.isdigit():
            return None
        found = self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (int(value),)).fetchone()
        return self.story(int(value)) if found else None

    def open_story(self, story_id: int) -> None:
        """Remember ``story_id`` as the story opened now (not an action to undo)."""
        with self.transaction() as conn:
            conn.execute("UPDATE stories SET opened = ? WHERE id = ?", (now(), story_id))
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (OPENED, str(story_id)),
            )

    def layout(self, story_id: int) -> dict[str, Any]:
        """How the story's columns were left (the app's own keys), or {}."""
        row = self.conn.execute("SELECT layout FROM stories WHERE id = ?", (story_id,)).fetchone()
        try:
            found = json.loads(row[0]) if row else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def save_layout(self, story_id: int, layout: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE stories SET layout = ? WHERE id = ?", (json.dumps(layout), story_id)
            )

    def _free_name(self, name: str) -> str:
        name = _story_name(name)
        if self.find_story(name) is not None:
            raise StoreError(f"there is a story named {name} already")
        return name


def _story_name(name: str) -> str:
    name = " ".join(clean_line(name).split())
    if not name:
        raise StoreError("a story needs a name")
    return name
