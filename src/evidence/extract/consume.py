"""Turn processed spaCy Docs (one per passage) into ExtractedValue records.

``docs_to_values`` is the one place spaCy objects become records (medspaCy's doc_consumer
is the model); nothing spaCy leaves this module. Document-level decisions (one design,
one number per sample field, place disambiguation, list frames in long texts) are made
here because they need every sentence of the document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from spacy.lang.de.stop_words import STOP_WORDS as _DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP
from spacy.lang.es.stop_words import STOP_WORDS as _ES_STOP
from spacy.lang.fr.stop_words import STOP_WORDS as _FR_STOP
from spacy.lang.it.stop_words import STOP_WORDS as _IT_STOP
from spacy.lang.nl.stop_words import STOP_WORDS as _NL_STOP
from spacy.lang.pt.stop_words import STOP_WORDS as _PT_STOP
from spacy.tokens import Doc, Span, Token

from evidence.extract.components import (
    ABBREVIATED,
    CUES,
    DESIGN,
    EV,
    PLACES,
    UNITS,
    factor_id,
    factor_valence,
    groups,
    long_form,
)
from evidence.extract.lexicon import (
    DESIGNS,
    DesignRules,
    FactorSpec,
    PlaceRules,
    load_cues,
    load_design_rules,
    load_factor_specs,
    load_lexicon,
    load_place_rules,
)
from evidence.extract.numbers import (
    GROUP_SEP,
    N_EQUALS,
    NUMBER_WORDS,
    WORD_NUMBER,
    Number,
    find_numbers,
    parse_word_number,
)
from evidence.extract.places import (
    Place,
    country_population,
    gazetteer,
    given_names,
    is_given_name,
    resolve,
)
from evidence.extract.segment import GLUED_LABELS
from evidence.records import Document, ExtractedValue, Passage

LIST_FIELDS = (
    "data_collection",
    "analysis",
    "software",
    "care_setting",
    "population",
    "outcome",
    "instrument",
)
METHOD_FIELDS = {"data_collection", "analysis", "software"}
SAMPLE_FIELDS = {
    "participants": "n_participants",
    "interviews": "n_interviews",
    "focus_groups": "n_focus_groups",
    "sites": "n_sites",
}
SKIP_SECTIONS = {"references"}
NO_PLACE_SECTIONS = {"references", "front_matter"}
BURNOUT_FAMILY = {
    "burnout",
    "compassion_fatigue",
    "secondary_traumatic_stress",
    "vicarious_trauma",
    "moral_injury",
    "moral_distress",
}
_HEADING_NUM = re.compile(r"^\s*(?:#+\s*)?(?:\d{1,2}[.)]\s+)?")
# the decimal part of a percentage: "16.31%", "95,83%", "81·5%", and "81 5%" where an export
# lost the decimal point (two bare numbers side by side before "%" are never two numbers)
_DECIMAL = r"(?:[.·]\d+|,\d{1,2}(?!\d)| \d{1,2}(?=\s?%))"
_PCT = r"(\d{1,3}" + _DECIMAL + r"?)\s?(?:%|per ?cent\b)"
_PERCENT = re.compile(_PCT)


def _pct_value(text: str) -> float:
    """The value of a percentage matched by ``_PERCENT`` (``_PCT`` in a larger pattern)."""
    return float(re.sub(r"[,· ]", ".", text))


_TOOK_PART_VERB = (
    r"(?:responded|completed|completing|returned|consented|participated|took part|"
    r"were collected|were returned|were completed|were analy[sz]ed)"
)
_RATE_NOUN = (
    r"(?:response|participation|completion|answering|return|recovery|retrieval) (?:rates?|ratio)"
)
_RESPONSE_RATE = (
    # "response rate was 16.31%", "response rate for the study was", "(response rate, 97.3%)",
    # "a participation rate of 68.7%"
    # ("recovery rate" and "retrieval rate": how questionnaires handed out came back)
    re.compile(
        rf"{_RATE_NOUN}\s*(?:for|of|in) (?:the|this|our) (?:study|surveys?|questionnaires?)\s*"
        rf"(?:was|were|of|:|=|is)?\s*{_PCT}"
        rf"|{_RATE_NOUN}\s*(?:was|were|of|:|=|is|reached|,|being)?\s*"
        r"(?:approximately|about|around)?\s*(?:\d[\d,]*\s*(?:of|out of|/)\s*\d[\d,]*\s*)?\(?\s*"
        + _PCT
        # "412 responses (RR = 45.8%)", "returned by 45.8% of the nurses"
        + r"|\bRR\s*[=:]\s*"
        + _PCT
        + r"|\b(?:returned|completed|answered) by\s+"
        + _PCT
        + r"\s+of\b",
        re.I,
    ),
    # "a 47% response rate", "47% of those invited responded", "with 47% responding"
    re.compile(
        _PCT
        # "Nearly half (45.8%) of invited nurses responded", "45.8% (412/900) of those invited"
        + r"\s*(?:\)?\s*(?:\(\s*\d[\d,]*\s*/\s*\d[\d,]*\s*\)\s*)?"
        r"of (?:those |the |all )?(?:invited|eligible|contacted|approached|surveyed)"
        r"(?: [\w-]+){0,2} )?"
        r"(?:response rate|responded|responding|completed|returned|\(?response|participation\b)",
        re.I,
    ),
    # "Responses were received from 234 of 500 (47%) nurses", "answered by 412 of 980
    # invited nurses (42%)", "we received 234 responses (47%)"
    re.compile(
        r"(?:responses? (?:were |was )?received from|answered by|completed by|returned by)\s+"
        r"\d[\d,]*\s*(?:of|out of|/)\s*\d[\d,]*[\w -]{0,30}?\(\s*" + _PCT + r"\s*\)"
        r"|\d[\d,]*\s+(?:valid\s+|usable\s+|completed?\s+)?(?:responses|replies)"
        # "412 usable responses were received (45.8%)"
        r"(?:\s+(?:were|was)\s+(?:received|returned|obtained|collected))?\s*\(\s*"
        + _PCT
        + r"\s*\)",
        re.I,
    ),
    re.compile(
        r"(?:responded|returned|completed)[^.;,\d]{0,30}?\(\s*" + _PCT + r"\s*\)",
        re.I,
    ),
    # who took part out of those asked: "222 (of 1,375, 16.2%) physician trainees",
    # "682/1950 (35% of invited) individuals responded", "796 (90%) completing the survey",
    # "402 of them (93.5%) were collected", "Of 255 nurses, 171 (67.1%) consented"
    re.compile(r"\d[\d,]*\s*\(\s*of\s+\d[\d,]*\s*[,;]\s*" + _PCT + r"\s*\)", re.I),
    re.compile(
        r"\d[\d,]*\s*(?:/|out of|of)\s*(?:the\s+|them\s+)?\d*[\d,]*\s*[\w -]{0,30}?\(\s*"
        + _PCT
        + r"(?:\s*of (?:invited|those invited|eligible))?\s*\)\s*(?:[\w-]+\s+){0,3}?"
        + r"(?:respondents\b(?!\s+(?:reported|had|were|showed|met|screened|scored|experienced|"
        + r"endorsed|described|felt|rated))|"
        + _TOOK_PART_VERB
        + ")",
        re.I,
    ),
    re.compile(r"\d[\d,]*\s*\(\s*" + _PCT + r"\s*\)\s*" + _TOOK_PART_VERB, re.I),
    # "412 (82.4%) of the 500 invited nurses completed the survey", "we received 300 responses
    # from 850 invited physicians (35%)"
    re.compile(
        r"\d[\d,]*\s*\(\s*"
        + _PCT
        + r"\s*\)\s*of\s+(?:the\s+|all\s+)?\d[\d,]*\s+[\w -]{0,40}?"
        + _TOOK_PART_VERB
        + r"|\breceived\s+\d[\d,]*\s+(?:valid\s+|completed?\s+)?(?:responses|replies|questionnaires|"
        r"surveys)\s+(?:from|out of)\s+(?:the\s+|all\s+)?\d[\d,]*[\w -]{0,40}?\(\s*"
        + _PCT
        + r"\s*\)",
        re.I,
    ),
)
# a treatment's response ("objective response rate was 48%", "ACR20 response rates were
# 74.1%", "44% had a complete response") or words that only look like taking part ("completed
# suicide", "41% responded that they were burned out", "90.5% returned to their sport")
_CLINICAL_RESPONSE = re.compile(
    r"\b(?:objective|complete|partial|clinical|treatment|virolog\w*|tumou?r|patholog\w*|"
    r"haematolog\w*|hematolog\w*|cytogenetic|molecular|therapeutic|ACR\s?\d+)\s+response\b|"
    # not "412 complete responses (45%)", a survey's usable replies
    r"\bACR\s?\d{2}\b|\b(?:complete|partial) (?:remission|response)\b",
    re.I,
)
_NOT_TAKING_PART = re.compile(r"\b(?:completed suicide|responded that|returned to)\b", re.I)


_SUM_CUE = re.compile(
    r"\b(?:consist(?:ed|ing) of|compris(?:ed|ing)(?: of)?|composed of|made up of|"
    r"(?<=sample )includ(?:ed|es))\b",
    re.I,
)
# a count the analysis used, after a larger one in the same sentence
_ANALYSED_AFTER = re.compile(
    r"(?:,|;|\band|\bof (?:which|whom|these|them))\s+(?P<n>\d[\d,]*)\s+(?:\w+\s+){0,2}?"
    r"(?:were|was)\s+(?:complete\s+and\s+|fully\s+)?(?:analy[sz]ed|included in the (?:final )?"
    r"analys[ie]s|retained (?:in|for) (?:the )?(?:final )?analys[ie]s)\b",
    re.I,
)
_EXCLUDED_BEFORE = re.compile(r"\b(?:excluding|excluded|except|removing|removed|without)\s+$", re.I)
_SAMPLE_WORD = re.compile(
    r"\b(?:sample|participants|respondents|responders|completers|cohort|interviewees)\b", re.I
)
# a sentence that opens on the people it then describes: "Of 145 hospitalized patients with
# COVID-19, the average age was 47.5", "Among the 95 patients, 58 cases exhibited GI symptoms"
# (after a structured abstract's label, "RESULTS: Of the 30 patients, ...")
_OF_OPENER = re.compile(
    r"^\s*(?:[A-Z][A-Za-z ]{0,30}:\s*)?(?:Of|Among)\s+(?:the\s+|all\s+|these\s+)?$"
)
# ... with its number: the quick test that lets such a sentence be read for counts at all
_OF_OPENER_NUMBER = re.compile(_OF_OPENER.pattern.removesuffix("$") + r"\d")
_TOTAL_BEFORE = re.compile(
    r"(?:\btotal of|\btotal|\boverall|\bsample of|\bsample size of|\bsample size (?:used )?was|"
    r"\bsample included|\bsample comprised|\bsample consist(?:s|ed) of)\s*$",
    re.I,
)
_PAREN_AFTER = re.compile(
    r"\s?\((?:(?:of|out of|from)\s[^()]{1,40}|\d[\d.,]*\s?%[^()]{0,30})\)\s?", re.I
)
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*"
    r"(?:\d{1,2}(?:\s?[-–]\s?\d{1,2})?(?:st|nd|rd|th)?,?\s*)?$"
    r"|\b(?:in|since|from|to|until|between|and|of|during)\s*$"
    # "in Spring 2020 of 3,708 individuals", "by late 2020"
    r"|\b(?:spring|summer|autumn|fall|winter|early|late|mid-?)\s*$",
    re.I,
)
_STUDY_VERB = (
    r"\b(?:included|recruited|surveyed|enrolled|interviewed|involved|studied|analy[sz]ed|"
    # "The survey was completed by 714 participants"
    r"comprised|sampled|(?:completed|answered|filled (?:in|out)|returned|taken) by|"
    # "in a German sample of 210 parents", "interviews with 24 care leavers"
    r"sample of|interviews? (?:were )?(?:conducted |held )?with|"
    # "This study describes the data for the 632 rural participants", "Data from 724 patients
    # ... were analyzed"
    r"data (?:for|from|on)(?: the)?|"
    # "a double-blind, randomized study was performed in 90 children"
    r"(?:study|trial|survey|research|investigation|screening) (?:was |is )?(?:performed|"
    r"conducted|carried out|undertaken) (?:in|on|among)|"
    # "we conducted a prospective study of 96 patients with mucormycosis", "a survey of 1,000
    # Americans": the study's own people, named by the study they make up
    r"(?:study|survey|trial|investigation|analysis) (?:of|among|involving)|"
    # "Self-report data were analyzed from 3099 adolescents", "with the participation of 40
    # pregnant women", "In our study, 94 patients with confirmed infection were admitted"
    r"(?:analy[sz]ed|collected|obtained|gathered) from|participation of|"
    r"in (?:our|this|the present|the current) study,|"
    # "we obtained informed consents from 146 women"
    r"consents? (?:was |were )?(?:obtained |received )?from)\s+"
    r"(?:a total of\s+|all\s+)?"
)
_VERB_BEFORE = re.compile(_STUDY_VERB + "$", re.I)  # "We included 66 health staff"
# "We included 141 psychiatrists and 170 nurses": the study's own sample, not a subgroup list
# ("Physicians included 274 anesthesiologists and 49 others" is one)
_STUDY_VERB_BEFORE = re.compile(
    r"\b(?:we|study|sample|survey|participants|respondents)\s+(?:\w+\s+)?"
    r"(?:included|recruited|enrolled|surveyed|interviewed)\s+(?:a total of\s+|all\s+)?$",
    re.I,
)
_TOOK_PART = {
    "analyzed",
    "analysed",
    "were analyzed",
    "were analysed",
    "completed",
    "completing",
    "completed the survey",
    "responded",
    "returned",
    "answered",
    "replied",
    "participated",
    "took part",
    "responding",
    "providing a response",
    "providing responses",
    "provided a response",
    "provided responses",
}
# "24 of the 48 invited", "182 out of 455": the second number is the sampling frame
_DENOM_BEFORE = re.compile(
    # (not a year: "in Spring 2020 of 3,708 individuals")
    r"(?:(?<!\b(?:19|20)\d)\d\s+of(?: the)?|\d\s*/|\d\s+out of|\bfrom a pool of|\bpopulation of)\s*$",
    re.I,
)
# "182 out of 455 respondents", "682/1950": the first number is the sample
_OUT_OF_AFTER = re.compile(r"\s*(?:out of|of(?: the)?|/)\s*(\d[\d,]*)\b(?!\s?%)", re.I)
# "Of the 255 nurses, 171 (67.1%) consented": the number after the comma is the sample
_OF_FRAME = re.compile(
    r"^\s*(?:Of|Among|Out of)\s+(?:the\s+|all\s+)?(?P<frame>\d[\d,]*)\b[^,;]{0,80},\s*(?P<n>\d[\d,]*)\s*"
    r"(?:\([^()]{0,20}\)\s*)?(?:\w+\s+){0,2}?(?:completed|consented|responded|returned|"
    r"participated|agreed|took part|were included|were analy[sz]ed|filled|answered|replied|"
    r"provided)",
)
# who took part out of those asked, anywhere in a sentence: "412 (82.4%) of the 500 invited
# nurses completed the survey", "We received 300 responses from 850 invited physicians"
_SHARE_OF_FRAME = re.compile(
    r"\b(?P<n>\d[\d,]*)\s*\(\s*\d{1,3}(?:[.,]\d+)?\s?%\s*\)\s*of\s+(?:the\s+|all\s+)?"
    r"(?P<frame>\d[\d,]*)\s+[^.;()]{0,60}?\b(?:completed|responded|returned|participated|"
    r"took part|agreed|consented)\b"
    r"|\breceived\s+(?P<n2>\d[\d,]*)\s+(?:valid\s+|completed?\s+)?(?:responses|replies|"
    r"questionnaires|surveys)\s+(?:from|out of)\s+(?:the\s+|all\s+)?(?P<frame2>\d[\d,]*)\b",
    re.I,
)
# what a count right before a sample verb can count that is no people ("244 samples were
# collected")
_THINGS_COUNTED = frozenset(
    {"samples", "specimens", "swabs", "articles", "papers", "studies", "records", "tweets",
     "posts", "items", "documents", "images", "scans", "photographs", "sequences", "genomes",
     "genes", "compounds", "molecules", "cells", "messages", "comments", "emails", "reports",
     "instances"}
)  # fmt: skip
_FRAME_VERBS = {
    "invited",
    "contacted",
    "approached",
    "emailed",
    "e-mailed",
    "mailed",
    "targeted",
    "distributed",
    "were sent",
    "was sent",
}
# Numbers that count something other than people: "divided into three groups", "groups of 3
# doctors", "every two in five HCWs", "at least 5 participants per month", "COVID 19
# positive persons", "2019-nCoV", "12-item"
# "Fourteen interviewees reported increased job satisfaction", "8 (42%) agreed": the count
# of those who answered one way, a finding about part of the sample
_ANSWERED_AFTER = re.compile(
    r"\s*(?:\(\s*\d[\d.]*\s*%\s*\)\s*)?(?:also\s+)?(?:reported|agreed|stated|described|said|felt|"
    r"expressed|noted|indicated|endorsed|rated|perceived|believed|mentioned|preferred|wanted|"
    r"considered|disagreed|identified|acknowledged|admitted)\b",
    re.I,
)
_NOT_A_COUNT_AFTER = re.compile(
    r"-[A-Za-z]|\s+(?:groups?|categories|clusters|waves|phases|rounds|times|levels|"
    r"subgroups|strata|dimensions|domains|themes|factors|items|questions)\b"
    r"|\s+(?:independent\s+|trained\s+)?(?:researchers|authors|investigators|reviewers|coders|"
    r"raters|assessors|facilitators|(?:project|research|study)\s+team\s+members)\b"
    r"|\s+in\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_PEOPLE_NEXT = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:professionals|workers|participants|respondents|nurses|physicians|"
    r"doctors|residents|people|persons|individuals|subjects|patients|employees|staff|students)\b",
    re.I,
)
_SHARE_BEFORE = re.compile(
    r"\b(?:majority|most|half|minority|proportion|percentage|share|rest|remainder)\s+of\s+"
    r"(?:the\s+|our\s+|these\s+|all\s+)?$",
    re.I,
)
# a share right after the count, inside its parenthesis: "(N=3,949, 65.8%)"
_PERCENT_NEXT = re.compile(r"\s*[,;]\s*\d{1,3}(?:[.,·]\d+)?\s?%")
_SHARE_OF_AFTER = re.compile(r"\s*\)?\s*of (?:the|all|our|these|those)\b", re.I)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\bcovid|\bsars-cov|\bdisease|\bncov|\bgroups of|\binto|\bat least|\bup to|"
    # "sample sizes ranged between 37 and 1257 participants": the studies a review pooled
    r"\brang(?:ed|ing|es?)\s+(?:from|between)(?:\s+\S+\s+(?:and|to))?|"
    r"\bno more than|\bmaximum of|\bminimum of|[A-Za-z]-"
    # "several thousand healthcare workers have been infected": no count of anyone studied
    r"|\bseveral|\ba few|\bmany|\b(?:tens|hundreds|thousands) of"
    r"|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+in"
    # "rates per 100 000 persons": the denominator of a rate
    r"|\bper"
    # "feedback from more than 40 clinicians": no exact count (GUIDELINES: participants)
    r"|\bmore than|\bfewer than|\bless than|\bnearly|\balmost|\bapproximately|\broughly"
    r"|\bover|\bin excess of|\bupwards of"
    r"|\baround"
    # "SPSS version 25", "Epi Info version 6.0", "SPSS v.22": a software release
    r"|\bversion|\bver\.|\bv\.|\brelease)[\s-]*$",
    re.I,
)
_HYPOTHETICAL = re.compile(r"\bwould (?:require|need|mean|cost)\b", re.I)
_SAMPLE_OF_GROUPS = re.compile(r"\bsample (?:of|comprised|consisted of|included)\b", re.I)
# "(n = 294; ...) and non-SMYAs (": a second group, not a second time ("before (N=1719) and
# after (n=738)")
_GROUP_AND = re.compile(
    r"^[^()]*\)\s*and\s+(?!(?:after|before|post|pre|at|during|follow|baseline|wave)\b)"
    r"[^().;]{1,40}\($",
    re.I,
)
# the people counted took part: "412 eligible nurses were included", "... participated"
_TOOK_PART_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:were|was)\s+(?:finally\s+|eventually\s+)?"
    r"(?:included|enrolled|analy[sz]ed|recruited|randomi[sz]ed)|participated|took part|"
    r"completed|consented|responded)\b",
    re.I,
)
# a size per group, not a sample: "(n = 8/group)", "(n = 20 per arm)", "(n = 6 each)"
_PER_GROUP_AFTER = re.compile(
    r"\s*(?:/\s*(?:group|arm|treatment|condition|cell)\b|per\s+(?:group|arm|condition|cell)\b|"
    r"(?:in\s+)?each\b)",
    re.I,
)
# a count whose own clause says it was randomised: "114 randomized nurses", "114 nurses were
# randomized"
_RANDOMISED_CLAUSE = re.compile(r"[^,;()]{0,40}?\brandomi[sz]ed\b", re.I)
_ALLOCATED = re.compile(
    # "randomly assigned in a 1:1 ratio to", "randomized 1:1 to"
    r"\b(?:allocated|assigned|randomi[sz]ed|divided)\s+(?:[\w:]+\s+){0,4}?(?:to|into)\b",
    re.I,
)
_RATE_AFTER_UNIT = re.compile(
    r"^\s*(?:(?:per|each|a)\s+(?:month|week|day|site|year|session)\b|(?:from|at|in|for) each\b|"
    # "We recruited 2 participants from each hospital": a count per unit, not the sample
    r"per\s+(?:hospital|site|unit|ward|practice|cent(?:re|er)|institution|clinic|team|"
    r"department|country|group)\b)",
    re.I,
)
# "160 frontline and 146 non-frontline healthcare providers": the unit of the second number
# (the words between are modifiers, not a plural noun: "Five cases and 24 participants")
_COORD_AFTER = re.compile(
    r"\s+(?:[\w-]*[^\Ws]\s+|[\w-]*ss\s+){1,2}?(?:and|or)\s+(\d[\d,]*|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)
# "The number of participants recruited was 306", "The response rate was 126 of 318 (40%)"
_NUMBER_WAS = re.compile(
    r"\b(?:total )?number of (?:[\w-]+\s+){0,2}?(?P<unit>participants|respondents|subjects|"
    r"interviews|focus groups|sites)\b[^.;]{0,30}?\b(?:was|were|is)\s+(?P<n>\d[\d,]*)\b(?!\s?%)"
    r"|\bresponse rate (?:was|of)\s+(?P<responded>\d[\d,]*)\s*(?:of|out of|/)\s*\d",
    re.I,
)
# what lies between two counts that name parts of one sample: "160 frontline and 146"
_JOINED_BY_AND = re.compile(r"^[^.;,()]{0,60}\band\s*$")
_ONE_OF_THE = re.compile(r"\b(?:one|two|three|\d+) of the\b", re.I)
_ONE_OF_BEFORE = re.compile(r"\b(?:in|at|from) one of (?:the|its|their)\s+$", re.I)
# a plural noun just before "(N = 50)": "Providers (N=50) completed a survey"
_PEOPLE_BEFORE_N = re.compile(r"\b[A-Za-z][a-z]+s\s*\(\s*$")
# "a cross-sectional survey in May-June 2020 (N=467)", "survey data with an embedded vignette
# experiment (collected in August 2020; n = 5,000)": the survey's own size
_SURVEY_BEFORE_N = re.compile(r"\bsurvey\b[^.;()]{0,90}\([^()]{0,40}$", re.I)
_UNIT_KIND = {
    "respondents": "participants",
    "subjects": "participants",
    "focus groups": "focus_groups",
}
_SUBGROUP_BEFORE = re.compile(
    r"\b(?:including|includ(?:ed|es)|of whom|of which|among them|among whom)\b[^.;]{0,60}$",
    re.I,
)
# "Of the respondents, 553 (77.4%) answered ...": a share of a sample counted elsewhere
_OF_THE_SAMPLE_BEFORE = re.compile(
    r"(?:^|[.;]\s*)(?:of|among)\s+(?:the|these|all|our|those)\s+(?:\w+\s+)?(?:respondents|"
    r"participants|subjects|interviewees|sample)\s*,?\s*$",
    re.I,
)
# "19 and 24 students": a count joined to the next one, whose unit they share (not a range,
# an age or a share: "between 19 and 24", "aged 25 and 30", "10% and 20 nurses")
_TWO_COUNTS_BEFORE = re.compile(
    r"(?<!between )(?<!aged )(?<!from )(?<!ages )(?<![\w.,%-])(\d{1,3}(?:,\d{3})*|\d+)\s+and\s+$",
    re.I,
)
# "Of 37 clinicians with education debt, ...": a count opening its clause, then a qualifier
_OF_BEFORE = re.compile(r"(?:^|[.;:]\s*)(?:of|among)\s+(?:the\s+)?$", re.I)
# ... but "Among 76 residents who participated in the surveys, 48 (63%) ..." is the sample
_QUALIFIED_AFTER = re.compile(
    r"\s+(?:with|whose|having|(?:who|that)(?!\s+(?:participated|took part|completed|"
    r"responded|answered|returned|agreed|were (?:surveyed|interviewed|included|enrolled))))\b",
    re.I,
)
# "16 survey respondents then took part in semi-structured interviews", "12 of them were
# also interviewed": the qualitative strand of a survey, whose respondents are the sample
# (GUIDELINES: mixed methods, participants = the survey sample)
_FOLLOW_UP_STRAND_AFTER = re.compile(
    r"\s+(?:(?:then|subsequently|later|also|further|additionally)\s+)"
    r"(?:took part|participated|were (?:interviewed|invited)|joined|agreed|completed)\b"
    r"(?:[^.;]{0,40}\b(?:interviews?|focus groups?|follow-up))?"
    r"|\s+(?:took part|participated)\s+in\s+(?:[\w-]+\s+){0,3}"
    r"(?:follow-up\s+)(?:interviews?|focus groups?)",
    re.I,
)
_SURVEY_RESPONDENTS = re.compile(r"\bsurvey\s+(?:respondents|participants)\b", re.I)
_INTERVIEW_AFTER = re.compile(r"\b(?:interviews?|interviewed|focus groups?)\b", re.I)
# "115 valid questionnaires", "98 complete responses": what could be analysed
_VALID_AFTER = re.compile(
    r"\s+(?:valid|usable|complete|completed|analy[sz]able|fully completed)\s+\w", re.I
)
_YEAR_CONTEXT = re.compile(r"(?:disease|covid|covid-)\s*$", re.I)
_TIME_UNITS = {
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "minute",
    "sessions",
    "session",
    "times",
    "%",
    "percent",
    "items",
    "item",
    "questions",
    "studies",
    "articles",
    "papers",
    "records",
}


@dataclass(frozen=True, slots=True)
class Resources:
    """Rule data the consumer needs besides what the components wrote on the Docs."""

    design: DesignRules
    factors: dict[str, FactorSpec]
    places: PlaceRules
    citation: tuple[re.Pattern[str], ...]
    end_of_text: frozenset[str]
    frames: dict[str, tuple[str, ...]]
    # for each lexicon value, the stems of the words of its spelled-out forms ("health",
    # "care", "work" for healthcare_workers): what a text's own definition of one of our
    # acronyms should share with them
    long_forms: dict[tuple[str, str], frozenset[str]]

    @classmethod
    def load(cls) -> Resources:
        # the given-name dictionary is read here, once, not in the first document or in each
        # worker forked from this process
        given_names()
        cues = load_cues()
        citation = tuple(
            re.compile(p) for c in cues if c.kind == "citation_regex" for p in c.patterns
        )
        end = frozenset(p.lower() for c in cues if c.kind == "end_of_text" for p in c.patterns)
        frames = {
            kind.removeprefix("frame_"): tuple(
                p.lower() for c in cues if c.kind == kind for p in c.patterns
            )
            for kind in ("frame_risk", "frame_consequence", "frame_protective")
        }
        return cls(
            design=load_design_rules(),
            factors={f.factor_id: f for f in load_factor_specs()},
            places=load_place_rules(),
            citation=citation,
            end_of_text=end,
            frames=frames,
            long_forms=_long_form_stems(),
        )


def _stem(word: str) -> str:
    return word.lower()[:4]


def _long_form_stems() -> dict[tuple[str, str], frozenset[str]]:
    stems: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in load_lexicon():
        for p in (*e.patterns, *e.case_patterns):
            words = re.findall(r"[A-Za-z]{3,}", p)
            if len(words) > 1 or (words and not words[0].isupper()):
                stems[(e.field, e.value)].update(_stem(w) for w in words)
    return {k: frozenset(v) for k, v in stems.items()}


@dataclass(slots=True)
class _Sent:
    passage: Passage
    doc: Doc
    background: bool
    heading: bool
    frame: str | None
    cue_kinds: set[str]
    block_heading: str | None
    # a record metadata line ("Database: MEDLINE; Publication details: ..."): it describes
    # the record, not the study, so no method, factor or place is read from it
    metadata: bool
    # not in English (a translated abstract, a French commentary): the English lexicon's
    # words there ("violence", "isolation") are read out of context, so no factor is taken
    foreign: bool = False
    # under an abstract's "Background:" or "Introduction:" label: no sample is read there
    # ("the pandemic affected 32 million people and caused 990,000 deaths")
    intro: bool = False
    # the passage's words, lower-cased and split at every non-letter: a regex whose every
    # match holds one of a few words is tried only where one of them is (see ``_Gated``)
    words: frozenset[str] = frozenset()
    # under a "Conclusions:" label or in a discussion: what the authors make of the study
    closing: bool = False


@dataclass(frozen=True, slots=True)
class _Gated:
    """A regex tried only on sentences holding a word of each of ``keys`` (lower-case words
    every match must contain). Python's re tries a pattern that opens with ``\\b`` and an
    alternation at every character; a set test rules most sentences out for the cost of a
    hash."""

    rx: re.Pattern[str]
    keys: tuple[frozenset[str], ...]

    def _open_words(self, words: frozenset[str]) -> bool:
        for k in self.keys:  # noqa: SIM110 (a loop: no generator object per sentence)
            if words.isdisjoint(k):
                return False
        return True

    def search(self, s: _Sent) -> re.Match[str] | None:
        return self.rx.search(s.passage.text) if self._open_words(s.words) else None

    def finditer(self, s: _Sent) -> Iterator[re.Match[str]]:
        return self.rx.finditer(s.passage.text) if self._open_words(s.words) else iter(())


def _gated(rx: re.Pattern[str], *keys: str) -> _Gated:
    """``_Gated`` from groups of words written as "a|b|c"."""
    return _Gated(rx, tuple(frozenset(k.split("|")) for k in keys))


_LETTERS = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def passage_words(text: str) -> tuple[list[str], frozenset[str]]:
    """A passage's words as written (``_WORDS``: "don't" is one) and the set ``_Gated``
    tests: lower-cased and split at every non-letter, apostrophes too."""
    tokens = _WORDS.findall(text)
    if "'" not in text:  # then the two splits agree, and one ``findall`` serves both
        return tokens, frozenset(map(str.lower, tokens))
    return tokens, frozenset(_LETTERS.findall(text.lower()))


# ``_VERB_BEFORE``, anywhere in a sentence
_VERB_BEFORE_ANY = _gated(
    re.compile(_STUDY_VERB + r"\d", re.I),
    "included|recruited|surveyed|enrolled|interviewed|involved|studied|analysed|analyzed|"
    "comprised|sampled|by|data|sample|interview|interviews|performed|conducted|carried|"
    "consent|consents|study|survey|trial|investigation|analysis|collected|obtained|gathered|"
    "participation",
)
_TOTAL_ANY = _gated(re.compile(r"\btotal of\s+\d", re.I), "total")
_DIGIT = re.compile(r"\d")
_WORD_NUMBER = _gated(WORD_NUMBER, "|".join(NUMBER_WORDS))


def _has_number(s: _Sent) -> bool:
    """A number in digits or in words ("Ninety-six")."""
    return _DIGIT.search(s.passage.text) is not None or _WORD_NUMBER.search(s) is not None


@dataclass(slots=True)
class _Emitter:
    document: Document
    version: str
    lexicon_hash: str
    values: list[ExtractedValue] = field(default_factory=list)
    trace: list[tuple[str, str, str]] | None = None  # (factor id, why dropped, sentence)

    def drop(self, sent: _Sent, fid: str, why: str) -> None:
        if self.trace is not None:
            self.trace.append((fid, why, sent.passage.text))

    def emit(
        self,
        sent: _Sent,
        fld: str,
        value: str,
        *,
        span: tuple[int, int] | None = None,
        confidence: float,
        value_num: float | None = None,
        detail: dict[str, Any] | None = None,
    ) -> ExtractedValue:
        p = sent.passage
        start, end = span if span is not None else (0, len(p.text))
        ev = ExtractedValue(
            doc_id=p.doc_id,
            field=fld,
            value=value,
            quote=p.text,
            section=p.section,
            page=p.page,
            char_start=p.char_start + start,
            char_end=p.char_start + end,
            confidence=round(max(0.05, min(0.99, confidence)), 2),
            passage_id=p.passage_id,
            value_num=value_num,
            detail={
                **(detail or {}),
                "extractor_version": self.version,
                "lexicon_hash": self.lexicon_hash,
                "document": self.document.source_path,
            },
        )
        self.values.append(ev)
        return ev


def docs_to_values(
    document: Document,
    items: Sequence[tuple[Passage, Doc]],
    *,
    resources: Resources,
    version: str,
    lexicon_hash: str,
    trace: list[tuple[str, str, str]] | None = None,
) -> list[ExtractedValue]:
    """All values for one document from its processed passages (in reading order).

    ``trace``, when given, collects the factor mentions the rules dropped and why
    (for tuning on the development set)."""
    sents = _prepare(document, items, resources)
    out = _Emitter(document, version, lexicon_hash, trace=trace)
    protocol = _is_protocol(document, sents)
    sections = {s.passage.section for s in sents}
    full_text = _full_text(sections)
    _emit_lists(sents, out, full_text, resources.long_forms)
    _emit_statistics(sents, out)
    # a text not about providers' burnout loses its factor values below (whatever the
    # population clean-up, which only removes values); its candidates need not be read
    about = _about_providers_burnout(out.values, full_text)
    _emit_factors(sents, out, resources.factors, candidates=about)
    _emit_prevalence(sents, out)
    _emit_places(sents, out, resources.places)
    if not protocol:
        _emit_sample(sents, out)
    _emit_design(document, sents, out, resources.design, protocol)
    design = next((v.value for v in out.values if v.field == "design"), None)
    if design in _REVIEW_DESIGNS:
        # a review's numbers count studies and their pooled participants, not a sample
        out.values = [v for v in out.values if v.field not in _SAMPLE_VALUE_FIELDS]
    if design in _STUDIES_OF_PEOPLE and not about:
        # a study of patients or the public that names providers only in passing ("referred
        # by their GP", "clinicians should monitor") studied none (GUIDELINES batch 10: a study
        # of patients has no population; their doctors and nurses are named, not studied) --
        # unless they are the people it counted ("We surveyed 120 clinicians")
        counted = {v.quote for v in out.values if v.field in _SAMPLE_VALUE_FIELDS}
        text = document.text
        out.values = [
            v
            for v in out.values
            if v.field != "population"
            or v.quote in counted
            or (
                v.char_start is not None
                and v.char_end is not None
                and _studied_here(text, v.char_start, v.char_end)
            )
        ]
    pops = {v.value for v in out.values if v.field == "population"}
    generic = sum(1 for v in out.values if v.field == "population" and v.value == _HCW)
    specific = sum(
        1 for v in out.values if v.field == "population" and v.value not in _NOT_A_PROFESSION
    )
    if generic and generic < specific:
        # "health care workers" as a collective name for the nurses and physicians the text
        # mostly names is not a further population (GUIDELINES: unspecified HCWs)
        out.values = [v for v in out.values if not (v.field == "population" and v.value == _HCW)]
    if "clinicians" in pops and pops - {"healthcare_workers", "clinicians"}:
        # "clinicians" then names the professions already listed (GUIDELINES: populations)
        out.values = [
            v for v in out.values if not (v.field == "population" and v.value == "clinicians")
        ]
    any_outcome = any(v.field == "outcome" for v in out.values)
    if full_text and "results" in sections:
        # a research paper's own factors are in its abstract, results and discussion; its
        # introduction and the sentences that cite other studies give the literature's, and
        # its methods, the variables it measured
        _drop_factors(
            out,
            lambda v: (
                v.section not in _FINDING_SECTIONS or bool((v.detail or {}).get("background"))
            ),
            "not_a_finding",
            trace,
        )
    if not _about_providers_burnout(out.values, full_text):
        # factors are what drives or protects against providers' burnout: a text that names
        # no burnout-family outcome and barely mentions providers (a paper on patients or
        # the public that a search swept in) has none to give (GUIDELINES: factors) -- but
        # where it names the staff's mental health at all, the support it calls for them is
        # kept (GUIDELINES batch 9: a commentary that asks to protect the workers)
        staff_support = any_outcome and _mentions_staff(document, out.values)
        _drop_factors(
            out,
            lambda v: (
                not (
                    staff_support
                    and v.value == _STAFF_SUPPORT_ID
                    and _STAFF_WORDS.search(v.quote) is not None
                )
            ),
            "off_topic",
            trace,
        )
    elif not any_outcome:
        # a text about providers that names no outcome at all (a workforce or service
        # report) ties none of the factor words its sentences hold to burnout or health;
        # only an explicit direction ("increased workloads", "lack of support") or a
        # support called for says what they do
        _drop_factors(
            out,
            lambda v: v.value != _STAFF_SUPPORT_ID and (v.detail or {}).get("basis") in _WEAK_BASES,
            "no_outcome",
            trace,
        )
    if design in {"systematic_review", "scoping_review"}:
        # the countries of the included studies are not the review's setting; a country
        # the title names is ("... in China: a systematic review")
        out.values = [v for v in out.values if v.field not in _PLACE_FIELDS or v.section == "title"]
    elif design in _NO_STUDY_PLACE_DESIGNS and all(
        (v.detail or {}).get("outbreak_origin") for v in out.values if v.field in _PLACE_FIELDS
    ):
        # a review, an essay or a laboratory paper whose only place is where the epidemic
        # began ("A new disease ... appeared in China at the end of 2019. We here propose
        # practical guidance") was done nowhere in particular; a survey keeps it, as its
        # annotators do ("appeared in Wuhan, Hubei, China ... surgical staff")
        out.values = [v for v in out.values if v.field not in _PLACE_FIELDS]
    return out.values


_REVIEW_DESIGNS = {"systematic_review", "scoping_review", "narrative_review"}
# a count or a verb of study right before a profession: "120 clinicians", "we surveyed
# psychiatry residents", "a survey of 35 practising nurses"
_COUNTED_OR_STUDIED_BEFORE = re.compile(
    r"(?:\b\d[\d,]*|\b(?:surveyed|interviewed|recruited|enrolled|sampled|studied|"
    r"(?:survey|sample|questionnaire|interviews?|focus groups?) (?:of|with|to|among))\b"
    r"(?:\s+(?:a|an|the|all|our))?)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# ... or a verb of taking part after it: "Residents of the surgery program completed the MBI"
_TOOK_PART_AFTER_PEOPLE = re.compile(
    r"[^.;]{0,40}?\b(?:completed|responded|participated|took part|filled (?:in|out)|answered|"
    r"were (?:surveyed|interviewed|recruited|enrolled|included|invited))\b",
    re.I,
)


def _studied_here(text: str, start: int, end: int) -> bool:
    """Whether a profession's mention (``text[start:end]``) is of the people a study counted
    or asked."""
    return (
        _COUNTED_OR_STUDIED_BEFORE.search(text, max(0, start - 60), start) is not None
        or _TOOK_PART_AFTER_PEOPLE.match(text, end) is not None
    )


_STUDIES_OF_PEOPLE = frozenset(
    {"cross_sectional", "cohort", "case_control", "rct", "quasi_experimental", "other"}
)
_NO_STUDY_PLACE_DESIGNS = frozenset({"narrative_review", "discussion", "other"})
_FACTOR_FIELDS = {"risk_factor", "protective_factor", "factor_candidate"}
# providers named this often (or in the title) make a text about them
_PROVIDER_MENTIONS = 3


_STAFF_SUPPORT_ID = "wellbeing_programs"
# the directions a factor takes from its sentence's frame, its usual direction or its group,
# with no word of its own that says which way it works
_WEAK_BASES = {"default", "frame", "group"}
# staff named in a title or a sentence where the lexicon's professions may not be ("surgical
# staff", "the workforce")
_STAFF_WORDS = re.compile(
    r"\b(?:staff|personnel|workforce|workers|employees|providers|professionals|clinicians|"
    r"practitioners|doctors|nurses|physicians|residents|HCWs?|HCPs?)\b",
    re.I,
)


def _mentions_staff(document: Document, values: list[ExtractedValue]) -> bool:
    """Whether a text names providers twice or in its title: with some mental-health outcome,
    enough to keep the support it calls for them, not to read every factor word."""
    pops = sum(1 for v in values if v.field == "population")
    title = document.title or " ".join(b.text for b in document.blocks if b.section == "title")
    return pops >= 2 or _STAFF_WORDS.search(title) is not None


def _drop_factors(
    out: _Emitter,
    drop: Callable[[ExtractedValue], bool],
    why: str,
    trace: list[tuple[str, str, str]] | None,
) -> None:
    """Remove the factor values ``drop`` picks, noting each in ``trace``."""
    gone = [v for v in out.values if v.field in _FACTOR_FIELDS and drop(v)]
    if trace is not None:
        trace.extend((v.value, why, v.quote) for v in gone)
    ids = {id(v) for v in gone}
    out.values = [v for v in out.values if id(v) not in ids]


def _about_providers_burnout(values: list[ExtractedValue], full_text: bool = False) -> bool:
    """Whether a text is about providers' burnout or wellbeing: it names a burnout-family
    outcome, or names providers in its title or at least ``_PROVIDER_MENTIONS`` times. In a
    full paper only its title, abstract and keywords count: a paper on patients names their
    doctors and nurses dozens of times in its results and discussion."""
    if full_text:
        values = [v for v in values if v.section in _FRONT_SECTIONS]
    if any(v.field == "outcome" and v.value in BURNOUT_FAMILY for v in values):
        return True
    pops = [v for v in values if v.field == "population"]
    return len(pops) >= _PROVIDER_MENTIONS or any(v.section == "title" for v in pops)


_FRONT_SECTIONS = frozenset({"title", "abstract", "keywords"})
_FINDING_SECTIONS = _FRONT_SECTIONS | {"results", "discussion", "conclusion"}
_STUDY_SECTIONS = _FRONT_SECTIONS | {"methods", "results"}
_BODY_SECTIONS = frozenset({"introduction", "methods", "results", "discussion"})


def _full_text(sections: set[str]) -> bool:
    """Whether a document with these sections is a paper with an abstract and a body
    (methods, results, discussion), not a record's abstract alone."""
    return "abstract" in sections and len(sections & _BODY_SECTIONS) >= 2


