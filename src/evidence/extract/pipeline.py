"""The extractor the flows call: passages in, ExtractedValue records out.

The spaCy pipeline is ``spacy.blank("en")`` plus two rule components (``evidence_lexicon``,
``evidence_context``) whose rules are package data. Passages of many documents are run
through one ``nlp.pipe`` stream (``as_tuples`` carries which document each belongs to), and
``consume.docs_to_values`` turns each document's Docs into records.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

from evidence.extract import components as _components  # noqa: F401  (registers factories)
from evidence.extract.consume import Resources, docs_to_values
from evidence.extract.lexicon import lexicon_hash
from evidence.records import Document, ExtractedValue, Passage

log = logging.getLogger(__name__)

__version__ = "0.1.0"


def build_nlp() -> Language:
    """Blank English tokenizer + the rule components (no trained model, nothing downloaded)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("evidence_lexicon")
    nlp.add_pipe("evidence_context")
    return nlp


class Extractor:
    """Rule-based extraction of study design, methods, sample, setting and factors."""

    version: str = __version__

    def __init__(self, *, batch_size: int = 256, n_process: int = 1) -> None:
        self.batch_size = batch_size
        self.n_process = n_process
        self.lexicon_hash = lexicon_hash()
        self.nlp = build_nlp()
        self.resources = Resources.load()

    def extract(self, doc: Document, passages: list[Passage]) -> list[ExtractedValue]:
        """Values for one document (see ``extract_many`` for streams of documents)."""
        return next(iter(self.extract_many([(doc, passages)])))[1]

    def extract_many(
        self, items: Iterable[tuple[Document, list[Passage]]]
    ) -> Iterator[tuple[str, list[ExtractedValue]]]:
        """Yield ``(doc_id, values)`` per document, in input order, from one batched pipe."""
        pending: dict[int, tuple[Document, list[Passage]]] = {}
        got: dict[int, list[tuple[Passage, object]]] = {}
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
                document, _ = pending.pop(next_out)
                pairs = sorted(got.pop(next_out), key=lambda t: t[0].seq)
                values = docs_to_values(
                    document,
                    pairs,  # type: ignore[arg-type]
                    resources=self.resources,
                    version=self.version,
                    lexicon_hash=self.lexicon_hash,
                )
                yield document.doc_id, values
                next_out += 1

        n_process = self.n_process if self.n_process > 1 else 1
        for sdoc, (i, j) in self.nlp.pipe(
            stream(), as_tuples=True, batch_size=self.batch_size, n_process=n_process
        ):
            got[i].append((pending[i][1][j], sdoc))
            yield from ready()
        yield from ready()
