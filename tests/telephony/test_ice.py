"""The WebRTC ICE servers handed to the browsers: none by default, STUN as configured, and TURN
with short-lived credentials a coturn server (use-auth-secret) accepts — never the secret itself."""

import base64
import hashlib
import hmac

from telephony.softphone.ice import ice_servers


def test_no_servers_unless_configured():
    assert ice_servers({}, "member-1") == []
    assert ice_servers({"WEBRTC_TURN_URLS": "turn:turn.example.com"}, "member-1") == []  # no secret: no TURN


def test_turn_credentials_are_short_lived_and_checkable_with_the_shared_secret():
    config = {"WEBRTC_STUN_URLS": "stun:stun.example.com:3478",
              "WEBRTC_TURN_URLS": "turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349",
              "WEBRTC_TURN_SECRET": "s3cret", "WEBRTC_TURN_TTL": "600"}
    stun, turn = ice_servers(config, "member-7", now=1_000_000)
    assert stun == {"urls": ["stun:stun.example.com:3478"]}
    assert turn["urls"] == ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"]
    assert turn["username"] == "1000600:member-7"
    expected = base64.b64encode(hmac.new(b"s3cret", b"1000600:member-7", hashlib.sha1).digest()).decode()
    assert turn["credential"] == expected and "s3cret" not in str(turn)
