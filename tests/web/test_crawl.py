"""Every page of every role, in both languages, on the demo data with lists longer than a page.

The URLs come from the app's own routes (``app.url_map``), their ids from the data, so a page
added tomorrow is crawled tomorrow. A page may answer 200, a redirect, 403 or 404 to a role; it
may never answer 500, and every HTML page keeps the language switch of the shell."""

from __future__ import annotations

import re
import sys
import time
from html import unescape

import pytest
from sqlalchemy import text

import app.paging
from app.cli import DEMO_PASSWORD
from tests.conftest import separate_app
from tests.helpers.web import sign_in

ROLES = {
    "member": "mei@members.demo",
    "enterprise_admin": "ops@lumenmall.demo",
    "enterprise_supervisor": "supervisor@lumenmall.demo",
    "trainer": "trainer@demo.crowdline.dev",
    "auditor": "auditor@demo.crowdline.dev",
    "admin": "admin@demo.crowdline.dev",
}

# Where the ids of each URL argument come from. A route with an argument missing here fails the
# crawl, so a new page is either crawled or deliberately skipped below.
ARGUMENT_IDS = {
    "attempt_id": "SELECT id FROM academy_quiz_attempts ORDER BY id",
    "course_id": "SELECT id FROM academy_courses ORDER BY id",
    "lesson_id": "SELECT id FROM academy_lessons ORDER BY id",
    "campaign_id": "SELECT id FROM campaigns ORDER BY id",
    "grant_id": "SELECT id FROM certification_grants ORDER BY id",
    "certification_id": "SELECT id FROM certifications ORDER BY id",
    "practical_id": "SELECT id FROM certification_practicals ORDER BY id",
    "list_id": "SELECT id FROM contact_lists ORDER BY id",
    "index": "SELECT \"index\" FROM ledger_leaves ORDER BY \"index\"",
    "report_id": "SELECT id FROM payout_reconciliations ORDER BY id",
    "topup_id": "SELECT id FROM payout_topups ORDER BY id",
    "payout_id": "SELECT id FROM payouts ORDER BY id",
    "file_id": "SELECT id FROM report_files ORDER BY id",
    "digest": "SELECT sha256 FROM academy_media ORDER BY id",
    "result_id": "SELECT id FROM qa_results ORDER BY id",
    "number": "SELECT number FROM campaign_numbers WHERE number IS NOT NULL ORDER BY campaign_id",
    "interaction_id": "SELECT id FROM interactions ORDER BY id",
}
# A simulated caller's spoken line is audio, not a page (tests/telephony/flow/test_softphone.py).
SKIPPED_ENDPOINTS = {"web.healthz", "openapi.swagger_ui_oauth_redirect", "telephony_desk.caption_audio"}
# Static files; a job's status exists only while it runs; one-time tokens arrive by e-mail.
SKIPPED_ARGUMENTS = {"filename", "job_id", "token"}
PAGE_SIZE = 2  # every list spans several pages
PAGES_FOLLOWED = 3


@pytest.fixture(scope="module")
def crawl_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "crawl")


@pytest.fixture(scope="module")
def demo(crawl_app):
    runner = crawl_app.test_cli_runner()
    seeded = runner.invoke(args=["seed-demo"])
    assert seeded.exit_code == 0, seeded.output
    for command in (["ledger", "integrate"],):
        result = runner.invoke(args=command)
        assert result.exit_code == 0, result.output
    return crawl_app


@pytest.fixture
def small_pages(monkeypatch):
    """Every list pages after ``PAGE_SIZE`` rows, whichever module imported the pager."""
    real = app.paging.paginate

    def paginate(*args, **kwargs):
        kwargs["limit"] = min(kwargs.get("limit", PAGE_SIZE), PAGE_SIZE)
        return real(*args, **kwargs)

    for module in list(sys.modules.values()):
        if getattr(module, "paginate", None) is real:
            monkeypatch.setattr(module, "paginate", paginate)


