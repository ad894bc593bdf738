"""The web shell: landing, sign-up / sign-in / sign-out, language, settings and each role's home."""

from __future__ import annotations

from urllib.parse import urlsplit
from zoneinfo import available_timezones

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, text

from app.auth import services, throttle
from app.auth.guards import current_user, page_login_required, sign_in_session, sign_out_session
from app.auth.models import ORG_ROLES, PLATFORM_ROLES, OrgMembership, RoleGrant, User
from app.database import commit, rollback
from app.errors import AppError, error_text
from app.extensions import db, limiter, redis_store
from app.paging import paginate
from app.web import home as member_home

bp = Blueprint("web", __name__, template_folder="templates")

ROLE_LABELS = {
    "member": _l("Agent"),
    "enterprise_admin": _l("Enterprise admin"),
    "enterprise_supervisor": _l("Supervisor"),
    "trainer": _l("Trainer"),
    "auditor": _l("Auditor"),
    "admin": _l("Platform admin"),
}

HOME_TEMPLATES = {
    "member": "web/home_member.html",
    "enterprise_admin": "web/home_enterprise.html",
    "enterprise_supervisor": "web/home_enterprise.html",
    "trainer": "web/home_trainer.html",
    "auditor": "web/home_auditor.html",
    "admin": "web/home_admin.html",
}


def _account_step(user) -> member_home.Step:
    return member_home.Step(_("Create your account"), True)


def _time_zone_step(user) -> member_home.Step:
    return member_home.Step(_("Set your time zone"), (user.timezone or "UTC") != "UTC", url_for("web.settings"))


member_home.add_home_step(_account_step, order=0)
member_home.add_home_step(_time_zone_step, order=5)


@bp.app_context_processor
def _labels():
    # view_names lets the shell link to a domain's pages only when that domain is installed.
    return {"role_labels": ROLE_LABELS, "view_names": current_app.view_functions}


