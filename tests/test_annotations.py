"""The annotation store: every change, its undo and redo, the journal across restarts,
clear refusals, and the span index the views draw from."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import Annotation, SpanIndex, Store, StoreError, open_store
from store.db.seeds import seed_once


def article(store: Store) -> tuple[int, str]:
    first = store.articles()[0]
    return first.id, store.article_text(first.id)


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row a user action can change, to compare whole states."""
    return {
        table: sorted(store.conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in ("annotations", "annotation_tags", "links", "tags")
    }


def test_create_keeps_the_passage_and_its_context(seeded: Store) -> None:
    article_id, text = article(seeded)
    made = seeded.create_annotation(article_id, 40, 60, tags=["quote", "claim"], note="n")
    assert made.exact == text[40:60]
    assert made.prefix == text[8:40] and made.suffix == text[60:92]
    assert made.tags == ("quote", "claim") and made.note == "n"
    assert seeded.annotations(article_id) == [made]


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (0, 10**9)])
def test_an_empty_or_outside_passage_is_refused(seeded: Store, start: int, end: int) -> None:
    article_id, _ = article(seeded)
    with pytest.raises(StoreError, match="nothing selected"):
        seeded.create_annotation(article_id, start, end)
    assert seeded.annotations(article_id) == []


def test_toggle_adds_then_removes_and_a_bare_annotation_goes(seeded: Store) -> None:
    article_id, _ = article(seeded)
    first = seeded.toggle_tag(article_id, 0, 10, "quote")
    assert first is not None and first.tags == ("quote",)
    both = seeded.toggle_tag(article_id, 0, 10, "claim")
    assert both is not None and both.id == first.id and both.tags == ("quote", "claim")
    one = seeded.toggle_tag(article_id, 0, 10, "quote")
    assert one is not None and one.tags == ("claim",)
    assert seeded.toggle_tag(article_id, 0, 10, "claim") is None
    assert seeded.annotations(article_id) == []


def test_toggle_keeps_an_annotation_with_a_note(seeded: Store) -> None:
    article_id, _ = article(seeded)
    made = seeded.create_annotation(article_id, 0, 10, note="keep me")
    seeded.toggle_tag(article_id, 0, 10, "quote")
    kept = seeded.toggle_tag(article_id, 0, 10, "quote")
    assert kept is not None and kept.id == made.id and kept.tags == ()


def test_notes_are_stored_verbatim(seeded: Store) -> None:
    article_id, _ = article(seeded)
    note = "[bold]x[/] [@click=app.quit] \x1b[2J \x00 émoji 🎉\nline two"
    made = seeded.create_annotation(article_id, 0, 5)
    assert seeded.set_note(made.id, note).note == note


def test_links_join_two_passages_and_refuse_bad_ones(seeded: Store) -> None:
    (a, _), (b, _) = [(x.id, None) for x in seeded.articles()[:2]]
    link, ends = seeded.link_passages((a, 0, 10), (b, 5, 20), "same-quote", "both say it")
    assert [(e.article_id, e.start, e.end) for e in ends] == [(a, 0, 10), (b, 5, 20)]
    assert seeded.links_of(ends[0].id) == [link] == seeded.links_of(ends[1].id)
    assert seeded.linked_annotation_ids(a) == {ends[0].id}
    with pytest.raises(StoreError, match="not 'rebuts'"):
        seeded.link_passages((a, 0, 10), (b, 5, 20), "rebuts")
    with pytest.raises(StoreError, match="itself"):
        seeded.link_passages((a, 0, 10), (a, 0, 10), "other")
    # Linking an annotated passage reuses its annotation.
    again, ends2 = seeded.link_passages((a, 0, 10), (b, 30, 40), "contradicts")
    assert ends2[0].id == ends[0].id and len(seeded.links_of(ends[0].id)) == 2
    assert again.kind == "contradicts"


def test_tag_management(seeded: Store) -> None:
    article_id, _ = article(seeded)
    made = seeded.create_annotation(article_id, 0, 10, tags=["quote", "claim"])
    seeded.rename_tag("quote", "quotation")
    assert seeded.annotation(made.id).tags == ("quotation", "claim")
    assert seeded.recolour_tag("claim", "#123456").colour == "#123456"
    with pytest.raises(StoreError, match="#rrggbb"):
        seeded.recolour_tag("claim", "red")
    with pytest.raises(StoreError, match="already"):
        seeded.rename_tag("claim", "Question")
    with pytest.raises(StoreError, match="taken by the tag question"):
        seeded.set_tag_key("claim", 4)
    assert seeded.set_tag_key("claim", None).key is None
    seeded.merge_tags("quotation", "claim")
    assert seeded.annotation(made.id).tags == ("claim",)
    assert "quotation" not in {t.name for t in seeded.tags()}
    assert seeded.tag_usage("claim") == 1
    seeded.delete_tag("claim")
    assert seeded.annotation(made.id).tags == ()
    new = seeded.create_tag("timeline", "#00ff00", key=9)
    assert (new.name, new.key) == ("timeline", 9)
    with pytest.raises(StoreError, match="no tag named"):
        seeded.delete_tag("nope")


Action = Callable[[Store, int, int, Annotation, Annotation], object]

