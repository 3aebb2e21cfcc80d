"""What a source's bytes are (web page, text, Markdown, or something refused) and
the Document they make.

Used for downloads (by their Content-Type, checked against their first bytes)
and for standard input (by its first bytes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.errors import IngestError
from store.ingest.encodings import decode_text, signature
from store.ingest.files import Document, guess_title, source_hash
from store.text.clean import clean_line, clean_text

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
_READ_TO_SNIFF = ("", "application/octet-stream", "binary/octet-stream", "application/unknown")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)


@dataclass(frozen=True)
class Download:
    """A fetched answer: where it ended up, what it says it is, its content."""

    url: str
    content_type: str
    data: bytes

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)

    @property
    def charset(self) -> str | None:
        found = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", self.content_type, re.I)
        return found.group(1) if found else None


def media_type(content_type: str) -> str:
    """``text/html`` of ``text/html; charset=utf-8``."""
    return content_type.split(";", 1)[0].strip().lower()


def one_line(error: IngestError) -> IngestError:
    """The error with its message made safe to print: one line, no control characters
    (a path, a server's words or a parser's quote of the bytes may hold some)."""
    message = clean_line(str(error))
    return error if message == str(error) else IngestError(message)


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start as an HTML document does."""
    return bool(_HTML_START.match(data[:4096]))


def refusal(name: str, content_type: str, head: bytes) -> IngestError | None:
    """Why content of this type (and these first bytes) is not taken, or None.

    With ``head`` empty (before the body is read) only the declared type counts,
    so that a large PDF or video is refused before it is downloaded.
    """
    kind = media_type(content_type)
    what = signature(head) if head else None
    if kind == "application/pdf" or what == "a PDF":
        return IngestError(f"{name} is a PDF: not supported")
    if kind.startswith("image/"):
        return IngestError(f"{name} is an image ({kind}): not supported")
    if what:
        return IngestError(f"{name} is {what}: not supported")
    acceptable = kind in _HTML_TYPES or kind in _MARKDOWN_TYPES or kind == "text/plain"
    if acceptable or kind in _READ_TO_SNIFF or (head and looks_like_html(head)):
        return None
    return IngestError(f"{name} is not a web page ({kind}): not supported")


def text_document(
    data: bytes,
    name: str,
    *,
    file_name: str = "",
    url: str = "",
    declared: tuple[str | None, ...] = (),
) -> Document:
    """Plain text in any encoding (``store.ingest.encodings``) as a Document."""
    decoded = decode_text(data, name, declared)
    text = clean_text(decoded.text)
    if not text.strip():
        raise IngestError(f"{name}: the file is empty")
    return Document(
        text=text,
        file_name=file_name,
        title=clean_line(guess_title(text)),
        source_hash=source_hash(data),
        url=url,
        encoding=decoded.encoding,
        extractor="text",
    )


def document_from_download(download: Download, name: str) -> Document:
    """The Document a fetched answer makes, by its type; raises IngestError."""
    from store.ingest.markdown import markdown_document
    from store.ingest.webpage import document_from_html

    refused = refusal(name, download.content_type, download.data[:64])
    if refused:
        raise refused
    if not download.data.strip():
        raise IngestError(f"{name}: the server sent an empty page")
    kind = download.media_type
    if kind in _MARKDOWN_TYPES:
        return markdown_document(download.data, name, url=download.url)
    if kind == "text/plain" and not looks_like_html(download.data):
        return text_document(download.data, name, url=download.url, declared=(download.charset,))
    if kind in _HTML_TYPES or looks_like_html(download.data):
        return document_from_html(download.data, name, url=download.url, charset=download.charset)
    raise IngestError(f"{name} is not a web page ({kind or 'no type given'}): not supported")
