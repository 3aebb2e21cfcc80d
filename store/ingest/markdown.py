"""Markdown files as articles: rendered to plain text, front matter as metadata.

markdown-it-py parses the Markdown (CommonMark, with tables and strikethrough);
every heading, paragraph, list item, code block and table becomes a block of
text, blocks separated by blank lines. Links keep their text, code its text as
written, emphasis loses its markers; a list item starts with ``• `` or its
number (``3. ``); images and raw HTML are left out.

YAML front matter (between ``---`` lines at the top) gives the metadata: ``title``,
``date`` (or ``published``), ``author`` or ``authors``, ``url``, ``source`` or
``link`` (an http(s) address), ``outlet``, ``publisher`` or ``site``, ``lang`` or
``language``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from store.errors import IngestError
from store.ingest.encodings import decode_text
from store.ingest.files import Document, guess_title, source_hash
from store.text.clean import clean_line, clean_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_SKIPPED_INLINE = frozenset({"image", "html_inline"})
_TEXT_INLINE = frozenset({"text", "code_inline", "text_special"})


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """The front matter's mapping (empty if there is none) and the Markdown after it."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(found.group(1) or "")
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "cannot be read"
        raise IngestError(
            f"{name}: the front matter is not valid YAML ({problem}{where})"
        ) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as err:
        # A value YAML reads but Python cannot hold (a date in year 0, a huge number).
        raise IngestError(f"{name}: the front matter is not valid YAML ({err})") from None
    return (data if isinstance(data, dict) else {}), text[found.end() :]


def _scalar(value: Any, depth: int = 0) -> str:
    """A front-matter value as one string ("" for what is not text, a date or a number).

    A list (of authors) is joined with "; "; a mapping gives its ``name``; nothing
    deeper is looked into (YAML aliases can make a small file a huge nest)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict) and depth < 2:
        return _scalar(value.get("name", ""), 2)
    if isinstance(value, list) and depth == 0:
        return "; ".join(text for text in (_scalar(item, 1) for item in value[:50]) if text)
    return ""


def _first(meta: dict[str, Any], *keys: str) -> str:
    for key in keys:
        text = clean_line(_scalar(meta.get(key))).strip()
        if text:
            return text
    return ""


def iso_date(value: str) -> str:
    """An ISO form of a date written ``2017-03-02``, ``March 2, 2017``, ...; else ``value``."""
    try:
        return datetime.fromisoformat(value).isoformat() if len(value) > 10 else value
    except ValueError:
        pass
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(value, layout).date().isoformat()
        except ValueError:
            continue
    return value


def _inline(tokens: list[Any]) -> str:
    parts = []
    for token in tokens:
        if token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("\n")
        elif token.type not in _SKIPPED_INLINE:
            parts.append(token.content if token.type in _TEXT_INLINE else "")
    return "".join(parts)


def render(markdown: str) -> tuple[str, str]:
    """(plain text, the first level-1 heading's text) of a Markdown document."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    blocks: list[str] = []
    lists: list[list[int]] = []  # [ordered?, next number] for each open list
    marker = ""
    heading = ""
    row: list[str] = []
    rows: list[str] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([kind == "ordered_list_open", int(start) if start else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            marker = f"{number}. " if ordered else "• "
            lists[-1][1] += 1
        elif kind == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            row.append(" ".join(_inline(token.children or []).split()))
        elif kind == "tr_close":
            rows.append("\t".join(row))
            row = []
        elif kind == "table_close":
            blocks.append("\n".join(rows))
            rows = []
        elif kind == "inline":
            text = _inline(token.children or []).strip()
            if text:
                blocks.append(marker + text)
                marker = ""
            if tokens[index - 1].tag == "h1" and not heading:
                heading = text
        elif kind in ("fence", "code_block") and token.content.strip():
            blocks.append(marker + token.content.rstrip("\n"))
            marker = ""
    return "\n\n".join(blocks), heading


def markdown_document(data: bytes, name: str, *, file_name: str = "", url: str = "") -> Document:
    """A Markdown file's text and front matter as a Document; problems are IngestErrors."""
    decoded = decode_text(data, name)
    meta, body = split_front_matter(clean_text(decoded.text), name)
    text, heading = render(body)
    text = clean_text(text)
    if not text.strip():
        raise IngestError(f"{name}: no text (the Markdown renders to nothing)")
    source = _first(meta, "url", "source", "link", "canonical_url")
    return Document(
        text=text,
        file_name=file_name,
        title=_first(meta, "title") or clean_line(heading) or clean_line(guess_title(text)),
        source_hash=source_hash(data),
        outlet=_first(meta, "outlet", "publisher", "site", "site_name"),
        author=_first(meta, "author", "authors"),
        published=iso_date(_first(meta, "date", "published")),
        url=source if source.lower().startswith(("http://", "https://")) else url,
        language=_first(meta, "lang", "language"),
        encoding=decoded.encoding,
        extractor="markdown",
    )
