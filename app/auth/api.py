"""Accounts API: sign-up, sign-in, tokens, the caller's profile, organizations, admin, jobs."""

from __future__ import annotations

from collections.abc import Callable

from apiflask import APIBlueprint
from flask import current_app, url_for
from flask_babel import get_locale
from flask_limiter.util import get_remote_address
from sqlalchemy import or_, select

from app import jobs
from app.auth import services, tasks, throttle
from app.auth.guards import get_in_org_or_404, require_user, token_auth
from app.auth.models import ORG_ROLES, Organization, OrgMembership, RoleGrant, User
from app.auth.schemas import (
    JobAccessIn,
    JobOut,
    LoginIn,
    MeOut,
    MeUpdateIn,
    OrgOut,
    OrgUserIn,
    PasswordChangeIn,
    PasswordLinkIn,
    PasswordResetIn,
    RefreshIn,
    RegisterIn,
    RegisterOut,
    RoleIn,
    SuspendIn,
    TokensOut,
    UserOut,
    UsersQuery,
)
from app.database import commit
from app.errors import Unauthorized
from app.extensions import limiter
from app.paging import PageQuery, page_schema, paginate
from app.schemas import JobAcceptedOut

bp = APIBlueprint("accounts_api", __name__, url_prefix="/api/v1", tag="Accounts")

ENTERPRISE = list(ORG_ROLES)

# Sections other domains add to GET /me for members (academy: level and XP; certification: tier).
MEMBER_SECTIONS: list[Callable[[User], dict]] = []


def register_member_section(section: Callable[[User], dict]) -> None:
    MEMBER_SECTIONS.append(section)


@bp.post("/auth/register")
@bp.input(RegisterIn, arg_name="data")
@bp.output(RegisterOut, status_code=201)
@bp.doc(summary="Sign up as a member or an enterprise", responses=[409, 422])
def register(data):
    user = services.register_user(**data)
    pair = services.issue_tokens(user)
    commit()
    return {"user": user, **pair}


@bp.post("/auth/login")
@bp.input(LoginIn, arg_name="data")
@bp.output(TokensOut)
@bp.doc(summary="Sign in with e-mail and password",
        description="Rate-limited per client address and per account (failed attempts lock the account "
                    "for a while): 429 with `rate_limited`.",
        responses=[401, 403, 429])
def login(data):
    user = throttle.authenticate(data["email"], data["password"])
    pair = services.issue_tokens(user)
    commit()
    return pair


@bp.post("/auth/refresh")
@bp.input(RefreshIn, arg_name="data")
@bp.output(TokensOut)
@bp.doc(summary="Exchange a refresh token for a new pair",
        description="The refresh token is spent. Presenting a spent token again revokes every token of its "
                    "family (401 `refresh_token_reused`).",
        responses=[401])
def refresh(data):
    try:
        pair = services.rotate_refresh_token(data["refresh_token"])
    except Unauthorized as exc:
        if exc.code == "refresh_token_reused":
            commit()  # the family's revocation stands although this request fails
        raise
    commit()
    return pair


@bp.post("/auth/logout")
@bp.input(RefreshIn, arg_name="data")
@bp.output({}, status_code=204)
@bp.doc(summary="Sign out this device: revoke the refresh token's family")
def logout(data):
    services.sign_out(data["refresh_token"])
    commit()
    return ""


@bp.post("/auth/password-reset")
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_IP"],
               key_func=lambda: "reset-ip:" + (get_remote_address() or "unknown"))
@bp.input(PasswordResetIn, arg_name="data")
@bp.output({}, status_code=202)
@bp.doc(summary="E-mail a password-reset link",
        description="The answer is the same whether or not the address has an account. The link works "
        "once and expires (`PASSWORD_RESET_TTL`); without SMTP it is written to the server log.")
def request_password_reset(data):
    services.request_password_reset(data["email"], locale=get_locale_name())
    commit()
    return ""


@bp.post("/auth/password-reset/confirm")
@bp.input(PasswordLinkIn, arg_name="data")
@bp.output({}, status_code=204)
@bp.doc(summary="Choose a new password with a reset link's token",
        description="Every other session and token of the account ends.", responses=[400, 422])
def confirm_password_reset(data):
    services.set_password_from_link(data["token"], "reset", data["password"])
    commit()
    return ""


def get_locale_name() -> str:
    return get_locale().language


def _me(user: User) -> dict:
    org = user.membership.org if user.membership else None
    member = None
    if user.has_role("member"):
        member = {"member_since": user.created_at.isoformat()}
        for section in MEMBER_SECTIONS:
            member.update(section(user))
    return {"user": user, "roles": user.sorted_roles, "org": org, "member": member}


@bp.get("/me")
@bp.auth_required(token_auth)
@bp.output(MeOut)
@bp.doc(summary="The caller: user, roles, organization, member progress", responses=[401])
def me():
    return _me(require_user())


@bp.patch("/me")
@bp.auth_required(token_auth)
@bp.input(MeUpdateIn, arg_name="data")
@bp.output(MeOut)
@bp.doc(summary="Update the caller's name, language or time zone")
def update_me(data):
    user = require_user()
    services.update_profile(user, **data)
    commit()
    return _me(user)


