"""Factor summaries and the evidence-gap map on a small database with known numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from evidence.cli_review import export_app
from evidence.errors import EvidenceError
from evidence.export import (
    candidates_table,
    export_factors,
    export_gap_map,
    factor_summary,
    gap_matrix,
)
from evidence.export._query import AREAS
from evidence.store import read_only
from test_export_sampledb import build_small_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_db(tmp_path_factory.mktemp("export") / "evidence.duckdb")


def _row(df, factor_id):  # type: ignore[no-untyped-def]
    rows = df[df["factor_id"] == factor_id]
    assert len(rows) == 1, f"{factor_id} missing from {list(df['factor_id'])}"
    return rows.iloc[0]


def test_factor_summary_counts_conflicts_and_participants(db: Path) -> None:
    with read_only(db) as con:
        df = factor_summary(con)
    assert list(df["factor_id"]) == [
        "workload", "long_hours", "autonomy_control", "peer_support", "social_support",
    ]  # fmt: skip
    workload = _row(df, "workload")
    assert (workload.n_studies, workload.n_risk, workload.n_protective) == (3, 3, 0)
    assert not workload.conflict
    assert workload.total_participants == 412 + 20 + 150
    assert workload.countries == "CN, GB, US"
    assert workload.professions == "nurses, physicians"
    assert workload.designs == "cohort (1), cross_sectional (1), qualitative (1)"
    assert workload.area == "workload" and workload.level == "organisation"
    control = _row(df, "autonomy_control")
    assert (control.n_risk, control.n_protective, bool(control.conflict)) == (1, 1, True)
    assert control.total_participants == 170
    # A conflicting factor shows a quote for each direction.
    assert {control.citation_1.rsplit("[", 1)[1], control.citation_2.rsplit("[", 1)[1]} == {
        "risk]", "protective]",
    }  # fmt: skip
    peer = _row(df, "peer_support")
    assert peer.total_participants == 20  # the review states no sample
    assert peer.quote_1.startswith("=SUM")  # highest confidence first
    assert peer.citation_1 == "Jones 2022, doi:10.1000/s2, p. 6 [protective]"
    assert peer.citation_2 == "Lee 2023, p. 3 [protective]"  # no DOI


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"design": "cohort"}, {"workload": 1, "autonomy_control": 1}),
        ({"country": ["gb", "US"]}, {"workload": 2, "autonomy_control": 2, "peer_support": 1}),
        ({"profession": "nurses", "year_from": 2022}, {"workload": 1, "autonomy_control": 1, "peer_support": 1}),
        ({"year_from": 2020, "year_to": 2020}, {"workload": 1, "autonomy_control": 1}),
        ({"design": "rct"}, {}),
    ],
)  # fmt: skip
def test_factor_summary_filters(db: Path, filters: dict, expected: dict) -> None:  # type: ignore[type-arg]
    with read_only(db) as con:
        df = factor_summary(con, **filters)
    assert dict(zip(df["factor_id"], df["n_studies"], strict=True)) == expected


def test_year_range_backwards_is_an_error(db: Path) -> None:
    with read_only(db) as con, pytest.raises(EvidenceError, match="year_from"):
        factor_summary(con, year_from=2023, year_to=2020)


def test_csv_neutralises_formulas(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        out = export_factors(con, fmt="csv", out=tmp_path / "f.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5
    peer = next(r for r in rows if r["factor_id"] == "peer_support")
    assert peer["quote_1"] == "'=SUM(A1) peer support helped staff cope."
    assert peer["n_protective"] == "2"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_xlsx_has_a_sheet_per_area_and_a_studies_sheet(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        out = export_factors(con, fmt="xlsx", out=tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [*AREAS, "studies", "candidates"]
    community = wb["community"]
    header = [c.value for c in community[1]]
    body = [
        dict(zip(header, (c.value for c in row), strict=True))
        for row in community.iter_rows(min_row=2)
    ]
    assert [r["factor_id"] for r in body] == ["peer_support", "social_support"]
    peer = body[0]
    assert peer["quote_1"] == "'=SUM(A1) peer support helped staff cope."
    assert community["A2"].data_type != "f"
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    workload = wb["workload"]
    assert [c.value for c in workload["A"]][1:] == ["workload", "long_hours"]
    assert workload.max_row == 3
    assert wb["fairness"].max_row == 1  # header only: no evidence in this area
    studies = wb["studies"]
    s_header = [c.value for c in studies[1]]
    assert s_header[:3] == ["study_id", "first_author", "year"]
    assert studies.max_row == 5
    n_factors = {
        r[0].value: r[s_header.index("n_factors")].value for r in studies.iter_rows(min_row=2)
    }
    assert n_factors == {"s_garcia2020": 2, "s_jones2022": 3, "s_lee2023": 1, "s_smith2021": 3}


def test_markdown_and_html(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        md = export_factors(con, fmt="md", out=tmp_path / "f.md").read_text(encoding="utf-8")
        page = export_factors(con, fmt="html", out=tmp_path / "f.html", country="GB").read_text(
            encoding="utf-8"
        )
    assert "## Workload" in md and "## Community" in md
    assert "| Autonomy and control over work | organisation | 2 | 1 | 1 | ⚠ yes |" in md
    assert "— Smith 2021, doi:10.1000/s1, p. 5 [risk]" in md
    assert "country: GB" in page and "Studies: 1" in page
    assert "<h2>Control</h2>" in page and "Long working hours" not in page
    assert page.count("<tr") >= 4


def test_unknown_format_is_an_error(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con, pytest.raises(EvidenceError, match="unknown export format"):
        export_factors(con, fmt="pdf", out=tmp_path / "f.pdf")


def test_gap_map_matrix_and_files(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        by_prof = gap_matrix(con, by="profession")
        by_country = gap_matrix(con, by="country")
        paths = export_gap_map(con, out_dir=tmp_path / "map")
    cell = by_prof[(by_prof.factor_id == "autonomy_control") & (by_prof.column == "physicians")]
    assert cell[["n_studies", "n_risk", "n_protective"]].values.tolist() == [[2, 1, 1]]
    assert bool(cell.conflict.iloc[0])
    assert set(by_prof.column) == {"nurses", "physicians", "(not stated)"}
    assert set(by_country.column) == {"CN", "GB", "US", "(not stated)"}
    assert [p.name for p in paths] == [
        "gap_map_professions.png", "gap_map_countries.png", "gap_map.html",
    ]  # fmt: skip
    for p in paths[:2]:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = paths[2].read_text(encoding="utf-8")
    assert "Factors × professions" in page and "Factors × countries" in page
    assert "class='conflict'" in page and "2 studies: 1 risk, 1 protective" in page
    assert "<script" not in page


def test_gap_map_on_an_empty_database(tmp_path: Path) -> None:
    from evidence.store import connect

    connect(tmp_path / "empty.duckdb").close()
    with read_only(tmp_path / "empty.duckdb") as con:
        paths = export_gap_map(con, out_dir=tmp_path / "map")
        assert factor_summary(con).empty
        out = export_factors(con, fmt="xlsx", out=tmp_path / "empty.xlsx")
    assert all(p.stat().st_size > 0 for p in paths)
    assert "No factor evidence yet" in paths[2].read_text(encoding="utf-8")
    assert openpyxl.load_workbook(out).sheetnames == [*AREAS, "studies", "candidates"]


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(export_app, name="export")
    return app


def test_cli_export_factors_and_map(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "x" / "factors.xlsx"
    res = runner.invoke(_cli(), ["export", "factors", "--out", str(out), "--db", str(db),
                                 "--profession", "physicians"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "studies" in openpyxl.load_workbook(out).sheetnames  # format taken from --out
    res = runner.invoke(_cli(), ["export", "map", "--out", str(tmp_path / "m"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "m" / "gap_map.html").exists()


def test_cli_reports_a_missing_database_without_traceback(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        _cli(),
        [
            "export",
            "factors",
            "--db",
            str(tmp_path / "nope.duckdb"),
            "--out",
            str(tmp_path / "f.csv"),
        ],
    )
    assert res.exit_code == 1
    assert "no evidence database here yet" in res.output
    assert "Traceback" not in res.output


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for cmd in ("factors", "map"):
        res = runner.invoke(_cli(), ["export", cmd, "--help"])
        assert res.exit_code == 0 and "--db" in res.output


def test_candidates_sheet_lists_phrases_no_factor_names(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        df = candidates_table(con)
        only_us = candidates_table(con, country="US")
        out = export_factors(con, fmt="xlsx", out=tmp_path / "c.xlsx")
    assert list(df["candidate"]) == ["rota changes", "feeling well supported"]
    rota = df.iloc[0]
    assert (rota.n_studies, rota.n_risk, rota.n_protective) == (2, 2, 0)
    assert rota.quote == "Rota changes contributed to burnout."  # the more confident one
    assert rota.citation == "Smith 2021, doi:10.1000/s1, p. 6 [risk]"
    supported = df.iloc[1]
    assert (supported.n_risk, supported.n_protective) == (0, 1)
    assert list(only_us["candidate"]) == ["feeling well supported"]
    ws = openpyxl.load_workbook(out)["candidates"]
    assert [c.value for c in ws[1]][:2] == ["candidate", "n_studies"]
    assert ws.max_row == 3
