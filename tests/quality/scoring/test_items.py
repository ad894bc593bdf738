# ruff: noqa: E501 -- a table of conversations reads best one case a line
"""Each item of the standard scorecard, in Chinese and English, on passing and failing calls,
including the hard cases the QA issue names."""

from __future__ import annotations

import pytest

from tests.quality.scoring.helpers import call, item

GREET = {"zh": ("a", "您好，星河银行，我是小郑，请问有什么可以帮您？"), "en": ("a", "Thank you for calling Harbor Bank, this is Tom.")}


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "这里是城南燃气客服小郑，您请讲。")], True),
    ("zh", [("a", "喂，说。")], False),
    ("zh", [("a", "早上好，優選商城，王芳很高興為您服務。")], True),  # traditional characters
    ("en", [("a", "Good morning, Skyline Broadband, Priya speaking.")], True),
    ("en", [("a", "Yeah? What is it?")], False),
    ("en", [("a", "Hello, go ahead.")], False),
])
def test_greeting(language, turns, passed):
    assert item(call(*turns, ("c", "hi" if language == "en" else "你好")), "greeting", language).passed is passed


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_greeting_after_15_seconds_fails_and_quotes_the_utterance(language):
    result = item(call(GREET[language], first=16.5), "greeting", language)
    assert result.passed is False
    assert [(e.utterance, e.start) for e in result.evidence] == [(0, 16.5)]


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "为了核实您的身份，请提供一下您的保单号。"), ("c", "PA22071183。")], True),
    ("zh", [("a", "请问您贵姓？这个账户是您本人的吗？")], True),
    ("zh", [("c", "我的订单号是58213307，你们查一下。"), ("a", "好的。")], False),  # volunteered only
    ("en", [("a", "Could you read me the last four digits of the card on file?")], True),
    ("en", [("a", "And who am I speaking with today?")], True),
    ("en", [("c", "My order number is SR 77 120 945, by the way."), ("a", "Right, okay.")], False),
    ("en", [("a", "I don't need your account number for this.")], False),  # negated
])
def test_verification(language, turns, passed):
    assert item(call(GREET[language], *turns), "verification", language).passed is passed


@pytest.mark.parametrize(("language", "text", "passed"), [
    ("zh", "为了保障服务质量，本次通话将被录音。", True),
    ("zh", "提醒您一下，这通电话是有录音的。", True),
    ("zh", "您放心，这次通话不会录音。", False),
    ("zh", "好的，我已经把您的投诉记录下来了。", False),
    ("en", "Please note this call may be recorded for quality purposes.", True),
    ("en", "Just so you know, this call is not being recorded.", False),
    ("en", "I've recorded your complaint on the system.", False),
])
def test_disclosure(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "disclosure", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("c", "我在机场托运的行李丢了。"), ("a", "非常抱歉给您带来了不便，我马上帮您处理。")], True),
    ("zh", [("c", "我在机场托运的行李丢了。"), ("a", "不好意思，您能再说一遍吗？")], False),
    ("zh", [("c", "我想问一下会员积分怎么兑换优惠券。"), ("a", "可以的，我发短信给您。")], None),
    ("en", [("c", "My card got declined and I'm really upset."), ("a", "I'm so sorry, that must be embarrassing.")], True),
    ("en", [("c", "My card got declined and I'm really upset."), ("a", "Sorry, could you repeat that?")], False),
    ("en", [("c", "My card got declined."), ("a", "Sorry for the wait.")], False),
    ("en", [("c", "I'd like to add a checked bag to my booking."), ("a", "Sure, done.")], None),
])
def test_empathy(language, turns, passed):
    assert item(call(GREET[language], *turns), "empathy", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "我已经帮您改签了。"), ("a", "请问还有其他可以帮您的吗？")], True),
    ("zh", [("a", "我已经帮您改签了。"), ("a", "我这边就这些了。")], False),
    ("en", [("a", "I've rebooked you."), ("a", "Does that solve the problem for you?")], True),
    ("en", [("a", "I've rebooked you."), ("a", "I don't have anything else for you.")], False),
])
def test_resolution_confirmed(language, turns, passed):
    assert item(call(GREET[language], ("c", "..."), *turns, ("c", "ok")), "resolution_confirmed", language).passed is passed


@pytest.mark.parametrize(("language", "last", "passed"), [
    ("zh", "感谢您的来电，祝您生活愉快，再见！", True),
    ("zh", "行了，就这样。", False),
    ("en", "Thank you for your patience. Goodbye and take care.", True),
    ("en", "Okay. Bye.", False),
])
def test_closing_reads_the_agents_last_utterance(language, last, passed):
    result = item(call(GREET[language], ("c", "ok"), ("a", last), ("c", "bye")), "closing", language)
    assert result.passed is passed
    assert result.evidence[0].utterance == 2


@pytest.mark.parametrize(("language", "before", "gap", "passed"), [
    ("en", "Okay, I'm looking at your records.", 9.5, True),
    ("en", "Okay, I'm looking at your records.", 11.0, False),
    ("en", "Could you hold for a moment while I check?", 30.0, True),
    ("zh", "我看一下您的记录。", 9.5, True),
    ("zh", "我看一下您的记录。", 11.0, False),
    ("zh", "请您稍等，我帮您查询一下。", 30.0, True),
])
def test_long_silence(language, before, gap, passed):
    raw = call(GREET[language], ("a", before), ("a", "ok" if language == "en" else "好的", gap))
    result = item(raw, "long_silence", language)
    assert result.passed is passed
    if not passed:
        assert [e.utterance for e in result.evidence] == [1, 2]


