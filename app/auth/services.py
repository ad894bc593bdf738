"""Account operations: sign-up, sign-in, token rotation, roles, organizations.

Callable without HTTP. They flush, send their signal and log; the caller commits.
"""

from __future__ import annotations

import logging
import re
import uuid

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select, update

from app import events
from app.auth import tokens
from app.auth.models import ORG_ROLES, PLATFORM_ROLES, Organization, OrgMembership, RefreshToken, RoleGrant, User
from app.auth.tasks import send_password_link
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized, ValidationError
from app.extensions import db
from app.jobs import enqueue
from app.timeutil import utcnow

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 10
# The most common passwords of leaked lists, refused outright (NIST SP 800-63B 5.1.1.2).
_COMMON_PASSWORDS = {
    "password", "password1", "password12", "password123", "1234567890", "12345678910", "qwertyuiop",
    "1q2w3e4r5t", "iloveyou12", "qwerty1234", "abc1234567", "0987654321", "1111111111", "letmein123",
    "welcome123", "admin12345", "crowdline1", "passw0rd12", "0000000000", "a123456789",
}


# Limits of an account's fields, shared by the API schemas, the pages and the database columns.
EMAIL_MAX_LENGTH = 254
NAME_MAX_LENGTH = 120
ORG_NAME_MAX_LENGTH = 160
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def account_field_problems(*, email: str | None = None, name: str | None = None,
                           org_name: str | None = None) -> dict:
    """What is wrong with the given account fields, by field, in the request's language: the one
    check the sign-up page, the API and the team invitations share."""
    problems: dict = {}
    if email is not None:
        email = normalize_email(email)
        if not email:
            problems["email"] = _("Enter your e-mail address.")
        elif len(email) > EMAIL_MAX_LENGTH:
            problems["email"] = _("Use at most %(n)d characters.", n=EMAIL_MAX_LENGTH)
        elif not _EMAIL.match(email):
            problems["email"] = _("Enter an e-mail address like name@example.com.")
    if name is not None:
        if not name.strip():
            problems["name"] = _("Enter your name.")
        elif len(name.strip()) > NAME_MAX_LENGTH:
            problems["name"] = _("Use at most %(n)d characters.", n=NAME_MAX_LENGTH)
    if org_name is not None:
        if not org_name.strip():
            problems["org_name"] = _("Enter your organization's name.")
        elif len(org_name.strip()) > ORG_NAME_MAX_LENGTH:
            problems["org_name"] = _("Use at most %(n)d characters.", n=ORG_NAME_MAX_LENGTH)
    return problems