@bp.put("/me/password")
@bp.auth_required(token_auth)
@bp.input(PasswordChangeIn, arg_name="data")
@bp.output({}, status_code=204)
@bp.doc(summary="Change the caller's password (signs out every other session)")
def change_password(data):
    throttle.change_password(require_user(), data["current_password"], data["new_password"])
    commit()
    return ""


@bp.post("/me/export")
@bp.auth_required(token_auth)
@bp.output(JobAcceptedOut, status_code=202)
@bp.doc(summary="Export the caller's account data (a job; poll its status URL)")
def export_me():
    user = require_user()
    job_id = jobs.enqueue(tasks.export_account, user.id, owner_id=user.id, description="account export")
    commit()
    return {"job_id": job_id, "status_url": url_for("accounts_api.job_status", job_id=job_id)}


@bp.get("/jobs/<job_id>")
@bp.auth_required(token_auth)
@bp.output(JobOut)
@bp.doc(summary="A background job's status and progress (its owner, or an admin without the result)",
        responses=[404])
def job_status(job_id):
    user = require_user()
    return jobs.job_status(job_id, user_id=user.id, is_admin=user.has_role("admin"))


# --- organizations (tenant-scoped) -------------------------------------------------------

@bp.get("/orgs/<int:org_id>")
@bp.auth_required(token_auth, roles=[*ENTERPRISE, "admin"])
@bp.output(OrgOut)
@bp.doc(summary="An organization (its own users, or an admin)", responses=[404])
def get_org(org_id):
    return get_in_org_or_404(Organization, org_id, require_user(), org_attr="id")


@bp.get("/orgs/<int:org_id>/users")
@bp.auth_required(token_auth, roles=[*ENTERPRISE, "admin"])
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(UserOut))
@bp.doc(summary="The organization's users, paged", responses=[404])
def list_org_users(org_id, page):
    org = get_in_org_or_404(Organization, org_id, require_user(), org_attr="id")
    stmt = select(User).join(OrgMembership, OrgMembership.user_id == User.id).where(OrgMembership.org_id == org.id)
    return paginate(stmt, User.id, **page)


@bp.post("/orgs/<int:org_id>/users")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.input(OrgUserIn, arg_name="data")
@bp.output(UserOut, status_code=201)
@bp.doc(summary="Invite a supervisor or an admin to the organization",
        description="The account is made without a password; an e-mail link (single use, expiring) "
        "lets its owner choose one.", responses=[404, 409, 422])
def add_org_user(org_id, data):
    actor = require_user()
    org = get_in_org_or_404(Organization, org_id, actor, org_attr="id")
    user = services.invite_org_user(org.id, actor_id=actor.id, locale=get_locale_name(), **data)
    commit()
    return user


# --- platform administration --------------------------------------------------------------

@bp.get("/admin/users")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(UsersQuery, location="query", arg_name="filters")
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(UserOut))
@bp.doc(summary="All users, newest first, filtered by role or text", tags=["Administration"])
def list_users(filters, page):
    stmt = select(User)
    if filters["role"] in ORG_ROLES:
        stmt = stmt.join(OrgMembership, OrgMembership.user_id == User.id).where(OrgMembership.role == filters["role"])
    elif filters["role"]:
        stmt = stmt.join(RoleGrant, RoleGrant.user_id == User.id).where(RoleGrant.role == filters["role"])
    if filters["q"]:
        like = f"%{filters['q'].lower()}%"
        stmt = stmt.where(or_(User.email.like(like), User.name.ilike(like)))
    return paginate(stmt, User.id, **page)


@bp.post("/admin/users/<int:user_id>/roles")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(RoleIn, arg_name="data")
@bp.output(UserOut)
@bp.doc(summary="Grant a platform role", tags=["Administration"], responses=[404, 422])
def grant_role(user_id, data):
    user = services.get_user(user_id)
    services.grant_role(user, data["role"], actor_id=require_user().id)
    commit()
    return user


@bp.delete("/admin/users/<int:user_id>/roles/<role>")
@bp.auth_required(token_auth, roles=["admin"])
@bp.output(UserOut)
@bp.doc(summary="Revoke a platform role", tags=["Administration"], responses=[404, 409, 422])
def revoke_role(user_id, role):
    user = services.get_user(user_id)
    services.revoke_role(user, role, actor_id=require_user().id)
    commit()
    return user


@bp.post("/admin/users/<int:user_id>/suspend")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(SuspendIn, arg_name="data")
@bp.output(UserOut)
@bp.doc(summary="Suspend an account (its tokens stop working at once)", tags=["Administration"])
def suspend_user(user_id, data):
    user = services.get_user(user_id)
    services.set_active(user, False, actor_id=require_user().id, reason=data["reason"])
    commit()
    return user


@bp.post("/admin/users/<int:user_id>/reinstate")
@bp.auth_required(token_auth, roles=["admin"])
@bp.output(UserOut)
@bp.doc(summary="Reinstate a suspended account", tags=["Administration"])
def reinstate_user(user_id):
    user = services.get_user(user_id)
    services.set_active(user, True, actor_id=require_user().id)
    commit()
    return user


@bp.post("/admin/jobs/<job_id>/access")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(JobAccessIn, arg_name="data")
@bp.output(JobOut)
@bp.doc(summary="Read the result of someone else's job, for a stated reason (recorded in the audit ledger)",
        tags=["Administration"], responses=[404])
def access_job_result(job_id, data):
    result = jobs.access_job_result(job_id, actor_id=require_user().id, reason=data["reason"])
    commit()
    return result
