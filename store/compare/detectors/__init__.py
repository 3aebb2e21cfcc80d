"""The detectors: one module per kind of discrepancy, each with one function
``detect(context: DetectionContext) -> Iterable[Finding]`` (``store.compare.detection``).

A new kind of discrepancy is a new module here with its ``detect``, and its name
in ``DETECTORS``. Detectors do not import each other (``lint-imports`` checks it):
what several need is found once, before detection, and is in the context.
"""

from __future__ import annotations

from store.compare.detection import Detector
from store.compare.detectors import actions, attribution, facts, names, quote_wording, venue

DETECTORS: tuple[Detector, ...] = (
    quote_wording.detect,
    attribution.detect,
    venue.detect,
    names.detect,
    facts.detect,
    actions.detect,
)
"""Every detector, run in this order."""