def check_password_policy(password: str, email: str = "") -> None:
    problem = None
    if len(password) < MIN_PASSWORD_LENGTH:
        problem = _("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)
    elif len(password) > 128:
        problem = _("Use at most 128 characters.")
    elif password.lower() in _COMMON_PASSWORDS or len(set(password)) < 4:
        problem = _("This password is too easy to guess.")
    elif email and password.lower() == normalize_email(email):
        problem = _("Do not use your e-mail address as the password.")
    if problem:
        raise ValidationError(fields={"password": problem})


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def _new_user(email: str, password: str | None, name: str, locale: str | None,
              org_name: str | None = None) -> User:
    """A new account; with no ``password``, one that cannot sign in until a link sets it."""
    problems = account_field_problems(email=email or "", name=name or "", org_name=org_name)
    if password is not None:
        try:
            check_password_policy(password, email)
        except ValidationError as exc:
            problems.update(exc.fields)
    if problems:
        raise ValidationError(fields=problems)
    email = normalize_email(email)
    if find_user_by_email(email) is not None:
        raise Conflict(_("An account with this e-mail already exists."), code="email_taken",
                       fields={"email": _("Already registered.")})
    password_hash = tokens.hash_password(password) if password is not None else tokens.unusable_password_hash()
    user = User(email=email, name=name.strip(), password_hash=password_hash,
                locale=locale if locale in current_app.config["LANGUAGES"] else None)
    db.session.add(user)
    db.session.flush()
    return user


def register_user(*, email: str, password: str, name: str, role: str, org_name: str | None = None,
                  locale: str | None = None, actor_id: int | None = None) -> User:
    """Sign up a member, or an enterprise (a new organization with the user as its admin).

    Trainers, auditors and admins are created by an admin (``create_user``), never by sign-up.
    """
    if role == "member":
        user = _new_user(email, password, name, locale)
        events.send(events.user_registered, "accounts", user_id=user.id, role="member", org_id=None, actor_id=actor_id)
        _grant_platform_role(user, "member", actor_id)
    elif role == "enterprise":
        user = _new_user(email, password, name, locale, org_name=org_name or "")
        org = Organization(name=org_name.strip())
        db.session.add(org)
        db.session.flush()
        events.send(events.user_registered, "accounts", user_id=user.id, role="enterprise_admin", org_id=org.id,
                    actor_id=actor_id)
        _join_org(user, org, "enterprise_admin", actor_id)
    else:
        raise ValidationError(fields={"role": _("Choose member or enterprise.")})
    logger.info("User %s registered as %s", user.id, role)
    return user


def create_user(*, email: str, password: str | None, name: str, role: str, actor_id: int | None = None,
                org_id: int | None = None, locale: str | None = None) -> User:
    """Create an account with any role (the admin CLI and the admin console); with no
    ``password``, the account waits for its owner to set one through an invitation link."""
    if role in PLATFORM_ROLES:
        user = _new_user(email, password, name, locale)
        events.send(events.user_registered, "accounts", user_id=user.id, role=role, org_id=None, actor_id=actor_id)
        _grant_platform_role(user, role, actor_id)
    elif role in ORG_ROLES:
        org = db.session.get(Organization, org_id) if org_id else None
        if org is None:
            raise ValidationError(fields={"org_id": _("Choose an organization.")})
        user = _new_user(email, password, name, locale)
        events.send(events.user_registered, "accounts", user_id=user.id, role=role, org_id=org.id, actor_id=actor_id)
        _join_org(user, org, role, actor_id)
    else:
        raise ValidationError(fields={"role": _("Unknown role.")})
    logger.info("User %s created with role %s by %s", user.id, role, actor_id)
    return user


def _grant_platform_role(user: User, role: str, actor_id: int | None) -> None:
    user.role_grants.append(RoleGrant(role=role, granted_by_id=actor_id))
    db.session.flush()
    events.send(events.role_granted, "accounts", user_id=user.id, role=role, org_id=None, actor_id=actor_id)


def _join_org(user: User, org: Organization, role: str, actor_id: int | None) -> None:
    db.session.add(OrgMembership(org_id=org.id, user=user, role=role))
    db.session.flush()
    events.send(events.role_granted, "accounts", user_id=user.id, role=role, org_id=org.id, actor_id=actor_id)


def grant_role(user: User, role: str, *, actor_id: int | None) -> None:
    """Grant a platform role; granting one the user holds changes nothing."""
    if role not in PLATFORM_ROLES:
        raise ValidationError(fields={"role": _("Unknown role.")})
    if role in user.role_names:
        return
    _grant_platform_role(user, role, actor_id)
    logger.info("Role %s granted to user %s by %s", role, user.id, actor_id)


def revoke_role(user: User, role: str, *, actor_id: int | None, reason: str = "") -> None:
    if role not in PLATFORM_ROLES:
        raise ValidationError(fields={"role": _("Unknown role.")})
    grant = next((g for g in user.role_grants if g.role == role), None)
    if grant is None:
        raise NotFound(_("The user does not hold this role."))
    if role == "admin" and user.id == actor_id:
        raise Conflict(_("You cannot remove your own admin role."), code="self_demotion")
    user.role_grants.remove(grant)
    db.session.flush()
    events.send(events.role_revoked, "accounts", user_id=user.id, role=role, org_id=None, actor_id=actor_id,
                reason=reason)
    logger.info("Role %s revoked from user %s by %s", role, user.id, actor_id)


def set_active(user: User, active: bool, *, actor_id: int | None, reason: str = "") -> None:
    """Suspend or reinstate an account. A suspended user's tokens stop working at once."""
    if user.id == actor_id:
        raise Conflict(_("You cannot suspend yourself."), code="self_suspension")
    if user.is_active == active:
        return
    user.is_active = active
    if not active:
        end_sessions(user)
    db.session.flush()
    if active:
        events.send(events.user_reinstated, "accounts", user_id=user.id, actor_id=actor_id)
    else:
        events.send(events.user_suspended, "accounts", user_id=user.id, actor_id=actor_id, reason=reason)
    logger.info("User %s %s by %s", user.id, "reinstated" if active else "suspended", actor_id)


def update_profile(user: User, *, name: str | None = None, locale: str | None = None,
                   timezone: str | None = None) -> User:
    if name is not None:
        if problems := account_field_problems(name=name):
            raise ValidationError(fields=problems)
        user.name = name.strip()
    if locale is not None:
        if locale not in current_app.config["LANGUAGES"]:
            raise ValidationError(fields={"locale": _("Choose a supported language.")})
        user.locale = locale
    if timezone is not None:
        from app.timeutil import zone

        try:
            zone(timezone)
        except ValueError as exc:
            raise ValidationError(fields={"timezone": _("Unknown time zone.")}) from exc
        user.timezone = timezone
    db.session.flush()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not tokens.verify_password(user.password_hash, current_password):
        raise ValidationError(fields={"current_password": _("This is not your current password.")})
    check_password_policy(new_password, user.email)
    user.password_hash = tokens.hash_password(new_password)
    end_sessions(user)
    db.session.flush()
    logger.info("User %s changed their password", user.id)


# --- links that set a password: a reset, an invitation --------------------------------------

def request_password_reset(email: str, *, locale: str | None = None) -> None:
    """E-mail a reset link to the account with this address, if there is an active one. The answer
    is the same either way, so the form does not reveal who has an account."""
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        logger.info("Password reset asked for an unknown or suspended address")
        return
    enqueue(send_password_link, user.id, "reset", locale or user.locale)
    logger.info("Password reset link queued for user %s", user.id)


def password_link_user(token: str, purpose: str) -> User:
    """The user a password link (``reset`` or ``invite``) is for, while it is unused and unexpired."""
    try:
        user_id, fingerprint = tokens.decode_password_link(token or "", purpose)
    except ValueError as exc:
        if str(exc) == "expired":
            raise BadRequest(_("This link has expired. Ask for a new one."), code="link_expired") from exc
        raise BadRequest(_("This link is not valid."), code="link_invalid") from exc
    user = db.session.get(User, user_id)
    if user is None or not user.is_active:
        raise BadRequest(_("This link is not valid."), code="link_invalid")
    if not tokens.password_link_matches(fingerprint, user.password_hash):
        raise BadRequest(_("This link was already used. Ask for a new one."), code="link_used")
    return user


def set_password_from_link(token: str, purpose: str, new_password: str) -> User:
    """Set a password through a link; the link then stops working (the password it was tied to
    changed) and every other session of the account ends."""
    user = password_link_user(token, purpose)
    check_password_policy(new_password, user.email)
    user.password_hash = tokens.hash_password(new_password)
    end_sessions(user)
    db.session.flush()
    logger.info("User %s set their password through a %s link", user.id, purpose)
    return user


# --- sign-in and tokens -----------------------------------------------------------------

def authenticate(email: str, password: str) -> User:
    """The user with these credentials; the same ``invalid_credentials`` error whichever is wrong."""
    user = find_user_by_email(email)
    if not tokens.verify_password(user.password_hash if user else None, password):
        raise Unauthorized(_("E-mail or password is wrong."), code="invalid_credentials")
    if not user.is_active:
        raise Forbidden(_("This account is suspended. Contact support."), code="account_suspended")
    if tokens.password_needs_rehash(user.password_hash):
        user.password_hash = tokens.hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def issue_tokens(user: User, family_id: str | None = None) -> dict:
    """A new access token and a new refresh token (in ``family_id``, or a new family)."""
    access, expires_in = tokens.encode_access_token(user.id, version=user.token_version or 0)
    refresh, refresh_hash = tokens.new_refresh_token()
    db.session.add(RefreshToken(
        user_id=user.id,
        family_id=family_id or uuid.uuid4().hex,
        token_hash=refresh_hash,
        expires_at=utcnow() + current_app.config["JWT_REFRESH_TTL"],
    ))
    db.session.flush()
    return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer", "expires_in": expires_in}


def rotate_refresh_token(refresh_token: str) -> dict:
    """Spend a refresh token for a new pair. A spent token presented again revokes its family."""
    invalid = Unauthorized(_("The refresh token is not valid."), code="refresh_token_invalid")
    stored = db.session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == tokens.hash_refresh_token(refresh_token or ""))
    )
    if stored is None or stored.revoked_at is not None:
        raise invalid
    now = utcnow()
    # Spend it with a conditional update, so two concurrent refreshes cannot both succeed.
    spent = db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == stored.id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not spent:
        revoke_refresh_family(stored.family_id)
        logger.warning("Refresh token reuse for user %s; family %s revoked", stored.user_id, stored.family_id)
        # The revocation must stand even though this request fails: the caller commits it.
        raise Unauthorized(_("This refresh token was already used; sign in again."), code="refresh_token_reused")
    if stored.expires_at <= now:
        raise Unauthorized(_("The refresh token has expired; sign in again."), code="refresh_token_expired")
    user = db.session.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise invalid
    return issue_tokens(user, family_id=stored.family_id)


