"""Articles from the web: pages fetched with httpx, several at once, with hard limits.

Limits (``FetchLimits``): 10 s to connect, 30 s for the whole download (redirects
included, enforced here with ``asyncio.timeout``, not per read), 20 MB of content
after decompression (counted while streaming: a gzip bomb stops at the limit),
10 redirects, each to an http or https address. A browser-like User-Agent is
sent; the response's charset is honoured (``store.ingest.encodings``).

Every failure is an ``IngestError`` of one line naming the address: "cannot reach
example.org: Name or service not known", "example.org/x: 404 Not Found",
"example.org/x.pdf is a PDF: not supported", "example.org/x: timed out after 30 s".
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.errors import IngestError
from store.ingest.content import Download, document_from_download, one_line, refusal
from store.ingest.files import Document

if TYPE_CHECKING:
    import httpx

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
Progress = Callable[[int, int], None]
"""``progress(done, total)``: called each time a URL is done (fetched or failed)."""

_ERRNO = re.compile(r"^\[Errno -?\d+\]\s*")
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much a fetch may take."""

    connect: float = 10.0
    """Seconds to open the connection."""
    total: float = 30.0
    """Seconds for the whole download, redirects included."""
    max_bytes: int = 20_000_000
    """Most bytes of content (after decompression)."""
    max_redirects: int = 10


def display_name(url: str) -> str:
    """An address as messages name it: without its scheme (``example.org/x``)."""
    name = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url.strip())
    return name[:-1] if name.endswith("/") and name.count("/") == 1 else name


def _reason(err: BaseException) -> str:
    """What went wrong, in words: the operating system's, when one lies underneath
    ("Connection refused" rather than httpx's "All connection attempts failed")."""
    cause: BaseException | None = err
    for _ in range(8):
        if cause is None:
            break
        if isinstance(cause, OSError) and cause.strerror:
            number = cause.errno
            return os.strerror(number) if number is not None and number > 0 else cause.strerror
        cause = cause.__cause__ or cause.__context__
    text = str(err).strip()
    return _ERRNO.sub("", text.splitlines()[0]) if text else type(err).__name__


def _host(url: httpx.URL) -> str:
    return url.host + (f":{url.port}" if url.port else "")


def _check_url(url: str) -> httpx.URL:
    import httpx

    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as err:
        raise IngestError(f"{url}: not a valid address ({_reason(err)})") from None
    if parsed.scheme not in ("http", "https"):
        raise IngestError(f"{url}: only http and https addresses can be fetched")
    if not parsed.host:
        raise IngestError(f"{url}: not a valid address (no host)")
    return parsed


