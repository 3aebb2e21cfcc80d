"""Every key of the reading surface, once: the bindings, the help screen and README come from here.

Each ``Key`` says where it is bound (``scope``), its Textual key string, its action,
and the help line it is listed on. ``bindings(scope)`` makes the ``BINDINGS`` of the
app, the document view and the compare screen; ``KEYS`` is what the help screen
shows; ``tests/test_docs.py`` checks that README's keys table names every key of
every help line, and that each help line names the keys bound to it. A new key is
one ``Key`` below: bind its action where its scope says, and list it in README.

Dialogs keep their own few keys (``esc`` closes, ``y``/``n``...): each shows them
on its own hint line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, cast

from textual.binding import Binding

Scope = Literal["app", "doc", "compare", "textual", "mouse"]
"""Where a key is bound: ``app`` on the App (it works whichever screen is on top;
non-priority ones not over dialogs), ``doc`` on the focused document view,
``compare`` on the compare screen, ``textual`` by Textual itself (the command
palette), ``mouse`` not a key at all (listed in the help only)."""

GROUPS = ("Move", "Columns", "Select", "Find", "Annotate", "Compare", "App")
"""The help screen's groups, in order."""

HelpLine = tuple[str, str]
"""One line of the help screen: the keys as shown, what they do."""

KeyGroup = tuple[str, tuple[HelpLine, ...]]
"""A group's title and its help lines."""


@dataclass(frozen=True)
class Key:
    """One binding, and where the help screen lists it."""

    id: str
    """The binding's id: keymaps (``App.set_keymap``) rebind keys by it."""
    keys: str
    """Textual's key string: comma-separated key names (``"j,down"``)."""
    action: str
    """The action it runs, with its arguments (``"row(1)"``)."""
    description: str
    """The short label (Textual's footer and keys panel)."""
    scope: Scope
    """Where it is bound (``bindings(scope)``)."""
    group: str
    """The help screen's group (one of ``GROUPS``)."""
    help: HelpLine
    """The help line it is listed on; keys sharing a line share this value."""
    show: bool = False
    """Shown in Textual's footer and keys panel."""
    priority: bool = False
    """Checked before the focused widget (``tab`` must not reach a text input)."""
    prompt: bool = False
    """It opens a prompt or a screen: a priority key (``bind`` makes it one), allowed
    on the main screen only (see ``PROMPT_ACTIONS``)."""
    tooltip: str = ""

    @property
    def action_name(self) -> str:
        """The action without its arguments: ``row`` for ``row(1)``."""
        return self.action.partition("(")[0]

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            tooltip=self.tooltip,
            id=self.id,
        )


def bind(
    id: str,
    keys: str,
    action: str,
    description: str,
    *,
    show: bool = False,
    priority: bool = False,
    prompt: bool = False,
    tooltip: str = "",
    scope: Scope | None = None,
) -> Key:
    """A key, bound where its id's first part says (``doc.down``: the document view)."""
    where = scope or cast("Scope", id.partition(".")[0])
    return Key(
        id=id,
        keys=keys,
        action=action,
        description=description,
        scope=where,
        group="",
        help=("", ""),
        show=show,
        priority=priority or prompt,
        prompt=prompt,
        tooltip=tooltip,
    )


def line(group: str, keys: str, what: str, *entries: Key) -> tuple[Key, ...]:
    """``entries`` listed on one help line of ``group``: ``keys`` as shown, ``what`` they do."""
    return tuple(replace(entry, group=group, help=(keys, what)) for entry in entries)


