"""Pages: the enterprise wallet and statements, the offline checkout simulator, member earnings
and withdrawals (phone-first), and the admin payouts queue with reconciliation."""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app import jobs
from app.auth.guards import current_user, page_login_required
from app.auth.models import ORG_ROLES, User
from app.database import commit, rollback
from app.errors import AppError, NotFound, error_text
from app.extensions import db
from app.money import CURRENCY_EXPONENTS, Money, MoneyError
from app.timeutil import utcnow
from payouts import methods, queries, reports, services, tasks
from payouts.models import OPEN_PAYOUT_STATES, MoneyAccount, Payout, Posting, Reconciliation, Topup, Transfer
from payouts.providers import get_provider
from payouts.services.payouts import destination_of, minimum_payout

logger = logging.getLogger(__name__)

bp = Blueprint("payouts", __name__, url_prefix="/payouts", template_folder="templates")

ENTERPRISE = list(ORG_ROLES)


REASON_LABELS = {
    "topup": _l("Top-up"), "escrow_hold": _l("Held for a campaign"), "escrow_release": _l("Released from a campaign"),
    "earning_reversed": _l("Refund of a rejected call"), "refund": _l("Card refund"), "dispute": _l("Card dispute"),
    "dispute_won": _l("Card dispute won"),
}
STATUS_LABELS = {
    "pending": _l("pending"), "paid": _l("paid"), "canceled": _l("canceled"), "requested": _l("requested"),
    "processing": _l("processing"), "failed": _l("failed"), "approved": _l("approved"), "reversed": _l("rejected"),
    "enabled": _l("ready"), "restricted": _l("needs attention"),
}

# Reconciliation: what crossed the provider boundary, and what differs.
CROSSING_LABELS = {"topup": _l("Top-ups"), "refund": _l("Refunds"), "payout": _l("Payouts")}
PROBLEM_LABELS = {"missing_at_provider": _l("Not at the provider"), "missing_in_ledger": _l("Not in our records"),
                  "amount_differs": _l("The amounts differ")}


@bp.context_processor
def _labels():
    return {"reason_labels": REASON_LABELS, "status_labels": STATUS_LABELS, "method_labels": methods.METHOD_LABELS,
            "describe_account": methods.describe, "mask_account": methods.mask}


def _parse_amount() -> tuple[int, str]:
    currency = request.form.get("currency", "CNY").upper()
    try:
        money = Money.parse(request.form.get("amount", ""), currency)
    except MoneyError as exc:
        raise AppError(_("Enter an amount like 100 or 99.50."), status=422,
                       fields={"amount": _("Enter an amount like 100 or 99.50.")}) from exc
    if money.amount <= 0:
        raise AppError(_("Enter an amount greater than zero."), status=422,
                       fields={"amount": _("Enter an amount greater than zero.")})
    return money.amount, money.currency


def _flash_error(exc: AppError) -> None:
    flash(error_text(exc), "error")


# --- enterprise wallet ------------------------------------------------------------------------

@bp.get("/wallet")
@page_login_required(roles=ENTERPRISE)
def wallet():
    org_id = current_user().org_id
    summary = queries.wallet_summary(org_id)
    currency = request.args.get("currency") or (summary["balances"][0]["currency"] if summary["balances"] else "CNY")
    account = db.session.scalar(select(MoneyAccount).where(
        MoneyAccount.owner_kind == "org", MoneyAccount.owner_id == org_id, MoneyAccount.purpose == "wallet",
        MoneyAccount.currency == currency))
    chart = reports.chart_points(reports.balance_history(account.id if account else None))
    recent = []
    if account is not None:
        recent = db.session.execute(select(Transfer, Posting.amount).join(Posting, Posting.transfer_id == Transfer.id)
                                    .where(Posting.account_id == account.id).order_by(Transfer.id.desc())
                                    .limit(20)).all()
    topups = db.session.scalars(select(Topup).where(Topup.org_id == org_id).order_by(Topup.id.desc()).limit(10)).all()
    today = utcnow().date()
    return render_template("payouts/wallet.html", summary=summary, currency=currency, chart=chart, recent=recent,
                           topups=topups, currencies=sorted(CURRENCY_EXPONENTS), today=today)


