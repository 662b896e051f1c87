"""Web-page text: the headline is the title and the page tail (paywall, related) is dropped."""

from __future__ import annotations

from pathlib import Path

from evidence.sources import read_path

RAW = Path(__file__).resolve().parents[1] / "data" / "raw" / "web"


def test_news_page_title_is_the_headline_not_the_site_name() -> None:
    (doc,) = read_path(RAW / "example_2024_news_ed_nurses_nsw.txt").documents
    assert doc.title == "More than half of emergency nurses in NSW report burnout, survey finds"
    assert "Subscribe" not in doc.text and "$6.99" not in doc.text and "Most viewed" not in doc.text


def test_journal_page_paywall_block_is_dropped() -> None:
    (doc,) = read_path(RAW / "example_2022_cmht_burnout_ireland.html").documents
    assert "Buy this article" not in doc.text and "€" not in doc.text
    assert "Filling vacancies, managing caseloads and protecting supervision" in doc.text


def test_seed_paywall_is_dropped_from_subscribe_to_the_end(shared_dir: Path) -> None:
    (doc,) = read_path(shared_dir / "seeds" / "003_d8c9ec42df9bc7a2.txt").documents
    assert "Subscribe" not in doc.text and "$" not in doc.text and "CME" not in doc.text
    assert doc.text.rstrip().endswith("take action.")
