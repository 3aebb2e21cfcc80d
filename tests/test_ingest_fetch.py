"""store.ingest on URLs, against a local server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import gzip
import hashlib
import socket
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from benchmarks.page_server import PAGES, Answer, PageServer, page_keys, send
from store.errors import IngestError
from store.ingest import (
    Document,
    FetchLimits,
    fetch_document,
    fetch_documents,
    fetch_documents_async,
    read_source,
)

TEMPLATE = (Path(__file__).parent / "data" / "article.html").read_text(encoding="utf-8")
QUICK = FetchLimits(connect=1.0, total=0.5)
"""Timeouts short enough for the slow answers to fail within a test's second."""
BIG = 50 * 1000 * 1000


def article(**fields: str) -> str:
    values = {"title": "Sessions recuses", "site": "News Example", "author": "Jane Doe"}
    values |= {"special": "A paragraph.", "charset": "utf-8", "lang": "en", **fields}
    return TEMPLATE.format(**values)


def gzip_bomb(size: int = 60 * 1000 * 1000) -> bytes:
    """Gzip data of ``size`` zero bytes, made a megabyte at a time (about 60 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1_000_000)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def slow(server: PageServer, seconds: float) -> Answer:
    def answer(request: BaseHTTPRequestHandler) -> None:
        server.stopping.wait(seconds)
        send(request, 200, article().encode(), {"Content-Type": "text/html"})

    return answer


def trickle(server: PageServer) -> Answer:
    """Headers at once, then a byte every 50 ms: no read waits long, the whole does."""

    def answer(request: BaseHTTPRequestHandler) -> None:
        body = article().encode()
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        for byte in body:
            if server.stopping.wait(0.05):
                return
            request.wfile.write(bytes([byte]))
            request.wfile.flush()

    return answer


def endless(request: BaseHTTPRequestHandler) -> None:
    """50 MB, streamed a block at a time, no Content-Length (the end is the close)."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Connection", "close")
    request.end_headers()
    request.close_connection = True
    block = b"<p>" + b"words " * 10_000 + b"</p>\n"
    sent = 0
    while sent < BIG:
        request.wfile.write(block)
        sent += len(block)


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    with PageServer() as running:
        running.add_pages()
        running.add("/article", article().encode(), "text/html; charset=utf-8")
        running.add("/hop/3", b"", headers={"Location": "/hop/2"}, status=301)
        running.add("/hop/2", b"", headers={"Location": running.url("/hop/1")}, status=302)
        running.add("/hop/1", b"", headers={"Location": "/article"}, status=307)
        running.add("/loop", b"", headers={"Location": "/loop"}, status=302)
        running.add("/bad-hop", b"", headers={"Location": "http://[::1"}, status=302)
        running.add("/to-ftp", b"", headers={"Location": "ftp://127.0.0.1/x.txt"}, status=302)
        running.add("/missing", b"<html>gone</html>", status=404)
        running.add("/broken", b"<html>oops</html>", status=500)
        running.add("/slow", slow(running, 3.0))
        running.add("/trickle", trickle(running))
        running.add("/big", endless)
        running.add("/big-declared", b"", headers={"Content-Length": str(BIG)})
        running.add("/bomb", gzip_bomb(), "text/html", {"Content-Encoding": "gzip"})
        running.add("/report.pdf", b"%PDF-1.7\n" + b"0" * 1000, "application/pdf")
        running.add("/photo", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        running.add("/disguised", b"\x89PNG\r\n\x1a\n" + bytes(100), "text/html")
        running.add("/video", b"\x00" * 100, "video/mp4")
        running.add("/empty", b"", "text/html")
        running.add("/notes.txt", "Caf\u00e9 \u201cnotes\u201d.\n".encode("cp1252"), "text/plain")
        running.add("/notes.md", b"---\ntitle: Notes\n---\nSome *notes*.\n", "text/markdown")
        russian = "Генеральный прокурор заявил, что не будет участвовать в расследовании."
        running.add(
            "/meta-charset",
            article(charset="windows-1251", special=russian, title="Заголовок").encode("cp1251"),
            "text/html",
        )
        running.add(
            "/wrong-charset",
            article(charset="utf-8", special="Caf\u00e9 cr\u00e8me \u2014 na\u00efve.").encode(),
            "text/html; charset=iso-8859-1",
        )
        running.add(
            "/header-charset",
            article(charset="utf-8", special="Caf\u00e9 \u201ccr\u00e8me\u201d.").encode("cp1252"),
            "text/html; charset=windows-1252",
        )
        running.add(
            "/escapes",
            article(
                title="T \x1b]0;PWNED\x07 [bold]x[/]", site="S \x1b[2J", author="Jane Doe"
            ).encode(),
        )
        yield running


def fails(server: PageServer, path: str, limits: FetchLimits | None = None) -> str:
    with pytest.raises(IngestError) as caught:
        fetch_document(server.url(path), limits=limits)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def host(server: PageServer) -> str:
    return server.base.removeprefix("http://")


def test_a_page(server: PageServer) -> None:
    document = fetch_document(server.url("/article"))
    assert document.title == "Sessions recuses" and document.outlet == "News Example"
    assert document.url == "https://news.example.org/2017/03/02/sessions-recuses"  # canonical
    assert document.text.split("\n\n")[1].startswith("Attorney General Jeff Sessions")
    assert document.file_name == "" and document.encoding == "utf-8"


def test_redirects_are_followed(server: PageServer) -> None:
    assert fetch_document(server.url("/hop/3")).title == "Sessions recuses"
    assert fails(server, "/loop") == f"{host(server)}/loop: too many redirects (more than 10)"
    broken = f"{host(server)}/bad-hop: the server sent a broken answer ("  # httpx's words follow
    assert fails(server, "/bad-hop").startswith(broken)


def test_a_redirect_to_another_scheme_is_refused(server: PageServer) -> None:
    assert fails(server, "/to-ftp") == (
        f"{host(server)}/to-ftp: redirected to ftp://127.0.0.1/x.txt, "
        "which is not an http or https address"
    )


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/missing", "/missing: 404 Not Found"),
        ("/nowhere", "/nowhere: 404 Not Found"),
        ("/broken", "/broken: 500 Internal Server Error"),
        ("/report.pdf", "/report.pdf is a PDF: not supported"),
        ("/photo", "/photo is an image (image/png): not supported"),
        ("/disguised", "/disguised is an image (PNG): not supported"),
        ("/video", "/video is not a web page (video/mp4): not supported"),
        ("/empty", "/empty: the server sent an empty page"),
        ("/big-declared", "/big-declared: too large (the limit is 20 MB)"),
    ],
)
def test_one_line_for_each_problem(server: PageServer, path: str, problem: str) -> None:
    assert fails(server, path) == host(server) + problem


