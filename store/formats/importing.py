"""Annotations into the database: W3C Web Annotation JSON (reader's own export and any
other tool's) and Hypothesis' JSON (``store.formats.import_items`` reads the items);
``store.formats.merge`` brings in another reader database through the same
``import_items``.

An import is one undoable action in one transaction: it all lands or none of it
does. Annotations keep their ids, so importing the same file twice adds nothing.
They attach to articles by content hash, URL or file name and are re-anchored by
their quote when the positions do not fit the text; what cannot be attached, and
items that are not passages (page notes, replies, malformed items), are listed in
the report by item number, never dropped silently and never fatal.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.db import Store, Work
from store.db.schema import LINK_KINDS
from store.formats.import_file import consumed, file_items, parsed
from store.formats.import_items import LinkItem, Passage, Target, read_items
from store.records import Article, Tag
from store.text.anchor import anchor
from store.text.clean import content_hash

UNTAGGED_COLOUR = "#808080"
BATCH = 500
"""Passages looked up (which are here already) and written together."""
BULK_CACHE_MB = 64
"""SQLite's page cache while an import writes (``Store.page_cache``)."""


@dataclass
class Report:
    """What an import did."""

    added: int = 0
    already: int = 0
    articles: int = 0
    reanchored: int = 0
    links: int = 0
    tags_created: list[str] = field(default_factory=list)
    unattached: list[str] = field(default_factory=list)
    """Passages and links that could not be attached, by item number and why."""
    skipped: list[str] = field(default_factory=list)
    """Items that are not passages or links (page notes, replies, malformed items)."""

    def summary(self) -> str:
        parts = [f"{self.added} annotations added", f"{self.already} already there"]
        if self.articles:
            parts.insert(0, f"{self.articles} articles added")
        if self.reanchored:
            parts.append(f"{self.reanchored} re-anchored by their quote")
        parts.append(f"{self.links} links added")
        if self.tags_created:
            parts.append(f"new tags: {', '.join(self.tags_created)}")
        if self.unattached:
            parts.append(f"{len(self.unattached)} could not be attached")
        if self.skipped:
            parts.append(f"{len(self.skipped)} items skipped (not passages)")
        return "; ".join(parts)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while an import builds its objects.

    An import makes millions of objects (the parsed file, the rows, the undo
    entry) and frees next to none of them until it ends: each collection would
    walk them all again, which made an import of 100,000 annotations take
    about twice as long.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_json(store: Store, path: str | Path, *, article_id: int | None = None) -> Report:
    """Import a Web Annotation or Hypothesis JSON file; one transaction, one undo step.

    ``article_id``: the article to attach annotations whose source is not found here
    (a Hypothesis page saved and imported under another address, a file that names
    no source).
    """
    path = Path(path)
    with collector_paused():
        data = parsed(path)
        items, sources = file_items(data, str(path))
        fallback = store.article(article_id) if article_id is not None else None
        return import_items(store, consumed(items), sources, path.name, fallback=fallback)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
"""How SQLite's NOCASE compares tag names: ASCII letters folded, nothing else."""


def import_items(
    store: Store,
    items: Iterable[Any],
    sources: list[dict[str, Any]],
    name: str,
    *,
    articles: Sequence[tuple[Article, str]] = (),
    tags: Sequence[Tag] = (),
    fallback: Article | None = None,
) -> Report:
    """Add ``items`` (Web Annotation or Hypothesis dicts) in one undoable transaction.

    ``articles`` (metadata and text) are added first, in the same transaction,
    unless their text is already here; ``tags`` give the colour and digit of any
    tag that is new here (a digit already taken is left off); ``fallback`` takes the
    annotations whose source is not found.
    """
    report = Report()
    passages: list[Passage] = []
    links: list[LinkItem] = []
    for found in read_items(iter(items)):
        if isinstance(found, Passage):
            passages.append(found)
        elif isinstance(found, LinkItem):
            links.append(found)
        else:
            report.skipped.append(f"item {found.number}: {found.reason}")
    verb = "merge" if articles else "import"
    with (
        store.page_cache(BULK_CACHE_MB),
        store.action(f"{verb} {name}") as work,
        work.notes_indexed_at_end(),
    ):
        for incoming, text in articles:
            if store.find_article(content_hash(text)) is None:
                work.insert_article(
                    text,
                    title=incoming.title,
                    outlet=incoming.outlet,
                    author=incoming.author,
                    published=incoming.published,
                    url=incoming.url,
                    file_name=incoming.file_name,
                )
                report.articles += 1
        added = _add_passages(store, work, passages, sources, tags, fallback, report)
        _add_links(store, work, links, added, report)
    return report


