"""Themes flow: load evidence passages → embed (cached) → fit → seed stability → store → overview.

python -m flows.themes --db data/processed/evidence.duckdb --seed 42
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flows._prefect_env import configure

configure()

import numpy as np  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from evidence.config import get_settings  # noqa: E402
from evidence.store import read_only, themes_io  # noqa: E402
from evidence.themes import ThemePassage, ThemeResult, default_embedder, fit_themes, seed_stability  # noqa: E402
from evidence.themes.overview import write_overview  # noqa: E402


@task(name="load-theme-passages", cache_policy=NO_CACHE)
def load_task(db: str) -> list[ThemePassage]:
    with read_only(db) as con:
        return themes_io.load_theme_passages(con)


@task(name="embed-passages", cache_policy=NO_CACHE)
def embed_task(passages: list[ThemePassage], cache_path: str) -> tuple[Any, np.ndarray]:
    embedder = default_embedder(cache_path=Path(cache_path))
    return embedder, embedder.embed([p.text for p in passages])


@task(name="fit-themes", cache_policy=NO_CACHE)
def fit_task(
    passages: list[ThemePassage], embedder: Any, emb: np.ndarray, seed: int
) -> ThemeResult:
    return fit_themes(passages, seed=seed, embedder=embedder, embeddings=emb)


@task(name="seed-stability", cache_policy=NO_CACHE)
def stability_task(
    passages: list[ThemePassage], embedder: Any, emb: np.ndarray, seeds: list[int]
) -> dict:
    return seed_stability(passages, embedder=embedder, embeddings=emb, seeds=seeds)


@task(name="save-theme-run", cache_policy=NO_CACHE)
def save_task(db: str, result: ThemeResult) -> str:
    return themes_io.save_theme_run(db, result)


@task(name="theme-overview", cache_policy=NO_CACHE)
def overview_task(result: ThemeResult, out_dir: str) -> list[str]:
    return [str(p) for p in write_overview(result, Path(out_dir))]


@flow(name="themes")
def themes_flow(
    db: str | None = None, seed: int = 42, stability_seeds: int = 5, out_dir: str | None = None
) -> dict[str, Any]:
    settings = get_settings()
    db = db or str(settings.db_path)
    out = out_dir or str(settings.processed_path)
    passages = load_task(db)
    embedder, emb = embed_task(passages, str(Path(out) / "embeddings_cache.duckdb"))
    result = fit_task(passages, embedder, emb, seed)
    if stability_seeds >= 2:
        result.metrics.update(
            stability_task(passages, embedder, emb, [seed + i for i in range(stability_seeds)])
        )
    run_id = save_task(db, result)
    files = overview_task(result, out)
    get_run_logger().info(
        "themes run %s: %s themes, files %s", run_id, result.metrics["n_themes"], files
    )
    return {"run_id": run_id, "files": files, "metrics": result.metrics}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default=None)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--stability-seeds", type=int, default=5)
    ap.add_argument("--out-dir", default=None)
    a = ap.parse_args()
    themes_flow(db=a.db, seed=a.seed, stability_seeds=a.stability_seeds, out_dir=a.out_dir)
