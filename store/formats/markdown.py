"""The Markdown report: the sources, each article's passages with their tags,
positions and notes, then the links (contradictions side by side)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from store.formats.markdown_text import blockquote, cell, escape_markdown
from store.formats.selection import Chosen, Paragraphs
from store.records import Annotation, Article


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
