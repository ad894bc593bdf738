"""The money API and pages over HTTP: wallet and top-ups, earnings, withdrawals, admin settlement."""

from __future__ import annotations

import re

from app.extensions import db
from payouts.models import Payout
from payouts.postings import find_balance


def _token(client, path: str = "/signin") -> str:
    return re.search(rb'name="csrf_token" value="([^"]+)"', client.get(path).data).group(1).decode()


def _signin(client, email: str) -> None:
    response = client.post("/signin", data={"email": email, "password": "correct-horse-battery",
                                            "csrf_token": _token(client)})
    assert response.status_code == 302


def test_enterprise_tops_up_through_the_offline_simulator(app, client, auth, enterprise):
    _, _, email = enterprise()
    headers = auth.headers(email)
    created = client.post("/api/v1/wallet/topups", json={"amount": 250_00, "currency": "CNY"}, headers=headers)
    assert created.status_code == 201, created.json
    assert created.json["status"] == "pending" and created.json["provider"] == "manual"
    url = created.json["checkout_url"]
    assert url.startswith("/payouts/checkout/")
    assert client.get("/api/v1/wallet", headers=headers).json["balances"] == []  # nothing until paid
    _signin(client, email)
    page = client.get(url)
    assert page.status_code == 200 and b"Offline payment simulator" in page.data
    token = re.search(rb'name="csrf_token" value="([^"]+)"', page.data).group(1).decode()
    assert client.post(url, data={"csrf_token": token}).status_code == 302
    assert client.post(url, data={"csrf_token": token}).status_code == 302  # a double click pays once
    wallet = client.get("/api/v1/wallet", headers=headers).json
    assert wallet["balances"] == [{"currency": "CNY", "available": 250_00, "in_escrow": 0}]
    lines = client.get("/api/v1/wallet/transfers", headers=headers).json
    assert [(i["reason"], i["amount"]) for i in lines["items"]] == [("topup", 250_00)]
    assert b"250.00 CNY" in client.get("/payouts/wallet").data


def test_topup_bad_input_changes_nothing(client, auth, enterprise):
    _, _, email = enterprise()
    headers = auth.headers(email)
    for body in ({"amount": -1, "currency": "CNY"}, {"amount": 10.5, "currency": "CNY"},
                 {"amount": 100, "currency": "XXX"}, {"amount": "100", "currency": "CNY"}, {}):
        response = client.post("/api/v1/wallet/topups", json=body, headers=headers)
        assert response.status_code == 422, body
        assert response.json["error"]["code"] == "validation_error"
    assert client.get("/api/v1/wallet", headers=headers).json["balances"] == []


def test_members_cannot_see_wallets_and_enterprises_cannot_withdraw(client, auth, create_user, user_email, enterprise):
    member = user_email(create_user("member"))
    _, _, boss = enterprise()
    assert client.get("/api/v1/wallet", headers=auth.headers(member)).status_code == 403
    assert client.post("/api/v1/payouts", json={"amount": 100, "currency": "CNY"},
                       headers=auth.headers(boss)).status_code == 403
    assert client.get("/api/v1/wallet").status_code == 401


def test_statement_and_csv(app, client, auth, enterprise, fund):
    from app.timeutil import utcnow

    _, org_id, email = enterprise()
    fund(org_id, 100_00)
    with app.app_context():
        from app.database import commit
        from payouts import services

        services.hold_escrow(11, org_id, 30_00, "CNY", key="stmt-hold")
        commit()
    today = utcnow()
    query = f"?year={today.year}&month={today.month}&currency=CNY"
    data = client.get("/api/v1/wallet/statement" + query, headers=auth.headers(email)).json
    assert (data["opening"], data["closing"]) == (0, 70_00)
    assert data["totals"]["topup"] == 100_00 and data["totals"]["escrow_hold"] == -30_00
    csv_text = client.get("/api/v1/wallet/statement.csv" + query, headers=auth.headers(email)).data.decode()
    assert "opening_balance" in csv_text and "closing_balance,,CNY,7000" in csv_text
    assert client.get("/api/v1/wallet/statement?year=2026&month=13&currency=CNY",
                      headers=auth.headers(email)).status_code == 422
    _signin(client, email)
    page = client.get("/payouts/wallet/statement" + query)
    assert page.status_code == 200 and b"70.00 CNY" in page.data
    assert client.get("/payouts/wallet/statement.csv" + query).mimetype == "text/csv"


