"""Ingest flow: discover → read (one task per file, in parallel) → identify/de-duplicate → load in batches.

Run it as a plain command (no Prefect server to start):

    python -m flows.ingest data/raw ../shared/corpus --db data/processed/evidence.duckdb
"""

from __future__ import annotations

import argparse
import time
import uuid
from pathlib import Path
from typing import Any

from flows._prefect_env import configure

configure()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from evidence.config import get_settings  # noqa: E402
from evidence.errors import EvidenceError  # noqa: E402
from evidence.records import IngestIssue  # noqa: E402
from evidence.sources import discover  # noqa: E402
from evidence.store import connect, ingest_io  # noqa: E402


def _transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry only faults that may pass (I/O hiccups), never bad input or our own errors."""
    try:
        exc = state.result(raise_on_failure=False)
    except Exception:  # the state carries no exception we can inspect
        return False
    permanent = (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)
    return isinstance(exc, OSError) and not isinstance(exc, permanent)


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(paths: list[str]) -> tuple[list[str], list[IngestIssue], list[str]]:
    """The files to read, the paths that do not exist, and the archives skipped in folders."""
    found: list[str] = []
    issues: list[IngestIssue] = []
    archives: list[Path] = []
    for p in paths:
        try:
            found.extend(str(x) for x in discover([Path(p)], archives=archives))
        except EvidenceError as e:
            issues.append(
                IngestIssue(source_path=p, stage="discover", message=e.message, hint=e.hint)
            )
    # keep order, drop duplicates (a file named twice)
    return (
        list(dict.fromkeys(str(Path(f).resolve()) for f in found)),
        issues,
        list(dict.fromkeys(str(a.resolve()) for a in archives)),
    )


@task(
    name="read",
    retries=2,
    retry_delay_seconds=[1, 4],
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
    task_run_name="read {path}",
)
def read_task(path: str, pdf_timeout_s: float, digest: tuple[str, int]) -> ingest_io.LoadedFile:
    return ingest_io.prepare_file(Path(path), pdf_timeout_s=pdf_timeout_s, digest=digest)


@task(name="load-batch", cache_policy=NO_CACHE)
def load_batch_task(
    db: str, files: list[ingest_io.LoadedFile], run_id: str
) -> ingest_io.BatchStats:
    return ingest_io.load_batch(Path(db), files, run_id=run_id)


@flow(
    name="ingest",
    task_runner=ThreadPoolTaskRunner(max_workers=get_settings().max_workers),  # type: ignore[arg-type]
    log_prints=False,
)
def ingest_flow(
    paths: list[str] | None = None, db: str | None = None, force: bool = False
) -> dict[str, Any]:
    """Ingest files and folders into the evidence database; returns the run summary."""
    settings = get_settings()
    logger = get_run_logger()
    db_path = Path(db) if db else settings.db_path
    paths = paths or [str(settings.raw_path)]
    run_id = "ingest-" + uuid.uuid4().hex[:12]
    started = time.monotonic()
    with connect(db_path) as con:  # creates the file and applies migrations
        known = ingest_io.known_files(con)
    ingest_io.start_run(db_path, run_id=run_id, kind="ingest")

    files, discover_issues, archives = discover_task(paths)
    for issue in discover_issues:
        ingest_io.record_issue(db_path, issue, run_id=run_id)
        logger.error(str(issue))
    # archives are not opened; each is named, so that an export left zipped is not missed
    archive_lines = [
        f"{a}: skipped, an archive is not read (unpack it into the folder and ingest again)"
        for a in archives
    ]
    for line in archive_lines:
        logger.warning(line)

    todo: dict[str, tuple[str, int]] = {}  # path -> (sha256, size), hashed once
    unchanged = 0
    for f in files:
        digest = ingest_io.file_digest(Path(f))
        if not force and known.get(f) == digest[0]:
            unchanged += 1
        else:
            todo[f] = digest
    logger.info(
        "%d files found: %d to read, %d unchanged since the last run",
        len(files),
        len(todo),
        unchanged,
    )

    totals = ingest_io.BatchStats()
    failed: list[str] = []
    issue_lines: list[str] = [str(i) for i in discover_issues] + archive_lines
    pending: list[ingest_io.LoadedFile] = []
    pending_docs = 0

    def flush() -> None:
        nonlocal pending, pending_docs
        if not pending:
            return
        stats = load_batch_task(str(db_path), pending, run_id)
        totals.add(stats)
        logger.info(
            "loaded batch: %d files, %d new documents, %d passages",
            stats.files,
            stats.documents_new,
            stats.passages,
        )
        pending, pending_docs = [], 0

    futures = [read_task.submit(f, settings.pdf_timeout_s, d) for f, d in todo.items()]
    for done, fut in enumerate(as_completed(futures), start=1):
        loaded: ingest_io.LoadedFile = fut.result()
        if loaded.status == "failed":
            failed.append(loaded.path)
        for issue in loaded.issues:
            issue_lines.append(str(issue))
        logger.info(
            "[%d/%d] %s: %d documents%s",
            done,
            len(todo),
            Path(loaded.path).name,
            len(loaded.documents),
            f", {len(loaded.issues)} issues" if loaded.issues else "",
        )
        pending.append(loaded)
        pending_docs += len(loaded.documents)
        if pending_docs >= settings.load_batch_size or len(pending) >= 20:
            flush()
    flush()

    with connect(db_path) as con:
        totals_db = ingest_io.counts(con)
    summary: dict[str, Any] = {
        "run_id": run_id,
        "db": str(db_path),
        "files_seen": len(files),
        "files_new": len(todo),
        "files_unchanged": unchanged,
        "files_failed": len(failed) + len(discover_issues),
        "files_skipped": len(archives),
        "documents_new": totals.documents_new,
        "documents_duplicate": totals.documents_duplicate,
        "passages_new": totals.passages,
        "studies_new": totals.studies_new,
        "documents": totals_db["documents"],
        "passages": totals_db["passages"],
        "studies": totals_db["studies"],
        "issues": issue_lines,
        "seconds": round(time.monotonic() - started, 2),
    }
    ingest_io.finish_run(
        db_path,
        run_id=run_id,
        status="completed",
        stats={k: v for k, v in summary.items() if k != "issues"} | {"n_issues": len(issue_lines)},
    )
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or folders (default: data/raw)")
    parser.add_argument(
        "--db", default=None, help="DuckDB file (default data/processed/evidence.duckdb)"
    )
    parser.add_argument("--force", action="store_true", help="re-read files even if unchanged")
    args = parser.parse_args(argv)
    summary = ingest_flow(paths=args.paths or None, db=args.db, force=args.force)
    for line in summary["issues"]:
        print("  !", line)
    print({k: v for k, v in summary.items() if k != "issues"})


if __name__ == "__main__":
    main()