_HCW = "healthcare_workers"
_NOT_A_PROFESSION = {_HCW, "clinicians", "administrators", "policy_informants"}
_PLACE_FIELDS = {"country", "region"}
_SAMPLE_VALUE_FIELDS = {*SAMPLE_FIELDS.values(), "response_rate"}


# --- sentence preparation -------------------------------------------------------------


def _heading_of(document: Document, passage: Passage) -> str | None:
    starts = document.block_starts
    idx = None
    for i, s in enumerate(starts):
        if s <= passage.char_start:
            idx = i
        else:
            break
    if idx is None or idx >= len(document.blocks):
        return None
    return document.blocks[idx].heading


def _frame_of(text: str, res: Resources) -> str | None:
    low = text.lower()
    for kind in ("consequence", "risk", "protective"):
        if any(p in low for p in res.frames[kind]):
            return kind
    return None


def _is_heading(p: Passage, doc: Doc) -> bool:
    t = p.text.strip()
    return (len(doc) <= 12 and not t.endswith((".", "?", "!", ":", '"', "\u201d"))) or t.startswith(
        "#"
    )


_MONTH_CITE = re.compile(r"^\(\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _cites(patterns: Sequence[re.Pattern[str]], text: str) -> bool:
    """A citation match that is not a date in brackets ("(September-November 2020)") nor
    the decimals of a number ("31.71±5.18", "2.9±.5", "r = .45")."""
    for rx in patterns:
        for m in rx.finditer(text):
            i = m.start()
            if _MONTH_CITE.match(m.group(0)) is None and not (
                # a superscript reference follows a word's full stop ("burnout.5"); a point
                # after a digit, a sign or a space starts a decimal
                i >= 2 and text[i - 1] == "." and not text[i - 2].isalpha() and text[i - 2] != ")"
            ):
                return True
    return False


# a bibliographic entry: "Lancet. 2020;395(10227):846-848", "https://doi.org/10.1001/..."
_BIB_ENTRY = re.compile(
    r"\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[eE]?\d+|https?://(?:dx\.)?doi\.org/"
)
# a reference's author list: "Vizard T, Sadler K, Ford T, Newlove-Delgado T, et al."
_AUTHOR_LIST = re.compile(r"(?:\b[A-Z][\w'-]+ [A-Z]{1,2}\.?, ){3}")
# a sentence that opens with the end of a bracketed citation the splitter cut off ("23] studied")
_CITATION_TAIL = re.compile(r"^\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]")


# the labels of a structured abstract written inline ("Introduction: The pandemic ...")
_INLINE_LABEL = re.compile(r"^\s*(?:<h4>\s*)?([A-Z][A-Za-z/& -]{2,40}?)\s*(?:</h4>)?\s*:")
# a label that segmentation split from the word an export glued it to ("ResultsTwenty-two")
_BARE_LABEL = re.compile(rf"^\s*({GLUED_LABELS}|{GLUED_LABELS.upper()})\s*$")
_INTRO_LABELS = {"background", "introduction", "context", "rationale"}
_CLOSING_LABELS = {"conclusion", "conclusions", "discussion", "interpretation", "implications"}


# function words of the other languages abstracts come in, less those English shares
_FOREIGN_STOP = frozenset(
    (_DE_STOP | _ES_STOP | _FR_STOP | _IT_STOP | _NL_STOP | _PT_STOP) - _EN_STOP
)


def _foreign(words: list[str]) -> bool:
    """Whether a passage (its ``_WORDS``) is written in another language: three times as many
    of its function words are German, Spanish, French, Italian, Dutch or Portuguese as English
    (spaCy's stop lists). A title given in English and then in Spanish stays English; "SE" and "CI" are
    statistics."""
    # the foreign list is lower-case and shares no word with the English one, so a word
    # found in it as written is a lower-case foreign function word
    other = sum(map(_FOREIGN_STOP.__contains__, words))
    if other < 3:
        return False
    return other >= 3 * sum(map(_EN_STOP.__contains__, map(str.lower, words)))


# "Medscape surveys over the last 3 years have shown ...": other studies' findings
# (the word is tested before the lookbehinds, which would otherwise run at every character)
_SOURCES = "studies|surveys|research|reports|literature|reviews|investigations"
_OTHERS_FOUND = _gated(
    re.compile(
        rf"\b(?={_SOURCES})(?<!\bour )(?<!\bthis )(?<!\bpresent )(?<!\bcurrent )(?:{_SOURCES})\b"
        r"[^.;:]{0,60}?\b(?:have|has)\s+(?:consistently |repeatedly |previously |also |already )?"
        r"(?:shown|found|reported|documented|demonstrated|suggested|revealed|indicated)\b",
        re.I,
    ),
    _SOURCES,
    "have|has",
)


def _prepare(
    document: Document, items: Sequence[tuple[Passage, Doc]], res: Resources
) -> list[_Sent]:
    sents: list[_Sent] = []
    frame: str | None = None
    last_block_heading: str | None = None
    last_bib, kept_at_bib = -99, 0
    inline_label: str | None = None
    for n, (p, doc) in enumerate(items):
        if p.section in SKIP_SECTIONS:
            continue
        if ((";" in p.text or "doi.org" in p.text) and _BIB_ENTRY.search(p.text)) or (
            p.text.count(", ") >= 3 and _AUTHOR_LIST.search(p.text)
        ):
            # one entry is a citation line ("Orv Hetil. 2021; 162(24): 931-937.", often
            # followed by the English abstract); entries in quick succession are an abstract
            # field that runs on into the article's reference list
            if p.section == "abstract" and n - last_bib <= 4:
                del sents[kept_at_bib:]  # the words between two entries are a reference too
                break
            last_bib, kept_at_bib = n, len(sents)
            continue
        norm = _HEADING_NUM.sub("", p.text).strip().strip("#*: ").lower()
        if norm in res.end_of_text:
            break  # references or paywall boilerplate follow: nothing below is the study's
        bh = _heading_of(document, p)
        if bh != last_block_heading:
            last_block_heading = bh
            frame = _frame_of(bh, res) if bh else None
        heading = _is_heading(p, doc)
        if heading or p.text.rstrip().endswith(("?", ":")):
            f = _frame_of(p.text, res)
            if f is not None:
                frame = f
            elif (
                heading
                and not re.match(r"^\s*\d{1,2}[.)]\s", p.text)
                and len(doc) > 2
                and frame is not None
            ):
                # an unnumbered heading after a numbered list ends the list
                frame = None if not _frame_of(p.text, res) else frame
        kinds = {c.label_ for c in groups(doc)[CUES]}
        tokens, words = passage_words(p.text)
        background = (
            "background" in kinds
            or (_OTHERS_FOUND._open_words(words) and _OTHERS_FOUND.rx.search(p.text) is not None)
            or _cites(res.citation, p.text)
            or _CITATION_TAIL.match(p.text) is not None
            or p.section == "introduction"
        )
        metadata = _RECORD_METADATA.match(p.text) is not None
        foreign = _foreign(tokens)
        label = _INLINE_LABEL.match(p.text) or _BARE_LABEL.match(p.text)
        if label is not None:
            inline_label = label.group(1).lower()
        elif n == 0 or p.section == "title":
            inline_label = None
        intro = inline_label in _INTRO_LABELS
        closing = inline_label in _CLOSING_LABELS or p.section in {"discussion", "conclusion"}
        sents.append(
            _Sent(
                p,
                doc,
                background,
                heading,
                frame,
                kinds,
                bh,
                metadata,
                foreign,
                intro,
                words,
                closing,
            )
        )
    return sents


# --- list fields ----------------------------------------------------------------------


# "nursing home residents", "community residents", "residents of Makkah": people who live
# somewhere, not doctors in training
_LAY_BEFORE_RESIDENTS = {
    "home",
    "homes",
    "community",
    "local",
    "rural",
    "urban",
    "city",
    "facility",
    "facilities",
    "racf",
    "ltc",
    "ltcf",
    "village",
    "county",
    "population",
    "elderly",
    "older",
    "aged",
    "permanent",
    "foreign",
    "hospice",
    "household",
}
_LAY_AFTER_RESIDENTS = re.compile(
    r"^of\s+(?:the\s+)?(?:community|rural|urban|nursing|care|long-term|residential|"
    r"a\s+(?:rural|urban)|[A-Z][a-z]+(?:\s+[A-Z][a-z-]+)*\s*(?:[,.;]|$|and\b|during\b|were\b))"
    # "all residents aged 65 years or older", "residents with dementia": older people
    r"|^aged\s+(?:(?:[≥>]|over|above|older than)\s*)?[5-9]\d\b"
    r"|^with\s+(?:dementia|cognitive impairment|intellectual disabilit)"
)


def _lay_residents(span: Span) -> bool:
    """A bare "residents" naming people who live somewhere (GUIDELINES: residents are doctors
    in training). "Residents in Germany" stays ambiguous: "psychiatry residents in Saudi
    Arabia" are doctors."""
    if span.text.lower().rstrip("'’") not in {"residents", "resident"}:
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _LAY_BEFORE_RESIDENTS:
        return True
    return _LAY_AFTER_RESIDENTS.match(doc[span.end : span.end + 12].text.lstrip()) is not None


# a word before "residents" that makes them doctors in training ("internal medicine residents",
# "PGY-2 residents", "junior residents")
_DOCTOR_BEFORE_RESIDENTS = frozenset(
    {"medical", "medicine", "surgical", "surgery", "psychiatry", "psychiatric", "paediatric",
     "pediatric", "paediatrics", "pediatrics", "anaesthesia", "anesthesia", "anesthesiology",
     "anaesthesiology", "radiology", "neurology", "dermatology", "ophthalmology", "orthopaedic",
     "orthopedic", "obstetrics", "gynecology", "gynaecology", "urology", "oncology", "pathology",
     "emergency", "family", "internal", "junior", "senior", "chief", "year", "pgy", "dental",
     "physician", "doctor", "trainee", "specialty", "specialist"}
)  # fmt: skip


def _doctor_residents(span: Span) -> bool:
    """A "residents" span that names doctors in training whatever the text is about: a longer
    form ("resident physicians", "trainees", "registrars") or a specialty or year before it."""
    if span.text.lower().rstrip("'’") not in {"residents", "resident"}:
        return True
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return prev in _DOCTOR_BEFORE_RESIDENTS or prev.startswith("pgy")


def _emit_lists(
    sents: list[_Sent],
    out: _Emitter,
    full_text: bool = False,
    long_forms: dict[tuple[str, str], frozenset[str]] | None = None,
) -> None:
    # professions named only as those who should act ("Nurse managers should ...",
    # "Leaders should communicate ...") are the text's addressees, not the people studied
    addressed: set[str] = set()
    studied: set[str] = set()
    # a text set in care homes whose "residents" are never marked as doctors means the people
    # who live there ("caring for more than 30 residents per shift")
    care_homes = doctors_in_training = False
    foreign = _foreign_acronyms(sents, long_forms or {})
    for s in sents:
        if s.metadata:
            continue
        advice = _ADDRESSEES.search(s) is not None
        header = _TOPIC_TYPE_HEADER.match(s.passage.text)
        header_end = header.end() if header is not None else 0
        for span in groups(s.doc)[EV]:
            fld = span.label_
            if fld not in LIST_FIELDS:
                continue
            if fld == "care_setting" and span.kb_id_ == _CARE_HOMES:
                care_homes = True
            elif fld == "population" and span.kb_id_ == "residents" and _doctor_residents(span):
                doctors_in_training = True
            ctx = span._.ev_ctx or {}
            if fld in METHOD_FIELDS and s.background:
                continue
            if span.kb_id_ in _REVIEW_METHODS and _others_review(s.passage.text, span.start_char):
                continue  # "higher than in the meta-analysis": another study's method
            if _inside_name(span):
                continue
            if _not_this_value(span):
                continue
            if span.text in foreign:
                continue  # "soft-tissue swelling (STS)": the text's STS is not ours
            if fld == "outcome" and span.kb_id_ == "turnover" and _not_staff_turnover(span):
                continue  # "bone turnover", "phylogenetic turnover"
            if span.start_char < header_end:
                continue  # "TOPIC: Critical Care TYPE: Medical Student/Resident Case Reports"
            if fld == "population" and span.kb_id_ == "residents" and _lay_residents(span):
                continue
            if (
                full_text
                and fld in {"population", "care_setting"}
                and (s.background or s.passage.section not in _STUDY_SECTIONS)
            ):
                # a paper's introduction, citations and discussion name other studies'
                # people and settings; its abstract, methods and results, its own
                continue
            if fld == "population" and _non_group(span):
                continue  # "non-physician workers": everyone but them
            if fld == "population" and _RESEARCH_AGENT.search(
                s.passage.text, max(0, span.start_char - 80), span.start_char
            ):
                continue  # "assessed by a research psychiatrist": who did the study's work
            if fld == "care_setting" and (
                _not_a_place_of_work(span)
                or _keyword_line(s)
                or _others_place(s)
                or _RECOMMENDATION.search(s.passage.text) is not None
            ):
                continue  # "SARS revealed a high burden in hospitals": other studies' settings
            if fld == "population":
                as_studied = not advice and (
                    span.kb_id_ not in _LEADERS or _STUDIED_HERE.search(s.passage.text) is not None
                )
                (studied if as_studied else addressed).add(span.kb_id_)
            conf = 0.85 if s.passage.section in {"methods", "abstract", "title"} else 0.7
            if ctx.get("negated"):
                conf -= 0.3
            out.emit(
                s,
                fld,
                span.kb_id_,
                span=(span.start_char, span.end_char),
                confidence=conf,
                detail={"surface": span.text, "negated": bool(ctx.get("negated"))},
            )
    # a generic term is dropped where the document names the specific one
    have = {(v.field, v.value) for v in out.values}
    drop = set()
    if ("data_collection", "semi_structured_interviews") in have:
        drop.add(("data_collection", "interviews"))
    if ("analysis", "ipa") in have:
        drop.add(("analysis", "phenomenology"))
    if studied:
        drop.update(("population", p) for p in (addressed - studied) & _LEADERS)
    if care_homes and not doctors_in_training:
        drop.add(("population", "residents"))
    out.values[:] = [v for v in out.values if (v.field, v.value) not in drop]


_CARE_HOMES = "long_term_care"


# "intensive care specialists", "critical care beds", "ICU capacity": a specialty or a
# resource named after the setting, not where the people studied work
_SETTING_AS_MODIFIER = frozenset(
    {"specialists", "specialist", "specialties", "specialty", "medicine", "beds", "bed",
     "capacity", "resources", "admissions", "admission", "occupancy", "physician", "nursing",
     # "hospital-acquired infections", "hospital infections", "hospital mortality": an outcome
     # named after the setting
     "acquired", "infection", "infections", "mortality", "stay", "stays",
     # "emergency room visits", "ICU utilization": a use of the service counted as an outcome
     "visit", "visits", "attendance", "attendances", "utilization", "utilisation"}
)  # fmt: skip


# where staff would go, not where they work: "plans to leave for high-intensity training or
# private practice", "moved to primary care" (a patient "transferred to the ICU" was treated there)
_LEAVING_FOR = re.compile(
    r"\b(?:leav(?:e|es|ing)|left|mov(?:e|es|ed|ing)|switch(?:ed|ing)?)"
    r"\s+(?:for|to|into)\s+(?:[\w-]+,?\s+){0,6}$",
    re.I,
)


def _not_a_place_of_work(span: Span) -> bool:
    """A setting named as a specialty or resource ("ICU capacity") or as where staff would go
    ("leave for private practice")."""
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text in {"-", "–"} else 0)
    if (
        span.start >= 2
        and doc[span.start - 1].text in {"-", "–"}
        and doc[span.start - 2].lower_ == "in"
    ):
        return True  # "in-hospital mortality": an outcome's timing, not a place of work
    return (nxt < len(doc) and doc[nxt].lower_ in _SETTING_AS_MODIFIER) or _LEAVING_FOR.search(
        doc.text, max(0, span.start_char - 80), span.start_char
    ) is not None


def _non_group(span: Span) -> bool:
    """'non-physician workers': a single profession word after 'non-' names everyone else
    ('non-medical staff' are still health-care workers)."""
    doc = span.doc
    return (
        len(span) == 1
        and span.kb_id_ != _HCW
        and span.start >= 2
        and doc[span.start - 1].text in {"-", "–"}
        and (doc[span.start - 2].lower_ == "non")
    )


_LEADERS = frozenset({"administrators", "policy_informants"})
_ADDRESSEES = _gated(
    re.compile(
        r"\b(?:should|must|ought to|need to|needs to|are in a (?:unique )?position to|"
        r"implications for)\b",
        re.I,
    ),
    "should|must|ought|need|needs|position|implications",
)


# a sentence about who took part: leaders and policymakers named elsewhere ("findings can
# inform policymakers", "communication from leaders") are not the people studied
_STUDIED_HERE = re.compile(
    r"\d|\b(?:interview\w*|survey\w*|focus groups?|participa\w*|respondents?|sample\w*|"
    r"recruited|questionnaires?|informants?|stakeholders?|included|involv\w+|among|of \w+ "
    r"(?:leaders|managers|administrators|policymakers))\b",
    re.I,
)
_QUANT_METHODS = {"survey", "secondary_data", "regression", "correlation", "group_comparison"}
_QUANT_DESIGNS = {"cross_sectional", "cohort", "rct", "quasi_experimental", "case_control"}
_DESCRIPTIVE = re.compile(
    r"\d\s?%|\b(?:mean|median|average)\b[^.;]{0,40}\d|±|\bSD\b|\b(?:IQR|SD)\s?[=:]", re.I
)
_P_VALUE = re.compile(r"\b[pP]\s?(?:[<=≤>]|&lt;)\s?0?\.\d|\bsignificant(?:ly)?\b")
_COMPARE = re.compile(
    r"\b(?:than|vs\.?|versus|compared (?:with|to)|in comparison|differ(?:ed|s|ences?|ent)?"
    r"|according to|between (?:the )?(?:two|three|groups?))\b",
    re.I,
)


def _emit_statistics(sents: list[_Sent], out: _Emitter) -> None:
    """Descriptive statistics and group comparisons as quantitative abstracts report them
    (percentages, means ± SD; 'higher than ... (P = .01)') rather than name them."""
    have = {(v.field, v.value) for v in out.values}
    methods = {v for f, v in have if f in {"data_collection", "analysis"}}
    if "literature_search" in methods or "meta_analysis" in methods:
        return
    quant = bool(methods & _QUANT_METHODS) or any(
        sp.label_ in _QUANT_DESIGNS for s in sents for sp in groups(s.doc)[DESIGN]
    )
    if not quant:
        return
    found: dict[str, _Sent] = {}
    for s in sents:
        if s.background or s.heading or s.passage.section in {"introduction", "title"}:
            continue
        text = s.passage.text
        if "descriptive_statistics" not in found and _DESCRIPTIVE.search(text):
            found["descriptive_statistics"] = s
        if "group_comparison" not in found and _P_VALUE.search(text) and _COMPARE.search(text):
            found["group_comparison"] = s
    for value, s in found.items():
        if ("analysis", value) in have:
            continue
        out.emit(s, "analysis", value, confidence=0.6, detail={"basis": "reported statistics"})


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}")


def _foreign_acronyms(
    sents: list[_Sent], long_forms: dict[tuple[str, str], frozenset[str]]
) -> set[str]:
    """Acronyms of the lexicon that the text defines as something else: a short form in
    parentheses with no value of ours in the words before it and fewer than two words in
    common with our spelled-out forms ("soft-tissue swelling (STS)", "Early Maladaptive
    Schemas (EMS)", "scanning electron microscopy (SEM)"; not "the health care worker (HCW)");
    every use of it in that text means the text's long form."""
    out: set[str] = set()
    for s in sents:
        if "(" not in s.passage.text:
            continue
        spans = groups(s.doc)[EV]
        for sp in spans:
            if sp.end - sp.start != 1 or not _ACRONYM.fullmatch(sp.text):
                continue
            doc = sp.doc
            if not (sp.start > 0 and doc[sp.start - 1].text == "(" and sp.end < len(doc)):
                continue
            if doc[sp.end].text != ")":
                continue
            lo = max(0, sp.start - 9)
            if any(o is not sp and lo <= o.start and o.end <= sp.start - 1 for o in spans):
                continue
            ours = long_forms.get((sp.label_, sp.kb_id_), frozenset())
            before = {_stem(t.text) for t in doc[max(0, sp.start - 7) : sp.start - 1] if t.is_alpha}
            if len(before & ours) < 2:
                out.add(sp.text)
    return out


# the turnover of a tissue, a molecule or a population, not of staff
_NOT_STAFF_TURNOVER_BEFORE = frozenset(
    {"bone", "cell", "cellular", "protein", "collagen", "matrix", "tissue", "lipid", "metabolic",
     "glucose", "energy", "nutrient", "carbon", "nitrogen", "mineral", "receptor", "species",
     "phylogenetic", "population", "plaque", "tumor", "tumour", "synaptic", "membrane", "rna",
     "mrna", "dna", "hormone", "skeletal", "osteoclast", "iron", "lymphocyte", "platelet"}
)  # fmt: skip


def _not_staff_turnover(span: Span) -> bool:
    """A bare "turnover" of something that is no workforce ("bone turnover markers")."""
    if span.text.lower() != "turnover":
        return False
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return prev in _NOT_STAFF_TURNOVER_BEFORE or nxt in {"marker", "markers"}


