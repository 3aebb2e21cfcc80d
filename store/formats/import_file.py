"""An import file read safely: its JSON (a regular UTF-8 file of bounded size, any
nesting refused with one line), and the shapes annotation files come in, down to their
items and sources."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.formats.import_items import without_surrogates

MAX_IMPORT_BYTES = 512 * 2**20
"""Largest file imported (512 MiB: an export of 100,000 annotations is about 90)."""
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def parsed(path: Path) -> Any:
    """The file's JSON; a StoreError naming it when it is missing, not a regular file,
    too large, not UTF-8, not JSON, or nested too deeply to read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path}: not a regular file")
        if info.st_size > MAX_IMPORT_BYTES:
            raise StoreError(
                f"{path}: too large ({info.st_size / 2**20:.0f} MiB; "
                f"the limit is {MAX_IMPORT_BYTES // 2**20} MiB)"
            )
        with path.open("rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise StoreError(f"{path}: too large (the limit is {MAX_IMPORT_BYTES // 2**20} MiB)")
        found = json.loads(data.decode("utf-8-sig"))
        # Only a \\u escape makes a surrogate (UTF-8 cannot carry one): the rare file
        # with such escapes is walked once, and no item's strings need checking.
        return without_surrogates(found) if _ESCAPED_SURROGATE.search(data) else found
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory, not a file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(f"{path}: cannot be read ({err})") from None
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}: not JSON ({err.msg} at line {err.lineno})") from None
    except RecursionError:
        raise StoreError(f"{path}: nested too deeply to be annotations") from None


def file_items(data: Any, name: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """The items and the sources of any shape an annotation file comes in.

    W3C: a collection (its first page, and the pages it links to by ``next`` when
    they are in the file), a page, a single annotation, or a list of them. Hypothesis:
    a search response (``rows``, and ``replies`` when asked for apart), the client's
    export file (``annotations``), one annotation or its JSON-LD.
    """
    if isinstance(data, list):
        items: list[Any] = []
        for element in data:
            is_page = isinstance(element, dict) and "target" not in element
            if is_page and isinstance(element.get("items"), list):
                items += element["items"]
            else:
                items.append(element)
        return items, []
    if not isinstance(data, dict):
        raise StoreError(f"{name}: not Web Annotation JSON (expected an object or a list)")
    sources = data.get("sources")
    sources = [s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
    if isinstance(data.get("rows"), list):  # Hypothesis' search API
        replies = data.get("replies")
        return data["rows"] + (replies if isinstance(replies, list) else []), sources
    if isinstance(data.get("annotations"), list):  # the Hypothesis client's export
        return data["annotations"], sources
    if "target" in data or data.get("type") == "Annotation":  # one annotation
        return [data], sources
    page = data.get("first", data)
    items = []
    seen = 0
    while isinstance(page, dict) and isinstance(page.get("items"), list) and seen < 10_000:
        items += page["items"]
        page = page.get("next")
        seen += 1
    if not seen:
        raise StoreError(
            f"{name}: no annotations found (expected a collection, a page, an annotation, "
            "a list, or Hypothesis' rows or annotations)"
        )
    return items, sources


def consumed(items: list[Any]) -> Iterator[Any]:
    """The items in order, each let go of once read.

    The parsed file is the largest thing an import holds (hundreds of megabytes at
    100,000 annotations): what its items free is reused for the rows and the
    undo entry, rather than asked of the system again.
    """
    items.reverse()
    while items:
        yield items.pop()
