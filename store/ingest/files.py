"""Plain-text files as articles: read with limits, decoded, cleaned.

The text is kept as written: the only changes are decoding and
``store.text.clean.clean_text`` (newlines, control characters), so every
annotation offset stays valid.

``read_document`` and ``document_from_bytes`` take UTF-8 only (what ``reader
FILE`` has always accepted); ``store.ingest.sources.read_source`` also takes
legacy encodings, web pages and Markdown.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from store.errors import IngestError
from store.text.clean import clean_text, content_hash

MAX_BYTES = 64 * 1024 * 1024
"""Largest file accepted as one article (64 MiB)."""

_TITLE_CHARS = 160
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A decoded, sanitized text ready to be stored as an article.

    Every metadata string is one line (``store.text.clean.clean_line``); an
    empty string means "not known".
    """

    text: str
    file_name: str
    title: str
    source_hash: str = ""
    """SHA-256 of the file's bytes as read, before decoding: a file seen before is
    recognised without decoding it again."""
    outlet: str = ""
    """The site's name or the publisher (a web page's ``og:site_name``, JSON-LD
    publisher, else its host name)."""
    author: str = ""
    """The author, or several joined by ``"; "``."""
    published: str = ""
    """ISO date (``2019-11-19``), or ISO date and time when the source gives one."""
    url: str = ""
    """The article's canonical address (else the address it was fetched from)."""
    language: str = ""
    """The language the source declares (``en``, ``fr-FR``), if it does."""
    encoding: str = ""
    """The encoding the bytes were decoded with (``utf-8``, ``cp1252``, ...)."""
    extractor: str = ""
    """What made the text: ``text``, ``markdown``, ``trafilatura``,
    ``readability+trafilatura`` or ``readability``."""

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def article_fields(self) -> dict[str, str]:
        """The metadata ``Store.add_document`` takes as keywords besides the text:
        ``store.add_document(document, **document.article_fields())``."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "file_name": self.file_name,
            "source_hash": self.source_hash,
        }


def guess_title(text: str) -> str:
    """The first non-blank line, shortened: a title for a file with no metadata."""
    for line in text.split("\n", 50):
        line = line.strip()
        if line:
            return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"
    return ""


def decode(data: bytes, name: str) -> str:
    """Decode a file's bytes as UTF-8 text, or raise an IngestError naming the file."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if b"\x00" in data[:65536]:
        raise IngestError(f"{name}: not a text file (it contains NUL bytes, so it looks binary)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise IngestError(
            f"{name}: not UTF-8 text (byte 0x{bad} at offset {err.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def source_hash(data: bytes) -> str:
    """The SHA-256 of a file's raw bytes."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _not_a_file(mode: int) -> str | None:
    """Why a file of this mode cannot be an article, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a text file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def _too_large(name: str, limit: int) -> IngestError:
    return IngestError(f"{name}: too large (the limit is {limit // 2**20} MiB)")


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, or an IngestError naming the file and the problem.

    Anything but a regular file (directory, FIFO, device, socket) is refused from
    ``os.stat`` alone, before it is opened; at most ``limit`` + 1 bytes are read
    (``MAX_BYTES`` by default), whatever size the file claims.
    """
    limit = MAX_BYTES if limit is None else limit
    name = str(path)
    try:
        info = os.stat(path)
        problem = _not_a_file(info.st_mode)
        if problem:
            raise IngestError(f"{name}: {problem}")
        if info.st_size > limit:
            raise IngestError(
                f"{name}: too large ({info.st_size / 2**20:.0f} MiB; "
                f"the limit is {limit // 2**20} MiB)"
            )
        with open(path, "rb") as file:
            # The file may have been swapped or have grown since stat: check again.
            problem = _not_a_file(os.fstat(file.fileno()).st_mode)
            if problem:
                raise IngestError(f"{name}: {problem}")
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = file.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        if size > limit:
            raise _too_large(name, limit)
        return b"".join(chunks)
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise IngestError(f"{name}: is a directory, not a text file") from None
    except OSError as err:
        raise IngestError(f"{name}: cannot be read ({err.strerror or err})") from None


def document_from_bytes(data: bytes, path: str | Path) -> Document:
    """Decode and clean a file's bytes; every problem is an IngestError naming ``path``."""
    path = Path(path)
    text = clean_text(decode(data, str(path)))
    if not text.strip():
        raise IngestError(f"{path}: the file is empty")
    return Document(
        text=text,
        file_name=path.name,
        title=guess_title(text),
        source_hash=source_hash(data),
        encoding="utf-8",
        extractor="text",
    )


def read_document(path: str | Path) -> Document:
    """Read a UTF-8 plain-text file as a Document; every problem is an IngestError."""
    return document_from_bytes(read_bytes(path), path)