# a conference abstract's template header: its track and its kind of submission, not who was
# studied or where ("TOPIC: Critical Care TYPE: Medical Student/Resident Case Reports
# INTRODUCTION: ...")
_TOPIC_TYPE_HEADER = re.compile(
    r"\s*TOPIC\s*:.{0,80}?\bTYPE\s*:[^:]{0,80}?(?=\s+[A-Z]{4,}[A-Z ]*:|$)"
)
# what a capitalised name that holds a profession or a setting can name: a database, a
# journal, an organisation
_ORG_TAILS = frozenset(
    {"literature", "database", "journal", "association", "society", "college", "council",
     "federation", "board", "institute", "foundation", "union", "network", "alliance"}
)  # fmt: skip
_ORG_WORDS = {
    "ministry",
    "department",
    "association",
    "society",
    "college",
    "institute",
    "council",
    "agency",
    "federation",
    "board",
    "journal",
}


# the profession that did a study's own work, named as the agent of a passive: "the analyses
# were performed by a clinical and geriatric research psychiatrist", "interviews were conducted
# by two trained nurses", "diagnoses were made by a physician" (not "data were collected by
# questionnaires from nurses", "conducted by including 12 participants, as 4 gynecologists")
_RESEARCH_AGENT = re.compile(
    r"\b(?:performed|conducted|carried out|made|rated|assessed|diagnosed|administered|coded|"
    r"scored|examined|evaluated|moderated|facilitated|supervised|reviewed|checked|verified|"
    r"confirmed|transcribed|translated)\s+by\s+"
    r"(?:(?!(?:from|of|in|among|with|to|at|for|on|as)\b)(?![\w-]+ing\b)[\w-]+\s+){0,5}$",
    re.I,
)


# words beside a value's form that make it name something else, by value id: "ISI Web of
# Science" is a database; the "Short-Form 12-item general health questionnaire" is the SF-12,
# not the GHQ; "386 +/- 9.9 SEM", "mean (SEM) age" give a standard error, not a structural
# equation model; "the phenomenology and clinical correlates of bipolar depression",
# "phenomenological characteristics of hallucinations" describe symptoms, not a method
_NOT_THIS_VALUE_AFTER = {
    "isi": re.compile(r"\s*Web\s+of\b"),
    "phenomenology": re.compile(
        r"\s*(?:and\s+clinical|of\s+(?:the\s+)?(?!lived|the\s+lived)\w+|characteristics|"
        r"features|symptoms|similarities|point of view|dimension)\b",
        re.I,
    ),
}
_NOT_THIS_VALUE_BEFORE = {
    "ghq": re.compile(r"\b(?:SF|Short[\s-]*Form)[\s-]*(?:12|36|8)?\b[^.;]{0,25}$", re.I),
    "structural_equation_modelling": re.compile(r"(?:±|\+\s*/\s*-|\d|\bmean\s*\(?)\s*$", re.I),
    "phenomenology": re.compile(r"\bclinical\s+$", re.I),
}


def _not_this_value(span: Span) -> bool:
    """A value's form that, by the words beside it, names something else."""
    text = span.doc.text
    after = _NOT_THIS_VALUE_AFTER.get(span.kb_id_)
    if after is not None and after.match(text, span.end_char):
        return True
    before = _NOT_THIS_VALUE_BEFORE.get(span.kb_id_)
    return (
        before is not None
        and before.search(text, max(0, span.start_char - _BESIDE), span.start_char) is not None
    )


# how far before a value its context rules read (each matches at most ~50 characters)
_BESIDE = 60


def _inside_name(span: Span) -> bool:
    """'Ministry of Health and Long-Term Care' names an organisation, and 'Primary Care PTSD
    Screen' an instrument, not a care setting."""
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[0].isupper() for t in words):
        return False
    doc = span.doc
    if any(t.lower_ in _ORG_WORDS for t in doc[max(0, span.start - 5) : span.start]):
        return True
    # "Cumulative Index to Nursing and Allied Health Literature", "American Mental Health
    # Counselors Association": the name goes on, capitalised, to what it names
    for t in doc[span.end : span.end + 3]:
        if not t.text[:1].isupper():
            break
        if t.lower_ in _ORG_TAILS:
            return True
    # "Primary Care PTSD Screen", "Emergency Department Stress Scale": an instrument's name
    return span.label_ == "care_setting" and _names_instrument(doc, span.end)


# --- factors, consequences, candidates ------------------------------------------------


_UNSIGNED_EFFECT_CUES = {
    "predicted",
    "predicts",
    "predictor of",
    "predictors of",
    "associated with",
    "related to",
    "linked to",
    "linked with",
    "correlated with",
    "impact on",
    "odds of",
    "predictors of burnout",
    "at risk",
    "vulnerable",
    "vulnerability",
}


def _direction(span: Span, sent: _Sent) -> tuple[int, str]:
    ctx = span._.ev_ctx or {}
    valence = factor_valence(span)
    m = int(ctx.get("modifier", 0))
    e = int(ctx.get("effect", 0))
    if m:
        # a neutral form names a resource ("lack of PPE", "adequate staffing")
        return (valence or 1) * m, "modifier"
    if e < 0 < valence and ctx.get("effect_cue") in _UNSIGNED_EFFECT_CUES:
        # "mindfulness predicts anxiety", "predictors of burnout were ... self-efficacy":
        # the cue says that a resource matters, not which way; its own direction stands
        return valence, "default"
    if e:
        return e, "effect"
    if valence:
        return valence, "default"
    if sent.frame == "risk":
        return -1, "frame"
    if sent.frame == "protective":
        return 1, "frame"
    return 0, "none"


_SIGN = {"risk": -1, "protective": 1}
_THAN = frozenset({"than", "compared", "versus", "vs", "vs."})


def _restated(span: Span, factors: list[Span]) -> bool:
    """The factor of an earlier mention in the sentence, named again: in one phrase the
    matcher split in two ("lack of support from managers"), or as what a group is compared
    with ("nurses with high resilience had lower burnout than nurses with low resilience"
    states one finding, whose direction the first mention carries)."""
    fid = factor_id(span)
    earlier = [f for f in factors if f.end <= span.start and factor_id(f) == fid]
    if not earlier:
        return False
    if any(
        f.end == span.start - 1 and span.doc[f.end].lower_ in {"from", "of", "by"} for f in earlier
    ):
        return True
    first = min(f.end for f in earlier)
    return any(
        t.lower_ in _THAN and not (t.i > 0 and span.doc[t.i - 1].lower_ == "rather")
        for t in span.doc[max(first, span.start - 8) : span.start]
    )


def _emit_factors(
    sents: list[_Sent], out: _Emitter, specs: dict[str, FactorSpec], *, candidates: bool = True
) -> None:
    for s in sents:
        spans = list(groups(s.doc)[EV])
        factors = [sp for sp in spans if sp.label_ == "factor"]
        has_outcome = any(sp.label_ == "outcome" for sp in spans)
        if factors:
            linked = _linked(s, has_outcome)
            covariates = _covariate_regions(s)
            outcomes = [sp for sp in spans if sp.label_ == "outcome"]
            measuring = (
                s.passage.section in {"abstract", "methods"}
                and _MEASURING.search(s.passage.text) is not None
            )
            advice = _RECOMMENDATION.search(s.passage.text) is not None
            describing = _DESCRIBING.search(s.passage.text) is not None or _keyword_line(s)
        for sp in spans:
            if sp.label_ == "consequence":
                ctx = sp._.ev_ctx or {}
                if ctx.get("negated"):
                    continue
                if s.frame == "consequence" or has_outcome or "causal" in s.cue_kinds:
                    out.emit(
                        s,
                        "consequence",
                        sp.kb_id_,
                        span=(sp.start_char, sp.end_char),
                        confidence=0.75,
                        detail={"surface": sp.text},
                    )
        for sp in factors:
            ctx = sp._.ev_ctx or {}
            fid = factor_id(sp)
            if ctx.get("negated") or _no_factors_in(s):
                out.drop(s, fid, "negated/research_need/section")
                continue
            if _resilience_as_target(sp):
                out.drop(s, fid, "resilience_target")
                continue  # "interventions to strengthen resilience": resilience is the aim
            if fid == "isolation" and _not_staff_isolation(sp):
                out.drop(s, fid, "patient_isolation")
                continue  # "patients suffer in isolation", "isolation wards": not the staff's
            if _statistical_relationship(sp):
                out.drop(s, fid, "statistical_relationship")
                continue  # "the relationships between stress and work intentions"
            if any(a <= sp.start_char < b for a, b in covariates):
                out.drop(s, fid, "covariate")
                continue  # "after adjusting for gender, age and education": held constant
            if _counted_people(sp):
                out.drop(s, fid, "counted_people")
                continue  # "59 Nursing Managers", "12% operational managers": who was studied
            if _restated(sp, factors):
                out.drop(s, fid, "restated")
                continue  # "... than those with low resilience", "lack of support from managers"
            if _not_a_factor_use(sp):
                out.drop(s, fid, "not_a_factor_use")
                continue
            if _in_proper_name(sp):
                out.drop(s, fid, "proper_name")
                continue  # "the C-Change Mentoring and Leadership Institute" names a programme
            if any(o.start < sp.end and sp.start < o.end for o in outcomes) and not _drives_outcome(
                sp, outcomes, s
            ):
                out.drop(s, fid, "is_outcome")
                continue  # "insomnia", "job satisfaction" measured as outcomes, not as causes
            if _listed_among_outcomes(sp, spans) and not _NAMED_AS_FACTORS.search(s.passage.text):
                out.drop(s, fid, "listed_among_outcomes")
                continue  # "grief, helplessness, isolation, distress, and burnout"
            if (measuring or describing) and not _FINDING.search(s.passage.text):
                out.drop(s, fid, "measuring")
                continue  # aims and lists of measures name factors without linking them
            if any(
                t.lower_ in {"after", "following"} for t in s.doc[max(0, sp.start - 3) : sp.start]
            ) and any(f.end <= sp.start for f in factors):
                out.drop(s, fid, "after_other_factor")
                continue  # "debrief after seeing a distressing case": a circumstance of the other factor
            if (s.frame == "consequence" and s.heading) or (
                # age or gender is no effect of burnout ("burnout was associated with age")
                ctx.get("caused_by_outcome") and fid not in _GROUP_FACTORS
            ):
                out.emit(
                    s,
                    "consequence",
                    fid,
                    span=(sp.start_char, sp.end_char),
                    confidence=0.6,
                    detail={"surface": sp.text, "factor_id": fid},
                )
                continue
            if (fid in _GROUP_FACTORS or _group_surface(sp)) and not _compares(s):
                out.drop(s, fid, "group_without_comparison")
                continue  # "frontline physicians", "male and female participants": who, not why
            d, basis = _direction(sp, s)
            if (
                d == 0
                and fid in _GROUP_FACTORS
                and (has_outcome or _HEALTH_WORDS.search(s.passage.text))
                and (_FINDING.search(s.passage.text) or _compares(s))
            ):
                d, basis = -1, "group"  # the group with more burnout carries the risk
            spec = specs.get(fid)
            if (
                basis in {"default", "none"}
                and spec is not None
                and spec.topical
                and not has_outcome
            ):
                # a topical factor's bare mention is what the text is about, unless its sentence
                # names the outcome ("telehealth holds promise as it reduces contact" does not)
                out.drop(s, fid, "topical_without_outcome")
                continue
            if s.frame == "consequence" and basis in {"default", "none"}:
                out.drop(s, fid, "consequence_frame")
                continue
            # a factor counts only where its sentence ties it to burnout or wellbeing
            if s.background and not linked:
                out.drop(s, fid, "background_unlinked")
                continue
            if (
                advice
                and basis != "effect"
                and d <= 0
                and not (d < 0 and _RISKS_TO_ADDRESS.search(s.passage.text))
            ):
                out.drop(s, fid, "advice")
                continue  # proposed supports that mitigate burnout count as protective
            if s.background and basis in {"default", "frame"} and not has_outcome:
                out.drop(s, fid, "background_default")
                continue
            if d == 0 and linked and not s.background:
                # a neutral form ("staffing", "PPE") in a sentence that ties it to an outcome
                # takes its factor's usual direction
                d = _SIGN.get(spec.default_direction, 0) if spec is not None else 0
                basis = "default"
            if d == 0:
                out.drop(s, fid, "no_direction")
                continue
            if spec is not None and spec.risk_only and d > 0:
                d, basis = -1, "group"
            elif fid in _PROTECTIVE_UNLESS_MODIFIED and d < 0 and basis != "modifier":
                d, basis = 1, "default"
            conf = {"modifier": 0.85, "effect": 0.8, "default": 0.65, "frame": 0.6, "group": 0.6}[
                basis
            ]
            if ctx.get("hedged"):
                conf -= 0.1
            if s.background:
                conf -= 0.15
            out.emit(
                s,
                "risk_factor" if d < 0 else "protective_factor",
                fid,
                span=(sp.start_char, sp.end_char),
                confidence=conf,
                detail={
                    "direction": "risk" if d < 0 else "protective",
                    "basis": basis,
                    "surface": sp.text,
                    "hedged": bool(ctx.get("hedged")),
                    "background": s.background,
                },
            )
        if candidates:
            _emit_candidates(s, factors, spans, out)
        _emit_called_for_support(s, factors, out)
        _emit_moral_predictor(s, out)


# moral distress or injury that goes with further ill health: the ethical conflict behind it
# drives that ill health ("Moral distress was associated with longer-term mental health", "MI
# symptoms are strongly correlated with higher clinician burnout"; GUIDELINES: factors)
_MORAL_PREDICTOR = _gated(
    re.compile(
        r"\b(?:moral (?:distress|injury|injuries)|(?:MI|MD) (?:symptoms|scores?|levels?))\b"
        r"[^.;]{0,40}?\b(?:associated|correlated|linked|predict(?:ed|s)|lead to|led to|"
        r"contribut(?:ed|es|ing)|increased?) (?:with |to )?[^.;]{0,40}?"
        r"\b(?:burnout|mental health|depress\w*|anxiety|psychopathology|distress|intent\w* to "
        r"leave|turnover|exhaustion|PTSD|stress)\b",
        re.I,
    ),
    "moral|mi|md",
)


def _emit_moral_predictor(s: _Sent, out: _Emitter) -> None:
    if s.background or s.heading or _no_factors_in(s):
        return
    m = _MORAL_PREDICTOR.search(s)
    if m is None or "negation" in s.cue_kinds:
        return
    pid = s.passage.passage_id
    if any(v.passage_id == pid and v.value == "ethical_dilemmas" for v in out.values):
        return  # a form of the factor gave it already
    out.emit(
        s,
        "risk_factor",
        "ethical_dilemmas",
        span=m.span(),
        confidence=0.6,
        detail={
            "direction": "risk",
            "basis": "moral_predictor",
            "surface": m.group(0),
            "hedged": False,
            "background": False,
        },
    )


_LIST_GLUE = frozenset({",", "and", "or", "&", ";"})
# "Key damaging factors included depression, burnout, negative coping, ...": the list is
# one of factors, whatever else it names
_NAMED_AS_FACTORS = re.compile(
    r"\b(?:factors?|predictors?|stressors?|determinants?|drivers?|correlates?)\b", re.I
)


# the covariates a model held constant: "After adjusting for gender, age and education, it
# was found that insomnia ... are risk factors", "adjusting for age, gender, race/ethnicity"
_ADJUSTED_FOR = _gated(
    re.compile(
        r"\b(?:adjust(?:ed|ing|ment)? for|controll?(?:ed|ing) for|accounting for|"
        r"covariates?(?: were| included)?:?)\s",
        re.I,
    ),
    "adjusted|adjusting|adjust|adjustment|controlled|controlling|controling|accounting|"
    "covariate|covariates",
)
_COVARIATES_END = re.compile(r"[;.)\]]|,\s+(?:it|we|there|this|these|the|which|with|and the)\b")


def _covariate_regions(s: _Sent) -> list[tuple[int, int]]:
    """Character ranges listing what a model adjusted for, each from the cue to the end of
    its list."""
    text = s.passage.text
    out = []
    for m in _ADJUSTED_FOR.finditer(s):
        end = _COVARIATES_END.search(text, m.end())
        out.append((m.end(), min(end.start() if end else len(text), m.end() + 120)))
    return out


_MEASURED_TRAITS = frozenset({"coping_resilience"})


def _listed_among_outcomes(sp: Span, spans: list[Span]) -> bool:
    """A factor that is one item of a list made mostly of outcomes ("fear, anxiety,
    depression, stress, loneliness, and burnout") is named as a state the staff are in,
    not as something that drives it."""
    doc = sp.doc
    items = sorted(
        (o for o in spans if o.label_ in {"factor", "outcome"}), key=lambda o: (o.start, -o.end)
    )
    chain: list[Span] = []
    for o in items:  # one item per position: the longest span starting there
        if chain and o.start < chain[-1].end:
            continue
        chain.append(o)
    if sp not in chain:
        return False
    i = chain.index(sp)

    def glued(a: Span, b: Span) -> bool:
        gap = doc[a.end : b.start]
        return 0 < len(gap) <= 2 and all(t.lower_ in _LIST_GLUE for t in gap)

    lo = i
    while lo > 0 and glued(chain[lo - 1], chain[lo]):
        lo -= 1
    hi = i
    while hi + 1 < len(chain) and glued(chain[hi], chain[hi + 1]):
        hi += 1
    listed = chain[lo : hi + 1]
    n_out = sum(o.label_ == "outcome" for o in listed)
    if factor_id(sp) in _MEASURED_TRAITS:
        # resilience, coping, self-efficacy: scales often given beside the burnout measure
        # ("levels of burnout and resilience"), a co-outcome unless a finding links them
        return n_out >= 1 and n_out >= len(listed) - n_out
    return n_out >= 2 and n_out > len(listed) - n_out


_RECOMMENDATION = re.compile(
    r"\b(?:should|must|ought to|need(?:s|ed)? to be|needs? to|recommend\w*|it is (?:important|"
    r"essential|crucial|vital) to|we (?:suggest|propose|call for))\b",
    re.I,
)
# advice that names the risks it would address: "Contributing factors in burnout including
# work overload need to be addressed", "attention should be paid to nurses with more night
# shifts and families with low income"
_RISKS_TO_ADDRESS = re.compile(
    r"\b(?:(?:contributing|risk) factors?|stressors|drivers|causes|attention (?:should|must|needs? "
    r"to) be (?:paid|given) to)\b",
    re.I,
)
_NO_FACTOR_SECTIONS = {"front_matter"}


def _no_factors_in(s: _Sent) -> bool:
    """A sentence no factor is read from: a call for research, front matter, record
    metadata, or another language."""
    return (
        "research_need" in s.cue_kinds
        or s.passage.section in _NO_FACTOR_SECTIONS
        or s.metadata
        or s.foreign
    )


# factors named by a group ("females", "age") whose direction is that of the group with more
# burnout (GUIDELINES: demographic predictors)
_GROUP_FACTORS = {"demographics_experience"}
# factors that name a hazard, an exposure or a group are `risk_only` in factors.yaml: whichever
# way the sentence runs, what is recorded is the risk ("women reported less burnout than men":
# the risk group is men; "adequate PPE lowered distress": infection risk is the factor;
# "reducing the workload of HCPs may prevent burnout": workload drives it)
# supports offered to staff: a risk cue in their sentence is about what they answer
# ("interventions can improve burnout", "stressors ... and effective burnout interventions");
# only a modifier ("lack of psychological support") makes them a risk (GUIDELINES: lack of X)
_PROTECTIVE_UNLESS_MODIFIED = {"wellbeing_programs"}
# forms that name a group of staff; they are a factor only where groups are compared
_GROUP_SURFACES = {
    "frontline",
    "front line",
    "front-line",
    "frontlines",
    "first line",
    "first-line",
}
# "nurses caring for COVID-19 patients", "staff of COVID-19 wards": who was studied
_COVID_GROUP = re.compile(
    r"\b(?:covid(?:-?19)?|sars-cov-2|coronavirus)\s+(?:patients?|wards?|units?)$", re.I
)


def _group_surface(span: Span) -> bool:
    text = span.text.lower()
    return text in _GROUP_SURFACES or _COVID_GROUP.search(text) is not None


_COMPARISON_WORDS = (
    r"than|vs\.?|versus|compared|comparison|more|less|higher|lower|greater|least|"
    r"risk|predict\w*|associated|associations?|correlat\w*|odds|vulnerab\w*|"
    # "significantly higher", "a significant difference"; not "significant consequences for
    # frontline workers", a size
    r"significantly|significant(?=\s+(?:differences?|associations?|predictors?|correlations?|"
    r"effects?|relationships?|risk|increase|decrease|gaps?))|"
    r"susceptib\w*|affected|differ\w*|influenc\w*|related|determin\w*|factors?|predictors?|"
    r"preponderance|disproportionat\w*|heavily|hardest|highest|lowest"
)
# case-blind words ("Factors, including ... age, race"), a case-kept "OR" (odds ratio) and
# "most" ("Most trainees reported": a quantifier)
_COMPARISON = re.compile(r"\b(?:most|(?i:" + _COMPARISON_WORDS + r")|OR)\b|[pP]\s?[<=]")
# a title's capitals are its style ("Factors Associated with Nurses' Intention toward
# COVID-19 Patients" compares no group): only lower-case words count there
_COMPARISON_IN_TITLE = re.compile(r"\b(?:most|" + _COMPARISON_WORDS + r"|OR)\b|[pP]\s?[<=]")


def _compares(s: _Sent) -> bool:
    pattern = _COMPARISON_IN_TITLE if s.passage.section == "title" else _COMPARISON
    return pattern.search(s.passage.text) is not None


_MEASURING = re.compile(
    r"\b(?:aim(?:s|ed)? (?:to|of|was)|objectives?\b|purpose of|designed to (?:measure|assess)|"
    r"were (?:assessed|measured|collected|evaluated)|(?:was|were) used to|will be|"
    r"questions? (?:targeted|about|on)|(?:we|to) (?:assess|evaluate|investigate|examine|explore|"
    r"determine|measure|analy[sz]e)d?|evaluating|assessing|examined|"
    r"(?:areas?|topics?|domains?) of (?:investigation|inquiry|interest)|"
    r"(?:factors|variables|measures|predictors|covariates) (?:measured|assessed|examined)|"
    r"collect(?:s|ed)? data on|(?:survey|questionnaire) (?:collects|collected|covered|included)|"
    # "the Mini-Z survey, which includes ... items on time pressure, documentation burden and
    # teamwork": what the instrument asks about
    r"items? (?:on|about|assessing|measuring|covering)|"
    # who could take part and what was recorded: "the exclusion criterion was a history of
    # psychiatric diseases", "the variables used in this study include gender, ..."
    r"(?:exclusion|inclusion|eligibility) criteri(?:on|a)|variables (?:used|included|include))\b",
    re.I,
)
# sentences describing the sample or listing keywords name factors without linking them
_DESCRIBING = re.compile(
    r"\bmean age\b|\b(?:were|was) (?:female|male|women|men)\b|\bwere (?:recruited|enrolled|"
    r"included)\b|\bresponse rate\b|\bkey ?words?\b|"
    # the structured label for who was studied: "Population Studied National program leaders"
    r"^\s*Population Studied\b|\b(?:interviewees|respondents|participants) included\b",
    re.I,
)


def _keyword_line(s: _Sent) -> bool:
    """ "burnout; oncology nursing; self-care; stress": a keyword list, not a sentence."""
    parts = [x for x in re.split(r"[;,]", s.passage.text) if x.strip()]
    return (
        s.passage.text.count(";") >= 2
        and all(len(x.split()) <= 4 for x in parts)
        and not re.search(r"\b(?:is|are|was|were|has|have)\b", s.passage.text)
    )


_FINDING = re.compile(
    r"\b(?:found|showed|revealed|identified|predict\w*|associated|correlated|(?<!-)related|"
    r"significant\w*|higher|lower|more likely|less likely)\b|[pP]\s?[<=]",
    re.I,
)
_LINK_CUES = {"causal", "effect", "frame_risk", "frame_protective"}
# what a group can fare worse on when no outcome term is named ("poorer outcomes",
# "more severe symptoms", "an association with mental health")
_HEALTH_WORDS = re.compile(
    r"\b(?:outcomes?|symptoms?|mental health|well-?being|distress|morbidity|affected|"
    # "associated with the 3 conditions studied", "a higher risk was found in young workers"
    r"scored higher|(?<!working )conditions? studied|(?:higher|greater|increased) risk|"
    # "differences in GAD-7, PHQ-9 and ISI scores among ... gender", "gender ... were the
    # influencing factors", "the final regression model contained ... (gender, ...)"
    r"scores|influencing factors|regression model|burden)\b",
    re.I,
)


_NAME_ENDS = {
    "Institute",
    "Program",
    "Programme",
    "Center",
    "Centre",
    "Council",
    "Foundation",
    "Initiative",
    "Task",
    "Academy",
    "Society",
    "Association",
}


# "key ingredients for fostering resilience", "vital to resident resilience": resilience is
# what is sought, not a factor found to drive or protect (the means named is the factor)
_TARGET_BEFORE = {
    "foster",
    "fosters",
    "fostering",
    "build",
    "builds",
    "building",
    "promote",
    "promotes",
    "promoting",
    "strengthen",
    "strengthens",
    "strengthening",
    "enhance",
    "enhances",
    "enhancing",
    "boost",
    "boosting",
    "bolster",
    "bolstering",
    "cultivate",
    "cultivating",
    "support",
    "supporting",
    "improve",
    "improving",
    "increase",
    "increasing",
    "develop",
    "developing",
    "vital",
    "essential",
    "key",
}


def _resilience_as_target(span: Span) -> bool:
    if not span[-1].lower_.startswith("resilien"):
        return False
    doc = span.doc
    before = doc[max(0, span.start - 4) : span.start]
    return any(t.lower_ in _TARGET_BEFORE for t in before)


_ISOLATION_PLACE = {
    "ward",
    "wards",
    "unit",
    "units",
    "room",
    "rooms",
    "procedure",
    "procedures",
    "area",
    "areas",
    "precautions",
    "hospital",
    "hospitals",
    "facility",
    "facilities",
}


# isolation as a public-health measure rather than the staff's loneliness: "quarantine and
# isolation" (GUIDELINES batch 6-9: quarantine stays an open item), "strict isolation"
_CONTAINMENT = {"strict", "containment", "quarantine", "quarantined", "distancing", "tracing"}


def _not_staff_isolation(span: Span) -> bool:
    """Isolation of patients or populations, or an isolation ward, rather than the staff's."""
    doc = span.doc
    before = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    after = [t.lower_ for t in doc[span.end : span.end + 3]]
    if before & {"patient", "patients", "geographically", "clients", "residents'"}:
        return True
    if (before | set(after)) & _CONTAINMENT:
        return True  # "infection control, isolation, containment", "under strict isolation"
    return bool(after and after[0] in _ISOLATION_PLACE) or (
        after[:1] == ["of"] and bool({"patient", "patients"} & set(after))
    )


def _statistical_relationship(span: Span) -> bool:
    """'relationship(s)' as an association between variables, not between people."""
    if span[-1].lower_ not in {"relationship", "relationships"}:
        return False
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if nxt in {"between", "among", "amongst"} or prev in _STAT_BEFORE:
        return True
    if nxt in {"with", "of"} and span.end + 1 < len(doc):
        # "Relationships with Self-Compassion", "relationships of stress with depression";
        # "relationships with colleagues" are between people
        return doc[span.end + 1].lower_ not in _PEOPLE_AFTER
    return False


_STAT_BEFORE = frozenset(
    {"nonlinear", "linear", "causal", "these", "direct", "indirect", "significant",
     "statistical", "interpreting", "bidirectional", "reciprocal", "mediating"}
)  # fmt: skip
_PEOPLE_AFTER = frozenset(
    {"colleagues", "coworkers", "co-workers", "peers", "patients", "supervisors", "managers",
     "staff", "teammates", "team", "family", "families", "friends", "others", "other",
     "leaders", "leadership", "nurses", "physicians", "doctors", "their", "his", "her", "the",
     "a", "clients", "service", "members", "partners", "spouses", "children", "co", "senior",
     "management", "administrators", "residents", "consultants", "attendings"}
)  # fmt: skip


_PEOPLE_FORMS = frozenset({"leaders", "managers", "supervisors", "colleagues", "peers"})


# words that make a people form the source of support: "support from their managers"
_SUPPORT_WORDS = frozenset({"support", "supportive", "from", "by", "with", "of", "the", "their"})


def _counted_people(span: Span) -> bool:
    """A factor form that names people ("managers") counted as part of a sample, or named as
    the people studied: "burnout in senior and middle managers", "among nurse leaders"."""
    if span[-1].lower_ not in _PEOPLE_FORMS:
        return False
    before = span.doc[max(0, span.start - 3) : span.start]
    if any(t.like_num or t.text == "%" for t in before):
        return True
    window = span.doc[max(0, span.start - 5) : span.start]
    for i, t in enumerate(window):
        if t.lower_ in {"among", "in", "amongst"}:
            between = window[i + 1 :]
            return all(w.is_alpha and w.lower_ not in _SUPPORT_WORDS for w in between)
    return False


# a form that is also a verb or a sampling term: "a strategy that targets this population",
# "a non-probabilistic sample by quotas", "quota sampling"
_AS_VERB_AFTER = {"that", "which", "who", "to", "specifically", "also"}
_OBJECT_AFTER = {"this", "these", "those", "the", "a", "an", "their", "its", "specific"}
_SAMPLING_WORDS = {"sample", "sampling", "sampled", "by"}
_RECOGNISING_WHAT = {
    "pattern",
    "speech",
    "image",
    "facial",
    "face",
    "voice",
    "ecological",
    "entity",
}
_AIMED_AT = {
    "promising",
    "potential",
    "possible",
    "intervention",
    "therapeutic",
    "treatment",
    "key",
}


def _not_a_factor_use(span: Span) -> bool:
    """A factor form used as a verb ("targets this population") or for sampling ("a sample
    by quotas"), not as the factor it names."""
    word = span[-1].lower_
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if len(span) == 1 and word in {"targets", "target", "targeted", "targeting"}:
        # "promising targets in ameliorating burnout": what an intervention aims at
        return before in _AS_VERB_AFTER or after in _OBJECT_AFTER or before in _AIMED_AT
    if word in {"quota", "quotas"}:
        return before in _SAMPLING_WORDS or after in _SAMPLING_WORDS
    if word == "recognition":
        # "pattern recognition", "Online Ecological Recognition", "recognition that COVID-19
        # was real": knowing, not being recognised for one's work
        return before in _RECOGNISING_WHAT or after == "that"
    if word == "appreciation":
        # "increased appreciation of life": a domain of post-traumatic growth
        return span.end + 1 < len(doc) and after == "of" and doc[span.end + 1].lower_ == "life"
    return False


def _in_proper_name(span: Span) -> bool:
    """A title-case factor phrase followed by an organisation word or an instrument's tail
    ("Stress Overload Scale"), mid-sentence."""
    if span.start == 0 or not span[0].text[:1].isupper():
        return False
    doc = span.doc
    for t in doc[span.end : span.end + 4]:
        if t.text in _NAME_ENDS or (t.text in _NAME_TAIL and t.text != "Burnout"):
            return True
        if not (t.text[:1].isupper() or t.lower_ in {"and", "of", "&", "-"}):
            return False
    return False


_DRIVER_LINK = re.compile(
    r"\b(?:predict\w*|associated with|correlated with|related to|linked to|led to|lead to|"
    r"leading to|contribut\w* to|affected|influenced|mediat\w*)\b",
    re.I,
)


def _drives_outcome(span: Span, outcomes: list[Span], s: _Sent) -> bool:
    """A factor that is also an outcome term counts when a link cue follows it and a
    burnout-family outcome follows the cue ("insomnia mediated the effect ... on PTSD")."""
    own = {x.kb_id_ for x in outcomes if x.start < span.end and span.start < x.end}
    if any(o.kb_id_ not in own for o in outcomes) and _DRIVER_LINK.search(s.passage.text):
        return True  # "moral injury predicted burnout", "anxiety was predicted by moral injury"
    cues = [
        c for c in groups(s.doc)[CUES] if c.label_ in {"causal", "effect"} and c.start >= span.end
    ]
    return any(
        o.start >= c.end and o.kb_id_ != span_outcome
        for c in cues
        for o in outcomes
        for span_outcome in {
            x.kb_id_ for x in outcomes if x.start < span.end and span.start < x.end
        }
    )


def _linked(s: _Sent, has_outcome: bool) -> bool:
    """The sentence links factors to an outcome: names one, states an association or
    effect, or sits in a list of causes, stressors or supports."""
    return has_outcome or bool(s.cue_kinds & _LINK_CUES) or s.frame in {"risk", "protective"}


