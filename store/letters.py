"""Upper- and lower-case letters of every script, as regular-expression classes: ``re``
has no ``\\p{Lu}``, and names are not all ASCII (Müller, José Ramírez, Иван Петров).

``UPPER`` and ``LOWER`` are the inside of a character class (``rf"[{UPPER}]"``), so
that more may be added to it (``rf"[{UPPER}{LOWER}\\-]"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_CASED_UP_TO = 0x20000
"""No script has cased letters beyond this code point (the planes after it hold
ideographs), so the search for them stops there."""


def _class(has_case: Callable[[str], bool]) -> str:
    """The code points that ``has_case``, as ranges for a character class."""
    ranges: list[str] = []
    start = None
    for code in range(_CASED_UP_TO + 1):
        if code < _CASED_UP_TO and has_case(chr(code)):
            start = code if start is None else start
        elif start is not None:
            first, last = re.escape(chr(start)), re.escape(chr(code - 1))
            ranges.append(first if start == code - 1 else f"{first}-{last}")
            start = None
    return "".join(ranges)


UPPER = _class(lambda c: c.isupper() or c.istitle())
"""Capital letters (A, Ü, Д) and title-case ones (ǅ)."""
LOWER = _class(str.islower)
"""Small letters (a, ü, д)."""
