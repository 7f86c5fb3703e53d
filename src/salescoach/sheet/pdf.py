"""A PDF of the printable sheet, where a Chromium-family browser is installed to print it.

Headless Chromium prints the HTML page exactly as a browser's print dialog would (same CSS, same
A4 page), so the PDF and a page printed by hand agree. Without a browser the HTML page is the
way: it prints from any browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from salescoach.errors import SalescoachError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
"""Commands tried in order; ``$SALESCOACH_BROWSER`` names another."""
TIMEOUT_SECONDS = 120


def find_browser() -> str | None:
    """The headless browser's command, or None when none is installed."""
    named = os.environ.get("SALESCOACH_BROWSER")
    for command in (named, *BROWSERS) if named else BROWSERS:
        found = shutil.which(command)
        if found:
            return found
    return None


def browser_command(browser: str, html: Path, pdf: Path, profile: Path) -> list[str]:
    """The command that prints ``html`` to ``pdf``: headless, offline, no first-run chores."""
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return command


def print_pdf(html_text: str, pdf: Path, browser: str | None = None) -> Path:
    """Print the HTML page to ``pdf`` with a headless browser; a clear error when none is found."""
    browser = browser or find_browser()
    if browser is None:
        raise SalescoachError.told("no_browser", "no_browser_hint")
    with tempfile.TemporaryDirectory(prefix="salescoach-print-") as work:
        html = Path(work) / "sheet.html"
        html.write_text(html_text, encoding="utf-8")
        profile = Path(work) / "profile"
        target = Path(work) / "sheet.pdf"
        try:
            done = subprocess.run(
                browser_command(browser, html, target, profile),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SalescoachError.told("browser_failed", browser=browser, why=error) from None
        if done.returncode != 0 or not target.is_file():
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise SalescoachError.told(
                "browser_exit",
                "browser_exit_hint",
                browser=browser,
                status=done.returncode,
                why=last,
            )
        from salescoach.store.atomic import write_output

        write_output(pdf, target.read_bytes())  # a device is written into, not replaced
    return pdf