def test_a_silence_after_please_hold_and_the_customers_ok_is_excused():
    raw = call(GREET["en"], ("a", "Bear with me a second, I'll put you on hold."), ("c", "Sure."),
               ("a", "Thanks for holding.", 25.0))
    assert item(raw, "long_silence").passed is True


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "这种问题也要打电话？你自己不看说明的吗？")], False),
    ("zh", [("a", "您可真行，这都能弄坏。")], False),  # sarcasm
    ("zh", [("c", "这破玩意儿真他妈烦人！"), ("a", "非常抱歉，我来帮您处理。")], True),  # the customer swears
    ("zh", [("a", "这不是您的错，是系统的问题。")], True),  # negated
    ("zh", [("a", "您说之前的同事骂您“白痴”，这个我会上报。")], True),  # a neutral quote
    ("en", [("a", "I already told you that, were you even listening?")], False),
    ("en", [("a", "Wow, great job, genius, you unplugged it yourself.")], False),  # sarcasm
    ("en", [("c", "This damn thing is useless!"), ("a", "I'm sorry, let's fix it.")], True),
    ("en", [("a", "This isn't your fault at all, the system glitched.")], True),
    ("en", [("a", "I've noted that the previous agent used the word 'idiot' with you.")], True),
])
def test_forbidden_language(language, turns, passed):
    result = item(call(GREET[language], *turns), "forbidden_language", language)
    assert result.passed is passed
    assert result.auto_fail


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "我看到您绑定的卡号是6222 0210 3345 6789，对吧？")], False),
    ("zh", [("a", "您的手机号是一三八，幺二三四，五六七八，对吧？")], False),  # spoken digits, 幺
    ("zh", [("a", "您的卡号是6222 0210"), ("c", "嗯。"), ("a", "3345 6789，对吧？")], False),  # split
    ("zh", [("a", "您的身份证号码是110105198803071234，没错吧？")], False),
    ("zh", [("a", "是尾号8821的那张卡吗？")], True),
    ("zh", [("c", "我的手机号是138 1234 5678。"), ("a", "好的，已经备注了。")], True),  # the customer's own
    ("en", [("a", "Let me read it back: four five three two, seven seven eight eight, one two zero zero, nine three four five.")], False),
    ("en", [("a", "So your number's six oh two, four four one, nine nine three oh, yes?")], False),
    ("en", [("a", "The card number is five four one two, double seven three one, zero zero four four, eight eight one six.")], False),
    ("en", [("a", "Your social security number is 512-44-9087, yes?")], False),
    ("en", [("a", "Is that the card ending in 8821?")], True),
    ("en", [("c", "The card is 4532 7788 1200 9345."), ("a", "Thanks, I've found that card.")], True),
    ("en", [("a", "Your order 58213307 ships today.")], True),
])
def test_pii_exposure(language, turns, passed):
    result = item(call(GREET[language], *turns), "pii_exposure", language)
    assert result.passed is passed
    if not passed:
        assert all(e.text for e in result.evidence)


@pytest.mark.parametrize(("language", "text", "passed"), [
    # second person with a derogatory word
    ("zh", "你这种人啊，我一天能接到十个。", False),
    ("zh", "这么简单的设置都不会，我也没办法。", False),
    ("en", "Honestly, people like you are why this queue is so long.", False),
    ("en", "Do you even know where your meter is?", False),
    # sarcasm
    ("zh", "停电了您也要打客服？", False),
    ("zh", "您是看不懂短信吗？上面写得清清楚楚。", False),
    ("en", "Revolutionary idea, I know: check the plug.", False),
    ("en", "Of course you didn't keep the receipt.", False),
    # rude blame
    ("zh", "谁叫你自己把密码告诉别人的。", False),
    ("zh", "那是你自己的问题，我们管不了。", False),
    ("en", "Well, that's entirely on you for ignoring three reminders.", False),
    ("en", "Maybe read the email next time instead of calling us.", False),
    # threats
    ("zh", "你再这样闹，我就把你的投诉作废。", False),
    ("zh", "不交钱就等着停电吧。", False),
    ("en", "Pay today or I'll cancel your contract.", False),
    ("en", "If you keep ringing every hour, I'll block this number.", False),
    # swearing by the agent
    ("en", "For god's sake, just restart it.", False),
    # the same words said politely, negated or innocently: no fault
    ("zh", "这不是你自己的问题，是系统出错了。", True),
    ("zh", "我给您妈妈的号码也办好了。", True),
    ("zh", "您可以把这个骚扰号码拉黑。", True),
    ("zh", "这个问题我们都不会收费的。", True),
    ("zh", "您是第一次用我们的App吗？我一步步带您操作。", True),
    ("en", "This isn't on you, the courier lost it.", True),
    ("en", "Maybe check the settings first, then we can try a reset.", True),
    ("en", "If you keep the receipt, we'll refund it in full.", True),
    ("en", "Let me know by Friday or I'll have the engineer call you.", True),
])
def test_rudeness_worded_without_a_listed_phrase(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("c", "我要报理赔。"), ("a", "报案号。")], True),  # a curt request is still a request
    ("zh", [("c", "我要改套餐。"), ("a", "您的手机号是？")], True),
    ("en", [("c", "It's about my claim."), ("a", "Claim number, please.")], True),
    ("en", [("c", "It's about my claim."), ("a", "Your claim number is on the letter we sent.")], False),
    ("zh", [("c", "我要报理赔。"), ("a", "报案号我们会短信发给您。")], False),
])
def test_verification_by_a_curt_request(language, turns, passed):
    assert item(call(GREET[language], *turns), "verification", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("en", [("a", "What's the mobile on the account?"), ("c", "07700 900123."), ("a", "07700 900123, thanks.")], False),
    ("en", [("a", "What's the phone number on the account?"), ("c", "212 555 0188."), ("a", "212 555 0188, got it.")], False),
    ("en", [("a", "What's the phone number on the account?"), ("c", "212 555 0188."), ("a", "Got it, thanks.")], True),
    ("en", [("a", "Our helpline is 0800 555 0199 if you need us.")], True),
])
def test_reading_back_the_customers_number_exposes_it(language, turns, passed):
    assert item(call(GREET[language], *turns), "pii_exposure", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "applies", "passed"), [
    ("zh", [("c", "我的订单付了两次钱。"), ("a", "给您添麻烦了，我马上处理。")], True, True),
    ("zh", [("c", "我车被人刮了，对方跑了。"), ("a", "好的，保单号报一下。")], True, False),
    ("zh", [("c", "我想给我妈妈的号办个副卡。"), ("a", "好的。")], False, None),
    ("en", [("c", "I missed my connection and I'm stuck in Frankfurt."), ("a", "Oh no, that's rough, let's get you moving.")], True, True),
    ("en", [("c", "Someone reversed into my car and I feel so stupid."), ("a", "Please don't feel stupid, it happens to a lot of people.")], True, True),
    ("en", [("c", "I smelled gas by the meter."), ("a", "Sorry, could you repeat that?")], True, False),
])
def test_problems_and_empathy_in_natural_words(language, turns, applies, passed):
    result = item(call(GREET[language], *turns), "empathy", language)
    assert result.passed is passed
    assert (result.passed is not None) is applies


