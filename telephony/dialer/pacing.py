"""Pacing: a token bucket in Redis, shared by every process that dials through the same provider
account, so all of them together never place more calls per second than the account allows.

The bucket holds at most ``burst`` tokens and refills at ``rate`` tokens a second; a call takes one.
The refill and the take run in one Lua script, on Redis's own clock (``TIME``), so two processes
taking at the same instant cannot both spend the last token and their clocks do not matter.
"""

from __future__ import annotations

from flask_babel import gettext as _

from app.errors import ValidationError

TAKE = """
local key = KEYS[1]
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local state = redis.call('HMGET', key, 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000000)
local granted = 0
if tokens >= want then
  tokens = tokens - want
  granted = want
end
redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', key, math.ceil(burst / rate * 1000) + 1000)
if granted > 0 then return {granted, 0} end
return {0, math.ceil((want - tokens) / rate * 1000000)}
"""


class TokenBucket:
    """``rate`` calls a second (burst ``burst``) for every holder of the same ``key``."""

    def __init__(self, client, key: str, rate: float, burst: float | None = None) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.client, self.key, self.rate = client, key, float(rate)
        self.burst = float(burst if burst is not None else max(1.0, rate))
        self._script = client.register_script(TAKE)

    def take(self, tokens: int = 1) -> tuple[bool, float]:
        """Take ``tokens`` if the bucket has them: ``(True, 0)``, else ``(False, seconds to wait)``."""
        granted, wait_us = self._script(keys=[self.key], args=[self.rate, self.burst, tokens])
        return bool(granted), int(wait_us) / 1_000_000


def bucket_for(client, provider: str, rate: float, prefix: str = "dialer:") -> TokenBucket:
    """The bucket of one provider account (every campaign dialing through it shares it)."""
    return TokenBucket(client, f"{prefix}cps:{provider}", rate)


def check_cps(value, limit: float) -> float | None:
    """A campaign's calls-per-second setting: positive and not above the provider's limit (422)."""
    if value is None or value == "":
        return None
    try:
        cps = float(value)
    except (TypeError, ValueError):
        raise ValidationError(fields={"cps": _("Enter a number of calls per second.")}) from None
    if not cps > 0:
        raise ValidationError(fields={"cps": _("Calls per second must be more than zero.")})
    if cps > limit:
        raise ValidationError(fields={"cps": _("The provider accepts at most %(limit)s calls per second.",
                                                limit=f"{limit:g}")})
    return cps
