"""The auditor console for people: kinds to pick from, search by name, times in the viewer's zone and
language, the anchors explained and linked, a bundle exported as a job with progress (owner-only)."""

import json
import re

import pytest

from app.database import commit
from app.extensions import db
from tests.helpers.academy import run_jobs
from tests.helpers.ledger import integrate_all
from tests.helpers.web import csrf_token, in_chinese, sign_in
from tests.marketplace.contacts.helpers import create_campaign


@pytest.fixture
def auditor(client, create_user, user_email, app):
    create_user("member", name="Zhang Wei")
    create_user("member", name="Li Na")
    auditor_id = create_user("auditor", name="Audrey")
    integrate_all(app)
    sign_in(client, user_email(auditor_id))
    return auditor_id


def _rows(html: str) -> list[str]:
    return re.findall(r"<tr><td><a href=\"/ledger/entries/\d+\">\d+</a></td><td>(\w+)</td>", html)


def test_the_kinds_are_a_list_of_the_declared_signals(client, auditor):
    from app import events

    html = client.get("/ledger/").get_data(as_text=True)
    for name in events.all_signals():
        assert f'<option value="{name}"' in html
    picked = client.get("/ledger/?kind=role_granted").get_data(as_text=True)
    assert set(_rows(picked)) == {"role_granted"}
    unknown = client.get("/ledger/?kind=no_such_kind")
    assert unknown.status_code == 422 and 'data-testid="error-kind"' in unknown.get_data(as_text=True)


def test_search_by_a_members_name_finds_their_entries(app, client, auditor):
    from app.auth.models import User

    with app.app_context():
        zhang = db.session.query(User).filter_by(name="Zhang Wei").one().id
    by_name = client.get("/ledger/?member=zhang").get_data(as_text=True)
    by_id = client.get(f"/ledger/?member={zhang}").get_data(as_text=True)
    assert _rows(by_name) and _rows(by_name) == _rows(by_id)
    assert len(_rows(by_name)) < len(_rows(client.get("/ledger/").get_data(as_text=True)))
    nobody = client.get("/ledger/?member=Nobody+Here", headers={"Accept-Language": "zh"})
    assert nobody.status_code == 422
    assert in_chinese(app, "Nothing is named like “%(text)s”.").replace("%(text)s", "Nobody Here") in \
        nobody.get_data(as_text=True)


def test_search_by_a_campaigns_name(app, client, auditor, create_user, user_email, auth):
    from app import events

    headers = auth.headers(user_email(create_user("enterprise")))
    campaign = create_campaign(client, headers)
    with app.app_context():
        events.send(events.campaign_changed, "marketplace", campaign_id=campaign["id"], org_id=campaign["org_id"],
                    from_state="draft", to_state="draft", actor_id=None)
        commit()
    integrate_all(app)
    fragment = campaign["name"].split()[0]
    found = client.get(f"/ledger/?campaign={fragment}").get_data(as_text=True)
    assert "campaign_changed" in _rows(found)


def test_times_follow_the_profile_zone_and_language(app, client, auditor):
    from app.auth import services

    plain = client.get("/ledger/").get_data(as_text=True)
    assert "data-local" in plain and " UTC</time>" in plain  # the browser rewrites it in its own zone
    with app.app_context():
        services.update_profile(services.get_user(auditor), timezone="Asia/Shanghai", locale="zh")
        commit()
    html = client.get("/ledger/").get_data(as_text=True)
    assert " UTC+8</time>" in html and "data-local" not in html
    assert re.search(r"<time datetime=\"[^\"]+\">\d{4}年\d{1,2}月\d{1,2}日", html)
    assert 'data-testid="viewer-zone">Asia/Shanghai<' in html


def test_a_time_typed_in_the_search_is_read_in_the_viewers_zone(app, client, auditor):
    from app.auth import services

    with app.app_context():
        services.update_profile(services.get_user(auditor), timezone="Asia/Shanghai")
        commit()
    everything = _rows(client.get("/ledger/").get_data(as_text=True))
    # Shanghai is eight hours ahead of UTC: half an hour ago there, read as UTC, would be in the future.
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    shanghai_now = datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    since = (shanghai_now - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    recent = _rows(client.get(f"/ledger/?since={since}").get_data(as_text=True))
    assert recent == everything  # read as UTC, it would be eight hours ahead and match nothing


def test_the_heads_page_explains_anchors_and_links_the_explorer(app, client, auditor):
    from ledger import queries
    from ledger.models import Anchor

    with app.app_context():
        head = queries.latest_head()
        db.session.add(Anchor(tree_head_id=head.id, tree_size=head.tree_size, root_hash=head.root_hash, chain_id=1,
                              tx_hash="0x" + "ab" * 32, block_number=42))
        commit()
    html = client.get("/ledger/heads").get_data(as_text=True)
    assert 'data-testid="anchors-explained"' in html and "LEDGER_EXPLORER_URL" in html
    assert 'data-testid="explorer-link"' not in html
    app.config["LEDGER_EXPLORER_URL"] = "https://etherscan.io"
    try:
        html = client.get("/ledger/heads", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    finally:
        app.config["LEDGER_EXPLORER_URL"] = None
    assert f'href="https://etherscan.io/tx/0x{"ab" * 32}"' in html
    assert in_chinese(app, "What a tree head and an anchor prove") in html


def test_a_bundle_is_exported_as_a_job_and_downloaded_by_its_owner_only(app, client, auditor, create_user,
                                                                         user_email):
    from ledger import verify

    size = integrate_all(app)
    started = client.post("/ledger/export", data={"csrf_token": csrf_token(client, "/ledger/")})
    assert started.status_code == 200
    html = started.get_data(as_text=True)
    status_url = re.search(r'hx-get="(/ledger/export/[0-9a-f]+)"', html).group(1)
    assert 'data-testid="export-progress"' in html
    _run_ledger_jobs(app)
    done = client.get(status_url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'data-testid="export-download"' in done and "hx-get" not in done
    download = client.get(status_url + "/download")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    bundle = json.loads(download.get_data(as_text=True))
    assert len(bundle["entries"]) == size
    verify.verify_bundle(bundle)  # checks offline; raises on any mismatch

    other = app.test_client()
    sign_in(other, user_email(create_user("auditor")))
    assert other.get(status_url).status_code == 404
    assert other.get(status_url + "/download").status_code == 404


def test_an_export_range_out_of_the_log_is_explained(app, client, auditor):
    response = client.post("/ledger/export", data={"from": "5", "to": "999999",
                                                   "csrf_token": csrf_token(client, "/ledger/")})
    assert response.status_code == 422 and 'data-testid="export-errors"' in response.get_data(as_text=True)


def _run_ledger_jobs(app):
    from app.jobs import run_worker

    with app.app_context():
        if not app.config.get("RQ_INLINE"):
            run_worker(["ledger"], burst=True)
    run_jobs(app)
