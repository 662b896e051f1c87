"""Generate the bundled sample corpus in data/raw/ that `evidence run` reads on a fresh clone.

EXAMPLE DATA — fictional study written for the evidence sample corpus. Every study, author,
journal, number, PMID (9 digits from 990000000) and DOI (reserved example prefix
10.5555/evidence-example.NNN) below is invented. The records are realistic on purpose:
burnout among health-care providers, a mix of designs, countries, instruments and factors,
so that extraction, linking, de-duplication and themes have something to work on.

One file per supported format, each written the way the real source writes it:

  pdf/       two-column article (scripts/make_sample_pdf.py)
  text/      plain-text full texts
  markdown/  a Markdown full text
  web/       a saved web page (.html) and web-page text with boilerplate (.txt)
  exports/   PubMed MEDLINE (.nbib), PubMed XML, RIS, BibTeX (Scopus), Web of Science
             tagged text (savedrecs.txt), Scopus CSV, Web of Science tab-delimited (.tsv),
             PubMed CSV, and one loosely named screening table (.tsv)

Links the pipeline should find:
  * study 001 is both the full-text PDF and a MEDLINE record (same title and DOI);
  * study 016 is in both the RIS and the BibTeX export (same DOI): one duplicate.

Run:  .venv/bin/python scripts/make_sample_corpus.py [OUT_DIR]   (default data/raw)
The output is deterministic; the generated files are committed.
"""

from __future__ import annotations

import csv
import io
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_sample_pdf as pdf  # sibling script: the PDF study's title, DOI and abstract

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
MARKER = "EXAMPLE DATA — fictional study written for the evidence sample corpus"
BOM = "\ufeff"
DOI_PREFIX = "10.5555/evidence-example."


@dataclass(frozen=True)
class Study:
    """One fictional study record, rendered by each export writer in its own dialect."""

    num: int
    title: str
    authors: list[tuple[str, str]]  # (last name, first names)
    affiliation: str
    journal: str
    abbr: str
    year: int
    month: str
    volume: str
    issue: str
    pages: str
    abstract: list[tuple[str | None, str]]  # (label or None, text)
    keywords: list[str]
    country: str
    design: str  # free words for publication/document type
    pmid: str | None = None
    mesh: list[str] = field(default_factory=list)
    pub_types: list[str] = field(default_factory=lambda: ["Journal Article"])

    @property
    def doi(self) -> str:
        return f"{DOI_PREFIX}{self.num:03d}"

    @property
    def abstract_text(self) -> str:
        return " ".join(f"{label}: {text}" if label else text for label, text in self.abstract)

    def initials(self, first: str) -> str:
        return "".join(p[0] for p in first.replace("-", " ").split())

    @property
    def first_page(self) -> str:
        return self.pages.split("-")[0]

    @property
    def last_page(self) -> str:
        return self.pages.split("-")[-1]


def S(label: str | None, text: str) -> tuple[str | None, str]:
    return (label, " ".join(text.split()))


# --------------------------------------------------------------------------- studies

PDF_STUDY = Study(
    num=1,
    title=pdf.TITLE + ".",
    authors=[(last, first) for last, first, _ in pdf.AUTHORS],
    affiliation=pdf.AFFILIATIONS[0][1],
    journal=pdf.JOURNAL,
    abbr="Ex J Health Workforce Wellbeing",
    year=2024,
    month="Mar",
    volume="12",
    issue="3",
    pages="101-104",
    abstract=[(label.upper(), text) for label, text in pdf.ABSTRACT],
    keywords=pdf.KEYWORDS,
    country="England",
    design="mixed methods",
    pmid="990000101",
    mesh=[
        "*Burnout, Professional/epidemiology/psychology",
        "Humans",
        "Adult",
        "Female",
        "Male",
        "England",
        "Surveys and Questionnaires",
        "Qualitative Research",
        "Mental Health Services/organization & administration",
        "Workload",
    ],
)

MEDLINE_STUDIES = [
    PDF_STUDY,
    Study(
        num=7,
        pmid="990000102",
        title="Carrying clients home: an interpretative phenomenological analysis of burnout "
        "among psychotherapists in private practice in the Netherlands.",
        authors=[("de Vries", "Marloes"), ("Bakker", "Joost H"), ("Smit", "Annelies")],
        affiliation="Department of Clinical Psychology, Example University Utrecht, Utrecht, "
        "the Netherlands.",
        journal="Example journal of psychotherapy practice",
        abbr="Ex J Psychother Pract",
        year=2023,
        month="Jun",
        volume="18",
        issue="2",
        pages="77-89",
        country="Netherlands",
        design="qualitative",
        abstract=[
            S(
                "BACKGROUND",
                """Psychotherapists in private practice work without the organisational
              structures that can buffer burnout in public services, yet little is known about how
              they experience it.""",
            ),
            S(
                "METHODS",
                """We conducted semi-structured interviews with 12 psychotherapists working
              in independent or small group practices in Utrecht and Amsterdam, the Netherlands.
              Transcripts were analysed using interpretative phenomenological analysis (IPA).""",
            ),
            S(
                "RESULTS",
                """Three superordinate themes were identified. First, participants described
              isolation as the defining hazard of private practice: without colleagues down the
              corridor, the emotional labour of holding clients' distress had nowhere to go.
              Second, financial insecurity and the need to fill the diary led several to book
              back-to-back sessions and to take on more clients with complex trauma than they felt
              able to manage; participants linked both to exhaustion and cynicism. Third,
              participants who had built peer intervision groups, kept regular supervision and
              protected time off described recovering from periods of burnout. Administrative
              burden from health insurers' documentation requirements was described as a source
              of frustration and fatigue, while autonomy over one's own caseload was valued as the
              main reason for choosing private practice. Several participants had reduced their
              hours or temporarily closed their practice, and two described cancelling
              appointments at short notice when exhausted.""",
            ),
            S(
                "CONCLUSIONS",
                """Burnout in private practice was shaped by isolation, financial
              pressure and trauma exposure, and mitigated by peer intervision, supervision and
              time off. Professional bodies could support structured peer networks for therapists
              who work alone.""",
            ),
        ],
        keywords=[
            "burnout",
            "psychotherapists",
            "private practice",
            "isolation",
            "peer supervision",
            "interpretative phenomenological analysis",
        ],
        mesh=[
            "*Burnout, Professional/psychology",
            "Humans",
            "Netherlands",
            "Private Practice",
            "Psychotherapy",
            "Qualitative Research",
        ],
    ),
    Study(
        num=8,
        pmid="990000103",
        title="Prevalence of burnout and its association with staffing, shift patterns and "
        "debriefing among intensive care nurses in Ireland: a national cross-sectional survey.",
        authors=[("Byrne", "Aoife"), ("O'Sullivan", "Ciaran P"), ("Murphy", "Niamh")],
        affiliation="School of Nursing and Midwifery, Example University College Dublin, "
        "Dublin, Ireland.",
        journal="Example critical care nursing journal",
        abbr="Ex Crit Care Nurs J",
        year=2022,
        month="Nov",
        volume="31",
        issue="6",
        pages="412-421",
        country="Ireland",
        design="cross-sectional",
        abstract=[
            S(
                "BACKGROUND",
                """Intensive care unit (ICU) nurses are exposed to high acuity, patient
              deaths and long shifts. We aimed to estimate the prevalence of burnout among ICU
              nurses in Ireland and to identify associated workplace factors.""",
            ),
            S(
                "METHODS",
                """A cross-sectional online survey was distributed to nurses in 14 adult
              ICUs in Dublin, Cork, Galway and Limerick. Burnout was measured with the Maslach
              Burnout Inventory-Human Services Survey (MBI-HSS). Multivariable linear and logistic
              regression examined factors associated with emotional exhaustion and high
              burnout.""",
            ),
            S(
                "RESULTS",
                """In total, 356 nurses responded (response rate 47.2%). The prevalence of
              high burnout was 38.5%, and 52.0% reported high emotional exhaustion. Inadequate
              staffing levels were associated with higher emotional exhaustion (beta = 4.21,
              p < 0.001), as were working 12-hour night shifts and frequent exposure to patient
              deaths. Nurses who reported structured debriefing after critical incidents had lower
              burnout (OR 0.48, 95% CI 0.29-0.79), and perceived management support was also
              associated with lower burnout. Age and years of ICU experience were not associated
              with burnout. Almost half of respondents (46.3%) reported an intention to leave their
              current post within two years, and burnout was strongly associated with turnover
              intention.""",
            ),
            S(
                "CONCLUSIONS",
                """More than a third of ICU nurses in Ireland met criteria for high
              burnout. Safe staffing, predictable rosters and routine debriefing after critical
              incidents should be priorities for hospital management.""",
            ),
        ],
        keywords=["burnout", "intensive care", "nurses", "staffing", "debriefing", "Ireland"],
        mesh=[
            "*Burnout, Professional/epidemiology",
            "Cross-Sectional Studies",
            "Humans",
            "Intensive Care Units",
            "Ireland/epidemiology",
            "*Nurses",
            "Personnel Staffing and Scheduling",
            "Surveys and Questionnaires",
        ],
    ),
    Study(
        num=9,
        pmid="990000104",
        title="An eight-week mindfulness programme to reduce burnout in internal medicine "
        "residents: a randomised controlled trial in California.",
        authors=[
            ("Nguyen", "Linh T"),
            ("Ramirez", "Daniel A"),
            ("Chen", "Grace"),
            ("Ortiz", "Maria"),
        ],
        affiliation="Department of Medicine, Example University of California, Los Angeles, "
        "CA, USA.",
        journal="Example medical education research",
        abbr="Ex Med Educ Res",
        year=2023,
        month="Sep",
        volume="9",
        issue="3",
        pages="201-210",
        country="United States",
        design="randomised controlled trial",
        pub_types=["Journal Article", "Randomized Controlled Trial"],
        abstract=[
            S(
                "BACKGROUND",
                """Burnout is common among resident physicians and has been linked to
              medical errors and attrition. Mindfulness-based interventions may reduce burnout,
              but few trials have tested them during protected teaching time.""",
            ),
            S(
                "METHODS",
                """We conducted a parallel-group randomised controlled trial in three
              internal medicine residency programmes in Los Angeles and San Francisco, California,
              USA. Residents were randomised to an eight-week mindfulness programme delivered in
              protected weekly teaching time or to a waitlist control. The primary outcome was
              emotional exhaustion on the Maslach Burnout Inventory at 12 weeks; secondary
              outcomes included depersonalisation, perceived stress (PSS) and a single-item
              burnout measure.""",
            ),
            S(
                "RESULTS",
                """Of 148 eligible residents, 120 were randomised (61 intervention, 59
              control) and 108 (90.0%) completed follow-up. At 12 weeks, emotional exhaustion was
              lower in the intervention group than in the control group (adjusted mean difference
              -4.6, 95% CI -7.9 to -1.3). The prevalence of burnout on the single-item measure fell
              from 47.5% to 31.1% in the intervention group and was unchanged in the control group
              (45.8% to 44.1%). Perceived stress improved, but depersonalisation did not differ
              between groups. Residents reported that protected time to attend was essential and
              that sessions scheduled after long shifts were hard to attend. Effects had
              attenuated by six months.""",
            ),
            S(
                "CONCLUSIONS",
                """A mindfulness programme delivered in protected teaching time
              reduced emotional exhaustion among residents in the short term. Individual-level
              programmes should complement, not replace, changes to duty hours and workload.""",
            ),
        ],
        keywords=[
            "burnout",
            "residents",
            "mindfulness",
            "randomised controlled trial",
            "wellbeing",
        ],
        mesh=[
            "*Burnout, Professional/prevention & control",
            "California",
            "Humans",
            "*Internship and Residency",
            "*Mindfulness",
            "Stress, Psychological",
        ],
    ),
    Study(
        num=10,
        pmid="990000105",
        title="Flexible scheduling and team huddles to reduce burnout in Ontario family health "
        "teams (FLEX-FHT): protocol for a stepped-wedge cluster randomised trial.",
        authors=[("Tremblay", "Julie"), ("Singh", "Arjun"), ("MacDonald", "Heather L")],
        affiliation="Department of Family Medicine, Example University of Toronto, Toronto, "
        "Ontario, Canada.",
        journal="Example trials and protocols",
        abbr="Ex Trials Protoc",
        year=2024,
        month="Jan",
        volume="5",
        issue="1",
        pages="e1023",
        country="Canada",
        design="study protocol",
        pub_types=["Journal Article", "Clinical Trial Protocol"],
        abstract=[
            S(
                "BACKGROUND",
                """Burnout among primary care clinicians in Canada has risen since
              2020. Qualitative work in Ontario family health teams has linked it to administrative
              burden, in-basket volume and a lack of control over schedules, and has identified
              flexible scheduling and team-based care as promising organisational responses.""",
            ),
            S(
                "METHODS",
                """FLEX-FHT is a stepped-wedge cluster randomised trial in 16 family health
              teams in Ontario, Canada, including sites in Toronto, Ottawa, Hamilton and Thunder
              Bay. Teams will cross from usual practice to the intervention in four steps over 18
              months, in random order. The intervention combines clinician-controlled flexible
              scheduling (including protected administrative time and a choice of compressed or
              part-time rotas), daily ten-minute team huddles and redistribution of in-basket tasks
              to nurses and administrative staff. The primary outcome is the proportion of
              physicians and nurse practitioners reporting burnout on the Mini-Z single item;
              secondary outcomes include the Maslach Burnout Inventory, intention to leave,
              after-hours documentation time extracted from the electronic medical record, and
              patient access. A parallel process evaluation will use semi-structured interviews
              with clinicians and managers.""",
            ),
            S(
                "DISCUSSION",
                """The trial will provide evidence on whether organisational changes to
              scheduling and teamwork reduce burnout among primary care clinicians. Results will be
              shared with health system partners and family health teams across Ontario.""",
            ),
        ],
        keywords=[
            "burnout",
            "primary care",
            "family health teams",
            "flexible scheduling",
            "protocol",
        ],
        mesh=[
            "*Burnout, Professional/prevention & control",
            "Humans",
            "Ontario",
            "*Patient Care Team",
            "Physicians, Family",
            "Primary Health Care",
        ],
    ),
]