@pytest.mark.parametrize(("language", "text", "passed"), [
    # talking down
    ("zh", "讲慢一点您总该听明白了吧。", False),
    ("zh", "跟您说了多少遍了，要先激活。", False),
    ("en", "I'll go through it again, since you're obviously not keeping up.", False),
    ("en", "How many times do I have to say it: the router, not the phone.", False),
    # sarcasm and mockery
    ("zh", "对对对，我们的师傅整天闲着，专门等您呢。", False),
    ("zh", "您还知道要看账单啊？", False),
    ("en", "Oh sure, because we've got nothing better to do all day.", False),
    ("en", "Sure you did.", False),
    # rude blame and brushing off
    ("zh", "早干嘛去了？现在才想起来。", False),
    ("zh", "我怎么知道您的快递去哪了。", False),
    ("en", "Well, that's what you get for buying the cheapest plan.", False),
    ("en", "I don't have all day, what's the account number?", False),
    # threats phrased as promises
    ("zh", "您要是再这么一遍遍打，我保证以后没人接您的电话。", False),
    ("en", "Carry on like this and nobody here will ever pick up for you again.", False),
    # swearing counts even negated
    ("en", "Not my damn problem, mate.", False),
    ("zh", "这他妈不是我们的问题。", False),
    # polite sentences that share words with the patterns: no fault
    ("zh", "您还知道当时的快递单号吗？", True),
    ("zh", "我还以为您已经收到了呢，我马上帮您查。", True),
    ("zh", "您觉得这个方案合适吗？", True),
    ("zh", "真是难为您了，跑了这么多趟。", True),
    ("zh", "您别想太多了，我们会处理好的。", True),
    ("zh", "您要是再有问题没人接，就打这个号码。", True),
    ("zh", "这也不会影响您的信用记录。", True),
    ("zh", "我慢慢说，您有不明白的随时问我。", True),
    ("en", "Oh great, you've found the receipt!", True),
    ("en", "I'll make sure you don't get charged again.", True),
    ("en", "Just make sure you do.", True),
    ("en", "You'll never get charged twice again, I promise.", True),
    ("en", "Let me put it in simple words for you.", True),
    ("en", "I'm sorry you're calling for the third time about this.", True),
    ("en", "Is that Dick Thompson on the account?", True),
    ("en", "A child can travel free on that route.", True),
    ("en", "Yeah, right, so the next step is the form.", True),
    ("en", "You can watch it arrive in the app, or else call us.", True),
    ("en", "There's no such thing as a dumb question, so ask away.", True),
    # a quotation running over two sentences is read whole, as quoted
    ("en", "I'm so sorry. He said, quote, 'Are you stupid or something, love? It's your house.' Is that word for "
           "word?", True),
    ("en", "He said 'fine.' Are you stupid or something?", False),
    ("en", "Honestly, that's a dumb question.", False),
])
def test_more_rudeness_classes_and_their_polite_neighbours(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # the customer objects to how they were spoken to: the agent's words before it fail
    ("zh", [("c", "我的理赔被拒了。"), ("a", "那您就慢慢等着吧。"), ("c", "你这是什么态度？")], False),
    ("zh", [("c", "我要改地址。"), ("a", "您这个要求我们处理不了。"), ("c", "你这话什么意思？我要投诉你！")], False),
    ("en", [("c", "My parcel never came."), ("a", "Right, well, these things happen to people who order cheap stuff."),
            ("c", "There's no need to talk to me like that.")], False),
    ("en", [("c", "The bill is wrong."), ("a", "Okay, and?"), ("c", "Are you mocking me?")], False),
    # not an objection to this agent: someone else, the reason for calling, or the company
    ("zh", [("c", "上次那个客服什么态度！"), ("a", "非常抱歉给您带来不好的体验，我来帮您处理。")], True),
    ("zh", [("c", "我的网断了。"), ("a", "抱歉，我帮您报修。"), ("c", "我要投诉你们公司，三天了还没修。")], True),
    ("en", [("c", "The engineer was so rude to me yesterday."), ("a", "I'm so sorry, that's not okay.")], True),
    ("en", [("c", "I was charged twice."), ("a", "I'm sorry, I'll refund one."), ("c", "He said you're rude, but you've been great.")], True),
])
def test_a_customer_objecting_to_the_agents_words(language, turns, passed):
    result = item(call(GREET[language], *turns), "forbidden_language", language)
    assert result.passed is passed
    if not passed:
        assert [e.text for e in result.evidence] == [turns[-2][1], turns[-1][1]]  # the words, the objection


