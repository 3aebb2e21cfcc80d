"""Ingest: what users bring (web pages, URLs, Markdown, plain text in any encoding)
turned into clean article text with its metadata, ready for ``Store.add_document``.

The calls:

- ``read_source(source, *, stdin=None) -> Document``: a file (``.html``/``.htm``
  saved page, ``.md`` Markdown, anything else plain text; ``.gz`` too), ``-``
  (standard input, given as bytes) or one URL.
- ``fetch_documents(urls, *, progress=None, concurrency=6) -> list[Document |
  IngestError]``: several URLs at once, in order; ``fetch_document(url)`` for one.
- ``Source.parse(source)`` tells a URL, ``-`` and the file kinds apart.

Every problem is an ``IngestError`` (``store.errors``) of one line naming the
source. Importing this package loads none of the heavy libraries (trafilatura,
readability, lxml, httpx, charset-normalizer, PyYAML): each is imported by the
function that needs it, so ``reader`` starts without them.

Imports only ``store.text``, ``store.records`` and ``store.errors``.
"""

from typing import TYPE_CHECKING, Any

from store.ingest.files import Document, document_from_bytes, read_bytes, read_document
from store.ingest.sources import Source, read_source, read_stream

if TYPE_CHECKING:
    from store.ingest.fetch import (
        FetchLimits,
        fetch_document,
        fetch_documents,
        fetch_documents_async,
    )

_FETCHING = frozenset({"FetchLimits", "fetch_document", "fetch_documents", "fetch_documents_async"})


def __getattr__(name: str) -> Any:
    """The fetching names, imported when first asked for: fetching needs asyncio and
    threads, which opening the app never does."""
    if name in _FETCHING:
        from store.ingest import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module 'store.ingest' has no attribute {name!r}")


__all__ = [
    "Document",
    "FetchLimits",
    "Source",
    "document_from_bytes",
    "fetch_document",
    "fetch_documents",
    "fetch_documents_async",
    "read_bytes",
    "read_document",
    "read_source",
    "read_stream",
]
