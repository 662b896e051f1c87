"""Helpers every reader shares: decoding bytes, cleaning inline markup, building documents."""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from evidence.errors import SourceError
from evidence.records import Block, Document, IngestIssue, normalise_doi, normalise_pmid

MAX_TEXT_BYTES = 512 * 1024 * 1024

_MOJIBAKE = re.compile("[ÃÂ][\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€")
_STOP = frozenset(',;"()')
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<>]*)?/?>")
_BR = re.compile(r"<(?:ovid:)?br\s*/?>|</?(?:ovid:)?p\s*/?>", re.I)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into a SourceError that names it."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise SourceError(
                f"file is too large to read ({size} bytes)",
                path=str(path),
                hint="split the export into smaller files",
            )
        return path.read_bytes()
    except OSError as e:
        raise SourceError(
            f"cannot open the file ({e.strerror or e})",
            path=str(path),
            hint="check that the file exists and is readable",
        ) from e


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM or not), else the encoding charset-normalizer guesses; fix mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_guess(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "<U+" in text:
        text = _R_ESCAPE.sub(_unescape_r, text)
    return fix_mojibake(text)


# R's write.csv in a non-UTF-8 locale writes characters it cannot encode as "<U+03B9>"
# (the covid_suicide_living export holds Greek, Cyrillic and Japanese abstracts so written)
_R_ESCAPE = re.compile(r"<U\+([0-9A-F]{4,6})>")


def _unescape_r(m: re.Match[str]) -> str:
    code = int(m.group(1), 16)
    if 0x80 <= code <= 0x9F:
        # a C1 control is a byte of doubly encoded UTF-8 ("Ã¢<U+0080>Â¯" was a narrow no-break
        # space): give it back as the two characters its UTF-8 reads as in latin-1 so that the
        # mojibake repair sees one consistent layer
        return "\u00c2" + chr(code)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return m.group(0)
    return chr(code)


def _decode_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as cp1252/latin-1 ('Ã¡' -> 'á') with ftfy, word by word where it is present
    (ftfy on whole long lines is slow)."""
    m = _MOJIBAKE.search(text)
    if m is None:
        return text
    import ftfy

    out: list[str] = []
    pos = 0
    while m is not None:
        start, end = m.start(), m.end()
        while start > pos and not text[start - 1].isspace() and text[start - 1] not in _STOP:
            start -= 1
        while end < len(text) and not text[end].isspace() and text[end] not in _STOP:
            end += 1
        out.append(text[pos:start])
        out.append(ftfy.fix_encoding(text[start:end]))
        pos = end
        m = _MOJIBAKE.search(text, pos)
    out.append(text[pos:])
    return "".join(out)


_ABSTRACT_TEXT_END = re.compile(r"\s*</AbstractText>\s*:?\s*")


def undouble_sections(text: str) -> str:
    """Some Ovid/Embase exports write a structured abstract as 'S1</AbstractText>: S1S2
    </AbstractText>: S2S3 ...', each section twice; keep each once, one per line."""
    segs = _ABSTRACT_TEXT_END.split(text)
    out = [segs[0]]
    prev = segs[0]
    for seg in segs[1:]:
        new = seg[len(prev) :] if prev and seg.startswith(prev) else seg
        if new.strip() and new.strip() != prev.strip():
            out.append(new)
        prev = new
    return "\n".join(s.strip() for s in out if s.strip())


def clean(text: str | None) -> str:
    """Inline clean-up for a field value: markup, entities, odd whitespace, soft hyphens."""
    if not text:
        return ""
    if "</AbstractText>" in text:
        text = undouble_sections(text)
    if "<" in text:
        text = _BR.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _SPACES.sub(" ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()


def clean_line(text: str | None) -> str:
    """`clean` and then fold line breaks into spaces (titles, journal names)."""
    return clean(text).replace("\n", " ")


def year_from(value: object) -> int | None:
    if value is None:
        return None
    m = _YEAR.search(str(value))
    return int(m.group(1)) if m else None


def split_list(value: str | None, seps: str = ";") -> list[str]:
    if not value:
        return []
    parts = re.split("[" + re.escape(seps) + "]", value)
    return [p for p in (clean_line(x) for x in parts) if p]


def unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for it in items:
        key = it.casefold()
        if it and key not in seen:
            seen.add(key)
            out.append(it)
    return out


# a conference abstract's own reference list run into its text: "... of exclusion. REFERENCE #1:
# Garg RK. Spectrum of Neurological Manifestations in Covid-19: A Review. Neurol India. 2020"
# (capitalised, as the meeting's template writes it, and never at the start)
_INLINE_REFERENCES = re.compile(r"(?<=\S)\s+(?=REFERENCES?\s*(?:#\s*\d+\s*)?:)")


def _split_references(abstract: str) -> tuple[str, str | None]:
    """The abstract and the reference list run into its end, if it has one."""
    m = _INLINE_REFERENCES.search(abstract)
    if m is None:
        return abstract, None
    return abstract[: m.start()], abstract[m.end() :]


def record_document(
    *,
    source_path: Path,
    fmt: str,
    record_index: int,
    title: str | None,
    abstract: str | None,
    abstract_sections: list[tuple[str | None, str]] | None = None,
    authors: list[str] | None = None,
    year: int | None = None,
    journal: str | None = None,
    doi: str | None = None,
    pmid: str | None = None,
    keywords: list[str] | None = None,
    publication_types: list[str] | None = None,
    mesh: list[str] | None = None,
    language: str | None = None,
) -> Document | IngestIssue:
    """Build one export record's Document, or a warning when it has neither title nor abstract."""
    title = clean_line(title) or None
    blocks: list[Block] = []
    if title:
        blocks.append(Block(section="title", text=title))
    if abstract_sections:
        for label, part in abstract_sections:
            part = clean(part)
            if part:
                blocks.append(Block(section="abstract", text=part, heading=label or None))
    else:
        ab, refs = _split_references(clean(abstract))
        if ab:
            blocks.append(Block(section="abstract", text=ab))
        if refs:
            # nothing is read from a reference list (their places, designs, numbers are
            # other studies'); it stays in the document's text
            blocks.append(Block(section="references", text=refs))
    if not blocks or (not any(b.section == "abstract" for b in blocks) and not title):
        return IngestIssue(
            source_path=str(source_path),
            stage="read",
            message="record has neither title nor abstract; skipped",
            location=f"record {record_index}",
            hint="check this record in the export; nothing else was lost",
            severity="warning",
        )
    kws = unique(clean_line(k) for k in (keywords or []))
    if kws:
        blocks.append(Block(section="keywords", text="; ".join(kws)))
    doc = Document(
        source_path=str(source_path),
        format=fmt,
        blocks=blocks,
        title=title,
        authors=unique(clean_line(a) for a in (authors or [])),
        year=year,
        journal=clean_line(journal) or None,
        doi=normalise_doi(doi),
        pmid=normalise_pmid(pmid) if pmid else None,
        keywords=kws,
        publication_types=unique(clean_line(p) for p in (publication_types or [])),
        mesh=unique(clean_line(m) for m in (mesh or [])),
        record_index=record_index,
        is_full_text=False,
        language=language or None,
    )
    doc.assemble()
    return doc


def record_issue(path: Path, index: int, message: str, *, line: int | None = None) -> IngestIssue:
    loc = f"record {index}" + (f", line {line}" if line else "")
    return IngestIssue(
        source_path=str(path),
        stage="read",
        message=message,
        location=loc,
        hint="fix or remove this record in the export and read the file again; the other records were read",
    )


def parse_xml(data: bytes | str, *, path: Path, hint: str) -> ET.Element:
    """Parse XML safely (defusedxml: no external entities, no entity bombs) or say where it breaks."""
    try:
        return defused_fromstring(data, forbid_dtd=False)
    except (ET.ParseError, DefusedXmlException) as e:
        line = getattr(e, "position", (None,))[0]
        raise SourceError(
            f"the XML is not well formed or uses forbidden entities ({e})",
            path=str(path),
            location=f"line {line}" if line else None,
            hint=hint,
        ) from e
