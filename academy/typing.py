"""The typing and writing check for chat work, as pure functions: passages, speed and accuracy."""

from __future__ import annotations

import difflib

# Replies a chat agent types every day. Speed is counted in characters per minute, which works for
# both English and Chinese text.
PASSAGES = {
    "en": [
        "Thank you for your patience. I have checked your order and the parcel left our warehouse this "
        "morning. You will receive it within two working days, and I have added a tracking link to your account.",
        "I am sorry the refund has taken longer than expected. I can see it was approved today, so the money "
        "will be back on your original payment method within three to five working days.",
    ],
    "zh": [
        "感谢您的耐心等待。我已经查询了您的订单，包裹今天上午已从仓库发出，预计两个工作日内送达，物流链接已发送到您的账户。",
        "很抱歉退款比预期慢了一些。系统显示退款今天已经审核通过，款项将在三到五个工作日内原路退回到您的支付账户。",
    ],
}
PASS_CPM = {"en": 150, "zh": 40}
PASS_ACCURACY = 0.95


def passage(locale: str, index: int) -> str:
    texts = PASSAGES.get(locale) or PASSAGES["en"]
    return texts[index % len(texts)]


def score(reference: str, typed: str, seconds: float, locale: str) -> dict:
    """Characters per minute (of correctly typed text), accuracy 0..1, and whether the check is passed."""
    typed = " ".join((typed or "").split()) if locale != "zh" else "".join((typed or "").split())
    reference = " ".join(reference.split()) if locale != "zh" else "".join(reference.split())
    accuracy = difflib.SequenceMatcher(None, reference, typed, autojunk=False).ratio() if typed else 0.0
    minutes = max(seconds, 1.0) / 60
    cpm = round(len(typed) * accuracy / minutes)
    threshold = PASS_CPM.get(locale, PASS_CPM["en"])
    return {"cpm": cpm, "accuracy": round(accuracy, 4), "passed": cpm >= threshold and accuracy >= PASS_ACCURACY,
            "cpm_needed": threshold, "accuracy_needed": PASS_ACCURACY}
