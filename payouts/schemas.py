"""Request and response schemas of the money API. Amounts are integer minor units."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.money import CURRENCY_EXPONENTS

CURRENCY = fields.String(required=True, validate=validate.OneOf(sorted(CURRENCY_EXPONENTS)),
                         metadata={"description": "ISO 4217 code, e.g. CNY, USD."})


class AmountIn(Schema):
    amount = fields.Integer(required=True, strict=True, validate=validate.Range(min=1),
                            metadata={"description": "Minor units (fen, cents): a positive whole number."})
    currency = CURRENCY


class BalanceOut(Schema):
    currency = fields.String()
    available = fields.Integer()
    in_escrow = fields.Integer()


class WalletOut(Schema):
    org_id = fields.Integer()
    balances = fields.List(fields.Nested(BalanceOut))


class TopupOut(Schema):
    id = fields.Integer()
    amount = fields.Integer()
    currency = fields.String()
    status = fields.String()
    provider = fields.String()
    checkout_url = fields.String()
    created_at = fields.DateTime()
    paid_at = fields.DateTime(allow_none=True)


class TransferLineOut(Schema):
    id = fields.Integer()
    reason = fields.String()
    amount = fields.Integer(metadata={"description": "Signed: positive into the account."})
    currency = fields.String()
    campaign_id = fields.Integer(allow_none=True)
    interaction_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()


class StatementQuery(Schema):
    year = fields.Integer(required=True, validate=validate.Range(min=2000, max=2100))
    month = fields.Integer(required=True, validate=validate.Range(min=1, max=12))
    currency = CURRENCY


class StatementOut(Schema):
    org_id = fields.Integer()
    currency = fields.String()
    year = fields.Integer()
    month = fields.Integer()
    opening = fields.Integer()
    closing = fields.Integer()
    totals = fields.Dict(keys=fields.String(), values=fields.Integer())
    lines = fields.List(fields.Dict())


class EarningTotalsOut(Schema):
    currency = fields.String()
    pending = fields.Integer()
    available = fields.Integer()
    in_transit = fields.Integer()
    paid = fields.Integer()


class EarningOut(Schema):
    id = fields.Integer()
    interaction_id = fields.Integer(allow_none=True)
    campaign_id = fields.Integer(allow_none=True)
    amount = fields.Integer()
    net_amount = fields.Integer(allow_none=True, metadata={"description": "After the platform fee, once approved."})
    currency = fields.String()
    state = fields.String(metadata={"description": "pending | approved | reversed"})
    created_at = fields.DateTime()


class EarningsOut(Schema):
    totals = fields.List(fields.Nested(EarningTotalsOut))
    items = fields.List(fields.Nested(EarningOut))
    next_cursor = fields.String(allow_none=True)


class PayoutOut(Schema):
    id = fields.Integer()
    member_id = fields.Integer()
    amount = fields.Integer()
    currency = fields.String()
    status = fields.String(metadata={"description": "requested | processing | paid | failed"})
    provider = fields.String()
    provider_ref = fields.String(allow_none=True)
    failure_reason = fields.String(allow_none=True)
    scheduled = fields.Boolean()
    requested_at = fields.DateTime()
    settled_at = fields.DateTime(allow_none=True)


class PayoutAccountIn(Schema):
    method = fields.String(required=True, validate=validate.OneOf(["bank", "alipay", "wechat"]),
                           metadata={"description": "Manual provider: a bank account, Alipay or WeChat Pay."})
    holder = fields.String(required=True, validate=validate.Length(max=120),
                           metadata={"description": "The account holder's full name."})
    bank_name = fields.String(load_default="", validate=validate.Length(max=120),
                              metadata={"description": "The bank (bank accounts only)."})
    account_number = fields.String(required=True, validate=validate.Length(max=254), metadata={
        "description": "Bank: the account number (10-30 digits); Alipay: mobile number or e-mail; "
                       "WeChat Pay: mobile number or WeChat ID."})


class BankNoticeOut(Schema):
    code = fields.String(metadata={"description": "Stripe's payout failure code, e.g. `account_closed`"})
    message = fields.String(metadata={"description": "What went wrong, in the caller's language"})
    advice = fields.String(metadata={"description": "What to do about it"})
    amount = fields.Integer(allow_none=True, metadata={"description": "Minor units"})
    currency = fields.String(allow_none=True)
    payout_ref = fields.String(allow_none=True, metadata={"description": "The provider's id of the bank payout"})
    failed_at = fields.DateTime(allow_none=True)


class PayoutAccountOut(Schema):
    provider = fields.String()
    status = fields.String()
    method = fields.String(allow_none=True, metadata={"description": "bank, alipay or wechat (manual provider)"})
    holder = fields.String(allow_none=True)
    bank_name = fields.String(allow_none=True)
    account_masked = fields.String(allow_none=True, metadata={"example": "****1234"})
    details = fields.String(allow_none=True, metadata={
        "description": "The account in words, masked, e.g. `Bank ****1234, 招商银行`."})
    onboarding_url = fields.String(allow_none=True)
    notice = fields.Nested(BankNoticeOut, allow_none=True, metadata={
        "description": "Set when the bank refused a payout from the connected account, until one goes through"})


class DashboardLinkOut(Schema):
    url = fields.String(metadata={"description": "A one-time link to the Stripe Express dashboard"})


class SettleIn(Schema):
    provider_ref = fields.String(load_default=None, validate=validate.Length(max=120))


class FailIn(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))


class ReconcileIn(Schema):
    start = fields.Date(required=True, data_key="from")
    end = fields.Date(required=True, data_key="to")
