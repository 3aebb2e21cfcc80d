"""Versions of an article, what a new version did to its annotations, and orphans."""

from __future__ import annotations

from dataclasses import dataclass

from store.records.models import Annotation


@dataclass(frozen=True)
class Version:
    """One version of an article: an ``articles`` row of its own, with its own text."""

    id: int
    """The version's article id (annotations on it point at it)."""
    article: int
    """The id of the article's first version: the same for every version of it."""
    number: int
    """1 for the first version, then 2, 3, ..."""
    count: int
    """How many versions the article has."""
    added: str
    """When this version came in (UTC, ISO 8601)."""
    content_hash: str
    length: int
    current: bool
    """Whether this is the version the article shows (the others are kept, read only
    for what annotations stay on them)."""

    @property
    def label(self) -> str:
        """``v2 of 3``."""
        return f"v{self.number} of {self.count}"


@dataclass(frozen=True)
class VersionReport:
    """What adding a version did (``Store.add_version``)."""

    previous: int
    """The id of the version the article showed before."""
    version: int
    """The id of the version it shows now (``previous`` when nothing changed)."""
    number: int
    moved: int = 0
    """Annotations now on the new version (kept in place or re-anchored)."""
    reanchored: int = 0
    """Of them, those not found unchanged where the alignment of the versions put
    them (found elsewhere, or edited)."""
    orphaned: int = 0
    """Annotations left on an older version, listed as orphans."""
    reattached: int = 0
    """Orphans of older versions placed on this one."""
    unchanged: bool = False
    """The text was the current version's: nothing new."""

    def summary(self) -> str:
        """``new version of #3: 12 annotations moved, 1 orphaned``."""
        if self.unchanged:
            return f"#{self.previous}: same text, nothing new"
        moved = "annotation" if self.moved == 1 else "annotations"
        line = (
            f"new version of #{self.previous}: {self.moved} {moved} moved, {self.orphaned} orphaned"
        )
        if self.reattached:
            line += f" ({self.reattached} earlier orphans placed)"
        return line


@dataclass(frozen=True)
class Orphan:
    """An annotation the article's newest version could not take: it stays on its
    version, and the best place found for it in the current one is offered."""

    annotation: Annotation
    version: Version
    """The version it is on."""
    current: int
    """The id of the version it could not be placed on (the article's current one,
    unless that was undone since): ``candidate`` is in its text."""
    candidate: tuple[int, int] | None
    """The best place found for it in that version (start, end), if any."""
    score: float
    """How well ``candidate`` fits, 0 to 1 (below ``store.text.anchor.MIN_SCORE``)."""
    kept: bool
    """The user chose to leave it on its version."""
