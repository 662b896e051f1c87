"""Would a trained sentence classifier find the factors the rules miss? A measured experiment.

For every `tune` document of the development set with annotated factors, each sentence is
labelled with the factors whose annotator quote it holds (the quote as a substring, or the
sentence sharing at least 60% of the quote's words). A one-vs-rest logistic regression per
factor (class-balanced; TF-IDF word 1-2-grams, or with ``--embeddings`` the all-MiniLM-L6-v2
sentence vectors the themes use) and a risk/protective regression are trained on four folds
and scored on the fifth (folds by document, seed 0). A factor is predicted for a document
when one of its sentences reaches the threshold; the script prints per-study (factor,
direction) precision, recall and F1 of the rules alone, the classifier alone and the rules
with the classifier's factors added where the rules found none of that factor.

    python scripts/factor_classifier_cv.py [--shared ../shared] [--embeddings]

The held-out documents are never read. Needs scikit-learn (the `themes` extra) and, for
``--embeddings``, sentence-transformers.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from evidence.extract.evaluate import load_documents, load_gold, load_manifest
from evidence.extract.pipeline import Extractor
from evidence.extract.segment import split_passages

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "devset"
THRESHOLDS = (0.6, 0.8, 0.9, 0.95)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _documents(shared: Path) -> list[dict[str, Any]]:
    manifest = load_manifest(DEVSET / "manifest.yaml")
    golds = sorted(DEVSET.glob("gold_*.yaml"))
    gold = load_gold(golds, manifest)
    raw: dict[str, dict[str, Any]] = {}
    for path in golds:
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            raw.setdefault(str(item["id"]), item)
    ids = [i for i, g in gold.items() if g.split == "tune" and g.factors is not None and i in raw]
    docs = load_documents(manifest, shared, ids)
    extractor = Extractor()
    out = []
    for sid in ids:
        if sid not in docs:
            continue
        passages = [p for p in split_passages(docs[sid]) if p.section != "references"]
        values = extractor.extract(docs[sid], passages)
        rules = {
            (v.value, "risk" if v.field == "risk_factor" else "protective")
            for v in values
            if v.field in {"risk_factor", "protective_factor"}
        }
        sents = [p.text for p in passages]
        labels: list[set[tuple[str, str]]] = [set() for _ in sents]
        for f in raw[sid].get("factors") or []:
            quote = _norm(str(f.get("quote") or ""))
            if not quote or not sents:
                continue
            hit = [i for i, s in enumerate(sents) if quote in _norm(s)]
            if not hit:
                words = set(quote.split())
                best = max(
                    range(len(sents)), key=lambda i: len(words & set(_norm(sents[i]).split()))
                )
                if len(words & set(_norm(sents[best]).split())) >= 0.6 * len(words):
                    hit = [best]
            for i in hit:
                labels[i].add((str(f["factor"]), str(f["direction"])))
        out.append({"sents": sents, "labels": labels, "gold": gold[sid].factors, "rules": rules})
    return out


def _features(embeddings: bool, texts: list[str]) -> Any:
    if embeddings:
        from evidence.themes.embed import MiniLMEmbedder

        vectors = MiniLMEmbedder().embed(texts)
        index = {t: v for t, v in zip(texts, vectors, strict=True)}

        class Embed:
            def fit_transform(self, xs: list[str]) -> np.ndarray:
                return self.transform(xs)

            def transform(self, xs: list[str]) -> np.ndarray:
                return np.array([index[x] for x in xs])

        return Embed
    from sklearn.feature_extraction.text import TfidfVectorizer

    return lambda: TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEVSET.parents[2] / "shared")
    ap.add_argument("--embeddings", action="store_true", help="MiniLM vectors, not TF-IDF")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import MultiLabelBinarizer

    data = _documents(args.shared)
    make_vectorizer = _features(args.embeddings, sorted({s for d in data for s in d["sents"]}))
    order = list(range(len(data)))
    random.Random(0).shuffle(order)
    folds = [order[k :: args.folds] for k in range(args.folds)]
    counts: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(key: tuple[str, float], gold: set[tuple[str, str]], pred: set[tuple[str, str]]) -> None:
        c = counts[key]
        c[0] += len(gold & pred)
        c[1] += len(pred - gold)
        c[2] += len(gold - pred)

    for k, test in enumerate(folds):
        train = [i for f, fold in enumerate(folds) if f != k for i in fold]
        texts = [s for i in train for s in data[i]["sents"]]
        labels = [lab for i in train for lab in data[i]["labels"]]
        vec = make_vectorizer()
        x = vec.fit_transform(texts)
        mlb = MultiLabelBinarizer()
        y = mlb.fit_transform([{f for f, _d in lab} for lab in labels])
        models = {
            c: LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(x, y[:, j])
            for j, c in enumerate(mlb.classes_)
            if y[:, j].sum() >= 3
        }
        dir_texts = [t for t, lab in zip(texts, labels, strict=True) for _f in lab]
        dir_y = [d == "risk" for lab in labels for _f, d in lab]
        direction = LogisticRegression(C=2.0, max_iter=2000).fit(vec.transform(dir_texts), dir_y)
        for i in test:
            doc = data[i]
            add(("rules", 0.0), doc["gold"], doc["rules"])
            if not doc["sents"]:
                continue
            xt = vec.transform(doc["sents"])
            probs = {c: m.predict_proba(xt)[:, 1] for c, m in models.items()}
            risk = direction.predict_proba(xt)[:, 1]
            ruled = {f for f, _d in doc["rules"]}
            for th in THRESHOLDS:
                found = set()
                for c, p in probs.items():
                    j = int(np.argmax(p))
                    if p[j] >= th:
                        found.add((c, "risk" if risk[j] >= 0.5 else "protective"))
                add(("classifier alone", th), doc["gold"], found)
                add(
                    ("rules + classifier", th),
                    doc["gold"],
                    doc["rules"] | {(c, d) for c, d in found if c not in ruled},
                )
    features = "MiniLM embeddings" if args.embeddings else "TF-IDF"
    print(f"{len(data)} tune documents, {args.folds}-fold CV, {features}")
    print(f"{'':28s} {'thr':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for (name, th), (tp, fp, fn) in sorted(counts.items()):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"{name:28s} {th:5.2f} {p:6.3f} {r:6.3f} {f1:6.3f}")


if __name__ == "__main__":
    main()
