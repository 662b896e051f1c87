"""PubMed MEDLINE tagged text (.txt, .nbib): 'TAG - value' lines, records separated by blank lines."""

from __future__ import annotations

import re
from pathlib import Path

from evidence.records import Document, IngestIssue, ReadResult
from evidence.sources._common import (
    clean_line,
    decode,
    read_bytes,
    record_document,
    record_issue,
    year_from,
)

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)$")


def parse_records(text: str) -> list[tuple[int, dict[str, list[str]]]]:
    """Split MEDLINE text into (first line number, {tag: [values]}) records."""
    records: list[tuple[int, dict[str, list[str]]]] = []
    cur: dict[str, list[str]] = {}
    start = 0
    last: str | None = None
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        m = _TAG.match(line)
        if m and line[4:5] == "-":
            tag, value = m.group(1), m.group(2).strip()
            if tag == "PMID" and cur:
                records.append((start, cur))
                cur = {}
            if not cur:
                start = lineno
            cur.setdefault(tag, []).append(value)
            last = tag
        elif line.startswith("      ") and last is not None and cur:
            cur[last][-1] += " " + line.strip()
        elif cur and last is not None:
            # stray line (broken wrap): keep it with the previous field
            cur[last][-1] += " " + line.strip()
    if cur:
        records.append((start, cur))
    return records


def _first(rec: dict[str, list[str]], *tags: str) -> str | None:
    for t in tags:
        if rec.get(t):
            return rec[t][0]
    return None


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="medline")
    text = decode(read_bytes(path))
    for index, (lineno, rec) in enumerate(parse_records(text), 1):
        try:
            doc = _document(path, index, rec)
        except (KeyError, ValueError, IndexError) as e:
            result.issues.append(
                record_issue(path, index, f"record cannot be read ({e})", line=lineno)
            )
            continue
        if isinstance(doc, IngestIssue):
            doc.location = f"record {index}, line {lineno}"
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result


def _document(path: Path, index: int, rec: dict[str, list[str]]) -> Document | IngestIssue:
    doi = None
    for v in rec.get("LID", []) + rec.get("AID", []):
        if v.endswith("[doi]"):
            doi = v[: -len("[doi]")]
            break
    kws = rec.get("OT", []) + rec.get("KW", [])
    return record_document(
        source_path=path,
        fmt="medline",
        record_index=index,
        title=_first(rec, "TI", "BTI"),
        abstract=" ".join(rec.get("AB", [])),
        authors=rec.get("FAU") or rec.get("AU", []),
        year=year_from(_first(rec, "DP", "DEP", "EDAT")),
        journal=clean_line(_first(rec, "JT", "TA")),
        doi=doi,
        pmid=_first(rec, "PMID"),
        keywords=kws,
        publication_types=rec.get("PT", []),
        mesh=rec.get("MH", []),
        language=_first(rec, "LA"),
    )
