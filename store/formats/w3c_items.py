"""The W3C collection written item by item: ``JsonItems`` formats each annotation and
link straight from its fields, byte for byte what ``json.dumps`` makes of
``store.formats.w3c``'s reference dicts, and ``write_json`` streams them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TextIO

from store.errors import StoreError
from store.formats.selection import Chosen
from store.formats.w3c import (
    UUID_FORM,
    article_json,
    collection_ids,
    head_json,
    iri,
    source_id,
    utc,
)
from store.records import Annotation, Article, Link

LABEL = "reader annotations"
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
    source, a set of tags, a creator) is formatted once.
    """

    def __init__(self) -> None:
        self._sources: dict[int, str] = {}
        self._tags: dict[tuple[str, ...], str] = {}
        self._creators: dict[str, str] = {"": ""}

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
        origin = f'"origin": {_string(annotation.origin)}, ' if annotation.origin else ""
        ident, created, updated = annotation.id, annotation.created, annotation.updated
        # iri() and utc(), inlined for their usual cases: a call each costs a tenth of
        # an export of 100,000 annotations.
        ident = f"urn:uuid:{ident}" if UUID_FORM.fullmatch(ident) else iri(ident)
        if created[-6:] == "+00:00":
            created = created[:-6] + "Z"
        if updated[-6:] == "+00:00":
            updated = updated[:-6] + "Z"
        return (
            f'{{"id": {_string(ident)}, "type": "Annotation", '
            f'"motivation": "{motivation}", "created": {_string(created)}, '
            f'"modified": {_string(updated)}, {self._creator(annotation.creator)}{origin}'
            f'{f""""body": [{bodies}], """ if bodies else ""}'
            f'"target": {{{self._target(annotation, article)}}}}}'
        )

    def link(self, link: Link) -> str:
        """``link_json(link)`` as JSON."""
        bodies = (
            f'{{"type": "SpecificResource", "source": {_string(iri(link.target_id))}}}, '
            f'{{"type": "TextualBody", "purpose": "classifying", "value": {_string(link.kind)}}}'
        )
        if link.note:
            bodies += ", " + _comment(link.note)
        return (
            f'{{"id": {_string(iri(link.id))}, "type": "Annotation", '
            f'"motivation": "linking", "linkKind": {_string(link.kind)}, '
            f'"created": {_string(utc(link.created))}, {self._creator(link.creator)}'
            f'"body": [{bodies}], "target": {{"type": "SpecificResource", '
            f'"source": {_string(iri(link.source_id))}}}}}'
        )

    def _creator(self, name: str) -> str:
        """The ``creator`` member and its comma, or '' for an unknown creator."""
        found = self._creators.get(name)
        if found is None:
            found = self._creators[name] = (
                f'"creator": {{"type": "Person", "name": {_string(name)}}}, '
            )
        return found

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

    Written item by item: the file is valid JSON-LD, and never built in memory. A
    collection with no annotation has no page (a page holds at least one item).
    """
    generated = utc((chosen.selection.generated or datetime.now(UTC)).isoformat(timespec="seconds"))
    sources = [article_json(a) for a in chosen.articles]
    collection, page = collection_ids([s["id"] for s in sources], chosen.selection.tags)
    total = chosen.total()
    out.write(head_json(collection, LABEL, generated, sources, total))
    if total:
        out.write(
            f',\n "first": {{"id": "{page}", "type": "AnnotationPage", "partOf": '
            f'{{"id": "{collection}", "label": "{LABEL}", "total": {total}}}, '
            '"startIndex": 0, "items": [\n'
        )
        written = 0
        for item in _items(chosen, JsonItems()):
            out.write(item if not written else ",\n" + item)
            written += 1
        if written != total:  # an action changed the database while this was written
            raise StoreError("the annotations changed during the export: export again")
        out.write("\n]}")
    out.write("\n}\n")


def _items(chosen: Chosen, items: JsonItems) -> Iterator[str]:
    """Every annotation of the export as JSON, article by article, then every link."""
    for article in chosen.articles:
        for annotation in chosen.annotations(article):
            yield items.annotation(annotation, article)
    for link in chosen.link_rows():
        yield items.link(link)
