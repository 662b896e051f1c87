"""Extractor tests: small inline sentences for the rules, the four seeds end to end."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from evidence.errors import LexiconError
from evidence.extract.lexicon import (
    load_cues,
    load_design_rules,
    load_factor_specs,
    load_lexicon,
    pattern_anchors,
)
from evidence.extract.numbers import find_numbers
from evidence.extract.pipeline import Extractor
from evidence.extract.segment import sentence_spans, split_passages
from evidence.extract.taxonomy import load_taxonomy
from evidence.records import Block, Document, ExtractedValue


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


# a title that makes a text about providers' burnout, so that a single sentence's factors
# are kept (factors come only from texts about providers' burnout or wellbeing)
ON_TOPIC = "Burnout among health care staff"


def run(
    extractor: Extractor, *texts: str, section: str = "abstract", title: str | None = None
) -> list[ExtractedValue]:
    blocks = [Block(section="title", text=title)] if title else []
    doc = Document(
        source_path="inline.txt",
        format="text",
        blocks=blocks + [Block(section=section, text=t) for t in texts],
    )
    doc.assemble()
    return extractor.extract(doc, split_passages(doc))


def values(vals: list[ExtractedValue], field: str) -> set[str]:
    return {v.value for v in vals if v.field == field}


def factors(vals: list[ExtractedValue]) -> set[tuple[str, str]]:
    return {
        (v.value, v.field.split("_")[0])
        for v in vals
        if v.field in {"risk_factor", "protective_factor"}
    }


# --- direction, negation, hedging -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lack of autonomy was a major driver of burnout.", {("autonomy_control", "risk")}),
        (
            "Reducing administrative burdens can help prevent burnout.",
            {("administrative_burden", "protective")},
        ),
        ("Burnout was worsened by inefficiencies of care.", {("care_process_efficiency", "risk")}),
        (
            "Processes that facilitated efficiencies of care were highlighted as mitigating burnout.",
            {("care_process_efficiency", "protective")},
        ),
        ("High service demands contributed to individual burnout.", {("workload", "risk")}),
        ("Social support was associated with lower burnout.", {("social_support", "protective")}),
        (
            "Workload was associated with higher burnout, while social support was protective.",
            {("workload", "risk"), ("social_support", "protective")},
        ),
        (
            "There were barriers to provider collaboration and skill development.",
            {("team_collaboration", "risk"), ("professional_development", "risk")},
        ),
    ],
)
def test_direction_from_the_sentence(
    extractor: Extractor, sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert factors(run(extractor, sentence, title=ON_TOPIC)) == expected


def test_negated_link_is_not_a_factor(extractor: Extractor) -> None:
    vals = run(extractor, "Workload did not predict burnout in this sample.")
    assert factors(vals) == set()


def test_hedged_link_is_kept_with_lower_confidence(extractor: Extractor) -> None:
    plain = run(extractor, "Workload contributed to burnout.")
    hedged = run(extractor, "Workload may contribute to burnout.")
    (p,) = [v for v in plain if v.field == "risk_factor"]
    (h,) = [v for v in hedged if v.field == "risk_factor"]
    assert h.detail["hedged"] is True and h.confidence < p.confidence


def test_consequences_are_kept_apart_from_drivers(extractor: Extractor) -> None:
    vals = run(extractor, "Burnout can lead to substance use and cynicism among therapists.")
    assert {"substance_use", "cynicism"} <= values(vals, "consequence")
    assert factors(vals) == set()


def test_unmatched_driver_becomes_a_candidate(extractor: Extractor) -> None:
    vals = run(extractor, "Unpredictable rota changes contributed to burnout.")
    assert values(vals, "factor_candidate") == {"unpredictable rota changes"}


def test_proposed_support_that_mitigates_burnout_is_protective(extractor: Extractor) -> None:
    vals = run(extractor, "Psychosocial support must be provided for nurses to prevent burnout.")
    assert factors(vals) == {("wellbeing_programs", "protective")}
    assert factors(run(extractor, "More research is needed on wellness programs.")) == set()


def test_run_on_abstract_is_split_into_sentences() -> None:
    text = (
        "Objective To analyze the emotional state of intensive care specialists during the "
        "pandemic Material and methods The study included 58 anesthesiologists in the region "
        "and an anonymous survey was devoted to social and demographic characteristics of the "
        "doctors Results Daily anxiety was observed in 31% of physicians working in the unit "
        "The highest burnout level was observed among physicians with long experience in the "
        "ward Conclusion Specialists demonstrate sufficient resistance to adverse conditions"
    )
    doc = Document(
        source_path="inline.txt", format="text", blocks=[Block(section="abstract", text=text)]
    )
    doc.assemble()
    starts = [p.text.split()[0] for p in split_passages(doc)]
    assert starts == ["Objective", "Material", "Results", "The", "Conclusion"]


def test_place_precision_names_copyright_and_ambiguous_countries(extractor: Extractor) -> None:
    vals = run(
        extractor,
        'In total, 234 health workers from Hospital "José de San Martín" in Argentina took part.',
        "We conclude that support is needed © 2021 by the authors Licensee MDPI, Basel, Switzerland",
    )
    assert values(vals, "country") == {"AR"}
    vals = run(extractor, "A survey of 152 nurses was distributed in Jordan hospitals.")
    assert values(vals, "country") == {"JO"}
    vals = run(extractor, "Michael Jordan hospitals.")
    assert values(vals, "country") == set()


def test_a_study_sentence_with_many_commas_is_no_affiliation(extractor: Extractor) -> None:
    # "South Korean" names one country; a list of outcomes and a "university hospital" make no
    # affiliation line of a sentence that investigates something
    vals = run(
        extractor,
        "This survey investigates emotional labor, burnout, turnover intention, and medical "
        "error levels among 117 nursing staff members in a South Korean university hospital; "
        "it also analyzes correlations.",
    )
    assert values(vals, "country") == {"KR"}
    affiliation = run(extractor, "Department of Nursing, Yonsei University, Seoul, South Korea")
    assert values(affiliation, "country") == set()


# --- numbers and sample ----------------------------------------------------------------------


def test_number_words_and_digits() -> None:
    nums = [
        (n.value, n.is_word)
        for n in find_numbers("Ninety-six interviews, eight PWPs and N = 1,234")
    ]
    assert nums == [(96.0, True), (8.0, True), (1234.0, False)]


def test_a_number_glued_to_letters_counts_nothing() -> None:
    # a compound's name, a dose; a single letter after it is still a number ("24h", "5G")
    assert find_numbers("the ACE–33RE complex and 30mg daily") == []
    assert [n.value for n in find_numbers("24h shifts in 412 nurses")] == [24.0, 412.0]


def test_the_eligible_who_took_part_are_the_sample(extractor: Extractor) -> None:
    def n(text: str) -> set[str]:
        return values(run(extractor, text), "n_participants")

    assert n("In total, 412 eligible nurses were included in the analysis.") == {"412"}
    assert n("412 eligible nurses were invited and 300 took part.") == {"300"}
    assert n("There were 412 eligible nurses, of whom 300 completed the survey.") == {"300"}


def test_grouped_thousands_keep_their_decimals() -> None:
    # "429,881.21 years of life lost" is one amount, not a count of 429
    assert [n.value for n in find_numbers("a total of 429,881.21 YPLLs")] == [429881.21]
    assert [n.value for n in find_numbers("N = 1,234 nurses")] == [1234.0]


def test_ranges_are_flagged() -> None:
    assert all(n.is_range for n in find_numbers("5-20 sessions"))


def test_sampling_frame_is_not_the_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Executive directors from the 184 FHTs were contacted. Interviews were held with 82 participants.",
        section="methods",
    )
    assert values(vals, "n_participants") == {"82"}
    assert values(vals, "n_sites") == set()


def test_subgroups_summed_only_when_they_make_up_the_sample(extractor: Extractor) -> None:
    summed = run(
        extractor, "The sample consisted of 20 nurses and 10 physicians.", section="methods"
    )
    assert values(summed, "n_participants") == {"30"}


def test_sample_statements_beat_subgroups_and_dates(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We included 66 health staff (50 female, 16 male) whose mean age was 31.71±5.18 years.",
        "Nurses working in the ICU represented 27.7% of the sample (n = 20).",
    )
    assert values(vals, "n_participants") == {"66"}
    vals = run(
        extractor,
        "Four virtual focus groups were conducted with oncologists (September-November 2020).",
    )
    assert values(vals, "n_focus_groups") == {"4"}


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # counts of groups, ratios, rates and names are not the sample
        (
            [
                "234 health workers from a university hospital were included.",
                "The studied population was divided into three groups by cortisol level.",
                "Each group was subdivided into groups of 3 doctors.",
            ],
            {"234"},
        ),
        (["Every two in five HCWs reported poor sleep."], set()),
        (["Recruitment of at least 5 participants per month per site is expected."], set()),
        (["Staff in contact with COVID 19 positive persons were at risk."], set()),
        # a shared unit, a stated number, a percentage aside, a mangled "N ="
        (
            ["A total of 160 frontline and 146 non-frontline healthcare providers were recruited."],
            {"306"},
        ),
        (["The number of participants recruited was 306, including 160 nurses."], {"306"}),
        (["The response rate was 126 of 318 (40%)."], {"126"}),
        (["A total of 433 (65.2% response rate) individuals participated in the survey."], {"433"}),
        (["We surveyed DBT providers (N =\u00c2 200) about telehealth."], {"200"}),
        # two groups named as the people studied are summed; different nouns are not units
        (["This study explored the lived experiences of 2 nurses and 2 doctors in Wuhan."], {"4"}),
        (["Five cases and 24 participants were recruited."], {"24"}),
        (["217 psychiatrists replied, from child (n=108) and adult (n=109) services."], {"217"}),
        (["Of 498 nurses who completed the survey, 285 answered the open questions."], {"285"}),
        # who was given the survey is a frame; who was analysed beats who completed it
        (
            ["A total of 886 participants were provided the survey, with 796 (90%) completing it."],
            {"796"},
        ),
        (
            [
                "A total of 3,360 of 6,026 individuals completed the survey, with 2,579 (76.8%) "
                "analyzed based on endorsing frontline work."
            ],
            {"2579"},
        ),
        (["Transcripts were analyzed by two independent researchers."], set()),
        # a plural acronym names people; a thousands separator is not a year; an aside
        # about who was invited does not make the count a sampling frame
        (["The approach was adopted with 25 DHWs through semi-structured interviews."], {"25"}),
        (["We used primary data of 2,008 HCPs from India."], {"2008"}),
        (["A total of 682/1950 (35% of invited) individuals responded."], {"682"}),
        # groups the study says it included are summed, a subgroup list after the sample is not
        (["We included 141 psychiatrists and 170 psychiatric nurses in the study."], {"311"}),
        (["Our sample included 88 residents and 42 attending physicians."], {"130"}),
        # an acronym or disease name between the number and the people it counts
        # an n after groups or sites that have their own count counts the people in them
        (
            [
                "The final analytic sample comprised 1,015 nurses after excluding 85 incomplete "
                "responses."
            ],
            {"1015"},
        ),
        # the later, smaller count the analysis used
        (
            ["Of 1,200 nurses invited, 600 responded, and 550 were included in the analysis."],
            {"550"},
        ),
        (
            ["A total of 2,345 surveys were returned, of which 2,100 were complete and analysed."],
            {"2100"},
        ),
        (["Three focus groups (n = 18) were held with nurses."], {"18"}),
        (["Nurses from two hospitals (n = 450) completed the survey."], {"450"}),
        (["We enrolled 40 COVID-19 patients."], {"40"}),
        (["Forty COVID-19 patients were randomly assigned to two groups."], {"40"}),
        (["A total of 12 SARS-CoV-2 cases were reported."], set()),
        (
            [
                "We surveyed 470 medical staff. Physicians included 274 anesthesiologists "
                "and 49 doctors of other specialties."
            ],
            {"470"},
        ),
        (["Out of 113 individuals studied, 74 were medical staff and 38 patients."], {"113"}),
        # a count followed by "were invited" is who was asked
        (["Educators (n=3) were invited to an interview; 46 nurses took part."], {"46"}),
        # "chi2 test" is a statistic, not a citation that makes the sentence background
        (
            ["A total of 1521 health care workers completed the SCL-90, analysed with chi2 tests."],
            {"1521"},
        ),
        # "N of them", the denominator's own description, a new clause after a frame verb
        (
            [
                "A total of 430 questionnaires were distributed, and 402 of them (93.5%) "
                "were collected and included in this study."
            ],
            {"402"},
        ),
        (["A total of 734 of the 900 individuals contacted completed the survey."], {"734"}),
        # randomised arms make up the sample
        (
            [
                "We randomly allocated nurses into an intervention group (n = 35) and a "
                "control group (n = 37)."
            ],
            {"72"},
        ),
        # the frame word between "N of M" and the people describes the M
        (
            ["A total of 417 of 450 contacted individuals completed the survey."],
            {"417"},
        ),
        # an abstract's inline "Introduction:" is background until the next label
        (
            [
                "Introduction: COVID-19 caused death to 990,000 individuals to date.",
                "Methods: We surveyed healthcare workers of a tertiary hospital.",
            ],
            set(),
        ),
        # ordinal years and named programmes between a count and its people
        (["The study involved 110 first and second year residents (30 men)."], {"110"}),
        (["All 42 Internal Medicine and Transitional Year residents took part."], {"42"}),
        (["Participants were aged 5 years. 40 nurses took part."], {"40"}),
        # those who answered one way are a finding about part of the sample
        (
            [
                "We conducted interviews with 31 behavioral health providers.",
                "Fourteen interviewees reported increased job satisfaction.",
            ],
            {"31"},
        ),
        # people the lexicon has no word for, named before the verb that counts them
        (["Forty-six nursing and midwifery educators participated in interviews."], {"46"}),
        (["A total of 46 midwifery educators took part."], {"46"}),
        (["In 2020 nine months later questionnaires were returned."], set()),
        # a case report's one patient, when nothing else is counted
        (["Case Report: A 63-year-old man with depression presented with fever."], {"1"}),
        (["We describe the case of a young man admitted with COVID-19."], {"1"}),
        (["A 63-year-old man was among the 120 nurses who took part."], {"120"}),
        # who completed the survey is the sample; a share "of the respondents" is not
        (
            [
                "The survey was completed by 714 participants (mean age 39.9).",
                "Of the respondents, 553 (77.4%) answered the question on vaccination.",
            ],
            {"714"},
        ),
        (
            [
                "The survey was completed by 1542 paramedics and community nurses.",
                "This study describes the data for the 632 rural participants.",
            ],
            {"632"},
        ),
        (["Among the survey completers (n=6910), 65.7% were women."], {"6910"}),
        # a projection counts no one studied
        (["This surge would require as many as 4092 senior doctors and 42 720 nurses."], set()),
        (["The intervention group had as many as 61 respondents."], {"61"}),
        # a capital N after the survey it counts; a count per unit is no total
        (["We conducted a cross-sectional survey in May-June 2020 (N=467)."], {"467"}),
        # a dot between thousands before people ("5.437 health professionals"); the team
        # that analysed the data is not the sample
        (
            ["In a multicenter study, 5.437 health professionals from 6 countries were included."],
            {"5437"},
        ),
        (
            [
                "We interviewed 14 leaders; summaries were cross-validated by two project team "
                "members."
            ],
            {"14"},
        ),
        (
            [
                "We recruited 2 participants from each hospital to interview.",
                "We interviewed 24 participants from 12 hospitals.",
            ],
            {"24"},
        ),
    ],
)
def test_what_counts_as_the_sample(
    extractor: Extractor, sentences: list[str], expected: set[str]
) -> None:
    vals = run(extractor, *sentences, section="methods")
    assert values(vals, "n_participants") == expected


def test_distributed_to_is_the_sampling_frame(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "The questionnaire was distributed to 160 nurses and doctors, and 152 responses were filed.",
        section="methods",
    )
    assert "160" not in values(vals, "n_participants")


def test_cohort_ward_is_not_a_cohort_study(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "In this cross-sectional survey, nurses working in the cohort ward had higher depression.",
    )
    assert values(vals, "design") == {"cross_sectional"}


def test_factor_words_inside_a_programme_name_are_not_factors(extractor: Extractor) -> None:
    vals = run(extractor, "Faculty in the Peer Support Institute reported lower burnout.")
    assert factors(vals) == set()


@pytest.mark.parametrize(
    ("sentence", "sample", "frame"),
    [
        ("Overall, 412 (82.4%) of the 500 invited nurses completed the survey.", "412", 500),
        ("We received 300 responses from 850 invited physicians (35%).", "300", 850),
        ("In June 2021, 96 (48%) of 200 psychologists responded to the online survey.", "96", 200),
    ],
)
def test_those_who_took_part_out_of_those_asked(
    extractor: Extractor, sentence: str, sample: str, frame: int
) -> None:
    vals = run(extractor, sentence, section="methods")
    assert values(vals, "n_participants") == {sample}
    (v,) = [v for v in vals if v.field == "n_participants"]
    assert frame in [e["value"] for e in v.detail["sampling_frame_excluded"]]


def test_response_rate(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "A total of 412 nurses completed the survey (response rate 61.2%).",
        section="methods",
    )
    assert values(vals, "n_participants") == {"412"}
    assert values(vals, "response_rate") == {"61.2"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The response rate for the study was 16.31%.", {"16.31"}),
        ("Responses were gathered from 169 out of 174 residents (response rate, 97.3%).", {"97.3"}),
        (
            "A total of 1257 of 1830 contacted individuals completed the survey, with a "
            "participation rate of 68.7%.",
            {"68.7"},
        ),
        ("The response rate was 126 of 318 (40%), including 13 of 20 (65%) fellows.", {"40"}),
        ("A total of 222 (of 1,375, 16.2%) physician trainees completed the survey.", {"16.2"}),
        ("A total of 682/1950 (35% of invited) individuals responded to the survey.", {"35"}),
        ("Of 255 nurses, 171 (67.1%) consented to complete the survey.", {"67.1"}),
        ("There were 845/1203 (70%) respondents (66% nursing staff).", {"70"}),
        (
            "A total of 886 participants were provided the survey, with 796 (90%) completing it.",
            {"90"},
        ),
        # a share of the respondents is a finding, not the response rate
        ("Latent profile analysis found 107 (34.6%) respondents were burned out.", set()),
        ("Of the respondents, 553 (77.4%) answered that they favoured vaccination.", set()),
        ("At the time of responding, ten (52.6%) countries had quarantine rules.", set()),
        # decimal commas, and an export that lost the decimal point ("81 5%")
        ("Of 120 participants, 115 answered, the answering ratio being 95,83%.", {"95.83"}),
        ("Results: The overall response rate was 81 5%  The burnout rate was high.", {"81.5"}),
        ("Responses were received from 151 students (38 3% responses rate).", {"38.3"}),
        # the share who took part out of those asked, stated mid-sentence
        ("Overall, 412 (82.4%) of the 500 invited nurses completed the survey.", {"82.4"}),
        ("We received 300 responses from 850 invited physicians (35%).", {"35"}),
        ("In all, 120 (40%) of the 300 nurses reported burnout.", set()),
        # how many questionnaires handed out came back
        ("The effective recovery rate of the questionnaires was 92.3%.", {"92.3"}),
        # the word "percent", an abbreviation, the share of those invited, usable responses
        ("The overall response rate was 45.8 percent.", {"45.8"}),
        ("The overall response rate was 45.8 per cent.", {"45.8"}),
        ("We obtained 412 responses (RR = 45.8%).", {"45.8"}),
        ("Nearly half (45.8%) of invited nurses responded.", {"45.8"}),
        ("In total, 45.8% (412/900) of invited physicians responded.", {"45.8"}),
        ("The questionnaire was returned by 45.8% of the nurses.", {"45.8"}),
        ("412 usable responses were received (45.8%).", {"45.8"}),
        # who completed a trial is no response rate
        ("A total of 15 patients (65%) completed the study.", set()),
    ],
)
def test_response_rate_formats(extractor: Extractor, sentence: str, expected: set[str]) -> None:
    assert values(run(extractor, sentence, section="methods"), "response_rate") == expected


def test_protocol_has_no_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Study protocol for a trial of peer support. We will recruit 300 nurses. "
        "Participants will be randomized to two arms. Data will be analysed with regression.",
    )
    assert values(vals, "design") == {"other"}
    assert values(vals, "protocol") == {"true"}
    assert values(vals, "n_participants") == set()


# --- provenance ------------------------------------------------------------------------------


def test_offsets_index_the_document_text(extractor: Extractor) -> None:
    doc = Document(
        source_path="x.txt",
        format="text",
        blocks=[
            Block(section="title", text="Burnout in nurses"),
            Block(section="abstract", text="We surveyed 300 nurses in Italy."),
        ],
    )
    doc.assemble()
    vals = extractor.extract(doc, split_passages(doc))
    (c,) = [v for v in vals if v.field == "country"]
    assert doc.text[c.char_start : c.char_end] == "Italy"
    assert c.detail["extractor_version"] == extractor.version
    assert c.detail["lexicon_hash"] == extractor.lexicon_hash
    assert c.quote == "We surveyed 300 nurses in Italy."


def test_extract_many_yields_in_order(extractor: Extractor) -> None:
    docs = []
    for t in (
        "A qualitative study of nurses in Canada.",
        "A cross-sectional survey of physicians in Japan.",
    ):
        d = Document(source_path=t, format="text", blocks=[Block(section="abstract", text=t)])
        d.assemble()
        docs.append((d, split_passages(d)))
    out = list(extractor.extract_many(docs))
    assert [doc_id for doc_id, _ in out] == [d.doc_id for d, _ in docs]
    assert [values(v, "country") for _, v in out] == [{"CA"}, {"JP"}]


# --- lexicon validation ----------------------------------------------------------------------


def test_records_pickle_as_their_fields(extractor: Extractor) -> None:
    """Workers send documents and records through pickle: they come back equal, every field
    kept (detail dicts, defaults, None), and by the constructor, not __setstate__."""
    import pickle

    from evidence.records import Passage

    doc = Document(
        source_path="inline.txt",
        format="text",
        blocks=[
            Block("title", "Burnout in nurses"),
            Block("abstract", "We surveyed 40 nurses.", 1),
        ],
        title="Burnout in nurses",
        keywords=["burnout"],
        year=2021,
    )
    doc.assemble()
    passages = split_passages(doc)
    values = extractor.extract(doc, passages)
    assert values and any(v.detail for v in values)
    for obj in (doc, *doc.blocks, *passages, *values):
        reduced = obj.__reduce__()
        assert reduced[0] is type(obj) and len(reduced[1]) == len(obj.__slots__)
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == obj and type(back) is type(obj)
    assert isinstance(passages[0], Passage)


def test_forked_workers_give_the_same_records(extractor: Extractor) -> None:
    texts = [
        "A total of 412 nurses in Italy completed the survey. Workload was associated with burnout.",
        "We interviewed 12 psychologists in Canada. Peer support buffered burnout.",
        "A cross-sectional survey of 300 physicians at a university hospital in Brazil.",
    ] * 3
    items = []
    for t in texts:
        doc = Document(source_path="inline.txt", format="text", blocks=[Block("abstract", t)])
        doc.assemble()
        items.append((doc, split_passages(doc)))
    serial = [(i, [(v.field, v.value) for v in vs]) for i, vs in extractor.extract_many(items)]
    par = Extractor(n_process=2, chunk_size=2, min_parallel_docs=4)
    forked = [(i, [(v.field, v.value) for v in vs]) for i, vs in par.extract_many(items)]
    assert forked == serial and len(forked) == len(texts)
    # a process running other threads (as a Prefect flow does) starts its workers from a
    # forkserver instead of forking itself; the records must be the same
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert threading.active_count() > 1
        served = [(i, [(v.field, v.value) for v in vs]) for i, vs in par.extract_many(items)]
    finally:
        stop.set()
        other.join()
    assert served == serial
    # below min_parallel_docs the call stays in this process
    assert [i for i, _ in par.extract_many(items[:3])] == [i for i, _ in serial[:3]]


# --- rules added for the development set ------------------------------------------------


def test_thematic_analysis_in_other_words(extractor: Extractor) -> None:
    vals = run(extractor, "Free-text responses were analysed thematically.")
    assert "thematic_analysis" in values(vals, "analysis")


def test_reported_statistics_name_the_analysis(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We conducted an online survey of nurses.",
        "Burnout was reported by 42.1% of respondents (mean age 38 ± 9 years).",
        "Women reported more burnout than men (P = 0.01).",
    )
    assert {"descriptive_statistics", "group_comparison"} <= values(vals, "analysis")


def test_reported_statistics_need_a_quantitative_study(extractor: Extractor) -> None:
    vals = run(extractor, "We interviewed nurses.", "Half of them (50%) described fatigue.")
    assert not values(vals, "analysis") & {"descriptive_statistics", "group_comparison"}


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["111 nurses from Daegu Catholic University Hospital in Korea were enrolled."], {"1"}),
        (["The study was conducted from May to July 2020 in two hospitals in Kelantan."], {"2"}),
        (["A survey was sent to physicians and nurses of four EDs in the Netherlands."], {"4"}),
        (["We surveyed trainees in 3 cardiology residency programs in Indonesia."], {"3"}),
        # a scale named after hospitals, and two named hospitals, say nothing of one site
        (["Nurses completed the Hospital Anxiety and Depression Scale."], set()),
        (["The survey ran in a general hospital in Seoul with over 200 hospital beds."], {"1"}),
        (["*Correspondence: 6 Department of Biology, USA v-baigi@sina.tums.ac.ir"], set()),
        (
            [
                "Nurses at Kingston Hospital took part.",
                "Doctors at North Middlesex Hospital took part.",
            ],
            set(),
        ),
        # two kinds of site joined by "and" add up; one of several is one
        (["We surveyed nurses from one referral and four general hospitals."], {"5"}),
        (["We included the staff of 7 level-3 and 6 level-2 neonatal units in Tuscany."], {"13"}),
        (["The study was set in one of the two COVID-19 hub hospitals in Italy."], {"1"}),
        (["We interviewed two senior and three junior nurses in 2 hospitals."], {"2"}),
        # the sites named by the cities they are in
        (["The survey was conducted in 11 Tehran, Kerman, and Golpayegan hospitals."], {"11"}),
        # words between the number and the site that are no list of places
        (["We had 11 nurses, physicians, and pharmacists from hospitals."], set()),
    ],
)
def test_sites_named_and_counted(
    extractor: Extractor, sentences: list[str], expected: set[str]
) -> None:
    assert values(run(extractor, *sentences, section="methods"), "n_sites") == expected


def test_single_site_and_years_in_samples(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "An online survey was conducted between April 14-18, 2020 among nurses at a "
        "university hospital in Seoul.",
    )
    assert values(vals, "n_sites") == {"1"}
    assert values(vals, "n_participants") != {"2020"}


def test_total_with_denominator_in_brackets(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "A total of 222 (of 1,375, 16.2%) physician trainees responded to a web-based survey.",
    )
    assert values(vals, "n_participants") == {"222"}


def test_design_precedence_and_places(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "A repeated cross-sectional study of nurses in Italy.",
        "Burnout was measured with the Oldenburg Burnout Inventory among English-speaking "
        "Canadian nurses.",
    )
    # repeated cross-sectional surveys ask different people each time (GUIDELINES: design)
    assert values(vals, "design") == {"cross_sectional"}
    assert values(vals, "country") == {"IT", "CA"}
    again = run(
        extractor,
        "Nurses completed an online survey in April 2020 and were surveyed again in December 2020.",
    )
    assert values(again, "design") == {"cohort"}


def test_design_cues_weighed_against_the_methods(extractor: Extractor) -> None:
    argued = run(
        extractor,
        "We conducted semi-structured interviews with 24 frontline nurses and analysed them "
        "thematically.",
        "These findings, we argue, highlight the need to expand conceptions of self-care.",
    )
    assert values(argued, "design") == {"qualitative"}
    essay = run(extractor, "In this essay we argue that burnout is a moral problem.")
    assert values(essay, "design") == {"discussion"}
    waves = run(extractor, "This three-wave study assessed 350 nurses at baseline and day 90.")
    assert values(waves, "design") == {"cohort"}
    follow_up = Document(
        source_path="inline.txt",
        format="text",
        blocks=[
            Block("title", "Burnout in resident doctors: a follow-up study"),
            Block("abstract", "A total of 120 residents completed the MBI in 2020 and 2021."),
        ],
    )
    follow_up.assemble()
    assert values(extractor.extract(follow_up, split_passages(follow_up)), "design") == {"cohort"}
    tweets = run(extractor, "We analysed 53,063 tweets posted by healthcare professionals.")
    assert values(tweets, "design") == {"other"}  # GUIDELINES: an analysis of tweets
    prepost = run(
        extractor, "Participants completed pre- and post-course questionnaires on resilience."
    )
    assert values(prepost, "design") == {"quasi_experimental"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We randomized 120 nurses to a mindfulness intervention or waitlist control.", "rct"),
        (
            "An interpretative phenomenological analysis of six therapists' experiences.",
            "qualitative",
        ),
    ],
)
def test_designs_in_the_words_of_their_methods(
    extractor: Extractor, sentence: str, expected: str
) -> None:
    assert values(run(extractor, sentence), "design") == {expected}


def _design(extractor: Extractor, title: str, abstract: str) -> set[str]:
    return values(run(extractor, abstract, title=title), "design")


def test_a_review_named_only_in_the_title(extractor: Extractor) -> None:
    body = (
        "The pandemic has placed health care workers under strain. Burnout, anxiety and "
        "insomnia are common among nurses and physicians. Support for staff is needed."
    )
    assert _design(extractor, "Psychiatric aspects of the pandemic", body) == {"discussion"}
    for title in (
        "Psychiatric aspects of infectious diseases and pandemic: A review",
        "A Year in Review: Sleep Dysfunction in Healthcare Workers",
        "Stress Experience of Healthcare Workers - A Short Current Review",
    ):
        assert _design(extractor, title, body) == {"narrative_review"}, title
    # a review of records is a method, not a literature review; a systematic one stays one
    records = _design(
        extractor,
        "Burnout documented in residents' files: a review of 312 training records",
        "We abstracted burnout scores recorded in 312 residents' files from 2015 to 2020.",
    )
    assert "narrative_review" not in records
    assert _design(extractor, "Burnout in nurses: a systematic review", body) == {
        "systematic_review"
    }
    # a title that names its own design keeps it: the review is the report's second part
    case = _design(
        extractor,
        "Burnout presenting as catatonia in a nurse: case report and brief review",
        "We describe the case of a 45-year-old nurse admitted with catatonia.",
    )
    assert case == {"other"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trial named by its features in any order
        ("This was a prospective, double-blind, multicenter, randomized, parallel-group study "
         "of 159 nurses.", "rct"),
        ("In a multicenter, randomized, open-label study, 235 nurses received coaching.", "rct"),
        # an intervention without randomisation
        ("A non-randomized, open-label, single-arm study of coaching in 40 residents.",
         "quasi_experimental"),
        ("Ninety-one nurses were non-randomly assigned to coaching or a waiting list.",
         "quasi_experimental"),
        # a study with its own data that "argues" is not an essay
        ("Hair cortisol was assessed in 22 nurses and compared with 20 controls; it was lower "
         "in nurses (p = 0.03). We argue that hair cortisol reflects chronic stress.",
         "cross_sectional"),
        # "a reflection of" mirrors something; it names no essay
        ("Hair cortisol was measured in 60 nurses. Hair cortisol is a reflection of long-term "
         "cortisol levels, and levels were higher in night-shift nurses (p < 0.01).",
         "cross_sectional"),
    ],
)  # fmt: skip
def test_trial_features_and_ways_of_writing(extractor: Extractor, text: str, expected: str) -> None:
    assert values(run(extractor, text), "design") == {expected}


def test_the_group_called_a_cohort_names_no_cohort_study(extractor: Extractor) -> None:
    text = (
        "This cross-sectional survey was conducted in November 2020 among 1,000 parents, "
        "matched to 500 children per cohort using census-based sampling frames. Depression "
        "among patients in our cohort was modest."
    )
    assert values(run(extractor, text), "design") == {"cross_sectional"}
    followed = run(extractor, "In this cohort study, 300 nurses were followed for two years.")
    assert values(followed, "design") == {"cohort"}


def test_a_title_naming_a_discussion_piece(extractor: Extractor) -> None:
    body = (
        "The pandemic calls for every clinical tool. Phototherapy reduced the impact of the "
        "1918 influenza, and violet light is antimicrobial against many bacteria."
    )
    assert _design(
        extractor, "Light as a potential treatment for coronavirus infections: A perspective", body
    ) == {"discussion"}
    # a design the text states comes before the title's word
    survey = _design(
        extractor,
        "Burnout syndrome in pediatric urology: a perspective during the COVID-19 pandemic",
        "A cross-sectional study was conducted by applying an electronic survey to members of "
        "two associations of pediatric urology.",
    )
    assert survey == {"cross_sectional"}


def test_others_trials_in_the_plural_name_no_trial(extractor: Extractor) -> None:
    review = run(
        extractor,
        "We summarise the evidence on gabapentin for neuropathic pain in physicians and "
        "review the dosing used.",
        title="Gabapentin dosing: evidence from randomized, placebo-controlled clinical trials",
    )
    assert values(review, "design") != {"rct"}


def test_a_record_with_only_a_title_gets_no_guessed_design(extractor: Extractor) -> None:
    # Web of Science BibTeX exports carry no abstracts: nothing but the title to read
    def title_only(title: str) -> set[str]:
        return values(run(extractor, title=title), "design")

    assert (
        title_only("Diseases masking and delaying the diagnosis of urogenital tuberculosis")
        == set()
    )
    assert title_only("Burnout among emergency nurses in Lima") == set()
    # a title that names its design still gives it
    assert title_only("Burnout in Peruvian nurses: a systematic review and meta-analysis") == {
        "systematic_review"
    }
    assert title_only("Burnout among emergency nurses in Lima: a cross-sectional study") == {
        "cross_sectional"
    }
    # an abstract that names no design keeps the fallback's reading
    essay = (
        "Health systems ask more of clinicians every year. Burnout is not a personal failing "
        "but a sign of how work is organised, and leaders should treat it as such. We argue "
        "that time, autonomy and a voice in decisions matter more than resilience courses."
    )
    assert _design(extractor, "Burnout is a system problem", essay) == {"discussion"}


def test_bench_and_animal_work_is_other(extractor: Extractor) -> None:
    # GUIDELINES batch 7 and check13: a laboratory or computational paper is `other`
    cats = _design(
        extractor,
        "In vivo antiviral effects of U18666A against feline infectious peritonitis virus",
        "U18666A inhibits the proliferation of the virus in vitro. In this study, we evaluated "
        "its antiviral effects in SPF cats challenged with the virus; viral RNA in plasma fell.",
    )
    assert cats == {"other"}
    genomes = _design(
        extractor,
        "Phylogenetic network analysis of SARS-CoV-2 genomes",
        "In a phylogenetic network analysis of 160 complete human genomes, we find three "
        "central variants distinguished by amino acid changes.",
    )
    assert genomes == {"other"}
    # a review of such work, written in the third person, is not bench work of its own
    review = _design(
        extractor,
        "The role of excitotoxicity in neurodegenerative disease",
        "Excitotoxicity is mediated by excitatory amino acids acting on glutamate receptors. "
        "Studies in vitro and in vivo suggest that receptor antagonists protect neurons [3, 4]. "
        "Clinical trials of such drugs have been disappointing.",
    )
    assert review != {"other"}
    # a drug's class or its laboratory activity told as background is no bench work
    remdesivir = _design(
        extractor,
        "Compassionate use of remdesivir for patients with severe COVID-19",
        "Background: Remdesivir, a nucleotide analogue prodrug, has shown in vitro activity "
        "against SARS-CoV-2. Methods: We provided remdesivir to 61 patients; clinical "
        "improvement was seen in 36 of 53 patients (68%).",
    )
    assert remdesivir != {"other"}


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        # a few cases told one by one are a case report
        ("Psychological intervention for three COVID patients who suffered online violence",
         "Three patients diagnosed with COVID-19 showed depression and acute stress. Short-term "
         "psychological support was given. The third case was also given antipsychotic "
         "treatment. All three patients recovered.", "other"),
        # a model of an epidemic
        ("Early transmission dynamics of COVID-19 in Lima",
         "We estimated the reproduction number, R, from the daily series of cases and generated "
         "short-term forecasts of incidence under social distancing.", "other"),
        # findings of the authors' own with no design named
        ("Does marriage protect mental health? Evidence from the pandemic",
         "Using weekly variation in unemployment, we find that married respondents are less "
         "likely to report mental health problems than their unmarried counterparts.",
         "cross_sectional"),
        # the same people recording each day
        ("A diary study of nurses working during the pandemic",
         "Nurses completed a nightly diary for ten weeks about workload and exhaustion.",
         "cohort"),
    ],
)  # fmt: skip
def test_designs_without_a_design_word(
    extractor: Extractor, title: str, abstract: str, expected: str
) -> None:
    assert _design(extractor, title, abstract) == {expected}


def test_design_terms_quoted_in_a_translation_count_little(extractor: Extractor) -> None:
    # a German abstract quoting the English name of what a review included
    german = (
        "METHODIK: Es wurde eine Literatursuche in PubMed durchgeführt, eingeschlossen wurden "
        "quantitative Studien (auch 'Letter to the editor') zur Belastung des medizinischen "
        "Personals im Zeitraum von Januar bis März 2020."
    )
    review = (
        "A literature search of PubMed was performed and 14 studies on the stress of healthcare "
        "workers were included."
    )
    assert _design(extractor, "Stress of healthcare workers", review + " " + german) == {
        "narrative_review"
    }


def test_title_patterns_must_name_a_design_with_cues(tmp_path: Path) -> None:
    bad = tmp_path / "design_cues.yaml"
    bad.write_text(
        "version: 1\ncues:\n  narrative_review: {weight: 3, patterns: [narrative review]}\n"
        "title_patterns:\n  scoping_review: [a scoping]\n"
    )
    with pytest.raises(LexiconError, match=r"design_cues\.yaml.*'scoping_review' has no entry"):
        load_design_rules(bad)


def test_statistical_relationships_are_not_work_relationships(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We evaluated the relationships between COVID-19 stress and burnout in nurses.",
    )
    assert factors(vals) == set()
    vals = run(extractor, "Good relationships with colleagues protected nurses against burnout.")
    assert factors(vals) == {("work_relationships", "protective")}


def test_an_unsigned_effect_leaves_a_resource_protective(extractor: Extractor) -> None:
    vals = run(extractor, "Mindfulness prospectively predicts anxiety and burnout in nurses.")
    assert factors(vals) == {("coping_resilience", "protective")}
    vals = run(extractor, "Workload predicts burnout in nurses.")
    assert factors(vals) == {("workload", "risk")}
    vals = run(
        extractor,
        "The most important predictors of compassion fatigue were self-efficacy and mindfulness.",
    )
    assert factors(vals) == {("coping_resilience", "protective")}


def test_support_programmes_are_not_risks_because_of_their_sentence(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "There is increasing evidence that mindfulness-based interventions can improve burnout.",
    )
    assert ("wellbeing_programs", "risk") not in factors(vals)
    lack = run(extractor, "A lack of psychological support was associated with burnout.")
    assert factors(lack) == {("wellbeing_programs", "risk")}


def test_covid_patients_name_who_was_studied_unless_groups_are_compared(
    extractor: Extractor,
) -> None:
    who = run(extractor, "A total of 120 nurses who worked with COVID-19 patients were surveyed.")
    assert factors(who) == set()
    compared = run(
        extractor,
        "Nurses caring for COVID-19 patients reported higher burnout than other nurses.",
    )
    assert ("ppe_infection_risk", "risk") in factors(compared)


def test_review_verbs_name_the_review_design(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We systematically review the recent literature on burnout in nurses and doctors.",
    )
    assert values(vals, "design") == {"systematic_review"}


def test_resilience_sought_is_not_a_factor(extractor: Extractor) -> None:
    vals = run(extractor, "Peer support helps to strengthen resilience and prevent burnout.")
    assert ("coping_resilience", "protective") not in factors(vals)
    assert ("peer_support", "protective") in factors(vals)
    found = run(extractor, "Higher resilience was associated with lower burnout.")
    assert factors(found) == {("coping_resilience", "protective")}


def test_lower_risk_of_an_outcome_is_protective(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Higher perceived support from hospital leadership was associated with a lower risk "
        "of burnout.",
    )
    assert ("management_support", "risk") not in factors(vals)
    assert ("management_support", "protective") in factors(vals)


def test_clinicians_only_when_no_profession_is_named(extractor: Extractor) -> None:
    named = run(extractor, "We surveyed 120 clinicians (nurses and physicians) in Ohio.")
    assert values(named, "population") == {"nurses", "physicians"}
    alone = run(extractor, "We surveyed 120 clinicians in Ohio.")
    assert values(alone, "population") == {"clinicians"}


def test_places_that_are_not_the_study_setting(extractor: Extractor) -> None:
    latin = run(
        extractor,
        "A survey was sent to neurosurgery residents from Latin America and Ibero-America.",
        "Country: US; ESTADOS UNIDOS; UNITED STATES; USA",
    )
    assert values(latin, "country") == set()
    doc = Document(
        source_path="inline.txt",
        format="text",
        blocks=[
            Block("title", "Burnout among nurses in China: a systematic review and meta-analysis"),
            Block("abstract", "We searched PubMed and Embase for studies published up to 2021."),
            Block("abstract", "Studies from Italy and the United States reported more burnout."),
        ],
    )
    doc.assemble()
    review = extractor.extract(doc, split_passages(doc))
    assert values(review, "design") == {"systematic_review"}
    assert values(review, "country") == {"CN"}


def test_an_author_in_a_citation_is_not_a_place(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Distress was measured with the Distress Thermometer (Holland, Bultz, 2007) in nurses.",
    )
    assert values(vals, "country") == set()
    held = run(extractor, "We surveyed nurses in Italy (n = 2,000) during 2020.")
    assert values(held, "country") == {"IT"}


@pytest.mark.parametrize(
    "text",
    [
        # a reference's author list, a diagnostic criteria set, a product's maker
        "ReferenceVizard T, Sadler K, Ford T, Newlove-Delgado T, et al. Mental Health of Children "
        "and Young People in England: Wave 1 follow up to the 2017 survey.",
        "Stress was associated with IBS symptoms based on Rome IV criteria in our patients.",
        "Families used the aTouchAway™ App (Aetonix, Ottawa, Canada) every day.",
        "Data were analysed with SPSS (IBM Corp, Armonk, NY, USA).",
        "Food security was evaluated with the United States Household Food Security Survey "
        "Module: Six-item Short Form.",
        # a trial registry, and the Montgomery-Åsberg scale
        "Trial registration: Australian New Zealand Clinical Trials Registry ACTRN12610000846.",
        "Netherlands Trial Registry NTR3396.",
        "Depression was rated with the Montgomery-Åsberg Depression Rating Scale.",
    ],
)
def test_names_that_hold_a_place_but_not_the_setting(extractor: Extractor, text: str) -> None:
    assert values(run(extractor, text), "country") == set()


def test_demonyms_languages_and_first_names(extractor: Extractor) -> None:
    uni = run(
        extractor,
        "A web-based survey was distributed among family physicians of a German university "
        "teaching practice network.",
    )
    assert values(uni, "country") == {"DE"}
    language = run(
        extractor,
        "Inclusion criteria: able to speak and understand French; healthcare professionals "
        "working in Geneva hospitals.",
    )
    assert values(language, "country") == {"CH"}
    named = run(
        extractor,
        "Events such as the US elections or the George Floyd case affected what the nurses "
        "we interviewed said.",
    )
    assert "ZA" not in values(named, "country")
    clinic = run(extractor, "We surveyed 120 hospitalists at Mayo Clinic sites in Minnesota.")
    assert "IE" not in values(clinic, "country")
    roma = run(extractor, "Focus groups were held with Egyptian and Roma adolescents in Albania.")
    assert values(roma, "country") == {"AL"}
    assert values(roma, "region") == set()
    society = run(extractor, "We measured depression and stress in Turkish society in 2020.")
    assert values(society, "country") == {"TR"}
    association = run(extractor, "The Italian Society of Hypertension issued a statement.")
    assert values(association, "country") == set()
    endonym = run(extractor, "Estudio de la salud mental de enfermeras en el Perú durante 2020.")
    assert values(endonym, "country") == {"PE"}


def test_a_nations_people_and_an_instruments_national_version(extractor: Extractor) -> None:
    people = run(extractor, "A national survey assessed the mental state of 1,000 Americans.")
    assert values(people, "country") == {"US"}
    assert values(run(extractor, "Italians reported distress during the lockdown."), "country") == {
        "IT"
    }
    # a people within a country is not another nation
    within = run(extractor, "We surveyed Mexican Americans and American Indians in Arizona.")
    assert values(within, "country") == {"US"}
    latin = run(extractor, "Latin Americans were under-represented among the nurses.")
    assert values(latin, "country") == set()
    version = run(
        extractor,
        "Nurses completed the Turkish version of the Burnout Assessment Tool.",
    )
    assert values(version, "country") == {"TR"}
    government = run(extractor, "The Chinese government issued guidelines for hospitals.")
    assert values(government, "country") == set()


def test_a_copyright_tail_and_a_small_countrys_homonym_are_no_setting(
    extractor: Extractor,
) -> None:
    tail = run(
        extractor,
        "Food insecurity was associated with anxiety among 400 nurses in Portugal. [ABSTRACT "
        "FROM AUTHOR] Copyright of International Journal of Epidemiology is the property of "
        "Oxford University Press / USA and its content may not be copied.",
    )
    assert values(tail, "country") == {"PT"}
    island = run(
        extractor,
        "We surveyed nursing assistants in the U.S. who care for patients at nursing homes in "
        "New York City, Long Island, or the Lower Hudson Valley.",
    )
    assert values(island, "country") == {"US"}
    assert "Long Island" not in values(island, "region")
    tyrol = run(extractor, "We surveyed 300 nurses in Tyrol and in Germany.")
    assert values(tyrol, "country") == {"AT", "DE"}


def test_regions_by_their_english_names(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We recruited 15 physicians from six hospitals in the Lombardy region and in Bavaria.",
    )
    assert values(vals, "region") == {"Lombardy", "Bavaria"}
    assert values(vals, "country") == {"IT", "DE"}
    nations = run(extractor, "We interviewed 35 staff of NHS mental health services in England.")
    assert values(nations, "region") == {"England"}
    assert values(nations, "country") == {"GB"}
    australia = run(extractor, "We surveyed 200 nurses in New South Wales.")
    assert values(australia, "country") == {"AU"}


def test_chinese_provinces_by_their_bare_names(extractor: Extractor) -> None:
    vals = run(extractor, "An online survey of 839 medical staff in Sichuan Province was run.")
    assert values(vals, "region") == {"Sichuan"}
    assert values(vals, "country") == {"CN"}


def test_numbers_with_space_separated_thousands(extractor: Extractor) -> None:
    vals = run(extractor, "We surveyed 4 237 nurses in Hunan Province.", section="methods")
    assert values(vals, "n_participants") == {"4237"}
    shares = run(
        extractor,
        "We surveyed 33 physicians. About 47 % (n = 17) of the respondents were 56 or older.",
        section="methods",
    )
    assert values(shares, "n_participants") == {"33"}
    review = run(
        extractor,
        "The sample sizes ranged between 37 and 1257 participants.",
        section="methods",
    )
    assert values(review, "n_participants") == set()


def test_a_decimal_without_its_zero_is_no_citation(extractor: Extractor) -> None:
    # ".5" after "±" is a decimal, not a superscript reference that makes the sentence
    # another study's (and so no sample)
    vals = run(
        extractor,
        "Participants were n=100 parents of youth with T1D (M duration = 2.9±.5 yrs), who "
        "completed a survey.",
        section="methods",
    )
    assert values(vals, "n_participants") == {"100"}
    # a superscript after a word's full stop still marks another study's finding
    cited = run(extractor, "A survey of 300 residents found burnout in half.5", section="methods")
    assert values(cited, "n_participants") == set()


def test_shouted_titles_name_countries_but_not_cities(extractor: Extractor) -> None:
    def title(text: str) -> set[str]:
        return values(run(extractor, text, section="title"), "country")

    moldova = "THE PSYCHO-EMOTIONAL IMPACT OF COVID-19 ON MEDICAL STAFF IN MOLDOVA"
    assert title(moldova) == {"MD"}
    assert title("BURNOUT LEVELS IN ITALIAN NURSES DURING COVID-19") == {"IT"}
    assert title("READING AND NICE GUIDANCE FOR NURSES") == set()  # towns stay case-sensitive


def test_health_care_workers_as_a_name_for_the_professions_studied(extractor: Extractor) -> None:
    named = run(
        extractor,
        "Burnout among health care workers during COVID-19.",
        "We surveyed 300 nurses and 120 physicians; nurses reported more burnout than physicians.",
    )
    assert values(named, "population") == {"nurses", "physicians"}
    generic = run(extractor, "We surveyed 300 health care workers, including 20 nurses.")
    assert "healthcare_workers" in values(generic, "population")


def test_residents_who_live_somewhere_are_not_doctors_in_training(extractor: Extractor) -> None:
    def pops(text: str) -> set[str]:
        return values(run(extractor, text), "population")

    assert "residents" not in pops("We surveyed nursing home residents about their mood.")
    assert "residents" not in pops("Anxiety was higher in community residents than in nurses.")
    assert "residents" not in pops("Depression was common among residents of Makkah.")
    assert "residents" in pops("We surveyed psychiatry residents in Saudi Arabia.")
    assert "residents" in pops("Residents of the surgery program completed the MBI.")
    # older people where they live; doctors in training are not 65
    assert "residents" not in pops("Surveys were done of all residents aged 65 years or older.")
    assert "residents" not in pops("Residents with dementia were observed by 40 care aides.")
    assert "residents" in pops("We surveyed 300 residents aged 26 to 35 years in medicine.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We surveyed 300 care aides in long-term care homes.", "healthcare_workers"),
        ("We surveyed 300 personal support workers in Ontario.", "healthcare_workers"),
        ("We interviewed 20 hospice workers.", "healthcare_workers"),
        ("Specialist registrars completed the Maslach Burnout Inventory.", "residents"),
        ("We surveyed 100 peer support workers in mental health services.",
         "mental_health_providers"),
        ("Health visitors described their caseloads.", "nurses"),
    ],
)  # fmt: skip
def test_professions_by_the_names_long_term_care_and_the_nhs_use(
    extractor: Extractor, text: str, expected: str
) -> None:
    assert expected in values(run(extractor, text), "population")


def test_no_factor_is_read_from_text_in_another_language(extractor: Extractor) -> None:
    french = (
        "Les victimes de violence conjugale ont fait état d'un risque accru de violence et "
        "d'isolement pendant la pandémie."
    )
    assert factors(run(extractor, french)) == set()
    english = "Workplace violence was associated with higher burnout among nurses."
    assert ("workplace_violence", "risk") in factors(run(extractor, english))
    # a title given in English and then in Spanish is still read
    bilingual = (
        "Workplace violence was associated with burnout among nurses; La violencia laboral "
        "se asoció con el desgaste profesional en enfermeras de un hospital"
    )
    assert ("workplace_violence", "risk") in factors(run(extractor, bilingual))


def test_null_results_stated_across_a_clause_negate_their_factors(extractor: Extractor) -> None:
    listed = run(
        extractor,
        "Marital status, working on the front line, and participation in training groups "
        "were not associated with anxiety or burnout (all P>0.05).",
    )
    assert factors(listed) == set()
    between = run(
        extractor,
        "There was no significant difference in burnout between nurses by shift work.",
    )
    assert factors(between) == set()
    # a finding after the null one keeps its own direction
    mixed = run(
        extractor,
        "Age was not associated with burnout, but workload was associated with higher burnout.",
    )
    assert ("workload", "risk") in factors(mixed)


def test_a_decline_before_or_right_after_a_factor_makes_it_a_risk(extractor: Extractor) -> None:
    trust = run(extractor, "Decreased trust in leadership was associated with burnout.")
    assert ("management_support", "risk") in factors(trust)
    declined = run(
        extractor, "Among nurses with burnout, peer support declined during the pandemic."
    )
    assert ("peer_support", "risk") in factors(declined)
    # a decline of the outcome says nothing against the programme
    outcome = run(
        extractor, "Wellness programmes were associated with decreased burnout among nurses."
    )
    assert ("wellbeing_programs", "protective") in factors(outcome)


def test_outcome_terms_are_not_factors_and_aims_do_not_link(extractor: Extractor) -> None:
    assert factors(run(extractor, "Insomnia was found in 51.4% of respondents.")) == set()
    aims = "This study aimed to assess workload, burnout and social support among nurses."
    assert factors(run(extractor, aims)) == set()


def test_lexicon_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.jsonl"
    bad.write_text(
        '{"field": "population", "id": "nurses", "patterns": ["nurses"]}\n'
        '{"field": "population", "id": "astronauts", "patterns": ["astronauts"]}\n'
    )
    with pytest.raises(LexiconError) as e:
        load_lexicon(bad)
    assert "lexicon.jsonl (line 2)" in str(e.value) and "astronauts" in str(e.value)


def test_bad_json_line_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "context.jsonl"
    bad.write_text('{"kind": "negation", "patterns": ["not"]}\n{"kind": "hedge", patterns: []}\n')
    with pytest.raises(LexiconError, match=r"context\.jsonl \(line 2\): not valid JSON"):
        load_cues(bad)


def test_factor_file_error_names_line(tmp_path: Path) -> None:
    bad = tmp_path / "factors.yaml"
    bad.write_text(
        "version: 1\nfactors:\n  - id: workload\n    label: W\n    definition: d\n    area: workload\n"
        "    level: team\n    default_direction: risk\n    forms: [workload]\n"
        "  - id: pay\n    label: P\n    definition: d\n    area: money\n    level: team\n"
        "    default_direction: risk\n    forms: [pay]\n"
    )
    with pytest.raises(LexiconError, match=r"factors\.yaml \(line 10\): area 'money'"):
        load_factor_specs(bad)


def test_risk_only_must_be_a_boolean_on_a_factor_that_is_not_protective(tmp_path: Path) -> None:
    head = "version: 1\nfactors:\n  - id: workload\n    label: W\n    definition: d\n"
    bad = tmp_path / "factors.yaml"
    bad.write_text(
        head + "    area: workload\n    level: team\n    default_direction: protective\n"
        "    risk_only: true\n    forms: [workload]\n"
    )
    with pytest.raises(LexiconError, match=r"line 3.*risk_only.*protective"):
        load_factor_specs(bad)
    bad.write_text(
        head + "    area: workload\n    level: team\n    default_direction: risk\n"
        "    risk_only: sometimes\n    forms: [workload]\n"
    )
    with pytest.raises(LexiconError, match=r"must be true or false"):
        load_factor_specs(bad)
    specs = {s.factor_id: s for s in load_factor_specs()}
    assert specs["workload"].risk_only and not specs["social_support"].risk_only


def test_a_hazard_reduced_is_still_recorded_as_a_risk(extractor: Extractor) -> None:
    # "reducing the workload ... may prevent burnout" names workload as what drives burnout
    vals = run(
        extractor,
        "Reducing the workload of nurses and creating a healthy work environment may prevent "
        "burnout.",
        title=ON_TOPIC,
    )
    assert ("workload", "risk") in factors(vals)
    assert ("workload", "protective") not in factors(vals)


def test_taxonomy_loads_every_factor() -> None:
    tax = load_taxonomy()
    assert len({f.factor_id for f in tax}) == len(tax) > 30
    assert all(f.surface_forms for f in tax)


# --- seeds end to end ------------------------------------------------------------------------


SEEDS = {
    "000": "000_d6d88308334938ec.txt",
    "001": "001_9896a133dc688a24.txt",
    "002": "002_1611d9e3e2af16c8.txt",
    "003": "003_d8c9ec42df9bc7a2.txt",
}


@pytest.fixture(scope="module")
def seed_values(shared_dir: Path, extractor: Extractor) -> dict[str, list[ExtractedValue]]:
    from evidence.sources import read_path

    out = {}
    for key, name in SEEDS.items():
        doc = read_path(shared_dir / "seeds" / name).documents[0]
        out[key] = extractor.extract(doc, split_passages(doc))
    return out


def test_seed0(seed_values: dict[str, list[ExtractedValue]]) -> None:
    v = seed_values["000"]
    assert values(v, "design") == {"qualitative"}
    assert values(v, "n_participants") == {"82"}
    assert values(v, "n_interviews") == {"96"}
    assert values(v, "n_sites") == set()  # 184 FHTs contacted is a sampling frame
    assert values(v, "country") == {"CA"} and values(v, "region") == {"Ontario"}
    assert values(v, "software") == {"NVivo"}
    assert values(v, "data_collection") == {"semi_structured_interviews"}
    assert values(v, "analysis") == {"grounded_theory"}
    assert {"primary_care", "family_health_team"} <= values(v, "care_setting")
    assert {
        ("workload", "risk"),
        ("staffing_resources", "risk"),
        ("care_process_efficiency", "risk"),
        ("team_collaboration", "risk"),
        ("care_process_efficiency", "protective"),
        ("peer_support", "protective"),
        ("compassion_cultivation", "protective"),
        ("team_collaboration", "protective"),
    } <= factors(v)


def test_seed1(seed_values: dict[str, list[ExtractedValue]], shared_dir: Path) -> None:
    v = seed_values["001"]
    assert values(v, "design") == {"qualitative"}
    assert values(v, "n_participants") == {"8"} and values(v, "n_sites") == {"8"}
    assert values(v, "country") == {"GB"} and values(v, "region") == {"London"}
    assert "iapt" in values(v, "care_setting")
    prev = {v_.value: v_ for v_ in v if v_.field == "prevalence"}
    assert prev["burnout:68.6"].detail["background"] is True
    assert {
        ("performance_targets", "risk"),
        ("workload", "risk"),
        ("back_to_back_scheduling", "risk"),
        ("management_support", "risk"),
        ("supervision", "protective"),
        ("debriefing", "protective"),
    } <= factors(v)
    assert {"cancelled_appointments", "premature_discharge"} <= values(v, "consequence")
    # nothing from the references section
    text = (shared_dir / "seeds" / SEEDS["001"]).read_text(encoding="utf-8")
    refs_at = text.index("## REFERENCES")
    from evidence.sources import read_path

    doc = read_path(shared_dir / "seeds" / SEEDS["001"]).documents[0]
    refs_start = doc.text.find("NHS England and Health Education England")
    assert refs_at > 0 and refs_start > 0
    assert all(x.char_start < refs_start for x in v if x.char_start is not None)


def test_seed2_keeps_consequences_apart(seed_values: dict[str, list[ExtractedValue]]) -> None:
    v = seed_values["002"]
    assert values(v, "design") == {"discussion"}
    assert values(v, "country") == set()
    assert values(v, "n_participants") == set()
    cons = values(v, "consequence")
    assert {"substance_use", "emotional_numbing", "cynicism"} <= cons
    risk = {f for f, d in factors(v) if d == "risk"}
    protective = {f for f, d in factors(v) if d == "protective"}
    assert {
        "emotional_labour",
        "workload",
        "administrative_burden",
        "role_clarity",
        "isolation",
        "ethical_dilemmas",
    } <= risk
    assert {
        "flexible_scheduling",
        "time_off",
        "wellbeing_programs",
        "peer_support",
        "recognition",
        "supervision",
    } <= protective
    assert not any(
        v_.value in {"substance_use", "emotional_numbing"}
        for v_ in v
        if v_.field.endswith("_factor")
    )


def test_seed3_quality_improvement(seed_values: dict[str, list[ExtractedValue]]) -> None:
    v = seed_values["003"]
    assert values(v, "design") == {"quality_improvement"}
    assert values(v, "data_collection") == {"focus_groups"}
    assert {
        ("staffing_resources", "risk"),
        ("ehr_inbox", "risk"),
        ("compensation", "risk"),
        ("team_conflict", "risk"),
        ("autonomy_control", "risk"),
        ("administrative_burden", "risk"),
        ("work_relationships", "protective"),
        ("team_collaboration", "protective"),
        ("top_of_licence", "protective"),
    } <= factors(v)
    # paywall boilerplate after "Subscribe" yields nothing
    assert all("CME" not in x.quote for x in v)


# --- golden output ---------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden"


def golden_rows(vals: list[ExtractedValue]) -> list[dict[str, object]]:
    rows = []
    for v in vals:
        detail = {
            k: d
            for k, d in v.detail.items()
            if k not in {"extractor_version", "lexicon_hash", "document"}
        }
        rows.append(
            {
                "field": v.field,
                "value": v.value,
                "value_num": v.value_num,
                "section": v.section,
                "char_start": v.char_start,
                "char_end": v.char_end,
                "confidence": v.confidence,
                "detail": detail,
            }
        )
    return sorted(
        rows, key=lambda r: (r["field"], r["value"], r["char_start"] or 0, r["char_end"] or 0)
    )


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_golden(
    seed_values: dict[str, list[ExtractedValue]], key: str, request: pytest.FixtureRequest
) -> None:
    """Extraction output per seed; regenerate with EVIDENCE_UPDATE_GOLDEN=1 after a deliberate change."""
    import difflib
    import os

    path = GOLDEN / f"seed_{key}.json"
    got = (
        json.dumps(golden_rows(seed_values[key]), indent=1, ensure_ascii=False, sort_keys=True)
        + "\n"
    )
    if os.environ.get("EVIDENCE_UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(got, encoding="utf-8")
        pytest.skip(f"wrote {path.name}")
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(
            difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now", n=1)
        )
        pytest.fail(
            f"extraction output for seed {key} changed (EVIDENCE_UPDATE_GOLDEN=1 to accept):\n{diff[:6000]}"
        )


def test_a_cue_that_modifies_a_factor_says_nothing_of_the_outcome(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Nurses also suffer from lack of personal protective equipment, burnout and extreme "
        "workloads.",
    )
    assert ("workload", "protective") not in factors(vals)


def test_a_design_the_literature_lacks_is_not_this_studys(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "However, there is a lack of longitudinal studies of nurses.",
        "We surveyed 200 nurses in a cross-sectional online survey.",
    )
    assert values(vals, "design") == {"cross_sectional"}


def test_reviews_a_study_compares_itself_with_are_not_its_design(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We conducted a cross-sectional survey of 467 nurses.",
        "Compared with global rates from two meta-analyses, nurses reported more stress.",
        "Rates of insomnia were also higher than in the meta-analysis that reported insomnia.",
        "Anxiety did not differ from that reported in one meta-analysis.",
    )
    assert values(vals, "design") == {"cross_sectional"}
    own = run(extractor, "We conducted a systematic review and meta-analysis of 20 studies.")
    assert values(own, "design") == {"systematic_review"}


def test_randomised_controlled_in_other_words(extractor: Extractor) -> None:
    vals = run(
        extractor, "This is a multicenter, randomized controlled, open-label study of 87 nurses."
    )
    assert values(vals, "design") == {"rct"}
    others = run(
        extractor,
        "This review summarizes the literature on chloroquine.",
        "Its efficacy has yet to be proven with randomized controlled studies, many ongoing.",
    )
    assert values(others, "design") == {"narrative_review"}


def test_an_integrative_review_that_states_its_search_is_systematic(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Method: this is an integrative literature review.",
        "The search for the articles was carried out in three electronic databases: "
        "Pubmed / Medline, BVS and Scielo.",
    )
    assert values(vals, "design") == {"systematic_review"}
    # two names of one database state no search method
    one = run(
        extractor,
        "This review draws on articles identified on Medline (Pubmed) in March.",
    )
    assert values(one, "design") == {"narrative_review"}


def test_a_text_with_no_design_or_data_is_a_discussion(extractor: Extractor) -> None:
    # "predicted" that is no statistics makes no survey of a guidance text
    vals = run(
        extractor,
        "The principles of airway management are described for predicted or unexpected "
        "difficult tracheal intubation.",
        "Severely affected patients cannot always be predicted.",
    )
    assert values(vals, "design") == {"discussion"}


def test_overlapping_design_cues_and_reference_entries(extractor: Extractor) -> None:
    qual = run(
        extractor,
        "Methods: Qualitative descriptive study. Educators took part in semi-structured interviews.",
    )
    assert values(qual, "design") == {"qualitative"}
    refs = run(
        extractor,
        "I describe how my clinic kept seeing patients during the pandemic.",
        "Note 1 Lancet. 2020;395(10227):846-848. Note 2 Smith J. A meta-analysis of burnout. "
        "JAMA. 2021;325(3):10-12.",
    )
    assert "systematic_review" not in values(refs, "design")


def test_support_called_for_staff_is_a_wellbeing_programme(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Organizational interventions to ameliorate psychiatrists' wellbeing are required.",
        title=ON_TOPIC,
    )
    assert ("wellbeing_programs", "protective") in factors(vals)
    research = run(
        extractor,
        "Studies are needed to identify effective resources that support nurse well-being.",
        title=ON_TOPIC,
    )
    assert ("wellbeing_programs", "protective") not in factors(research)
    # a call to act on the staff's mental health names no programme but asks for one
    act = run(
        extractor,
        "There is a rapidly rising need to address the mental health of healthcare workers.",
        title=ON_TOPIC,
    )
    assert ("wellbeing_programs", "protective") in factors(act)
    patients = run(
        extractor, "Clinicians should monitor the mental health of their patients.", title=ON_TOPIC
    )
    assert ("wellbeing_programs", "protective") not in factors(patients)


def test_a_group_counts_where_it_is_compared_not_where_its_burden_is_large(
    extractor: Extractor,
) -> None:
    size = run(
        extractor,
        "The pandemic has had significant mental health consequences for frontline health care "
        "workers.",
        title=ON_TOPIC,
    )
    assert ("ppe_infection_risk", "risk") not in factors(size)
    compared = run(
        extractor,
        "Frontline workers reported significantly higher burnout than other staff.",
        title=ON_TOPIC,
    )
    assert ("ppe_infection_risk", "risk") in factors(compared)


@pytest.mark.parametrize(
    "text",
    [
        "These changes indicate the utmost importance in providing emotional support for HCPs "
        "to prevent fatigue and burnout.",
        # workers named beside the public, those at the frontline, a call "to be developing"
        "Mental health care for this occupational group needs to be implemented to achieve "
        "sustainable mental health care for workers and the public.",
        "We discuss the need for measures to minimise the psychological pressure on those at "
        "the frontline.",
        "Interventions to promote psychological well-being of healthcare workers need to be "
        "developing.",
        "Specific training on infection control, mental health guidance, and stress coping "
        "techniques must be implemented for nurses.",
        # a keyword list glued to the sentence ("qualitative research") is no research call
        "Healthcare systems should adopt strategies to minimise distress faced by clinicians.  "
        "COVID-19; critical care; qualitative research",
        "Vulnerable nurses may require specific support.",
        "A single online group EFT session reduced stress, anxiety, and burnout levels in nurses.",
    ],
)
def test_support_called_for_or_shown_to_work_in_other_words(
    extractor: Extractor, text: str
) -> None:
    assert ("wellbeing_programs", "protective") in factors(run(extractor, text, title=ON_TOPIC))


@pytest.mark.parametrize(
    "text",
    [
        "Burnout during residency may require reorganization of health services.",
        "The online session did not reduce burnout levels in nurses.",
        "There is a need to understand how to support the mental health of nurses.",
    ],
)
def test_no_support_call_without_a_call_for_support(extractor: Extractor, text: str) -> None:
    assert ("wellbeing_programs", "protective") not in factors(run(extractor, text, title=ON_TOPIC))


def test_advice_that_names_the_risks_it_addresses_keeps_them(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Contributing factors in burnout including work overload need to be addressed.",
        title=ON_TOPIC,
    )
    assert ("workload", "risk") in factors(vals)
    # a proposed support is no risk however the advice is worded
    advice = run(extractor, "Hospitals should increase staffing for nurses.", title=ON_TOPIC)
    assert ("staffing_resources", "risk") not in factors(advice)
    # while a hazard the advice would reduce is named as the risk it is (risk_only factors)
    advice = run(extractor, "Hospitals should reduce workload for nurses.", title=ON_TOPIC)
    assert factors(advice) == {("workload", "risk")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Negative ratings of workplace relations and organizational support were "
            "associated with emotional exhaustion.",
            {("work_relationships", "risk"), ("management_support", "risk")},
        ),
        (
            "Most residents said training programmes were negatively or very negatively "
            "affected, which is related to burnout.",
            {("professional_development", "risk")},
        ),
        # what staff worry about is a risk, whichever end of it the form names
        (
            "Worries regarding the peer relationship were associated with depression.",
            {("work_relationships", "risk")},
        ),
        (
            "Concerns about infection risk were associated with burnout.",
            {("ppe_infection_risk", "risk")},
        ),
        (
            "The shortage of trained nurses was associated with burnout.",
            {("staffing_resources", "risk")},
        ),
    ],
)
def test_a_good_thing_rated_badly_or_disrupted_is_a_risk(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    found = factors(run(extractor, text, title=ON_TOPIC))
    assert expected <= found
    assert not {(f, "protective") for f, _d in expected} & found


def test_a_capitalised_comparison_word_opens_a_sentence_not_a_title(
    extractor: Extractor,
) -> None:
    vals = run(
        extractor,
        "Factors, including high workload, age, race, and the pandemic, may partially explain "
        "the high proportion of nurses who reported symptoms of burnout.",
        title=ON_TOPIC,
    )
    assert ("demographics_experience", "risk") in factors(vals)
    titled = run(
        extractor,
        "We surveyed 300 nurses.",
        title="Factors Associated with Nurses' Burnout toward COVID-19 Patients",
    )
    assert ("ppe_infection_risk", "risk") not in factors(titled)
    quantifier = run(
        extractor,
        "Most trainees reported having direct contact with COVID-19 patients (88.82%).",
        title=ON_TOPIC,
    )
    assert ("ppe_infection_risk", "risk") not in factors(quantifier)


def test_covariates_a_model_adjusted_for_are_no_factors(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "After adjusting for gender, age and education, it was found that negative coping "
        "style was a risk factor of burnout.",
        "Nurses reported higher anxiety after adjusting for duration of employment and social "
        "support.",
        title=ON_TOPIC,
    )
    found = factors(vals)
    assert ("coping_resilience", "risk") in found
    assert not {f for f, _d in found} & {"demographics_experience", "social_support"}


def test_a_factor_word_inside_a_scale_name_is_no_factor(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Stress was measured with the Stress Overload Scale and burnout with the "
        "Work-Family Conflict Scale among nurses.",
        title=ON_TOPIC,
    )
    assert not {f for f, _d in factors(vals)} & {"workload", "work_life_balance"}


def test_isolation_of_patients_is_not_the_staffs(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Clinicians reported distress from witnessing patients suffer in isolation.",
        "Working in isolation wards was tiring.",
    )
    assert ("isolation", "risk") not in factors(vals)
    staff = run(extractor, "Social isolation was associated with higher burnout in nurses.")
    assert ("isolation", "risk") in factors(staff)


def test_groups_faring_worse_are_demographic_risks(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Women, younger staff, and nurses tended to have poorer outcomes than other staff.",
        title=ON_TOPIC,
    )
    assert ("demographics_experience", "risk") in factors(vals)
    highest = run(
        extractor,
        "Clinical depression was lowest in male doctors and highest in non-binary nurses.",
        title=ON_TOPIC,
    )
    assert ("demographics_experience", "risk") in factors(highest)


def test_a_neutral_form_tied_to_an_outcome_takes_its_usual_direction(
    extractor: Extractor,
) -> None:
    vals = run(extractor, "Staffing was associated with burnout among ICU nurses.")
    assert factors(vals) == {("staffing_resources", "risk")}
    alone = run(extractor, "Staffing was discussed at the meeting.")
    assert factors(alone) == set()


def test_a_citation_line_does_not_end_the_abstract(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Osszefoglalo magyarul. Orv Hetil. 2021; 162(24): 931-937. METHOD: We analyzed the "
        "responses of 1009 nurses in a crossover study.",
    )
    assert values(vals, "n_participants") == {"1009"}
    assert values(vals, "design") == {"quasi_experimental"}


def test_record_metadata_lines_name_no_method(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We surveyed 300 nurses about burnout.",
        "Country: HU; HUNGARY; Database: MEDLINE; Publication details: Orv Hetil; 162(24).",
        "PsycInfo Database Record (c) 2021 APA, all rights reserved)",
    )
    assert "literature_search" not in values(vals, "data_collection")
    assert values(vals, "design") == {"cross_sectional"}


def test_the_virus_origin_and_the_ethics_board_are_not_the_setting(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "COVID-19 originated from Wuhan city of China in December 2019.",
        "Rapidly spreading from Wuhan to all continents, it was declared a pandemic.",
        "Several thousand healthcare workers have already been infected, mainly in Italy.",
        "High death rates have been seen in the US (18,761), Spain (16,353) and France.",
        "We surveyed 200 nurses in Lahore, Pakistan.",
        # a compass-point region of another country than the one the text names
        "Participants were mainly from the Northern Region (55.4%).",
        "The protocol was approved by the University of Alberta Research Ethics Board.",
    )
    assert values(vals, "country") == {"PK"}


def test_pipeline_tokenizer_is_spacys_english_tokenizer_with_a_larger_cache(
    extractor: Extractor,
) -> None:
    """Building the matchers must not leave the text with a full chunk cache, and the
    fresh tokenizer must cut text exactly as spaCy's English tokenizer does."""
    import spacy

    from evidence.extract.pipeline import TOKENIZER_CACHE

    ours = extractor.nlp.tokenizer
    assert ours.max_cache_size == TOKENIZER_CACHE > spacy.blank("en").tokenizer.max_cache_size
    blank = spacy.blank("en").tokenizer
    texts = [
        "Burnout (MBI-HSS) among U.S. nurses, e.g. 45.6% vs. 3,000 (n=412) at Dr. Smith's ICU.",
        "Response rate: 62%; N = 1,234 GPs (aged 25-64) didn't respond... see https://x.org/a.",
        "Two-thirds of PWPs' sessions were cancelled; 'can't cope' said 8/10 therapists.",
    ]
    for text in texts:
        assert [t.text for t in ours(text)] == [t.text for t in blank(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "no" inside "having no children" negates neither it nor its neighbours, and
        # "protective" in "personal protective equipments" is not an effect
        (
            "Being single, having no children, female gender and lack of personal protective "
            "equipments were associated with higher scores in the burnout scales.",
            {
                ("demographics_experience", "risk"),
                ("personal_factors", "risk"),
                ("ppe_infection_risk", "risk"),
            },
        ),
        # a form that names the bad end does not inherit a coordinated "inadequate"
        (
            "Nurses perceived inadequate leadership support and inequity within the team, and "
            "reported burnout.",
            {("management_support", "risk"), ("organisational_justice", "risk")},
        ),
        # an outcome's cue is not about factors that merely follow it in a list
        (
            "The normalization of strong emotions and stress, the fulfillment of basic needs, "
            "social support and flexible working hours seem to be important.",
            {("social_support", "protective"), ("flexible_scheduling", "protective")},
        ),
        # ... but it is when a word links them
        (
            "Higher burnout was found among nurses with heavy workload and poor social support.",
            {("workload", "risk"), ("social_support", "risk")},
        ),
        # a state listed among outcomes is an outcome ...
        (
            "Many experienced feelings of grief, helplessness, isolation, distress, and burnout.",
            set(),
        ),
        # ... unless the list is one of factors
        (
            "Key damaging factors included depression, burnout, negative coping and fear of "
            "infection.",
            {("coping_resilience", "risk"), ("ppe_infection_risk", "risk")},
        ),
        # "relationships with <a variable>" are statistical, with people they are not
        (
            "Burnout in Professional Psychotherapists: Relationships with Self-Compassion, "
            "Work-Life Balance, and Telepressure",
            {("compassion_cultivation", "protective"), ("work_life_balance", "protective")},
        ),
        (
            "Poor relationships with colleagues were associated with burnout.",
            {("work_relationships", "risk")},
        ),
        # sleep duration is neutral: "decreased" decides
        (
            "Burnout was more prevalent with decreased sleep duration (OR, 1.96).",
            {("sleep", "risk")},
        ),
    ],
)
def test_negation_and_modifiers_stay_with_their_own_words(
    extractor: Extractor, sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert factors(run(extractor, sentence, title=ON_TOPIC)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We describe the case of a young man admitted due to mild COVID-19 infection. He "
        "developed anxiety and insomnia on the isolation ward.",
        "A 45-year-old woman, a nurse on a COVID-19 ward, presented with insomnia.",
        "Between 1 and 5 March 2021, a virtual meeting was organized by the university to "
        "discuss the mental health of health professionals.",
        "The proceedings contain 41 papers. The topics discussed include paramedic burnout.",
    ],
)
def test_case_reports_and_event_reports_are_other(extractor: Extractor, text: str) -> None:
    assert values(run(extractor, text), "design") == {"other"}


