"""Article versions in the store: a new version carries the annotations over (tags,
notes and links with them) or lists them as orphans, in one undoable action;
orphans placed by hand or left; files and documents from a known source become
versions; the library, stories and search see the current version; the upgrade."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from store import Store, StoreError, open_store
from store.db.migrations import migrations
from store.formats.importing import import_json
from store.ingest.files import Document

QUOTE = "Sessions bowed to intense political pressure and recused himself"
HONEST = "Jeff Sessions is an honest man"


def _edited(text: str) -> str:
    return "UPDATE: Sessions spoke again on Friday.\n\n" + text.replace(
        "bowed to intense", "bowed to heavy"
    ).replace(HONEST + ". ", "")


@pytest.fixture
def annotated(seeded: Store) -> tuple[Store, int, str, str, str]:
    """The seeds; on CNN's, a tagged quote with a note linked to CBS, and a claim."""
    text = seeded.article_text(1)
    quote = seeded.create_annotation(1, text.index(QUOTE), text.index(QUOTE) + len(QUOTE),
                                     ["quote"], "check this")  # fmt: skip
    honest = seeded.create_annotation(1, text.index(HONEST), text.index(HONEST) + len(HONEST),
                                      ["claim"])  # fmt: skip
    other = seeded.create_annotation(2, 0, 20)
    seeded.add_link(quote.id, other.id, "contradicts")
    return seeded, 1, quote.id, honest.id, other.id


