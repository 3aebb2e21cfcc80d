"""Text fields that take every key in the order it was typed.

Textual inserts a typed character in the focused ``TextArea`` or ``Input`` as soon as
the field reads the key, but runs the field's key bindings (``backspace``, ``home``,
``ctrl+k``) only once the key has bubbled up to the app, through the queues of every
ancestor: by then the characters typed after it are in. "ab", backspace, "X" typed
at once (a fast typist, a paste without bracketing) gave "ab", not "aX". These fields
run their own bindings as they read the key, so the keys act in the order typed.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run ``widget``'s own (non-priority) binding of the key now; whether one ran.
    Priority bindings were tried by the app before it handed the key on."""
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class InOrderTextArea(TextArea):
    """A ``TextArea`` whose keys act in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if not event._stop_propagation:  # not a character it inserted
            await run_own_binding(self, event)


class InOrderInput(Input):
    """An ``Input`` whose keys act in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if not event._stop_propagation:
            await run_own_binding(self, event)
