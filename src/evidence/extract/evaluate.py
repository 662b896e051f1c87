"""Score the extractor against the hand-annotated development set (tests/devset).

Gold files follow tests/devset/GUIDELINES.md; documents are named in manifest.yaml and read
with ``evidence.sources.read_path``. ``/work/shared/gold/seeds.yaml`` (its own descriptive
format) is mapped for the fields it states in closed vocabularies. Only split=tune items
may be used to change rules; heldout figures are for reporting.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from evidence.extract.consume import BURNOUT_FAMILY
from evidence.records import Document, ExtractedValue

log = logging.getLogger(__name__)

SAMPLE_KEYS = ("participants", "interviews", "focus_groups", "sites", "response_rate")
SET_FIELDS = {
    "data_collection": "data_collection",
    "analysis": "analysis",
    "countries": "country",
    "regions": "region",
    "care_settings": "care_setting",
    "populations": "population",
    "outcomes": "outcome",
    "instruments": "instrument",
}
NUM_FIELDS = {
    "participants": "n_participants",
    "interviews": "n_interviews",
    "focus_groups": "n_focus_groups",
    "sites": "n_sites",
    "response_rate": "response_rate",
}
FACTOR_MIN_CONFIDENCE = 0.0
# the development set annotates prevalence for burnout-family constructs only (GUIDELINES);
# figures the extractor also reports for depression, anxiety, ... are not scored
PREVALENCE_CONSTRUCTS = frozenset(
    BURNOUT_FAMILY | {"emotional_exhaustion", "depersonalization", "turnover"}
)


@dataclass(slots=True)
class Study:
    """One document's annotation (gold) or extraction (prediction) in comparable form."""

    id: str
    split: str = "tune"
    design: str | None = None
    protocol: bool | None = None
    sets: dict[str, set[str] | None] = field(default_factory=dict)
    numbers: dict[str, float | None] = field(default_factory=dict)
    factors: set[tuple[str, str]] | None = None
    prevalence: set[tuple[str, float, bool]] | None = None
    #: factor-like phrases no taxonomy id fits (gold `other_factors`; `factor_candidate`)
    candidates: list[str] | None = None


@dataclass(slots=True)
class FieldScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    macro_f1: float | None = None
    #: where predictions and gold are matched many to many (factor candidates), the right
    #: predictions; ``tp`` then counts the gold items found
    pred_tp: int | None = None

    @property
    def precision(self) -> float:
        tp = self.tp if self.pred_tp is None else self.pred_tp
        return tp / (tp + self.fp) if tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class EvalReport:
    split: str
    n_documents: int
    fields: dict[str, FieldScore]
    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: Per design label: the label's own precision, recall and F1 (the macro-F1's parts).
    design_classes: dict[str, FieldScore] = field(default_factory=dict)


# --- gold -----------------------------------------------------------------------------


def _set(value: Any) -> set[str] | None:
    if value is None:
        return None
    if any(isinstance(v, bool) for v in value):
        # YAML 1.1 reads an unquoted NO (Norway), YES, ON or OFF as a boolean
        raise ValueError(f"gold list {value!r} holds a boolean: quote country codes such as 'NO'")
    return {str(v) for v in value}


