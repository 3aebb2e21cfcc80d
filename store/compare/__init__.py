"""The comparison engine: the same quotation across articles, and what differs.

It reads a ``Corpus`` (``store.compare.corpus``) built by the database room and
never imports the database or a format: ``analyse(corpus)`` in
``store.compare.analysis`` runs the stages (quotations, grouping, facts,
discrepancies) and returns a ``Comparison`` (``store.compare.findings``).
"""
