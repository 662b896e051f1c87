"""Score the extractor on a check set: abstracts annotated blind, outside the development set.

Each check set is a folder in `tests/devset/` holding `index.yaml` (which row of which export
in ../shared/corpus each id is), `annotations.yaml` (the reference) and, for some of the
documents, `second_annotations.yaml` (a second annotator, blind, for agreement):

- `check10`: 98 health-worker abstracts annotated for design, participants and countries
  (three annotators; a fourth re-annotated 30).
- `check11`: 90 provider mental-health abstracts annotated for design, participants,
  countries and factors with direction (three annotators; a fourth re-annotated 24).
- `check12`: 90 mental-health abstracts (the 34 provider abstracts left unused in the
  exports and 56 random others, most about patients or the public) annotated for the same
  fields (three annotators; a fourth re-annotated 24).
- `check13`: 110 clinical-study reports (abstract and results sections, JATS) from
  `corpus/labelled/rct_numeric_extraction`, most of them randomised trials, annotated for design,
  participants (the number randomised) and countries (three annotators; a fourth re-annotated
  25). Unlike the others it has a `split`: rules were written only from the 39 `tune`
  documents; `--split heldout` scores the other 71.
- `check14`: 120 random abstracts never used before from `covid_suicide_living` and
  `covid19_mhsr` (most about patients, the public, the virus or the laboratory); design,
  participants, countries; 66 `tune` / 54 `heldout`.
- `check15`: 120 more such abstracts (none used in the development set or check10-14, no title
  shared with them), drawn with seed 151; the same fields; 65 `tune` / 55 `heldout` (a fourth
  annotator re-annotated 24).

Each was scored once before any rule was written from it (the README gives both figures);
since then each is rule-development data, not a held-out set.

    python scripts/score_check.py [check10|...|check15] [--shared ../shared] [-v]
    python scripts/score_check.py check13 --split heldout
    python scripts/score_check.py check11 --agreement   # the documents annotated twice
"""

from __future__ import annotations

import argparse
import collections
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from evidence.extract.evaluate import FieldScore, count_phrases, study_from_values
from evidence.extract.pipeline import Extractor
from evidence.extract.segment import split_passages
from evidence.records import Document
from evidence.sources import read_path

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "devset"

Factors = set[tuple[str, str]]