def place_key(name: str) -> str:
    """A region or city name compared without accents, apostrophes or case: annotators
    write "Thessaloniki" and "Arkhangelsk" where the gazetteer says "Thessaloníki" and
    "Arkhangel'sk"; the place is the same."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"['’ʹ`]", "", folded).casefold().strip()


def _place_set(value: Any) -> set[str] | None:
    found = _set(value)
    return None if found is None else {place_key(v) for v in found}


def study_from_gold(item: dict[str, Any], split: str = "tune") -> Study:
    sample = item.get("sample") or {}
    factors = item.get("factors")
    prev = item.get("prevalence")
    return Study(
        id=str(item["id"]),
        split=split,
        design=item.get("design"),
        protocol=item.get("protocol"),
        sets={k: (_place_set if k == "regions" else _set)(item.get(k)) for k in SET_FIELDS},
        numbers={k: (float(sample[k]) if sample.get(k) is not None else None) for k in SAMPLE_KEYS}
        if sample
        else {},
        factors={(f["factor"], f["direction"]) for f in factors} if factors is not None else None,
        prevalence={
            (p["construct"], float(p["value_pct"]), bool(p.get("background", False))) for p in prev
        }
        if prev is not None
        else None,
        candidates=[str(o["text"]) for o in item.get("other_factors") or []]
        if factors is not None
        else None,
    )


def load_gold(paths: Sequence[Path], manifest: dict[str, dict[str, Any]]) -> dict[str, Study]:
    """Merge gold files; where two annotators did an item the first file (gold_a) wins."""
    out: dict[str, Study] = {}
    for path in paths:
        items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
        for item in items:
            sid = str(item.get("id"))
            if sid in out or sid not in manifest:
                continue
            if item.get("relevant") is False and item.get("design") is None:
                continue
            out[sid] = study_from_gold(item, manifest[sid].get("split", "tune"))
    return out


_SEED_POP = {
    "counselors": "counsellors",
    "mental and behavioral health providers": "mental_health_providers",
}
_SEED_SETTING = {
    "iapt / nhs talking therapies": "iapt",
    "family practice / primary care": "primary_care",
    "health plans": "health_plan",
}


def load_seed_gold(path: Path, manifest: dict[str, dict[str, Any]]) -> dict[str, Study]:
    """Map /work/shared/gold/seeds.yaml onto manifest ids (only closed-vocabulary fields)."""
    by_file = {Path(v["source"]).name: k for k, v in manifest.items()}
    out: dict[str, Study] = {}
    for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        sid = by_file.get(item.get("file", ""))
        if sid is None:
            continue
        sample = item.get("sample") or {}

        def norm(values: Iterable[str] | None, table: dict[str, str]) -> set[str] | None:
            if values is None:
                return None
            return {table.get(v.lower(), v.lower().replace(" ", "_")) for v in values}

        out[sid] = Study(
            id=sid,
            split=manifest[sid].get("split", "tune"),
            design=item.get("design"),
            sets={
                "data_collection": _set(item.get("data_collection")),
                "analysis": _set(item.get("analysis")),
                "countries": _set(item.get("countries")),
                "regions": _place_set(item.get("regions")),
                "populations": norm(item.get("populations"), _SEED_POP),
                "care_settings": norm(item.get("care_settings"), _SEED_SETTING),
            },
            numbers={
                k: (float(sample[k]) if sample.get(k) is not None else None)
                for k in ("participants", "interviews", "sites")
            },
        )
    return out


# --- predictions ----------------------------------------------------------------------


def study_from_values(
    sid: str,
    values: Sequence[ExtractedValue],
    *,
    min_factor_confidence: float = FACTOR_MIN_CONFIDENCE,
) -> Study:
    """Aggregate sentence-level values into one study-level record."""
    by_field: dict[str, list[ExtractedValue]] = {}
    for v in values:
        by_field.setdefault(v.field, []).append(v)
    design = by_field.get("design", [None])[0]
    factors = {
        (v.value, "risk" if v.field == "risk_factor" else "protective")
        for v in values
        if v.field in {"risk_factor", "protective_factor"} and v.confidence >= min_factor_confidence
    }
    prevalence = {
        (
            str(v.detail.get("construct")),
            float(v.value_num or 0.0),
            bool(v.detail.get("background")),
        )
        for v in by_field.get("prevalence", [])
        if v.detail.get("construct") in PREVALENCE_CONSTRUCTS
    }
    return Study(
        id=sid,
        design=design.value if design else None,
        protocol=bool(by_field.get("protocol")),
        sets={
            k: {place_key(v.value) if k == "regions" else v.value for v in by_field.get(f, [])}
            for k, f in SET_FIELDS.items()
        },
        numbers={
            k: (by_field[f][0].value_num if by_field.get(f) else None)
            for k, f in NUM_FIELDS.items()
        },
        factors=factors,
        prevalence=prevalence,
        candidates=list(dict.fromkeys(v.value for v in by_field.get("factor_candidate", []))),
    )


# --- scoring --------------------------------------------------------------------------


def score(gold: dict[str, Study], pred: dict[str, Study], *, split: str = "all") -> EvalReport:
    ids = [i for i in gold if (split == "all" or gold[i].split == split) and i in pred]
    fields: dict[str, FieldScore] = {}

    def fs(name: str) -> FieldScore:
        return fields.setdefault(name, FieldScore(name))

    errors: list[str] = []
    design_pairs: list[tuple[str, str]] = []
    for i in ids:
        g, p = gold[i], pred[i]
        if g.design is not None:
            d = fs("design")
            d.total += 1
            d.correct += int(g.design == p.design)
            design_pairs.append((g.design, p.design or "none"))
            if g.design != p.design:
                errors.append(f"{i}: design gold={g.design} pred={p.design}")
        if g.protocol is not None:
            d = fs("protocol")
            d.total += 1
            d.correct += int(bool(g.protocol) == bool(p.protocol))
        for k in SAMPLE_KEYS:
            if k not in g.numbers:
                continue
            gv, pv = g.numbers.get(k), p.numbers.get(k)
            d = fs(k)
            d.total += 1
            same = gv == pv or (gv is not None and pv is not None and abs(gv - pv) < 0.051)
            d.correct += int(same)
            if gv is not None and same:
                d.tp += 1
            else:
                d.fp += int(pv is not None)
                d.fn += int(gv is not None)
            if not same:
                errors.append(f"{i}: {k} gold={gv} pred={pv}")
        for k in SET_FIELDS:
            gs = g.sets.get(k)
            if gs is None:
                continue
            ps = p.sets.get(k) or set()
            _count(fs(k), gs, ps)
            if gs != ps:
                errors.append(f"{i}: {k} missing={sorted(gs - ps)} extra={sorted(ps - gs)}")
        if g.factors is not None:
            ps2 = p.factors or set()
            _count(fs("factors"), g.factors, ps2)
            _count(fs("factor_ids"), {f for f, _ in g.factors}, {f for f, _ in ps2})
            if g.factors != ps2:
                errors.append(
                    f"{i}: factors missing={sorted(g.factors - ps2)} extra={sorted(ps2 - g.factors)}"
                )
        if g.prevalence is not None:
            _count(fs("prevalence"), g.prevalence, p.prevalence or set())
        if g.candidates is not None:
            count_phrases(fs("factor_candidates"), g.candidates, p.candidates or [])
    classes: dict[str, FieldScore] = {}
    if design_pairs:
        labels = {x for pair in design_pairs for x in pair if x != "none"}
        for lab in sorted(labels):
            c = classes[lab] = FieldScore(lab)
            c.tp = sum(1 for a, b in design_pairs if a == lab and b == lab)
            c.fp = sum(1 for a, b in design_pairs if a != lab and b == lab)
            c.fn = sum(1 for a, b in design_pairs if a == lab and b != lab)
            c.total = c.tp + c.fn
        fields["design"].macro_f1 = sum(c.f1 for c in classes.values()) / len(classes)
    return EvalReport(
        split=split,
        n_documents=len(ids),
        fields=fields,
        errors=errors,
        missing=[i for i in gold if i not in pred and (split == "all" or gold[i].split == split)],
        design_classes=classes,
    )


def _count(s: FieldScore, gold: set[Any], pred: set[Any]) -> None:
    s.tp += len(gold & pred)
    s.fp += len(pred - gold)
    s.fn += len(gold - pred)
    s.total += 1
    s.correct += int(gold == pred)


# words that say how much of a construct, not which one ("lower levels of", "high")
_AMOUNT_WORDS = frozenset(
    {"vs", "lack", "low", "high", "higher", "lower", "poor", "level", "levels"}
)


def phrase_words(text: str) -> frozenset[str]:
    """The content words of a factor phrase, for a lenient comparison: lower case, no
    stop words, no parenthesised gloss ("specialty (anesthesiology, pediatrics)"), a plural
    -s dropped ("worries" and "worry" differ still, "stressors" and "stressor" do not)."""
    text = re.sub(r"\(.*?\)", " ", text.lower())
    return frozenset(
        re.sub(r"(?<=[a-z]{3})s$", "", w)
        for w in re.findall(r"[a-z][a-z\-]+", text)
        if w not in STOP_WORDS and w not in _AMOUNT_WORDS
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def phrases_match(gold: str, pred: str) -> bool:
    """A candidate matches an annotator's `other_factors` phrase when at least half the
    content words of the shorter of the two are in the other (annotators paraphrase:
    "hospital role" is matched by "role in the hospital", "fear" by "fear of infection")."""
    return _overlap(phrase_words(gold), phrase_words(pred))


def count_phrases(s: FieldScore, gold: Sequence[str], pred: Sequence[str]) -> None:
    """Phrases compared leniently both ways: a gold phrase is found when some candidate
    matches it, a candidate is right when it matches some gold phrase (annotators join what
    the extractor splits: "uncertainty and powerlessness")."""
    gw, pw = [phrase_words(g) for g in gold], [phrase_words(p) for p in pred]
    found = sum(1 for g in gw if any(_overlap(g, p) for p in pw))
    right = sum(1 for p in pw if any(_overlap(g, p) for g in gw))
    s.tp += found
    s.fn += len(gold) - found
    s.pred_tp = (s.pred_tp or 0) + right
    s.fp += len(pred) - right
    s.total += 1
    s.correct += int(found == len(gold) and right == len(pred))


def format_report(report: EvalReport) -> str:
    lines = [f"split={report.split}  documents={report.n_documents}"]
    if report.missing:
        lines.append(f"not scored (document not read): {', '.join(report.missing)}")
    lines.append(f"{'field':22} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'n':>4}")
    order = [
        "design",
        "protocol",
        *SAMPLE_KEYS,
        *SET_FIELDS,
        "factors",
        "factor_ids",
        "prevalence",
        "factor_candidates",
    ]
    for name in order:
        s = report.fields.get(name)
        if s is None:
            continue
        if name in {"design", "protocol"}:
            extra = f"  macro-F1={s.macro_f1:.3f}" if s.macro_f1 is not None else ""
            lines.append(f"{name:22} {'':>6} {'':>6} {'':>6} {s.accuracy:6.3f} {s.total:4d}{extra}")
        else:
            lines.append(
                f"{name:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.accuracy:6.3f} {s.total:4d}"
            )
    if report.design_classes:
        lines.append("design by label (n = gold documents with the label)")
        for lab, c in report.design_classes.items():
            lines.append(
                f"  {lab:20} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {'':>6} {c.total:4d}"
            )
    return "\n".join(lines)


# --- documents ------------------------------------------------------------------------


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(it["id"]): it for it in data.get("items", [])}


def load_documents(
    manifest: dict[str, dict[str, Any]], shared_dir: Path, ids: Iterable[str]
) -> dict[str, Document]:
    """Read each listed document once per source file (CSV rows by locator.row)."""
    from evidence.sources import read_path  # sources come before extract in the import order

    cache: dict[str, list[Document]] = {}
    out: dict[str, Document] = {}
    for sid in ids:
        item = manifest[sid]
        src = str(item["source"])
        if src not in cache:
            try:
                cache[src] = read_path(shared_dir / src).documents
            except Exception as e:
                log.warning("cannot read %s: %s", src, e)
                cache[src] = []
        docs = cache[src]
        loc = item.get("locator") or {}
        if loc.get("row"):
            hit = [d for d in docs if d.record_index == int(loc["row"])]
            if hit:
                out[sid] = hit[0]
        elif docs:
            out[sid] = docs[0]
    return out


def _predict(
    gold_paths: Sequence[Path],
    *,
    shared_dir: Path,
    split: str,
    manifest_path: Path | None,
    seeds_gold: Path | None,
) -> tuple[dict[str, Study], dict[str, Study], dict[str, dict[str, Any]]]:
    from evidence.extract.pipeline import Extractor
    from evidence.extract.segment import split_passages

    gold_paths = [Path(p) for p in gold_paths]
    manifest_path = manifest_path or gold_paths[0].parent / "manifest.yaml"
    manifest = load_manifest(manifest_path)
    gold = load_gold(gold_paths, manifest)
    seeds_path = seeds_gold or shared_dir / "gold" / "seeds.yaml"
    if seeds_path.is_file():
        for sid, st in load_seed_gold(seeds_path, manifest).items():
            gold.setdefault(sid, st)
    wanted = [i for i, g in gold.items() if split == "all" or g.split == split]
    docs = load_documents(manifest, shared_dir, wanted)
    extractor = Extractor()
    items = [(docs[i], split_passages(docs[i])) for i in wanted if i in docs]
    ids = [i for i in wanted if i in docs]
    pred: dict[str, Study] = {}
    for sid, (_doc_id, values) in zip(ids, extractor.extract_many(items), strict=True):
        pred[sid] = study_from_values(sid, values)
    return gold, pred, manifest


def evaluate(
    gold_paths: Sequence[Path],
    *,
    shared_dir: Path,
    split: str = "all",
    manifest_path: Path | None = None,
    seeds_gold: Path | None = None,
) -> EvalReport:
    """Run the extractor over the annotated documents and score it per field."""
    gold, pred, _manifest = _predict(
        gold_paths,
        shared_dir=shared_dir,
        split=split,
        manifest_path=manifest_path,
        seeds_gold=seeds_gold,
    )
    return score(gold, pred, split=split)


def source_group(source: str) -> str:
    """The export a manifest item comes from; seeds and PDFs are grouped by folder."""
    parts = Path(source).parts
    if parts[:1] == ("seeds",) or parts[:2] == ("corpus", "pdfs"):
        return str(Path(*parts[:-1]))
    return source


def evaluate_by_source(
    gold_paths: Sequence[Path],
    *,
    shared_dir: Path,
    split: str = "all",
    manifest_path: Path | None = None,
    seeds_gold: Path | None = None,
) -> dict[str, EvalReport]:
    """The same run scored separately for each source export (aggregate figures only)."""
    gold, pred, manifest = _predict(
        gold_paths,
        shared_dir=shared_dir,
        split=split,
        manifest_path=manifest_path,
        seeds_gold=seeds_gold,
    )
    groups: dict[str, list[str]] = {}
    for sid in gold:
        if sid in pred:  # in the split and read
            groups.setdefault(source_group(str(manifest[sid]["source"])), []).append(sid)
    return {
        name: score({i: gold[i] for i in ids}, pred, split=split)
        for name, ids in sorted(groups.items())
    }


def agreement(gold_files: Sequence[Path]) -> str:
    """Inter-annotator agreement on every item two files annotate: the file that comes
    first (the one `evaluate` uses as gold) is the reference, the later one is scored."""
    ref: dict[str, Study] = {}
    other: dict[str, Study] = {}
    for path in gold_files:
        for it in yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []:
            sid = str(it["id"])
            if sid not in ref:
                ref[sid] = study_from_gold(it)
            elif sid not in other:
                other[sid] = study_from_gold(it)
    overlap = {k: v for k, v in ref.items() if k in other}
    report = score(overlap, other)
    return (
        f"inter-annotator agreement, first annotation as reference, {len(overlap)} shared items\n"
        + format_report(report)
    )