@bp.post("/wallet/topups")
@page_login_required(roles=ENTERPRISE)
def create_topup():
    user = current_user()
    try:
        amount, currency = _parse_amount()
        topup = services.create_topup(user.org_id, user.id, amount, currency)
        commit()
    except AppError as exc:
        rollback()
        _flash_error(exc)
        return redirect(url_for("payouts.wallet"))
    return redirect(topup.checkout_url)


def _statement_args() -> tuple[int, int, str]:
    today = utcnow().date()
    try:
        year = int(request.args.get("year", today.year))
        month = int(request.args.get("month", today.month))
    except ValueError as exc:
        raise NotFound() from exc
    currency = request.args.get("currency", "CNY").upper()
    if not (2000 <= year <= 2100 and 1 <= month <= 12) or currency not in CURRENCY_EXPONENTS:
        raise NotFound()
    return year, month, currency


@bp.get("/wallet/statement")
@page_login_required(roles=ENTERPRISE)
def statement():
    year, month, currency = _statement_args()
    data = reports.statement(current_user().org_id, currency, year, month)
    previous = (year - (month == 1), 12 if month == 1 else month - 1)
    following = (year + (month == 12), 1 if month == 12 else month + 1)
    return render_template("payouts/statement.html", data=data, previous=previous, following=following,
                           currencies=reports.wallet_currencies(current_user().org_id) or [currency])


