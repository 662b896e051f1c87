"""Load and validate the rule and lexicon data files in ``extract/data``.

Every file is checked on load; a problem raises LexiconError naming the file and line
(the style of medspaCy's ``context_rule.py``), so a bad edit to a lexicon fails loudly
instead of silently matching nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from evidence.errors import LexiconError

DATA_DIR = Path(__file__).resolve().parent / "data"

DESIGNS = (
    "qualitative",
    "cross_sectional",
    "cohort",
    "case_control",
    "rct",
    "quasi_experimental",
    "mixed_methods",
    "systematic_review",
    "scoping_review",
    "narrative_review",
    "quality_improvement",
    "discussion",
    "other",
)

# Closed vocabularies of tests/devset/GUIDELINES.md; ids in lexicon.jsonl must be one of these.
VOCAB: dict[str, tuple[str, ...] | None] = {
    "data_collection": (
        "semi_structured_interviews",
        "interviews",
        "focus_groups",
        "survey",
        "observation",
        "document_review",
        "delphi",
        "secondary_data",
        "literature_search",
    ),
    "analysis": (
        "thematic_analysis",
        "grounded_theory",
        "content_analysis",
        "framework_analysis",
        "ipa",
        "phenomenology",
        "regression",
        "correlation",
        "structural_equation_modelling",
        "group_comparison",
        "descriptive_statistics",
        "meta_analysis",
        "narrative_synthesis",
    ),
    "software": (
        "NVivo",
        "ATLAS.ti",
        "MAXQDA",
        "SPSS",
        "Stata",
        "R",
        "SAS",
        "Qualtrics",
        "REDCap",
        "SurveyMonkey",
        "Mplus",
        "AMOS",
        "jamovi",
        "Dedoose",
    ),
    "care_setting": (
        "primary_care",
        "family_health_team",
        "hospital",
        "icu",
        "emergency_department",
        "covid_unit",
        "community_mental_health",
        "mental_health_services",
        "iapt",
        "private_practice",
        "health_plan",
        "long_term_care",
        "home_care",
        "prehospital_ems",
        "outpatient_clinic",
    ),
    "population": (
        "psychological_wellbeing_practitioners",
        "psychotherapists",
        "counsellors",
        "psychologists",
        "psychiatrists",
        "social_workers",
        "nurses",
        "physicians",
        "residents",
        "medical_students",
        "nursing_students",
        "mental_health_providers",
        "administrators",
        "policy_informants",
        "healthcare_workers",
        "clinicians",
        "midwives",
        "paramedics",
        "pharmacists",
        "allied_health",
        "dentists",
    ),
    "outcome": (
        "burnout",
        "compassion_fatigue",
        "secondary_traumatic_stress",
        "vicarious_trauma",
        "moral_injury",
        "moral_distress",
        "turnover",
        "wellbeing",
        "depression",
        "anxiety",
        "stress",
        "ptsd",
        "insomnia",
        "job_satisfaction",
        "compassion_satisfaction",
        "psychological_distress",
    ),
    "instrument": (
        "mbi",
        "cbi",
        "olbi",
        "proqol",
        "mini_z",
        "single_item",
        "bat",
        "phq9",
        "gad7",
        "dass21",
        "ghq",
        "pss",
        "ies_r",
        "isi",
        "stss",
        "wemwbs",
    ),
    "consequence": None,  # open vocabulary
    "sample_unit": ("participants", "interviews", "focus_groups", "sites"),
}
GOOD_OUTCOMES = frozenset({"wellbeing", "job_satisfaction", "compassion_satisfaction"})
CUE_KINDS = (
    "negation",
    "pseudo_negation",
    "pseudo_effect",
    "hedge",
    "polarity",
    "effect",
    "causal",
    "background",
    "research_need",
    "frame_risk",
    "frame_consequence",
    "frame_protective",
    "sampling_frame",
    "sample_verb",
    "protocol",
    "affiliation",
    "citation_regex",
    "end_of_text",
)
AREAS = ("workload", "control", "reward", "community", "fairness", "values", "individual", "other")
LEVELS = ("individual", "team", "organisation", "system")
DIRECTIONS = ("risk", "protective", "unclear")
NEGATIVE_WORDS = re.compile(
    r"\b(?:lack|lacking|low|lower|poor|poorly|inadequate|insufficient|limited|shortage|shortages|"
    r"unfair|without|no|excessive|ineffic\w*|un\w+able|barriers?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon line: a field, the value it yields, and its surface forms."""

    field: str
    value: str
    patterns: tuple[str, ...]
    case_patterns: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class CueEntry:
    kind: str
    sign: int
    patterns: tuple[str, ...]
    source: str = ""


