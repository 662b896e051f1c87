"""Read the passages the themes stage clusters, and store theme runs.

Selection (what is clustered): every passage that supports an evidence row whose field
carries a factor mention or a finding — risk_factor, protective_factor, factor_candidate
(not the list items kept only for a reviewer, confidence 0.3), consequence, prevalence —
excluding reference-list passages, deduplicated by passage.
Reviewer-added rows without a passage contribute their quote. Passages shorter than 20
characters are dropped (headings, fragments).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from evidence.records import Factor
from evidence.store.db import now, read_only, transaction
from evidence.themes import ThemeParams, default_embedder, fit_themes, seed_stability
from evidence.themes.overview import write_overview
from evidence.themes.types import ThemePassage, ThemeResult

log = logging.getLogger(__name__)

THEME_FIELDS = ("risk_factor", "protective_factor", "factor_candidate", "consequence", "prevalence")
FACTOR_FIELDS = ("risk_factor", "protective_factor")
MIN_CHARS = 20
# list items kept for a reviewer (confidence 0.3) are not evidence enough to cluster by
MIN_CANDIDATE_CONFIDENCE = 0.35


def load_theme_passages(con: duckdb.DuckDBPyConnection) -> list[ThemePassage]:
    """Evidence passages to cluster, in passage_id order, with citation data and factor ids."""
    rows = con.execute(
        f"""
        WITH e AS (
            SELECT coalesce(e.passage_id, 'q' || substr(sha256(e.study_id || e.quote), 1, 16)) AS pid,
                   e.study_id, e.field, e.value, e.quote, e.page, e.section, e.passage_id
            FROM evidence e
            WHERE e.field IN {THEME_FIELDS!r} AND coalesce(e.section, '') <> 'references'
              AND (e.passage_id IS NOT NULL OR e.quote IS NOT NULL)
              AND NOT (e.field = 'factor_candidate' AND e.confidence < {MIN_CANDIDATE_CONFIDENCE})
        )
        SELECT e.pid, any_value(e.study_id) AS study_id,
               coalesce(any_value(p.text), any_value(e.quote)) AS text,
               coalesce(any_value(p.page), any_value(e.page)) AS page,
               any_value(s.first_author), any_value(s.year),
               list_sort(list_distinct(list(e.value) FILTER (WHERE e.field IN {FACTOR_FIELDS!r}))),
               list_sort(list_distinct(list(e.field)))
        FROM e
        LEFT JOIN passages p ON p.passage_id = e.passage_id
        LEFT JOIN studies s ON s.study_id = e.study_id
        WHERE coalesce(p.section, '') <> 'references'
        GROUP BY e.pid
        ORDER BY e.pid
        """
    ).fetchall()
    return [
        ThemePassage(
            passage_id=r[0],
            study_id=r[1],
            text=r[2],
            page=r[3],
            first_author=r[4],
            year=r[5],
            factor_ids=tuple(r[6] or ()),
            fields=tuple(r[7] or ()),
        )
        for r in rows
        if r[2] and len(r[2].strip()) >= MIN_CHARS
    ]


def load_factors(con: duckdb.DuckDBPyConnection) -> list[Factor]:
    """The taxonomy factors stored in the database (what zero-shot seeding and labels use)."""
    return [
        Factor(
            factor_id=r[0],
            label=r[1],
            definition=r[2] or "",
            area=r[3],
            level=r[4],
            default_direction=r[5] or "unclear",
        )
        for r in con.execute(
            "SELECT factor_id, label, definition, area, level, default_direction"
            " FROM factors ORDER BY factor_id"
        ).fetchall()
    ]


def save_theme_run(db_path: str | Path, result: ThemeResult) -> str:
    """Store a run and make it current, in one transaction. Earlier runs stay, not current."""
    run_id = "t" + uuid.uuid4().hex[:16]
    created = now()
    n_themes = sum(1 for t in result.themes if t.theme_id != -1)
    with transaction(db_path) as con:
        con.execute("UPDATE theme_runs SET is_current = false WHERE is_current")
        con.execute(
            "INSERT INTO theme_runs VALUES (?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                created,
                result.seed,
                result.model_id,
                result.model_hash,
                json.dumps(result.params, default=str),
                json.dumps(_clean(result.metrics)),
                len(result.assignments),
                n_themes,
                result.metrics.get("outlier_share"),
                result.duration_s,
            ],
        )
        con.executemany(
            "INSERT INTO themes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [
                    run_id,
                    t.theme_id,
                    t.label,
                    t.keywords,
                    t.factor_id,
                    t.factor_similarity,
                    t.seeded,
                    t.top_factors,
                    t.n_passages,
                    t.n_studies,
                    json.dumps(
                        [
                            {
                                "passage_id": q.passage_id,
                                "quote": q.text,
                                "citation": q.citation,
                                "page": q.page,
                            }
                            for q in t.quotes
                        ]
                    ),
                    t.x,
                    t.y,
                ]
                for t in result.themes
            ],
        )
        import pandas as pd

        frame = pd.DataFrame(
            {
                "run_id": run_id,
                "passage_id": [a.passage_id for a in result.assignments],
                "theme_id": [a.theme_id for a in result.assignments],
                "probability": [a.probability for a in result.assignments],
            }
        )
        con.register("new_assignments", frame)
        con.execute(
            "INSERT INTO theme_assignments SELECT run_id, passage_id, theme_id, probability"
            " FROM new_assignments"
        )
        con.unregister("new_assignments")
    return run_id


def latest_theme_metrics(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The current run's metrics plus run_id, model, time and size, or None before any run."""
    try:
        row = con.execute(
            "SELECT run_id, created_at, model_id, seed, n_passages, n_themes, metrics"
            " FROM theme_runs WHERE is_current ORDER BY created_at DESC LIMIT 1"
        ).fetchone()
    except duckdb.CatalogException:
        return None
    if row is None:
        return None
    return {
        "run_id": row[0],
        "created_at": row[1],
        "model_id": row[2],
        "seed": row[3],
        "n_passages": row[4],
        "n_themes": row[5],
        **json.loads(row[6]),
    }


