"""Benchmark the themes stage on real abstract sentences (read from ../shared, never copied).

Measures (1) the embedding rate of the bundled MiniLM model (passages/s, cold cache), and
(2) the time to fit themes on 20,000 passages with the embeddings cached, against bare
BERTopic defaults on the same embeddings (ratio). Then runs the full metric set (c_v, NPMI,
5-seed ARI, diversity, outlier share) on the factor-bearing sentences of the burnout living
subset's pre-2022 rows, for ours and for default BERTopic.

    .venv/bin/python bench/bench_themes.py [--n 20000] [--embed-sample 2000] [--skip-20k]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from evidence.extract.segment import sentence_spans
from evidence.themes import CachedEmbedder, MiniLMEmbedder, ThemePassage, fit_themes
from evidence.themes.metrics import coherence, mean_pairwise_ari, outlier_share, topic_diversity
from evidence.themes.taxonomy import package_factors

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVIDENCE_SHARED_DIR", ROOT.parent / "shared"))
ABSTRACTS = SHARED / "corpus" / "abstracts"
LIVING = ABSTRACTS / "burnout_hcw_covid_living_subset.csv"
CUTOFF = "2022-01-01"  # rows on or after are reserved for evaluation


def abstract_sentences(
    path: Path, *, before: str | None = None
) -> list[tuple[str, str, int | None, str]]:
    """(study key, first author, year, sentence) for every abstract sentence of a CSV export."""
    df = pd.read_csv(path, low_memory=False)
    if before is not None and "extraction_date" in df.columns:
        df = df[df["extraction_date"].isna() | (df["extraction_date"].astype(str) < before)]
    out = []
    for i, row in df.iterrows():
        text = row.get("abstract")
        if not isinstance(text, str) or len(text) < 50:
            continue
        authors = str(row.get("authors", "") or "")
        author = authors.split(",")[0].strip() or None
        ym = re.search(r"(19|20)\d{2}", str(row.get("date", "")))
        year = int(ym.group(0)) if ym else None
        for s, e in sentence_spans(text):
            sent = text[s:e].strip()
            if 30 <= len(sent) <= 600:
                out.append((f"{path.stem}:{i}", author, year, sent))
    return out


def factor_matcher():
    """Regex per taxonomy factor over its surface forms (a stand-in for the extractor's matches)."""
    pats = {}
    for f in package_factors():
        forms = sorted({re.escape(x) for x in f.surface_forms}, key=len, reverse=True)
        if forms:
            pats[f.factor_id] = re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])", re.I)
    return lambda s: tuple(fid for fid, p in pats.items() if p.search(s))


FINDING = re.compile(
    r"\b(associat|predict|correlat|risk|protect|higher|lower|increas|decreas|reduc|"
    r"prevalen|odds|significant|contribut|factor)",
    re.I,
)


def living_passages() -> list[ThemePassage]:
    """Factor-bearing or finding sentences of the living subset's pre-2022 rows (the real run)."""
    match = factor_matcher()
    out = []
    for j, (key, author, year, sent) in enumerate(abstract_sentences(LIVING, before=CUTOFF)):
        fids = match(sent)
        if fids or FINDING.search(sent):
            out.append(ThemePassage(f"p{j:06d}", key, sent, None, author, year, fids))
    return out


def synthetic_passages(n: int, *, seed: int = 0) -> list[ThemePassage]:
    """n passages sampled (without replacement where possible) from all abstract CSV sentences."""
    pool = []
    for path in sorted(ABSTRACTS.rglob("*.csv")):
        before = CUTOFF if path == LIVING else None
        pool.extend(abstract_sentences(path, before=before))
    uniq = list({s[3]: s for s in pool}.values())
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(uniq), size=n, replace=n > len(uniq))
    match = factor_matcher()
    return [
        ThemePassage(
            f"q{j:06d}", uniq[i][0], uniq[i][3], None, uniq[i][1], uniq[i][2], match(uniq[i][3])
        )
        for j, i in enumerate(idx)
    ]


