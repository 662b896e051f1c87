"""Extraction-stage reads and writes: which documents need extracting, and storing values."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from evidence.records import Document, ExtractedValue, Factor, Passage
from evidence.store.db import now, transaction


def docs_to_extract(
    con: duckdb.DuckDBPyConnection, *, version: str, lexicon_hash: str, force: bool = False
) -> list[str]:
    """Primary documents of studies not yet extracted with this extractor version and lexicons."""
    if force:
        sql = "SELECT primary_doc_id FROM studies WHERE primary_doc_id IS NOT NULL ORDER BY 1"
        return [r[0] for r in con.execute(sql).fetchall()]
    sql = """
        SELECT s.primary_doc_id FROM studies s
        LEFT JOIN extracted_documents x ON x.doc_id = s.primary_doc_id
        WHERE s.primary_doc_id IS NOT NULL
          AND (x.doc_id IS NULL OR x.extractor_version <> ? OR x.lexicon_hash <> ?)
        ORDER BY 1
    """
    return [r[0] for r in con.execute(sql, [version, lexicon_hash]).fetchall()]


def load_documents(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]
) -> list[tuple[Document, list[Passage]]]:
    """Rebuild Documents (metadata and text) and their passages from the store."""
    if not doc_ids:
        return []
    rows = con.execute(
        "SELECT doc_id, source_path, format, title, authors, year, journal, doi, pmid, keywords,"
        " publication_types, mesh, record_index, n_pages, is_full_text, text"
        " FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(doc_ids)],
    ).fetchall()
    prow = con.execute(
        "SELECT passage_id, doc_id, seq, section, page, char_start, char_end, text FROM passages"
        " WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, seq",
        [list(doc_ids)],
    ).fetchall()
    by_doc: dict[str, list[Passage]] = {}
    for r in prow:
        by_doc.setdefault(r[1], []).append(Passage(*r))
    out: list[tuple[Document, list[Passage]]] = []
    order = {d: i for i, d in enumerate(doc_ids)}
    for r in sorted(rows, key=lambda r: order[r[0]]):
        doc = Document(
            source_path=r[1],
            format=r[2],
            blocks=[],
            title=r[3],
            authors=list(r[4] or []),
            year=r[5],
            journal=r[6],
            doi=r[7],
            pmid=r[8],
            keywords=list(r[9] or []),
            publication_types=list(r[10] or []),
            mesh=list(r[11] or []),
            record_index=r[12],
            n_pages=r[13],
            is_full_text=bool(r[14]),
            text=r[15],
        )
        out.append((doc, by_doc.get(r[0], [])))
    return out


_VALUE_COLUMNS = (
    "value_id",
    "study_id",
    "doc_id",
    "passage_id",
    "field",
    "value",
    "value_num",
    "quote",
    "section",
    "page",
    "char_start",
    "char_end",
    "confidence",
    "detail",
    "extractor_version",
    "lexicon_hash",
    "created_at",
)
_DONE_COLUMNS = ("doc_id", "extractor_version", "lexicon_hash", "n_values", "extracted_at")


def save_extractions(
    db_path: Path,
    results: Sequence[tuple[str, list[ExtractedValue]]],
    *,
    version: str,
    lexicon_hash: str,
) -> int:
    """Replace the stored values of each document in one transaction. Returns rows written."""
    if not results:
        return 0
    written = 0
    with transaction(db_path) as con:
        doc_ids = [d for d, _ in results]
        study_of = dict(
            con.execute(
                "SELECT doc_id, study_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [doc_ids],
            ).fetchall()
        )
        con.execute(
            "DELETE FROM extractions WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]
        )
        ts = now()
        rows = []
        done: list[list[Any]] = []
        for doc_id, values in results:
            seen: set[str] = set()
            for v in values:
                v.doc_id = doc_id
                vid = v.value_id
                if vid in seen:
                    continue
                seen.add(vid)
                rows.append(
                    [
                        vid,
                        study_of[doc_id],
                        doc_id,
                        v.passage_id,
                        v.field,
                        v.value,
                        v.value_num,
                        v.quote,
                        v.section,
                        v.page,
                        v.char_start,
                        v.char_end,
                        float(v.confidence),
                        json.dumps(v.detail, default=str) if v.detail else None,
                        version,
                        lexicon_hash,
                        ts,
                    ]
                )
            done.append([doc_id, version, lexicon_hash, len(seen), ts])
        # one bulk INSERT per table from a DataFrame (executemany goes row by row)
        if rows:
            values_df = pd.DataFrame(rows, columns=_VALUE_COLUMNS)  # noqa: F841 (read by DuckDB)
            con.execute("INSERT INTO extractions SELECT * FROM values_df")
        done_df = pd.DataFrame(done, columns=_DONE_COLUMNS)  # noqa: F841 (read by DuckDB)
        con.execute("INSERT OR REPLACE INTO extracted_documents SELECT * FROM done_df")
        written = len(rows)
    return written


def refresh_factors(db_path: Path, factors: Sequence[Factor]) -> None:
    """Mirror the packaged taxonomy into the `factors` table."""
    with transaction(db_path) as con:
        con.execute("DELETE FROM factors")
        con.executemany(
            "INSERT INTO factors VALUES (?, ?, ?, ?, ?, ?)",
            [
                [f.factor_id, f.label, f.definition, f.area, f.level, f.default_direction]
                for f in factors
            ],
        )


def record_extraction_run(
    db_path: Path,
    *,
    run_id: str,
    version: str,
    lexicon_hash: str,
    n_documents: int,
    n_values: int,
    started_at: object,
) -> None:
    with transaction(db_path) as con:
        con.execute(
            "INSERT OR REPLACE INTO extraction_runs VALUES (?, ?, ?, ?, ?, ?, ?)",
            [run_id, version, lexicon_hash, started_at, now(), n_documents, n_values],
        )
