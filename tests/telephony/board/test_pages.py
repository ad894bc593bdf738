"""The enterprise's interaction pages: the list with filters and paging, one interaction with its
timeline and player, both languages, tenancy."""

from __future__ import annotations

import pytest

from app.database import commit
from tests.helpers.web import in_chinese, sign_in
from tests.telephony.board.test_recordings import AUDIO, _handled


@pytest.fixture
def world(app, tmp_path, enterprise, member, campaign):
    from telephony import services

    app.config.update(RECORDING_DIR=str(tmp_path / "recordings"))
    owner, other = enterprise(), enterprise()
    cid = campaign(owner)
    (a, a_headers), (b, _) = member(), member()
    with app.test_request_context():
        done = _handled(cid, a)
        services.set_disposition(done, a, "resolved")
        services.complete_interaction(done)
        ids = [done] + [_handled(cid, b) for _ in range(3)]
        gone = services.create_interaction(cid, "inbound").id
        services.mark_abandoned(gone)
        commit()
    return {"owner": owner, "other": other, "campaign": cid, "a": a, "a_headers": a_headers, "b": b,
            "done": done, "ids": ids, "gone": gone}


def test_list_filters_and_paging(app, client, world, user_email, monkeypatch):
    from telephony import interaction_views

    url = f"/telephony/campaigns/{world['campaign']}/interactions"
    assert client.get(url).status_code in (302, 303)  # signed out: to sign-in
    sign_in(client, user_email(world["owner"]["admin_id"]))
    page = client.get(url)
    assert page.status_code == 200 and page.data.count(b'data-testid="interaction-row"') == 5
    assert "138****5678" in page.get_data(as_text=True) and "13812345678" not in page.get_data(as_text=True)
    only_a = client.get(f"{url}?member={world['a']}").get_data(as_text=True)
    assert only_a.count('data-testid="interaction-row"') == 1 and f">{world['done']}</a>" in only_a
    gone = client.get(f"{url}?state=abandoned").get_data(as_text=True)
    assert gone.count('data-testid="interaction-row"') == 1 and f">{world['gone']}</a>" in gone
    assert client.get(f"{url}?state=nonsense").status_code == 422
    assert client.get(f"{url}?from=yesterday").status_code == 422
    assert client.get(f"{url}?from=2026-12-01&to=2026-12-01").data.count(b'interaction-row') == 0
    monkeypatch.setattr(interaction_views, "PAGE_SIZE", 2)
    first = client.get(f"{url}?state=wrapup").get_data(as_text=True)
    assert first.count('data-testid="interaction-row"') == 2 and 'data-testid="next-page"' in first
    import re
    link = re.search(r'data-testid="next-page" href="([^"]+)"', first)[1].replace("&amp;", "&")
    second = client.get(link).get_data(as_text=True)
    assert second.count('data-testid="interaction-row"') == 1 and "next-page" not in second
    with client.session_transaction() as session:
        session["lang"] = "zh"
    zh = client.get(url).get_data(as_text=True)
    assert in_chinese(app, "Live wallboard") in zh


def test_one_interaction_and_tenancy(app, client, world, user_email):
    done = world["done"]
    upload = client.post(f"/api/v1/interactions/{done}/recording", data=AUDIO,
                         headers={**world["a_headers"], "Content-Type": "audio/webm"})
    assert upload.status_code == 200, upload.json
    sign_in(client, user_email(world["owner"]["admin_id"]))
    page = client.get(f"/telephony/interactions/{done}").get_data(as_text=True)
    assert 'data-testid="recording-player"' in page and f"/api/v1/interactions/{done}/recording/media" in page
    assert "Resolved" in page and 'data-testid="interaction-timeline"' in page
    listened = client.get(f"/api/v1/interactions/{done}/recording/media", headers={"Range": "bytes=0-3"})
    assert listened.status_code == 206 and listened.data == AUDIO[:4]  # the page's session may listen
    campaign_page = client.get(f"/campaigns/{world['campaign']}").get_data(as_text=True)
    assert f"/telephony/campaigns/{world['campaign']}/interactions" in campaign_page
    client.post("/signout")
    sign_in(client, user_email(world["other"]["admin_id"]))
    foreign = client.get(f"/telephony/interactions/{done}")
    assert foreign.status_code == 404 and foreign.mimetype == "text/html"  # a page, not JSON
    assert client.get(f"/telephony/campaigns/{world['campaign']}/interactions").status_code == 404
    assert client.get(f"/api/v1/interactions/{done}/recording/media").status_code == 404
