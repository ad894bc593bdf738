"""Text normalisation for matching, in Chinese and English.

* full-width forms folded to half-width, case folded, curly quotes made straight;
* traditional Chinese characters folded to simplified through a small table of the characters a
  contact-centre call uses (a full converter is not worth its weight here);
* spoken digits made digits: 一二三 / 幺 / 两 / 〇 in runs, and English "four five", "double
  two", "oh", "two-three";
* Chinese segmented with jieba (loaded once, lazily), English split into words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRAD = str.maketrans(
    "號碼卡電話謝歡迎請問您們這裡個為務員錄對麼嗎還關幫聽說話們實確認證帳戶單訂貨運費購買賬號費務處問題裡"
    "沒難過氣憤擔憂煩壞錯誤壞掉傳時間鐘錢銀行險戶籍郵編驗碼後區號機線聯繫係統網絡資訊謝謝再見見諒歉讓麻煩幫忙"
    "滿意別樣會錄監聽質檢熱線燈鍵講鄭張陳劉慮態歲簡您",
    "号码卡电话谢欢迎请问您们这里个为务员录对么吗还关帮听说话们实确认证帐户单订货运费购买账号费务处问题里"
    "没难过气愤担忧烦坏错误坏掉传时间钟钱银行险户籍邮编验码后区号机线联系系统网络资讯谢谢再见见谅歉让麻烦帮忙"
    "满意别样会录监听质检热线灯键讲郑张陈刘虑态岁简你",
)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "「": '"', "」": '"',
                         "『": '"', "』": '"', "《": '"', "》": '"'})
_ZH_DIGITS = {"零": "0", "〇": "0", "洞": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_ZH_RUN = re.compile("[零〇洞一幺二两三四五六七八九](?:[\\s,，、\\-]*[零〇洞一幺二两三四五六七八九]){2,}")
# Spoken digits mixed with written ones ("7 7 四 六"): a run of three or more, at least one written.
_MIXED_RUN = re.compile("[0-9零〇洞一幺二两三四五六七八九](?:[\\s,，、\\-]*[0-9零〇洞一幺二两三四五六七八九]){2,}")
_EN_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3",
              "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_EN_WORD = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")
_SENTENCE = re.compile(r"[^.!?。！？…]+[.!?。！？…]*")
_ZH_CHAR = re.compile(r"[\u4e00-\u9fff]")


def fold(text: str) -> str:
    """Width, case, quotes and traditional characters folded: the form every phrase is compared in."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_TRAD)
    return text.lower()


def _zh_digits(text: str) -> str:
    # A run of three or more spoken digits is a number read out; "一下" or "两个" is not. Spoken
    # digits among written ones are digits too ("7 7 四 六").
    text = _ZH_RUN.sub(lambda m: "".join(_ZH_DIGITS.get(ch, "") for ch in m.group()), text)
    return _MIXED_RUN.sub(lambda m: "".join(_ZH_DIGITS.get(ch, ch) for ch in m.group())
                          if re.search(r"\d", m.group()) else m.group(), text)


def _en_digits(text: str) -> str:
    # Alternating word, separator, word...: the neighbours of word i are i - 2 and i + 2.
    parts = re.split(r"([^a-z0-9']+)", text)
    out = list(parts)
    for i in range(0, len(parts), 2):
        word = parts[i]
        if word in ("double", "triple") and i + 2 < len(parts) and parts[i + 2] in _EN_DIGITS:
            out[i] = _EN_DIGITS[parts[i + 2]] * (1 if word == "double" else 2)
            out[i + 1] = ""
        elif word in _EN_DIGITS and (word not in ("o", "oh", "one") or _digit_neighbour(parts, i)):
            out[i] = _EN_DIGITS[word]
    return "".join(out)


def _digit_neighbour(parts: list[str], i: int) -> bool:
    """"one" or "oh" is a digit only beside another spoken or written digit."""
    for j in (i - 2, i + 2):
        if 0 <= j < len(parts) and (parts[j] in _EN_DIGITS or parts[j] in ("double", "triple") or parts[j].isdigit()):
            return True
    return False


def digits_form(text: str) -> str:
    """The folded text with every spoken number written in digits."""
    return _en_digits(_zh_digits(fold(text)))


def sentences(text: str) -> list[str]:
    """The sentences of an utterance, with their end punctuation (a question keeps its "?"). A
    quotation that runs over several sentences stays whole, in the sentence that opens it ("he said,
    quote, 'Are you stupid? It's your house.' Is that right?" is two sentences, the first holding
    the whole quotation), so that what it quotes is read as quoted. The full stop of a title or an
    abbreviation ("Mrs. Marsh", "p.m.") or a decimal point ends no sentence."""
    spans: list[list[int]] = []
    for m in _SENTENCE.finditer(text):
        if not m.group().strip(" ,，"):
            continue
        if spans and (_inside_a_quotation(text, *spans[-1]) or _not_an_end(text, spans[-1][1])):
            spans[-1][1] = m.end()
        else:
            spans.append([m.start(), m.end()])
    return [text[a:b].strip() for a, b in spans] or [text]


# A full stop that ends a title ("Mrs. Marsh"), an initial or a letter of "p.m." / "e.g." ("four
# fifteen p.m., and"), not a sentence.
_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:mr|mrs|ms|mx|dr|prof|jr|sr|vs|[a-z])\.$", re.IGNORECASE)


def _not_an_end(text: str, end: int) -> bool:
    """Whether the full stop before ``end`` ends an abbreviation or is a decimal point ("3.5")."""
    head = text[:end]
    if not head.endswith("."):
        return False
    if end < len(text) and text[end].isdigit() and head[-2:-1].isdigit():
        return True
    return bool(_ABBREVIATION.search(head))


_SINGLE_OPENS = re.compile(r"(?<![A-Za-z0-9])['‘](?=[A-Za-z0-9])")
_SINGLE_CLOSES = re.compile(r"(?<=[A-Za-z0-9.?!,;:])['’](?![A-Za-z0-9])")


def _inside_a_quotation(text: str, start: int, end: int) -> bool:
    """Whether the sentence from ``start`` to ``end`` opens a quotation that the text closes later."""
    return _open_quote(text[start:end]) and not _open_quote(text[start:])


def _open_quote(text: str) -> bool:
    """Whether a quotation opened in ``text`` is not closed by its end (an apostrophe inside a word
    opens and closes nothing)."""
    if text.count('"') % 2 or text.count("“") > text.count("”") or text.count("「") > text.count("」") \
            or text.count("『") > text.count("』"):
        return True
    return len(_SINGLE_OPENS.findall(text)) > len(_SINGLE_CLOSES.findall(text))


def is_chinese(text: str) -> bool:
    return bool(_ZH_CHAR.search(text))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    """Words of folded text: jieba's segmentation for Chinese, words and digit runs for English."""
    if is_chinese(text):
        return tuple(t for t in _jieba().lcut(text) if t.strip())
    return tuple(_EN_WORD.findall(text))


def is_question(sentence: str) -> bool:
    """A sentence that asks: ends with a question mark, or a Chinese question particle or form."""
    s = sentence.strip().rstrip("。.!！ ")
    if s.endswith(("?", "？")):
        return True
    return bool(re.search(r"(吗|么|呢|是否|有没有|可不可以|能不能|对不对|是不是|好不好)", s))
