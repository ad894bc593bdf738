# ruff: noqa: E501 -- a phrase bank reads best one list of paraphrases a line
"""The phrase bank of simulated conversations, per language: several paraphrases of every move an
agent or a customer makes, and each industry's reasons to call, identity checks and fixes.

Placeholders: ``{company}``, ``{agent}``, ``{ident}`` (what identifies the customer), ``{value}``
(the customer's answer to it), ``{digits}`` (a full phone or card number spoken aloud).
"""

from __future__ import annotations

GREETINGS = {
    "zh": ["您好，{company}客服中心，我是{agent}，很高兴为您服务。",
           "您好，这里是{company}，我是客服{agent}，请问有什么可以帮您？",
           "{company}您好，工号{agent}为您服务，请问您遇到了什么问题？",
           "您好，欢迎致电{company}，我是{agent}，请讲。"],
    "en": ["Thank you for calling {company}, this is {agent}. How can I help you today?",
           "Hello, you've reached {company} customer care, my name is {agent}. What can I do for you?",
           "Good day, {company}, {agent} speaking. How may I help?",
           "Hi, thanks for calling {company}. I'm {agent}, and I'll be helping you today."],
}
CURT_GREETINGS = {"zh": ["喂，说。", "喂？什么事？", "嗯，讲。", "喂，快点说。"],
                  "en": ["Yeah?", "What is it?", "Go ahead.", "Yep, talk."]}
RECORDING = {
    "zh": ["为了保障服务质量，本次通话将被录音。", "温馨提示，本通话会录音用于服务质量检查。",
           "先跟您说明一下，我们的通话会被录音，请您知悉。"],
    "en": ["Just so you know, this call is recorded for quality and training.",
           "Please note this call may be recorded for quality purposes.",
           "Before we start, I should mention that this call is being recorded."],
}
VERIFY_ASK = {
    "zh": ["为了核实您的身份，请提供一下您的{ident}。", "麻烦您报一下{ident}，我帮您核实一下。",
           "请问您的{ident}是多少？我先核对一下身份。"],
    "en": ["To verify your identity, could you give me your {ident}?",
           "Can I have your {ident} first, please, so I can pull up your details?",
           "For security, may I confirm your {ident}?"],
}
VERIFY_ANSWER = {"zh": ["是{value}。", "号码是{value}。", "嗯，{value}，你看一下。"],
                 "en": ["It's {value}.", "Sure, {value}.", "Yes, {value}."]}
VERIFY_DONE = {"zh": ["好的，已经核实了，谢谢您。", "核对无误，谢谢配合。", "好的，信息确认了。"],
               "en": ["Thank you, you're verified.", "Great, that matches, thanks.", "Perfect, I've confirmed that."]}
EMPATHY = {
    "zh": ["非常抱歉给您带来了不便，我理解您的心情。", "这确实让人着急，您别担心，我马上帮您处理。",
           "给您添麻烦了，真的很抱歉，我来帮您看看。", "理解您的感受，换作是我也会着急的。"],
    "en": ["I'm really sorry about that, I understand how frustrating it must be.",
           "That sounds stressful, I'm sorry. Let me sort this out for you.",
           "I completely understand, and I apologise for the trouble.",
           "I'm sorry you've had to deal with this; let's fix it together."],
}
HOLD_ASK = {"zh": ["请您稍等，我帮您查询一下。", "麻烦您稍候片刻，我查一下系统。"],
            "en": ["Could you hold for a moment while I check?", "Bear with me for a second, I'm looking that up."]}
HOLD_BACK = {"zh": ["感谢您的耐心等待。", "让您久等了。"], "en": ["Thanks for holding.", "Thank you for waiting."]}
CONFIRM = {
    "zh": ["这样处理您看可以吗？问题解决了吗？", "请问这样是否解决了您的问题？", "我再确认一下，这样您满意吗？"],
    "en": ["Does that solve the problem for you?", "Is that all sorted now?", "Just to confirm, does that fix it?"],
}
CONFIRM_YES = {"zh": ["可以，解决了。", "好的，没问题了。", "行，谢谢。"],
               "en": ["Yes, that works.", "Yes, that's fine now.", "Great, thanks."]}
ANYTHING_ELSE = {"zh": ["请问还有其他可以帮您的吗？", "还有别的问题需要咨询吗？"],
                 "en": ["Is there anything else I can help you with?", "Anything else I can do for you today?"]}
NOTHING_ELSE = {"zh": ["没有了，谢谢。", "没别的了。"], "en": ["No, that's all, thanks.", "Nope, that's everything."]}
CLOSING = {
    "zh": ["感谢您的来电，祝您生活愉快，再见！", "感谢您的耐心，祝您一切顺利，再见。", "谢谢您的来电，稍后请对本次服务评价，再见。"],
    "en": ["Thanks for calling {company}, have a great day!", "Thank you for your patience. Goodbye and take care.",
           "Glad I could help. Have a lovely day, goodbye."],
}
CURT_CLOSING = {"zh": ["行了，就这样。", "没事挂了。"], "en": ["Okay. Bye.", "That's it then."]}
RUDE = {
    "zh": ["这个我早就说过了，你没听吗？", "你自己不看说明的吗？", "这种问题也要打电话？", "我说了没办法，你爱信不信。"],
    "en": ["I already told you that, were you even listening?", "Did you not read the instructions?",
           "Seriously, you're calling about this?", "Look, there's nothing I can do, take it or leave it."],
}
PII = {"zh": ["你的号码是{digits}对吧？", "我看到你的卡号是{digits}。"],
       "en": ["Your number is {digits}, right?", "I see your card number here, {digits}."]}
