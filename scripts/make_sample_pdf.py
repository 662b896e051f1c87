"""Generate the two-column sample article PDF of the bundled example corpus.

EXAMPLE DATA — fictional study written for the evidence sample corpus. The study, its
authors, journal, numbers and DOI are invented; DOIs use the reserved example prefix
10.5555/evidence-example.NNN.

The PDF exercises what a real journal PDF throws at the reader: a full-width title block
and abstract on page 1, two columns after it, a running header and a page-number footer on
every page, words hyphenated across line ends (soft hyphens that reportlab breaks at) and
typographic ligatures (U+FB01 "ﬁ", U+FB02 "ﬂ") that the reader must normalise.

The same study appears as a PubMed (MEDLINE) abstract record in
data/raw/exports/pubmed_medline.nbib with the same title and DOI, so the pipeline can link
the abstract record to the full text. scripts/make_sample_corpus.py imports TITLE, DOI,
AUTHORS and ABSTRACT from here for that record.

Run:  .venv/bin/python scripts/make_sample_pdf.py [OUTPUT.pdf]
The output is deterministic (invariant=1, fixed dates): re-running gives identical bytes
with the same reportlab version.
"""

from __future__ import annotations

import sys
from pathlib import Path

import reportlab
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "data" / "raw" / "pdf" / "example_2024_pwp_burnout_talking_therapies.pdf"

MARKER = "EXAMPLE DATA — fictional study written for the evidence sample corpus"
JOURNAL = "Example Journal of Health Workforce Wellbeing"
CITATION = "Ex J Health Workforce Wellbeing. 2024;12(3):101–104"
DOI = "10.5555/evidence-example.001"
TITLE = (
    "Caseloads, recovery targets and burnout among psychological wellbeing practitioners "
    "in NHS Talking Therapies services: a mixed-methods study in Greater Manchester and London"
)
AUTHORS = [
    ("Okafor", "Chidinma N", "1"),
    ("Hartley", "Rebecca J", "1"),
    ("Pennington", "Tom", "2"),
    ("Ashraf", "Samira", "2"),
    ("Lowe", "Gareth D", "1,3"),
]
AFFILIATIONS = [
    (
        "1",
        "Division of Psychology and Mental Health, Example University of Manchester, Manchester, UK.",
    ),
    ("2", "Institute of Example Workforce Research, Example College London, London, UK."),
    ("3", "North West Example NHS Talking Therapies Partnership, Salford, UK."),
]
KEYWORDS = [
    "burnout",
    "psychological wellbeing practitioners",
    "NHS Talking Therapies",
    "IAPT",
    "caseload",
    "clinical supervision",
    "mixed methods",
]

# Structured abstract: (label, text). Plain "fi"/"fl" here; the PDF renders ligatures.
ABSTRACT = [
    (
        "Background",
        "Psychological wellbeing practitioners (PWPs) deliver low-intensity cognitive "
        "behavioural interventions in NHS Talking Therapies for anxiety and depression (formerly "
        "IAPT) services in England. High caseloads and recovery targets have been linked to "
        "burnout in this workforce, but few studies have combined survey and interview data.",
    ),
    (
        "Methods",
        "We conducted a convergent mixed-methods study in six NHS Talking Therapies services in "
        "Greater Manchester and London, UK. PWPs completed an online survey including the "
        "Copenhagen Burnout Inventory (CBI); multivariable logistic regression identified factors "
        "associated with work-related burnout. We then held 18 semi-structured interviews with "
        "PWPs from all six sites and analysed them with reflexive thematic analysis.",
    ),
    (
        "Results",
        "Of 363 PWPs invited, 212 completed the survey (response rate 58.4%). The prevalence of "
        "work-related burnout was 64.2%. A higher weekly caseload (OR 1.08 per additional "
        "contact, 95% CI 1.03–1.13) and back-to-back sessions without breaks (OR 2.31, 95% CI "
        "1.24–4.30) were associated with higher burnout, whereas regular clinical supervision "
        "(OR 0.52, 95% CI 0.29–0.93) and peer support (OR 0.61, 95% CI 0.38–0.98) were "
        "associated with lower burnout. Years of experience was not associated with burnout. "
        "Interviewees described recovery targets as a treadmill, administrative burden that "
        "spilled into evenings, and a lack of autonomy over their diaries; supportive managers "
        "and flexible scheduling made the work sustainable. Burnout was linked to sickness "
        "absence, cancelled appointments and turnover intention (41.0%).",
    ),
    (
        "Conclusions",
        "Burnout among PWPs was common and tracked service design rather than individual "
        "characteristics. Capping caseloads, protecting breaks between sessions, and "
        "safeguarding supervision and peer support are promising targets for services.",
    ),
]

