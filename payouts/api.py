"""Money API: enterprise wallet and top-ups, member earnings and withdrawals, admin settlement."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response, url_for
from sqlalchemy import select

from app import jobs
from app.auth.guards import require_user, scope_to_member, token_auth
from app.auth.models import ORG_ROLES
from app.database import commit
from app.errors import NotFound
from app.extensions import db
from app.paging import PageQuery, page_schema, paginate
from app.schemas import JobAcceptedOut
from payouts import methods, queries, reports, services, tasks
from payouts.models import MoneyAccount, Payout, Posting, Transfer
from payouts.schemas import (
    AmountIn,
    DashboardLinkOut,
    EarningsOut,
    FailIn,
    PayoutAccountIn,
    PayoutAccountOut,
    PayoutOut,
    ReconcileIn,
    SettleIn,
    StatementOut,
    StatementQuery,
    TopupOut,
    TransferLineOut,
    WalletOut,
)
from payouts.services.payouts import destination_of

bp = APIBlueprint("payouts_api", __name__, url_prefix="/api/v1", tag="Payouts")

ENTERPRISE = list(ORG_ROLES)


def _org_id() -> int:
    user = require_user()
    if user.org_id is None:
        raise NotFound()
    return user.org_id


@bp.get("/wallet")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(WalletOut)
@bp.doc(summary="The organization's wallet: available balance and escrow per currency")
def get_wallet():
    return queries.wallet_summary(_org_id())


@bp.post("/wallet/topups")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(AmountIn, arg_name="data")
@bp.output(TopupOut, status_code=201)
@bp.doc(summary="Start a wallet top-up: returns the checkout URL",
        description="The wallet is credited only when the provider confirms the payment "
                    "(Stripe's signed `checkout.session.completed` / `payment_intent.succeeded`).",
        responses=[422])
def create_topup(data):
    user = require_user()
    topup = services.create_topup(_org_id(), user.id, data["amount"], data["currency"])
    commit()
    return topup


@bp.get("/wallet/transfers")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(TransferLineOut))
@bp.doc(summary="Movements of the organization's wallets, newest first")
def wallet_transfers(page):
    org_id = _org_id()
    wallet_ids = select(MoneyAccount.id).where(MoneyAccount.owner_kind == "org", MoneyAccount.owner_id == org_id,
                                                MoneyAccount.purpose == "wallet")
    stmt = select(Posting).where(Posting.account_id.in_(wallet_ids))

    def line(posting: Posting) -> dict:
        t = db.session.get(Transfer, posting.transfer_id)
        return {"id": t.id, "reason": t.reason, "amount": posting.amount, "currency": t.currency,
                "campaign_id": t.campaign_id, "interaction_id": t.interaction_id, "created_at": t.created_at}

    return paginate(stmt, Posting.id, serialize=line, **page)


@bp.get("/wallet/statement")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(StatementQuery, location="query", arg_name="query")
@bp.output(StatementOut)
@bp.doc(summary="A monthly statement: opening, top-ups, holds, releases, refunds, closing")
def wallet_statement(query):
    data = reports.statement(_org_id(), query["currency"], query["year"], query["month"])
    for line in data["lines"]:
        line["created_at"] = line["created_at"].isoformat()
    return data


@bp.get("/wallet/statement.csv")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.input(StatementQuery, location="query", arg_name="query")
@bp.doc(summary="The monthly statement as CSV")
def wallet_statement_csv(query):
    data = reports.statement(_org_id(), query["currency"], query["year"], query["month"])
    name = f"statement-{query['year']}-{query['month']:02d}-{query['currency']}.csv"
    return Response(reports.statement_csv(data), mimetype="text/csv",
                    headers={"Content-Disposition": f"attachment; filename={name}"})


@bp.get("/earnings")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(EarningsOut)
@bp.doc(summary="The caller's earnings: totals by state and one line per interaction")
def get_earnings(page):
    user = require_user()
    result = paginate(queries.earning_lines_query(user.id), Transfer.id, serialize=queries.earning_state, **page)
    return {**queries.earnings_summary(user.id), **result}


@bp.get("/payouts")
@bp.auth_required(token_auth, roles=["member", "admin"])
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(PayoutOut))
@bp.doc(summary="Payouts: the caller's own (members) or all (admins), newest first")
def list_payouts(page):
    return paginate(scope_to_member(select(Payout), Payout.member_id, require_user()), Payout.id, **page)


@bp.post("/payouts")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(AmountIn, arg_name="data")
@bp.output(PayoutOut, status_code=201)
@bp.doc(summary="Withdraw from the available balance",
        description="At least the minimum, at most the available balance, one open request at a time "
                    "(409 `payout_in_progress`); a payout account must be connected (409 `no_payout_account`).",
        responses=[409, 422])
def create_payout(data):
    payout = services.request_payout(require_user().id, data["amount"], data["currency"])
    commit()
    return db.session.get(Payout, payout.id)


@bp.get("/payouts/account")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(PayoutAccountOut)
@bp.doc(summary="The caller's payout account", responses=[404])
def get_payout_account():
    destination = destination_of(require_user().id)
    if destination is None:
        raise NotFound()
    return _account_json(destination)


def _account_json(destination, onboarding_url: str | None = None) -> dict:
    """The account as the member may see it: the number masked, never whole."""
    return {"provider": destination.provider, "status": destination.status, "method": destination.method,
            "holder": destination.holder, "bank_name": destination.bank_name,
            "account_masked": methods.mask(destination.method, destination.account_number)
            if destination.account_number else None,
            "details": methods.describe(destination), "onboarding_url": onboarding_url,
            "notice": services.notice_of(destination)}


@bp.put("/payouts/account")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(PayoutAccountIn, arg_name="data")
@bp.output(PayoutAccountOut)
@bp.doc(summary="Manual provider: save the account you are paid to (bank, Alipay or WeChat Pay)",
        responses=[422])
def put_payout_account(data):
    destination = services.save_payout_details(require_user().id, **data)
    commit()
    return _account_json(destination)


@bp.post("/payouts/account/onboarding")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(PayoutAccountOut)
@bp.doc(summary="Start connecting a payout account (Stripe Connect onboarding link)")
def start_onboarding():
    user = require_user()
    url = services.start_onboarding(user.id)
    commit()
    destination = destination_of(user.id)
    if destination is None:
        return {"provider": "manual", "status": "pending", "details": None, "onboarding_url": url, "notice": None}
    return _account_json(destination, url)


@bp.post("/payouts/account/dashboard")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(DashboardLinkOut)
@bp.doc(summary="A one-time link to your Stripe Express dashboard (bank details, Stripe's own payouts)",
        description="409 `no_connected_account` when payouts do not go through a Stripe account.",
        responses=[409])
def dashboard_link():
    return {"url": services.dashboard_link(require_user().id)}


@bp.post("/admin/payouts/<int:payout_id>/settle")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(SettleIn, arg_name="data")
@bp.output(PayoutOut)
@bp.doc(summary="Mark a manual payout as paid", tags=["Administration"], responses=[404, 409])
def settle_payout(payout_id, data):
    payout = services.mark_payout_paid(payout_id, data["provider_ref"] or f"manual-{payout_id}",
                                       actor_id=require_user().id)
    commit()
    return payout


@bp.post("/admin/payouts/<int:payout_id>/fail")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(FailIn, arg_name="data")
@bp.output(PayoutOut)
@bp.doc(summary="Mark a payout as failed: the money returns to the member's available balance",
        tags=["Administration"], responses=[404, 422])
def fail_payout(payout_id, data):
    payout = services.fail_payout(payout_id, data["reason"], actor_id=require_user().id)
    commit()
    return payout


@bp.post("/admin/payouts/reconciliations")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(ReconcileIn, arg_name="data")
@bp.output(JobAcceptedOut, status_code=202)
@bp.doc(summary="Reconcile our transfers with the provider for a period (a job)", tags=["Administration"])
def start_reconciliation(data):
    from datetime import timedelta

    user = require_user()
    if data["end"] < data["start"]:
        from app.errors import ValidationError

        raise ValidationError(fields={"to": "Must not be before from."})
    job_id = jobs.enqueue(tasks.reconcile_period, data["start"].isoformat(),
                          (data["end"] + timedelta(days=1)).isoformat(), owner_id=user.id,
                          description="reconciliation")
    commit()
    return {"job_id": job_id, "status_url": url_for("accounts_api.job_status", job_id=job_id)}
