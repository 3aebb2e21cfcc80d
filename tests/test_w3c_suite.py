"""The W3C export against the W3C's own material: every MUST assertion of the Web
Annotation test suite (its JSON Schemas, tests/data/w3c-annotation-tests) for the
collection, its page and every item, and JSON-LD expansion with the W3C context
(tests/data/anno.jsonld), where reader's own terms must survive."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from pyld import jsonld
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from test_export import WHEN, annotate

from store import Store, open_store
from store.formats.export import export
from store.formats.selection import Selection

DATA = Path(__file__).parent / "data"
SUITE = DATA / "w3c-annotation-tests"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _retrieve(uri: str) -> Resource[Any]:
    """A definition the assertions refer to (``collections.json#/...``), from the suite."""
    name = uri.rstrip("#").rsplit("/", 1)[-1]
    return DRAFT4.create_resource(json.loads((SUITE / "definitions" / name).read_text()))


REGISTRY: Registry[Any] = Registry(retrieve=_retrieve)  # type: ignore[call-arg]


def must_failures(test: str, instance: dict[str, Any]) -> list[str]:
    """The MUST assertions of the suite's ``test`` file that ``instance`` fails."""
    listed = json.loads((SUITE / test).read_text())["assertions"]
    failed = []
    for assertion in listed:
        schema = json.loads((SUITE / assertion).read_text())
        assert schema["assertionType"] == "must" and schema["expectedResult"] == "valid"
        validator = Draft4Validator(schema, registry=REGISTRY, format_checker=FormatChecker())
        if not validator.is_valid(instance):
            failed.append(f"{assertion}: {schema.get('errorMessage', '')}")
    return failed


def exported(store: Store, **selection: Any) -> dict[str, Any]:
    out = io.StringIO()
    export(store, "json", out, Selection(generated=WHEN, **selection))
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


@pytest.fixture
def collection(seeded: Store) -> dict[str, Any]:
    """An export of the seeds with tags, notes, links, and a bare highlight."""
    annotate(seeded)
    article = seeded.articles()[3]
    seeded.create_annotation(article.id, 100, 140)  # no tag, no note
    seeded.create_annotation(article.id, 200, 230, note="see https://example.com/x_(y)")
    return exported(seeded)


def test_the_format_checker_checks_uris() -> None:
    """Without a URI checker jsonschema passes any string as ``format: uri``."""
    assert not FormatChecker().conforms("not a uri", "uri")
    assert FormatChecker().conforms("urn:uuid:00000000-0000-4000-8000-000000000000", "uri")


def test_the_collection_passes_every_must(collection: dict[str, Any]) -> None:
    assert must_failures("collections/collectionMusts.test", collection) == []


def test_the_page_passes_every_must(collection: dict[str, Any]) -> None:
    page = {"@context": collection["@context"], **collection["first"]}
    assert must_failures("collections/pages/pageMusts.test", page) == []
    assert must_failures("collections/pages/pageMusts.test", collection) == []


def test_every_item_passes_every_must(collection: dict[str, Any]) -> None:
    items = collection["first"]["items"]
    kinds = {item["motivation"] for item in items}
    assert kinds == {"commenting", "tagging", "highlighting", "linking"}
    assert collection["total"] == len(items) == 8
    for item in items:
        # Each item as the document it would be on its own: with the collection's context.
        document = {"@context": collection["@context"], **item}
        assert must_failures("annotations/annotationMusts.test", document) == [], item["id"]


def test_an_empty_export_passes_too(store: Store) -> None:
    empty = exported(store)
    assert "first" not in empty and empty["total"] == 0
    assert must_failures("collections/collectionMusts.test", empty) == []


def test_times_are_utc_with_z_and_ids_are_stable(seeded: Store) -> None:
    annotate(seeded)
    one, two = exported(seeded), exported(seeded)
    assert one["id"] == two["id"] and one["first"]["id"] == two["first"]["id"]
    assert one["first"]["partOf"]["id"] == one["id"] and one["first"]["startIndex"] == 0
    assert one["id"] != exported(seeded, tags=["quote"])["id"]
    for item in one["first"]["items"]:
        assert item["created"].endswith("Z"), item["created"]


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url != CONTEXT:
        raise jsonld.JsonLdError(f"offline: {url}", "loading document failed")
    document = json.loads((DATA / "anno.jsonld").read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def expanded(data: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(data, {"documentLoader": _loader})
    return result


READER = "https://reader.invalid/ns#"
DCTERMS = "http://purl.org/dc/terms/"


def test_source_metadata_and_link_kinds_survive_expansion(seeded: Store) -> None:
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 1", ("https://ex.com/a_(b)",))
    seeded.conn.commit()
    annotate(seeded)
    data = exported(seeded)
    (collection,) = expanded(data)
    sources = collection[READER + "sources"]
    assert len(sources) == len(data["sources"]) == 5
    fields = {
        "title": DCTERMS + "title",
        "publisher": DCTERMS + "publisher",
        "byline": READER + "byline",
        "published": DCTERMS + "issued",
        "fileName": READER + "fileName",
        "length": READER + "length",
    }
    for written, source in zip(data["sources"], sources, strict=True):
        assert source["@id"] == written["id"]
        for key, term in fields.items():
            assert source[term][0]["@value"] == written[key], key
    assert sources[0]["http://schema.org/url"] == [{"@id": "https://ex.com/a_(b)"}]
    items = collection["http://www.w3.org/ns/activitystreams#first"][0][
        "http://www.w3.org/ns/activitystreams#items"
    ][0]["@list"]
    kinds = [
        item[READER + "linkKind"][0]["@value"] for item in items if READER + "linkKind" in item
    ]
    assert sorted(kinds) == ["contradicts", "corroborates", "same-quote"]
    creators = {c["http://xmlns.com/foaf/0.1/name"][0]["@value"] for item in items
                for c in item["http://purl.org/dc/terms/creator"]}  # fmt: skip
    assert creators == {"tester"}
    generator = collection["http://www.w3.org/ns/activitystreams#generator"][0]
    assert generator["@type"] == ["http://www.w3.org/ns/activitystreams#Application"]


def test_a_link_does_not_merge_its_passages_in_rdf(seeded: Store) -> None:
    """A link's target and body are resources of their own whose source is each passage's
    annotation: no node of the graph is both an annotation and a SpecificResource."""
    annotate(seeded)
    graph = jsonld.flatten(exported(seeded), None, {"documentLoader": _loader})
    nodes = graph["@graph"] if isinstance(graph, dict) else graph
    oa = "http://www.w3.org/ns/oa#"
    for node in nodes:
        types = set(node.get("@type", []))
        assert not ({oa + "Annotation", oa + "SpecificResource"} <= types), node["@id"]
    annotations = {n["@id"] for n in nodes if oa + "Annotation" in n.get("@type", [])}
    links = [n for n in nodes if n.get(oa + "motivatedBy") == [{"@id": oa + "linking"}]]
    assert len(links) == 3
    by_id = {n["@id"]: n for n in nodes}
    for link in links:
        (target,) = link[oa + "hasTarget"]
        assert by_id[target["@id"]][oa + "hasSource"][0]["@id"] in annotations


def test_an_export_re_imported_keeps_its_creators(seeded: Store, tmp_path: Path) -> None:
    annotate(seeded)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(exported(seeded)), encoding="utf-8")
    fresh = open_store(":memory:")
    fresh.user = "someone else"
    from store.db.seeds import seed_once
    from store.formats.importing import import_json

    seed_once(fresh)
    import_json(fresh, path)
    assert {a.creator for a in fresh.find_annotations()} == {"tester"}
    assert exported(fresh) == exported(seeded)