XML_STUDIES = [
    Study(
        num=11,
        pmid="990000201",
        title="Burnout, in-basket volume and team-based care among family physicians in Ontario "
        "family health teams: a cross-sectional Mini-Z survey.",
        authors=[("Gagnon", "Sophie"), ("Patel", "Rohan"), ("Wilson", "Emma K")],
        affiliation="Department of Family Medicine, Example McMaster University, Hamilton, "
        "Ontario, Canada.",
        journal="Example Canadian primary care journal",
        abbr="Ex Can Prim Care J",
        year=2023,
        month="Apr",
        volume="69",
        issue="4",
        pages="255-263",
        country="Canada",
        design="cross-sectional",
        abstract=[
            S(
                "BACKGROUND",
                """Family physicians in Ontario family health teams (FHTs) work in
              interprofessional teams intended to share the workload of primary care. We examined
              the prevalence of burnout and its workplace correlates in this setting.""",
            ),
            S(
                "METHODS",
                """We surveyed physicians in 42 FHTs across Ontario, Canada, using the
              Mini-Z 2.0 survey, which includes a single-item burnout measure and items on time
              pressure, documentation burden, control over workload and teamwork. Logistic
              regression estimated associations with self-reported burnout.""",
            ),
            S(
                "RESULTS",
                """Of 804 physicians invited, 418 responded (response rate 52.0%). Overall,
              31.8% reported burnout. Excessive time spent on the electronic medical record at home
              and high in-basket volume were associated with higher odds of burnout (OR 2.64 and
              OR 1.89, respectively), as was insufficient time for documentation during clinic.
              Physicians who reported good team efficiency, with nurses and administrative staff
              managing routine inbox messages, had lower odds of burnout (OR 0.44). Control over
              one's own schedule and a calm rather than chaotic work atmosphere were also
              associated with less burnout. Rural practice was not associated with burnout after
              adjustment. Among physicians with burnout, 38.3% planned to reduce clinical hours
              within two years.""",
            ),
            S(
                "CONCLUSIONS",
                """About a third of FHT physicians reported burnout. Redistributing
              in-basket work within the team, protecting documentation time and giving physicians
              more control over scheduling may reduce it.""",
            ),
        ],
        keywords=[
            "burnout",
            "family physicians",
            "electronic medical record",
            "in-basket",
            "Mini-Z",
        ],
        mesh=[
            "*Burnout, Professional/epidemiology",
            "Cross-Sectional Studies",
            "Electronic Health Records",
            "Humans",
            "Ontario/epidemiology",
            "*Physicians, Family",
        ],
    ),
    Study(
        num=12,
        pmid="990000202",
        title="'We hold the risk that no one else will': a focus group study of burnout in "
        "community mental health teams in Scotland.",
        authors=[("Campbell", "Fiona"), ("Reid", "Alasdair J"), ("Mensah", "Kofi")],
        affiliation="Institute of Health and Wellbeing, Example University of Glasgow, Glasgow, UK.",
        journal="Example journal of mental health services",
        abbr="Ex J Ment Health Serv",
        year=2022,
        month="Feb",
        volume="14",
        issue="1",
        pages="33-44",
        country="Scotland",
        design="qualitative",
        abstract=[
            S(
                "BACKGROUND",
                """Community mental health teams (CMHTs) support people with severe
              mental illness in the community. Staff turnover is high, but the organisational
              drivers of burnout in multidisciplinary CMHTs are not well described.""",
            ),
            S(
                "METHODS",
                """We conducted six focus groups with 38 CMHT staff (community psychiatric
              nurses, social workers, occupational therapists, psychologists and psychiatrists) at
              four sites in Glasgow, Edinburgh and Dundee, Scotland, UK. Discussions were
              audio-recorded, transcribed and analysed using framework analysis.""",
            ),
            S(
                "RESULTS",
                """Participants described rising caseloads and the holding of clinical
              risk for patients on long waiting lists as the main sources of emotional exhaustion.
              Staffing shortages and unfilled vacancies meant that remaining staff absorbed extra
              cases, and administrative tasks linked to risk documentation reduced time for direct
              care. Exposure to suicide and serious incidents, followed by investigations that felt
              blaming, was described as deeply distressing. In contrast, a cohesive team, access
              to reflective practice groups and supportive team leaders were described as
              protective, as was the ability to take time off in lieu after crisis work. Several
              participants described colleagues leaving for the private sector and intended to
              leave themselves.""",
            ),
            S(
                "CONCLUSIONS",
                """Burnout in CMHTs was rooted in workload, risk and staffing.
              Investment in staffing, reflective practice and a just culture after serious
              incidents may reduce burnout and turnover.""",
            ),
        ],
        keywords=[
            "burnout",
            "community mental health teams",
            "focus groups",
            "staffing",
            "Scotland",
        ],
        mesh=[
            "*Burnout, Professional/psychology",
            "Community Mental Health Services",
            "Focus Groups",
            "Humans",
            "Qualitative Research",
            "Scotland",
        ],
    ),
    Study(
        num=13,
        pmid="990000203",
        title="Trajectories of burnout among hospital nurses in Victoria, Australia, 2020-2022: "
        "a three-wave prospective cohort study.",
        authors=[("Kelly", "Bronwyn"), ("Tran", "Minh"), ("Fraser", "Lachlan D")],
        affiliation="School of Nursing, Example Monash University, Melbourne, Victoria, Australia.",
        journal="Example Australian nursing research",
        abbr="Ex Aust Nurs Res",
        year=2023,
        month="Aug",
        volume="40",
        issue="4",
        pages="310-322",
        country="Australia",
        design="cohort",
        abstract=[
            S(
                "BACKGROUND",
                """Cross-sectional surveys cannot show how burnout changes over time. We
              followed a cohort of hospital nurses in Victoria, Australia, through three waves of
              data collection.""",
            ),
            S(
                "METHODS",
                """Registered and enrolled nurses in five public hospitals in Melbourne
              and regional Victoria completed the Maslach Burnout Inventory and questions on
              working conditions in 2020, 2021 and 2022. Mixed-effects models estimated
              associations between time-varying work factors and emotional exhaustion.""",
            ),
            S(
                "RESULTS",
                """At baseline 1,146 nurses participated, and 702 (61.3%) completed all
              three waves. The prevalence of high emotional exhaustion rose from 35.2% in 2020 to
              48.9% in 2022. Increases in overtime and in the number of consecutive shifts worked
              were associated with increases in emotional exhaustion, as were staff shortages on
              the ward. Nurses whose access to leave improved, and those who reported adequate
              rest breaks, showed decreases in emotional exhaustion. Supportive nurse unit managers
              predicted lower depersonalisation at the following wave. Burnout at baseline
              predicted leaving the hospital by 2022 (HR 1.74, 95% CI 1.31-2.32).""",
            ),
            S(
                "CONCLUSIONS",
                """Burnout among nurses in Victoria increased over the three years and
              tracked changes in working conditions. Protecting rest breaks and leave, and reducing
              overtime, are modifiable targets.""",
            ),
        ],
        keywords=["burnout", "nurses", "cohort", "overtime", "rest breaks", "Australia"],
        mesh=[
            "*Burnout, Professional/epidemiology",
            "Humans",
            "Longitudinal Studies",
            "*Nursing Staff, Hospital",
            "Prospective Studies",
            "Victoria/epidemiology",
        ],
    ),
]

DUPLICATE_STUDY = Study(
    num=16,
    title="Debriefing, trauma exposure and burnout among emergency department nurses in London: "
    "a qualitative interview study",
    authors=[("Adeyemi", "Funmilayo"), ("Brooks", "Hannah"), ("Kowalski", "Piotr")],
    affiliation="Florence Nightingale Example Faculty of Nursing, Example College London, London, "
    "United Kingdom",
    journal="Example Emergency Nursing Journal",
    abbr="Ex. Emerg. Nurs. J.",
    year=2022,
    month="May",
    volume="63",
    issue="",
    pages="101156",
    country="United Kingdom",
    design="Article",
    abstract=[
        S(
            "Background",
            """Emergency department (ED) nurses face crowding, violence and repeated
          exposure to traumatic events. We explored how ED nurses in London experience burnout and
          what helps them cope.""",
        ),
        S(
            "Methods",
            """We conducted 22 semi-structured interviews with registered nurses at three
          EDs in London, UK, between January and June 2021, and analysed transcripts using
          reflexive thematic analysis.""",
        ),
        S(
            "Results",
            """Nurses described corridor care, chronic understaffing and twelve-hour
          shifts without breaks as the everyday background to exhaustion. Repeated exposure to
          trauma, including paediatric deaths and assaults, was described as cumulative:
          participants said that each event was manageable but the accumulation was not. Verbal
          and physical violence from patients was common and contributed to cynicism. Structured
          hot debriefing after critical incidents, when it happened, was described as the most
          helpful support, and participants contrasted it with shifts where no debrief was
          possible because the department was full. Peer support from colleagues and a supportive
          nurse in charge were described as protective, while participants felt that wellbeing
          apps offered by the trust did not address the causes of burnout. Several participants
          had reduced their hours or moved to agency work, and some intended to leave nursing.""",
        ),
        S(
            "Conclusions",
            """Burnout among ED nurses was linked to understaffing, trauma exposure
          and violence. Routine debriefing and safe staffing may help retain this workforce.""",
        ),
    ],
    keywords=["burnout", "emergency nursing", "debriefing", "trauma", "qualitative research"],
)

