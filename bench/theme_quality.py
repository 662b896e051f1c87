"""Theme quality on real corpora: our metrics, gensim's c_v beside ours, and 5-seed ARI.

Each corpus is an evidence database built with `evidence ingest` (which also extracts);
passages are loaded exactly as `evidence themes` loads them (load_theme_passages, the
database's factor table). For every corpus and parameter set it prints c_v (ours and,
when gensim is installed, gensim's CoherenceModel on the same topics and tokenised
passages), NPMI, diversity, outlier share, number of themes and mean/min ARI over seeds.

    # build the databases once (the living subset: only rows before 2022, written to /tmp)
    .venv/bin/python -c "import pandas as pd; d = pd.read_csv('../shared/corpus/abstracts/burnout_hcw_covid_living_subset.csv'); \
d[d.extraction_date.isna() | (d.extraction_date.astype(str) < '2022-01-01')].to_csv('/tmp/living_pre2022.csv', index=False)"
    .venv/bin/evidence ingest /tmp/living_pre2022.csv --db /tmp/th/living.duckdb
    .venv/bin/evidence ingest ../shared/corpus/abstracts/covid19_mhsr --db /tmp/th/mhsr.duckdb
    .venv/bin/evidence ingest ../shared/corpus/abstracts/covid_suicide_living --db /tmp/th/suic.duckdb
    # then
    .venv/bin/python bench/theme_quality.py --db mhsr=/tmp/th/mhsr.duckdb --db suic=/tmp/th/suic.duckdb \
        --db living=/tmp/th/living.duckdb [--set zeroshot_min_similarity=0.6 ...] [--seeds 5] [--baseline]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from evidence.store.db import read_only
from evidence.store.themes_io import load_factors, load_theme_passages
from evidence.themes import CachedEmbedder, MiniLMEmbedder, ThemeParams, ThemePassage, fit_themes
from evidence.themes.fit import make_vectorizer
from evidence.themes.metrics import mean_pairwise_ari
from evidence.themes.types import OUTLIER, ThemeResult

ROOT = Path(__file__).resolve().parents[1]


def gensim_cv(
    topics: Sequence[Sequence[str]], docs: Sequence[str], analyzer: Callable[[str], list[str]]
) -> float | None:
    """gensim's CoherenceModel(coherence='c_v') on the same topics and tokenised passages."""
    try:
        from gensim.corpora import Dictionary
        from gensim.models.coherencemodel import CoherenceModel
    except ImportError:
        return None
    texts = [analyzer(d) for d in docs]
    dictionary = Dictionary(texts)
    kept = [[w for w in t if w in dictionary.token2id] for t in topics]
    kept = [t for t in kept if len(t) >= 2]
    if not kept:
        return None
    cm = CoherenceModel(
        topics=kept, texts=texts, dictionary=dictionary, coherence="c_v", processes=1
    )
    return float(cm.get_coherence())


def load(db: Path) -> tuple[list[ThemePassage], list[Any]]:
    with read_only(db) as con:
        return load_theme_passages(con), load_factors(con)


def evaluate(
    passages: list[ThemePassage],
    emb: np.ndarray,
    factors: list[Any],
    embedder: Any,
    params: ThemeParams,
    seeds: Sequence[int],
) -> dict[str, Any]:
    t0 = time.perf_counter()
    runs: list[ThemeResult] = [
        fit_themes(
            passages, seed=s, embedder=embedder, embeddings=emb, factors=factors, params=params
        )
        for s in seeds
    ]
    fit_s = (time.perf_counter() - t0) / len(seeds)
    first = runs[0]
    m = first.metrics
    kws = [t.keywords for t in first.themes if t.theme_id != OUTLIER and len(t.keywords) >= 2]
    analyzer = make_vectorizer(params, n=len(passages)).build_analyzer()
    out: dict[str, Any] = {
        "n": len(passages),
        "c_v": round(m["c_v"], 3),
        "c_v_gensim": _r(gensim_cv(kws, [p.text for p in passages], analyzer)),
        "npmi": round(m["npmi"], 3),
        "diversity": round(m["diversity"], 3),
        "outliers": round(m["outlier_share"], 4),
        "outliers_before": round(m["outlier_share_before_reduction"], 3),
        "themes": m["n_themes"],
        "seeded": m["n_seeded_themes"],
        "fit_s": round(fit_s, 1),
    }
    if len(runs) >= 2:
        out.update({k: round(v, 3) for k, v in mean_pairwise_ari([r.labels for r in runs]).items()})
    return out


def default_bertopic(passages: list[ThemePassage], emb: np.ndarray, seeds: Sequence[int]) -> dict:
    """Bare BERTopic defaults on the same passages and embeddings (UMAP seeded), same metrics."""
    from bertopic import BERTopic
    from umap import UMAP

    from evidence.themes.metrics import coherence, outlier_share, topic_diversity

    texts = [p.text for p in passages]
    runs, first = [], None
    for s in seeds:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=s)
        m = BERTopic(umap_model=umap)
        runs.append(list(m.fit_transform(texts, embeddings=emb)[0]))
        first = first or m
    assert first is not None
    kws = [[w for w, _ in first.get_topic(t)] for t in sorted(set(runs[0])) if t != OUTLIER]
    analyzer = first.vectorizer_model.build_analyzer()
    c = coherence(kws, texts, analyzer=analyzer)
    out: dict[str, Any] = {
        "n": len(texts),
        "c_v": round(c["c_v"], 3),
        "c_v_gensim": _r(gensim_cv(kws, texts, analyzer)),
        "npmi": round(c["npmi"], 3),
        "diversity": round(topic_diversity(kws), 3),
        "outliers": round(outlier_share(runs[0]), 4),
        "themes": len(kws),
    }
    if len(runs) >= 2:
        out.update({k: round(v, 3) for k, v in mean_pairwise_ari(runs).items()})
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def parse_set(items: Sequence[str]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(ThemeParams)}
    out: dict[str, Any] = {}
    for item in items:
        key, _, raw = item.partition("=")
        if key not in types:
            raise SystemExit(f"unknown ThemeParams field {key!r}; known: {sorted(types)}")
        out[key] = json.loads(raw) if raw[:1] in "0123456789-[{tfn" else raw
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", action="append", required=True, help="name=path of an evidence DB")
    ap.add_argument("--set", action="append", default=[], help="ThemeParams field=value")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--baseline", action="store_true", help="also run bare BERTopic defaults")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/th/embeddings_cache.duckdb"))
    args = ap.parse_args()
    params = replace(ThemeParams(), **parse_set(args.set))
    embedder = CachedEmbedder(MiniLMEmbedder(), args.cache)
    seeds = [42 + i for i in range(args.seeds)]
    for spec in args.db:
        name, _, path = spec.partition("=")
        passages, factors = load(Path(path))
        emb = embedder.embed([p.text for p in passages])
        row = evaluate(passages, emb, factors, embedder, params, seeds)
        print(json.dumps({"corpus": name, "model": "ours", **row}), flush=True)
        if args.baseline:
            base = default_bertopic(passages, emb, seeds)
            print(json.dumps({"corpus": name, "model": "default", **base}), flush=True)


if __name__ == "__main__":
    main()