def default_bertopic(texts: list[str], emb: np.ndarray, seed: int) -> list[int]:
    """Bare BERTopic defaults (what the domain study ran), with UMAP's random_state set."""
    from bertopic import BERTopic
    from umap import UMAP

    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed)
    return list(BERTopic(umap_model=umap).fit_transform(texts, embeddings=emb)[0])


def default_metrics(texts: list[str], emb: np.ndarray, seeds: list[int]) -> dict:
    from bertopic import BERTopic
    from umap import UMAP

    runs, first = [], None
    for s in seeds:
        m = BERTopic(
            umap_model=UMAP(
                n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=s
            )
        )
        runs.append(list(m.fit_transform(texts, embeddings=emb)[0]))
        if first is None:
            first = m
    kws = [[w for w, _ in first.get_topic(t)] for t in sorted(set(runs[0])) if t != -1]
    analyzer = first.vectorizer_model.build_analyzer()
    return {
        **coherence(kws, texts, analyzer=analyzer),
        "diversity": topic_diversity(kws),
        "outlier_share": outlier_share(runs[0]),
        "n_themes": len(kws),
        **mean_pairwise_ari(runs),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--embed-sample", type=int, default=2000)
    ap.add_argument("--skip-20k", action="store_true")
    ap.add_argument(
        "--cache", type=Path, default=ROOT / "data" / "processed" / "embeddings_cache.duckdb"
    )
    args = ap.parse_args()
    report: dict = {}
    model = MiniLMEmbedder()
    cached = CachedEmbedder(model, args.cache)

    if not args.skip_20k:
        passages = synthetic_passages(args.n)
        texts = [p.text for p in passages]
        sample = texts[: args.embed_sample]
        t0 = time.perf_counter()
        model.embed(sample)  # cold: straight through the model, no cache
        rate = len(sample) / (time.perf_counter() - t0)
        print(f"embedding rate (cold, {len(sample)} passages): {rate:.1f}/s", flush=True)
        t0 = time.perf_counter()
        emb = cached.embed(texts)  # fills the cache on the first run
        fill = time.perf_counter() - t0
        t0 = time.perf_counter()
        emb = cached.embed(texts)
        lookup = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = fit_themes(passages, seed=42, embedder=cached)  # embeddings come from the cache
        ours = time.perf_counter() - t0
        print(f"cache lookup {lookup:.1f}s; fit ours (cached embeddings) {ours:.1f}s", flush=True)
        t0 = time.perf_counter()
        default_bertopic(texts, emb, 42)
        base = time.perf_counter() - t0
        report["20k"] = {
            "n_passages": len(passages),
            "embed_rate_per_s": round(rate, 1),
            "cache_fill_s": round(fill, 1),
            "cache_lookup_s": round(lookup, 2),
            "fit_s_ours_cached": round(ours, 1),
            "fit_s_default_bertopic": round(base, 1),
            "ratio_ours_over_default": round(ours / base, 2),
            "metrics": {k: v for k, v in res.metrics.items() if isinstance(v, (int, float))},
        }
        print(json.dumps(report["20k"], indent=2), flush=True)

    passages = living_passages()
    texts = [p.text for p in passages]
    emb = cached.embed(texts)
    seeds = [42, 43, 44, 45, 46]
    t0 = time.perf_counter()
    runs = [fit_themes(passages, seed=s, embedder=cached, embeddings=emb) for s in seeds]
    ours = {k: v for k, v in runs[0].metrics.items() if isinstance(v, (int, float))}
    ours.update(mean_pairwise_ari([r.labels for r in runs]))
    ours["fit_s_each"] = round((time.perf_counter() - t0) / len(seeds), 1)
    report["living_pre2022"] = {
        "n_passages": len(passages),
        "n_studies": len({p.study_id for p in passages}),
        "ours": ours,
        "default_bertopic": default_metrics(texts, emb, seeds),
        "themes": [t.label for t in runs[0].themes[:15]],
    }
    print(json.dumps(report["living_pre2022"], indent=2), flush=True)


if __name__ == "__main__":
    main()
