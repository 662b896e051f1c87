"""Reviewer corrections: set / reject / add through the views, superseding, the audit log,
the CSV round trip (all-or-nothing imports) and survival across re-extraction."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from evidence.cli_review import review_app
from evidence.errors import CorrectionError
from evidence.export import factor_summary
from evidence.store import read_only
from evidence.store.corrections import (
    VOCABULARIES,
    add_correction,
    correction_log,
    export_review_csv,
    import_corrections_csv,
)
from test_export_sampledb import build_small_db, reextract

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_small_db(tmp_path / "evidence.duckdb")


def _study(db: Path, study_id: str) -> dict:  # type: ignore[type-arg]
    with read_only(db) as con:
        cur = con.execute("SELECT * FROM evidence_studies WHERE study_id = ?", [study_id])
        cols = [d[0] for d in cur.description]
        row = cur.fetchone()
    assert row is not None
    return dict(zip(cols, row, strict=True))


def _factors(db: Path, study_id: str) -> set[tuple[str, str]]:
    with read_only(db) as con:
        rows = con.execute(
            "SELECT factor_id, direction FROM evidence_factors WHERE study_id = ?", [study_id]
        ).fetchall()
    return {(r[0], r[1]) for r in rows}


def test_set_reject_add_show_in_the_views(db: Path) -> None:
    add_correction(db, study_id="s_smith2021", field="design", action="set", value="cohort",
                   reviewer="ana", reason="repeated surveys of the same nurses")  # fmt: skip
    add_correction(db, study_id="10.1000/S1", field="n_participants", action="set", value="400",
                   reviewer="ana", reason="412 invited, 400 analysed")  # fmt: skip
    add_correction(db, study_id="s_smith2021", field="risk_factor", action="reject",
                   value="long_hours", reviewer="ana", reason="hours were not linked to burnout")  # fmt: skip
    add_correction(db, study_id="s_smith2021", field="protective_factor", action="add",
                   value="peer_support", quote="Peers helped.", page=7, reviewer="ana",
                   reason="missed")  # fmt: skip
    st = _study(db, "s_smith2021")
    assert (st["design"], st["n_participants"]) == ("cohort", 400)
    assert _factors(db, "s_smith2021") == {
        ("workload", "risk"), ("social_support", "protective"), ("peer_support", "protective"),
    }  # fmt: skip
    with read_only(db) as con:
        quote, page = con.execute(
            "SELECT best_quote, page FROM evidence_factors WHERE study_id = 's_smith2021'"
            " AND factor_id = 'peer_support'"
        ).fetchone()  # type: ignore[misc]
        summary = factor_summary(con)
    assert (quote, page) == ("Peers helped.", 7)
    peer = summary[summary.factor_id == "peer_support"].iloc[0]
    assert peer.n_studies == 3 and peer.total_participants == 420
    assert "long_hours" not in set(summary.factor_id)


def test_new_correction_supersedes_the_old_and_the_log_keeps_both(db: Path) -> None:
    first = add_correction(db, study_id="s_garcia2020", field="design", action="set",
                           value="cross_sectional", reviewer="ana", reason="one time point")  # fmt: skip
    second = add_correction(db, study_id="s_garcia2020", field="design", action="set",
                            value="Cohort", reviewer="ben", reason="annual follow-up")  # fmt: skip
    assert _study(db, "s_garcia2020")["design"] == "cohort"
    # reject then add back the same factor: the add supersedes the reject
    rej = add_correction(db, study_id="s_garcia2020", field="risk_factor", action="reject",
                         value="workload", reviewer="ana", reason="misread")  # fmt: skip
    assert ("workload", "risk") not in _factors(db, "s_garcia2020")
    add_correction(db, study_id="s_garcia2020", field="risk_factor", action="add",
                   value="workload", reviewer="ben", reason="it is there")  # fmt: skip
    assert ("workload", "risk") in _factors(db, "s_garcia2020")
    with read_only(db) as con:
        log = correction_log(con)
        active = correction_log(con, active_only=True)
        by_study = correction_log(con, study_id="10.1000/s3")
    assert list(log.correction_id)[:2] == [first, second]
    assert log.set_index("correction_id").loc[first, "superseded_by"] == second
    assert log.set_index("correction_id").loc[rej, "status"] == "superseded"
    assert list(log.reviewer) == ["ana", "ben", "ana", "ben"]
    assert log.reason.iloc[0] == "one time point"
    assert log.created_at.notna().all() and (log.first_author == "Garcia").all()
    assert len(active) == 2 and len(by_study) == 4


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"study_id": "s_nobody"}, "no study"),
        ({"field": "colour"}, "unknown field"),
        ({"field": "design", "value": "survey"}, "not a known design"),
        ({"field": "n_participants", "value": "many"}, "must be a number"),
        ({"field": "n_participants", "value": "12.5"}, "whole number"),
        ({"field": "response_rate", "value": "140"}, "percentage"),
        ({"field": "country", "value": "Atlantis"}, "unknown country"),
        ({"field": "risk_factor", "value": "bad_weather"}, "unknown factor id"),
        ({"action": "reject", "field": "risk_factor", "value": "sleep"}, "no risk_factor value"),
        ({"action": "delete"}, "unknown action"),
        ({"reviewer": " "}, "reviewer"),
    ],
)
def test_invalid_corrections_are_refused(db: Path, kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    args = {"study_id": "s_smith2021", "field": "design", "action": "set",
            "value": "cohort", "reviewer": "ana", "reason": "x"} | kwargs  # fmt: skip
    with pytest.raises(CorrectionError, match=message):
        add_correction(db, **args)
    with read_only(db) as con:
        assert correction_log(con).empty


def test_country_and_numbers_are_normalised(db: Path) -> None:
    add_correction(db, study_id="s_lee2023", field="country", action="add", value="United Kingdom",
                   reviewer="ana", reason="review of UK studies")  # fmt: skip
    add_correction(db, study_id="s_lee2023", field="n_participants", action="set", value="1,204",
                   reviewer="ana", reason="pooled sample")  # fmt: skip
    st = _study(db, "s_lee2023")
    assert st["countries"] == ["GB"] and st["n_participants"] == 1204


def test_correction_survives_reextraction(db: Path) -> None:
    add_correction(db, study_id="s_jones2022", field="n_participants", action="set", value="24",
                   reviewer="ana", reason="20 interviews + 4 pilot")  # fmt: skip
    add_correction(db, study_id="s_jones2022", field="protective_factor", action="reject",
                   value="peer_support", reviewer="ana", reason="quote is garbled")  # fmt: skip
    reextract(db, "s_jones2022")
    with read_only(db) as con:
        versions = con.execute(
            "SELECT DISTINCT extractor_version FROM extractions WHERE study_id = 's_jones2022'"
        ).fetchall()
    assert versions == [("test-0.1-rerun",)]
    assert _study(db, "s_jones2022")["n_participants"] == 24
    assert ("peer_support", "protective") not in _factors(db, "s_jones2022")
    assert ("workload", "risk") in _factors(db, "s_jones2022")


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_review_csv_round_trip(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        out = export_review_csv(con, tmp_path / "review.csv")
        only = export_review_csv(con, tmp_path / "one.csv", study_id="s_lee2023")
    rows = _read_csv(out)
    assert len(rows) == 26 and len(_read_csv(only)) == 2
    assert {"action", "new_value", "reason"} <= set(rows[0])
    assert all(r["action"] == "" for r in rows)
    garbled = next(
        r for r in rows if r["value"] == "peer_support" and r["study_id"] == "s_jones2022"
    )
    assert garbled["quote"].startswith("'=SUM")  # neutralised for spreadsheets
    for r in rows:
        if r["study_id"] == "s_garcia2020" and r["field"] == "design":
            r.update(action="set", new_value="cross_sectional", reason="single wave analysed")
        if r is garbled:
            r.update(action="reject", reason="formula, not text")
    rows.append({k: "" for k in rows[0]} | {
        "study_id": "s_lee2023", "field": "risk_factor", "action": "add", "new_value": "workload",
        "quote": "-Workload was the most cited driver.", "page": "4", "reason": "missed",
    })  # fmt: skip
    edited = tmp_path / "edited.csv"
    _write_csv(edited, rows)
    report = import_corrections_csv(db, edited, reviewer="cara")
    assert report.ok, report.errors
    assert (report.n_applied, report.n_skipped, report.n_rows) == (3, 24, 27)
    assert _study(db, "s_garcia2020")["design"] == "cross_sectional"
    assert ("peer_support", "protective") not in _factors(db, "s_jones2022")
    with read_only(db) as con:
        quote = con.execute(
            "SELECT best_quote FROM evidence_factors WHERE study_id = 's_lee2023'"
            " AND factor_id = 'workload'"
        ).fetchone()
        log = correction_log(con)
    assert quote == ("-Workload was the most cited driver.",)  # un-neutralised on import
    assert set(log.reviewer) == {"cara"} and len(log) == 3
    # Re-export shows the corrected values with their origin.
    with read_only(db) as con:
        again = _read_csv(export_review_csv(con, tmp_path / "again.csv"))
    design = [r for r in again if r["study_id"] == "s_garcia2020" and r["field"] == "design"]
    assert [(r["value"], r["origin"]) for r in design] == [("cross_sectional", "reviewer")]


def test_import_with_bad_rows_applies_nothing(db: Path, tmp_path: Path) -> None:
    with read_only(db) as con:
        rows = _read_csv(export_review_csv(con, tmp_path / "review.csv"))
    line = {(r["study_id"], r["field"], r["value"]): i for i, r in enumerate(rows)}

    def edit(key: tuple[str, str, str], **changes: str) -> int:
        rows[line[key]].update(changes)
        return line[key] + 2  # the header is line 1

    edit(("s_garcia2020", "design", "cohort"), action="set", new_value="qualitative", reason="ok")
    bad_number = edit(("s_garcia2020", "n_participants", "150"), action="set", new_value="lots")
    edit(("s_jones2022", "risk_factor", "workload"), action="reject", reason="ok row")
    bad_action = edit(("s_lee2023", "design", "systematic_review"), action="frobnicate")
    no_value = edit(("s_smith2021", "design", "cross_sectional"), action="set", new_value="")
    no_study = edit(("s_smith2021", "country", "CN"), study_id="s_missing", action="reject")
    bad = tmp_path / "bad.csv"
    _write_csv(bad, rows)
    report = import_corrections_csv(db, bad, reviewer="dan")
    assert not report.ok and report.n_applied == 0
    errors = {e.line: e.message for e in report.errors}
    assert sorted(errors) == sorted([bad_number, bad_action, no_value, no_study])
    assert "must be a number" in errors[bad_number]
    assert "unknown action" in errors[bad_action]
    assert "needs new_value" in errors[no_value]
    assert "no study" in errors[no_study]
    assert str(report.errors[0]).startswith(f"line {min(errors)}: ")
    with read_only(db) as con:
        assert correction_log(con).empty


def test_line_numbers_count_multiline_quotes(db: Path, tmp_path: Path) -> None:
    header = "study_id,field,value,quote,action,new_value,reason\n"
    body = (
        's_smith2021,design,cross_sectional,"a quote\nover two lines",,,\n'
        "s_smith2021,design,cross_sectional,,set,not_a_design,typo\n"
    )
    path = tmp_path / "multi.csv"
    path.write_text(header + body, encoding="utf-8")
    report = import_corrections_csv(db, path, reviewer="eve")
    assert [e.line for e in report.errors] == [4]


def test_import_without_required_columns_is_refused(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("study,what\nx,y\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="lacks column"):
        import_corrections_csv(db, path, reviewer="eve")


def test_vocabularies_match_the_annotation_guidelines() -> None:
    text = (ROOT / "tests" / "devset" / "GUIDELINES.md").read_text(encoding="utf-8")
    heads = {"design": "design", "data_collection": "data_collection", "analysis": "analysis",
             "care_setting": "care_settings", "population": "populations",
             "outcome": "outcomes", "instrument": "instruments"}  # fmt: skip
    plain = re.sub(r"\([^)]*\)", "", text)  # drop glosses such as "(Copenhagen)"
    for field, head in heads.items():
        block = re.search(rf"\*\*{head}\*\*:(.*?)\.(?:\s|$)", plain, re.S)
        assert block, head
        listed = [item.strip() for item in block.group(1).split(",")]
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", item) for item in listed), (head, listed)
        assert tuple(listed) == VOCABULARIES[field], field


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(review_app, name="review")
    return app


def test_cli_review_commands(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--db", str(db), "--reviewer", "fay"]
    res = runner.invoke(_cli(), ["review", "set", "s_smith2021", "design", "cohort",
                                 "--reason", "follow-up", *base])  # fmt: skip
    assert res.exit_code == 0, res.output
    res = runner.invoke(_cli(), ["review", "reject", "10.1000/s1", "risk_factor", "long_hours",
                                 "--reason", "not linked", *base])  # fmt: skip
    assert res.exit_code == 0, res.output
    res = runner.invoke(_cli(), ["review", "add", "s_smith2021", "risk_factor", "sleep",
                                 "--reason", "missed", "--quote", "Poor sleep.", "--page", "8", *base])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert ("sleep", "risk") in _factors(db, "s_smith2021")
    res = runner.invoke(_cli(), ["review", "set", "s_smith2021", "design", "survey",
                                 "--reason", "x", *base])  # fmt: skip
    assert res.exit_code == 1 and "not a known design" in res.output
    assert "Traceback" not in res.output
    res = runner.invoke(_cli(), ["review", "log", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "fay" in res.output and "follow-up" in res.output
    out = tmp_path / "r.csv"
    res = runner.invoke(_cli(), ["review", "export", "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0 and out.exists()
    rows = _read_csv(out)
    rows[0].update(action="set", new_value="nonsense")
    _write_csv(out, rows)
    res = runner.invoke(_cli(), ["review", "import", str(out), *base])
    assert res.exit_code == 1 and "line 2" in res.output and "nothing was applied" in res.output
    for cmd in ("set", "reject", "add", "export", "import", "log"):
        res = runner.invoke(_cli(), ["review", cmd, "--help"])
        assert res.exit_code == 0 and "--db" in res.output, cmd
