"""The outbound dialer: which contacts to call, how many lines to open, and the checks made at the
moment of dialing.

Rooms: ``settings`` (a campaign's dialer settings and the provider's call-rate limits), ``compliance``
(the checks made right before a call, and the refusal recorded on the contact), ``modes`` (how many
lines preview, progressive and predictive open; pure), ``pacing`` (a Redis token bucket shared by
every process), ``callbacks`` (callback requests, dialed first), ``hopper`` (the dialer's pass, run
by the dispatcher), ``answering`` (what an answered outbound call hears: an agent, the abandonment
message, or the machine's treatment) and ``api`` (preview mode for the member's workspace).
"""
