# ruff: noqa: E501 -- a phrase list reads best as one line per kind
"""The standard vocabulary of the built-in items, per language: phrases in their folded form
(lower case, simplified characters, half-width). A scorecard's item may name one of these
(``"lexicon": "greeting"``) or carry its own phrases (``"phrases": {"zh": [...], "en": [...]}``).
"""

from __future__ import annotations

LEXICONS: dict[str, dict[str, list[str]]] = {
    # Greeting words and polite openings.
    "greet": {
        "zh": ["您好", "你好", "请问", "请讲", "请说", "您说", "遇到什么", "需要办理", "有什么需要", "能帮", "早上好", "上午好", "下午好", "晚上好", "欢迎致电", "欢迎来电", "感谢致电", "感谢您致电", "感谢来电", "请讲", "请问有什么", "有什么可以帮", "为您服务", "很高兴"],
        "en": ["hello", "hi", "morning", "afternoon", "evening", "what's up", "what can i do", "how can we help", "go ahead", "hey there", "hey", "hiya", "howdy", "g'day", "good morning", "good afternoon", "good evening", "good day", "thank you for calling", "thanks for calling", "welcome to", "how can i help", "how may i help", "what can i do for you", "how can i assist", "how may i assist", "go ahead please", "kia ora", "namaste", "aloha", "vanakkam", "salaam", "assalamu alaikum", "shalom", "bonjour", "hola", "good to hear from you"],
    },
    # The agent names the company or themselves.
    "self_identify": {
        "zh": ["这里是", "我是", "在线", "这边", "工号", "客服", "为您服务", "欢迎致电", "感谢致电", "感谢您致电", "感谢来电", "欢迎来电", "热线", "公司", "银行", "中心", "燃气", "电力", "保险", "航空", "快递", "物流", "酒店", "医院", "售后", "专员", "号话务员", "号坐席", "我姓", "我叫", "驾校", "学校", "诊所", "物业", "前台", "营业厅", "门店", "办公室", "服务台", "服务站", "管理处", "招生办", "商城", "旗舰店", "药房", "药店", "平台", "门诊", "12345"],
        "en": ["this is", "my name is", "you're speaking with", "you're speaking to", "here", "it's", "you're through to", "through to", "on the line", "from", "my name's", "speaking", "you've reached", "you have reached", "you've got", "you're talking to", "you're talking with", "thank you for calling", "thanks for calling", "welcome to", "i'm", "i am", "customer care", "customer service", "support", "helpdesk", "help desk", "bank", "insurance", "airlines", "team", "services"],
    },
    # What identifies a customer on their account.
    "identity": {
        "zh": ["手机号", "手机号码", "电话号码", "联系电话", "报案号", "理赔号", "案件号", "服务密码", "密码", "就诊卡号", "病历号", "机主", "证件", "姓名", "全名", "名字", "怎么称呼", "贵姓", "订单号", "订单编号", "账号", "账户号", "帐号", "保单号", "保单编号", "后四位", "尾号", "后4位", "出生日期", "生日", "出生年月", "验证码", "邮编", "邮政编码", "邮箱", "电子邮件", "身份证", "会员号", "客户编号", "户号", "运单号", "预订号", "预约号", "卡号后", "后三位", "后两位", "后六位", "车牌号", "户主", "本人", "身份", "注册手机", "预留手机", "登记的手机", "单号", "快递单号", "工单号"],
        "en": ["social security number", "social security", "ssn", "national insurance number", "ni number", "tax id", "driver's licence number", "driver's license number", "claim number", "claim reference", "reference number", "booking ref", "pin", "passcode", "hospital number", "nhs number", "mobile number", "phone number", "number on the account", "card's last four", "last three digits", "last two digits", "digits of your", "name", "full name", "who am i speaking to", "account number", "on the account", "on your account", "account holder", "the account", "policy number", "who am i speaking with", "who i'm speaking with", "order number", "order id", "account number", "policy number", "last four", "last 4", "last four digits", "date of birth", "birthday", "dob", "verification code", "security code", "passcode", "one-time code", "code we", "postcode", "post code", "zip code", "zip", "email address", "email on", "e-mail", "member number", "membership number", "customer number", "member id", "membership id", "customer id", "account id", "user id", "account reference", "customer reference", "your reference", "job number", "job card number", "case number", "last name", "surname", "booking reference", "reservation number", "tracking number", "identity", "security question", "account holder"],
    },
    # The agent asks for or confirms something.
    "ask_confirm": {
        "zh": ["请问", "请提供", "提供一下", "报一下", "告诉我", "麻烦您", "核实", "核对", "确认", "验证", "说一下", "是多少", "是什么", "是吗", "对吗", "对吧", "是不是", "是否", "念一下", "读一下"],
        "en": ["could you", "can you", "can i take", "could i take", "can i grab", "could i grab", "can i check", "could i check", "who am i speaking to", "who's calling", "let me take", "can i have", "can i get", "may i have", "may i get", "may i", "could i", "please confirm", "confirm", "verify", "what is", "what's", "tell me", "give me", "read me", "is that", "am i speaking", "am i talking", "please provide", "provide", "i'll need", "i need", "just need", "to check"],
    },
    # Recording or monitoring of the call.
    "recording": {
        "zh": ["录音", "录制", "录着", "监听", "全程记录", "通话记录在案", "质检", "通话内容会留存", "通话会留存", "通话留存", "通话存档", "通话会被保存", "通话会保存", "通话内容会保存", "通话内容会被保存"],
        "en": ["call is recorded", "recorded", "monitored", "recording", "recordings", "record", "call is being recorded", "calls are recorded", "call may be recorded", "calls may be recorded", "call will be recorded", "calls are monitored", "call is monitored", "call may be monitored", "calls may be monitored", "call is being monitored", "recorded for quality", "recorded for training", "monitored for quality", "monitored for training", "recorded and monitored", "being recorded", "this conversation is recorded", "conversation is being recorded", "conversation may be recorded", "line is recorded", "recording this call", "recording the call", "record this call", "calls are being recorded", "call recording", "listen in", "listening in", "listens in", "listen to this call", "listening to this call"],
    },
    # Words for the call itself, which a recording word must come with in English.
    "call_words": {
        "zh": ["通话", "电话", "来电"],
        "en": ["call", "calls", "call's", "conversation", "conversations", "line", "phone call"],
    },
    # A customer voicing a problem, complaint, worry or bad news.
    "problem": {
        "zh": ["一直不", "放了一周", "突发", "两次", "误机", "没赶上", "翻倍", "交不起", "付不起", "太贵", "涨价", "不明白", "不懂", "被拒", "被人", "刮了", "刮花", "裂了", "碎了", "一直没", "没人联系", "没人管", "没人理", "没人回", "打不了", "一直在响", "网速慢", "很慢", "太慢", "第二次", "第四次", "还是不", "漏气", "煤气味", "笨", "有问题", "车祸", "断了", "又断", "根本没", "没声音", "没有声音", "他妈", "害怕", "慌", "连不上", "上不了", "耽误", "不了", "没有收到", "不见了", "没反应", "不走", "打不着", "算错", "多收", "坏", "破", "丢", "被锁", "锁了", "转错", "扣了", "不是我", "没消息", "撞", "漏", "取消", "出问题", "出了问题", "问题还没", "问题一直", "烦死", "很烦", "烦人", "故障", "坏了", "不能用", "用不了", "不好用", "无法", "没法", "打不开", "登不上", "收不到", "没收到", "还没到", "没到", "没送到", "延误", "晚点", "取消了", "投诉", "着急", "急死", "担心", "害怕", "生气", "气死", "烦死", "不满", "失望", "错了", "搞错", "扣了两次", "多扣", "扣错", "乱扣", "丢了", "丢失", "被盗", "被偷", "诈骗", "骗", "去世", "过世", "住院", "生病", "病了", "出事", "事故", "漏水", "停电", "停水", "没电", "断网", "没网", "损坏", "破损", "少了", "欠费停机", "被停", "冻结", "拒绝", "退不了", "等了", "好几次", "第三次", "入院", "进医院", "住进医院", "急诊", "急事", "不适应", "不愿意去", "头疼", "没劲", "抛锚", "熄火", "趴窝", "故障灯", "亮了个黄灯", "亮黄灯", "亮红灯", "弄不中", "弄不好", "弄不来", "买不来", "办不成", "搞不定", "不舒服", "骂我", "骂了我"],
        "en": ["didn't come", "didn't send", "been using my", "someone's been", "smelled gas", "smell gas", "gas smell", "shaken", "shaky", "nervous", "no service", "no internet", "no connection", "nothing connects", "won't connect", "can't connect", "doesn't connect", "red light", "light is red", "don't recognise", "don't recognize", "didn't make", "didn't authorise", "didn't authorize", "called me", "rude", "insulted", "in front of everyone", "twice", "doubled", "can't afford", "don't understand", "rejected", "refused", "missed my", "missed the", "nobody calls", "no one calls", "nobody called", "still isn't", "still not", "doesn't fit", "dispute", "slow", "feel so stupid", "feel stupid", "problem", "issue", "no signal", "cracked", "smashed", "swallowed", "pouring", "nobody's come", "been charged", "bloody", "damn", "panicking", "not here", "nobody has", "ripped", "torn", "dropped out", "dropping out", "keeps dropping", "stuck", "embarrassed", "no record", "by mistake", "mistake", "reversed into", "sitting there", "freezing", "no gas", "can't be right", "never made", "haven't left", "wasn't me", "not working", "doesn't work", "isn't working", "stopped working", "won't", "broken", "broke", "wrong", "charged twice", "double charged", "overcharged", "late", "delayed", "never arrived", "hasn't arrived", "haven't received", "didn't receive", "not received", "missing", "lost", "stolen", "fraud", "scam", "complaint", "complain", "worried", "worry", "concerned", "scared", "frustrated", "frustrating", "annoyed", "annoying", "upset", "angry", "furious", "disappointed", "terrible", "awful", "ridiculous", "unacceptable", "passed away", "died", "death", "hospital", "sick", "accident", "damaged", "leak", "leaking", "outage", "no power", "can't", "cannot", "couldn't", "unable", "error", "failed", "declined", "cancelled", "canceled", "locked out", "blocked", "frozen", "third time", "waiting for", "been waiting", "still waiting", "mess", "nightmare", "a lot of money", "got hit with", "normally pay", "usually pay", "fell off my chair", "insane", "outrageous", "crooks", "cheats", "robbery", "rip-off", "ripped off", "nobody told me", "no one told me", "deducted", "shouldn't have to pay", "shouldn't have to", "it's mad", "such a muppet", "such an idiot", "i'm an idiot", "i'm so stupid", "silly me", "my mistake", "my fault", "messed up", "i've gone and", "never got", "on my back", "didn't get", "you've sent me", "sent me the wrong", "sent the wrong", "wrong colour", "wrong color", "wrong size", "send it back", "wrong year", "wrong date"],
    },
    # An apology or an acknowledgement of the customer's situation.
    "empathy": {
        "zh": ["谁都会", "换谁都会", "换成我也会", "换做我", "换了是我", "换了我也", "要是我也会", "别这么说", "千万别", "难过", "你的担心", "让人着急", "扫兴", "恼火", "不过分", "抱歉", "我理解", "别紧张", "不要紧张", "别慌", "对不起", "不好意思", "歉意", "理解您", "理解你", "理解的", "能理解", "明白您的", "明白你的", "您着急", "你着急", "着急是", "多着急", "有多着急", "能不着急", "谁不着急", "肯定着急", "挺着急", "很着急", "别担心", "不用担心", "您放心", "别着急", "给您添麻烦", "给您带来", "带来不便", "辛苦您", "很遗憾", "遗憾", "节哀", "心情", "难受", "换作是我", "确实让人", "确实很", "太糟糕", "体谅", "遭罪", "受罪", "好好养", "早日康复", "换我也", "换成我也", "搁谁", "谁都受不了", "糟心", "闹心", "窝火", "憋屈", "让人头疼", "挺头疼", "够呛", "不容易", "一点都不笨", "一点也不笨", "不怪你", "别怪自己", "别自责", "谁都没办法"],
        "en": ["happens to a lot of people", "happens to everyone", "you did the right thing", "right thing calling", "don't feel stupid", "don't blame yourself", "unsettling", "horrible", "that's rough", "oh no", "not being unreasonable", "i'd be annoyed", "i'd be upset", "i'd be frustrated", "sorry to hear", "sorry you're", "sorry about that", "sorry it", "sorry", "apologise", "that must be", "must be so", "must be frustrating", "must be difficult", "must be hard", "must be worrying", "must be stressful", "that sounds frustrating", "that sounds stressful", "that sounds awful", "that sounds difficult", "that sounds really", "sounds really", "apologize", "apologies", "my apologies", "i understand", "understand how", "understand that", "understand your", "understandable", "i can imagine", "can only imagine", "how frustrating", "so frustrating", "i hear you", "i get it", "don't worry", "no need to worry", "i appreciate how", "condolences", "that's awful", "that's terrible", "i feel for you", "must have been", "completely understand", "totally understand", "get well soon", "hope you feel better", "you're not an idiot", "you're not stupid", "you're not being silly", "not silly at all", "not daft", "you're not the first", "you're not alone", "loads of people", "lots of people", "plenty of people"],
    },
    # An apology: what "not_empathy" sets aside in a sentence ("sorry, could you repeat that?"),
    # leaving any other acknowledgement in it.
    "apology": {
        "zh": ["抱歉", "对不起", "不好意思", "歉意", "sorry"],
        "en": ["sorry", "apologise", "apologize", "apologies", "my apologies", "pardon me", "excuse me"],
    },
    # "Sorry" that is not empathy: asking to repeat, for the line, for the wait.
    "not_empathy": {
        "zh": ["再说一遍", "再说一次", "重复一下", "重复一遍", "没听清", "听不清", "没听到", "再讲一遍", "再讲一下", "大声一点", "大点声", "大声点", "声音太小", "没听太清", "没太听清", "听不太清", "您说什么", "你说什么", "您刚才说", "那边太吵", "那边好吵", "那边有点吵", "信号不好", "久等", "让你久等", "让你等了一会", "让你等一下", "让你等一会", "让你等了一下", "等了一会", "打断一下", "打断您", "稍等", "请问您刚才说"],
        "en": ["repeat", "say that again", "say again", "didn't catch", "did not catch", "come again", "pardon", "speak up", "hear you", "bad line", "the line", "you're breaking up", "for the wait", "for the hold", "about the wait", "about the hold", "keeping you waiting", "to keep you waiting", "to interrupt", "one moment", "what was that", "missed that", "spell that", "sorry?", "was that", "did you say", "or was it", "which one was"],
    },
    # Checking the need is met, or offering more help.
    "resolution_check": {
        "zh": ["还有事吗", "还有别的事", "还有什么事", "还有别的吗", "其他的吗", "不放心的", "还有其他", "没别的", "没有别的", "没其他", "还有别的", "还有什么", "还有没有", "还需要", "其他问题", "别的问题", "其他需要", "其他可以帮", "解决了吗", "解决了没有", "是否解决", "解决您的问题", "满意吗", "可以吗", "清楚了吗", "明白了吗", "没问题了吧", "好了吗", "可以了吗", "有帮助吗", "回答了您", "处理好了吗", "还满意", "这样行吗", "您看可以", "还有没得", "行不行", "行不行啊", "能接受吗", "可以接受吗", "接受吗", "满不满意", "中不中", "还有啥要", "还有啥需要", "看行吗", "看行不行", "您看这样", "你看这样"],
        "en": ["sort things out", "sorted things out", "anything else", "was there anything", "is there something", "have i answered everything", "put your mind at rest", "anything i can", "anything else", "does that cover", "done the trick", "did the trick", "everything you need", "something else", "is there anything", "any other questions", "any other question", "anything more", "does that solve", "does that fix", "does that help", "did that help", "does that answer", "has that answered", "have i answered", "does that work", "is that all sorted", "all sorted", "is that sorted", "is that clear", "does that make sense", "are you happy with", "happy with that", "is that okay", "is that ok", "is that alright", "is that all right", "resolved", "fixed for you", "working now", "work for you", "help with today", "taken care of", "anything further", "cleared all your doubts", "cleared your doubts", "any other doubts", "any more doubts", "all your doubts", "clear your doubts", "does that all make sense", "all make sense", "owt else", "owt more"],
    },
    # Thanks or a polite goodbye.
    "closing": {
        "zh": ["谢谢", "感谢", "多谢", "再见", "祝您", "祝你", "慢走", "一路顺风", "生活愉快", "愉快", "回见", "欢迎再次", "欢迎下次", "不客气", "再会", "下次见"],
        "en": ["thank you", "my pleasure", "enjoy the", "thanks", "thank", "goodbye", "good bye", "have a nice", "have a good", "have a great", "have a lovely", "have a wonderful", "take care", "enjoy your", "all the best", "good night", "cheers", "bye now", "speak soon", "see you soon", "drive safe", "safe travels", "ta-ra", "tara", "cheerio", "diolch"],
    },
    "not_closing": {
        "zh": ["谢谢你浪费", "谢谢你的不配合"],
        "en": ["thanks for nothing", "thanks a lot for wasting", "thank you for wasting"],
    },
    # Asking the customer to hold or wait (a silence after it is expected).
    "hold": {
        "zh": ["稍等", "请等", "等一下", "等一等", "稍候", "请您等", "请别挂", "别挂", "不要挂", "保持通话", "请不要挂机", "一会儿", "片刻"],
        "en": ["hold", "holding", "hold on", "on hold", "one moment", "a moment", "just a moment", "a second", "one second", "one sec", "just a sec", "bear with me", "please wait", "wait a moment", "wait a minute", "give me a minute", "give me a moment", "stay on the line", "don't hang up", "i'll be right back", "be right with you", "a minute"],
    },
    # The agent insulting, mocking, swearing at, threatening or rudely blaming the customer.
    "forbidden": {
        "zh": ["笨", "滚开", "给我滚", "你有病", "有病吧", "有病啊", "蠢", "傻", "白痴", "弱智", "脑子", "神经病", "废物", "闭嘴", "他妈", "tmd", "操你", "去死", "活该", "找死", "你自己的问题", "你自己的错", "你的错", "怪你", "怪您自己", "您自己的问题", "你没听吗", "你没听见吗", "你聋", "不识字", "你不会看", "你自己不看", "不看说明", "爱信不信", "爱要不要", "爱打不打", "烦不烦", "有完没完", "听不懂人话", "听不懂吗", "说了多少遍", "我早就说过了", "早跟你说了", "你可真行", "你真行", "真聪明啊", "真是天才", "天才", "厉害了", "这都能弄坏", "这都能搞错", "这都不会", "谢谢你浪费", "服了你", "你给我等着", "后果自负", "投诉也没用", "有本事", "关我什么事", "不关我的事", "你自己看着办", "谁让你", "赖谁"],
        "en": ["stupid", "that's on you", "one's on you", "another customer who", "can't read", "great job, genius", "idiot", "idiotic", "dumb", "moron", "dimwit", "clueless", "pathetic", "shut up", "get lost", "piss off", "damn", "goddamn", "hell is wrong", "the hell", "what the hell", "fuck", "f***", "shit", "crap", "bloody", "bastard", "your own fault", "your fault", "you should have known", "not my problem", "were you even listening", "weren't you listening", "are you deaf", "can't you read", "did you not read", "didn't you read", "you didn't even read", "learn to read", "take it or leave it", "i don't care", "don't care what", "you're calling about this", "seriously, you're calling", "how hard can it be", "it's not rocket science", "genius", "einstein", "well done, you", "nice going", "good job breaking", "congratulations, you", "oh great, another", "clearly you can't", "you people", "you'll regret", "watch yourself", "try me", "tough luck", "just deal with it", "thanks for nothing", "thanks a lot for wasting", "not my job", "grow up", "waste of my time", "wasting my time", "told you already", "already told you", "for the last time", "are you kidding me"],
    },
    # Words before a forbidden word that make it a neutral quote or report, not the agent's insult.
    "reported": {
        "zh": ["说您", "说你", "骂您", "骂你", "称您", "称你", "叫您", "叫你", "这个词", "这个字", "写着", "显示", "提示", "您说", "你说", "他说", "她说", "同事说"],
        "en": ["called you", "call you", "said you", "says you", "told you you", "the word", "word", "said", "says", "wrote", "shows", "message", "label", "named", "you said", "he said", "she said", "they said", "calling you"],
    },
}