def crawl_urls(application) -> list[str]:
    from app.extensions import db

    urls = []
    with application.app_context():
        ids = {name: [row[0] for row in db.session.execute(text(query))] for name, query in ARGUMENT_IDS.items()}
        for rule in sorted(application.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.rule.startswith("/api/") or rule.endpoint in SKIPPED_ENDPOINTS:
                continue
            if rule.arguments & SKIPPED_ARGUMENTS:
                continue
            unknown = rule.arguments - set(ARGUMENT_IDS)
            assert not unknown, f"{rule.rule}: no ids for {unknown}; add them to ARGUMENT_IDS"
            if not rule.arguments:
                urls.append(rule.rule)
                continue
            (argument,) = rule.arguments  # one id per page today
            values = ids[argument]
            for value in dict.fromkeys([*values[:2], *values[-1:]]):  # a couple of rows of every kind
                urls.append(rule.build({argument: value}, append_unknown=False)[1])
    return urls


ENGLISH_DATES = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")
TAGS = re.compile(r"<(?:script|style)[^>]*>.*?</(?:script|style)>|<[^>]+>", re.S)
LANGUAGE_BUTTONS = re.compile(r'data-testid="lang-([a-z]+)"')
NEXT_PAGE = re.compile(r'href="([^"]*[?&](?:amp;)?cursor=[^"]+)"')


def _fetch(client, url, failures, role, lang):
    response = client.get(url)
    if response.status_code >= 500:
        failures.append(f"{role} {lang} {url}: {response.status_code}")
        return None
    return response


@pytest.mark.usefixtures("small_pages")
def test_every_page_of_every_role_answers_in_both_languages(demo):
    from tests.helpers.web import csrf_token

    urls = crawl_urls(demo)
    assert len(urls) > 40
    failures: list[str] = []
    started = time.monotonic()
    for role, email in ROLES.items():
        client = demo.test_client()
        assert sign_in(client, email, DEMO_PASSWORD).status_code == 302, role
        for lang in ("en", "zh"):
            client.post("/lang", data={"lang": lang, "next": "/home", "csrf_token": csrf_token(client, "/home")})
            for url in urls:
                response = _fetch(client, url, failures, role, lang)
                if response is None or response.status_code != 200 or response.mimetype != "text/html":
                    continue
                html = response.get_data(as_text=True)
                other = "en" if lang == "zh" else "zh"
                if lang == "zh" and ENGLISH_DATES.search(TAGS.sub(" ", html)):
                    failures.append(f"{role} zh {url}: English date words {ENGLISH_DATES.findall(TAGS.sub(' ', html))}")
                if f'<html lang="{"zh-Hans" if lang == "zh" else "en"}"' not in html:
                    failures.append(f"{role} {lang} {url}: not in the chosen language")
                if LANGUAGE_BUTTONS.findall(html) != [other]:
                    failures.append(f"{role} {lang} {url}: the language switch offers {LANGUAGE_BUTTONS.findall(html)}")
                for _ in range(PAGES_FOLLOWED):  # the next pages of its lists
                    match = NEXT_PAGE.search(html)
                    if not match:
                        break
                    page = _fetch(client, unescape(match.group(1)), failures, role, lang)
                    if page is None:
                        break
                    html = page.get_data(as_text=True)
    assert not failures, "\n".join(failures)
    assert time.monotonic() - started < 90


# What web/base.html and the shell's context processors provide to every page.
SHELL_NAMES = {"current_user", "current_locale", "ui_languages", "role_labels", "view_names", "csrf_token", "request",
               "url_for", "get_flashed_messages", "_", "gettext", "ngettext"}
PACKAGES = ("app", "academy", "certification", "marketplace", "telephony", "quality", "payouts", "ledger")


def test_no_page_hides_a_name_of_the_shell():
    """A page's variables never replace the shell's (the language switch, the signed-in user…)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    clashes = []
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                        "render_template", "render_template_string"):
                    clashes += [f"{path.relative_to(root)}:{node.lineno} {kw.arg}" for kw in node.keywords
                                if kw.arg in SHELL_NAMES]
            for template in (root / package).rglob("*.html"):
                source = template.read_text(encoding="utf-8")
                for match in re.finditer(r"{%-?\s*(?:set|for)\s+([\w, ]+?)\s*(?:=|in\b)", source):
                    names = {name.strip() for name in match.group(1).split(",")}
                    clashes += [f"{template.relative_to(root)} binds {name}" for name in names & SHELL_NAMES]
    assert not sorted(set(clashes)), sorted(set(clashes))


def test_the_campaign_list_and_page_show_the_same_start_in_the_campaign_zone(demo):
    from babel.dates import format_skeleton

    from app.extensions import db
    from app.timeutil import as_utc, zone
    from marketplace.models import Campaign
    from tests.helpers.web import csrf_token

    client = demo.test_client()
    sign_in(client, ROLES["enterprise_admin"], DEMO_PASSWORD)
    client.post("/lang", data={"lang": "zh", "next": "/home", "csrf_token": csrf_token(client, "/home")})
    listing = client.get("/campaigns/").get_data(as_text=True)
    with demo.app_context():
        campaigns = [(c.id, as_utc(c.starts_at).astimezone(zone(c.time_zone))) for c in db.session.scalars(
            db.select(Campaign))]
    assert campaigns
    for campaign_id, start in campaigns:
        shown = f"{format_skeleton('MMMEd', start, locale='zh')} {format_skeleton('Hm', start, locale='zh')}"
        page = client.get(f"/campaigns/{campaign_id}").get_data(as_text=True)
        assert shown in page, (campaign_id, shown)
        assert f"/campaigns/{campaign_id}\"" in listing
        assert shown in listing, (campaign_id, shown)
