"""The DuckDB store: migrations recorded and idempotent, short writes, clear busy errors."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence.errors import DatabaseBusyError, StoreError
from evidence.store import connect, read_only, transaction
from evidence.store.db import migrations

PUBLIC_VIEWS = {
    "evidence_documents": [
        "doc_id",
        "study_id",
        "source_path",
        "format",
        "title",
        "year",
        "doi",
        "pmid",
        "n_pages",
    ],
    "evidence_passages": [
        "doc_id",
        "passage_id",
        "section",
        "page",
        "char_start",
        "char_end",
        "text",
    ],
    "evidence_errors": ["source_path", "stage", "message", "created_at"],
    "evidence_studies": [
        "study_id",
        "title",
        "year",
        "doi",
        "pmid",
        "design",
        "n_participants",
        "n_interviews",
        "n_focus_groups",
        "n_sites",
        "response_rate",
        "countries",
        "regions",
        "care_settings",
        "populations",
        "instruments",
        "outcomes",
    ],
    "evidence_factors": [
        "study_id",
        "factor_id",
        "factor_label",
        "area",
        "level",
        "direction",
        "n_mentions",
        "best_quote",
        "page",
        "section",
    ],
    "evidence": [
        "study_id",
        "field",
        "value",
        "quote",
        "doc_id",
        "page",
        "char_start",
        "char_end",
        "confidence",
        "extractor_version",
    ],
}


def test_migrations_are_numbered_and_recorded(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    with connect(db) as con:
        recorded = [
            r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()
        ]
    assert recorded == versions
    # re-running applies nothing
    from evidence.store.db import migrate

    with connect(db, migrate_schema=False) as con:
        assert migrate(con) == []


@pytest.mark.parametrize("view", sorted(PUBLIC_VIEWS))
def test_public_views_keep_their_columns(tmp_path: Path, view: str) -> None:
    with connect(tmp_path / "e.duckdb") as con:
        cols = [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()]
    for c in PUBLIC_VIEWS[view]:
        assert c in cols, f"{view} lost column {c}"
    assert cols[: len(PUBLIC_VIEWS[view])] == PUBLIC_VIEWS[view]


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    connect(db).close()
    with pytest.raises(RuntimeError), transaction(db) as con:
        con.execute(
            "INSERT INTO runs (run_id, kind, started_at, status) VALUES ('r1', 'ingest', now(), 'running')"
        )
        raise RuntimeError("crash")
    with read_only(db) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchone() == (0,)


def test_read_only_on_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="evidence ingest"):
        read_only(tmp_path / "missing.duckdb").__enter__()


def test_reader_meeting_a_write_gets_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True);"
            " time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        with pytest.raises(DatabaseBusyError) as info:
            read_only(db, wait_s=0.3).__enter__()
        assert "being written by another process" in str(info.value)
        assert str(db) in str(info.value)
        assert time.monotonic() - t0 < 10
    finally:
        holder.kill()
        holder.wait()
    # once the writer is gone, readers get in
    with read_only(db) as con:
        assert con.execute("SELECT 1").fetchone() == (1,)
