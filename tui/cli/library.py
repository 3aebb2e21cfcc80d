"""``reader articles`` and ``reader text``: what the library holds, and an article's
text exactly as stored (what annotations point into)."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import OK, Subcommand, add_db_option, opened


def _articles_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--format", choices=("table", "json"), default="table")


def _articles(args: argparse.Namespace) -> int:
    with opened(args) as store:
        articles = store.articles()
        counts = store.annotation_counts()
    rows = [
        {
            "id": a.id,
            "outlet": a.outlet,
            "title": a.title,
            "published": a.published,
            "source": a.url or a.file_name,
            "words": a.words,
            "annotations": counts.get(a.id, 0),
        }
        for a in articles
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return OK
    columns = ("id", "outlet", "title", "published", "source", "words", "annotations")
    sys.stdout.write("\t".join(columns) + "\n")
    for row in rows:
        sys.stdout.write("\t".join(_one_line(row[c]) for c in columns) + "\n")
    return OK


def _one_line(value: object) -> str:
    """A table cell: tabs and line breaks would split it, so they become spaces."""
    return " ".join(str(value).split())


def _text_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="the article's id (reader articles lists them)")
    add_db_option(parser)


def _text(args: argparse.Namespace) -> int:
    with opened(args) as store:
        text = store.article_text(args.id)
    sys.stdout.write(text)
    return OK


COMMANDS = (
    Subcommand(
        "articles",
        "list the articles: id, outlet, title, date, source, words, annotations",
        _articles_arguments,
        _articles,
        "List every article in the library: id, outlet, title, date, URL or file name, "
        "words and annotations (tab-separated, or JSON).",
    ),
    Subcommand(
        "text",
        "print an article's text exactly as stored",
        _text_arguments,
        _text,
        "Print an article's stored text exactly: the text annotations' offsets point into.",
    ),
)