def test_objections_can_be_switched_off_for_a_custom_card():
    from quality.scoring import score, validate_card
    from quality.scoring.cards import template
    from quality.scoring.transcript import parse_transcript

    card = template("standard")
    forbidden = next(i for s in card["sections"] for i in s["items"] if i["key"] == "forbidden_language")
    forbidden["params"]["objections"] = False
    assert validate_card(card) == []
    raw = call(GREET["en"], ("c", "The bill is wrong."), ("a", "Okay, and?"), ("c", "Are you mocking me?"))
    result = score(card, parse_transcript(raw), "en")
    assert next(r for r in result.items if r.key == "forbidden_language").passed is True


@pytest.mark.parametrize(("language", "turns", "applies", "passed"), [
    ("zh", [("c", "我腰疼得厉害，网上一直挂不上号。"), ("a", "听起来很难受，我帮您看看。")], True, True),
    ("zh", [("c", "我买的充电器插不上。"), ("a", "订单号多少？")], True, False),
    ("zh", [("c", "账单上多了一个业务，好烦啊。"), ("a", "确实挺让人烦的，我帮您退掉。")], True, True),
    ("zh", [("c", "我想问一下周六有没有门诊。"), ("a", "有的。")], False, None),
    ("zh", [("c", "能不能把预约改到下午？来不来得及？"), ("a", "可以的。")], False, None),
    ("en", [("c", "I'm not getting the security texts when I log in."), ("a", "Oh, that's annoying, let's check.")], True, True),
    ("en", [("c", "My boiler won't start."), ("a", "What's the account number?")], True, False),
    ("en", [("c", "I'd like to add a second line."), ("a", "That's hard to say without the account.")], False, None),
])
def test_problems_and_empathy_in_general_forms(language, turns, applies, passed):
    result = item(call(GREET[language], *turns), "empathy", language)
    assert result.passed is passed
    assert (result.passed is not None) is applies


@pytest.mark.parametrize(("language", "turns", "passed"), [
    ("zh", [("a", "已经帮您改好了。"), ("a", "您看地址还有需要调整的吗？")], True),
    ("zh", [("a", "开关推上去了。"), ("a", "那现在家里用电都正常了吗？")], True),
    ("zh", [("a", "开关推上去了。"), ("a", "现在家里用电都正常了。")], False),  # told, not asked
    ("en", [("a", "I've cancelled the card."), ("a", "Have I covered everything you needed today?")], True),
    ("en", [("a", "The credit is on its way."), ("a", "Does that take care of what you were calling about?")], True),
    ("en", [("a", "Redelivery is booked."), ("a", "Is that everything?")], True),
    ("en", [("a", "Redelivery is booked."), ("a", "That covers everything.")], False),
])
def test_resolution_checks_in_general_forms(language, turns, passed):
    assert item(call(GREET[language], *turns), "resolution_confirmed", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # a swear word said at the agent's own tools, to no one, is not swearing at the customer
    ("en", [("a", "One moment. Oh damn, this booking system has frozen again. Sorry sir, not you, the system.")], True),
    ("en", [("a", "Oh for God's sake, the printer's jammed again, sorry about that.")], True),
    ("zh", [("a", "稍等，他妈的这破系统又卡了，不好意思。")], True),
    # ...but it is when the same sentence speaks to the customer, or there is no tool
    ("en", [("a", "This damn system is fine, you just never read your emails.")], False),
    ("en", [("a", "Oh damn, not this again.")], False),
    ("zh", [("a", "他妈的你又打来了。")], False),
])
def test_swearing_at_a_tool_is_not_swearing_at_the_customer(language, turns, passed):
    assert item(call(GREET[language], *turns), "forbidden_language", language).passed is passed


def test_an_objection_in_the_passive_fails_the_words_before_it():
    turns = [("c", "I never got the new card."), ("a", "Well, if you'd bothered to open your post, you'd know."),
             ("c", "Excuse me? I'm not going to be spoken to like that.")]
    result = item(call(GREET["en"], *turns), "forbidden_language", "en")
    assert result.passed is False
    assert [e.text for e in result.evidence] == [turns[-2][1], turns[-1][1]]


@pytest.mark.parametrize(("turns", "passed"), [
    # an SSN read back in groups where it was asked for
    ([("a", "Can I have your Social Security number to pull up the account?"), ("c", "Sure, it's 4 1 2 5 5 9 0 3 8."),
      ("a", "Let me read that back. Four one two, five five, nine zero three eight?")], False),
    ([("a", "Can I have your order number?"), ("c", "It's 4 1 2 5 5 9 0 3 8."),
      ("a", "Four one two, five five, nine zero three eight, found it.")], True),  # an order number is not an SSN
    # a phone number over two turns, the customer's "yes" between, owned with "yours"
    ([("a", "We'll SMS you on the number on the job card, let me just check it's right. Zero eight two,"), ("c", "Yes."),
      ("a", "five five five, three one nine zero. That's yours?")], False),
])
def test_numbers_read_back_where_they_were_asked_for(turns, passed):
    assert item(call(GREET["en"], *turns), "pii_exposure", "en").passed is passed