# "Interventions to promote the psychological well-being of HCWs need to be developed",
# "mental health care for this group needs to be implemented": support for staff that the
# authors call for because of their findings (GUIDELINES, batch 4: wellbeing_programs)
_SUPPORT_NOUN = re.compile(
    r"\b(?:interventions?|(?:psychological|psychosocial|emotional|mental health|psychiatric) "
    r"support|support (?:programs?|programmes?|services)|programs?|programmes?|"
    r"strateg(?:y|ies)|measures|services|"
    r"mental health care|psychological care|psychological help|counsell?ing|screening|"
    # "mental health guidance", "attention to the mental health of staff", "emotional,
    # psychological, and organizational support", "specific support"
    r"(?:mental health|psychological) guidance|attention (?:to|for) (?:the )?mental health|"
    r"(?:emotional|psychological|psychosocial|specific|tailored|targeted|appropriate)"
    r"(?:,? (?:and |or )?\w+){0,3} support)\b",
    re.I,
)
_CALLED_FOR = re.compile(
    r"\b(?:(?:is|are) (?:urgently |also |therefore |thus )?(?:needed|required|warranted|"
    r"necessary|essential|crucial|vital|recommended)|should be (?:provided|offered|implemented|"
    r"developed|considered|adopted|made available|prioriti[sz]ed|established|given)|"
    r"needs? to be (?:implemented|develop(?:ed|ing)|provided|offered|considered|established|put)|"
    r"must (?:be )?(?:provided|offered|implemented|ensure)|(?:may|can|could) be (?:helpful|"
    r"beneficial)|(?:we )?recommend|"
    # "is of great importance", "the utmost importance in providing emotional support",
    # "the need for measures to minimise", "may require specific support", "may consider
    # adopting programs to ... reduce burnout", "may help to mitigate burnout"
    r"(?:is|are) of (?:great|particular|utmost|paramount|critical|vital) importance|"
    r"(?:utmost|great|particular) importance (?:of|in)|(?:highlight|signal|reinforc|underscor|"
    r"underlin|emphasi[sz]|show|indicat|suggest|point|discuss|confirm)\w*[^.;]{0,40}?"
    r"\bthe (?:\w+ )?need for|(?:may|might) require (?:\w+ ){0,2}support|"
    r"(?:may|should) consider (?:adopting|implementing|offering|providing)|"
    r"(?:may|might) help (?:to )?(?:mitigate|reduce|prevent|alleviate) (?:\w+ ){0,3}?"
    r"(?:burnout|distress|stress|anxiety|exhaustion))\b",
    re.I,
)
_FOR_STAFF = re.compile(
    r"\b(?:health ?care (?:workers|professionals|providers|staff|personnel)|HCWs?|HCPs?|"
    r"staff|nurses|physicians|doctors|clinicians|residents|workforce|providers|"
    r"practitioners|psychiatrists|psychologists|therapists|counsell?ors|social workers|"
    r"midwives|paramedics|their (?:mental|psychological)|well-?being|mental health|"
    r"burnout|distress|front-?line|front line|psychological (?:pressure|burden|health))\b",
    re.I,
)


_CALL_WORDS = (
    "need", "requir", "warrant", "necessar", "essential", "crucial", "vital",
    "recommend", "should", "must", "helpful", "beneficial", "importance", "may help",
    "might help", "may consider",
)  # fmt: skip
_EFFECT_WORDS = (
    "reduced", "decreased", "lowered", "alleviated", "improved", "increased", "enhanced",
    "mitigated",
)  # fmt: skip
_INTERVENTION_WORDS = ("intervention", "program", "training", "session", "workshop", " app")
_RESEARCH_AIM = re.compile(
    r"\b(?:stud(?:y|ies)|research|examine|investigate|explore|identify|identification|"
    r"reporting|planning|understand)\b",
    re.I,
)


# a call to act on the staff's mental health itself, with no programme named: "nurse leaders
# should ... offer solutions to retain mental health", "there is a need to address the mental
# health of healthcare workers" (GUIDELINES batch 4: calls for staff support)
_CALL_TO_ACT = re.compile(
    r"\b(?:should|must|need(?:s|ed)? to|(?:is|are) (?:essential|important|crucial|necessary|"
    r"vital|urgent|imperative) to|(?:we )?recommend|urgently)\b[^.;]{0,120}?"
    r"\b(?P<act>(?:address|support|protect|safeguard|reduce|minimi[sz]e|alleviate|remediate|"
    r"retain|improve|promote|preserve|prioriti[sz]e|care for|look after|attend to|monitor)"
    r"\b[^.;]{0,60}?\b(?:mental health|well-?being|psychological (?:distress|pressure|health|"
    r"burden|needs|well-?being)|burnout|distress))\b",
    re.I,
)


# an intervention the text shows to ease the staff's burnout or distress: "A single online
# group EFT session reduced stress, anxiety, and burnout levels in nurses", "the programme
# improved resilience" (GUIDELINES: interventions shown to reduce burnout are protective)
_INTERVENTION_EFFECT = re.compile(
    r"\b(?P<act>(?:interventions?|programs?|programmes?|training|sessions?|course|workshops?|"
    r"app))\b[^.;]{0,80}?\b(?:reduced|decreased|lowered|alleviated|improved|increased|"
    r"enhanced|mitigated|(?:may |can |could )?help(?:ed|s)? (?:to )?(?:reduce|mitigate|"
    r"prevent|alleviate|improve))\b[^.;]{0,60}?\b(?:burnout|stress|anxiety|exhaustion|"
    r"compassion fatigue|secondary traumatic stress|resilience|well-?being|mental health|"
    r"distress|depress\w*)\b",
    re.I,
)
_NO_EFFECT = re.compile(r"\b(?:not|no|nor|neither|failed|without)\b", re.I)


# a call about patients or the public, unless staff are named too
_OTHER_PEOPLE = re.compile(r"\b(?:patients?|public|population|children|students)\b", re.I)


# staff a call about patients or the public must name to be for them too ("clinicians" and
# "providers" are who would act for the patients: "clinicians should monitor their patients")
_STAFF = re.compile(
    r"\b(?:HCWs?|HCPs?|staff|nurses|physicians|doctors|health ?care workers|workers|workforce|"
    r"personnel|employees)\b",
    re.I,
)


def _emit_called_for_support(s: _Sent, factors: list[Span], out: _Emitter) -> None:
    if s.background or "research_need" in s.cue_kinds or s.passage.section == "title":
        return
    if any(factor_id(sp) == "wellbeing_programs" for sp in factors):
        return  # named by a form already
    text = s.passage.text
    low = text.lower()
    calls = any(w in low for w in _CALL_WORDS)
    shown = any(w in low for w in _EFFECT_WORDS) and any(w in low for w in _INTERVENTION_WORDS)
    if not calls and not shown:
        return  # cheap tests before the long patterns
    noun = _SUPPORT_NOUN.search(text) if calls else None
    called = _CALLED_FOR.search(text) if noun is not None else None
    if noun is not None and called is not None:
        span = noun.span()
        call = (min(noun.start(), called.start()), max(noun.end(), called.end()))
    else:
        act = _CALL_TO_ACT.search(text) if calls else None
        if act is None and shown:
            act = _INTERVENTION_EFFECT.search(text)
            if act is not None and _NO_EFFECT.search(act.group()):
                return
        if act is None:
            return
        span, call = act.span("act"), act.span()
    if not _FOR_STAFF.search(text):
        return
    if _RESEARCH_AIM.search(text, max(0, call[0] - 40), call[1] + 40):
        return  # "studies are needed to identify effective resources": research, not support
    if _OTHER_PEOPLE.search(text) and not _STAFF.search(text):
        return
    out.emit(
        s,
        "protective_factor",
        "wellbeing_programs",
        span=span,
        confidence=0.55,
        detail={
            "direction": "protective",
            "basis": "called_for",
            "surface": text[span[0] : span[1]],
            "hedged": True,
            "background": False,
        },
    )


# words of a study's own report, not of a factor: "this study is the first to examine",
# "logistic regression analyses were conducted to identify factors"
_NOT_IN_CANDIDATE = frozenset(
    {"we", "this", "these", "it", "they", "study", "studies", "analysis", "analyses",
     "regression", "regressions", "aim", "aimed", "examine", "investigate", "investigated",
     "identify", "discuss", "understand", "assessment", "conducted", "factors", "predictors",
     "first", "will", "given", "continent", "country", "countries", "reducing", "type",
     "professionals", "providers", "workers", "staff", "personnel"}
)  # fmt: skip


# a list of what drives an outcome: "Factors associated with burnout included younger age,
# working in the emergency department and uncertainty", "Stressors included ..."
_NAMED_LIST = _gated(
    re.compile(
        r"\b(?:(?P<good>strategies|facilitators|motivators|needs)|factors?|"
        r"predictors?|stressors?|determinants?|correlates?|sources of (?:stress|distress|"
        r"anxiety)|contributors|barriers|challenges)\b"
        r"[^.;:]{0,80}?(?:\b(?P<verb>included|includes|include|were|are|comprised|including|"
        r"such as)\s*:?|:)\s*(?P<items>[^.:]{3,300}?)(?=[.:]|$)",
        re.I,
    ),
    "factor|factors|predictor|predictors|stressor|stressors|determinant|determinants|"
    "correlate|correlates|sources|contributors|barriers|challenges|strategies|facilitators|"
    "motivators|needs",
)
# what follows "factors ... were" when no list does: "were identified", "were due to", "were
# higher than", "were reported by both groups"
_NOT_A_LIST = re.compile(
    r"^(?:\w+ed|due|higher|lower|more|less|of|in|not|also|found|shown|seen|similar)\b", re.I
)
# an item that is the sentence's lead-in, not a factor: "On the other hand, anxiety ...",
# "Results showed that self-oriented empathy ..."
_NOT_AN_ITEM = re.compile(
    r"\b(?:results?|showed|shows|that|hand|introduction|background|conclusions?|moreover|"
    r"however|therefore|respondents|participants)\b",
    re.I,
)
_LOWER_OUTCOME = re.compile(
    r"\b(?:protective|lower|fewer|less|reduced|decreased|negatively|inversely)\b", re.I
)
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous)$", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)\s*")
_VIRUS_NAME = re.compile(r"\b(?:COVID|SARS-CoV|MERS-CoV)-?\d+\b", re.I)
_STATS_IN_ITEM = re.compile(r"\d|[=<>%]|\b(?:OR|CI|AOR|p)\b")


_ADVERBS = (
    r"(?:(?:also|most|more|significantly|independently|positively|negatively|strongly|"
    r"mainly|mostly|largely|primarily|further|each|all|only|frequently|commonly|directly|"
    r"partly|partially|statistically|consistently|inversely|together)\s+){0,3}"
)
# an outcome, then what goes with it: "MI was also related to prior adversity, nurse role,
# COVID-19 health worry, and COVID-19 diagnosis"; "clinicians reported distress due to the
# challenges of PPE, uncertainty and powerlessness, ..."
_LINKED_AFTER = _gated(
    re.compile(
        r"\b(?:(?:was|were|is|are|been)\s+" + _ADVERBS + r"(?:associated with|related to|"
        r"linked (?:to|with)|correlated with|predicted by|explained by|influenced by|"
        r"affected by|driven by|attributed to|caused by|exacerbated by|compounded by|"
        r"aggravated by|triggered by)|due to|because of|arising from|stemming from|"
        r"resulting from|caused by|driven by|attributed to)(?::\s*(?P<colon>[^.]{3,300}?)(?=\.|$)|"
        r"\s+(?P<items>[^.;:]{3,250}?)(?=[.;:]|,\s+(?:while|whereas|but|which|although|though|"
        r"suggesting|indicating|respectively|and (?:the|this|these|those|that|it|they|we|no)\b)|"
        r"\s+(?:whereas|while|but)\b|$))",
        re.I,
    ),
    "associated|related|linked|correlated|predicted|explained|influenced|affected|driven|"
    "attributed|caused|exacerbated|compounded|aggravated|triggered|due|because|arising|"
    "stemming|resulting",
)
# what goes with an outcome, then the outcome: "Exposure, fear, isolation, loss of income and
# reduced autonomy contribute to this increased stress"; "job category, ... were independent
# predictors of depersonalization"
_LINKED_BEFORE = _gated(
    re.compile(
        r"^\W*(?P<items>[^.:]{3,260}?)\s+(?:(?:were|was|are|is|have been|has been)\s+)?"
        + _ADVERBS
        + r"(?:(?:the\s+)?(?:most\s+|main\s+|major\s+|key\s+|important\s+|significant\s+|"
        r"independent\s+|strongest\s+|only\s+){0,2}(?:predictors?|risk factors?|"
        r"determinants?|correlates?|sources?|causes?|drivers?|contributors?) (?:of|for|to)|"
        r"associated with|related to|linked (?:to|with)|predictive of|correlated with|"
        r"predicted|contribut(?:e|es|ed) to|led to|lead to|leads to|"
        r"at (?:a\s+)?(?:higher|greater|increased|high) risk (?:of|for)|more likely to (?:report|"
        r"have|experience|develop|suffer|screen|show|be)|(?:the\s+)?most affected|"
        r"(?P<good>important|essential|crucial|helpful|vital|key) (?:for|to|in)|"
        # what is proposed against the outcome: "reducing job-related stressors and creating a
        # healthy work environment may prevent or reduce the burnout"
        r"(?:(?:may|can|could|might|would|will)\s+(?:help\s+(?:to\s+)?)?)?"
        r"(?P<against>prevent|reduce|mitigate|alleviate|decrease|lower|buffer|protect against))\b",
        re.I,
    ),
    "predictor|predictors|factor|factors|determinant|determinants|correlate|correlates|"
    "source|sources|cause|causes|driver|drivers|contributors|contributor|associated|related|"
    "linked|predictive|correlated|predicted|contribute|contributes|contributed|led|lead|leads|risk|"
    "likely|affected|important|essential|crucial|helpful|vital|key|prevent|reduce|mitigate|"
    "alleviate|decrease|lower|buffer|protect",
)
# who put an outcome down to what: "Providers attributed their stress, anxiety or depression to
# feeling overwhelmed, being unable to focus, ..."; "residents associated distress with ..."
_ATTRIBUTED = _gated(
    re.compile(
        r"\b(?:attributed|ascribed|associated|linked|related)\s+(?P<mid>[^.;:]{3,80}?)\s+"
        r"(?:to|with)\s+(?P<items>[^.;:]{3,250}?)(?=[.;:]|,\s+(?:while|whereas|but|which|"
        r"although)\b|$)",
        re.I,
    ),
    "attributed|ascribed|associated|linked|related",
)
# an outcome that is worse in some groups: "burnout was significantly higher among residents
# and physicians working in the emergency department"
_WORSE_AMONG = _gated(
    re.compile(
        r"\b(?:higher|greater|more (?:common|prevalent|frequent|severe)|worse|increased)\s+"
        r"(?:among|in)\s+(?P<items>[^.;:]{3,160}?)(?=[.;:]|,\s+(?:while|whereas|but|which|"
        r"compared|than)\b|\s+(?:than|compared|whereas|while|but)\b|$)",
        re.I,
    ),
    "higher|greater|more|worse|increased",
    "among|in",
)
# a sentence that reports what was found, though it names what was measured
_REPORTED = re.compile(
    r"\b(?:found|showed|shown|revealed|indicated|demonstrated)\b|[pP]\s?[<=]", re.I
)
_STRAIN = re.compile(r"\b(?:stress|strain|strained)\b", re.I)
# where a list opens after a lead-in: "Results showed that ...", "In multivariate analysis, ..."
_LEAD_IN = re.compile(
    r"^(?:.*\b(?:that|whereas|while)\s+|(?:in|on|after|among|using|for|furthermore|moreover|"
    r"additionally|also|however|overall|notably|finally|similarly|conversely|importantly|"
    r"results|conclusions?|in addition|in particular|specifically|besides|then|here)\b"
    r"[^,]{0,80},\s*)",
    re.I,
)
_OWN_REPORT = re.compile(r"\b(?:we|our|this study|this review)\b", re.I)
_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_CANDIDATE_LEAD = re.compile(
    r"^(?:the|a|an|such as|including|e\.g\.,?|both|their|its|his|her|high|higher|"
    r"greater|more|increased|increasing)\s+",
    re.I,
)
# a verb, a modal or a relative pronoun shows a clause, not a list of factors: a list that
# opens its sentence and holds one is prose and gives nothing ("these behaviours can be a
# form of escape or ..."); a list after its link ends there ("related to occupational role
# and were highest in nurses")
_CLAUSE_WORDS = frozenset(
    {"can", "may", "might", "could", "would", "should", "will", "must", "which", "who", "whom",
     "that", "whose", "made", "make", "makes", "did", "does", "do", "had", "has", "have", "was",
     "were", "is", "are", "be", "been", "became", "become", "becomes", "showed", "found",
     "suggest", "suggests", "reported", "inquired", "explore", "examine", "summarize",
     "identify", "assess", "aims", "aim", "whether", "how", "what", "when", "where", "if"}
)  # fmt: skip
# words no factor phrase holds: an outcome word shows what is measured ("anxiety symptoms",
# "CF scores"), and what a survey recorded is not what drove anything ("demographic
# information", "workplace characteristics", "cognitive/psychological measures")
_MEASURE_WORDS = frozenset(
    {"despite", "regarding", "than", "significant", "significantly", "prevalence", "score",
     "scores", "symptom", "symptoms", "symptomatology", "outcome", "outcomes", "disorder",
     "disorders", "health", "wellbeing", "well-being", "exhaustion", "burnout", "burn-out",
     "depression", "depressive", "anxiety", "ptsd", "distress", "ideation", "morbidity",
     "level", "levels", "rate", "rates", "scale", "inventory", "questionnaire", "model",
     "information", "characteristics", "measures", "data", "demographics", "variables",
     "required", "essential", "related", "identified", "intention", "turnover",
     # words that point back to something named before: "implementing such initiatives"
     "such", "these", "this", "those", "often",
     # how common the outcome is, not what drives it: "less common"
     "common", "prevalent", "frequent"}
)  # fmt: skip
_NOT_A_START = frozenset(
    {"in", "on", "at", "as", "over", "into", "from", "by", "for", "with", "during", "after",
     "before", "between", "while", "whereas", "although", "all", "without", "to", "of", "and",
     "or", "but", "so", "thus", "then", "this", "these", "those", "some", "other", "others",
     "another", "such", "each", "any", "most", "many", "several",
     # a verb opens a clause ("systems that minimize manual input")
     "minimize", "minimise", "reduce", "increase", "improve", "provide", "ensure", "promote",
     "enhance", "prevent", "address", "ease", "help"}
)  # fmt: skip
_GENERIC_ITEMS = frozenset(
    {"second", "first", "third", "very", "current", "associated", "team", "cost", "costs",
     "workplace", "resources", "support", "provider", "home", "work", "time", "findings",
     "results", "data", "variables", "reasons", "worries", "concerns", "exposure", "factors",
     "stressors", "coping", "major", "inpatient", "young", "address", "colleagues",
     "government", "practices", "strategies", "quit", "suffered", "productivity", "features",
     "attrition", "absenteeism", "evaluated", "described"}
)  # fmt: skip
# the setting of the whole literature, not a factor of one study: "the COVID-19 pandemic",
# "challenges of the COVID-19 pandemic", "impact of the pandemic"
_ONLY_CONTEXT = frozenset(
    {"covid-19", "covid", "pandemic", "outbreak", "epidemic", "coronavirus", "sars-cov-2",
     "crisis", "impact", "impacts", "challenges", "effects", "effect", "the", "of", "this",
     "current", "ongoing", "global", "personal", "experiences", "experience", "related"}
)  # fmt: skip
_CANDIDATE_END = frozenset(
    {"of", "in", "to", "for", "with", "by", "on", "the", "a", "an", "and", "or", "as", "at",
     "from", "that", "which", "who", "were", "was", "is", "are", "be", "their", "its"}
)  # fmt: skip


def _emit_listed_candidates(s: _Sent, spans: list[Span], out: _Emitter) -> list[tuple[int, int]]:
    """Items of a list of what drives burnout (or protects from it) that match no taxonomy
    form, kept for a reviewer (GUIDELINES: other_factors): a list named as factors, a list
    an outcome is linked to, or one linked to an outcome. Returns the candidates' spans."""
    if "negation" in s.cue_kinds or _no_factors_in(s) or s.passage.section == "title":
        return []  # a title's colon opens its subtitle, not a list
    text = s.passage.text
    outcomes = [sp.start_char for sp in spans if sp.label_ == "outcome"]

    def has_outcome(a: int, b: int) -> bool:
        return (
            any(a <= at < b for at in outcomes)
            or _HEALTH_WORDS.search(text, a, b) is not None
            or _STRAIN.search(text, a, b) is not None
        )

    # the cheap tests first: most sentences hold no list (the patterns are gated by words)
    regions: list[tuple[int, int, str, str]] = []
    m = _NAMED_LIST.search(s)
    if (
        m is not None
        # "factors ... were identified": no list
        and not (m.group("verb") in {"were", "are"} and _NOT_A_LIST.match(m.group("items")))
        # "predictors of willingness to care", "mucormycosis cases": no wellbeing
        and (has_outcome(0, len(text)) or "stressor" in text.lower())
    ):
        # "protective factors included ..."
        context = "protective" if m.group("good") else text[: m.start("items")]
        regions.append((m.start("items"), m.end("items"), context, "listed"))
    for m in _ATTRIBUTED.finditer(s):
        if has_outcome(m.start("mid"), m.end("mid")) and not _CLAUSE_WORDS.intersection(
            m.group("mid").lower().split()
        ):
            regions.append((m.start("items"), m.end("items"), m.group("mid"), "linked"))
    for rx in (_LINKED_AFTER, _WORSE_AMONG):
        for m in rx.finditer(s):
            if has_outcome(max(0, m.start() - 120), m.start()):
                key = "items" if m.group("items") is not None else "colon"
                tail = text[max(0, m.start() - 120) : m.start()]
                regions.append((m.start(key), m.end(key), tail, "linked"))
    m = _LINKED_BEFORE.search(s)
    if m is not None and has_outcome(m.end(), min(len(text), m.end() + 80)):
        start, end = m.start("items"), m.end("items")
        lead = _LEAD_IN.match(text, start, end)
        # "we included studies that evaluated or described ...": the study's own methods
        own = lead is not None and _OWN_REPORT.search(text, start, lead.end()) is not None
        if lead is not None:
            start = lead.end()
        good = m.group("good") or m.group("against")
        context = "protective" if good else text[m.end() : m.end() + 80]
        if not own:
            regions.append((start, end, context, "opening"))
    if not regions or (_MEASURING.search(text) and not _REPORTED.search(text)):
        return []  # aims and lists of measures: "to explore whether X was associated with"
    blocked = [
        (sp.start_char, sp.end_char)
        for sp in spans
        if sp.label_ in {"factor", "consequence", "instrument"}
        or (sp.label_ == "outcome" and sp.kb_id_ in BURNOUT_FAMILY)
    ]
    people = [(sp.start_char, sp.end_char) for sp in spans if sp.label_ == "population"]
    effects = [sp.start_char for sp in spans if sp.label_ == "consequence"]
    n_named = len(blocked)
    for start, end, context, basis in regions:
        if basis == "linked" and any(start <= at < end for at in effects):
            continue  # "burnout was linked to sickness absence, cancelled appointments and ...":
            # what the outcome leads to, not what drives it
        direction = "protective" if _LOWER_OUTCOME.search(context) else "risk"
        _emit_items(s, text, start, end, (direction, basis), blocked, people, out)
    return blocked[n_named:]


def _emit_items(
    s: _Sent,
    text: str,
    start: int,
    end: int,
    how: tuple[str, str],
    blocked: list[tuple[int, int]],
    people: list[tuple[int, int]],
    out: _Emitter,
) -> None:
    """Each item of the list at ``text[start:end]`` that reads as a factor phrase and that
    nothing in ``blocked`` names: a `factor_candidate` (``how``: direction, basis)."""
    for w in _WORDS.finditer(text, start, end):
        if w.group().lower() in _CLAUSE_WORDS:
            if how[1] == "opening":
                return  # prose, not a list
            end = w.start()  # "related to occupational role and were highest in nurses"
            break
    region = text[start:end]
    pos = start
    for part in _LIST_SPLIT.split(region):
        at = text.find(part, pos, end)
        if at < 0 or not part.strip():
            continue
        pos = at + len(part)
        item = _PARENS.sub("", part).strip(" '\"")
        while (lead := _CANDIDATE_LEAD.match(item)) is not None:
            item = item[lead.end() :]
        words = item.split()
        while words and words[-1].lower() in _CANDIDATE_END:
            words.pop()
        item = " ".join(words)
        if (
            not 1 <= len(words) <= 8
            or len(item) < 4
            or _STATS_IN_ITEM.search(_VIRUS_NAME.sub("", item))
        ):
            continue  # a statistic, not a phrase ("COVID-19 diagnosis" is a phrase)
        low = {w.lower().strip(",") for w in words}
        if (
            low <= _ONLY_CONTEXT
            or low & (_NOT_IN_CANDIDATE | _MEASURE_WORDS)
            or words[0].lower() in _NOT_A_START
            or _NOT_AN_ITEM.search(item)
            or "(" in item
            or ")" in item
            or item.endswith("-")  # "work- and home-related concerns"
        ):
            continue
        if words[0].lower().endswith("ly") or (
            len(words) == 1
            and (
                _ADJECTIVE_END.search(item)
                or item.lower().endswith("ing")  # "recognizing": what is done, to what?
                or low & (_GENERIC_ITEMS | {"lack", "absence"})
            )
        ):
            continue
        b = text.find(words[0], at)
        e = b + len(item) if b >= 0 and text.startswith(item, b) else at + len(part)
        b = at if b < 0 else b
        if any(x < e and b < y for x, y in blocked) or any(x <= b and e <= y for x, y in people):
            continue  # a taxonomy form, an outcome or an instrument names it; who, not why
        blocked.append((b, e))
        out.emit(
            s,
            "factor_candidate",
            item.lower(),
            span=(b, e),
            confidence=0.3,
            # a list at the opening of its sentence is linked to the outcome after it
            detail={"direction": how[0], "basis": "linked" if how[1] == "opening" else how[1]},
        )


def _emit_candidates(s: _Sent, factors: list[Span], spans: list[Span], out: _Emitter) -> None:
    """Factor-like phrases that fit no taxonomy id, kept for a reviewer."""
    if (
        s.heading
        and s.frame in {"risk", "protective"}
        and re.match(r"^\s*\d{1,2}[.)]\s", s.passage.text)
    ):
        if not any(sp.label_ in {"factor", "consequence", "outcome"} for sp in spans):
            text = _HEADING_NUM.sub("", s.passage.text).strip()
            if 2 < len(text) < 80:
                lead = len(s.passage.text) - len(s.passage.text.lstrip())
                start = s.passage.text.find(text, lead)
                out.emit(
                    s,
                    "factor_candidate",
                    text.lower(),
                    span=(start, start + len(text)),
                    confidence=0.4,
                    detail={
                        "direction": "risk" if s.frame == "risk" else "protective",
                        "basis": "list",
                    },
                )
        return
    if s.background or s.heading:
        return
    listed = _emit_listed_candidates(s, spans, out)
    if factors:
        return
    doc = s.doc
    outcomes = [sp for sp in spans if sp.label_ == "outcome" and sp.kb_id_ in BURNOUT_FAMILY]
    if not outcomes:
        return
    cues = groups(doc)[CUES]
    in_cues = {t for c in cues for t in range(c.start, c.end)}
    for cue in cues:
        if cue.label_ not in {"causal", "effect"} or "negation" in s.cue_kinds:
            continue
        if not any(o.start >= cue.end and o.start - cue.end <= 4 for o in outcomes):
            continue
        start = cue.start
        i = start - 1
        while (
            i >= 0
            and not doc[i].is_punct
            and i not in in_cues  # "this stress can lead to frustration": no phrase before
            and start - i <= 8
            and doc[i].lower_ not in {"that", "which", "and", "but", "while"}
        ):
            i -= 1
        phrase = doc[i + 1 : start]
        while len(phrase) and (phrase[0].is_stop or phrase[0].like_num):
            phrase = phrase[1:]
        # "occupational stress was significantly": the auxiliaries and adverbs before the cue
        while len(phrase) and (
            phrase[-1].is_stop or phrase[-1].lower_.endswith("ly") or phrase[-1].is_punct
        ):
            phrase = phrase[:-1]
        if (
            len(phrase) < 2
            or any(t.lower_ in _NOT_IN_CANDIDATE for t in phrase)
            or phrase[-1].lower_.endswith("ed")  # "the gendered", "the known": no noun yet
            or any(
                sp.start < phrase.end and phrase.start < sp.end
                for sp in spans
                if sp.label_ in {"population", "outcome"}
            )  # "paediatric providers are at risk of burnout": who, not why; an outcome
            # before "associated with burnout" is measured beside it
            or any(a < phrase.end_char and phrase.start_char < b for a, b in listed)
        ):
            continue
        sign = int(cue.kb_id_ or 0)
        out.emit(
            s,
            "factor_candidate",
            phrase.text.lower(),
            span=(phrase.start_char, phrase.end_char),
            confidence=0.35,
            detail={
                "direction": "protective" if cue.label_ == "effect" and sign > 0 else "risk",
                "basis": cue.label_,
            },
        )
        break


# --- prevalence -----------------------------------------------------------------------


# burnout subscales reported as their own figures
_SUBSCALES = {
    "emotional exhaustion": "emotional_exhaustion",
    "depersonalization": "depersonalization",
    "depersonalisation": "depersonalization",
}


# "explained 38% of burnout variance": a share of variance, not of people
_VARIANCE = re.compile(r"\bexplain\w*\s*$|^[^.;]{0,20}\bvariance\b")
# the subscale the guidelines leave out; a figure next to it is not the nearest outcome's
_ACCOMPLISHMENT = re.compile(r"\baccomplishment\b", re.I)
_PCT_GLUE = re.compile(r"^[\s,;]*(?:and|or)?[\s,;]*$")
# what may stand between two figures of one list: bracketed limits, the counts the
# percentages belong to, brackets
_LIST_FILLER = re.compile(r"\[[^\]]*\]|\d[\d,.]*|\b(?:" + WORD_NUMBER.pattern + r")\b|[()]", re.I)


_CBI_SUBSCALES = {
    "personal": "personal_burnout",
    "work-related": "work_related_burnout",
    "patient-related": "patient_related_burnout",
    "client-related": "client_related_burnout",
}


def _across_clause(doc: Doc, o: Span, tok: Span) -> bool:
    """A comma or semicolon (outside brackets) between an outcome and a figure."""
    lo, hi = (o.end, tok.start) if o.end <= tok.start else (tok.end, o.start)
    depth = 0
    for t in doc[lo:hi]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif t.text in {",", ";"} and depth == 0:
            return True
    return False


def _parallel_pairs(
    s: _Sent, outcomes: list[Span], pcts: list[re.Match[str]]
) -> dict[int, Span] | None:
    """'Depression, anxiety and burnout were reported in 45.9%, 48.2% and 47.9%', or '35
    (31.5%), nine (8.1%) and 49 (44.1%) experienced depression, anxiety and burnout': a list
    of outcomes and as many percentages listed after or before it pair in order."""
    outs: list[Span] = []
    for o in sorted(outcomes, key=lambda o: (o.start, -o.end)):
        if not outs or o.start >= outs[-1].end:
            outs.append(o)
    if len(outs) < 2:
        return None
    if any(outs[0].end_char <= m.start() < outs[-1].start_char for m in pcts):
        # the outcomes carry figures of their own: "depression (13.6% and 12.8%) and burnout
        # (21.6% and 17.4%)" is no list of outcomes and a list of figures
        return None
    text = s.passage.text
    for side in (
        [m for m in pcts if m.start() >= outs[-1].end_char],
        [m for m in pcts if m.end() <= outs[0].start_char],
    ):
        if len(side) == len(outs) and all(
            _PCT_GLUE.match(_LIST_FILLER.sub(" ", text[a.end() : b.start()]))
            for a, b in pairwise(side)
        ):
            return {m.start(): o for m, o in zip(side, outs, strict=True)}
    return None


_FIGURES_ONLY = re.compile(r"(?:[\d\s.,·%;]|and\b)*")
_FEW_WORDS = re.compile(r"[\w -]{0,25}")


