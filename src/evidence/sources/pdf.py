"""PDF papers with pdfplumber: reading order on two-column pages, running headers/footers and page
numbers removed, hyphenated line ends joined, sections recognised, references marked.

The parse runs in a worker process that is killed after `timeout_s`, so a PDF that makes the
parser hang cannot stop a run.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from evidence.errors import (
    EncryptedPDFError,
    EvidenceError,
    NoTextLayerError,
    ParseTimeoutError,
    SourceError,
)
from evidence.records import Block, Document, IngestIssue, ReadResult, normalise_doi
from evidence.sources._common import year_from
from evidence.sources._sections import classify_heading, inline_label

log = logging.getLogger(__name__)

LOW_TEXT_CHARS = 80  # per page; below this a PDF with images is treated as scanned
_CID = re.compile(r"\(cid:\d+\)")
_ODD_SPACE = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]+")
_PAGE_NO = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)
_DIGITS = re.compile(r"\d+")
_ERRORS: dict[str, type[SourceError]] = {
    "encrypted": EncryptedPDFError,
    "no_text": NoTextLayerError,
    "source": SourceError,
}


@dataclass(slots=True)
class Line:
    page: int
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool


def normalise(text: str) -> str:
    """NFKC (ligatures ﬁ ﬂ), soft hyphens and odd spaces, unmapped glyph codes."""
    if "(cid:" in text:
        text = _CID.sub("", text)
    text = unicodedata.normalize("NFKC", text.replace("\u00ad", ""))
    return _ODD_SPACE.sub(" ", text)


# ---------------------------------------------------------------- layout


def _cluster_lines(words: list[dict[str, Any]], page_no: int) -> list[Line]:
    """Group words into lines by vertical overlap, in top-to-bottom order."""
    words = sorted(words, key=lambda w: (round(w["top"], 1), w["x0"]))
    groups: list[list[dict[str, Any]]] = []
    bounds: list[tuple[float, float]] = []
    for w in words:
        top, bottom = w["top"], w["bottom"]
        h = max(bottom - top, 1.0)
        placed = False
        for i in range(len(groups) - 1, max(-1, len(groups) - 4), -1):
            gt, gb = bounds[i]
            overlap = min(gb, bottom) - max(gt, top)
            if overlap >= 0.5 * min(h, gb - gt):
                groups[i].append(w)
                bounds[i] = (min(gt, top), max(gb, bottom)) if h > 0.6 * (gb - gt) else (gt, gb)
                placed = True
                break
        if not placed:
            groups.append([w])
            bounds.append((top, bottom))
    lines: list[Line] = []
    for g, (top, bottom) in zip(groups, bounds, strict=True):
        g.sort(key=lambda w: w["x0"])
        sizes = [float(w.get("size", 0) or 0) for w in g]
        text = " ".join(w["text"] for w in g)
        bold = sum(
            len(w["text"]) for w in g if "bold" in str(w.get("fontname", "")).lower()
        ) > 0.6 * len(text)
        lines.append(
            Line(
                page_no,
                text,
                top,
                bottom,
                g[0]["x0"],
                g[-1]["x1"],
                max(sizes) if sizes else 0.0,
                bold,
            )
        )
    lines.sort(key=lambda ln: ln.top)
    return lines


_LINE_NUMBER_RUN = 5


def drop_line_numbers(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Without a manuscript's line numbers: a column of small integers aligned on one edge
    (in the margin or the gutter) counting up by one from the top of the page down. Left in,
    they split headings from their lines ("REFERENCES 18 1 Acharya") and words from
    themselves ("assist- 12 ance")."""
    digits = [w for w in words if len(w["text"]) <= 4 and w["text"].isdigit()]
    if len(digits) < _LINE_NUMBER_RUN:
        return words
    by_edge: dict[int, list[dict[str, Any]]] = {}
    for w in digits:
        by_edge.setdefault(round(float(w["x1"]) / 2), []).append(w)
    drop: set[int] = set()
    for column in by_edge.values():
        if len(column) < _LINE_NUMBER_RUN:
            continue
        column.sort(key=lambda w: float(w["top"]))
        values = [int(w["text"]) for w in column]
        steps = sum(1 for a, b in pairwise(values) if b == a + 1)
        if steps >= 0.8 * (len(values) - 1):
            drop.update(id(w) for w in column)
    return [w for w in words if id(w) not in drop] if drop else words