def test_prevalence_with_a_lost_decimal_point(extractor: Extractor) -> None:
    vals = run(extractor, "Burnout was found in 32 doctors (41 5%).")
    assert values(vals, "prevalence") == {"burnout:41.5"}


def test_prevalence_as_a_share_of_a_count_of_people(extractor: Extractor) -> None:
    vals = run(extractor, "A total of 120 (40.0%) residents screened positive for burnout.")
    assert values(vals, "prevalence") == {"burnout:40"}
    # the professions of the cases are not a prevalence of anything
    cases = run(extractor, "Burnout cases were 52% doctors and residents and 19% nurses.")
    assert values(cases, "prevalence") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The study included 58 anesthesiologists and intensive care specialists.", set()),
        ("Mortality may be high given limited critical care beds in Africa.", set()),
        ("Coronavirus; Emergency medical services; Intensive care units; Stress", set()),
        ("We surveyed nurses working in intensive care units.", {"icu"}),
        ("We surveyed physicians working in academic medical centres.", {"hospital"}),
        ("Nurses working in operating theatres were surveyed.", {"hospital"}),
        (
            "We surveyed workers in residential care facilities for older people.",
            {"long_term_care"},
        ),
    ],
)
def test_care_settings_are_where_people_work(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    assert values(run(extractor, sentence), "care_setting") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We surveyed 300 speech and language therapists.", "allied_health"),
        ("We surveyed 300 physician assistants.", "allied_health"),
        ("We surveyed 300 healthcare assistants.", "healthcare_workers"),
        ("We surveyed 300 dental practitioners.", "dentists"),
        ("We surveyed 300 pharmacy technicians.", "pharmacists"),
    ],
)
def test_professions_by_their_longer_names(
    extractor: Extractor, sentence: str, expected: str
) -> None:
    got = values(run(extractor, sentence), "population")
    assert expected in got
    assert not got & {"psychotherapists", "physicians"}  # not the shorter name inside


