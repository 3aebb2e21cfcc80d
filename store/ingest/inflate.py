"""Decompression with a limit on what comes out: a gzip bomb is refused, not unpacked.

Used for saved pages (``page.html.gz``) and for HTTP responses sent with
``Content-Encoding: gzip`` or ``deflate``: the bytes are inflated piece by piece,
never more than the limit plus one byte in all, so a small download that would
unpack to gigabytes costs no more memory than the limit.
"""

from __future__ import annotations

import zlib

from store.errors import IngestError

_STEP = 256 * 1024


class TooLarge(Exception):
    """More than the limit came out."""


class Inflater:
    """Inflates gzip (several members too), zlib or raw deflate data fed in pieces.

    Args:
        encoding: ``"gzip"`` or ``"deflate"`` (zlib-wrapped or raw, as servers send it).
        limit: the most bytes that may come out; one more raises ``TooLarge``.
    """

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.produced = 0
        self._pending = b""
        self._inflater = self._new(zlib.MAX_WBITS | 32 if encoding == "gzip" else zlib.MAX_WBITS)
        self._raw_tried = encoding == "gzip"

    @staticmethod
    def _new(wbits: int) -> zlib._Decompress:
        return zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> bytes:
        """The bytes ``data`` inflates to; raises ``TooLarge`` or ``zlib.error``."""
        out: list[bytes] = []
        data = self._pending + data
        self._pending = b""
        while data:
            try:
                piece = self._inflater.decompress(data, min(_STEP, self.limit + 1 - self.produced))
            except zlib.error:
                if self._raw_tried or self.produced:
                    raise
                # "deflate" that is raw deflate, without the zlib header.
                self._raw_tried = True
                self._inflater = self._new(-zlib.MAX_WBITS)
                continue
            self._raw_tried = True
            self.produced += len(piece)
            if self.produced > self.limit:
                raise TooLarge
            out.append(piece)
            if self._inflater.unconsumed_tail:
                data = self._inflater.unconsumed_tail
            elif self._inflater.eof and self._inflater.unused_data.strip(b"\x00"):
                data = self._inflater.unused_data  # the next gzip member
                self._inflater = self._new(zlib.MAX_WBITS | 32)
            else:
                data = b""
        return b"".join(out)

    def finish(self) -> bytes:
        """What is left once every piece was fed."""
        piece = self._inflater.flush()
        self.produced += len(piece)
        if self.produced > self.limit:
            raise TooLarge
        return piece


def gunzip(data: bytes, name: str, limit: int) -> bytes:
    """A gzip file's content, or an IngestError naming ``name``."""
    inflater = Inflater("gzip", limit)
    try:
        content = inflater.feed(data) + inflater.finish()
    except TooLarge:
        raise IngestError(
            f"{name}: too large once decompressed (the limit is {limit // 2**20} MiB)"
        ) from None
    except zlib.error as err:
        raise IngestError(f"{name}: not gzip-compressed data ({err})") from None
    return content
