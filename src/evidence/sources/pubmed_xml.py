"""PubMed XML (PubmedArticleSet), parsed with defusedxml: no external entities, no entity bombs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from evidence.records import Document, IngestIssue, ReadResult
from evidence.sources._common import parse_xml, read_bytes, record_document, year_from


def _text(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="pubmed_xml")
    data = read_bytes(path)
    root = parse_xml(
        data, path=path, hint="export the records from PubMed again (Save > Format: PubMed XML)"
    )
    articles = [el for el in root if el.tag in ("PubmedArticle", "PubmedBookArticle")]
    if root.tag in ("PubmedArticle", "PubmedBookArticle"):
        articles = [root]
    for index, art in enumerate(articles, 1):
        doc = _document(path, index, art)
        if isinstance(doc, IngestIssue):
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result


def _document(path: Path, index: int, art: ET.Element) -> Document | IngestIssue:
    cit = art.find("MedlineCitation")
    if cit is None:
        cit = art.find("BookDocument")
    if cit is None:
        cit = art
    article = cit.find("Article")
    if article is None:
        article = cit
    title = _text(article.find("ArticleTitle")) or _text(article.find("BookTitle"))
    sections: list[tuple[str | None, str]] = []
    for ab in article.iterfind("Abstract/AbstractText"):
        label = ab.get("Label") or ab.get("NlmCategory")
        sections.append((label.title() if label else None, _text(ab)))
    authors: list[str] = []
    for au in article.iterfind("AuthorList/Author"):
        last, fore = _text(au.find("LastName")), _text(au.find("ForeName"))
        name = f"{last}, {fore}" if last and fore else last or _text(au.find("CollectiveName"))
        if name:
            authors.append(name)
    year = year_from(_text(article.find("Journal/JournalIssue/PubDate/Year")))
    if year is None:
        year = year_from(_text(article.find("Journal/JournalIssue/PubDate")))
    if year is None:
        year = year_from(_text(article.find("ArticleDate/Year")))
    doi = None
    for el in list(article.iterfind("ELocationID")) + list(
        art.iterfind("PubmedData/ArticleIdList/ArticleId")
    ):
        if el.get("EIdType") == "doi" or el.get("IdType") == "doi":
            doi = _text(el)
            break
    pmid = _text(cit.find("PMID"))
    kws = [_text(k) for k in cit.iterfind("KeywordList/Keyword")]
    pts = [_text(p) for p in article.iterfind("PublicationTypeList/PublicationType")]
    mesh = [_text(m.find("DescriptorName")) for m in cit.iterfind("MeshHeadingList/MeshHeading")]
    return record_document(
        source_path=path,
        fmt="pubmed_xml",
        record_index=index,
        title=title,
        abstract=None,
        abstract_sections=sections,
        authors=authors,
        year=year,
        journal=_text(article.find("Journal/Title"))
        or _text(cit.find("MedlineJournalInfo/MedlineTA")),
        doi=doi,
        pmid=pmid,
        keywords=kws,
        publication_types=pts,
        mesh=mesh,
        language=_text(article.find("Language")),
    )
