"""Articles, tags, annotations, links and marks as the store gives them out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Article:
    """An article's metadata; its text is fetched apart with ``Store.article_text``."""

    id: int
    title: str
    outlet: str
    author: str
    published: str
    url: str
    file_name: str
    content_hash: str
    added: str
    length: int
    words: int = 0
    version: int = 1
    """Which version of the article this is (1 for the first; see ``Store.versions``)."""
    version_of: int | None = None
    """The id of the article's first version, for a later version (None for the first)."""

    @property
    def label(self) -> str:
        """How the article is named in one line: outlet, else file name."""
        return self.outlet or self.file_name or f"article {self.id}"


@dataclass(frozen=True)
class Tag:
    """A tag: its name, digit key (1-9, or none), colour (#rrggbb) and description."""

    id: int
    name: str
    key: int | None
    colour: str
    description: str
    role: str | None = None
    """What the program uses the tag for, if anything (``store.db.schema.ROLES``)."""


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
    creator: str = ""
    """Who made it: the name set with ``reader config user.name`` (else the login name)
    where it was made; '' when unknown (made before reader recorded it, or imported
    without one)."""
    origin: str = ""
    """What the tool it was imported from said that reader has no column for, as a JSON
    object (Hypothesis: ``group``, ``uri``, ``title``, ``user``); '' when made here."""


@dataclass(frozen=True)
class Link:
    """Two annotations joined: ``kind`` is one of ``store.db.schema.LINK_KINDS``."""

    id: str
    source_id: str
    target_id: str
    kind: str
    note: str
    created: str
    creator: str = ""
    """Who made the link ('' when unknown), as ``Annotation.creator``."""


class Mark(NamedTuple):
    """What drawing an annotation needs, loaded fast for thousands: no texts, no note.
    A named tuple, as ``Annotation``: made in a fraction of a frozen dataclass's time."""

    id: str
    start: int
    end: int
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """A named set of articles about one event, with what the library screen shows."""

    id: int
    name: str
    created: str
    opened: str
    """When it was last opened ('' if never)."""
    articles: int = 0
    annotations: int = 0


@dataclass(frozen=True)
class Draft:
    """Text being written in an editor and not saved yet, kept in case of a crash."""

    subject: str
    """What the text is for (``note 3:120-245``), as the editor named it."""
    text: str
    saved: str
    """When it was last written (UTC, ISO 8601)."""


@dataclass(frozen=True)
class Hit:
    """One search result: where in which article, and a snippet to show it by."""

    article_id: int
    start: int
    """Where the first match is in the article's text (an annotation's passage start)."""
    end: int
    field: str
    """What matched: ``title``, ``outlet``, ``text``, ``note`` or ``tags``."""
    snippet: str
    """A line of text around the match (line breaks as spaces)."""
    marks: tuple[tuple[int, int], ...]
    """The matched words' spans in ``snippet``."""
    annotation_id: str | None = None
    """The annotation whose note or tags matched (None for an article's own words)."""


Range = tuple[int, int, int]
"""(article id, start, end) of a passage."""
