"""Nothing typed is lost: notes typed at once, esc and quitting with changes, drafts kept
in the database as they are typed and offered back after a crash.

Keys typed "at once" are posted to the app in one go, as the terminal driver does
when a paste or a fast typist sends them: each is queued before the first is handled.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from store import Store, open_store
from store.db.seeds import seed_once
from store.text.segment import sentence_at
from tests.screen import screen_text
from tui.app import ReaderApp, make_app
from tui.drafts import note_subject, tag_subject
from tui.screens import draft_editor
from tui.screens.dialogs import SaveOrDiscard
from tui.screens.line_editor import LineEditor
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_manager import TagManager

NOTE = "Sessions said he never met Kislyak as a surrogate: check CBS's account of it."


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def at_once(pilot: Pilot[None], *keys: str) -> None:
    """Post every key before the first is handled; one-character strings are typed."""
    for key in keys:
        if len(key) == 1:
            name = {" ": "space", ":": "colon", "'": "apostrophe", ",": "comma"}.get(key, key)
            pilot.app.post_message(events.Key(name if name != "." else "full_stop", key))
        else:
            pilot.app.post_message(events.Key(key, None))
    await settle(pilot)


def notes(store: Store) -> list[str]:
    return [a.note for article in store.articles() for a in store.annotations(article.id)]


def first_sentence_subject(app: ReaderApp) -> str:
    column = app.main.columns[0]
    start, end = sentence_at(column.text, 0)
    return note_subject(column.article.id, start, end)


def editor_text(app: ReaderApp) -> str:
    return app.screen.query_one(TextArea).text


# -- ctrl+s saves every key typed before it ----------------------------------------------


async def test_a_note_typed_at_once_with_ctrl_s_is_saved_whole(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await at_once(pilot, "s", "m", *NOTE, "ctrl+s")
        assert not isinstance(app.screen, NoteEditor)
        assert notes(seeded) == [NOTE], "not an empty note"
        assert seeded.draft(first_sentence_subject(app)) is None


async def test_editing_keys_typed_at_once_are_all_in_the_saved_note(seeded: Store) -> None:
    """Keys the editor takes by a binding (backspace, home) bubble up to the app before
    they act: ctrl+s right behind them still waits for them."""
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await at_once(pilot, "m", *"notes", "backspace", "home", "A", " ", "ctrl+s")
        assert notes(seeded) == ["A note"]


async def test_a_pasted_note_and_ctrl_s_sent_together_are_saved_whole(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        app.post_message(events.Paste(NOTE + "\nsecond line"))
        app.post_message(events.Key("ctrl+s", None))
        await settle(pilot)
        assert notes(seeded) == [NOTE + "\nsecond line"]


# -- esc and quitting ask before losing changes -----------------------------------------


async def test_esc_with_changes_asks_and_each_answer_does_what_it_says(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await at_once(pilot, *"first try", "escape")
        assert isinstance(app.screen, SaveOrDiscard)
        assert "The note has changes not saved." in screen_text(app)
        assert "s save · d discard · esc or k keep editing" in screen_text(app)
        await pilot.press("escape")  # keep editing
        assert isinstance(app.screen, NoteEditor) and editor_text(app) == "first try"
        await pilot.press("escape", "d")  # discard
        assert not isinstance(app.screen, (NoteEditor, SaveOrDiscard))
        assert notes(seeded) == [] and seeded.draft(first_sentence_subject(app)) is None
        await pilot.press("m")
        assert editor_text(app) == "", "a discarded note is not offered again"
        await at_once(pilot, *"second try", "escape")
        await pilot.press("s")  # save
        assert not isinstance(app.screen, (NoteEditor, SaveOrDiscard))
        assert notes(seeded) == ["second try"]
        await pilot.press("m", "escape")
        assert not isinstance(app.screen, (NoteEditor, SaveOrDiscard)), "no change: no question"


async def test_quitting_with_a_note_open_asks_first(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await at_once(pilot, *"quit", "q")
        assert editor_text(app) == "quitq", "q in an editor is a letter"
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, SaveOrDiscard)
        await pilot.press("k")  # keep editing
        assert isinstance(app.screen, NoteEditor) and app.is_running
        await pilot.press("ctrl+q", "s")  # save, then quit
        await settle(pilot)
        assert not app.is_running
    assert notes(store) == ["quitq"]

    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert editor_text(app) == "quitq"
        await at_once(pilot, *" and more")
        await pilot.press("ctrl+q", "d")  # discard, then quit
        await settle(pilot)
        assert not app.is_running
    assert notes(store) == ["quitq"]
    assert store.conn.execute("SELECT count(*) FROM drafts").fetchone() == (0,)
    store.close()


async def test_ctrl_c_in_the_editor_copies_the_selection_and_never_quits(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await at_once(pilot, *"keep this", "shift+left", "shift+left", "shift+left")
        await at_once(pilot, "ctrl+c")
        assert app.clipboard == "his"
        assert "Copied 3 characters." in " ".join(str(n.message) for n in app._notifications)
        await at_once(pilot, "end", "ctrl+c")
        assert app.is_running and isinstance(app.screen, NoteEditor)
        assert "Nothing selected" in " ".join(str(n.message) for n in app._notifications)
        assert editor_text(app) == "keep this"


# -- drafts: kept as typed, offered back ----------------------------------------------------


async def test_a_draft_is_kept_as_it_is_typed_and_offered_back_after_a_crash(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        subject = first_sentence_subject(app)
        await pilot.press("m")
        await at_once(pilot, *"half a thought")
        assert store.draft(subject) is None, "not at every key"
        await pilot.pause(draft_editor.DRAFT_SECONDS + 0.3)
        draft = store.draft(subject)
        assert draft is not None and draft.text == "half a thought"
        await at_once(pilot, *" and more")
        await pilot.pause(draft_editor.DRAFT_SECONDS + 0.3)
        assert store.draft(subject).text == "half a thought and more"  # type: ignore[union-attr]
        # A crash: the app goes with the editor open and nothing answered.
        app.screen.finished = True  # type: ignore[attr-defined]  # (no last-moment write)
    assert notes(store) == []
    store.close()

    store = open_store(path)
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, NoteEditor)
        assert editor_text(app) == "half a thought and more"
        assert "Recovered draft" in screen_text(app)
        await pilot.press("ctrl+s")
        assert notes(store) == ["half a thought and more"]
        assert store.draft(subject) is None, "saving drops the draft"
    store.close()


async def test_a_draft_equal_to_the_saved_note_is_not_offered(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seeded.keep_draft(first_sentence_subject(app), "")
        await pilot.press("m")
        assert "Recovered draft" not in screen_text(app)
        assert seeded.draft(first_sentence_subject(app)) is None


async def test_renaming_a_tag_keeps_a_draft_and_asks_before_losing_it(seeded: Store) -> None:
    quote = seeded.tags()[0]
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("T", "r")
        assert isinstance(app.screen, LineEditor)
        await at_once(pilot, *"s and more")
        assert app.screen.query_one(Input).value == "quotes and more"
        await pilot.pause(draft_editor.DRAFT_SECONDS + 0.3)
        assert seeded.draft(tag_subject(quote.id)).text == "quotes and more"  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(app.screen, SaveOrDiscard)
        await pilot.press("escape")
        assert isinstance(app.screen, LineEditor)
        await pilot.press("enter")
        assert isinstance(app.screen, TagManager)
        assert seeded.tags()[0].name == "quotes and more"
        assert seeded.draft(tag_subject(quote.id)) is None


async def test_a_refused_save_keeps_the_editor_and_the_text(tmp_path: Path) -> None:
    """A full disk: "Not saved", and the note stays in the editor to be saved later."""
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    app = make_app(store)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        app.screen.query_one(TextArea).text = "x" * 200_000
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NoteEditor), "still open"
        assert len(editor_text(app)) == 200_000
        assert "Not saved" in " ".join(str(n.title) for n in app._notifications)
        app.screen.finished = True  # type: ignore[attr-defined]
    store.close()
