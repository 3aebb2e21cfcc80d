"""Stories and search in the store: the upgrade of a database made by the release
before stories, stories as undoable actions, and FTS5 search kept in step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store import Store, StoreError, open_store
from store.db.seeds import seed_once, seed_story_name

RELEASE_DB = Path(__file__).parent / "data" / "release-0.1.db"
"""Made by reader 0.1 (commit 7045cf6): the seeds, three annotations (a note, a link
between two, one deleted then restored by undo), a new tag, "contradiction" renamed
"conflict", and eight journal entries, one undone."""


@pytest.fixture
def upgraded(tmp_path: Path) -> Store:
    copy = tmp_path / "old.db"
    shutil.copy(RELEASE_DB, copy)
    store = open_store(copy)
    yield store
    store.close()


def test_upgrade_makes_the_seeds_one_story_and_loses_nothing(upgraded: Store) -> None:
    (story,) = upgraded.stories()
    assert story.name == "Sessions recusal, 2 March 2017"
    assert (story.articles, story.annotations) == (5, 3)
    assert upgraded.opened_story() == story
    assert upgraded.story_article_ids(story.id) == [a.id for a in upgraded.articles()]
    notes = [a.note for a in upgraded.find_annotations()]
    assert "Check against CBS" in notes
    (tagged,) = upgraded.find_annotations(tag="quote")
    assert [link.kind for link in upgraded.links_of(tagged.id)] == ["contradicts"]
    assert [t.name for t in upgraded.tags()][:2] == ["quote", "conflict"]
    assert upgraded.tag_with_role("contradiction").name == "conflict"


def test_upgrade_keeps_undo_working(upgraded: Store) -> None:
    assert upgraded.redo() == "delete annotation"
    assert upgraded.undo() == "delete annotation"
    assert upgraded.undo() == "tag question"


def test_upgrade_indexes_the_old_notes_and_texts(upgraded: Store) -> None:
    assert next(hit.field for hit in upgraded.search("CBS")) == "note"
    assert any(hit.field == "text" for hit in upgraded.search("Kislyak"))


def test_seeds_make_their_own_story_on_the_first_run(store: Store) -> None:
    seed_once(store)
    (story,) = store.stories()
    assert story.name == seed_story_name()
    assert store.undo() is None  # setting the library up is not the user's to undo


def test_stories_are_undoable_and_never_delete_articles(seeded: Store) -> None:
    ids = [a.id for a in seeded.articles()]
    story = seeded.create_story("Flynn resigns")
    assert seeded.add_to_story(story.id, [ids[1], ids[2], ids[1]]) == [ids[1], ids[2]]
    assert seeded.add_to_story(story.id, [ids[2]]) == []
    seeded.toggle_tag(ids[1], 0, 10, "quote")
    seeded.rename_story(story.id, "Flynn resigns (Feb)")
    seeded.delete_story(story.id)
    assert [s.name for s in seeded.stories()] == [seed_story_name()]
    assert len(seeded.articles()) == 5 and len(seeded.find_annotations(tag="quote")) == 1
    assert seeded.undo() == "delete story Flynn resigns (Feb)"
    restored = seeded.story(story.id)
    assert (restored.name, restored.articles, restored.annotations) == ("Flynn resigns (Feb)", 2, 1)
    assert seeded.story_article_ids(story.id) == [ids[1], ids[2]]
    seeded.remove_from_story(story.id, ids[1])
    assert seeded.story_article_ids(story.id) == [ids[2]]
    seeds_story = seeded.find_story(seed_story_name())
    assert seeds_story is not None and ids[1] in seeded.story_article_ids(seeds_story.id)


@pytest.mark.parametrize("name", ["", "   ", "sessions RECUSAL, 2 march 2017"])
def test_a_story_needs_a_free_name(seeded: Store, name: str) -> None:
    with pytest.raises(StoreError):
        seeded.create_story(name)


def test_story_names_are_one_clean_line(seeded: Store) -> None:
    story = seeded.create_story("Two\nlines \x1b[31m red")
    assert story.name == "Two lines \ufffd[31m red"


def test_stories_come_most_recently_opened_first(seeded: Store) -> None:
    newer = seeded.create_story("Newer")
    seeded.open_story(newer.id)
    assert [s.name for s in seeded.stories()] == ["Newer", seed_story_name()]
    assert seeded.opened_story() == seeded.story(newer.id)


def test_layout_is_kept_per_story(seeded: Store) -> None:
    story = seeded.stories()[0]
    assert seeded.layout(story.id) == {}
    seeded.save_layout(story.id, {"columns": [3, 1], "focused": 1})
    assert seeded.layout(story.id) == {"columns": [3, 1], "focused": 1}
