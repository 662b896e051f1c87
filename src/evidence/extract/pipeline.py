"""The extractor the flows call: passages in, ExtractedValue records out.

The spaCy pipeline is ``spacy.blank("en")`` plus two rule components (``evidence_lexicon``,
``evidence_context``) whose rules are package data. Passages of many documents are run
through one ``nlp.pipe`` stream (``as_tuples`` carries which document each belongs to), and
``consume.docs_to_values`` turns each document's Docs into records.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from multiprocessing.context import BaseContext

import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from evidence.extract import components as _components  # noqa: F401  (registers factories)
from evidence.extract.components import expand_abbreviations
from evidence.extract.consume import Resources, docs_to_values
from evidence.extract.lexicon import lexicon_hash
from evidence.records import Document, ExtractedValue, Passage

log = logging.getLogger(__name__)

__version__ = "0.3.24"


_LEX_ATTRS = frozenset(
    IDS[k] for k in ("LOWER", "NORM", "IS_ALPHA", "IS_PUNCT", "IS_STOP", "LIKE_NUM", "IS_SPACE")
)


# A semicolon is never part of a word, but exports often drop the space after it ("included
# 413 participants;53.1% were women"), which left "participants;53.1" one token and the
# sample unread: it is added to spaCy's English infixes. (A structured abstract's heading
# glued to the next word, "Results68 patients", is split off by segmentation.)
EXTRA_INFIXES = (r";",)


def build_nlp() -> Language:
    """Blank English tokenizer + the rule components (no trained model, nothing downloaded)."""
    nlp = spacy.blank("en")
    # before the components tokenise their patterns, so patterns and texts split alike
    infixes = [*nlp.Defaults.infixes, *EXTRA_INFIXES]  # type: ignore[misc]
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # every new word computes each lexical attribute once; keep only those the rules read
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    for attr in list(getters):
        if attr not in _LEX_ATTRS:
            del getters[attr]
    nlp.add_pipe("evidence_lexicon")
    nlp.add_pipe("evidence_context")
    nlp.tokenizer = _fresh_tokenizer(nlp.tokenizer)
    return nlp


# Chunks (whitespace-delimited strings) whose tokenisation the tokenizer keeps. spaCy's
# default is 10,000; a corpus of abstracts has more distinct chunks than that, and every
# chunk found in the cache skips the prefix, suffix and infix regular expressions.
TOKENIZER_CACHE = 200_000


def _fresh_tokenizer(tok: Tokenizer) -> Tokenizer:
    """The same tokenizer (same rules and affix patterns, hence the same tokens) with an
    empty, larger chunk cache. Building the phrase matchers tokenised ~20,000 patterns,
    which filled the original's cache (capped at 10,000 chunks) with pattern words, so
    no word of the texts was ever cached; that made tokenising three times slower."""
    return Tokenizer(
        tok.vocab,
        rules=tok.rules,
        prefix_search=tok.prefix_search,
        suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer,
        token_match=tok.token_match,
        url_match=tok.url_match,
        faster_heuristics=tok.faster_heuristics,
        max_cache_size=TOKENIZER_CACHE,
    )


def default_n_process() -> int:
    """Worker processes used when ``n_process=0`` (auto): the CPUs, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


