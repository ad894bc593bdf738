"""Finding full personal numbers the agent speaks: card numbers, national IDs, SSNs and the
customer's phone number, in digits or in words (一三八…, 幺, "four five…", "double two"),
possibly read out over several utterances. The last four digits, a masked form ("****1234",
"尾号1234") or the customer saying their own number are not exposures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quality.scoring.text import digits_form, is_chinese

_RUN = re.compile(r"\d(?:[\s\-.,、/]*\d)*(?:[\s\-]*x(?![a-z]))?")
_OWNER = re.compile(r"\byours?\b|\b(callback|call-back|contact|best) number\b|"
                    r"\b(ring|call|text|reach|contact) you (on|at)\b|"
                    r"\b(number|mobile|phone|cell)( number)? (we have|we've got|on file|on the account)\b|"
                    r"\bis this\b|\bfor you\b|你的|你手机|你电话|你号码|你留的|你预留|你登记|你绑定")
_SSN_CONTEXT = re.compile(r"social security|\bssn\b|\b(the|your|his|her|their) social\b(?! media| worker| services)|"
                          r"社保|社会保障")
_PHONE_CONTEXT = re.compile(r"phone|mobile|cell|number|card|\bsms\b|\b(ring|call|text) you (on|at)\b|"
                            r"手机|电话|号码|卡号|联系方式")


# The company's own line named just before a number ("our hotline is 0451-8765 4321", "拨我们的热线",
# "打我们前台电话"):
# a number anyone may be given, not the customer's.
_COMPANY_LINE = re.compile(r"(热线|客服电话|服务电话|官方电话|总机|hotline|helpline|help line|"
                           r"(我们|本店|本公司|咱们)的?(前台|门店|店里|店|公司|客服|服务台|办公室|总部|营业厅|值班室?)的?(电话|号码|座机)|"
                           r"\bour (\w+ ){0,2}(line|number)|\bfreephone|\btoll[- ]free)\D{0,12}$")


# A number named just before as an order, waybill, ticket or reference number ("运单号7788 1234 5566 09",
# "order 2406183309175526", "your refund reference is RF 6620 1453"): it names a thing, not a person.
_REFERENCE = re.compile(r"(运单|订单|单号|工单|快递单|物流单|取件码|票号|"
                        r"\border|\btracking|\breference|\bref\b|\bticket|"
                        r"\binvoice|\bwaybill|\b(case|claim|confirmation|booking) (number|no|id|ref|reference|code))"
                        r"\D{0,8}$")


# Prefixes of freephone and shared-cost lines (China's 400/800, North America's 8xx, the UK's 0800/0808
# and 03, Australia's 1300/1800): a company's, never a person's.
_FREEPHONE = ("400", "800", "888", "877", "866", "855", "844", "833", "1800", "1888", "1300", "0800", "0808",
              "0300", "0330", "0345", "0370")


@dataclass(frozen=True)
class Run:
    utterances: tuple[int, ...]
    digits: str  # digits only (an ID's final X kept)
    raw: str
    company_line: bool = False  # introduced as the company's own line
    reference: bool = False  # introduced as an order, waybill or reference number


def _runs(text: str) -> list[tuple[str, str, bool, bool, bool, bool]]:
    """(digits, raw, at the utterance's start, at its end, introduced as the company's line,
    introduced as an order or reference number) for each number spoken in the text."""
    form = digits_form(text)
    out = []
    for m in _RUN.finditer(form):
        digits = re.sub(r"[^\dx]", "", m.group())
        head, tail = form[:m.start()], form[m.end():]
        at_start = len(re.sub(r"[\W_]", "", head)) <= 8  # "then", "然后", "接着是"
        at_end = not re.search(r"[a-z\u4e00-\u9fff\d]", tail) or len(re.sub(r"[\W_]", "", tail)) <= 4
        out.append((digits, m.group(), at_start, at_end, bool(_COMPANY_LINE.search(head)),
                    bool(_REFERENCE.search(head))))
    return out


def spoken_numbers(texts: list[tuple[int, str, str]]) -> list[Run]:
    """Numbers spoken by one side, given (utterance index, speaker, text) in order; a number that
    ends an utterance of that side and one that starts its next utterance are one number read out
    in two breaths (the other side's digit-free acknowledgements between them are skipped)."""
    runs: list[Run] = []
    open_run: Run | None = None
    for index, speaker, text in texts:
        if speaker != "agent":
            if any(ch.isdigit() for ch in digits_form(text)):
                open_run = None
            continue
        found = _runs(text)
        if not found:
            open_run = None
            continue
        for n, (digits, raw, at_start, _, company_line, reference) in enumerate(found):
            if n == 0 and open_run is not None and at_start:
                runs[-1] = Run((*open_run.utterances, index), open_run.digits + digits, open_run.raw + " " + raw,
                               open_run.company_line, open_run.reference)
            else:
                runs.append(Run((index,), digits, raw, company_line, reference))
        open_run = runs[-1] if found[-1][3] else None
    return runs


def customer_numbers(texts: list[tuple[int, str, str]]) -> dict[str, int]:
    """The numbers of seven digits or more the customer says (their phone number among them), each
    with the utterance index where they first said it."""
    first: dict[str, int] = {}
    for index, speaker, text in texts:
        if speaker == "customer":
            for digits, *_ in _runs(text):
                if len(digits) >= 7:
                    first.setdefault(digits, index)
    return first


def exposure(run: Run, context: str, *, card_digits: int = 12, id_length: int = 18,
             echoed: bool = False) -> str | None:
    """What kind of full number ``run`` is ("card", "national_id", "ssn", "phone"), or None.
    ``context``: the folded text of the utterances it was read in; ``echoed``: the customer said
    this very number earlier (an agent reading back a customer's ten- or eleven-digit number is
    reading out their phone number)."""
    if run.company_line and not echoed:
        return None  # the company's own line ("our hotline is 0451-8765 4321"), not a customer's number
    if run.reference:
        return None  # an order, waybill or reference number, even read back
    digits = run.digits
    if len(digits) == id_length and digits[:-1].isdigit():
        return "national_id"
    digits = digits.replace("x", "")
    if len(digits) >= card_digits:
        return "card"
    if len(digits) == 9 and (_SSN_CONTEXT.search(context) or re.search(r"\d{3}-\d{2}-\d{4}", run.raw)):
        return "ssn"
    if len(digits) == 11 and re.match(r"1[3-9]\d{9}$", digits) and is_chinese(context):
        return "phone"  # a mainland mobile: always a person's (hotlines are 400, 800, 95xxx)
    if len(digits) == 11 and re.match(r"07\d{9}$", digits):
        return "phone"  # a UK mobile, likewise
    if echoed and len(digits) in (10, 11):
        return "phone"
    if _OWNER.search(context) and _PHONE_CONTEXT.search(context) and len(digits) in (10, 11) \
            and not digits.startswith(_FREEPHONE):
        return "phone"
    return None
