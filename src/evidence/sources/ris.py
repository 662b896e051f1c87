"""RIS exports (Embase, Ovid, Zotero ...) read with rispy, one record at a time so a broken
record is reported by number and line while the others are still read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import rispy

from evidence.records import IngestIssue, ReadResult
from evidence.sources._common import decode, read_bytes, record_document, record_issue, year_from

_ER = re.compile(r"^ER\s{1,2}-.*$", re.M)
_TY = re.compile(r"^TY\s{1,2}- ", re.M)


def split_records(text: str) -> list[tuple[int, str]]:
    """(first line number, record text) for each TY ... ER block."""
    out: list[tuple[int, str]] = []
    pos = 0
    line = 1  # line number at `pos`
    for m in _ER.finditer(text):
        chunk = text[pos : m.end()]
        ty = _TY.search(chunk)
        if ty is None:
            if chunk.strip():
                out.append((line, chunk))
        else:
            out.append((line + chunk.count("\n", 0, ty.start()), chunk[ty.start() :]))
        line += chunk.count("\n")
        pos = m.end()
    tail = text[pos:]
    if tail.strip():
        out.append((line + 1, tail.strip() + "\nER  - \n"))
    return out


def _all(rec: dict[str, Any], *keys: str) -> list[str]:
    out: list[str] = []
    for k in keys:
        v = rec.get(k)
        if isinstance(v, list):
            out.extend(str(x) for x in v if x)
        elif v:
            out.append(str(v))
    return out


def _one(rec: dict[str, Any], *keys: str) -> str | None:
    vals = _all(rec, *keys)
    return vals[0] if vals else None


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="ris")
    text = decode(read_bytes(path))
    for index, (lineno, chunk) in enumerate(split_records(text), 1):
        try:
            recs = rispy.loads(chunk, skip_unknown_tags=False)
        except (rispy.parser.ParseError, ValueError, KeyError, IndexError, TypeError) as e:
            result.issues.append(record_issue(path, index, f"broken RIS record ({e})", line=lineno))
            continue
        if not recs:
            result.issues.append(
                record_issue(path, index, "broken RIS record (no 'TY  - ' start tag)", line=lineno)
            )
            continue
        rec = recs[0]
        pmid = _one(rec, "custom5") if _is_pmid(_one(rec, "custom5")) else None
        doc = record_document(
            source_path=path,
            fmt="ris",
            record_index=index,
            title=_one(rec, "primary_title", "title", "translated_title"),
            abstract="\n".join(_all(rec, "abstract", "notes_abstract")),
            authors=_all(rec, "first_authors", "authors"),
            year=year_from(_one(rec, "publication_year", "year", "date")),
            journal=_one(
                rec, "alternate_title3", "secondary_title", "journal_name", "alternate_title2"
            ),
            doi=_one(rec, "doi")
            or next((u for u in _all(rec, "file_attachments2", "urls") if "10." in u), None),
            pmid=pmid,
            keywords=_all(rec, "keywords"),
            publication_types=_all(rec, "type_of_work"),
            language=_one(rec, "language"),
        )
        if isinstance(doc, IngestIssue):
            doc.location = f"record {index}, line {lineno}"
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result


def _is_pmid(value: str | None) -> bool:
    return bool(value) and bool(re.fullmatch(r"\s*\d{1,9}\s*", value or ""))