# Rudeness worded without a listed insult, as patterns on the folded sentence (simplified
# characters, 您 folded to 你, lower case, straight quotes), by kind. A pattern found negated
# ("这不是你自己的问题"), quoted or reported does not count, as for the phrases. The kinds are
# classes of rude speech (how a put-down is built), not lists of calls' sentences.
RUDENESS: dict[str, dict[str, list[str]]] = {
    # Second person with a derogatory word, or a slur on the customer's sense.
    "derogatory": {
        "zh": [r"你这(种|样的)?人", r"像你这样的", r"你们这(些|种)人", r"这么事多", r"事(儿)?(真|怎么这么)多",
               r"(简单|小事)\S{0,8}都(不会|不懂|弄不好|搞不定)", r"真是服了", r"我也是服了", r"想\S{0,3}骗",
               r"你(的)?(脑子|脑袋|智商|理解能力)", r"(三岁|小学生|小孩(子)?)都(懂|会|知道|明白|看得懂)",
               r"像(你|你们)这(种|样|类)(?!的?(情况|问题|情形|条件|套餐|订单|业务|账户|户型|需求|年龄段|类型))",
               r"瞎折腾",
               r"也是服了"],
        "en": [r"\bpeople like you\b", r"\bthe likes of you\b", r"\byou lot\b", r"\byour sort\b(?! code)",
               r"\b(do|did) you (even|actually|really) (know|understand|read|listen)\b",
               r"\bor should i (start|begin) with\b", r"\bpanic(king)? over nothing\b",
               r"\bstop (panicking|whining|moaning|crying|complaining)\b", r"\bnot paid enough to\b",
               r"\bdeal with (people like you|you people|the likes of you)\b",
               r"\beven a (child|kid|toddler|(five|six|three)[- ]year[- ]old)\b",
               r"\b(a right|right|a bit|so|that|too|you're|are you) thick\b", r"\bthick (one|as)\b"],
    },
    # Talking down: explaining slowly "for" the customer, counting repetitions, "even this".
    "condescension": {
        "zh": [r"(年纪|岁数)(大|这么大)了\S{0,6}(脑子|反应|记性|转得慢|听不懂|不懂|学不会)", r"脑子转得(慢|不过来)", r"这都(什么|啥|哪)年代了", r"没(工夫|时间|空)\S{0,4}教(你|您)", r"(总|总该|该|应该)(能|会)?(听懂|听明白|看懂|明白)了吧",
               r"(说|讲|告诉你)了?(多少|八百|一百|无数)遍", r"(还|都)要我(说|讲|教)", r"这(都|也)(不知道|不懂|不明白|看不懂|听不懂)(吗|啊|呀|[?？!！])",
               r"说(得|的)?(这么|很|够)清楚了?(还|都)", r"省得你(又|再)", r"这么大(个|的)?人了", r"(奶奶|老太太|小孩|孩子|小学生)都比你",
               r"比你(利索|聪明|明白|强)", r"心里没(点)?数", r"丢不丢人",
               r"这么(大|明显|显眼|简单|清楚)(个|的)?\S{0,8}都(能|会)?(看漏|看不见|看不到|找不到|搞不懂|弄不明白|不会)",
               r"这都(找不着|找不到|不会弄|看不见|看不到)",
               r"(老年人|老人家|上了年纪的|岁数大的)(就|还是)别",
               r"让(家里)?(孩子|年轻人|儿子|女儿|孙子|孙女)(弄|帮你弄|来弄)吧"],
        "en": [r"\b(explain|go through|say|spell) (it|this|that)( out)? (real |really |very |nice and )?slow(ly)?,? (since|because|as)\b", r"\b(didn't|did not|doesn't|does not|hasn't|has not|not) (\w+ ){0,2}(sink|sunk) in\b", r"\beven (a|my) (\w+[- ]year[- ]old |little )?(kid|child|toddler|nephew|niece|son|daughter|grandson|granddaughter)\b", r"\bask your (daughter|son|kids|grandkids|grandson|granddaughter|children)\b.{0,20}\b(for you|to help)\b", r"\b(isn't|is not|not) (exactly |really )?your strong suit\b", r"\b(doesn't|does not|isn't|is not|not) (seem to be |really )?sinking in\b", r"\b(since|as|because) you('re| are) (clearly|obviously)\b", r"\b(small|short|little) words\b",
               r"\bspell it out for you\b", r"\bhow (many times|often) do i have to\b", r"\bnot exactly rocket science\b",
               r"\bfor the (hundredth|umpteenth|millionth) time\b", r"\bin (actual|proper|real|plain) english\b",
               r"\ba (\w+[- ]year[- ]old|child|kid|toddler) (could|can|would) (do|manage|sort|figure|work|get|understand)\b",
               r"\bmy (nan|gran|grandma|granny|nana|mum|mom) (could|can|managed|manages|did)\b", r"\bhowever did you\b",
               r"\b(go|talk|say it|speak|take it|explain it) (real|really|nice and|extra|super) slow(ly)? (\w+ ){0,2}so (that )?you can (follow|keep up|understand|get it)\b",
               r"\beven (a|my|your) (\w+[ -]){0,3}(can|could) (do|use|manage|figure|work|understand|get)\b",
               r"\bnice and slow for you\b",
               r"\b(isn't|is not|not|hard|difficult|tricky|confusing) (easy |simple )?at your age\b",
               r"\b(a lot|hard|difficult|confusing|tricky|complicated) for (folks|people|someone|somebody|ladies|gentlemen) (of )?your age\b",
               r"\bslow(ly)?,? (okay|alright|right),? (since|because|as)\b"],
    },
    # Sarcasm: a question or remark that mocks the customer.
    "sarcasm": {
        "zh": [r"又(是)?(一个|来一个|来了个)(嫌|要|说|问|来)\S{1,8}的", r"(你|您)这么见过(大)?世面", r"(你|您)心里比谁都(明白|清楚)", r"还能难(住|倒)(你|您)", r"你是(不会|不懂|看不懂|听不懂|不识字)\S{0,8}(吗|吧)", r"你是不是(不会|不懂|看不懂|听不懂)",
               r"打什么电话", r"(也|还|都)要打\S{0,2}(电话|客服)\S{0,2}(吗|啊|呀|[?？])", r"随便你(吧|了)?([。！!]|$)", r"你等着(瞧|吧)?([。！!]|$)",
               r"这点小事(也|都|还)", r"(这种|这点|这么点)\S{0,6}(也|还|都)要(打|找|问)",
               r"你还知道(要)?(看|读|问|打电话|来|找|回)", r"我还以为你\S{0,8}(都不|不会|不识字|看不懂|不看)", r"你觉得(有意思|好玩|好笑)吗",
               r"(整天|天天)闲着", r"陪你(玩|聊|耗)", r"你可真(会|能|行|有本事)", r"真有你的", r"想得(倒|真|挺)?美",
               r"(真是|也是|可真是|真|也真是)够可以的",
               r"(你|您)也是(挺|真|够|蛮)(厉害|行|能耐|有本事|可以)",
               r"呵呵([。！!~～]|$)",
               r"(真是|可真|真)心大",
               r"佩服佩服",
               r"现在(倒|才|又)想起来",
               r"(腔|口音)\S{0,12}(跟|像)\S{0,8}(似的|一样)"],
        "en": [r"\bwith your eyes open\b", r"\b(proper|real|regular|right) (sherlock|genius|einstein|rocket scientist)\b", r"\bor (was|is) that (too much|a bit much)\b", r"\bto your forehead\b", r"\blose (their|your) head if it (wasn't|weren't) screwed on\b", r"\b(gotta be|got to be|must be|has to be|that's) (some kind of|some sort of|a new) record\b", r"(^|[,.] )course you (didn't|did|haven't)\b", r"\btoo much (effort|trouble|to ask),? (wasn't|was|isn't|is) it\b", r"\b(revolutionary|groundbreaking) idea\b",
               r"\bof course you (haven't|didn't|don't|can't|won't|have not)\b",
               r"\bi don't know, (turning|switching|reading|trying|plugging)\b",
               r"\boh,? (sure|great|brilliant|wonderful|perfect|fantastic|lovely|marvell?ous),? (because|another|just what)\b",
               r"^(oh,? |yeah,? )?sure you (did|do|have|were)[.!?]?$", r"\bnothing better to do\b",
               r"\bwhat (did|do) you expect[.!?]?$", r"\b(big|what a) (surprise|shock)\b(?!,? (that|it|this) must| for you| to (get|hear|find|see))", r"\bshocker\b",
               r"\banother one who (can't|cannot|doesn't|didn't|won't|never)\b", r"\bi dunno, (\w+ing)\b",
               r"\b(yet )?another (genius|one of you)\b", r"\b(really |totally )?nailed it\b", r"\bbold choice\b",
               r"\bor (was|is) that (a bit |way |far |just )?(too )?(advanced|complicated|technical|difficult|hard)\b",
               r"\bsend someone (round|over|out) to (press|push|click|plug|switch|turn)\b",
               r"\b(this|that) (one )?(also|even) need(s)? to call\b",
               r"\b(brilliant|great|excellent|fantastic|top[- ]notch|clever) bit of (planning|thinking|forethought)\b",
               r"\blet me guess,? (the|you|your)\b.{0,60}\b(haven't|have not|'ve not|didn't|did not)\b",
               r"^classic[.!]*$",
               r"\blike yours,? i (wouldn't|would not|won't)\b"],
    },
    # Rude blame: the customer's own doing, said to shame them.
    "blame": {
        "zh": [r"谁(让|叫)你", r"(是|这是|那是)你自己的(问题|错|事)", r"关我\S{0,2}事", r"(早|当初)(干嘛|干什么|干啥)去了",
               r"(怪|能怪|该怪)谁", r"自找的", r"自作自受", r"(之前|当初|买之前|用之前)(不|没)(看|问|想)\S{0,8}现在(又|才)?(来)?(找|怪|问)",
               r"(倒|反倒|反而|倒是)(来|还)?(怪|赖|埋怨)(我们|我|人家)",
               r"你们自己\S{0,10}(乱七八糟|写错|搞错|弄错)"],
        "en": [r"\b(that's|that is|it's|it is|this is) (really |all |entirely |totally |just )?on you\b",
               r"\b(that's|it's|this is) (really |all |entirely )?your (own )?(fault|problem|doing|mistake)\b",
               r"\b(maybe |try )+(read|reading|check|checking|look|looking)\b.*\bnext time\b",
               r"\bnext time\b.*\binstead of (ringing|calling|bothering)\b",
               r"\bserves you right\b", r"\b(that's|it's) what you get for\b", r"\bshould('ve| have) thought of that\b",
               r"\byou (brought|did) (this|it) (on|to) yourself\b", r"\bwhose fault\b",
               r"\byou shouldn't (over|under)\w+\b",
               r"\bso you (threw|chucked|binned|lost|deleted) (away |out )?the one (thing|document|form|bit|paper)\b"],
    },
    # Brushing the customer off so as to shame them.
    "dismissal": {
        "zh": [r"犯不着\S{0,6}(打电话|打过来|来电|找我们)", r"(打电话|打过来)\S{0,4}占线", r"我(哪|怎么)知道", r"你问我我问谁", r"跟我说(有什么|有啥)用", r"少(废话|啰嗦|啰唆)", r"(别|少)(在这|跟我)?(磨叽|啰嗦|墨迹|废话)",
               r"没空(听|跟你)", r"爱(找|去)谁(找|去)谁", r"没钱(就|还)(别|办|买|用)"],
        "en": [r"\bsome (people|folk)\b.{0,30}\b(proper|real|actual) problems\b", r"\b(don't|do not|no) need to (call|ring)\b.{0,25}\b(this kind of|something like this|every little)\b", r"\bit's you again\b", r"\b(don't|do) you (not )?have (anything|something) better to do\b", r"\bi (don't|do not) have all day\b", r"\b(i've|i have) got better things to do\b", r"\bgoogle it\b",
               r"\bfigure it out yourself\b", r"\bnot my (\w+ )?(problem|job|concern)\b", r"\bdo i look like\b",
               r"\bwhat do you want me to do about it\b",
               r"\b(people|callers|customers|folk|folks) (\w+ ){0,3}with (actually|genuinely|really|real|properly|actual) (serious|urgent|important|real)\b",
               r"\bcan't be spending (all|half) (the|my) (day|morning|afternoon)\b",
               r"\bhardly the end of the world\b"],
    },
    # Threats to the customer's service, account or person.
    "threat": {
        "zh": [r"(你|您)住(哪|几栋|几楼|在哪)\S{0,10}(我|我们)\S{0,4}(都有|都知道|知道|清楚)", r"(我|我们)(知道|有)(你|您)(住|家)(在)?(哪|几栋|几楼)", r"等着(停\S|瞧|挨|吃官司)", r"(再|还)\S{0,6}闹\S{0,4}(我就|我直接|就等着|你就)", r"列入黑名单", r"把你\S{0,4}拉黑", r"拉黑你",
               r"你(要是|如果)?再\S{0,12}(我(就|保证|让|会)|就)\S{0,8}(没人|没有人|别想|不给你|不管你|拉黑|停你|挂你|封你)",
               r"我保证\S{0,10}(没人|没有人|别想|不会有人)", r"有你(好看|好受)", r"给你点颜色", r"走着瞧",
               r"(要是|如果)?再(这么|这样)?(闹|吵|嚷|骂|投诉)\S{0,60}(不好说|别怪|后果)"],
        "en": [r"\b(we|i) know where you live\b", r"\bor i'll (cut|cancel|block|suspend|report|flag|ban|disconnect) (you|your)\b",
               r"\b(if you|you) keep \w+ing\b.*\b(i'll|i will|you'll|we'll)\b",
               r"\bi'll (have|get) (your|you)\b.*\b(cut off|disconnected|cancelled|blocked|banned|flagged|blacklisted|reported)\b",
               r"\bi'll flag your\b", r"\byou'll be sorry\b",
               r"\b(carry on|keep (on )?\w+ing|if you (keep|carry on|continue))\b.*\b(nobody|no one|never|blacklist\w*|cut you off|hang up on you)\b",
               r"\bwatch your mouth\b", r"\bdon't push your luck\b", r"\bi'll make sure you (regret|pay for|never|lose|get nothing)\b",
               r"\b(people|customers|folks|those) who\b.{0,60}\bhave a funny way of\b",
               r"\bthink (\w+ ){0,2}carefully before (taking|going|escalating)\b.{0,30}\b(ombudsman|regulator|complaint|press|lawyer|solicitor|court)\b",
               r"\b(i'd|i would|you'd|you might want to|you want to|better) (be careful|watch) how you (talk|speak)\b",
               r"\b(patients|customers|people|callers|folks|those) who (shout|swear|yell|complain|kick off|make a fuss|argue)\b.{0,60}\b(find|get|end up|no more|won't|never)\b"],
    },
    # Swearing by the agent (a customer's swearing is never judged).
    "swearing": {
        "zh": [r"(?<![妈当做])妈的", r"放屁", r"见鬼"],
        "en": [r"\bchrist\b", r"\bfor god's sake\b", r"\bffs\b"],
    },
}

