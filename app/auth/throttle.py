"""One limit on password guesses, whatever the door: the sign-in page, the API's login and a
password change (page or API) share the same counters.

Per client address every attempt counts (``LOGIN_LIMIT_PER_IP``); per account only the wrong
passwords do (``LOGIN_LIMIT_PER_ACCOUNT``), so a person who types their password right is never
held up by their own earlier mistakes beyond the window. Past either limit the answer is a 429
with ``Retry-After``, before the password is even checked.
"""

from __future__ import annotations

import math
import time

from flask import current_app
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from limits import parse

from app.auth import services
from app.auth.models import User
from app.errors import AppError, Unauthorized, ValidationError
from app.extensions import limiter

_ADDRESS, _ACCOUNT = "sign-in-address", "sign-in-account"


def _limits():
    config = current_app.config
    return parse(config["LOGIN_LIMIT_PER_IP"]), parse(config["LOGIN_LIMIT_PER_ACCOUNT"])


def _too_many(item, *keys) -> AppError:
    reset_at = limiter.limiter.get_window_stats(item, *keys).reset_time
    wait = max(1, math.ceil(reset_at - time.time()))
    return AppError(_("Too many attempts. Wait %(minutes)s min and try again.", minutes=math.ceil(wait / 60)),
                    code="rate_limited", status=429, headers={"Retry-After": str(wait)})


def _check(email: str) -> None:
    if not limiter.enabled:
        return
    per_address, per_account = _limits()
    address = get_remote_address() or "unknown"
    if not limiter.limiter.hit(per_address, _ADDRESS, address):
        raise _too_many(per_address, _ADDRESS, address)
    if not limiter.limiter.test(per_account, _ACCOUNT, email):
        raise _too_many(per_account, _ACCOUNT, email)


def _count_failure(email: str) -> None:
    if limiter.enabled:
        limiter.limiter.hit(_limits()[1], _ACCOUNT, email)


def authenticate(email: str, password: str) -> User:
    """``services.authenticate`` behind the shared limits."""
    key = services.normalize_email(email or "")
    _check(key)
    try:
        return services.authenticate(email, password)
    except Unauthorized:
        _count_failure(key)
        raise


def change_password(user: User, current_password: str, new_password: str) -> None:
    """``services.change_password`` behind the same limits: a wrong current password is a guess."""
    key = services.normalize_email(user.email)
    _check(key)
    try:
        services.change_password(user, current_password, new_password)
    except ValidationError as exc:
        if "current_password" in exc.fields:
            _count_failure(key)
        raise