def _paren_owner(text: str, outcomes: list[Span], at: int) -> Span | None:
    """The outcome right before the parenthesis a figure opens or continues: in "burnout
    (21.6% and 17.4%)" both figures are burnout's."""
    i = text.rfind("(", 0, at)
    if i < 0 or ")" in text[i:at] or not _FIGURES_ONLY.fullmatch(text, i + 1, at):
        return None
    # the closest outcome before it, a few words at most ("depression-like symptoms (")
    owners = [o for o in outcomes if o.end_char <= i and _FEW_WORDS.fullmatch(text, o.end_char, i)]
    return max(owners, key=lambda o: o.end_char) if owners else None


# figures that are not a share of the sample with the condition: an end of a range
# ("21.8-46.3% burnout", "from 20% to 70%"), an effect size ("52% and 44% lower odds of ...
# burnout") and the share at the low level ("burnout was moderate in 73.3% and low in 26.7%
# of cases"). Either side of "vs" stays: waves of one study compare prevalences that way.
_NOT_PREVALENCE_AFTER = re.compile(
    r"\s*(?:-|–|to)\s*\d{1,3}(?:[.,·]\d+)?\s?%"
    r"|(?:\s*(?:,|and)\s*\d{1,3}(?:[.,·]\d+)?\s?%)*\s*\)?\s*"
    r"(?:lower|higher|greater|less|more|increased|decreased|reduced)\s+"
    r"(?:odds|risk|likelihood|chance|likely|prevalence|rates?|incidence|levels?|scores?|"
    r"frequency)\b"
    # "a 37% reduction in burnout": a change, not a share of people
    r"|\s*(?:relative\s+)?(?:reduction|decrease|increase|drop|rise|decline|improvement)\s+"
    r"(?:in|of)\b",
    re.I,
)
# a figure whose own clause says what it counts, with no outcome in it: "the prevalence of
# burnout was 30% and 45% had high resilience"
_OWN_PREDICATE_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+)?\w+\s+)?(?:had|have|reported|showed|were|was|felt|expressed|"
    r"described|scored|rated|agreed|considered)\s+"
    # not a figure reported elsewhere: "more common than 20% reported before"
    r"(?!(?:before|previously|earlier|elsewhere|in|by|among|from|for|at|during)\b)\w",
    re.I,
)
_NOT_PREVALENCE_BEFORE = re.compile(
    r"(?:\d\s?%?\s*(?:-|–|to)\s*|\blow\s+(?:in|among|for)\s+"
    # "burnout was 51.7%, of which 15.0% were severe": a share of those with it
    r"|\d\s?%\s*\)?\s*,?\s*(?:of\s+(?:which|whom|these|them)|among\s+(?:whom|them|these))\s*,?\s*)$",
    re.I,
)


# the word right after a figure ("19.6% burnout") and right before one ("fear 71.3%",
# "burnout (25.6%)", "burnout: 30%")
_WORD_AFTER_PCT = re.compile(r"\s*([A-Za-z][A-Za-z'-]*)")
_WORD_BEFORE_PCT = re.compile(r"([A-Za-z][A-Za-z'-]*)\s*[(:=]?\s*$")
# words that may stand next to a figure without naming what it counts: function words,
# auxiliaries, the words of a rate ("a prevalence of", "rates were"), and (by their ending)
# verbs and participles ("30% reported", "affecting 40%")
_PCT_NEIGHBOURS = frozenset(
    {"of", "in", "on", "at", "to", "by", "for", "from", "with", "among", "than", "and", "or",
     "but", "while", "whereas", "who", "that", "which", "respectively", "vs", "versus", "was",
     "were", "is", "are", "be", "been", "had", "have", "has", "did", "do", "does", "may",
     "might", "could", "would", "will", "should", "can", "showed", "met", "felt", "scored",
     "about", "approximately", "nearly", "almost", "around", "only", "just", "over", "under",
     "above", "below", "between", "up", "least", "most", "overall", "total", "rate", "rates",
     "prevalence", "prevalences", "level", "levels", "proportion", "percentage", "incidence",
     "estimate", "estimates", "all", "them", "these", "those", "it", "they", "we", "also",
     "still", "then", "each", "both", "either", "whom", "being", "reaching", "affecting"}
)  # fmt: skip


def _names_other_construct(word: re.Match[str] | None, spans: list[Span], text: str) -> bool:
    """Whether the word next to a figure names something no outcome span covers nor ends
    right before ("Depressive disorder 21%": the head of the outcome's own phrase)."""
    if word is None:
        return False
    w = word.group(1).lower()
    if w in _PCT_NEIGHBOURS or w.endswith(("ed", "ing")):
        return False
    at = word.start(1)
    return not any(
        sp.start_char <= at < sp.end_char
        or (sp.end_char < at and not text[sp.end_char : at].strip())
        for sp in spans
    )


def _listed_with_constructs(
    text: str, pcts: list[re.Match[str]], outcomes: list[Span], people: list[Span]
) -> set[int]:
    """Figures of a list that pairs each with the word next to it: where one figure of the
    sentence is followed by its outcome or group ("6.2% depression, 19.6% burnout"; "52%
    doctors") or preceded by its outcome ("stress 36.4%", "burnout (25.6%)"), another figure
    that a word no outcome covers stands next to in the same way counts that word's construct
    ("6.6% suicidal ideation", "fear 71.3%", "post-traumatic symptoms (55%)"), not the nearest
    outcome's."""
    after = {m.start(): _WORD_AFTER_PCT.match(text, m.end()) for m in pcts}
    before = {m.start(): _WORD_BEFORE_PCT.search(text, 0, m.start()) for m in pcts}

    def covered(word: re.Match[str] | None, spans: list[Span]) -> bool:
        return word is not None and any(
            sp.start_char <= word.start(1) < sp.end_char for sp in spans
        )

    named = outcomes + people  # what a word after a figure may name
    named_after = {k for k, w in after.items() if covered(w, named)}
    named_before = {k for k, w in before.items() if covered(w, outcomes)}
    return {
        k
        for k in after
        if (named_after - {k} and _names_other_construct(after[k], named, text))
        or (named_before - {k} and _names_other_construct(before[k], outcomes, text))
    }


# a share in parentheses right after the count it is the share of: "120 (40.0%"
_COUNT_PAREN = re.compile(r"\d\s*\(\s*$")


def _emit_prevalence(sents: list[_Sent], out: _Emitter) -> None:
    for s in sents:
        g = groups(s.doc)
        outcomes = [sp for sp in g[EV] if sp.label_ == "outcome"]
        if ABBREVIATED in g:  # "high EE in 45%" where the text defined "emotional exhaustion (EE)"
            outcomes = sorted(outcomes + g[ABBREVIATED], key=lambda sp: (sp.start, sp.end))
        if not outcomes:
            continue
        text = s.passage.text
        # figures inside square brackets are confidence limits: "60.0% [95%CI, 56.6-63.3%]"
        pcts = [
            m
            for m in _PERCENT.finditer(text)
            if text.count("[", 0, m.start()) <= text.count("]", 0, m.start())
        ]
        parallel = _parallel_pairs(s, outcomes, pcts)
        others = (
            _listed_with_constructs(
                text, pcts, outcomes, [sp for sp in g[EV] if sp.label_ == "population"]
            )
            if len(pcts) > 1
            else set()
        )
        for m in pcts:
            before = text[max(0, m.start() - 25) : m.start()].lower()
            after = text[m.end() : m.end() + 25].lower()
            if (
                "response" in before
                or "response" in after
                or re.search(r"responded(?! that)", after) is not None
                or re.match(r"\s*(?:ci|confidence)", after)
                or _VARIANCE.search(before)
                or _VARIANCE.match(after)
            ):
                continue  # a response rate, a confidence limit, a share of variance
            if _NOT_PREVALENCE_AFTER.match(text, m.end()) or _NOT_PREVALENCE_BEFORE.search(
                text, max(0, m.start() - 40), m.start()
            ):
                continue  # an end of a range, an effect size, the share at the low level
            pct = _pct_value(m.group(1))
            if pct > 100:
                continue
            tok = s.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if tok is None:
                continue
            if not _COUNT_PAREN.search(text, 0, m.start()) and any(
                sp.label_ == "population"
                and tok.end <= sp.start <= tok.end + 2
                and not any(t.lower_ == "of" for t in s.doc[tok.end : sp.start])
                for sp in groups(s.doc)[EV]
            ):
                # "(52% doctors and residents, 19% nurses)": who the cases were; but in "120
                # (40%) residents reported burnout" the share is of the people who have it
                continue
            right_after = [
                o
                for o in outcomes
                if 0 <= o.start - tok.end <= 2
                and not any(
                    t.lower_ in {",", ";", "(", ")", "and", "or"} for t in s.doc[tok.end : o.start]
                )
            ]
            if parallel is not None and m.start() in parallel:
                near = parallel[m.start()]  # the n-th figure of a list is the n-th outcome's
            elif right_after:  # "rates were 6.2% depression, 19.6% burnout"
                near = right_after[0]
            elif (owner := _paren_owner(text, outcomes, m.start())) is not None:
                near = owner  # "depression (13.6% and 12.8%) and burnout (21.6% and 17.4%)"
            elif m.start() in others:
                continue  # "19.6% burnout, and 6.6% suicidal ideation": another construct's
            else:
                # the nearest outcome of the figure's own clause ("61 (18.15%) had a high
                # level of depersonalization"), else the nearest one
                near = min(
                    outcomes,
                    key=lambda o: (
                        _across_clause(s.doc, o, tok),
                        abs(o.start - tok.start),
                        o.start > tok.start,
                    ),
                )
                if abs(near.start - tok.start) > 14:
                    continue
                lo, hi = sorted((near.end_char, m.start()))
                clause_after = re.split(r"[,;()]", text[m.end() : m.end() + 50], maxsplit=1)[0]
                if _ACCOMPLISHMENT.search(text, lo, hi) or (
                    near.start < tok.start and _ACCOMPLISHMENT.search(clause_after)
                ):
                    continue  # "personal accomplishment - 22%", "59.8% had low accomplishment"
            if any(
                t.lower_ in {"no", "not", "without"}
                for t in s.doc[max(0, near.start - 2) : near.start]
            ):
                continue  # "13% reported no job burnout"
            if near.end <= tok.start and _OWN_PREDICATE_AFTER.match(text, m.end()):
                own_clause = re.split(r"[,;()]|\band\b", text[m.end() : m.end() + 60])[0]
                if not any(m.end() <= o.start_char < m.end() + len(own_clause) for o in outcomes):
                    continue  # "burnout was 30% and 45% had high resilience": resilience's
            construct = _SUBSCALES.get(long_form(near).lower(), near.kb_id_)
            if construct == "burnout" and near.start > 0:
                # Copenhagen subscales: "personal burnout", "work-related burnout"
                prev = s.doc[max(0, near.start - 3) : near.start]
                word = prev.text.lower().replace(" ", "") if "-" in prev.text else prev[-1].lower_
                construct = _CBI_SUBSCALES.get(word, construct)
            out.emit(
                s,
                "prevalence",
                f"{construct}:{pct:g}",
                span=(m.start(), m.end()),
                value_num=pct,
                confidence=0.7,
                detail={"construct": construct, "background": s.background},
            )


# --- places ---------------------------------------------------------------------------


_DEMONYM_PREFIX = {
    "Latin",
    "Ibero",
    "North",
    "South",
    "Central",
    "Pan",
    "Native",
    "Asian",
    "African",
}
_RECORD_METADATA = re.compile(
    r"^\s*(?:(?:Database|Publication details|Publication type|Source|Journal|Country|"
    r"Funding(?: source)?)\s*:|Primary Funding Source\b|"
    # "(PsycInfo Database Record (c) 2021 APA, all rights reserved)", "© 2020 Elsevier"
    r"\(?\s*(?:PsycINFO Database Record|©|Copyright\b|\(c\)\s*\d{4}))|"
    # EBSCO's tail, split off as a sentence: "ABSTRACT FROM AUTHOR] Copyright of Australian
    # Psychologist is the property of Wiley-Blackwell ..."
    r"^\s*\[?\s*ABSTRACT FROM (?:AUTHOR|PUBLISHER)\b",
    re.I,
)


# a sentence with a verb of its own, or of study, is no affiliation line however many commas
_STUDY_VERB_IN_LINE = re.compile(
    r"\b(?:was|were|is|are|we|conducted|surveyed|study|investigat\w*|analy[sz]\w*|"
    r"examin\w*|explor\w*|assess\w*|measur\w*|report\w*|show\w*|found)\b"
)


def _affiliation_like(s: _Sent) -> bool:
    if s.metadata:
        return True  # "Database: Web of Science; Publication details: Sudan Journal of ..."
    return (
        "affiliation" in s.cue_kinds
        and s.passage.text.count(",") >= 2
        and _STUDY_VERB_IN_LINE.search(s.passage.text) is None
    )


_NAME_TAIL = {
    "Burnout",
    "Inventory",
    "Scale",
    "Questionnaire",
    "Screen",
    "Screener",
    "Assessment",  # "the Montreal Cognitive Assessment (MoCA)"
    "Checklist",
    "Index",
    "Declaration",
    "Consensus",
    "Statement",
    "Convention",
    "Protocol",
    "Criteria",
    "Journal",
    "Module",
    "Profile",
    # newspapers: "reports The New York Times", "the Washington Post", "China Daily"
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Daily",
}
_NAME_HEAD = {"Declaration", "Convention", "Statement", "Journal"}


_REGISTRY = {"Registry", "Register"}


def _trial_registry(tok: Token) -> bool:
    """ "Clinical Trials Registry", "Trial Register", "Registry of Clinical Trials": a trial
    registry (a national data register, "the Danish National Patient Register", does name
    where a study was done)."""
    doc = tok.doc
    before = doc[tok.i - 1].text if tok.i > 0 else ""
    after = doc[tok.i + 1 : tok.i + 4].text
    return before in {"Trial", "Trials"} or after.startswith(("of Clinical Trials", "of Trials"))


# a tail word that ends an instrument's name in lower case too: "the modified Cincinnati
# score", "the Henderson-Kreuz scoring system", "the Simpson-Angus scale", "Modified Cincinnati
# rating"
_NAME_TAIL_ANY_CASE = {
    "screen",  # "the 4-item Primary Care PTSD screen"
    "score",
    "scores",
    "scoring",
    "criteria",
    "classification",
    "journal",
    "scale",
    "scales",
    "rating",
    "index",
    # a meeting named by its city: "the 2014 Global Kyoto conference" ("the U.S. Congress"
    # is a country's legislature)
    "conference",
}
# the tails an instrument's name may reach through lower-case words ("Glasgow coma scale",
# "Charlson comorbidity index": all but a journal or a meeting), and verbs between a study's place and a scale ("nurses in
# Ontario use rating scales"; spaCy's stop words hold "used", "made", "take", ...)
_INSTRUMENT_NOUNS = _NAME_TAIL_ANY_CASE - {"journal", "conference"}
_VERBS_BEFORE_A_SCALE = {"use", "uses", "met", "meet", "meets", "took", "takes", "gave", "gives"}
# small words inside a capitalised name: "Western Ontario and McMaster Universities
# Osteoarthritis Index"
_NAME_JOINERS = {"and", "of", "-", "–"}


def _names_instrument(doc: Doc, end: int) -> bool:
    """The place opens a capitalised name ending in a tail word within seven tokens
    ("Copenhagen Psychosocial Questionnaire", "Oldenburg Burnout Inventory", "Nottingham
    Health Profile", "Western Ontario and McMaster Universities Osteoarthritis Index"), or
    one or two lower-case words before an instrument noun ("the Glasgow coma scale",
    "Edinburgh postnatal depression scale"), none of them a verb ("nurses in Ireland met
    criteria", "in Ontario completed symptom scales" name the study's place). "protocol" is
    no tail: "Unity Health Toronto protocol record" is a Toronto trial's record."""
    lower = 0  # lower-case words met before the tail: "Glasgow coma scale"
    for tok in doc[end : end + 7]:
        if tok.text in _NAME_TAIL or tok.lower_ in _NAME_TAIL_ANY_CASE:
            return not lower or tok.lower_ in _INSTRUMENT_NOUNS  # ... "Rome IV criteria"
        if tok.text in _REGISTRY and _trial_registry(tok):
            return True  # "Netherlands Trial Registry NTR3396": where a trial was registered
        if tok.text == "Association" and tok.i > 0 and doc[tok.i - 1].text == "Heart":
            return True  # "New York Heart Association (NYHA) class II": a classification
        if lower and tok.text[:1].isupper():
            return False  # "Chinese version of Connor-Davidson ...": the words name no tail
        if not tok.text[:1].isupper() and tok.text not in _NAME_JOINERS:
            if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
                continue  # the end of a hyphenated word: "Mental Well-being Scale"
            lower += 1
            if (
                lower > 2
                or not tok.is_alpha
                or tok.is_stop
                or tok.lower_ in _VERBS_BEFORE_A_SCALE
                or tok.lower_.endswith(("ed", "ing"))
            ):
                return False
    return False


def _author_named(doc: Doc, end: int) -> bool:
    """A surname that is also a place, citing its author: "Matsumoto et al. reported",
    "(Oldenburg et al. NEJM 2017)", "Lima and colleagues"."""
    after = doc[end : end + 2]
    if len(after) < 2:
        return False
    return (after[0].lower_ == "et" and after[1].lower_.startswith("al")) or (
        after[0].lower_ == "and" and after[1].lower_ in {"colleagues", "co-workers", "coworkers"}
    )


# languages of several continents: a questionnaire's version in one names no country ("the
# Spanish version of the PHQ-9" in Peru). A Chinese, Dutch or German version is most often
# made for a study in China, the Netherlands or Germany, and names it.
_LANGUAGES_OF_MANY = {"English", "Spanish", "French", "Portuguese", "Arabic"}


# capitalised words that are given names too but, before a place, are part of its name or
# of an institution's ("Santa Cruz", "Royal Bournemouth Hospital", "General Santos")
_NOT_A_PERSON_BEFORE = {
    "General",
    "Royal",
    "Santa",
    "Santo",
    "San",
    "Rio",
    "Bay",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Mayo",
    "Grand",
    "Little",
    "Major",
    "Young",
    "Summer",
    "Winter",
    "Baby",
}


_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}")
_ABBREVIATED_PLACES = {"U.S.", "U.K.", "D.C.", "E.U.", "N.Y.", "L.A."}


def _after_given_name(doc: Doc, start: int, rules: PlaceRules) -> bool:
    """The place is a surname or the end of a person's name: initials or a given name, no
    place itself, come right before it ("Hospital Nacional Cayetano Heredia", "by Joel
    Paris", "E. Rocha, M. Dávila"). "Austin Texas" keeps Texas: Austin is a place (one the
    gazetteer blocks as a name, but a place before a place all the same)."""
    if start == 0:
        return False
    prev = doc[start - 1]
    text = prev.text
    if _INITIALS.fullmatch(text) and text not in _ABBREVIATED_PLACES and prev.whitespace_:
        return True  # "E. Rocha, M. Dávila", "J.R. Lima": an author's initials
    if (
        len(text) < 3
        or not text[0].isupper()
        or not text[1:].islower()
        or prev.whitespace_ != " "
        or text in _NOT_A_PERSON_BEFORE
        or text.lower() in _EN_STOP  # "The Netherlands", "Five Korean patients"
        or text in gazetteer()
        or text in rules.blocked
        or (start >= 2 and doc[start - 2].text in {"-", "–"})  # "post-Katrina New Orleans"
    ):
        return False
    return is_given_name(text)


# a demonym before one of these names where the study was done ("one Canadian province")
_PLACE_HEADS = {
    "province",
    "provinces",
    "state",
    "states",
    "region",
    "regions",
    "city",
    "cities",
    "county",
    "counties",
    "territory",
    "hospital",
    "hospitals",
    "healthcare",
    "sample",
    "population",
    "workforce",
    "centres",
    "centers",
    "institutions",
    "sites",
    # "a German university teaching practice network": an institution of that country
    "university",
    "universities",
    "clinics",
    "practices",
    # "in Turkish society", "Chinese citizens": the people of that country
    "society",
    "citizens",
    "public",
    "populace",
    # "came into force in Hungarian schools"
    "schools",
    # "fatalistic thinking in Peruvian patients", "Italian women during the lockdown": the
    # people of that country as the study names them
    "patients",
    "women",
    "men",
    "children",
    "adolescents",
    "mothers",
    "families",
    "households",
    "individuals",
    "inhabitants",
    # "the Danish programme", "the Norwegian control program"
    "program",
    "programme",
}


# words before a demonym that make it a language
_LANGUAGE_VERBS = {
    "speak", "speaks", "spoke", "speaking", "understand", "understands", "fluent", "fluency",
    "read", "write", "proficient", "proficiency", "translated",
}  # fmt: skip


def _spoken(doc: Doc, start: int) -> bool:
    """The word at ``start`` is a language: a language verb comes right before it, or before
    "in", "and" or "or" that come right before it. "English-speaking Canadian nurses" are
    Canadian."""
    i = start - 1
    if i >= 1 and doc[i].lower_ in {"in", "and", "or"}:
        i -= 1
    if i < 0 or doc[i].lower_ not in _LANGUAGE_VERBS:
        return False
    return not (i >= 1 and doc[i - 1].text in {"-", "–"})


_COPYRIGHT = re.compile(
    r"©|\(c\) \d{4}|\bLicensee\b|\bAll rights reserved|\bPublished by\b|"
    # EBSCO's tail, often in the abstract's last sentence: "... [ABSTRACT FROM AUTHOR]
    # Copyright of Journal X is the property of Oxford University Press / USA"
    r"\bABSTRACT FROM (?:AUTHOR|PUBLISHER)\b|\bCopyright of\b",
    re.I,
)
_QUOTES = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}


def _quoted_name(span: Span) -> bool:
    """A place inside a quoted proper name (a hospital named after a person) is no study place."""
    doc = span.doc
    before = doc[max(0, span.start - 4) : span.start]
    after = doc[span.end : span.end + 2]
    return any(t.text in _QUOTES for t in before) and any(t.text in _QUOTES for t in after)


# country names the gazetteer blocks because they are also personal or state names: counted
# where the sentence uses them as a place ("in Jordan", "Jordan hospitals")
_AMBIGUOUS_COUNTRIES = {"Jordan": "JO", "Chad": "TD", "Niger": "NE", "Guinea": "GN"}
_AMBIGUOUS_RX = _gated(
    re.compile(
        r"(?:\b(?:in|from|across|throughout)\s+(Jordan|Chad|Niger|Guinea)\b(?!\s+[A-Z])"
        r"|\b(Jordan|Chad|Niger|Guinea)(?=\s+(?:hospitals?|health|healthcare|health-care)\b))"
    ),
    "jordan|chad|niger|guinea",
)


def _ambiguous_countries(sents: list[_Sent]) -> list[tuple[_Sent, Span, Place]]:
    found: list[tuple[_Sent, Span, Place]] = []
    for s in sents:
        if s.passage.section in NO_PLACE_SECTIONS or _affiliation_like(s):
            continue
        for m in _AMBIGUOUS_RX.finditer(s):
            name = m.group(1) or m.group(2)
            start = m.start(1) if m.group(1) else m.start(2)
            prev = s.passage.text[:start].split()
            if m.group(2) and prev and prev[-1][:1].isupper():
                continue  # "Michael Jordan": a personal name
            sp = s.doc.char_span(start, start + len(name))
            if sp is None:
                continue
            code = _AMBIGUOUS_COUNTRIES[name]
            found.append((s, sp, Place(name=name, kind="country", country=code)))
    return found


# "COVID-19 ... originated from Wuhan city of China", "first identified in the city of
# Wuhan", "the first country affected was China": the pandemic's origin, not the setting
_VIRUS_ORIGIN = re.compile(
    r"\b(?:originat\w*|first (?:identified|reported|detected|described|appeared|emerged|"
    r"broke out)|emerged (?:in|from)|first country|broke out in|"
    r"outbreak (?:began|started)|"
    # "Rapidly spreading from Wuhan to all continents", "Several thousand healthcare workers
    # have already been infected, mainly in China": the epidemic's course, not the setting
    r"spread(?:ing|s)? (?:rapidly )?from|(?:have|has|had) (?:already )?been infected|"
    r"were infected during|death (?:rates?|tolls?))\b",
    re.I,
)
# "approved by the University of Alberta Research Ethics Board", acknowledgements, funders
_ETHICS_OR_THANKS = re.compile(
    r"\b(?:ethics (?:board|committee)|institutional review board|IRB|approved by|"
    r"ethic(?:s|al) approval|ethical clearance|"
    r"acknowledg\w*|remerciements|funded by|grant (?:from|number)|"
    # "This work was supported by the University of Cape Town", "We also thank the scientists at
    # PX station IO4-1, Diamond Light Source, Didcot, Oxon, U.K."
    r"(?:work|study|research|project) (?:was|is) (?:\w+ )?(?:supported|financed) by|"
    r"we (?:also |would like to )?thank|grant disclosures?|"
    # "Primary Funding Source: Department of Veterans Affairs"; a list of names
    # ("Collaborators: Leah Simpson, ..., Alexandra Davison, ...")
    r"(?:primary )?funding sources?|sources? of funding|collaborators(?=:)|"
    # "Disclosure of Interest J. Smith Consultant for: AbbVie, Asahi Kasei Pharma, ..."
    r"disclosures? of interests?|conflicts? of interests?|competing interests?|"
    r"consultant (?:for|to)|honorari(?:a|um)|speakers?'? (?:bureau|fees)|"
    # an author's disclosure line: "Matsumoto: Chugai Pharmaceutical Co.: Research Funding"
    r"research funding)\b",
    re.I,
)


# a note about an author: "Bjarne Steffen is a senior researcher at ETH Zurich's Energy
# Politics Group", "He holds a Master's in Physics from Potsdam University"
_AUTHOR_BIO = re.compile(
    r"\s*(?:(?:[A-Z][\w.'-]+\s+){1,3}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:researcher|professor|lecturer|fellow|scientist|economist|editor|director|"
    r"doctoral (?:student|candidate)|PhD (?:student|candidate))\b|"
    r"(?:He|She)\s+(?:holds|received|earned|obtained|completed)\s+(?:an?|his|her)\b)"
)


# (an organisation cited by name and year: "(UK Home Office 2020)", "(WHO 2020)")
_CITATION_YEAR = re.compile(
    r"(?:,|et al\.?,?|&|and [A-Z][\w'-]+,?|\b[A-Z][\w'-]+)\s*(?:19|20)\d{2}[a-z]?\s*[;)]"
)


_COMPANY = re.compile(r"\b(?:Inc|Ltd|LLC|GmbH|Corp|plc|BV)\b\.?|[™®]")
# a maker named before its seat in a parenthesis: "(IBL International, Hamburg, Germany)",
# "(Wyeth-Ayerst Labs, Philadelphia, PA)", "(Polar Electro Oy, Kempele, Finland)" ("AB" and
# "SA" are Alberta and South Australia in an address, so they are not among these)
_MAKER_NAME = re.compile(
    r"\b(?:Oy|AG|A/S|SpA|S\.p\.A|S\.r\.l|SRL|Pty|K\.K|Co(?=\.?\s*$)|Labs?|Laboratories|"
    r"Limited|Incorporated|International|Diagnostics|Biosciences?|Biotech|Technolog(?:y|ies)|"
    r"Instruments|Scientific|Pharma(?:ceuticals?)?|Electronics|Medical Systems|Association)\.?\s*$"
)
# a place of study in a parenthesis: "(Royal Children's Hospital, Melbourne)"
_FACILITY_WORD = re.compile(
    r"\b(?:hospital|clinic|cent(?:er|re)|universit|college|school|institute|department|ward|"
    r"unit|trust|practice|service|health)",
    re.I,
)


