"""Score design, participants and countries on the batch-10 check set.

`tests/devset/check10/` holds 98 abstracts from two exports in ../shared/corpus (never
devset or reserved rows), annotated for three fields only from GUIDELINES.md by three
annotators who never saw extractor output; 30 of them were annotated again, blind, by a
fourth (`second_annotations.yaml`). The set was scored once before any rule was written from
it (the README gives both figures); since then it is rule-development data, not a held-out
set.

    python scripts/score_check10.py [--shared ../shared] [-v]
    python scripts/score_check10.py --agreement   # the documents annotated twice
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import yaml

from evidence.extract.evaluate import study_from_values
from evidence.extract.pipeline import Extractor
from evidence.extract.segment import split_passages
from evidence.sources import read_path

HERE = Path(__file__).resolve().parent.parent / "tests" / "devset" / "check10"

# (reference design, design, reference participants, participants, reference countries,
# countries)
Row = tuple[str, str | None, float | None, float | None, set[str], set[str]]


def _same(gold: float | None, pred: float | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return float(gold) == float(pred)


def report(rows: list[Row]) -> None:
    design = exact = ptp = pfp = pfn = ctp = cfp = cfn = 0
    for gd, pd, gn, pn, gc, pc in rows:
        design += gd == pd
        exact += _same(gn, pn)
        if gn is not None and pn is not None and _same(gn, pn):
            ptp += 1
        else:
            pfp += pn is not None
            pfn += gn is not None
        ctp, cfp, cfn = ctp + len(pc & gc), cfp + len(pc - gc), cfn + len(gc - pc)
    n = max(1, len(rows))
    participants_f1 = 2 * ptp / max(1, 2 * ptp + pfp + pfn)
    print(f"design accuracy            {design / n:.3f}")
    print(f"participants exact match   {exact / n:.3f}  (F1 {participants_f1:.3f})")
    print(f"countries F1               {2 * ctp / max(1, 2 * ctp + cfp + cfn):.3f}")


def _load(name: str) -> dict[str, dict]:
    return {x["id"]: x for x in yaml.safe_load((HERE / name).read_text(encoding="utf-8"))}


def agreement() -> None:
    first, second = _load("annotations.yaml"), _load("second_annotations.yaml")
    shared = [k for k in sorted(second) if k in first]
    print(f"check10 agreement, first annotation as reference, {len(shared)} shared items")
    report(
        [
            (
                first[k]["design"],
                second[k]["design"],
                first[k].get("participants"),
                second[k].get("participants"),
                set(first[k].get("countries") or []),
                set(second[k].get("countries") or []),
            )
            for k in shared
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    ap.add_argument(
        "--agreement", action="store_true", help="the second annotation against the first"
    )
    args = ap.parse_args()
    if args.agreement:
        agreement()
        return
    index = _load("index.yaml")
    gold = _load("annotations.yaml")
    rows_of: dict[str, dict[int, str]] = collections.defaultdict(dict)
    for k, x in index.items():
        rows_of[x["source"]][x["row"]] = k
    docs = {}
    for source, wanted in rows_of.items():
        for d in read_path(args.shared / source).documents:
            if d.record_index in wanted:
                docs[wanted[d.record_index]] = d
    ids = [k for k in sorted(gold) if k in docs]
    for k in ids:  # the annotation is of the document it names
        want = str(gold[k]["title_check"]).lower()[:20]
        if want not in (docs[k].title or "").lower():
            raise SystemExit(f"{k}: title_check {want!r} is not the title of row {index[k]}")
    results = Extractor().extract_many([(docs[k], split_passages(docs[k])) for k in ids])
    rows: list[Row] = []
    for k, (_doc_id, values) in zip(ids, results, strict=True):
        st, g = study_from_values(k, values), gold[k]
        row: Row = (
            g["design"],
            st.design,
            g.get("participants"),
            st.numbers.get("participants"),
            set(g.get("countries") or []),
            st.sets.get("countries") or set(),
        )
        rows.append(row)
        if args.v and (row[0] != row[1] or not _same(row[2], row[3]) or row[4] != row[5]):
            print(k, docs[k].title[:70])
            print("   design", row[0], "->", row[1], "| participants", row[2], "->", row[3])
            print("   countries", sorted(row[4]), "->", sorted(row[5]))
    print(f"check10  documents={len(rows)}")
    report(rows)


if __name__ == "__main__":
    main()
