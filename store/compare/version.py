"""The version of the quotations cached in the database: a hash of what finds them.

The quotation finder's source files and the lexicon's data files are hashed
(SHA-256) together, so that any change to either, code or word list, makes every
cached quotation be found again; nobody has to remember to bump a number. The
hash is worked out on first use only (when a comparison runs, never at start-up)
and kept. It is given as a 63-bit integer: ``compare_cache.version`` is an
INTEGER column.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

from store.compare import lexicon, quotes, speakers
from store.text import letters, segment

FINDER: tuple[ModuleType, ...] = (quotes, speakers, lexicon, segment, letters)
"""The modules whose code decides which quotations are found, and who says them."""


def finder_files() -> list[Path]:
    """The source files of ``FINDER``, and every lexicon data file."""
    sources = [Path(str(module.__file__)) for module in FINDER]
    return sources + [lexicon.data_path(language) for language in lexicon.LANGUAGES]


def version_of(files: Iterable[Path]) -> int:
    """A 63-bit integer made of the contents of ``files``, in order."""
    digest = hashlib.sha256()
    for path in files:
        content = path.read_bytes()
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    return int.from_bytes(digest.digest()[:8], "big") >> 1


@cache
def cache_version() -> int:
    """The version of the quotations the finder finds now (worked out once)."""
    return version_of(finder_files())
