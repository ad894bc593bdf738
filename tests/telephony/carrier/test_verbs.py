"""The carrier follows TwiML as Twilio does, and signs every request it sends."""

from __future__ import annotations

import time

from telephony.carrier import Party
from telephony.providers.twilio import Twiml, say_and_hang_up

CUSTOMER = "+8613800138000"
NUMBER = "+8640000000001"


def kinds(carrier, sid: str) -> list[str]:
    return [event.kind for event in carrier.events(sid)]


def test_inbound_call_posts_twilios_parameters_signed(carrier, hooks):
    voice = hooks.on("voice", say_and_hang_up("Hello"))
    carrier.add_number(NUMBER, voice_url=voice, status_callback=hooks.on("status", ""))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER)
    assert carrier.wait_for(call.sid)
    hooks.wait_until(lambda: hooks.named("status"))
    [request] = hooks.named("voice")
    assert request["valid"] and request["method"] == "POST" and request["url"] == voice
    form = request["form"]
    assert form == {"AccountSid": carrier.account_sid, "ApiVersion": "2010-04-01", "CallSid": call.sid,
                    "CallStatus": "ringing", "Called": NUMBER, "Caller": CUSTOMER, "Direction": "inbound",
                    "From": CUSTOMER, "To": NUMBER}
    [status] = hooks.named("status")
    assert status["valid"] and status["form"]["CallStatus"] == "completed"
    assert 1 <= int(status["form"]["CallDuration"]) <= 5  # a second of speech, plus webhook time × speed
    assert kinds(carrier, call.sid)[:4] == ["created", "webhook", "say", "hangup"]


def test_say_play_pause_take_their_time(carrier, hooks):
    hooks.on("voice", str(Twiml().say("one two three four five").play("https://x/a.mp3", loop=2).pause(7)))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=f"{hooks.on('voice', hooks.handlers['voice'])}")
    assert carrier.wait_for(call.sid)
    assert call.status == "completed"
    # 2 s of speech, 2 × 5 s of media, 7 s of pause
    assert 19 <= call.duration <= 24


def test_gather_posts_the_callers_digits(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().gather("menu", prompt="Press 2 for sales", num_digits=1)
                                  .say("We did not get that").hangup()))
    hooks.on("menu", say_and_hang_up("Thanks"))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, party=Party(digits=["2"]), voice_url=voice)
    assert carrier.wait_for(call.sid)
    [menu] = hooks.named("menu")
    assert menu["valid"] and menu["form"]["Digits"] == "2" and menu["form"]["CallStatus"] == "in-progress"
    assert menu["url"] == "http://crowdline.test/t/menu"  # a relative action, resolved against the document


def test_gather_without_input_goes_on_to_the_next_verb(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().gather("menu", num_digits=1, timeout=3).redirect("after")))
    hooks.on("after", str(Twiml().hangup()))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, party=Party(digits=[None]), voice_url=voice)
    assert carrier.wait_for(call.sid)
    assert not hooks.named("menu") and len(hooks.named("after")) == 1
    assert "gather-timeout" in kinds(carrier, call.sid)


def test_redirect_fetches_the_next_document(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().redirect("next?step=2")))
    hooks.on("next", str(Twiml().say("Goodbye").hangup()))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(call.sid)
    [following] = hooks.named("next")
    assert following["valid"] and following["url"] == "http://crowdline.test/t/next?step=2"


def test_verbs_run_out_and_the_call_ends(carrier, hooks):
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=hooks.on("voice", str(Twiml().pause(1))))
    assert carrier.wait_for(call.sid)
    assert call.status == "completed"


def test_an_application_error_ends_the_call(carrier, hooks):
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=hooks.on("voice", "not twiml"))
    assert carrier.wait_for(call.sid)
    assert "application-error" in kinds(carrier, call.sid) and call.status == "completed"


def test_reject_leaves_the_call_unanswered(carrier, hooks):
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=hooks.on("voice", str(Twiml().reject("busy"))))
    assert carrier.wait_for(call.sid)
    assert call.status == "busy" and call.duration == 0


def test_caller_hangs_up_after_patience(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().play("https://x/music.mp3", loop=0)))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, party=Party(patience=12), voice_url=voice)
    assert carrier.wait_for(call.sid)
    assert call.hangup_requested == "party" and 11 <= call.duration <= 13


def test_time_is_compressed(carrier, hooks):
    voice = hooks.on("voice", str(Twiml().pause(40)))
    started = time.monotonic()
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(call.sid)
    elapsed = time.monotonic() - started
    assert 39 <= call.duration <= 44
    assert elapsed < 40 / carrier.clock.speed + 1.0  # 40 simulated seconds in about 2 real ones


def test_get_webhooks_are_signed_over_the_query(carrier, hooks):
    voice = hooks.on("voice", '<Response><Redirect method="GET">next?a=1</Redirect></Response>')
    hooks.on("next", str(Twiml().hangup()))
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=voice)
    assert carrier.wait_for(call.sid)
    [following] = hooks.named("next")
    assert following["method"] == "GET" and following["valid"] and following["form"]["CallSid"] == call.sid


def test_softphone_call_fetches_the_client_voice_url(carrier, hooks):
    voice = hooks.on("client", str(Twiml().hangup()))
    call = carrier.softphone_call("member-4", params={"To": "+8613800138000", "interaction": "41"}, voice_url=voice)
    assert carrier.wait_for(call.sid)
    form = hooks.named("client")[0]["form"]
    assert form["From"] == "client:member-4" and form["To"] == "+8613800138000" and form["interaction"] == "41"
    assert form["ApplicationSid"].startswith("AP") and form["Direction"] == "inbound"


def test_provider_checks_the_carriers_requests(carrier, hooks, webhook_app):
    """The signature the carrier sends is accepted by the provider's own check on the request."""
    from telephony.providers.local import LocalProvider

    checked = []

    @webhook_app.post("/checked")
    def checked_hook():
        from flask import request

        checked.append(LocalProvider({}).check_request(request))
        return str(Twiml().hangup())

    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url="http://crowdline.test/checked")
    assert carrier.wait_for(call.sid)
    assert checked == [True]


def test_a_malformed_attribute_is_an_application_error(carrier, hooks):
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER,
                                voice_url=hooks.on("voice", '<Response><Pause length="soon"/></Response>'))
    assert carrier.wait_for(call.sid)
    assert call.status == "completed" and "application-error" in kinds(carrier, call.sid)


def test_ended_calls_are_forgotten_after_a_while(carrier, hooks):
    call = carrier.inbound_call(from_=CUSTOMER, to=NUMBER, voice_url=hooks.on("voice", str(Twiml().hangup())))
    assert carrier.wait_for(call.sid)
    assert carrier.forget_ended(older_than=3600) == 0 and carrier.get(call.sid) is call
    assert carrier.forget_ended(older_than=0) == 1 and carrier.get(call.sid) is None
