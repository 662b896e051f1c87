"""JATS / PubMed Central article XML (full text or abstract-and-sections fragments).

Parsed with defusedxml (no external entities). A complete `<article>` gives title, authors,
journal, year, DOI/PMID and every `<sec>` as a section; a fragment (bare `<abstract>` and
`<sec>` elements, as some PMC-derived data sets store them) gives its sections, with the
PMC id from the file name. Tables and figures are left out of the running text; the
reference list is kept and marked `references`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from evidence.errors import SourceError
from evidence.records import Block, Document, ReadResult, normalise_doi, normalise_pmid
from evidence.sources._common import clean, clean_line, decode, parse_xml, read_bytes, year_from
from evidence.sources._sections import classify_heading

_SKIP = {
    "table-wrap",
    "fig",
    "table",
    "disp-formula",
    "graphic",
    "supplementary-material",
    "xref",
    "label",
    "object-id",
    "alternatives",
}


def looks_like_jats(head: str) -> bool:
    """True for a JATS article or a fragment made of <abstract>/<sec> elements."""
    h = head.lstrip()
    if h.startswith("<?xml"):
        h = h[h.find("?>") + 2 :].lstrip()
    if h.startswith("<!DOCTYPE"):
        return "JATS" in h[:300] or "journalpublishing" in h[:300].lower() or "<article" in h
    return h.startswith(("<article", "<abstract", "<sec", "<body", "<front"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(el: ET.Element | None) -> str:
    """Running text of an element without tables, figures and citation markers."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        name = _local(node.tag)
        if name in _SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if _local(child.tag) == "p":
                parts.append("\n")
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    return clean("".join(parts))


def _sections(container: ET.Element, default: str, blocks: list[Block], depth: int = 0) -> None:
    """Blocks from a container's paragraphs and (nested) sections."""
    current = default
    paras: list[str] = []
    for child in container:
        name = _local(child.tag)
        if name == "title":
            heading = _text(child)
            current = classify_heading(heading) or default
            if heading and depth > 0:
                blocks.append(Block(section=current, text=heading, heading=heading))
        elif name == "p":
            txt = _text(child)
            if txt:
                paras.append(txt)
        elif name == "sec":
            if paras:
                blocks.append(Block(section=current, text="\n".join(paras)))
                paras = []
            _sections(child, current, blocks, depth + 1)
    if paras:
        blocks.append(Block(section=current, text="\n".join(paras)))


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="jats")
    data = read_bytes(path)
    text = decode(data)
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    body = re.sub(r"^\s*<!DOCTYPE[^>]*>", "", body.lstrip())
    # fragments cut from an article lose the namespace declarations their attributes use
    prefixes = sorted(
        set(re.findall(r"[\s<]([A-Za-z][\w.-]*):[A-Za-z][\w.-]*\s*=", body[:200_000]))
    )
    prefixes += [
        p for p in re.findall(r"</?([A-Za-z][\w.-]*):", body[:200_000]) if p not in prefixes
    ]
    decls = " ".join(
        f'xmlns:{p}="urn:evidence:{p}"'
        for p in dict.fromkeys(prefixes)
        if p not in ("xml", "xmlns") and f"xmlns:{p}=" not in body[:5000]
    )
    root = parse_xml(
        f"<jats-root {decls}>{body}</jats-root>",
        path=path,
        hint="download the article XML again (e.g. from PubMed Central)",
    )
    article = next((el for el in root.iter() if _local(el.tag) == "article"), None)
    scope = article if article is not None else root
    meta = next((el for el in scope.iter() if _local(el.tag) == "article-meta"), None)

    def find(el: ET.Element | None, name: str) -> ET.Element | None:
        if el is None:
            return None
        return next((x for x in el.iter() if _local(x.tag) == name), None)

    title = clean_line(_text(find(meta, "article-title"))) or None
    blocks: list[Block] = []
    if title:
        blocks.append(Block(section="title", text=title))
    for ab in (x for x in scope.iter() if _local(x.tag) == "abstract"):
        if ab.get("abstract-type") in ("graphical", "teaser"):
            continue
        start = len(blocks)
        _sections(ab, "abstract", blocks)
        for b in blocks[start:]:  # structured-abstract labels stay inside the abstract
            b.section = "abstract"
        break
    body_el = find(scope, "body")
    containers = [body_el] if body_el is not None else [x for x in root if _local(x.tag) == "sec"]
    for c in containers:
        if _local(c.tag) == "sec":
            _sections(c, "body", blocks, depth=1)
        else:
            _sections(c, "body", blocks)
    refs = [x for x in scope.iter() if _local(x.tag) == "ref"]
    if refs:
        blocks.append(
            Block(section="references", text="\n".join(t for t in (_text(r) for r in refs) if t))
        )
    blocks = [b for b in blocks if b.text.strip()]
    if not any(b.section != "title" for b in blocks):
        raise SourceError(
            "the XML article has no abstract or body text",
            path=str(path),
            hint="check that this is a JATS/PMC article XML with its text (not only metadata)",
        )
    ids = {
        x.get("pub-id-type"): clean_line(_text(x))
        for x in (meta.iter() if meta is not None else [])
        if _local(x.tag) == "article-id"
    }
    authors = []
    for contrib in (
        x for x in (meta.iter() if meta is not None else []) if _local(x.tag) == "contrib"
    ):
        sur, given = find(contrib, "surname"), find(contrib, "given-names")
        if sur is not None:
            authors.append(", ".join(p for p in (_text(sur), _text(given)) if p))
    pub_date = find(meta, "pub-date")
    doc = Document(
        source_path=str(path),
        format="jats",
        blocks=blocks,
        title=title,
        authors=authors,
        year=year_from(_text(find(pub_date, "year"))) if pub_date is not None else None,
        journal=clean_line(_text(find(scope, "journal-title"))) or None,
        doi=normalise_doi(ids.get("doi")),
        pmid=normalise_pmid(ids.get("pmid")) if ids.get("pmid") else None,
        keywords=[
            k for k in (clean_line(_text(x)) for x in scope.iter() if _local(x.tag) == "kwd") if k
        ],
        is_full_text=body_el is not None
        or any(b.section not in ("title", "abstract") for b in blocks),
    )
    doc.assemble()
    result.documents.append(doc)
    return result