REGISTRY: tuple[Key, ...] = (
    # -- Move: the document view ------------------------------------------------
    *line(
        "Move",
        "h j k l, arrows",
        "character and row",
        bind("doc.down", "j,down", "row(1)", "Down"),
        bind("doc.up", "k,up", "row(-1)", "Up"),
        bind("doc.left", "h,left", "char(-1)", "Left"),
        bind("doc.right", "l,right", "char(1)", "Right"),
    ),
    *line(
        "Move",
        "w / b",
        "next / previous word",
        bind("doc.word_next", "w", "word(1)", "Word"),
        bind("doc.word_prev", "b", "word(-1)", "Back word"),
    ),
    *line(
        "Move",
        "( / )",
        "previous / next sentence",
        bind("doc.sent_next", "right_parenthesis", "sentence(1)", "Sentence"),
        bind("doc.sent_prev", "left_parenthesis", "sentence(-1)", "Back sentence"),
    ),
    *line(
        "Move",
        "{ / }",
        "previous / next paragraph",
        bind("doc.para_next", "right_curly_bracket", "paragraph(1)", "Paragraph"),
        bind("doc.para_prev", "left_curly_bracket", "paragraph(-1)", "Back paragraph"),
    ),
    *line(
        "Move",
        "g / G, home / end",
        "start / end of the article",
        bind("doc.start", "g,home", "edge(-1)", "Start"),
        bind("doc.end", "G,end", "edge(1)", "End"),
    ),
    *line(
        "Move",
        "pageup pagedown space",
        "a screen up / down",
        bind("doc.page_down", "pagedown,space", "page(1)", "Page down"),
        bind("doc.page_up", "pageup", "page(-1)", "Page up"),
    ),
    *line(
        "Move",
        "ctrl+u / ctrl+d",
        "half a screen up / down",
        bind("doc.half_down", "ctrl+d", "half_page(1)", "Half page down"),
        bind("doc.half_up", "ctrl+u", "half_page(-1)", "Half page up"),
    ),
    # -- Columns: the app ---------------------------------------------------------
    *line(
        "Columns",
        "tab / shift+tab",
        "focus the next / previous column",
        bind("app.next_column", "tab", "focus_column(1)", "Next column", show=True, priority=True),
        bind(
            "app.prev_column",
            "shift+tab",
            "focus_column(-1)",
            "Previous column",
            show=True,
            priority=True,
        ),
    ),
    *line(
        "Columns",
        "o",
        "choose the article shown in this column",
        bind("app.choose_article", "o", "choose_article", "Open", show=True, prompt=True),
    ),
    *line(
        "Columns",
        "< / >",
        "move this column left / right",
        bind("app.move_left", "less_than_sign", "move_column(-1)", "Move left"),
        bind("app.move_right", "greater_than_sign", "move_column(1)", "Move right"),
    ),
    *line(
        "Columns",
        "z",
        "zoom this column to full width and back",
        bind("app.zoom", "z", "zoom", "Zoom", show=True),
    ),
    *line(
        "Columns",
        "S",
        "scroll all columns together, or apart",
        bind("app.sync", "S", "toggle_sync", "Sync scroll"),
    ),
    # -- Select: the document view ------------------------------------------------
    *line(
        "Select",
        "v",
        "start a selection that motions extend (v or esc ends it)",
        bind(
            "doc.select",
            "v",
            "toggle_select",
            "Select",
            show=True,
            tooltip="Start or end a selection",
        ),
        bind("doc.clear", "escape", "clear_selection", "Clear"),
    ),
    *line(
        "Select",
        "s / p",
        "select the sentence / paragraph under the cursor",
        bind("doc.select_sentence", "s", "select_sentence", "Sentence", show=True),
        bind("doc.select_paragraph", "p", "select_paragraph", "Paragraph", show=True),
    ),
    *line(
        "Select",
        "shift+arrows",
        "extend the selection",
        bind("doc.extend_down", "shift+down", "row(1, True)", "Extend down"),
        bind("doc.extend_up", "shift+up", "row(-1, True)", "Extend up"),
        bind("doc.extend_left", "shift+left", "char(-1, True)", "Extend left"),
        bind("doc.extend_right", "shift+right", "char(1, True)", "Extend right"),
    ),
    *line(
        "Select",
        "mouse",
        "click places the cursor, drag selects, wheel scrolls",
        bind("doc.mouse", "", "", "Mouse", scope="mouse"),
    ),
    *line("Select", "y", "copy the selection", bind("doc.copy", "y", "copy", "Copy", show=True)),
    # -- Find ---------------------------------------------------------------------
    *line(
        "Find",
        "/",
        "search this article",
        bind("app.search", "slash", "search", "Search", show=True, prompt=True),
    ),
    *line(
        "Find",
        "n / N",
        "next / previous match",
        bind("doc.next_match", "n", "next_match(1)", "Next match"),
        bind("doc.prev_match", "N", "next_match(-1)", "Previous match"),
    ),
    # -- Annotate: the app --------------------------------------------------------
    *line(
        "Annotate",
        "1 … 9",
        "tag the selection or sentence (again removes the tag)",
        *(bind(f"app.tag{d}", str(d), f"tag({d})", f"Tag {d}") for d in range(1, 10)),
    ),
    *line(
        "Annotate",
        "t / T",
        "pick tags / manage tags",
        bind("app.pick_tags", "t", "pick_tags", "Tags", show=True, prompt=True),
        bind("app.manage_tags", "T", "manage_tags", "Manage tags", prompt=True),
    ),
    *line(
        "Annotate",
        "m",
        "note of the annotation under the cursor",
        bind("app.note", "m", "note", "Note", show=True, prompt=True),
    ),
    *line(
        "Annotate",
        "L",
        "link two passages: L, select the other, L; esc cancels",
        bind("app.link", "L", "link", "Link", show=True),
        bind("app.cancel_link", "escape", "cancel_link", "Cancel link"),
    ),
    *line(
        "Annotate",
        "enter",
        "follow the link under the cursor",
        bind("app.follow", "enter", "follow_link", "Follow link"),
    ),
    *line(
        "Annotate",
        "x",
        "delete the annotation under the cursor",
        bind("app.delete", "x", "delete", "Delete"),
    ),
    *line(
        "Annotate",
        "A",
        "every annotation: filter, jump, delete",
        bind("app.list", "A", "list_annotations", "Annotations", show=True, prompt=True),
    ),
    *line(
        "Annotate",
        "u / ctrl+r",
        "undo / redo",
        bind("app.undo", "u", "undo", "Undo", show=True),
        bind("app.redo", "ctrl+r", "redo", "Redo"),
    ),
    *line(
        "Annotate",
        "E",
        "export (.md, .json or .csv)",
        bind("app.export", "E", "export", "Export", prompt=True),
    ),
    # -- Compare --------------------------------------------------------------------
    *line(
        "Compare",
        "C",
        "quotations across articles; discrepancies",
        bind("app.compare", "C", "compare", "Compare", prompt=True),
    ),
    *line(
        "Compare",
        "enter / a / d",
        "there: side by side / accept / dismiss",
        bind("compare.show", "enter", "show", "Show side by side", show=True, priority=True),
        bind("compare.accept", "a", "accept", "Accept", show=True),
        bind("compare.dismiss", "d", "dismiss_suggestion", "Dismiss", show=True),
    ),
    # -- App ------------------------------------------------------------------------
    *line("App", "?", "this help", bind("app.help", "question_mark", "help", "Keys", show=True)),
    *line(
        "App",
        "ctrl+p",
        "command palette",
        bind("app.command_palette", "ctrl+p", "command_palette", "Commands", scope="textual"),
    ),
    *line("App", "q", "quit", bind("app.quit", "q", "quit", "Quit", show=True)),
)
"""Every key, in the order the help screen lists them."""


