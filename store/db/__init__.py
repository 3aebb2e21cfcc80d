"""The database: the only place with SQL.

Offers ``Store`` (articles, annotations, links, tags, undo), ``open_store`` and
``open_readonly``, the unit of work every user action writes through
(``Work``, from ``Store.action``), the schema's facts (``store.db.schema``) and
its migrations, the undo journal, the bundled seeds, and the comparison's cache
and decisions (``store.db.comparing``).
"""

from store.db.connection import describe_sqlite_error
from store.db.opening import open_readonly, open_store, read_each, reading
from store.db.store import Store
from store.db.unit import Work

__all__ = [
    "Store",
    "Work",
    "describe_sqlite_error",
    "open_readonly",
    "open_store",
    "read_each",
    "reading",
]