RIS_STUDIES = [
    Study(
        num=14,
        title="Prevalence of burnout among mental health professionals: a systematic review and "
        "meta-analysis",
        authors=[
            ("O'Connor", "Siobhan"),
            ("Hughes", "Daniel"),
            ("Lindqvist", "Anna"),
            ("Mbeki", "Thandi"),
        ],
        affiliation="School of Psychology, Example University of Bristol, Bristol, United Kingdom",
        journal="Example Psychiatric Epidemiology Review",
        abbr="Ex. Psychiatr. Epidemiol. Rev.",
        year=2022,
        month="Mar",
        volume="27",
        issue="2",
        pages="145-160",
        country="United Kingdom",
        design="Review",
        abstract=[
            S(
                None,
                """Objective: To estimate the prevalence of burnout among mental health
              professionals and to examine study-level factors associated with it. Methods: We
              searched MEDLINE, Embase, PsycINFO and CINAHL from inception to March 2021 for
              cross-sectional and cohort studies that measured burnout with the Maslach Burnout
              Inventory in psychiatrists, psychologists, mental health nurses, social workers,
              counsellors and psychotherapists. Two reviewers screened studies, extracted data and
              assessed risk of bias. We pooled prevalence using random-effects meta-analysis.
              Results: Forty-six studies (n = 18,932) from 21 countries were included. The pooled
              prevalence of high emotional exhaustion was 40.1% (95% CI 35.4-44.9%) and of high
              depersonalisation 22.3% (95% CI 18.1-26.8%). Heterogeneity was high. In narrative
              synthesis, high caseload, long working hours, exposure to patient suicide and a lack
              of autonomy were consistently associated with higher burnout, whereas clinical
              supervision, team cohesion and perceived organisational support were associated with
              lower burnout. Age was not consistently associated with burnout. Conclusions: Around
              two in five mental health professionals report high emotional exhaustion.
              Organisational factors appear more important than individual characteristics and
              should be the focus of prevention.""",
            ),
        ],
        keywords=[
            "burnout",
            "mental health professionals",
            "meta-analysis",
            "prevalence",
            "systematic review",
        ],
    ),
    Study(
        num=15,
        title="Compassion fatigue and burnout among child protection social workers in Sao Paulo, "
        "Brazil: a cross-sectional survey using the Professional Quality of Life Scale",
        authors=[("Silva", "Mariana Costa"), ("Oliveira", "Rafael"), ("Santos", "Juliana P")],
        affiliation="Departamento de Servico Social, Universidade Exemplo de Sao Paulo, "
        "Sao Paulo, Brazil",
        journal="Example Journal of Social Work in Health",
        abbr="Ex. J. Soc. Work Health",
        year=2021,
        month="Oct",
        volume="11",
        issue="4",
        pages="389-401",
        country="Brazil",
        design="Article",
        abstract=[
            S(
                None,
                """Background: Social workers in child protection services are repeatedly
              exposed to children's traumatic experiences. Methods: We conducted a cross-sectional
              survey of social workers in municipal child protection services in Sao Paulo,
              Brazil, using the Professional Quality of Life Scale version 5 (ProQOL-5), which
              measures compassion satisfaction, burnout and secondary traumatic stress. Linear
              regression examined associated factors. Results: A total of 302 social workers
              participated (response rate 63.5%). High burnout was found in 27.2% and high
              secondary traumatic stress in 33.8%. Caseloads above 40 families and exposure to
              cases of sexual abuse were associated with higher secondary traumatic stress and
              burnout. Weekly supervision and peer support were associated with lower burnout and
              higher compassion satisfaction. Low pay and threats or violence from families were
              also associated with higher burnout, whereas years of experience was not.
              Conclusions: Compassion fatigue was common. Caseload limits, supervision and
              protection from violence should be part of workforce policy in child protection.""",
            ),
        ],
        keywords=["compassion fatigue", "burnout", "social workers", "child protection", "ProQOL"],
    ),
    DUPLICATE_STUDY,
]

BIBTEX_STUDIES = [
    DUPLICATE_STUDY,
    Study(
        num=17,
        title="Organisational interventions to prevent burnout in psychotherapists and "
        "counsellors: a scoping review",
        authors=[("Morgan", "Eleanor"), ("Achterberg", "Pieter"), ("Fitzgerald", "Claire")],
        affiliation="School of Health Sciences, Example University of Manchester, Manchester, "
        "United Kingdom",
        journal="Example Counselling and Psychotherapy Research",
        abbr="Ex. Couns. Psychother. Res.",
        year=2024,
        month="Feb",
        volume="24",
        issue="1",
        pages="58-72",
        country="United Kingdom",
        design="Review",
        abstract=[
            S(
                None,
                """Background: Most interventions for burnout in talking therapists target
              individuals. We mapped organisational interventions for psychotherapists and
              counsellors. Methods: Following the JBI methodology for scoping reviews and the
              PRISMA-ScR checklist, we searched MEDLINE, PsycINFO, CINAHL and grey literature from
              2000 to 2023. We included studies of any design that evaluated or described an
              organisational intervention to prevent or reduce burnout among psychotherapists,
              counsellors or psychological practitioners. Results: Fifty-seven sources were
              included, most from the UK, the USA and Australia. Interventions included caseload
              caps, protected time between sessions, changes to supervision, peer consultation
              groups, flexible working and reduced performance targets. Only 11 sources reported
              outcome data, mostly uncontrolled before-and-after designs. Reduced caseloads and
              reflective supervision were most often associated with lower burnout, and peer
              consultation groups with reduced isolation among therapists in private practice.
              Evidence on flexible working was mixed, and no study evaluated changes to pay.
              Conclusions: Organisational interventions for talking therapists are described more
              often than evaluated. Trials of caseload limits, protected breaks and supervision are
              needed.""",
            ),
        ],
        keywords=[
            "burnout",
            "psychotherapists",
            "counsellors",
            "organisational interventions",
            "scoping review",
        ],
    ),
    Study(
        num=18,
        title="Burnout among community midwives in the Netherlands: a cross-sectional survey "
        "with the Copenhagen Burnout Inventory",
        authors=[("Jansen", "Femke"), ("van Dijk", "Sanne"), ("Mulder", "Ruud")],
        affiliation="Midwifery Academy, Example University of Amsterdam, Amsterdam, Netherlands",
        journal="Example Midwifery Research",
        abbr="Ex. Midwifery Res.",
        year=2021,
        month="Jul",
        volume="98",
        issue="",
        pages="103012",
        country="Netherlands",
        design="Article",
        abstract=[
            S(
                None,
                """Background: Dutch community midwives provide continuity of care, including
              home births, and work long on-call shifts. Methods: A national cross-sectional online
              survey of community midwives was conducted in 2020 using the Copenhagen Burnout
              Inventory (CBI). Multivariable regression examined associations between work
              characteristics and work-related burnout. Results: 534 midwives completed the survey
              (response rate 29.8%). Work-related burnout (CBI score of 50 or more) was present in
              41.2%, and client-related burnout in 12.5%. On-call duties of more than 60 hours per
              week, conflict with obstetricians and a lack of autonomy in clinical decision-making
              were associated with higher work-related burnout. Working in a practice with a shared
              on-call rota, and reporting good work-life balance, were associated with lower
              burnout. Midwives with burnout more often reported an intention to leave the
              profession (OR 3.12). Conclusions: Burnout among community midwives was associated
              with on-call workload and interprofessional relationships. Practice models that
              share on-call duties may protect midwives.""",
            ),
        ],
        keywords=["burnout", "midwives", "on-call", "Copenhagen Burnout Inventory", "Netherlands"],
    ),
]

WOS_STUDIES = [
    Study(
        num=19,
        title="Duty hours, mistreatment and burnout among resident physicians in Quebec, Canada: "
        "a province-wide cross-sectional survey",
        authors=[("Lefebvre", "Marie-Eve"), ("Cote", "Olivier"), ("Haddad", "Nadia")],
        affiliation="Univ Exemple Montreal, Fac Med, Montreal, PQ, Canada",
        journal="EXAMPLE JOURNAL OF RESIDENT WELLBEING",
        abbr="EX J RESID WELLBEING",
        year=2022,
        month="JUN",
        volume="7",
        issue="2",
        pages="88-97",
        country="Canada",
        design="Article",
        abstract=[
            S(
                None,
                """Background: Resident physicians are at high risk of burnout. We examined the
              prevalence of burnout and its correlates among residents in Quebec, Canada. Methods:
              All residents at four Quebec medical faculties in Montreal, Quebec City and
              Sherbrooke were invited to an anonymous online survey including the Maslach Burnout
              Inventory. Logistic regression examined associations with burnout. Results: 612
              residents responded (response rate 38.9%). Burnout, defined as high emotional
              exhaustion or high depersonalisation, was present in 51.3%. Working more than 70
              hours per week, frequent 24-hour calls and experiences of mistreatment by supervisors
              were associated with higher odds of burnout. Residents who reported a supportive
              programme director, adequate sleep and time for physical activity had lower odds of
              burnout. Female gender was associated with higher emotional exhaustion, although the
              association was attenuated after adjustment for mistreatment. Residents with burnout
              were more likely to report a recent medical error and to consider leaving their
              programme. Conclusions: Half of Quebec residents met criteria for burnout. Limits on
              duty hours and zero tolerance of mistreatment are priorities.""",
            ),
        ],
        keywords=["burnout", "residents", "duty hours", "mistreatment", "Quebec"],
    ),
    Study(
        num=20,
        title="Working in the gaps: a qualitative study of burnout among social workers in "
        "community mental health agencies in Toronto, Ontario",
        authors=[("Okonkwo", "Adaeze"), ("Levine", "Rachel"), ("Da Silva", "Marco")],
        affiliation="Univ Exemple Toronto, Factor Inwentash Fac Social Work, Toronto, ON, Canada",
        journal="EXAMPLE CANADIAN JOURNAL OF SOCIAL WORK PRACTICE",
        abbr="EX CAN J SOC WORK PRACT",
        year=2023,
        month="MAR",
        volume="40",
        issue="1",
        pages="15-31",
        country="Canada",
        design="Article",
        abstract=[
            S(
                None,
                """Social workers in community mental health agencies support clients facing
              homelessness, poverty and severe mental illness. This qualitative study explored how
              they experience burnout. We conducted semi-structured interviews with 20 social
              workers employed by eight community agencies in Toronto, Ontario, Canada, and
              analysed transcripts thematically. Participants described unmanageable caseloads,
              short-term funding contracts and job insecurity, and the moral distress of
              discharging clients to services with year-long waiting lists. Emotional labour was
              constant, and several participants described vicarious trauma after client deaths
              from overdose. Pay that had not kept pace with the cost of living in Toronto was
              described as a reason colleagues left. Protective factors included supportive
              supervisors, team debriefs after critical incidents and agency policies that allowed
              flexible hours and mental health days. Burnout led participants to take sick leave,
              reduce their caseload informally or leave for hospital or government posts. Agencies
              and funders should address caseload size, stable funding and fair pay to retain
              community social workers.""",
            ),
        ],
        keywords=[
            "burnout",
            "social work",
            "community mental health",
            "vicarious trauma",
            "qualitative",
        ],
    ),
    Study(
        num=21,
        title="Effect of a peer support programme for intensive care staff on burnout: a pre-post "
        "evaluation in Boston, Massachusetts",
        authors=[("Sullivan", "Kathleen M"), ("Okafor", "Emeka"), ("Goldberg", "Ari")],
        affiliation="Example Gen Hosp, Dept Crit Care, Boston, MA 02114 USA",
        journal="EXAMPLE JOURNAL OF CRITICAL CARE WORKFORCE",
        abbr="EX J CRIT CARE WORKF",
        year=2023,
        month="OCT",
        volume="12",
        issue="5",
        pages="402-410",
        country="USA",
        design="Article",
        abstract=[
            S(
                None,
                """Purpose: To evaluate a structured peer support programme for intensive care
              unit (ICU) staff. Methods: A peer support programme providing trained peer responders
              after adverse events, monthly facilitated reflective rounds and rapid access to
              counselling was introduced in four ICUs at two teaching hospitals in Boston,
              Massachusetts, USA. We surveyed nurses, physicians and respiratory therapists before
              and 12 months after implementation using the Maslach Burnout Inventory and the
              Professional Quality of Life Scale (ProQOL). Results: 274 staff responded at baseline
              and 251 at follow-up (response rates 46.4% and 42.5%). The prevalence of burnout fell
              from 44.9% to 36.3%. Staff who had used peer support reported lower secondary
              traumatic stress than those who had not. Reflective rounds were valued for reducing
              isolation after patient deaths. However, burnout remained higher among staff working
              more than three night shifts per week, and staffing shortages were cited as the main
              barrier to attending sessions. Conclusions: A peer support programme was associated
              with lower burnout in ICU staff, although the uncontrolled design limits causal
              inference. Peer support should accompany, not replace, safe staffing.""",
            ),
        ],
        keywords=[
            "burnout",
            "peer support",
            "intensive care",
            "secondary traumatic stress",
            "ProQOL",
        ],
    ),
]

