"""Web of Science / SciELO Citation Index tagged text (savedrecs.txt): FN/VR header,
two-letter tags, continuation lines indented by three spaces, ER ends a record, EF the file."""

from __future__ import annotations

from pathlib import Path

from evidence.records import IngestIssue, ReadResult
from evidence.sources._common import (
    decode,
    read_bytes,
    record_document,
    record_issue,
    split_list,
    year_from,
)


def parse_records(
    text: str,
) -> tuple[list[tuple[int, dict[str, list[str]]]], list[tuple[int, int, str]]]:
    """Records as (first line, {tag: [lines]}), and (line, problem) for lines that fit no record."""
    records: list[tuple[int, dict[str, list[str]]]] = []
    problems: list[tuple[int, int, str]] = []
    cur: dict[str, list[str]] | None = None
    start = 0
    last: str | None = None
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        if not line:
            continue
        tag = line[:2]
        if line.startswith("   ") or raw.startswith("\t"):
            if cur is not None and last is not None:
                cur[last].append(line.strip())
            continue
        if len(line) > 2 and line[2] != " ":
            if cur is not None and last is not None:
                cur[last].append(line.strip())  # a wrapped line without the indent
            else:
                problems.append((lineno, len(records) + 1, line[:40]))
            continue
        value = line[3:].strip()
        if tag in ("FN", "VR", "EF"):
            continue
        if tag == "ER":
            if cur is not None:
                records.append((start, cur))
            cur, last = None, None
            continue
        if cur is None:
            cur, start = {}, lineno
        cur.setdefault(tag, []).append(value)
        last = tag
    if cur:
        records.append((start, cur))
        problems.append((start, len(records), "record has no closing 'ER' line (file cut short?)"))
    return records, problems


def _joined(rec: dict[str, list[str]], tag: str) -> str:
    return " ".join(rec.get(tag, []))


def read(path: Path) -> ReadResult:
    result = ReadResult(source_path=str(path), format="wos")
    text = decode(read_bytes(path))
    records, problems = parse_records(text)
    for lineno, rec_no, what in problems:
        if what.startswith("record has no closing"):
            continue
        result.issues.append(
            record_issue(
                path,
                rec_no,
                f"line outside any record (before record {rec_no}): {what!r}",
                line=lineno,
            )
        )
    for index, (lineno, rec) in enumerate(records, 1):
        if "TI" not in rec and "AB" not in rec and "PT" not in rec and "UT" not in rec:
            result.issues.append(
                record_issue(path, index, "broken record (no PT/TI/UT tags)", line=lineno)
            )
            continue
        doc = record_document(
            source_path=path,
            fmt="wos",
            record_index=index,
            title=_joined(rec, "X1") or _joined(rec, "TI"),
            abstract=_joined(rec, "AB"),
            authors=rec.get("AF") or rec.get("AU", []),
            year=year_from(_joined(rec, "PY") or _joined(rec, "EA")),
            journal=_joined(rec, "SO"),
            doi=_joined(rec, "DI"),
            pmid=_joined(rec, "PM") or None,
            keywords=split_list(_joined(rec, "DE")) + split_list(_joined(rec, "ID")),
            publication_types=split_list(_joined(rec, "DT")),
            language=_joined(rec, "LA") or None,
        )
        if isinstance(doc, IngestIssue):
            doc.location = f"record {index}, line {lineno}"
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result