def _clean(metrics: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe metrics (NaN → null)."""
    out: dict[str, Any] = {}
    for k, v in metrics.items():
        out[k] = None if isinstance(v, float) and v != v else v
    return out


# --- the whole step, as the flow and the CLI call it -----------------------------------------


@dataclass(frozen=True, slots=True)
class ThemeRunSummary:
    run_id: str
    n_passages: int
    n_themes: int
    metrics: dict[str, Any]
    html_path: Path
    png_path: Path
    duration_s: float


def run_themes(
    db_path: Path,
    *,
    seed: int = 42,
    out_dir: Path,
    stability_seeds: int = 5,
    cache_path: Path | None = None,
    params: ThemeParams | None = None,
) -> ThemeRunSummary:
    """Load passages, fit themes (cached embeddings), add seed stability, store, draw the overview."""
    start = time.perf_counter()
    with read_only(db_path) as con:
        passages = load_theme_passages(con)
        factors = load_factors(con)
    embedder = default_embedder(cache_path=cache_path or out_dir / "embeddings_cache.duckdb")
    emb = embedder.embed([p.text for p in passages]) if passages else None
    options: dict[str, Any] = {"factors": factors or None, "params": params}
    result = fit_themes(passages, seed=seed, embedder=embedder, embeddings=emb, **options)
    if stability_seeds >= 2:
        seeds = [seed + i for i in range(stability_seeds)]
        result.metrics.update(
            seed_stability(
                passages,
                embedder=embedder,
                embeddings=emb,
                seeds=seeds,
                fitted={seed: result.labels},
                **options,
            )
        )
    result.duration_s = time.perf_counter() - start
    run_id = save_theme_run(db_path, result)
    html_path, png_path = write_overview(result, out_dir)
    log.info(
        "themes run %s: %d themes over %d passages",
        run_id,
        result.metrics["n_themes"],
        len(passages),
    )
    return ThemeRunSummary(
        run_id,
        len(passages),
        int(result.metrics["n_themes"]),
        dict(result.metrics),
        html_path,
        png_path,
        time.perf_counter() - start,
    )