def _safe_next(target: str | None) -> str | None:
    """Only same-site relative paths are followed after sign-in (no open redirect)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.get("/healthz")
def healthz():
    """Liveness and dependencies: ``{"status": "ok", "db": "ok", "redis": "ok"}`` or 503."""
    result = {"status": "ok", "db": "ok", "redis": "ok"}
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # reporting the failure is the point
        current_app.logger.exception("Health check: database unreachable")
        result["db"] = "error"
    try:
        redis_store.connection.ping()
    except Exception:
        current_app.logger.exception("Health check: Redis unreachable")
        result["redis"] = "error"
    if "error" in result.values():
        result["status"] = "error"
        return result, 503
    return result


@bp.get("/")
def index():
    user = current_user()
    if user is not None:
        return redirect(url_for("web.home"))
    return render_template("web/index.html")


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    role = request.values.get("role", "member")
    if role not in ("member", "enterprise"):
        role = "member"
    form = {"email": "", "name": "", "org_name": "", "role": role, "timezone": ""}
    errors: dict = {}
    if request.method == "POST":
        form.update({k: request.form.get(k, "").strip() for k in ("email", "name", "org_name", "timezone")})
        try:
            user = services.register_user(
                email=form["email"], password=request.form.get("password", ""), name=form["name"],
                role=role, org_name=form["org_name"] or None, locale=_current_locale(),
            )
            if form["timezone"] in available_timezones():  # the browser's zone; an odd value is no reason to refuse
                services.update_profile(user, timezone=form["timezone"])
            commit()
        except AppError as exc:
            rollback()
            errors = exc.fields or {"_form": exc.message}
            return render_template("web/signup.html", form=form, errors=errors), exc.status
        sign_in_session(user)
        flash(_("Welcome to Crowdline, %(name)s!", name=user.name), "success")
        return redirect(url_for("web.home"))
    return render_template("web/signup.html", form=form, errors=errors)


@bp.route("/signin", methods=["GET", "POST"])
def signin():
    email = request.form.get("email", "").strip()
    next_url = _safe_next(request.values.get("next"))
    if request.method == "POST":
        try:
            user = throttle.authenticate(email, request.form.get("password", ""))
            commit()
        except AppError as exc:
            rollback()
            return (render_template("web/signin.html", email=email, next=next_url, error=exc.message), exc.status,
                    exc.headers)
        sign_in_session(user)
        if user.locale:
            session["lang"] = user.locale
        return redirect(next_url or url_for("web.home"))
    return render_template("web/signin.html", email=email, next=next_url, error=None)


@bp.post("/signout")
def signout():
    sign_out_session()
    flash(_("You are signed out."), "info")
    return redirect(url_for("web.index"))


def _current_locale() -> str | None:
    from flask_babel import get_locale

    locale = get_locale()
    return locale.language if locale else None


@bp.post("/lang")
def set_language():
    """Switch the interface language; remembered in the session and on the profile."""
    lang = request.form.get("lang", "")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
        user = current_user()
        if user is not None:
            services.update_profile(user, locale=lang)
            commit()
    return redirect(_safe_next(request.form.get("next")) or url_for("web.index"))


@bp.get("/home")
@page_login_required()
def home():
    user = current_user()
    role = request.args.get("as") if request.args.get("as") in user.role_names else user.primary_role
    context = {"role": role, "roles": sorted(user.role_names)}
    if role in ORG_ROLES:
        org = user.membership.org
        context["org"] = org
        context["team"] = db.session.scalars(
            select(User).join(OrgMembership).where(OrgMembership.org_id == org.id).order_by(User.name)
        ).all()
    if role == "member" and "member" not in user.role_names:
        return render_template("web/home_no_role.html", **context)
    if role == "member":
        context.update(member_home.member_day(user))
    if role == "admin":
        counts = dict(db.session.execute(select(RoleGrant.role, func.count()).group_by(RoleGrant.role)).all())
        counts.update(dict(db.session.execute(
            select(OrgMembership.role, func.count()).group_by(OrgMembership.role)).all()))
        context["counts"] = counts
        context["suspended"] = db.session.scalar(select(func.count()).where(User.is_active.is_(False)))
    return render_template(HOME_TEMPLATES[role], **context)


@bp.route("/settings", methods=["GET", "POST"])
@page_login_required()
def settings():
    user = current_user()
    errors: dict = {}
    status = 200
    if request.method == "POST":
        try:
            if request.form.get("action") == "password":
                throttle.change_password(user, request.form.get("current_password", ""),
                                         request.form.get("new_password", ""))
                commit()
                sign_in_session(user)  # keep this browser signed in with the new password
                flash(_("Password changed. Other sessions were signed out."), "success")
            else:
                services.update_profile(user, name=request.form.get("name"),
                                        timezone=request.form.get("timezone") or None)
                commit()
                flash(_("Profile saved."), "success")
            return redirect(url_for("web.settings"))
        except AppError as exc:
            rollback()
            errors, status = exc.fields or {"_form": exc.message}, exc.status
    return render_template("web/settings.html", errors=errors, time_zones=sorted(available_timezones())), status


@bp.post("/org/users")
@page_login_required(roles=["enterprise_admin"])
def add_org_user():
    user = current_user()
    email = request.form.get("email", "")
    try:
        services.invite_org_user(
            user.org_id, email=email, name=request.form.get("name", ""),
            role=request.form.get("role", "enterprise_supervisor"), actor_id=user.id, locale=_current_locale(),
        )
        commit()
        flash(_("Invitation sent to %(email)s: they choose their own password from the link in it.",
                email=services.normalize_email(email)), "success")
    except AppError as exc:
        rollback()
        flash(error_text(exc), "error")
    return redirect(url_for("web.home"))


# --- password links: forgotten passwords and invitations ----------------------------------

@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_IP"], methods=["POST"])
def forgot_password():
    email = request.form.get("email", "").strip()
    if request.method == "POST":
        services.request_password_reset(email, locale=_current_locale())
        commit()
        flash(_("If %(email)s has an account, a link to choose a new password is on its way. "
                "It works once and expires in an hour.", email=email), "info")
        return redirect(url_for("web.signin"))
    return render_template("web/forgot_password.html", email=email)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    return _password_link_page(token, "reset")


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str):
    return _password_link_page(token, "invite")


def _password_link_page(token: str, purpose: str):
    """Choose a password through a link: a reset signs out every other session; both sign in here."""
    try:
        user = services.password_link_user(token, purpose)
    except AppError as exc:
        return render_template("web/password_link.html", purpose=purpose, user=None, error=exc.message,
                               errors={}), exc.status
    errors: dict = {}
    if request.method == "POST":
        try:
            user = services.set_password_from_link(token, purpose, request.form.get("password", ""))
            commit()
        except AppError as exc:
            rollback()
            errors = exc.fields or {"_form": exc.message}
            return render_template("web/password_link.html", purpose=purpose, user=user, error=None,
                                   errors=errors), exc.status
        sign_in_session(user)
        if user.locale:
            session["lang"] = user.locale
        flash(_("Password saved. You are signed in.") if purpose == "invite"
              else _("Password changed. Other sessions were signed out."), "success")
        return redirect(url_for("web.home"))
    return render_template("web/password_link.html", purpose=purpose, user=user, error=None, errors=errors)


@bp.get("/admin/users")
@page_login_required(roles=["admin"])
def admin_users():
    query = request.args.get("q", "").strip()
    stmt = select(User)
    if query:
        stmt = stmt.where(User.email.like(f"%{query.lower()}%") | User.name.ilike(f"%{query}%"))
    limit = min(max(request.args.get("limit", 50, type=int), 1), 100)
    page = paginate(stmt, User.id, limit=limit, cursor=request.args.get("cursor") or None)
    return render_template("web/admin_users.html", page=page, query=query, platform_roles=PLATFORM_ROLES)


# What each admin action reports, in the page's language.
_ADMIN_DONE = {
    "grant": _l("%(name)s now holds the role %(role)s."),
    "revoke": _l("%(name)s no longer holds the role %(role)s."),
    "suspend": _l("%(name)s is suspended: signed out everywhere, and their upcoming seats went back to the "
                  "waitlists without penalty."),
    "reinstate": _l("%(name)s is reinstated and can sign in again."),
}


@bp.post("/admin/users/<int:user_id>")
@page_login_required(roles=["admin"])
def admin_user_action(user_id: int):
    actor = current_user()
    action, role = request.form.get("action"), request.form.get("role", "")
    try:
        target = services.get_user(user_id)
        if action == "grant":
            services.grant_role(target, role, actor_id=actor.id)
        elif action == "revoke":
            services.revoke_role(target, role, actor_id=actor.id)
        elif action in ("suspend", "reinstate"):
            services.set_active(target, action == "reinstate", actor_id=actor.id,
                                reason=request.form.get("reason", ""))
        commit()
        flash(_ADMIN_DONE.get(action, _l("Saved.")) % {"name": target.name,
                                                       "role": ROLE_LABELS.get(role, role)}, "success")
    except AppError as exc:
        rollback()
        flash(error_text(exc), "error")
    return redirect(_safe_next(request.form.get("next")) or url_for("web.admin_users"))