def find_gutter(words: list[dict[str, Any]], width: float) -> float | None:
    """x of the gap between two text columns, or None for a one-column page.

    Sums, for each x, the height of the text crossing it: inside a column nearly every line
    crosses; at a gutter only the full-width parts (title, abstract box) do."""
    if len(words) < 40 or width <= 0:
        return None
    lo, hi = int(width * 0.15), int(width * 0.68)
    cover = [0.0] * (hi - lo + 1)
    for w in words:
        a, b = max(int(w["x0"]), lo), min(int(w["x1"]) + 1, hi + 1)
        h = w["bottom"] - w["top"]
        for x in range(a, b):
            cover[x - lo] += h
    c0 = int(width * 0.35) - lo
    full = max(cover[: max(c0, 1)])
    if full <= 0:
        return None
    best = min(range(c0, len(cover)), key=lambda i: (cover[i], abs(i + lo - width / 2)))
    g = float(best + lo)
    left = sum(1 for w in words if w["x1"] <= g)
    right = sum(1 for w in words if w["x0"] >= g)
    if cover[best] > 0.45 * full or min(left, right) < 0.2 * len(words):
        return None
    return g


def page_lines(words: list[dict[str, Any]], width: float, page_no: int) -> list[Line]:
    """Lines of one page in reading order: full-width bands in place, columns left then right."""
    g = find_gutter(words, width)
    if g is None:
        return _cluster_lines(words, page_no)
    spans: list[tuple[float, float]] = [
        (w["top"], w["bottom"]) for w in words if w["x0"] < g - 1 and w["x1"] > g + 1
    ]
    # a row whose words sit close on both sides of the gutter is one full-width line (a title)
    near = [w for w in words if g - 80 < w["x1"] <= g + 1]
    first_right = [v for v in words if g - 1 <= v["x0"] < g + 80]
    for w in near:
        size = float(w.get("size") or 10)
        if any(
            abs(v["top"] - w["top"]) < 2 and 0 <= v["x0"] - w["x1"] < 0.9 * size
            for v in first_right
        ):
            spans.append((w["top"], w["bottom"]))
    bands: list[list[float]] = []
    for t, b in sorted(spans):
        if bands and t <= bands[-1][1] + 1:
            bands[-1][1] = max(bands[-1][1], b)
        else:
            bands.append([t, b])

    def band_of(w: dict[str, Any]) -> int | None:
        mid = (w["top"] + w["bottom"]) / 2
        for i, (t, b) in enumerate(bands):
            if t - 1 <= mid <= b + 1:
                return i
        return None

    # regions in vertical order: ("band", i), or ("cols", i) = the columns above band i
    region_words: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for w in words:
        bi = band_of(w)
        if bi is not None:
            key = ("band", bi)
        else:
            mid = (w["top"] + w["bottom"]) / 2
            key = ("cols", sum(1 for t, _ in bands if t < mid))
        region_words.setdefault(key, []).append(w)
    out: list[Line] = []
    for idx in range(len(bands) + 1):
        cols = region_words.get(("cols", idx), [])
        out.extend(_cluster_lines([w for w in cols if (w["x0"] + w["x1"]) / 2 < g], page_no))
        out.extend(_cluster_lines([w for w in cols if (w["x0"] + w["x1"]) / 2 >= g], page_no))
        if idx < len(bands):
            out.extend(_cluster_lines(region_words.get(("band", idx), []), page_no))
    return out