def test_a_new_version_moves_annotations_and_orphans_the_removed(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, quote, honest, other = annotated
    report = store.add_version(article, _edited(store.article_text(article)))
    assert report.summary() == "new version of #1: 1 annotation moved, 1 orphaned"
    moved = store.annotation(quote)
    assert moved.article_id == report.version != article
    assert moved.exact == QUOTE.replace("intense", "heavy")
    assert store.article_text(report.version)[moved.start : moved.end] == moved.exact
    assert (moved.tags, moved.note) == (("quote",), "check this")
    assert [link.target_id for link in store.links_of(quote)] == [other]
    (orphan,) = store.orphans()
    assert orphan.annotation.id == honest and orphan.annotation.article_id == article
    assert orphan.annotation.tags == ("claim",) and orphan.version.label == "v1 of 2"
    assert orphan.current == report.version and not orphan.kept
    # The old version's text is kept as it was: the orphan points into it.
    assert store.article_text(article)[orphan.annotation.start : orphan.annotation.end] == HONEST


def test_the_library_and_stories_show_the_current_version(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, *_ = annotated
    report = store.add_version(article, _edited(store.article_text(article)))
    ids = [a.id for a in store.articles()]
    assert ids[0] == report.version and article not in ids and len(ids) == 5
    assert store.story_article_ids(1)[0] == report.version
    assert store.current_version(article) == store.current_version(report.version) == report.version
    assert [v.label for v in store.versions(article)] == ["v1 of 2", "v2 of 2"]
    assert store.version(report.version).current and not store.version(article).current
    assert store.article(report.version).version == 2
    assert store.article(report.version).version_of == article
    hits = store.search("Friday")
    assert [hit.article_id for hit in hits if hit.field == "text"] == [report.version]


def test_one_undo_undoes_the_whole_version_update_and_redo_replays_it(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, quote, honest, _ = annotated
    before = store.annotation(quote)
    report = store.add_version(article, _edited(store.article_text(article)))
    assert store.undo() == "new version of CNN"
    assert store.annotation(quote) == before
    assert store.orphans() == []
    assert store.current_version(article) == article
    assert store.story_article_ids(1)[0] == article
    assert article in [a.id for a in store.articles()]
    # The new version's text stays, as a version the article does not show.
    assert not store.version(report.version).current
    assert store.redo() == "new version of CNN"
    assert store.annotation(quote).article_id == report.version
    assert [o.annotation.id for o in store.orphans()] == [honest]


def test_an_orphan_placed_by_hand_keeps_its_tags_and_links(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, _, honest, other = annotated
    store.add_link(honest, other, "corroborates")
    report = store.add_version(article, _edited(store.article_text(article)))
    text = store.article_text(report.version)
    start = text.index("He did not say anything wrong")
    placed = store.place_orphan(honest, start, start + 29)
    assert (placed.article_id, placed.exact) == (report.version, "He did not say anything wrong")
    assert placed.tags == ("claim",)
    assert [link.kind for link in store.links_of(honest)] == ["corroborates"]
    assert store.orphans() == []
    assert store.undo() == "place orphan"
    assert store.annotation(honest).article_id == article
    assert len(store.orphans()) == 1


def test_an_orphan_left_on_its_version_is_not_tried_again(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, _, honest, _ = annotated
    store.add_version(article, _edited(store.article_text(article)))
    store.keep_orphan(honest)
    (orphan,) = store.orphans()
    assert orphan.kept and store.orphans(kept=False) == []
    # A third version holding the passage again: only orphans not left are tried.
    store.add_version(article, store.article_text(article) + "\n\nA third version.")
    assert store.annotation(honest).article_id == article
    with pytest.raises(StoreError, match="not an orphan"):
        store.keep_orphan(store.find_annotations(tag="quote")[0].id)


def test_an_orphan_attaches_to_a_later_version_that_has_its_passage_again(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, _, honest, _ = annotated
    first = store.article_text(article)
    store.add_version(article, _edited(first))
    report = store.add_version(article, first + "\n\nA third version.")
    assert report.reattached == 1 and report.number == 3
    assert store.annotation(honest).article_id == report.version
    assert store.orphans() == []


def test_the_same_text_is_nothing_new(annotated: tuple[Store, int, str, str, str]) -> None:
    store, article, *_ = annotated
    report = store.add_version(article, store.article_text(article))
    assert report.unchanged and report.summary() == "#1: same text, nothing new"
    with pytest.raises(StoreError, match="already article #2"):
        store.add_version(article, store.article_text(2))


def test_a_file_read_again_with_another_text_becomes_a_new_version(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title\n\nThe mayor said the bridge would open in May.\n", "utf-8")
    first, _ = store.add_file(path)
    marked = store.create_annotation(first, 7, 16, ["quote"])
    assert store.add_file(path) == (first, False)
    path.write_text("Title\n\nThe mayor said the bridge would open in June.\n", "utf-8")
    result = store.add_file_report(path)
    assert result.version is not None and result.added
    assert result.version.summary() == "new version of #1: 1 annotation moved, 0 orphaned"
    assert store.annotation(marked.id).article_id == result.article_id
    assert [a.id for a in store.articles()] == [result.article_id]


def test_a_document_with_a_known_url_becomes_a_new_version(store: Store) -> None:
    url = "https://news.example/bridge"
    first, _ = store.add_document(Document("May.\n\nThe bridge opens.", "", "Bridge"), url=url)
    second, added = store.add_document(
        Document("June.\n\nThe bridge opens.", "", "Bridge"), url=url
    )
    assert added and second != first and store.article_key(second) == first
    other, _ = store.add_document(Document("Other.", "", "Other"), url="https://else.example")
    assert store.article_key(other) == other


def test_the_plan_runs_in_another_thread_and_is_applied_in_the_stores(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, quote, *_ = annotated
    job = store.version_job(article, _edited(store.article_text(article)))
    progress: list[tuple[int, int]] = []
    result = {}
    worker = threading.Thread(target=lambda: result.update(plan=job.run(
        lambda done, total: progress.append((done, total)))))  # fmt: skip
    worker.start()
    worker.join()
    assert progress[-1] == (2, 2)
    assert store.annotation(quote).article_id == article  # nothing written yet
    report = store.apply_version(result["plan"])
    assert store.annotation(quote).article_id == report.version
    with pytest.raises(StoreError, match="changed version meanwhile"):
        store.apply_version(result["plan"])


def test_version_diff_marks_annotations_on_changed_passages(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, quote, honest, _ = annotated
    store.add_version(article, _edited(store.article_text(article)))
    found = store.version_diff(article)
    assert (found.old.number, found.new.number) == (1, 2)
    assert [a.id for a in found.marked_old] == [honest]
    assert [a.id for a in found.marked_new] == [quote]
    with pytest.raises(StoreError, match="has no version 3"):
        store.version_diff(article, 1, 3)


def test_import_reanchors_with_the_same_code_onto_a_changed_text(
    annotated: tuple[Store, int, str, str, str], tmp_path: Path
) -> None:
    """An annotation exported from the old text, imported where the article has another
    text: found by its quote, approximately, as a new version finds it."""
    store, article, quote, *_ = annotated
    from store.formats.export import export

    path = tmp_path / "work.json"
    with path.open("w", encoding="utf-8") as out:
        export(store, "json", out)
    fresh = open_store(":memory:")
    fresh.add_article(_edited(store.article_text(article)), title="CNN", file_name="000.txt")
    fresh.add_article(store.article_text(2), title="CBS")
    data = path.read_text("utf-8").replace(
        f"urn:sha256:{store.article(article).content_hash}", "urn:sha256:elsewhere"
    )
    path.write_text(data.replace('"fileName": "000_76d8d049534e642a.txt"', '"fileName": "000.txt"'))
    report = import_json(fresh, path)
    assert (report.added, report.reanchored, len(report.unattached)) == (2, 1, 1)
    assert fresh.annotation(quote).exact == QUOTE.replace("intense", "heavy")


def test_upgrade_from_the_schema_before_versions(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m011_versions")
    db.execute(
        "INSERT INTO articles (id, title, text, content_hash, added) VALUES (1, 'T', 'x', 'h', '')"
    )
    db.conn.commit()
    db.close()
    store = open_store(path)
    (article,) = store.articles()
    assert (article.version, article.version_of) == (1, None)
    assert store.versions(1)[0].label == "v1 of 1"
    store.close()


def test_deleting_an_article_deletes_its_versions(
    annotated: tuple[Store, int, str, str, str],
) -> None:
    store, article, *_ = annotated
    report = store.add_version(article, _edited(store.article_text(article)))
    with store.transaction() as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (article,))
    with pytest.raises(StoreError):
        store.article(report.version)
    assert isinstance(store.conn, sqlite3.Connection)
