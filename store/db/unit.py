"""One user action as one unit of work: its row changes, its undo entry, its commit.

``Store.action(description)`` opens a ``Work``: every write of the action goes
through it (it records each row for the journal), and when the block ends the
journal entry is written and everything is committed in one transaction. The
annotation, tag and link operations, import and merge all write this way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from store.db.journal import Changes
from store.db.schema import LINK_KINDS
from store.db.settings import KEEP_ACTIONS, KEEP_DAYS, SETTINGS
from store.errors import StoreError
from store.records import new_id, now
from store.text.anchor import quote_selector
from store.text.clean import content_hash
from store.text.words import word_count

if TYPE_CHECKING:
    from store.db.connection import Connected

Row = dict[str, Any]


class Work:
    """The writes of one action, each recorded for undo (see ``store.db.journal``)."""

    def __init__(
        self, conn: sqlite3.Connection, text_of: Callable[[int], str], user: str = ""
    ) -> None:
        self.conn = conn
        self.changes = Changes(conn)
        self._text_of = text_of
        self.user = user
        """Who is acting: the creator of what the action makes (``Store.user``)."""

    @property
    def description(self) -> str:
        return self.changes.description

    @description.setter
    def description(self, value: str) -> None:
        """What the action did, in a few words (undo and redo report it)."""
        self.changes.description = value

    # -- annotations ----------------------------------------------------------------

    def annotation_row(
        self,
        article_id: int,
        start: int,
        end: int,
        note: str = "",
        annotation_id: str | None = None,
        when: tuple[str, str] | None = None,
        *,
        creator: str | None = None,
        origin: str = "",
    ) -> Row:
        """A new annotation's row: its quote taken from the text, missing times now,
        made by ``creator`` (default: the user acting; '' for unknown)."""
        text = self._text_of(article_id)
        if not 0 <= start < end <= len(text):
            raise StoreError("nothing selected: the passage is empty or outside the article")
        created, updated = when or ("", "")
        if not (created and updated):
            created = created or now()
            updated = updated or created
        exact, prefix, suffix = quote_selector(text, start, end)
        return {
            "id": annotation_id or new_id(),
            "article_id": article_id,
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "note": note,
            "created": created,
            "updated": updated,
            "creator": self.user if creator is None else creator,
            "origin": origin,
        }

    def insert_annotation(self, article_id: int, start: int, end: int, note: str = "") -> str:
        """A new annotation, made now; its id."""
        row = self.annotation_row(article_id, start, end, note)
        self.changes.add("annotations", row)
        return str(row["id"])

    @contextmanager
    def notes_indexed_at_end(self) -> Iterator[None]:
        """Annotations added in the block have their notes indexed for search in one
        statement at its end, not one by one (an import of 100,000 notes: a tenth of
        the time). The per-row trigger is set aside for the block, in this
        transaction only: any error puts it back with the rest."""
        found = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'note_search_new'"
        ).fetchone()
        (last,) = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM annotations").fetchone()
        if found is not None:
            self.conn.execute("DROP TRIGGER note_search_new")
        yield
        self.conn.execute(
            "INSERT INTO note_search (rowid, note)"
            " SELECT rowid, note FROM annotations WHERE rowid > ? AND note <> ''",
            (last,),
        )
        if found is not None:
            self.conn.execute(found[0])

    def add_annotations(self, rows: list[Row], tagged: list[Row]) -> None:
        """New annotations (rows of ``annotation_row``) and their tags, in bulk."""
        self.changes.add_all("annotations", rows)
        self.changes.add_all("annotation_tags", tagged)

    def set_note(self, annotation_id: str, note: str) -> None:
        self.changes.put("annotations", {"id": annotation_id, "note": note, "updated": now()})

    def touch(self, annotation_id: str) -> None:
        self.changes.put("annotations", {"id": annotation_id, "updated": now()})

    def delete_annotation(self, annotation_id: str) -> None:
        """The annotation with its tags and links; children first, so that undo (which
        runs backwards) restores the parent first."""
        for (link_id,) in self.conn.execute(
            "SELECT id FROM links WHERE source_id = ? OR target_id = ?",
            (annotation_id, annotation_id),
        ).fetchall():
            self.changes.delete("links", {"id": link_id})
        for (tag_id,) in self.conn.execute(
            "SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (annotation_id,)
        ).fetchall():
            self.untag(annotation_id, tag_id)
        self.changes.delete("annotations", {"id": annotation_id})

    # -- tags -------------------------------------------------------------------------

    def tag(self, annotation_id: str, name: str) -> None:
        self.tag_with(annotation_id, self.tag_id(name))

    def tag_with(self, annotation_id: str, tag_id: int) -> None:
        self.changes.put("annotation_tags", {"annotation_id": annotation_id, "tag_id": tag_id})

    def untag(self, annotation_id: str, tag_id: int) -> None:
        self.changes.delete("annotation_tags", {"annotation_id": annotation_id, "tag_id": tag_id})

    def tag_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise StoreError(f"no tag named {name!r}")
        return int(row[0])

    def put_tag(self, name: str, colour: str, key: int | None = None, description: str = "") -> int:
        """A new tag; its id."""
        (tag_id,) = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tags").fetchone()
        self.changes.put(
            "tags",
            {
                "id": int(tag_id),
                "name": tag_name(name),
                "key": key,
                "colour": colour,
                "description": description,
            },
        )
        return int(tag_id)

    def update_tag(self, tag_id: int, **fields: object) -> None:
        self.changes.put("tags", {"id": tag_id, **fields})

    def delete_tag(self, tag_id: int) -> None:
        self.changes.delete("tags", {"id": tag_id})

    # -- links, articles, decisions -------------------------------------------------------

    def insert_link(
        self,
        source_id: str,
        target_id: str,
        kind: str,
        note: str = "",
        link_id: str | None = None,
        created: str | None = None,
        creator: str | None = None,
    ) -> str:
        """A new link, made by ``creator`` (default: the user acting); its id."""
        check_kind(kind)
        link_id = link_id or new_id()
        self.changes.add(
            "links",
            {
                "id": link_id,
                "source_id": source_id,
                "target_id": target_id,
                "kind": kind,
                "note": note,
                "created": created or now(),
                "creator": self.user if creator is None else creator,
            },
        )
        return link_id

    def delete_link(self, link_id: str) -> None:
        self.changes.delete("links", {"id": link_id})

    def insert_article(self, text: str, **metadata: str) -> int:
        """A new article (not journalled: undo keeps articles); its id."""
        return insert_article(self.conn, text, **metadata)

    def decide(self, suggestion_id: str, decision: str) -> None:
        """Record the user's decision (accepted, dismissed) on a comparison suggestion."""
        self.changes.put(
            "compare_decisions", {"id": suggestion_id, "decision": decision, "created": now()}
        )