def test_a_servers_own_words_reach_no_terminal(server: PageServer) -> None:
    def answer(request: BaseHTTPRequestHandler) -> None:
        request.send_response(404, "Not \x1b]0;PWNED\x07 Found")
        request.send_header("Content-Length", "0")
        request.end_headers()

    server.add("/evil-reason", answer)
    server.add("/evil-type", b"x", "application/\x1b[2Jevil")
    for path in ("/evil-reason", "/evil-type"):
        message = fails(server, path)
        assert message.startswith(f"{host(server)}{path}") and "\x1b" not in message


def test_a_large_body_is_cut_at_20_mb(server: PageServer) -> None:
    started = time.monotonic()
    assert fails(server, "/big") == f"{host(server)}/big: too large (the limit is 20 MB)"
    assert time.monotonic() - started < 10


def test_a_gzip_bomb_is_refused(server: PageServer) -> None:
    assert fails(server, "/bomb") == f"{host(server)}/bomb: too large (the limit is 20 MB)"


def test_a_slow_answer_times_out(server: PageServer) -> None:
    started = time.monotonic()
    assert fails(server, "/slow", QUICK) == f"{host(server)}/slow: timed out after 0.5 s"
    assert time.monotonic() - started < 2


def test_the_whole_download_is_timed_not_each_read(server: PageServer) -> None:
    started = time.monotonic()
    assert fails(server, "/trickle", QUICK) == f"{host(server)}/trickle: timed out after 0.5 s"
    assert time.monotonic() - started < 2