def drop_running_lines(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers and header/footer lines that repeat across pages."""
    n = len(pages)

    def margin(ln: Line, h: float) -> bool:
        return ln.top < 0.09 * h or ln.bottom > 0.92 * h

    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        keys = {_DIGITS.sub("#", ln.text.lower()).strip() for ln in lines if margin(ln, h)}
        counts.update(keys)
    need = max(2, int(0.3 * n) + (1 if n > 3 else 0)) if n > 1 else 10**9
    out: list[list[Line]] = []
    for lines, h in zip(pages, heights, strict=True):
        kept = []
        for ln in lines:
            if margin(ln, h) and (
                _PAGE_NO.match(ln.text) or counts[_DIGITS.sub("#", ln.text.lower()).strip()] >= need
            ):
                continue
            kept.append(ln)
        out.append(kept)
    return out


# ---------------------------------------------------------------- text and sections


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: 'treat-' + 'ment' -> 'treatment'; 'COVID-' + '19' -> 'COVID-19'."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if not out:
            out = ln
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            if ln[0].islower():
                out = out[:-1] + ln
            else:
                out += ln
        else:
            out += " " + ln
    return out


def _title(lines: list[Line], height: float) -> str | None:
    cands = [
        ln
        for ln in lines
        if ln.top < 0.6 * height and len(ln.text) > 3 and not _PAGE_NO.match(ln.text)
    ]
    if not cands:
        return None
    for size in sorted({round(ln.size, 1) for ln in cands}, reverse=True)[:3]:
        group = [ln for ln in cands if abs(ln.size - size) < 0.6]
        # take the first run of consecutive lines of this size
        run: list[Line] = []
        for ln in group:
            if run and ln.top - run[-1].bottom > 2.5 * max(size, 1):
                break
            run.append(ln)
        text = _ARTICLE_TYPE.sub("", join_lines([ln.text for ln in run]))
        if 15 <= len(text) <= 400 and classify_heading(text) is None:
            return text
    return None


# a journal's article-type banner set in the title's size above it: "Research Article Patient
# Experiences of ...", "ORIGINAL ARTICLE Burnout in ..."
_ARTICLE_TYPE = re.compile(
    r"^(?:(?:original|research|review|brief|short|special) (?:research )?(?:article|report|"
    r"communication|paper)|original research|research paper)\s+(?=(?-i:[A-Z]))",
    re.I,
)


def build_document(
    path: Path, pages: list[list[Line]], heights: list[float], meta: dict[str, Any]
) -> Document:
    n_pages = len(pages)
    all_lines = [ln for p in pages for ln in p]
    sizes = Counter(
        round(ln.size, 1) for ln in all_lines for _ in range(max(1, len(ln.text) // 10))
    )
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    title = _title(pages[0], heights[0]) if pages else None
    meta_title = str(meta.get("Title") or "").strip()
    if (
        not title
        and 10 < len(meta_title) < 400
        and not re.search(r"\.(docx?|pdf|tex)$|^untitled|microsoft", meta_title, re.I)
    ):
        title = meta_title

    blocks: list[Block] = []
    section = "front_matter"
    heading: str | None = None
    abstract_page: int | None = None
    abstract_size: float | None = None
    seen_keywords = False
    para: list[str] = []
    para_page = 1
    cur_texts: list[str] = []
    cur_page = 1
    prev: Line | None = None

    def flush_para() -> None:
        if para:
            cur_texts.append(join_lines(para))
            para.clear()

    def flush_block() -> None:
        flush_para()
        text = "\n".join(t for t in cur_texts if t)
        cur_texts.clear()
        if text.strip():
            blocks.append(Block(section=section, text=text, page=cur_page, heading=heading))

    title_norm = re.sub(r"\W+", "", (title or "").lower())
    for ln in all_lines:
        text = ln.text.strip()
        if not text:
            continue
        if (
            ln.page == 1
            and title_norm
            and section == "front_matter"
            and re.sub(r"\W+", "", text.lower()) in title_norm
            and len(text) > 3
        ):
            prev = ln
            continue  # title lines are kept as their own block
        known = (
            classify_heading(text)
            if len(text) < 60 and (text[0].isupper() or text[0].isdigit())
            else None
        )
        if (
            known is None
            and text.lower().startswith("abstract")
            and section == "front_matter"
            and len(text) > 12
        ):
            # 'Abstract Background: ...' on one line
            flush_block()
            section, heading, abstract_page, abstract_size = (
                "abstract",
                "Abstract",
                ln.page,
                ln.size,
            )
            cur_page = ln.page
            text = text[8:].lstrip(" :.—-")
            lab = inline_label(text)
            if lab:
                heading, text = lab[1], lab[2]
            para.append(text)
            prev = ln
            continue
        if known is not None:
            if section == "abstract" and known in (
                "introduction",
                "methods",
                "results",
                "discussion",
                "conclusion",
            ):
                ends = (
                    seen_keywords
                    or (abstract_page is not None and ln.page > abstract_page + 1)
                    or (
                        known == "introduction"
                        and (
                            ln.size > body_size + 0.4
                            or (abstract_size is not None and ln.size >= abstract_size + 0.4)
                        )
                    )
                )
                if not ends:
                    flush_para()
                    cur_texts.append(text.rstrip(":") + ":")
                    prev = ln
                    continue
            flush_block()
            if known == "keywords":
                seen_keywords = True
            if known == "abstract":
                abstract_page, abstract_size = ln.page, ln.size
            section, heading, cur_page = known, text.rstrip(" :."), ln.page
            prev = ln
            continue
        lab = inline_label(text) if section in ("abstract", "front_matter") else None
        if (
            lab is not None
            and section == "front_matter"
            and ln.page <= 2
            and lab[0] == "introduction"
        ):
            flush_block()
            section, heading, abstract_page, abstract_size, cur_page = (
                "abstract",
                "Abstract",
                ln.page,
                ln.size,
                ln.page,
            )
        if text.lower().startswith(("keywords", "key words")) and section in (
            "abstract",
            "front_matter",
        ):
            flush_block()
            section, heading, cur_page = "keywords", "Keywords", ln.page
            seen_keywords = True
            para.append(re.sub(r"^key ?words\s*[:.]?\s*", "", text, flags=re.I))
            prev = ln
            continue
        if (
            section == "keywords"
            and prev is not None
            and ln.top - prev.bottom > 1.2 * max(ln.size, 1)
        ):
            flush_block()
            section, heading, cur_page = (
                "body" if not blocks or blocks[-1].section != "front_matter" else "front_matter",
                None,
                ln.page,
            )
            section = "body"
        if ln.page != cur_page:
            flush_block()
            cur_page = ln.page
        elif prev is not None and (
            ln.top - prev.bottom > 0.9 * max(ln.size, 1) or ln.top < prev.top - 1
        ):
            flush_para()
        para.append(text)
        para_page = ln.page
        prev = ln
    del para_page
    flush_block()
    if title:
        blocks.insert(0, Block(section="title", text=title, page=1))
    first_page = "\n".join(b.text for b in blocks if b.page == 1)
    doi = normalise_doi(first_page) or normalise_doi(
        str(meta.get("doi") or meta.get("Subject") or "")
    )
    doc = Document(
        source_path=str(path),
        format="pdf",
        blocks=blocks,
        title=title,
        doi=doi,
        year=year_from(str(meta.get("CreationDate", ""))[2:6])
        if meta.get("CreationDate")
        else None,
        n_pages=n_pages,
        is_full_text=True,
        authors=[
            a.strip()
            for a in re.split(r";|, and | and ", str(meta.get("Author") or ""))
            if a.strip()
        ][:50],
    )
    doc.assemble()
    return doc


# ---------------------------------------------------------------- parsing (in the worker)


def parse_pdf(path: Path) -> Document:
    """Parse a PDF in this process. Raises SourceError subclasses with a user-facing message."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfplumber wraps pdfminer errors in PdfminerException
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if (
            isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError)
            or "password" in str(cause).lower()
            or "encrypt" in str(cause).lower()
        ):
            raise EncryptedPDFError(
                "the PDF is encrypted and needs the password",
                path=str(path),
                hint="open it with the password and save an unencrypted copy, or get an open copy of the paper",
            ) from e
        raise _damaged(path, cause) from e
    with pdf:
        try:
            meta = {str(k): _meta_str(v) for k, v in (pdf.metadata or {}).items()}
            pages: list[list[Line]] = []
            heights: list[float] = []
            n_chars = 0
            n_images = 0
            for i, page in enumerate(pdf.pages, 1):
                words = page.extract_words(
                    extra_attrs=["size", "fontname"], keep_blank_chars=False, x_tolerance_ratio=0.15
                )
                upright = [w for w in words if w.get("upright", True)]
                if len(upright) >= 0.5 * len(words):
                    words = upright
                for w in words:
                    w["text"] = normalise(w["text"])
                words = drop_line_numbers([w for w in words if w["text"].strip()])
                n_chars += sum(len(w["text"]) for w in words)
                n_images += len(page.images)
                pages.append(page_lines(words, float(page.width), i))
                heights.append(float(page.height))
                page.close()
        except EvidenceError:
            raise
        except Exception as e:
            raise _damaged(path, e, location=f"page {len(pages) + 1}") from e
    if not pages:
        raise SourceError(
            "the PDF file is damaged or truncated (no readable pages)",
            path=str(path),
            hint="download the PDF again or re-save it with a PDF viewer",
        )
    encrypted = _is_encrypted(path)
    if n_chars < LOW_TEXT_CHARS * len(pages) and (n_chars == 0 or n_images or encrypted):
        if encrypted:
            raise EncryptedPDFError(
                "the PDF is encrypted and needs the password (no text could be read without it)",
                path=str(path),
                hint="open it with the password and save an unencrypted copy, or get an open copy of the paper",
            )
        raise NoTextLayerError(
            "the PDF has no text layer (scanned images only), it needs OCR",
            path=str(path),
            hint="run OCR on it (e.g. `ocrmypdf in.pdf out.pdf`) and read the OCR'd copy",
        )
    pages = drop_running_lines(pages, heights)
    return build_document(path, pages, heights, meta)


