"""Ingest: what users bring (files; later web pages, URLs, Markdown) turned into
clean article text with its metadata, ready for ``Store.add_document``.

Offers ``Document``, ``read_document``, ``read_bytes``, ``document_from_bytes``.
Imports only ``store.text``, ``store.records`` and ``store.errors``.
"""

from store.ingest.files import Document, document_from_bytes, read_bytes, read_document

__all__ = ["Document", "document_from_bytes", "read_bytes", "read_document"]
