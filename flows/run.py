"""The main job: ingest → extract → themes → exports, as one Prefect flow.

python -m flows.run [PATH ...] --db data/processed/evidence.duckdb
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flows._prefect_env import configure

configure()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from evidence.config import get_settings  # noqa: E402
from evidence.store import read_only  # noqa: E402
from flows.extract import extract_flow  # noqa: E402
from flows.ingest import ingest_flow  # noqa: E402
from flows.themes import themes_flow  # noqa: E402

EXPORT_FORMATS = ("csv", "xlsx", "md", "html")


@task(name="export-factors", cache_policy=NO_CACHE)
def export_factors_task(db: str, out_dir: str) -> list[str]:
    from evidence.export.factors import export_factors

    out: list[str] = []
    with read_only(db) as con:
        for fmt in EXPORT_FORMATS:
            out.append(
                str(export_factors(con, fmt=fmt, out=Path(out_dir) / f"factor_summary.{fmt}"))
            )
    return out


@task(name="export-gap-map", cache_policy=NO_CACHE)
def export_map_task(db: str, out_dir: str) -> list[str]:
    from evidence.export.gapmap import export_gap_map

    with read_only(db) as con:
        return [str(p) for p in export_gap_map(con, out_dir=Path(out_dir))]


@flow(name="run", log_prints=False)
def run_flow(
    paths: list[str] | None = None, db: str | None = None, out_dir: str | None = None
) -> dict[str, Any]:
    """Run every stage on the given folders (default: the sample corpus in data/raw)."""
    settings = get_settings()
    logger = get_run_logger()
    db_path = str(Path(db) if db else settings.db_path)
    out = str(Path(out_dir) if out_dir else Path(db_path).parent)
    Path(out).mkdir(parents=True, exist_ok=True)
    ingest = ingest_flow(paths=paths, db=db_path)
    extract = extract_flow(db=db_path)
    themes = themes_flow(db=db_path, seed=settings.theme_seed, out_dir=out)
    outputs = list(themes.get("files", [])) if isinstance(themes, dict) else []
    outputs += export_factors_task(db_path, out)
    outputs += export_map_task(db_path, out)
    logger.info("outputs written to %s", out)
    return {"ingest": ingest, "extract": extract, "themes": themes, "outputs": outputs}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--db", default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    summary = run_flow(paths=args.paths or None, db=args.db, out_dir=args.out)
    print({k: v for k, v in summary.items() if k != "ingest"})


if __name__ == "__main__":
    main()