def test_leaders_named_only_as_those_who_should_act_are_not_studied(
    extractor: Extractor,
) -> None:
    advice = "Nurse managers should help nurses find opportunities for detachment."
    vals = run(extractor, "We surveyed 300 hospital nurses in Iran.", advice)
    assert values(vals, "population") == {"nurses"}
    studied = run(extractor, "We interviewed 12 nurse managers.", advice)
    assert "administrators" in values(studied, "population")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Resident physician burnout is rising.", {"residents"}),
        ("We surveyed physician trainees at two hospitals.", {"residents"}),
        ("Non-physician workers were affected more than nurses.", {"nurses"}),
        ("We surveyed non-medical staff at two hospitals.", {"healthcare_workers"}),
    ],
)
def test_populations_named_with_their_qualifiers(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    assert values(run(extractor, sentence), "population") == expected


def test_places_under_a_background_label_are_other_studies(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Background: Australia watched the pandemic unfold in China and America.",
        "We surveyed 120 nurses in Sydney, Australia.",
    )
    assert values(vals, "country") == {"AU"}
    own_aim = run(
        extractor,
        "Introduction: We examined sleep and distress in New York City health workers.",
        "Methods: 800 health workers completed an online survey.",
    )
    assert values(own_aim, "country") == {"US"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a month abbreviation before a day is not a superscript citation
        ("A survey was conducted for 839 medical staff from Feb.4 2020 to Feb.25 2020.", "839"),
        ("Results: Providers (N=50) completed a survey before the first meeting.", "50"),
        ("We surveyed 724 patients attending the clinics.", "724"),
        # people named by the study they make up
        ("We conducted a prospective study of 96 patients with mucormycosis.", "96"),
        ("Screening was performed in 96 patients with a median age of 16.6 years.", "96"),
        ("We conducted an online survey of 836 Korean adolescents.", "836"),
        ("Self-report data were analyzed from 3099 adolescents in the ABCD study.", "3099"),
        ("We performed a retrospective, single-center analysis of 84 patients.", "84"),
        ("In our study, 94 patients with confirmed infection were admitted to Renmin "
         "Hospital.", "94"),
        ("The study was performed with the participation of 40 pregnant women.", "40"),
        # a case report's one person, after the report's own label
        ("CASE PRESENTATION: A 63-year-old man with rheumatoid arthritis presented with "
         "confusion.", "1"),
        ("A qualitative study was conducted, in which 158 students from three Lithuanian "
         "universities participated.", "158"),
        ("We examine nationally representative survey data with an embedded vignette "
         "experiment (collected in August 2020; n = 5,000).", "5000"),
        ("Cross-sectional, analytical, case-control study of 9777 infants in 29 hospitals.", "9777"),
        ("We conducted a multicenter, randomized, double-blind trial involving 18,924 patients "
         "who had an acute coronary syndrome.", "18924"),
    ],
)  # fmt: skip
def test_sample_counts_people_the_lexicon_does_not_name(
    extractor: Extractor, sentence: str, expected: str
) -> None:
    assert values(run(extractor, sentence), "n_participants") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "A total of 66 pigs were used in this study.",
        "The VESPA analysis of 18 gene families is provided in File S1.",
        "One hundred and forty-six British local formularies were screened.",
        "Our analysis of 24 clinical trials shows a diversity of outcome measures.",
    ],
)
def test_animals_and_things_after_a_study_word_are_no_sample(
    extractor: Extractor, text: str
) -> None:
    assert values(run(extractor, text), "n_participants") == set()


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            [
                "This article discusses recent literature on racism and child development.",
                "Early intervention is key.",
            ],
            "narrative_review",
        ),
        (
            [
                "We have reviewed the literature on earlier epidemics.",
                "We discuss potential triggers of distress among health professionals.",
            ],
            "narrative_review",
        ),
        (
            [
                "Aim: a review of studies on the stress of health workers.",
                "Quantitative studies (including letters to the editor) published in 2020 "
                "were included.",
            ],
            "narrative_review",
        ),
        (["In this commentary we argue that burnout is a systems problem."], "discussion"),
    ],
)
def test_a_review_that_discusses_literature_is_a_review(
    extractor: Extractor, texts: list[str], expected: str
) -> None:
    assert values(run(extractor, *texts), "design") == {expected}


