"""``Store.search``: FTS5 over texts, titles, outlets, notes and tag names, in step."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, StoreError


def words(hit_snippet: str, marks: tuple[tuple[int, int], ...]) -> list[str]:
    return [hit_snippet[a:b] for a, b in marks]


def test_a_hit_says_where_and_marks_the_words(seeded: Store) -> None:
    hits = seeded.search("Kislyak")
    assert {hit.article_id for hit in hits} == {a.id for a in seeded.articles()}
    for hit in hits:
        assert hit.field == "text"
        assert seeded.article_text(hit.article_id)[hit.start : hit.end] == "Kislyak"
        assert words(hit.snippet, hit.marks)[0] == "Kislyak"
        assert "\n" not in hit.snippet


def test_phrases_prefixes_and_operators(seeded: Store) -> None:
    phrase = seeded.search('"attorney general"')
    assert phrase and all(
        seeded.article_text(h.article_id)[h.start : h.end].lower() == "attorney general"
        for h in phrase
    )
    prefix = seeded.search("recus*")
    assert len(prefix) == 5
    assert all(words(h.snippet, h.marks)[0].lower().startswith("recus") for h in prefix)
    assert len(seeded.search("Kislyak NOT Kislyak")) == 0
    assert len(seeded.search("Kislyak OR Franken")) == 5


def test_a_title_match_ranks_first(seeded: Store) -> None:
    hits = seeded.search("recuses")
    titled = [a.id for a in seeded.articles() if "Recuses" in a.title or "recuses" in a.title]
    assert hits[0].article_id in titled


def test_diacritics_and_case_do_not_count(store: Store) -> None:
    article_id, _ = store.add_article("Jürgen Müller said so.", title="Bonn")
    (hit,) = store.search("muller")
    assert (hit.article_id, hit.start, hit.end) == (article_id, 7, 13)


def test_a_note_is_found_at_once_and_follows_its_edits(seeded: Store) -> None:
    annotation = seeded.toggle_tag(1, 0, 20, "quote")
    assert annotation is not None
    seeded.set_note(annotation.id, "check the transcript")
    (hit,) = seeded.search("transcript")
    assert (hit.field, hit.annotation_id, hit.start, hit.end) == ("note", annotation.id, 0, 20)
    seeded.set_note(annotation.id, "verified by phone")
    assert seeded.search("transcript") == []
    assert [h.annotation_id for h in seeded.search("phone")] == [annotation.id]
    seeded.delete_annotation(annotation.id)
    assert seeded.search("phone") == []
    seeded.undo()
    assert [h.annotation_id for h in seeded.search("phone")] == [annotation.id]


def test_tag_names_are_found_and_follow_a_rename(seeded: Store) -> None:
    annotation = seeded.toggle_tag(2, 5, 30, "claim")
    assert annotation is not None
    assert [h.annotation_id for h in seeded.search("claim") if h.field == "tags"] == [annotation.id]
    seeded.rename_tag("claim", "assertion")
    assert [h.field for h in seeded.search("assertion")] == ["tags"]
    assert not [h for h in seeded.search("claim") if h.annotation_id]


def test_search_in_one_story(seeded: Store) -> None:
    story = seeded.create_story("Only CBS")
    seeded.add_to_story(story.id, [2])
    assert [h.article_id for h in seeded.search("Kislyak", story.id)] == [2]


@pytest.mark.parametrize("query", ['"unclosed', "AND OR (", "title:("])
def test_a_query_fts5_cannot_read_is_a_clear_error(seeded: Store, query: str) -> None:
    with pytest.raises(StoreError, match="cannot search for"):
        seeded.search(query)


def test_punctuation_typed_as_words_still_finds(seeded: Store) -> None:
    assert seeded.search("U.S. Sessions'")
    assert seeded.search("   ") == []


def test_imported_notes_are_found_and_undoing_the_import_forgets_them(
    seeded: Store, tmp_path: Path
) -> None:
    from store.formats.export import export
    from store.formats.importing import import_json

    annotation = seeded.toggle_tag(1, 0, 20, "quote")
    assert annotation is not None
    seeded.set_note(annotation.id, "imported transcript note")
    with (tmp_path / "out.json").open("w", encoding="utf-8") as out:
        export(seeded, "json", out)
    seeded.delete_annotation(annotation.id)
    assert seeded.search("transcript") == []
    report = import_json(seeded, tmp_path / "out.json")
    assert report.added == 1
    assert [h.annotation_id for h in seeded.search("transcript")] == [annotation.id]
    seeded.undo()
    assert seeded.search("transcript") == []
    assert "note_search_new" in {
        row[0]
        for row in seeded.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }


def test_search_recovers_when_the_index_and_the_notes_disagree(seeded: Store) -> None:
    """As after a VACUUM that renumbered the annotations' rows, which the index keys on."""
    one = seeded.create_annotation(1, 0, 3, note="alpha")
    two = seeded.create_annotation(1, 4, 7, note="beta")
    rowids = dict(seeded.conn.execute("SELECT id, rowid FROM annotations"))
    with seeded.transaction() as conn:
        conn.execute("INSERT INTO note_search (note_search) VALUES ('delete-all')")
        conn.executemany(
            "INSERT INTO note_search (rowid, note) VALUES (?, ?)",
            [(rowids[one.id], "beta"), (rowids[two.id], "alpha"), (99999, "gamma")],
        )
    assert [h.annotation_id for h in seeded.search("beta")] == [two.id]
    assert [h.annotation_id for h in seeded.search("alpha")] == [one.id]
    assert seeded.search("gamma") == []
