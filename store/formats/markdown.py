"""The Markdown report: front matter (title, story, when, sources, tags with counts),
the sources, each article's passages with their tags, positions, dates, annotators,
ids and a link back to the passage, and notes; then the links (contradictions side
by side)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from store.formats.markdown_front import front_matter, passage_url, source_entry
from store.formats.markdown_text import blockquote, cell, escape_markdown
from store.formats.selection import Chosen, Paragraphs
from store.records import Annotation, Article

_NOT_IN_IDS = re.compile(r"[^A-Za-z0-9_-]")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")


def write_markdown(chosen: Chosen, out: TextIO) -> None:
    when = chosen.selection.generated or datetime.now(UTC)
    out.write(front_matter(chosen, when))
    made = when.strftime("%Y-%m-%d %H:%M UTC")
    out.write("# Annotations\n\n")
    out.write(f"Made {made} by reader from {escape_markdown(Path(chosen.store.name).name)}.\n\n")
    out.write("## Sources\n\n")
    for article in chosen.articles:
        out.write(source_entry(article) + "\n")
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


@lru_cache(maxsize=256)
def _by(creator: str) -> str:
    return f" by {cell(creator)}" if creator else ""


def anchor_id(annotation_id: str) -> str:
    """The HTML id of an annotation's entry (``#a-<id>`` links to it)."""
    if _SAFE_ID.fullmatch(annotation_id):
        return "a-" + annotation_id
    return "a-" + _NOT_IN_IDS.sub("-", annotation_id)


def _passage(
    out: TextIO, annotation: Annotation, article: Article, paragraph: int, label: str = ""
) -> None:
    """One passage: its quote, then what it is (``label``: its source, escaped, when
    the passages are grouped by tag), where, when, by whom, a link to it on its page
    and its id; then its note."""
    back = ""
    if article.url and (url := passage_url(article.url, annotation.exact)):
        back = f" · [the passage in {cell(article.label)}](<{url}>)"
    ident = annotation.id
    anchor = "a-" + ident if _SAFE_ID.fullmatch(ident) else anchor_id(ident)
    ident = f"id `{ident}`" if "`" not in ident else "id " + cell(ident)
    note = f"Note:\n\n{blockquote(annotation.note)}\n\n" if annotation.note else ""
    out.write(
        f'{blockquote(annotation.exact)}\n\n<a id="{anchor}"></a>'
        f"{label + ' · ' if label else ''}{_tag_list(annotation.tags)} · "
        f"paragraph {paragraph}, characters {annotation.start}–{annotation.end} · "
        f"{annotation.created[:10]}{_by(annotation.creator)}{back} · {ident}\n\n{note}"
    )


def _markdown_by_article(chosen: Chosen, out: TextIO) -> None:
    for article in chosen.articles:
        annotations = chosen.annotations(article)
        if not annotations:
            continue
        out.write(f"## {cell(article.label)}: {cell(article.title)}\n\n")
        paragraphs = Paragraphs(chosen.store.article_text(article.id))
        for annotation in annotations:
            _passage(out, annotation, article, paragraphs.number(annotation.start))


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
            number = paragraphs.number(annotation.start)
            _passage(out, annotation, article, number, cell(article.label))


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