# Body: (section heading, [paragraphs]). Within paragraphs, "\u00ad" marks soft hyphens
# where reportlab may break a word across a line end, and LIG() swaps in ligatures.
BODY: list[tuple[str, list[str]]] = [
    (
        "Background",
        [
            "NHS Talking Therapies for anxiety and depression, known until 2023 as Improving "
            "Access to Psychological Therapies (IAPT), treats more than a million people a year "
            "in England. Psychological wellbeing practitioners (PWPs) deliver most of its "
            "low-intensity work: guided self-help, psychoeducation and telephone assessments, "
            "often for 25 or more patients a week. Services are commissioned against access "
            "and recovery targets, and PWPs usually carry their share of these targets as "
            "individual key performance indicators.",
            "Earlier surveys found high levels of emotional exhaustion among PWPs, and "
            "qualitative work has described a tension between the values that bring "
            "practitioners into the role and the throughput that services require. Excessive "
            "workload, performance targets and a lack of control over the working day are "
            "recognised drivers of burnout across health professions, while supervision, "
            "peer support and supportive management are often reported as protective. Little "
            "is known, however, about how these factors combine in the day-to-day organi\u00adsation "
            "of low-intensity work, and most studies of this workforce have relied on a single "
            "method.",
            "We therefore aimed to estimate the prevalence of burnout among PWPs in two large "
            "urban regions, to identify organi\u00adsational factors associated with higher and "
            "lower burnout, and to explain these associations through practitioners' own "
            "accounts.",
        ],
    ),
    (
        "Methods",
        [
            "<b>Design and setting.</b> This was a convergent mixed-methods study conducted "
            "between March and November 2022 in six NHS Talking Therapies services, three in "
            "Greater Manchester and three in London. Services ranged from 14 to 61 PWPs and "
            "covered urban and suburban populations.",
            "<b>Survey.</b> All qualiﬁed and trainee PWPs employed by the six services were "
            "invited by email to an anonymous online survey. The survey included the "
            "Copenhagen Burnout Inventory (CBI), with work-related burnout deﬁned as a mean "
            "score of 50 or more, and items on weekly caseload, the number of sessions booked "
            "back to back, frequency of clinical supervision, access to peer support, ﬂexible "
            "working arrangements and intention to leave within 12 months. We ﬁtted "
            "multivariable logistic regression models with work-related burnout as the "
            "outcome, adjusting for age, gender, qualiﬁcation status and service.",
            "<b>Interviews.</b> Survey respondents could volunteer for an interview. We used "
            "purposive sampling to include PWPs from every site and with a range of experience, "
            "and conducted 18 semi-structured interviews (mean length 52 minutes) by video "
            "call. Interviews were transcribed verbatim and analysed using reﬂexive thematic "
            "analysis; two authors coded all transcripts and themes were reﬁned in team "
            "meetings. The survey and interview ﬁndings were integrated in a joint display.",
            "<b>Ethics.</b> The study was approved by a university research ethics committee "
            "and by the Health Research Authority. Participants gave informed consent, and "
            "interview extracts are reported with site names removed to protect anonymity.",
        ],
    ),
    (
        "Results",
        [
            "<b>Participants.</b> Of 363 PWPs invited, 212 completed the survey, a response "
            "rate of 58.4%. Most respondents were women (82.1%), the median age was 29 years "
            "and 37 (17.5%) were trainees. The 18 interviewees (15 women, 3 men) came from all "
            "six services and had between 8 months and 11 years of experience.",
            "<b>Prevalence.</b> The prevalence of work-related burnout was 64.2% (136 of 212), "
            "and 71.7% of respondents scored above the threshold for personal burnout. "
            "Turnover intention was reported by 41.0% of respondents, and 29.2% had taken "
            "sickness absence for stress in the previous year.",
            "<b>Factors associated with burnout.</b> In the adjusted model, a higher weekly "
            "caseload was associated with higher odds of burnout (OR 1.08 per additional "
            "contact, 95% CI 1.03–1.13), as were back-to-back sessions without breaks "
            "(OR 2.31, 95% CI 1.24–4.30) and reporting strong pressure from recovery targets "
            "(OR 1.97, 95% CI 1.06–3.66). Regular clinical supervision (OR 0.52, 95% CI "
            "0.29–0.93) and access to peer support (OR 0.61, 95% CI 0.38–0.98) were associated "
            "with lower burnout. Flexible scheduling was associated with lower burnout in the "
            "unadjusted analysis only. Years of experience was not associated with burnout, "
            "and neither was working part time.",
            "<b>Theme 1: the treadmill of targets.</b> Practitioners described recovery "
            "targets as a treadmill that never stopped. Several said that the pressure to "
            "move patients through the stepped-care model left them feeling that they were "
            "failing people, and that this conﬂict between targets and values was the most "
            "exhausting part of the job. One PWP in Manchester said, “You are judged on a "
            "number that you can't control, so you end up blaming yourself.”",
            "<b>Theme 2: no time to breathe.</b> Back-to-back telephone sessions left no time "
            "to write notes, and the administrative burden spilled into evenings and "
            "weekends. Interviewees linked a full diary with no breaks to headaches, poor "
            "sleep and emotional exhaustion. A lack of autonomy over their own diaries, with "
            "slots booked centrally, was described as particularly demoralising.",
            "<b>Theme 3: the team as a buffer.</b> Supportive team leaders, protected "
            "supervision and informal peer support were described as what kept practitioners "
            "in post. Where managers allowed ﬂexible scheduling, such as a protected "
            "administration afternoon, interviewees felt trusted and reported less "
            "exhaustion. Conversely, supervision that was cancelled to meet demand was seen "
            "as a signal that wellbeing did not matter.",
            "<b>Consequences.</b> Practitioners described cancelled appointments when "
            "colleagues went off sick, reduced empathy towards patients and plans to leave "
            "for high-intensity training or private practice. Several had already reduced "
            "their hours to cope.",
        ],
    ),
    (
        "Discussion",
        [
            "Burnout was common among PWPs in both regions, and the factors most strongly "
            "associated with it were features of how work was organised rather than of the "
            "practitioners themselves. The interview ﬁndings explain the survey associations: "
            "caseloads and back-to-back sessions removed the recovery time that practitioners "
            "needed between emotionally demanding contacts, and recovery targets turned a "
            "service measure into a personal judgement.",
            "Our ﬁndings are consistent with international research showing that high "
            "workload and low control predict burnout in mental health professionals, and "
            "that supervision and peer support buffer it. The protective association of "
            "supervision was robust to adjustment, which suggests that protecting supervision "
            "time when demand rises may be one of the most useful organi\u00adsational "
            "interventions available to services.",
            "<b>Integration of ﬁndings.</b> The joint display showed convergence for caseload, "
            "back-to-back sessions and supervision, and expansion for ﬂexible scheduling: the "
            "survey association was weak after adjustment, but interviewees described "
            "control over their own diaries as a precondition for taking breaks at all. "
            "Management support was described in almost every interview as the factor that "
            "decided whether other protections, such as supervision and time off in lieu, "
            "were honoured when waiting lists grew. Emotional labour was a further strand: "
            "PWPs absorbed distress in up to eight telephone contacts a day with little time to "
            "process it, and several linked this emotional labour directly to exhaustion.",
            "<b>Implications for services.</b> Services could cap weekly clinical contacts, "
            "build ten-minute breaks between sessions into the central booking system and "
            "treat supervision as protected time that is never cancelled to meet demand. "
            "Recovery targets could be reported at service level rather than attached to "
            "individual practitioners, which interviewees felt would reduce the sense of "
            "personal failure without weakening accountability. Peer support groups, which "
            "cost little to run, were valued by practitioners in every service that offered "
            "them. Commissioners should recognise that sustained under-resourcing of "
            "low-intensity teams carries a cost in sickness absence, cancelled appointments "
            "and recruitment.",
            "<b>Strengths and limitations.</b> The study combined a survey with a good "
            "response rate and in-depth interviews across six services in two regions. It "
            "has limitations. The survey was cross-sectional, so the direction of "
            "the associations cannot be established, and practitioners with burnout may have "
            "been more or less likely to respond. The interview sample was self-selected. "
            "Services in other regions may differ, and rural services, where practitioners "
            "often work alone, were not represented.",
        ],
    ),
    (
        "Conclusion",
        [
            "Burnout among psychological wellbeing practitioners in NHS Talking Therapies was "
            "common and was associated with caseload, back-to-back sessions and target "
            "pressure, and less common where supervision and peer support were protected. "
            "Capping caseloads, building breaks between sessions into booking systems and "
            "safeguarding supervision are practical steps that services can take now.",
        ],
    ),
]