# Swear words: said by the agent they count even negated ("not my damn problem"); only quoted or
# reported ones do not.
PROFANITY: dict[str, list[str]] = {
    "zh": [r"他妈", r"(?<![妈当做])妈的", r"tmd", r"卧槽", r"我靠", r"尼玛", r"你妹", r"狗屁", r"屁(话|事)", r"滚(蛋|开|吧|远点|出去)",
           r"混蛋", r"王八蛋", r"傻(逼|b|x)", r"(?<![a-z0-9])sb(?![a-z0-9])", r"操你"],
    "en": [r"\bfuck\w*", r"\bshit\w*", r"\bdamn(ed|it)?\b", r"\bgoddamn\w*", r"\bbloody\b", r"\bcrap\w*", r"\bbollocks\b",
           r"\bwank\w*", r"\barse(hole)?s?\b", r"\bass(hole)?s?\b", r"\bbitch\w*", r"\bdickheads?\b",
           r"\bbastard\w*", r"\bpiss(ed)?\b", r"\bbugger\b", r"\bsod (off|it)\b", r"\bthe hell\b", r"\bhell no\b"],
}

# A swear word or a one-word insult (``PROFANITY``, swearing ``RUDENESS``, a single word of the
# "forbidden" lexicon) said at the agent's own tools ("oh damn, this booking system has frozen
# again", "this stupid system"), in a sentence that does not speak to the customer
# (``SECOND_PERSON``), is not said at the customer.
TOOLS: dict[str, list[str]] = {
    "zh": [r"系统", r"电脑", r"网络", r"网页", r"页面", r"软件", r"机器", r"打印机", r"屏幕", r"程序", r"耳机", r"键盘", r"地图",
           r"平板", r"终端", r"后台", r"鼠标"],
    "en": [r"\b(system|computer|screen|app|form|printer|software|program|website|server|database|network|"
           r"connection|headset|keyboard|mouse|laptop|map|tablet|terminal|portal|page|browser|scanner|till|machine)s?\b"],
}
# The agent saying outright that what they just said was not aimed at the customer ("sorry, not you,
# this computer's frozen", "不是说您"): a swear word or a one-word insult in that utterance is not
# said at the customer either.
DISCLAIMERS: dict[str, list[str]] = {
    "zh": [r"不是(说|冲|骂)(你|您)", r"没(说|骂)(你|您)"],
    "en": [r"\bnot (at |to |aimed at |meant for |directed at )?you\b(?! (can|could|will|should|need|have|must|may))"],
}
# An insult the agent says of themselves ("I'm such a numpty", "我真是猪脑子"): the words before it in
# its clause.
SELF: dict[str, list[str]] = {
    "zh": [r"我(真|可|真是|可真|简直|简直是|就是个|是个)(个)?$", r"我这(个)?$", r"怪我\S{0,4}$"],
    "en": [r"\b(i'm|i am|i was|i've been|i feel like|silly me,?|call me)\s+(\w+\s+){0,2}$"],
}
# ...or the words just after it, where the agent is its object ("真是笨死我了").
SELF_AFTER: dict[str, list[str]] = {"zh": [r"(死|坏)?我(了|啦|呀|啊)"], "en": [r"\s+(old )?me\b"]}
SECOND_PERSON: dict[str, list[str]] = {"zh": [r"你", r"您"], "en": [r"\b(you|your|you're|you've|you'd|yours|yourself)\b"]}

