"""Abstracts per second through Extractor versus the bare spaCy tokenizer on the same texts.

Usage: .venv/bin/python bench/bench_extract.py [--n 1000] [--shared ../shared]
Reads the covid19_mhsr export with evidence.sources.read_path (real abstracts).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from evidence.extract.pipeline import TOKENIZER_CACHE, Extractor
from evidence.extract.segment import split_passages
from evidence.sources import read_path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--n-process", type=int, default=2, help="also time forked workers (1: skip)")
    args = ap.parse_args()
    path = args.shared / "corpus" / "abstracts" / "covid19_mhsr" / "20200519_163158_newrefs.csv"
    docs = [d for d in read_path(path).documents if d.abstract.strip()][: args.n]
    items = [(d, split_passages(d)) for d in docs]
    texts = [p.text for _, ps in items for p in ps]
    n_chars = sum(len(t) for t in texts)
    print(f"{len(docs)} abstracts, {len(texts)} passages, {n_chars / 1e6:.2f} M characters")

    t0 = time.perf_counter()
    extractor = Extractor(batch_size=args.batch_size)
    t_init = time.perf_counter() - t0

    tok = spacy.blank("en").tokenizer
    t0 = time.perf_counter()
    for _ in tok.pipe(texts, batch_size=args.batch_size):
        pass
    t_tok = time.perf_counter() - t0
    # the same tokenizer with the chunk cache size our pipeline sets (TOKENIZER_CACHE),
    # so the part of our lead that is only the larger cache is visible
    big = spacy.blank("en").tokenizer
    big.max_cache_size = TOKENIZER_CACHE
    t0 = time.perf_counter()
    for _ in big.pipe(texts, batch_size=args.batch_size):
        pass
    t_big = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_values = sum(len(v) for _, v in extractor.extract_many(items))
    t_ext = time.perf_counter() - t0

    print(f"extractor init         {t_init:8.2f} s (once per process)")
    print(f"bare tokenizer         {len(docs) / t_tok:8.0f} abstracts/s ({t_tok:.2f} s)")
    print(
        f"bare tokenizer, cache {TOKENIZER_CACHE:,} {len(docs) / t_big:6.0f} abstracts/s "
        f"({t_big:.2f} s)"
    )
    print(
        f"Extractor.extract_many {len(docs) / t_ext:8.0f} abstracts/s ({t_ext:.2f} s, {n_values} values)"
    )
    print(f"ratio extractor/tokenizer time: {t_ext / t_tok:.1f}x")

    if args.n_process > 1:
        par = Extractor(batch_size=args.batch_size, n_process=args.n_process)
        t0 = time.perf_counter()
        n_par = sum(len(v) for _, v in par.extract_many(items))
        t_par = time.perf_counter() - t0
        print(
            f"extract_many n_process={args.n_process} {len(docs) / t_par:8.0f} abstracts/s "
            f"({t_par:.2f} s, {n_par} values; ratio {t_par / t_tok:.1f}x)"
        )


if __name__ == "__main__":
    main()