SCOPUS_STUDIES = [
    Study(
        num=22,
        title="Burnout syndrome among physicians in public hospitals in Porto Alegre, Brazil: "
        "prevalence and associated factors",
        authors=[("Pereira", "Lucas Almeida"), ("Souza", "Fernanda"), ("Rocha", "Gabriel")],
        affiliation="Programa de Pos-Graduacao em Epidemiologia, Universidade Exemplo do Rio "
        "Grande do Sul, Porto Alegre, Brazil",
        journal="Example Brazilian Journal of Occupational Health",
        abbr="Ex. Braz. J. Occup. Health",
        year=2021,
        month="Dec",
        volume="46",
        issue="",
        pages="e14",
        country="Brazil",
        design="Article",
        pmid="990000401",
        abstract=[
            S(
                None,
                """Objective: To estimate the prevalence of burnout syndrome among physicians in
              public hospitals and to identify associated factors. Methods: Cross-sectional study
              with physicians working in three public hospitals in Porto Alegre, Rio Grande do Sul,
              Brazil. Participants completed the Maslach Burnout Inventory-Human Services Survey
              and a questionnaire on sociodemographic and work characteristics. Poisson regression
              with robust variance estimated prevalence ratios. Results: 389 physicians
              participated (response rate 55.6%). The prevalence of burnout syndrome was 33.7%.
              Working in more than two jobs, weekly working hours above 60, and night shifts in
              emergency services were associated with higher prevalence of burnout. Perceived lack
              of resources, such as beds and equipment, and episodes of verbal violence from
              patients' families were also associated with burnout. Satisfaction with pay and
              having at least one day off per week were associated with lower prevalence. Sex was
              not associated with burnout. Conclusions: One in three physicians in public
              hospitals in Porto Alegre had burnout. Multiple jobs and long hours, which reflect
              low pay in the public system, and poor working conditions were the main associated
              factors. © 2021 Example Publishing. All rights reserved.""",
            ),
        ],
        keywords=["Burnout", "Physicians", "Public hospitals", "Working hours", "Brazil"],
    ),
    Study(
        num=23,
        title="Staffing, emotional labour and burnout among nurses in long-term care homes in "
        "Ontario: a mixed-methods study",
        authors=[("Chen", "Wei"), ("Boateng", "Abena"), ("Roy", "Catherine")],
        affiliation="School of Nursing, Example McMaster University, Hamilton, ON, Canada",
        journal="Example Journal of Long-Term Care",
        abbr="Ex. J. Long-Term Care",
        year=2022,
        month="Sep",
        volume="23",
        issue="9",
        pages="1544-1552",
        country="Canada",
        design="Article",
        abstract=[
            S(
                None,
                """Background: Long-term care (LTC) homes in Ontario, Canada, were severely
              affected by the COVID-19 pandemic. We examined burnout among nurses in LTC and the
              conditions that contribute to it. Methods: Explanatory sequential mixed-methods
              study. Registered nurses and registered practical nurses in 23 LTC homes in Hamilton
              and the Niagara region completed a survey including the Maslach Burnout Inventory;
              16 survey respondents then took part in semi-structured interviews, analysed with
              thematic analysis. Results: Of 214 respondents (response rate 41.8%), 56.1% had high
              emotional exhaustion. Short staffing, caring for more than 30 residents per shift
              and fear of infection were associated with higher emotional exhaustion; feeling
              recognised by management was associated with lower burnout. Interviews explained
              these findings: nurses described missed care, moral distress when residents died
              alone, and the emotional labour of supporting families who could not visit. Nurses
              valued managers who worked alongside them, and full-time permanent positions rather
              than casual contracts. Many intended to leave LTC for hospital work. Conclusions:
              Burnout in Ontario LTC was driven by staffing and workload. Minimum staffing
              standards and permanent full-time employment may help retain nurses. © 2022 The
              Authors""",
            ),
        ],
        keywords=["Burnout", "Long-term care", "Nurses", "Staffing", "Mixed methods"],
    ),
    Study(
        num=24,
        title="Organisational interventions to reduce burnout in nurses: a systematic review and "
        "meta-analysis of controlled trials",
        authors=[("Andersson", "Karin"), ("Ibrahim", "Yusuf"), ("Walsh", "Deirdre")],
        affiliation="Department of Nursing, Example Karolinska Institute, Stockholm, Sweden",
        journal="Example International Journal of Nursing Workforce",
        abbr="Ex. Int. J. Nurs. Workforce",
        year=2024,
        month="Apr",
        volume="152",
        issue="",
        pages="104690",
        country="Sweden",
        design="Review",
        abstract=[
            S(
                None,
                """Background: Interventions to reduce nurse burnout have focused on individual
              resilience. We aimed to synthesise evidence on organisational interventions. Methods:
              Systematic review and meta-analysis. We searched MEDLINE, CINAHL, Embase, PsycINFO
              and Scopus to January 2024 for controlled trials of organisational interventions for
              nurse burnout. Risk of bias was assessed with RoB 2 and ROBINS-I. Results:
              Twenty-four trials (n = 4,718 nurses) from 12 countries were included. Organisational
              interventions reduced emotional exhaustion compared with control (standardised mean
              difference -0.38, 95% CI -0.55 to -0.21). Interventions that changed scheduling, such
              as self-rostering and shorter shifts, and those that increased staffing had the
              largest effects. Structured peer support and clinical supervision showed smaller
              benefits. Interventions limited to stress-management training were not associated
              with reduced burnout. Certainty of evidence was low to moderate. Conclusions:
              Organisational interventions, especially those addressing staffing and scheduling,
              reduce burnout among nurses. © 2024 Example Publishing Ltd""",
            ),
        ],
        keywords=[
            "Burnout",
            "Nurses",
            "Organisational interventions",
            "Meta-analysis",
            "Scheduling",
        ],
    ),
]

WOS_TAB_STUDIES = [
    Study(
        num=25,
        title="Burnout and its correlates among community mental health nurses in Yorkshire, "
        "England: a cross-sectional survey using the Copenhagen Burnout Inventory",
        authors=[("Wood", "Sarah"), ("Hussain", "Imran"), ("Clarke", "Joanne")],
        affiliation="Univ Exemple Leeds, Sch Healthcare, Leeds, W Yorkshire, England",
        journal="EXAMPLE JOURNAL OF MENTAL HEALTH NURSING",
        abbr="EX J MENT HEALTH NURS",
        year=2023,
        month="FEB",
        volume="30",
        issue="1",
        pages="112-123",
        country="England",
        design="Article",
        abstract=[
            S(
                None,
                """Introduction: Community mental health nurses (CMHNs) in England carry large
              caseloads of people with severe mental illness. Aim: To measure burnout among CMHNs
              and examine associated factors. Method: Cross-sectional online survey of CMHNs in two
              NHS mental health trusts in Leeds and Sheffield, Yorkshire, England, including the
              Copenhagen Burnout Inventory (CBI) and the Secondary Traumatic Stress Scale. Results:
              248 CMHNs responded (response rate 49.6%). Work-related burnout was present in 58.9%.
              Caseloads of more than 35 patients, paperwork and electronic record keeping, and lone
              working were associated with higher burnout. Monthly clinical supervision, good team
              relationships and access to flexible working were associated with lower burnout.
              Agency staff use and vacancy rates on the team were associated with higher
              client-related burnout. Discussion: Burnout was common among CMHNs and linked to
              caseload and administrative demands. Implications for Practice: Trusts should monitor
              caseloads, reduce duplicate documentation and protect clinical supervision.""",
            ),
        ],
        keywords=["burnout", "community mental health nursing", "caseload", "clinical supervision"],
    ),
    Study(
        num=26,
        title="'The GP is the last safety net': a qualitative study of burnout among general "
        "practitioners in rural Ireland",
        authors=[("Gallagher", "Eoin"), ("Nolan", "Grainne"), ("Burke", "Padraig")],
        affiliation="Univ Exemple Galway, Discipline Gen Practice, Galway, Ireland",
        journal="EXAMPLE IRISH JOURNAL OF GENERAL PRACTICE",
        abbr="EX IR J GEN PRACT",
        year=2022,
        month="AUG",
        volume="15",
        issue="3",
        pages="201-210",
        country="Ireland",
        design="Article",
        abstract=[
            S(
                None,
                """Background: General practitioners (GPs) in rural Ireland face rising demand
              and difficulty recruiting colleagues. Aim: To explore rural GPs' experiences of
              burnout and the factors that sustain them. Design and setting: Qualitative study with
              GPs in rural practices in the West of Ireland (Counties Galway, Mayo and Donegal).
              Method: Nineteen semi-structured interviews were conducted and analysed using
              thematic analysis. Results: GPs described burnout arising from relentless demand,
              out-of-hours on-call commitments, professional isolation and an inability to find
              locum cover to take time off. The administrative burden of referral letters, forms
              and reports was described as a major drain. GPs in group practices described sharing
              on-call rotas and peer support as protective, and those who had reduced their
              sessions described better work-life balance. Continuity of care and long
              relationships with patients were described as meaningful and sustaining, despite the
              emotional demands. Several GPs planned early retirement. Conclusion: Burnout among
              rural GPs was linked to demand, on-call commitments and isolation. Support for group
              practice, locum cover and reduced administrative work may sustain rural general
              practice.""",
            ),
        ],
        keywords=["burnout", "general practice", "rural health", "on-call", "qualitative research"],
    ),
]

PUBMED_CSV_STUDIES = [
    Study(
        num=27,
        pmid="990000301",
        title="Burnout, workplace violence and turnover intention among emergency department "
        "nurses in California: a cross-sectional survey.",
        authors=[("Hernandez", "Ana"), ("Kim", "Daniel"), ("Brown", "Tasha")],
        affiliation="",
        journal="Example western journal of emergency nursing",
        abbr="Ex West J Emerg Nurs",
        year=2024,
        month="Feb",
        volume="8",
        issue="1",
        pages="14-22",
        country="United States",
        design="cross-sectional",
        abstract=[],
        keywords=[],
    ),
    Study(
        num=28,
        pmid="990000302",
        title="Moral distress and burnout among intensive care physicians in the Netherlands: a "
        "prospective cohort study.",
        authors=[("Visser", "Thijs"), ("de Boer", "Lotte"), ("Hendriks", "Maarten")],
        affiliation="",
        journal="Example Netherlands journal of critical care",
        abbr="Ex Neth J Crit Care",
        year=2023,
        month="Oct",
        volume="31",
        issue="5",
        pages="190-198",
        country="Netherlands",
        design="cohort",
        abstract=[],
        keywords=[],
    ),
]

