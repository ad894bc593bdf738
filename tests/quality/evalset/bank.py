# ruff: noqa: E501 -- one line per paraphrase reads best
"""Hand-written lines of the QA evaluation set: for each move of a call, paraphrases in Chinese
and English, split into two disjoint pools — one the dev split draws from, one only the held-out
split draws from — so the held-out figures measure wording the scorer was never tuned on.

Placeholders: {company} {agent} {ident} {value} {card} {phone} {last4}.
A list entry that is a list is several turns: ("a"|"c", text).
"""

INDUSTRIES = {
    "utilities": {
        "zh": {"company": ["城南燃气", "华电供电服务"], "ident": "户号", "value": "3307 5521",
               "problems": ["我家燃气表从昨天开始就不走字了，炉子也打不着火。", "这个月电费突然比平时多了三倍，肯定是哪里算错了。", "家里停电一整天了，冰箱里的东西都快坏了。"],
               "inquiries": ["我想问一下阶梯电价是怎么计算的。", "我下个月要搬家，想办理一下过户。"],
               "fixes": ["我已经给您派了维修师傅，今天下午三点前上门。", "我这边已经提交了电费复核，三个工作日内会把多收的部分退回。"]},
        "en": {"company": ["Northgate Energy", "Riverside Water"], "ident": "account number", "value": "NE 448 210",
               "problems": ["My boiler's got no gas since this morning and the kids are freezing.", "My bill this month is three times what it normally is, that can't be right.", "There's water leaking from the meter outside my house."],
               "inquiries": ["I'd like to know when my next meter reading is scheduled.", "I'm moving house next month and want to transfer the account."],
               "fixes": ["I've booked an engineer for you this afternoon between two and four.", "I've raised a billing review, and any overcharge will be refunded within five working days."]},
    },
    "banking": {
        "zh": {"company": ["星河银行", "汇通银行信用卡中心"], "ident": "卡号后四位", "value": "8821",
               "problems": ["我刚收到短信说我的卡在外地消费了两千块，可那不是我刷的！", "我的银行卡被锁了，工资发不出来，急死了。", "转账转错人了，五千块钱，怎么办啊？"],
               "inquiries": ["我想了解一下信用卡分期的手续费。", "请问外币账户怎么开通？"],
               "fixes": ["这张卡我已经帮您冻结了，新卡会在五个工作日内寄到。", "我已经为您提交了争议交易申请，调查期间这笔钱不会计入还款。"]},
        "en": {"company": ["Harbor Bank", "Crestline Credit Union"], "ident": "date of birth", "value": "the fourth of May, eighty-six",
               "problems": ["There's a payment on my card I never made, two hundred pounds to some shop in Leeds.", "My card got declined at the supermarket and I was so embarrassed.", "I sent money to the wrong account by mistake and I'm really worried."],
               "inquiries": ["I'd like to know what the interest rate is on your savings account.", "Can you tell me how to set up a standing order?"],
               "fixes": ["I've blocked that card and a replacement is on its way within five days.", "I've opened a dispute on that transaction, so you won't be charged while we look into it."]},
    },
    "telecom": {
        "zh": {"company": ["蓝鲸宽带", "畅联通信"], "ident": "办理业务时登记的姓名", "value": "王丽",
               "problems": ["家里宽带三天都连不上，我在家办公，工作都耽误了。", "我根本没开通什么视频会员，每个月却被扣了十五块。"],
               "inquiries": ["我想把套餐换成流量多一点的。", "请问有没有适合老人用的套餐？"],
               "fixes": ["我这边远程重置了您的光猫，现在应该可以上网了。", "这个会员已经给您退订了，多扣的费用会退回到话费里。"]},
        "en": {"company": ["Skyline Broadband", "Connectel Mobile"], "ident": "full name and postcode", "value": "Sarah Jones, LS6 2QT",
               "problems": ["My internet has dropped out every evening this week and I work from home.", "I've been charged for roaming but I haven't left the country."],
               "inquiries": ["I'd like to upgrade to a plan with more data.", "Do you have any deals on family plans at the moment?"],
               "fixes": ["I've reset the line from our end and the connection should be stable now.", "I've removed the roaming charge, it'll show as a credit on your next bill."]},
    },
    "ecommerce": {
        "zh": {"company": ["优选商城", "易购网"], "ident": "订单号", "value": "58213307",
               "problems": ["我买的洗衣机到货发现外壳是破的。", "说好的两天到货，这都一个星期了还没收到。"],
               "inquiries": ["我想问一下会员积分怎么兑换优惠券。", "请问这款手机支持以旧换新吗？"],
               "fixes": ["我已经给您安排了换货，师傅明天上门取件并送新机。", "我催了仓库，今天加急发出，另外补偿您二十元优惠券。"]},
        "en": {"company": ["ShopRight", "Bramble & Co"], "ident": "order number", "value": "SR 77 120 945",
               "problems": ["The jacket I ordered arrived with a ripped sleeve.", "My parcel says delivered but it's not here and nobody has it."],
               "inquiries": ["I wanted to check whether you deliver to Ireland.", "Could you tell me if the blue sofa will be back in stock?"],
               "fixes": ["I've arranged a free return and a replacement will ship today.", "I've opened a lost-parcel claim and issued a full refund to your card."]},
    },
    "travel": {
        "zh": {"company": ["东航服务热线", "途远旅行"], "ident": "预订号", "value": "K7Q2MX",
               "problems": ["我的航班被取消了，明天一早还有个重要的会，我很着急。", "我在机场托运的行李丢了，里面有药。"],
               "inquiries": ["我想改一下下周五的返程时间。", "请问儿童票需要带什么证件？"],
               "fixes": ["我已经帮您改签到今晚八点的航班，座位也选好了。", "行李查询单已经建好，找到后会直接送到您酒店。"]},
        "en": {"company": ["Bluewing Airlines", "Wayfarer Travel"], "ident": "booking reference", "value": "Q4T9ZP",
               "problems": ["My flight got cancelled and I'm stuck at the airport with two kids.", "The hotel you booked for me had no record of my reservation."],
               "inquiries": ["I'd like to add a checked bag to my booking.", "Can I choose my seat for the return leg?"],
               "fixes": ["I've rebooked you on the eight pm flight and added meal vouchers.", "I've confirmed a room at a partner hotel for tonight at no cost to you."]},
    },
    "insurance": {
        "zh": {"company": ["安康保险", "平和车险"], "ident": "保单号", "value": "PA 2207 1183",
               "problems": ["我的车今天早上被追尾了，人没事，但车尾撞得很厉害。", "我父亲住院了，理赔材料交了一个月还没消息，我很担心。"],
               "inquiries": ["我想咨询一下明年续保有没有优惠。", "请问保单受益人可以修改吗？"],
               "fixes": ["理赔已经给您立案了，定损员会在两小时内联系您。", "我已经催办了您的理赔，审核员明天会给您回电。"]},
        "en": {"company": ["Evergreen Insurance", "Keystone Mutual"], "ident": "policy number", "value": "EV 5512 08",
               "problems": ["Someone reversed into my car in a car park this morning.", "My claim for the burst pipe has been sitting there for six weeks."],
               "inquiries": ["I'd like to add my daughter as a named driver.", "Could you explain what my home policy covers for accidental damage?"],
               "fixes": ["I've opened the claim and an assessor will call you within two hours.", "I've escalated the claim and a handler will call you back tomorrow morning."]},
    },
}
AGENTS = {"zh": ["小郑", "李娜", "王芳", "小陈", "张伟"], "en": ["Priya", "Tom", "Aisha", "Daniel", "Megan"]}

