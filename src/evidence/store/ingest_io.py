"""Ingest-stage reads and writes: which files are known, and loading read files in batches.

Each batch is one short transaction. A file's documents, passages, issues and its
`source_files` row are written together, so a crash (even SIGKILL) leaves either the
whole file or none of it, and a re-run picks up exactly the files not yet recorded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
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

    def add(self, other: BatchStats) -> None:
        """Accumulate another batch's counts into this one."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


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
    """Write a batch of read files in one transaction. Idempotent per (path, sha256).

    Rows are written in bulk (one INSERT per table from a DataFrame); studies are resolved in
    Python against the batch's and the store's DOIs, PMIDs and titles.
    """
    import pandas as pd

    stats = BatchStats()
    if not files:
        return stats
    ts = now()
    with transaction(db_path) as con:
        touched: set[str] = set()
        paths = [f.path for f in files]
        prev = dict(
            con.execute(
                "SELECT path, sha256 FROM source_files WHERE path IN (SELECT unnest(?::VARCHAR[]))",
                [paths],
            ).fetchall()
        )
        for f in files:
            if f.path in prev and prev[f.path] != f.sha256:
                touched.update(_delete_file_documents(con, f.path))
        con.execute(
            "DELETE FROM ingest_errors WHERE source_path IN (SELECT unnest(?::VARCHAR[]))", [paths]
        )
        all_ids = [doc.doc_id for f in files for doc, _ in f.documents]
        existing = {
            r[0]
            for r in con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [all_ids],
            ).fetchall()
        }
        resolver = _StudyResolver(con)
        resolver.prime([doc for f in files for doc, _ in f.documents if doc.doc_id not in existing])
        doc_rows: list[tuple[object, ...]] = []
        passage_rows: list[tuple[object, ...]] = []
        error_rows: list[tuple[object, ...]] = []
        file_rows: list[tuple[object, ...]] = []
        for f in files:
            stats.files += 1
            for doc, passages in f.documents:
                doc_id = doc.doc_id
                if doc_id in existing:
                    stats.documents_duplicate += 1
                    continue
                existing.add(doc_id)
                sid, created = resolver.resolve(doc)
                stats.studies_new += int(created)
                touched.add(sid)
                doc_rows.append(
                    (
                        doc_id,
                        sid,
                        f.path,
                        f.sha256,
                        doc.record_index,
                        doc.format,
                        doc.title,
                        doc.authors,
                        doc.year,
                        doc.journal,
                        doc.doi,
                        doc.pmid,
                        doc.keywords,
                        doc.publication_types,
                        doc.mesh,
                        doc.is_full_text,
                        doc.n_pages,
                        len(doc.text),
                        doc.text,
                        ts,
                    )
                )
                passage_rows.extend(
                    (
                        p.passage_id,
                        doc_id,
                        p.seq,
                        p.section,
                        p.page,
                        p.char_start,
                        p.char_end,
                        p.text,
                    )
                    for p in passages
                )
                stats.documents_new += 1
                stats.passages += len(passages)
            for issue in f.issues:
                error_rows.append(
                    (
                        run_id,
                        f.path,
                        f.sha256,
                        issue.stage,
                        issue.location,
                        issue.message,
                        issue.hint,
                        issue.severity,
                        ts,
                    )
                )
                stats.issues += 1
            file_rows.append(
                (
                    f.path,
                    f.sha256,
                    f.size_bytes,
                    f.format,
                    f.status,
                    len(f.documents),
                    len(f.issues),
                    run_id,
                    ts,
                )
            )
        resolver.flush()
        if doc_rows:
            docs_df = pd.DataFrame(doc_rows, columns=_DOC_COLUMNS)  # noqa: F841 (read by DuckDB)
            con.execute(f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) SELECT * FROM docs_df")
        if passage_rows:
            passages_df = pd.DataFrame(passage_rows, columns=_PASSAGE_COLUMNS)  # noqa: F841
            con.execute("INSERT INTO passages SELECT * FROM passages_df ON CONFLICT DO NOTHING")
        if error_rows:
            con.executemany(
                "INSERT INTO ingest_errors (run_id, source_path, source_sha256, stage, location,"
                " message, hint, severity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                error_rows,
            )
        con.executemany(
            "INSERT OR REPLACE INTO source_files (path, sha256, size_bytes, format, status,"
            " n_documents, n_issues, run_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            file_rows,
        )
        _refresh_primary(con, sorted(touched))
    return stats


_DOC_COLUMNS = [
    "doc_id",
    "study_id",
    "source_path",
    "source_sha256",
    "record_index",
    "format",
    "title",
    "authors",
    "year",
    "journal",
    "doi",
    "pmid",
    "keywords",
    "publication_types",
    "mesh",
    "is_full_text",
    "n_pages",
    "n_chars",
    "text",
    "ingested_at",
]
_PASSAGE_COLUMNS = [
    "passage_id",
    "doc_id",
    "seq",
    "section",
    "page",
    "char_start",
    "char_end",
    "text",
]