TABLE_STUDIES = [
    Study(
        num=29,
        title="Compassion fatigue, burnout and compassion satisfaction among counsellors in "
        "private practice in Bristol, UK",
        authors=[("Price", "Helen"), ("Evans", "Owain")],
        affiliation="",
        journal="Example Counselling Review",
        abbr="",
        year=2023,
        month="",
        volume="",
        issue="",
        pages="",
        country="UK",
        design="cross-sectional",
        abstract=[
            S(
                None,
                """We surveyed counsellors and psychotherapists in private practice in Bristol
              and the South West of England using the Professional Quality of Life Scale (ProQOL).
              Of 240 practitioners contacted through professional directories, 143 responded
              (response rate 59.6%). High burnout was present in 24.5% and high secondary traumatic
              stress in 21.0%. Financial insecurity, working alone without colleagues and a high
              proportion of clients with trauma histories were associated with higher burnout.
              Regular paid supervision, membership of a peer consultation group and taking at least
              four weeks of holiday a year were associated with lower burnout and higher compassion
              satisfaction. The number of clients seen per week was not associated with burnout
              once trauma caseload was taken into account. Counsellors with high burnout more often
              reported cancelling sessions at short notice. Professional bodies could encourage
              peer consultation and affordable supervision for practitioners who work alone.""",
            ),
        ],
        keywords=[],
    ),
    Study(
        num=30,
        title="Burnout among psychological wellbeing practitioners and CBT therapists in Wales: "
        "a cross-sectional survey",
        authors=[("Jones", "Rhian"), ("Thomas", "Gethin")],
        affiliation="",
        journal="",
        abbr="",
        year=2024,
        month="",
        volume="",
        issue="",
        pages="",
        country="UK",
        design="cross-sectional",
        abstract=[
            S(
                None,
                """This cross-sectional survey examined burnout among psychological wellbeing
              practitioners (PWPs) and high-intensity CBT therapists in primary care psychological
              therapy services in Cardiff and Swansea, Wales. A total of 176 practitioners
              completed the Maslach Burnout Inventory (response rate 52.1%). High emotional
              exhaustion was reported by 49.4% of PWPs and 33.8% of CBT therapists. Pressure to
              meet recovery targets, a high weekly caseload and back-to-back sessions were
              associated with higher emotional exhaustion in multivariable regression. Management
              support, regular supervision and flexible scheduling, including the option to work
              from home for administrative time, were associated with lower burnout. Practitioner
              age was not associated with burnout. A third of PWPs intended to leave their post
              within a year, most often for high-intensity training. Services should review how
              targets are applied to individual practitioners.""",
            ),
        ],
        keywords=[],
    ),
]

# ------------------------------------------------------------------------ full texts

PSYCHOTHERAPISTS_TXT = f"""\"You can't pour from an empty cup\": a qualitative study of burnout among psychotherapists and counsellors in private practice in Victoria, Australia

{MARKER}

Eliza M. Harper, Nikhil Rao, Sophie Karalis
School of Psychological Sciences, Example University of Melbourne, Melbourne, Victoria, Australia
Example Australian Journal of Counselling Practice, 2023; 29(2): 141-156
https://doi.org/{DOI_PREFIX}002

Abstract

Background: Psychotherapists and counsellors in private practice provide a large share of psychological care in Australia, much of it funded through Medicare rebates. Little is known about how burnout develops in this largely self-employed workforce.
Methods: We conducted semi-structured interviews with 14 psychotherapists and counsellors in private practice in Melbourne, Geelong and Ballarat, Victoria, and analysed the transcripts with reflexive thematic analysis.
Results: Participants linked burnout to working alone, back-to-back sessions, financial pressure and repeated exposure to clients' trauma. Peer consultation, supervision, boundaries around working hours and planned time off were described as protective.
Conclusions: Burnout in private practice is shaped by how practice is organised and paid for. Professional bodies and funders can make peer support and sustainable caseloads easier to achieve.

Keywords: burnout; psychotherapists; counsellors; private practice; qualitative research; Australia

Background

Since the expansion of Medicare-funded psychological care in 2006, private practice has become the main setting in which Australians receive psychological therapy. Psychotherapists and counsellors in private practice are largely self-employed, set their own hours and are paid per session. Research on burnout among mental health professionals has mostly studied employees of public services, where caseload, targets and management practices are the usual explanations. Private practitioners escape some of these pressures but face others, and the organisational factors that shape their burnout are poorly understood.

The aim of this study was to explore how psychotherapists and counsellors in private practice in Victoria experience burnout, what they believe contributes to it, and what helps them to sustain their work.

Methods

Design. We used a qualitative design with semi-structured interviews, reported according to the COREQ checklist.

Participants and setting. Practitioners were recruited through professional association newsletters and snowball sampling. Fourteen practitioners took part: eight psychotherapists and six counsellors, 11 women and 3 men, working in Melbourne (n = 9), Geelong (n = 3) and Ballarat (n = 2). Years in private practice ranged from 2 to 27. Ten worked entirely alone and four shared rooms with other practitioners.

Data collection. Interviews were conducted by video call between May and September 2022 by an author who is a practising counsellor. They lasted 45 to 80 minutes and followed a topic guide covering workload, the experience of burnout, sources of support and changes practitioners had made.

Analysis. Interviews were transcribed verbatim and analysed with reflexive thematic analysis. Two authors coded the transcripts independently, and themes were developed and reviewed in discussion with the third author.

Results

We developed four themes: alone with it; the economics of the diary; carrying trauma; and building a sustainable practice.

Alone with it. Isolation was the most common explanation participants gave for burnout. Without colleagues to talk to between sessions, practitioners carried difficult material home. One counsellor in Ballarat said, "In an agency you can knock on someone's door. Here it's just me and the kettle." Participants who worked alone linked this isolation to rumination, poor sleep and a gradual loss of enjoyment in the work.

The economics of the diary. Because income depended on sessions delivered, most participants described pressure to fill their diaries. Several booked six or seven back-to-back sessions a day with no breaks, and described finishing the day "hollowed out". Financial insecurity was sharpened by cancellations and by the gap between the Medicare rebate and a sustainable fee. The administrative burden of writing reports to referring GPs, managing Medicare mental health treatment plans and chasing unpaid invoices took up evenings and weekends. Participants who had raised their fees or reduced their caseload described this as the single most effective change they had made, although some felt guilty about clients who could no longer afford them.

Carrying trauma. Participants who specialised in trauma, family violence or sexual abuse described cumulative exposure to traumatic stories as a source of exhaustion and of changes in how they saw the world. The emotional labour of remaining calm and present with distressed clients, session after session, was described as draining even when the work was meaningful. Several participants described a period in which they felt numb towards clients, which they recognised in retrospect as burnout.

Building a sustainable practice. Participants described a range of strategies that protected them. Regular clinical supervision, paid for privately, was described as essential rather than optional. Peer consultation groups, in which four to six practitioners met monthly to discuss cases, were valued for reducing isolation and for normalising struggles. Planned time off, including blocking out whole weeks in advance, and firm boundaries around working hours supported work-life balance. Flexible scheduling, such as keeping one day a week free of clients for administration and rest, was described as protective. Autonomy was the main reason participants had chosen private practice, and they valued the freedom to decide how many clients they saw; however, autonomy was not protective when financial pressure made it feel like an illusion.

Consequences of burnout. Participants described cancelling appointments at short notice when exhausted, referring clients on, closing their books to new clients and, in two cases, taking several months away from practice. Three participants were considering leaving the profession.

Discussion

This study suggests that burnout in private practice follows from how the work is organised and paid for, not only from the emotional demands of therapy. Isolation, back-to-back sessions and financial pressure combined to remove the recovery time that practitioners needed, while trauma exposure added to the emotional load. These findings mirror studies of public-sector therapists, in which caseload and lack of control are linked to burnout, but the mechanisms differ: in private practice the pressure to overbook comes from income rather than from targets.

Peer consultation and supervision appeared to be the most important protective factors, consistent with earlier work on therapists working alone. Professional associations could help by organising peer consultation groups, and funders could reduce burnout by paying for supervision and for non-face-to-face work such as reports.

The study has limitations. Participants were self-selected and may have been more reflective about burnout than other practitioners. All worked in Victoria, and practice funding differs in other countries.

Conclusion

Psychotherapists and counsellors in private practice in Victoria linked burnout to isolation, back-to-back sessions, financial pressure and trauma exposure, and described peer consultation, supervision and planned time off as protective. Supporting peer networks and sustainable caseloads may help retain this workforce.

References

1. Maslach C, Leiter MP. Understanding the burnout experience: recent research and its implications for psychiatry. World Psychiatry. 2016;15(2):103-11.
2. Braun V, Clarke V. Thematic analysis: a practical guide. London: SAGE; 2022.
3. Example D, Sample E. Isolation and burnout in independent therapists: a fictional survey. Ex Couns Rev. 2020;3(1):1-8. doi:{DOI_PREFIX}903
"""

COMMENTARY_TXT = f"""Counting recoveries, losing clinicians: performance targets and burnout in NHS Talking Therapies

{MARKER}

Commentary

Martin Fielding
Centre for Example Mental Health Policy, Example University of Leeds, Leeds, UK
Example Mental Health Review, 2024; 6(1): 9-12
https://doi.org/{DOI_PREFIX}003

NHS Talking Therapies for anxiety and depression, formerly known as IAPT, is one of the most measured psychological therapy services in the world. Every course of treatment generates session-by-session outcome data, and services are judged against national standards for access, waiting times and a 50% recovery rate. This commentary argues that the way these measures are turned into individual performance targets has become a driver of burnout among the practitioners who deliver the service.

Measurement is not the problem. Routine outcome monitoring has helped the programme show that psychological therapy works at scale, and many practitioners value feedback on their patients' progress. The problem arises when service-level standards are cascaded down to individual practitioners as caseload and recovery targets. Psychological wellbeing practitioners in many services are expected to see a fixed number of patients each week, and some services display individual recovery rates to teams. Practitioners describe this as working on a treadmill, and surveys consistently report high levels of emotional exhaustion in this workforce.

Several mechanisms link targets to burnout. First, high caseloads and back-to-back sessions leave no time to recover between emotionally demanding contacts, and the administrative burden of outcome data and notes spills into unpaid hours. Second, targets reduce practitioners' autonomy over how they work with patients, for example by discouraging additional sessions for people who are not recovering. Third, a practitioner who cares about patients experiences a recovery rate below target as a personal failure, even though recovery depends heavily on case mix and social circumstances. This conflict between values and targets is, in my view, the most corrosive element.

Not every study finds a simple link. In one recent survey, the number of patients seen per week was not associated with burnout once supervision was taken into account, and practitioners in well-managed services described targets as tolerable. This suggests that the effect of targets depends on how they are applied: with flexible scheduling, protected supervision and supportive managers, demanding work can be sustained.

The consequences are visible. Services report high turnover of psychological wellbeing practitioners, many of whom leave within two years, and sickness absence for stress leads to cancelled appointments and longer waits. Replacing practitioners is expensive, and the loss of experience weakens the service that targets are meant to protect.

What should change? Services should report recovery at service level and stop attaching recovery targets to individual practitioners. Caseload limits should be set with practitioners and should include time for notes and breaks between sessions. Clinical supervision and peer support should be protected from cancellation when demand is high. Commissioners should treat workforce wellbeing and retention as outcomes alongside access and recovery.

Targets helped build NHS Talking Therapies. Used carelessly, they now risk burning out the workforce that it depends on.

Competing interests: The author has worked as a psychological wellbeing practitioner. This is a fictional example commentary.
"""

