"""Webhook signatures: Twilio's published vectors, and checks against the public URL."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from telephony.providers import get_provider
from telephony.providers.twilio import TwilioProvider, sign

# The vectors of Twilio's documentation and of twilio-python's own RequestValidator tests.
VECTOR_TOKEN = "12345"
VECTOR_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
VECTOR_PARAMS = {"CallSid": "CA1234567890ABCDE", "Caller": "+14158675309", "Digits": "1234",
                 "From": "+14158675309", "To": "+18005551212"}
VECTOR_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def provider(**config) -> TwilioProvider:
    return TwilioProvider({"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": VECTOR_TOKEN, **config})


def test_published_vector_signature():
    assert sign(VECTOR_URL, VECTOR_PARAMS, VECTOR_TOKEN) == VECTOR_SIGNATURE
    assert provider().validate_request(VECTOR_URL, VECTOR_PARAMS, VECTOR_SIGNATURE)


def test_published_vector_duplicate_values():
    from werkzeug.datastructures import MultiDict

    params = MultiDict([("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")])
    assert sign(VECTOR_URL, params, VECTOR_TOKEN) == "IK+Dwps556ElfBT0I3Rgjkr1wJU="


@pytest.mark.parametrize(("url", "signature"), [
    ("https://mycompany.com:1234/myapp.php?foo=1&bar=2", VECTOR_SIGNATURE),  # port removed (https)
    ("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU="),  # signed with the port
    ("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w="),  # signed with :443
    ("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4="),  # signed with :80
])
def test_published_vectors_with_and_without_port(url, signature):
    assert provider().validate_request(url, VECTOR_PARAMS, signature)


def test_published_vector_json_body():
    body = '{"property": "value", "boolean": true}'
    body_hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
    assert RequestValidator(VECTOR_TOKEN).compute_hash(body) == body_hash
    assert provider().validate_request(f"{VECTOR_URL}&bodySHA256={body_hash}", body, "a9nBmqA0ju/hNViExpshrM61xv4=")


@pytest.mark.parametrize("signature", [None, "", "RSOYDt4T1cUTdK1PDd93/VVr8B8", "x" * 28])
def test_missing_or_bad_signature_fails(signature):
    assert not provider().validate_request(VECTOR_URL, VECTOR_PARAMS, signature)


def test_tampered_params_fail():
    assert not provider().validate_request(VECTOR_URL, {**VECTOR_PARAMS, "Digits": "9"}, VECTOR_SIGNATURE)


def test_no_auth_token_never_validates():
    assert not provider(TWILIO_AUTH_TOKEN="").validate_request(VECTOR_URL, VECTOR_PARAMS, VECTOR_SIGNATURE)


@pytest.mark.parametrize("signed_url", ["https://cc.example.com/telephony/twilio/voice?x=1",
                                        "https://cc.example.com:443/telephony/twilio/voice?x=1"])
def test_checked_against_public_base_url(signed_url):
    """Behind a proxy the app sees http://10.0.0.5:8000/…; Twilio signed the public address."""
    params = {"CallSid": "CA" + "2" * 32, "CallStatus": "ringing"}
    signature = sign(signed_url, params, VECTOR_TOKEN)
    internal = "http://10.0.0.5:8000/telephony/twilio/voice?x=1"
    assert provider(PUBLIC_BASE_URL="https://cc.example.com").validate_request(internal, params, signature)
    assert provider(PUBLIC_BASE_URL="https://cc.example.com/").validate_request(internal, params, signature)
    assert not provider().validate_request(internal, params, signature)
    assert not provider(PUBLIC_BASE_URL="https://other.example.com").validate_request(internal, params, signature)


def test_registry(app):
    from telephony.providers import PROVIDERS, LocalProvider

    assert set(PROVIDERS) == {"local", "twilio"}
    with app.app_context():
        assert isinstance(get_provider("local"), LocalProvider)
        assert get_provider("twilio").name == "twilio"
        with pytest.raises(ValueError, match="unknown"):
            get_provider("skype")
