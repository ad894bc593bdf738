"""How the pages show values to people, one way everywhere: money in major units with the
currency named in the page's language ("最低 10.00 元", "10.00 CNY")."""

from __future__ import annotations

from flask import Flask
from flask_babel import get_locale

from app.money import Money

# The currency as a Chinese page names it after an amount; other languages show the ISO code.
CURRENCY_NAMES_ZH = {"CNY": "元", "USD": "美元", "HKD": "港元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元",
                     "TWD": "新台币", "SGD": "新加坡元", "KRW": "韩元"}


def _language() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def money_text(amount: int | Money | None, currency: str | None = None) -> str:
    """Minor units (or a Money) as people read them: ``1,234.56 元`` on a Chinese page, ``1,234.56 CNY``
    otherwise; ``—`` for no amount."""
    if amount is None:
        return "—"
    money = amount if isinstance(amount, Money) else Money(int(amount), currency or "")
    unit = CURRENCY_NAMES_ZH.get(money.currency, money.currency) if _language() == "zh" else money.currency
    return f"{money.major()} {unit}"


def register(app: Flask) -> None:
    """The template filters every page uses: ``{{ amount|money(currency) }}``."""
    app.add_template_filter(money_text, "money")
