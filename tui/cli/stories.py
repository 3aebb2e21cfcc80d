"""``reader stories`` and ``reader search``: the library's stories, and finding
anything across them."""

from __future__ import annotations

import argparse
import json
import sys

from store import Store, StoreError
from store.records import Hit, Story
from tui.cli.common import OK, Subcommand, add_db_option, opened


def add_story_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--story", metavar="NAME", help=what)


def named_story(store: Store, name: str) -> Story:
    """The story called ``name``; a StoreError naming it when there is none."""
    story = store.find_story(name)
    if story is None:
        raise StoreError(f"no story named {name!r}; reader stories lists them")
    return story


def _stories_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table")


def _stories(args: argparse.Namespace) -> int:
    with opened(args) as store:
        stories = store.stories()
    rows = [
        {
            "id": s.id,
            "name": s.name,
            "articles": s.articles,
            "annotations": s.annotations,
            "opened": s.opened,
        }
        for s in stories
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return OK
    columns = ("id", "name", "articles", "annotations", "opened")
    sys.stdout.write("\t".join(columns) + "\n")
    for row in rows:
        sys.stdout.write("\t".join(" ".join(str(row[c]).split()) for c in columns) + "\n")
    return OK


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        nargs="+",
        help='words, "a phrase", prefix*, AND / OR / NOT (SQLite FTS5 syntax)',
    )
    add_db_option(parser)
    add_story_option(parser, "only this story's articles (default: every story)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with opened(args) as store:
        story_id = named_story(store, args.story).id if args.story else None
        hits = store.search(query, story_id)
        labels = {a.id: (a.label, a.title) for a in store.articles()} if hits else {}
    if args.format == "json":
        json.dump([_hit_json(hit, labels[hit.article_id]) for hit in hits], sys.stdout,
                  ensure_ascii=False, indent=1)  # fmt: skip
        sys.stdout.write("\n")
        return OK
    for hit in hits:
        outlet, title = labels[hit.article_id]
        where = f"article {hit.article_id}, {hit.field}"
        if hit.field in ("text", "note", "tags"):
            where += f", at {hit.start}"
        sys.stdout.write(f"{outlet}: {title} ({where})\n  {_marked(hit)}\n")
    if not hits:
        print(f"nothing found for {query}", file=sys.stderr)
    return OK


def _marked(hit: Hit) -> str:
    """The snippet with each match between « and »."""
    text, done = hit.snippet, 0
    parts = []
    for start, end in hit.marks:
        parts += [text[done:start], "«", text[start:end], "»"]
        done = end
    return "".join([*parts, text[done:]])


def _hit_json(hit: Hit, label: tuple[str, str]) -> dict[str, object]:
    return {
        "article": hit.article_id,
        "outlet": label[0],
        "title": label[1],
        "field": hit.field,
        "start": hit.start,
        "end": hit.end,
        "annotation": hit.annotation_id,
        "snippet": hit.snippet,
        "marks": [list(mark) for mark in hit.marks],
    }


COMMANDS = (
    Subcommand(
        "stories",
        "list the stories: name, articles, annotations, last opened",
        _stories_arguments,
        _stories,
        "List the stories in the library, the one opened most recently first.",
    ),
    Subcommand(
        "search",
        "find words in every article, title, outlet, note and tag name",
        _search_arguments,
        _search,
        "Search article texts, titles, outlets, notes and tag names (in every story, or "
        "one with --story); each hit with its article, where, and a snippet with the "
        "matched words between « and ».",
    ),
)
