"""Plain text, Markdown and web (HTML) pages of papers: boilerplate dropped, headings and
'Methods:'-style inline labels turned into sections."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from evidence.errors import SourceError
from evidence.records import Block, Document, ReadResult, normalise_doi
from evidence.sources._common import clean, clean_line, decode, read_bytes, year_from
from evidence.sources._sections import classify_heading, inline_label

_BOILERPLATE = re.compile(
    r"^\W*(?:subscribe(?: now| today)?|issue access|article only|sign in|log ?in|register|"
    r"create (?:an )?account|buy (?:this )?(?:article|issue)|purchase(?: access)?|rent this article|"
    r"already a (?:subscriber|member)\??|skip to (?:main )?content|main menu|menu|search|share|"
    r"share this(?: article)?|print|email|download pdf|view pdf|advertisement|cookie settings|accept(?: all)?(?: cookies)?|"
    r"privacy policy|terms (?:of|and) (?:use|conditions|service)|back to top|related articles?|"
    r"previous article|next article|permissions|reprints|get access|full access|open in new tab|"
    r"this content is only available to subscribers\.?|continue reading\.?)\W*$"
    r"|(?:^|\W)(?:CME credits?|app access|print delivery available|unlimited access|paywall|"
    r"we use cookies|this website uses cookies|cookie policy|all rights reserved|sign up for (?:our|the) newsletter)\b"
    r"|^\W*(?:from )?[$€£]\s?\d[\d.,]*\b",
    re.I,
)
# Lines that open the tail of a web page (paywall, "related", "most read"): from such a line
# in the second half of the page to the end, nothing is article text.
_TAIL_START = re.compile(
    r"^\W*(?:subscribe\b.*|you'?ve read \d+ of \d+.*|already a subscriber.*|related (?:stories|articles|content)|"
    r"most (?:viewed|read|popular)|more from .{0,40}|recommended for you|read more|issue access|article only|"
    r"access (?:this|the full) article|access options|get access|buy this article.*|purchase (?:this )?article.*|"
    r"to (?:read|continue reading) (?:the )?full.*)\W*$",
    re.I,
)
_NAV = re.compile(r"\s\|\s")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SUP = re.compile(r"<sup>[^<]{0,20}</sup>", re.I)
_MD_MARK = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_YEAR_LINE = re.compile(r"\b(?:19|20)\d\d\b")


class _HTMLText(HTMLParser):
    """Keep the visible text of a web page; block elements become line breaks, h1-h6 Markdown headings."""

    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "ul",
            "ol",
            "table",
            "blockquote",
        }
    )
    _SKIP = frozenset(
        {"script", "style", "noscript", "nav", "template", "svg", "form", "button", "aside"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.parts.append("\n" + "#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCK or (len(tag) == 2 and tag[0] == "h"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self.skip:
            self.parts.append(data.replace("\n", " "))


def html_to_markdown(text: str) -> tuple[str, str | None]:
    p = _HTMLText()
    p.feed(text)
    p.close()
    return "".join(p.parts), (p.title.strip() if p.title else None)


def is_boilerplate(line: str) -> bool:
    return len(line) < 160 and _BOILERPLATE.search(line) is not None


def read(path: Path, *, fmt: str = "text") -> ReadResult:
    result = ReadResult(source_path=str(path), format=fmt)
    text = decode(read_bytes(path))
    page_title = None
    if fmt == "html":
        text, page_title = html_to_markdown(text)
    doc = parse_text(text, source_path=str(path), fmt=fmt, page_title=page_title)
    if not doc.blocks:
        raise SourceError(
            "the file has no readable text",
            path=str(path),
            hint="check that it is a paper, not an empty page",
        )
    result.documents.append(doc)
    return result


_NOTICE = re.compile(r"^[A-Z]{4,}\s+[A-Z]{4,}\b")  # "EXAMPLE DATA —", "SPONSORED CONTENT"


def _title_like(line: str) -> bool:
    return (
        not _NOTICE.match(line)
        and len(line) < 250
        and not line.endswith((".", ":"))
        and inline_label(line) is None
        and not _NAV.search(line)
        and len(line.split()) >= 4
    )


def _headline(lines: list[str]) -> str | None:
    """The first headline-like line near the top of a web page (site names and menus are shorter)."""
    for line in lines[:25]:
        if line and not is_boilerplate(line) and _title_like(line) and len(line.split()) >= 5:
            return line
    return None


def _drop_page_tail(lines: list[str]) -> list[str]:
    """Cut a web page's tail (paywall offer, related stories) when it starts in the second half."""
    half = len(lines) // 2
    for i in range(half, len(lines)):
        if _TAIL_START.match(lines[i]):
            return lines[:i]
    return lines


def parse_text(text: str, *, source_path: str, fmt: str, page_title: str | None = None) -> Document:
    markdown = fmt in ("markdown", "html")
    text = _SUP.sub("", text)
    lines = [ln.strip() for ln in text.split("\n")]
    lines = _drop_page_tail(lines)
    blocks: list[Block] = []
    title: str | None = None
    section, heading = "body", None
    buf: list[str] = []
    seen: set[str] = set()

    def flush() -> None:
        body = clean("\n".join(buf))
        buf.clear()
        if body:
            blocks.append(Block(section=section, text=body, heading=heading))

    first = True
    for line in lines:
        if not line:
            continue
        if markdown:
            line = _MD_LINK.sub(r"\1", line)
            if not line.strip("#"):
                continue  # an empty Markdown heading
        m = _MD_HEADING.match(line) if markdown else None
        if m:
            htext = clean_line(_MD_MARK.sub("", m.group(2)))
            if len(m.group(1)) == 1 and title is None and not blocks and not buf:
                title = htext
                section = "front_matter"  # authors and affiliations until the first heading
                first = False
                continue
            flush()
            known = classify_heading(htext)
            if known is not None:
                section = known
            elif section in ("references", "other", "abstract", "keywords"):
                section = "body"
            heading = htext
            first = False
            continue
        if is_boilerplate(line):
            continue
        if len(line) > 60:
            if line in seen:
                continue  # the same paragraph pasted twice
            seen.add(line)
        if first:
            first = False
            if title is None and _title_like(line):
                title = clean_line(_MD_MARK.sub("", line))
                continue
            if title is None and fmt in ("html", "text"):
                candidate = _headline(lines)
                if candidate is not None and candidate != line:
                    title = clean_line(_MD_MARK.sub("", candidate))
        lab = inline_label(line)
        if lab is not None:
            flush()
            section, heading, line = lab
        elif len(line) < 60 and (known := classify_heading(line)) is not None:
            flush()
            section, heading = known, line.strip(" :")
            continue
        if markdown:
            line = _MD_MARK.sub("", line)
        buf.append(line)
    flush()
    title = title or page_title
    if title:
        blocks.insert(0, Block(section="title", text=title))
    head = "\n".join(b.text for b in blocks[:4])
    ym = _YEAR_LINE.search(head[:300])
    doc = Document(
        source_path=source_path,
        format=fmt,
        blocks=blocks,
        title=title,
        doi=normalise_doi(head),
        year=year_from(ym.group(0)) if ym else None,
        is_full_text=True,
    )
    doc.assemble()
    return doc