CUSTOMER_OPENERS = {"zh": ["你好，", "喂，你好，", "您好，我想问一下，"], "en": ["Hi, ", "Hello, ", "Hi there, "]}
CUSTOMER_FRUSTRATED = {"zh": ["我已经等了好几天了，真的很着急。", "这事已经搞了好几次了，烦死了。"],
                       "en": ["I've been waiting for days and it's really annoying.", "This is the third time I've called."]}
CUSTOMER_THANKS = {"zh": ["好的，谢谢你。", "嗯，麻烦你了。"], "en": ["Okay, thank you.", "Alright, thanks."]}
CUSTOMER_BYE = {"zh": ["再见。", "拜拜。"], "en": ["Bye.", "Goodbye."]}

# Per industry: (identity checked, {language: problems}, {language: fixes}).
IDENT = {
    "ecommerce": {"zh": "订单号", "en": "order number"},
    "telecom": {"zh": "手机号后四位和机主姓名", "en": "account number and the last four digits of your phone"},
    "energy": {"zh": "燃气户号", "en": "customer account number"},
    "finance": {"zh": "身份证后四位和出生日期", "en": "date of birth and the last four digits of your card"},
    "travel": {"zh": "订单号和乘客姓名", "en": "booking reference"},
    "food_delivery": {"zh": "订单号", "en": "order number"},
    "government": {"zh": "办件编号", "en": "case reference"},
    "general": {"zh": "会员号", "en": "membership number"},
}
PROBLEMS = {
    "ecommerce": {"zh": ["我买的衣服尺码不对，想退货。", "快递显示签收了，但我根本没收到。", "收到的商品有破损，能换一个吗？",
                         "双十一的优惠券没用上，能补吗？"],
                  "en": ["the jacket I ordered is the wrong size and I want to return it.",
                         "tracking says delivered but I never got the parcel.", "my item arrived damaged.",
                         "my discount code didn't apply at checkout."]},
    "telecom": {"zh": ["这个月话费怎么多扣了五十块？", "家里宽带断了一天了。", "我想换个便宜点的套餐。"],
                "en": ["my bill is forty pounds higher than usual.", "my broadband has been down since yesterday.",
                       "I'd like to move to a cheaper plan."]},
    "energy": {"zh": ["燃气表显示欠费但我刚交过。", "家里燃气好像有点味道，想约人上门检查。", "这个月燃气费怎么这么高？"],
               "en": ["my gas meter says I'm in arrears but I just paid.", "I'd like someone to check a gas smell.",
                      "this month's gas bill seems far too high."]},
    "finance": {"zh": ["我的信用卡有一笔交易不是我刷的。", "我想问一下车险理赔进度。", "房贷这个月为什么扣了两次？"],
                "en": ["there's a card payment I don't recognise.", "I want to know where my car insurance claim is.",
                       "my mortgage payment was taken twice this month."]},
    "travel": {"zh": ["航班取消了，我想退票。", "酒店订单想改一下日期。"],
               "en": ["my flight was cancelled and I need a refund.", "I need to change the dates of my hotel booking."]},
    "food_delivery": {"zh": ["外卖送了一个多小时还没到。", "送来的餐少了一份。"],
                      "en": ["my food has been on its way for over an hour.", "half of my order was missing."]},
    "government": {"zh": ["我想查一下社保转移办得怎么样了。", "居住证续签需要什么材料？"],
                   "en": ["I'd like to check on my permit application.", "what documents do I need to renew my residence card?"]},
    "general": {"zh": ["我想问一下会员积分怎么用。", "我的账户登录不上了。"],
                "en": ["how do I use my loyalty points?", "I can't log in to my account."]},
}
FIXES = {
    "ecommerce": {"zh": ["我已经为您提交了退货申请，快递员明天上门取件，退款三到五个工作日到账。",
                         "我这边给您补发一件新的，今天就能发出。", "我给您补了一张同面额的优惠券，已经发到账户里了。"],
                  "en": ["I've booked a free return; the courier collects tomorrow and the refund lands in 3 to 5 days.",
                         "I'm sending a replacement today at no cost.", "I've added an equivalent voucher to your account."]},
    "telecom": {"zh": ["多扣的是增值业务费，我已经帮您退订并退回五十元。", "已经给您派了维修工单，师傅今天下午上门。"],
                "en": ["that was an add-on you didn't ask for; I've removed it and credited the charge.",
                       "I've booked an engineer for this afternoon."]},
    "energy": {"zh": ["缴费刚到账，系统已经更新，不会停气。", "已经为您安排了安检人员，两小时内到达，请先开窗通风。"],
               "en": ["the payment has now posted, so there's no arrears.",
                      "an engineer will be there within two hours; please open the windows meanwhile."]},
    "finance": {"zh": ["我已经冻结了这张卡并发起争议，新卡七个工作日寄到。", "您的理赔已经审核通过，款项三天内到账。"],
                "en": ["I've blocked the card and opened a dispute; a new card arrives in 7 working days.",
                       "your claim is approved and the payment goes out within three days."]},
    "travel": {"zh": ["退票已经办好，全额退回原支付账户。"], "en": ["the refund is done, in full, to your original payment."]},
    "food_delivery": {"zh": ["我已经给您全额退款，并送了一张无门槛券。"], "en": ["I've refunded the order and added a credit."]},
    "government": {"zh": ["您的办件已经受理，预计五个工作日办结。"], "en": ["your application is being processed and should be done in five working days."]},
    "general": {"zh": ["我已经帮您重置了密码，短信已经发到您手机上。"], "en": ["I've reset your password and sent you a text."]},
}
AGENT_NAMES = {"zh": ["小王", "小李", "张敏", "陈静", "刘洋", "赵磊", "小周"],
               "en": ["Emma", "James", "Priya", "Tom", "Grace", "Daniel", "Mia"]}
