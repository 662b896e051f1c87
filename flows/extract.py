"""Extract flow: plan (documents not yet extracted by this extractor) → extract in batches → store.

python -m flows.extract --db data/processed/evidence.duckdb
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

from evidence.config import get_settings  # noqa: E402
from evidence.extract.pipeline import Extractor  # noqa: E402
from evidence.extract.taxonomy import load_taxonomy  # noqa: E402
from evidence.store import connect, extract_io, ingest_io, read_only  # noqa: E402  # noqa: E402
from evidence.store.db import now  # noqa: E402


@task(name="plan-extraction", cache_policy=NO_CACHE)
def plan_task(db: str, version: str, lexicon_hash: str, force: bool) -> list[str]:
    with read_only(db) as con:
        return extract_io.docs_to_extract(
            con, version=version, lexicon_hash=lexicon_hash, force=force
        )


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch_task(db: str, doc_ids: list[str], extractor: Extractor) -> tuple[int, int]:
    with read_only(db) as con:
        items = extract_io.load_documents(con, doc_ids)
    # key results by the stored doc id, whatever the extractor computes
    results = []
    for (doc, passages), (_, values) in zip(items, extractor.extract_many(items), strict=True):
        results.append((passages[0].doc_id if passages else doc.doc_id, values))
    n = extract_io.save_extractions(
        Path(db), results, version=extractor.version, lexicon_hash=extractor.lexicon_hash
    )
    return len(results), n


@flow(name="extract", log_prints=False)
def extract_flow(
    db: str | None = None, force: bool = False, batch_docs: int = 512
) -> dict[str, Any]:
    """Extract study fields and factors for every study whose primary document needs it."""
    settings = get_settings()
    logger = get_run_logger()
    db_path = Path(db) if db else settings.db_path
    started_at = now()
    t0 = time.monotonic()
    run_id = "extract-" + uuid.uuid4().hex[:12]
    with connect(db_path):
        pass  # migrations
    ingest_io.start_run(db_path, run_id=run_id, kind="extract")
    extractor = Extractor(batch_size=settings.spacy_batch_size, n_process=settings.n_process)
    extract_io.refresh_factors(db_path, load_taxonomy())
    todo = plan_task(str(db_path), extractor.version, extractor.lexicon_hash, force)
    logger.info(
        "%d documents to extract with extractor %s (lexicons %s)",
        len(todo),
        extractor.version,
        extractor.lexicon_hash[:10],
    )
    n_docs = n_values = 0
    for i in range(0, len(todo), batch_docs):
        chunk = todo[i : i + batch_docs]
        d, v = extract_batch_task(str(db_path), chunk, extractor)
        n_docs += d
        n_values += v
        logger.info("[%d/%d] documents extracted, %d values", n_docs, len(todo), n_values)
    extract_io.record_extraction_run(
        db_path,
        run_id=run_id,
        version=extractor.version,
        lexicon_hash=extractor.lexicon_hash,
        n_documents=n_docs,
        n_values=n_values,
        started_at=started_at,
    )
    summary: dict[str, Any] = {
        "run_id": run_id,
        "documents_extracted": n_docs,
        "values": n_values,
        "extractor_version": extractor.version,
        "seconds": round(time.monotonic() - t0, 2),
    }
    ingest_io.finish_run(db_path, run_id=run_id, status="completed", stats=summary)
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--force", action="store_true", help="re-extract every study")
    args = parser.parse_args(argv)
    print(extract_flow(db=args.db, force=args.force))


if __name__ == "__main__":
    main()
