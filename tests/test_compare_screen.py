"""The ``C`` screen, driven with Pilot: the matrix, the discrepancies, accept, dismiss."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable

from store import Store
from tests.screen import screen_lines
from tests.test_annotate import notices, settle
from tui.app import make_app
from tui.screens.compare import QUOTE_MIN, CompareScreen, matrix_widths, short_label
from tui.widgets.doc_view import DocView


async def opened(pilot, app) -> CompareScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("C")
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_C_shows_who_carries_each_quotation(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await opened(pilot, app)
        matrix = screen.query_one("#matrix", DataTable)
        assert matrix.row_count >= 17
        shown = "\n".join(screen_lines(app))
        assert "I never met with any Russian officials" in shown
        assert "Quotation" in shown and "CBS News" in shown
        # The row of "total": CNN, Global, NBC quote a part; Raycom the whole.
        row = next(
            i
            for i, g in enumerate(screen.comparison.groups)  # type: ignore[union-attr]
            if g.canonical == "total confidence"
        )
        cells = [str(c) for c in matrix.get_row_at(row)[2:]]
        assert cells == ["…", "", "…", "…", "="]


async def shown_side_by_side(pilot, app, chosen: Callable[[str], bool]) -> list[DocView]:  # type: ignore[no-untyped-def]
    """Open ``C``, press ``enter`` on the first discrepancy whose reason ``chosen``
    accepts: the columns on screen afterwards."""
    screen = await opened(pilot, app)
    await pilot.press("tab")
    table = screen.query_one("#discrepancies", DataTable)
    assert screen.focused is table
    reasons = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
    table.move_cursor(row=next(i for i, r in enumerate(reasons) if chosen(r)))
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(app.screen, CompareScreen)
    return [c.doc_view for c in app.main.columns if c.display]


async def test_enter_shows_two_passages_side_by_side_with_the_changed_words(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        views = await shown_side_by_side(pilot, app, lambda r: "“with” → “about”" in r)
        chosen = [v for v in views if v.selection is not None]
        assert len(chosen) == 2
        lit = sorted(v.text[s:e] for v in chosen for s, e in v.search_matches.spans)
        assert lit == ["about", "with"]
        assert abs(views.index(chosen[0]) - views.index(chosen[1])) == 1, "adjacent"
        outlets = [c.article.outlet for c in app.main.columns]
        assert len(outlets) == len(set(outlets)) == 5, "each article in one column still"
        assert len(views) == 4


async def test_enter_brings_an_open_article_beside_rather_than_opening_it_twice(
    seeded: Store,
) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        views = await shown_side_by_side(pilot, app, lambda r: "fired" in r and "resigned" in r)
        chosen = [v for v in views if v.selection is not None]
        assert len(chosen) == 2
        assert {v.selected_text.split()[-1] for v in chosen} >= {"fired"}
        assert abs(views.index(chosen[0]) - views.index(chosen[1])) == 1, "adjacent"
        outlets = [c.article.outlet for c in app.main.columns]
        assert sorted(outlets) == sorted(set(outlets)), "no article in two columns"


async def test_a_accepts_and_u_undoes_d_dismisses_for_good(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await opened(pilot, app)
        await pilot.press("tab")
        table = screen.query_one("#discrepancies", DataTable)
        first = table.coordinate_to_cell_key((0, 0)).row_key.value
        await pilot.press("a")
        assert "Accepted" in notices(app)
        links = seeded.conn.execute("SELECT kind FROM links").fetchall()
        assert links == [("contradicts",)] and len(seeded.find_annotations()) == 2
        assert str(table.get_row_at(0)[0]) == "✓"
        await pilot.press("down", "d")
        assert table.row_count >= 1
        dismissed = seeded.conn.execute(
            "SELECT id FROM compare_decisions WHERE decision = 'dismissed'"
        ).fetchall()
        assert len(dismissed) == 1 and dismissed[0][0] != first
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)
        await pilot.press("u", "u")
        assert seeded.find_annotations() == []
        assert seeded.conn.execute("SELECT count(*) FROM compare_decisions").fetchone() == (0,)
        # Dismissed again, it stays dismissed when the screen is opened anew.
        await pilot.press("C")
        await app.workers.wait_for_complete()
        await pilot.pause()
        again = app.screen.query_one("#discrepancies", DataTable)
        count = again.row_count
        await pilot.press("tab", "d", "escape", "C")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#discrepancies", DataTable).row_count == count - 1
        assert isinstance(app.screen.query_one("#matrix"), DataTable)
        assert all(isinstance(v, DocView) for v in app.query(DocView))


def test_reader_compare_prints_groups_and_discrepancies_as_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from store import open_store
    from store.db.seeds import seed_once
    from tests.test_export import run

    db = tmp_path / "r.db"
    store = open_store(db)
    seed_once(store)
    texts = {a.file_name: store.article_text(a.id) for a in store.articles()}
    store.close()
    done = run("compare", "--db", str(db))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["groups"]) >= 17 and data["discrepancies"]
    for group in data["groups"]:
        for o in group["occurrences"]:
            assert texts[o["article"]][o["start"] : o["end"]] == o["exact"]
            assert set(o) >= {"speaker", "variant", "partial", "outlet"}
    for item in data["discrepancies"]:
        assert {"kind", "reason", "status", "sides"} <= set(item) and len(item["sides"]) == 2
    report = run("compare", "--db", str(db), "--format", "markdown")
    assert report.stdout.startswith("# Comparison")
    missing = run("compare", "--db", str(tmp_path / "no" / "such.db" / "x"))
    assert "Traceback" not in missing.stderr


async def test_at_80_columns_every_article_has_its_column_in_view(seeded: Store) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, app)
        header = next(line for line in screen_lines(app) if "Speaker" in line)
        assert header.split()[-5:] == ["CNN", "CBS", "Glob…", "NBC", "Rayc…"]
        row = next(line for line in screen_lines(app) if "It is false." in line)
        assert row.split()[-3:] == ["=", "=", "="]  # CNN, CBS News and Global News


def test_matrix_widths_fit_the_screen_and_keep_the_quotation_readable() -> None:
    for screen_width in range(60, 240, 7):
        for articles in range(1, 14):
            widths = matrix_widths(screen_width, articles)
            assert QUOTE_MIN <= widths.quote <= 60
            assert 3 <= widths.article <= 12
            used = 2 + widths.speaker + 2 + widths.quote + 2 + articles * (widths.article + 2)
            assert used <= screen_width or widths.article == 3 or widths.quote == QUOTE_MIN


def test_short_label_keeps_whole_words_where_it_can() -> None:
    assert short_label("CNN", 5) == "CNN"
    assert short_label("CBS News", 5) == "CBS"
    assert short_label("Raycom local station (CNN copy)", 5) == "Rayc…"