def test_a_study_described_in_the_future_tense_is_a_protocol(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We are conducting interviews with 20 community providers.",
        "Descriptive statistics will be calculated for each scale.",
        "The interviews will be subjected to a thematic analysis.",
        "Findings will be integrated into the final tool.",
    )
    assert values(vals, "protocol") == {"true"}
    assert values(vals, "design") == {"other"}
    finished = run(
        extractor,
        "We interviewed 20 community providers.",
        "These findings will help managers plan support.",
    )
    assert values(finished, "protocol") == set()


def test_one_site_from_a_setting_line_and_not_from_mesh_headings(extractor: Extractor) -> None:
    setting = run(extractor, "50 semistructured interviews.", "A safety-net hospital in Denver.")
    assert values(setting, "n_sites") == {"1"}
    doc = Document(
        source_path="inline.txt",
        format="text",
        blocks=[
            Block(section="title", text="Burnout among physicians of a teaching hospital"),
            Block(section="abstract", text="We surveyed 240 physicians in 2020."),
            Block(section="keywords", text="Burnout; Hospitals, Teaching; Surveys"),
        ],
    )
    doc.assemble()
    vals = extractor.extract(doc, split_passages(doc))
    assert values(vals, "n_sites") == {"1"}
    based = run(extractor, "A hospital-based survey of 400 nurses was conducted.")
    assert values(based, "n_sites") == set()


def test_second_level_divisions_name_the_country(extractor: Extractor) -> None:
    vals = run(extractor, "We surveyed 120 health workers in a tertiary hospital in Pangasinan.")
    assert values(vals, "country") == {"PH"}
    assert values(vals, "region") == {"Pangasinan"}
    # a district that shares a city's name does not override the state a text names
    us = run(extractor, "We surveyed 80 residents at the University of Alabama at Birmingham.")
    assert values(us, "country") == {"US"}


