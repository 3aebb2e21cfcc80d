"""The report's head: YAML front matter that pandoc and static-site tools read, each
source as a citable entry, and the address of a passage on its page (a text
fragment, ``#:~:text=``, that browsers scroll to and highlight)."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import quote

from store.formats.csl import citation_key
from store.formats.markdown_text import cell, escape_markdown
from store.formats.selection import Chosen
from store.records import Article

FRAGMENT_WORDS = 5
"""Words at either end of a long passage that its text fragment names."""


def _yaml(value: str) -> str:
    """A YAML scalar: a JSON string is a valid double-quoted one."""
    return json.dumps(value, ensure_ascii=False)


def story_name(chosen: Chosen) -> str:
    """The story the export was chosen by, else the one story all its articles share."""
    store = chosen.store
    if chosen.selection.story_id is not None:
        return store.story(chosen.selection.story_id).name
    shared: set[str] | None = None
    for article in chosen.articles:
        names = set(store.stories_of(article.id))
        shared = names if shared is None else shared & names
    return sorted(shared)[0] if shared and len(shared) == 1 else ""


def front_matter(chosen: Chosen, when: datetime) -> str:
    """Title, story, when, the sources (with the citation keys of ``--format csl``) and
    the tags with how many passages carry each."""
    lines = ["---", f"title: {_yaml('Annotations')}"]
    if story := story_name(chosen):
        lines.append(f"story: {_yaml(story)}")
    lines.append(f"generated: {_yaml(when.strftime('%Y-%m-%dT%H:%M:%SZ'))}")
    lines.append("generator: reader")
    lines.append("sources:" if chosen.articles else "sources: []")
    for article in chosen.articles:
        lines.append(f"  - id: {_yaml(citation_key(article))}")
        for key, value in (
            ("outlet", article.outlet),
            ("title", article.title),
            ("byline", article.author),
            ("date", article.published),
            ("url", article.url),
            ("file", article.file_name),
        ):
            if value:
                lines.append(f"    {key}: {_yaml(value)}")
    selection = chosen.selection
    everything = not (selection.article_ids or selection.story_id is not None or selection.tags)
    ids = None if everything else [article.id for article in chosen.articles]
    counts = chosen.store.tag_counts(ids, selection.tags) if chosen.articles else []
    lines.append("tags:" if counts else "tags: []")
    for name, count in counts:
        lines += [f"  - name: {_yaml(name)}", f"    count: {count}"]
    return "\n".join([*lines, "---", "", ""])


def autolink(url: str) -> str:
    """An address as a Markdown autolink (parentheses and underscores survive), or
    escaped text when it cannot be one (spaces, angle brackets)."""
    if url and not any(c.isspace() or c in "<>" for c in url):
        return f"<{url}>"
    return escape_markdown(url)


def source_entry(article: Article) -> str:
    """One source as a list item: outlet, title, byline, date, address or file."""
    parts = [f"**{cell(article.label)}**", f"“{cell(article.title)}”"]
    if article.author:
        parts.append(f"by {cell(article.author)}")
    if article.published:
        parts.append(cell(article.published))
    where = autolink(article.url) if article.url else cell(article.file_name)
    return "- " + ", ".join(parts) + (f": {where}" if where else "")


def _fragment_part(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def passage_url(url: str, exact: str) -> str:
    """The page's address with a text fragment naming the passage ('' with no page, or
    one that cannot be a link destination)."""
    if not url or any(c.isspace() or c in "<>" for c in url):
        return ""
    words = exact.split()
    if not words:
        return ""
    if len(words) <= 2 * FRAGMENT_WORDS:
        fragment = _fragment_part(" ".join(words))
    else:
        start = " ".join(words[:FRAGMENT_WORDS])
        end = " ".join(words[-FRAGMENT_WORDS:])
        fragment = f"{_fragment_part(start)},{_fragment_part(end)}"
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"
