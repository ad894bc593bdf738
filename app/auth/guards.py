"""Who is calling, what they may do, and which tenant's rows they may see.

API routes use ``token_auth`` (a Bearer access token) through APIFlask's ``auth_required``,
which also documents the security scheme in the OpenAPI document:

    @bp.get("/things/<int:thing_id>")
    @bp.auth_required(token_auth, roles=["enterprise_admin", "enterprise_supervisor"])
    def get_thing(thing_id):
        thing = get_in_org_or_404(Thing, thing_id)

Pages use the cookie session through ``page_login_required``. Both resolve to the same users.

Tenancy: an enterprise user sees only rows of their organization, a member only their own.
Anything else is a 404 (never a 403), so ids of other tenants cannot be probed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from apiflask import HTTPTokenAuth
from flask import g, redirect, request, session, url_for
from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.auth.tokens import decode_access_claims
from app.errors import Forbidden, NotFound, Unauthorized
from app.extensions import db

token_auth = HTTPTokenAuth(
    scheme="Bearer",
    description="An access token from `POST /api/v1/auth/login` (15 minutes; renew with `/auth/refresh`).",
)


@token_auth.verify_token
def _verify_token(token: str | None) -> User | None:
    if not token:
        raise Unauthorized(_("Send an access token: Authorization: Bearer <token>."), code="token_missing")
    user_id, version = _decoded(token)
    user = load_user(user_id)
    if user is None:
        raise Unauthorized(_("The access token is not valid."), code="token_invalid")
    if not user.is_active:
        raise Forbidden(_("This account is suspended. Contact support."), code="account_suspended")
    if version != (user.token_version or 0):
        raise Unauthorized(_("This access token was ended by a password change; sign in again."),
                           code="token_revoked")
    g.current_user = user
    return user


@token_auth.get_user_roles
def _user_roles(user: User) -> list[str]:
    return sorted(user.role_names)


@token_auth.error_handler
def _auth_error(status: int):
    if status == 403:
        raise Forbidden(_("Your role does not allow this."), code="forbidden_role")
    raise Unauthorized()


_USER_WITH_ROLES = select(User).options(joinedload(User.role_grants)).where(User.id == bindparam("user_id"))


def load_user(user_id: int) -> User | None:
    """The user with their roles in one query (every authenticated request starts here; the
    statement is built once)."""
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        return None
    return db.session.execute(_USER_WITH_ROLES, {"user_id": user_id}).unique().scalar_one_or_none()


def bearer_user_id() -> int | None:
    """The user id of a valid Bearer access token on this request, without touching the database;
    None when there is none or it is not valid.

    For answers that are the same for every signed-in caller and cheaper than loading the user
    (a sold-out shift in a rush). Whatever the answer depends on, a route still loads the user
    through ``token_auth``, which also checks that the account is active and has the role."""
    header = request.headers.get("Authorization", "")
    scheme, _space, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        return _decoded(token.strip())[0]
    except Unauthorized:
        return None


def _decoded(token: str) -> tuple[int, int]:
    """``decode_access_claims``, once per request for the same token."""
    seen = g.get("_decoded_token")
    if seen is not None and seen[0] == token:
        return seen[1]
    claims = decode_access_claims(token)
    g._decoded_token = (token, claims)
    return claims


def current_user() -> User | None:
    """The signed-in user of this request (token or cookie session), or None."""
    if "current_user" in g:
        return g.current_user
    user_id = session.get("user_id")
    user = load_user(user_id) if user_id else None
    if user is not None and (not user.is_active or session.get("auth_epoch") != user.password_hash[-16:]):
        session.clear()  # suspended, or the password changed since this cookie was issued
        user = None
    g.current_user = user
    return user


def require_user() -> User:
    user = current_user()
    if user is None:
        raise Unauthorized()
    return user


def require_role(user: User, *roles: str) -> None:
    if not user.has_role(*roles):
        raise Forbidden(_("Your role does not allow this."), code="forbidden_role")


def sign_in_session(user: User) -> None:
    """Start a cookie session for the pages (after a password check)."""
    _clear_session_keeping_language()
    session.permanent = True
    session["user_id"] = user.id
    # Ties the cookie to the password: changing it signs out every other browser.
    session["auth_epoch"] = user.password_hash[-16:]
    g.current_user = user


def sign_out_session() -> None:
    _clear_session_keeping_language()
    g.pop("current_user", None)


def _clear_session_keeping_language() -> None:
    """A new session (no fixation), but the browser's language choice survives it."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def page_login_required(roles: Iterable[str] | None = None) -> Callable:
    """Pages: redirect to sign-in when signed out; a 403 page when the role does not fit."""
    wanted = tuple(roles or ())

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            user = current_user()
            if user is None:
                return redirect(url_for("web.signin", next=request.full_path.rstrip("?")))
            if wanted:
                require_role(user, *wanted)
            return view(*args, **kwargs)

        return wrapped

    return decorate


# --- tenancy ----------------------------------------------------------------------------

def is_platform_staff(user: User) -> bool:
    """Admins see across tenants (support, disputes); no other role does."""
    return user.has_role("admin")


def scope_to_org(stmt: Select, org_column, user: User) -> Select:
    """Restrict a query to the caller's organization (admins: unrestricted)."""
    if is_platform_staff(user):
        return stmt
    if user.org_id is None:
        return stmt.where(False)
    return stmt.where(org_column == user.org_id)


def scope_to_member(stmt: Select, member_column, user: User) -> Select:
    """Restrict a query to the caller's own rows as a member (admins: unrestricted)."""
    if is_platform_staff(user):
        return stmt
    return stmt.where(member_column == user.id)


def get_in_org_or_404(model, object_id: int, user: User, org_attr: str = "org_id"):
    """The object if it belongs to the caller's organization; 404 if missing or another tenant's."""
    obj = db.session.get(model, object_id)
    if obj is None or (not is_platform_staff(user) and getattr(obj, org_attr) != user.org_id):
        raise NotFound()
    return obj


def get_own_or_404(model, object_id: int, user: User, owner_attr: str = "member_id"):
    """The object if the caller owns it; 404 if missing or someone else's."""
    obj = db.session.get(model, object_id)
    if obj is None or (not is_platform_staff(user) and getattr(obj, owner_attr) != user.id):
        raise NotFound()
    return obj