def _meta_str(v: Any) -> str:
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="ignore")
    return str(v)


def _is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return b"/Encrypt" in fh.read()
    except OSError:
        return False


def _damaged(path: Path, cause: BaseException, *, location: str | None = None) -> SourceError:
    detail = f"{type(cause).__name__}: {cause}"[:200]
    return SourceError(
        f"the PDF file is damaged or truncated and cannot be parsed ({detail})",
        path=str(path),
        location=location,
        hint="download the PDF again or re-save it with a PDF viewer",
    )


def _worker(path_str: str, conn: Any) -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        doc = parse_pdf(Path(path_str))
        conn.send(("ok", doc))
    except EvidenceError as e:
        kind = (
            "encrypted"
            if isinstance(e, EncryptedPDFError)
            else "no_text"
            if isinstance(e, NoTextLayerError)
            else "source"
        )
        conn.send(("err", kind, e.message, e.location, e.hint))
    except BaseException as e:  # the worker must always answer
        conn.send(
            (
                "err",
                "source",
                f"the PDF could not be parsed ({type(e).__name__}: {e})"[:300],
                None,
                "download the PDF again or re-save it with a PDF viewer",
            )
        )
    finally:
        conn.close()


_CTX: Any = None


def _context() -> Any:
    """fork where the OS has it (cheap: pdfplumber is already imported); spawn elsewhere."""
    global _CTX
    if _CTX is None:
        _CTX = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return _CTX