def revoke_refresh_family(family_id: str) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def end_sessions(user: User) -> None:
    """End every session of ``user``: refresh tokens are revoked and access tokens already issued
    stop working at their next request (their version is behind the user's)."""
    user.token_version = (user.token_version or 0) + 1
    revoke_all_refresh_tokens(user.id)


def revoke_all_refresh_tokens(user_id: int) -> None:
    db.session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def sign_out(refresh_token: str) -> None:
    """Revoke the family of a refresh token (this device's session). Unknown tokens change nothing."""
    stored = db.session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == tokens.hash_refresh_token(refresh_token or ""))
    )
    if stored is not None:
        revoke_refresh_family(stored.family_id)


# --- organizations ----------------------------------------------------------------------

def invite_org_user(org_id: int, *, email: str, name: str, role: str, actor_id: int,
                    locale: str | None = None) -> User:
    """An enterprise admin invites a supervisor (or another admin) to their organization: the
    account is made without a password and its owner gets an e-mail link to choose one."""
    if role not in ORG_ROLES:
        raise ValidationError(fields={"role": _("Choose a supervisor or an enterprise admin.")})
    user = create_user(email=email, password=None, name=name, role=role, actor_id=actor_id, org_id=org_id,
                       locale=locale)
    enqueue(send_password_link, user.id, "invite", locale)
    logger.info("User %s invited to organization %s by %s", user.id, org_id, actor_id)
    return user
