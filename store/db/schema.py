"""Facts about the schema that start-up needs without importing sqlite-utils.

The migrations themselves live in ``store.migrations``; importing sqlite-utils
costs about a third of a Textual app's start, so an up-to-date database is
recognised here with the standard library alone.
"""

from __future__ import annotations

MIGRATION_SET = "reader"
"""The name of this program's set in sqlite-utils' ``_sqlite_migrations`` table."""

MIGRATIONS: tuple[str, ...] = (
    "m001_initial",
    "m002_article_length_and_source_hash",
    "m003_journal",
    "m004_views",
    "m005_compare",
    "m006_position_order",
    "m007_tag_roles_and_words",
    "m008_stories",
    "m009_search",
    "m011_versions",
    "m012_creators",
    "m013_interchange_views",
    "m014_windows",
    "m015_drafts",
)
"""Every migration, oldest first; ``store.migrations`` registers exactly these."""

LINK_KINDS: tuple[str, ...] = ("contradicts", "corroborates", "same-quote", "paraphrases", "other")

DEFAULT_TAGS: tuple[tuple[str, int, str, str], ...] = (
    ("quote", 1, "#3b82f6", "A quotation: words attributed to someone"),
    ("contradiction", 2, "#ef4444", "Conflicts with another account or with itself"),
    ("claim", 3, "#f59e0b", "A factual claim to check"),
    ("question", 4, "#a855f7", "Something unclear or unanswered"),
    ("attribution", 5, "#10b981", "Who says so: a source or its credit"),
)
"""Tags every new database starts with: name, digit key, colour, description (made by
migration m001, whose own frozen copy this must equal)."""

ROLES = ("quote", "contradiction")
"""Roles the program gives tags: accepting a comparison suggestion tags its passages
with the tag of the role (same-quote pairs ``quote``, discrepancies ``contradiction``)."""
