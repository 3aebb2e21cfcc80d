"""W3C Web Annotation JSON: an ``AnnotationCollection`` of every annotation, then
every link, written item by item (``store.formats.w3c_items``).

This module holds the reference: one annotation, link or source as a dict, the
JSON-LD context that defines reader's own terms, and how ids and times are
written. README ("Exporting, importing, merging") documents the shape.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, unquote

from store.records import Annotation, Article, Link

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_NS = "https://reader.invalid/ns#"
"""Where reader's own terms are named (``.invalid`` never resolves: a name, not a page)."""
READER_IDS = "https://reader.invalid/id/"
"""The IRI of an annotation whose id is neither a UUID nor an IRI (``reader_id``)."""
READER_TERMS: dict[str, Any] = {
    "reader": READER_NS,
    "sources": {"@id": "reader:sources", "@container": "@set"},
    "title": "http://purl.org/dc/terms/title",
    "publisher": "http://purl.org/dc/terms/publisher",
    "byline": "reader:byline",
    "published": "http://purl.org/dc/terms/issued",
    "url": {"@id": "http://schema.org/url", "@type": "@id"},
    "fileName": "reader:fileName",
    "length": {"@id": "reader:length", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
    "linkKind": "reader:linkKind",
    "origin": "reader:origin",
}
"""reader's terms, each defined so that JSON-LD keeps it (anno.jsonld defines none of
them): a source's metadata, a link's kind, and what an imported annotation's tool said
that reader has no column for (``origin``, a JSON object as text)."""
GENERATOR = {"type": "Software", "name": "reader"}
ID_NAMESPACE = uuid.UUID("6f1d4c52-64f4-4d8e-9a3c-2b4a1f0e7d15")
"""Of the name-based UUIDs of a collection and its page (``collection_ids``)."""

UUID_FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+\Z")


def iri(ident: str) -> str:
    """An annotation's or link's id as the IRI it is written with.

    A UUID (reader's own ids) is ``urn:uuid:...``; an id that is an IRI already (a
    Hypothesis annotation's ``https://hypothes.is/a/...``, another tool's) is kept as
    it is; anything else is named under ``READER_IDS``. ``reader_id`` reverses it.
    """
    if UUID_FORM.fullmatch(ident):
        return f"urn:uuid:{ident}"
    if _SCHEME.match(ident):
        return ident
    return READER_IDS + quote(ident, safe="")


def reader_id(value: str) -> str:
    """The id reader stores for an annotation or link written with the IRI ``value``."""
    if value.startswith("urn:uuid:"):
        return value[9:]
    if value.startswith(READER_IDS):
        return unquote(value[len(READER_IDS) :])
    return value


def utc(timestamp: str) -> str:
    """A stored time (UTC, ``+00:00``) as the model writes UTC: ending in ``Z``."""
    return timestamp[:-6] + "Z" if timestamp.endswith("+00:00") else timestamp


def collection_ids(sources: Sequence[str], tags: Sequence[str]) -> tuple[str, str]:
    """The ids of a collection and of its page: name-based UUIDs of the sources it
    covers and the tags it was chosen by, so the same selection of the same articles
    always has the same ids."""
    name = "\n".join([*sorted(sources), "", *sorted(tags)])
    collection = uuid.uuid5(ID_NAMESPACE, name)
    return f"urn:uuid:{collection}", f"urn:uuid:{uuid.uuid5(collection, 'page 1')}"


def source_id(article: Article) -> str:
    return f"urn:sha256:{article.content_hash}"


def agent(name: str) -> dict[str, str]:
    """Who made an annotation or link, as a W3C Agent."""
    return {"type": "Person", "name": name}


def target(annotation: Annotation, article: Article) -> dict[str, Any]:
    return {
        "source": source_id(article),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.exact,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }


def comment(note: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": "commenting", "value": note, "format": "text/plain"}


def motivation(annotation: Annotation) -> str:
    return "commenting" if annotation.note else "tagging" if annotation.tags else "highlighting"


def annotation_json(annotation: Annotation, article: Article) -> dict[str, Any]:
    """One annotation: its tags and note as bodies (none for a bare highlight)."""
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    ]
    if annotation.note:
        bodies.append(comment(annotation.note))
    item: dict[str, Any] = {
        "id": iri(annotation.id),
        "type": "Annotation",
        "motivation": motivation(annotation),
        "created": utc(annotation.created),
        "modified": utc(annotation.updated),
    }
    if annotation.creator:
        item["creator"] = agent(annotation.creator)
    if annotation.origin:
        item["origin"] = annotation.origin
    if bodies:
        item["body"] = bodies
    item["target"] = target(annotation, article)
    return item


def link_json(link: Link) -> dict[str, Any]:
    """One link: an annotation whose target and body are the two passages'
    annotations (each through a SpecificResource of its own whose ``source`` is the
    annotation: the link names the passages, it does not become them), its kind
    classifying it (``linkKind`` and a ``classifying`` body) and its note a comment."""
    body: list[dict[str, Any]] = [
        {"type": "SpecificResource", "source": iri(link.target_id)},
        {"type": "TextualBody", "purpose": "classifying", "value": link.kind},
    ]
    if link.note:
        body.append(comment(link.note))
    item: dict[str, Any] = {
        "id": iri(link.id),
        "type": "Annotation",
        "motivation": "linking",
        "linkKind": link.kind,
        "created": utc(link.created),
    }
    if link.creator:
        item["creator"] = agent(link.creator)
    item["body"] = body
    item["target"] = {"type": "SpecificResource", "source": iri(link.source_id)}
    return item


def article_json(article: Article) -> dict[str, Any]:
    """A source: the article's metadata under reader's terms (empty ones left out)."""
    found: dict[str, Any] = {
        "id": source_id(article),
        "type": "Text",
        "title": article.title,
        "publisher": article.outlet,
        "byline": article.author,
        "published": article.published,
        "url": article.url,
        "fileName": article.file_name,
    }
    described = {key: value for key, value in found.items() if value}
    described["length"] = article.length
    return described


def head_json(
    collection: str, label: str, generated: str, sources: list[dict[str, Any]], total: int
) -> str:
    """The collection's members before its page, as JSON text without the closing
    brace: the page follows, written item by item."""
    head = {
        "@context": [CONTEXT, READER_TERMS],
        "id": collection,
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
        "generator": GENERATOR,
        "generated": generated,
        "sources": sources,
    }
    return json.dumps(head, ensure_ascii=False, indent=1)[:-2]