DECLARATIONS = [
    "<b>Funding.</b> None (ﬁctional example). <b>Competing interests.</b> None declared. "
    "<b>Data availability.</b> No data exist: this article is EXAMPLE DATA written for the "
    "evidence sample corpus, and every number in it is invented.",
]

REFERENCES = [
    "Maslach C, Leiter MP. Understanding the burnout experience: recent research and its "
    "implications for psychiatry. World Psychiatry. 2016;15(2):103–11.",
    "Kristensen TS, Borritz M, Villadsen E, Christensen KB. The Copenhagen Burnout "
    "Inventory: a new tool for the assessment of burnout. Work Stress. 2005;19(3):192–207.",
    "Braun V, Clarke V. Reﬂecting on reﬂexive thematic analysis. Qual Res Sport Exerc "
    "Health. 2019;11(4):589–97.",
    "Leiter MP, Maslach C. Six areas of worklife: a model of the organizational context of "
    "burnout. J Health Hum Serv Adm. 1999;21(4):472–89.",
    "Shanafelt TD, Noseworthy JH. Executive leadership and physician well-being: nine "
    "organizational strategies to promote engagement and reduce burnout. Mayo Clin Proc. "
    "2017;92(1):129–46.",
    "Fetters MD, Curry LA, Creswell JW. Achieving integration in mixed methods designs: "
    "principles and practices. Health Serv Res. 2013;48(6 Pt 2):2134–56.",
    "Example A, Sample B. Burnout in low-intensity practitioners: a ﬁctional survey. "
    "Ex J Health Workforce Wellbeing. 2021;9(1):1–9. doi:10.5555/evidence-example.901",
    "Example C. Targets and values in stepped care: a ﬁctional commentary. Ex Ment Health "
    "Rev. 2022;4(2):20–3. doi:10.5555/evidence-example.902",
]

