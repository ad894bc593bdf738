"""The built-in softphone of the ``local`` provider: the server relays WebRTC signalling (offer,
answer, ICE candidates, hang-up) between the two browsers of one call — the customer phone page's
leg and the member's workspace — so audio flows browser to browser, while the local carrier places
and reports the call's legs exactly as Twilio would (status callbacks drive the interaction)."""
