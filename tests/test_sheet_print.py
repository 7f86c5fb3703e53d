"""The printable sheet in a real browser: headless Chromium prints each example to one A4 page.

Under CI (``CI=true``, as ``.ci/run`` sets) a missing Chromium is a failure, not a skip:
``.ci/run`` installs it from the system packages. Elsewhere the test skips without it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from salescoach.sheet.html import sheet_html
from salescoach.sheet.pdf import find_browser, print_pdf
from tests.test_sheet import LANGUAGES, MEETING_TYPES, example_sheet

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PAGE_COUNT = re.compile(
    rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
)


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF, read from its page objects and its page tree's count.

    Chromium (Skia) writes its page tree uncompressed; both counts must agree, so a PDF this
    cannot read fails loudly instead of passing by accident.
    """
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    objects = len(PAGE_OBJECT.findall(pdf))
    counts = {int(a or b) for a, b in PAGE_COUNT.findall(pdf)}
    assert objects > 0 and counts, "no page tree found: the PDF is compressed in a way not read"
    assert counts == {objects}, f"page objects ({objects}) and page count {counts} disagree"
    return objects


@pytest.fixture(scope="module")
def browser() -> str:
    found = find_browser()
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(
                "Chromium is missing under CI: .ci/run installs it (apt-get install chromium)"
            )
        pytest.skip("no Chromium here (CI installs it); the HTML page still prints from a browser")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("meeting_type", MEETING_TYPES)
def test_each_example_sheet_prints_on_one_a4_page(
    browser: str, tmp_path: Path, language: str, meeting_type: str
) -> None:
    pdf = tmp_path / f"{meeting_type}-{language}.pdf"
    print_pdf(sheet_html(example_sheet(language, meeting_type)), pdf, browser)
    data = pdf.read_bytes()
    assert pdf_pages(data) == 1
    # A4 in points (595 × 842), as the page's @page rule asks.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (595, 842)


def test_a_page_twice_as_long_prints_on_two_pages(browser: str, tmp_path: Path) -> None:
    """The page count is real: the same sheet with every section doubled takes two pages."""
    sheet = example_sheet("fr", "discovery")
    longer = sheet.__class__(sheet.title, sheet.language, sheet.sections * 2, sheet.shown)
    pdf = print_pdf(sheet_html(longer), tmp_path / "long.pdf", browser)
    assert pdf_pages(pdf.read_bytes()) == 2
