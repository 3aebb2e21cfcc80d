"""Tags: created, renamed, recoloured, given a digit key, merged, deleted.

Every change is one undoable action; names are unique whatever their case, and
a digit key belongs to one tag at most.
"""

from __future__ import annotations

import re

from store.db.annotating import AnnotationWrites
from store.db.unit import tag_name
from store.errors import StoreError
from store.records import Tag

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class TagOps(AnnotationWrites):
    """What ``Store`` changes of tags."""

    def create_tag(
        self, name: str, colour: str, key: int | None = None, description: str = ""
    ) -> Tag:
        name = tag_name(name)
        _check_colour(colour)
        self._check_free(name, key)
        with self.action(f"new tag {name}") as work:
            tag_id = work.put_tag(name, colour, key, description)
        return self._tag_row(tag_id)

    def rename_tag(self, old: str, new: str) -> Tag:
        tag_id = self._tag_id(old)
        new = tag_name(new)
        if new.casefold() != old.casefold():
            self._check_free(new, None)
        with self.action(f"rename tag {old} to {new}") as work:
            work.update_tag(tag_id, name=new)
        return self._tag_row(tag_id)

    def recolour_tag(self, name: str, colour: str) -> Tag:
        tag_id = self._tag_id(name)
        _check_colour(colour)
        with self.action(f"recolour tag {name}") as work:
            work.update_tag(tag_id, colour=colour)
        return self._tag_row(tag_id)

    def set_tag_key(self, name: str, key: int | None) -> Tag:
        tag_id = self._tag_id(name)
        if key is not None:
            if not 1 <= key <= 9:
                raise StoreError(f"a tag's key is a digit from 1 to 9, not {key}")
            holder = next((t for t in self.tags() if t.key == key and t.id != tag_id), None)
            if holder is not None:
                raise StoreError(f"key {key} is taken by the tag {holder.name}")
        with self.action(f"key {key or 'none'} for tag {name}") as work:
            work.update_tag(tag_id, key=key)
        return self._tag_row(tag_id)

    def merge_tags(self, source: str, target: str) -> Tag:
        """Every passage tagged ``source`` gets ``target``; ``source`` is deleted."""
        source_id, target_id = self._tag_id(source), self._tag_id(target)
        if source_id == target_id:
            raise StoreError(f"cannot merge the tag {source} into itself")
        with self.action(f"merge tag {source} into {target}") as work:
            for annotation_id in self._tagged(source_id):
                work.untag(annotation_id, source_id)
                work.tag_with(annotation_id, target_id)
            work.delete_tag(source_id)
        return self._tag_row(target_id)

    def delete_tag(self, name: str) -> None:
        """Delete the tag and take it off every passage (undo puts it back)."""
        tag_id = self._tag_id(name)
        with self.action(f"delete tag {name}") as work:
            for annotation_id in self._tagged(tag_id):
                work.untag(annotation_id, tag_id)
            work.delete_tag(tag_id)

    def _tagged(self, tag_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (tag_id,)
        )
        return [row[0] for row in rows]

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


def _check_colour(colour: str) -> None:
    if not _COLOUR.fullmatch(colour):
        raise StoreError(f"a colour is written #rrggbb, not {colour!r}")
