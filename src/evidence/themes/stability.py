"""Seed stability: refit on the same passages with several seeds and compare assignments (ARI)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from evidence.themes.embed import Embedder
from evidence.themes.fit import fit_themes
from evidence.themes.metrics import mean_pairwise_ari
from evidence.themes.types import ThemePassage

STABILITY_CAP = 4000


def seed_stability(
    passages: Sequence[ThemePassage],
    *,
    embedder: Embedder,
    embeddings: np.ndarray | None = None,
    seeds: Sequence[int] = (42, 43, 44, 45, 46),
    max_passages: int = STABILITY_CAP,
    fitted: dict[int, Sequence[int]] | None = None,
    **fit_options: Any,
) -> dict[str, Any]:
    """Mean and minimum pairwise ARI over fits with `seeds`.

    Above `max_passages`, a fixed random subsample (numpy seed 0) of that size is refitted,
    to keep five fits affordable; the subsample size is reported as `stability_n`.
    `fitted` gives labels already computed on all of `passages` for some seeds (the run's
    own fit): fits are deterministic, so those seeds are not fitted again.
    """
    idx = np.arange(len(passages))
    if len(passages) > max_passages:
        idx = np.sort(
            np.random.default_rng(0).choice(len(passages), size=max_passages, replace=False)
        )
    sub = [passages[i] for i in idx.tolist()]
    emb = (
        embedder.embed([p.text for p in sub]) if embeddings is None else np.asarray(embeddings)[idx]
    )
    reuse = fitted if fitted is not None and len(sub) == len(passages) else {}
    runs = [
        list(reuse[s])
        if s in reuse
        else fit_themes(sub, seed=s, embedder=embedder, embeddings=emb, **fit_options).labels
        for s in seeds
    ]
    return {**mean_pairwise_ari(runs), "stability_seeds": list(seeds), "stability_n": len(sub)}