async def _body(response: httpx.Response, name: str, limits: FetchLimits) -> bytes:
    """The response's content, decompressed, at most ``limits.max_bytes``."""
    from store.ingest.inflate import Inflater, TooLarge

    too_large = IngestError(f"{name}: too large (the limit is {limits.max_bytes // 10**6} MB)")
    length = response.headers.get("content-length", "")
    coding = response.headers.get("content-encoding", "identity").strip().lower()
    if length.isdigit() and coding in ("", "identity") and int(length) > limits.max_bytes:
        raise too_large
    if coding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise IngestError(f"{name}: compressed with {coding}, which reader cannot read")
    inflater = None
    if coding not in ("", "identity"):
        inflater = Inflater("deflate" if coding == "deflate" else "gzip", limits.max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        async for raw in response.aiter_raw():
            chunk = inflater.feed(raw) if inflater else raw
            size += len(chunk)
            if size > limits.max_bytes:
                raise too_large
            chunks.append(chunk)
        if inflater:
            chunks.append(inflater.finish())
    except TooLarge:
        raise too_large from None
    except zlib.error as err:
        raise IngestError(f"{name}: the server sent damaged {coding} data ({err})") from None
    return b"".join(chunks)


async def _send(client: httpx.AsyncClient, url: httpx.URL, limits: FetchLimits) -> httpx.Response:
    """The answer's headers (its body is streamed); "cannot reach HOST" when no
    connection can be made (HOST being the one asked, after a redirect too)."""
    import httpx

    try:
        return await client.send(client.build_request("GET", url), stream=True)
    except httpx.ConnectTimeout:
        raise IngestError(
            f"cannot reach {_host(url)}: no answer within {limits.connect:g} s"
        ) from None
    except httpx.ConnectError as err:
        raise IngestError(f"cannot reach {_host(url)}: {_reason(err)}") from None


async def _download(client: httpx.AsyncClient, url: httpx.URL, limits: FetchLimits) -> Download:
    """Follow redirects by hand (to refuse other schemes) and read the final answer."""
    current = url
    for _ in range(limits.max_redirects + 1):
        name = display_name(str(current))
        response = await _send(client, current, limits)
        try:
            location = response.headers.get("location")
            if response.is_redirect and location:
                following = response.url.join(location)
                if following.scheme not in ("http", "https"):
                    raise IngestError(
                        f"{display_name(str(url))}: redirected to {following}, "
                        "which is not an http or https address"
                    )
                current = following
                continue
            if not response.is_success:
                raise IngestError(
                    f"{name}: {response.status_code} {response.reason_phrase}".strip()
                )
            content_type = response.headers.get("content-type", "")
            refused = refusal(name, content_type, b"")
            if refused:
                raise refused
            return Download(
                url=str(response.url),
                content_type=content_type,
                data=await _body(response, name, limits),
            )
        finally:
            await response.aclose()
    raise IngestError(
        f"{display_name(str(url))}: too many redirects (more than {limits.max_redirects})"
    )


async def _fetch(
    client: httpx.AsyncClient, address: str, limits: FetchLimits, slots: asyncio.Semaphore
) -> Download:
    import httpx

    url = _check_url(address)
    name = display_name(address)
    try:
        async with slots, asyncio.timeout(limits.total):
            return await _download(client, url, limits)
    except (TimeoutError, httpx.TimeoutException):
        raise IngestError(f"{name}: timed out after {limits.total:g} s") from None
    except httpx.RemoteProtocolError as err:
        raise IngestError(f"{name}: the server sent a broken answer ({_reason(err)})") from None
    except httpx.HTTPError as err:
        raise IngestError(f"{name}: {_reason(err)}") from None
    except httpx.InvalidURL as err:  # a redirect's Location that is no address
        raise IngestError(f"{name}: redirected to an invalid address ({_reason(err)})") from None


def _client(limits: FetchLimits, concurrency: int) -> httpx.AsyncClient:
    import httpx

    return httpx.AsyncClient(
        timeout=httpx.Timeout(limits.total, connect=limits.connect),
        follow_redirects=False,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=0.9, *;q=0.5",
        },
        limits=httpx.Limits(max_connections=concurrency),
    )


async def fetch_documents_async(
    urls: Sequence[str],
    *,
    progress: Progress | None = None,
    concurrency: int = 6,
    limits: FetchLimits | None = None,
) -> list[Document | IngestError]:
    """``fetch_documents`` for async callers (an asyncio task or a Textual async worker)."""
    limits = limits or FetchLimits()
    slots = asyncio.Semaphore(max(1, concurrency))
    done = 0

    async def one(address: str) -> Document | IngestError:
        nonlocal done
        try:
            download = await _fetch(client, address, limits, slots)
            # Extraction is CPU work: in a thread, so that downloads go on meanwhile.
            result: Document | IngestError = await asyncio.to_thread(
                document_from_download, download, display_name(address)
            )
        except IngestError as err:
            result = one_line(err)
        except Exception as err:  # one page's bug must not lose the others
            _log.exception("fetching %s failed", address)
            result = one_line(
                IngestError(f"{display_name(address)}: {type(err).__name__}: {_reason(err)}")
            )
        done += 1
        if progress is not None:
            progress(done, len(urls))
        return result

    async with _client(limits, max(1, concurrency)) as client:
        return list(await asyncio.gather(*(one(address) for address in urls)))


def fetch_documents(
    urls: Sequence[str],
    *,
    progress: Progress | None = None,
    concurrency: int = 6,
    limits: FetchLimits | None = None,
) -> list[Document | IngestError]:
    """Fetch web pages, at most ``concurrency`` at once, and take each one's article.

    Returns one result per URL, in the order given: a Document, or the IngestError
    saying in one line why that URL gave none. ``progress(done, total)`` is called
    as each URL is done, in the thread running the fetch. Blocks until all are done:
    call it from a worker thread, not from an event loop (there, await
    ``fetch_documents_async``).
    """
    job = fetch_documents_async(urls, progress=progress, concurrency=concurrency, limits=limits)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(job)
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, job).result()


def fetch_document(url: str, *, limits: FetchLimits | None = None) -> Document:
    """One web page's article as a Document; raises IngestError."""
    (result,) = fetch_documents([url], concurrency=1, limits=limits)
    if isinstance(result, IngestError):
        raise result
    return result
