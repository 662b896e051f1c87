"""BibTeX exports (Scopus, Web of Science, reference managers) read with bibtexparser 2.x."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock

from evidence.records import IngestIssue, ReadResult
from evidence.sources._common import (
    decode,
    read_bytes,
    record_document,
    record_issue,
    split_list,
    year_from,
)

_LATEX = [("\\&", "&"), ("\\%", "%"), ("\\_", "_"), ("\\$", "$"), ("\\#", "#"), ("--", "–")]
_ACCENT = re.compile(r"\{?\\([`'^\"~=.])\{?([A-Za-z])\}?\}?")
_ACCENTS = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
}
_TRANSLATION = re.compile(r";\s*\[[^\]]*\]\s*$")


def latex_to_text(value: str | None) -> str:
    if not value:
        return ""
    if "\\" in value:
        value = _ACCENT.sub(lambda m: m.group(2) + _ACCENTS[m.group(1)], value)
        for a, b in _LATEX:
            value = value.replace(a, b)
    return value.replace("{", "").replace("}", "")


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="bibtex")
    text = decode(read_bytes(path))
    library = bibtexparser.parse_string(text)
    index = 0
    for block in library.blocks:
        entry: Entry | None = None
        if isinstance(block, Entry):
            entry = block
        elif isinstance(block, DuplicateBlockKeyBlock) and isinstance(
            block.ignore_error_block, Entry
        ):
            entry = block.ignore_error_block
        elif isinstance(block, ParsingFailedBlock):
            index += 1
            line = (block.start_line or 0) + 1
            result.issues.append(
                record_issue(
                    path,
                    index,
                    "broken BibTeX entry: "
                    + (str(block.error) or type(block.error).__name__ or "syntax error")[:200],
                    line=line,
                )
            )
            continue
        if entry is None:
            continue
        index += 1
        f = {
            k.lower(): latex_to_text(v.value if isinstance(v.value, str) else str(v.value))
            for k, v in entry.fields_dict.items()
        }
        title = _TRANSLATION.sub("", f.get("title", ""))
        kws = (
            split_list(f.get("author_keywords"))
            + split_list(f.get("keywords"))
            + split_list(f.get("keywords-plus"))
        )
        ptypes = split_list(f.get("type")) or (
            [entry.entry_type.title()] if entry.entry_type else []
        )
        doc = record_document(
            source_path=path,
            fmt="bibtex",
            record_index=index,
            title=title,
            abstract=f.get("abstract"),
            authors=[a for a in re.split(r"\s+and\s+", f.get("author", "")) if a.strip()],
            year=year_from(f.get("year") or f.get("date")),
            journal=f.get("journal") or f.get("booktitle") or f.get("journal-iso"),
            doi=f.get("doi"),
            pmid=f.get("pmid") or f.get("pubmed-id"),
            keywords=kws,
            publication_types=ptypes,
            language=f.get("language"),
        )
        if isinstance(doc, IngestIssue):
            doc.location = f"record {index}, line {(entry.start_line or 0) + 1}"
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result