# ---------------------------------------------------------------------------- layout

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
GUTTER = 7 * mm
COL_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2
BODY_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
CREATION_DATE = "D:20240315120000+00'00'"


def _register_fonts() -> None:
    """Bitstream Vera ships with reportlab and has the U+FB01/U+FB02 ligature glyphs."""
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("Vera-Bold", "VeraBd.ttf"),
        ("Vera-Italic", "VeraIt.ttf"),
        ("Vera-BoldItalic", "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic", boldItalic="Vera-BoldItalic"
    )


def _ligatures(text: str) -> str:
    """Typeset 'fi'/'fl' as ligature glyphs, as publishers' PDFs often do."""
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="Vera",
        fontSize=8.6,
        leading=11.2,
        alignment=TA_JUSTIFY,
        spaceAfter=4,
        embeddedHyphenation=0,
    )
    return {
        "kind": ParagraphStyle(
            "kind", fontName="Vera-Bold", fontSize=8, leading=10, textColor="#555555"
        ),
        "title": ParagraphStyle(
            "title", fontName="Vera-Bold", fontSize=15, leading=19, spaceBefore=4, spaceAfter=8
        ),
        "authors": ParagraphStyle(
            "authors", fontName="Vera", fontSize=9.5, leading=12, spaceAfter=4
        ),
        "affil": ParagraphStyle("affil", fontName="Vera-Italic", fontSize=7.5, leading=9.5),
        "meta": ParagraphStyle(
            "meta", fontName="Vera", fontSize=7.5, leading=9.5, spaceBefore=4, spaceAfter=6
        ),
        "abs_head": ParagraphStyle(
            "abs_head", fontName="Vera-Bold", fontSize=10, leading=13, spaceAfter=2
        ),
        "abstract": ParagraphStyle(
            "abstract", parent=body, fontSize=8.4, leading=10.8, spaceAfter=2
        ),
        "keywords": ParagraphStyle(
            "keywords", fontName="Vera", fontSize=8, leading=10.5, spaceBefore=3
        ),
        "h1": ParagraphStyle(
            "h1",
            fontName="Vera-Bold",
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            alignment=TA_LEFT,
        ),
        "body": body,
        # soft hyphens only break where embeddedHyphenation is on; reportlab cannot split such
        # paragraphs across frames reliably, so only paragraphs with a soft hyphen use it
        "body_hyph": ParagraphStyle("body_hyph", parent=body, embeddedHyphenation=1),
        "ref": ParagraphStyle(
            "ref",
            parent=body,
            fontSize=7.4,
            leading=9.4,
            leftIndent=10,
            firstLineIndent=-10,
            alignment=TA_LEFT,
        ),
        "centre": ParagraphStyle("centre", fontName="Vera", fontSize=7.5, alignment=TA_CENTER),
    }