@pytest.mark.parametrize(("turns", "item_key", "passed"), [
    ([("a", "Hiya, Coastline Mobile, Darren speaking.")], "greeting", True),
    ([("a", "Hey, Iron Harbor Fitness, this is Brett.")], "greeting", True),
    ([("a", "Evening! You've got Ellie at GrubRun, what can I do for you?")], "greeting", True),
    ([("a", "Hey. What?")], "greeting", False),
    ([GREET["en"], ("c", "I want to freeze my membership."), ("a", "Member ID?")], "verification", True),
    ([GREET["en"], ("c", "Why isn't my phone covered?"), ("a", "Job card number?")], "verification", True),
    ([GREET["en"], ("c", "It's about my bill."), ("a", "What's your council tax account reference?")], "verification", True),
    ([GREET["en"], ("c", "It's about my bill."), ("a", "Your account reference is on the letter.")], "verification", False),
])
def test_more_english_greetings_and_identifiers(turns, item_key, passed):
    assert item(call(*turns, ("c", "hi")), item_key, "en").passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # an apology asking to repeat is not empathy, in more words
    ("zh", [("c", "我家网断了两天了，急死了。"), ("a", "不好意思，您说什么？声音太小了。")], False),
    ("zh", [("c", "外卖一个多小时还没到。"), ("a", "不好意思，您那边太吵了，我没听太清。")], False),
    # ...but a sentence that also acknowledges the trouble counts by what else it says
    ("zh", [("c", "外卖一个多小时还没到，饿死了。"), ("a", "实在不好意思让您等这么久，饿着肚子等确实难受。")], True),
    ("zh", [("c", "我扭伤了脚，想冻结会员卡。"), ("a", "哎呀，扭伤了脚真是遭罪，您先好好养伤。")], True),
    ("en", [("c", "I broke my wrist, so I need to pause the membership."), ("a", "Oh, get well soon. Let me pause it.")], True),
])
def test_an_apology_is_set_aside_only_for_what_it_says(language, turns, passed):
    assert item(call(GREET[language], *turns), "empathy", language).passed is passed


@pytest.mark.parametrize("text", ["您看这么安排行不行？", "现在能上网了吧？", "您看这样处理，您能接受吗？",
                                  "您看还有没得其他问题？", "这样安排您清楚了吧，还有哪里不明白的吗？"])
def test_more_chinese_resolution_checks(text):
    assert item(call(GREET["zh"], ("a", "已经帮您处理好了。"), ("a", text)), "resolution_confirmed", "zh").passed is True


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # an insult the agent says of a tool, or of themselves, is not said to the customer
    ("en", [("a", "Ugh, sorry, this stupid system just froze on me again.")], True),
    ("en", [("a", "And I'm an idiot, I'd clicked into the auto tab.")], True),
    ("zh", [("a", "哎呀，我真是笨蛋，点错了。")], True),
    ("zh", [("a", "怪我笨，刚才点错了。")], True),
    ("en", [("a", "I'm sure you're an idiot.")], False),
    ("zh", [("a", "唉，我再慢慢讲一遍，别让我说第三遍，小学生都会。")], False),
    # sarcasm, condescension, dismissal and threats worded these ways
    ("zh", [("a", "哎呀，这都啥年代了，手机挂个号还能难住您？")], False),
    ("zh", [("a", "像您这么见过大世面的人，您心里比谁都明白，是吧？")], False),
    ("zh", [("a", "你住几栋几楼我这里都有的嘛，你自己想清楚点哦。")], False),
    ("en", [("a", "Okay, let me explain this slowly, since it doesn't seem to be sinking in.")], False),
    ("en", [("a", "I'll explain it slowly, since this clearly isn't your strong suit.")], False),
    ("en", [("a", "Three in one morning, that's gotta be some kind of record.")], False),
    ("en", [("a", "Right, course you didn't.")], False),
    ("en", [("a", "I suppose reading the text was a bit too much effort, wasn't it?")], False),
    ("en", [("a", "Oh, it's you again. Don't you have anything better to do with your day, love?")], False),
    ("en", [("a", "Of course, we had a record number of calls this morning.")], True),
])
def test_rudeness_and_its_neighbours_in_more_forms(language, turns, passed):
    assert item(call(GREET[language], *turns), "forbidden_language", language).passed is passed


def test_a_chinese_objection_to_how_the_agent_talks():
    turns = [("c", "鞋子挤脚，我想退。"), ("a", "可能是我们的字印得太小了，您老人家看不见嘛。"), ("c", "你这样讲话就没意思了吧？")]
    assert item(call(GREET["zh"], *turns), "forbidden_language", "zh").passed is False


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # spoken digits among written ones, over two turns
    ("zh", [("a", "我跟您核对一下下单人的手机号，是1 3 9，幺五二零——"), ("c", "对。"), ("a", "后面是7 7 四 六，对吧？")], False),
    # a number asked for as the callback number, over two turns
    ("en", [("a", "The courier might call. Is the best callback number still 312-555?"), ("c", "Yes."), ("a", "And then 0187?")], False),
    ("en", [("a", "The mobile we have is oh-eight-seven, four-one-two..."), ("c", "Yes."), ("a", "...3398. Grand.")], False),
    # the company's own lines are not the customer's numbers
    ("zh", [("a", "您可以直接拨我们公司的二十四小时抢修热线0451-8765 4321，报户号就行。您看还有别的需要帮您的吗？")], True),
    ("en", [("a", "And our automated refill line is 1-800-555-0136, open 24/7. Does that sort you out?")], True),
])
def test_more_numbers_read_out(language, turns, passed):
    assert item(call(GREET[language], *turns), "pii_exposure", language).passed is passed


