"""A local web server for the ingest benchmarks and tests: http.server on 127.0.0.1.

``PageServer`` serves the pages of ``benchmarks/extraction/`` at ``/page/KEY``
and whatever else is added with ``add`` (bytes with headers, or a function that
answers the request itself), from a thread, on a free port. Nothing leaves the
machine. Use it as a context manager::

    with PageServer() as server:
        fetch_documents([server.url("/page/" + key)])
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

PAGES = Path(__file__).resolve().parent / "extraction" / "html"

Answer = Callable[[BaseHTTPRequestHandler], None]
"""A route that writes the whole answer to the request itself."""


def send(
    request: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    headers: Mapping[str, str] | None = None,
) -> None:
    """Answer with ``status``, ``headers`` and ``body`` (Content-Length set unless given)."""
    request.send_response(status)
    given = {name.lower() for name in headers or {}}
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    if "content-length" not in given and "connection" not in given:
        request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def page_keys() -> list[str]:
    """The keys of the saved pages, sorted."""
    return sorted(path.name.removesuffix(".html.gz") for path in PAGES.glob("*.html.gz"))


class PageServer:
    """A threaded HTTP server on 127.0.0.1 and a free port, with routes by path."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.stopping = threading.Event()
        """Set when the server closes: long answers (slow, endless) stop early."""
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | Answer,
        content_type: str = "text/html",
        headers: Mapping[str, str] | None = None,
        status: int = 200,
    ) -> str:
        """Serve ``body`` (bytes, or a function answering itself) at ``path``; its URL."""
        if callable(body):
            self.routes[path] = body
        else:
            fields = {"Content-Type": content_type, **(headers or {})}
            data = body
            self.routes[path] = lambda request: send(request, status, data, fields)
        return self.url(path)

    def add_pages(self) -> list[str]:
        """Serve every saved page at ``/page/KEY`` as the web server did (gzip-encoded,
        ``text/html`` without a charset); their URLs, in key order."""
        urls = []
        for key in page_keys():
            data = (PAGES / f"{key}.html.gz").read_bytes()
            headers = {"Content-Encoding": "gzip"}
            urls.append(self.add(f"/page/{key}", data, "text/html", headers))
        return urls

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(urlsplit(request.path).path)
        try:
            if route is None:
                send(
                    request,
                    404,
                    b"<html><body>not here</body></html>",
                    {"Content-Type": "text/html"},
                )
            else:
                route(request)
        except (BrokenPipeError, ConnectionResetError):
            request.close_connection = True  # the client stopped reading: as it may

    def __enter__(self) -> PageServer:
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
