"""Routing: the automatic call distributor (ACD), in Redis, one atomic decision per operation.

``Acd`` queues calls per campaign (priority, then arrival), keeps agents' truthful presence
(heartbeats), offers each call to exactly one agent (longest idle first, fit breaking ties,
escalating to a wider pool after a wait) and enforces timeouts in ``tick``; ``check`` lists any
broken invariant. Flask-free: the service layer passes a redis client and plain ids.
"""

from telephony.routing.acd import Acd, Outcome, TickEvents
from telephony.routing.check import check

__all__ = ["Acd", "Outcome", "TickEvents", "check"]
