"""Bytes to text: which encoding a file or page is in, and whether it is text at all.

Order of trust: a byte-order mark; then UTF-8 when the bytes are valid UTF-8 (a
text that decodes as UTF-8 and holds non-ASCII characters is UTF-8 in practice,
whatever a header claims); then the encodings the source declares (an HTTP
header, a ``<meta charset>``) that decode without error; then a guess.
The guess is Windows-1252 (Western European) unless charset-normalizer finds a
non-Latin script (Cyrillic, Greek, Arabic, Chinese, ...) in another encoding, in
whole words. Other Latin code pages (Windows-1250, ...) are not told apart from it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from store.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536
# C0 controls that never occur in text (tab, newlines, form feed and ESC may).
_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\x7fELF", "a program"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True)
class Decoded:
    """A decoded text and the encoding that was assumed."""

    text: str
    encoding: str
    """A Python codec name: ``utf-8``, ``utf-8-sig`` (UTF-8 with a BOM), ``utf-16``,
    ``cp1252``, ``iso8859-1``, ``cp1251``, ..."""


def codec_name(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None when the label is unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


def signature(data: bytes) -> str | None:
    """What a file is when its first bytes say it is not text ("a PDF", ...)."""
    head = data[:16]
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "an image (WebP)"
    return None


def looks_binary(data: bytes) -> bool:
    """True when control bytes are too many for a text: a stray NUL is tolerated
    (``clean_text`` turns it into U+FFFD), a run of them is not."""
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > 1 + len(sample) // 100


def _bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _another_script(text: str) -> bool:
    """True when the letters beyond ASCII are mostly not Latin and make words of
    their own: Cyrillic, Greek, Arabic text. A Western text decoded with the wrong
    code page has such letters too, but alone inside ASCII words ("Cafщ")."""
    sample = text[:20000]
    others = [
        i
        for i, c in enumerate(sample)
        if ord(c) > 0x7F and c.isalpha() and not unicodedata.name(c, "").startswith("LATIN")
    ]
    if not others:
        return False
    beside_ascii = sum(
        1
        for i in others
        if (i > 0 and sample[i - 1].isascii() and sample[i - 1].isalpha())
        or (i + 1 < len(sample) and sample[i + 1].isascii() and sample[i + 1].isalpha())
    )
    letters = sum(1 for c in sample if ord(c) > 0x7F and c.isalpha())
    return len(others) * 2 >= letters and beside_ascii * 5 <= len(others)


def _guess(data: bytes) -> Decoded | None:
    """A legacy (non-UTF-8) encoding for ``data``, or None when none fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None:
        return None
    guessed = codec_name(best.encoding)
    if guessed and guessed not in ("utf-8", "cp1252", "iso8859-1"):
        text = _strict(data, guessed)
        if text is not None and _another_script(text):
            return Decoded(text, guessed)
    text = _strict(data, "cp1252")
    if text is not None:
        has_c1 = any(0x80 <= byte <= 0x9F for byte in data)
        return Decoded(text, "cp1252" if has_c1 else "iso8859-1")
    return Decoded(data.decode("iso8859-1"), "iso8859-1")


def decode_text(data: bytes, name: str, declared: tuple[str | None, ...] = ()) -> Decoded:
    """Decode a text or a page, or raise an IngestError naming ``name``.

    ``declared`` are the encodings the source names, most trusted first (an HTTP
    header's charset, a ``<meta charset>``); each is used only if the bytes decode
    with it without error.
    """
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    bom = _bom(data)
    if bom:
        marked = _strict(data, bom)
        if marked is None:
            unicode = "UTF-8" if bom == "utf-8-sig" else bom.upper()
            raise IngestError(f"{name}: not {unicode} text, though it starts with a {unicode} mark")
        return _checked(Decoded(marked.removeprefix("\ufeff"), bom), name)
    codecs_declared = [codec_name(label) for label in declared]
    wide = [c for c in codecs_declared if c and c.startswith(("utf-16", "utf-32"))]
    for encoding in wide:
        wide_text = _strict(data, encoding)
        if wide_text is not None:
            return _checked(Decoded(wide_text, encoding), name)
    what = signature(data)
    if what or looks_binary(data):
        raise IngestError(f"{name}: not a text file ({what or 'it looks binary'})")
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:
        return Decoded(utf8, "utf-8")
    for declared_codec in codecs_declared:
        legacy_codec = _WEB_ALIASES.get(declared_codec or "", declared_codec)
        if legacy_codec and legacy_codec != "utf-8" and legacy_codec not in wide:
            legacy = _strict(data, legacy_codec)
            if legacy is not None:
                return Decoded(legacy, legacy_codec)
    guessed = _guess(data)
    if guessed is None:
        raise IngestError(f"{name}: not a text file (no text encoding fits its bytes)")
    return guessed


def _checked(decoded: Decoded, name: str) -> Decoded:
    """The decoded text, unless it is full of control characters: binary data that
    happens to start like a UTF-16 or UTF-32 byte-order mark."""
    sample = decoded.text[:_SAMPLE]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\x1b")
    if controls > 1 + len(sample) // 100:
        raise IngestError(f"{name}: not a text file (it looks binary)")
    return decoded


def meta_charset(data: bytes) -> str | None:
    """The charset a page names in a ``<meta>`` tag of its first 16 KB, if any."""
    found = _META_CHARSET.search(data[:16384])
    return found.group(1).decode("ascii", "replace") if found else None
