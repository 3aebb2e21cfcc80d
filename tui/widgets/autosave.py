"""Saving a little behind the changes: at most ``seconds`` after the first one.

Not a debounce that waits for a pause (a reader who never stops typing or moving would
never be saved), but a save once a second while changes go on, and none when nothing
changes: a crash or ``kill -9`` loses at most that second.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class Autosave:
    """Calls ``save`` ``seconds`` after the first change not saved yet (on ``owner``'s
    timer, so on the event loop)."""

    def __init__(self, owner: MessagePump, seconds: float, save: Callable[[], None]) -> None:
        self.owner = owner
        self.seconds = seconds
        self.save = save
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        """Whether a change is waiting to be saved."""
        return self._timer is not None

    def changed(self) -> None:
        """Something changed: save it within ``seconds`` (cheap when a save is due already)."""
        if self._timer is None:
            self._timer = self.owner.set_timer(self.seconds, self._due)

    def _due(self) -> None:
        self._timer = None
        self.save()

    def now(self) -> None:
        """Save now (quitting), whether or not a change is pending."""
        self.cancel()
        self.save()

    def cancel(self) -> None:
        """Forget the pending save (what was to be saved is gone: saved or discarded)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
