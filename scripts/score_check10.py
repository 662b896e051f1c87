"""Score design, participants and countries on the batch-10 check set.

`tests/devset/check10/` holds 98 abstracts from two exports in ../shared/corpus (never
devset or reserved rows), annotated for three fields only from GUIDELINES.md by three
annotators who never saw extractor output. It was scored once before any rule was written
from it (the README gives both figures); since then it is rule-development data, not a
held-out set.

    python scripts/score_check10.py [--shared ../shared] [-v]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    args = ap.parse_args()
    index = {x["id"]: x for x in yaml.safe_load((HERE / "index.yaml").read_text())}
    gold = {x["id"]: x for x in yaml.safe_load((HERE / "annotations.yaml").read_text())}
    rows: dict[str, dict[int, str]] = collections.defaultdict(dict)
    for k, x in index.items():
        rows[x["source"]][x["row"]] = k
    docs = {}
    for source, wanted in rows.items():
        for d in read_path(args.shared / source).documents:
            if d.record_index in wanted:
                docs[wanted[d.record_index]] = d
    ids = [k for k in sorted(gold) if k in docs]
    for k in ids:  # the annotation is of the document it names
        want = str(gold[k]["title_check"]).lower()[:20]
        if want not in (docs[k].title or "").lower():
            raise SystemExit(f"{k}: title_check {want!r} is not the title of row {index[k]}")
    results = Extractor().extract_many([(docs[k], split_passages(docs[k])) for k in ids])
    design = exact = ptp = pfp = pfn = ctp = cfp = cfn = 0
    for k, (_doc_id, values) in zip(ids, results, strict=True):
        st, g = study_from_values(k, values), gold[k]
        pn, gn = st.numbers.get("participants"), g.get("participants")
        pc, gc = st.sets.get("countries") or set(), set(g.get("countries") or [])
        design += st.design == g["design"]
        same = (pn is None and gn is None) or (
            pn is not None and gn is not None and float(pn) == float(gn)
        )
        exact += same
        if pn is not None and gn is not None and same:
            ptp += 1
        else:
            pfp += pn is not None
            pfn += gn is not None
        ctp, cfp, cfn = ctp + len(pc & gc), cfp + len(pc - gc), cfn + len(gc - pc)
        if args.v and (st.design != g["design"] or not same or pc != gc):
            print(k, docs[k].title[:70])
            print("   design", g["design"], "->", st.design, "| participants", gn, "->", pn)
            print("   countries", sorted(gc), "->", sorted(pc))
    n = len(ids)
    print(f"check10  documents={n}")
    print(f"design accuracy            {design / n:.3f}")
    print(
        f"participants exact match   {exact / n:.3f}  (F1 {2 * ptp / max(1, 2 * ptp + pfp + pfn):.3f})"
    )
    print(f"countries F1               {2 * ctp / max(1, 2 * ctp + cfp + cfn):.3f}")


if __name__ == "__main__":
    main()