def key(id: str) -> Key:
    """The registry's entry ``id``."""
    return next(entry for entry in REGISTRY if entry.id == id)


def bindings(scope: Scope) -> list[Binding]:
    """The ``BINDINGS`` of the app, the document view or the compare screen."""
    return [entry.binding() for entry in REGISTRY if entry.scope == scope]


def help_groups(registry: tuple[Key, ...] = REGISTRY) -> tuple[KeyGroup, ...]:
    """The help screen: each group's lines, each line once, in registry order."""
    groups: list[KeyGroup] = []
    for title in GROUPS:
        lines: list[HelpLine] = []
        for entry in registry:
            if entry.group == title and entry.help not in lines:
                lines.append(entry.help)
        groups.append((title, tuple(lines)))
    return tuple(groups)


KEYS: tuple[KeyGroup, ...] = help_groups()
"""The keys, grouped as the help screen shows them (README lists the same)."""

PROMPT_ACTIONS = frozenset(entry.action_name for entry in REGISTRY if entry.prompt)
"""Actions that open a prompt or a screen. Their keys are priority bindings: the app
runs them before it hands on the keys typed straight after, which then land in the
prompt ("mfix this" typed fast is a note, not an "x" that deletes). The app's
``check_action`` keeps them to the main screen and away from text inputs, which
have these letters too."""