def test_traits_measured_beside_burnout_and_counted_managers_are_not_factors(
    extractor: Extractor,
) -> None:
    co_outcome = run(extractor, "We compared levels of burnout and resilience between the waves.")
    assert "coping_resilience" not in {f for f, _ in factors(co_outcome)}
    linked = run(extractor, "Higher resilience was associated with lower burnout.")
    assert ("coping_resilience", "protective") in factors(linked)
    counted = run(
        extractor,
        "The study involved 59 nursing managers, and burnout was associated with workload.",
    )
    assert "management_support" not in {f for f, _ in factors(counted)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Depression, anxiety and burnout were reported in 45.9%, 48.2% and 47.9% of nurses.",
            {"depression:45.9", "anxiety:48.2", "burnout:47.9"},
        ),
        (
            "Burnout was high (emotional exhaustion - 21%, depersonalization - 23%, and "
            "personal accomplishment - 22%).",
            {"emotional_exhaustion:21", "depersonalization:23"},
        ),
        (
            "Of 336 respondents, 87 (25.89%) had a high level of emotional exhaustion, 61 "
            "(18.15%) had a high level of depersonalization.",
            {"emotional_exhaustion:25.89", "depersonalization:18.15"},
        ),
        (
            "The prevalence of burnout was 68% (emotional exhaustion 63%, depersonalisation 39%).",
            {"burnout:68", "emotional_exhaustion:63", "depersonalization:39"},
        ),
        ("60.8% experienced work-related burnout.", {"work_related_burnout:60.8"}),
        ("Frontline work independently explained 38% of burnout variance.", set()),
        ("Overall, 13% reported no job burnout.", set()),
        (
            "Anxiety and burnout were reported in 60.0% [95%CI, 56.6-63.3%] and 45.1% "
            "[41.7-48.5%] of respondents, respectively.",
            {"anxiety:60", "burnout:45.1"},
        ),
        (
            "Of 111 nurses, 35 (31.5%), nine (8.1%) and 49 (44.1%) experienced depression, "
            "anxiety and burnout.",
            {"depression:31.5", "anxiety:8.1", "burnout:44.1"},
        ),
        ("Overall, 41% responded that they were experiencing job burnout.", {"burnout:41"}),
        # a list pairing each figure with the word next to it: a figure beside a construct the
        # lexicon lacks is that construct's, not the nearest outcome's
        (
            "Across all specialties rates were 6.2% depression, 19.6% burnout, and 6.6% "
            "suicidal ideation.",
            {"depression:6.2", "burnout:19.6"},
        ),
        (
            "The pooled prevalence of stress was 36.4% (95%CI: 23.2-49.7), fear 71.3% "
            "(95%CI: 54.6-88.0) and burnout 68.3% (95%CI: 54.0-82.5).",
            {"stress:36.4", "burnout:68.3"},
        ),
        (
            "Many scored over the clinical levels of depression (57.9%), post-traumatic "
            "symptoms (55%), and burnout (25.61%).",
            {"depression:57.9", "burnout:25.61"},
        ),
        (
            "Burnout affected 12% of staff (52% doctors, 19% nurses, 19% administrative "
            "personnel).",
            {"burnout:12"},
        ),
        (
            "Common diagnoses were paracetamol OD 20.1%, depressive disorder 21%, eating "
            "disorder 6.1% and burnout syndrome 15.6%.",
            {"depression:21", "burnout:15.6"},
        ),
        # no list of that kind: each figure keeps the sentence's outcome
        ("Burnout was found in 30% of nurses and 20% of physicians.", {"burnout:30", "burnout:20"}),
        ("Burnout rates were 30% in 2019 and 45% in 2020.", {"burnout:30", "burnout:45"}),
        ("Burnout (30%) was more common than 20% reported before.", {"burnout:30", "burnout:20"}),
    ],
)
def test_each_prevalence_figure_goes_to_its_own_construct(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    assert values(run(extractor, sentence), "prevalence") == expected


def test_figures_other_surveys_have_shown_are_background(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "National burnout surveys over the last 3 years have shown that 40% of physicians "
        "report burnout.",
        "In our survey, burnout was reported by 31% of 200 physicians.",
    )
    prevalence = {v.value: v.detail["background"] for v in vals if v.field == "prevalence"}
    assert prevalence == {"burnout:40": True, "burnout:31": False}


def test_settings_of_other_studies_and_of_advice_are_not_the_studys(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Background: SARS revealed a high burden among professionals in hospitals.",
        "We surveyed 300 general practitioners working in primary care.",
        "Managers should provide timely access to mental health services.",
    )
    assert values(vals, "care_setting") == {"primary_care"}


def test_policymakers_the_findings_may_inform_are_not_studied(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We surveyed 210 nurses in two hospitals.",
        "Findings can be used by policymakers and hospital leaders to plan support.",
    )
    assert values(vals, "population") == {"nurses"}
    studied = run(extractor, "We interviewed 14 policymakers and 20 nurses.")
    assert values(studied, "population") == {"nurses", "policy_informants"}


def test_gated_patterns_find_what_their_regexes_find(shared_dir: Path) -> None:
    """A ``_Gated`` regex skips sentences without its key words; on real abstracts (and
    sentences with apostrophes and capitals) it must find exactly what the bare regex finds,
    and ``find_numbers`` with the word set exactly what it finds without."""
    from types import SimpleNamespace

    from evidence.extract import consume
    from evidence.sources import read_path

    path = shared_dir / "corpus" / "abstracts" / "covid19_mhsr" / "20200519_163158_newrefs.csv"
    docs = [d for d in read_path(path).documents if d.abstract.strip()][:400]
    texts = [p.text for d in docs for p in split_passages(d)]
    texts += [
        "Nurses SHOULD'VE been SUPPORTED; the team's leaders must act.",
        "Studies in Jordan's hospitals have consistently shown burnout in twenty-one units.",
        "We describe the case of a 45-year-old nurse; care will be delivered.",
    ]
    gated = [g for g in vars(consume).values() if isinstance(g, consume._Gated)]
    assert len(gated) >= 8
    opened = 0
    for text in texts:
        _tokens, words = consume.passage_words(text)
        sent = SimpleNamespace(words=words, passage=SimpleNamespace(text=text))
        for g in gated:
            bare = [m.span() for m in g.rx.finditer(text)]
            assert [m.span() for m in g.finditer(sent)] == bare, (g.rx.pattern[:40], text)
            assert (g.search(sent) is None) == (not bare)
            opened += bool(bare)
        assert find_numbers(text, words) == find_numbers(text)
    assert opened > 100  # the corpus exercises the patterns, not only their gates


def test_ranges_effect_sizes_and_low_levels_are_no_prevalence(extractor: Extractor) -> None:
    review = run(extractor, "Prevalence varied widely: 7.0-97.3% anxiety and 21.8-46.3% burnout.")
    assert values(review, "prevalence") == set()
    odds = run(
        extractor,
        "Spiritual growth was associated with 52% and 44% lower odds of screening positive for "
        "PTSD symptoms and burnout, respectively.",
    )
    assert values(odds, "prevalence") == set()
    levels = run(extractor, "Burnout was moderate in 73.3% and low in 26.7% of cases.")
    assert values(levels, "prevalence") == {"burnout:73.3"}
    waves = run(extractor, "Burnout rose from 2020 to 2021 (burnout, 28.6% vs. 40.6%, p < 0.001).")
    assert values(waves, "prevalence") == {"burnout:28.6", "burnout:40.6"}
    # relative differences and changes are no share of people
    for text in (
        "Nurses had a 20% higher prevalence of burnout than physicians.",
        "Residents with high resilience had a 37% lower prevalence of burnout.",
        "The intervention led to a 37% reduction in burnout.",
    ):
        assert values(run(extractor, text), "prevalence") == set(), text


def test_a_figure_whose_own_clause_names_something_else(extractor: Extractor) -> None:
    vals = run(extractor, "The prevalence of burnout was 30% and 45% had high resilience.")
    assert values(vals, "prevalence") == {"burnout:30"}
    both = run(extractor, "Burnout was reported by 40% of nurses, and 25% had severe burnout.")
    assert values(both, "prevalence") == {"burnout:40", "burnout:25"}
    cf = run(
        extractor,
        "23% of participants reported high CF risk while 77% expressed high to moderate "
        "potential for CS.",
    )
    assert "compassion_fatigue:77" not in values(cf, "prevalence")


def test_figures_in_an_outcomes_own_parenthesis_and_turnover_intentions(
    extractor: Extractor,
) -> None:
    pairs = run(
        extractor,
        "Point prevalence of depression-like symptoms (13.6% and 12.8%) and burnout (21.6% and "
        "17.4%) in the department's staff was found.",
    )
    assert values(pairs, "prevalence") == {
        "depression:13.6",
        "depression:12.8",
        "burnout:21.6",
        "burnout:17.4",
    }
    leaving = run(extractor, "In addition, 21% of nurses were considering quitting the profession.")
    assert values(leaving, "prevalence") == {"turnover:21"}


def test_one_site_despite_hospitals_in_conclusions(extractor: Extractor) -> None:
    concluded = run(
        extractor,
        "OBJECTIVE: This study explored the experience of perioperative staff from a large "
        "trauma hospital in Melbourne, Australia.",
        "CONCLUSIONS: While frontline staff and hospitals have rapidly marshalled a response, "
        "support is needed.",
    )
    assert values(concluded, "n_sites") == {"1"}
    others = run(
        extractor,
        "Focus groups were held with clinicians at our hospital.",
        "The session template can be adopted by other departments and hospitals.",
    )
    assert values(others, "n_sites") == {"1"}
    long_name = run(
        extractor,
        "The project ran across the departments of a busy London District General Hospital.",
    )
    assert values(long_name, "n_sites") == {"1"}
    several = run(extractor, "Nurses from three hospitals in Melbourne took part in interviews.")
    assert values(several, "n_sites") == {"3"}


def test_a_care_setting_inside_an_instrument_name(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Nurses completed the Primary Care PTSD Screen (PC-PTSD) and the Maslach Burnout "
        "Inventory.",
    )
    assert values(vals, "care_setting") == set()
    assert values(vals, "instrument") == {"mbi"}
    clinic = run(extractor, "We surveyed 120 nurses working in primary care in Ontario.")
    assert values(clinic, "care_setting") == {"primary_care"}


def test_counted_things_are_no_sample(extractor: Extractor) -> None:
    swabs = run(extractor, "A total of 244 samples were collected from isolation wards.")
    assert values(swabs, "n_participants") == set()
    nurses = run(extractor, "A total of 120 nurses were surveyed.")
    assert values(nurses, "n_participants") == {"120"}


def test_bibliometric_modelling_and_chatbot_papers_are_other(extractor: Extractor) -> None:
    biblio = run(
        extractor,
        "Burnout research in nursing: a bibliometric analysis of global publications.",
        "We retrieved 1,204 records from the Web of Science and mapped authors and keywords.",
    )
    assert values(biblio, "design") == {"other"}
    bot = run(
        extractor, "Using a chatbot to address psychological distress among first responders."
    )
    assert values(bot, "design") == {"other"}
    for text in (
        "We performed a sentiment analysis of Weibo posts by nurses during the outbreak.",
        "Mathematical modelling of COVID-19 transmission and mitigation strategies.",
        "We describe the implementation of a staff support hub at our hospital.",
    ):
        assert values(run(extractor, text), "design") == {"other"}, text


def test_a_support_that_was_disrupted_is_a_risk(extractor: Extractor) -> None:
    hit = run(
        extractor,
        "Burnout was high; most residents stated that training programmes were negatively "
        "affected.",
    )
    assert ("risk_factor", "professional_development") in {(v.field, v.value) for v in hit}
    effect = run(extractor, "Social support was negatively associated with burnout.")
    assert values(effect, "protective_factor") == {"social_support"}


def test_factors_need_a_text_about_providers_burnout(extractor: Extractor) -> None:
    public = run(
        extractor,
        "Social isolation and financial strain were associated with depression in older "
        "adults living alone.",
        title="Loneliness among older adults during lockdown",
    )
    assert factors(public) == set()
    staff = run(
        extractor,
        "Social isolation was associated with depression in nurses.",
        title="Depression among nurses during lockdown",
    )
    assert ("isolation", "risk") in factors(staff)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a structured abstract's heading says whom the number counts
        ("PARTICIPANTS: A subset of 958 essential, facility-based LTC workers.", "958"),
        # people the lexicon has no word for, after "sample of", "interviews with", "a total of"
        ("We studied mental health in a German sample of 210 parents of sick children.", "210"),
        ("Semi-structured interviews with 24 care leavers were held.", "24"),
        ("A total of 2217 adult patients who were hospitalized with COVID-19.", "2217"),
        # thousands grouped by a space after "n ="
        ("We surveyed residents aged over 65 years (n=15 022) in 11 sites.", "15022"),
    ],
)  # fmt: skip
def test_sample_named_without_a_people_word(extractor: Extractor, text: str, expected: str) -> None:
    assert values(run(extractor, text), "n_participants") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # durations, countries and vague quantities count no one
        ("Therapy is given in weekly 60 minute sessions by clinical psychologists.", set()),
        ("A survey in five Pacific countries shows that many people coped well.", set()),
        ("Several thousand healthcare workers have already been infected.", set()),
        # the denominator of a rate
        ("Monthly rates of police reports per 100 000 persons were compared.", set()),
        # approximate counts and things counted are no sample
        ("Data include feedback from more than 40 clinicians and 60 families.", set()),
        ("Small shelters (fewer than 50 residents) should be prioritized.", set()),
        ("Eighteen feelings and six behavioral acts were assessed.", set()),
        ("A total of 129 compounds of the decoction were identified.", set()),
        ("A total of 720 images were collected using a CCD detector.", set()),
        ("The alternative alignments included three instances where gene families differed.",
         set()),
        ("A total of 25 patients (47%) were discharged, and 7 patients (13%) died.", set()),
        # a share of the participants is not the sample
        ("We surveyed 652 nurses. The majority of the participants (n = 400) were female.",
         {"652"}),
        ("We surveyed 6,000 adults. Among cohabitants (N=3,949, 65.8%), sexual activity fell.",
         {"6000"}),
    ],
)  # fmt: skip
def test_numbers_that_count_no_sample(extractor: Extractor, text: str, expected: set[str]) -> None:
    assert values(run(extractor, text), "n_participants") == expected


def test_moral_distress_that_goes_with_ill_health_is_an_ethical_conflict(
    extractor: Extractor,
) -> None:
    linked = run(extractor, "Moral distress was associated with longer-term mental health.")
    assert ("ethical_dilemmas", "risk") in factors(linked)
    abbreviated = run(
        extractor,
        "MI symptoms are strongly correlated with higher clinician burnout.",
        title="Moral injury in health professionals",
    )
    assert ("ethical_dilemmas", "risk") in factors(abbreviated)
    denied = run(extractor, "Moral distress was not associated with burnout among nurses.")
    assert factors(denied) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The severity of mental symptoms among health workers was influenced by age and gender.",
        "Females scored higher than males for all questionnaires.",
        "Gender, length of service and educational background were influencing factors of anxiety.",
        "Burnout was negatively associated with age.",
    ],
)
def test_demographic_predictors_named_without_a_direction_are_risks(
    extractor: Extractor, sentence: str
) -> None:
    vals = run(extractor, sentence, title=ON_TOPIC)
    assert ("demographics_experience", "risk") in factors(vals)
    assert values(vals, "consequence") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Occupational stress was significantly associated with burnout.",
         {"occupational stress"}),
        ("This study is the first to examine the impact of the pandemic on burnout.", set()),
        ("Logistic regression analyses were conducted to identify factors associated with "
         "burnout.", set()),
        ("ICU professionals are at risk of developing burnout.", set()),
        ("COVID-19 has further accentuated the gendered effects of burnout.", set()),
        # an outcome, then the list it is linked to
        ("Moral injury was also related to nurse role and COVID-19 diagnosis.",
         {"nurse role", "covid-19 diagnosis"}),
        ("Clinicians reported distress due to uncertainty and powerlessness.",
         {"uncertainty", "powerlessness"}),
        # the list, then the outcome it is linked to (a lead-in and a verb's clause cut off)
        ("In multivariable analysis, history of a mental illness and personal/career worries "
         "were associated with increased likelihood of psychiatric symptoms.",
         {"history of a mental illness", "personal/career worries"}),
        ("Burnout and psychological distress were consistently related to occupational role "
         "and were highest in nurses.", {"occupational role"}),
        # a list named as stressors, its items parted by semicolons
        ("Pandemic stressors included intensified patient triage; changeable selection "
         "criteria; and limited clinical knowledge.",
         {"intensified patient triage", "changeable selection criteria",
          "limited clinical knowledge"}),
        # groups with more of the outcome (a profession alone is who, not why)
        ("Burnout was significantly higher among residents working in the emergency department.",
         {"residents working in the emergency department"}),
        ("Burnout was significantly higher among nurses than physicians.", set()),
        # what people put their outcome down to
        ("Providers attributed their stress, anxiety or depression to feeling overwhelmed, "
         "being unable to focus and worrying about the unknown.",
         {"feeling overwhelmed", "being unable to focus", "worrying about the unknown"}),
        # the pandemic itself is the setting of the literature, not a factor
        ("Burnout was associated with the COVID-19 pandemic and rota gaps.", {"rota gaps"}),
    ],
)  # fmt: skip
def test_candidates_are_phrases_that_drive_burnout_not_report_words(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    vals = run(extractor, sentence, title=ON_TOPIC)
    assert values(vals, "factor_candidate") == expected


def test_listed_drivers_no_taxonomy_names_become_candidates(extractor: Extractor) -> None:
    listed = run(
        extractor,
        "Factors associated with burnout included younger age, working in the emergency "
        "department and uncertainty.",
        title=ON_TOPIC,
    )
    assert values(listed, "factor_candidate") == {
        "working in the emergency department",
        "uncertainty",
    }
    assert ("demographics_experience", "risk") in factors(listed)  # a taxonomy form
    lower = run(
        extractor,
        "Feeling well supported was associated with significantly fewer adverse mental health "
        "outcomes.",
        title=ON_TOPIC,
    )
    (cand,) = [v for v in lower if v.field == "factor_candidate"]
    assert (cand.value, cand.detail["direction"]) == ("feeling well supported", "protective")
    # a passive verb after "factors ... were", an aim, and a list about no one's wellbeing
    for text in (
        "Factors associated with psychological symptoms were identified by univariate tests.",
        "To explore whether hope and trust were associated with lower levels of distress.",
        "Factors associated with mucormycosis include diabetes mellitus and steroid overdose.",
    ):
        assert values(run(extractor, text, title=ON_TOPIC), "factor_candidate") == set()


def test_linked_candidates_take_the_direction_and_skip_prose(extractor: Extractor) -> None:
    lower = run(
        extractor,
        "Prayer and pet ownership were associated with lower odds of severe burnout.",
        title=ON_TOPIC,
    )
    assert {(v.value, v.detail["direction"]) for v in lower if v.field == "factor_candidate"} == {
        ("prayer", "protective"),
        ("pet ownership", "protective"),
    }
    # an aim, a clause before the link, what was recorded, a title's subtitle
    for text in (
        "We aimed to explore whether hope and trust were associated with lower distress.",
        "These behaviours can be a form of escape or a misguided attempt at excitement, but "
        "they often lead to additional stress.",
        "Burnout was associated with demographic information and workplace characteristics.",
        # what burnout leads to; the study's own methods
        "Burnout was linked to sickness absence, cancelled appointments and turnover intention.",
        "We included studies that evaluated or described an intervention to prevent burnout.",
    ):
        assert values(run(extractor, text, title=ON_TOPIC), "factor_candidate") == set(), text
    titled = run(extractor, "A survey.", title="Coping strategies: prayer, humour and hobbies")
    assert values(titled, "factor_candidate") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Participants included 120 nurses, 80 physicians and 40 pharmacists.", {"240"}),
        ("We surveyed 120 nurses, 80 physicians, and 40 pharmacists in three hospitals.",
         {"240"}),
        ("In total, 345 nurses and 123 doctors responded.", {"468"}),
        # subgroups of a stated count, and a smaller count that took part, stay as they were
        ("22 participants including 17 residents and 5 faculty completed the survey.", {"22"}),
        ("886 participants were provided the survey, with 796 completing it.", {"796"}),
        ("To date, 80 forms have been given to carers and 67 completed questionnaires have "
         "been received.", {"67"}),
    ],
)  # fmt: skip
def test_groups_listed_as_the_sample_add_up(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert values(run(extractor, text), "n_participants") == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("We conducted 20 face-to-face interviews with nurses.", "n_interviews", {"20"}),
        ("We conducted 20 one-to-one interviews with nurses.", "n_interviews", {"20"}),
        ("Data were collected through 32 in-depth interviews and four focus groups.",
         "n_interviews", {"32"}),
        ("One-to-one interviews were held. Thirty-eight interviews were undertaken with staff.",
         "n_interviews", {"38"}),
        ("Data were collected from 120 up-to-date registered nurses.", "n_participants",
         {"120"}),
    ],
)  # fmt: skip
def test_words_inside_hyphenated_modifiers_neither_count_nor_stop_a_count(
    extractor: Extractor, text: str, field: str, expected: set[str]
) -> None:
    assert values(run(extractor, text), field) == expected


def test_labels_glued_to_the_next_word_are_split_off() -> None:
    text = (
        "BackgroundThe pandemic strained staff. ResultsTwenty-two staff members completed the "
        "questionnaire. We used MethodsX and the Results section."
    )
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Background",
        "The pandemic strained staff.",
        "Results",
        "Twenty-two staff members completed the questionnaire.",
        "We used MethodsX and the Results section.",
    ]


def test_a_glued_label_still_labels_what_follows(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "BackgroundIn 2020, 32 million people were infected. ResultsTwenty-two staff members "
        "completed the questionnaire.",
    )
    assert values(vals, "n_participants") == {"22"}


def test_support_called_for_staff_is_kept_in_a_text_that_names_their_mental_health(
    extractor: Extractor,
) -> None:
    # no burnout-family outcome and no profession the lexicon names, but the staff's anxiety
    # and the support called for them (GUIDELINES batch 9: commentaries asking to protect staff)
    vals = run(
        extractor,
        "The anxiety and depression of surgical staff during the outbreak were significantly "
        "higher, so psychological interventions are essential.",
        title="Psychological status of theatre staff during the outbreak",
    )
    assert ("wellbeing_programs", "protective") in factors(vals)
    # the same call about patients in a text about patients gives nothing
    patients = run(
        extractor,
        "The anxiety of patients with tumours was significantly higher, so psychological "
        "interventions are essential in the clinics.",
        title="Psychological impact of the pandemic on patients with tumours",
    )
    assert factors(patients) == set()


def test_a_text_with_no_outcome_gives_only_factors_with_a_stated_direction(
    extractor: Extractor,
) -> None:
    # a workforce report: providers, but no burnout or health outcome anywhere
    text = (
        "Interviews with 14 hub directors showed that nurses faced collaboration challenges "
        "and increased workloads when telehealth was expanded.",
    )
    vals = run(extractor, *text, title="Implementation of a telehealth programme for nurses")
    assert ("workload", "risk") in factors(vals)  # "increased": the text says which way
    assert ("team_collaboration", "protective") not in factors(vals)  # only its usual way
    assert ("telehealth_technology", "protective") not in factors(vals)


@pytest.mark.parametrize(
    "text",
    [
        "Burnout was high; there is a need for a mental health strategy that targets this "
        "population of nurses.",
        "A descriptive cross-sectional study with a non-probabilistic sample by quotas of 126 "
        "nurses measured burnout.",
        "Primary Funding Source Institute for Healthcare Policy and Innovation.",
        "Population Studied Interviewees included psychologists, nurses and peer support "
        "specialists.",
        # knowing, not being recognised; a domain of post-traumatic growth
        "Burnout was classified with pattern recognition and machine learning.",
        "Lack of recognition that COVID-19 was real increased nurses' burnout.",
        "Nurses with burnout also reported increased appreciation of life.",
    ],
)
def test_factor_words_used_as_verbs_sampling_labels_or_funders_are_not_factors(
    extractor: Extractor, text: str
) -> None:
    assert factors(run(extractor, text, title=ON_TOPIC)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The female sex is associated with the 3 conditions studied.",
        "A higher risk was found in young health workers (OR = 0.975; P<.001) and women "
        "(OR = 0.847; P<.001).",
        # predictors of scale scores, listed without a direction (GUIDELINES batch 6/7)
        "Gender, length of service and educational background were the influencing factors for "
        "the ISI score.",
    ],
)
def test_a_group_associated_with_the_conditions_studied_is_a_risk(
    extractor: Extractor, text: str
) -> None:
    assert ("demographics_experience", "risk") in factors(run(extractor, text, title=ON_TOPIC))


def test_nursing_assistants_are_nurses(extractor: Extractor) -> None:
    vals = run(extractor, "We surveyed 216 certified nursing assistants (CNAs) about stress.")
    assert "nurses" in values(vals, "population")