class _StudyResolver:
    """Find a document's study by DOI, then PMID, then normalised title (+ year), or create it.

    Looks up the store once per key and remembers studies created in this batch; new studies
    and the details filled in from later sources are written by `flush()`.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.by_doi: dict[str, str] = {}
        self.by_pmid: dict[str, str] = {}
        self.by_title: dict[str, list[tuple[str, int | None, str | None]]] = {}
        self.new: dict[str, dict[str, object]] = {}
        self.fills: dict[str, dict[str, object]] = {}
        self.stored: set[str] = set()

    def prime(self, docs: Sequence[Document]) -> None:
        """Load, in three queries, the stored studies any of these documents may belong to."""
        dois = sorted({d.doi for d in docs if d.doi})
        pmids = sorted({d.pmid for d in docs if d.pmid})
        titles = sorted({normalise_title(d.title) for d in docs if d.title})
        for sid, doi in self.con.execute(
            "SELECT study_id, doi FROM studies WHERE doi IN (SELECT unnest(?::VARCHAR[]))", [dois]
        ).fetchall():
            self.by_doi.setdefault(doi, sid)
        for sid, pmid in self.con.execute(
            "SELECT study_id, pmid FROM studies WHERE pmid IN (SELECT unnest(?::VARCHAR[]))",
            [pmids],
        ).fetchall():
            self.by_pmid.setdefault(pmid, sid)
        for sid, tnorm, year, doi in self.con.execute(
            "SELECT study_id, title_norm, year, doi FROM studies"
            " WHERE title_norm IN (SELECT unnest(?::VARCHAR[]))",
            [titles],
        ).fetchall():
            self.by_title.setdefault(tnorm, []).append((sid, year, doi))
        keys = sorted({study_id_for(d.study_key) for d in docs})
        self.stored = {
            r[0]
            for r in self.con.execute(
                "SELECT study_id FROM studies WHERE study_id IN (SELECT unnest(?::VARCHAR[]))",
                [keys],
            ).fetchall()
        }

    def resolve(self, doc: Document) -> tuple[str, bool]:
        sid: str | None = None
        if doc.doi:
            sid = self.by_doi.get(doc.doi)
        if sid is None and doc.pmid:
            sid = self.by_pmid.get(doc.pmid)
        tnorm = normalise_title(doc.title) if doc.title else ""
        if sid is None and len(tnorm) >= 20:
            for cand, year, doi in self.by_title.get(tnorm, []):
                if (year is None or doc.year is None or year == doc.year) and (
                    doi is None or doc.doi is None or doi == doc.doi
                ):
                    sid = cand
                    break
        created = False
        if sid is None:
            key = doc.study_key
            sid = study_id_for(key)
            if sid not in self.new and sid not in self.stored:
                self.new[sid] = {
                    "study_id": sid,
                    "study_key": key,
                    "title": doc.title,
                    "title_norm": tnorm or None,
                    "year": doc.year,
                    "doi": doc.doi,
                    "pmid": doc.pmid,
                    "first_author": doc.first_author,
                    "journal": doc.journal,
                }
                created = True
        else:
            target = self.new.get(sid)
            if target is None:
                target = self.fills.setdefault(sid, {})
            for k, v in (
                ("doi", doc.doi),
                ("pmid", doc.pmid),
                ("year", doc.year),
                ("title", doc.title),
                ("title_norm", tnorm or None),
                ("first_author", doc.first_author),
                ("journal", doc.journal),
            ):
                if v is not None and target.get(k) is None:
                    target[k] = v
        if doc.doi:
            self.by_doi.setdefault(doc.doi, sid)
        if doc.pmid:
            self.by_pmid.setdefault(doc.pmid, sid)
        if tnorm:
            self.by_title.setdefault(tnorm, []).append((sid, doc.year, doc.doi))
        return sid, created

    def flush(self) -> None:
        ts = now()
        if self.new:
            import pandas as pd

            studies_df = pd.DataFrame(list(self.new.values()))  # noqa: F841 (read by DuckDB)
            self.con.execute(
                "INSERT INTO studies (study_id, study_key, title, title_norm, year, doi, pmid,"
                " first_author, journal, primary_doc_id, updated_at)"
                " SELECT study_id, study_key, title, title_norm, year, doi, pmid, first_author,"
                " journal, NULL, ? FROM studies_df",
                [ts],
            )
        for sid, vals in self.fills.items():
            if not vals:
                continue
            sets = ", ".join(f"{k} = coalesce({k}, ?)" for k in vals)
            self.con.execute(
                f"UPDATE studies SET {sets}, updated_at = ? WHERE study_id = ?",
                [*vals.values(), ts, sid],
            )
        self.new.clear()
        self.fills.clear()


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
            [
                run_id,
                issue.source_path,
                issue.stage,
                issue.location,
                issue.message,
                issue.hint,
                issue.severity,
                now(),
            ],
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


def prepare_file(
    path: Path, *, pdf_timeout_s: float, digest: tuple[str, int] | None = None
) -> LoadedFile:
    """Read one file and split its documents into passages. Never raises for bad input.

    `digest` is the file's (sha256, size) when the caller has already hashed it.
    """
    from evidence.extract.segment import split_passages
    from evidence.sources import read_path

    sha, size = digest or file_digest(path)
    result = read_path(path, pdf_timeout_s=pdf_timeout_s)
    loaded = LoadedFile(
        path=str(path),
        sha256=sha,
        size_bytes=size,
        format=result.format,
        issues=list(result.issues),
    )
    for doc in result.documents:
        loaded.documents.append((doc, split_passages(doc)))
    return loaded
