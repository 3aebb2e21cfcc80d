"""Hypothesis both ways: every form Hypothesis writes imports (a search response, one
annotation, its JSON-LD, the client's export file; page notes and replies listed, never
fatal), keeping user, group, title and times, and ids in Hypothesis' own form; and
``--format hypothesis`` writes what h's POST /api/annotations accepts."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from test_export import WHEN, annotate, run

from store import Store, open_store
from store.db.seeds import seed_once
from store.formats.export import export
from store.formats.importing import import_json
from store.formats.selection import Selection
from store.text.clean import clean_text

DATA = Path(__file__).parent / "data"
FIXTURES = DATA / "hypothesis"
BASELINES = DATA / "hypothesis-baselines"
CNN = "https://www.cnn.com/2017/03/02/politics/jeff-sessions-donald-trump/"


@pytest.fixture
def cnn(seeded: Store) -> Store:
    """The seeds, CNN's article at the address the fixtures annotate."""
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 1", (CNN,))
    seeded.conn.commit()
    return seeded


def written(tmp_path: Path, data: Any, name: str = "h.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_client_export_file_imports_with_users_groups_and_times(
    cnn: Store, tmp_path: Path
) -> None:
    report = import_json(cnn, FIXTURES / "client-export.json")
    assert (report.added, report.already, report.links) == (2, 0, 0)
    assert len(report.skipped) == 2 and len(report.unattached) == 1
    assert report.skipped[0].startswith("item 3: a page note")
    assert report.skipped[1].startswith("item 4: a reply")
    assert report.unattached[0].startswith("item 5: 'words CNN never printed' is not in CNN")
    first, second = sorted(cnn.find_annotations(), key=lambda a: a.start)
    assert first.id == "https://hypothes.is/a/Bq9Kz0c8EeeWz_d1x2rqPw"
    assert cnn.article_text(1)[first.start : first.end] == "Jeff Sessions is an honest man."
    assert (first.creator, first.tags, first.note) == (
        "ann_reader", ("quote", "check"), "Compare with NBC's wording of the statement.",
    )  # fmt: skip
    assert (first.created, first.updated) == (
        "2017-03-03T09:15:02.118226+00:00",
        "2017-03-03T10:01:44.902117+00:00",
    )
    origin = json.loads(first.origin)
    assert origin["group"] == "__world__" and origin["title"].startswith("Trump stands by")
    assert second.creator == "bob" and json.loads(second.origin)["group"] == "kR3wNq5J"
    again = import_json(cnn, FIXTURES / "client-export.json")
    assert (again.added, again.already) == (0, 2)


def test_a_search_response_one_annotation_and_its_json_ld_are_one_annotation(
    cnn: Store, tmp_path: Path
) -> None:
    rows = json.loads((FIXTURES / "client-export.json").read_text())["annotations"]
    search = written(tmp_path, {"total": len(rows), "rows": rows}, "search.json")
    report = import_json(cnn, search)
    assert report.added == 2 and len(report.skipped) == 2
    for path in (written(tmp_path, rows[0], "one.json"), FIXTURES / "annotation.jsonld"):
        again = import_json(cnn, path)
        assert (again.added, again.already, again.skipped) == (0, 1, []), path.name
    fresh = open_store(":memory:")
    seed_once(fresh)
    fresh.conn.execute("UPDATE articles SET url = ? WHERE id = 1", (CNN,))
    fresh.conn.commit()
    assert import_json(fresh, FIXTURES / "annotation.jsonld").added == 1
    (made,) = fresh.find_annotations()
    assert (made.id, made.creator, made.tags, made.note) == (
        "https://hypothes.is/a/Bq9Kz0c8EeeWz_d1x2rqPw", "ann_reader", ("quote", "check"),
        "Compare with NBC's wording of the statement.",
    )  # fmt: skip


def test_hypothesis_ids_are_written_back_in_their_own_form(cnn: Store, tmp_path: Path) -> None:
    import_json(cnn, FIXTURES / "client-export.json")
    out = io.StringIO()
    export(cnn, "json", out, Selection(generated=WHEN))
    ids = {item["id"] for item in json.loads(out.getvalue())["first"]["items"]}
    assert "https://hypothes.is/a/Bq9Kz0c8EeeWz_d1x2rqPw" in ids
    assert not any(i.startswith("urn:uuid:") and not i[9:18].count("-") for i in ids)
    fresh = open_store(":memory:")
    seed_once(fresh)
    fresh.conn.execute("UPDATE articles SET url = ? WHERE id = 1", (CNN,))
    fresh.conn.commit()
    assert import_json(fresh, written(tmp_path, json.loads(out.getvalue()))).added == 2
    again = io.StringIO()
    export(fresh, "json", again, Selection(generated=WHEN))
    assert again.getvalue() == out.getvalue()


