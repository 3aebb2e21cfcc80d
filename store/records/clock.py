"""How reader stamps its records: UTC times in ISO 8601, random UUIDs."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current UTC time as ISO 8601, the form every timestamp is stored in."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    """A random UUID: stable across export, import and merge."""
    import uuid  # not on the way to the first screen

    return str(uuid.uuid4())