QI_MD = f"""# Reducing in-basket burden to address physician burnout in a primary care network in San Diego, California: a quality improvement project

**{MARKER}.**

*Example Journal of Primary Care Quality*, 2023; 11(4): 220-228 · https://doi.org/{DOI_PREFIX}004

Authors: Jessica L. Moreno, Samuel O. Adebayo, Priya Raman — Department of Family Medicine, Example Health San Diego, California, USA

## Abstract

**Background.** Physicians in our primary care network reported rising burnout, and in-basket messages from patients had doubled since 2019.
**Aim.** To reduce the time family physicians spend on the electronic health record (EHR) in-basket after hours and to reduce burnout.
**Methods.** A quality improvement project using Plan-Do-Study-Act (PDSA) cycles in six clinics in San Diego, California, USA. Burnout was measured with the Mini-Z survey before and 12 months after the changes.
**Results.** After-hours EHR time fell by 31%, and the proportion of physicians reporting burnout fell from 52.2% to 37.0%.
**Conclusion.** Redistributing in-basket work within the team reduced after-hours documentation and was associated with lower burnout.

## Background

Burnout among primary care physicians in the United States is common, and time spent on the electronic health record is one of its strongest correlates. In our network of six family medicine clinics in San Diego, an internal Mini-Z survey in 2021 found that more than half of physicians reported burnout, and free-text comments repeatedly named the in-basket as the main cause. Physicians described spending evenings answering patient portal messages, refill requests and test results, a pattern often called "pajama time". High in-basket volume and after-hours documentation were the factors physicians most often linked to exhaustion, followed by a lack of control over their schedules.

## Methods

### Setting and team

The project ran from January to December 2022 in six clinics employing 46 family physicians, 21 medical assistants and 9 registered nurses. A project team of two physicians, a nurse manager, a medical assistant lead and an EHR analyst met fortnightly.

### Interventions

We tested changes in three PDSA cycles:

1. **Team-based in-basket management.** Medical assistants and registered nurses were trained to handle routine refill requests, normal results and scheduling messages using standing protocols, so that only messages needing a physician's decision reached the physician.
2. **Protected administrative time.** Each full-time physician received two protected 30-minute administrative blocks per week in the clinic schedule, replacing two patient slots.
3. **Message triage rules.** The EHR was configured to route messages by type, and patients were asked to book a visit for new problems rather than sending long portal messages.

### Measures

The outcome measures were the proportion of physicians reporting burnout on the Mini-Z single item and after-hours EHR time per physician per week, taken from the EHR vendor's audit logs. Process measures were the proportion of in-basket messages handled by the team and physician attendance at huddles. Balancing measures were patient access (third next available appointment) and patient complaints.

## Results

Forty-one of 46 physicians completed the baseline survey and 43 completed the follow-up survey. The proportion of physicians reporting burnout fell from 52.2% at baseline to 37.0% at 12 months. After-hours EHR time fell from a median of 6.1 to 4.2 hours per week, a reduction of 31%. By the third cycle, 58% of in-basket messages were handled by nurses and medical assistants without physician input.

Physicians who used their protected administrative time most consistently reported the greatest reduction in after-hours work, and several described feeling more in control of their day. Team-based care was associated with improved perceptions of teamwork on the Mini-Z. However, the protected blocks reduced appointment capacity slightly, and third next available appointment increased from 9 to 11 days. Patient complaints did not change. Medical assistants reported that the new tasks were manageable but that understaffing on some days meant messages waited longer.

## Discussion

Redistributing in-basket work to the wider team and protecting administrative time reduced after-hours EHR work and was associated with a fall in burnout. These results are consistent with studies linking in-basket volume and after-hours documentation to physician burnout, and with recommendations that organisations, not individual physicians, take responsibility for EHR burden. Because this was a before-and-after quality improvement project without a control group, other changes during 2022, including the end of pandemic restrictions, may have contributed to the improvement.

## Conclusion

In a primary care network in San Diego, team-based in-basket management and protected administrative time reduced after-hours documentation and were associated with lower physician burnout. Other clinics can adapt these changes, with attention to support staff workload and patient access.

## References

1. Example F, Sample G. In-basket volume and burnout in family medicine: a fictional cohort. Ex Fam Med. 2020;12(2):40-6. doi:{DOI_PREFIX}904
2. Langley GJ, Moen RD, Nolan KM, Nolan TW, Norman CL, Provost LP. The Improvement Guide. 2nd ed. San Francisco: Jossey-Bass; 2009.
"""

CMHT_HTML = f"""<!DOCTYPE html>
<!-- {MARKER} -->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Burnout among community mental health team staff in Ireland: a cross-sectional survey | Example Irish Journal of Mental Health Services</title>
<meta name="citation_title" content="Burnout among community mental health team staff in Ireland: a cross-sectional survey">
<meta name="citation_author" content="Doyle, Orla">
<meta name="citation_author" content="Kavanagh, Sean">
<meta name="citation_author" content="Osei, Abena">
<meta name="citation_journal_title" content="Example Irish Journal of Mental Health Services">
<meta name="citation_publication_date" content="2022/09/14">
<meta name="citation_doi" content="{DOI_PREFIX}005">
<meta name="description" content="{MARKER}">
<link rel="stylesheet" href="/static/css/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
<div class="cookie-banner" role="dialog">
<p>We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies. <a href="/cookies">Manage cookie settings</a> <button>Accept all cookies</button></p>
</div>
<header class="site-header">
<nav>
<ul>
<li><a href="/">Home</a></li>
<li><a href="/journals">Journals</a></li>
<li><a href="/authors">For authors</a></li>
<li><a href="/subscribe">Subscribe</a></li>
<li><a href="/login">Log in</a></li>
</ul>
</nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search articles"><button>Search</button></form>
</header>
<main>
<article>
<h1>Burnout among community mental health team staff in Ireland: a cross-sectional survey</h1>
<p class="article-type">Original Research · <a href="/ijmhs/vol/11/issue/3">Volume 11, Issue 3</a> · Published 14 September 2022</p>
<p class="example-note"><strong>{MARKER}.</strong></p>
<p class="authors">Orla Doyle, Seán Kavanagh, Abena Osei</p>
<p class="affiliations">School of Nursing and Midwifery, Example University College Cork, Cork, Ireland</p>
<p class="doi">DOI: <a href="https://doi.org/{DOI_PREFIX}005">https://doi.org/{DOI_PREFIX}005</a></p>
<section class="abstract">
<h2>Abstract</h2>
<h3>Background</h3>
<p>Community mental health teams (CMHTs) in Ireland have faced rising referrals and persistent vacancies. We aimed to estimate the prevalence of burnout among CMHT staff and to identify workplace factors associated with it.</p>
<h3>Methods</h3>
<p>We conducted a cross-sectional online survey of staff in adult CMHTs in Cork, Kerry and Dublin, Ireland, in 2021. The survey included the Maslach Burnout Inventory-Human Services Survey and questions on caseload, supervision, team functioning and intention to leave. Multivariable logistic regression identified factors associated with high emotional exhaustion.</p>
<h3>Results</h3>
<p>Of 644 staff invited, 287 responded (response rate 44.6%): 104 mental health nurses, 61 social workers, 48 occupational therapists, 43 psychologists and 31 psychiatrists. High emotional exhaustion was reported by 47.7% and high depersonalisation by 18.5%. Caseloads above 40, working across more than one team base and unfilled vacancies on the team were associated with higher emotional exhaustion. Exposure to patient suicide in the previous year was associated with higher burnout (OR 1.86, 95% CI 1.10-3.14). Regular supervision, good team functioning and perceived support from the team coordinator were associated with lower burnout. Profession was not associated with emotional exhaustion after adjustment. Staff with high emotional exhaustion were more likely to report intending to leave the service within a year (OR 2.95).</p>
<h3>Conclusions</h3>
<p>Nearly half of CMHT staff in this survey reported high emotional exhaustion. Filling vacancies, managing caseloads and protecting supervision should be priorities for mental health services.</p>
</section>
<section class="keywords"><h2>Keywords</h2><ul><li>burnout</li><li>community mental health teams</li><li>Ireland</li><li>supervision</li><li>caseload</li></ul></section>
<aside class="related">
<h2>Related articles</h2>
<ul>
<li><a href="/article/1">Staff wellbeing in acute psychiatric wards</a></li>
<li><a href="/article/2">Recruitment and retention in Irish mental health services</a></li>
</ul>
</aside>
<section class="paywall">
<h2>Access this article</h2>
<p>The full text of this article is available to subscribers.</p>
<p>Buy this article: €35.00 (24-hour online access, PDF download)</p>
<p>Personal subscription: €149.00 per year, including print and online access</p>
<p>Student subscription: £49.00 per year · Institutional subscription: $1,250.00 per year</p>
<p><a class="button" href="/subscribe">Subscribe now</a> Already a subscriber? <a href="/login">Log in</a> or <a href="/institution">access via your institution</a>.</p>
</section>
</article>
</main>
<footer>
<p>© 2022 Example Academic Publishing Ltd. All rights reserved. <a href="/privacy">Privacy policy</a> · <a href="/terms">Terms and conditions</a> · <a href="/accessibility">Accessibility</a> · <a href="/contact">Contact us</a></p>
<p>Sign up to our newsletter for the latest research in mental health services. <a href="/newsletter">Sign up</a></p>
</footer>
</body>
</html>
"""

NEWS_TXT = f"""Skip to main content
Example Health Daily
Menu
Search
Sign in
News | Health | Workforce | Opinion | Podcasts

{MARKER}

Health workforce

More than half of emergency nurses in NSW report burnout, survey finds

Staff shortages, violence and ambulance ramping are driving nurses out of emergency departments, researchers say

By Example Health Daily reporter
Tue 12 March 2024 05.00 AEDT
Share on Facebook | Share on X | Share via email

More than half of nurses working in New South Wales emergency departments meet the criteria for burnout, according to a survey published today in the Example Journal of Emergency Nursing Research (https://doi.org/{DOI_PREFIX}006).

The cross-sectional survey of 1,032 emergency nurses in public hospitals across Sydney and regional New South Wales, Australia, found that 57.4% had work-related burnout on the Copenhagen Burnout Inventory. The response rate was 36.2%.

The researchers, from the Example University of Sydney, found that understaffing was the factor most strongly associated with burnout. Nurses who reported working short-staffed on most shifts were almost three times as likely to have burnout as those who rarely did.

Verbal and physical violence from patients and visitors was also associated with higher burnout, and two in three nurses had been assaulted or threatened in the past year. Ambulance ramping and access block, which leave patients waiting in corridors, were described by many nurses as the reason they could not take meal breaks.

"Nurses are doing double shifts and going home without having had a break," said the study's lead author, Dr Grace Whitfield. "When you can't give patients the care you know they need, that moral distress builds up."

The survey also found factors linked to lower burnout. Nurses who had a structured debrief after critical incidents, those who said their nurse unit manager supported them, and those who could take their rest breaks had significantly lower burnout scores. Access to flexible rosters was associated with lower burnout in younger nurses, although the association was not statistically significant overall.

More than 40% of respondents said they intended to leave emergency nursing within two years, and one in five had already reduced their hours.

The NSW Nurses and Midwives' Association said the findings supported its call for safe staffing ratios in emergency departments. A spokesperson for NSW Health said the government was recruiting additional nurses.

This is a fictional news item written as example data; the study, people and figures are invented.

Related stories
Hospital ramping hits record high
Nurses vote on statewide action over staffing

Advertisement

Most viewed
1. What to eat before a night shift
2. Five things to know about the new hospital funding deal

Subscribe to Example Health Daily
You've read 3 of 3 free articles this month.
Subscribe for $1 a week for the first 12 weeks, then $6.99 a week. Cancel anytime.
Digital + print: $12.50 a week. Annual digital subscription: $299 (save 18%).
Already a subscriber? Sign in
Support independent health journalism.

About us | Contact | Advertise | Privacy policy | Terms of use | Cookie settings
© 2024 Example Health Daily Pty Ltd
"""

# ----------------------------------------------------------------------------- writers


def _medline_field(tag: str, value: str, width: int = 82) -> list[str]:
    """One MEDLINE tag, wrapped as PubMed wraps long values (6-space continuation)."""
    head = f"{tag:<4}- "
    lines = textwrap.wrap(value, width=width - 6, break_long_words=False, break_on_hyphens=False)
    if not lines:
        return [head.rstrip()]
    out = [head + lines[0] + (" " if len(lines) > 1 else "")]
    out += ["      " + ln + (" " if i < len(lines) - 2 else "") for i, ln in enumerate(lines[1:])]
    return out


MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}


