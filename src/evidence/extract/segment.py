"""Split a Document into sentence-level Passages with section, page and character offsets.

Uses spaCy's rule-based sentencizer on a blank English pipeline, with a small fix-up for
abbreviations common in scientific text ("et al.", "e.g.", "Fig.") that the sentencizer
would otherwise end a sentence on.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import spacy
from spacy.language import Language

from evidence.records import Document, Passage, sha1

_ABBREV = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bcf|\bFig|\bFigs|\bTab|\bapprox|\bca|\bDr|\bMr|\bMrs|\bMs|\bProf|\bNo|\bvol|\bpp|\bInc|\bLtd|\bSt|\bJan|\bFeb|\bMar|\bApr|\bJun|\bJul|\bAug|\bSep|\bSept|\bOct|\bNov|\bDec|\b[A-Z])\.[,;:]?$"
)
_MAX_SENT_CHARS = 2000


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


# a line break ends a sentence where the line ends like one (or the next line is blank):
# quoted interview excerpts, list items and headings inside one block
_HARD_BREAK = re.compile(r"(?<=[.!?\"\u201d:])[ \t]*\n|\n[ \t]*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text` (whitespace trimmed, empty ones dropped)."""
    if not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _HARD_BREAK.finditer(text):
        spans.extend((pos + a, pos + b) for a, b in _paragraph_spans(text[pos : m.end()]))
        pos = m.end()
    spans.extend((pos + a, pos + b) for a, b in _paragraph_spans(text[pos:]))
    return spans


# abstracts exported without sentence punctuation ("... pandemic Material and methods The
# study included ...") read as one run-on sentence: split those before a structured-abstract
# heading or a common sentence opener that follows a lower-case word
_RUN_ON_MIN = 350
_RUN_ON_BREAK = re.compile(
    r"(?<=[a-z0-9%)\]])[ \t]+(?=(?:Background|Objectives?|Aims?|Purpose|Introduction|Methods?|"
    r"Materials? and [Mm]ethods|Results?|Conclusions?|Findings|Discussion|Design|Setting|"
    r"The|This|These|Those|There|We|Our|It|In (?:total|addition|conclusion|the)|Only|Almost|"
    r"Most|Among|Overall|However|Moreover|Furthermore|Additionally|Additional|Stronger|Higher|"
    r"Lower|Half|Daily|Male|Female|Participants|Respondents|Nurses|Physicians|Doctors|"
    r"Burnout|Compared|Data|Significant|Both|Each|All|Many|Several|Further)\b)"
)
_NO_BREAK_AFTER = re.compile(
    r"\b(?:in|of|from|to|at|for|by|with|and|or|the|a|an|on|than|as|that|between|among)$", re.I
)


# "(Copenhagen Burnout Inventory": a capitalised word before the opener makes it a name
_PREV_NAME = re.compile(r"\b[A-Z][\w-]*$")


def _run_on_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long sentence without inner sentence punctuation at likely sentence starts."""
    chunk = text[start:end]
    if end - start < _RUN_ON_MIN or len(re.findall(r"[.!?]\s+[A-Z]", chunk)) > 1:
        return [(start, end)]
    cuts = [
        m.end()
        for m in _RUN_ON_BREAK.finditer(chunk)
        if not _NO_BREAK_AFTER.search(chunk[: m.start()])
        and not _PREV_NAME.search(chunk[: m.start()])
        and chunk.count("(", 0, m.start()) <= chunk.count(")", 0, m.start())
    ]
    out: list[tuple[int, int]] = []
    pos = 0
    for c in cuts:
        if c - pos >= 25:
            out.append((start + pos, start + c))
            pos = c
    out.append((start + pos, end))
    return out


# a structured-abstract label an export glued to the next word ("ResultsTwenty-two staff
# members", "pandemic.MethodsThis is", "Datix’ResultsMultiple changes", "Results68 patients",
# "RESULTSThe survey"): the label becomes a passage of its own, and the sentence after it
# starts at its first word
GLUED_LABELS = (
    "Background|Objectives?|Aims?|Purpose|Introduction|Methods?|Results?|Conclusions?|"
    "Findings|Discussion|Interpretation"
)
_GLUED_LABEL = re.compile(
    rf"(?<![A-Za-z])(?:{GLUED_LABELS}|{GLUED_LABELS.upper()})(?=[A-Z][a-z]|[0-9])"
)


def _unglue_labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    cuts: list[int] = []
    for m in _GLUED_LABEL.finditer(chunk):
        cuts.extend((m.start(), m.end()))
    if not cuts:
        return [(start, end)]
    bounds = [0, *(c for c in cuts if 0 < c < len(chunk)), len(chunk)]
    return [(start + a, start + b) for a, b in pairwise(bounds) if b > a]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    if not text.strip():
        return []
    doc = _sentencizer()(text)
    raw: list[tuple[int, int]] = [(s.start_char, s.end_char) for s in doc.sents]
    merged: list[tuple[int, int]] = []
    for start, end in raw:
        if merged:
            prev_start, prev_end = merged[-1]
            prev = text[prev_start:prev_end].rstrip()
            nxt = text[start:end].lstrip()
            first = nxt[:1]
            after_abbrev = bool(prev) and _ABBREV.search(prev) is not None
            if (
                first.islower()
                or first in ",;:)]}%"
                or (after_abbrev and (first.isdigit() or prev.rstrip(",;:").endswith("et al.")))
            ):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    out: list[tuple[int, int]] = []
    for start, end in merged:
        # split over-long runs (tables, lists without punctuation) on line breaks
        if end - start > _MAX_SENT_CHARS:
            pos = start
            for line in text[start:end].split("\n"):
                if line.strip():
                    ls = text.index(line, pos)
                    out.append((ls, ls + len(line)))
                    pos = ls + len(line)
            continue
        for a, b in _run_on_spans(text, start, end):
            out.extend(_unglue_labels(text, a, b))
    trimmed: list[tuple[int, int]] = []
    for start, end in out:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            trimmed.append((start + lead, end - trail))
    return trimmed


def split_passages(doc: Document) -> list[Passage]:
    """Sentence-level passages for every block of `doc`; offsets index `doc.text`."""
    if not doc.text or len(doc.block_starts) != len(doc.blocks):
        doc.assemble()
    doc_id = doc.doc_id
    passages: list[Passage] = []
    seq = 0
    for block, base in zip(doc.blocks, doc.block_starts, strict=True):
        spans = [(0, len(block.text))] if block.section == "title" else sentence_spans(block.text)
        for start, end in spans:
            text = block.text[start:end]
            if not text.strip():
                continue
            cs, ce = base + start, base + end
            passages.append(
                Passage(
                    passage_id="p" + sha1(f"{doc_id}|{cs}|{ce}", 16),
                    doc_id=doc_id,
                    seq=seq,
                    section=block.section,
                    page=block.page,
                    char_start=cs,
                    char_end=ce,
                    text=text,
                )
            )
            seq += 1
    return passages