def test_a_topical_factor_needs_an_outcome_in_its_sentence(extractor: Extractor) -> None:
    # telehealth as what a text is about, with no outcome in the sentence, is no driver
    topic = run(
        extractor,
        "Telemedicine holds promise as it rationalises human resources and reduces patient "
        "contact.",
        title=ON_TOPIC,
    )
    assert ("telehealth_technology", "protective") not in factors(topic)
    # where the sentence names the outcome, the factor's usual direction stands
    linked = run(
        extractor,
        "Telehealth was associated with lower burnout among nurses.",
        title=ON_TOPIC,
    )
    assert ("telehealth_technology", "protective") in factors(linked)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a report of an initiative, not a discussion piece (GUIDELINES batch 7)
        (
            ("This article describes a peer support project developed by mental health "
             "professionals for frontline staff in Wuhan.",),
            "other",
        ),
        # the record's copyright line names a publisher ("Editorial"), not a design
        (
            ("We surveyed 210 resident physicians in 2020 about their mental health.",
             "© 2022, Editorial Ciencias Medicas."),
            "cross_sectional",
        ),
        # a text that states its own results with no design named is a one-off survey
        (
            ("The results showed that the anxiety and depression of surgical staff during the "
             "outbreak were significantly higher.",),
            "cross_sectional",
        ),
        # an indexer's keyword list ("clinical protocol") weighs little against a scale used
        (
            ("We measured burnout with the Maslach Burnout Inventory in 147 health workers.",
             "Burnout; healthcare workers; Article; attention; clinical protocol; human"),
            "cross_sectional",
        ),
        # "systematic review of the literature" is systematic, not a review of the literature
        (("We conducted a critical synthesis from a systematic review of the literature.",),
         "systematic_review"),
        (("This randomized control trial tested an online mindfulness programme.",), "rct"),
        # an initiative reported with no study is `other`; a piece arguing for one stays discussion
        (("We describe how our clinic developed a tele-health service for children.",), "other"),
        (("Health systems should consider telehealth in the years ahead.",), "discussion"),
        # a service evaluation is quality improvement (GUIDELINES: design)
        (("A service evaluation of general paediatric caseload was carried out in 2021.",),
         "quality_improvement"),
        # forecasting models are modelling studies
        (("We used long short-term memory (LSTM) and curve fitting to predict cases.",), "other"),
        # a trial registry's record is a protocol, unless it reports a sample that took part
        (
            ("Condition:\nIntrusive memories\nIntervention:\nSimple cognitive task",
             "Primary outcome:\nNumber of intrusive memories\nInclusion Criteria:\n- Aged 18-65",
             "Exclusion Criteria:\n- Have participated in a similar study"),
            "other",
        ),
        (
            ("Condition:\nBurnout\nIntervention:\nA group of 205 anesthesiology residents "
             "completed an online survey.",
             "Primary outcome:\nBurnout prevalence\nInclusion criteria:\nResidents"),
            "cross_sectional",
        ),
        # case reports, however they say so (publication types withheld: the text alone)
        (("The authors report a case of systemic air embolism after a needle biopsy.",), "other"),
        (("A case is described after puncture of a tumour in the right lung.",), "other"),
        (("We present two cases of severe pneumonia managed at home.",), "other"),
        (("A bronchoscopy was performed on a 70-yr-old man with a carcinoma.",), "other"),
        # "we discuss" in a case report does not make it an essay
        (("In this case report, we describe a patient who suffered a gas embolism.",
          "We discuss appropriate screening to prevent such events."), "other"),
        # no cue at all, but the course of one patient's illness
        (("Cerebral air embolism is a rare complication of lung puncture.",
          "The patient developed paralysis of the upper and lower extremities."), "other"),
        # advice on what to do with a patient tells no course
        (("Immediate management includes placing the patient on high-flow oxygen.",),
         "discussion"),
        # a structured abstract that reports results is a study of its own, not an essay
        (("OBJECTIVE: To characterise heterotopic gastric mucosa in the duodenum.",
          "RESULTS: 45 cases of heterotopic mucosa were found in the bulb.",
          "CONCLUSIONS: It is not neoplastic."), "cross_sectional"),
    ],
)  # fmt: skip
def test_designs_of_reports_records_and_unnamed_surveys(
    extractor: Extractor, texts: tuple[str, ...], expected: str
) -> None:
    assert values(run(extractor, *texts), "design") == {expected}


def test_work_related_is_no_finding_in_a_list_of_what_was_measured(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Symptoms of post-traumatic stress, depression, burnout, levels of resilience, along with "
        "demographic and work-related variables in 443 workers were assessed.",
        title=ON_TOPIC,
    )
    assert ("coping_resilience", "protective") not in factors(vals)


@pytest.mark.parametrize(
    "text",
    [
        "The exclusion criterion was a history of psychiatric diseases and burnout treatment.",
        "The variables used in this study include gender, marital status, smoking, chronic "
        "diseases and specific jobs in the hospital, and burnout.",
    ],
)
def test_eligibility_and_variable_lists_name_no_factor(extractor: Extractor, text: str) -> None:
    assert ("personal_factors", "risk") not in factors(run(extractor, text, title=ON_TOPIC))


@pytest.mark.parametrize(
    "text",
    [
        "Having a history of depressive disorder was a risk factor for burnout among nurses.",
        "Nurses with pre-existing psychiatric conditions reported more burnout.",
    ],
)
def test_a_history_of_mental_illness_is_a_personal_risk(extractor: Extractor, text: str) -> None:
    assert ("personal_factors", "risk") in factors(run(extractor, text, title=ON_TOPIC))


def test_flexible_work_schedules_and_a_burden_on_a_group(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Respondents identified recognition and flexible work schedules as strategies to "
        "increase well-being.",
        title=ON_TOPIC,
    )
    assert ("flexible_scheduling", "protective") in factors(vals)
    group = run(
        extractor, "The noted burden fell particularly heavily on young women.", title=ON_TOPIC
    )
    assert ("demographics_experience", "risk") in factors(group)


def test_a_comparison_states_one_finding_with_one_direction(extractor: Extractor) -> None:
    both = run(
        extractor,
        "Nurses with high resilience had lower burnout than nurses with low resilience.",
        title=ON_TOPIC,
    )
    assert factors(both) == {("coping_resilience", "protective")}
    phrase = run(extractor, "Lack of support from managers was associated with burnout.")
    assert factors(phrase) == {("management_support", "risk")}


def test_managers_studied_are_no_management_support(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "This study relates burnout with body mass index among middle and senior managers.",
        title="Burnout and body mass index in senior and middle managers",
    )
    assert "management_support" not in {f for f, _d in factors(vals)}
    support = run(extractor, "Support from managers was associated with less burnout.")
    assert ("management_support", "protective") in factors(support)


@pytest.mark.parametrize(
    "text",
    [
        "Nurses have always played an important role in infection prevention, infection control, "
        "isolation, containment, and public health, and burnout is common.",
        "The pandemic requires social distancing, quarantine and isolation, which may precipitate "
        "burnout.",
    ],
)
def test_isolation_as_a_public_health_measure_is_not_the_staffs(
    extractor: Extractor, text: str
) -> None:
    assert ("isolation", "risk") not in factors(run(extractor, text, title=ON_TOPIC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trials count the randomised (GUIDELINES), whatever the people are called
        ("Forty-two patients undergoing SILC were randomized to receive TAP block or not.", "42"),
        ("Seventy women in reproductive age were randomly assigned to two groups.", "70"),
        ("Forty-five eligible subjects (four male and 41 female) were randomized.", "45"),
        ("Thirty-six dyslipidemic patients, 21 females, mean age 63 years, were randomized.",
         "36"),
        ("In this multicentre study the trial randomized 146 children.", "146"),
        # not who was offered a place or screened
        ("A total of 4,548 individuals were offered participation, and 497 were randomised "
         "(251 intervention and 246 control).", "497"),
        ("Out of 81 screened subjects, 36 patients fulfilled eligibility criteria, entered the "
         "study and were randomized to elobixibat or placebo.", "36"),
        # the study's own verb, then people the lexicon has no word for
        ("A double-blind, randomized study was performed in 90 children, mean age 10 months.",
         "90"),
        ("In this trial we obtained informed consents from 146 women.", "146"),
        ("Of 450 who responded, 53% were nurses.", "450"),
        # the arms make up the randomised, whoever the people are and whatever the ratio
        ("Women were randomly assigned in a 1:1 ratio to topiramate (n = 28) or placebo "
         "(n = 28).", "56"),
        ("Nurses were randomized 1:1 to a mindfulness programme (n = 45) or a waiting list "
         "(n = 43).", "88"),
        # the randomised, not those who completed the trial
        ("Among 114 randomized participants (mean age, 55.9 years; 67% female), 89 completed "
         "the trial.", "114"),
        ("A total of 114 nurses were randomized, and 89 completed the trial.", "114"),
        ("All 147 randomized patients were treated.", "147"),
        ("Data were analysed with SPSS version 25 and 40 nurses were interviewed.", "40"),
        # a survey's sample is who responded, however the answer is worded
        ("A total of 265 members were surveyed, with 50 members providing a response "
         "(response rate = 19%).", "50"),
        # the later count that took part of a larger one, as the annotators code it
        # (living_r258, living_r379): those whose answers the study analysed
        ("Of 498 nurses who completed the survey, 285 answered the open-ended questions.",
         "285"),
        ("Of the 1,200 nurses invited, 498 completed the survey.", "498"),
        # people named with a hyphenated modifier, or by a nation's plural
        ("Method: we conducted a prospective study of 96 post-covid patients with "
         "mucormycosis.", "96"),
        ("A cross-sectional study was conducted with a non-random sample of 35 "
         "mother-preschooler dyads.", "35"),
        ("This mixed-method online survey was performed in 246 Iranians aged 15-65 years.",
         "246"),
        # the people's ages between them and the verb
        ("In this multicenter prospective study, 223 patients (63% females, 66% PAH) with "
         "age range 18-90 years were included.", "223"),
        ("Twenty nurses aged 25 to 40 years participated.", "20"),
        # a survey's n in parentheses, however far its words run
        ("We examined nationally representative survey data with an embedded vignette "
         "experiment about roommate selection (collected in August 2020; n = 5,000).", "5000"),
        # a sentence that opens on the people it describes names them
        ("RESULTS: Of the 30 patients, 1 was a man and 29 were women.", "30"),
        ("Among 1512 women, 1.9% had a stillbirth.", "1512"),
        # a year after a season is no count out of a larger one
        ("Using an online survey in Spring 2020 of 3,708 individuals residing in the UK, we "
         "test the effect of priming.", "3708"),
    ],
)  # fmt: skip
def test_randomised_sample(extractor: Extractor, text: str, expected: str) -> None:
    assert values(run(extractor, text), "n_participants") == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # one arm, clusters, animals, a threshold, a date and a unit of measure are no sample
        "18 patients were randomized to the intervention group and 18 to the control group.",
        "The 12 wards were randomized to intervention or control.",
        "Ten SPF cats were randomly assigned to two experimental groups.",
        "Children with total scores >40 were randomly assigned to placebo or fluoxetine.",
        "Adults with hearing thresholds below 25 dB took part in the study.",
        # a size per group; events among the randomised; one of three randomised doses
        "Patients were randomly assigned to one of three groups (n = 8/group).",
        "Five randomized patients experienced serious adverse events.",
        # a software release
        "The data was processed with Epi Info version 6.0 and analyzed by the chi-square test.",
        "Saline was injected in one of three randomized concentrations.",
        # records split into themes are no people
        "The selected abstracts are divided into themes (n = 20) and subthemes (n = 12).",
    ],
)
def test_randomised_things_that_are_no_sample(extractor: Extractor, text: str) -> None:
    assert values(run(extractor, text), "n_participants") == set()


@pytest.mark.parametrize(
    "text",
    [
        # things, not people, and a subgroup singled out by its clause
        "Of 77 community areas in Chicago, 28 were majority Black.",
        "Results: Of 368 biopsies, 26 were adenocarcinomas.",
        "Of the 16 patients who discontinued opioids, one stopped because of addiction.",
        # a hyphenated modifier of things
        "Analysis of 51 free-texts revealed witnessing suffering.",
        "The second theme included two sub-themes: the impact on mental health.",
        "We randomly sampled 97 control-matched collisions at intersections.",
    ],
)
def test_a_sentence_opening_on_things_or_a_subgroup_names_no_sample(
    extractor: Extractor, text: str
) -> None:
    assert values(run(extractor, text), "n_participants") == set()


@pytest.mark.parametrize(
    "text",
    [
        "This was a randomized, double-blind, placebo-controlled, 12 week clinical study.",
        "A double-blind, randomized study was performed in 90 children.",
        "Dogs were randomly divided to two groups of ten.",
        "With per-protocol analysis, the total scores decreased 29% in the soy group.",
        "Of the 91 GPs, 45 were randomised into a group that gave the intervention.",
    ],
)
def test_trial_wording_names_a_randomised_trial(extractor: Extractor, text: str) -> None:
    assert values(run(extractor, text), "design") == {"rct"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("We investigated multiple commonly used disinfection schemes on meltblown media and "
         "measured filtration efficiency after each.", "Can N95 Respirators Be Reused?"),
        ("We describe a simple workflow where samples are heat-processed before a commonly "
         "used RT-qPCR procedure with the usual reagents.", "An alternative workflow"),
        ("This paper presents a robotic system whose sensors identify the interlocutor.",
         "Human-Robot Interaction"),
        # computing and modelling
        ("In this study, a Vision Transformer pretrained on ImageNet-21k is applied to CT "
         "images, with data augmentation by a GAN.", "COVID-19 detection in CT scans"),
        ("Here, we explore how seasonal variation could modulate the pandemic; we parameterise "
         "our model and forecast its course.", "Seasonal forcing of a pandemic"),
        # molecules and materials
        ("Here, we employed small RNA sequencing to profile the miRNA repertoire of infected "
         "eggs.", "miRNA repertoire upon avian coronavirus infection"),
    ],
)  # fmt: skip
def test_bench_model_and_machine_work_is_other(extractor: Extractor, text: str, title: str) -> None:
    assert values(run(extractor, text, title=title), "design") == {"other"}


def test_writing_about_the_laboratory_is_no_bench_work(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Laboratory medicine plays a critical role in this pandemic. We discuss how "
        "laboratory assays should be organised.",
        title="The critical role of laboratory medicine",
    )
    assert values(vals, "design") != {"other"}


def test_periods_before_and_after_lockdown_are_no_intervention(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Psychiatric hospitalizations were evaluated, covering the periods before and after "
        "lockdown due to the COVID-19 pandemic.",
    )
    assert values(vals, "design") == {"cross_sectional"}


def test_places_of_an_outbreak_origin_or_an_organisations_seat(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "In December 2019, a cluster of pneumonia cases of unknown origin occurred in Wuhan, "
        "China. COVID-19 was named by the World Health Organization (Geneva, Switzerland). "
        "The pandemic may cause a substantial healthcare burden in Hungary.",
    )
    assert values(vals, "country") == {"HU"}
    dated = run(
        extractor,
        "On December 31, 2019, Chinese health officials reported a cluster of cases in Wuhan, "
        "China. As of February 4, 11 cases had been reported in the United States, where we "
        "describe the public health response.",
    )
    assert values(dated, "country") == {"US"}
    comma = run(
        extractor,
        "A cluster of pneumonia cases was found in Wuhan, China in late December, 2019. We "
        "review the research progress of the first five months.",
    )
    assert values(comma, "country") == set()
    # an organisation cited with its year names no place of the text's
    cited = run(
        extractor,
        "Lockdowns protect health systems (UK Home Office 2020). We discuss domestic violence "
        "during lockdowns.",
    )
    assert values(cited, "country") == set()
    # with no place of its own, the outbreak's place is still read in a study of people
    alone = run(
        extractor,
        "In December 2019, pneumonia cases occurred in Wuhan, China. The results showed that "
        "the anxiety of surgical staff was significantly higher.",
    )
    assert values(alone, "country") == {"CN"}
    # but a review, an essay or a guidance paper was done nowhere in particular
    guidance = run(
        extractor,
        "A new disease (COVID-19) caused by a coronavirus that appeared in China at the end of "
        "2019 is currently spreading globally. We here propose practical guidance for the "
        "in-hospital management of persons with haemophilia.",
    )
    assert values(guidance, "design") == {"discussion"}
    assert values(guidance, "country") == set()
    # a study of the place where it began keeps it, and the authors' own sentence is theirs
    wuhan = run(
        extractor,
        "One month after the December 2019 outbreak in Wuhan, China, we surveyed 285 "
        "residents in Wuhan. The initial cases occurred in Wuhan, Hubei Province, China, in "
        "December 2019.",
    )
    assert values(wuhan, "region") == {"Wuhan", "Hubei"}


def test_a_far_more_populous_countrys_city_takes_a_name(extractor: Extractor) -> None:
    vals = run(extractor, "We used records of patients in the Greater Manchester Care Record.")
    assert values(vals, "country") == {"GB"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was then applied to over 400 individuals who presented to the clinics.", set()),
        ("There were 494 respondents to the principal survey. A total of 226 respondents "
         "(46.1%) reported that their operative volume had dropped.", {"494"}),
    ],
)  # fmt: skip
def test_approximate_counts_and_shares_who_answered(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert values(run(extractor, text), "n_participants") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the two groups the text says the sample is made of add up
        ("Among a cross-sectional sample of SMYAs (n = 294; Mage = 22 years) and non-SMYAs "
         "(n = 874; Mage = 22 years), we compared distress.", "1168"),
        # two time points of one sample do not
        ("A longitudinal study was conducted among a sample of rehabilitation patients at two "
         "time points, before (N=1719) and after (n=738) rehabilitation.", "1719"),
    ],
)  # fmt: skip
def test_groups_a_sample_is_made_of(extractor: Extractor, text: str, expected: str) -> None:
    assert values(run(extractor, text), "n_participants") == {expected}


def test_schools_of_a_country_name_it(extractor: Extractor) -> None:
    vals = run(extractor, "The new curriculum came into force in 2020 in Hungarian schools.")
    assert values(vals, "country") == {"HU"}


# --- full-text papers ---------------------------------------------------------------------


def run_paper(extractor: Extractor, **sections: str | list[str]) -> list[ExtractedValue]:
    """A full paper: one block per section (title, abstract, introduction, methods, ...)."""
    blocks = []
    for section, texts in sections.items():
        for text in [texts] if isinstance(texts, str) else texts:
            blocks.append(Block(section=section, text=text))
    doc = Document(source_path="paper.pdf", format="pdf", blocks=blocks)
    doc.assemble()
    return extractor.extract(doc, split_passages(doc))


def test_a_papers_factors_are_its_findings_not_its_introduction(extractor: Extractor) -> None:
    vals = run_paper(
        extractor,
        title="Burnout among hospital nurses: a cross-sectional survey",
        abstract="We surveyed 400 nurses about burnout.",
        introduction="Heavy workload has been linked to burnout in nurses.",
        methods="Job insecurity was measured with a single item.",
        results="Lack of social support was associated with higher burnout.",
        discussion="Long working hours predicted burnout in a study of physicians [12].",
    )
    assert factors(vals) == {("social_support", "risk")}
    # an abstract alone keeps what its background sentences link to burnout
    abstract = run(
        extractor, "Heavy workload has been linked to burnout in nurses.", title=ON_TOPIC
    )
    assert ("workload", "risk") in factors(abstract)


def test_a_paper_on_patients_gives_no_burnout_factors(extractor: Extractor) -> None:
    # its results name the patients' doctors and nurses again and again; its title and
    # abstract, which say what it is about, name none
    vals = run_paper(
        extractor,
        title="Patient experiences of structured heart failure programmes",
        abstract="Fifteen patients took part in two focus groups about the programme.",
        methods="Focus groups were held in two hospitals.",
        results=[
            "The nurses were great and the group lessened feelings of isolation and anxiety.",
            "Patients felt their physicians lacked time; the doctors were rushed.",
            "The pharmacist explained the medication; physicians were hard to reach.",
        ],
        discussion="Peer support counteracted feelings of isolation among the patients.",
    )
    assert factors(vals) == set()
    assert "nurses" in values(vals, "population")  # still read, as the sentences name them


def test_a_papers_introduction_names_no_population(extractor: Extractor) -> None:
    vals = run_paper(
        extractor,
        title="Life events and dementia",
        abstract="The study involved 2,462 dementia-free participants aged 55 years and older.",
        introduction="Dementia care will burden health care workers and families.",
        methods="Participants were asked about life events.",
        results="No association was found.",
    )
    assert "healthcare_workers" not in values(vals, "population")


def test_the_researcher_who_did_the_work_is_no_population(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Diagnoses were made by a clinical and geriatric research psychiatrist in 2,462 adults.",
        "Interviews were conducted by two trained nurses with 20 physicians.",
    )
    assert values(vals, "population") == {"physicians"}
    for text in (
        "Data were collected by questionnaires from 200 nurses.",
        "Interviews were conducted by including 12 participants, as 4 nurses and 8 midwives.",
    ):
        assert "nurses" in values(run(extractor, text), "population")


def test_a_table_count_loses_to_the_texts_own_sample(extractor: Extractor) -> None:
    table = (
        "Baseline characteristics of participants\nAge: mean, SD 67.7 72.8 < 0.001 53.1 64.1\n"
        "Education 8.7 7.9 < 0.001 27.4 26.7 0.05 75.2 63.0 24.8 37.0 0.8 0.9 0.1 1.0 1.2\n"
        "a Information of APOE genotype was available for a total of 1,525 participants."
    )
    vals = run_paper(
        extractor,
        title="Life events and dementia",
        abstract="Life events were studied in a cohort.",
        methods=[table, "This left a total of 2,462 participants for the present analyses."],
        results="No association was found.",
    )
    assert values(vals, "n_participants") == {"2462"}