def medline(studies: Iterable[Study]) -> str:
    """PubMed 'Save > PubMed format' (.nbib): PMID- ... records separated by a blank line."""
    chunks: list[str] = [""]
    for s in studies:
        f: list[tuple[str, str]] = [
            ("PMID", s.pmid or ""),
            ("OWN", "NLM"),
            ("STAT", "MEDLINE"),
            ("DCOM", f"{s.year}{MONTHS[s.month]:02d}20"),
            ("LR", f"{s.year + 1}0301"),
            ("IS", "2999-0000 (Electronic)"),
            ("IS", "2999-0000 (Linking)"),
            ("VI", s.volume),
            ("IP", s.issue),
            ("DP", f"{s.year} {s.month}"),
            ("TI", s.title),
            ("PG", s.pages),
            ("LID", f"{s.doi} [doi]"),
            ("AB", s.abstract_text),
            ("CI", f"© {s.year} The Authors. {MARKER}."),
        ]
        for last, first in s.authors:
            f += [
                ("FAU", f"{last}, {first}"),
                ("AU", f"{last} {s.initials(first)}"),
                ("AD", s.affiliation),
            ]
        f.append(("LA", "eng"))
        f += [("PT", pt) for pt in s.pub_types]
        f += [
            ("DEP", f"{s.year}{MONTHS[s.month]:02d}01"),
            ("PL", s.country),
            ("TA", s.abbr),
            ("JT", s.journal),
            ("JID", f"99{s.num:07d}"),
            ("SB", "IM"),
            ("GN", MARKER),
        ]
        f += [("MH", m) for m in s.mesh]
        f.append(("OTO", "NOTNLM"))
        f += [("OT", k) for k in s.keywords]
        f += [
            ("COIS", "The authors declare no competing interests."),
            ("EDAT", f"{s.year}/{MONTHS[s.month]:02d}/02 06:00"),
            ("MHDA", f"{s.year}/{MONTHS[s.month]:02d}/20 06:00"),
            ("CRDT", f"{s.year}/{MONTHS[s.month]:02d}/01 20:13"),
            ("PHST", f"{s.year - 1}/10/12 00:00 [received]"),
            ("PHST", f"{s.year}/{MONTHS[s.month]:02d}/01 00:00 [accepted]"),
            ("AID", f"{s.doi} [doi]"),
            ("PST", "ppublish"),
            ("SO", f"{s.abbr}. {s.year} {s.month};{s.volume}({s.issue}):{s.pages}. doi: {s.doi}."),
        ]
        lines: list[str] = []
        for tag, value in f:
            if value:
                lines += _medline_field(tag, value)
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"


MESH_UI = {
    "Burnout, Professional": "D002055",
    "Humans": "D006801",
    "Cross-Sectional Studies": "D003430",
    "Electronic Health Records": "D057286",
    "Ontario": "D009866",
    "Physicians, Family": "D010821",
    "Community Mental Health Services": "D003154",
    "Focus Groups": "D017144",
    "Qualitative Research": "D036301",
    "Scotland": "D012621",
    "Longitudinal Studies": "D008137",
    "Nursing Staff, Hospital": "D009740",
    "Prospective Studies": "D011446",
    "Victoria": "D014741",
}


def pubmed_xml(studies: Iterable[Study]) -> str:
    """PubMed 'Save > XML': PubmedArticleSet with the DOCTYPE line PubMed writes."""
    e = escape
    out = [
        '<?xml version="1.0" ?>',
        '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
        '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">',
        f"<!-- {MARKER} -->",
        "<PubmedArticleSet>",
    ]
    for s in studies:
        m = MONTHS[s.month]
        out += [
            "<PubmedArticle>",
            '    <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">',
            f'        <PMID Version="1">{s.pmid}</PMID>',
            f"        <DateCompleted><Year>{s.year}</Year><Month>{m:02d}</Month><Day>20</Day></DateCompleted>",
            f"        <DateRevised><Year>{s.year + 1}</Year><Month>03</Month><Day>01</Day></DateRevised>",
            '        <Article PubModel="Print-Electronic">',
            "            <Journal>",
            '                <ISSN IssnType="Electronic">2999-0000</ISSN>',
            '                <JournalIssue CitedMedium="Internet">',
            f"                    <Volume>{s.volume}</Volume>",
            f"                    <Issue>{s.issue}</Issue>",
            f"                    <PubDate><Year>{s.year}</Year><Month>{s.month}</Month></PubDate>",
            "                </JournalIssue>",
            f"                <Title>{e(s.journal)}</Title>",
            f"                <ISOAbbreviation>{e(s.abbr)}</ISOAbbreviation>",
            "            </Journal>",
            f"            <ArticleTitle>{e(s.title)}</ArticleTitle>",
            f"            <Pagination><StartPage>{s.first_page}</StartPage><EndPage>{s.last_page}</EndPage>"
            f"<MedlinePgn>{s.pages}</MedlinePgn></Pagination>",
            f'            <ELocationID EIdType="doi" ValidYN="Y">{s.doi}</ELocationID>',
            "            <Abstract>",
        ]
        for label, text in s.abstract:
            assert label is not None
            out.append(
                f'                <AbstractText Label="{label}" NlmCategory="{label.split()[0]}">'
                f"{e(text)}</AbstractText>"
            )
        out += [
            f"                <CopyrightInformation>© {s.year} The Authors.</CopyrightInformation>",
            "            </Abstract>",
            '            <AuthorList CompleteYN="Y">',
        ]
        for last, first in s.authors:
            out += [
                '                <Author ValidYN="Y">',
                f"                    <LastName>{e(last)}</LastName>",
                f"                    <ForeName>{e(first)}</ForeName>",
                f"                    <Initials>{s.initials(first)}</Initials>",
                "                    <AffiliationInfo>",
                f"                        <Affiliation>{e(s.affiliation)}</Affiliation>",
                "                    </AffiliationInfo>",
                "                </Author>",
            ]
        out += ["            </AuthorList>", "            <Language>eng</Language>"]
        out.append("            <PublicationTypeList>")
        out += [
            f'                <PublicationType UI="D016428">{e(pt)}</PublicationType>'
            for pt in s.pub_types
        ]
        out += [
            "            </PublicationTypeList>",
            f'            <ArticleDate DateType="Electronic"><Year>{s.year}</Year><Month>{m:02d}</Month>'
            "<Day>01</Day></ArticleDate>",
            "        </Article>",
            "        <MedlineJournalInfo>",
            f"            <Country>{s.country}</Country>",
            f"            <MedlineTA>{e(s.abbr)}</MedlineTA>",
            f"            <NlmUniqueID>99{s.num:07d}</NlmUniqueID>",
            "            <ISSNLinking>2999-0000</ISSNLinking>",
            "        </MedlineJournalInfo>",
            "        <CitationSubset>IM</CitationSubset>",
            "        <MeshHeadingList>",
        ]
        for mh in s.mesh:
            name, *quals = mh.split("/")
            major = "Y" if name.startswith("*") else "N"
            name = name.lstrip("*")
            ui = MESH_UI.get(name, "D000000")
            out.append("            <MeshHeading>")
            out.append(
                f'                <DescriptorName UI="{ui}" MajorTopicYN="{major}">{e(name)}</DescriptorName>'
            )
            out += [
                f'                <QualifierName MajorTopicYN="N">{e(q)}</QualifierName>'
                for q in quals
            ]
            out.append("            </MeshHeading>")
        out += ["        </MeshHeadingList>", '        <KeywordList Owner="NOTNLM">']
        out += [f'            <Keyword MajorTopicYN="N">{e(k)}</Keyword>' for k in s.keywords]
        out += [
            "        </KeywordList>",
            "        <CoiStatement>The authors declare no competing interests.</CoiStatement>",
            f'        <GeneralNote Owner="NOTNLM">{MARKER}</GeneralNote>',
            "    </MedlineCitation>",
            "    <PubmedData>",
            "        <History>",
            f'            <PubMedPubDate PubStatus="received"><Year>{s.year - 1}</Year><Month>10</Month><Day>12</Day></PubMedPubDate>',
            f'            <PubMedPubDate PubStatus="pubmed"><Year>{s.year}</Year><Month>{m}</Month><Day>2</Day></PubMedPubDate>',
            "        </History>",
            "        <PublicationStatus>ppublish</PublicationStatus>",
            "        <ArticleIdList>",
            f'            <ArticleId IdType="pubmed">{s.pmid}</ArticleId>',
            f'            <ArticleId IdType="doi">{s.doi}</ArticleId>',
            "        </ArticleIdList>",
            "    </PubmedData>",
            "</PubmedArticle>",
        ]
    out.append("</PubmedArticleSet>")
    return "\n".join(out) + "\n"


def ris(studies: Iterable[Study]) -> str:
    """RIS as Embase and most databases write it: 'TG  - value', records closed by 'ER  - '."""
    out: list[str] = []
    for s in studies:
        rec = [("TY", "JOUR"), ("M3", s.design), ("TI", s.title)]
        rec += [("AU", f"{last}, {first}") for last, first in s.authors]
        rec += [
            ("AD", s.affiliation),
            ("T2", s.journal),
            ("JO", s.abbr),
            ("PY", str(s.year)),
            ("VL", s.volume),
            ("IS", s.issue),
            ("SP", s.first_page),
            ("EP", s.last_page if s.last_page != s.first_page else ""),
            ("AB", s.abstract_text),
        ]
        rec += [("KW", k) for k in s.keywords]
        rec += [
            ("DO", s.doi),
            ("UR", f"https://doi.org/{s.doi}"),
            ("SN", "2999-0000"),
            ("LA", "English"),
            ("DB", "Embase"),
            ("N1", MARKER),
            ("ER", ""),
        ]
        out += [f"{tag}  - {value}" for tag, value in rec if value or tag == "ER"]
        out.append("")
    return "\n".join(out) + "\n"


def bibtex(studies: Iterable[Study]) -> str:
    """BibTeX as Scopus exports it (preamble, tab-indented fields, author_keywords)."""
    out = [f"@comment{{{MARKER}}}", "", "Scopus", "EXPORT DATE: 14 May 2024", ""]
    for s in studies:
        key = f"{s.authors[0][0].replace(' ', '')}{s.year}"
        fields = [
            ("author", " and ".join(f"{last}, {first}" for last, first in s.authors)),
            ("title", s.title),
            ("year", str(s.year)),
            ("journal", s.journal),
            ("volume", s.volume),
            ("number", s.issue),
            ("pages", s.pages),
            ("doi", s.doi),
            (
                "url",
                f"https://www.scopus.com/inward/record.uri?eid=2-s2.0-0000000{s.num:03d}&doi="
                f"{s.doi.replace('/', '%2F')}&partnerID=40",
            ),
            ("affiliations", s.affiliation),
            ("abstract", s.abstract_text),
            ("author_keywords", "; ".join(s.keywords)),
            ("keywords", "; ".join(["human", "burnout, professional", *s.keywords[1:3]])),
            (
                "correspondence_address",
                f"{s.authors[0][0]}, {s.authors[0][1][0]}.; {s.affiliation}",
            ),
            ("publisher", "Example Publishing Ltd"),
            ("issn", "29990000"),
            ("pmid", s.pmid or ""),
            ("language", "English"),
            ("abbrev_source_title", s.abbr),
            ("type", s.design),
            ("publication_stage", "Final"),
            ("source", "Scopus"),
            ("note", MARKER),
        ]
        # Scopus writes '%' and '&' unescaped, and so do we
        body = ",\n".join(f"\t{k} = {{{v}}}" for k, v in fields if v)
        out.append(f"@ARTICLE{{{key},\n{body}\n}}\n")
    return "\n".join(out)


def _wos_field(tag: str, values: list[str], *, wrap: int = 0) -> list[str]:
    lines: list[str] = []
    for v in values:
        lines += textwrap.wrap(v, width=wrap, break_on_hyphens=False) if wrap else [v]
    return [f"{tag} {lines[0]}", *(f"   {ln}" for ln in lines[1:])] if lines else []


