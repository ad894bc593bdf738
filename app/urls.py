"""The platform's own address, for every URL that leaves it signed or sent: credentials, provider
callbacks and return links, e-mail links.

Such a URL never takes its host from the request (``Host: evil.example`` would otherwise be signed
into a credential). ``PUBLIC_BASE_URL`` is the one source; without it, development and tests fall
back to the address being served, and production refuses with a clear error.
"""

from __future__ import annotations

import logging

from flask import current_app, has_request_context, request
from flask_babel import gettext as _

from app.errors import AppError

logger = logging.getLogger(__name__)

DEVELOPMENT_ENVIRONMENTS = ("development", "testing")


class PublicAddressMissing(AppError):
    status, code = 503, "public_base_url_missing"


def public_base_url() -> str:
    """``PUBLIC_BASE_URL`` without its trailing slash."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return base.rstrip("/")
    if current_app.testing or current_app.config.get("ENVIRONMENT") in DEVELOPMENT_ENVIRONMENTS:
        return request.host_url.rstrip("/") if has_request_context() else "http://localhost:5000"
    logger.error("PUBLIC_BASE_URL is not set: refusing to sign or send a URL of the platform")
    raise PublicAddressMissing(_("This server has no public address configured (PUBLIC_BASE_URL), so it cannot "
                                 "issue this link. Tell the platform's operator."))


def public_url(endpoint: str, **values) -> str:
    """The absolute URL of ``endpoint`` under ``PUBLIC_BASE_URL`` (works without a request too)."""
    path = current_app.url_map.bind("localhost", script_name="/").build(endpoint, values)
    return public_base_url() + path


def trusted_hosts(config: dict) -> list[str] | None:
    """Flask's ``TRUSTED_HOSTS``: ``ALLOWED_HOSTS`` when given; in production, the host of
    ``PUBLIC_BASE_URL``; otherwise None (any host, for development on any address)."""
    from urllib.parse import urlsplit

    if config.get("ALLOWED_HOSTS"):
        return list(config["ALLOWED_HOSTS"])
    if config.get("ENVIRONMENT") == "production" and config.get("PUBLIC_BASE_URL"):
        return [urlsplit(config["PUBLIC_BASE_URL"]).hostname]
    return None
