"""Annotations into the database: W3C Web Annotation JSON (reader's own export, or
Hypothesis' export where it maps); ``store.formats.merge`` brings in another
reader database through the same ``import_items``.

An import is one undoable action in one transaction: it all lands or none of it
does. Annotations keep their ids, so importing the same file twice adds nothing.
They attach to articles by content hash, URL or file name and are re-anchored by
their quote when the positions do not fit the text; what cannot be attached is
listed in the report, never dropped silently.
"""

from __future__ import annotations

import gc
import json
import stat
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from store.db import Store
from store.errors import StoreError
from store.records import Article, Tag
from store.text.anchor import anchor
from store.text.clean import content_hash

MAX_IMPORT_BYTES = 512 * 2**20
"""Largest file imported (512 MiB: an export of 100,000 annotations is about 90)."""
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
        return "; ".join(parts)


class Passage(NamedTuple):
    """One annotation item as read from the file (a tuple: an import makes 100,000)."""

    id: str
    source: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""


def _strip_urn(value: str) -> str:
    return value.removeprefix("urn:uuid:")


def _selectors(target: dict[str, Any], where: str) -> tuple[str, str, str, int | None]:
    selectors = target.get("selector", [])
    quote = position = None
    for selector in [selectors] if isinstance(selectors, dict) else selectors:
        kind = selector.get("type")
        if kind == "TextQuoteSelector":
            quote = quote or selector
        elif kind == "TextPositionSelector":
            position = position or selector
    if quote is None or not isinstance(quote.get("exact"), str):
        raise StoreError(f"{where}: no TextQuoteSelector with an exact quote")
    start = position.get("start") if position else None
    return (
        quote["exact"],
        str(quote.get("prefix", "")),
        str(quote.get("suffix", "")),
        start if isinstance(start, int) else None,
    )


def _passage(item: dict[str, Any], where: str) -> Passage:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        raise StoreError(f"{where}: not an annotation (it has no id)")
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict):
        raise StoreError(f"{where}: the annotation has no target")
    exact, prefix, suffix, start = _selectors(target, where)
    bodies = item.get("body", [])
    tags: list[Any] = []
    notes: list[Any] = []
    for body in [bodies] if isinstance(bodies, dict) else bodies:
        if "value" in body:
            purpose = body.get("purpose")
            if purpose == "tagging":
                tags.append(body["value"])
            elif purpose == "commenting":
                notes.append(body["value"])
    tags += [t for t in item.get("tags", ()) if isinstance(t, str)]  # Hypothesis
    if isinstance(item.get("text"), str) and item["text"]:
        notes.append(item["text"])  # Hypothesis
    return Passage(
        id=_strip_urn(item["id"]),
        source=str(target.get("source") or item.get("uri") or ""),
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        tags=tuple(dict.fromkeys(map(str, tags))),
        note="\n\n".join(map(str, notes)),
        created=str(item.get("created", "")),
        updated=str(item.get("modified", item.get("updated", ""))),
    )