def wos_tagged(studies: Iterable[Study]) -> str:
    """Web of Science 'Plain text file' (savedrecs.txt): BOM, FN/VR header, ER/EF."""
    out = [BOM + "FN Clarivate Analytics Web of Science", "VR 1.0"]
    for s in studies:
        rec: list[str] = ["PT J"]
        rec += _wos_field("AU", [f"{last}, {s.initials(first)}" for last, first in s.authors])
        rec += _wos_field("AF", [f"{last}, {first}" for last, first in s.authors])
        rec += _wos_field("TI", [s.title], wrap=70)
        rec += _wos_field("SO", [s.journal])
        rec += ["LA English", "DT Article"]
        rec += _wos_field("DE", ["; ".join(s.keywords)], wrap=70)
        rec += _wos_field("ID", ["BURNOUT; HEALTH-CARE WORKERS; STRESS"])
        rec += _wos_field("AB", [s.abstract_text])
        rec += _wos_field("C1", [f"[{s.authors[0][0]}, {s.authors[0][1]}] {s.affiliation}."])
        rec += _wos_field(
            "RP",
            [
                f"{s.authors[0][0]}, {s.initials(s.authors[0][1])} (corresponding author), {s.affiliation}."
            ],
        )
        rec += _wos_field("FX", [MARKER])
        rec += [
            "NR 38",
            "TC 4",
            "Z9 5",
            "U1 2",
            "U2 11",
            "PU EXAMPLE PUBLISHING LTD",
            "PI LONDON",
            "SN 2999-0000",
            f"J9 {s.abbr}",
            f"JI {s.abbr.title()}",
            f"PD {s.month}",
            f"PY {s.year}",
            f"VL {s.volume}",
            f"IS {s.issue}",
            f"BP {s.first_page}",
            f"EP {s.last_page}",
            f"DI {s.doi}",
            "PG 10",
            "WC Health Care Sciences & Services; Psychiatry",
            "SC Health Care Sciences & Services; Psychiatry",
            f"UT WOS:000000000000{s.num:03d}",
            "DA 2024-05-14",
            "ER",
            "",
        ]
        out += rec
    return "\n".join(out) + "\nEF"


def _csv(
    rows: list[list[str]], *, delimiter: str = ",", quote_all: bool = True, bom: bool = True
) -> str:
    buf = io.StringIO()
    w = csv.writer(
        buf,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n",
    )
    w.writerows(rows)
    return (BOM if bom else "") + buf.getvalue()


SCOPUS_COLUMNS = [
    "Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title", "Volume",
    "Issue", "Art. No.", "Page start", "Page end", "Page count", "Cited by", "DOI", "Link",
    "Affiliations", "Authors with affiliations", "Abstract", "Author Keywords", "Index Keywords",
    "Funding Texts", "Correspondence Address", "Publisher", "ISSN", "PubMed ID",
    "Language of Original Document", "Abbreviated Source Title", "Document Type",
    "Publication Stage", "Open Access", "Source", "EID",
]  # fmt: skip


def scopus_csv(studies: Iterable[Study]) -> str:
    """Scopus 'Export > CSV': BOM, every field quoted, Scopus column names."""
    rows = [SCOPUS_COLUMNS]
    for s in studies:
        authors = "; ".join(f"{last} {s.initials(first)}." for last, first in s.authors)
        full = "; ".join(
            f"{last}, {first} (5700000{s.num:03d}{i})" for i, (last, first) in enumerate(s.authors)
        )
        ids = "; ".join(f"5700000{s.num:03d}{i}" for i in range(len(s.authors)))
        single_page = s.first_page == s.last_page
        row = {
            "Authors": authors,
            "Author full names": full,
            "Author(s) ID": ids,
            "Title": s.title,
            "Year": str(s.year),
            "Source title": s.journal,
            "Volume": s.volume,
            "Issue": s.issue,
            "Art. No.": s.pages if single_page else "",
            "Page start": "" if single_page else s.first_page,
            "Page end": "" if single_page else s.last_page,
            "Page count": "",
            "Cited by": "3",
            "DOI": s.doi,
            "Link": f"https://www.scopus.com/inward/record.uri?eid=2-s2.0-0000000{s.num:03d}"
            f"&doi={s.doi.replace('/', '%2f')}&partnerID=40",
            "Affiliations": s.affiliation,
            "Authors with affiliations": "; ".join(
                f"{last}, {s.initials(first)}., {s.affiliation}" for last, first in s.authors
            ),
            "Abstract": s.abstract_text,
            "Author Keywords": "; ".join(s.keywords),
            "Index Keywords": "adult; burnout, professional; human; questionnaire",
            "Funding Texts": MARKER,
            "Correspondence Address": f"{s.authors[0][0]} {s.initials(s.authors[0][1])}.; {s.affiliation}",
            "Publisher": "Example Publishing Ltd",
            "ISSN": "29990000",
            "PubMed ID": s.pmid or "",
            "Language of Original Document": "English",
            "Abbreviated Source Title": s.abbr,
            "Document Type": s.design,
            "Publication Stage": "Final",
            "Open Access": "All Open Access; Gold Open Access",
            "Source": "Scopus",
            "EID": f"2-s2.0-0000000{s.num:03d}",
        }
        rows.append([row[c] for c in SCOPUS_COLUMNS])
    return _csv(rows)


WOS_TAB_COLUMNS = [
    "Publication Type", "Authors", "Book Authors", "Book Editors", "Book Group Authors",
    "Author Full Names", "Book Author Full Names", "Group Authors", "Article Title",
    "Source Title", "Book Series Title", "Book Series Subtitle", "Language", "Document Type",
    "Author Keywords", "Keywords Plus", "Abstract", "Addresses", "Affiliations",
    "Reprint Addresses", "Email Addresses", "Funding Orgs", "Funding Text",
    "Cited Reference Count", "Times Cited, WoS Core", "Times Cited, All Databases",
    "Publisher", "ISSN", "eISSN", "Journal Abbreviation", "Journal ISO Abbreviation",
    "Publication Date", "Publication Year", "Volume", "Issue", "Start Page", "End Page",
    "Article Number", "DOI", "DOI Link", "Number of Pages", "WoS Categories",
    "Research Areas", "Pubmed Id", "Open Access Designations", "UT (Unique WOS ID)",
]  # fmt: skip


def wos_tab(studies: Iterable[Study]) -> str:
    """Web of Science tab-delimited export with full column names (BOM, CRLF, unquoted)."""
    lines = ["\t".join(WOS_TAB_COLUMNS)]
    for s in studies:
        row = dict.fromkeys(WOS_TAB_COLUMNS, "")
        row.update(
            {
                "Publication Type": "J",
                "Authors": "; ".join(f"{last}, {s.initials(first)}" for last, first in s.authors),
                "Author Full Names": "; ".join(f"{last}, {first}" for last, first in s.authors),
                "Article Title": s.title,
                "Source Title": s.journal,
                "Language": "English",
                "Document Type": s.design,
                "Author Keywords": "; ".join(s.keywords),
                "Keywords Plus": "BURNOUT; STRESS; HEALTH",
                "Abstract": s.abstract_text,
                "Addresses": f"[{'; '.join(f'{last}, {first}' for last, first in s.authors)}] {s.affiliation}",
                "Affiliations": s.affiliation.split(",")[0],
                "Funding Text": MARKER,
                "Cited Reference Count": "41",
                "Times Cited, WoS Core": "2",
                "Times Cited, All Databases": "2",
                "Publisher": "EXAMPLE PUBLISHING LTD",
                "ISSN": "2999-0000",
                "Journal Abbreviation": s.abbr,
                "Journal ISO Abbreviation": s.abbr.title(),
                "Publication Date": s.month,
                "Publication Year": str(s.year),
                "Volume": s.volume,
                "Issue": s.issue,
                "Start Page": s.first_page,
                "End Page": s.last_page,
                "DOI": s.doi,
                "DOI Link": f"http://dx.doi.org/{s.doi}",
                "Number of Pages": "12",
                "WoS Categories": "Nursing; Health Care Sciences & Services",
                "Research Areas": "Nursing; Health Care Sciences & Services",
                "UT (Unique WOS ID)": f"WOS:000000000000{s.num:03d}",
            }
        )
        lines.append("\t".join(row[c] for c in WOS_TAB_COLUMNS))
    return BOM + "\r\n".join(lines) + "\r\n"


PUBMED_CSV_COLUMNS = [
    "PMID", "Title", "Authors", "Citation", "First Author", "Journal/Book",
    "Publication Year", "Create Date", "PMCID", "NIHMS ID", "DOI", "Note",
]  # fmt: skip


def pubmed_csv(studies: Iterable[Study]) -> str:
    """PubMed 'Save > CSV' (no abstracts), plus a trailing Note column marking the example."""
    rows = [PUBMED_CSV_COLUMNS]
    for s in studies:
        authors = ", ".join(f"{last} {s.initials(first)}" for last, first in s.authors) + "."
        rows.append(
            [
                s.pmid or "",
                s.title,
                authors,
                f"{s.abbr}. {s.year} {s.month};{s.volume}({s.issue}):{s.pages}. doi: {s.doi}.",
                f"{s.authors[0][0]} {s.initials(s.authors[0][1])}",
                s.abbr,
                str(s.year),
                f"{s.year}/{MONTHS[s.month]:02d}/03",
                "",
                "",
                s.doi,
                MARKER,
            ]
        )
    return _csv(rows)


def screening_tsv(studies: Iterable[Study]) -> str:
    """A hand-made screening sheet with loosely named columns, as a review team keeps one."""
    lines = ["Study title\tAbstract text\tlink\tYear published\tCountry\tReviewer note"]
    for s in studies:
        lines.append(
            "\t".join(
                [s.title, s.abstract_text, f"https://doi.org/{s.doi}", str(s.year), s.country,
                 f"{MARKER}; include at full text"]
            )
        )  # fmt: skip
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- the files

# relative path -> (writer, number of records it holds)
FILES: dict[str, tuple[Callable[[], str], int]] = {
    "text/example_2023_psychotherapists_private_practice_victoria.txt": (
        lambda: PSYCHOTHERAPISTS_TXT,
        1,
    ),
    "text/example_2024_commentary_targets_talking_therapies.txt": (lambda: COMMENTARY_TXT, 1),
    "markdown/example_2023_qi_inbasket_san_diego.md": (lambda: QI_MD, 1),
    "web/example_2022_cmht_burnout_ireland.html": (lambda: CMHT_HTML, 1),
    "web/example_2024_news_ed_nurses_nsw.txt": (lambda: NEWS_TXT, 1),
    "exports/pubmed_medline.nbib": (lambda: medline(MEDLINE_STUDIES), len(MEDLINE_STUDIES)),
    "exports/pubmed_articles.xml": (lambda: pubmed_xml(XML_STUDIES), len(XML_STUDIES)),
    "exports/embase_export.ris": (lambda: ris(RIS_STUDIES), len(RIS_STUDIES)),
    "exports/scopus_export.bib": (lambda: bibtex(BIBTEX_STUDIES), len(BIBTEX_STUDIES)),
    "exports/savedrecs.txt": (lambda: wos_tagged(WOS_STUDIES), len(WOS_STUDIES)),
    "exports/scopus_export.csv": (lambda: scopus_csv(SCOPUS_STUDIES), len(SCOPUS_STUDIES)),
    "exports/wos_tab_delimited.tsv": (lambda: wos_tab(WOS_TAB_STUDIES), len(WOS_TAB_STUDIES)),
    "exports/pubmed_export.csv": (lambda: pubmed_csv(PUBMED_CSV_STUDIES), len(PUBMED_CSV_STUDIES)),
    "exports/screening_sheet.tsv": (lambda: screening_tsv(TABLE_STUDIES), len(TABLE_STUDIES)),
}
PDF_FILE = str(pdf.OUTPUT.relative_to(RAW))

# every file and how many documents (records) it holds; the PDF is one document
RECORD_COUNTS: dict[str, int] = {PDF_FILE: 1, **{k: n for k, (_, n) in FILES.items()}}

# the study that is both a full text and an abstract record, and the cross-export duplicate
LINKED_STUDY = {
    "doi": PDF_STUDY.doi,
    "title": pdf.TITLE,
    "files": [PDF_FILE, "exports/pubmed_medline.nbib"],
}
DUPLICATE = {
    "doi": DUPLICATE_STUDY.doi,
    "files": ["exports/embase_export.ris", "exports/scopus_export.bib"],
}


def build(out_dir: Path = RAW, *, with_pdf: bool = True) -> list[Path]:
    """Write every sample file under `out_dir` (UTF-8, no newline translation); return the paths."""
    written: list[Path] = []
    for rel, (writer, _) in FILES.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(writer().encode("utf-8"))
        written.append(path)
    if with_pdf:
        written.append(pdf.build(out_dir / PDF_FILE))
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else RAW
    for path in build(out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
