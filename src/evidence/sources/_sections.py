"""Recognise section headings ('2. Materials and Methods', 'FINDINGS', 'Conclusion:')."""

from __future__ import annotations

import re

_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.\s*|\d{1,2}\s+|[IVX]{1,4}\.\s*|[A-H]\.\s+)")

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("abstract", re.compile(r"^(abstract|summary|structured abstract)$")),
    ("keywords", re.compile(r"^(key ?words|keywords|index terms)$")),
    (
        "references",
        re.compile(
            r"^(references?|bibliography|literature cited|works cited|reference list|cited literature)$"
        ),
    ),
    (
        "introduction",
        re.compile(
            r"^(introduction|background|backgrounds|aims?|objectives?|purpose|rationale|context|introduction and background|background and aims?|aims? and objectives?|study objectives?)$"
        ),
    ),
    (
        "methods",
        re.compile(
            r"^(methods?|materials? and methods?|methods? and materials?|methodology|patients and methods|subjects and methods|participants and methods|study design|design|methods and analysis|experimental( section| procedures)?|setting|participants|data collection|data analysis|statistical analysis|design and methods?)$"
        ),
    ),
    (
        "results",
        re.compile(
            r"^(results?|findings|results and discussion|findings and discussion|outcomes|"
            # a qualitative paper's "Key findings", "Qualitative findings", "Survey results"
            r"(main|key|principal|qualitative|quantitative|survey|interview|study) (results|findings))$"
        ),
    ),
    (
        "discussion",
        re.compile(
            r"^(discussion|general discussion|discussion and conclusions?|interpretation|limitations|strengths and limitations)$"
        ),
    ),
    (
        "conclusion",
        re.compile(
            r"^(conclusions?|conclusions? and implications|conclusions? and recommendations|concluding remarks|implications( for (practice|policy|research))?|recommendations|summary and conclusions?)$"
        ),
    ),
    (
        "other",
        re.compile(
            r"^(acknowledge?ments?|funding|funding sources?|competing interests?|conflicts? of interests?|declaration of competing interest|declarations|authors'? contributions|author contributions|abbreviations|availability of data and materials?|data availability( statement)?|ethics approval and consent to participate|ethics approval|consent for publication|supplementary (material|information)|additional files?|publisher'?s note|footnotes|open access|endnotes)$"
        ),
    ),
]


def classify_heading(text: str) -> str | None:
    """Section name for a heading line, or None when it is not a known heading."""
    t = _NUMBERING.sub("", text.strip())
    t = t.strip(" :.-–—\t").lower().replace("’", "'")
    t = re.sub(r"\s+", " ", t)
    if not t or len(t) > 60:
        return None
    for section, rx in _RULES:
        if rx.match(t):
            return section
    return None


_INLINE = re.compile(
    r"^((?:background|introduction|objectives?|aims?|purpose|context|methods?|materials? and methods|"
    r"design|setting|participants|results?|findings|discussion|conclusions?(?: and [a-z]+)?|interpretation|"
    r"implications)(?: and [a-z]+)?)\s*[:.]\s*(?=[A-Z0-9])",
    re.I,
)


def inline_label(line: str) -> tuple[str, str, str] | None:
    """'Methods: We interviewed ...' -> ('methods', 'Methods', 'We interviewed ...')."""
    m = _INLINE.match(line)
    if not m:
        return None
    label = m.group(1)
    section = classify_heading(label) or classify_heading(label.split()[0])
    if section is None:
        return None
    return section, label, line[m.end() :]
