"""store.ingest on files and standard input: kinds of file, encodings, Markdown, limits."""

from __future__ import annotations

import gzip
import io
import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store
from store.errors import IngestError
from store.ingest import Source, read_bytes, read_source, read_stream

CURLY = "He said \u201cit\u2019s over\u201d \u2014 and left.\n"
FRENCH = "Le gar\u00e7on a mang\u00e9 une cr\u00eape \u00e0 la f\u00eate de No\u00ebl.\n"


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CURLY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CURLY.encode("utf-8"), "utf-8-sig"),
        (CURLY.encode("utf-16"), "utf-16"),  # with the machine's BOM
        (b"\xff\xfe" + CURLY.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + CURLY.encode("utf-16-be"), "utf-16"),
        (CURLY.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_each_encoding_is_decoded_and_named(tmp_path: Path, data: bytes, encoding: str) -> None:
    document = read_source(write(tmp_path, "a.txt", data))
    assert document.text == CURLY
    assert document.encoding == encoding
    assert document.extractor == "text" and document.file_name == "a.txt"


def test_latin1_is_detected(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, "old.txt", FRENCH.encode("latin-1")))
    assert document.text == FRENCH
    assert document.encoding == "iso8859-1"


def test_cyrillic_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Генеральный прокурор заявил в четверг, что не будет участвовать в расследовании.\n"
    document = read_source(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert document.text == text
    assert document.encoding == "cp1251"


def test_a_stray_nul_is_replaced_not_refused(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, "nul.txt", b"Hello\x00world, a text.\n"))
    assert document.text == "Hello\ufffdworld, a text.\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b"\x00\x01\x02binary", "not a text file (it looks binary)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file (an image (PNG))"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a text file (a PDF)"),
        (bytes(range(256)) * 8, "not a text file"),
    ],
)
def test_what_is_not_text_is_refused(tmp_path: Path, data: bytes, problem: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(IngestError) as caught:
        read_source(path)
    assert str(caught.value) == f"{path}: {problem}" or problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")


def test_text_stays_exact(tmp_path: Path) -> None:
    text = (
        "Title \u201ccurly\u201d \u2014 dash\u00a0nbsp [bold]x[/]\r\n\r\nBody \x1b]0;PWNED\x07.\n"
    )
    document = read_source(write(tmp_path, "a.txt", text.encode()))
    title = "Title \u201ccurly\u201d \u2014 dash\u00a0nbsp [bold]x[/]"
    assert document.text == f"{title}\n\nBody \ufffd]0;PWNED\ufffd.\n"
    assert document.title == title


# -- what is not a regular file -----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no mkfifo on this platform")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"pipe\.txt: is a pipe \(FIFO\), not a regular file"):
        read_source(str(fifo))
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^/dev/zero: is a device, not a regular file$"):
        read_source("/dev/zero")
    assert time.monotonic() - started < 1


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a directory"):
        read_source(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32", reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(IngestError, match="is a socket"):
            read_source(str(path))
    finally:
        server.close()


def test_a_file_name_with_an_escape_sequence(tmp_path: Path) -> None:
    name = "\x1b]0;PWNED\x07.txt"
    assert read_source(write(tmp_path, name, b"Text.\n")).file_name == "\ufffd]0;PWNED\ufffd.txt"
    with pytest.raises(IngestError) as caught:
        read_source(write(tmp_path, name, b""))
    assert str(caught.value) == f"{tmp_path}/\ufffd]0;PWNED\ufffd.txt: the file is empty"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nope\.md: no such file"):
        read_source(str(tmp_path / "nope.md"))


def test_reading_stops_at_the_limit_whatever_the_size_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file that grows after stat (here: written to while being read) is cut at
    the limit plus one byte, and refused."""
    monkeypatch.setattr("store.ingest.files.MAX_BYTES", 1000)
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 10)
    real_open = open
    opened = threading.Event()

    def open_then_grow(file: str, mode: str = "r") -> object:
        handle = real_open(file, mode)
        Path(file).write_bytes(b"y" * 10_000_000)
        opened.set()
        return handle

    monkeypatch.setattr("builtins.open", open_then_grow)
    with pytest.raises(IngestError, match="too large"):
        read_bytes(path)
    assert opened.is_set()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
def test_a_file_that_claims_no_size_is_still_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    assert os.stat("/proc/self/status").st_size == 0
    monkeypatch.setattr("store.ingest.files.MAX_BYTES", 10)
    with pytest.raises(IngestError, match="too large"):
        read_bytes("/proc/self/status")


# -- kinds of source ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kind", "compressed"),
    [
        ("https://example.org/a", "url", False),
        ("HTTP://example.org/a", "url", False),
        ("-", "stdin", False),
        ("page.html", "html", False),
        ("dir/page.HTM", "html", False),
        ("page.html.gz", "html", True),
        ("notes.md", "markdown", False),
        ("notes.markdown", "markdown", False),
        ("old.txt", "text", False),
        ("README", "text", False),
        ("report.txt.gz", "text", True),
    ],
)
def test_source_kinds(source: str, kind: str, compressed: bool) -> None:
    assert Source.parse(source) == Source(kind, source, compressed)  # type: ignore[arg-type]


def test_other_schemes_are_refused() -> None:
    with pytest.raises(IngestError, match=r"^ftp://example\.org/x: only http and https"):
        read_source("ftp://example.org/x")


def test_stdin_text() -> None:
    document = read_source("-", stdin=CURLY.encode("cp1252"))
    assert document.text == CURLY and document.encoding == "cp1252"
    assert document.file_name == ""


def test_stdin_html_is_read_as_a_page() -> None:
    page = (Path(__file__).parent / "data" / "article.html").read_text(encoding="utf-8")
    data = page.format(lang="en", charset="utf-8", title="T", site="S", author="A B", special="x")
    document = read_source("-", stdin=data.encode())
    assert document.extractor != "text" and "Home" not in document.text


def test_stdin_problems() -> None:
    with pytest.raises(IngestError, match=r"^stdin: the file is empty$"):
        read_source("-", stdin=b"")
    with pytest.raises(IngestError, match=r"^stdin: nothing was given"):
        read_source("-")


def test_read_stream_stops_at_the_limit() -> None:
    class Endless:
        def read(self, size: int) -> bytes:
            return b"z" * size

    with pytest.raises(IngestError, match="stdin: too large"):
        read_stream(Endless(), limit=100)  # type: ignore[arg-type]
    assert read_stream(io.BytesIO(b"abc"), limit=3) == b"abc"


def test_gzip_file_is_decompressed_within_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert read_source(write(tmp_path, "a.txt.gz", gzip.compress(CURLY.encode()))).text == CURLY
    monkeypatch.setattr("store.ingest.sources.MAX_BYTES", 1000)
    bomb = write(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 100_000))
    with pytest.raises(IngestError, match="too large once decompressed"):
        read_source(bomb)
    with pytest.raises(IngestError, match="not gzip-compressed data"):
        read_source(write(tmp_path, "fake.html.gz", b"<html>not gzip</html>"))


# -- Markdown ----------------------------------------------------------------------------

NOTES = """---
title: "Sessions recuses himself"
date: 2017-03-02
authors:
  - name: Jane Doe
  - John Roe
source: https://example.org/sessions
---
# Heading

Some *emphasis*, **strong**, a [link](https://x.org) and `code`,
wrapped on two lines.\\
A hard break.

- item one
- item **two**

3. third
4. fourth

```
code  as it is
```

> quoted
"""


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    document = read_source(write(tmp_path, "notes.md", NOTES.encode()))
    assert document.text == (
        "Heading\n\n"
        "Some emphasis, strong, a link and code, wrapped on two lines.\nA hard break.\n\n"
        "• item one\n\n• item two\n\n3. third\n\n4. fourth\n\ncode  as it is\n\nquoted"
    )
    assert document.title == "Sessions recuses himself"
    assert document.published == "2017-03-02"
    assert document.author == "Jane Doe; John Roe"
    assert document.url == "https://example.org/sessions"
    assert (document.extractor, document.file_name) == ("markdown", "notes.md")


def test_markdown_without_front_matter_takes_its_heading(tmp_path: Path) -> None:
    data = b"Intro line\n\n# The \x1b[31mtitle\n\nBody text.\n"
    document = read_source(write(tmp_path, "n.markdown", data))
    assert document.title == "The \ufffd[31mtitle"
    assert (document.author, document.published, document.url) == ("", "", "")


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ("date: March 2, 2017", "published", "2017-03-02"),
        ("date: 2017-03-02T10:30:00+01:00", "published", "2017-03-02T10:30:00+01:00"),
        ('author: "Jane\\tDoe"', "author", "Jane Doe"),
        ('author: "\\e]0;PWNED\\a"', "author", "\ufffd]0;PWNED\ufffd"),
        ("link: http://example.org/x", "url", "http://example.org/x"),
        ("source: CNN", "url", ""),
        ("publisher: CNN", "outlet", "CNN"),
        ("title: [a, b]", "title", "a; b"),
    ],
)
def test_front_matter_fields(tmp_path: Path, front: str, field: str, value: str) -> None:
    data = f"---\n{front}\n---\nBody text.\n".encode()
    document = read_source(write(tmp_path, "n.md", data))
    assert getattr(document, field) == value


def test_broken_front_matter_is_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", b"---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(IngestError, match=r"n\.md: the front matter is not valid YAML \(.*line"):
        read_source(path)


def test_markdown_that_renders_to_nothing(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="renders to nothing"):
        read_source(write(tmp_path, "n.md", b"---\ntitle: x\n---\n<!-- only a comment -->\n"))


# -- whatever the bytes ------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ""]))
def test_any_bytes_give_a_document_or_an_ingest_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        document = read_source(str(path))
    except IngestError as err:
        assert "\n" not in str(err) and str(err).startswith(str(path))
    else:
        assert document.text.strip()
        assert "\x1b" not in document.text + document.title + document.author


def test_a_document_goes_into_the_store(store: Store, tmp_path: Path) -> None:
    document = read_source(write(tmp_path, "notes.md", NOTES.encode()))
    article_id, added = store.add_document(document, **document.article_fields())
    article = store.article(article_id)
    assert added and article.title == "Sessions recuses himself"
    assert (article.author, article.published) == ("Jane Doe; John Roe", "2017-03-02")
    assert article.url == "https://example.org/sessions"
    assert store.article_text(article_id) == document.text