@dataclass
class Row:
    """One document: the reference values and the compared ones."""

    design: tuple[str | None, str | None]
    participants: tuple[float | None, float | None]
    countries: tuple[set[str], set[str]]
    factors: tuple[Factors, Factors] | None = None  # None where the reference has no factors
    # the annotators' other_factors and the extractor's factor candidates (where factors are)
    candidates: tuple[list[str], list[str]] | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _same(gold: float | None, pred: float | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return float(gold) == float(pred)


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


def report(rows: list[Row]) -> None:
    design = exact = ptp = pfp = pfn = 0
    countries = [0, 0, 0]
    factors, factor_ids = [0, 0, 0], [0, 0, 0]
    scored_factors = 0
    candidates = FieldScore("factor_candidates")
    for row in rows:
        design += row.design[0] == row.design[1]
        (gn, pn), (gc, pc) = row.participants, row.countries
        exact += _same(gn, pn)
        if gn is not None and pn is not None and _same(gn, pn):
            ptp += 1
        else:
            pfp += pn is not None
            pfn += gn is not None
        for i, n in enumerate((len(pc & gc), len(pc - gc), len(gc - pc))):
            countries[i] += n
        if row.factors is not None:
            scored_factors += 1
            gf, pf = row.factors
            for counts, g, p in (
                (factors, gf, pf),
                (factor_ids, {f for f, _ in gf}, {f for f, _ in pf}),
            ):
                for i, n in enumerate((len(p & g), len(p - g), len(g - p))):
                    counts[i] += n
        if row.candidates is not None:
            count_phrases(candidates, *row.candidates)
    n = max(1, len(rows))
    print(f"design accuracy            {design / n:.3f}")
    print(f"participants exact match   {exact / n:.3f}  (F1 {_f1(ptp, pfp, pfn)[2]:.3f})")
    print(f"countries F1               {_f1(*countries)[2]:.3f}")
    if scored_factors:
        for name, counts in (("factors", factors), ("factor_ids", factor_ids)):
            p, r, f1 = _f1(*counts)
            print(f"{name + ' F1':<26} {f1:.3f}  (P {p:.3f} R {r:.3f}, {scored_factors} documents)")
        c = candidates
        print(
            f"{'factor_candidates F1':<26} {c.f1:.3f}  (P {c.precision:.3f} R {c.recall:.3f}, "
            "other_factors matched leniently)"
        )


def _load(folder: Path, name: str) -> dict[str, dict]:
    return {x["id"]: x for x in yaml.safe_load((folder / name).read_text(encoding="utf-8"))}


def _countries(item: dict) -> set[str]:
    codes = item.get("countries") or []
    if not all(isinstance(c, str) for c in codes):
        # YAML 1.1 reads an unquoted NO (Norway) as false
        raise SystemExit(f"{item['id']}: countries {codes!r} must be quoted codes ('NO')")
    return set(codes)


def _factors(item: dict) -> Factors | None:
    if "factors" not in item:
        return None
    return {(f["factor"], f["direction"]) for f in item.get("factors") or []}


def agreement(folder: Path) -> None:
    first, second = _load(folder, "annotations.yaml"), _load(folder, "second_annotations.yaml")
    shared = [k for k in sorted(second) if k in first]
    print(f"{folder.name} agreement, first annotation as reference, {len(shared)} shared items")
    rows = []
    for k in shared:
        a, b = first[k], second[k]
        fa, fb = _factors(a), _factors(b)
        rows.append(
            Row(
                (a["design"], b["design"]),
                (a.get("participants"), b.get("participants")),
                (_countries(a), _countries(b)),
                (fa, fb or set()) if fa is not None else None,
            )
        )
    report(rows)


def _documents(index: dict[str, dict], wanted: set[str], shared: Path) -> dict[str, Document]:
    """The annotated documents: rows of an export (``row``) or whole files (no ``row``).

    Each is checked to be the document annotated: the title (``title_check``) or the first
    words of the text (``first_words``) must match.
    """
    docs: dict[str, Document] = {}
    rows_of: dict[str, dict[int, str]] = collections.defaultdict(dict)
    for k in wanted:
        x = index[k]
        if "row" in x:
            rows_of[x["source"]][x["row"]] = k
        else:
            found = read_path(shared / x["source"]).documents
            if found:
                docs[k] = found[0]
    for source, rows in rows_of.items():
        for d in read_path(shared / source).documents:
            if d.record_index in rows:
                docs[rows[d.record_index]] = d
    return docs


def _check_same_document(k: str, gold: dict, doc: Document, where: object) -> None:
    if "title_check" in gold:
        want, have = str(gold["title_check"]).lower()[:20], (doc.title or "").lower()
    else:
        want = " ".join(str(gold["first_words"]).lower().split())[:20]
        have = " ".join(doc.text.lower().split())
    if want not in have:
        raise SystemExit(f"{k}: the annotation's first words {want!r} are not in {where}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "check",
        nargs="?",
        default="check11",
        choices=["check10", "check11", "check12", "check13", "check14", "check15"],
    )
    ap.add_argument(
        "--split",
        choices=["tune", "heldout"],
        help="only the documents of this split (check13, check14, check15)",
    )
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("-v", action="store_true", help="print every disagreement")
    ap.add_argument(
        "--agreement", action="store_true", help="the second annotation against the first"
    )
    args = ap.parse_args()
    folder = DEVSET / args.check
    if args.agreement:
        agreement(folder)
        return
    index = _load(folder, "index.yaml")
    gold = _load(folder, "annotations.yaml")
    if args.split:
        gold = {k: g for k, g in gold.items() if index[k].get("split") == args.split}
    docs = _documents(index, set(gold), args.shared)
    ids = [k for k in sorted(gold) if k in docs]
    missing = sorted(set(gold) - set(docs))
    if missing:
        raise SystemExit(f"{len(missing)} annotated documents not found, e.g. {missing[:3]}")
    for k in ids:  # the annotation is of the document it names
        _check_same_document(k, gold[k], docs[k], index[k])
    results = Extractor().extract_many([(docs[k], split_passages(docs[k])) for k in ids])
    rows: list[Row] = []
    for k, (_doc_id, values) in zip(ids, results, strict=True):
        st, g = study_from_values(k, values), gold[k]
        gf = _factors(g)
        row = Row(
            (g["design"], st.design),
            (g.get("participants"), st.numbers.get("participants")),
            (_countries(g), st.sets.get("countries") or set()),
            (gf, st.factors or set()) if gf is not None else None,
            (
                [str(o["text"]) for o in g.get("other_factors") or []],
                st.candidates or [],
            )
            if gf is not None
            else None,
        )
        rows.append(row)
        if args.v:
            out = []
            if row.design[0] != row.design[1] or not _same(*row.participants):
                out.append(
                    f"   design {row.design[0]} -> {row.design[1]}"
                    f" | participants {row.participants[0]} -> {row.participants[1]}"
                )
            if row.countries[0] != row.countries[1]:
                out.append(f"   countries {sorted(row.countries[0])} -> {sorted(row.countries[1])}")
            if row.factors is not None and row.factors[0] != row.factors[1]:
                gf2, pf = row.factors
                out.append(f"   factors missing={sorted(gf2 - pf)} extra={sorted(pf - gf2)}")
            if out:
                print(k, (docs[k].title or docs[k].text)[:70].replace("\n", " "))
                print("\n".join(out))
    split = f" split={args.split}" if args.split else ""
    print(f"{args.check}{split}  documents={len(rows)}")
    report(rows)


if __name__ == "__main__":
    main()
