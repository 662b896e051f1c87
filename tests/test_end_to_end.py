"""The main job on the bundled sample corpus, and reviewer corrections across a re-run."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from evidence.cli import app
from evidence.store import read_only


def test_main_job_produces_every_output(sample_run: dict) -> None:
    ingest = sample_run["ingest"]
    assert ingest["files_seen"] >= 15 and ingest["files_failed"] == 0, ingest["issues"]
    assert ingest["issues"] == []
    out = Path(sample_run["out_dir"])
    listed = {Path(p).name for p in sample_run["outputs"]}
    assert {"themes_overview.html", "factor_summary.xlsx", "gap_map.html"} <= listed
    for name in (
        "factor_summary.csv",
        "factor_summary.xlsx",
        "factor_summary.md",
        "factor_summary.html",
        "gap_map.html",
        "gap_map_professions.png",
        "gap_map_countries.png",
        "themes_overview.html",
        "themes_overview.png",
    ):
        assert (out / name).stat().st_size > 0, name
    with read_only(sample_run["db"]) as con:
        n_studies = con.execute("SELECT count(*) FROM evidence_studies").fetchone()[0]
        with_design = con.execute(
            "SELECT count(*) FROM evidence_studies WHERE design IS NOT NULL"
        ).fetchone()[0]
        factors = con.execute("SELECT count(*) FROM evidence_factors").fetchone()[0]
        themes = con.execute("SELECT count(*) FROM evidence_themes").fetchone()[0]
        # the study that arrives as an abstract record and as the PDF is one study, full text first
        linked = con.execute(
            "SELECT count(DISTINCT d.doc_id), any_value(s.primary_doc_id = f.doc_id)"
            " FROM studies s JOIN documents d USING (study_id)"
            " JOIN documents f ON f.study_id = s.study_id AND f.is_full_text AND f.format = 'pdf'"
            " WHERE s.doi = '10.5555/evidence-example.001'"
        ).fetchone()
    assert n_studies == 30
    assert with_design == n_studies
    assert factors > 50
    assert themes >= 3
    assert linked == (2, True)


def test_correction_made_before_a_rerun_is_in_effect_after_it(
    sample_run: dict, tmp_path: Path
) -> None:
    from flows.extract import extract_flow
    from flows.ingest import ingest_flow

    db = tmp_path / "evidence.duckdb"
    shutil.copy(sample_run["db"], db)
    with read_only(db) as con:
        study_id, factor_id = con.execute(
            "SELECT study_id, factor_id FROM evidence_factors WHERE direction = 'risk'"
            " ORDER BY study_id, factor_id LIMIT 1"
        ).fetchone()
    runner = CliRunner()
    for args in (
        ["review", "reject", study_id, "risk_factor", factor_id, "--reason", "not supported"],
        ["review", "set", study_id, "design", "mixed_methods", "--reason", "survey + interviews"],
        [
            "review",
            "add",
            study_id,
            "protective_factor",
            "peer_support",
            "--reason",
            "missed",
            "--quote",
            "peer support helped",
        ],
    ):
        result = runner.invoke(app, [*args, "--db", str(db), "--reviewer", "tester"])
        assert result.exit_code == 0, result.output

    def state() -> tuple:
        with read_only(db) as con:
            design = con.execute(
                "SELECT design FROM evidence_studies WHERE study_id = ?", [study_id]
            ).fetchone()[0]
            facts = set(
                con.execute(
                    "SELECT factor_id, direction FROM evidence_factors WHERE study_id = ?",
                    [study_id],
                ).fetchall()
            )
        return design, facts

    design, facts = state()
    assert design == "mixed_methods"
    assert (factor_id, "risk") not in facts and ("peer_support", "protective") in facts

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    ingest_flow(paths=[str(raw)], db=str(db), force=True)
    extract_flow(db=str(db), force=True)
    assert state() == (design, facts)
    log = runner.invoke(app, ["review", "log", "--db", str(db)])
    assert log.exit_code == 0 and "tester" in log.output


def test_cli_ingest_fills_the_study_and_factor_views(
    shared_dir: Path, tmp_path: Path, prefect_harness: None
) -> None:
    db = tmp_path / "evidence.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with read_only(db) as con:
        designs = dict(
            con.execute(
                "SELECT title IS NULL, count(*) FROM evidence_studies GROUP BY 1"
            ).fetchall()
        )
        n_design = con.execute(
            "SELECT count(*) FROM evidence_studies WHERE design IS NOT NULL"
        ).fetchone()[0]
        n_factors = con.execute("SELECT count(DISTINCT study_id) FROM evidence_factors").fetchone()[
            0
        ]
    assert sum(designs.values()) == 4 and n_design == 4 and n_factors == 4
    status = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert status.exit_code == 0 and "extracted documents" in status.output