class Rule(Flowable):
    """A thin horizontal line across the frame."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 4

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 2, self.width, 2)


def _decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Running header (journal + EXAMPLE DATA) and page-number footer on every page."""
    canvas.saveState()
    canvas.setFont("Vera", 7.5)
    y = PAGE_H - 13 * mm
    canvas.drawString(MARGIN_X, y, f"{JOURNAL} · {CITATION}")
    canvas.setFont("Vera-Bold", 7.5)
    canvas.drawRightString(PAGE_W - MARGIN_X, y, "EXAMPLE DATA")
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_X, y - 2.5 * mm, PAGE_W - MARGIN_X, y - 2.5 * mm)
    canvas.setFont("Vera", 7.5)
    canvas.drawCentredString(PAGE_W / 2, 11 * mm, str(doc.page))
    canvas.restoreState()


def _front_matter(st: dict[str, ParagraphStyle]) -> list[Flowable]:
    authors = ", ".join(f"{first} {last}<super>{aff}</super>" for last, first, aff in AUTHORS)
    affils = "<br/>".join(f"<super>{n}</super> {text}" for n, text in AFFILIATIONS)
    abstract = [
        Paragraph(f"<b>{label}:</b> {_ligatures(text)}", st["abstract"]) for label, text in ABSTRACT
    ]
    return [
        Paragraph(f"ORIGINAL RESEARCH · {MARKER}", st["kind"]),
        Paragraph(_ligatures(TITLE), st["title"]),
        Paragraph(authors, st["authors"]),
        Paragraph(affils, st["affil"]),
        Paragraph(
            "Correspondence: C. N. Okafor, c.okafor@example.org · Received 12 October 2023 · "
            f"Accepted 9 February 2024 · https://doi.org/{DOI}",
            st["meta"],
        ),
        Rule(PAGE_W - 2 * MARGIN_X),
        Paragraph("Abstract", st["abs_head"]),
        *abstract,
        Paragraph("<b>Keywords:</b> " + "; ".join(KEYWORDS), st["keywords"]),
        Spacer(1, 4),
        Rule(PAGE_W - 2 * MARGIN_X),
    ]


def _body(st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = []
    for heading, paragraphs in BODY:
        out.append(Paragraph(heading, st["h1"]))
        out.extend(
            Paragraph(_ligatures(p), st["body_hyph" if "\u00ad" in p else "body"])
            for p in paragraphs
        )
    out.extend(Paragraph(d, st["body"]) for d in DECLARATIONS)
    out.append(Paragraph("References", st["h1"]))
    out.extend(Paragraph(f"{i}. {r}", st["ref"]) for i, r in enumerate(REFERENCES, 1))
    return out


def build(output: Path = OUTPUT) -> Path:
    """Write the sample PDF to `output` and return its path."""
    _register_fonts()
    st = _styles()
    front = _front_matter(st)
    full_w = PAGE_W - 2 * MARGIN_X
    front_h = sum(f.wrap(full_w, BODY_H)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in front)
    front_h += 14  # frame padding
    top = PAGE_H - MARGIN_TOP
    first = [
        Frame(MARGIN_X, top - front_h, full_w, front_h, id="front"),
        Frame(MARGIN_X, MARGIN_BOTTOM, COL_W, top - front_h - MARGIN_BOTTOM, id="c1"),
        Frame(
            MARGIN_X + COL_W + GUTTER, MARGIN_BOTTOM, COL_W, top - front_h - MARGIN_BOTTOM, id="c2"
        ),
    ]
    later = [
        Frame(MARGIN_X, MARGIN_BOTTOM, COL_W, BODY_H, id="l1"),
        Frame(MARGIN_X + COL_W + GUTTER, MARGIN_BOTTOM, COL_W, BODY_H, id="l2"),
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(output),
        pagesize=A4,
        title=TITLE,
        author="; ".join(f"{last} {first}" for last, first, _ in AUTHORS),
        subject=f"{MARKER}. doi:{DOI}",
        keywords=["EXAMPLE DATA", *KEYWORDS],
        creator=f"scripts/make_sample_pdf.py (reportlab {reportlab.Version})",
        producer="ReportLab",
        invariant=1,
        pageTemplates=[
            PageTemplate(id="first", frames=first, onPage=_decorate),
            PageTemplate(id="later", frames=later, onPage=_decorate),
        ],
    )
    story: list[Flowable] = [*front, NextPageTemplate("later"), FrameBreak(), *_body(st)]
    doc.build(story, canvasmaker=_canvas_maker)
    return output


def _canvas_maker(*args: object, **kwargs: object) -> Canvas:
    """A canvas with a fixed creation date so the bytes do not depend on the clock."""
    kwargs["invariant"] = 1
    canvas = Canvas(*args, **kwargs)  # type: ignore[arg-type]
    canvas.setDateFormatter(lambda *_: CREATION_DATE)
    return canvas


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUTPUT
    build(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