def test_a_chinese_disclosure_that_the_call_is_being_recorded():
    text = "为了保障您的权益，咱们这通电话全程都是录着的。"
    assert item(call(GREET["zh"], ("a", text)), "disclosure", "zh").passed is True


@pytest.mark.parametrize(("turns", "item_key", "passed"), [
    # regional ways of asking whether more is needed, or whether it suits
    ([("a", "已经给您提交了。"), ("a", "您还有啥别的要办的不？")], "resolution_confirmed", True),
    ([("a", "已经给您改好了。"), ("a", "好的，您这边还有么子问题没？")], "resolution_confirmed", True),
    ([("a", "已经给您改好了。"), ("a", "得嘞，那还有嘛别的事儿没？")], "resolution_confirmed", True),
    ([("a", "我可以帮您改约到别的医生。"), ("a", "您看中不中？")], "resolution_confirmed", True),
    ([("a", "已经给您改好了。"), ("a", "还有啥好说的。")], "resolution_confirmed", False),  # not asked
    # identity asked by the account holder or the last digits of a plate
    ([("c", "我家停电了。"), ("a", "我再跟您核对一下，户主登记的是哪位呀？")], "verification", True),
    ([("c", "我想续保。"), ("a", "麻烦您先核对一下车牌号后三位。")], "verification", True),
    # thanks, then a polite goodbye in other words
    ([("a", "不客气，周六见，下次见！")], "closing", True),
])
def test_more_chinese_forms(turns, item_key, passed):
    assert item(call(GREET["zh"], *turns), item_key, "zh").passed is passed