def test_member_earns_connects_withdraws_and_admin_settles(app, client, auth, enterprise, fund, earn, create_user,
                                                           user_email, drain):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    member = auth.headers(user_email(member_id))
    admin = auth.headers(user_email(create_user("admin")))
    fund(org_id, 100_00)
    earn(org_id, member_id, 40_00, interaction_id=301)
    earn(org_id, member_id, 15_00, interaction_id=302, approve=False)
    earnings = client.get("/api/v1/earnings", headers=member).json
    assert earnings["totals"] == [{"currency": "CNY", "pending": 15_00, "available": 40_00, "in_transit": 0, "paid": 0}]
    states = {i["interaction_id"]: i["state"] for i in earnings["items"]}
    assert states == {301: "approved", 302: "pending"}

    no_account = client.post("/api/v1/payouts", json={"amount": 20_00, "currency": "CNY"}, headers=member)
    assert no_account.status_code == 409 and no_account.json["error"]["code"] == "no_payout_account"
    bad = client.put("/api/v1/payouts/account", json={"method": "bank", "holder": "Mei", "account_number": "12"},
                     headers=member)
    assert bad.status_code == 422 and set(bad.json["error"]["fields"]) == {"bank_name", "account_number"}
    saved = client.put("/api/v1/payouts/account", json={"method": "alipay", "holder": "Chen Mei",
                                                         "account_number": "13800001234"}, headers=member)
    assert saved.status_code == 200 and saved.json["status"] == "enabled"
    assert saved.json["account_masked"] == "138****1234" and "13800001234" not in str(saved.json)

    too_small = client.post("/api/v1/payouts", json={"amount": 9_99, "currency": "CNY"}, headers=member)
    too_big = client.post("/api/v1/payouts", json={"amount": 40_01, "currency": "CNY"}, headers=member)
    assert too_small.status_code == 422 and too_big.status_code == 422
    created = client.post("/api/v1/payouts", json={"amount": 25_00, "currency": "CNY"}, headers=member)
    assert created.status_code == 201, created.json
    drain()  # the job runs after commit: the manual provider queues the payout for an admin
    payout_id = created.json["id"]
    second = client.post("/api/v1/payouts", json={"amount": 10_00, "currency": "CNY"}, headers=member)
    assert second.status_code == 409 and second.json["error"]["code"] == "payout_in_progress"
    listed = client.get("/api/v1/payouts", headers=member).json["items"]
    assert [(p["id"], p["status"]) for p in listed] == [(payout_id, "processing")]

    settled = client.post(f"/api/v1/admin/payouts/{payout_id}/settle", json={"provider_ref": "BANK-1"}, headers=admin)
    assert settled.status_code == 200 and settled.json["status"] == "paid"
    again = client.post(f"/api/v1/admin/payouts/{payout_id}/fail", json={"reason": "late"}, headers=admin)
    assert again.status_code == 200 and again.json["status"] == "failed"  # reversed after payment
    totals = client.get("/api/v1/earnings", headers=member).json["totals"][0]
    assert (totals["available"], totals["paid"]) == (40_00, 0)
    assert client.post("/api/v1/admin/payouts/999999/settle", json={}, headers=admin).status_code == 404
    assert client.post(f"/api/v1/admin/payouts/{payout_id}/settle", json={}, headers=member).status_code == 403


def test_admin_fails_a_payout_and_the_member_sees_why(app, client, auth, enterprise, fund, earn, create_user,
                                                      user_email, payout_details, drain):
    _, org_id, _ = enterprise()
    member_id = create_user("member")
    email = user_email(member_id)
    admin_email = user_email(create_user("admin"))
    fund(org_id, 50_00)
    earn(org_id, member_id, 50_00, interaction_id=401)
    payout_details(member_id)
    created = client.post("/api/v1/payouts", json={"amount": 50_00, "currency": "CNY"}, headers=auth.headers(email))
    payout_id = created.json["id"]
    drain()
    _signin(client, admin_email)
    queue = client.get("/payouts/admin")
    assert queue.status_code == 200 and f'data-testid="queue-{payout_id}"'.encode() in queue.data
    token = re.search(rb'name="csrf_token" value="([^"]+)"', queue.data).group(1).decode()
    client.post(f"/payouts/admin/{payout_id}", data={"csrf_token": token, "action": "failed",
                                                    "reason": "Account name does not match"})
    with app.app_context():
        assert db.session.get(Payout, payout_id).status == "failed"
        assert find_balance("member", member_id, "available", "CNY") == 50_00
    client.post("/signout", data={"csrf_token": _token(client, "/home")})
    _signin(client, email)
    page = client.get("/payouts/earnings")
    assert b"Account name does not match" in page.data


def test_another_tenants_checkout_is_404(client, auth, enterprise):
    _, _, owner = enterprise()
    _, _, other = enterprise()
    url = client.post("/api/v1/wallet/topups", json={"amount": 100, "currency": "CNY"},
                      headers=auth.headers(owner)).json["checkout_url"]
    _signin(client, other)
    assert client.get(url).status_code == 404
