"""Annotations out of the database: a Markdown report, W3C Web Annotation JSON, CSV.

Every format is written to a text stream as it is read from the database, so an
export of a hundred thousand annotations holds one article's annotations in
memory at a time, not the whole output. ``write_atomically`` puts a finished
export in place only once it is complete.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from store.annotations import Link
from store.errors import StoreError
from store.segment import paragraph_starts

if TYPE_CHECKING:
    from store.annotations import Annotation
    from store.db import Article, Store

FORMATS = ("markdown", "json", "csv")
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_NS = "https://reader.invalid/ns#"
"""Where reader's own terms (the sources of a collection) are named in the JSON-LD."""


SUFFIXES = {".json": "json", ".jsonld": "json", ".csv": "csv"}
LINK_BATCH = 400
"""Links whose passages are read from the database in one query."""


def format_of(path: Path) -> str:
    """The format a file name asks for: .json and .csv by name, else markdown."""
    return SUFFIXES.get(path.suffix.lower(), "markdown")


@dataclass(frozen=True)
class Selection:
    """Which annotations an export holds: tags (any of), articles (any of)."""

    tags: Sequence[str] = ()
    article_ids: Sequence[int] = ()
    by: str = "article"
    """``article`` or ``tag``: how the Markdown report groups the passages."""
    generated: datetime | None = None
    """When the export says it was made (default: now); fixed in golden-file tests."""


@dataclass
class Chosen:
    """The articles and annotations of one export, read lazily article by article."""

    store: Store
    selection: Selection
    articles: list[Article] = field(default_factory=list)

    def __post_init__(self) -> None:
        wanted = set(self.selection.article_ids)
        self.articles = [a for a in self.store.articles() if not wanted or a.id in wanted]
        known = {a.id for a in self.store.articles()}
        missing = sorted(wanted - known)
        if missing:
            raise StoreError(f"no article with id {', '.join(map(str, missing))}")
        tags = {t.name for t in self.store.tags()}
        unknown = [t for t in self.selection.tags if t not in tags]
        if unknown:
            raise StoreError(f"no tag named {', '.join(map(repr, unknown))}")

    def annotations(self, article: Article) -> list[Annotation]:
        found = self.store.annotations(article.id)
        if self.selection.tags:
            wanted = set(self.selection.tags)
            found = [a for a in found if wanted & set(a.tags)]
        return found

    def links(self) -> Iterator[tuple[Link, Annotation, Annotation]]:
        """Links whose two ends are both in the export, by their first end's id.

        One query finds them (both ends' articles chosen, and with ``--tag`` both
        ends carrying a chosen tag): nothing here grows with the annotations.
        It reads the links first (``CROSS JOIN`` keeps SQLite to that order) and
        looks up their two ends: left to itself, SQLite would step through every
        annotation of the chosen articles looking for links, ten times slower.
        """
        ends = f"IN ({', '.join('?' * len(self.articles))})"
        query = f"""
            SELECT l.id, l.source_id, l.target_id, l.kind, l.note, l.created
            FROM links l
            CROSS JOIN annotations a ON a.id = l.source_id
            CROSS JOIN annotations b ON b.id = l.target_id
            WHERE a.article_id {ends} AND b.article_id {ends}
        """
        ids = [a.id for a in self.articles]
        params: list[object] = [*ids, *ids]
        if self.selection.tags:
            tagged = f"""EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.annotation_id = {{}} AND t.name IN
                ({", ".join("?" * len(self.selection.tags))}))"""
            query += f" AND {tagged.format('a.id')} AND {tagged.format('b.id')}"
            params += [*self.selection.tags, *self.selection.tags]
        query += " ORDER BY min(l.source_id, l.target_id), l.created, l.id"
        links = [Link(*row) for row in self.store.conn.execute(query, params)]
        for start in range(0, len(links), LINK_BATCH):
            batch = links[start : start + LINK_BATCH]
            passages = self.store.annotations_by_id(
                {end for link in batch for end in (link.source_id, link.target_id)}
            )
            for link in batch:
                yield link, passages[link.source_id], passages[link.target_id]


def export(store: Store, format: str, out: TextIO, selection: Selection = Selection()) -> None:
    """Write the chosen annotations to ``out`` in ``format`` (markdown, json or csv)."""
    writers: dict[str, Callable[[Chosen, TextIO], None]] = {
        "markdown": write_markdown,
        "json": write_json,
        "csv": write_csv,
    }
    if format not in writers:
        raise StoreError(f"no format {format!r}: choose one of {', '.join(FORMATS)}")
    writers[format](Chosen(store, selection), out)