def _enclosing_paren(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The "(" opened within 60 characters before ``start`` and not closed before it, and
    the ")" within 60 after ``end`` (-1 where none is)."""
    open_at = text.rfind("(", max(0, start - 60), start)
    if open_at < 0 or text.find(")", open_at, start) >= 0:
        return None
    return open_at, text.find(")", end, end + 60)


# an organisation's seat in parentheses: "the World Health Organization (Geneva, Switzerland)"
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:Organi[sz]ation|Agency|Foundation|Company|Corporation)\s*$"
)


# a software package, its version or the word for it right before a maker's parenthesis:
# "(SPSS) 20 (Chicago, Illinois, USA)", "NVivo 12 (Melbourne, Australia)", "R software (Vienna,
# Austria)", "version 16.0 (College Station, TX)"
_PRODUCT_BEFORE = re.compile(
    r"[\s)]*(?:(?:software|package|program(?:me)?|statistics|for windows|version|ver\.|v\.?),?\s*)*"
    r"(?:\d[\w.]*)?[\s)]*",
    re.I,
)


_CONTINENTS = re.compile(r"\b(?:Africa|Europe|Asia|Oceania|Antarctica)\b")


def _homonym_of_small_country(country: str, named: frozenset[str]) -> bool:
    """A region of a country the text never names, while it names one at least ten times as
    populous: the name is most likely a homonym of a place there ("Long Island" is a district
    of the Bahamas and an island of New York). "Nurses in Tyrol and Germany" keep Austria."""
    if not named or country in named:
        return False
    pop = country_population()
    return 10 * pop.get(country, 0) < max(pop.get(c, 0) for c in named)


def _maker(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """A place in a maker's parenthesis after a product: "SPSS (IBM Corp, Armonk, NY)",
    "App (Aetonix, Ottawa, Canada)" after a trademark sign, "SPSS 20 (Chicago, Illinois, USA)"
    right after a software package the lexicon found in ``doc`` (the sentence of ``text``);
    or an organisation's seat, "the World Health Organization (Geneva, Switzerland)"."""
    paren = _enclosing_paren(text, start, end)
    if paren is None:
        return False
    open_at, close_at = paren
    inside = text[open_at : close_at if close_at >= 0 else end]
    first = inside[1:].split(",", 1)[0]
    return (
        _COMPANY.search(inside) is not None
        or (
            open_at + 1 + len(first) < start  # the maker comes before the place
            and _MAKER_NAME.search(first) is not None
            and _FACILITY_WORD.search(first) is None
        )
        or any(c in "™®" for c in text[max(0, open_at - 20) : open_at])
        or _ORGANISATION_BEFORE.search(text, 0, open_at) is not None
        or (
            doc is not None
            and any(
                o.label_ == "software"
                and 0 <= open_at - o.end_char <= 40
                and _PRODUCT_BEFORE.fullmatch(text, o.end_char, open_at) is not None
                for o in groups(doc)[EV]
            )
        )
    )


def _in_citation(text: str, start: int, end: int) -> bool:
    """A name in a parenthetical author-year citation: "(Holland, Bultz, 2007)",
    "(Weathers et al., 2013)"."""
    paren = _enclosing_paren(text, start, end)
    if paren is None or paren[1] < 0:
        return False
    close_at = paren[1]
    return _CITATION_YEAR.search(text, end, close_at + 1) is not None and text[end : end + 1] in {
        ",",
        " ",
        "&",
    }


# the study's own aim, even under a "Background:" label: "We examined ... in New York City"
_OWN_AIM = re.compile(
    r"\b(?:we|our|this (?:study|paper|survey|research|article|report)|the (?:present|current) "
    r"study|aim(?:s|ed)?|objectives?|purpose)\b",
    re.I,
)


# where an epidemic began: "In December 2019, a cluster of pneumonia cases occurred in Wuhan,
# China", "The novel coronavirus began in China in early December 2019"
_OUTBREAK_ORIGIN = re.compile(
    r"\b(?:December,?(?: \d{1,2},?)?|late|end of) 2019\b|"  # "On December 31, 2019, ... reported"
    r"\b(?:emerged|originated|broke out|appeared in|"
    r"first (?:reported|identified|detected|emerged|appeared|occurred))\b|"
    # the epidemic's course elsewhere: "the great majority of the cases reported in Brazil",
    # "has spread to more than 200 countries"
    r"\bcases (?:were |have been |had been )?(?:reported|confirmed|recorded) in\b|"
    r"\bspread(?:ing|s)? to\b",
    re.I,
)


def _others_place(s: _Sent) -> bool:
    """A sentence whose places are other studies' or the world's, not this study's."""
    return s.background or (s.intro and _OWN_AIM.search(s.passage.text) is None)


def _outbreak_origin(s: _Sent) -> bool:
    """A sentence that tells where an epidemic began, not what the authors did ("One month
    after the December 2019 outbreak in Wuhan, we surveyed 285 residents" is theirs)."""
    text = s.passage.text
    return _OUTBREAK_ORIGIN.search(text) is not None and _OWN_WORK.search(text) is None


# a region named by a compass point ("Northern Region", "Central Province", "the North"):
# every country has one, so it is only read where its country is the one the text names
_COMPASS_REGION = re.compile(
    r"^(?:north|south|east|west|central|middle|upper|lower)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?"
    r"(?:\s+(?:region|province|district|state|zone|area|department))?$",
    re.I,
)


def _add_countries(known: set[str], names: set[str], kind: str) -> None:
    frozen = frozenset(known)
    for name in names:
        place = resolve(name, frozen)
        if place is not None and place.kind == kind:
            known.add(place.country)


def _emit_places(sents: list[_Sent], out: _Emitter, rules: PlaceRules) -> None:
    hits: list[tuple[_Sent, Span]] = []
    for s in sents:
        found = groups(s.doc)[PLACES]
        if not found or s.passage.section in NO_PLACE_SECTIONS or _affiliation_like(s):
            continue
        if (
            _VIRUS_ORIGIN.search(s.passage.text)
            or _ETHICS_OR_THANKS.search(s.passage.text)
            or _AUTHOR_BIO.match(s.passage.text)
        ):
            continue  # where the virus began; the ethics board's or funder's city; a bio
        hits.extend((s, sp) for sp in found)
    known: set[str] = set()
    resolved: list[tuple[_Sent, Span, Place]] = []
    names = {sp.kb_id_ for _s, sp in hits}
    # countries named, then the countries of regions they make unambiguous: a city is read
    # in their light ("University of Alabama at Birmingham" is in the US)
    _add_countries(known, names, "country")
    named = frozenset(known)  # the countries the text itself names
    _add_countries(known, names, "region")
    frozen = frozenset(known)
    for s, sp in hits:
        place = resolve(sp.kb_id_, frozen)
        if place is None:
            continue
        doc = s.doc
        text = s.passage.text  # the doc's own text, without rebuilding it from the tokens
        if _COPYRIGHT.search(text[: sp.start_char]) or _quoted_name(sp):
            continue  # "Licensee MDPI, Basel, Switzerland"; 'Hospital "José de San Martín"'
        if _in_citation(text, sp.start_char, sp.end_char):
            continue  # "Distress Thermometer (Holland, Bultz, 2007)": an author
        if _maker(text, sp.start_char, sp.end_char, doc):
            continue  # "the aTouchAway™ App (Aetonix, Ottawa, Canada)": where a product is made
        after = doc[sp.end : sp.end + 2]
        if _author_named(doc, sp.end):
            continue  # "Matsumoto et al. reported": an author
        if _after_given_name(doc, sp.start, rules):
            continue  # "Hospital Nacional Cayetano Heredia", "a guide by Joel Paris": a person
        if _names_instrument(doc, sp.end) or (
            len(after) == 2 and after[0].text == "-" and after[1].lower_ == "speaking"
        ):
            continue  # "Oldenburg Burnout Inventory", "Declaration of Helsinki", "English-speaking"
        if (
            sp.start >= 2
            and doc[sp.start - 1].lower_ == "of"
            and doc[sp.start - 2].text in _NAME_HEAD
        ):
            continue
        if (
            sp.text in {"US", "UK"}
            and sp.start > 1
            and doc[sp.start - 1].text in {"-", "–"}
            and not doc[sp.start - 2].whitespace_
        ):
            continue  # "ASC-US (36.0%)" (a cytology grade), "non-US sites", "Sino-US"
        if sp.text == "America" and _CONTINENTS.search(text):
            continue  # "regions including Africa, America, Europe": a continent
        if (
            (place.kind in {"demonym", "people"} or sp.text in {"America", "Americas"})
            and sp.start > 0
            and (doc[sp.start - 1].text in {"-", "–"} or doc[sp.start - 1].text in _DEMONYM_PREFIX)
            and not (sp.text == "Korean" and doc[sp.start - 1].text == "South")
        ):
            continue  # "Ibero-American", "Latin America": a region of several countries
        if place.kind in {"people", "demonym"} and (
            (
                sp.start > 0
                and any(p.kind == "demonym" for p in gazetteer().get(doc[sp.start - 1].text, ()))
            )
            or (
                place.kind == "demonym"
                and sp.end < len(doc)
                and any(
                    p.kind in {"people", "demonym"} for p in gazetteer().get(doc[sp.end].text, ())
                )
            )
        ):
            # "Mexican Americans", "American Indians", "American Indian/Alaskan Native
            # individuals": a people within a country
            continue
        if (
            place.kind == "region"
            and place.country not in named
            and named
            and _COMPASS_REGION.match(sp.text)
        ):
            continue  # "participants were mainly from the Northern Region" of Portugal, not Malawi
        if place.kind == "region" and _homonym_of_small_country(place.country, named):
            continue  # "NHs in New York City, Long Island" (a district of the Bahamas too)
        if place.kind == "demonym" and _spoken(doc, sp.start):
            continue  # "able to speak and understand French", "fluent in Spanish": a language
        if place.kind == "demonym":
            nxt = [
                o
                for o in list(groups(doc)[EV]) + list(groups(doc)[UNITS])
                if o.label_ in {"population", "care_setting", "participants", "sites"}
                and 0 <= o.start - sp.end <= 3
            ]
            if not nxt and not (
                len(after)
                and (
                    # "the Italian Society of Hypertension" is an association, not the people
                    (after[0].lower_ in _PLACE_HEADS and after[0].text != "Society")
                    or (after[0].lower_ in {"national", "nationwide"} and len(after) == 2)
                    # "the Turkish version of the Burnout Assessment Tool": an instrument
                    # adapted for, and validated in, that country
                    # (not a language of many countries: "the Spanish version of the Y-BOCS"
                    # in a study in Peru)
                    or (
                        after[0].lower_ in {"version", "versions"}
                        and after[-1].lower_ == "of"
                        and sp.text not in _LANGUAGES_OF_MANY
                    )
                )
            ):
                continue
        resolved.append((s, sp, place))
    resolved.extend(_ambiguous_countries(sents))
    if any(not _others_place(s) for s, _sp, _p in resolved):
        # places named in background sentences ("burnout has been reported in the UK", or
        # under an abstract's "Background:" label) are other studies' places once the
        # study's own sentences name one
        resolved = [r for r in resolved if not _others_place(r[0])]
    origin = [_outbreak_origin(s) for s, _sp, _p in resolved]
    own = {p.country for (_s, _sp, p), o in zip(resolved, origin, strict=True) if not o}
    placed = list(zip(resolved, origin, strict=True))
    if own:
        # where the epidemic began is another country's place unless the study names that
        # country itself ("... began in Wuhan, China" in a study of Hungary; a study of Wuhan
        # keeps it)
        placed = [(r, o) for r, o in placed if not o or r[2].country in own]
    for (s, sp, place), told_origin in placed:
        conf = 0.9 if place.kind == "country" else 0.75
        if s.background:
            conf -= 0.3
        # where the epidemic began, read only for want of a place of the text's own
        origin_only = {"outbreak_origin": True} if told_origin else {}
        out.emit(
            s,
            "country",
            place.country,
            span=(sp.start_char, sp.end_char),
            confidence=conf,
            detail={"surface": sp.text, "via": place.kind, **origin_only},
        )
        if place.kind in {"region", "city", "district"}:
            out.emit(
                s,
                "region",
                place.name,
                span=(sp.start_char, sp.end_char),
                confidence=conf - 0.05,
                detail={"country": place.country, "kind": place.kind, **origin_only},
            )


# --- sample numbers -------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    kind: str
    value: int
    score: float
    sent: _Sent
    span: tuple[int, int]
    note: str


_NUMBER_TOKEN = re.compile(r"(?<![\w.])[<>≤≥]?\d[\d.,]*%?(?![\w])")
# a count in a table's cells or its footnote ("a Information of APOE genotype was available
# for a total of 1,525 participants") loses to one in the text's own sentences
_TABLE_PENALTY = 2.0


def _tabular(text: str) -> bool:
    """A table's run of rows as the PDF reader gives it: several lines, most of them numbers."""
    return text.count("\n") >= 2 and len(_NUMBER_TOKEN.findall(text)) >= 12


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\bCorrespondence\b")
# "over 200 hospital beds", "538 hospital workers": the site word qualifies another noun
_SITE_AS_MODIFIER = {
    "beds",
    "bed",
    "staff",
    "workers",
    "employees",
    "personnel",
    "nurses",
    "physicians",
    "doctors",
    "admissions",
    "patients",
    "visits",
    "pharmacists",
    "managers",
}


def _emit_sample(sents: list[_Sent], out: _Emitter) -> None:
    cands: list[_Cand] = []
    excluded: list[dict[str, Any]] = []
    rr: tuple[float, _Sent, tuple[int, int]] | None = None
    for s in sents:
        if s.background or s.passage.section in {
            "introduction",
            "discussion",
            "conclusion",
            "references",
        }:
            continue
        if s.intro or s.metadata:
            continue  # "© 2024 Publicado por Cuerpo Médico Hospital ...": no sample there
        text = s.passage.text
        if "@" in text and _CONTACT.search(text):
            continue  # "*Correspondence: 6 Department of ...": an address, not the sample
        # a figure is written with "%", "percent" or "per cent" (as _PCT reads it)
        rates = rr is None and ("%" in text or "cent" in text)
        # a treatment's response ("objective response rate was 48%") is no survey's
        for rx in _RESPONSE_RATE if rates and not _CLINICAL_RESPONSE.search(text) else ():
            m = rx.search(text)  # every response-rate pattern has one percentage group
            if m and _NOT_TAKING_PART.search(text, m.start(), min(len(text), m.end() + 8)):
                continue
            if m and rr is None:
                g = next(k for k in range(1, (m.lastindex or 1) + 1) if m.group(k) is not None)
                rr = (_pct_value(m.group(g)), s, (m.start(g), m.end(g)))
        cands.extend(_sample_candidates(s, excluded))
    if not any(c.kind == "sites" for c in cands):
        cands.extend(_single_site(sents))
    cands.extend(_case_series(sents))
    if not any(c.kind == "participants" for c in cands):
        cands.extend(_single_case(sents))
    for kind, fld in SAMPLE_FIELDS.items():
        pool = [c for c in cands if c.kind == kind]
        if not pool:
            continue
        best = max(
            pool,
            key=lambda c: (
                c.score - _TABLE_PENALTY * _tabular(c.sent.passage.text),
                -sents.index(c.sent),
            ),
        )
        out.emit(
            best.sent,
            fld,
            str(best.value),
            span=best.span,
            value_num=float(best.value),
            confidence=min(0.95, 0.55 + 0.1 * best.score),
            detail={
                "basis": best.note,
                "candidates": [[c.value, round(c.score, 2), c.note] for c in pool if c is not best][
                    :5
                ],
                "sampling_frame_excluded": [e for e in excluded if e["kind"] == kind][:5],
            },
        )
    if rr is not None:
        pct, s, span = rr
        if 0 < pct <= 100:
            out.emit(s, "response_rate", f"{pct:g}", span=span, value_num=pct, confidence=0.8)


# a case report's one patient: "We describe the case of a young man", "A 63-year-old man"
_SINGLE_CASE = _gated(
    re.compile(
        r"\b(?:we (?:describe|report|present) (?:the|a) case of (?:a|an)\b"
        # "CASE PRESENTATION: A 63-year-old man with rheumatoid arthritis presented ..."
        r"|(?:^|case (?:report|presentation|description|summary):?\s*)"
        r"an? \d{1,3}-year-old (?:man|woman|male|female|patient|boy|girl)\b)",
        re.I,
    ),
    "case|year",
)


def _case_series(sents: list[_Sent]) -> list[_Cand]:
    """The authors' own series of cases, stated as they introduce it ("We describe 11 patients
    with a new syndrome", "Report of 6 cases"): a count that outweighs the few among them
    something is said of ("Five women had psychiatric disorders")."""
    for s in sents:
        found = _case_series_in(s)
        if found is not None:
            series, size = found
            return [_Cand("participants", size, 3.5, s, series.span("n"), "case series")]
    return []


def _case_series_in(s: _Sent) -> tuple[re.Match[str], int] | None:
    """The authors' own series of 2 to ``_MAX_CASE_SERIES`` cases a sentence of theirs
    introduces, with its size."""
    series = None if s.background else _CASE_SERIES.search(s)
    if series is None:
        return None
    n = series.group("n")
    size = int(n) if n.isdigit() else parse_word_number(n)
    if size is None or not 2 <= size <= _MAX_CASE_SERIES:
        return None
    return series, size


def _single_case(sents: list[_Sent]) -> list[_Cand]:
    """The one person of a case report, when no other count of people is found."""
    for s in sents:
        if s.background or s.passage.section not in {"abstract", "methods", "body", "other"}:
            continue
        m = _SINGLE_CASE.search(s)
        if m:
            return [_Cand("participants", 1, 1.0, s, (m.start(), m.end()), "single case")]
    return []


_SITE_WORD = (
    r"(?:hospital|medical cent(?:er|re)|health cent(?:er|re)|institution|clinic|cent(?:er|re))"
)
_SINGLE_SITE = re.compile(
    r"\b(?:(?:at|in|from|of) (?:a|an|one)\s+(?:[\w'’-]+\s+){0,4}?" + _SITE_WORD + r"\b(?!s)"
    r"|\b(?:at|in|from) the (?:university|teaching|tertiary|academic)\s+(?:[\w'’-]+\s+){0,2}?"
    + _SITE_WORD
    + r"\b(?!s)"
    r"|^\s*(?:setting:?\s*)?(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?" + _SITE_WORD + r"(?![\w-])"
    r"|\bsingle[- ](?:cent(?:er|re)|site|institution|hospital)"
    r"|\bat our (?:institution|hospital|cent(?:er|re)|medical cent(?:er|re)))",
    re.I,
)
# one named hospital: "nurses recruited from the Aga Khan University Hospital", "working at
# Mount Sinai Hospital (MSH)", "at the Hospital Raja Perempuan Zainab II"
_NAMED_SITE = re.compile(
    r"\b(?:at|in|from|of)\s+(?:the\s+)?(?:((?:[A-Z][\w'’.-]*\s+){1,6}?(?:University\s+)?"
    r"(?:Hospital|Medical Cent(?:er|re)|Health Cent(?:er|re)|Infirmary))\b(?!s)"
    r"|(Hospital\s+(?!Anxiety)[A-Z][\w'’-]+))"
)
_MULTI_SITE = re.compile(
    r"\bmulti[- ]?(?:cent|site|institution)|\b(?:hospitals|centres|centers|sites)\b", re.I
)


_SITE_HINTS = ("hospital", "cent", "institution", "clinic", "site")
_OTHER_BEFORE = re.compile(r"\bother\s+(?:[\w-]+\s+(?:and|or)\s+)?$", re.I)


def _single_site(sents: list[_Sent]) -> list[_Cand]:
    """'at a university hospital', 'a single-centre study', 'at our institution', or a single
    hospital named throughout → one site."""
    hit: _Cand | None = None
    named: dict[str, tuple[_Sent, tuple[int, int]]] = {}
    for s in sents:
        if s.background:
            continue
        low = s.passage.text.lower()
        if not any(w in low for w in _SITE_HINTS):
            continue
        if s.passage.section == "keywords" or s.metadata:
            continue  # the MeSH heading "Hospitals, Teaching" names no sites of this study
        text = s.passage.text
        if not s.closing and any(
            not _OTHER_BEFORE.search(text, max(0, m.start() - 30), m.start())
            for m in _MULTI_SITE.finditer(text)
        ):
            # (a conclusion, "frontline staff and hospitals have responded", counts none, nor
            # do "other departments and hospitals" that may adopt the approach)
            return []
        if s.passage.section not in {"title", "abstract", "methods", "body"} or s.metadata:
            continue
        if hit is None:
            m = _SINGLE_SITE.search(s.passage.text)
            if m:
                hit = _Cand("sites", 1, 0.5, s, (m.start(), m.end()), "single site")
        if _COPYRIGHT.search(s.passage.text) or _affiliation_like(s):
            continue
        for m in _NAMED_SITE.finditer(s.passage.text):
            name = (m.group(1) or m.group(2)).split()
            named.setdefault(" ".join(name[-3:]).lower(), (s, m.span()))
    if hit is None and len(named) == 1:
        s, span = next(iter(named.values()))
        hit = _Cand("sites", 1, 0.5, s, span, "one named hospital")
    return [hit] if hit is not None else []


_OF_THEM = re.compile(r"\s+of (?:them|these|those)\b", re.I)
_PAREN_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
_SHARE_PAREN = re.compile(r"\s*\(\s*\d{1,3}(?:[.,·]\d+)?\s?%")
# a share of the sample by sex: "(69.9%) were female", "(54%) were women"
_SEX_SHARE_AFTER = re.compile(
    _SHARE_PAREN.pattern
    + r"\s*\)\s*(?:were|was|are|is)\s+(?:female|male|women|men|girls|boys|females|males)\b",
    re.I,
)
# a count's share alone in brackets, then more of its clause ("(33%) required"; not "(70.4%
# women) with an average age", which describes the whole sample)
_SHARE_THEN_CLAUSE = re.compile(_SHARE_PAREN.pattern + r"\s*\)\s*(?!and\b|or\b)[a-z]")
# a structured abstract's heading for the sample, right before its count
_PARTICIPANTS_LABEL = re.compile(
    r"^\s*(?:participants|subjects|study (?:population|sample)|sample)\s*:\s*"
    r"(?:(?:a|the)\s+)?(?:total|subset|sample|convenience sample|cohort)?(?:\s+of)?\s*$",
    re.I,
)
# "248 gastroenterologists", "35 physiotherapists": professions the lexicon does not list
_PROFESSION_WORD = re.compile(r"^[a-z]{4,}(?:ologists|ists|icians|ians|ics|wives)$")
_NOT_PROFESSION = {"statistics", "characteristics", "topics", "clinics", "ethics", "dynamics"}


# "25 DHWs", "2,008 HCPs", "8 PWPs": a plural acronym right after a number names people
_PEOPLE_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")
_NOT_PEOPLE_ACRONYM = {"RCTs", "CIs", "SDs", "ORs", "RRs", "HRs", "PPEs", "EDs", "ICUs", "EHRs"}


# a capitalised acronym or disease name before the people counted: "COVID-19", "ICU", "HIV"
_ACRONYM_MODIFIER = re.compile(r"[A-Z]{2,}(?:-?\d+)?|[A-Z]{2,}-[A-Za-z]+-?\d*")


def _people_np(between: Span) -> bool:
    """Lower-case words ending in a plural noun, between a number and a sample verb: the
    people counted ("46 midwifery educators took part"), though the lexicon has no unit
    for them."""
    if len(between) == 1 and any(p.kind == "people" for p in gazetteer().get(between[0].text, ())):
        return True  # "performed in 246 Iranians", "a survey of 1,000 Americans"
    # a hyphenated modifier is one lower-case word ("96 post-covid patients")
    words = [t for t in between if t.text != "-" or t.i in (between.start, between.end - 1)]
    if len(words) >= 2 and _ACRONYM_MODIFIER.fullmatch(words[0].text):
        words = words[1:]  # "40 COVID-19 patients", "120 ICU patients"
    elif len(words) >= 2 and any(p.kind == "demonym" for p in gazetteer().get(words[0].text, ())):
        # "836 Korean adolescents" ("three Lithuanian universities", "146 British local
        # formularies" are no people)
        return len(words) == 2 and words[1].lower_ in _PEOPLE_OF_A_NATION
    if not words or not all(t.is_alpha and t.text.islower() for t in words):
        return False
    if any(t.lower_ in _TIME_UNITS or t.lower_ in _NOT_IN_PEOPLE_NP for t in words):
        return False
    last = words[-1].lower_
    if last in _IRREGULAR_PEOPLE:
        return True
    if len(words) < len(between):
        # after a hyphenated modifier only a word for people ("96 post-covid patients", "35
        # mother-preschooler dyads"; not "51 free-texts", "two sub-themes")
        return last in _HYPHENATED_PEOPLE
    return last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3


def _opened_people(doc: Doc, end_tok: int) -> tuple[Span, str] | None:
    """People named by a plain noun, with up to two lower-case words before it, right after
    the number a sentence opens on: "Of 145 hospitalized patients with COVID-19, ...", "Among
    1512 women, ..." (not "Of 77 community areas", "Of 368 biopsies"; not a subgroup singled
    out by a clause, "Of the 16 patients who discontinued opioids, ...")."""
    for k in (1, 2, 3):
        if end_tok + k > len(doc):
            break
        words = doc[end_tok : end_tok + k]
        head = words[-1]
        if head.lower_ not in _OPENED_PEOPLE:
            continue
        if not all(t.is_lower and (t.is_alpha or "-" in t.text) for t in words[:-1]):
            return None
        after = doc[words.end].lower_ if words.end < len(doc) else ""
        if after in {"who", "whom", "whose", "that"} or _SHARE_PAREN.match(
            doc.text, words.end_char
        ):
            return None
        return words, "participants"
    return None


# the people's ages after them, in a parenthesis or in words, before the verb of taking part
_AGES_AFTER_PEOPLE = re.compile(
    r"(?:\s*\([^()]{0,80}\))?((?:,?\s+(?:aged|ages?|with (?:a |an )?(?:mean |median )?"
    r"ages?(?: range)?(?: of)?)\s+[\d.,\s±–-]+(?:to\s+\d+\s*)?(?:years?|yrs?|months?)"
    r"(?: old| of age)?,?))\s*",
    re.I,
)


# places a study counts, never people ("a total of 38 hospitals", "from three programmes")
_PLACES_COUNTED = frozenset(
    {"hospitals", "sites", "schools", "countries", "clinics", "units", "wards", "facilities",
     "institutions", "centres", "centers", "programmes", "programs", "cities", "regions",
     "provinces", "states", "communities", "villages", "households"}
)  # fmt: skip
_NOT_IN_PEOPLE_NP = frozenset(
    {"of", "in", "at", "with", "from", "per", "for", "to", "by", "on", "were", "was", "had",
     "have", "who", "which", "that", "questionnaires", "surveys", "responses", "items",
     "interviews", "cases", "records", "studies", "articles", "papers", "samples",
     # things an abstract counts ("six behavioral acts were assessed", "a total of 38 hospitals")
     "acts", "behaviors", "behaviours", "feelings", "symptoms", "variables", "factors",
     "domains", "dimensions", "questions", "scales", "measures", "days", "weeks",
     # what a study measures ("the MRI assessment included 8 parameters of graft repair")
     "parameters", "indicators", "markers", "outcomes", "subscales", "components",
     "months", "years", "sessions", "visits", "admissions", "presentations", "episodes",
     "events", "beds", "tests", "doses", "deaths", "genomes", "strains", "compounds",
     "emotions", "news", "lesions", "minipools", "pools", "appointments", "messages",
     "images", "scans", "attendances", "clusters",
     "steps", "stages", "instances", "trials", "reviews", "reports", "publications",
     "gene", "genes", "isolates", "animals", "horses",
     "ponies", "porpoises", "rats", "mice", "dogs", "cats", "pigs", "sheep", "cattle", "cows",
     "rabbits", "monkeys", "birds", "chickens"}
) | _PLACES_COUNTED  # fmt: skip


def _people_after(doc: Doc, end_tok: int, *, no_share: bool = False) -> tuple[Span, str] | None:
    """One or two words right after a number that name people (``_people_np``), a
    hyphenated compound counting as one ("96 post-covid patients"); with ``no_share``, not
    when a percentage in parentheses follows them."""
    for end in _word_ends(doc, end_tok, 2):
        words = doc[end_tok:end]
        if _people_np(words) and not (
            no_share and _SHARE_PAREN.match(doc.text, words.end_char) is not None
        ):
            return words, "participants"
    return None


def _word_ends(doc: Doc, start: int, n: int) -> list[int]:
    """The token ends of the first 1..``n`` words from ``start``, a hyphenated compound
    ("post-covid", which the tokenizer splits in three) counting as one word."""
    ends: list[int] = []
    i = start
    while len(ends) < n and i < len(doc):
        i += 1
        while (
            i + 1 < len(doc)
            and doc[i].text == "-"
            and not doc[i - 1].whitespace_
            and not doc[i].whitespace_
        ):
            i += 2  # "post - covid": one word
        ends.append(i)
    return ends


# units of measure a number can carry right before a verb ("thresholds below 25 dB took part")
_MEASURE_UNITS = frozenset(
    {"db", "hz", "khz", "mg", "g", "kg", "mcg", "µg", "ml", "l", "mm", "cm", "m", "km", "mmhg",
     "bpm", "kcal", "iu", "mmol", "min", "h", "hrs", "s", "sec"}
)  # fmt: skip


def _one_word_people(t: Token) -> bool:
    """The one word between a number and a sample verb may count people ("46 midwives
    completed", "450 who responded"): not a unit of measure, a time unit or a thing counted."""
    low = t.lower_
    return not (t.like_num or low in _MEASURE_UNITS or low in _TIME_UNITS or low in _THINGS_COUNTED)


def _places_of_origin(doc: Doc, num: Span) -> bool:
    """A count of places the people came from: "112 residents from three programmes
    completed" (not "19 countries responded", where the places answered)."""
    return (
        num.end < len(doc)
        and doc[num.end].lower_ in _PLACES_COUNTED
        and num.start > 0
        and doc[num.start - 1].lower_ in {"from", "in", "at", "across", "of"}
    )


def _profession_after(doc: Doc, end_tok: int) -> tuple[Span, str] | None:
    if end_tok < len(doc):
        t = doc[end_tok]
        if _PROFESSION_WORD.match(t.text) and t.text not in _NOT_PROFESSION:
            return doc[end_tok : end_tok + 1], "participants"
        if _PEOPLE_ACRONYM.match(t.text) and t.text not in _NOT_PEOPLE_ACRONYM:
            return doc[end_tok : end_tok + 1], "participants"
    return None


_ORDINAL = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|final|\d{1,2}(?:st|nd|rd|th))$", re.I
)


def _year_modifier(between: Span, i: int) -> bool:
    """'year' as a modifier after a word: "110 first and second year residents", "42
    Internal Medicine and Transitional Year residents" (not "5 years", "10 year-old")."""
    t = between[i]
    return (
        t.lower_ == "year"
        and i > 0
        and not (between[i - 1].like_num and not _ORDINAL.match(between[i - 1].text))
    )


# words that start another phrase: in "724 patients attending the clinics" the number does
# not count clinics
_NOT_IN_UNIT_NP = frozenset(
    {"of", "per", "in", "at", "with", "from", "the", "a", "an", "their", "our", "its", "these",
     "those", "this", "by", "for", "to", "on", "into", "over", "during", "after", "than",
     "that", "which", "who"}
)  # fmt: skip


def _glued(t: Token) -> bool:
    """A word inside a hyphenated compound ("in-depth", "face-to-face", "one-to-one"): part
    of the modifier, not a preposition or a number of its own."""
    doc = t.doc
    before = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_
    return before or after


def _named_places(between: Span) -> bool:
    """The count's sites named by the places they are in, as a list: "11 Tehran, Kerman, and
    Golpayegan hospitals" (capitalised names joined by commas and "and")."""
    words = [t for t in between if t.text != "," and t.lower_ != "and"]
    return (
        len(words) >= 2
        and len(words) < len(between)
        and all(t.text.isalpha() and t.text.istitle() for t in words)
    )


def _unit_after(doc: Doc, end_tok: int, units: list[tuple[Span, str]]) -> tuple[Span, str] | None:
    for sp, kind in units:
        if sp.start < end_tok or sp.start - end_tok > 10:
            continue
        between = doc[end_tok : sp.start]
        # "11 Tehran, Kerman, and Golpayegan hospitals": a list of places may stand between
        named = kind == "sites" and _named_places(between)
        if not named and (
            sp.start - end_tok > 5
            or any(
                (t.is_punct and t.text != "-")
                or (t.like_num and not _ORDINAL.match(t.text) and not _glued(t))
                or (t.lower_ in _TIME_UNITS and not _year_modifier(between, i))
                or (t.lower_ in _NOT_IN_UNIT_NP and not _glued(t))
                or (_PEOPLE_ACRONYM.match(t.text) and t.text not in _NOT_PEOPLE_ACRONYM)
                for i, t in enumerate(between)
            )
        ):
            continue  # "25 DHWs through semi-structured interviews": the number counts DHWs
        if kind == "sites" and sp.end < len(doc) and doc[sp.end].lower_ in _SITE_AS_MODIFIER:
            continue
        return sp, kind
    return None


_LIST_COMMA = re.compile(r"^\s*,\s*$")
# the words that add a second group of people to the first ("and a separate 12 women", "and
# another 10 nurses", "an additional 50 nurses")
_ANOTHER_GROUP_BEFORE = re.compile(
    r"\b(?:a separate|another|a further|an additional|a second group of)\s+$", re.I
)
_LIST_LAST = re.compile(r"^\s*,?\s*and\s*$")


# a group's share in brackets after it ("120 nurses (60%)")
_GROUP_SHARE = re.compile(_SHARE_PAREN.pattern + r"\s*\)")


def _listed_groups(gaps: list[str]) -> bool:
    """The text between counts makes them one list: "2 nurses and 2 doctors" (any words but
    no comma before "and" when there are two), "120 nurses, 80 physicians and 40
    pharmacists" (commas, then "and"); each group's share may follow it ("120 nurses (60%) and
    80 physicians (40%)")."""
    gaps = [_GROUP_SHARE.sub("", g) for g in gaps]
    if len(gaps) == 1:
        return _JOINED_BY_AND.match(gaps[0]) is not None
    return all(_LIST_COMMA.match(g) for g in gaps[:-1]) and bool(_LIST_LAST.match(gaps[-1]))


def _sum_of(parts: Sequence[_Cand], note: str) -> _Cand:
    """Counts of one kind that together make up the sample, quoted from first to last."""
    first, last = parts[0], parts[-1]
    return _Cand(
        first.kind,
        sum(c.value for c in parts),
        max(c.score for c in parts) + 1.0,
        first.sent,
        (first.span[0], last.span[1]),
        note,
    )


# A trial's randomised sample (GUIDELINES: trials count the randomised, not the screened,
# the offered or the analysed): the people a number counts, then the randomising verb —
# "Forty-two patients undergoing SILC were randomized", "497 were randomised (251
# intervention and 246 control)", "Thirty-six dyslipidemic patients, 21 females, mean age 63
# years, were randomized", "124 patients ... were enrolled, analyzed, and randomly assigned"
_RANDOMISED_AFTER = re.compile(
    r"(?P<np>[^.;:()]{0,90}?(?:\([^()]{0,90}\)[^.;:()]{0,60}?)?)\b(?:were|was|had been|have been)"
    r"\s+(?:(?:then|subsequently|successfully|all|enrolled|included|recruited|analy[sz]ed|"
    r"and)[\s,]+){0,4}(?:randomly\s+)?(?:randomi[sz]ed|assigned|allocated)\b",
    re.I,
)
# ... or the verb, then the number: "the trial randomized 146 children", "we randomly
# assigned 80 nurses"
_RANDOMISED_WORDS = r"(?:randomi[sz]ed|randomly (?:assigned|allocated))"
_RANDOMISED_BEFORE = re.compile(rf"\b{_RANDOMISED_WORDS}\s+(?:a total of\s+|all\s+)?$", re.I)
# ... or as the people's adjective: "114 randomized participants", "the 80 randomised nurses"
_RANDOMISED_ADJ = re.compile(rf"\s+{_RANDOMISED_WORDS}\s+(?=[a-z])", re.I)
# ... where the count is the whole: "Of the 384 randomized patients", "All 147 randomized
# patients were treated" (not "Five randomized patients experienced serious AEs", "one of
# three randomized concentrations")
_RANDOMISED_ADJ_BEFORE = re.compile(
    r"(?:(?:^|[,;:]\s*)(?:of|among)\s+(?:the\s+|all\s+)?|\ball\s+(?:the\s+)?|\btotal of\s+)$", re.I
)
# an arm, not the sample: "18 patients were randomized to the intervention group and 18 to"
_TO_ONE_ARM = re.compile(
    r"\s+(?:to|into)\s+(?:the\s+|an?\s+|receive\s+)?[\w\s-]{0,40}?\b(?:group|arm)\b[^.;]*?"
    r"\b(?:and|while|whereas)\s+\d",
    re.I,
)
# the number's own clause ends before the verb: "4,548 individuals were offered participation,
# and 497 were randomised"
_PAREN = re.compile(r"\([^()]*\)")
_ANOTHER_CLAUSE = re.compile(r"\b(?:were|was|is|are|had|have)\b|\band\s+\d", re.I)
# "Out of 81 screened subjects, 36 patients ... were randomized": 81 were screened
_OUT_OF_BEFORE = re.compile(r"\b(?:out of|of|from)\s+(?:the\s+|all\s+)?$", re.I)
_IRREGULAR_PEOPLE = frozenset({"women", "men", "children", "people"})
# people a nation's adjective can name ("836 Korean adolescents", "74 Chinese women")
_PEOPLE_OF_A_NATION = _IRREGULAR_PEOPLE | frozenset(
    {"adolescents", "adults", "patients", "students", "mothers", "fathers", "parents",
     "workers", "nurses", "physicians", "doctors", "respondents", "participants", "residents",
     "refugees", "migrants", "immigrants", "teachers", "employees", "individuals", "persons",
     "volunteers", "veterans", "citizens", "youths", "infants", "girls", "boys", "subjects",
     "families", "couples", "elderly", "seniors", "pensioners", "twins", "soldiers"}
)  # fmt: skip
# the people a sentence may open on: those a nation's adjective names, and more
_OPENED_PEOPLE = _PEOPLE_OF_A_NATION | frozenset(
    {"neonates", "newborns", "inpatients", "outpatients", "survivors", "users", "smokers",
     "contacts", "cases", "pregnancies", "caregivers", "athletes"}
)  # fmt: skip
# ... and the people a hyphenated modifier may describe ("35 mother-preschooler dyads")
_HYPHENATED_PEOPLE = _OPENED_PEOPLE | frozenset({"dyads", "pairs", "triads", "controls"})
# what trials randomise that is no person (eyes, teeth, animals), beyond the things
# ``_NOT_IN_PEOPLE_NP`` lists (clusters, villages, lesions)
_NOT_RANDOMISED_PEOPLE = frozenset(
    {"eyes", "teeth", "knees", "hands", "legs", "ears", "practices", "piglets", "goats",
     "calves", "hamsters", "ferrets", "embryos", "oocytes", "cells", "plates", "blocks",
     "specimens", "wounds", "implants", "teams", "groups"}
)  # fmt: skip


