"""Find raw inputs and read them: one module per format, chosen by extension and content sniffing.

Public API: `detect_format`, `discover`, `read_path`. `read_path` never raises for bad input:
every problem becomes an `IngestIssue` naming the file, the place and what to do.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from evidence.errors import EvidenceError, SourceError, UnsupportedFormatError
from evidence.records import IngestIssue, ReadResult

__all__ = ["FORMATS", "detect_format", "discover", "read_path"]

log = logging.getLogger(__name__)

FORMATS = (
    "pdf",
    "text",
    "markdown",
    "html",
    "medline",
    "pubmed_xml",
    "jats",
    "ris",
    "bibtex",
    "wos",
    "csv",
    "tsv",
)

_SKIP_STEMS = (
    "readme",
    "sources",
    "license",
    "licence",
    "citation",
    "copying",
    "changelog",
    "dataset",
)
_SKIP_SUFFIXES = {
    ".zip",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".tar",
    ".json",
    ".yaml",
    ".yml",
    ".toml",
    ".ini",
    ".cfg",
    ".lock",
    ".md5",
    ".sha256",
    ".pyc",
}
_SKIP_NAMES = {"metadata.csv", "metadata.xml", "manifest.csv", "thumbs.db", "desktop.ini"}
# skipped like the others, but most likely an export the user meant to ingest (SYNERGY and
# OpenAlex ship works as "works_1.zip"): ingest names each one instead of passing over it
_ARCHIVE_SUFFIXES = {".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar"}

_EXT = {
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".nbib": "medline",
    ".medline": "medline",
    ".xml": "pubmed_xml",
    ".ris": "ris",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".ciw": "wos",
}
_TEXTUAL = {
    "text",
    "markdown",
    "html",
    "medline",
    "ris",
    "bibtex",
    "wos",
    "csv",
    "tsv",
    "pubmed_xml",
}

_MEDLINE = re.compile(r"^PMID- ?\d", re.M)
_RIS = re.compile(r"^TY  - ", re.M)
_WOS = re.compile(r"^(?:FN [A-Za-z]|PT [A-Z]\s*$)", re.M)
_BIB = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.M)
_EMBASE_TXT = re.compile(r"^RECORD \d+\s*$", re.M)
_MD = re.compile(r"^#{1,6} \S", re.M)
_HTML = re.compile(r"<(?:!doctype html|html|body|head|div|p)[\s>]", re.I)


def _head(path: Path, n: int = 16_384) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as e:
        raise SourceError(
            f"cannot open the file ({e.strerror or e})",
            path=str(path),
            hint="check that the file exists and is readable",
        ) from e


def detect_format(path: Path) -> str:
    """The reader for `path`, from its extension and its first bytes; UnsupportedFormatError otherwise."""
    path = Path(path)
    if path.is_dir():
        raise UnsupportedFormatError(
            "is a folder, not a file",
            path=str(path),
            hint="pass the files inside it, or use discover()",
        )
    suffix = path.suffix.lower()
    raw = _head(path)
    if raw.lstrip()[:5] == b"%PDF-" or b"%PDF-" in raw[:1024]:
        return "pdf"
    by_ext = _EXT.get(suffix)
    if by_ext == "pdf":
        return "pdf"  # empty or damaged: the PDF reader explains what is wrong
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = raw.decode("utf-16", errors="ignore")
    else:
        head = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="ignore")
    if raw and _looks_binary(raw):
        raise UnsupportedFormatError(
            f"is a binary file we do not read ({suffix or 'no extension'})",
            path=str(path),
            hint="give PDFs, text/Markdown/HTML pages, or PubMed, RIS, BibTeX, Web of Science or CSV exports",
        )
    if _EMBASE_TXT.search(head[:2000]) and "\nTITLE" in head:
        raise UnsupportedFormatError(
            "is an Embase plain-text export ('RECORD n' layout), which is not read",
            path=str(path),
            hint="export the records from Embase again as RIS (Export > RIS format)",
        )
    if _MEDLINE.search(head):
        return "medline"
    if _RIS.search(head):
        return "ris"
    if _WOS.search(head[:3000]) and re.search(r"^(?:TI|AU|UT) ", head, re.M):
        return "wos"
    if "<PubmedArticle" in head or "<PubmedBookArticle" in head:
        return "pubmed_xml"
    if suffix == ".xml" or head.lstrip().startswith("<?xml"):
        if _HTML.search(head[:2000]) and "<html" in head.lower():
            return "html"
        from evidence.sources.jats import looks_like_jats

        if looks_like_jats(head):
            return "jats"
        raise UnsupportedFormatError(
            "is an XML file but neither a PubMed XML export (<PubmedArticle>) nor a JATS article",
            path=str(path),
            hint="export from PubMed with Save > Format: XML, or use the article's PMC/JATS XML",
        )
    if by_ext == "bibtex" or (_BIB.search(head) and by_ext not in ("csv", "tsv")):
        return "bibtex"
    if by_ext in ("csv", "tsv", "wos", "medline", "ris"):
        return by_ext
    if by_ext == "html" or _HTML.search(head[:1000]):
        return "html"
    if by_ext == "markdown":
        return "markdown"
    if by_ext == "text" or suffix == "":
        if _MD.search(head):
            return "markdown"
        return "text"
    raise UnsupportedFormatError(
        f"has an extension we do not read ({suffix})",
        path=str(path),
        hint="rename it (.txt, .md, .html, .pdf, .nbib, .xml, .ris, .bib, .csv, .tsv) if it is one of those formats",
    )


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    bad = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bad > len(sample) * 0.05


def _skipped(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith((".", "~$")) or name in _SKIP_NAMES:
        return True
    stem = name.split(".", 1)[0]
    if stem in _SKIP_STEMS or stem.startswith("metadata"):
        return True
    return path.suffix.lower() in _SKIP_SUFFIXES


def discover(paths: Sequence[Path], *, archives: list[Path] | None = None) -> list[Path]:
    """Input files under the given files and folders (recursive, sorted, without hidden,
    README/SOURCES/LICENSE/CITATION, archive, JSON/YAML and metadata files). The archives
    skipped under the folders are added to ``archives`` when it is given: no reader opens an
    archive, so ingest names each one rather than passing over an export left zipped (an
    archive named as a file is kept, and its reader says why it cannot be read)."""
    found: set[Path] = set()
    skipped: set[Path] = set()
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise SourceError(
                "does not exist",
                path=str(p),
                hint="check the path (it is read relative to the current folder)",
            )
        if p.is_file():
            found.add(p)
            continue
        for f in p.rglob("*"):
            rel = f.relative_to(p)
            if any(part.startswith(".") for part in rel.parts) or not f.is_file():
                continue
            if not _skipped(f):
                found.add(f)
            elif f.suffix.lower() in _ARCHIVE_SUFFIXES:
                skipped.add(f)
    if archives is not None:
        archives.extend(sorted(skipped))
    return sorted(found)


def _reader(fmt: str) -> Callable[[Path], ReadResult]:
    if fmt == "medline":
        from evidence.sources import medline

        return medline.read
    if fmt == "pubmed_xml":
        from evidence.sources import pubmed_xml

        return pubmed_xml.read
    if fmt == "jats":
        from evidence.sources import jats

        return jats.read
    if fmt == "ris":
        from evidence.sources import ris

        return ris.read
    if fmt == "bibtex":
        from evidence.sources import bibtex

        return bibtex.read
    if fmt == "wos":
        from evidence.sources import wos

        return wos.read
    if fmt in ("csv", "tsv"):
        from evidence.sources import table

        return lambda p: table.read(p, fmt=fmt)
    if fmt in ("text", "markdown", "html"):
        from evidence.sources import plaintext

        return lambda p: plaintext.read(p, fmt=fmt)
    raise UnsupportedFormatError(f"no reader for format {fmt!r}")


def read_path(path: Path, *, pdf_timeout_s: float = 60.0) -> ReadResult:
    """Read one file into Documents. Never raises for bad input: problems come back as issues."""
    path = Path(path)
    fmt = "unknown"
    try:
        fmt = detect_format(path)
        if fmt == "pdf":
            from evidence.sources import pdf

            return pdf.read(path, timeout_s=pdf_timeout_s)
        return _reader(fmt)(path)
    except EvidenceError as e:
        return _failed(path, fmt, e.message, location=e.location, hint=e.hint)
    except MemoryError:
        return _failed(
            path, fmt, "the file is too large to read in memory", hint="split it into smaller files"
        )
    except Exception as e:  # a library bug on hostile input must not stop the run
        log.debug("unexpected error reading %s", path, exc_info=True)
        return _failed(
            path,
            fmt,
            f"the file could not be parsed as {fmt} ({type(e).__name__}: {e})"[:400],
            hint="check that the file is a complete, unmodified export; export it again if unsure",
        )


def _failed(
    path: Path, fmt: str, message: str, *, location: str | None = None, hint: str | None = None
) -> ReadResult:
    issue = IngestIssue(
        source_path=str(path), stage="read", message=message, location=location, hint=hint
    )
    return ReadResult(source_path=str(path), format=fmt, issues=[issue])