def _add_passages(
    store: Store,
    work: Work,
    passages: list[Passage],
    sources: list[dict[str, Any]],
    styles: Sequence[Tag],
    fallback: Article | None,
    report: Report,
) -> set[str]:
    """Add the passages a batch at a time; the ids of those added."""
    tagger = Tagger(store, work, styles, report)
    known = tagger.by_name
    finder = ArticleFinder(store, sources, fallback)
    added: set[str] = set()
    for first in range(0, len(passages), BATCH):
        batch = passages[first : first + BATCH]
        here = store.annotations_here([passage.id for passage in batch])
        rows: list[dict[str, Any]] = []
        tagged: list[dict[str, Any]] = []
        for passage in batch:
            if passage.id in here or passage.id in added:
                report.already += 1
                continue
            found = _attach(store, finder, passage.targets)
            if isinstance(found, str):
                report.unattached.append(f"item {passage.number}: {found}")
                continue
            article, span, moved = found
            report.reanchored += moved
            when = (passage.created, passage.updated)
            rows.append(
                work.annotation_row(
                    article.id, *span, passage.note, passage.id, when,
                    creator=passage.creator, origin=passage.origin,
                )
            )  # fmt: skip
            if passage.tags:
                found_ids = [known.get(tag) or tagger.tag_id(tag) for tag in passage.tags]
                tagged += [
                    {"annotation_id": passage.id, "tag_id": tag_id}
                    for tag_id in (found_ids if len(found_ids) < 2 else dict.fromkeys(found_ids))
                ]
            added.add(passage.id)
            report.added += 1
        work.add_annotations(rows, tagged)
    return added


def _attach(
    store: Store, finder: ArticleFinder, targets: tuple[Target, ...]
) -> tuple[Article, tuple[int, int], bool] | str:
    """The first target that anchors: its article, span and whether it moved; else why
    none did."""
    why = "no target to anchor"
    for target in targets:
        article = finder.find(target.source)
        if article is None:
            why = f"no article for {target.source or 'its target (it names no source)'}"
            continue
        text = store.article_text(article.id)
        if target.exact:
            span = anchor(text, target.exact, target.prefix, target.suffix, target.start)
        elif target.end is not None and target.end <= len(text):
            span = (target.start or 0, target.end)
        else:
            span = None
        if span is None:
            quoted = target.exact[:60] or f"characters {target.start}-{target.end}"
            why = f"{quoted!r} is not in {article.label}"
            continue
        return article, span, target.start is not None and span[0] != target.start
    return why


class Tagger:
    """Tags by name, made when new (case as SQLite's NOCASE compares them)."""

    def __init__(self, store: Store, work: Work, styles: Sequence[Tag], report: Report) -> None:
        self.work = work
        self.report = report
        self.styles = {tag.name: tag for tag in styles}
        self.ids = {t.name.translate(_ASCII_LOWER): t.id for t in store.tags()}
        self.taken = {t.key for t in store.tags() if t.key is not None}
        self.by_name: dict[str, int] = {}
        """Names as written in the file, with their ids once looked up."""

    def tag_id(self, name: str) -> int:
        key = name.translate(_ASCII_LOWER)
        found = self.ids.get(key)
        if found is None:
            style = self.styles.get(name)
            digit = style.key if style and style.key not in self.taken else None
            colour = style.colour if style else UNTAGGED_COLOUR
            found = self.ids[key] = self.work.put_tag(name, colour, digit)
            if digit is not None:
                self.taken.add(digit)
            self.report.tags_created.append(name)
        self.by_name[name] = found
        return found


def _add_links(
    store: Store, work: Work, links: list[LinkItem], added: set[str], report: Report
) -> None:
    made: set[str] = set()
    for link in links:
        where = f"item {link.number}: link {link.id}"
        if link.id in made or store.has_link(link.id):
            continue
        if link.kind not in LINK_KINDS:
            report.unattached.append(f"{where}: no link kind {link.kind!r} here")
        elif link.source == link.target:
            report.unattached.append(f"{where}: it links a passage to itself")
        elif not all(e in added or store.has_annotation(e) for e in (link.source, link.target)):
            report.unattached.append(f"{where}: one of its passages is missing")
        else:
            work.insert_link(
                link.source, link.target, link.kind, link.note,
                link_id=link.id, created=link.created or None, creator=link.creator,
            )  # fmt: skip
            made.add(link.id)
            report.links += 1


class ArticleFinder:
    """Which article a target's source names: by content hash, URL (its fragment and a
    trailing slash aside) or file name, directly or through the file's ``sources``."""

    def __init__(
        self, store: Store, sources: list[dict[str, Any]], fallback: Article | None = None
    ) -> None:
        self.articles = store.articles()
        self.by_hash = {f"urn:sha256:{a.content_hash}": a for a in self.articles}
        self.by_url = {_address(a.url): a for a in self.articles if a.url}
        self.by_file = {a.file_name: a for a in self.articles if a.file_name}
        self.sources = {s.get("id"): s for s in sources}
        self.fallback = fallback

    def find(self, source: str) -> Article | None:
        found = (
            self.by_hash.get(source)
            or self.by_url.get(_address(source))
            or self.by_file.get(source)
        )
        if found is not None:
            return found
        described = self.sources.get(source, {})
        url, file_name = described.get("url"), described.get("fileName")
        if isinstance(url, str) and _address(url) in self.by_url:
            return self.by_url[_address(url)]
        if isinstance(file_name, str) and file_name in self.by_file:
            return self.by_file[file_name]
        return self.fallback


def _address(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/")