# (dev pool, held-out pool) per move and language.
BANK = {
    "greeting_good": {
        "zh": (["您好，{company}客服中心，我是{agent}，请问有什么可以帮您？", "您好，欢迎致电{company}，工号{agent}为您服务。"],
               ["早上好，{company}，{agent}很高兴为您服务。", "{company}您好，我是客服{agent}，请问您需要办理什么业务？"]),
        "en": (["Thank you for calling {company}, this is {agent}. How can I help you today?", "Hello, you've reached {company} customer care, my name is {agent}."],
               ["Good morning, {company}, {agent} speaking. What can I do for you?", "Hi there, welcome to {company} support. I'm {agent}, how can I help?"]),
    },
    "greeting_paraphrase": {
        "zh": (["这里是{company}客服{agent}，您请讲。", "{company}客服热线，{agent}在线，请问您遇到什么情况？"],
               ["{company}售后这边，我是{agent}，您说。", "这里是{company}，{agent}为您服务，您请讲。"]),
        "en": (["{company}, {agent} here, what can I do for you?", "You're through to {company}, it's {agent}. What's up?"],
               ["{company} helpline, {agent} on the line, go ahead.", "{agent} from {company}, how can I help?"]),
    },
    "greeting_curt": {
        "zh": (["喂，说。", "喂？什么事？"], ["嗯，讲吧。", "喂，你说。"]),
        "en": (["Yeah?", "What is it?"], ["Go on then.", "Yep, talk."]),
    },
    "disclosure_good": {
        "zh": (["为了保障服务质量，本次通话将被录音。", "先跟您说一下，我们的通话会全程录音。"],
               ["温馨提示，本次通话可能会被监听和录音，用于服务质量检查。", "提醒您一下，这通电话是有录音的。"]),
        "en": (["Just so you know, this call is recorded for quality and training.", "Please note this call may be recorded for quality purposes."],
               ["Before we start, I should mention our calls are monitored and recorded.", "Quick heads-up, I'm recording this call for training purposes."]),
    },
    "disclosure_negated": {
        "zh": (["您放心，这次通话不会录音。", "这个电话没有录音，您可以放心说。"], ["这通电话不录音的，您直接说就行。", "我们这边没有对通话进行录音。"]),
        "en": (["Don't worry, this call is not being recorded.", "This line isn't recorded, so feel free to speak openly."],
               ["Just so you know, we don't record these calls.", "Nothing on this call is being recorded."]),
    },
    "disclosure_complaint": {
        "zh": (["好的，我已经把您的投诉记录下来了。", "您反映的情况我都登记好了。"], ["您说的这些我都已经记下来了。", "投诉内容我已经完整记录在系统里了。"]),
        "en": (["Okay, I've recorded your complaint on the system.", "I've logged all of that on your account."],
               ["I've made a record of your complaint.", "Right, I've noted everything you've told me."]),
    },
    "verify_direct": {
        "zh": (["为了核实您的身份，请提供一下您的{ident}。", "麻烦您报一下{ident}，我核对一下。"], ["请问您的{ident}是多少？", "我先确认一下身份，您的{ident}方便说一下吗？"]),
        "en": (["Before I look into that, could I have your {ident}?", "For security, can you confirm your {ident} for me?"],
               ["What's the {ident} on the account, please?", "I'll just need to verify you first. What's your {ident}?"]),
    },
    "verify_indirect": {
        "zh": (["请问怎么称呼您？是机主本人吗？", "您是这个账户的本人吗？麻烦说一下全名。"], ["请问您贵姓？这个账户是您本人的吗？", "方便说一下您预留的手机尾号吗？"]),
        "en": (["And who am I speaking with today?", "Can you tell me the email address on the account?"],
               ["Could you read me the last four digits of the card on file?", "Am I speaking with the account holder?"]),
    },
    "verify_answer": {
        "zh": (["{value}。", "是{value}。"], ["嗯，{value}。", "{value}，你查一下。"]),
        "en": (["It's {value}.", "Sure, {value}."], ["Yes, {value}.", "{value}."]),
    },
    "verify_thanks": {
        "zh": (["好的，核对无误。", "好的，信息确认了。"], ["好的，没问题。", "好，已经找到您的信息了。"]),
        "en": (["Thanks, that all matches.", "Great, you're verified."], ["Perfect, I've found you.", "Lovely, thank you."]),
    },
    "volunteer": {
        "zh": (["我的{ident}是{value}，你们查一下。", "先跟你说，我{ident}是{value}。"], ["{ident}我先报给你：{value}。", "你记一下，{ident}{value}。"]),
        "en": (["My {ident} is {value}, by the way.", "I'll give you my {ident} now: {value}."], ["Here's my {ident}, {value}.", "You'll want my {ident}, it's {value}."]),
    },
    "volunteer_ack": {
        "zh": (["好的。", "嗯，好。"], ["行，知道了。", "好的好的。"]),
        "en": (["Okay.", "Right, okay."], ["Got it.", "Alright."]),
    },
    "frustrated": {
        "zh": (["这已经是我第三次打电话了，真的很烦。", "我真的很着急，能不能快点处理？"], ["我都快被气死了。", "说实话我对你们很失望。"]),
        "en": (["This is the third time I've called about this.", "I'm honestly really fed up with this."],
               ["I've had enough of this, to be honest.", "I'm so stressed about it."]),
    },
    "empathy_good": {
        "zh": (["非常抱歉给您带来了不便，我理解您的心情。", "这确实让人着急，您别担心，我马上帮您处理。"], ["给您添麻烦了，真是不好意思，我来帮您看看。", "换作是我也会着急的，我们一起把它解决。"]),
        "en": (["I'm really sorry about that, I understand how frustrating it must be.", "That sounds stressful, I'm sorry. Let me sort this out for you."],
               ["Oh no, I apologise for the trouble this has caused you.", "I can only imagine how worrying that is. Let's get it fixed."]),
    },
    "empathy_repeat": {
        "zh": (["不好意思，您能再说一遍吗？", "抱歉，刚才信号不好，没听清。"], ["对不起，您刚才说的我没听到，麻烦重复一下。", "不好意思，能大声一点吗？"]),
        "en": (["Sorry, could you repeat that?", "Sorry, you cut out there, say that again?"],
               ["Sorry, I didn't catch that, come again?", "Pardon, sorry? The line's bad."]),
    },
    "empathy_wait": {
        "zh": (["不好意思让您久等了。", "抱歉久等了。"], ["让您久等了，不好意思。", "抱歉刚才让您等了一会儿。"]),
        "en": (["Sorry for the wait.", "Sorry to keep you waiting."], ["Apologies for the hold.", "Sorry about the wait there."]),
    },
    "pii_digits": {
        "zh": (["我看到您绑定的卡号是{card}，对吧？", "您登记的手机号是{phone}对吗？"], ["系统里您的银行卡是{card}。", "您的身份证号码是110105198803071234，没错吧？"]),
        "en": (["I can see the card on file is {card}, is that right?", "I have your mobile as {phone}, correct?"],
               ["The card we have is {card}.", "Your social security number is 512-44-9087, yes?"]),
    },
    "pii_words": {
        "zh": (["您的手机号是一三八，幺二三四，五六七八，对吧？", "卡号我给您念一下：六二二二，零二一零，三三四五，六七八九。"], ["您预留的号码是幺五九，零零七七，二三四六。", "您的卡号是六二二八四八零零，三二一九七七五六。"]),
        "en": (["Let me read your card back: four five three two, seven seven eight eight, one two zero zero, nine three four five.", "Your mobile is four one five, five five five, zero one eight two, right?"],
               ["The card number is five four one two, double seven three one, zero zero four four, eight eight one six.", "So your number's six oh two, four four one, nine nine three oh, yes?"]),
    },
    "pii_split": {
        "zh": ([[("a", "您的卡号是6222 0210"), ("c", "嗯。"), ("a", "3345 6789，对吧？")]], [[("a", "我念一下您的手机号，一八六"), ("c", "嗯"), ("a", "零七一二，三四五九，没错吧？")]]),
        "en": ([[("a", "The card on file starts 4532 7788"), ("c", "Mm-hm."), ("a", "1200 9345, is that the one?")]], [[("a", "I'll read your number back, four one five, five five five"), ("c", "Yep."), ("a", "zero one eight two. Correct?")]]),
    },
    "pii_last4": {
        "zh": (["是尾号{last4}的那张卡吗？", "系统显示您绑定的是尾号{last4}的手机。"], ["您说的是后四位{last4}的这张卡对吧？", "好的，尾号为{last4}的银行卡已经冻结。"]),
        "en": (["Is that the card ending in {last4}?", "I can see a mobile ending {last4} on the account."],
               ["That's the card with the last four digits {last4}, yes?", "Okay, the card ending {last4} is now blocked."]),
    },
    "pii_customer": {
        "zh": ([[("c", "我的手机号是{phone}，你们打这个就行。"), ("a", "好的，已经备注了。")]], [[("c", "卡号是{card}，你帮我看看。"), ("a", "好的，我查到这张卡了。")]]),
        "en": ([[("c", "My number is {phone}, call me on that."), ("a", "Thanks, I've added that to the notes.")]], [[("c", "The card is {card}."), ("a", "Thanks, I've found that card.")]]),
    },
    "rude": {
        "zh": (["这个我刚才就说过了，你没听吗？", "这种问题也要打电话？你自己不看说明的吗？"], ["跟你说了多少遍了，听不懂吗？", "我说了没办法，你爱信不信。"]),
        "en": (["I already told you that, were you even listening?", "Honestly, did you not read the instructions?"],
               ["Look, it's your own fault for not reading the email.", "There's nothing I can do, take it or leave it."]),
    },
    "sarcasm": {
        "zh": (["您可真行，这都能弄坏。", "真是天才，密码一天能忘三次。"], ["哟，厉害了，自己把路由器重置了还来问我。", "您真聪明啊，说明书都不用看。"]),
        "en": (["Wow, great job, genius, you unplugged it yourself.", "Oh brilliant, another customer who can't read an email."],
               ["Nice going, Einstein, that's the third time you've locked yourself out.", "Congratulations, you've managed to break the one thing that can't break."]),
    },
    "customer_swears": {
        "zh": (["这破玩意儿真他妈烦人！", "你们这什么垃圾服务！"], ["妈的，又出问题了！", "我真是受够了，搞什么鬼！"]),
        "en": (["This damn thing is useless!", "What the hell is going on with my account?"], ["This is bloody ridiculous!", "I'm sick of this crap, honestly."]),
    },
    "negated_insult": {
        "zh": (["这不是您的错，是系统的问题。", "您一点都不笨，这个设置确实很绕。"], ["这事不怪您，是我们这边弄错了。", "不是您的问题，很多人都会遇到。"]),
        "en": (["This isn't your fault at all, the system glitched.", "You're not stupid for asking, that menu confuses everyone."],
               ["None of this is your fault, it's on our side.", "Honestly, nobody would call that a dumb question."]),
    },
    "neutral_quote": {
        "zh": (["我已经在投诉单里注明，上一位客服对您说了“笨”这个字。", "您说之前的同事骂您“白痴”，这个我会上报。"], ["您提到之前的客服说您“脑子有问题”，我已经记录并上报主管。", "系统提示写着“错误：无效操作”，这个不影响使用。"]),
        "en": (["I've noted that the previous agent used the word 'idiot' with you, and that's been escalated.", "You said the last person called you stupid, I'll report that to my manager."],
               ["The screen shows the message 'stupid error 42', which is a known bug.", "You mentioned you were told it's 'your own fault', which isn't how we handle this."]),
    },
    "hold": {
        "zh": (["请您稍等，我帮您查询一下。", "麻烦您稍候，我查一下系统。"], ["我查一下，您先别挂机。", "您稍等片刻，我去确认一下。"]),
        "en": (["Could you hold for a moment while I check?", "Bear with me a second, I'm looking that up."],
               ["Let me look into that, just a moment please.", "I'll need to put you on hold for a minute, is that okay?"]),
    },
    "hold_ack": {
        "zh": (["好的。", "嗯，行。"], ["好。", "可以。"]),
        "en": (["Sure.", "Okay."], ["No problem.", "That's fine."]),
    },
    "hold_back": {
        "zh": (["感谢您的耐心等待。", "谢谢您的等待。"], ["我回来了，谢谢您等我。", "好的，查到了。"]),
        "en": (["Thanks for holding.", "Thank you for waiting."], ["Okay, I'm back.", "Right, I've got it here."]),
    },
    "working": {
        "zh": (["我看一下您的记录。", "我这边系统里找一下。"], ["我在后台查询。", "我核实一下。"]),
        "en": (["Let me see.", "Okay, I'm looking at your records."], ["Right, so I can see the history here.", "Just looking at the account now."]),
    },
    "resolution_good": {
        "zh": (["请问这样处理可以吗？问题解决了吗？", "请问还有其他可以帮您的吗？"], ["您看这样安排您满意吗？", "除了这个，还有别的需要我帮忙的吗？"]),
        "en": (["Does that solve the problem for you?", "Is there anything else I can help you with today?"],
               ["Have I answered everything you needed?", "Is that all sorted for you now, or is there something else?"]),
    },
    "resolution_yes": {
        "zh": (["可以了，没别的了。", "解决了，谢谢。"], ["好的，就这些。", "没有了。"]),
        "en": (["Yes, that's everything, thanks.", "No, that's all."], ["That's great, nothing else.", "Yes, all good now."]),
    },
    "resolution_flat": {
        "zh": (["我这边就这些了。", "我已经没有别的要说明的了。"], ["那就先这样处理了。", "就是这么个情况。"]),
        "en": (["I don't have anything else for you.", "That's all I can do from here."], ["So that's where we are.", "Nothing more to add on my side."]),
    },
    "customer_thanks": {
        "zh": (["好的，谢谢你。", "嗯，麻烦你了。"], ["行，多谢。", "好的好的，谢谢。"]),
        "en": (["Okay, thank you.", "Alright, thanks."], ["Great, cheers.", "Okay, that helps, thanks."]),
    },
    "closing_good": {
        "zh": (["感谢您的来电，祝您生活愉快，再见！", "谢谢您的耐心，再见。"], ["不客气，祝您一切顺利，再见。", "好的，感谢您的支持，有问题随时来电。"]),
        "en": (["Thanks for calling {company}, have a great day!", "Thank you for your patience. Goodbye and take care."],
               ["You're welcome, enjoy the rest of your day. Bye now.", "Glad I could help, thanks for your time."]),
    },
    "closing_curt": {
        "zh": (["行了，就这样。", "没事挂了。"], ["好，挂了。", "那就这样吧。"]),
        "en": (["Okay. Bye.", "That's it then."], ["Right. Done.", "Yep, that's it."]),
    },
    "customer_bye": {"zh": (["再见。", "拜拜。"], ["好，再见。", "嗯，拜拜。"]), "en": (["Bye.", "Goodbye."], ["Cheers, bye.", "Bye now."])},
    "inquiry_answer": {
        "zh": (["这个我帮您查到了，我发短信把详细说明给您。", "可以的，我这边直接给您办理。"], ["好的，这个已经为您登记好了。", "没问题，具体流程我发到您手机上。"]),
        "en": (["I've found that for you, I'll text over the details.", "Yes, I can set that up for you right now."],
               ["Sure, that's now on your account.", "No trouble, I'll email you the steps."]),
    },
}
