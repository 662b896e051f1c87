"""Design from the text alone against the publication types that indexers assigned.

PubMed's indexers tag every record with publication types ("Case Reports", "Randomized
Controlled Trial", "Systematic Review", "Review", "Observational Study", "Letter", ...).
They are no gold for our vocabulary (a "Review" may be narrative, scoping or systematic; an
"Observational Study" cross-sectional, cohort or case-control), but where a type implies a
set of our designs they are an independent check that nobody on the team annotated: this
script withholds the publication types and MeSH headings from the extractor (the text alone
must be enough, issue 3), and counts how often its design falls in the set the indexers'
type allows. It then runs again with them (as `evidence ingest` does) for comparison.

Records with no abstract, or whose only types say nothing about design ("Journal Article",
"Comparative Study", grants), are left out; letters, editorials and comments are reported
apart, since a research letter that reports a survey is rightly `cross_sectional`.

    python scripts/design_vs_pubtypes.py [--shared ../shared] [--split tune|heldout] [-v]
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import hashlib
from pathlib import Path

from evidence.extract.pipeline import Extractor
from evidence.extract.segment import split_passages
from evidence.records import Document
from evidence.sources import read_path

# the PubMed-indexed files in ../shared/corpus that carry publication types
FILES = (
    "corpus/labelled/pubmed_xml_pubtypes/pubmed_result_air_embolism.xml",
    "corpus/abstracts/peru_hospitals_multiformat/PUBMED_21032026_240.txt",
)

_REVIEWS = frozenset({"narrative_review", "systematic_review", "scoping_review"})
# most specific first: a record typed both "Systematic Review" and "Review" is checked as a
# systematic review; the first type of this list a record has decides its class
CLASSES: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("protocol", frozenset({"clinical trial protocol"}), frozenset({"other"})),
    ("case report", frozenset({"case reports"}), frozenset({"other"})),
    (
        "systematic review / meta-analysis",
        frozenset({"systematic review", "meta-analysis"}),
        frozenset({"systematic_review"}),
    ),
    (
        "randomized controlled trial",
        frozenset({"randomized controlled trial"}),
        frozenset({"rct"}),
    ),
    (
        "other clinical trial",
        frozenset({"clinical trial", "controlled clinical trial", "clinical trial, phase iii"}),
        frozenset({"rct", "quasi_experimental", "cohort"}),
    ),
    (
        "observational study",
        frozenset({"observational study"}),
        frozenset({"cross_sectional", "cohort", "case_control"}),
    ),
    ("review", frozenset({"review"}), _REVIEWS),
    (
        "letter / editorial / comment",
        frozenset({"letter", "editorial", "comment"}),
        frozenset({"discussion"}),
    ),
)
LOOSE = "letter / editorial / comment"


def pubtype_class(types: list[str]) -> tuple[str, frozenset[str]] | None:
    """The class a record's publication types put it in, and the designs that class allows."""
    have = {t.casefold().strip() for t in types}
    for name, tags, allowed in CLASSES:
        if have & tags:
            return name, allowed
    return None


def split_of(doc: Document) -> str:
    """``tune`` or ``heldout``, fixed per record (sha1 of its PMID, else its title): rules may
    be written only from the errors of the ``tune`` half."""
    key = doc.pmid or doc.title or doc.text[:200]
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "heldout"


def _text_alone(doc: Document) -> Document:
    return dataclasses.replace(doc, publication_types=[], mesh=[])


def _designs(extractor: Extractor, docs: list[Document]) -> list[str | None]:
    out: list[str | None] = []
    for _doc_id, values in extractor.extract_many([(d, split_passages(d)) for d in docs]):
        design = [v.value for v in values if v.field == "design"]
        out.append(design[0] if design else None)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--split", choices=["tune", "heldout"], help="only the records of this half")
    ap.add_argument("-v", action="store_true", help="print every record outside its class's set")
    args = ap.parse_args()
    docs: list[Document] = []
    classes: list[tuple[str, frozenset[str]]] = []
    for name in FILES:
        for d in read_path(args.shared / name).documents:
            c = pubtype_class(d.publication_types)
            if c is not None and d.abstract.strip() and args.split in (None, split_of(d)):
                docs.append(d)
                classes.append(c)
    extractor = Extractor()
    alone = _designs(extractor, [_text_alone(d) for d in docs])
    with_types = _designs(extractor, docs)
    half = f" ({args.split} half)" if args.split else ""
    print(
        f"{len(docs)} records{half} with an abstract and a publication type that implies a design"
    )
    print(
        f"{'publication type':36} {'n':>4}  {'text alone':>10}  {'with types':>10}  text alone gave"
    )
    rows: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    gave: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (name, allowed), a, w in zip(classes, alone, with_types, strict=True):
        rows[name][0] += 1
        rows[name][1] += a in allowed
        rows[name][2] += w in allowed
        gave[name][str(a)] += 1
    strict = [0, 0, 0]
    for name, _tags, _allowed in CLASSES:
        if name not in rows:
            continue
        n, a, w = rows[name]
        top = ", ".join(f"{k} {v}" for k, v in gave[name].most_common(4))
        print(f"{name:36} {n:4d}  {a / n:10.3f}  {w / n:10.3f}  {top}")
        if name != LOOSE:
            strict = [strict[0] + n, strict[1] + a, strict[2] + w]
    n, a, w = strict
    print(f"{'all but letters/editorials/comments':36} {n:4d}  {a / n:10.3f}  {w / n:10.3f}")
    if args.v:
        for d, (name, allowed), a in zip(docs, classes, alone, strict=True):
            if a not in allowed:
                print(f"  [{name}] text alone -> {a}: {(d.title or '')[:90]}")


if __name__ == "__main__":
    main()