def test_a_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match=f"^cannot reach 127.0.0.1:{port}: Connection refused$"):
        fetch_document(f"http://127.0.0.1:{port}/x")


def test_an_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver's answer for a name that does not exist, without asking a real one."""

    def no_such_name(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    with pytest.raises(IngestError) as caught:
        fetch_document("https://example.invalid/story")
    assert str(caught.value) == "cannot reach example.invalid: Name or service not known"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            "ftp://example.org/x",
            "ftp://example.org/x: only http and https addresses can be fetched",
        ),
        ("http://", "http://: not a valid address (no host)"),
    ],
)
def test_addresses_that_cannot_be_fetched(url: str, problem: str) -> None:
    with pytest.raises(IngestError) as caught:
        fetch_document(url)
    assert str(caught.value) == problem


def test_charset_only_in_a_meta_tag(server: PageServer) -> None:
    document = fetch_document(server.url("/meta-charset"))
    assert "Генеральный прокурор заявил" in document.text
    assert document.title == "Заголовок" and document.encoding == "cp1251"


def test_a_wrong_charset_header_loses_to_valid_utf8(server: PageServer) -> None:
    document = fetch_document(server.url("/wrong-charset"))
    assert "Caf\u00e9 cr\u00e8me \u2014 na\u00efve." in document.text
    assert document.encoding == "utf-8"


def test_the_header_charset_is_honoured(server: PageServer) -> None:
    document = fetch_document(server.url("/header-charset"))
    assert "Caf\u00e9 \u201ccr\u00e8me\u201d." in document.text
    assert document.encoding == "cp1252"


def test_plain_text_and_markdown_answers(server: PageServer) -> None:
    text = fetch_document(server.url("/notes.txt"))
    assert text.text == "Caf\u00e9 \u201cnotes\u201d.\n" and text.encoding == "cp1252"
    assert text.url == server.url("/notes.txt") and text.extractor == "text"
    notes = fetch_document(server.url("/notes.md"))
    assert (notes.title, notes.text, notes.extractor) == ("Notes", "Some notes.", "markdown")


def test_escape_sequences_in_a_fetched_page_are_neutralised(server: PageServer) -> None:
    document = fetch_document(server.url("/escapes"))
    assert document.title == "T \ufffd]0;PWNED\ufffd [bold]x[/]"
    assert document.outlet == "S \ufffd[2J"
    assert "\x1b" not in document.text + document.title + document.outlet + document.author


def test_many_at_once_in_order_with_progress(server: PageServer) -> None:
    keys = page_keys()[:12]
    urls = [server.url(f"/page/{key}") for key in keys]
    urls.insert(3, server.url("/missing"))
    seen: list[tuple[int, int]] = []
    results = fetch_documents(urls, progress=lambda done, total: seen.append((done, total)))
    assert len(results) == len(urls)
    assert isinstance(results[3], IngestError) and "404" in str(results[3])
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) == 12
    originals = [gzip.decompress((PAGES / f"{key}.html.gz").read_bytes()) for key in keys]
    assert [d.source_hash for d in documents] == [hashlib.sha256(p).hexdigest() for p in originals]
    assert seen == [(n, len(urls)) for n in range(1, len(urls) + 1)]


def test_at_most_concurrency_downloads_at_once(server: PageServer) -> None:
    """Six slow answers of 0.3 s with concurrency 2 take three rounds."""
    for n in range(6):
        server.add(f"/pause/{n}", slow(server, 0.3))
    started = time.monotonic()
    results = fetch_documents([server.url(f"/pause/{n}") for n in range(6)], concurrency=2)
    elapsed = time.monotonic() - started
    assert all(isinstance(r, Document) for r in results)
    assert 0.85 < elapsed < 5


async def test_from_async_code(server: PageServer) -> None:
    (result,) = await fetch_documents_async([server.url("/article")])
    assert isinstance(result, Document) and result.title == "Sessions recuses"
    (again,) = fetch_documents([server.url("/article")])  # inside a running loop
    assert isinstance(again, Document)


def test_read_source_takes_a_url(server: PageServer) -> None:
    assert read_source(server.url("/article")).outlet == "News Example"