# A customer objecting to how the agent spoke to them: evidence that the agent's last words
# before it were rude, however they were worded. Not when the objection names someone else
# (``THIRD_PARTY``) or is the customer's first utterance (the reason they called).
OBJECTIONS: dict[str, list[str]] = {
    "zh": [r"什么态度", r"(你这|这)(是|叫)什么话", r"说的(这)?(是)?什么话", r"你(这话)?(是)?什么意思", r"你这是在(威胁|讽刺|嘲笑|挖苦|骂|吓唬|笑话)我", r"你怎么(这么|这样)?(说话|讲话)", r"你(这样|这么|这种)(讲话|说话|态度)", r"有你这(么|样)(说话|讲话|服务)的", r"说话(客气|注意|放尊重|礼貌|好听)(一)?点",
           r"(放|请)尊重(一)?点", r"你(是)?在(威胁|讽刺|嘲笑|挖苦|骂|吓唬|笑话)我", r"阴阳怪气", r"你凭什么(骂|说|吼|凶)我",
           r"(我要|我会|我去)投诉你(?!们)", r"你(的)?工号(是)?多少", r"(报|说)(一下)?你的工号",
           r"(不要|别)(这么|这样)跟我说话", r"(不要|别)(这么|这样)?(凶|吼|嘲讽|挖苦|讽刺)", r"你骂(谁|我)"],
    "en": [r"\b(talk|speak) to me like (that|this|i'm|i am|a|an)\b", r"\b(be )?(spoken|talked) to like (that|this)\b", r"\bi can (hear|still hear) you\b", r"\bno need (to be|for) (that|so rude|rude|sarcastic|the attitude|the sarcasm|that tone)\b",
           r"\bno need to (be|get) (rude|sarcastic|snippy|snarky|nasty|funny|like that|personal)\b",
           r"\b(don't|do not) (be )?(rude|sarcastic|patroni[sz]e|patroni[sz]ing|condescend|condescending|take that tone|talk down)\b",
           r"\bhow dare you\b",
           r"\bare you (threatening|mocking|insulting|patroni[sz]ing|laughing at|having a go at|making fun of) me\b",
           r"\b(you're|you are|you're being|you are being) (so |really |very |incredibly )?(rude|sarcastic|condescending|patroni[sz]ing|unprofessional|nasty)\b",
           r"\b(watch|mind) your (tone|language|mouth)\b", r"\bwhat's with the (attitude|tone|sarcasm)\b",
           r"\b(i )?(don't|do not) appreciate (your|the|that) (tone|attitude|sarcasm|comment)\b",
           r"\bthat's (so |really |very )?(uncalled for|rude)\b"],
}
THIRD_PARTY: dict[str, list[str]] = {
    "zh": [r"他", r"她", r"那个", r"上次", r"之前", r"以前", r"上一个", r"别的客服", r"同事", r"师傅", r"快递员"],
    "en": [r"\b(he|she|they|him|her|them|previous|last time|colleague|engineer|driver|courier|the other)\b"],
}

