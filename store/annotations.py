"""Annotations, their tags and the links between them: reads, changes, undo.

``AnnotationOps`` is mixed into ``Store``. Each change is one transaction that
also writes its undo journal entry (``store.journal``), and returns the rows as
stored, so a caller redraws from what was saved. ``SpanIndex`` answers which
annotations touch a stretch of text, fast enough to ask for every visible row.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from store import journal
from store.anchor import quote_selector
from store.errors import StoreError
from store.journal import Changes
from store.schema import LINK_KINDS

if TYPE_CHECKING:
    from store.db import Tag


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class Annotation(NamedTuple):
    """A passage of one article with its tags (names, in tag order) and note.

    A named tuple, not a frozen dataclass: exports read annotations by the hundred
    thousand, and a tuple is made in a fifth of the time (a frozen dataclass sets
    each field through ``object.__setattr__``).
    """

    id: str
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str
    created: str
    updated: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    id: str
    source_id: str
    target_id: str
    kind: str
    note: str
    created: str


class Mark(NamedTuple):
    """What drawing an annotation needs, loaded fast for thousands: no texts, no note.
    A named tuple, as ``Annotation``: made in a fraction of a frozen dataclass's time."""

    id: str
    start: int
    end: int
    tags: tuple[str, ...]


class Spanned(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


Range = tuple[int, int, int]
"""(article id, start, end) of a passage."""


S = TypeVar("S", bound=Spanned)


class SpanIndex(Generic[S]):
    """Annotations (or marks) sorted by position, answering overlap queries in O(log n + k).

    ``overlapping`` looks back from the query's start by the longest annotation's
    length, so no annotation that reaches into the query is missed.
    """

    def __init__(self, annotations: Sequence[S] = ()) -> None:
        ordered = sorted(annotations, key=lambda a: (a.start, a.end, a.id))
        self._keys = [(a.start, a.end, a.id) for a in ordered]
        self._items = ordered
        self._by_id = {a.id: a for a in ordered}
        self._longest = max((a.end - a.start for a in ordered), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[S]:
        return iter(self._items)

    def get(self, annotation_id: str) -> S | None:
        return self._by_id.get(annotation_id)

    def overlapping(self, start: int, end: int) -> list[S]:
        """The annotations sharing at least one character with ``[start, end)``."""
        low = bisect_left(self._keys, (start - self._longest,))
        high = bisect_left(self._keys, (end,))
        return [a for a in self._items[low:high] if a.end > start]

    def add(self, annotation: S) -> None:
        self.discard(annotation.id)
        key = (annotation.start, annotation.end, annotation.id)
        index = bisect_right(self._keys, key)
        self._keys.insert(index, key)
        self._items.insert(index, annotation)
        self._by_id[annotation.id] = annotation
        self._longest = max(self._longest, annotation.end - annotation.start)

    def discard(self, annotation_id: str) -> None:
        old = self._by_id.pop(annotation_id, None)
        if old is None:
            return
        index = bisect_left(self._keys, (old.start, old.end, old.id))
        del self._keys[index]
        del self._items[index]


_ANNOTATION_SELECT = """
    SELECT a.id, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix, a.note,
           a.created, a.updated,
           (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = a.id)
    FROM annotations a
"""
"""An annotation's columns, then its tags as their ids ("1,3"; NULL for none)."""
_BY_ARTICLE = _ANNOTATION_SELECT + " WHERE a.article_id = ? ORDER BY a.start, a.end, a.id"
_MARKS = """
    SELECT a.id, a.start, a.end,
           (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = a.id)
    FROM annotations a WHERE a.article_id = ? ORDER BY a.start, a.end, a.id
"""


class TagSets:
    """Tag names, in tag order, from the ids a row of ``_ANNOTATION_SELECT`` ends with.

    Passages share a few sets of tags: each set is looked up once, and every
    annotation carrying it shares one tuple.
    """

    def __init__(self, tags: Iterable[Tag]) -> None:
        self.names = {tag.id: tag.name for tag in tags}
        self.known: dict[str | None, tuple[str, ...]] = {None: ()}

    def __call__(self, ids: str | None) -> tuple[str, ...]:
        found = self.known.get(ids)
        if found is None:
            assert ids is not None
            numbers = sorted(int(number) for number in ids.split(","))
            found = self.known[ids] = tuple(self.names[number] for number in numbers)
        return found

    def annotation(self, row: Sequence[Any]) -> Annotation:
        """An annotation from a row of ``_ANNOTATION_SELECT``."""
        return Annotation._make((*row[:10], self(row[10])))


class AnnotationOps:
    """The annotation half of ``Store`` (mixed in; uses its connection and texts)."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection
        name: str

        def article_text(self, article_id: int) -> str: ...
        def tags(self) -> list[Tag]: ...
        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    # -- reading ------------------------------------------------------------------

    def annotations(self, article_id: int) -> list[Annotation]:
        """The article's annotations in text order.

        Tags come as ids gathered in SQL and named once per set (``TagSets``).
        """
        rows = self.conn.execute(_BY_ARTICLE, (article_id,))
        return list(map(TagSets(self.tags()).annotation, rows))

    def marks(self, article_id: int) -> list[Mark]:
        """The article's annotations as drawn: positions and tags only, in text order.

        One query that reads no texts, tags named once per set (``TagSets``): an
        article with 10,000 annotations opens with them drawn.
        """
        tags = TagSets(self.tags())
        rows = self.conn.execute(_MARKS, (article_id,))
        return [Mark(ident, start, end, tags(ids)) for ident, start, end, ids in rows]

    def annotation(self, annotation_id: str) -> Annotation:
        row = self.conn.execute(_ANNOTATION_SELECT + " WHERE a.id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no annotation {annotation_id}")
        return TagSets(self.tags()).annotation(row)

    def annotations_by_id(self, ids: Iterable[str]) -> dict[str, Annotation]:
        """The annotations with these ids (at most a few hundred: one query), by id."""
        wanted = list(ids)
        rows = self.conn.execute(
            _ANNOTATION_SELECT + f" WHERE a.id IN ({', '.join('?' * len(wanted))})", wanted
        )
        tag_sets = TagSets(self.tags())
        return {row[0]: tag_sets.annotation(row) for row in rows}

    def find_annotations(
        self, tag: str | None = None, article_id: int | None = None, text: str | None = None
    ) -> list[Annotation]:
        """Annotations by tag name, article and words in the passage or note (any case)."""
        where: list[str] = []
        args: list[object] = []
        if tag is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE at.annotation_id = a.id AND t.name = ?)"
            )
            args.append(tag)
        if article_id is not None:
            where.append("a.article_id = ?")
            args.append(article_id)
        if text:
            where.append("(instr(lower(a.exact), ?) OR instr(lower(a.note), ?))")
            args += [text.lower(), text.lower()]
        sql = _ANNOTATION_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.conn.execute(sql + " ORDER BY a.article_id, a.start, a.end", args)
        return list(map(TagSets(self.tags()).annotation, rows))

    def links_of(self, annotation_id: str) -> list[Link]:
        rows = self.conn.execute(
            "SELECT id, source_id, target_id, kind, note, created FROM links"
            " WHERE source_id = ? OR target_id = ? ORDER BY created, id",
            (annotation_id, annotation_id),
        )
        return [Link(*row) for row in rows]

    def linked_annotation_ids(self, article_id: int) -> set[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM annotations a WHERE a.article_id = ? AND EXISTS"
            " (SELECT 1 FROM links l WHERE l.source_id = a.id OR l.target_id = a.id)",
            (article_id,),
        )
        return {row[0] for row in rows}

    def tag_usage(self, name: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE t.name = ?",
                (name,),
            ).fetchone()[0]
        )

    # -- changing annotations ---------------------------------------------------------

    def create_annotation(
        self, article_id: int, start: int, end: int, tags: Sequence[str] = (), note: str = ""
    ) -> Annotation:
        """A new annotation of ``text[start:end]`` with these tags and note."""
        with self._action(f"mark {_list(tags) or 'passage'}") as changes:
            annotation_id = self._insert_annotation(changes, article_id, start, end, note)
            for name in tags:
                self._tag(changes, annotation_id, name)
        return self.annotation(annotation_id)

    def toggle_tag(self, article_id: int, start: int, end: int, name: str) -> Annotation | None:
        """Tag the passage, or untag it when it has the tag already.

        The same key pressed again on the same passage removes what it added: an
        annotation left with no tag, note or link goes too (None is returned).
        """
        existing = self._exactly(article_id, start, end)
        with self._action(f"tag {name}") as changes:
            if existing is None:
                annotation_id = self._insert_annotation(changes, article_id, start, end, "")
                self._tag(changes, annotation_id, name)
            elif name in self.annotation(existing).tags:
                annotation_id = existing
                changes.delete(
                    "annotation_tags", {"annotation_id": existing, "tag_id": self._tag_id(name)}
                )
                changes.description = f"untag {name}"
                if self._is_bare(existing):
                    self._delete(changes, existing)
                    return None
            else:
                annotation_id = existing
                self._tag(changes, existing, name)
                self._touch(changes, existing)
        return self.annotation(annotation_id)

    def set_tags(self, annotation_id: str, names: Sequence[str]) -> Annotation:
        """Give the annotation exactly these tags."""
        current = set(self.annotation(annotation_id).tags)
        with self._action(f"tags {_list(names) or 'none'}") as changes:
            for name in current - set(names):
                changes.delete(
                    "annotation_tags",
                    {"annotation_id": annotation_id, "tag_id": self._tag_id(name)},
                )
            for name in names:
                if name not in current:
                    self._tag(changes, annotation_id, name)
            self._touch(changes, annotation_id)
        return self.annotation(annotation_id)

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        """Store the note verbatim (markup and control characters included)."""
        self.annotation(annotation_id)
        with self._action("note") as changes:
            changes.put("annotations", {"id": annotation_id, "note": note, "updated": _now()})
        return self.annotation(annotation_id)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete the annotation with its tags and links (undo brings all back)."""
        self.annotation(annotation_id)
        with self._action("delete annotation") as changes:
            self._delete(changes, annotation_id)

    # -- links --------------------------------------------------------------------

    def add_link(self, source_id: str, target_id: str, kind: str, note: str = "") -> Link:
        if source_id == target_id:
            raise StoreError("a passage cannot be linked to itself")
        self.annotation(source_id)
        self.annotation(target_id)
        _check_kind(kind)
        with self._action(f"link {kind}") as changes:
            link_id = self._insert_link(changes, source_id, target_id, kind, note)
        return self._link(link_id)

    def link_passages(
        self,
        source: Range,
        target: Range,
        kind: str,
        note: str = "",
        tags: Sequence[str] = (),
        decision: str | None = None,
    ) -> tuple[Link, list[Annotation]]:
        """Link two passages, making plain annotations of them if need be: one action.

        ``tags`` are added to both ends; ``decision`` records a comparison
        suggestion as accepted (undone with the rest).
        """
        _check_kind(kind)
        if source == target:
            raise StoreError("a passage cannot be linked to itself")
        with self._action(f"link {kind}") as changes:
            ends = []
            for article_id, start, end in (source, target):
                found = self._exactly(article_id, start, end)
                if found is None:
                    found = self._insert_annotation(changes, article_id, start, end, "")
                for name in tags:
                    self._tag(changes, found, name)
                ends.append(found)
            link_id = self._insert_link(changes, ends[0], ends[1], kind, note)
            if decision is not None:
                self._decide(changes, decision, "accepted")
        return self._link(link_id), [self.annotation(end) for end in ends]

    def decide(self, suggestion_id: str, decision: str) -> None:
        """Record the user's decision (accepted, dismissed) on a comparison suggestion."""
        with self._action(f"{decision.removesuffix('ed')} suggestion") as changes:
            self._decide(changes, suggestion_id, decision)

    def _decide(self, changes: Changes, suggestion_id: str, decision: str) -> None:
        changes.put(
            "compare_decisions", {"id": suggestion_id, "decision": decision, "created": _now()}
        )

    def delete_link(self, link_id: str) -> None:
        self._link(link_id)
        with self._action("delete link") as changes:
            changes.delete("links", {"id": link_id})

    # -- tags ---------------------------------------------------------------------

    def create_tag(
        self, name: str, colour: str, key: int | None = None, description: str = ""
    ) -> Tag:
        name = _tag_name(name)
        _check_colour(colour)
        self._check_free(name, key)
        with self._action(f"new tag {name}") as changes:
            tag_id = self._put_tag(changes, name, colour, key)
            if description:
                changes.put("tags", {"id": tag_id, "description": description})
        return self._tag_row(tag_id)

    def rename_tag(self, old: str, new: str) -> Tag:
        tag_id = self._tag_id(old)
        new = _tag_name(new)
        if new.casefold() != old.casefold():
            self._check_free(new, None)
        with self._action(f"rename tag {old} to {new}") as changes:
            changes.put("tags", {"id": tag_id, "name": new})
        return self._tag_row(tag_id)

    def recolour_tag(self, name: str, colour: str) -> Tag:
        tag_id = self._tag_id(name)
        _check_colour(colour)
        with self._action(f"recolour tag {name}") as changes:
            changes.put("tags", {"id": tag_id, "colour": colour})
        return self._tag_row(tag_id)

    def set_tag_key(self, name: str, key: int | None) -> Tag:
        tag_id = self._tag_id(name)
        if key is not None:
            if not 1 <= key <= 9:
                raise StoreError(f"a tag's key is a digit from 1 to 9, not {key}")
            holder = next((t for t in self.tags() if t.key == key and t.id != tag_id), None)
            if holder is not None:
                raise StoreError(f"key {key} is taken by the tag {holder.name}")
        with self._action(f"key {key or 'none'} for tag {name}") as changes:
            changes.put("tags", {"id": tag_id, "key": key})
        return self._tag_row(tag_id)

    def merge_tags(self, source: str, target: str) -> Tag:
        """Every passage tagged ``source`` gets ``target``; ``source`` is deleted."""
        source_id, target_id = self._tag_id(source), self._tag_id(target)
        if source_id == target_id:
            raise StoreError(f"cannot merge the tag {source} into itself")
        with self._action(f"merge tag {source} into {target}") as changes:
            tagged = [
                row[0]
                for row in self.conn.execute(
                    "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (source_id,)
                )
            ]
            for annotation_id in tagged:
                changes.delete(
                    "annotation_tags", {"annotation_id": annotation_id, "tag_id": source_id}
                )
                changes.put(
                    "annotation_tags", {"annotation_id": annotation_id, "tag_id": target_id}
                )
            changes.delete("tags", {"id": source_id})
        return self._tag_row(target_id)

    def delete_tag(self, name: str) -> None:
        """Delete the tag and take it off every passage (undo puts it back)."""
        tag_id = self._tag_id(name)
        with self._action(f"delete tag {name}") as changes:
            for (annotation_id,) in self.conn.execute(
                "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (tag_id,)
            ).fetchall():
                changes.delete(
                    "annotation_tags", {"annotation_id": annotation_id, "tag_id": tag_id}
                )
            changes.delete("tags", {"id": tag_id})

    # -- undo -----------------------------------------------------------------------

    def undo(self) -> str | None:
        """Revert the last action; what it was, or None when there is nothing to undo."""
        with self.transaction() as conn:
            return journal.undo(conn)

    def redo(self) -> str | None:
        with self.transaction() as conn:
            return journal.redo(conn)

    # -- inside an action -----------------------------------------------------------

    def _action(self, description: str) -> AbstractContextManager[Changes]:
        return _Action(self, description)

    def _insert_annotation(
        self, changes: Changes, article_id: int, start: int, end: int, note: str
    ) -> str:
        """A new annotation, made now; its id."""
        row = self._annotation_row(article_id, start, end, note)
        changes.add("annotations", row)
        return str(row["id"])

    def _annotation_row(
        self,
        article_id: int,
        start: int,
        end: int,
        note: str,
        annotation_id: str | None = None,
        when: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """A new annotation's row: its quote taken from the text, missing times now."""
        text = self.article_text(article_id)
        if not 0 <= start < end <= len(text):
            raise StoreError("nothing selected: the passage is empty or outside the article")
        created, updated = when or ("", "")
        if not (created and updated):
            created = created or _now()
            updated = updated or created
        exact, prefix, suffix = quote_selector(text, start, end)
        return {
            "id": annotation_id or _new_id(),
            "article_id": article_id,
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "note": note,
            "created": created,
            "updated": updated,
        }

    def _insert_link(
        self,
        changes: Changes,
        source_id: str,
        target_id: str,
        kind: str,
        note: str,
        link_id: str | None = None,
        created: str | None = None,
    ) -> str:
        _check_kind(kind)
        link_id = link_id or _new_id()
        changes.add(
            "links",
            {
                "id": link_id,
                "source_id": source_id,
                "target_id": target_id,
                "kind": kind,
                "note": note,
                "created": created or _now(),
            },
        )
        return link_id

    def annotations_here(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids (a few hundred at most: one query) are annotations here."""
        rows = self.conn.execute(
            f"SELECT id FROM annotations WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
        return {row[0] for row in rows}

    def has_annotation(self, annotation_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
            is not None
        )

    def has_link(self, link_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM links WHERE id = ?", (link_id,)).fetchone() is not None
        )

    def _put_tag(self, changes: Changes, name: str, colour: str, key: int | None = None) -> int:
        tag_id = self._next_id("tags")
        changes.put(
            "tags",
            {
                "id": tag_id,
                "name": _tag_name(name),
                "key": key,
                "colour": colour,
                "description": "",
            },
        )
        return tag_id

    def _tag(self, changes: Changes, annotation_id: str, name: str) -> None:
        changes.put(
            "annotation_tags", {"annotation_id": annotation_id, "tag_id": self._tag_id(name)}
        )

    def _touch(self, changes: Changes, annotation_id: str) -> None:
        changes.put("annotations", {"id": annotation_id, "updated": _now()})

    def _delete(self, changes: Changes, annotation_id: str) -> None:
        """Children first, so that undo (which runs backwards) restores the parent first."""
        for (link_id,) in self.conn.execute(
            "SELECT id FROM links WHERE source_id = ? OR target_id = ?",
            (annotation_id, annotation_id),
        ).fetchall():
            changes.delete("links", {"id": link_id})
        for (tag_id,) in self.conn.execute(
            "SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (annotation_id,)
        ).fetchall():
            changes.delete("annotation_tags", {"annotation_id": annotation_id, "tag_id": tag_id})
        changes.delete("annotations", {"id": annotation_id})

    def _is_bare(self, annotation_id: str) -> bool:
        """No tag, no note, no link: nothing left worth keeping."""
        return (
            self.conn.execute(
                "SELECT a.note = '' AND NOT EXISTS"
                " (SELECT 1 FROM annotation_tags WHERE annotation_id = a.id) AND NOT EXISTS"
                " (SELECT 1 FROM links WHERE source_id = a.id OR target_id = a.id)"
                " FROM annotations a WHERE a.id = ?",
                (annotation_id,),
            ).fetchone()[0]
            == 1
        )

    def _exactly(self, article_id: int, start: int, end: int) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM annotations WHERE article_id = ? AND start = ? AND end = ?"
            " ORDER BY created LIMIT 1",
            (article_id, start, end),
        ).fetchone()
        return None if row is None else str(row[0])

    def _tag_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise StoreError(f"no tag named {name!r}")
        return int(row[0])

    def _tag_row(self, tag_id: int) -> Tag:
        return next(tag for tag in self.tags() if tag.id == tag_id)

    def _check_free(self, name: str, key: int | None) -> None:
        for tag in self.tags():
            if tag.name.casefold() == name.casefold():
                raise StoreError(f"there is a tag named {tag.name} already")
            if key is not None and tag.key == key:
                raise StoreError(f"key {key} is taken by the tag {tag.name}")
        if key is not None and not 1 <= key <= 9:
            raise StoreError(f"a tag's key is a digit from 1 to 9, not {key}")

    def _next_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])

    def _link(self, link_id: str) -> Link:
        row = self.conn.execute(
            "SELECT id, source_id, target_id, kind, note, created FROM links WHERE id = ?",
            (link_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no link {link_id}")
        return Link(*row)


class _Action(AbstractContextManager[Changes]):
    """One transaction recording its changes; the journal entry is written at the end."""

    def __init__(self, ops: AnnotationOps, description: str) -> None:
        self.ops = ops
        self.description = description
        self._transaction = ops.transaction()

    def __enter__(self) -> Changes:
        conn = self._transaction.__enter__()
        self.changes = Changes(conn)
        self.changes.description = self.description
        return self.changes

    def __exit__(self, kind: object, error: object, traceback: object) -> bool | None:
        if kind is None:
            try:
                self.changes.save(self.changes.description, _now())
            except BaseException as err:
                return self._transaction.__exit__(type(err), err, err.__traceback__)
        return self._transaction.__exit__(kind, error, traceback)  # type: ignore[arg-type]


def _new_id() -> str:
    """A random UUID: stable across export, import and merge."""
    import uuid  # not on the way to the first screen

    return str(uuid.uuid4())


def _now() -> str:
    from store.db import now

    return now()


def _list(names: Sequence[str]) -> str:
    return ", ".join(names)


def _tag_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise StoreError("a tag needs a name")
    return name


def _check_colour(colour: str) -> None:
    if not _COLOUR.fullmatch(colour):
        raise StoreError(f"a colour is written #rrggbb, not {colour!r}")


def _check_kind(kind: str) -> None:
    if kind not in LINK_KINDS:
        raise StoreError(f"a link is one of {', '.join(LINK_KINDS)}, not {kind!r}")
