"""Web pages (saved or fetched) as Documents: decoded, parsed, article and metadata taken out.

The page's bytes are decoded here (``store.ingest.encodings``: the HTTP header's
charset, a ``<meta charset>``, else a guess), parsed once with lxml, and handed to
``page_text`` for the body and ``page_metadata`` for the rest.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from store.errors import IngestError
from store.ingest.encodings import decode_text, meta_charset
from store.ingest.files import Document, guess_title, source_hash
from store.text.clean import clean_line, clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_QUIET = ("trafilatura", "readability", "htmldate", "courlan", "justext", "charset_normalizer")
_quieted = False
_log = logging.getLogger(__name__)


def quiet_extractors() -> None:
    """Keep the extractors' log lines off the terminal unless the program logs them.

    Without a handler anywhere, Python prints warnings to stderr (and trafilatura
    warns about malformed pages): a ``NullHandler`` on each library's logger stops
    that and still lets records through to handlers the program installs.
    """
    global _quieted
    if not _quieted:
        for name in _QUIET:
            logging.getLogger(name).addHandler(logging.NullHandler())
        _quieted = True


def parse_html(text: str) -> HtmlElement:
    """A page's text parsed as trafilatura parses it (comments and PIs dropped)."""
    import lxml.html

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    markup = _XML_DECLARATION.sub("", text, count=1).encode("utf-8", "surrogatepass")
    return lxml.html.document_fromstring(markup, parser=parser)


def document_from_html(
    data: bytes,
    name: str,
    *,
    url: str = "",
    charset: str | None = None,
    file_name: str = "",
) -> Document:
    """A web page's article as a Document; every problem is an IngestError naming ``name``.

    Args:
        data: the page's bytes as saved or downloaded (not compressed).
        name: how messages name the page (a path, or a URL without its scheme).
        url: the address it was fetched from, if it was.
        charset: the charset the HTTP response declared, if any.
        file_name: the file it was read from, if it was.
    """
    from store.ingest.page_metadata import page_metadata
    from store.ingest.page_text import article_text, protect_spaces

    quiet_extractors()
    decoded = decode_text(data, name, (charset, meta_charset(data)))
    try:
        # Control characters become U+FFFD before lxml sees them (it refuses some,
        # drops others): the metadata keeps its length, the terminal gets no escape.
        tree = parse_html(clean_text(decoded.text))
        protect_spaces(tree)
        text, extractor = article_text(tree, name)
        meta = page_metadata(tree, url)
    except IngestError:
        raise
    except Exception as err:  # an extractor's bug on one page: that page is refused
        _log.warning("%s: extraction failed", name, exc_info=True)
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise IngestError(f"{name}: cannot be read as a web page ({reason})") from None
    text = clean_text(text)
    if not text.strip():
        raise IngestError(f"{name}: no article text found")
    return Document(
        text=text,
        file_name=file_name,
        title=meta.title or clean_line(guess_title(text)),
        source_hash=source_hash(data),
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        encoding=decoded.encoding,
        extractor=extractor,
    )