def test_w3c_items_of_any_valid_shape_import(cnn: Store, tmp_path: Path) -> None:
    text = cnn.article_text(2)
    quote = "I never had meetings with Russian operatives"
    start = text.index(quote)
    source = "urn:sha256:" + cnn.article(2).content_hash
    items = [
        {"id": "http://example.org/anno1", "type": "Annotation", "bodyValue": "a plain comment",
         "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": quote}}},
        {"id": "http://example.org/anno2", "type": "Annotation",
         "body": {"type": "TextualBody", "value": "no purpose: a comment"},
         "target": [{"source": "http://example.org/elsewhere"},
                    {"source": source, "selector": {"type": "TextPositionSelector",
                                                    "start": start, "end": start + 10}}]},
        {"id": "http://example.org/anno3", "type": "Annotation",
         "body": [{"type": "TextualBody", "value": "claim", "purpose": ["tagging", "classifying"]},
                  {"type": "TextualBody", "value": "seen twice", "purpose": ["commenting"]}],
         "target": {"source": source, "selector": [
             {"type": "TextQuoteSelector", "exact": "Russian intermediaries"}]}},
        {"id": "http://example.org/anno4", "type": "Annotation", "target": "http://example.org/page"},
    ]  # fmt: skip
    report = import_json(cnn, written(tmp_path, items))
    assert report.added == 3 and report.skipped == [
        "item 4: an annotation with no quote or position to anchor"
    ]
    by_id = {a.id: a for a in cnn.find_annotations()}
    assert by_id["http://example.org/anno1"].note == "a plain comment"
    assert by_id["http://example.org/anno2"].note == "no purpose: a comment"
    assert by_id["http://example.org/anno2"].exact == text[start : start + 10]
    assert (by_id["http://example.org/anno3"].tags, by_id["http://example.org/anno3"].note) == (
        ("claim",), "seen twice",
    )  # fmt: skip
    single = {"@context": "http://www.w3.org/ns/anno.jsonld", **items[0], "id": "urn:x:one"}
    assert import_json(cnn, written(tmp_path, single, "single.json")).added == 1


def test_export_for_hypothesis_is_what_h_accepts(cnn: Store, tmp_path: Path) -> None:
    annotate(cnn)
    import_json(cnn, FIXTURES / "client-export.json")
    cnn.create_annotation(4, 0, 12)  # a bare highlight
    out = io.StringIO()
    left_out = export(cnn, "hypothesis", out, Selection())
    posted = json.loads(out.getvalue())
    schema = json.loads((FIXTURES / "create-annotation.schema.json").read_text())
    validator = Draft4Validator(schema)
    assert len(posted) == 6
    for item in posted:
        assert list(validator.iter_errors(item)) == [], item
        assert isinstance(item["target"], list) and item["uri"].strip()
        assert item["target"][0]["selector"][0]["type"] == "TextQuoteSelector"
    groups = {item["group"] for item in posted}
    assert groups == {"__world__", "kR3wNq5J"}
    assert any(i["document"] == {"title": [cnn.article(1).title]} for i in posted)
    assert len(left_out) == 3 and all("Hypothesis cannot hold links" in line for line in left_out)
    empty = io.StringIO()
    export(open_store(":memory:"), "hypothesis", empty)
    assert json.loads(empty.getvalue()) == []


def test_cli_export_hypothesis_lists_the_links_on_stderr(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    seed_once(store)
    annotate(store)
    store.close()
    done = run("export", "--db", str(db), "--format", "hypothesis")
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 3
    assert done.stderr.count("Hypothesis cannot hold links") == 3


class _BodyText(HTMLParser):
    """A page's text, as a simple extraction would give it (a stand-in until ingest
    reads HTML): the body's text, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skipping += tag in ("script", "style")
        self.in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in ("script", "style")
        self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


@pytest.mark.parametrize("page", ["wikipedia-regression-testing", "minimal"])
def test_the_hypothesis_baseline_page_takes_its_annotations(
    store: Store, tmp_path: Path, page: str
) -> None:
    html = (BASELINES / f"{page}.html").read_text(encoding="utf-8")
    rows = json.loads((BASELINES / f"{page}.json").read_text(encoding="utf-8"))["rows"]
    parser = _BodyText()
    parser.feed(html)
    text = clean_text("".join(parser.parts))
    uri = next((r["uri"] for r in rows if "uri" in r), "")
    article_id, _ = store.add_article(text, title="".join(parser.title) or page, url=uri)
    report = import_json(store, BASELINES / f"{page}.json", article_id=article_id)
    quotes = [
        next(s["exact"] for s in r["target"][0]["selector"] if s["type"] == "TextQuoteSelector")
        for r in rows
    ]
    present = [q for q in quotes if q in text]
    assert present, "the page's text holds some of the quotes"
    assert report.added == len(present)
    assert len(report.unattached) == len(quotes) - len(present)
    assert sorted(a.exact for a in store.find_annotations()) == sorted(present)
    if page == "wikipedia-regression-testing":
        assert {a.creator for a in store.find_annotations()} == {"mark"}
