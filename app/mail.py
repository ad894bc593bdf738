"""Outgoing e-mail: through SMTP when ``SMTP_HOST`` is configured, else written to the log.

The log fallback keeps every flow usable on the embedded default (a password-reset or invite
link appears in the server's output) without pretending that a message was delivered."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

logger = logging.getLogger(__name__)


def send_mail(to: str, subject: str, body: str) -> None:
    config = current_app.config
    host = config.get("SMTP_HOST")
    if not host:
        logger.warning("No SMTP configured; e-mail to %s not sent.\nSubject: %s\n\n%s", to, subject, body)
        return
    message = EmailMessage()
    message["From"] = config["SMTP_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(host, config["SMTP_PORT"], timeout=30) as smtp:
        if config["SMTP_STARTTLS"]:
            smtp.starttls()
        if config.get("SMTP_USER"):
            smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        smtp.send_message(message)
    logger.info("E-mail %r sent to %s", subject, to)
