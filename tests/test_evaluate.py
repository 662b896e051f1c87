"""`evidence evaluate` scores the extractor against hand annotations (tests/devset)."""

from __future__ import annotations

from pathlib import Path

import yaml

from evidence.extract import evaluate as ev

DEVSET = Path(__file__).parent / "devset"


def _subset(tmp_path: Path, ids: set[str]) -> Path:
    """A gold file with a few annotated items, next to a copy of the real manifest."""
    items = []
    for path in sorted(DEVSET.glob("gold_*.yaml")):
        for it in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if it["id"] in ids and it["id"] not in {x["id"] for x in items}:
                items.append(it)
    (tmp_path / "manifest.yaml").write_text(
        (DEVSET / "manifest.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    gold = tmp_path / "gold_a.yaml"
    gold.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    return gold


def test_evaluate_scores_each_field_and_each_source(tmp_path: Path, shared_dir: Path) -> None:
    ids = {"living_r18", "living_r20", "mhsr_r97", "suic_r42"}
    gold = _subset(tmp_path, ids)
    report = ev.evaluate([gold], shared_dir=shared_dir, split="all")
    assert report.n_documents == 4 + 4  # the four items and the four seeds from seeds.yaml
    assert report.fields["design"].total == 8
    assert 0.0 <= report.fields["factors"].f1 <= 1.0
    text = ev.format_report(report)
    assert "participants" in text and "macro-F1" in text
    by_source = ev.evaluate_by_source([gold], shared_dir=shared_dir, split="all")
    assert set(by_source) == {
        "corpus/abstracts/burnout_hcw_covid_living_subset.csv",
        "corpus/abstracts/covid19_mhsr/20200519_163158_newrefs.csv",
        "corpus/abstracts/covid_suicide_living/2021-11-05_results.csv",
        "seeds",
    }
    assert by_source["seeds"].n_documents == 4
    assert sum(r.n_documents for r in by_source.values()) == report.n_documents


def test_source_group() -> None:
    assert ev.source_group("seeds/000_x.txt") == "seeds"
    assert ev.source_group("corpus/pdfs/a.pdf") == "corpus/pdfs"
    assert ev.source_group("corpus/abstracts/x.csv") == "corpus/abstracts/x.csv"


def test_design_scored_per_label_and_macro_f1_is_their_mean() -> None:
    def study(sid: str, design: str) -> ev.Study:
        return ev.Study(id=sid, design=design)

    gold = {
        "a": study("a", "qualitative"),
        "b": study("b", "qualitative"),
        "c": study("c", "cross_sectional"),
    }
    pred = {
        "a": study("a", "qualitative"),
        "b": study("b", "cross_sectional"),
        "c": study("c", "cohort"),  # a label no gold document has still counts, with F1 0
    }
    report = ev.score(gold, pred)
    per = report.design_classes
    assert set(per) == {"qualitative", "cross_sectional", "cohort"}
    assert (per["qualitative"].precision, per["qualitative"].recall) == (1.0, 0.5)
    assert (per["cross_sectional"].tp, per["cross_sectional"].fp, per["cross_sectional"].fn) == (
        0,
        1,
        1,
    )
    assert per["cohort"].total == 0 and per["cohort"].f1 == 0.0
    macro = report.fields["design"].macro_f1
    assert macro is not None and abs(macro - (2 / 3) / 3) < 1e-9
    assert "design by label" in ev.format_report(report)


def test_regions_match_without_accents_apostrophes_or_case() -> None:
    assert ev.place_key("Thessaloníki") == ev.place_key("thessaloniki")
    assert ev.place_key("Arkhangel’sk") == ev.place_key("Arkhangelsk")
    assert ev.place_key("Galaţi") == ev.place_key("Galati")
    assert ev.place_key("Lyon") != ev.place_key("Lille")
    gold = ev.study_from_gold({"id": "a", "regions": ["Thessaloniki"]})
    assert gold.sets["regions"] == {"thessaloniki"}


def test_factor_candidates_are_matched_leniently_to_other_factors() -> None:
    # half the content words of the shorter phrase, no stop words, glosses or amount words
    assert ev.phrases_match("hospital role", "role in the hospital")
    assert ev.phrases_match("specialty (anesthesiology, pediatrics)", "specialty")
    assert ev.phrases_match("lower levels of psychological flexibility", "flexibility")
    assert not ev.phrases_match("fear of infection", "job insecurity")
    assert not ev.phrases_match("the", "of the")  # no content words: no match
    # many to many: a joined gold phrase is found once, both split candidates are right
    s = ev.FieldScore("factor_candidates")
    ev.count_phrases(s, ["uncertainty and powerlessness", "religious beliefs"],
                     ["uncertainty", "powerlessness", "hobbies"])  # fmt: skip
    assert (s.tp, s.fn, s.pred_tp, s.fp) == (1, 1, 2, 1)
    assert (round(s.precision, 3), s.recall) == (0.667, 0.5)
    gold = ev.study_from_gold(
        {"id": "a", "factors": [], "other_factors": [{"text": "x y", "direction": "risk"}]}
    )
    assert gold.candidates == ["x y"]
    assert ev.study_from_gold({"id": "b"}).candidates is None  # factors not annotated


def _script(name: str):  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_publication_types_map_to_the_designs_they_allow(shared_dir: Path) -> None:
    m = _script("design_vs_pubtypes")
    # the most specific type decides: a systematic review is also indexed "Review"
    name, allowed = m.pubtype_class(["Journal Article", "Review", "Systematic Review"])
    assert (name, allowed) == ("systematic review / meta-analysis", {"systematic_review"})
    assert m.pubtype_class(["Case Reports", "Journal Article"])[1] == {"other"}
    assert m.pubtype_class(["Observational Study"])[1] == {
        "cross_sectional",
        "cohort",
        "case_control",
    }
    # types that say nothing about design put a record in no class
    assert m.pubtype_class(["Journal Article", "Comparative Study", "English Abstract"]) is None
    from evidence.sources import read_path

    path = shared_dir / m.FILES[0]
    docs = [d for d in read_path(path).documents if m.pubtype_class(d.publication_types)]
    assert len(docs) > 50
    # each record's half is fixed by its PMID, and both halves are used
    halves = [m.split_of(d) for d in docs]
    assert halves == [m.split_of(d) for d in read_path(path).documents if d in docs]
    assert {"tune", "heldout"} == set(halves)
    # the text alone: the indexers' types and headings are withheld, the text kept
    alone = m._text_alone(docs[0])
    assert alone.publication_types == [] and alone.mesh == [] and alone.text == docs[0].text
    assert docs[0].publication_types  # the original record is not changed
