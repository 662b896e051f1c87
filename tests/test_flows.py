"""The ingest flow: runs under Prefect, resumes after SIGKILL without duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence.store import read_only

ROOT = Path(__file__).resolve().parents[1]


def _inputs(shared: Path) -> list[str]:
    return [
        str(shared / "seeds"),
        str(shared / "corpus" / "abstracts" / "format_samples" / "citations_single_record.nbib"),
        str(shared / "corpus" / "pdfs" / "cermine_example2_bmc_hsr_2014.pdf"),
        str(shared / "corpus" / "pdfs-odd" / "encrypted_pdfplumber_password-example.pdf"),
        str(shared / "corpus" / "pdfs-odd" / "empty_zero_bytes_pdfplumber.pdf"),
    ]


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    with read_only(db) as con:
        return {
            "documents": con.execute(
                "SELECT doc_id, study_id, source_path FROM documents ORDER BY 1"
            ).fetchall(),
            "passages": con.execute(
                "SELECT passage_id, doc_id, section, page, char_start, char_end FROM passages ORDER BY 1"
            ).fetchall(),
            "studies": con.execute(
                "SELECT study_id, primary_doc_id FROM studies ORDER BY 1"
            ).fetchall(),
            "files": con.execute(
                "SELECT path, sha256, status FROM source_files ORDER BY 1"
            ).fetchall(),
            "errors": con.execute(
                "SELECT source_path, stage, message FROM ingest_errors ORDER BY 1, 2, 3"
            ).fetchall(),
        }


def test_ingest_names_an_archive_it_does_not_read(
    shared_dir: Path, tmp_path: Path, prefect_harness: None
) -> None:
    from flows.ingest import ingest_flow

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_text((shared_dir / "seeds" / "000_d6d88308334938ec.txt").read_text())
    (raw / "works_1.zip").write_bytes(b"PK\x03\x04")
    summary = ingest_flow(paths=[str(raw)], db=str(tmp_path / "e.duckdb"))
    assert summary["files_seen"] == 1 and summary["documents_new"] == 1
    assert summary["files_skipped"] == 1 and summary["files_failed"] == 0
    assert any("works_1.zip" in line and "unpack" in line for line in summary["issues"])


def test_ingest_flow_under_test_harness(
    shared_dir: Path, tmp_path: Path, prefect_harness: None
) -> None:
    from flows.ingest import ingest_flow

    db = tmp_path / "e.duckdb"
    first = ingest_flow(paths=_inputs(shared_dir), db=str(db))
    second = ingest_flow(paths=_inputs(shared_dir), db=str(db))
    assert first["files_seen"] == 8  # 4 seeds + nbib + 3 PDFs
    assert first["files_failed"] == 2  # encrypted + empty
    assert first["documents_new"] == 6
    assert first["passages"] > 100
    joined = "\n".join(first["issues"])
    assert "encrypted_pdfplumber_password-example.pdf" in joined and "password" in joined
    assert "empty_zero_bytes_pdfplumber.pdf" in joined
    # unchanged files: nothing to do, nothing duplicated
    assert second["files_unchanged"] == 8 and second["files_new"] == 0
    assert second["documents_new"] == 0 and second["documents"] == first["documents"]
    snap = _snapshot(db)
    assert len(snap["errors"]) == 2
    with read_only(db) as con:
        sections = {
            r[0] for r in con.execute("SELECT DISTINCT section FROM evidence_passages").fetchall()
        }
        n_pages = con.execute(
            "SELECT n_pages FROM evidence_documents WHERE format = 'pdf'"
        ).fetchone()
    assert {"abstract", "methods", "results", "references"} <= sections
    assert n_pages is not None and n_pages[0] == 10


def test_missing_path_is_reported_and_the_rest_continues(
    shared_dir: Path, tmp_path: Path, prefect_harness: None
) -> None:
    from flows.ingest import ingest_flow

    db = tmp_path / "e.duckdb"
    summary = ingest_flow(paths=[str(tmp_path / "nope"), str(shared_dir / "seeds")], db=str(db))
    assert summary["documents_new"] == 4
    assert any("nope" in line for line in summary["issues"])


def _run_ingest(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.ingest", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: SIGKILL takes the Prefect server too
    )


@pytest.mark.slow
def test_sigkill_mid_run_then_resume_equals_uninterrupted_run(
    shared_dir: Path, tmp_path: Path
) -> None:
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    env["EVIDENCE_LOAD_BATCH_SIZE"] = "1"  # commit after every file
    inputs = [
        str(shared_dir / "seeds"),
        str(shared_dir / "corpus" / "pdfs" / "cermine_example2_bmc_hsr_2014.pdf"),
        str(
            shared_dir / "corpus" / "abstracts" / "format_samples" / "citations_single_record.nbib"
        ),
        str(
            shared_dir
            / "corpus"
            / "abstracts"
            / "peru_hospitals_multiformat"
            / "PUBMED_21032026_240.txt"
        ),
    ]
    killed_db = tmp_path / "killed.duckdb"
    proc = _run_ingest([*inputs, "--db", str(killed_db)], env)
    assert proc.stdout is not None
    deadline = time.monotonic() + 240
    batches = 0
    for line in proc.stdout:
        if "loaded batch" in line:
            batches += 1
            if batches == 2:
                os.killpg(proc.pid, signal.SIGKILL)
                break
        assert time.monotonic() < deadline, "ingest never loaded a batch"
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = _snapshot(killed_db)
    assert 0 < len(partial["files"]) < 7

    resumed = _run_ingest([*inputs, "--db", str(killed_db)], env)
    out, _ = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, out

    clean_db = tmp_path / "clean.duckdb"
    clean = _run_ingest([*inputs, "--db", str(clean_db)], env)
    out, _ = clean.communicate(timeout=600)
    assert clean.returncode == 0, out
    a, b = _snapshot(killed_db), _snapshot(clean_db)
    for table in ("documents", "passages", "studies", "files"):
        assert a[table] == b[table], table
    assert len({d[0] for d in a["documents"]}) == len(a["documents"])


def test_dask_runner_uses_the_given_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.runners import dask_runner
    from prefect_dask import DaskTaskRunner

    monkeypatch.setenv("EVIDENCE_DASK_ADDRESS", "tcp://127.0.0.1:8786")
    runner = dask_runner()
    assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://127.0.0.1:8786"
    monkeypatch.delenv("EVIDENCE_DASK_ADDRESS")
    assert dask_runner().address is None
