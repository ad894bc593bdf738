"""``TRUSTED_PROXIES``: a proxy's X-Forwarded-Proto/-Host count for the signed URL only when set."""

from __future__ import annotations

import pytest

from app import create_app
from telephony.providers.local import LOCAL_AUTH_TOKEN
from telephony.providers.twilio import sign

SIGNED_URL = "https://cc.example.com/telephony/twilio/wait?lang=en"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "cc.example.com", "X-Forwarded-For": "203.0.113.9"}


@pytest.mark.parametrize(("proxies", "status"), [(1, 200), (0, 403)])
def test_forwarded_headers_count_only_behind_trusted_proxies(app, proxies, status):
    behind = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                         "REDIS_URL": app.config["REDIS_URL"], "TRUSTED_PROXIES": proxies, "PUBLIC_BASE_URL": None})
    params = {"CallSid": "CA" + "7" * 32}
    reply = behind.test_client().post("/telephony/twilio/wait?lang=en", data=params,
                                      headers={**FORWARDED, "X-Twilio-Signature": sign(SIGNED_URL, params,
                                                                                       LOCAL_AUTH_TOKEN)})
    assert reply.status_code == status