def read_items(data: Any, name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The items and the sources of a collection, a page, or a Hypothesis list."""
    if isinstance(data, list):
        return data, []
    if not isinstance(data, dict):
        raise StoreError(f"{name}: not Web Annotation JSON (expected an object or a list)")
    if isinstance(data.get("rows"), list):  # Hypothesis' search API
        return data["rows"], []
    page = data.get("first", data)
    items = page.get("items") if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise StoreError(f"{name}: no annotations found (expected first.items or a list)")
    sources = data.get("sources", [])
    return items, sources if isinstance(sources, list) else []


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


def import_json(store: Store, path: str | Path) -> Report:
    """Import a Web Annotation JSON file; one transaction, one undo step."""
    path = Path(path)
    with collector_paused():
        data = _parsed(path)
        items, sources = read_items(data, str(path))
        return import_items(store, _consumed(items), sources, path.name)


def _parsed(path: Path) -> Any:
    """The file's JSON; a StoreError naming it when it is missing, not a regular file,
    too large, not UTF-8, not JSON, or nested too deeply to read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: not a regular file")
        if info.st_size > MAX_IMPORT_BYTES:
            raise StoreError(
                f"{path}: too large ({info.st_size / 2**20:.0f} MiB; "
                f"the limit is {MAX_IMPORT_BYTES // 2**20} MiB)"
            )
        with path.open("rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise StoreError(f"{path}: too large (the limit is {MAX_IMPORT_BYTES // 2**20} MiB)")
        return json.loads(data.decode("utf-8-sig"))
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory, not a file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(f"{path}: cannot be read ({err})") from None
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}: not JSON ({err.msg} at line {err.lineno})") from None
    except RecursionError:
        raise StoreError(f"{path}: nested too deeply to be annotations") from None


def _consumed(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The items in order, each let go of once read.

    The parsed file is the largest thing an import holds (hundreds of megabytes at
    100,000 annotations): what its items free is reused for the rows and the
    undo entry, rather than asked of the system again.
    """
    items.reverse()
    while items:
        yield items.pop()


def import_items(
    store: Store,
    items: Iterable[dict[str, Any]],
    sources: list[dict[str, Any]],
    name: str,
    *,
    articles: Sequence[tuple[Article, str]] = (),
    tags: Sequence[Tag] = (),
) -> Report:
    """Add ``items`` (Web Annotation dicts) in one undoable transaction.

    ``articles`` (metadata and text) are added first, in the same transaction,
    unless their text is already here; ``tags`` give the colour and digit of any
    tag that is new here (a digit already taken is left off).
    """
    report = Report()
    styles = {tag.name: tag for tag in tags}
    passages: list[Passage] = []
    links: list[tuple[dict[str, Any], str]] = []
    for number, item in enumerate(items, 1):
        where = f"{name}: item {number}"
        if isinstance(item, dict) and item.get("motivation") == "linking":
            links.append((item, where))
        else:
            passages.append(_passage(item, where))
    tag_ids = {t.name: t.id for t in store.tags()}
    taken_keys = {t.key for t in store.tags() if t.key is not None}
    added: set[str] = set()
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
        finder = ArticleFinder(store, sources)
        for first in range(0, len(passages), BATCH):
            batch = passages[first : first + BATCH]
            here = store.annotations_here([passage.id for passage in batch])
            rows: list[dict[str, Any]] = []
            tagged: list[dict[str, Any]] = []
            for passage in batch:
                if passage.id in here or passage.id in added:
                    report.already += 1
                    continue
                article = finder.find(passage.source)
                if article is None:
                    report.unattached.append(
                        f"{passage.exact[:60]!r}: no article for {passage.source}"
                    )
                    continue
                text = store.article_text(article.id)
                span = anchor(text, passage.exact, passage.prefix, passage.suffix, passage.start)
                if span is None:
                    report.unattached.append(
                        f"{passage.exact[:60]!r}: the quote is not in {article.label}"
                    )
                    continue
                if span[0] != passage.start:
                    report.reanchored += 1
                for tag in passage.tags:
                    if tag not in tag_ids:
                        style = styles.get(tag)
                        key = style.key if style and style.key not in taken_keys else None
                        colour = style.colour if style else UNTAGGED_COLOUR
                        tag_ids[tag] = work.put_tag(tag, colour, key)
                        if key is not None:
                            taken_keys.add(key)
                        report.tags_created.append(tag)
                when = (passage.created, passage.updated)
                rows.append(work.annotation_row(article.id, *span, passage.note, passage.id, when))
                # The annotation is new: so are its tags (``_passage`` left out repeats).
                for tag in passage.tags:
                    tagged.append({"annotation_id": passage.id, "tag_id": tag_ids[tag]})
                added.add(passage.id)
                report.added += 1
            work.add_annotations(rows, tagged)
        for item, where in links:
            link_id = _strip_urn(str(item.get("id", "")))
            target = item.get("target", {})
            bodies = item.get("body", [])
            other = next(
                (b for b in bodies if isinstance(b, dict) and b.get("type") == "SpecificResource"),
                None,
            )
            kind = next(
                (b.get("value") for b in bodies if isinstance(b, dict)
                 and b.get("purpose") == "classifying"),
                "other",
            )  # fmt: skip
            note = next(
                (b.get("value", "") for b in bodies if isinstance(b, dict)
                 and b.get("purpose") == "commenting"),
                "",
            )  # fmt: skip
            if not link_id or not isinstance(target, dict) or other is None:
                raise StoreError(
                    f"{where}: a link needs an id, a target and a SpecificResource body"
                )
            source_id, target_id = (
                _strip_urn(str(target.get("id", ""))),
                _strip_urn(str(other.get("id", ""))),
            )
            if store.has_link(link_id):
                continue
            if not all(end in added or store.has_annotation(end) for end in (source_id, target_id)):
                report.unattached.append(f"link {link_id}: one of its passages is missing")
                continue
            work.insert_link(
                source_id,
                target_id,
                str(kind),
                str(note),
                link_id=link_id,
                created=str(item.get("created", "")) or None,
            )
            report.links += 1
    return report


class ArticleFinder:
    """Which article a target's source names: by content hash, URL or file name."""

    def __init__(self, store: Store, sources: list[dict[str, Any]]) -> None:
        self.articles = store.articles()
        self.by_hash = {f"urn:sha256:{a.content_hash}": a for a in self.articles}
        self.by_url = {a.url: a for a in self.articles if a.url}
        self.by_file = {a.file_name: a for a in self.articles if a.file_name}
        self.sources = {s.get("id"): s for s in sources if isinstance(s, dict)}

    def find(self, source: str) -> Article | None:
        if source in self.by_hash:
            return self.by_hash[source]
        if source in self.by_url:
            return self.by_url[source]
        described = self.sources.get(source, {})
        for key, table in (("url", self.by_url), ("fileName", self.by_file)):
            value = described.get(key)
            if value and value in table:
                return table[value]
        return None