ACTIONS: dict[str, Action] = {
    "create": lambda s, a, b, x, y: s.create_annotation(a, 100, 120, tags=["quote"]),
    "toggle on": lambda s, a, b, x, y: s.toggle_tag(a, x.start, x.end, "question"),
    "toggle off": lambda s, a, b, x, y: s.toggle_tag(a, x.start, x.end, "quote"),
    "toggle away": lambda s, a, b, x, y: s.toggle_tag(b, y.start, y.end, "claim"),
    "set tags": lambda s, a, b, x, y: s.set_tags(x.id, ["claim", "attribution"]),
    "note": lambda s, a, b, x, y: s.set_note(x.id, "changed"),
    "delete with tags and links": lambda s, a, b, x, y: s.delete_annotation(x.id),
    "link": lambda s, a, b, x, y: s.add_link(y.id, x.id, "corroborates"),
    "link passages": lambda s, a, b, x, y: s.link_passages((a, 1, 4), (b, 2, 6), "other"),
    "delete link": lambda s, a, b, x, y: s.delete_link(s.links_of(x.id)[0].id),
    "rename tag": lambda s, a, b, x, y: s.rename_tag("quote", "q"),
    "recolour tag": lambda s, a, b, x, y: s.recolour_tag("quote", "#000000"),
    "key tag": lambda s, a, b, x, y: s.set_tag_key("quote", None),
    "merge tags": lambda s, a, b, x, y: s.merge_tags("quote", "claim"),
    "delete tag": lambda s, a, b, x, y: s.delete_tag("quote"),
    "new tag": lambda s, a, b, x, y: s.create_tag("new", "#abcdef", 7),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_every_action_undoes_and_redoes_exactly(seeded: Store, name: str) -> None:
    a, b = (x.id for x in seeded.articles()[:2])
    x = seeded.create_annotation(a, 0, 30, tags=["quote", "contradiction"], note="n")
    y = seeded.create_annotation(b, 10, 40, tags=["claim"])
    seeded.add_link(x.id, y.id, "contradicts")
    before = dump(seeded)
    ACTIONS[name](seeded, a, b, x, y)
    after = dump(seeded)
    assert after != before
    assert seeded.undo() is not None
    assert dump(seeded) == before
    assert seeded.redo() is not None
    assert dump(seeded) == after


def test_a_new_action_after_undo_drops_the_redo(seeded: Store) -> None:
    article_id, _ = article(seeded)
    seeded.toggle_tag(article_id, 0, 5, "quote")
    assert seeded.undo() == "tag quote"
    seeded.toggle_tag(article_id, 0, 5, "claim")
    assert seeded.redo() is None
    assert seeded.undo() == "tag claim"
    assert seeded.undo() is None


def test_undo_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    article_id, _ = article(store)
    store.toggle_tag(article_id, 0, 5, "quote")
    store.close()
    store = open_store(path)
    assert store.undo() == "tag quote"
    assert store.annotations(article_id) == []
    store.close()
    store = open_store(path)
    assert store.redo() == "tag quote"
    assert [a.tags for a in store.annotations(article_id)] == [("quote",)]
    store.close()


def test_a_full_database_refuses_the_change_and_keeps_the_old_state(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    article_id, _ = article(store)
    store.toggle_tag(article_id, 0, 5, "quote")
    before = dump(store)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="full"):
        store.create_annotation(article_id, 10, 20, note="x" * 500_000)
    assert dump(store) == before
    assert not store.conn.in_transaction
    store.close()


def test_a_read_only_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    store = open_store(path)
    seed_once(store)
    store.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    readonly = Store(conn, str(path))
    article_id, _ = article(readonly)
    with pytest.raises(StoreError, match="cannot be written"):
        readonly.toggle_tag(article_id, 0, 5, "quote")
    conn.close()


def make(start: int, end: int, n: int) -> Annotation:
    return Annotation(f"a{n}", 1, start, end, "", "", "", "", "", "")


spans = st.lists(
    st.tuples(st.integers(0, 3000), st.one_of(st.integers(1, 60), st.integers(1000, 6000))).map(
        lambda p: (p[0], p[0] + p[1])
    ),
    max_size=60,
)
"""Short spans, and long ones (past the index's short class: a chapter-long highlight)."""


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(0, 9000), st.integers(1, 40), st.data())
def test_span_index_finds_exactly_the_overlapping_annotations(
    ranges: list[tuple[int, int]], start: int, length: int, data: st.DataObject
) -> None:
    annotations = [make(s, e, n) for n, (s, e) in enumerate(ranges)]
    index = SpanIndex(annotations[: len(annotations) // 2])
    for annotation in annotations[len(annotations) // 2 :]:
        index.add(annotation)
    gone = data.draw(
        st.sets(st.sampled_from([a.id for a in annotations]) if annotations else st.nothing())
    )
    for annotation_id in gone:
        index.discard(annotation_id)
    end = start + length
    expected = {a.id for a in annotations if a.id not in gone and a.start < end and a.end > start}
    found = index.overlapping(start, end)
    assert {a.id for a in found} == expected
    assert found == sorted(found, key=lambda a: (a.start, a.end, a.id))
    assert len(index) == len(annotations) - len(gone)
