"""What the annotating session is told and what it answers, as plain values.

``Place`` is where the user is (the focused column's article, text, cursor and
selection); ``Passage`` a stretch an action applies to; ``Outcome`` what a change
did: what to redraw and what to say; ``Detail`` what the detail line shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store import Annotation, Link, StoreError

NOT_SAVED = "Not saved"
"""The title of the message that says the store refused a change."""

Span = tuple[int, int]


@dataclass(frozen=True)
class Place:
    """Where the user is: the article in the focused column, its cursor and selection."""

    article_id: int
    text: str
    cursor: int
    selection: Span | None = None


@dataclass(frozen=True)
class Passage:
    """A stretch of one article that an action applies to."""

    article_id: int
    start: int
    end: int
    text: str
    """``text[start:end]`` of the article."""


@dataclass(frozen=True)
class Outcome:
    """What a change did: what to redraw and what to say. Empty: nothing happened."""

    notice: str = ""
    """What was done, said briefly ("Tagged quote.")."""
    info: str = ""
    """A longer hint, as a pop-up."""
    warning: str = ""
    """Why nothing was done, as a pop-up."""
    error: str = ""
    """Why the store refused: a pop-up titled ``NOT_SAVED``; nothing changed."""
    timeout: float | None = None
    """How long the pop-up stays (None: the default)."""
    redraw: dict[int, list[Span] | None] = field(default_factory=dict)
    """The articles whose marks changed: the stretches that changed, or None for all."""
    reload: bool = False
    """Tags or many annotations changed: every mark and the tags' legend are redrawn."""
    status: bool = False
    """The detail line of the focused column changes (a link was started)."""

    @property
    def ok(self) -> bool:
        """Neither refused nor warned against (it may still have changed nothing)."""
        return not (self.error or self.warning)


def failed(err: StoreError) -> Outcome:
    """The store refused: nothing changed, and why."""
    return Outcome(error=str(err))


@dataclass(frozen=True)
class Detail:
    """What the detail line shows for a place: the annotation under the cursor."""

    annotation: Annotation | None
    links: list[Link]
    linking: bool
