"""On a 360 px phone a table is a stack of cards with its header row hidden: every card names each
value by its column's heading, in the page's language (the leaderboard as a member sees it)."""

import os
import re
import uuid
from pathlib import Path

import pytest

from app.database import commit
from tests.conftest import PASSWORD
from tests.helpers.web import sign_in_page

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))
ROOT = Path(__file__).resolve().parents[2]
HEADINGS = {"en": ["#", "Name", "XP", "Level"], "zh": ["#", "姓名", "经验值", "等级"]}


def _tables_that_become_cards():
    for template in sorted(ROOT.glob("*/**/templates/**/*.html")):
        if ".venv" in template.parts:
            continue
        for match in re.finditer(r"<table([^>]*)>(.*?)</table>", template.read_text(), re.S):
            if "keep-table" not in match.group(1):
                yield template.relative_to(ROOT), match.group(2)


def test_every_table_that_becomes_cards_has_headings_to_label_its_cells():
    """The labels come from the header row, so a table either has one or names each row itself."""
    tables = list(_tables_that_become_cards())
    assert len(tables) > 20
    for template, body in tables:
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        assert "<thead" in body or all(row.lstrip().startswith("<th") for row in rows), template
    base = (ROOT / "app/web/templates/web/base.html").read_text()
    assert "table-cards.js" in base
    assert "td[data-label]::before" in (ROOT / "app/static/app.css").read_text()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_card_names_each_value_by_its_column(live_app, live_server, browser, language):
    from academy.services.progress import award_xp
    from app.auth import services

    tag = uuid.uuid4().hex[:8]
    name = f"Card {tag}"
    with live_app.app_context():
        member = services.create_user(email=f"cards-{tag}@example.test", password=PASSWORD, name=name, role="member")
        award_xp(member.id, f"test:cards:{tag}", 4321, "test")
        commit()
        email = member.email
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN" if language == "zh" else "en-US")
    page = context.new_page()
    try:
        sign_in_page(page, live_server, email)
        page.goto(live_server + "/academy/leaderboard?period=all")
        row = page.get_by_test_id("leaderboard").locator("tbody tr", has_text=name)
        assert page.get_by_test_id("leaderboard").locator("thead").is_hidden()  # a card, not a table row
        cells = row.locator("td")
        assert cells.evaluate_all("cells => cells.map(c => c.dataset.label)") == HEADINGS[language]
        shown = cells.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
        colon = "：" if language == "zh" else ": "  # a Chinese page uses the full-width colon
        assert shown == [f'"{heading}{colon}"' for heading in HEADINGS[language]]
        assert "4321" in row.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"table-cards-{language}-360.png"), full_page=True)
    finally:
        context.close()