def _precheck(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as e:
        raise SourceError(
            f"cannot open the file ({e.strerror or e})",
            path=str(path),
            hint="check that the file exists and is readable",
        ) from e
    if size == 0:
        raise SourceError(
            "the PDF file is empty (0 bytes)",
            path=str(path),
            hint="the download failed; download the paper again",
        )
    if b"%PDF-" not in head:
        raise SourceError(
            "the file is not a PDF (no %PDF header); it is damaged or mislabelled",
            path=str(path),
            hint="download the paper again, or give it its right extension",
        )


def _add(result: ReadResult, doc: Document) -> None:
    result.documents.append(doc)
    n_chars = len(doc.text)
    if doc.n_pages and n_chars < LOW_TEXT_CHARS * doc.n_pages:
        result.issues.append(
            IngestIssue(
                source_path=result.source_path,
                stage="read",
                message=f"the PDF has very little text ({n_chars} characters on {doc.n_pages} page(s)); it may be malformed or mostly images",
                hint="check the PDF in a viewer; re-save it or run OCR if the paper's text is missing",
                severity="warning",
            )
        )


def read(path: Path, *, timeout_s: float = 60.0, in_process: bool = False) -> ReadResult:
    """Read one PDF; parsing runs in a worker process killed after `timeout_s` seconds."""
    result = ReadResult(source_path=str(path), format="pdf")
    _precheck(path)
    if in_process:
        _add(result, parse_pdf(path))
        return result
    import pdfplumber  # imported once here, so forked workers start warm

    del pdfplumber
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(str(path), send), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout_s):
            raise ParseTimeoutError(
                f"parsing took longer than the {timeout_s:g} s limit and was stopped",
                path=str(path),
                hint="the PDF may be malformed; re-save it with a PDF viewer, or raise the time limit (pdf_timeout_s)",
            )
        try:
            msg = recv.recv()
        except EOFError as e:
            raise SourceError(
                "the PDF parser crashed on this file; it is damaged",
                path=str(path),
                hint="download the PDF again or re-save it with a PDF viewer",
            ) from e
    finally:
        recv.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if msg[0] == "ok":
        _add(result, msg[1])
        return result
    _, kind, message, location, hint = msg
    raise _ERRORS[kind](message, path=str(path), location=location, hint=hint)