@pytest.mark.parametrize(
    "text",
    [
        # a software maker's address after the package and its version
        "Analyses were performed using the Statistical Package for Social Science (SPSS) 20 "
        "(Chicago, Illinois, USA).",
        "Transcripts were coded in NVivo version 12 (Melbourne, Australia).",
        # funders and thanks
        "This work was supported by the University of Cape Town and the South African "
        "National Research Foundation.",
        "We also thank the scientists at Diamond Light Source, Didcot, Oxon, U.K. for support.",
        # authors' disclosures
        "Disclosure of Interest: T. Takeuchi Consultant for: Astellas, Toyama Chemical, "
        "Daiichi Sankyo Japan.",
        "Y. Fujiwara received honoraria from Bristol-Myers Squibb Japan.",
    ],
)
def test_makers_funders_and_thanks_name_no_setting(extractor: Extractor, text: str) -> None:
    vals = run(extractor, text)
    assert values(vals, "country") == set()
    assert values(vals, "region") == set()


@pytest.mark.parametrize(
    "text",
    [
        # a maker named before its seat, with no "Inc" or "Ltd" to tell it
        "Hair cortisol was assayed by immunoassay (IBL International, Hamburg, Germany).",
        "Heart rate was recorded with a monitor (Polar Electro Oy, Kempele, Finland).",
        "Samples were labelled with antibodies (BD Biosciences, San Jose, USA).",
        "We used the Mini-Z survey (American Medical Association, Chicago, IL).",
        # survey platforms are software: their maker's address follows them
        "Data were collected with REDCap (Vanderbilt University, Nashville, TN).",
        "The survey was distributed via Qualtrics (Qualtrics, Provo, UT).",
        # instruments and authors named after places
        "Quality of life was measured with the Nottingham Health Profile.",
        "Function was measured with the Western Ontario and McMaster Universities "
        "Osteoarthritis Index.",
        "Outcome was evaluated with the modified Cincinnati score.",
        "Cartilage was graded with the Henderson-Kreuz scoring system.",
        "As Matsumoto et al. reported, burnout is common among nurses.",
        "Two events were reported (Oldenburg et al. NEJM 2017).",
        # newspapers, journals, a classification and a list of names
        "Most schools can be safely opened, reports The New York Times.",
        "The American journal of emergency medicine, 37(12), 2264-e5.",
        "Heart failure above New York Heart Association (NYHA) class II was an exclusion.",
        "Collaborators: Leah Simpson, Alexandra Davison, Pamela Dawson.",
        # a people within a country
        "Among American Indian/Alaskan Native individuals, the rate was highest in 2019.",
        # a person whose surname is a place, and an author's disclosure line
        "Reviews the book, A guide to evidence-based practice, by Joel Paris.",
        "John Oldham, the Chair of the Work Group, improved the document.",
        "Matsumoto: Chugai Pharmaceutical Co.: Research Funding.",
        "Mutants were described by E. Domingo, E. Rocha and M. Dávila.",
        # instruments whose name ends in a lower-case tail
        "Consciousness was rated on the Glasgow coma scale.",
        "Function improved on the Oxford knee score and the Simpson-Angus scale.",
        "Depression was measured with the Edinburgh postnatal depression scale (EPDS).",
        "Well-being was assessed with the Warwick-Edinburgh Mental Well-being Scale.",
        # a cytology grade and a prefix
        "The most frequent abnormalities were ASC-US (36.0%) and LSIL (28.0%).",
        "Data from non-US sites were excluded.",
    ],
)
def test_makers_instruments_and_authors_named_after_places(extractor: Extractor, text: str) -> None:
    vals = run(extractor, text)
    assert values(vals, "country") == set(), text
    assert values(vals, "region") == set(), text


def test_a_countrys_people_named_by_what_they_are(extractor: Extractor) -> None:
    # the people of a country as a study names them
    for text, code in (
        ("Fatalistic thinking was studied in Peruvian patients with cancer.", "PE"),
        ("We surveyed Italian women during the lockdown.", "IT"),
        ("Belgian children aged 6 to 12 years were followed for three years.", "BE"),
        ("We describe the Danish programme for bovine respiratory disease.", "DK"),
    ):
        assert values(run(extractor, text), "country") == {code}, text


def test_englands_regions_are_in_the_united_kingdom(extractor: Extractor) -> None:
    vals = run(extractor, "We surveyed 300 nurses in the East Midlands and London.")
    assert values(vals, "country") == {"GB"}
    assert values(vals, "region") == {"East Midlands", "London"}


def test_the_epidemics_course_elsewhere_is_no_setting(extractor: Extractor) -> None:
    lima = run(
        extractor,
        "Cases have risen in Latin America, with the great majority of the cases reported in "
        "Brazil. We estimated the reproduction number in Lima, Peru.",
    )
    assert values(lima, "country") == {"PE"}
    # a continent, not the United States
    spread = run(
        extractor,
        "The infection has spread to more than 200 countries, including Africa, America and "
        "Europe. This review sets out biosafety requirements for laboratories.",
    )
    assert values(spread, "country") == set()


def test_a_people_within_a_country_names_that_country_only(extractor: Extractor) -> None:
    texan = run(extractor, "We surveyed 300 Mexican American nurses in Texas.")
    assert values(texan, "country") == {"US"}
    # a language as spoken in a country names that country, not the language's
    peru = run(extractor, "The Peruvian Spanish version was completed by 300 Peruvian nurses.")
    assert values(peru, "country") == {"PE"}
    assert values(run(extractor, "We surveyed 300 Chinese and Italian nurses."), "country") == {
        "CN",
        "IT",
    }


@pytest.mark.parametrize(
    "text",
    [
        "In-hospital mortality was 20% among ventilated patients.",
        "Hospital-acquired infections and the length of hospital stay were recorded.",
        "Hospital infections were associated with burns.",
    ],
)
def test_outcomes_named_after_a_hospital_name_no_setting(extractor: Extractor, text: str) -> None:
    assert "hospital" not in values(run(extractor, text), "care_setting")
    assert "hospital" in values(
        run(extractor, "The hospital-based survey included 300 nurses."), "care_setting"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A survey of 500 doctors working in the NHS.", {"GB"}),
        ("We surveyed nurses in KSA.", {"SA"}),
        ("We surveyed clinicians at 12 Veterans Affairs medical centers.", {"US"}),
        # the ethics committee's city is not where the study was done
        ("Ethics approval was granted from the University of Aberdeen.", set()),
    ],
)
def test_countries_by_their_health_services(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert values(run(extractor, text), "country") == expected


def test_a_place_of_study_in_parentheses_stays(extractor: Extractor) -> None:
    # a care facility first in the parenthesis is where the study was done, not a maker
    vals = run(
        extractor,
        "Patients were recruited at a pain clinic (Royal Children's Hospital, Melbourne, "
        "Australia) and a laboratory (Health Sciences Centre, Winnipeg, Canada).",
    )
    assert values(vals, "country") == {"AU", "CA"}
    vals = run(extractor, "We surveyed 300 nurses in Ontario and Quebec.")
    assert values(vals, "region") == {"Ontario", "Quebec"}


def test_a_setting_in_a_sentence_that_names_software_stays(extractor: Extractor) -> None:
    vals = run(extractor, "The study was done in 3 hospitals (Chicago, USA) and analysed in SPSS.")
    assert values(vals, "country") == {"US"}


def test_computational_biology_is_other(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We present a pipeline for phylogenetic analyses of selective pressure.",
        "We ran it on multiple alignments of 18 gene families.",
        title="Large-scale evolutionary analyses",
    )
    assert values(vals, "design") == {"other"}


def test_a_papers_discussion_names_other_studies_people(extractor: Extractor) -> None:
    vals = run_paper(
        extractor,
        title="Burnout among psychological wellbeing practitioners",
        abstract="We surveyed 212 psychological wellbeing practitioners about burnout.",
        methods="Practitioners from six services completed the survey.",
        results="Most respondents worked full time.",
        discussion="Our findings are consistent with research on mental health professionals "
        "in hospitals.",
    )
    assert values(vals, "population") == {"psychological_wellbeing_practitioners"}
    assert values(vals, "care_setting") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Practitioners described plans to leave for high-intensity training or private "
         "practice.", set()),
        ("We surveyed psychologists in private practice.", {"private_practice"}),
    ],
)  # fmt: skip
def test_where_staff_would_go_is_no_setting(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    assert values(run(extractor, text), "care_setting") == expected


# --- abbreviations a text defines -----------------------------------------------------------


def test_abbreviations_a_text_defines_stand_for_their_long_form(extractor: Extractor) -> None:
    doc = Document(
        source_path="inline.txt",
        format="text",
        blocks=[
            Block(
                "abstract", "Emotional exhaustion (EE) and depersonalization (DP) were assessed."
            ),
            Block("abstract", "High EE was found in 45% and high DP in 30% of the 412 nurses."),
        ],
    )
    doc.assemble()
    vals = extractor.extract(doc, split_passages(doc))
    assert values(vals, "prevalence") == {"emotional_exhaustion:45", "depersonalization:30"}
    # each figure's provenance is its own sentence and its own span
    figures = [v for v in vals if v.field == "prevalence"]
    assert {doc.text[v.char_start : v.char_end] for v in figures} == {"45%", "30%"}
    assert all(v.quote.startswith("High EE") for v in figures)
    # figures given by the short form alone
    cf = run(
        extractor,
        "We studied compassion fatigue (CF) in 150 nurses.",
        "Overall, 23% of participants reported high CF.",
    )
    assert values(cf, "prevalence") == {"compassion_fatigue:23"}
    # a factor's short form is not expanded: "HR professionals" are people, not staffing
    hr = run(
        extractor,
        "Burnout and human resources (HR) shortages were studied in 300 nurses.",
        "HR professionals reported burnout.",
    )
    assert not any(v.field.endswith("_factor") and v.quote.startswith("HR prof") for v in hr)


def test_what_is_no_abbreviation_definition(extractor: Extractor) -> None:
    # the parenthesis names an instrument, not burnout ("MBI" does not start with "b")
    mbi = run(
        extractor,
        "Burnout (MBI) was measured in 200 nurses.",
        "High MBI scores were found in 40% of nurses.",
    )
    assert values(mbi, "prevalence") == set()
    # a use before the definition adds nothing
    before = run(
        extractor,
        "High CF was found in 23% of 150 nurses.",
        "Compassion fatigue (CF) was measured with the ProQOL.",
    )
    assert values(before, "prevalence") == set()


# --- 0.3.17: glued semicolons and headings, two strands, meta-syntheses, token patterns ----


def test_a_semicolon_without_a_space_still_ends_the_item(extractor: Extractor) -> None:
    glued = run(extractor, "The study included 413 participants;53.1% were women.")
    spaced = run(extractor, "The study included 413 participants; 53.1% were women.")
    assert values(glued, "n_participants") == values(spaced, "n_participants") == {"413"}
    tokens = [t.text for t in extractor.nlp.make_doc("women (n=20;35%) and 68 nurses")]
    assert tokens == ["women", "(", "n=20", ";", "35", "%", ")", "and", "68", "nurses"]
    # a heading glued to a number or written in capitals is split off by segmentation
    glued = Document(
        source_path="inline.txt",
        format="text",
        blocks=[Block("abstract", "Results68 nurses took part. RESULTSThe survey ran.")],
    )
    glued.assemble()
    assert [p.text for p in split_passages(glued)] == [
        "Results",
        "68 nurses took part.",
        "RESULTS",
        "The survey ran.",
    ]
    # the English tokenizer's own splits are unchanged
    assert [t.text for t in extractor.nlp.make_doc("SARS-CoV-2, COVID19 and H1N1")] == [
        "SARS",
        "-",
        "CoV-2",
        ",",
        "COVID19",
        "and",
        "H1N1",
    ]


def test_two_strands_of_data_make_a_mixed_methods_study(extractor: Extractor) -> None:
    both = run(
        extractor,
        "An online survey of 120 care workers was conducted with closed and open questions.",
        "Quantitative data were analysed in SPSS;qualitative data using content analysis.",
    )
    assert values(both, "design") == {"mixed_methods"}
    review = run(
        extractor,
        "We conducted a systematic review of studies of nurses' burnout.",
        "Quantitative and qualitative data were extracted by two reviewers.",
    )
    assert values(review, "design") == {"systematic_review"}


@pytest.mark.parametrize(
    "title",
    [
        "Psychological burden of nurses during the pandemic: a qualitative metasynthesis",
        "Moral distress in intensive care nurses: a meta-ethnography",
        "Physicians' experiences of burnout: a qualitative evidence synthesis",
    ],
)
def test_syntheses_of_qualitative_studies_are_systematic_reviews(
    extractor: Extractor, title: str
) -> None:
    vals = run(extractor, "Twelve studies were included.", title=title)
    assert values(vals, "design") == {"systematic_review"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Worry about becoming infected predicted burnout.",
        "Burnout was higher among nurses afraid of infecting their children.",
        "Fears of contracting or transmitting COVID-19 were associated with emotional exhaustion.",
        "Close contact with individuals with COVID-19 was associated with burnout.",
    ],
)
def test_infection_fears_in_any_wording(extractor: Extractor, sentence: str) -> None:
    vals = run(extractor, sentence, title=ON_TOPIC)
    assert ("ppe_infection_risk", "risk") in factors(vals)
    assert not values(vals, "factor_candidate")  # a taxonomy factor, not one for a reviewer


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Staff valued the support of their colleagues, which helped them cope with burnout.",
            ("peer_support", "protective"),
        ),
        (
            "Limited opportunities for professional development were linked to burnout.",
            ("professional_development", "risk"),
        ),
        (
            "Lack of access to counselling services was associated with burnout.",
            ("wellbeing_programs", "risk"),
        ),
        (
            "Perceived organizational injustice predicted burnout.",
            ("organisational_justice", "risk"),
        ),
        ("Lack of clarity about roles was associated with burnout.", ("role_clarity", "risk")),
        (
            "Having to ration care was associated with moral distress and burnout.",
            ("ethical_dilemmas", "risk"),
        ),
        (
            "Difficulty balancing work and family was associated with burnout.",
            ("work_life_balance", "risk"),
        ),
        (
            "Clinicians whose work was aligned with their values reported less burnout.",
            ("meaningful_work", "protective"),
        ),
        ("Burnout was driven by the volume of referrals.", ("workload", "risk")),
    ],
)
def test_factor_wordings_of_the_field(
    extractor: Extractor, sentence: str, expected: tuple[str, str]
) -> None:
    assert expected in factors(run(extractor, sentence, title=ON_TOPIC))


def test_concerns_without_an_infection_word_are_not_infection_risk(extractor: Extractor) -> None:
    vals = run(extractor, "Concerns about the quality of care were associated with burnout.")
    assert "ppe_infection_risk" not in {f for f, _ in factors(vals)}


def test_token_patterns_are_checked_on_load(tmp_path: Path) -> None:
    head = (
        "version: 1\nfactors:\n  - id: workload\n    label: W\n    definition: d\n"
        "    area: workload\n    level: team\n    default_direction: risk\n    forms: [workload]\n"
    )
    bad = tmp_path / "factors.yaml"
    bad.write_text(head + "    token_patterns:\n      - [{LOWER: {REGEXP: '^work'}}]\n")
    with pytest.raises(
        LexiconError, match=r"factors\.yaml \(line 3\): token pattern 1 of 'workload' is invalid"
    ):
        load_factor_specs(bad)
    bad.write_text(head + "    token_patterns: [workload]\n")
    with pytest.raises(LexiconError, match=r"must be a non-empty list of token mappings"):
        load_factor_specs(bad)
    # a pattern must name words a sentence needs (not only stop words), so that the Matcher
    # runs only where they occur
    for unanchored in ("[{LOWER: {REGEX: '^work'}}]", "[{LOWER: too}, {LOWER: many, OP: '?'}]"):
        bad.write_text(head + f"    token_patterns:\n      - {unanchored}\n")
        with pytest.raises(LexiconError, match=r"names no word it needs"):
            load_factor_specs(bad)
    good = tmp_path / "good.yaml"
    good.write_text(
        head + "    token_patterns:\n      - [{LOWER: too}, {LOWER: {IN: [many, tired]}}]\n"
    )
    with pytest.raises(LexiconError, match=r"names no word it needs"):
        load_factor_specs(good)  # "too" and "many" are stop words: "many" selects nothing
    good.write_text(
        head + "    token_patterns:\n      - [{LOWER: too}, {LOWER: {IN: [tired, exhausted]}}]\n"
    )
    (spec,) = load_factor_specs(good)
    assert spec.token_patterns == (({"LOWER": "too"}, {"LOWER": {"IN": ["tired", "exhausted"]}}),)
    assert pattern_anchors(spec.token_patterns[0]) == (frozenset({"tired", "exhausted"}),)
    assert pattern_anchors(
        [{"LOWER": {"IN": ["fear", "worry"]}}, {"OP": "{,3}"}, {"LOWER": "infection", "OP": "+"}]
    ) == (frozenset({"fear", "worry"}), frozenset({"infection"}))


def test_a_token_pattern_word_the_tokenizer_splits_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence.extract import components
    from evidence.extract.pipeline import build_nlp

    spec = next(s for s in load_factor_specs() if s.token_patterns)
    split = dataclasses.replace(
        spec, token_patterns=(({"LOWER": {"IN": ["fear", "sars-cov-2"]}},),)
    )
    monkeypatch.setattr(components, "load_factor_specs", lambda: [split])
    with pytest.raises(
        LexiconError, match=r"'sars-cov-2' of 'ppe_infection_risk' is 3 tokens"
    ) as e:
        build_nlp()
    # the factor's own line in factors.yaml, as errors found on load give
    assert f"factors.yaml (line {spec.line})" in str(e.value) and spec.line


def test_a_qualified_subgroup_opening_a_clause_is_not_the_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "In July 2020, 49 public mental health clinicians from 16 Philadelphia clinics completed "
        "a survey on financial strain.",
        "Of 37 clinicians with education debt, 38% reported owing more than $100,000.",
    )
    assert values(vals, "n_participants") == {"49"}
    took_part = run(
        extractor,
        "Among 76 nurses who participated in the survey, 48 (63%) reported burnout.",
    )
    assert values(took_part, "n_participants") == {"76"}


def test_valid_questionnaires_of_a_larger_total_are_the_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "I have studied a total of 120 participants, receiving 115 valid questionnaires, the "
        "answering ratio being 95.83%.",
    )
    assert values(vals, "n_participants") == {"115"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the two groups, 19 and 24 students were enrolled.", {"43"}),
        (
            "The questionnaire was administered to 25 and 30 nurses as the intervention and "
            "control groups respectively.",
            {"55"},
        ),
        ("Participants were aged between 25 and 30 years; 40 nurses took part.", {"40"}),
    ],
)
def test_two_counts_sharing_one_unit_are_summed(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    assert values(run(extractor, sentence), "n_participants") == expected


def test_a_place_after_a_given_name_is_a_persons_name(extractor: Extractor) -> None:
    # "Cayetano Heredia" is a Lima hospital named after a physician, not Costa Rica's Heredia
    vals = run(
        extractor,
        "We surveyed 120 residents of the Hospital Nacional Cayetano Heredia in Lima, Peru.",
    )
    assert values(vals, "country") == {"PE"}
    assert values(vals, "region") == {"Lima"}
    # a place before a place, a word before a place and a hyphenated prefix stay places
    vals = run(extractor, "We surveyed 80 nurses in Austin Texas.")
    assert values(vals, "region") >= {"Texas"}
    vals = run(extractor, "Nurses were recruited in The Netherlands.")
    assert values(vals, "country") == {"NL"}
    vals = run(extractor, "We surveyed 90 nurses in the U.S. Virgin Islands and Washington D.C.")
    assert "US" in values(vals, "country")
    vals = run(extractor, "We interviewed 20 nurses in post-Katrina New Orleans.")
    assert values(vals, "region") == {"New Orleans"}
    # a verb between the place and a scale or criteria: the place is where the study was done
    vals = run(extractor, "Nurses in Ontario completed symptom scales.")
    assert values(vals, "region") == {"Ontario"}
    vals = run(extractor, "Nurses in Ontario use rating scales.")
    assert values(vals, "region") == {"Ontario"}
    vals = run(extractor, "A third of ICU nurses in Ireland met criteria for high burnout.")
    assert values(vals, "country") == {"IE"}
    vals = run(extractor, "Quebec nurses met criteria for burnout.")
    assert values(vals, "region") == {"Quebec"}
    # a trial's record at a hospital network named after its city stays that city's
    vals = run(extractor, "Registration: Unity Health Toronto protocol record 21-066.")
    assert values(vals, "region") == {"Toronto"}


def test_a_questionnaires_version_in_a_language_of_many_countries_names_none(
    extractor: Extractor,
) -> None:
    vals = run(
        extractor,
        "We surveyed 210 nurses in Lima, Peru.",
        "They completed the Spanish version of the Maslach Burnout Inventory.",
    )
    assert values(vals, "country") == {"PE"}
    vals = run(extractor, "Nurses completed the Turkish version of the Burnout Assessment Tool.")
    assert values(vals, "country") == {"TR"}


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        # a title that names a review, with no other design cue
        (
            "Neuropsychiatric complications of COVID-19: Clinical review",
            "Symptoms vary.",
            "narrative_review",
        ),
        (
            "COVID-19 and Neurosurgery: A Comprehensive Review of Literature",
            "Many papers appeared.",
            "narrative_review",
        ),
        (
            "Tracheostomy in COVID-19",
            "We explore current literature and recommendations for tracheostomy.",
            "narrative_review",
        ),
        # a case report with a review of the literature is a case report
        ("Sub-hepatic bilioma: report of a case and review of literature", "", "other"),
        (
            "Case report",
            "Methods: Case report and non-systematic review of the relevant literature.",
            "other",
        ),
        # a review titled comprehensive that says it is systematic
        (
            "Sexuality in borderline personality disorder: A comprehensive review",
            "We performed a systematic review from 1980 to 2014 through PubMed.",
            "systematic_review",
        ),
        # a text that reports its own results names no design but is a study
        (
            "Study-related burnout of college students",
            "We measured the burnout of college students. The study found that there was no significant change.",
            "cross_sectional",
        ),
        # a model's projections
        (
            "Projecting demand for critical care beds during outbreaks",
            "METHODS: We developed a computational model and simulated scenarios for "
            "outbreaks within each province. RESULTS: Self-isolation cut demand by 40%.",
            "other",
        ),
        # a structured abstract whose methods and results report its own counts
        (
            "Cardiac complications in patients with COVID-19",
            "Background: There is limited literature available on cardiac complications. "
            "Previous studies have reported them [1, 2]. Others found arrhythmias [3]. "
            "Methods: Notes were reviewed for cardiac markers. "
            "Results: On ECG, 10 cases of atrial fibrillation and 6 cases of ST depression "
            "were found.",
            "cross_sectional",
        ),
    ],
)
def test_review_and_case_report_titles(
    extractor: Extractor, title: str, text: str, design: str
) -> None:
    vals = run(extractor, *([text] if text else []), title=title)
    assert values(vals, "design") == {design}, title