@contextmanager
def action(store: Connected, description: str, *, undoable: bool = True) -> Iterator[Work]:
    """One action in one transaction: its journal entry written at the end, unless it
    is not the user's to undo (the program setting a database up)."""
    with store.transaction() as conn:
        work = Work(conn, store.article_text, store.user)
        work.description = description
        yield work
        if undoable:
            keep = (_number(store, KEEP_ACTIONS), _number(store, KEEP_DAYS))
            work.changes.save(work.description, now(), store.window(), keep)


def _number(store: Connected, key: str) -> int:
    """A whole-number setting (``store.db.settings``), else its default."""
    value = store.get_meta(key)
    return int(value) if value and value.isdigit() else int(SETTINGS[key].default)


def insert_article(conn: sqlite3.Connection, text: str, **metadata: str | int) -> int:
    """Insert one article in the caller's transaction; returns its id.

    ``metadata`` names columns (title, outlet, ..., content_hash if known; version_of
    and version for a later version of an article).
    """
    row = {
        "title": "",
        "outlet": "",
        "author": "",
        "published": "",
        "url": "",
        "file_name": "",
        **metadata,
        "text": text,
        "content_hash": metadata.get("content_hash") or content_hash(text),
        "added": now(),
        "length": len(text),
        "words": word_count(text),
    }
    columns = ", ".join(row)
    places = ", ".join(f":{name}" for name in row)
    cursor = conn.execute(f"INSERT INTO articles ({columns}) VALUES ({places})", row)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def tag_name(name: str) -> str:
    """A tag's name with its white space tidied; a StoreError when nothing is left."""
    name = " ".join(name.split())
    if not name:
        raise StoreError("a tag needs a name")
    return name


def check_kind(kind: str) -> None:
    if kind not in LINK_KINDS:
        raise StoreError(f"a link is one of {', '.join(LINK_KINDS)}, not {kind!r}")


def listed(names: Sequence[str]) -> str:
    return ", ".join(names)
