"""Run metrics: coherence (c_v and NPMI), topic diversity, outlier share, seed stability (ARI).

Coherence uses the clustered passages themselves as the reference corpus, each passage
one co-occurrence window (passages are shorter than gensim's 110-token c_v window, so
this equals gensim's boolean sliding window on them). Keywords are tokenised with the
same analyser that produced them, so bigram keywords are counted as bigrams.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score

EPS = 1e-12


def _npmi_matrix(words: list[str], docs_tokens: dict[str, np.ndarray], n_docs: int) -> np.ndarray:
    """NPMI between every pair of words, from document co-occurrence (boolean)."""
    occ = np.vstack([docs_tokens[w] for w in words]).astype(np.float64)  # words x docs
    p = occ.sum(axis=1) / n_docs
    joint = (occ @ occ.T) / n_docs
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((joint + EPS) / (np.outer(p, p) + EPS))
        npmi = pmi / (-np.log(joint + EPS))
    npmi[joint == 0] = -1.0
    np.fill_diagonal(npmi, 1.0)
    return npmi


def coherence(
    topics: Sequence[Sequence[str]],
    docs: Sequence[str],
    *,
    analyzer: Callable[[str], list[str]] | None = None,
) -> dict[str, float]:
    """Mean c_v and mean NPMI over topics (top words each), on `docs` as reference corpus."""
    words_needed = sorted({w for t in topics for w in t})
    if not topics or not words_needed or not docs:
        return {"c_v": float("nan"), "npmi": float("nan")}
    cv = CountVectorizer(
        vocabulary=words_needed,
        binary=True,
        analyzer=analyzer or "word",
        lowercase=analyzer is None,
        ngram_range=(1, 3) if analyzer is None else (1, 1),
    )
    x = cv.fit_transform(docs).tocsc()
    vocab = cv.vocabulary_
    docs_tokens = {w: x[:, vocab[w]].toarray().ravel() for w in words_needed}
    n = len(docs)
    cvs: list[float] = []
    npmis: list[float] = []
    for t in topics:
        words = [w for w in t if docs_tokens[w].any()]
        if len(words) < 2:
            continue
        m = _npmi_matrix(words, docs_tokens, n)
        iu = np.triu_indices(len(words), k=1)
        npmis.append(float(m[iu].mean()))
        # c_v: one-set segmentation, indirect cosine between each word's NPMI vector and the topic's
        total = m.sum(axis=0)
        sims = [
            float(np.dot(m[i], total) / (np.linalg.norm(m[i]) * np.linalg.norm(total) + EPS))
            for i in range(len(words))
        ]
        cvs.append(float(np.mean(sims)))
    return {
        "c_v": float(np.mean(cvs)) if cvs else float("nan"),
        "npmi": float(np.mean(npmis)) if npmis else float("nan"),
    }


def topic_diversity(topics: Sequence[Sequence[str]], *, top_n: int = 10) -> float:
    """Share of unique words among the top `top_n` words of all topics (1.0 = no overlap)."""
    words = [w for t in topics for w in list(t)[:top_n]]
    return len(set(words)) / len(words) if words else float("nan")


def outlier_share(labels: Sequence[int]) -> float:
    return float(np.mean(np.asarray(labels) == -1)) if len(labels) else 0.0


def mean_pairwise_ari(runs: Sequence[Sequence[int]]) -> dict[str, float]:
    """Adjusted Rand index between every pair of runs (labels for the same passages)."""
    scores = [adjusted_rand_score(a, b) for a, b in itertools.combinations(runs, 2)]
    if not scores:
        return {"ari_mean": float("nan"), "ari_min": float("nan")}
    return {"ari_mean": float(np.mean(scores)), "ari_min": float(np.min(scores))}