# a surface form's valence from the direction it names: -1 the bad end (drives burnout),
# +1 the good end, 0 neither
DIRECTION_VALENCE = {"risk": -1, "protective": 1, "unclear": 0}


@dataclass(frozen=True, slots=True)
class FactorSpec:
    """A taxonomy factor with the valence of each surface form (+1 good end, -1 bad, 0 neutral)."""

    factor_id: str
    label: str
    definition: str
    area: str
    level: str
    default_direction: str
    forms: dict[str, int] = field(default_factory=dict)
    # a hazard named as itself ("workload", "stigma", "exposure"): recorded as a risk whichever
    # way its sentence runs ("reducing workload" names workload as what drives burnout)
    risk_only: bool = False
    # a construct a text more often studies or describes than names as a driver
    # ("telehealth", "professional development"): its usual direction applies only where its
    # sentence names an outcome
    topical: bool = False
    # spaCy Matcher token patterns for wording a list of phrases cannot enumerate ("worried
    # about becoming infected", "fears of contracting/transmitting COVID-19"); each matches
    # with the factor's default valence
    token_patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    # where the factor's entry starts in its file, for errors found after loading
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DesignRules:
    cues: dict[str, tuple[float, tuple[str, ...]]]
    metadata: dict[str, tuple[str, float]]
    from_methods: dict[str, dict[str, float]]
    precedence: tuple[str, ...] = ()
    # phrases that name a design only in a title ("Health consequences of the pandemic: a
    # review"; in a sentence, "a review of medical records" is a method), as one regex a design
    title_cues: dict[str, re.Pattern[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlaceRules:
    min_city_population: int
    country_aliases: dict[str, str]
    demonyms: dict[str, str]
    demonym_needs_population: frozenset[str]
    blocked: frozenset[str]
    # English names of first-level regions the ISO 3166-2 names give in the local language
    # ("Lombardy" for "Lombardia"), and the nations of the United Kingdom
    region_aliases: dict[str, str] = field(default_factory=dict)


def _fail(path: Path, line: int | None, message: str, hint: str | None = None) -> LexiconError:
    return LexiconError(
        message,
        path=str(path),
        location=f"line {line}" if line else None,
        hint=hint or "fix the entry; the format is described at the top of the file",
    )


def expand_variants(pattern: str) -> list[str]:
    """The pattern plus its typographic variants: curly apostrophes, hyphen spellings."""
    out = [pattern]
    if "'" in pattern:
        out.append(pattern.replace("'", "\u2019"))
    if re.search(r"[A-Za-z]-[A-Za-z]", pattern):
        out.append(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", pattern))
        out.append(re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "\u2013", pattern))
        joined = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "", pattern)
        if len(joined) > 6:
            out.append(joined)
    return list(dict.fromkeys(out))


def _str_list(path: Path, line: int | None, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, line, f"'{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def load_lexicon(path: Path | None = None) -> list[LexEntry]:
    """Read ``lexicon.jsonl``: one JSON object per line (field, id, patterns)."""
    path = path or DATA_DIR / "lexicon.jsonl"
    entries: list[LexEntry] = []
    allowed = {"field", "id", "patterns", "case_sensitive_patterns", "valence", "note"}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise _fail(path, n, f"not valid JSON ({e.msg} at column {e.colno})") from e
        if not isinstance(obj, dict):
            raise _fail(path, n, "each line must be a JSON object")
        unknown = set(obj) - allowed
        if unknown:
            raise _fail(
                path, n, f"unknown key(s) {sorted(unknown)}", f"allowed keys: {sorted(allowed)}"
            )
        fld = obj.get("field")
        if fld not in VOCAB:
            raise _fail(path, n, f"unknown field {fld!r}", f"use one of {sorted(VOCAB)}")
        value = obj.get("id")
        if not isinstance(value, str) or not value:
            raise _fail(path, n, "missing 'id'")
        vocab = VOCAB[fld]
        if vocab is not None and value not in vocab:
            raise _fail(
                path, n, f"id {value!r} is not in the {fld} vocabulary", f"use one of {list(vocab)}"
            )
        pats = _str_list(path, n, "patterns", obj.get("patterns", []))
        cpats = _str_list(
            path, n, "case_sensitive_patterns", obj.get("case_sensitive_patterns", [])
        )
        if not pats and not cpats:
            raise _fail(path, n, "an entry needs 'patterns' or 'case_sensitive_patterns'")
        twice = sorted({p.lower() for p in pats} & {p.lower() for p in cpats})
        if twice:
            # a form under 'patterns' matches in any case, which voids its case-sensitive
            # listing ("ED" would match "Ed.", "BAT" a "bat colony")
            raise _fail(
                path,
                n,
                f"{twice} listed under both 'patterns' and 'case_sensitive_patterns'",
                "list an acronym only under 'case_sensitive_patterns'",
            )
        entries.append(LexEntry(fld, value, pats, cpats, f"{path.name}:{n}"))
    return entries


def load_cues(path: Path | None = None) -> list[CueEntry]:
    """Read ``context.jsonl``: cue phrases by kind (negation, hedge, polarity, ...)."""
    path = path or DATA_DIR / "context.jsonl"
    out: list[CueEntry] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise _fail(path, n, f"not valid JSON ({e.msg} at column {e.colno})") from e
        if not isinstance(obj, dict):
            raise _fail(path, n, "each line must be a JSON object")
        kind = obj.get("kind")
        if kind not in CUE_KINDS:
            raise _fail(path, n, f"unknown cue kind {kind!r}", f"use one of {list(CUE_KINDS)}")
        sign = obj.get("sign", 0)
        if sign not in (-1, 0, 1):
            raise _fail(path, n, f"'sign' must be -1, 0 or 1, not {sign!r}")
        pats = _str_list(path, n, "patterns", obj.get("patterns"))
        if kind == "citation_regex":
            for p in pats:
                try:
                    re.compile(p)
                except re.error as e:
                    raise _fail(path, n, f"bad regular expression {p!r}: {e}") from e
        out.append(CueEntry(kind, int(sign), pats, f"{path.name}:{n}"))
    return out


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the line of every mapping under the key '__line__'."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise _fail(path, mark.line + 1 if mark else None, f"not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise _fail(path, 1, "the file must hold a mapping at the top level")
    return data


def load_factor_specs(path: Path | None = None) -> list[FactorSpec]:
    """Read and check ``factors.yaml``; each form gets a valence (see the file header)."""
    path = path or DATA_DIR / "factors.yaml"
    data = _load_yaml(path)
    items = data.get("factors")
    if not isinstance(items, list) or not items:
        raise _fail(path, data.get("__line__"), "'factors' must be a non-empty list")
    allowed = {
        "id",
        "label",
        "definition",
        "area",
        "level",
        "default_direction",
        "forms",
        "extra_forms",
        "favourable",
        "unfavourable",
        "neutral",
        "risk_only",
        "topical",
        "token_patterns",
        "__line__",
    }
    seen: set[str] = set()
    specs: list[FactorSpec] = []
    for item in items:
        if not isinstance(item, dict):
            raise _fail(path, None, "each factor must be a mapping")
        line = item.get("__line__")
        unknown = set(item) - allowed
        if unknown:
            raise _fail(path, line, f"unknown key(s) {sorted(unknown)}")
        for key in ("id", "label", "definition", "area", "level", "default_direction"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise _fail(path, line, f"factor is missing '{key}'")
        fid = item["id"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", fid):
            raise _fail(path, line, f"factor id {fid!r} must be snake_case")
        if fid in seen:
            raise _fail(path, line, f"duplicate factor id {fid!r}")
        seen.add(fid)
        if item["area"] not in AREAS:
            raise _fail(path, line, f"area {item['area']!r} is not one of {list(AREAS)}")
        if item["level"] not in LEVELS:
            raise _fail(path, line, f"level {item['level']!r} is not one of {list(LEVELS)}")
        if item["default_direction"] not in DIRECTIONS:
            raise _fail(
                path,
                line,
                f"default_direction {item['default_direction']!r} is not one of {list(DIRECTIONS)}",
            )
        risk_only = item.get("risk_only", False)
        if not isinstance(risk_only, bool):
            raise _fail(path, line, f"risk_only of {fid!r} must be true or false")
        if risk_only and item["default_direction"] == "protective":
            raise _fail(path, line, f"{fid!r} is risk_only but its default_direction is protective")
        topical = item.get("topical", False)
        if not isinstance(topical, bool):
            raise _fail(path, line, f"topical of {fid!r} must be true or false")
        forms = _str_list(path, line, "forms", item.get("forms"))
        if not forms:
            raise _fail(path, line, f"factor {fid!r} has no forms")
        extra = _str_list(path, line, "extra_forms", item.get("extra_forms", []))
        fav = set(_str_list(path, line, "favourable", item.get("favourable", [])))
        unfav = set(_str_list(path, line, "unfavourable", item.get("unfavourable", [])))
        neutral = set(_str_list(path, line, "neutral", item.get("neutral", [])))
        base = DIRECTION_VALENCE[item["default_direction"]]
        valence: dict[str, int] = {}
        for form in (*forms, *extra):
            if form in fav:
                v = 1
            elif form in unfav or NEGATIVE_WORDS.search(form):
                v = -1
            elif form in neutral:
                v = 0
            else:
                v = base
            valence[form] = v
        patterns = _token_patterns(path, line, fid, item.get("token_patterns", []))
        specs.append(
            FactorSpec(
                factor_id=fid,
                label=item["label"],
                definition=item["definition"],
                area=item["area"],
                level=item["level"],
                default_direction=item["default_direction"],
                forms=valence,
                risk_only=risk_only,
                topical=topical,
                token_patterns=patterns,
                line=item.get("__line__"),
            )
        )
    return specs


def _token_patterns(
    path: Path, line: int | None, fid: str, raw: Any
) -> tuple[tuple[dict[str, Any], ...], ...]:
    """A factor's ``token_patterns``, each checked by spaCy's own Matcher validation."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    if not isinstance(raw, list):
        raise _fail(path, line, f"token_patterns of {fid!r} must be a list of token patterns")
    checker = Matcher(Vocab(), validate=True)
    out = []
    for n, pattern in enumerate(raw, start=1):
        pattern = _strip_lines(pattern)
        if (
            not isinstance(pattern, list)
            or not pattern
            or not all(isinstance(t, dict) for t in pattern)
        ):
            raise _fail(
                path,
                line,
                f"token pattern {n} of {fid!r} must be a non-empty list of token mappings",
                "see https://spacy.io/usage/rule-based-matching#adding-patterns",
            )
        try:
            checker.add(f"{fid}_{n}", [pattern])
        except (MatchPatternError, ValueError) as e:
            msg = " ".join(str(e).split())
            raise _fail(path, line, f"token pattern {n} of {fid!r} is invalid: {msg}") from e
        if not pattern_anchors(pattern):
            raise _fail(
                path,
                line,
                f"token pattern {n} of {fid!r} names no word it needs",
                "give at least one token that is not optional by its words, none a stop word "
                "(LOWER: word or LOWER: {IN: [words]}): the pattern runs only on sentences "
                "holding them",
            )
        out.append(tuple(pattern))
    return tuple(out)


def pattern_anchors(pattern: Sequence[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """For each token of a Matcher pattern that must occur and is given by its lowercase
    words, none of them a stop word, those words: a sentence can only match if it holds one
    word of every set. (Stop words are in nearly every sentence, so they select nothing.)"""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = []
    for tok in pattern:
        op = tok.get("OP")
        quantified = re.fullmatch(r"\{(\d*),?\d*\}", op) if isinstance(op, str) else None
        required = (
            op is None
            or op == "+"
            or (quantified is not None and quantified.group(1) not in {"", "0"})
        )
        lower = tok.get("LOWER")
        if not required:
            continue  # "?", "*", "!", "{,3}": may be absent
        if isinstance(lower, str):
            words = frozenset({lower.lower()})
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            words = frozenset(str(w).lower() for w in lower["IN"])
        else:
            continue
        if not words & STOP_WORDS:
            out.append(words)
    return tuple(out)


def pattern_words(pattern: Sequence[dict[str, Any]]) -> set[str]:
    """Every word a Matcher pattern compares a token's lowercase form with."""
    words: set[str] = set()
    for tok in pattern:
        lower = tok.get("LOWER")
        if isinstance(lower, str):
            words.add(lower)
        elif isinstance(lower, dict):
            for key in ("IN", "NOT_IN"):
                words.update(str(w) for w in lower.get(key, []))
    return words


def _strip_lines(value: Any) -> Any:
    """The value without the ``__line__`` keys the YAML loader adds to mappings."""
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def load_design_rules(path: Path | None = None) -> DesignRules:
    path = path or DATA_DIR / "design_cues.yaml"
    data = _load_yaml(path)
    cues: dict[str, tuple[float, tuple[str, ...]]] = {}
    raw_cues = data.get("cues")
    if not isinstance(raw_cues, dict):
        raise _fail(
            path, data.get("__line__"), "'cues' must be a mapping of design -> {weight, patterns}"
        )
    for design, spec in raw_cues.items():
        if design == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if design not in DESIGNS:
            raise _fail(path, line, f"unknown design {design!r}", f"use one of {list(DESIGNS)}")
        if not isinstance(spec, dict) or not isinstance(spec.get("weight"), int | float):
            raise _fail(path, line, f"design {design!r} needs a numeric 'weight'")
        cues[design] = (
            float(spec["weight"]),
            _str_list(path, line or 0, "patterns", spec.get("patterns")),
        )
    metadata: dict[str, tuple[str, float]] = {}
    for term, spec in (data.get("metadata") or {}).items():
        if term == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if not isinstance(spec, dict) or spec.get("design") not in DESIGNS:
            raise _fail(path, line, f"metadata term {term!r} needs a 'design' from {list(DESIGNS)}")
        metadata[str(term).casefold()] = (spec["design"], float(spec.get("weight", 1.0)))
    from_methods: dict[str, dict[str, float]] = {}
    for method, spec in (data.get("from_methods") or {}).items():
        if method == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if not isinstance(spec, dict):
            raise _fail(path, line, f"from_methods.{method} must be a mapping design -> weight")
        weights = {k: float(v) for k, v in spec.items() if k != "__line__"}
        for d in weights:
            if d not in DESIGNS:
                raise _fail(path, line, f"unknown design {d!r} under from_methods.{method}")
        from_methods[method] = weights
    precedence = _str_list(path, data.get("__line__"), "precedence", data.get("precedence", []))
    for d in precedence:
        if d not in DESIGNS:
            raise _fail(path, data.get("__line__"), f"unknown design {d!r} in precedence")
    title_cues: dict[str, re.Pattern[str]] = {}
    raw_title = data.get("title_patterns") or {}
    if not isinstance(raw_title, dict):
        raise _fail(path, data.get("__line__"), "'title_patterns' must map design -> [phrases]")
    for design, phrases in raw_title.items():
        if design == "__line__":
            continue
        if design not in cues:
            raise _fail(
                path,
                raw_title.get("__line__"),
                f"title_patterns: {design!r} has no entry under 'cues' (its weight)",
                f"use one of {sorted(cues)}",
            )
        words = _str_list(path, raw_title.get("__line__") or 0, design, phrases)
        alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        # "a review of 120 medical records" is a chart review, whatever the title
        title_cues[design] = re.compile(
            rf"\b(?:{alternatives})\b(?!\s+of\s+(?:[\w-]+\s+){{0,2}}(?:records|charts|notes|files)\b)",
            re.I,
        )
    return DesignRules(
        cues=cues,
        metadata=metadata,
        from_methods=from_methods,
        precedence=precedence,
        title_cues=title_cues,
    )


def load_place_rules(path: Path | None = None) -> PlaceRules:
    path = path or DATA_DIR / "places.yaml"
    data = _load_yaml(path)
    line = data.get("__line__")
    mcp = data.get("min_city_population")
    if not isinstance(mcp, int) or mcp < 0:
        raise _fail(path, line, "'min_city_population' must be a non-negative integer")

    def code_map(key: str) -> dict[str, str]:
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise _fail(path, line, f"'{key}' must be a mapping name -> ISO alpha-2 code")
        out: dict[str, str] = {}
        for name, code in raw.items():
            if name == "__line__":
                continue
            if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
                raise _fail(
                    path, raw.get("__line__"), f"{key}.{name}: {code!r} is not an ISO alpha-2 code"
                )
            out[str(name)] = code
        return out

    return PlaceRules(
        min_city_population=mcp,
        country_aliases=code_map("country_aliases"),
        demonyms=code_map("demonyms"),
        demonym_needs_population=frozenset(
            _str_list(
                path, line, "demonym_needs_population", data.get("demonym_needs_population", [])
            )
        ),
        blocked=frozenset(_str_list(path, line, "blocked", data.get("blocked", []))),
        region_aliases=code_map("region_aliases"),
    )


@lru_cache(maxsize=4)
def lexicon_hash(data_dir: Path = DATA_DIR) -> str:
    """sha1 over every rule and lexicon file, so a value can be traced to the rules that made it."""
    h = hashlib.sha1()
    for p in sorted(data_dir.iterdir()):
        if p.is_file() and p.suffix in {".jsonl", ".yaml", ".yml", ".json"}:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()