class Extractor:
    """Rule-based extraction of study design, methods, sample, setting and factors."""

    version: str = __version__

    def __init__(
        self,
        *,
        batch_size: int = 256,
        n_process: int = 1,
        chunk_size: int = 64,
        min_parallel_docs: int = 256,
    ) -> None:
        """``n_process=0`` picks ``default_n_process()``; workers are used only for calls
        with at least ``min_parallel_docs`` documents (below that, starting them costs more
        than they save)."""
        self.batch_size = batch_size
        self.n_process = n_process if n_process > 0 else default_n_process()
        self.chunk_size = chunk_size
        self.min_parallel_docs = min_parallel_docs
        self.lexicon_hash = lexicon_hash()
        self.nlp = build_nlp()
        self.resources = Resources.load()

    def extract(self, doc: Document, passages: list[Passage]) -> list[ExtractedValue]:
        """Values for one document (see ``extract_many`` for streams of documents)."""
        return next(iter(self.extract_many([(doc, passages)])))[1]

    def extract_many(
        self, items: Iterable[tuple[Document, list[Passage]]]
    ) -> Iterator[tuple[str, list[ExtractedValue]]]:
        """Yield ``(doc_id, values)`` per document, in input order, from one batched pipe.

        With ``n_process > 1`` and at least ``min_parallel_docs`` documents, chunks of
        documents go to worker processes (forked from this process when it runs a single
        thread, else started from a ``forkserver`` that has the pipeline built already);
        records come back in input order.
        """
        it = iter(items)
        if self.n_process > 1 and {"fork", "forkserver"} & set(mp.get_all_start_methods()):
            head = list(islice(it, self.min_parallel_docs))
            if len(head) >= self.min_parallel_docs:
                yield from self._extract_parallel(chain(head, it))
                return
            it = iter(head)
        yield from self._extract_serial(it)

    def _extract_parallel(
        self, items: Iterable[tuple[Document, list[Passage]]]
    ) -> Iterator[tuple[str, list[ExtractedValue]]]:
        if threading.active_count() == 1 and "fork" in mp.get_all_start_methods():
            # a single-threaded process forks safely, and its children inherit the built
            # pipeline at no cost
            global _WORKER
            _WORKER = self
            ctx: BaseContext = mp.get_context("fork")
            init: tuple[Callable[..., None] | None, tuple[object, ...]] = (None, ())
        else:
            # threads (Prefect's, Dask's) may hold locks a forked child would inherit: start
            # workers from a forkserver that has the pipeline built already
            ctx = mp.get_context("forkserver")
            # only takes effect when this process starts its forkserver (the first pool)
            ctx.set_forkserver_preload(["evidence.extract.warm"])
            init = (_init_worker, (self.batch_size, self.lexicon_hash))
        # workers never collect what they inherit: a collection there would walk (and so
        # copy, page by page) the parent's whole heap (Python's advice for fork, see
        # ``gc.freeze``); the parent collects its objects again once the workers exist
        gc.freeze()
        try:
            pool = ctx.Pool(self.n_process, initializer=init[0], initargs=init[1])
        finally:
            gc.unfreeze()
        with pool:
            for chunk in pool.imap(_work, _chunks(items, self.chunk_size)):
                yield from chunk

    def _extract_serial(
        self, items: Iterable[tuple[Document, list[Passage]]]
    ) -> Iterator[tuple[str, list[ExtractedValue]]]:
        pending: dict[int, tuple[Document, list[Passage]]] = {}
        got: dict[int, list[tuple[Passage, Doc]]] = {}
        expected: dict[int, int] = {}
        next_out = 0

        def stream() -> Iterator[tuple[str, tuple[int, int]]]:
            for i, (document, passages) in enumerate(items):
                pending[i] = (document, passages)
                expected[i] = len(passages)
                got[i] = []
                for j, p in enumerate(passages):
                    if p.section != "references":
                        yield p.text, (i, j)
                    else:
                        expected[i] -= 1

        def ready() -> Iterator[tuple[str, list[ExtractedValue]]]:
            nonlocal next_out
            while next_out in pending and len(got[next_out]) >= expected[next_out]:
                document, passages = pending.pop(next_out)
                pairs = sorted(got.pop(next_out), key=lambda t: t[0].seq)
                # a short form the document defines ("emotional exhaustion (EE)") and uses
                expand_abbreviations([p.text for p, _ in pairs], [d for _, d in pairs])
                values = docs_to_values(
                    document,
                    pairs,
                    resources=self.resources,
                    version=self.version,
                    lexicon_hash=self.lexicon_hash,
                )
                # passages carry the id; Document.doc_id re-hashes the title on every call
                yield (passages[0].doc_id if passages else document.doc_id), values
                next_out += 1

        for sdoc, (i, j) in self.nlp.pipe(stream(), as_tuples=True, batch_size=self.batch_size):
            got[i].append((pending[i][1][j], sdoc))
            yield from ready()
        yield from ready()


# --- worker side of ``n_process > 1`` ------------------------------------------------------

_WORKER: Extractor | None = None

_Item = tuple[Document, list[Passage]]


def _chunks(items: Iterable[_Item], size: int) -> Iterator[list[_Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _init_worker(batch_size: int, parent_lexicon_hash: str) -> None:
    """Take the extractor the forkserver preloaded; rebuild it if the lexicons changed since."""
    global _WORKER
    from evidence.extract import warm

    extractor = warm.EXTRACTOR
    if extractor.lexicon_hash != parent_lexicon_hash:
        extractor = Extractor()
    extractor.batch_size = batch_size
    _WORKER = extractor


def _work(chunk: list[_Item]) -> list[tuple[str, list[ExtractedValue]]]:
    assert _WORKER is not None, "worker started without an extractor"
    return list(_WORKER._extract_serial(chunk))
