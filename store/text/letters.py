"""Upper- and lower-case letters of every script, as regular-expression classes: ``re``
has no ``\\p{Lu}``, and names are not all ASCII (Müller, José Ramírez, Иван Петров).

``UPPER`` and ``LOWER`` are the inside of a character class (``rf"[{UPPER}]"``), so
that more may be added to it (``rf"[{UPPER}{LOWER}\\-]"``).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from itertools import compress, groupby

_CASED_UP_TO = 0x20000
"""No script has cased letters beyond this code point (the planes after it hold
ideographs), so the search for them stops there."""


_EVERY = array("I", range(_CASED_UP_TO)).tobytes().decode("utf-32-le", "surrogatepass")
"""Every code point below ``_CASED_UP_TO``, in order, made in C."""


def _class(*has_case: Callable[[str], bool]) -> str:
    """The code points for which any of ``has_case`` holds, as ranges for a character
    class. The tests run in C over every code point (``compress``); Python only walks
    the few thousand letters found."""
    found = sorted({ord(c) for test in has_case for c in compress(_EVERY, map(test, _EVERY))})
    ranges: list[str] = []
    for _, run in groupby(enumerate(found), lambda pair: pair[1] - pair[0]):
        codes = [code for _, code in run]
        first, last = re.escape(chr(codes[0])), re.escape(chr(codes[-1]))
        ranges.append(first if len(codes) == 1 else f"{first}-{last}")
    return "".join(ranges)


UPPER = _class(str.istitle)
"""Capital letters (A, Ü, Д) and title-case ones (ǅ): a letter alone is "title" when it
is either (every ``isupper`` letter is)."""
LOWER = _class(str.islower)
"""Small letters (a, ü, д)."""
