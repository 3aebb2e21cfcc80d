"""What a user names (a URL, a file, ``-``) read as a Document.

``Source.parse`` tells the kinds apart: an ``http(s)://`` address; ``-`` for
standard input; else a file, by its suffix: ``.html``, ``.htm``, ``.xhtml`` a
saved web page, ``.md``, ``.markdown`` Markdown, anything else plain text. A
further ``.gz`` (``page.html.gz``) is decompressed first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from store.errors import IngestError
from store.ingest.content import looks_like_html, one_line, text_document
from store.ingest.files import MAX_BYTES, Document, read_bytes
from store.text.clean import clean_line

SourceKind = Literal["url", "html", "markdown", "text", "stdin"]
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
STDIN_NAME = "stdin"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


@dataclass(frozen=True)
class Source:
    """A source as the user named it, and what kind it is."""

    kind: SourceKind
    location: str
    """The URL, the path, or ``-``."""
    compressed: bool = False
    """A file ending in ``.gz``: gzip-compressed."""

    @classmethod
    def parse(cls, source: str) -> Source:
        """The kind of ``source``; raises IngestError for an address reader cannot fetch."""
        if source == "-":
            return cls("stdin", source)
        scheme = _SCHEME.match(source)
        if scheme:
            if scheme.group(1).lower() in ("http", "https"):
                return cls("url", source)
            raise IngestError(f"{source}: only http and https addresses can be fetched")
        name = Path(source).name.lower()
        compressed = name.endswith(".gz")
        name = name.removesuffix(".gz")
        if name.endswith(HTML_SUFFIXES):
            return cls("html", source, compressed)
        if name.endswith(MARKDOWN_SUFFIXES):
            return cls("markdown", source, compressed)
        return cls("text", source, compressed)


def read_stream(stream: BinaryIO, limit: int | None = None) -> bytes:
    """At most ``limit`` (``MAX_BYTES``) bytes of a stream such as ``sys.stdin.buffer``;
    an IngestError if there are more."""
    limit = MAX_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"{STDIN_NAME}: too large (the limit is {limit // 2**20} MiB)")
    return data


def read_source(source: str | Source, *, stdin: bytes | None = None) -> Document:
    """Read a file, standard input or a URL as a Document; every problem is an IngestError.

    Args:
        source: a path, ``-``, or an http(s) URL (fetched with ``fetch_document``;
            use ``fetch_documents`` to fetch several at once).
        stdin: the bytes of standard input, for ``-`` (see ``read_stream``). An
            HTML document there is read as a web page, anything else as text.
    """
    try:
        return _read(source if isinstance(source, Source) else Source.parse(source), stdin)
    except IngestError as err:
        raise one_line(err) from None


def _read(parsed: Source, stdin: bytes | None) -> Document:
    from store.ingest.inflate import gunzip
    from store.ingest.markdown import markdown_document
    from store.ingest.webpage import document_from_html

    if parsed.kind == "url":
        from store.ingest.fetch import fetch_document

        return fetch_document(parsed.location)
    if parsed.kind == "stdin":
        if stdin is None:
            raise IngestError(f"{STDIN_NAME}: nothing was given on standard input")
        if len(stdin) > MAX_BYTES:
            raise IngestError(f"{STDIN_NAME}: too large (the limit is {MAX_BYTES // 2**20} MiB)")
        if looks_like_html(stdin):
            return document_from_html(stdin, STDIN_NAME)
        return text_document(stdin, STDIN_NAME)
    name = parsed.location
    data = read_bytes(name)
    if parsed.compressed:
        data = gunzip(data, name, MAX_BYTES)
    file_name = clean_line(Path(name).name)
    if parsed.kind == "html":
        return document_from_html(data, name, file_name=file_name)
    if parsed.kind == "markdown":
        return markdown_document(data, name, file_name=file_name)
    return text_document(data, name, file_name=file_name)