@pytest.mark.parametrize(("language", "text", "passed"), [
    ("zh", "那我给您慢慢讲，您年纪大了，脑子转得慢一点没关系。", False),
    ("zh", "哟，又一个嫌水费贵的，行，我给您查查。", False),
    ("zh", "说实话，这种小事犯不着专门打电话来占线。", False),
    ("zh", "您稍等……哎呀，这破系统又卡死了，真是烂得要命……好了，出来了。", True),  # at a tool
    ("en", "Okay, so let me explain this real slow, since it clearly didn't sink in the first time.", False),
    ("en", "Maybe this time go and check with your eyes open lah.", False),
    ("en", "We know where you live, right?", False),
    ("en", "Even my six-year-old nephew can use it.", False),
    ("en", "Proper Sherlock Holmes, you.", False),
    ("en", "Did you try under the doormat, or was that too much hard work?", False),
    ("en", "Some people ring up with proper problems, you know.", False),
    ("en", "Some folk'd lose their head if it wasn't screwed on.", False),
    ("en", "I'll go through it slowly so you can write it down.", True),
    ("en", "Ask your daughter to call us if she'd like a copy too.", True),
])
def test_rudeness_in_yet_more_forms(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


@pytest.mark.parametrize(("text", "item_key", "passed"), [
    ("Good morning, thanks for calling, how can I help you?", "greeting", False),  # names no one
    ("Good morning, thanks for calling Summit Fiber, how can I help?", "greeting", True),
    ("Hey there, you've got Jordan at FreshCart! We keep recordings of these calls for training.", "disclosure", True),
])
def test_english_greetings_name_someone_and_recordings_disclose(text, item_key, passed):
    assert item(call(("a", text), ("c", "hi")), item_key, "en").passed is passed


@pytest.mark.parametrize(("language", "text", "passed"), [
    # sarcasm and talking down in Chinese: "够可以的", "您也是挺厉害的", a trailing "呵呵", "这么大个…都能看漏"
    ("zh", "嗯。以后打电话前先看清楚号码吧，水和气都分不清，也真是够可以的。", False),
    ("zh", "您点'申请售后'就行。这么大个按钮都能看漏，您也是挺厉害的哈。", False),
    ("zh", "下回可别再说是手机自己把流量偷跑了，呵呵。", False),
    ("zh", "哈哈，您这个问题问得好，我帮您看看。", True),
    # talking down, brushing off and veiled threats in English
    ("en", "Okay. I'm gonna go real slow this time so you can follow along, alright?", False),
    ("en", "I've people on this line with actually serious things going on, so I can't be spending half the morning on it.", False),
    ("en", "It's hardly the end of the world.", False),
    ("en", "People who go down that road have a funny way of finding their renewal comes back a lot dearer.", False),
    ("en", "I'd think pretty carefully before taking this to the ombudsman.", False),
    ("en", "I'll share my screen so you can follow along.", True),
    ("en", "I'd think carefully before cancelling, you'd lose the loyalty discount.", True),
])
def test_rudeness_mended_on_blind7(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


def test_an_insult_of_the_agents_own_is_one_word_not_a_construction_aimed_at_the_customer():
    # "I'm gonna …" before a put-down aimed at the customer does not make it said of the agent
    text = "I'm gonna explain it real slowly so you can understand."
    assert item(call(GREET["en"], ("a", text)), "forbidden_language").passed is False
    text = "Ah, no, that's me being a complete idiot, I had the wrong line selected."
    assert item(call(GREET["en"], ("a", text)), "forbidden_language").passed is True


@pytest.mark.parametrize(("language", "turns", "applies", "passed"), [
    # a problem word in a condition is not a problem voiced
    ("en", [("c", "Please pause my boxes. And if anything goes wrong, can someone text me?"), ("a", "Sure.")], False, None),
    ("en", [("c", "What if it goes wrong again?"), ("a", "Don't worry, I'll stay on the line.")], True, True),
    # empathy inside a rude sentence does not count
    ("en", [("c", "A hundred and five dollars is a lot of money for me."),
            ("a", "I don't give a damn what some guy told you last week, that's how it works.")], True, False),
    # more ways of voicing a problem, and of acknowledging one
    ("en", [("c", "I got hit with three overdraft fees on the same day."), ("a", "Okay, let me look.")], True, False),
    ("en", [("c", "I got a bill for six hundred dollars. This is insane."), ("a", "Right, let me look.")], True, False),
    ("zh", [("c", "我开到半路，仪表盘亮了个黄灯，然后车就没劲儿了。"), ("a", "哎哟，这可真够糟心的，您先别慌。")], True, True),
    ("zh", [("c", "我妈妈在香港入院了，我要明天就回去。"), ("a", "好的，我看一下。")], True, False),
    ("zh", [("c", "我上个月的理赔款到现在还没到账。"), ("a", "等了一个月还没消息，换了是我也会着急的。")], True, True),
    # "着急" said to blame is not empathy
    ("zh", [("c", "我那个件三天了还没送到！"), ("a", "那我就不知道了。着急就自己来站点拿。")], True, False),
    # a negator takes the content word after it, not the acknowledgement further on
    ("zh", [("c", "孩子上了五次课，死活不愿意去了。"), ("a", "孩子不适应确实挺让人头疼的，我帮您看看。")], True, True),
    ("zh", [("c", "快递五天没动了，我挺着急的。"), ("a", "五天没更新确实让人着急，我帮您查。")], True, True),
])
def test_problems_and_empathy_mended_on_blind7(language, turns, applies, passed):
    result = item(call(GREET[language], *turns), "empathy", language)
    assert result.passed is (passed if applies else None)


@pytest.mark.parametrize(("language", "turns", "item_key", "passed"), [
    ("en", [("a", "Kia ora, Tui Fibre support, Liam speaking.")], "greeting", True),
    ("en", [("a", "Just so you know, a supervisor may listen in on this call for quality.")], "disclosure", True),
    ("en", [("a", "I've set that up."), ("a", "Have I cleared all your doubts?")], "resolution_confirmed", True),
    ("en", [("c", "My screen cracked."), ("a", "Sorry, was that L-I-A-N-G or L-E-A-N-G?")], "empathy", False),
    ("zh", [("a", "你好，宝鸡秦川驾校招生办，我姓任，你想了解点啥？")], "greeting", True),
    ("zh", [("a", "先跟您说一声，咱们的通话内容会留存，用于核查服务质量。")], "disclosure", True),
    ("zh", [("a", "我们这边没有对通话进行录音。")], "disclosure", False),  # negated over a light verb
    ("zh", [("a", "单号报一下。")], "verification", True),
    ("zh", [("a", "流量包给您办好了。"), ("a", "这样安排您看行吗，还有啥要我帮您办的？")], "resolution_confirmed", True),
    # the company's own front-desk line is not the customer's number
    ("zh", [("a", "有事也可以直接打我们前台电话零七九幺，八六二三，五五八八。")], "pii_exposure", True),
    ("zh", [("a", "我们登记的电话是13607913528，对吧？")], "pii_exposure", False),
])
def test_more_forms_mended_on_blind7(language, turns, item_key, passed):
    first = [] if item_key == "greeting" else [GREET[language]]
    assert item(call(*first, *turns), item_key, language).passed is passed


@pytest.mark.parametrize(("language", "text", "passed"), [
    # rude blame, talking down, sarcasm and veiled threats mended on blind8
    ("zh", "你们自己地址写得乱七八糟的，送丢了倒来怪我们。", False),
    ("zh", "这都找不着的话，你下回还是让家里孩子弄吧，老年人就别跟着瞎折腾了。", False),
    ("zh", "那您真是心大，合同看都不看就签，现在倒想起来要看了？", False),
    ("zh", "你要是再这么闹下去，这个案子我们是可以转到反欺诈调查的，到时候查个三五个月，赔不赔、赔多少，可就不好说了。", False),
    ("zh", "您放心，这事也不是没办法，我再帮您想想别的路子。", True),
    ("en", "And you've restarted the router, have you? Or is that a bit too advanced, shall I send someone round to press the button for you?", False),
    ("en", "Madam, I'd be careful how you talk to us. Patients who shout at our staff sometimes find there are no more slots for them.", False),
    ("en", "Aiyah, this one also need to call ah? Very basic one leh, even my ah ma can do.", False),
    ("en", "Oh, a top-floor tenement, what a shock, another one who can't find their own close.", False),
    ("en", "What a shock that must have been, I'm so sorry.", True),
    # swearing at a tool named in the next sentence, or disowned as "not you"
    ("en", "Ta. Oh, bloody hell... sorry, not you, this flamin' computer's just frozen on me again.", True),
    ("en", "Oh, for crying out loud, this bloody map's frozen again. Sorry, that's the computer, not you!", True),
    ("en", "Bloody hell, you never listen.", False),
])
def test_rudeness_mended_on_blind8(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "passed"), [
    # order, waybill and reference numbers read back are not cards
    ("zh", [("c", "运单号是7788 1234 5566 09。"), ("a", "运单号7788 1234 5566 09，好的，收件人手机尾号是多少？")], True),
    ("zh", [("c", "订单号是2406 1833 0917 5526。"), ("a", "好的，订单2406183309175526，收货人是哪位？")], True),
    ("en", [("a", "Your refund reference is RF 6620 1453 0098 7.")], True),
    # a card number is still one
    ("zh", [("a", "您绑定的卡号是6222 0210 3345 6789，对吧？")], False),
    # the company's line, repeated by the customer afterwards, is still the company's
    ("en", [("a", "You can call our billing helpline directly, 1800 425 7700, toll free."), ("c", "1800 425 7700. Okay, noted.")], True),
    # an SSN called "the social", and a number the agent rings the customer on
    ("en", [("a", "So the system's showing the social as five-three-one, six-two, eight-eight-one-four, does that sound right?")], False),
    ("en", [("a", "So the driver's been trying to ring you on oh-two-one, four-four-seven..."), ("c", "Oh."),
            ("a", "...two-nine-one-eight, that's right, isn't it?")], False),
    # an SMS sent to the number is still the customer's number
    ("en", [("a", "I'll send a confirmation SMS to 082 314 7790, is that still your number?")], False),
])
def test_numbers_mended_on_blind8(language, turns, passed):
    assert item(call(GREET[language], *turns), "pii_exposure", language).passed is passed


@pytest.mark.parametrize(("language", "turns", "applies", "passed"), [
    ("zh", [("c", "俺想挂个号，那个手机上弄了半天，弄不中啊。"), ("a", "大爷，理解您着急，我这边直接帮您挂。")], True, True),
    ("zh", [("c", "房东刚刚打电话骂我，我心里老不舒服的。"), ("a", "碰到这种事情肯定很难受，您慢慢说。")], True, True),
    ("zh", [("c", "等了一个半小时，送来凉完了。"), ("a", "实在抱歉，让您等了这么久还送成这样。")], True, True),
    ("zh", [("c", "我这个票买不来，我真是笨死了。"), ("a", "大伯，您一点都不笨，好多年轻人第一次用也犯迷糊的。")], True, True),
    ("zh", [("c", "我的快递丢了。"), ("a", "不好意思，让您久等了。")], True, False),  # sorry for the hold
    ("en", [("c", "I've gone and missed the deadline. I'm such an idiot."),
            ("a", "Och, you're not an idiot at all, half of Dundee misses the deadline.")], True, True),
    ("en", [("c", "I never got it in the mail and my accountant's on my back."), ("a", "What's the loan number?")], True, False),
    ("en", [("c", "You've sent me a bright orange one and I need to send it back."), ("a", "Order number?")], True, False),
    ("en", [("c", "I've a bill here for four hundred euro, it's mad."), ("a", "Oh, that's a shock alright, I'm sorry.")], True, True),
])
def test_problems_and_empathy_mended_on_blind8(language, turns, applies, passed):
    result = item(call(GREET[language], *turns), "empathy", language)
    assert result.passed is (passed if applies else None)


@pytest.mark.parametrize(("language", "text", "passed"), [
    # mended on blind9: talking down about age, sarcastic praise, "let me guess", "Classic.", blame
    ("en", "I know technology isn't easy at your age, so let's go nice and slow for you.", False),
    ("en", "I'm gonna explain this real slow, okay, because these statements can be a lot for folks your age.", False),
    ("en", "Leaving a tub of chocolates at dog height. Brilliant bit of planning there.", False),
    ("en", "Let me guess, the telly's 'broken' and you've not tried switching it off and on again, have you?", False),
    ("en", "So you threw away the one document we actually need. Classic.", False),
    ("en", "Honestly, with mock grades like yours I wouldn't get my hopes up.", False),
    ("en", "At your age you qualify for the senior fare, which is cheaper.", True),
    ("zh", "像您们这种七十来岁的人还去报徒步，本来就是瞎折腾。", False),
    ("zh", "像您这种订房从来不看规则、出了事才来找客服的，我们一天要接几十个，也是服了。", False),
    ("zh", "哟，台湾腔啊，听着跟偶像剧似的。", False),
    ("zh", "对，像您这种情况一般是划算的。", True),
    # an insult whose object is the agent ("笨死我了"), or said of "我这个脑子"
    ("zh", "哎呀我这个脑子，说反了，是先张嘴再眨眼，真是笨死我了。", True),
])
def test_rudeness_mended_on_blind9(language, text, passed):
    assert item(call(GREET[language], ("a", text)), "forbidden_language", language).passed is passed


@pytest.mark.parametrize(("turns", "item_key", "passed"), [
    ([("a", "Then give us a ring on 0800 046 1190, that's our free support line. Has that sorted things for you?")],
     "pii_exposure", True),  # a freephone line
    ([("a", "We'll see you in twenty minutes."), ("a", "Does that all make sense?")], "resolution_confirmed", True),
    ([("a", "From your next bill, yeah."), ("a", "Is there owt else I can help you with today?")],
     "resolution_confirmed", True),
    ([("a", "Lovely. Thanks for ringing Pennine Cable, Maureen, ta-ra.")], "closing", True),
    ([("a", "You're welcome. Drive safe, see you soon, bye.")], "closing", True),
])
def test_english_forms_mended_on_blind9(turns, item_key, passed):
    assert item(call(GREET["en"], *turns), item_key).passed is passed
