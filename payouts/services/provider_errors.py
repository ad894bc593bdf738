"""A provider's failure as the caller's answer: never a 500 for a payment service that is down or
says no."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from flask_babel import gettext as _

from app.errors import AppError, Conflict
from payouts.providers import ProviderError, ProviderRejected

logger = logging.getLogger(__name__)


@contextmanager
def provider_call(what: str) -> Iterator[None]:
    """503 ``provider_unavailable`` when the provider cannot be reached (try again later), 409
    ``provider_refused`` with its reason when it refuses; the caller's transaction rolls back."""
    try:
        yield
    except ProviderRejected as exc:
        logger.warning("The payment provider refused %s: %s", what, exc)
        raise Conflict(_("The payment provider refused this: %(reason)s", reason=str(exc)),
                       code="provider_refused") from exc
    except ProviderError as exc:
        logger.warning("The payment provider failed on %s: %s", what, exc)
        raise AppError(_("The payment provider cannot be reached right now. Try again in a minute."),
                       code="provider_unavailable", status=503) from exc
