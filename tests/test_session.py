"""The annotating session's rules, without a terminal: what each change does to the
store and the marks, and what it says (``tui.session``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import Store
from store.text.segment import sentence_at
from tui.outcome import Outcome, Passage, Place
from tui.session import NOTHING_TO_MARK, Session

TEXT = "Sessions said no. He met Kislyak twice.\n\nA second paragraph."


@pytest.fixture
def article(store: Store) -> int:
    article_id, _ = store.add_article(TEXT, title="Test", outlet="Test outlet")
    return article_id


@pytest.fixture
def session(store: Store, article: int) -> Iterator[Session]:
    yield Session(store)


def at(article: int, cursor: int, selection: tuple[int, int] | None = None) -> Place:
    return Place(article, TEXT, cursor, selection)


def tags_in_store(store: Store, article: int) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(a.start, a.end, a.tags) for a in store.annotations(article)]


def read_only(store: Store) -> None:
    store.conn.execute("PRAGMA query_only = ON")


# -- tags ---------------------------------------------------------------------------


def test_a_digit_tags_the_sentence_under_the_cursor_and_again_removes_it(
    session: Session, store: Store, article: int
) -> None:
    start, end = sentence_at(TEXT, 3)
    tagged = session.toggle_tag(at(article, 3), 1)
    assert tagged.notice == "Tagged quote." and tagged.ok
    assert tags_in_store(store, article) == [(start, end, ("quote",))]
    assert tagged.redraw == {article: [(start, end)]}
    assert session.marks_for(article).at(3) is not None
    removed = session.toggle_tag(at(article, 5), 1)
    assert removed.notice == "Removed quote."
    assert tags_in_store(store, article) == []
    assert removed.redraw == {article: [(start, end)]}
    assert session.marks_for(article).at(3) is None


def test_a_digit_tags_the_selection_rather_than_the_sentence(
    session: Session, store: Store, article: int
) -> None:
    outcome = session.toggle_tag(at(article, 12, selection=(0, 8)), 2)
    assert outcome.notice == "Tagged contradiction."
    assert tags_in_store(store, article) == [(0, 8, ("contradiction",))]
    # A second tag on the same passage: one annotation, two tags.
    session.toggle_tag(at(article, 12, selection=(0, 8)), 3)
    assert tags_in_store(store, article) == [(0, 8, ("contradiction", "claim"))]


def test_nothing_to_mark_on_a_blank_line_and_no_tag_on_an_unused_digit(
    session: Session, store: Store, article: int
) -> None:
    blank = TEXT.index("\n\n") + 1
    assert session.toggle_tag(at(article, blank), 1) == Outcome(warning=NOTHING_TO_MARK)
    unused = session.toggle_tag(at(article, 0), 9)
    assert unused.warning == "No tag on key 9: press T to give a tag that key."
    assert not unused.ok and not unused.redraw
    assert session.toggle_tag(None, 1) == Outcome(), "no column: nothing to say"
    assert tags_in_store(store, article) == []


def test_set_tags_annotates_the_passage_or_changes_its_tags(
    session: Session, store: Store, article: int
) -> None:
    target = session.tags_target(at(article, 0, selection=(0, 8)))
    assert not isinstance(target, Outcome)
    passage, existing = target
    assert passage == Passage(article, 0, 8, "Sessions") and existing is None
    assert session.set_tags(passage, None, ["quote", "claim"]).notice == "Tags: quote, claim."
    target = session.tags_target(at(article, 0, selection=(0, 8)))
    assert not isinstance(target, Outcome) and target[1] is not None
    assert session.set_tags(passage, target[1], []).notice == "Tags: none."
    assert tags_in_store(store, article) == [(0, 8, ())]


def test_a_new_tag_takes_the_colour_and_key_answered(session: Session, store: Store) -> None:
    assert session.new_tag_answer() == "#06b6d4 6"
    outcome, tag = session.create_tag_from("timeline", "#123456 7")
    assert outcome.reload and tag is not None
    assert (tag.name, tag.colour, tag.key) == ("timeline", "#123456", 7)
    outcome, tag = session.create_tag_from("timeline", "")
    assert tag is None and outcome.error, "the name is taken"


def test_the_tag_managers_changes_say_what_they_did(session: Session, store: Store) -> None:
    assert session.rename_tag("quote", "citation") == Outcome(
        notice="Renamed to citation.", reload=True
    )
    assert session.set_tag_key("citation", "") == Outcome(notice="Key changed.", reload=True)
    assert {tag.name: tag.key for tag in store.tags()}["citation"] is None
    assert "a digit from 1 to 9" in session.set_tag_key("citation", "x").error
    assert session.merge_tags("citation", "claim").notice == "Merged citation into claim."
    assert session.delete_tag("claim").notice == "Deleted claim."
    assert session.create_tag("new", "#abcdef", "8").notice == "Created new."


# -- notes, delete, undo, redo ----------------------------------------------------------


def test_a_note_goes_on_the_annotation_under_the_cursor(
    session: Session, store: Store, article: int
) -> None:
    session.toggle_tag(at(article, 0, selection=(0, 8)), 1)
    target = session.note_target(at(article, 3))
    assert not isinstance(target, Outcome)
    passage, existing = target
    assert (passage.start, passage.end, passage.text) == (0, 8, "Sessions")
    assert existing is not None
    assert session.write_note(passage, existing, "[bold]x[/]").notice == "Note saved."
    assert store.annotation(existing.id).note == "[bold]x[/]"
    assert session.write_note(passage, store.annotation(existing.id), "[bold]x[/]") == Outcome()


def test_delete_then_undo_and_redo_say_what_they_did(
    session: Session, store: Store, article: int
) -> None:
    assert session.delete_under_cursor(at(article, 0)) == Outcome(
        warning="No annotation under the cursor."
    )
    session.toggle_tag(at(article, 0), 1)
    deleted = session.delete_under_cursor(at(article, 0))
    assert deleted.notice == "Annotation deleted (u undoes)."
    assert tags_in_store(store, article) == []
    undone = session.undo()
    assert undone.notice.startswith("Undid: ") and undone.reload
    assert len(tags_in_store(store, article)) == 1
    assert session.redo().notice.startswith("Redid: ")
    assert tags_in_store(store, article) == []
    session.undo(), session.undo()
    assert session.undo() == Outcome(warning="Nothing to undo.", timeout=2)
    session.redo(), session.redo()
    assert session.redo() == Outcome(warning="Nothing to redo.", timeout=2)


def test_reload_reads_the_marks_of_every_article_shown_again(
    session: Session, store: Store, article: int
) -> None:
    before = session.marks_for(article)
    store.create_annotation(article, 0, 8, tags=["quote"])
    assert before.at(0) is None
    assert session.reload() == [article]
    assert session.marks_for(article) is not before
    assert session.marks_for(article).at(0) is not None


# -- links ------------------------------------------------------------------------------


def test_L_starts_a_link_L_on_the_same_passage_cancels_it(session: Session, article: int) -> None:
    started = session.link(at(article, 0))
    assert isinstance(started, Outcome) and started.notice.startswith("Linking from this passage")
    assert started.status and not started.info, "the status line says it, not a pop-up"
    assert session.link_source is not None
    assert session.detail(article, 0).linking
    cancelled = session.link(at(article, 3))
    assert cancelled == Outcome(notice="Link cancelled.", status=True)
    assert session.link_source is None


def test_esc_cancels_a_link_being_made(session: Session, article: int) -> None:
    assert session.cancel_link() == Outcome(), "nothing to cancel"
    session.link(at(article, 0))
    assert session.cancel_link() == Outcome(notice="Link cancelled.", status=True)
    assert session.link_source is None and not session.detail(article, 0).linking


def test_L_on_another_passage_then_a_kind_links_them_and_enter_follows(
    session: Session, store: Store, article: int
) -> None:
    other, _ = store.add_article("Another text. It says so.", title="Other")
    session.link(at(article, 0))
    second = session.link(Place(other, "Another text. It says so.", 0, (0, 7)))
    assert not isinstance(second, Outcome)
    source, target = second
    assert (source.text, target.text) == ("Sessions said no.", "Another")
    finished = session.finish_link(source, target, "contradicts", "a note")
    assert finished.notice == "Linked: contradicts."
    assert finished.redraw == {article: None, other: None}
    assert session.link_source is None
    detail = session.detail(article, 0)
    assert detail.annotation is not None and [link.kind for link in detail.links] == ["contradicts"]
    followed = session.follow_link(at(article, 0))
    assert not isinstance(followed, Outcome)
    assert (followed.article_id, followed.start, followed.end) == (other, 0, 7)
    assert session.follow_link(at(article, TEXT.index("second"))) == Outcome()


def test_enter_on_a_passage_without_a_link_warns(session: Session, article: int) -> None:
    session.toggle_tag(at(article, 0), 1)
    assert session.follow_link(at(article, 0)) == Outcome(
        warning="This passage has no link (L makes one)."
    )


# -- the store refuses ------------------------------------------------------------------


def test_a_refused_change_is_not_saved_and_changes_no_mark(
    session: Session, store: Store, article: int
) -> None:
    session.toggle_tag(at(article, 0), 1)
    read_only(store)
    for outcome in (
        session.toggle_tag(at(article, 0), 2),
        session.toggle_tag(at(article, TEXT.index("second")), 1),
        session.delete_under_cursor(at(article, 0)),
        session.undo(),
        session.rename_tag("quote", "citation"),
    ):
        assert outcome.error and not outcome.ok, outcome
        assert not outcome.redraw and not outcome.reload and not outcome.notice
    mark = session.marks_for(article).at(0)
    assert mark is not None and mark.tags == ("quote",)
    source = session.link(at(article, 0))
    assert isinstance(source, Outcome) and source.notice
    pair = session.link(at(article, TEXT.index("second")))
    assert not isinstance(pair, Outcome)
    assert session.finish_link(*pair, "contradicts", "").error
    assert session.link_source is not None, "still linking: the link was not made"
