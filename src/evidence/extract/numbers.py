"""Numbers as written in papers: digits ("1,234", "N = 412") and words ("Ninety-six", "eight")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_SCALES = ("hundred", "thousand")
_WORD = "(?:" + "|".join(_UNITS + list(_SCALES)) + ")"
# every word a written number is made of (a quick test before ``WORD_NUMBER``)
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_SCALES)
WORD_NUMBER = re.compile(rf"\b{_WORD}(?:(?:-|\s+|\s+and\s+){_WORD})*\b", re.I)
# every alternative starts at a digit: the leading lookahead, tested first, spares the
# lookbehinds at every other character
DIGIT_NUMBER = re.compile(
    r"(?=\d)(?:"
    # "1,234", "429,881.21" (grouped, with its decimals: not "429" and "881.21")
    r"(?<![\d.,/])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\.\d)"
    # "4 237 nurses": a space (or a thin or non-breaking one) between groups of thousands
    r"|(?<![\w.,/\-])(?<!\d\s)(?<!able\s)(?<!igure\s)\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+"
    r"(?![\d.,%]|\s?%|\s\d)"
    # not glued to letters: "the ACE–33RE complex", "5G", "30mg" name a thing or a measure
    r"|(?<![\w.,/\-])\d+(?:\.\d+)?(?![\d]|[A-Za-z]{2})"
    r")"
)
GROUP_SEP = re.compile(r"[,\s\u00a0\u2009\u202f]")
N_EQUALS = re.compile(
    r"\b([nN])[\s\u00a0Â]*[=:][\s\u00a0Â]*"
    # "(n=15 022)": thousands grouped by a space, as DIGIT_NUMBER reads them
    r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,%]|\s?%|\s\d)|\d+)\b"
)
RANGE_AFTER = re.compile(r"^\s*(?:-|–|to)\s*\d")
RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|to)\s*$")


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # character offsets in the text searched
    end: int
    value: float
    is_word: bool = False
    is_range: bool = False


def parse_word_number(text: str) -> int | None:
    try:
        return int(text2num(text.lower().replace(" and ", " "), "en"))
    except ValueError:
        return None


def find_numbers(text: str, words: frozenset[str] | None = None) -> list[Number]:
    """Every number in `text`, digits and words, with offsets; ranges ("5-20") are flagged.

    ``words``, the text's lower-case words where the caller has them, lets a text with no
    number word skip the search for written numbers."""
    out: list[Number] = []
    for m in DIGIT_NUMBER.finditer(text):
        raw = GROUP_SEP.sub("", m.group(0))
        try:
            value = float(raw)
        except ValueError:
            continue
        is_range = bool(
            RANGE_AFTER.match(text[m.end() : m.end() + 6])
            or RANGE_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
        )
        out.append(Number(m.start(), m.end(), value, False, is_range))
    for m in (
        WORD_NUMBER.finditer(text) if words is None or not words.isdisjoint(NUMBER_WORDS) else ()
    ):
        word_value = parse_word_number(m.group(0))
        if word_value is not None:
            out.append(Number(m.start(), m.end(), float(word_value), True, False))
    out.sort(key=lambda n: n.start)
    return out