@contextmanager
def write_atomically(path: Path, force: bool = False) -> Iterator[TextIO]:
    """A file that appears at ``path`` whole, or not at all.

    It is written beside ``path`` and renamed over it at the end; an existing
    file is replaced only with ``force``.
    """
    if path.exists() and not force:
        raise StoreError(f"{path}: the file exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as err:
        raise StoreError(f"{path}: cannot be written ({err.strerror or err})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except OSError as err:
        os.unlink(temporary)
        raise StoreError(f"{path}: cannot be written ({err.strerror or err})") from None
    except BaseException:
        os.unlink(temporary)
        raise


# -- positions --------------------------------------------------------------------


class Paragraphs:
    """Paragraph numbers of offsets in one text, counted as the reader's ``{`` and ``}``
    step through paragraphs (a line, or lines hard-wrapped in mid-sentence)."""

    def __init__(self, text: str) -> None:
        self.starts = paragraph_starts(text)

    def number(self, offset: int) -> int:
        return max(1, bisect_right(self.starts, offset))


# -- Markdown ---------------------------------------------------------------------

_ESCAPES = {ord(c): "\\" + c for c in "\\`*_[]()<>#|~!&{}"} | {
    code: "\ufffd" for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
}
"""Backslashes before inline specials, U+FFFD for control characters: one translate."""
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+[.)])")
_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _ESCAPES))) + "]")
"""Any character ``_ESCAPES`` changes: most passages have none."""


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written, and still reads well raw.

    Backslash-escaped (CommonMark allows it for any ASCII punctuation): whatever
    can start emphasis, code, links, images, HTML, entities or a table cell break
    anywhere, and whatever can start a list, heading or rule at a line's start.
    White space at a line's ends, which Markdown drops, becomes character
    references; control characters (which a terminal would obey, and Markdown
    cannot carry) become U+FFFD, as articles' do at import. JSON and CSV keep them.
    """
    if _TRANSLATED.search(text):
        text = text.translate(_ESCAPES)
    if "\n" not in text:
        return _escape_line(text)
    return "\n".join(map(_escape_line, text.split("\n")))


def _escape_line(line: str) -> str:
    if start := _LINE_START.match(line):
        indent, mark = start.groups()
        line = indent + mark[:-1] + "\\" + mark[-1] + line[start.end() :]
    if line[:1].isspace() or line[-1:].isspace():
        stripped = line.strip()
        head = line[: len(line) - len(line.lstrip())]
        tail = line[len(line.rstrip()) :] if stripped else ""
        line = _refs(head) + stripped + _refs(tail)
    return line


def _refs(spaces: str) -> str:
    return "".join(f"&#{ord(c)};" for c in spaces)


def blockquote(text: str) -> str:
    """The passage as one quoted paragraph whose every line break is a hard break.

    Each newline inside the text comes back as one line break, blank lines
    included; newlines at either end are left out (Markdown cannot carry them).
    """
    return "> " + escape_markdown(text.strip("\n")).replace("\n", "\\\n> ")


def cell(text: str) -> str:
    """One table cell: escaped, on one line."""
    return escape_markdown(" ".join(text.split()))


def _source_line(article: Article) -> str:
    where = article.url or article.file_name
    parts = [cell(article.label), cell(article.title), cell(article.published), cell(where)]
    return "| " + " | ".join(parts) + " |"


def write_markdown(chosen: Chosen, out: TextIO) -> None:
    made = (chosen.selection.generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    out.write("# Annotations\n\n")
    out.write(f"Made {made} by reader from {escape_markdown(Path(chosen.store.name).name)}.\n\n")
    out.write("## Sources\n\n| Outlet | Title | Date | Source |\n| --- | --- | --- | --- |\n")
    for article in chosen.articles:
        out.write(_source_line(article) + "\n")
    out.write("\n")
    if chosen.selection.by == "tag":
        _markdown_by_tag(chosen, out)
    else:
        _markdown_by_article(chosen, out)
    _markdown_links(chosen, out)


@lru_cache(maxsize=1024)
def _tag_list(tags: tuple[str, ...]) -> str:
    """The tags in bold, or "highlight": passages share a few sets of tags."""
    return ", ".join(f"**{cell(tag)}**" for tag in tags) or "highlight"


def _passage(out: TextIO, annotation: Annotation, paragraph: int, label: str = "") -> None:
    facts = [cell(label)] if label else []
    facts.append(_tag_list(annotation.tags))
    facts.append(f"paragraph {paragraph}, characters {annotation.start}–{annotation.end}")
    note = f"Note:\n\n{blockquote(annotation.note)}\n\n" if annotation.note else ""
    out.write(f"{blockquote(annotation.exact)}\n\n{' · '.join(facts)}\n\n{note}")


def _markdown_by_article(chosen: Chosen, out: TextIO) -> None:
    for article in chosen.articles:
        annotations = chosen.annotations(article)
        if not annotations:
            continue
        out.write(f"## {cell(article.label)}: {cell(article.title)}\n\n")
        paragraphs = Paragraphs(chosen.store.article_text(article.id))
        for annotation in annotations:
            _passage(out, annotation, paragraphs.number(annotation.start))


def _markdown_by_tag(chosen: Chosen, out: TextIO) -> None:
    by_tag: dict[str, list[tuple[Article, Annotation]]] = {}
    for article in chosen.articles:
        for annotation in chosen.annotations(article):
            for tag in annotation.tags or ("untagged",):
                by_tag.setdefault(tag, []).append((article, annotation))
    order = [t.name for t in chosen.store.tags()] + ["untagged"]
    for tag in sorted(by_tag, key=lambda name: order.index(name) if name in order else 0):
        out.write(f"## {cell(tag)}\n\n")
        for article, annotation in by_tag[tag]:
            paragraphs = Paragraphs(chosen.store.article_text(article.id))
            _passage(out, annotation, paragraphs.number(annotation.start), article.label)


def _markdown_links(chosen: Chosen, out: TextIO) -> None:
    labels = {a.id: a.label for a in chosen.store.articles()}
    links = list(chosen.links())
    contradictions = [item for item in links if item[0].kind == "contradicts"]
    if contradictions:
        out.write("## Contradictions\n\n")
        for link, source, target in contradictions:
            out.write(
                f"| {cell(labels[source.article_id])} | {cell(labels[target.article_id])} |\n"
            )
            out.write(f"| --- | --- |\n| {cell(source.exact)} | {cell(target.exact)} |\n\n")
            if link.note:
                out.write("Note:\n\n" + blockquote(link.note) + "\n\n")
    others = [item for item in links if item[0].kind != "contradicts"]
    if others:
        out.write("## Other links\n\n")
        for link, source, target in sorted(others, key=lambda item: item[0].kind):
            out.write(
                f"- **{cell(link.kind)}**: {cell(labels[source.article_id])} "
                f"“{cell(source.exact)}” and {cell(labels[target.article_id])} "
                f"“{cell(target.exact)}”" + (f" ({cell(link.note)})" if link.note else "") + "\n"
            )
        out.write("\n")
    same = [item for item in links if item[0].kind == "same-quote"]
    if same:
        outlets = [a for a in chosen.articles]
        out.write("## Same quotation, by outlet\n\n")
        out.write("| Quotation | " + " | ".join(cell(a.label) for a in outlets) + " |\n")
        out.write("| --- |" + " --- |" * len(outlets) + "\n")
        for _, source, target in same:
            carried = {source.article_id, target.article_id}
            marks = ["yes" if a.id in carried else "" for a in outlets]
            out.write(f"| {cell(source.exact)} | " + " | ".join(marks) + " |\n")
        out.write("\n")


# -- W3C Web Annotation JSON --------------------------------------------------------


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


# -- CSV --------------------------------------------------------------------------

CSV_COLUMNS = (
    "id", "outlet", "title", "file", "paragraph", "start", "end", "tags", "passage", "note",
    "links", "created", "updated",
)  # fmt: skip


def write_csv(chosen: Chosen, out: TextIO) -> None:
    """One row per annotation; tags joined by "; ", links as "kind: other passage"."""
    rows = csv.writer(out)
    rows.writerow(CSV_COLUMNS)
    for article in chosen.articles:
        paragraphs = Paragraphs(chosen.store.article_text(article.id))
        for annotation in chosen.annotations(article):
            links = []
            for link in chosen.store.links_of(annotation.id):
                other_id = link.target_id if link.source_id == annotation.id else link.source_id
                links.append(f"{link.kind}: {chosen.store.annotation(other_id).exact}")
            rows.writerow(
                (
                    annotation.id,
                    article.label,
                    article.title,
                    article.url or article.file_name,
                    paragraphs.number(annotation.start),
                    annotation.start,
                    annotation.end,
                    "; ".join(annotation.tags),
                    annotation.exact,
                    annotation.note,
                    "; ".join(links),
                    annotation.created,
                    annotation.updated,
                )
            )
