"""Plain-text files as articles: read with limits, decoded, cleaned.

The text is kept as written: the only changes are decoding and
``store.text.clean.clean_text`` (newlines, control characters), so every
annotation offset stays valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.errors import IngestError
from store.text.clean import clean_text, content_hash

MAX_BYTES = 64 * 1024 * 1024
"""Largest file accepted as one article (64 MiB)."""

_TITLE_CHARS = 160


@dataclass(frozen=True)
class Document:
    """A decoded, sanitized text ready to be stored as an article."""

    text: str
    file_name: str
    title: str
    source_hash: str = ""
    """SHA-256 of the file's bytes as read, before decoding: a file seen before is
    recognised without decoding it again."""

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


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


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or an IngestError naming the file and the problem."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(f"{name}: is a directory, not a text file")
        if size > MAX_BYTES:
            raise IngestError(
                f"{name}: too large ({size / 2**20:.0f} MiB; the limit is {MAX_BYTES // 2**20} MiB)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied") from None
    except OSError as err:
        raise IngestError(f"{name}: cannot be read ({err.strerror or err})") from None


def document_from_bytes(data: bytes, path: str | Path) -> Document:
    """Decode and clean a file's bytes; every problem is an IngestError naming ``path``."""
    path = Path(path)
    text = clean_text(decode(data, str(path)))
    if not text.strip():
        raise IngestError(f"{path}: the file is empty")
    return Document(
        text=text, file_name=path.name, title=guess_title(text), source_hash=source_hash(data)
    )


def read_document(path: str | Path) -> Document:
    """Read a plain-text file as a Document; every problem is an IngestError."""
    return document_from_bytes(read_bytes(path), path)