@bp.get("/wallet/statement.csv")
@page_login_required(roles=ENTERPRISE)
def statement_csv():
    year, month, currency = _statement_args()
    data = reports.statement(current_user().org_id, currency, year, month)
    return Response(reports.statement_csv(data), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=statement-{year}-{month:02d}-{currency}.csv"})


# --- the offline checkout simulator (manual provider) ------------------------------------------

def _own_topup(topup_id: int) -> Topup:
    topup = db.session.get(Topup, topup_id)
    if topup is None or topup.org_id != current_user().org_id or topup.provider != "manual":
        raise NotFound()
    return topup


@bp.get("/checkout/<int:topup_id>")
@page_login_required(roles=ENTERPRISE)
def checkout(topup_id: int):
    return render_template("payouts/checkout.html", topup=_own_topup(topup_id))


@bp.post("/checkout/<int:topup_id>")
@page_login_required(roles=ENTERPRISE)
def checkout_pay(topup_id: int):
    topup = _own_topup(topup_id)
    outcome = services.confirm_simulated_checkout(topup.id, topup.org_id)
    commit()
    if outcome == "credited":
        flash(_("Payment received: your wallet was credited."), "success")
    else:
        flash(_("This checkout was already paid."), "info")
    return redirect(url_for("payouts.wallet", currency=topup.currency))


# --- member earnings --------------------------------------------------------------------------

@bp.get("/earnings")
@page_login_required(roles=["member"])
def earnings():
    user = current_user()
    summary = queries.earnings_summary(user.id)
    lines = [queries.earning_state(t) for t in db.session.scalars(
        queries.earning_lines_query(user.id).order_by(Transfer.id.desc()).limit(50))]
    payouts = db.session.scalars(select(Payout).where(Payout.member_id == user.id)
                                 .order_by(Payout.id.desc()).limit(10)).all()
    open_payout = next((p for p in payouts if p.status in OPEN_PAYOUT_STATES), None)
    destination = destination_of(user.id)
    return render_template("payouts/earnings.html", summary=summary, lines=lines, payouts=payouts,
                           open_payout=open_payout, destination=destination, notice=services.notice_of(destination),
                           minimum=minimum_payout())


@bp.post("/withdraw")
@page_login_required(roles=["member"])
def withdraw():
    try:
        amount, currency = _parse_amount()
        services.request_payout(current_user().id, amount, currency)
        commit()
        flash(_("Withdrawal requested."), "success")
    except AppError as exc:
        rollback()
        _flash_error(exc)
    return redirect(url_for("payouts.earnings"))


@bp.route("/account", methods=["GET", "POST"])
@page_login_required(roles=["member"])
def payout_account():
    user = current_user()
    provider = get_provider()
    errors: dict = {}
    form = {}
    if request.method == "POST":
        form = {k: request.form.get(k, "") for k in ("method", "holder", "bank_name", "account_number")}
        try:
            if provider.name == "manual":
                services.save_payout_details(user.id, **form)
                commit()
                flash(_("Payout details saved."), "success")
                return redirect(url_for("payouts.earnings"))
            url = services.start_onboarding(user.id)
            commit()
            return redirect(url)
        except AppError as exc:
            rollback()
            errors = exc.fields or {"_form": exc.message}
    destination = destination_of(user.id)
    return render_template("payouts/account.html", provider=provider.name, destination=destination,
                           notice=services.notice_of(destination), errors=errors, form=form,
                           methods=methods.METHODS), 422 if errors else 200


@bp.post("/account/dashboard")
@page_login_required(roles=["member"])
def stripe_dashboard():
    """To the member's Stripe Express dashboard (a one-time link), where bank details change."""
    try:
        return redirect(services.dashboard_link(current_user().id))
    except AppError as exc:
        _flash_error(exc)
        return redirect(url_for("payouts.payout_account"))


# --- admin ------------------------------------------------------------------------------------

@bp.get("/admin")
@page_login_required(roles=["admin"])
def admin_queue():
    open_payouts = db.session.scalars(select(Payout).where(Payout.status.in_(OPEN_PAYOUT_STATES))
                                      .order_by(Payout.id).limit(100)).all()
    destinations = {p.member_id: destination_of(p.member_id) for p in open_payouts}
    names = dict(db.session.execute(select(User.id, User.name).where(User.id.in_(destinations))).all())
    recent = db.session.scalars(select(Payout).where(Payout.status.not_in(OPEN_PAYOUT_STATES))
                                .order_by(Payout.id.desc()).limit(20)).all()
    reconciliations = db.session.scalars(select(Reconciliation).order_by(Reconciliation.id.desc()).limit(10)).all()
    fees = db.session.scalars(select(MoneyAccount).where(MoneyAccount.owner_kind == "platform")).all()
    today = utcnow().date()
    return render_template("payouts/admin.html", open_payouts=open_payouts, destinations=destinations, names=names,
                           recent=recent, reconciliations=reconciliations, platform_accounts=fees,
                           default_from=(today - timedelta(days=30)).isoformat(), default_to=today.isoformat())


@bp.get("/admin/<int:payout_id>/account")
@page_login_required(roles=["admin"])
def admin_payout_account(payout_id: int):
    """The whole account a payout goes to, for the admin who pays it by hand (every view is logged)."""
    payout = db.session.get(Payout, payout_id)
    destination = destination_of(payout.member_id) if payout else None
    if destination is None:
        raise NotFound()
    logger.info("Admin %s viewed the payout account of member %s (payout %s)", current_user().id,
                payout.member_id, payout.id)
    return render_template("payouts/admin_account.html", payout=payout, destination=destination)


@bp.post("/admin/<int:payout_id>")
@page_login_required(roles=["admin"])
def admin_settle(payout_id: int):
    actor = current_user()
    try:
        if request.form.get("action") == "paid":
            services.mark_payout_paid(payout_id, request.form.get("reference") or f"manual-{payout_id}",
                                      actor_id=actor.id)
            flash(_("Payout marked as paid."), "success")
        else:
            services.fail_payout(payout_id, request.form.get("reason", ""), actor_id=actor.id)
            flash(_("Payout marked as failed; the money is back in the member's balance."), "info")
        commit()
    except AppError as exc:
        rollback()
        _flash_error(exc)
    return redirect(url_for("payouts.admin_queue"))


@bp.post("/admin/reconcile")
@page_login_required(roles=["admin"])
def admin_reconcile():
    from datetime import date

    try:
        start = date.fromisoformat(request.form.get("from", ""))
        end = date.fromisoformat(request.form.get("to", ""))
    except ValueError:
        flash(_("Enter both dates as YYYY-MM-DD."), "error")
        return redirect(url_for("payouts.admin_queue"))
    if end < start:
        flash(_("The end date is before the start date."), "error")
        return redirect(url_for("payouts.admin_queue"))
    jobs.enqueue(tasks.reconcile_period, start.isoformat(), (end + timedelta(days=1)).isoformat(),
                 owner_id=current_user().id, description="reconciliation")
    commit()
    flash(_("Reconciliation started; the report appears below when it is done."), "success")
    return redirect(url_for("payouts.admin_queue"))


@bp.get("/admin/reconciliations/<int:report_id>")
@page_login_required(roles=["admin"])
def reconciliation(report_id: int):
    report = db.session.get(Reconciliation, report_id)
    if report is None:
        raise NotFound()
    return render_template("payouts/reconciliation.html", report=report, crossing_labels=CROSSING_LABELS,
                           problem_labels=PROBLEM_LABELS)

