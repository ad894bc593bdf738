"""A real Chromium (Debian's), driven by Playwright, for the browser tests of every package.

The fixtures are registered by tests/conftest.py, so one browser serves the whole session."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
MISSING_BROWSER = (
    f"\n{'!' * 78}\n!! Chromium was not found at {CHROMIUM}: the BROWSER TESTS DID NOT RUN.\n"
    "!! Install Debian's chromium (apt-get install chromium) to run them; CI always does.\n"
    f"{'!' * 78}\n"
)


def browser_available() -> bool:
    return os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser():
    if not browser_available():
        if os.environ.get("CROWDLINE_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(MISSING_BROWSER)
        pytest.skip("Chromium is not installed: browser tests skipped (see the warning above)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A fresh browser context the size of a small phone (360 × 740)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()

