"""Ingest-stage reads and writes: which files are known, and loading read files in batches.

Each batch is one short transaction. A file's documents, passages, issues and its
`source_files` row are written together, so a crash (even SIGKILL) leaves either the
whole file or none of it, and a re-run picks up exactly the files not yet recorded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from evidence.records import (
    Document,
    IngestIssue,
    Passage,
    normalise_title,
    study_id_for,
)
from evidence.store.db import now, transaction


@dataclass(slots=True)
class LoadedFile:
    """One read file, ready to load: its documents with their passages, and its issues."""

    path: str
    sha256: str
    size_bytes: int
    format: str | None
    documents: list[tuple[Document, list[Passage]]] = field(default_factory=list)
    issues: list[IngestIssue] = field(default_factory=list)

    @property
    def status(self) -> str:
        errors = [i for i in self.issues if i.severity == "error"]
        if errors and not self.documents:
            return "failed"
        return "partial" if errors else "ok"


@dataclass(slots=True)
class BatchStats:
    files: int = 0
    documents_new: int = 0
    documents_duplicate: int = 0
    passages: int = 0
    studies_new: int = 0
    issues: int = 0


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """path -> sha256 of every file already recorded."""
    return dict(con.execute("SELECT path, sha256 FROM source_files").fetchall())


def start_run(db_path: Path, *, run_id: str, kind: str) -> None:
    with transaction(db_path) as con:
        con.execute(
            "INSERT INTO runs (run_id, kind, started_at, status) VALUES (?, ?, ?, 'running')",
            [run_id, kind, now()],
        )


def finish_run(db_path: Path, *, run_id: str, status: str, stats: dict[str, object]) -> None:
    with transaction(db_path) as con:
        con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, stats = ? WHERE run_id = ?",
            [now(), status, json.dumps(stats, default=str), run_id],
        )


def _resolve_study(con: duckdb.DuckDBPyConnection, doc: Document) -> tuple[str, bool]:
    """Find the study this document belongs to (DOI, PMID, then title+year), or create it."""
    row = None
    if doc.doi:
        row = con.execute("SELECT study_id FROM studies WHERE doi = ?", [doc.doi]).fetchone()
    if row is None and doc.pmid:
        row = con.execute("SELECT study_id FROM studies WHERE pmid = ?", [doc.pmid]).fetchone()
    tnorm = normalise_title(doc.title) if doc.title else ""
    if row is None and len(tnorm) >= 20:
        row = con.execute(
            "SELECT study_id FROM studies WHERE title_norm = ?"
            " AND (year IS NULL OR ? IS NULL OR year = ?)"
            " AND (doi IS NULL OR ? IS NULL OR doi = ?) LIMIT 1",
            [tnorm, doc.year, doc.year, doc.doi, doc.doi],
        ).fetchone()
    if row is None:
        key = doc.study_key
        sid = study_id_for(key)
        exists = con.execute("SELECT 1 FROM studies WHERE study_id = ?", [sid]).fetchone()
        if exists:
            return sid, False
        con.execute(
            "INSERT INTO studies (study_id, study_key, title, title_norm, year, doi, pmid,"
            " first_author, journal, primary_doc_id, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
            [sid, key, doc.title, tnorm or None, doc.year, doc.doi, doc.pmid,
             doc.first_author, doc.journal, now()],
        )
        return sid, True
    sid = row[0]
    # fill what the study lacks from this source
    con.execute(
        "UPDATE studies SET doi = coalesce(doi, ?), pmid = coalesce(pmid, ?),"
        " year = coalesce(year, ?), title = coalesce(title, ?), title_norm = coalesce(title_norm, ?),"
        " first_author = coalesce(first_author, ?), journal = coalesce(journal, ?), updated_at = ?"
        " WHERE study_id = ?",
        [doc.doi, doc.pmid, doc.year, doc.title, tnorm or None, doc.first_author, doc.journal,
         now(), sid],
    )
    return sid, False


def _refresh_primary(con: duckdb.DuckDBPyConnection, study_ids: Sequence[str]) -> None:
    """Primary document of a study: full text first, then the longest text."""
    if not study_ids:
        return
    con.execute(
        """
        UPDATE studies SET primary_doc_id = (
            SELECT d.doc_id FROM documents d WHERE d.study_id = studies.study_id
            ORDER BY d.is_full_text DESC, d.n_chars DESC, d.doc_id LIMIT 1)
        WHERE study_id IN (SELECT unnest(?::VARCHAR[]))
        """,
        [list(study_ids)],
    )


def _delete_file_documents(con: duckdb.DuckDBPyConnection, path: str) -> list[str]:
    """Remove what an earlier version of this file contributed. Returns affected study ids."""
    rows = con.execute(
        "SELECT doc_id, study_id FROM documents WHERE source_path = ?", [path]
    ).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    con.execute("DELETE FROM passages WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    return sorted({r[1] for r in rows})


def load_batch(db_path: Path, files: Sequence[LoadedFile], *, run_id: str) -> BatchStats:
    """Write a batch of read files in one transaction. Idempotent per (path, sha256)."""
    stats = BatchStats()
    if not files:
        return stats
    with transaction(db_path) as con:
        touched: set[str] = set()
        for f in files:
            prev = con.execute("SELECT sha256 FROM source_files WHERE path = ?", [f.path]).fetchone()
            if prev is not None and prev[0] != f.sha256:
                touched.update(_delete_file_documents(con, f.path))
            con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [f.path])
            stats.files += 1
            for doc, passages in f.documents:
                doc_id = doc.doc_id
                if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone():
                    stats.documents_duplicate += 1
                    continue
                sid, created = _resolve_study(con, doc)
                stats.studies_new += int(created)
                touched.add(sid)
                con.execute(
                    "INSERT INTO documents (doc_id, study_id, source_path, source_sha256, record_index,"
                    " format, title, authors, year, journal, doi, pmid, keywords, publication_types,"
                    " mesh, is_full_text, n_pages, n_chars, text, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc_id, sid, f.path, f.sha256, doc.record_index, doc.format, doc.title,
                     doc.authors, doc.year, doc.journal, doc.doi, doc.pmid, doc.keywords,
                     doc.publication_types, doc.mesh, doc.is_full_text, doc.n_pages,
                     len(doc.text), doc.text, now()],
                )
                if passages:
                    con.executemany(
                        "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [[p.passage_id, doc_id, p.seq, p.section, p.page, p.char_start, p.char_end,
                          p.text] for p in passages],
                    )
                stats.documents_new += 1
                stats.passages += len(passages)
            for issue in f.issues:
                con.execute(
                    "INSERT INTO ingest_errors (run_id, source_path, source_sha256, stage, location,"
                    " message, hint, severity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [run_id, f.path, f.sha256, issue.stage, issue.location, issue.message,
                     issue.hint, issue.severity, now()],
                )
                stats.issues += 1
            con.execute(
                "INSERT OR REPLACE INTO source_files (path, sha256, size_bytes, format, status,"
                " n_documents, n_issues, run_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [f.path, f.sha256, f.size_bytes, f.format, f.status, len(f.documents),
                 len(f.issues), run_id, now()],
            )
        _refresh_primary(con, sorted(touched))
    return stats


def record_issue(db_path: Path, issue: IngestIssue, *, run_id: str) -> None:
    """Record an issue that belongs to no loadable file (e.g. a path that does not exist)."""
    with transaction(db_path) as con:
        con.execute(
            "DELETE FROM ingest_errors WHERE source_path = ? AND stage = ? AND message = ?",
            [issue.source_path, issue.stage, issue.message],
        )
        con.execute(
            "INSERT INTO ingest_errors (run_id, source_path, stage, location, message, hint,"
            " severity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, issue.source_path, issue.stage, issue.location, issue.message, issue.hint,
             issue.severity, now()],
        )


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables, for summaries and `evidence status`."""
    out: dict[str, int] = {}
    for name, sql in {
        "files": "SELECT count(*) FROM source_files",
        "files_failed": "SELECT count(*) FROM source_files WHERE status = 'failed'",
        "documents": "SELECT count(*) FROM documents",
        "full_texts": "SELECT count(*) FROM documents WHERE is_full_text",
        "passages": "SELECT count(*) FROM passages",
        "studies": "SELECT count(*) FROM studies",
        "errors": "SELECT count(*) FROM ingest_errors WHERE severity = 'error'",
        "warnings": "SELECT count(*) FROM ingest_errors WHERE severity = 'warning'",
    }.items():
        row = con.execute(sql).fetchone()
        out[name] = int(row[0]) if row else 0
    return out


def file_digest(path: Path) -> tuple[str, int]:
    """sha256 and size of a file, read in chunks."""
    import hashlib

    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def prepare_file(path: Path, *, pdf_timeout_s: float) -> LoadedFile:
    """Read one file and split its documents into passages. Never raises for bad input."""
    from evidence.extract.segment import split_passages
    from evidence.sources import read_path

    sha, size = file_digest(path)
    result = read_path(path, pdf_timeout_s=pdf_timeout_s)
    loaded = LoadedFile(
        path=str(path), sha256=sha, size_bytes=size, format=result.format, issues=list(result.issues)
    )
    for doc in result.documents:
        loaded.documents.append((doc, split_passages(doc)))
    return loaded
