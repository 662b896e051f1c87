"""Run metrics: coherence (c_v and NPMI), topic diversity, outlier share, seed stability (ARI).

Coherence follows the definition of Röder et al. (2015) as gensim implements it, so the
figures compare with the literature: the clustered passages are the reference corpus,
tokenised with the analyser that produced the keywords (bigram keywords count as bigrams);
co-occurrence is boolean over sliding windows of 110 tokens (a shorter passage is one
window); NPMI is log((P(a,b) + ε) / (P(a) P(b))) / -log(P(a,b) + ε) with ε = 1e-12, so a
pair that never co-occurs scores about -0.6, not -1; c_v is the mean, over a topic's words,
of the cosine between the word's NPMI vector and the topic's summed NPMI vector. On
passages of at most 110 tokens this equals gensim's CoherenceModel(coherence="c_v")
exactly; on longer ones gensim 4.4's incremental window drops a token that leaves the
window even when it occurs again inside it, so it reads slightly lower (bench/theme_quality.py
prints both). The NPMI figure is the mean over a topic's word pairs on the same windows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score

EPS = 1e-12
WINDOW = 110  # gensim's c_v window (tokens)


def _windows(
    docs: Sequence[str], vocab: dict[str, int], analyzer: Callable[[str], list[str]], size: int
) -> sparse.csr_matrix:
    """Boolean window x word matrix: one row per sliding window of `size` tokens."""
    rows: list[list[int]] = []
    for doc in docs:
        ids = [vocab.get(tok, -1) for tok in analyzer(doc)]
        if len(ids) <= size:
            rows.append(sorted({i for i in ids if i >= 0}))
            continue
        counts = Counter(i for i in ids[:size] if i >= 0)
        rows.append(sorted(counts))
        for k in range(size, len(ids)):
            gone, new = ids[k - size], ids[k]
            if gone >= 0:
                counts[gone] -= 1
                if counts[gone] == 0:
                    del counts[gone]
            if new >= 0:
                counts[new] += 1
            rows.append(sorted(counts))
    indptr = np.cumsum([0, *map(len, rows)])
    indices = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=indptr[-1])
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def _npmi_matrix(ids: list[int], p: np.ndarray, joint: np.ndarray) -> np.ndarray:
    """NPMI between every pair of the words `ids` (Röder et al.'s ε-smoothed form)."""
    pj = joint[np.ix_(ids, ids)]
    with np.errstate(divide="ignore"):
        return np.log((pj + EPS) / np.outer(p[ids], p[ids])) / -np.log(pj + EPS)


def coherence(
    topics: Sequence[Sequence[str]],
    docs: Sequence[str],
    *,
    analyzer: Callable[[str], list[str]] | None = None,
    window: int = WINDOW,
) -> dict[str, float]:
    """Mean c_v and mean NPMI over topics (top words each), on `docs` as reference corpus."""
    words_needed = sorted({w for t in topics for w in t})
    if not topics or not words_needed or not docs:
        return {"c_v": float("nan"), "npmi": float("nan")}
    if analyzer is None:
        analyzer = CountVectorizer(ngram_range=(1, 3)).build_analyzer()
    vocab = {w: i for i, w in enumerate(words_needed)}
    x = _windows(docs, vocab, analyzer, window)
    n = x.shape[0]
    p = np.asarray(x.sum(axis=0)).ravel() / n
    joint = (x.T @ x).toarray() / n
    cvs: list[float] = []
    npmis: list[float] = []
    for t in topics:
        ids = [vocab[w] for w in dict.fromkeys(t) if p[vocab[w]] > 0]
        if len(ids) < 2:
            continue
        m = _npmi_matrix(ids, p, joint)
        iu = np.triu_indices(len(ids), k=1)
        npmis.append(float(m[iu].mean()))
        total = m.sum(axis=0)
        norms = np.linalg.norm(m, axis=1) * np.linalg.norm(total)
        cvs.append(float(np.mean((m @ total) / np.where(norms > 0, norms, 1.0))))
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
