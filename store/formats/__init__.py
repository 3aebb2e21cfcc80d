"""Formats: annotations out of and into the database.

Out: the Markdown report (``markdown``), W3C Web Annotation JSON (``w3c``), CSV
(``csv_table``), chosen by ``selection.export``; the comparison as JSON and
Markdown (``comparison``); files written whole or not at all (``atomic``).
In: Web Annotation and Hypothesis JSON (``importing``), another reader database
(``merge``). Formats read and write through ``store.db``; they hold no SQL.
"""