def test_a_count_of_one_sex_is_the_samples_make_up_not_its_size(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We analysed emergency visits of adolescents.",
        "In the 2020 group, 1483 individuals (69.9%) were female.",
    )
    assert values(vals, "n_participants") == set()
    vals = run(extractor, "We surveyed 2122 adolescents; 1483 (69.9%) were female.")
    assert values(vals, "n_participants") == {"2122"}


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        # the authors' own small series of cases, in digits or words, is a case report
        (
            "Tetrazepam drug sensitivity",
            "We report 4 cases of varying intensity: Stevens-Johnson syndrome and exanthema.",
            "other",
        ),
        (
            "Lung resection during the pandemic",
            "Here we report seven cases who were confirmed infected in the perioperative period.",
            "other",
        ),
        ("Scalp dysesthesia", "We describe 11 patients with a new syndrome.", "other"),
        ("Fetal diagnosis of spinal cord filar cyst. Report of 5 cases", "", "other"),
        # a case report in Portuguese or Spanish
        (
            "Pancitopenia secundária à infecção por SARS-CoV-2: relato de caso",
            "Paciente do sexo feminino, 89 anos, apresenta-se em pronto-socorro com febre.",
            "other",
        ),
        # a larger series is not a case report, and a design stated outright comes first
        (
            "Chondrocyte implantation",
            "We present 57 patients with a mean age of 31.6 years. The results showed that "
            "scores were significantly higher at follow-up.",
            "cross_sectional",
        ),
        (
            "Exercise for fatigue",
            "In a randomised controlled trial we report 12 patients randomised to exercise.",
            "rct",
        ),
        # a data source named after quality improvement is not a quality-improvement project
        (
            "Short-term complications using the National Surgical Quality Improvement "
            "Program Database",
            "We included 500 patients who underwent surgery and compared complication rates.",
            "cross_sectional",
        ),
        # nor is a use of the study's results in future quality improvement
        (
            "Blood culture processing in public hospitals",
            "We analysed 3,000 blood cultures from 12 hospitals; 40% were contaminated. "
            "The benchmark can be used to monitor future quality improvement studies.",
            "cross_sectional",
        ),
        # another study's case series, its authors named without a full stop
        (
            "Neuropsychiatric manifestations in COVID-19",
            "We analyzed COVID-19 adult patients from January to June 2020. In the largest "
            "study thus far, Mao et al reported a case series of 214 patients. The results "
            "showed that 22% had neuropsychiatric manifestations.",
            "cross_sectional",
        ),
        # a survey's qualitative comments are its free-text answers, not qualitative research
        (
            "Carers' experience in paediatric intensive care",
            "We surveyed 120 parents with a patient reported experience measure. This was "
            "supported by the qualitative comments, which indicated distress.",
            "cross_sectional",
        ),
        # the two strands in either order
        (
            "An online COVID-19 knowledge test",
            "The sample (N=188) completed the test. Qualitative data amplified and expanded "
            "upon the quantitative data findings.",
            "mixed_methods",
        ),
        # "cohort" as a verb, or people of an age, names no cohort study
        (
            "Redesigning emergency department operations",
            "Triage should identify and geographically cohort symptomatic patients within a "
            "designated unit. This paper addresses ways to adapt departmental operations.",
            "discussion",
        ),
        (
            "Exploring motivations of Masters swimmers",
            "We interviewed 20 Masters swimmers about why they swim when most of their age "
            "cohort are becoming less active; thematic analysis was used.",
            "qualitative",
        ),
        # nor the quality of the air, nor a use the results may be put to
        (
            "Air quality during the lockdown",
            "This review summarizes the literature on air quality improvement during the lockdown.",
            "narrative_review",
        ),
        (
            "Resolving threats to the therapeutic alliance",
            "Task analysis of 107 enactments from 66 sessions in four good outcome cases was "
            "used to test the model. The model can be used in supervision and quality "
            "improvement strategies.",
            "cross_sectional",
        ),
        (
            "Screening by telemedicine",
            "The aim of this quality improvement project was to "
            "implement mental health screening during telemedicine visits.",
            "quality_improvement",
        ),
        # the authors report results of their own
        (
            "Infection in children, preliminary data",
            "We report preliminary results of a multicentre study comprising 168 cases, of "
            "which 67.9% were hospitalised.",
            "cross_sectional",
        ),
    ],
)
def test_case_series_and_quality_improvement(
    extractor: Extractor, title: str, text: str, design: str
) -> None:
    vals = run(extractor, *([text] if text else []), title=title)
    assert values(vals, "design") == {design}, title


def test_a_total_that_names_two_groups_is_their_sum(extractor: Extractor) -> None:
    vals = run(extractor, "A total of 120 nurses and 80 physicians completed the survey.")
    assert values(vals, "n_participants") == {"200"}
    vals = run(
        extractor, "A total of 160 frontline and 146 non-frontline providers were recruited."
    )
    assert values(vals, "n_participants") == {"306"}


def test_a_share_of_the_sample_with_its_own_clause_is_not_the_sample(
    extractor: Extractor,
) -> None:
    # a count whose share alone follows it, then something said of them
    vals = run(
        extractor,
        "We describe the clinical course of infected patients.",
        "Six individuals (33%) required supplemental oxygen.",
    )
    assert values(vals, "n_participants") == set()
    # a share before a verb of taking part is the sample
    vals = run(extractor, "Of 1000 invited, 620 nurses (62%) completed the survey.")
    assert values(vals, "n_participants") == {"620"}
    # each group's share between the groups of the sample
    vals = run(extractor, "Participants were 120 nurses (60%) and 80 physicians (40%).")
    assert values(vals, "n_participants") == {"200"}
    # a bracket that describes the whole sample is no share of it
    vals = run(
        extractor,
        "The sample was composed of 124 participants (70.4% women) with a mean age of 41.",
    )
    assert values(vals, "n_participants") == {"124"}


def test_places_counted_before_a_sample_verb_are_not_people(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "One hundred and twelve residents from three programmes completed the questionnaire.",
    )
    assert values(vals, "n_participants") == {"112"}


@pytest.mark.parametrize(
    ("title", "text", "design"),
    [
        # "qualitative" describing a measurement names no qualitative research
        (
            "Time course of reparative cartilage",
            "The aim of this study was to evaluate the qualitative change in reparative "
            "cartilage after implantation in 20 patients. Scores were significantly higher "
            "after treatment.",
            "cross_sectional",
        ),
        # interviews analysed only by statistical tests are a survey by interview
        (
            "Depression in patients with diabetes",
            "The instrument used was the MINI (Mini-International Neuropsychiatric Interview). "
            "Groups were compared using the chi-square test.",
            "cross_sectional",
        ),
        # interviews with a qualitative analysis stay qualitative
        (
            "Nurses' experiences of redeployment",
            "Interviews were conducted with 14 nurses and analysed thematically; themes were "
            "compared between wards.",
            "qualitative",
        ),
    ],
)
def test_qualitative_research_and_interviews_analysed_by_statistics(
    extractor: Extractor, title: str, text: str, design: str
) -> None:
    vals = run(extractor, text, title=title)
    assert values(vals, "design") == {design}, title


def test_places_the_sample_came_from_are_no_sample_but_places_that_answered_are(
    extractor: Extractor,
) -> None:
    vals = run(extractor, "In total 19 countries responded: Albania, Armenia and Belarus.")
    assert values(vals, "n_participants") == {"19"}


def test_instruments_and_meetings_named_after_a_city_name_no_place(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Cognition was measured with the Montreal Cognitive Assessment (MoCA) in 120 adults.",
    )
    assert values(vals, "country") == set()
    vals = run(extractor, "The 2014 Global Kyoto conference recognized gastritis as an infection.")
    assert values(vals, "country") == set()
    # a needs assessment done in a city, or a conference there, keeps the place
    vals = run(extractor, "We conducted a needs assessment in Toronto with 40 nurses.")
    assert values(vals, "country") == {"CA"}


def test_an_authors_bio_names_no_place_of_study(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "He holds a Master's in Physics from Potsdam University and a PhD from TU Berlin.",
    )
    assert values(vals, "region") == set()
    vals = run(extractor, "This study was a cross-sectional survey of 300 nurses in Berlin.")
    assert values(vals, "region") == {"Berlin"}


def test_a_study_that_did_something_with_data_is_no_review_or_essay(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "In this study, the researchers used quantitative analysis to examine the relationship "
        "between work-family conflict and work variables. Earlier research and the literature "
        "describe such conflict.",
        title="Counselors' experience of work and family roles",
    )
    assert values(vals, "design") == {"cross_sectional"}
    vals = run(
        extractor,
        "This review summarises the literature on work-family conflict. Research and studies "
        "describe such conflict.",
        title="Work-family conflict in counselling",
    )
    assert values(vals, "design") == {"narrative_review"}


def test_data_from_people_and_another_group_of_them(extractor: Extractor) -> None:
    vals = run(extractor, "Data from 724 patients from rehabilitation clinics were analyzed.")
    assert values(vals, "n_participants") == {"724"}
    vals = run(extractor, "Data from 12 countries were compared.")
    assert values(vals, "n_participants") == set()
    vals = run(
        extractor,
        "Semi-structured interviews were conducted with 12 women at T1, and a separate 12 women "
        "were interviewed at T2.",
    )
    assert values(vals, "n_participants") == {"24"}
    vals = run(extractor, "A total of 300 nurses completed the survey, and another 20 declined.")
    assert values(vals, "n_participants") == {"300"}


def test_a_case_series_counts_its_cases_and_one_person_is_no_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "One patient responded completely to treatment. We describe 11 patients with a new "
        "syndrome. Five women had psychiatric disorders.",
        title="Scalp dysesthesia",
    )
    assert values(vals, "n_participants") == {"11"}
    vals = run(extractor, "This retrospective study was undertaken in 83 patients after surgery.")
    assert values(vals, "n_participants") == {"83"}
    vals = run(extractor, "The MRI assessment included 8 parameters of graft repair.")
    assert values(vals, "n_participants") == set()
    # one site stays a count of sites
    vals = run(extractor, "We surveyed 300 nurses from one referral and four general hospitals.")
    assert values(vals, "n_sites") == {"5"}


def test_residents_of_a_text_set_in_care_homes_live_there(extractor: Extractor) -> None:
    def pops(*sentences: str) -> set[str]:
        return values(run(extractor, *sentences), "population")

    care_home = "We surveyed 120 nurses working in nursing homes in Ohio."
    assert "residents" not in pops(care_home, "Nurses cared for more than 30 residents per shift.")
    assert "residents" not in pops(care_home, "Residents died alone during the lockdown.")
    # doctors in training named as such anywhere in the text keep every mention
    assert "residents" in pops(
        "We surveyed internal medicine residents rotating through long-term care facilities.",
        "Residents reported more burnout than attending physicians.",
    )
    assert "residents" in pops("We surveyed 80 residents in surgery about burnout.")


def test_the_qualitative_strand_of_a_survey_is_not_its_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Nurses in 14 hospitals completed an online survey; 12 survey respondents then took part "
        "in semi-structured interviews.",
        "Results: Of 388 respondents (response rate 52%), 41% had high emotional exhaustion.",
    )
    assert values(vals, "n_participants") == {"388"}
    subset = run(
        extractor,
        "In all, 640 physicians returned the questionnaire, and 20 of them also took part in "
        "follow-up interviews.",
    )
    assert values(subset, "n_participants") == {"640"}
    # a qualitative study's own interviewees are its sample
    alone = run(extractor, "Sixteen nurses took part in semi-structured interviews.")
    assert values(alone, "n_participants") == {"16"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Registered nurses in 23 LTC homes completed a survey (n = 214).",
        "Care aides from 12 care homes were surveyed (n = 214).",
        "We surveyed staff in 23 long-term care facilities (n = 214).",
    ],
)
def test_care_homes_are_sites(extractor: Extractor, sentence: str) -> None:
    vals = run(extractor, sentence)
    assert values(vals, "n_sites") in ({"23"}, {"12"})
    assert values(vals, "n_participants") == {"214"}


def test_an_effect_stays_in_the_clause_a_new_predicate_opens(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Therapists linked burnout to back-to-back sessions and financial pressure, and described "
        "peer consultation and planned time off as protective.",
    )
    assert {"back_to_back_scheduling", "compensation"} <= values(vals, "risk_factor")
    assert not {"back_to_back_scheduling", "compensation"} & values(vals, "protective_factor")
    assert {"peer_support", "time_off"} <= values(vals, "protective_factor")
    other = run(
        extractor,
        "Research shows that low control predicts burnout in nurses, and that peer support "
        "buffers it.",
    )
    assert "autonomy_control" in values(other, "risk_factor")
    assert "autonomy_control" not in values(other, "protective_factor")
    assert "peer_support" in values(other, "protective_factor")


def test_an_instruments_items_are_no_finding(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We surveyed 300 physicians with the Mini-Z survey, which includes a burnout item and "
        "items on time pressure, documentation burden and teamwork.",
    )
    assert not values(vals, "risk_factor") | values(vals, "protective_factor")


def test_an_acronym_listed_in_any_case_too_is_a_lexicon_error(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.jsonl"
    bad.write_text(
        '{"field": "instrument", "id": "bat", "patterns": ["Burnout Assessment Tool", "BAT"], '
        '"case_sensitive_patterns": ["BAT"]}\n'
    )
    with pytest.raises(
        LexiconError, match=r"lexicon\.jsonl \(line 1\): \['bat'\] listed under both"
    ):
        load_lexicon(bad)


def test_case_sensitive_acronyms_match_only_as_written(extractor: Extractor) -> None:
    lab = run(extractor, "Bat coronaviruses share 96% of their genome with SARS-CoV-2.")
    assert not values(lab, "instrument")
    assert values(run(extractor, "Nurses completed the BAT."), "instrument") == {"bat"}
    book = run(extractor, "Fundraising for Nonprofits, 2nd Ed, NASW Press.")
    assert not values(book, "care_setting")
    ed = run(extractor, "We surveyed 200 nurses working in the ED.")
    assert values(ed, "care_setting") == {"emergency_department"}


@pytest.mark.parametrize(
    "sentence",
    [
        "We searched MEDLINE, EMBASE and ISI Web of Science for cohort studies.",
        "Outcomes were the Foot and Ankle Outcome Score and the Short Form-12 (SF-12) general "
        "health questionnaire.",
        "Pregabalin reduced symptoms of GAD compared with placebo.",
        "Antibodies to glutamic acid decarboxylase (GAD) were elevated.",
        "No new adverse events were seen since the previous report (Oldenburg et al. 2017).",
    ],
)
def test_names_that_only_look_like_instruments(extractor: Extractor, sentence: str) -> None:
    assert not values(run(extractor, sentence), "instrument")


def test_instruments_named_in_full_or_by_acronym(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Nurses completed the Insomnia Severity Index (ISI), the GAD 7 questionnaire, the "
        "GHQ-12 and the Oldenburg Burnout Inventory.",
    )
    assert values(vals, "instrument") == {"isi", "gad7", "ghq", "olbi"}


def test_a_screen_named_after_a_care_setting_is_no_setting(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Nurses completed a survey which screened for acute stress (4-item Primary Care PTSD "
        "screen) and burnout.",
    )
    assert "primary_care" not in values(vals, "care_setting")


@pytest.mark.parametrize(
    "sentence",
    [
        "We searched MEDLINE and the Cumulative Index to Nursing and Allied Health Literature.",
        "Burnout was common. [ABSTRACT FROM AUTHOR] Copyright of Journal of Mental Health "
        "Counseling is the property of American Mental Health Counselors Association.",
        "Recommendations came from the Medical Oncology Ex-Residents Association of Peru.",
    ],
)
def test_professions_inside_a_database_journal_or_society_name_are_not_studied(
    extractor: Extractor, sentence: str
) -> None:
    assert not values(run(extractor, sentence), "population")


def test_a_conference_template_header_names_no_people_or_setting(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "TOPIC: Critical Care TYPE: Medical Student/Resident Case Reports INTRODUCTION: "
        "Myocarditis is an inflammatory condition seen in the ICU.",
    )
    assert not values(vals, "population")
    assert values(vals, "care_setting") == {"icu"}  # the text's own setting stays


def test_a_visit_to_a_service_counted_as_an_outcome_is_no_setting(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Group attendees had fewer emergency department visits and outpatient visits.",
    )
    assert not values(vals, "care_setting")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Soft-tissue swelling (STS) scores fell. STS was lower at four weeks.", "outcome"),
        ("Scaffolds were examined by scanning electron microscopy (SEM).", "analysis"),
        ("Eating disorder (ED) symptoms were assessed at follow-up. ED improved.", "care_setting"),
        ("Insulin resistance was determined by the insulin sensitivity index (ISI).", "instrument"),
        ("We studied bone turnover markers in older women.", "outcome"),
    ],
)
def test_an_acronym_the_text_defines_as_something_else_is_not_ours(
    extractor: Extractor, text: str, field: str
) -> None:
    assert not values(run(extractor, text), field)


def test_an_acronym_defined_in_other_words_for_the_same_thing_is_ours(
    extractor: Extractor,
) -> None:
    vals = run(
        extractor,
        "The health care worker (HCW) faces moral injury. Each HCW completed the survey.",
    )
    assert "healthcare_workers" in values(vals, "population")
    ptsd = run(extractor, "Studies focused on trauma and its related disorders (PTSD).")
    assert values(ptsd, "outcome") == {"ptsd"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Total sleep time was prolonged (placebo 356 +/- 9.9 SEM min).",
        "Ten men [mean (SEM) age, 68 (2.5) yr] completed each intervention.",
        "Incluíram-se artigos originais, sem delimitação temporal.",
        "This article reviews the phenomenology and clinical correlates of bipolar depression.",
        "We review the phenomenological characteristics of hallucinations in BPD.",
    ],
)
def test_words_that_only_look_like_an_analysis(extractor: Extractor, sentence: str) -> None:
    assert not values(run(extractor, sentence), "analysis")


def test_sem_and_phenomenology_as_methods(extractor: Extractor) -> None:
    sem = run(extractor, "Data were analysed with structural equation modelling (SEM).")
    assert values(sem, "analysis") == {"structural_equation_modelling"}
    ipa = run(extractor, "We explored the phenomenology of the lived experience of nurses.")
    assert "phenomenology" in values(ipa, "analysis")


def test_acronyms_that_are_words_in_other_languages(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "Es konnte ermittelt werden, dass maladaptive Verhaltensweisen zunahmen. Inoltre, è "
        "stata valutata la possibile influenza.",
    )
    assert not values(vals, "instrument") and not values(vals, "software")
    named = run(extractor, "Nurses completed the DASS; data were analysed in Stata 14.")
    assert values(named, "instrument") == {"dass21"}
    assert values(named, "software") == {"Stata"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Further studies are needed to confirm this observation.", set()),
        ("No PONV occurred within the 48-h observation period.", set()),
        ("Research and clinical observations suggest that many people exhibit stress.", set()),
        ("Data came from participant observation of ward rounds and field notes.", {"observation"}),
        ("We used non-participant observation of team meetings.", {"observation"}),
    ],
)
def test_observation_as_a_way_of_collecting_data(
    extractor: Extractor, sentence: str, expected: set[str]
) -> None:
    assert values(run(extractor, sentence), "data_collection") & {"observation"} == expected


def test_a_copyright_line_gives_no_sample(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "We studied 120 nurses. © 2024 Publicado por Cuerpo Médico Hospital Nacional Almanzor "
        "Aguinaga Asenjo.",
    )
    assert values(vals, "n_participants") == {"120"}
    assert not values(vals, "n_sites")


@pytest.mark.parametrize(
    "sentence",
    [
        "The objective response rate was 48% (11% CR, 37% PR).",
        "At week 24, ACR20 response rates were 74.1% with FKB327 versus 75.7% with RP.",
        "The overall response rate was 56%; 44% had a complete response.",
        "Suicidal ideation was reported in 13 patients, and one patient completed suicide (1.6%).",
        "Overall, 41% responded that they were experiencing job burnout.",
        "Of them, 13 (81%) returned to sports after the operation.",
    ],
)
def test_percentages_that_are_no_survey_response_rate(extractor: Extractor, sentence: str) -> None:
    assert not values(run(extractor, sentence), "response_rate")


def test_a_share_of_those_with_burnout_is_no_second_prevalence(extractor: Extractor) -> None:
    vals = run(
        extractor,
        "The total prevalence of burnout was 51.7%, of which 15.0% were severe burnout.",
    )
    assert values(vals, "prevalence") == {"burnout:51.7"}


def test_a_study_of_patients_names_their_doctors_but_did_not_study_them(
    extractor: Extractor,
) -> None:
    patients = run(
        extractor,
        "We conducted a cross-sectional survey of 724 patients with multiple sclerosis.",
        "Physicians should be aware of these side effects.",
    )
    assert not values(patients, "population")
    nurses = run(
        extractor,
        "We conducted a cross-sectional survey of 724 nurses about burnout.",
        "Physicians should support them.",
    )
    assert "nurses" in values(nurses, "population")


def test_professions_a_study_of_patients_counted_or_asked_are_studied(
    extractor: Extractor,
) -> None:
    vals = run(
        extractor,
        "We conducted a cross-sectional survey of 724 patients with multiple sclerosis and 40 "
        "neurologists.",
        "Physicians should be aware of these side effects.",
    )
    assert values(vals, "population") == {"physicians"}


def test_a_surveys_complete_responses_keep_its_response_rate(extractor: Extractor) -> None:
    vals = run(extractor, "We received 412 complete responses (response rate 45%).")
    assert values(vals, "response_rate") == {"45"}
