"""The member's work pages: feed with claim and waitlist, my shifts with check-in and release, profile."""

from tests.helpers.web import csrf_token, sign_in
from tests.marketplace.helpers import at, inbound, publish


def test_feed_claim_and_my_shifts(client, enterprise, create_user, user_email):
    _campaign, rows = publish(client, enterprise, inbound(at(10), industry="ecommerce"))
    member_id = create_user("member")
    sign_in(client, user_email(member_id))
    html = client.get("/work/").get_data(as_text=True)
    assert html.count('data-testid="feed-item"') == 2 and "Double 11 peak" in html
    token = csrf_token(client, "/work/")
    asked = client.post(f"/work/shifts/{rows[0]['id']}/claim", data={"csrf_token": token, "next": "/work/"})
    assert asked.status_code == 200 and 'data-testid="confirm-step"' in asked.get_data(as_text=True)
    assert "from 100 to 91" in asked.get_data(as_text=True)  # it starts inside the release cut-off
    claimed = client.post(f"/work/shifts/{rows[0]['id']}/claim",
                          data={"csrf_token": token, "next": "/work/", "confirm": "1"})
    assert claimed.status_code == 302 and claimed.headers["Location"].endswith("/work/")
    html = client.get("/work/").get_data(as_text=True)
    assert html.count('data-testid="feed-item"') == 1 and "Seat claimed" in html
    again = client.post(f"/work/shifts/{rows[0]['id']}/claim", data={"csrf_token": token, "confirm": "1"},
                        follow_redirects=True)
    assert "You already hold a seat on this shift." in again.get_data(as_text=True)
    shifts = client.get("/work/shifts").get_data(as_text=True)
    assert shifts.count('data-testid="my-claim"') == 1 and 'data-testid="check-in"' in shifts
    claim_id = shifts.split('data-claim="')[1].split('"')[0]
    checked = client.post(f"/work/claims/{claim_id}/check-in", data={"csrf_token": token}, follow_redirects=True)
    assert "Checked in" in checked.get_data(as_text=True)


def test_release_and_waitlist_pages(client, enterprise, create_user, user_email):
    _campaign, rows = publish(client, enterprise, inbound(), seats={0: 1})
    first, second = create_user("member"), create_user("member")
    sign_in(client, user_email(first))
    token = csrf_token(client, "/work/")
    client.post(f"/work/shifts/{rows[0]['id']}/claim", data={"csrf_token": token})
    client.post("/signout", data={"csrf_token": token})
    sign_in(client, user_email(second))
    token = csrf_token(client, "/work/")
    full = client.get("/work/?full=1").get_data(as_text=True)
    assert 'data-testid="join-waitlist"' in full
    joined = client.post(f"/work/shifts/{rows[0]['id']}/waitlist", data={"csrf_token": token}, follow_redirects=True)
    assert "number 1 on the waitlist" in joined.get_data(as_text=True)
    assert 'data-testid="my-waitlist"' in client.get("/work/shifts").get_data(as_text=True)
    left = client.post(f"/work/shifts/{rows[0]['id']}/waitlist",
                       data={"csrf_token": token, "leave": "1", "next": "/work/shifts"}, follow_redirects=True)
    assert "You left the waitlist." in left.get_data(as_text=True)
    assert 'data-testid="my-waitlist"' not in left.get_data(as_text=True)
    client.post(f"/work/shifts/{rows[0]['id']}/waitlist", data={"csrf_token": token})
    client.post("/signout", data={"csrf_token": token})
    sign_in(client, user_email(first))
    token = csrf_token(client, "/work/shifts")
    html = client.get("/work/shifts").get_data(as_text=True)
    claim_id = html.split('data-claim="')[1].split('"')[0]
    released = client.post(f"/work/claims/{claim_id}/release", data={"csrf_token": token}, follow_redirects=True)
    assert "free of charge" in released.get_data(as_text=True)
    client.post("/signout", data={"csrf_token": token})
    sign_in(client, user_email(second))
    html = client.get("/work/shifts").get_data(as_text=True)
    assert html.count('data-testid="my-claim"') == 1 and "from the waitlist" in html
    assert 'data-testid="notification-count">1<' in html  # told, not handed a seat silently


def test_locked_work_and_profile(client, enterprise, create_user, user_email):
    publish(client, enterprise, inbound(requirements={"languages": ["yue"]}))
    member_id = create_user("member")
    sign_in(client, user_email(member_id))
    html = client.get("/work/").get_data(as_text=True)
    assert 'data-testid="missing-language"' in html and "Needs the language 粵語 / Cantonese" in html
    token = csrf_token(client, "/work/profile")
    bad = client.post("/work/profile", data={"csrf_token": token, "region": "x" * 70})
    assert bad.status_code == 422
    saved = client.post("/work/profile", data={"csrf_token": token, "languages": ["yue", "zh", "xx"],
                                               "region": "Guangdong"}, follow_redirects=True)
    assert 'value="yue" checked' in saved.get_data(as_text=True)
    html = client.get("/work/").get_data(as_text=True)
    assert html.count('data-testid="feed-item"') == 2 and 'data-testid="locked-item"' not in html
    zh = client.get("/work/shifts", headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 200


def test_work_pages_are_for_members(client, enterprise, user_email):
    sign_in(client, user_email(enterprise["admin_id"]))
    assert client.get("/work/").status_code == 403
    assert client.post("/work/shifts/1/claim", data={}).status_code in (400, 403)
