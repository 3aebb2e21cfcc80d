"""Screens that edit stored text (a note, a tag's name, an article's metadata): nothing
typed in them is lost.

``DraftEditor`` is their base. What it promises:

- ``ctrl+s`` saves what the editor holds once it has taken every key sent before it,
  however fast they came (a paste included). ``ctrl+s`` is a priority key, run by the
  app as soon as it reads it, while the keys before it may still wait in the text
  widget's queue; so the save is queued behind them (``after_input``).
- ``esc``, and quitting the app (``ReaderApp.action_quit``), with text changed and not
  saved, ask first: save, discard, or keep editing (``dialogs.SaveOrDiscard``).
- The text is kept as a draft in the database about once a second as it is typed
  (``tui.drafts``): a crash or ``kill -9`` loses at most that second, and the next edit
  of the same subject offers the draft back, saying so. Saving or discarding drops it.
- ``ctrl+c`` copies the selection (Textual's convention) and says so; it never quits.

A subclass composes its fields from ``start_text`` (the recovered draft, else the
stored text), shows ``recovered_line()`` when there is one, and reads its text back
in ``text()`` (by default the screen's first ``TextArea``, else its first ``Input``;
several fields can be one string, JSON for instance). Saving goes through the
``save`` callable it is given (a session call): a refusal keeps the editor open with
the text in it and says why; success dismisses the screen with the ``Outcome``.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from tui.drafts import Drafts
from tui.outcome import NOT_SAVED, Outcome
from tui.widgets.autosave import Autosave

DRAFT_SECONDS = 1.0
"""The draft in the database is at most this far behind what is typed."""


class DraftEditor(ModalScreen[Outcome | None]):
    """An editor of stored text that keeps a draft and asks before losing changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "close", "Close", priority=True),
        Binding("ctrl+c", "copy", "Copy", priority=True),
    ]
    what = "text"
    """What is edited, for the questions ("The note has changes...")."""

    def __init__(
        self, drafts: Drafts, subject: str, saved: str, save: Callable[[str], Outcome]
    ) -> None:
        super().__init__()
        self.drafts = drafts
        self.subject = subject
        """What the text is for: the draft's key (``tui.drafts``)."""
        self.saved = saved
        """The text as stored: changes are counted from it."""
        self.save_text = save
        self.recovered = drafts.recover(subject, saved)
        """A draft left by an editor that never saved nor discarded it (a crash)."""
        self.start_text = self.recovered.text if self.recovered else saved
        self._text = self.start_text
        self.finished = False
        """Saved or discarded: nothing more to keep."""
        self._autosave = Autosave(self, DRAFT_SECONDS, self.keep_draft)
        self._said_draft_error = False

    # -- what the editor holds ------------------------------------------------------------

    def read_text(self) -> str:
        """The text in the editor's fields: the first ``TextArea``'s, else the first
        ``Input``'s (a subclass with several fields joins them)."""
        if areas := self.query(TextArea):
            return areas.first().text
        return self.query_one(Input).value

    def text(self) -> str:
        """The text as it is now in the editor (as last read, once its fields are gone)."""
        with suppress(NoMatches):
            self._text = self.read_text()
        return self._text

    @property
    def changed(self) -> bool:
        """Whether the editor holds text that is not the stored text."""
        return not self.finished and self.text() != self.saved

    def recovered_line(self) -> Content:
        """The line saying the text is a recovered draft (empty without one)."""
        if self.recovered is None:
            return Content("")
        try:
            when = datetime.fromisoformat(self.recovered.saved).astimezone()
            at = when.strftime("%H:%M" if when.date() == datetime.now().date() else "%d %b %H:%M")
        except ValueError:
            at = "earlier"
        return Content.styled(
            f"Recovered draft (written {at}, never saved): ctrl+s saves it, "
            "esc asks whether to discard it.",
            "bold $text-warning",
        )

    # -- the draft, kept as the text is typed ------------------------------------------------

    def on_text_area_changed(self) -> None:
        self._autosave.changed()

    def on_input_changed(self) -> None:
        self._autosave.changed()

    def keep_draft(self) -> None:
        """Write the draft now (the stored text again: no draft)."""
        if self.finished:
            return
        text = self.text()
        if text == self.saved:
            error = self.drafts.drop(self.subject)
        else:
            error = self.drafts.keep(self.subject, text)
        if error and not self._said_draft_error:
            self._said_draft_error = True
            self.notify(f"The draft cannot be kept: {error}", severity="warning", markup=False)

    def on_unmount(self) -> None:
        # The app is going without the question having been answered (a signal, an
        # error): keep what there is.
        if not self.finished:
            self._autosave.cancel()
            self.keep_draft()

    # -- keys ------------------------------------------------------------------------------

    def after_input(self, then: Callable[[], None]) -> None:
        """Call ``then`` once every key read before now has been handled.

        A priority key (``ctrl+s``) runs as soon as the app reads it. The keys read
        before it are on their way: the app handed each to the focused widget's queue;
        a character is typed there, another key bubbles up through each ancestor's
        queue to the app, which runs its binding (``backspace``, ``end``). A callback
        sent along the same queues, one after the other, comes after all of them.
        """

        def step(node: DOMNode) -> None:
            if node.parent is None:
                then()
            else:
                node.parent.call_later(step, node.parent)

        start = self.app.focused or self
        start.call_later(step, start)

    def action_save(self) -> None:
        self.after_input(self.save_now)

    def action_close(self) -> None:
        self.after_input(self._close)

    def action_copy(self) -> None:
        self.after_input(self._copy)

    def _copy(self) -> None:
        focused = self.app.focused
        selected = focused.selected_text if isinstance(focused, (TextArea, Input)) else ""
        if selected:
            self.app.copy_to_clipboard(selected)
            self.notify(f"Copied {len(selected)} characters.", markup=False, timeout=2)
        else:
            self.notify(
                "Nothing selected to copy (shift+arrows select). ctrl+s saves, esc closes.",
                markup=False,
                timeout=3,
            )

    def _close(self) -> None:
        if self.changed:
            self.ask()
        else:
            self.discard()

    # -- saving, discarding, asking --------------------------------------------------------

    def save_now(self, then: Callable[[], None] | None = None) -> None:
        """Save the text as it is now; on success close, then ``then``. A refusal (a full
        disk) keeps the editor open with the text, and says why."""
        if self.finished:
            return
        outcome = self.save_text(self.text())
        if outcome.error or outcome.warning:
            title = NOT_SAVED if outcome.error else ""
            severity: SeverityLevel = "error" if outcome.error else "warning"
            message = outcome.error or outcome.warning
            self.notify(message, title=title, severity=severity, markup=False, timeout=8)
            return
        self._finish()
        self.dismiss(outcome)
        if then is not None:
            then()

    def discard(self, then: Callable[[], None] | None = None) -> None:
        """Close without saving; the draft goes too."""
        self._finish()
        self.dismiss(None)
        if then is not None:
            then()

    def _finish(self) -> None:
        self.finished = True
        self._autosave.cancel()
        self.drafts.drop(self.subject)

    def ask(self, then: Callable[[], None] | None = None) -> None:
        """Ask what becomes of the changes: saved, discarded (then ``then``), or kept in
        the editor."""
        from tui.screens.dialogs import SaveOrDiscard

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.save_now(then)
            elif answer == "discard":
                self.discard(then)

        self.keep_draft()
        self.app.push_screen(SaveOrDiscard(f"The {self.what} has changes not saved."), answered)