def _allocated_people(text: str, end: int) -> bool:
    """People, named before an allocation verb that comes before ``end``, were allocated:
    "Women with BPD were randomly assigned to ...", "Patients were randomized 1:1 to ..."."""
    alloc = _ALLOCATED.search(text, 0, end)
    if alloc is None or alloc.group().lower().startswith("divided"):
        return False  # "divided into" also splits records, themes or biopsies
    subject = text[: alloc.start()].split(",")[-1]
    subject = re.sub(r"\b(?:were|was|are|then|randomly|subsequently)\b", " ", subject, flags=re.I)
    return bool(subject.strip()) and _names_people(subject.strip())


def _names_people(words: str) -> bool:
    """The words after a number name people: the first noun-like word of at most four is a
    plural that counts persons ("consecutive patients", "women in reproductive age"), or
    nothing is named ("497 were randomised")."""
    if words[:1] in {",", "("}:
        return False  # the number ends a phrase of its own ("08 March 2013, a total of ...")
    head = re.split(r"[,(]", words, maxsplit=1)[0].split()[:4]
    if not head:
        return True
    for w in head:
        if _ACRONYM_MODIFIER.fullmatch(w.strip(".,;:")):
            continue  # "40 COVID-19 patients were randomised"
        w = w.lower().strip(".,;:")
        if w in _IRREGULAR_PEOPLE:
            return True
        if not w.isalpha() or w in _NOT_RANDOMISED_PEOPLE or w in _NOT_IN_PEOPLE_NP:
            return False
        if w in _TIME_UNITS:
            return False
        if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return True
    return False


def _no_head_count(text: str, num: Number) -> bool:
    """A number that counts no one: a range, a fraction, a percentage, a threshold ("≥2
    full-time professionals on staff"), or one ``_NOT_A_COUNT_AFTER`` / ``_BEFORE`` rule out."""
    return (
        num.is_range
        or num.value != int(num.value)
        or not (1 <= num.value <= 1_000_000)
        or text[num.end : num.end + 3].lstrip().startswith(("%", "percent"))
        or text[max(0, num.start - 2) : num.start].strip()[-1:] in {"<", ">", "≥", "≤", "+"}
        or _NOT_A_COUNT_AFTER.match(text, num.end) is not None
        or _NOT_A_COUNT_BEFORE.search(text[max(0, num.start - 30) : num.start]) is not None
    )


def _randomised(s: _Sent, bonus: float) -> list[_Cand]:
    """The number randomised in a sentence that says who was (``_RANDOMISED_AFTER``,
    ``_RANDOMISED_BEFORE``); the first number before one verb counts, later ones in its
    asides do not."""
    text = s.passage.text
    out: list[_Cand] = []
    verbs_taken: set[int] = set()
    for num in find_numbers(text, s.words):
        if _no_head_count(text, num):
            continue  # "more than 40 patients", "total scores >40 were randomly assigned"
        before = text[max(0, num.start - 30) : num.start]
        if 1950 <= num.value <= 2035 and _MONTH_BEFORE.search(before):
            continue  # "Between 29 September 2009 and 08 March 2013, a total of 92 patients"
        m = _RANDOMISED_AFTER.match(text, num.end)
        span: tuple[int, int] | None = None
        if (
            m
            and m.end() not in verbs_taken
            and not _ANOTHER_CLAUSE.search(_PAREN.sub("", m.group("np")))
            and not _DENOM_BEFORE.search(text, 0, num.start)
            and not _OUT_OF_BEFORE.search(text, 0, num.start)
            and _names_people(m.group("np"))
        ):
            verbs_taken.add(m.end())
            if not _TO_ONE_ARM.match(text, m.end()):
                span = (num.start, m.end())
        elif (
            (adj := _RANDOMISED_ADJ.match(text, num.end))
            and _RANDOMISED_ADJ_BEFORE.search(text, 0, num.start)
            and _names_people(text[adj.end() : adj.end() + 40])
        ):
            span = (num.start, adj.end())  # "Among 114 randomized participants, 89 completed"
        elif _RANDOMISED_BEFORE.search(text, 0, num.start) and _names_people(
            text[num.end : num.end + 40]
        ):
            head = text[num.end :].split()
            if head and head[0].strip(",.;").isalpha():
                span = (num.start, num.end)
        if span is not None:
            out.append(_Cand("participants", int(num.value), bonus + 5.0, s, span, "randomised"))
    return out


def _sample_candidates(s: _Sent, excluded: list[dict[str, Any]]) -> list[_Cand]:
    doc, text = s.doc, s.passage.text
    if not _has_number(s):
        return []
    units: list[tuple[Span, str]] = [(sp, sp.label_) for sp in groups(doc)[UNITS]]
    units += [(sp, "participants") for sp in groups(doc)[EV] if sp.label_ == "population"]
    units.sort(key=lambda u: (u[0].start, -(u[0].end - u[0].start), u[1] != "participants"))
    frame_cues = [c for c in groups(doc)[CUES] if c.label_ == "sampling_frame"]
    verbs = [c for c in groups(doc)[CUES] if c.label_ == "sample_verb"]
    out: list[_Cand] = []
    section_bonus = (
        0.5 if s.passage.section in {"methods", "abstract", "title", "body", "other"} else 0.2
    )
    low = text.lower()
    number_was = "number of" in low or "response rate" in low
    for m in _NUMBER_WAS.finditer(text) if number_was else ():
        word = (m.group("unit") or "participants").lower()
        kind = _UNIT_KIND.get(word, word)
        group = "n" if m.group("n") else "responded"
        value = int(m.group(group).replace(",", ""))
        out.append(
            _Cand(kind, value, section_bonus + 3.5, s, (m.start(group), m.end()), "number was")
        )
    if "random" in low:
        out.extend(_randomised(s, section_bonus))
    if (
        not units
        and not verbs
        and "=" not in text
        and not _VERB_BEFORE_ANY.search(s)
        and not _TOTAL_ANY.search(s)
        and not _OF_OPENER_NUMBER.match(text)
    ):
        return out  # nothing else a number could count
    hypothetical = _HYPOTHETICAL.search(text)
    for num in find_numbers(text, s.words):
        if _DOT_THOUSANDS.fullmatch(text, num.start, num.end) and _PEOPLE_NEXT.match(text, num.end):
            # "5.437 health professionals": no one counts a fraction of a person, so the dot
            # groups thousands (as Spanish, Portuguese and German write them)
            num = replace(num, value=num.value * 1000)
        if _no_head_count(text, num):
            continue
        if hypothetical is not None and hypothetical.end() <= num.start:
            continue  # "this surge would require as many as 4092 senior doctors": a projection
        tok = doc.char_span(num.start, num.end, alignment_mode="expand")
        if tok is None:
            continue
        unit_from = tok.end
        of_them = _OF_THEM.match(text, num.end)  # "402 of them (93.5%) were collected"
        paren = _PAREN_AFTER.match(text, of_them.end() if of_them else num.end)
        if of_them and not paren:
            unit_from = next((t.i for t in doc[tok.end :] if t.idx >= of_them.end()), tok.end)
        if paren:  # "222 (of 1,375, 16.2%) physician trainees"
            after_paren = doc.char_span(paren.end(), paren.end(), alignment_mode="expand")
            unit_from = after_paren.start if after_paren is not None else tok.end
            for t in doc[tok.end :]:
                if t.idx >= paren.end():
                    unit_from = t.i
                    break
        out_of = _OUT_OF_AFTER.match(text, num.end)
        skip_to = out_of.end() if out_of else num.end
        if out_of and not paren:  # "182 out of 455 IPU respondents": count the first
            aside = _PAREN_ASIDE.match(text, skip_to)  # "682/1950 (35% of invited) individuals"
            if aside:
                skip_to = aside.end()
            for t in doc[tok.end :]:
                if t.idx >= skip_to:
                    unit_from = t.i
                    break
        found = _unit_after(doc, unit_from, units) or _profession_after(doc, unit_from)
        coord = None if found is not None else _COORD_AFTER.match(text, num.end)
        if coord:
            second = doc.char_span(coord.start(1), coord.end(1), alignment_mode="expand")
            if second is not None:
                found = _unit_after(doc, second.end, units) or _profession_after(doc, second.end)
        if coord and found is not None:
            found = (doc[tok.start : tok.end], found[1])  # the quote ends at this number
        if found is not None and _RATE_AFTER_UNIT.match(text[found[0].end_char :]):
            continue  # "5 participants per month per site"
        verb = next(
            (
                v
                for v in verbs
                if v.start == tok.end
                # one word between: the people ("46 midwives completed"), not a unit of
                # measure ("thresholds below 25 dB took part")
                or (
                    v.start - tok.end == 1
                    and (
                        found is not None
                        or (_one_word_people(doc[tok.end]) and not _places_of_origin(doc, tok))
                    )
                )
            ),
            None,
        )
        if paren and verb is None:  # "796 (90%) completed"
            verb = next((v for v in verbs if 0 <= v.start - unit_from <= 1), None)
        if out_of and verb is None:
            verb = next((v for v in verbs if 0 <= v.start - unit_from <= 4), None)
        if found is None and verb is None:
            verb = next(
                (
                    v
                    for v in verbs
                    if 2 <= v.start - tok.end <= 4 and _people_np(doc[tok.end : v.start])
                ),
                None,
            )  # "46 nursing and midwifery educators participated"
        if verb is None and (named := found or _people_after(doc, tok.end)) is not None:
            # "223 patients aged 18-90 years were included", "223 patients (63% female) with
            # age range 18-90 years were included": the people's ages between them and the verb
            aside = _AGES_AFTER_PEOPLE.match(text, named[0].end_char)
            if aside is not None and aside.group(1):
                verb = next((v for v in verbs if 0 <= v.start_char - aside.end() <= 1), None)
                if verb is not None and found is None:
                    found = named
        if found is None and verb is None and _VERB_BEFORE.search(text, 0, num.start):
            # "We surveyed 724 patients", "we interviewed 12 caregivers": people the lexicon
            # has no word for, named right after the study's own verb
            found = _people_after(doc, tok.end)
        if found is None and verb is None and _TOTAL_BEFORE.search(text, 0, num.start):
            # "A total of 2217 adult patients who were hospitalized": a total names the people
            # the lexicon has no word for, as a study verb does; "A total of 25 patients (47%)
            # were discharged" counts a share of them
            found = _people_after(doc, tok.end, no_share=True)
        if found is None and verb is None and _OF_OPENER.match(text[: num.start]):
            # people the lexicon has no word for, whom the sentence goes on to describe
            found = _opened_people(doc, tok.end)
        if found is None and verb is None and _PARTICIPANTS_LABEL.match(text[: num.start]):
            # "PARTICIPANTS: A subset of 958 essential, facility-based LTC workers": the
            # structured abstract's own heading says whom the number counts
            found = next(
                ((doc[t.i : t.i + 1], "participants") for t in doc[tok.end :] if t.is_alpha),
                None,
            )
        if found is None and verb is None:
            continue
        if found is None and tok.end < len(doc) and doc[tok.end].lower_ in _THINGS_COUNTED:
            continue  # "A total of 244 samples were collected": no people
        if (
            1950 <= num.value <= 2035
            and "," not in text[num.start : num.end]
            and (
                found is None
                or _MONTH_BEFORE.search(text[: num.start])
                or _YEAR_CONTEXT.search(text[: num.start])
            )
        ):
            continue  # a year ("in 2020 completed", "May 2020 nurses", "disease 2019")
        if found is not None:
            unit, kind = found
            tail_end = unit.end
        else:
            unit, kind, tail_end = None, "participants", tok.end
            if paren:  # "796 (90%) completing the survey"
                tail_end = unit_from
        if num.value == 1 and kind == "participants":
            continue  # "One patient responded completely": one person is a case, not a sample
        before = text[max(0, num.start - 25) : num.start]
        tail = doc[tail_end : min(len(doc), tail_end + 6)]
        # "412 eligible nurses were included": a frame word before the people who took part
        took_part_after = unit is not None and _TOOK_PART_AFTER.match(text, unit.end_char)
        frame = _DENOM_BEFORE.search(before) is not None or any(
            c.start >= tok.end
            and c.start < tail.end
            and c.text.lower() not in {"of the", "out of"}
            and not (out_of and c.end_char <= skip_to)  # "682/1950 (35% of invited)"
            # "734 of the 900 individuals contacted completed": the 900 were contacted
            and not (out_of and unit is not None and c.start <= unit.end + 1)
            and not (took_part_after and unit is not None and c.end <= unit.start)
            for c in frame_cues
        )
        if any(
            c.end <= tok.start
            and tok.start - c.end <= 3
            and c.text.lower() in _FRAME_VERBS
            # "were distributed, and 402 of them were returned": a new clause
            and not any(t.text in {",", ";"} or t.lower_ == "and" for t in doc[c.end : tok.start])
            for c in frame_cues
        ):
            frame = True  # "We invited 355 dental trainees": who was asked, not who took part
        # "eligible" between number and unit
        if (
            unit is not None
            and any(
                c.start >= tok.end
                and c.end <= unit.start
                # "121 out of 150 residents", "682/1950 (35% of invited) individuals", "417 of 450
                # contacted individuals completed": the frame word describes the denominator
                and not out_of
                for c in frame_cues
            )
            and not took_part_after
        ):
            frame = True
        if frame:
            excluded.append({"kind": kind, "value": int(num.value), "quote": text})
            continue
        score = section_bonus
        note = "number+unit"
        if unit is not None and kind == "participants" and unit.label_ == "participants":
            score += 1.0
        elif unit is not None and kind == "participants":
            score += 0.5
        if verb is not None or any(0 <= v.start - tail_end <= 3 for v in verbs):
            score += 2.0
            note = "number+verb"
            if verb is not None and verb.text.lower() in _TOOK_PART:
                # "3,360 completed the survey, with 2,579 (76.8%) analyzed", "886 participants
                # were provided the survey, with 796 completing it": of the counts in one
                # sentence, the later and smaller one that took part is the sample
                bigger = [
                    c.score
                    for c in out
                    if c.kind == kind
                    and c.value > num.value
                    # "345 nurses and 123 doctors responded": two groups, not a subset
                    and not _LIST_LAST.match(text[c.span[1] : num.start])
                    # "Among 114 randomized nurses, 89 completed the trial": a trial's
                    # sample is the number randomised (GUIDELINES), not its completers
                    and not _RANDOMISED_CLAUSE.match(text, c.span[0])
                ]
                if bigger:
                    score = max(score, max(bigger) + 0.5)
                    note = "took part of a larger count"
        if _TOTAL_BEFORE.search(before):
            score += 3.0
            note = "total"
        elif _VERB_BEFORE.search(before) and found is not None:
            score += 2.0  # "We included 66 health staff"
            note = "verb+number"
        if num.is_word:
            score += 0.2
        span_end = unit.end_char if unit is not None else tok.end_char
        if note == "number+unit" and _ANSWERED_AFTER.match(text, span_end):
            score -= 1.0
            note = "answered"
        elif (
            note == "total"
            and _SHARE_PAREN.match(text, span_end)
            and _ANSWERED_AFTER.match(text, span_end)
        ):
            # "A total of 226 respondents (46.1%) reported that their volume had dropped": the
            # share who answered one way, not the sample
            score -= 3.5
            note = "share answered"
        if out_of:
            score += 1.5
            note = "x out of y"
        if _FOLLOW_UP_STRAND_AFTER.match(text, span_end) or (
            _SURVEY_RESPONDENTS.search(text, num.end, span_end + 1) is not None
            and _INTERVIEW_AFTER.search(text, span_end, span_end + 60) is not None
        ):
            score -= 2.5
            note = "follow-up strand"
        if _SEX_SHARE_AFTER.match(text, span_end):
            continue  # "1483 individuals (69.9%) were female": the sample's make-up
        share = _SHARE_THEN_CLAUSE.match(text, span_end) if note == "number+unit" else None
        if share is not None and not any(0 <= v.start_char - (share.end() - 1) <= 1 for v in verbs):
            # "Six individuals (33%) required supplemental oxygen": a share of the sample that
            # something is said of ("620 nurses (62%) responded" took part; "120 nurses (60%)
            # and 80 physicians (40%)" lists the sample's groups)
            continue
        sub = _SUBGROUP_BEFORE.search(text[: num.start])
        if sub and any(c.span[0] < sub.start() for c in out):
            score -= 2.5  # "22 participants including 17 residents and 5 faculty": subgroups
            note = "subgroup"
        if _OF_THE_SAMPLE_BEFORE.search(text, 0, num.start):
            score -= 2.5
            note = "share of the sample"
        elif _OF_BEFORE.search(text, 0, num.start) and _QUALIFIED_AFTER.match(text, span_end):
            score -= 2.5  # "Of 37 clinicians with education debt, 38% reported ...": a subgroup
            note = "qualified subgroup"
        if unit is not None and _VALID_AFTER.match(text, num.end):
            # "a total of 120 participants, receiving 115 valid questionnaires": of the
            # counts in one sentence, the later and smaller one that could be used
            bigger = [c.score for c in out if c.kind == kind and c.value > num.value]
            if bigger:
                score = max(score, max(bigger) + 0.5)
                note = "valid of a larger count"
        out.append(_Cand(kind, int(num.value), score, s, (num.start, span_end), note))
    for m in N_EQUALS.finditer(text):
        value = int(GROUP_SEP.sub("", m.group(2)))
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None:
            continue
        if _SHARE_OF_AFTER.match(text, m.end()):
            continue  # "47 % (n = 17) of the respondents were 56 or older": a share of them
        if _PER_GROUP_AFTER.match(text, m.end()):
            continue  # "three groups (n = 8/group)", "(n = 20 per arm)": a size per group
        prev = [u for u in units if u[0].end <= tok.start and tok.start - u[0].end <= 8]
        kind = prev[-1][1] if prev else "participants"
        if (
            kind in {"focus_groups", "sites"}
            and prev[-1][0].start > 0
            and doc[prev[-1][0].start - 1].like_num
        ):
            # "three focus groups (n = 18)", "from two hospitals (n = 450)": the groups or
            # sites have their count already; the n counts the people in them
            kind = "participants"
        if (
            not prev
            and not units
            and not _SAMPLE_WORD.search(text)
            and not (
                _PEOPLE_BEFORE_N.search(text, 0, m.start())
                and any(0 <= v.start - tok.end <= 2 for v in verbs)
            )
            # "We conducted a cross-sectional survey in May-June 2020 (N=467)"
            and not _SURVEY_BEFORE_N.search(text, 0, m.start())
            # "Women were randomly assigned to topiramate (n = 28) or placebo (n = 28)": the
            # people allocated to each arm
            and not _allocated_people(text, m.start())
        ):
            continue  # "Providers (N=50) completed a survey" counts people no lexicon names
        if any(
            c.text.lower() in _FRAME_VERBS or c.text.lower().startswith("were ")
            for c in frame_cues
            if 0 <= c.start - tok.end <= 3
        ):
            excluded.append({"kind": kind, "value": value, "quote": text})
            continue  # "(n = 3) were invited to participate": who was asked
        score = section_bonus + (2.5 if m.group(1) == "N" else 0.8)
        if (
            _PERCENT.search(text[max(0, m.start() - 40) : m.start()])
            or (prev and _SHARE_BEFORE.search(text, 0, prev[-1][0].start_char))
            or _PERCENT_NEXT.match(text, m.end())
        ):
            # "represented 27.7% of the sample (n = 92)", "the majority of the participants
            # (n = 652) were female", "cohabitants (N=3,949, 65.8%)": a subgroup
            score -= 1.0
        elif prev and any(0 <= v.start - tok.end <= 2 for v in verbs):
            score += 2.5  # "practitioners (n = 251) completed an online survey"
        out.append(_Cand(kind, value, score, s, (m.start(), m.end()), "n="))
    # who took part out of those asked: the sample, and its frame excluded
    took_part: tuple[re.Match[str], str, str, str] | None = None
    of_frame = _OF_FRAME.match(text)
    if of_frame and not _RANDOMISED_CLAUSE.match(text, of_frame.start("frame")):
        # (not "Among 114 randomized nurses, 89 completed": the randomised are the sample)
        took_part = (of_frame, "frame", "n", "of N, M took part")
    elif ("%" in text or "received" in text) and (share := _SHARE_OF_FRAME.search(text)):
        n_group = "n" if share.group("n") else "n2"
        took_part = (share, "frame" if n_group == "n" else "frame2", n_group, "M of N took part")
    if took_part is not None:
        m, frame_group, n_group, note = took_part
        frame_n = int(m.group(frame_group).replace(",", ""))
        value = int(m.group(n_group).replace(",", ""))
        out = [c for c in out if c.value != frame_n]
        excluded.append({"kind": "participants", "value": frame_n, "quote": text})
        if 0 < value <= frame_n:
            out.append(_Cand("participants", value, section_bonus + 4.0, s, m.span(n_group), note))
    analysed = _ANALYSED_AFTER.search(text) if "analy" in low else None
    if analysed is not None:
        n_analysed = int(GROUP_SEP.sub("", analysed.group("n")))
        people = [c for c in out if c.kind == "participants"]
        if any(c.span[1] <= analysed.start() and c.value > n_analysed for c in people):
            # "600 responded, and 550 were included in the analysis", "2,345 surveys were
            # returned, of which 2,100 were complete and analysed": the later, smaller count
            # the analysis used (GUIDELINES batch 10), below a trial's number randomised
            score = min(max(c.score for c in people) + 0.5, section_bonus + 4.5)
            out.append(
                _Cand(
                    "participants",
                    n_analysed,
                    score,
                    s,
                    analysed.span("n"),
                    "analysed of a larger count",
                )
            )
    parts = [c for c in out if c.kind == "participants" and c.note in {"total", "number+verb"}]
    if (
        len(parts) >= 2
        and parts[0].note == "total"
        and _JOINED_BY_AND.match(text[parts[0].span[1] : parts[1].span[0]])
    ):
        # "A total of 160 frontline and 146 non-frontline providers were recruited"
        out.append(
            _Cand(
                "participants",
                parts[0].value + parts[1].value,
                # "A total of 120 nurses and 80 physicians completed the survey": the total
                # names both groups, so their sum beats the first group's count
                max(section_bonus + 5.5, parts[0].score + 0.5),
                s,
                (parts[0].span[0], parts[1].span[1]),
                "sum of subgroups",
            )
        )
    for c in list(out):
        two = (
            _TWO_COUNTS_BEFORE.search(text, 0, c.span[0])
            if c.kind == "participants" and c.note in {"number+unit", "number+verb"}
            else None
        )
        if two is not None and _NOT_A_COUNT_BEFORE.search(
            text[max(0, two.start(1) - 30) : two.start(1)]
        ):
            two = None  # "SPSS version 25 and 40 nurses were interviewed"
        first = int(GROUP_SEP.sub("", two.group(1))) if two is not None else 0
        if two is not None and not 1900 <= first <= 2100:
            # "19 and 24 students were enrolled", "administered to 25 and 30 medical personnel
            # as the intervention and control groups": two counts of one kind of people
            out.append(
                _Cand(
                    "participants",
                    first + c.value,
                    c.score + 0.25,
                    s,
                    (two.start(1), c.span[1]),
                    "two counts of one unit",
                )
            )
    pair = [
        c
        for c in out
        if c.kind == "participants" and c.note in {"number+unit", "number+verb", "verb+number"}
    ]
    if (
        2 <= len(pair) <= 6
        and not any(c.note in {"total", "n=", "number was", "x out of y"} for c in out)
        and _listed_groups([text[a.span[1] : b.span[0]] for a, b in pairwise(pair)])
        and (
            not _SUBGROUP_BEFORE.search(text[: pair[0].span[0]])
            or _STUDY_VERB_BEFORE.search(text[: pair[0].span[0]]) is not None
        )
    ):
        # "interviews with 2 nurses and 2 doctors", "from 22 nurses who attended the training
        # and 26 nurses who did not", "we surveyed 120 nurses, 80 physicians and 40
        # pharmacists": the groups named as the people studied
        out.append(_sum_of(pair, "sum of groups"))
    people = [c for c in out if c.kind == "participants" and c.note != "n="]
    for a, b in pairwise(people):
        if _ANOTHER_GROUP_BEFORE.search(text, a.span[1], b.span[0]):
            # "interviews with 12 women at T1, and a separate 12 women were interviewed at T2",
            # "15 nurses in 2020 and another 10 nurses in 2021": a second group of the sample
            out.append(
                _Cand(
                    "participants",
                    a.value + b.value,
                    max(a.score, b.score) + 0.5,
                    s,
                    (a.span[0], b.span[1]),
                    "sum with another group",
                )
            )
            break
    for c in out:
        if c.kind == "sites" and _ONE_OF_BEFORE.search(text, 0, c.span[0]):
            c.value, c.note = 1, "one of N sites"  # "in one of the two COVID-19 hub hospitals"
    sites = [c for c in out if c.kind == "sites" and c.note != "n="]
    if (
        len(sites) == 2
        and sites[0].span[1] <= sites[1].span[0]
        and _JOINED_BY_AND.match(text[sites[0].span[1] : sites[1].span[0]])
        and not _ONE_OF_THE.search(text[sites[0].span[0] : sites[1].span[0]])
    ):
        # "nurses from one referral and four general hospitals", "7 level-3 and 6 level-2
        # neonatal units": two kinds of site make up the sites
        out.append(_sum_of(sites, "sum of two site groups"))
    arms = [c for c in out if c.note == "n=" and c.kind == "participants"]
    if (
        len(arms) >= 2
        and (
            _ALLOCATED.search(text[: arms[0].span[0]])
            or (
                len(arms) == 2
                and _SAMPLE_OF_GROUPS.search(text[: arms[0].span[0]])
                and _GROUP_AND.search(text[arms[0].span[1] : arms[1].span[0]])
            )
        )
        and not any(c.note in {"total", "number was"} for c in out)
    ):
        # "randomly allocated into an intervention group (n = 35) and a control group
        # (n = 37)": the arms make up the sample (GUIDELINES: trials count the randomised);
        # "a cross-sectional sample of SMYAs (n = 294; ...) and non-SMYAs (n = 874; ...)": the
        # two groups the text says the sample is made of
        out.append(
            _Cand(
                "participants",
                sum(c.value for c in arms),
                max(c.score for c in arms) + 2.0,
                s,
                (arms[0].span[0], arms[-1].span[1]),
                "sum of arms",
            )
        )
    cue = _SUM_CUE.search(text)
    if cue and _SAMPLE_WORD.search(text[: cue.start()]):
        parts = [
            c
            for c in out
            if c.kind == "participants"
            and c.span[0] > cue.end()
            and c.note in {"number+unit", "total"}
            # "comprised 1,015 nurses after excluding 85 incomplete responses"
            and not _EXCLUDED_BEFORE.search(text, max(0, c.span[0] - 30), c.span[0])
        ]
        if len(parts) >= 2 and not any(
            c.note in {"total", "n="} and c.span[0] < cue.start() for c in out
        ):
            total = sum(c.value for c in parts)
            # "Out of 136 ICU specialists, there were 84 nurses and 52 physicians": a part
            # that the others add up to is the stated total
            total = next((c.value for c in parts if 2 * c.value == total), total)
            out.append(
                _Cand(
                    "participants",
                    total,
                    section_bonus + 4.5,
                    s,
                    (parts[0].span[0], parts[-1].span[1]),
                    "sum of subgroups",
                )
            )
    return out


# --- design ---------------------------------------------------------------------------


# what a protocol says of its own methods: "Descriptive statistics will be calculated",
# "We are conducting interviews with 20 providers", "Data are being collected"
_PLANNED = _gated(
    re.compile(
        r"\bwill (?:be |also be |then be )?(?:[a-z]+ed|[a-z]+en|undertaken|constituted|take place)\b"
        r"|\b(?:we|team) (?:are|is) (?:currently |now |then )?(?:conducting|recruiting|collecting|"
        r"asking|interviewing|developing|running)\b"
        r"|\b(?:is|are) (?:currently )?being (?:conducted|undertaken|collected|recruited)\b",
        re.I,
    ),
    "will|being|conducting|recruiting|collecting|asking|interviewing|developing|running",
)


def _is_protocol(document: Document, sents: list[_Sent]) -> bool:
    if document.title and re.search(r"\bprotocol\b", document.title, re.I):
        return True
    if any("protocol" in pt.casefold() for pt in document.publication_types):
        return True
    future = sum(
        1
        for s in sents
        if "protocol" in s.cue_kinds or (not s.background and _PLANNED.search(s) is not None)
    )
    titled = any(s.passage.section == "title" and "protocol" in s.cue_kinds for s in sents)
    return titled or future >= 3 or _registry_entry(sents)


# the fields of a trial registry's record ("Condition: ...", "Primary outcome: ...",
# "Inclusion Criteria:"): a registered study that reports no sample yet is a protocol
# (GUIDELINES: check12)
_REGISTRY_FIELD = re.compile(
    r"(?:^|\n|>)\s*(condition|intervention|primary\W{1,3}outcome|secondary\W{1,3}outcome|"
    r"inclusion criteria|exclusion criteria)\s*:",
    re.I,
)


_NON_WORD = re.compile(r"\W+")
# a registered study that reports its sample in the past tense has been done ("205 residents
# completed all forms"): an observational record, not a protocol
_DONE = re.compile(
    r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}(?:"
    + _TOOK_PART_VERB
    + r"|were (?:included|enrolled|recruited|surveyed|interviewed))\b",
    re.I,
)


def _registry_entry(sents: list[_Sent]) -> bool:
    fields: set[str] = set()
    for s in sents:
        if ":" in s.passage.text:
            fields.update(
                _NON_WORD.sub(" ", m.group(1).lower())
                for m in _REGISTRY_FIELD.finditer(s.passage.text)
            )
    return len(fields) >= 3 and not any(_DONE.search(s.passage.text) for s in sents)


# what "qualitative" describes when it names no way of doing research ("qualitative variables
# were described as frequencies", "qualitative and quantitative histology")
_NOT_QUALITATIVE_RESEARCH_AFTER = frozenset(
    {"variable", "variables", "histology", "histologic", "histological", "change", "changes",
     "increase", "decrease", "difference", "differences", "criteria", "features",
     "characteristics", "parameters", "traits", "measurement", "measurements", "test", "tests",
     "assay", "assays", "scale", "scales",
     # a survey's free-text answers or a client's account: "the qualitative comments
     # indicated", "Qualitative reports from the client"
     "comments", "comment", "feedback", "remarks", "reports"}
)  # fmt: skip
_DATA_SOURCE_AFTER = re.compile(
    r"\s+(?:program(?:me)?\s+)?(?:database|registry|data ?set)s?\b", re.I
)
_NOT_A_DESIGN_AFTER = {"ward", "wards", "unit", "units", "area", "areas", "nursing"}
# "randomized controlled trials are under way", "randomized controlled studies, many of which
# are ongoing": others' trials, in the plural
_OTHERS_TRIALS_AFTER = {"trials", "studies"}
_TRIAL_NOUNS = {"trial", "trials", "study", "studies", "design", "designs"}
_NOT_RANDOMISED_BEFORE = re.compile(r"\b(?:non|not|un|quasi)[\s-]*$", re.I)