# Patterns a standard lexicon also matches, beyond its phrases: general forms of what a
# customer's problem, a resolution check or an agent's empathy sounds like.
LEXICON_PATTERNS: dict[str, dict[str, list[str]]] = {
    "problem": {
        # 挂不上, 插不上, 收不到, 打不着…: a verb that cannot reach its result (not 来不来, 好不好).
        "zh": [r"([\u4e00-\u9fff])(?<![要是能会行好对有来去了])不(?!\1)[上到着开进出动通起住掉清]", r"(疼|痛)(得|死|了)",
               r"(头|腰|肚子|胃|牙|腿|胸口)(疼|痛)", r"(好|太|真|很|特别)烦", r"(一直|老是|总是|始终)(不|没)",
               r"还是(不|没)(行|好|能|到|来|通|收到|反应|动静|解决|修好)",
               r"(着急|急死|急得)"],
        "en": [r"\b(isn't|aren't|wasn't|weren't|won't|doesn't|don't|didn't|haven't|hasn't|can't|couldn't|not) (been )?(even )?"
               r"(get|getting|receive|receiving|received|work|working|load|loading|show|showing|arrive|arriving|arrived|"
               r"come|coming|came|connect|connecting|open|opening|turn|turning|charge|charging|send|sending|sent|start|starting|"
               r"log|logging|print|printing|accept|accepting|recogni[sz]e|match|matching|update|updating)\b",
               r"\b(hurts?|pain|painful|aching|injured)\b"],
    },
    "resolution_check": {
        # 还有需要预约的吗 / 都正常了吗 / 记下了吗 / 现在能上网了吧: asking whether more is needed or the need is met.
        "zh": [r"还有(什么|别的|其他|需要|问题|要|啥|哪里|哪儿|么子|嘛)\S{0,8}(吗|么|没有|没|不|呢)", r"(都|已经|现在)?(正常|好|解决|清楚|明白|记下|记住|可以|满意|收到)了(吗|么|吧|没有)",
               r"(能|可以)\S{0,4}了(吗|么|吧|没有)"],
        "en": [r"\b(have i|did i|did that|does that|has that|is that|was that|will that|would that) (\w+ ){0,2}"
               r"(cover|covered|sort|sorted|answer|answered|take care of|taken care of|help|helped|resolve|resolved|fix|fixed|"
               r"everything|all you|what you)\b", r"\bis that everything\b", r"\b(all|everything) (sorted|covered|clear|good) (now|then|for you)\b"],
    },
    "empathy": {
        "zh": [r"听(起来|上去)\S{0,3}(难受|辛苦|麻烦|糟|着急|闹心|烦|揪心|吓人|不容易)", r"(确实|真的|的确|实在)(是)?(挺|很|太|蛮|够)?(耽误事|闹心|烦人|让人|糟心|不方便|头疼|难受|烦|揪心|不容易|辛苦)",
               r"(挺|很|太|真|够)(让人)?(烦|闹心|糟心|头疼|着急|心疼|难受|揪心|憋屈)的", r"辛苦你了", r"委屈你了", r"心疼"],
        "en": [r"\b(that's|that is|that sounds|sounds|that must be|must be|what a|that seems) (so |really |very |such a |a |an |incredibly |pretty |truly )?"
               r"(annoying|frustrating|stressful|worrying|upsetting|awful|horrible|rough|hard|tough|difficult|scary|painful|a pain|"
               r"inconvenient|maddening|a nightmare|miserable|grim|rubbish|exhausting|unpleasant|distressing|disappointing|infuriating|"
               r"nerve-racking|nerve-wracking|alarming|a worry|a hassle|hassle)\b(?!\s+to\b)"],
    },
}

# Words that negate what follows them in the same clause.
NEGATORS = {
    "zh": {"不", "没", "没有", "未", "无", "别", "并非", "不是", "不会", "不用", "从未", "从不", "绝不", "决不", "不要", "并不", "并没有", "不必", "毫无", "并未", "未曾", "无需", "不再", "不能", "不该", "不怪"},
    "en": {"not", "no", "never", "without", "nobody", "neither", "nor", "none", "isn't", "aren't", "wasn't", "weren't", "won't", "don't", "doesn't", "didn't", "can't", "cannot", "couldn't", "shouldn't", "wouldn't", "haven't", "hasn't", "nothing", "hardly"},
}
