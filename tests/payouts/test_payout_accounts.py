"""Payout accounts are structured (bank account, Alipay, WeChat Pay), checked per method, shown masked
to the member and named in words to the admin; the withdrawal form says why it is disabled."""

import pytest

from app.database import commit
from tests.helpers.web import csrf_token, in_chinese, sign_in


@pytest.fixture
def member(create_user, user_email, client):
    member_id = create_user("member")
    sign_in(client, user_email(member_id))
    return member_id


def _save(client, **form):
    return client.post("/payouts/account", data={"csrf_token": csrf_token(client, "/payouts/account"), **form})


def test_each_method_checks_its_own_fields_and_names_them(client, member):
    bank = _save(client, method="bank", holder="Chen Mei", bank_name="", account_number="1234")
    assert bank.status_code == 422
    html = bank.get_data(as_text=True)
    assert 'data-testid="error-bank_name"' in html and 'data-testid="error-account_number"' in html
    alipay = _save(client, method="alipay", holder="Chen Mei", account_number="not a phone")
    assert "Alipay account" in alipay.get_data(as_text=True)
    wechat = _save(client, method="wechat", holder="C", account_number="1x").get_data(as_text=True)
    assert 'data-testid="error-holder"' in wechat and 'data-testid="error-account_number"' in wechat
    unknown = _save(client, method="paypal", holder="Chen Mei", account_number="x@example.test")
    assert unknown.status_code == 422


def test_a_bank_account_is_masked_everywhere_the_member_sees_it(app, client, member, auth, user_email):
    saved = _save(client, method="bank", holder="Chen Mei", bank_name="招商银行",
                  account_number="6225 8812 3456 7890 1234")
    assert saved.status_code == 302
    for path in ("/payouts/account", "/payouts/earnings"):
        page = client.get(path).get_data(as_text=True)
        assert "6225881234567890" not in page and "6225 8812" not in page
        assert "Bank ****1234, 招商银行" in page
    api = client.get("/api/v1/payouts/account", headers=auth.headers(user_email(member))).json
    assert api["account_masked"] == "****1234" and api["method"] == "bank" and api["bank_name"] == "招商银行"
    assert "7890" not in str(api).replace("****1234", "")


@pytest.mark.parametrize(("method", "number", "shown"), [
    ("alipay", "13800001234", "Alipay 138****1234"),
    ("alipay", "Mei.Chen@Example.test", "Alipay m***@example.test"),
    ("wechat", "mei_chen_88", "WeChat Pay me***88"),
])
def test_wallet_accounts_are_named_and_masked(client, member, method, number, shown):
    assert _save(client, method=method, holder="Chen Mei", account_number=number).status_code == 302
    page = client.get("/payouts/account").get_data(as_text=True)
    assert shown in page and number not in page


def test_the_account_is_described_in_chinese(app, client, member):
    _save(client, method="bank", holder="陈美", bank_name="招商银行", account_number="6225881234567890")
    client.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(client)})
    page = client.get("/payouts/account").get_data(as_text=True)
    assert in_chinese(app, "Bank %(number)s, %(bank)s").replace("%(number)s", "****7890").replace(
        "%(bank)s", "招商银行") in page
    assert in_chinese(app, "WeChat Pay") in page and in_chinese(app, "Alipay") in page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_withdrawal_form_says_why_it_is_disabled_at_a_zero_balance(app, client, member, language):
    from flask_babel import force_locale, gettext

    _save(client, method="alipay", holder="Chen Mei", account_number="13800001234")
    if language == "zh":
        client.post("/lang", data={"lang": "zh", "csrf_token": csrf_token(client)})
    page = client.get("/payouts/earnings").get_data(as_text=True)
    assert 'data-testid="withdraw-why"' in page
    assert 'disabled aria-describedby="withdraw-why"' in page
    with app.test_request_context(), force_locale(language):
        start = gettext("Nothing to withdraw yet: your approved balance is %(available)s. Calls become money you "
                        "can withdraw once QA approves them.").split("%(available)s")[0]
    assert start in page


def test_the_withdrawal_form_explains_a_balance_below_the_minimum(app, client, member, enterprise, fund, earn):
    _save(client, method="alipay", holder="Chen Mei", account_number="13800001234")
    _user, org_id, _email = enterprise()
    fund(org_id, 100_00)
    earn(org_id, member, 5_00, interaction_id=9101)
    page = client.get("/payouts/earnings").get_data(as_text=True)
    assert "You can withdraw from 10.00 CNY; your approved balance is 5.00 CNY." in page
    earn(org_id, member, 20_00, interaction_id=9102)
    page = client.get("/payouts/earnings").get_data(as_text=True)
    assert 'data-testid="withdraw-why"' not in page and "disabled" not in page.split('data-testid="withdraw-form"')[1]


def test_the_admin_queue_names_accounts_in_words_and_shows_the_whole_number_on_request(
        app, client, create_user, user_email, enterprise, fund, earn):
    from payouts import services

    member_id = create_user("member", name="Chen Mei")
    _user, org_id, _email = enterprise()
    fund(org_id, 100_00)
    earn(org_id, member_id, 50_00, interaction_id=9201)
    with app.app_context():
        services.save_payout_details(member_id, method="bank", holder="Chen Mei", bank_name="招商银行",
                                     account_number="6225881234567890")
        payout = services.request_payout(member_id, 30_00, "CNY", enqueue=False)
        commit()
        payout_id = payout.id
    admin = app.test_client()
    sign_in(admin, user_email(create_user("admin")))
    queue = admin.get("/payouts/admin").get_data(as_text=True)
    assert "Bank ****7890, 招商银行" in queue and "Chen Mei" in queue
    assert "6225881234567890" not in queue
    full = admin.get(f"/payouts/admin/{payout_id}/account").get_data(as_text=True)
    assert "6225881234567890" in full and "Chen Mei" in full
    # Members never reach the whole number.
    sign_in(client, user_email(member_id))
    assert client.get(f"/payouts/admin/{payout_id}/account").status_code == 403


def test_details_typed_before_accounts_were_structured_are_shown_masked(app, client, member):
    from app.extensions import db
    from payouts.models import PayoutDestination

    with app.app_context():
        db.session.add(PayoutDestination(member_id=member, provider="manual", status="enabled",
                                         details="支付宝 13800001234 陈美"))
        commit()
    page = client.get("/payouts/account").get_data(as_text=True)
    assert "13800001234" not in page and "138****1234" in page
