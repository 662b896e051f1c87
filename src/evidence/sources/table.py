"""CSV/TSV tables: Scopus, Web of Science and PubMed CSV exports, living-review tables, and any
table with a title or abstract column. Column names are matched loosely."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from evidence.errors import SourceError
from evidence.records import IngestIssue, ReadResult
from evidence.sources._common import (
    decode,
    read_bytes,
    record_document,
    record_issue,
    split_list,
    year_from,
)

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

COLUMNS: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "articletitle",
        "ti",
        "documenttitle",
        "primarytitle",
        "papertitle",
        "studytitle",
        "itemtitle",
        "recordtitle",
    ),
    "abstract": ("abstract", "ab", "abstractnote", "abstracttext", "summary"),
    "authors": (
        "authors",
        "authorfullnames",
        "author",
        "au",
        "af",
        "authornames",
        "authorsfullnames",
    ),
    "year": ("year", "publicationyear", "py", "pubyear", "yearpublished"),
    "date": ("date", "publicationdate", "createdate", "dp", "pubdate", "epub"),
    "journal": (
        "sourcetitle",
        "journal",
        "jt",
        "journalbook",
        "so",
        "publicationtitle",
        "secondarytitle",
        "journaltitle",
        "source_title",
    ),
    "doi": ("doi", "di"),
    "link": ("link", "url", "url1", "links", "doilink", "doiurl"),
    "pmid": ("pmid", "pubmedid", "pm", "pubmed"),
    "keywords": (
        "authorkeywords",
        "keywords",
        "subject",
        "de",
        "mesh",
        "indexkeywords",
        "authorkeyword",
    ),
    "types": ("documenttype", "publicationtype", "pt", "dt", "publicationtypes"),
    "language": ("language", "la", "languageoforiginaldocument"),
}
_NA = {"", "na", "n/a", "nan", "none", "null", "[no abstract available]", "no abstract available"}
_PUBMED_AUTHORS = re.compile(r"[^,;]+ [A-Z]{1,4}(?:, [^,;]+ [A-Z]{1,4})+\.?")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def map_columns(header: list[str]) -> dict[str, int]:
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for name in names:
            if name in keys:
                found[field] = keys.index(name)
                break
    return found


def sniff_dialect(text: str, *, suffix: str) -> type[csv.Dialect] | csv.Dialect:
    if suffix in (".tsv", ".tab"):
        return csv.excel_tab
    first = text[:20_000]
    head_line = first.split("\n", 1)[0]
    counts = {d: head_line.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return csv.excel
    if best == "\t":
        return csv.excel_tab

    class _D(csv.excel):
        delimiter = best

    return _D


def _authors(value: str) -> list[str]:
    if ";" in value:
        return split_list(value)
    if _PUBMED_AUTHORS.fullmatch(value.strip()):
        return split_list(value, ",")
    return [value] if value.strip() else []


def read(path: Path, *, fmt: str = "csv") -> ReadResult:
    result = ReadResult(source_path=str(path), format=fmt)
    text = decode(read_bytes(path))
    dialect = sniff_dialect(text, suffix=path.suffix.lower())
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise SourceError(
            "the table is empty", path=str(path), hint="export the records again"
        ) from None
    except csv.Error as e:
        raise SourceError(
            f"the header row cannot be read ({e})",
            path=str(path),
            location="line 1",
            hint="save the table as CSV (comma or tab separated)",
        ) from e
    cols = map_columns(header)
    if "title" not in cols and "abstract" not in cols:
        shown = ", ".join(h for h in header[:12] if h)
        raise SourceError(
            f"no title or abstract column in the table (columns: {shown})",
            path=str(path),
            location="line 1",
            hint="name the columns 'title' and 'abstract' (or export with them from Scopus/WoS/PubMed)",
        )
    width = len(header)
    index = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            index += 1
            result.issues.append(record_issue(path, index, f"broken row ({e})", line=line))
            continue
        if not any(c.strip() for c in row):
            continue
        index += 1
        if len(row) < width and len(row) < max(cols.values()) + 1:
            row = row + [""] * (width - len(row))

        def get(field: str, row: list[str] = row) -> str:
            i = cols.get(field)
            if i is None or i >= len(row):
                return ""
            v = row[i].strip()
            return "" if v.lower() in _NA else v

        link = get("link")
        doc = record_document(
            source_path=path,
            fmt=fmt,
            record_index=index,
            title=get("title"),
            abstract=get("abstract"),
            authors=_authors(get("authors")),
            year=year_from(get("year")) or year_from(get("date")),
            journal=get("journal"),
            doi=get("doi") or (link if "10." in link else None),
            pmid=get("pmid") or None,
            keywords=split_list(get("keywords")),
            publication_types=split_list(get("types")),
            language=get("language") or None,
        )
        if isinstance(doc, IngestIssue):
            doc.location = f"record {index}, line {line}"
            result.issues.append(doc)
        else:
            result.documents.append(doc)
    return result
