"""``reader add SOURCE...``: articles into the library from URLs, saved pages,
Markdown, text files and standard input, each into a story; and the same sources
for ``reader SOURCE...`` before the app opens them.

URLs are fetched together (``store.ingest.fetch_documents``, six at once) with a
progress line on stderr when it is a terminal; the other sources are read in turn.
A source that fails is one line on stderr, the others are still added.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from store import IngestError, Store
from store.ingest import Document, Source
from store.records import Story
from tui.cli.common import FAILED, OK, Subcommand, add_db_option, fail, opened

NEW_STORY = "My articles"
"""Where articles go when no story is named and none was opened yet."""


@dataclass
class Added:
    """What adding some sources did: each article's id (in the sources' order), those
    already in the library, and one line per source that failed."""

    ids: list[int] = field(default_factory=list)
    already: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Lines for the user besides the articles: an encoding assumed, say."""
    failed: list[str] = field(default_factory=list)


def target_story(store: Store, name: str | None) -> Story:
    """The story to add to: ``name`` (made if new), else the one opened last, else a new
    "My articles"."""
    if name:
        return store.story_named(name)
    return store.opened_story() or store.story_named(NEW_STORY)


def add_sources(
    store: Store, sources: Sequence[str], story: Story, stdin: bytes | None = None
) -> Added:
    """Read, fetch and store ``sources`` into ``story``."""
    parsed = [(source, _parse(source)) for source in sources]
    urls = [source for source, kind in parsed if kind == "url"]
    fetched = dict(zip(urls, _fetch(urls), strict=True)) if urls else {}
    added = Added()
    for source, kind in parsed:
        try:
            found = fetched[source] if kind == "url" else _read(store, source, stdin)
            if isinstance(found, IngestError):
                raise found
            if isinstance(found, int):
                article_id, new = found, False
            else:
                addition = store.add_document_report(found)
                article_id, new = addition.article_id, addition.added
                if addition.version is not None:
                    added.notes.append(f"{source}: {addition.version.summary()}")
                if new and found.encoding.replace("_", "-") not in _PLAIN_ENCODINGS:
                    added.notes.append(f"{source}: read as {found.encoding}")
        except IngestError as err:
            added.failed.append(str(err))
            continue
        added.ids.append(article_id)
        if not new:
            added.already.append((source, article_id))
    if added.ids:
        store.add_to_story(story.id, added.ids)
    return added


_PLAIN_ENCODINGS = frozenset({"", "utf-8", "utf-8-sig", "ascii"})
"""Encodings not worth a word: anything else was a guess the user should know of."""


def _parse(source: str) -> str:
    try:
        return Source.parse(source).kind
    except IngestError:
        return "text"


def _read(store: Store, source: str, stdin: bytes | None) -> Document | int:
    """The source read as a Document, or the id of the article its bytes were before."""
    from store.ingest import read_source

    if source != "-":
        known = store.known_file(source)
        if known is not None:
            return known
    return read_source(source, stdin=stdin)


def _fetch(urls: list[str]) -> list[Document | IngestError]:
    from store.ingest import fetch_documents

    progress = _progress if sys.stderr.isatty() else None
    try:
        return fetch_documents(urls, progress=progress)
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rfetching [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    sys.stderr.flush()


def report_failures(name: str, added: Added) -> None:
    for problem in added.failed:
        fail(name, problem)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="an http(s) URL, a saved page (.html, .htm), Markdown (.md, .markdown), "
        "a text file, or - for standard input",
    )
    add_db_option(parser)
    parser.add_argument(
        "--story",
        metavar="NAME",
        help="the story to add to (a new name makes it; default: the story opened last)",
    )


def _add(args: argparse.Namespace) -> int:
    from store.ingest import read_stream

    stdin = read_stream(sys.stdin.buffer) if "-" in args.sources else None
    with opened(args) as store:
        story = target_story(store, args.story)
        added = add_sources(store, args.sources, story, stdin)
        articles = {a.id: a for a in store.articles()} if added.ids else {}
    for article_id in added.ids:
        article = articles[article_id]
        print(f"{article.id}\t{_cell(article.outlet)}\t{_cell(article.title)}")
    for source, article_id in added.already:
        print(f"reader add: {source}: already in the library as #{article_id}", file=sys.stderr)
    for note in added.notes:
        print(f"reader add: {note}", file=sys.stderr)
    report_failures("add", added)
    return FAILED if added.failed else OK


def _cell(text: str) -> str:
    return " ".join(text.split())


COMMANDS = (
    Subcommand(
        "add",
        "add articles from URLs, saved pages, Markdown, text files or standard input",
        _arguments,
        _add,
        "Add articles to the library, into a story: URLs (fetched six at once), saved web "
        "pages, Markdown, text in any encoding, or - for standard input. Prints "
        "ID<TAB>OUTLET<TAB>TITLE for each; a source that fails is one line on stderr and "
        "the exit status is 1.",
    ),
)
