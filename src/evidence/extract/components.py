"""spaCy components: lexicon matching and sentence context (negation, hedging, direction).

Both are registered with ``@Language.factory`` and read their rules from the package data
(see ``lexicon.py``), in the manner of spaCy's ``span_ruler.py``. A passage is one sentence,
so a Doc's scope for context is the whole Doc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from evidence.errors import LexiconError
from evidence.extract.lexicon import (
    DATA_DIR,
    DIRECTION_VALENCE,
    GOOD_OUTCOMES,
    NEGATIVE_WORDS,
    FactorSpec,
    expand_variants,
    load_cues,
    load_design_rules,
    load_factor_specs,
    load_lexicon,
    pattern_anchors,
    pattern_words,
)
from evidence.extract.places import NATION_KINDS, gazetteer

SEP = "\t"
# the key of a word a token pattern needs (see LexiconMatcher)
ANCHOR = "anchor"
# Span groups written by the components
EV = "ev"  # field values: factor, population, outcome, ...
UNITS = "ev_units"  # sample units (participants, sites, ...)
DESIGN = "ev_design"  # design cue phrases
PLACES = "ev_places"  # gazetteer hits
CUES = "ev_cues"  # context cue phrases
GROUPS = "evidence_groups"  # key in Doc.user_data holding the groups above (plain lists)
ABBREVIATED = "ev_abbreviated"  # outcomes written as a short form the document defined
LONG_FORMS = "evidence_long_forms"  # Doc.user_data: an abbreviation's long form, by span start

if not Span.has_extension("ev_ctx"):
    Span.set_extension("ev_ctx", default=None)
if not Doc.has_extension("ev_sent"):
    Doc.set_extension("ev_sent", default=None)


def groups(doc: Doc) -> dict[str, list[Span]]:
    """The span groups the components wrote: plain lists in ``Doc.user_data`` (cheaper
    than ``Doc.spans``, which copies every list into a SpanGroup)."""
    return doc.user_data[GROUPS]


def _short_form(text: str) -> bool:
    """An abbreviation's shape: 2-6 characters, letters (and digits or hyphens), at least two
    capitals ("EE", "STS", "PTSD", "MI", "BO", "CF")."""
    return (
        2 <= len(text) <= 6
        and text[0].isalpha()
        and sum(c.isupper() for c in text) >= 2
        and all(c.isalnum() or c == "-" for c in text)
    )


def expand_abbreviations(texts: Sequence[str], docs: Sequence[Doc]) -> None:
    """Mark a document's later uses of an abbreviation it defines for an outcome.

    The definition is the Schwartz & Hearst pattern restricted to our lexicon: an outcome
    span followed by a parenthesised short form that starts with the long form's first
    letter ("emotional exhaustion (EE)", "secondary traumatic stress (STS)"; "burnout (MBI)"
    defines nothing). Each later token written exactly as the short form, outside any value
    span, becomes a span of the long form's value in the passage's ``ABBREVIATED`` group
    (``long_form`` gives its long form's words). Only the prevalence figures read that group
    ("high EE in 45%"): the factor rules, which read "outcome ... associated with X" as X
    caused by burnout, were written for outcomes named in full and keep reading only those.
    ``texts`` are the passages' texts (a cheap test before any token is read); the passages
    are a document's, in reading order.
    """
    defs: dict[str, Span] = {}
    for text, doc in zip(texts, docs, strict=True):
        g = groups(doc)
        if defs and any(short in text for short in defs):
            taken = {t for sp in g[EV] for t in range(sp.start, sp.end)}
            for tok in doc:
                full = defs.get(tok.text)
                if full is None or tok.i in taken:
                    continue
                if (
                    0 < tok.i < len(doc) - 1
                    and doc[tok.i - 1].text == "("
                    and doc[tok.i + 1].text == ")"
                ):
                    continue  # the definition repeated ("burnout (BO)") is no further use
                g.setdefault(ABBREVIATED, []).append(
                    Span(doc, tok.i, tok.i + 1, label=full.label_, kb_id=full.kb_id_)
                )
                doc.user_data.setdefault(LONG_FORMS, {})[tok.i] = full.text
        if "(" not in text:
            continue
        for sp in g[EV]:
            if sp.label_ != "outcome" or sp.end + 2 >= len(doc):
                continue
            if doc[sp.end].text != "(" or doc[sp.end + 2].text != ")":
                continue
            short = doc[sp.end + 1].text
            if _short_form(short) and short[0].lower() == sp.text[0].lower():
                defs.setdefault(short, sp)


def long_form(span: Span) -> str:
    """The words a value span stands for: its own, or for an abbreviation the document
    defined ("EE"), the long form's ("emotional exhaustion")."""
    forms = span.doc.user_data.get(LONG_FORMS)
    if forms and span.end - span.start == 1 and span.start in forms:
        return str(forms[span.start])
    return span.text


def _add(matcher: PhraseMatcher, nlp: Language, key: str, patterns: list[str]) -> None:
    docs = [nlp.make_doc(p) for p in patterns]
    matcher.add(key, [d for d in docs if len(d)])


class LexiconMatcher:
    """Marks lexicon, factor, design-cue, sample-unit and place phrases in span groups."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab)  # the taxonomy's token patterns
        self.token_anchors: list[tuple[frozenset[str], ...]] = []
        for e in load_lexicon():
            key = f"{e.field}{SEP}{e.value}"
            _add(self.lower, nlp, key, [v for p in e.patterns for v in expand_variants(p)])
            if e.case_patterns:
                _add(self.orth, nlp, key, list(e.case_patterns))
        for spec in load_factor_specs():
            by_valence: dict[int, list[str]] = {}
            for form, v in spec.forms.items():
                by_valence.setdefault(v, []).extend(expand_variants(form))
            for v, forms in by_valence.items():
                _add(self.lower, nlp, f"factor{SEP}{spec.factor_id}{SEP}{v}", forms)
            if spec.token_patterns:
                _check_one_token_words(nlp, spec)
                base = DIRECTION_VALENCE[spec.default_direction]
                key = f"factor{SEP}{spec.factor_id}{SEP}{base}"
                self.tokens.add(key, [list(p) for p in spec.token_patterns], greedy="LONGEST")
                self.token_anchors.extend(pattern_anchors(p) for p in spec.token_patterns)
        # the token Matcher is ten to twenty times slower than the phrase matchers, so it runs
        # only on a passage that holds a word of every required token of some pattern; the
        # phrase matcher finds those words in the same pass as everything else
        words = sorted({w for anchors in self.token_anchors for ws in anchors for w in ws})
        for w in words:
            _add(self.lower, nlp, f"{ANCHOR}{SEP}{w}", [w])
        for design, (_w, pats) in load_design_rules().cues.items():
            _add(
                self.lower,
                nlp,
                f"design{SEP}{design}",
                [v for p in pats for v in expand_variants(p)],
            )
        names = list(gazetteer())
        _add(self.orth, nlp, f"place{SEP}", names)
        # an all-capitals passage ("... MEDICAL STAFF IN MOLDOVA", a shouted title) is matched
        # against country names and demonyms regardless of case; cities and regions stay
        # case-sensitive
        self.shouted = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.country_names: dict[str, str] = {}
        for name, places in gazetteer().items():
            if len(name) >= 4 and places[0].kind in NATION_KINDS:
                self.country_names[name.lower()] = name
        _add(self.shouted, nlp, f"place{SEP}", list(self.country_names.values()))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Span]] = {EV: [], UNITS: [], DESIGN: [], PLACES: []}
        present = _sort_matches(doc, [*self.lower(doc), *self.orth(doc)], found)
        if present and any(all(ws & present for ws in a) for a in self.token_anchors):
            _sort_matches(doc, self.tokens(doc), found)
        if _shouted(doc):
            for _match_id, start, end in self.shouted(doc):
                name = self.country_names[doc[start:end].text.lower()]
                found[PLACES].append(Span(doc, start, end, label="place", kb_id=name))
        doc.user_data[GROUPS] = {
            EV: _resolve_overlaps(found[EV]),
            UNITS: _longest(found[UNITS]),
            DESIGN: _design_spans(found[DESIGN]),
            PLACES: _longest(found[PLACES]),
            CUES: [],
        }
        return doc


def _check_one_token_words(nlp: Language, spec: FactorSpec) -> None:
    """A token pattern compares one token with each word it lists; a word this tokenizer
    splits ("sars-cov-2" is three tokens) could never match, so it is an error (reported at
    the factor's line: the tokenizer is only known once the pipeline is built)."""
    for p in spec.token_patterns:
        for w in sorted(pattern_words(p)):
            n = len(nlp.make_doc(w))
            if n != 1:
                raise LexiconError(
                    f"token pattern word {w!r} of {spec.factor_id!r} is {n} tokens, so it "
                    "never matches",
                    path=str(DATA_DIR / "factors.yaml"),
                    location=f"line {spec.line}" if spec.line else None,
                    hint="list the tokens as tokens of the pattern, or use a phrase form",
                )


def _sort_matches(
    doc: Doc, matches: Sequence[tuple[int, int, int]], found: dict[str, list[Span]]
) -> set[str]:
    """Matches as spans in their groups; returns the words token patterns need that occur."""
    strings = doc.vocab.strings
    present: set[str] = set()
    for match_id, start, end in matches:
        field, _, value = strings[match_id].partition(SEP)
        if field == ANCHOR:
            present.add(value)
        elif field == "sample_unit":
            found[UNITS].append(Span(doc, start, end, label=value))
        elif field == "design":
            found[DESIGN].append(Span(doc, start, end, label=value))
        elif field == "place":
            found[PLACES].append(Span(doc, start, end, label="place", kb_id=doc[start:end].text))
        else:
            found[EV].append(Span(doc, start, end, label=field, kb_id=value))
    return present


def _shouted(doc: Doc) -> bool:
    """An all-capitals passage. Doc.text joins every token, so the first words decide first."""
    seen = 0
    for t in doc:
        if t.is_alpha and len(t) > 1:
            if not t.text.isupper():
                return False
            seen += 1
            if seen == 3:
                return doc.text.isupper()
    return False


def _design_spans(spans: list[Span]) -> list[Span]:
    """Overlapping design cues: the longer wins, and of two as long the one that is not the
    generic survey wording ("qualitative descriptive" over "descriptive study", "surveyed
    again" over "were surveyed")."""
    if len(spans) < 2:
        return spans  # most passages: nothing to resolve
    order = sorted(
        spans, key=lambda s: (-(s.end - s.start), s.label_ == "cross_sectional", s.start)
    )
    kept: list[Span] = []
    for s in order:
        if all(s.end <= k.start or k.end <= s.start for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Longest match wins within a field; across fields a span strictly inside a longer one
    is dropped (``wellbeing`` inside ``Psychological Wellbeing Practitioners``), while
    spans covering the same tokens in different fields are all kept."""
    if len(spans) < 2:
        return spans  # most passages: nothing to resolve
    by_field: dict[str, list[Span]] = {}
    for s in spans:
        by_field.setdefault(s.label_, []).append(s)
    kept: list[Span] = []
    for group in by_field.values():
        kept.extend(filter_spans(group))
    kept.sort(key=lambda s: (-(s.end - s.start), s.start))
    out: list[Span] = []
    for s in kept:
        inside = any(
            o.start <= s.start and s.end <= o.end and (o.end - o.start) > (s.end - s.start)
            for o in out
        )
        if not inside:
            out.append(s)
    out.sort(key=lambda s: (s.start, s.end, s.label_))
    return out


class ContextAnnotator:
    """Finds cue phrases and records, for every value span, whether it is negated or hedged,
    the polarity word that modifies it and the effect direction its sentence states."""

    def __init__(self, nlp: Language, name: str, window: int) -> None:
        self.name = name
        self.window = window
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue in load_cues():
            if cue.kind == "citation_regex":
                continue
            _add(
                self.matcher,
                nlp,
                f"{cue.kind}{SEP}{cue.sign}",
                [v for p in cue.patterns for v in expand_variants(p)],
            )

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        cues: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            kind, _, sign = strings[match_id].partition(SEP)
            cues.append(Span(doc, start, end, label=kind, kb_id=sign))
        g = groups(doc)
        g[CUES] = cues
        values = g[EV]
        if not values:
            return doc  # the cues are all a passage without values needs
        by_kind: dict[str, list[Span]] = {}
        for c in cues:
            by_kind.setdefault(c.label_, []).append(c)
        outcomes = [s for s in values if s.label_ == "outcome"]
        factors = [s for s in values if s.label_ == "factor"]
        pseudo = [(c.start, c.end) for c in by_kind.get("pseudo_negation", [])]
        pseudo += [
            (c.start, c.end) for c in by_kind.get("effect", [])
        ]  # "didn't care" states an effect
        # a negation word inside a factor's own words ("having no children") is part of
        # that factor, and negates nothing around it
        pseudo += [(f.start, f.end) for f in factors]
        negs = [
            c
            for c in by_kind.get("negation", [])
            if not any(ps <= c.start < pe for ps, pe in pseudo)
        ]
        # "protective" in "personal protective equipment", "help" in "help-seeking"
        not_effects = [(c.start, c.end) for c in by_kind.get("pseudo_effect", [])]
        polarity = _longest(by_kind.get("polarity", []))
        # effects: a polarity/causal cue followed closely by an outcome states a direction
        # (token position, sign: -1 risk, +1 protective, the cue's words)
        # and, for an effect read from an outcome, where that outcome ends (else -1)
        effects: list[tuple[int, int, str, int]] = []
        # the cue closest before an outcome decides ("associated with lower burnout")
        for o in outcomes:
            # a cue inside a factor, or with a factor between it and the outcome, modifies
            # that factor ("lack of PPE, burnout"); it says nothing of the outcome
            before = [
                c
                for c in polarity
                if c.end <= o.start
                and o.start - c.end <= self.window
                and not any(c.start < f.end and f.end <= o.start for f in factors)
            ]
            if before:
                cue = max(before, key=lambda c: c.end)
                valence = 1 if o.kb_id_ in GOOD_OUTCOMES else -1
                effects.append((cue.start, int(cue.kb_id_) * valence, cue.text.lower(), o.end))
        for cue in by_kind.get("effect", []):
            if any(f.start <= cue.start < f.end for f in factors):
                continue  # "coping" inside "negative coping" is the factor, not its effect
            if any(ps <= cue.start < pe for ps, pe in not_effects):
                continue
            effects.append((cue.start, int(cue.kb_id_), cue.text.lower(), -1))
        # burnout as the cause: outcome ... causal cue ... mention
        causal_after_outcome = [
            c.end
            for c in by_kind.get("causal", [])
            if any(o.end <= c.start and o.kb_id_ != "turnover" for o in outcomes)
        ]
        hedges = by_kind.get("hedge", [])
        mods = _modifiers(factors, polarity)
        for span in values:
            ctx: dict[str, Any] = {
                "negated": _near(negs, span, self.window),
                "hedged": bool(hedges),
                "modifier": 0,
                "effect": 0,
                "caused_by_outcome": False,
            }
            if span.label_ == "factor":
                if not ctx["negated"] and negs:
                    ctx["negated"] = _null_finding(span, negs, [e[0] for e in effects])
                ctx["modifier"] = mods.get((span.start, span.end), 0)
                near = [
                    e
                    for e in effects
                    if abs(e[0] - span.start) <= _EFFECT_REACH
                    and _same_clause(doc, span, e[0], factors)
                    and not _listed_after(doc, span, e[3])
                ]
                if near:
                    nearest = min(near, key=lambda e: abs(e[0] - span.start))
                    ctx["effect"] = nearest[1]
                    ctx["effect_cue"] = nearest[2]
                ctx["caused_by_outcome"] = any(end <= span.start for end in causal_after_outcome)
            span._.ev_ctx = ctx
        return doc


_EFFECT_REACH = 40  # tokens: an effect stated further away is about something else
# words that can state what an outcome named earlier goes with ("higher burnout was
# associated with X", "burnout among those with X", "stress due to X")
_LINK_AFTER_OUTCOME = {
    "was", "were", "is", "are", "be", "been", "among", "with", "due", "because", "by",
    "include", "includes", "included", "including", "associated", "related", "linked",
    "predicted", "explained", "than", "when", "if", "in", "for", "from", "after", "as",
    "caused", "owing", "regarding", "following", "where", "who",
}  # fmt: skip


def _listed_after(doc: Doc, span: Span, outcome_end: int) -> bool:
    """A factor that only follows an outcome in a list ("strong emotions and stress, the
    fulfillment of basic needs, social support, ...") is not what the outcome's cue is
    about: no word between them links the two."""
    if outcome_end < 0 or outcome_end > span.start:
        return False
    return not any(t.lower_ in _LINK_AFTER_OUTCOME for t in doc[outcome_end : span.start])


_CLAUSE_BREAK = {"while", "whereas", "but", "however", "although", "though", ";"}
_CLAUSE_VERB = {"can", "could", "may", "might", "reduce", "reduces", "reduced", "limit", "limits"}


# ", and described peer support as protective", ", and that supervision buffers it": a new
# predicate after a comma and "and" starts a clause of its own
_NEW_PREDICATE = {
    "that", "described", "reported", "identified", "found", "named", "cited", "perceived",
    "viewed", "considered", "rated", "mentioned", "highlighted", "emphasised", "emphasized",
    "valued", "regarded", "saw",
}  # fmt: skip


def _new_predicate(doc: Doc, i: int) -> bool:
    """Whether token ``i`` begins ", and <verb>" (the comma at ``i``)."""
    return (
        doc[i].text == ","
        and i + 2 < len(doc)
        and doc[i + 1].lower_ == "and"
        and doc[i + 2].lower_ in _NEW_PREDICATE
    )


def _same_clause(doc: Doc, span: Span, cue_pos: int, factors: list[Span]) -> bool:
    """An effect belongs to a factor in its own clause: "X was linked to higher burnout,
    while Y was protective" gives X and Y one direction each, and in "high caseloads reduce
    the time for self-care, essential for preventing burnout" the effect is self-care's."""
    if cue_pos < span.start:
        between = doc[cue_pos : span.start]
        return not any(t.lower_ in _CLAUSE_BREAK or _new_predicate(doc, t.i) for t in between)
    between = doc[span.end : cue_pos]
    for t in between:
        if t.lower_ in _CLAUSE_BREAK or _new_predicate(doc, t.i):
            return False
        if t.lower_ in _CLAUSE_VERB and any(
            t.i < f.start < cue_pos and f.start >= span.end for f in factors
        ):
            return False
    return True


def _longest(spans: list[Span]) -> list[Span]:
    """spaCy's ``filter_spans``, without its sorting for the many lists of one span or none."""
    return filter_spans(spans) if len(spans) > 1 else spans


def _next_span(spans: list[Span], pos: int, window: int) -> Span | None:
    best = None
    for s in spans:
        if pos <= s.start <= pos + window and (best is None or s.start < best.start):
            best = s
    return best


_NULL_WORDS = ("associat", "differ", "correlat", "relat", "significant")
_GROUPED_BY = {"between", "by", "among", "across", "according", "whether"}


def _null_finding(span: Span, negs: list[Span], effect_starts: list[int], reach: int = 25) -> bool:
    """A factor in a null result stated across its clause: "Marital status, whether to work on
    the front line, and training were not associated with anxiety"; "there was no difference
    in scores between nurses whether they worked on the front line"."""
    doc = span.doc
    for c in negs:
        if not any(w in c.text.lower() for w in _NULL_WORDS):
            continue
        if span.end <= c.start <= span.end + reach:
            between = doc[span.end : c.start]
            if not any(t.lower_ in _CLAUSE_BREAK for t in between) and not any(
                span.end <= e < c.start for e in effect_starts
            ):
                return True
        elif c.end <= span.start <= c.end + reach:
            between = doc[c.end : span.start]
            if any(t.lower_ in _GROUPED_BY for t in between) and not any(
                t.lower_ in _CLAUSE_BREAK for t in between
            ):
                return True
    return False


def _near(cues: list[Span], span: Span, window: int) -> bool:
    for c in cues:
        # before the span: "no association between workload and ..."; after it, only close
        # by: "workload was not associated with ..."
        if span.start - window <= c.end <= span.start:
            if not any(t.lower_ in _CLAUSE_BREAK for t in span.doc[c.end : span.start]):
                return True  # "not associated with burnout, but workload was": a new clause
        elif span.end <= c.start <= span.end + 2:
            return True
    return False


_GAP_WORDS = {
    "the",
    "a",
    "an",
    "their",
    "its",
    "of",
    "for",
    "to",
    "-",
    "more",
    "greater",
    "provider",
    "providers",
    "staff",
}
# "decreased trust in leadership", "low confidence in management"
_TRUST_IN = {"trust", "confidence", "faith"}
# what a polarity word can quantify on a factor's behalf
_ACCESS_TO = {"opportunities", "opportunity", "access", "availability", "chances", "options"}
_CONJ = {"and", "or", ",", "/", "&"}
# a decline stated right after the factor: "their ability to connect with colleagues decreased"
_DECLINED_AFTER = {
    "decreased", "declined", "diminished", "deteriorated", "dropped", "fell", "disrupted",
    "interrupted", "suspended", "cancelled", "canceled", "curtailed", "postponed",
}  # fmt: skip
# what staff worry about is a risk whichever end of it the form names ("worries regarding the
# peer relationship", "concerns about infection risk")
_WORRY_CUES = frozenset(
    {"worries regarding", "worries about", "worry about", "worried about", "concerns about",
     "concerns regarding", "concern about", "fear for"}
)  # fmt: skip
_AUXILIARY = {"was", "were", "has", "have", "had", "also", "further", "significantly", "greatly"}


def _gap(tokens: Span) -> bool:
    """Words a polarity word can reach a factor across: two function words ("lack of the"),
    "trust in", or what gives access to the factor ("(of) access to", "opportunities for")."""
    words = [t.lower_ for t in tokens]
    # "limited opportunities for professional development", "lack of access to": only an
    # access phrase spans three words
    access = words[1:] if len(words) == 3 and words[0] == "of" else words
    if len(access) == 2 and access[0] in _ACCESS_TO and access[1] in {"for", "to", "of"}:
        return True
    if len(words) == 2 and words[0] in _TRUST_IN and words[1] == "in":
        return True
    return len(words) <= 2 and all(w in _GAP_WORDS for w in words)


def factor_id(span: Span) -> str:
    """The canonical factor id of a factor span (its kb_id is "factor_id<TAB>valence")."""
    return span.kb_id_.partition(SEP)[0]


def factor_valence(span: Span) -> int:
    """The valence of a factor span's surface form (its kb_id is "factor_id<TAB>valence")."""
    v = span.kb_id_.partition(SEP)[2]
    return int(v) if v else 0


def _modifiers(factors: list[Span], polarity: list[Span]) -> dict[tuple[int, int], int]:
    """Sign of the polarity word directly before each factor ('lack of autonomy', 'reducing
    administrative burdens'); a factor coordinated with a modified one shares its modifier
    ('barriers to collaboration and skill development') unless it carries its own negation
    or names the bad end itself ('inadequate leadership support and inequity': inequity is
    not inadequate)."""
    out: dict[tuple[int, int], int] = {}
    prev: Span | None = None
    polarity = sorted(polarity, key=lambda c: c.start)  # an outer cue before an inner one
    for span in sorted(factors, key=lambda f: (f.start, -f.end)):
        doc = span.doc
        sign = 0
        outer: Span | None = None
        for cue in polarity:
            if (
                cue.end <= span.start
                and span.start - cue.end <= 3
                and _gap(doc[cue.end : span.start])
            ):
                if outer is not None and outer.end <= cue.start:
                    # "lack of improved access to": the outer word turns the inner one
                    sign *= int(cue.kb_id_)
                else:
                    sign = int(cue.kb_id_)
                outer = cue
                if cue.text.lower() in _WORRY_CUES and factor_valence(span) < 0:
                    sign = 1  # "worries about infection": the feared thing is the risk
        if (
            sign == 0
            and prev is not None
            and not NEGATIVE_WORDS.search(span.text)
            and factor_valence(span) >= 0
        ):
            gap = doc[prev.end : span.start]
            if 0 < len(gap) <= 2 and all(t.lower_ in _CONJ for t in gap):
                sign = out.get((prev.start, prev.end), 0)
        if sign == 0:
            for t in doc[span.end : span.end + 6]:
                if t.lower_ in _DECLINED_AFTER or (
                    # "training programmes were negatively affected", "... negatively or very
                    # negatively affected" (not "negatively associated with burnout", which
                    # is an effect)
                    t.lower_ in {"negatively", "adversely"}
                    and any(x.lower_ in {"affected", "impacted"} for x in doc[t.i + 1 : t.i + 5])
                ):
                    sign = -1
                    break
                if t.lower_ not in _AUXILIARY:
                    break
        out[(span.start, span.end)] = sign
        prev = span
    return out


@Language.factory("evidence_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, name)


@Language.factory("evidence_context", default_config={"window": 5})
def make_context(nlp: Language, name: str, window: int) -> ContextAnnotator:
    return ContextAnnotator(nlp, name, window)