def _others_trials(doc: Doc, end: int) -> bool:
    """The trial words after a design cue are plural: others' trials ("randomized controlled
    trials are under way", "evidence from randomized, placebo-controlled clinical trials")."""
    for t in doc[end : end + 4]:
        if t.lower_ in _TRIAL_NOUNS:
            return t.lower_ in _OTHERS_TRIALS_AFTER
    return False


# "future longitudinal studies are needed": a design the authors call for, not theirs
_FUTURE_WORK = re.compile(
    r"\b(?:future|further|more|additional)\b[^.;]{0,80}?\b(?:needed|required|warranted|"
    r"necessary|should|recommended)\b|\b(?:are|is) (?:needed|warranted|required)\b",
    re.I,
)
# "there is a lack of longitudinal studies", "few qualitative studies", "future randomised
# trials", "to monitor future quality improvement studies": designs the literature is missing
# or work still to come, not this study's
_MISSING_BEFORE = re.compile(
    r"\b(?:lack of|lacking|few|paucity of|absence of|scarcity of|dearth of|limited number of|"
    r"no|need for|needs for|future)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "can be used in supervision and quality improvement strategies", "led to areas for quality
# improvement", "to inform quality improvement": a use the results may be put to, not the
# study's own design
_APPLIED_TO_BEFORE = re.compile(
    r"\b(?:(?:can|could|may|might|will) be used (?:in|for|to)|(?:to|will|could|may|can) inform|"
    r"informing|areas? for|implications? for|useful (?:in|for)|to guide)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "air quality improvement", "water quality improvement": the quality of something other than
# care, improved
_NOT_CARE_QUALITY_BEFORE = frozenset({"air", "water", "soil", "sleep", "image", "voice"})
# "a cross-sectional report, part of a nationwide longitudinal project": the parent study's
# design is not this report's
_PARENT_BEFORE = re.compile(
    r"\b(?:part of|from|within|nested in|embedded in|ancillary to|a sub-?study of|"
    r"secondary analysis of)\s+(?:a|an|the|our|one|this|its)?\s*[\"“‘']?(?:[\w-]+,?\s+){0,4}$",
    re.I,
)
# "higher than in the meta-analysis", "compared with global rates from two meta-analyses":
# other reviews this study compares its own results with
_OTHER_REVIEW_BEFORE = re.compile(
    r"\b(?:than|compared (?:with|to)|versus|vs\.?|reported (?:in|by)|from|with)\s+(?:[\w-]+\s+)"
    r"{0,3}?(?:the|a|an|one|two|three|four|several|previous|prior|earlier|published|recent|"
    r"other|existing)\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:in|of)\s+(?:two|three|four|five|several|many|numerous|previous|prior|earlier|"
    r"published|recent|other|existing)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_REVIEW_METHODS = frozenset({"meta_analysis", "literature_search"})


def _others_review(text: str, start: int) -> bool:
    """The review named at `start` is one the study compares itself with."""
    return _OTHER_REVIEW_BEFORE.search(text[max(0, start - 60) : start]) is not None


_REVIEW_WORDS = _gated(
    re.compile(
        r"\b(?:literature|evidence|studies|articles|publications|research|researchers)\b", re.I
    ),
    "literature|evidence|studies|articles|publications|research|researchers",
)
_EMPIRICAL_FIELDS = {"n_participants", "response_rate", "prevalence"}
_EMPIRICAL_ANALYSES = {"descriptive_statistics", "group_comparison", "regression", "correlation"}
_INFERENTIAL_ANALYSES = frozenset(
    {"group_comparison", "regression", "correlation", "structural_equation_modelling"}
)
# the methods of qualitative research: its interviews and focus groups and their analyses
_QUALITATIVE_METHODS = frozenset(
    {"semi_structured_interviews", "focus_groups", "thematic_analysis", "grounded_theory",
     "content_analysis", "framework_analysis", "ipa", "phenomenology"}
)  # fmt: skip


# bibliographic databases, named in any case; Cochrane Library and Google Scholar only as
# written (the lower-case words are everyday English)
_DATABASE_NAMES = (
    "pubmed", "medline", "embase", "cinahl", "psycinfo", "scopus", "scielo", "lilacs",
    "web of science",
)  # fmt: skip
_DATABASES = frozenset({*_DATABASE_NAMES, "cochrane library", "google scholar"})
_SEARCH_METHODS = re.compile(
    r"\b(?:(?i:" + "|".join(_DATABASE_NAMES) + r"|electronic databases)|Cochrane Library|"
    r"Google Scholar|search strateg\w*|searched|"
    r"inclusion criteria|eligibility criteria|PRISMA|(?:articles|studies|records|papers) were "
    r"(?:screened|included|identified|retrieved|selected)|search for the (?:articles|studies))\b"
)


# a study's quantitative and qualitative strands named in one sentence, each as its own data
_TWO_STRANDS = re.compile(
    r"\bquantitative (?:data|analys[ie]s|component|phase|strand)\b[^.]*?"
    r"\bqualitative (?:data|analys[ie]s|component|phase|strand|responses|experiences|findings)\b"
    # "Qualitative data amplified and expanded upon the quantitative data findings"
    r"|\bqualitative (?:data|analys[ie]s|component|phase|strand)\b[^.]{8,}?"
    r"\bquantitative (?:data|analys[ie]s|component|phase|strand|findings|results)\b",
    re.IGNORECASE,
)


def _states_search(sents: list[_Sent]) -> bool:
    # the record's own "Database: MEDLINE" line is where it was found, not how it searched
    hits = {
        m.group(0).lower()
        for s in sents
        if not s.metadata
        for m in _SEARCH_METHODS.finditer(s.passage.text)
    }
    # two names of one database ("Medline (Pubmed)") state no search method
    databases = hits & _DATABASES
    return len(hits) >= 2 and (len(hits) > len(databases) or len(databases) >= 3)


# a text that reports results of its own, in words a survey's abstract uses
_OWN_RESULTS = _gated(
    re.compile(
        r"\b(?:the|our) results (?:showed|show|revealed|reveal|indicated|indicate)\b|"
        r"\b(?:was|were) significantly (?:higher|lower|more|less|associated|correlated)\b|"
        # "We find that married respondents are 1-2 percentage points less likely ...", "Our
        # findings suggest"
        r"\bwe (?:find|found) that\b|\bour (?:results|findings|data) (?:suggest|indicate)\b|"
        # "We measured the study-related burnout ... The study found that there was no
        # significant change"
        r"\b(?:the|this|our) study found\b|"
        # "We report preliminary results of an Italian multicentre study comprising 168 cases"
        r"\bwe report (?:the )?(?:preliminary |initial |first |early )?(?:results|findings|data)\b",
        re.I,
    ),
    "results|significantly|find|found|findings|data",
)


# fewer words than this outside the title (no abstract, "[No abstract available]", a PDF with
# one line of text) give the fallback nothing to read: a design is then reported only where
# some cue names it
_MIN_WORDS_FOR_DESIGN = 6


def _words_beyond_title(sents: list[_Sent]) -> int:
    return sum(
        len(s.passage.text.split())
        for s in sents
        if s.passage.section not in {"title", "keywords"} and not s.metadata
    )


def _design_without_cues(sents: list[_Sent], out: _Emitter) -> str:
    """No design named: a text reporting its own sample or statistics is most often a
    one-off survey; one built on literature is a narrative review; else a discussion piece."""
    if _bench_study(sents):
        return "other"  # "Ten SPF cats were challenged ...": the results are the bench's
    fields = {v.field for v in out.values}
    analyses = {
        v.value
        for v in out.values
        if v.field == "analysis"
        # "predicted or unexpected difficult intubation", "cannot always be predicted"
        and str(v.detail.get("surface", "")).lower() not in {"predicted", "predicts"}
    }
    if fields & _EMPIRICAL_FIELDS or analyses & _EMPIRICAL_ANALYSES:
        return "cross_sectional"
    if _lab_or_model_work(sents):
        return "other"  # a laboratory, engineering or modelling study (GUIDELINES batch 7)
    if any(not s.background and _OWN_RESULTS.search(s) for s in sents):
        return "cross_sectional"  # "The results showed that ... were significantly higher"
    if any(not s.background and _ONE_PATIENT.search(s.passage.text) for s in sents):
        return "other"  # the course of one patient's illness told: a case report
    # a structured abstract's "RESULTS:" that gives counts or percentages reports data of the
    # study's own ("RESULTS: 45 cases were found, 91.1% in the bulb"; not "RESULTS: In these
    # guidelines, we provide a framework")
    results = [
        s.passage.text
        for s in sents
        if not s.background
        and _RESULTS_LABEL.match(s.passage.text)
        and _DATA.search(s.passage.text)
    ]
    if any(not _LITERATURE_UNITS.search(t) for t in results) and any(
        _METHODS_LABEL.match(s.passage.text) for s in sents
    ):
        # a structured abstract whose METHODS and RESULTS report counts of its own ("RESULTS:
        # 45 cases were found") is a study, whatever its background says of the literature
        return "cross_sectional"
    if any(not s.background and _OWN_STUDY_DID.search(s.passage.text) for s in sents):
        return "cross_sectional"  # "In this study, the researchers used quantitative analysis"
    review = sum(1 for s in sents if s.background or _REVIEW_WORDS.search(s))
    if review >= 2:
        return "narrative_review"
    if any(
        not s.background
        and (s.passage.section == "title" or _OURS.search(s.passage.text))
        and _INITIATIVE.search(s.passage.text)
        and _LAUNCHED.search(s.passage.text)
        for s in sents
    ):
        # "Devising the collateral methods to provide Ayurveda consultation", "Starting the ...
        # Foundation": the report of an initiative with no study is `other` (GUIDELINES batch 7)
        return "other"
    if results:
        return "cross_sectional"  # results of its own, under a background of no design
    return "discussion"


# a study of the authors' own that did something with data: "In this study, the researchers
# used quantitative analysis to examine the relationship between ...", "This study examined
# ..." (not "This study reviews the literature")
_OWN_STUDY_DID = re.compile(
    r"\b(?:in\s+)?(?:this|the present|the current|our)\s+study,?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:examined|examines|investigated|investigates|assessed|assesses|analy[sz]ed|measured|"
    r"surveyed|interviewed|used (?:quantitative|qualitative|regression|survey)|compared)\b",
    re.I,
)
# the course of one patient's illness as a case report tells it: "the patient became
# unresponsive", "The patient developed paralysis", "caused the patient to become comatose",
# "a 70-yr-old man" ("placing the patient on high-flow oxygen" is advice, not a course)
_ONE_PATIENT = re.compile(
    r"\b(?:the|our|this) patient (?:was (?:admitted|diagnosed|transferred|treated|intubated)|"
    r"became|developed|underwent|presented (?:with|to)|died|recovered|made a (?:full|complete)|"
    r"to become)\b|"
    r"\b(?:a|an) \d+[- ](?:year|yr|month)s?[- ]old\b|"
    # a few cases told one by one: "The third case was provided with psychological
    # interventions combined with antipsychotic treatment" ("the first case" is as often the
    # first of an epidemic)
    r"\bthe (?:second|third|fourth|fifth) (?:case|patient)\b",
    re.I,
)
# a structured abstract's methods label, and the units a review counts in its results
_METHODS_LABEL = re.compile(r"\s*(?:METHODS?|Methods?|DESIGN|Design)\s*:\s")
_LITERATURE_UNITS = re.compile(
    r"\b(?:studies|articles|papers|publications|reports|trials|records|reviews)\b", re.I
)
# a structured abstract's results label at the start of a sentence
_RESULTS_LABEL = re.compile(r"\s*(?:RESULTS?|Results?|FINDINGS|Findings)\s*:\s")
# a percentage, "n = ", "p < " or a count of things ("45 cases"), not "COVID-19" or "2020"
_DATA = re.compile(
    r"(?<![\w.-])\d[\d.,]*\s?%|\b[nNpP]\s?[=<>]|(?<![\w.-])\d[\d,]*\s+(?:of\s+)?[a-z]+s\b"
)


# the bench, the model or the machine, not people: "We investigated multiple commonly used
# disinfection schemes", "samples are heat-processed before a RT-qPCR procedure", "Mice
# Exposed to Social Isolation", "estimation of the basic reproduction number" ("laboratory"
# and "experimental" are left out: "the critical role of laboratory medicine", "experimental
# treatments" are written about as often as done)
_LAB_WORK = re.compile(
    r"\b(?:mice|rats|murine|in vitro|in vivo|cell lines?|assays?|RT-q?PCR|qPCR|genom(?:e|es|ic)|"
    r"sequencing|disinfect(?:ion|ed|ing)|simulations?|simulated|reproduction number|"
    r"robot(?:s|ic|ics)?|sensors?|prototype|filtration|reagents?|phylogen\w*|bioinformatic\w*|"
    r"(?:sequence|multiple) alignments?|gene famil(?:y|ies)|crystallograph\w*|"
    r"X-ray diffraction|molecular (?:docking|dynamics)|"
    # computing and modelling: "a Vision Transformer ... pretrained on ImageNet-21k", "we
    # parameterise our model", "a logistic growth function ... forecasts" (GUIDELINES check12,
    # check14: a modelling or computational paper is `other`)
    r"deep learning|machine learning|neural networks?|convolutional|data augmentation|"
    r"pre-?trained|vision transformers?|parameteri[sz]\w*|forecast(?:s|ing|ed)?|"
    r"epidemic curves?|growth (?:model|function|curve)s?|"
    # molecules and materials: "miRNA repertoire ... in eggs", "graphene masks"
    r"miRNAs?|microRNAs?|transcriptom\w*|proteom\w*|graphene|superhydrophobic)\b",
    re.I,
)


# the authors' own voice, narrower than ``_OWN_AIM`` (no aims or objectives: "The objective
# is to review the genome ..." is no bench work of theirs)
_OWN_WORK = re.compile(r"\b(?:we|our|this (?:paper|study|work|article))\b", re.I)


# the words of biology done at the bench or in animals, not with people: "in vitro", "SPF
# cats", "phylogenetic analysis of 160 genomes", "the 3C-like protease", "synthesized
# compounds docked". Words that name drugs and clinical tests as well ("protease inhibitor",
# "nucleotide analogue", "enzymes", "assays", "compounds") are left out. Tried only where no design is named, so it is not gated.
_BENCH_WORDS = re.compile(
    r"\b(?:mice|mouse model|rats|murine|in vitro|in vivo|in silico|cell lines?|"
    r"cell cultures?|molecular (?:docking|dynamics)|docking|phylogen\w*|genomes|"
    r"genome sequenc\w*|whole[- ]genome|crystallograph\w*|X-ray diffraction|epitopes?|"
    r"recombinant|recombinase|amino acids?|plasmids?|"
    r"transfect\w*|knock-?out|virions?|piglets|swine|porcine|feline|bovine|hamsters|"
    r"ferrets|macaques|embryos|ligands?|synthesi[sz]ed|bioinformatic\w*|metagenomic\w*|"
    r"spike proteins?|receptor[- ]binding|glycosylation|peptides?|nanoparticles?)\b",
    re.I,
)


def _bench_study(sents: list[_Sent]) -> bool:
    """Work done at the bench or in animals: two different words of it in the text's own
    sentences, one of them where the authors speak of their own work ("In this study, we
    evaluated ... in SPF cats"), or three with one in the title ("Porcine deltacoronavirus
    activates the Raf/MEK/ERK pathway"). A review of such work is written in the third person
    ("Excitotoxicity is mediated by excitatory amino acids ..."). Reported as `other` where no
    design is named (GUIDELINES batch 7 and check13: a laboratory or computational paper)."""
    words: set[str] = set()
    own = titled = False
    for s in sents:
        if s.background or s.intro:
            continue
        found = {m.group(0).lower() for m in _BENCH_WORDS.finditer(s.passage.text)}
        if not found:
            continue
        words |= found
        titled = titled or s.passage.section == "title"
        own = own or _OWN_WORK.search(s.passage.text) is not None
    return len(words) >= 2 and (own or (titled and len(words) >= 3))


def _lab_or_model_work(sents: list[_Sent]) -> bool:
    """The title, or a sentence in the authors' own voice that is no review, names bench,
    model or engineering work, and the text names two such things."""
    own = any(
        not s.background
        and (s.passage.section == "title" or _OWN_WORK.search(s.passage.text))
        and not _REVIEW_WORDS.search(s)
        and _LAB_WORK.search(s.passage.text)
        for s in sents
    )
    if not own:
        return False
    words = {m.group(0).lower() for s in sents for m in _LAB_WORK.finditer(s.passage.text)}
    return len(words) >= 2


_INITIATIVE = re.compile(
    r"\b(?:program(?:me)?s?|initiatives?|services?|platforms?|apps?|hotlines?|helplines?|"
    r"foundations?|workflows?|consultations?)\b",
    re.I,
)
_OURS = re.compile(r"\b(?:we|our|us)\b", re.I)
_LAUNCHED = re.compile(
    r"\b(?:developed|development|launch(?:ed|ing)?|establish(?:ed|ing|ment)|set up|"
    r"creat(?:ed|ing|ion)|devis(?:ed|ing)|start(?:ed|ing)|transition(?:ed|ing)?)\b",
    re.I,
)


_DISCUSSES_LITERATURE = re.compile(
    r"\s+(?:the\s+)?(?:(?:recent|current|existing|available|published|emerging)\s+)?"
    r"(?:literature|evidence|studies|research)\b",
    re.I,
)
_DESCRIBES_INITIATIVE = re.compile(
    r"\s+(?:(?:a|an|the|our|this)\s+)?(?:[\w-]+\s+){0,4}?(?:project|program(?:me)?|initiative|"
    r"service|platform|app|hotline|helpline)s?\b",
    re.I,
)
_INCLUDING_BEFORE = re.compile(r"\bincluding\s+(?:[\w-]+,?\s+){0,2}$", re.I)
# a title that opens by calling itself a review of a topic ("Review of sleep problems related
# to home confinement", "Review: ..."), not of one thing ("Review of a virtual work
# experience", "Review of an exploratory phase II trial") or of counted cases
_TITLE_OPENS_AS_REVIEW = re.compile(
    r"\W*(?:an?\s+)?review(?:\s*:|\s+of\s+(?!(?:a|an|our|this|one|\d+)\b))", re.I
)
_WEAK_DISCUSSION = {"we argue", "we posit", "we discuss", "reflection", "essay", "lecture"}
# a review that calls itself narrative ("Systematic literature search, narrative literature
# review")
_NARRATIVE_REVIEW = re.compile(r"\bnarrative (?:literature )?review", re.I)
_GROUP_DETERMINERS = {"our", "this", "that", "the", "per", "each", "every", "whole", "entire"}
# the words right after or before one design cue that make it name no design: "hair cortisol
# is a reflection of long-term levels", "a national cohort of pediatric subspecialists" (a
# group of people), "qualitative variables" (no method), "when most of their age cohort are
# becoming less active" (people of an age), "air quality improvement during lockdowns" (no
# improvement of care); ``_NOT_A_DESIGN_AFTER`` holds the words that void any cue
_NOT_THIS_DESIGN_AFTER: dict[str, frozenset[str]] = {
    "reflection": frozenset({"of"}),
    "cohort": frozenset({"of"}),
    "qualitative": _NOT_QUALITATIVE_RESEARCH_AFTER,
}
_NOT_THIS_DESIGN_BEFORE: dict[str, frozenset[str]] = {
    "cohort": frozenset({"age"}),
    "quality improvement": _NOT_CARE_QUALITY_BEFORE,
}
# "Triage should identify and geographically cohort symptomatic patients": to group patients
_VERB_BEFORE_COHORT = {"to", "should", "must", "will", "can", "could", "would", "and", "or"}
# words in -ly that are no adverbs ("a family cohort", "the early cohort", "the Italy cohort")
_NOT_ADVERBS = frozenset(
    {"family", "early", "daily", "weekly", "monthly", "yearly", "only", "elderly", "italy"}
)
# "We report 4 cases of ...", "Here we report seven cases", "We describe 11 patients with a
# new syndrome", "Report of 6 cases": the authors' own small series of cases (PubMed types it
# "Case Reports"), in digits or words; design_cues.yaml spells out only a few ("we report two
# cases", "report of four cases")
_CASE_SERIES = _gated(
    re.compile(
        r"\b(?:(?:we|this (?:article|report|paper))\s+(?:report|present|describe|reported|"
        r"presented|described)(?:\s+on)?\s+(?:a series of\s+)?|\breport of\s+)"
        r"(?P<n>\d{1,2}|[a-z]+)\s+(?:(?:new|consecutive|further|additional|such|[A-Z][\w-]*|"
        r"[a-z]+-[a-z]+)\s+){0,2}(?:cases|patients)\b",
        re.I,
    ),
    "report|present|describe|reported|presented|described",
)
_MAX_CASE_SERIES = 20  # larger series ("We present 57 patients ...") are cohorts of a kind
# a design cue that names the report of a case ("case report", "we report a case", "two cases")
_CASE_REPORT = re.compile(r"\bcases?\b|\b(?:year|yr)-old\b", re.I)


def _emit_design(
    document: Document, sents: list[_Sent], out: _Emitter, rules: DesignRules, protocol: bool
) -> None:
    scores: dict[str, float] = defaultdict(float)
    stated: dict[str, float] = defaultdict(float)  # cue weight outside background sentences
    support: dict[str, list[tuple[float, _Sent, tuple[int, int]]]] = defaultdict(list)
    titled: set[str] = set()  # designs the title names ("A Qualitative Study of ...")
    rule = ""  # a rule that overrode the scores, reported with them
    # a study that reports how it collected or analysed data, or a sample, is not an essay
    # because it says "we argue" or asks for a "reflection essay"
    empirical = any(
        v.field in {"data_collection", "analysis", "n_participants"} for v in out.values
    )
    # a literature review that also says "we discuss" is a review, not an essay; so is a
    # case report ("In this case report, we describe ... We discuss appropriate screening")
    review_or_case = any(
        not s.background
        and (
            sp.label_ == "narrative_review"
            or (sp.label_ == "other" and _CASE_REPORT.search(sp.text) is not None)
        )
        for s in sents
        for sp in groups(s.doc)[DESIGN]
    )
    for s in sents:
        if s.metadata:
            continue  # "© 2022, Editorial Ciencias Medicas" names a publisher, not a design
        seen: set[str] = set()
        cues = groups(s.doc)[DESIGN]
        keywords = bool(cues) and _keyword_line(s)
        for sp in cues:
            d = sp.label_
            nxt = s.doc[sp.end].lower_ if sp.end < len(s.doc) else ""
            if d == "discussion" and _DISCUSSES_LITERATURE.match(s.passage.text, sp.end_char):
                d = "narrative_review"  # "This article discusses recent literature on ..."
            elif d == "discussion" and _DESCRIBES_INITIATIVE.match(s.passage.text, sp.end_char):
                # "This article describes a peer support project developed by ...": a report of
                # an initiative (GUIDELINES batch 7: other)
                d = "other"
            if d in seen or nxt in _NOT_A_DESIGN_AFTER:
                continue  # "the cohort ward" is a place, not a cohort study
            if _DATA_SOURCE_AFTER.match(s.passage.text, sp.end_char):
                # "the National Surgical Quality Improvement Program Database": a data source
                # the study drew on, named after the work it collects
                continue
            if d == "rct" and _others_trials(s.doc, sp.end):
                continue
            if d == "rct" and _NOT_RANDOMISED_BEFORE.search(
                s.passage.text[max(0, sp.start_char - 12) : sp.start_char]
            ):
                # "a non-randomized, open-label, single-arm study", "a non-randomised controlled
                # trial": an intervention without randomisation (GUIDELINES: quasi_experimental)
                d = "quasi_experimental"
                if d in seen:
                    continue
            if d == "systematic_review" and s.passage.text[
                max(0, sp.start_char - 4) : sp.start_char
            ].lower() in {"non-", "non "}:
                continue  # "a non-systematic review of relevant bibliography"
            cue = sp.text.lower()
            prev = s.doc[sp.start - 1].lower_ if sp.start > 0 else ""
            if nxt in _NOT_THIS_DESIGN_AFTER.get(cue, ()) or prev in _NOT_THIS_DESIGN_BEFORE.get(
                cue, ()
            ):
                continue  # "a reflection of", "qualitative variables", "air quality improvement"
            if cue == "cohort" and prev:
                adverb = prev.endswith("ly") and prev not in _NOT_ADVERBS
                if (prev in _VERB_BEFORE_COHORT or adverb) and nxt not in _TRIAL_NOUNS:
                    continue  # "geographically cohort symptomatic patients": grouping them
            seen.add(d)
            w = rules.cues[d][0]
            if s.passage.section == "title" or (s is sents[0] and s.heading):
                w *= 2
            if s.background or s.foreign:
                w *= 0.3  # another study's design, or an English term quoted in a translation
            if (
                (empirical or review_or_case)
                and d == "discussion"
                and sp.text.lower() in _WEAK_DISCUSSION
                and s.passage.section != "title"  # "...: a reflection" names what it is
            ):
                # "we argue that HCC might not capture ..." in a study with its own data: a
                # way of writing, below what a design cue needs on its own (the text's
                # methods decide, as where no cue is found)
                w *= 0.2
            if keywords:
                w *= 0.3  # "Article; burnout; clinical protocol": an indexer's terms
            if (
                sp.text.lower() == "cohort"
                and sp.start > 0
                and s.doc[sp.start - 1].lower_ in _GROUP_DETERMINERS
            ):
                # "patients in our cohort", "500 children per cohort": the group studied, which
                # any design has; it names no cohort study against a stated "cross-sectional"
                w *= 0.3
            if _INCLUDING_BEFORE.search(s.passage.text, 0, sp.start_char):
                w *= 0.3  # "studies (including letters to the editor)": what a review took in
            before = s.passage.text[max(0, sp.start_char - 40) : sp.start_char]
            if (
                _FUTURE_WORK.search(s.passage.text)
                or _MISSING_BEFORE.search(before)
                or _APPLIED_TO_BEFORE.search(before)
            ):
                w *= 0.1  # "longitudinal studies are needed", "a lack of longitudinal studies"
            elif _PARENT_BEFORE.search(s.passage.text[: sp.start_char]):
                w *= 0.3
            elif d in _REVIEW_DESIGNS and _others_review(s.passage.text, sp.start_char):
                w *= 0.1
            scores[d] += w
            if s.passage.section == "title" and w >= rules.cues[d][0]:
                titled.add(d)
            if not s.background:
                stated[d] += w
            support[d].append((w, s, (sp.start_char, sp.end_char)))
    # a design the text states in its own sentences ("A cross-sectional study was conducted")
    # comes before a title's way of naming a discussion piece ("...: a perspective during the
    # pandemic"); a review's title ("...: A Review") is read whatever its body says
    body_states = any(
        not s.background and s.passage.section != "title" and w >= rules.cues[d][0]
        for d, sup in support.items()
        for w, s, _span in sup
    )
    for s in sents:
        if s.passage.section != "title" or titled:
            continue  # "Case report and brief review": the title's own design cue comes first
        for d, rx in rules.title_cues.items():
            if d == "discussion" and body_states:
                continue
            m = rx.search(s.passage.text)
            if m is None and d == "narrative_review":
                m = _TITLE_OPENS_AS_REVIEW.match(s.passage.text)
            if m is not None:
                w = 2 * rules.cues[d][0]
                scores[d] += w
                stated[d] += w
                titled.add(d)
                support[d].append((w, s, m.span()))
    for term in [*document.publication_types, *document.mesh]:
        hit = rules.metadata.get(term.casefold().strip())
        if hit:
            scores[hit[0]] += hit[1]
    methods = {
        v.value
        for v in out.values
        if v.field in {"data_collection", "analysis"} and v.detail.get("negated") is False
    }
    # interviews analysed only by statistical tests ("the MINI ... interview", "in a web
    # interview, 143 physicians were asked to rate"; group comparisons, correlations) are a
    # survey by interview, not qualitative research
    interview_survey = (
        "interviews" in methods
        and bool(methods & _INFERENTIAL_ANALYSES)
        and not methods & _QUALITATIVE_METHODS
    )
    for method in sorted(methods):
        for d, w in rules.from_methods.get(method, {}).items():
            if interview_survey and method == "interviews" and d == "qualitative":
                d = "cross_sectional"
            scores[d] += w
    if any(v.field == "instrument" for v in out.values):
        scores["cross_sectional"] += 1.0  # standard scales administered: a survey of some kind
    qual = methods & {"semi_structured_interviews", "interviews", "focus_groups"}
    if qual and "survey" in methods:
        scores["mixed_methods"] += 2.0
    # "Quantitative data were analysed in SPSS; qualitative data using content analysis": a
    # study's own two strands (GUIDELINES batch 4 leaves a survey's open answers between
    # cross_sectional and mixed_methods, never qualitative)
    for sent in sents:
        strands = None if sent.background else _TWO_STRANDS.search(sent.passage.text)
        if strands is not None:
            w = rules.cues["mixed_methods"][0]
            scores["mixed_methods"] += w
            stated["mixed_methods"] += w
            support["mixed_methods"].append((w, sent, (strands.start(), strands.end())))
            break
    for sent in sents:
        found = _case_series_in(sent)
        if found is not None:
            series = found[0]
            w = rules.cues["other"][0] * (2 if sent.passage.section == "title" else 1)
            scores["other"] += w
            stated["other"] += w
            support["other"].append((w, sent, (series.start(), series.end())))
            break
    if protocol:
        design = "other"
        confidence = 0.8
    elif not scores or max(scores.values()) < 1.0:
        design, confidence = _design_without_cues(sents, out), 0.3
        if design == "discussion" and _words_beyond_title(sents) < _MIN_WORDS_FOR_DESIGN:
            # a record with a title and no abstract (Web of Science exports often carry
            # none) that names no design: "discussion" would be a guess, not a reading, so
            # the study's design stays unknown (NULL in evidence_studies)
            return
    else:
        # ties go to the earlier design of the closed vocabulary, the same in every process
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], DESIGNS.index(kv[0])))
        design, top = ranked[0]
        if design in rules.precedence and not (design in titled and len(titled) == 1):
            # an explicitly stated specific design beats a generic one ("a repeated
            # cross-sectional study" is a cohort; a "multi-methods" survey + interviews)
            for d in rules.precedence[: rules.precedence.index(design)]:
                if stated.get(d, 0.0) >= rules.cues[d][0]:
                    ranked.sort(key=lambda kv: kv[0] != d)
                    design, top = ranked[0]
                    break
        # an integrative or rapid review that states how it searched is systematic
        # (GUIDELINES: design), and so is one titled "A comprehensive review" whose text says
        # "We performed a systematic review"; one that calls itself "narrative" stays narrative
        searched = design == "narrative_review" and _states_search(sents)
        if (
            design == "narrative_review"
            and (
                searched
                or stated.get("systematic_review", 0.0) >= rules.cues["systematic_review"][0]
            )
            and not any(
                _NARRATIVE_REVIEW.search(t[1].passage.text) for t in support.get(design, [])
            )
        ):
            rule = (
                "review with stated search methods"
                if searched
                else "review that states it is systematic"
            )
            design = "systematic_review"
            top = max(scores.get("systematic_review", 0.0), top)
        second = max((v for k, v in ranked if k != design), default=0.0)
        confidence = 0.5 + 0.45 * (top - second) / top
    sup = sorted(support.get(design, []), key=lambda t: -t[0])
    detail = {
        "scores": {k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])},
        "cues": [t[1].passage.text for t in sup[1:6]],
        "protocol": protocol,
        **({"rule": rule} if rule else {}),
    }
    anchor = sup[0][1] if sup else (sents[0] if sents else None)
    span = sup[0][2] if sup else None
    if anchor is None:
        return
    out.emit(anchor, "design", design, span=span, confidence=confidence, detail=detail)
    if protocol:
        out.emit(
            anchor,
            "protocol",
            "true",
            span=span,
            confidence=0.8,
            detail={"planned_sample_ignored": True},
        )
