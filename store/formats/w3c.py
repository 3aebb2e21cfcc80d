"""W3C Web Annotation JSON: an ``AnnotationCollection`` of every annotation, then
every link, written item by item."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TextIO

from store.formats.selection import Chosen
from store.records import Annotation, Article, Link

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_NS = "https://reader.invalid/ns#"
"""Where reader's own terms (the sources of a collection) are named in the JSON-LD."""


def source_id(article: Article) -> str:
    return f"urn:sha256:{article.content_hash}"


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


def annotation_json(annotation: Annotation, article: Article) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    ]
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/plain",
            }
        )
    motivation = (
        "commenting" if annotation.note else "tagging" if annotation.tags else "highlighting"
    )
    return {
        "id": f"urn:uuid:{annotation.id}",
        "type": "Annotation",
        "motivation": motivation,
        "created": annotation.created,
        "modified": annotation.updated,
        "body": bodies,
        "target": target(annotation, article),
    }


def link_json(
    link: Link, source: Annotation, other: Annotation, articles: dict[int, Article]
) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {
            "type": "SpecificResource",
            "id": f"urn:uuid:{other.id}",
            **target(other, articles[other.article_id]),
        },
        {"type": "TextualBody", "purpose": "classifying", "value": link.kind},
    ]
    if link.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": link.note,
                "format": "text/plain",
            }
        )
    return {
        "id": f"urn:uuid:{link.id}",
        "type": "Annotation",
        "motivation": "linking",
        "created": link.created,
        "body": body,
        "target": {"id": f"urn:uuid:{source.id}", **target(source, articles[source.article_id])},
    }


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": source_id(article),
        "type": "Text",
        "title": article.title,
        "publisher": article.outlet,
        "creator": article.author,
        "published": article.published,
        "url": article.url,
        "fileName": article.file_name,
        "length": article.length,
    }


_string = json.encoder.encode_basestring
"""A string as JSON (quoted, escaped, non-ASCII kept): what json.dumps(..., ensure_ascii=False)
writes for one, and the function its encoder calls to do it."""


class JsonItems:
    """The collection's items as JSON text, each formatted straight from its fields.

    Byte for byte ``json.dumps(annotation_json(...), ensure_ascii=False)`` (and the
    same for ``link_json``), which stay the reference: tests/test_export.py checks
    the two agree for any text. Building a dict per item and walking it in the
    encoder took most of an export of 100,000 annotations; here each string is
    escaped by the encoder's own function, and what items share (an article's
    source, a set of tags) is formatted once.
    """

    def __init__(self, articles: dict[int, Article]) -> None:
        self.articles = articles
        self._sources: dict[int, str] = {}
        self._tags: dict[tuple[str, ...], str] = {}

    def annotation(self, annotation: Annotation, article: Article) -> str:
        """``annotation_json(annotation, article)`` as JSON."""
        bodies = self._tags.get(annotation.tags)
        if bodies is None:
            bodies = self._tags[annotation.tags] = ", ".join(
                f'{{"type": "TextualBody", "purpose": "tagging", "value": {_string(tag)}}}'
                for tag in annotation.tags
            )
        if annotation.note:
            motivation = "commenting"
            bodies += (", " if bodies else "") + _comment(annotation.note)
        else:
            motivation = "tagging" if annotation.tags else "highlighting"
        return (
            f'{{"id": {_string(f"urn:uuid:{annotation.id}")}, "type": "Annotation", '
            f'"motivation": "{motivation}", "created": {_string(annotation.created)}, '
            f'"modified": {_string(annotation.updated)}, "body": [{bodies}], '
            f'"target": {{{self._target(annotation, article)}}}}}'
        )

    def link(self, link: Link, source: Annotation, other: Annotation) -> str:
        """``link_json(link, source, other, articles)`` as JSON."""
        other_article = self.articles[other.article_id]
        bodies = (
            f'{{"type": "SpecificResource", "id": {_string(f"urn:uuid:{other.id}")}, '
            f"{self._target(other, other_article)}}}, "
            f'{{"type": "TextualBody", "purpose": "classifying", "value": {_string(link.kind)}}}'
        )
        if link.note:
            bodies += ", " + _comment(link.note)
        source_article = self.articles[source.article_id]
        return (
            f'{{"id": {_string(f"urn:uuid:{link.id}")}, "type": "Annotation", '
            f'"motivation": "linking", "created": {_string(link.created)}, "body": [{bodies}], '
            f'"target": {{"id": {_string(f"urn:uuid:{source.id}")}, '
            f"{self._target(source, source_article)}}}}}"
        )

    def _target(self, annotation: Annotation, article: Article) -> str:
        """The members of ``target(annotation, article)``, without its braces."""
        source = self._sources.get(article.id)
        if source is None:
            source = self._sources[article.id] = f'"source": {_string(source_id(article))}, '
        return (
            f'{source}"selector": [{{"type": "TextQuoteSelector", '
            f'"exact": {_string(annotation.exact)}, "prefix": {_string(annotation.prefix)}, '
            f'"suffix": {_string(annotation.suffix)}}}, {{"type": "TextPositionSelector", '
            f'"start": {annotation.start}, "end": {annotation.end}}}]'
        )


def _comment(note: str) -> str:
    return (
        f'{{"type": "TextualBody", "purpose": "commenting", "value": {_string(note)}, '
        '"format": "text/plain"}'
    )


def write_json(chosen: Chosen, out: TextIO) -> None:
    """An AnnotationCollection whose one page holds every annotation, then every link.

    Written item by item: the file is valid JSON-LD, and never built in memory.
    """
    articles = {a.id: a for a in chosen.store.articles()}
    head = {
        "@context": [CONTEXT, {"reader": READER_NS, "sources": "reader:sources"}],
        "type": "AnnotationCollection",
        "label": "reader annotations",
        "generator": "reader",
        "generated": (chosen.selection.generated or datetime.now(UTC)).isoformat(
            timespec="seconds"
        ),
        "sources": [article_json(a) for a in chosen.articles],
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2])
    out.write(',\n "first": {"type": "AnnotationPage", "items": [\n')
    items = JsonItems(articles)
    first = True
    for article in chosen.articles:
        for annotation in chosen.annotations(article):
            out.write(("" if first else ",\n") + items.annotation(annotation, article))
            first = False
    for link, source, other in chosen.links():
        out.write(("" if first else ",\n") + items.link(link, source, other))
        first = False
    out.write("\n]}}\n")
