# ruff: noqa: E501 -- one turn a line
"""A fourth blind split: 40 Chinese calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call; measured once, when the rudeness
classifier had learned from a third round of sentences and suspicions could hold a call for a person."""

from fresh import F, N, T, labels

_A = [
    # 01 e-commerce return. SUBTLE SARCASM (阴阳怪气) in an otherwise model call: the agent apologises early
    # (empathy T), asks for the order number (verification T), checks resolution and closes politely, but
    # "哟，那您这记性可真好，签收快一个月了才想起来…" mocks the customer -> forbidden_language F.
    # No recording notice -> disclosure F. Order number is not PII -> pii T.
    dict(language="zh", industry="ecommerce", labels=labels(T, T, F, T, T, T, T, F, T), turns=[
        ("a", "您好，这里是优品家居官方旗舰店售后客服，我是小美，请问有什么可以帮您？"),
        ("c", "你好，我上个月买的那个床头柜，抽屉拉不开，卡住了，我想退货。"),
        ("a", "非常抱歉给您带来不便。麻烦您提供一下订单号，我帮您查一下。"),
        ("c", "订单号是二四零五一八三三六七幺二。"),
        ("a", "好的，我看到了，您是5月18号下单，5月20号签收的，对吧？"),
        ("c", "对，就那天收的。"),
        ("a", "哟，那您这记性可真好，签收快一个月了才想起来抽屉拉不开啊。"),
        ("c", "我之前一直没用啊，最近才开始放东西，这有什么问题？"),
        ("a", "嗯，七天无理由是过了，不过质量问题在一年保修期内，可以给您安排换新或者上门维修。"),
        ("c", "那就换个新的吧，别再是坏的就行。"),
        ("a", "好的，已经给您提交换货申请了，快递员两天内上门取件，新的会同步发出。这样处理您看可以吗？还有其他可以帮您的吗？"),
        ("c", "行，没别的了。"),
        ("a", "好的，感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 02 credit card interest. CONDESCENSION (居高临下): "这个很基础的，一般人…都懂", "说复杂了您也不一定明白"
    # -> forbidden F. Agent READS the FULL 16-digit card number back (customer only gave last 4) -> pii F.
    # Recording notice in greeting -> disclosure T. Customer complains about interest, agent never
    # apologises -> empathy F. 11 s gap after the agent's "不能，规定就是这样。" (not a hold) -> long_silence F.
    # "还有…吗" never asked -> resolution F. Last line thanks + 再见 -> closing T (polite ending despite rudeness).
    dict(language="zh", industry="banking", labels=labels(T, T, T, F, F, T, F, F, F), turns=[
        ("a", "您好，华信银行信用卡中心，工号三七幺五为您服务，本次通话可能会被录音。请问有什么可以帮您？"),
        ("c", "你好，我这个月账单怎么多了两百多块的利息啊？我明明还了钱的。"),
        ("a", "请提供一下持卡人姓名和卡号后四位。"),
        ("c", "刘建国，后四位是七八九零。"),
        ("a", "刘先生，您的卡号是6225881234567890，对吧？"),
        ("c", "对对。"),
        ("a", "您上期只还了最低还款额，剩下的部分当然要算利息啊。这个很基础的，一般人办卡的时候都懂。"),
        ("c", "最低还款不是就算还了吗？我以为还了最低就没事了。"),
        ("a", "我给您讲最后一遍，您听仔细了啊。最低还款只是不算逾期，不代表不收利息。说复杂了您也不一定明白，反正以后您全额还就对了。"),
        ("c", "那……那这两百多块能不能减免一下？"),
        ("a", "不能，规定就是这样。"),
        ("c", "……那我这个月到底要还多少？", 11.0),
        ("a", "本期应还四千三百二十六块五，最晚二十五号之前还。"),
        ("c", "好吧，知道了。"),
        ("a", "好的，感谢您的来电，再见。"),
    ]),

    # 03 express delivery, "signed but not received". Greeting "喂，说。" names neither company nor agent -> F.
    # MOCKING: "取件码都不会输啊？现在小学生都会…" -> forbidden F. Agent asks tracking number and confirms the
    # recipient phone -> verification T, but reads the customer's FULL phone in Chinese numerals with 幺
    # (一三八幺二三四五六七八 = 13812345678) -> pii F. No empathy, no resolution check, last line "嗯，挂了啊。" -> closing F.
    dict(language="zh", industry="logistics", labels=labels(F, T, F, F, F, F, T, F, F), turns=[
        ("a", "喂，说。"),
        ("c", "喂，你好，我查了一下我的快递显示已经签收了，但是我根本没收到啊。"),
        ("a", "单号多少？"),
        ("c", "单号是YT幺二三四五六七八九零幺二三。"),
        ("a", "嗯……显示放驿站快递柜了，还发了取件码短信，您没看短信啊？"),
        ("c", "我看了，是有个短信，但是我去那个柜子那儿输了码打不开。"),
        ("a", "哈哈，取件码都不会输啊？现在小学生都会用快递柜，您这也太那个了吧。"),
        ("c", "我输了好几遍，它就是提示错误。"),
        ("a", "那您肯定输错了呗。收件人电话是一三八幺二三四五六七八吧？"),
        ("c", "对，是我的号。"),
        ("a", "那就没问题，码是对的，您再去试试，实在不行让驿站的人帮您弄，我这边也没办法。"),
        ("c", "那要是还打不开怎么办？"),
        ("a", "打不开再打过来呗。嗯，挂了啊。"),
    ]),

    # 04 food delivery, spilled soup. THREAT: "您再这么闹，我们就把您账号拉黑…您自己掂量掂量" -> forbidden F.
    # Customer VOLUNTEERS the order tail number, agent never asks for any identifier -> verification F.
    # Agent apologised at the start -> empathy T. 25 s gap right after "请您稍等，我帮您查一下" -> long_silence T.
    # No "还有…吗" -> resolution F. Polite last line -> closing T.
    dict(language="zh", industry="food_delivery", labels=labels(T, F, T, T, F, T, T, F, T), turns=[
        ("a", "您好，饱饱外卖客服中心，我是小周，本通话将被录音，请问有什么可以帮您？"),
        ("c", "我点的外卖送到的时候汤全洒了，袋子里全是油，你们这什么骑手啊！订单尾号是三三八一。"),
        ("a", "非常抱歉，给您带来不好的用餐体验了。请您稍等，我帮您查一下这个订单。"),
        ("a", "感谢您耐心等待，我看到骑手已经上报了餐品洒漏，可以给您退这份酸辣汤的钱，八块钱。", 25.0),
        ("c", "八块钱？我整份饭都泡汤了，全部都吃不了，你退八块钱打发叫花子呢？我要全额退款，还要投诉这个骑手！"),
        ("a", "系统上只能按洒漏的餐品退款，全额退不了。"),
        ("c", "凭什么退不了？你们就是欺负人！我今天非要全额退，不退我就天天打电话，打到你们退为止！"),
        ("a", "您再这么闹，我们就把您账号拉黑，以后您在平台上一单都下不了，您自己掂量掂量。"),
        ("c", "你这是威胁我？"),
        ("a", "我是提醒您。八块钱已经给您退了，骑手投诉我也登记了。"),
        ("c", "行，我记住你了。"),
        ("a", "好的，感谢您的来电，再见。"),
    ]),

    # 05 airline refund. LATE GREETING: first utterance at 17.5 s -> greeting F even though it names the airline.
    # RUDE BLAME: "您自己不看清楚怪谁啊？现在打电话来有什么用。" -> forbidden F. Agent asks name + ID (verification T)
    # and then READS the FULL 18-character 身份证号 back in digits -> pii F (the customer saying it is fine, the agent
    # repeating it is not). "还有其他问题吗？" -> resolution T. Last line "没别的我挂了。" no thanks/bye -> closing F.
    dict(language="zh", industry="airline", first=17.5, labels=labels(F, T, F, F, T, F, T, F, F), turns=[
        ("a", "您好，云翔航空客服中心，请问有什么可以帮您？"),
        ("c", "你好，我买了明天早上去成都的机票，现在想退，结果App上说只能退机建费，票钱一分都不退？"),
        ("a", "请提供一下乘机人姓名和身份证号。"),
        ("c", "王丽娟，身份证三幺零幺零五幺九八八零三幺五二四幺七。"),
        ("a", "王丽娟女士，身份证号310105198803152417，是吧？"),
        ("c", "对。"),
        ("a", "您买的是特价经济舱，这个舱位退票只退机场建设费和燃油附加费，票面是不退的。"),
        ("c", "那买的时候也没人跟我说啊，我要知道不能退我就不买了。"),
        ("a", "购票页面上退改规则写得明明白白的，您自己不看清楚怪谁啊？现在打电话来有什么用。"),
        ("c", "那字那么小，谁会一条一条看啊。"),
        ("a", "规则就是这样，您要么改期，改期收百分之三十手续费，要么退，只退税费。"),
        ("c", "那……我改到下周三吧。"),
        ("a", "可以，改到下周三早上八点二十那班，需要补手续费四百二十块，我这边给您发支付链接了。还有其他问题吗？"),
        ("c", "没了。"),
        ("a", "没别的我挂了。"),
    ]),

    # 06 broadband outage. MUTTERED 骂人 then carries on: "……神经病。嗯，好的赵先生…" in an otherwise perfect call
    # -> forbidden F (only this one line fails). Agent asks account/installer name (verification T), recording notice
    # (disclosure T), apologises (empathy T). MASKED phone 138****5678 -> pii T. 9.5 s gap after an ordinary
    # question (not a hold) is NOT more than 10 s -> long_silence T. Resolution check + polite close -> T, T.
    dict(language="zh", industry="telecom", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "您好，城联宽带客服中心，我是工号二零八的小陈，您的通话将被录音以提升服务质量，请问有什么可以帮您？"),
        ("c", "我家宽带从昨天晚上就断了，光猫那个灯一直红着，我都重启了七八遍了，你们到底管不管？"),
        ("a", "非常抱歉给您添麻烦了，我马上帮您查。请问宽带账号或者装机人的姓名是？"),
        ("c", "装机人叫赵志强，地址是滨江路一百二十号三单元五零二。"),
        ("a", "赵先生，我看一下……您那个区域昨天没有故障记录，您家里是不是有人动过线？"),
        ("c", "我动什么线啊！我都说了我就重启了几下，你们是不是就想推卸责任？我跟你说，我上个月就断过一次，你们说了三天才来人！"),
        ("a", "……神经病。嗯，好的赵先生，我这边给您登记报修，您留的联系电话是138****5678对吗？"),
        ("c", "对，就这个号。"),
        ("a", "维修师傅明天上门，您明天上午在家吗？"),
        ("c", "上午不行，我要上班，下午两点以后吧。", 9.5),
        ("a", "好的，给您约在明天下午两点到五点，师傅上门前会先给您打电话。这样安排您看可以吗？还有其他需要帮您的吗？"),
        ("c", "没了，明天一定要来啊。"),
        ("a", "一定的，再次抱歉给您带来不便，感谢您的来电，再见。"),
    ]),

    # 07 property management noise complaint. RUDE BRUSH-OFF at the end: "行了行了…你别老打电话过来了，烦不烦啊。
    # 就这样吧。" -> forbidden F and closing F. "不好意思，您再说一遍？刚才没听清。" is a repeat request, not empathy,
    # and there is no other acknowledgement of the complaint -> empathy F. Customer volunteers room number and own
    # phone; agent never asks for identity -> verification F; customer saying own number -> pii T.
    # 11 s gap after the CUSTOMER's turn -> long_silence F. Greeting names 锦绣华庭物业服务中心 -> T.
    dict(language="zh", industry="property", labels=labels(T, F, F, F, F, F, F, F, T), turns=[
        ("a", "您好，锦绣华庭物业服务中心，请问有什么事？"),
        ("c", "喂，你好，我是三栋二单元一零零二的，我楼上天天半夜在那儿剁东西、拖椅子，吵得我根本睡不着。"),
        ("a", "不好意思，您再说一遍？刚才没听清。"),
        ("c", "我说楼上天天半夜吵，吵得我睡不着觉！"),
        ("a", "嗯，行，我们会去跟楼上说一下。"),
        ("c", "你们上周也是这么说的，结果呢？一点用都没有。我电话是一三七零五幺二八八六九，你们处理完给我回个电话。"),
        ("a", "嗯，号码记下了。", 11.0),
        ("c", "那你们到底什么时候去？今天能不能去？"),
        ("a", "今天管家不在，明天吧。"),
        ("c", "明天明天，每次都是明天，我都打了四五次电话了，你们物业费收得倒是挺准时的。"),
        ("a", "行了行了，我都说了会去说，你别老打电话过来了，烦不烦啊。就这样吧。"),
    ]),

    # 08 e-commerce late fridge. CUSTOMER SWEARS ("他妈的""什么破服务""真是服了") - agent stays polite -> forbidden T.
    # PARAPHRASED disclosure "这通电话会全程录音留存" -> T. 32 s gap right after "请您稍等，我这边联系一下仓库" -> long_silence T.
    # Agent says only 尾号五六七八 (last four) -> pii T. Asks phone last 4 and confirms recipient -> verification T.
    dict(language="zh", industry="ecommerce", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "您好，欢迎致电东品商城客服中心，我是客服小杨，为了保障服务质量，这通电话会全程录音留存，请问有什么可以帮您？"),
        ("c", "他妈的，我买个冰箱等了十天还没到，物流一直不动，你们这什么破服务啊！"),
        ("a", "非常抱歉，等了这么久还没收到，换谁都会着急，您的心情我完全理解。麻烦您提供一下订单号或者下单手机的后四位，我马上帮您查。"),
        ("c", "手机后四位五六七八。"),
        ("a", "好的，查到了，是尾号五六七八的手机下的订单，收货人是孙先生对吧？"),
        ("c", "对，是我。"),
        ("a", "请您稍等，我这边联系一下仓库和物流确认具体情况。"),
        ("a", "孙先生，感谢您耐心等待。刚跟仓库确认了，这台冰箱在中转站被压件了，今天下午已经重新安排发出，预计后天送达，由师傅送货上门。", 32.0),
        ("c", "后天？还要两天？真是服了。"),
        ("a", "真的很抱歉耽误您这么久，为了表示歉意，我给您申请了一张五十元的无门槛优惠券，已经发到您账户里了。"),
        ("c", "行吧，那后天要是还不到呢？"),
        ("a", "后天如果还没送到，您直接打过来，我们给您优先处理，也可以申请取消订单全额退款。您看这样可以吗？"),
        ("c", "行，那就先这样。"),
        ("a", "好的，请问还有其他可以帮您的吗？"),
        ("c", "没了。"),
        ("a", "感谢您的来电和理解，祝您生活愉快，再见。"),
    ]),

    # 09 insurance claim. NEGATED INSULT "我不是说您不懂啊，是咱们这个理赔流程确实比较复杂" -> forbidden T.
    # Asks name + DOB -> verification T. Recording notice -> disclosure T. Customer worried -> agent "理解…您别担心" -> empathy T.
    # PII SPLIT: agent reads the 18-char ID across two turns: "三二零一零二一九八五" + "零七二三四五幺X"
    # = 32010219850723451X (18 characters) -> pii F.
    dict(language="zh", industry="insurance", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "您好，安和人寿客服热线，我是客服专员林晓，本次通话会被录音，请问有什么可以帮您？"),
        ("c", "你好，我上个月住院做了个手术，想报销，但是你们那个理赔的材料要求，什么病历首页、费用清单、诊断证明，我看了半天都没看懂，我怕弄错了赔不了。"),
        ("a", "理解理解，第一次办理赔确实容易摸不着头脑，您别担心，我一步一步跟您说。先核实一下，请问被保险人的姓名和出生日期是？"),
        ("c", "陈美玲，一九八五年七月二十三号。"),
        ("a", "好的，陈女士。系统里登记的身份证号是三二零一零二一九八五，"),
        ("c", "嗯。"),
        ("a", "零七二三四五幺X，对吗？"),
        ("c", "对，是我的。"),
        ("a", "好的。我不是说您不懂啊，是咱们这个理赔流程确实比较复杂，很多客户都会问。您需要准备三样：出院小结、费用明细清单、发票原件，拍照在我们App上传就行。"),
        ("c", "哦，那病历首页不用吗？"),
        ("a", "住院医疗险的话出院小结就够了，病历首页不用单独交。"),
        ("c", "那就好，那大概多久能赔下来？"),
        ("a", "材料齐全的话，一般五个工作日左右就能到账。您看这样说清楚了吗？还有其他需要帮您的吗？"),
        ("c", "清楚了，谢谢你啊。"),
        ("a", "不客气，祝您早日康复，感谢您的来电，再见。"),
    ]),

    # 10 mobile unknown charges. Customer calls them "骗子公司"; agent QUOTES it neutrally ("您刚才说的'骗子公司'…
    # 我都已经记录下来了，会一并反馈") -> forbidden T. "我都已经记录下来了" is about the complaint, not a recording
    # notice -> disclosure F. Asks 机主姓名 + 服务密码 -> verification T. Agent reads customer's FULL phone in digits
    # 13912345678 -> pii F.
    dict(language="zh", industry="telecom", labels=labels(T, T, F, T, T, T, T, T, F), turns=[
        ("a", "您好，中联移动客服，工号幺零八六为您服务，请问有什么可以帮您？"),
        ("c", "我这个月话费怎么扣了六十多？我从来没订过什么视频会员，你们就是骗子公司，偷偷给人扣钱！"),
        ("a", "非常抱歉让您遇到这种情况，被扣了不明费用确实很让人生气。我帮您查一下，请问您要查询的是本机号码吗？机主姓名是？"),
        ("c", "对，就是这个号，机主叫何伟。"),
        ("a", "好的何先生，为了确认是您本人，麻烦您报一下六位服务密码。"),
        ("c", "幺三五七九零。"),
        ("a", "验证通过了。您要查的是13912345678这个号码，对吧？"),
        ("c", "对。"),
        ("a", "查到了，本月三号有一笔视频会员包月二十五元，是通过短信回复订购的，另外还有一个三十九元的流量包。"),
        ("c", "我根本没回过什么短信！"),
        ("a", "明白。这个视频会员我现在就给您退订，二十五元会在三个工作日内退回话费账户。您刚才说的“骗子公司”，还有这次被扣费的情况，我都已经记录下来了，会一并反馈给相关部门核查。"),
        ("c", "那流量包呢？"),
        ("a", "流量包是您上个月在营业厅办的，这个是正常扣费。视频会员退了以后，您看还有其他需要帮您处理的吗？"),
        ("c", "没了，以后别乱扣就行。"),
        ("a", "好的，给您添麻烦了，感谢您的来电，再见。"),
    ]),

    # 11 gas cut off for arrears. PARAPHRASED/short greeting "城南燃气，我姓郑，您说。" names company and agent -> T.
    # FIRM REFUSAL ("确实给您开不了…没办法通融") but polite -> forbidden T. NEGATED disclosure: "这条咨询热线本身是不录音的"
    # -> disclosure F. Asks 用户号 and confirms 户名 -> verification T. Empathy for the cold weather -> T.
    dict(language="zh", industry="utilities_gas", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "城南燃气，我姓郑，您说。"),
        ("c", "郑师傅你好，我家燃气突然停了，一问说是欠费了，我这几个月出差没在家，能不能先给我把气开了，钱我过几天再交？"),
        ("a", "理解您着急，天这么冷，家里没气做饭洗澡都不方便。您先报一下燃气用户号，我查一下。"),
        ("c", "用户号是幺零二三三四五六七。"),
        ("a", "好的，户名是周淑芬，对吧？"),
        ("c", "对，我妈的名字。"),
        ("a", "这边显示欠费三个月，一共三百一十二块四。按照规定，欠费没结清之前系统是没法恢复供气的，这个我这边确实给您开不了，不好意思。"),
        ("c", "就不能通融一下吗？我又不是不交。你们这个电话录音吗？我想投诉。"),
        ("a", "我们这条咨询热线本身是不录音的，您要投诉的话可以打12345反映。但欠费停气这个确实是规定，我这边没办法给您通融。"),
        ("c", "那我现在交了多久能来气？"),
        ("a", "您在微信公众号或者支付宝上把费用交了，系统半小时内自动恢复，到时候您把表前阀打开就行。"),
        ("c", "行吧，那我现在就去交。"),
        ("a", "好的，这样您清楚了吗？还有其他问题吗？"),
        ("c", "没了。"),
        ("a", "好的，感谢来电，注意用气安全，再见。"),
    ]),

    # 12 12345 hotline, broken streetlights. BLUNT BUT POLITE agent ("具体地址。""更快不能保证。") - terse is not rude
    # -> forbidden T. Greeting names 12345市民热线 + 工号八号 -> T. Asks 贵姓 + phone -> verification T. Customer says
    # own full number; agent repeats only 尾号四三二一 -> pii T. "理解，晚上路黑确实危险。" acknowledges the worry -> empathy T.
    dict(language="zh", industry="government", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "12345市民热线，工号八号，请讲。"),
        ("c", "你好，我要反映一下，我们小区门口那条路的路灯坏了快一个礼拜了，晚上黑乎乎的，前天还有个老太太摔了一跤。"),
        ("a", "理解，晚上路黑确实危险。具体地址。"),
        ("c", "就是朝阳街跟建设路交叉口往北那一段，新华小区南门外面。"),
        ("a", "朝阳街建设路口往北，新华小区南门。几盏灯不亮？"),
        ("c", "大概有四五盏吧。"),
        ("a", "好。您贵姓？联系电话？"),
        ("c", "我姓黄，电话一五八零零零零四三二一。"),
        ("a", "黄女士，尾号四三二一，记下了。工单转城管路灯所，三个工作日内有人联系您。"),
        ("c", "三天啊？能不能快点？"),
        ("a", "有人摔倒，我标了加急，一般会更快。更快不能保证。还有其他事吗？"),
        ("c", "没了。"),
        ("a", "感谢来电，再见。"),
    ]),

    # 13 hotel booking missing from app. Agent complains about "这破系统" while apologising - aimed at the system,
    # not the customer -> forbidden T. 20 s gap right after "请您稍等我一下" -> long_silence T. Card mentioned only as
    # 尾号五六七八 -> pii T. Asks guest name + confirmation number -> verification T. No recording notice -> disclosure F.
    dict(language="zh", industry="hotel", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "您好，锦程酒店预订中心，我是客服小吴，很高兴为您服务。"),
        ("c", "你好，我在你们App上订了后天杭州西湖店的房间，钱都付了，但是订单里面突然找不到了，我很担心是不是没订上。"),
        ("a", "您别着急，我马上帮您查。麻烦提供一下入住人姓名和预订确认号。"),
        ("c", "入住人叫郭晨，确认号是H幺二三八八七六。"),
        ("a", "好的，郭先生。真不好意思，这破系统今天一直卡，请您稍等我一下，我刷新一下。"),
        ("a", "感谢您的耐心等待。查到了，您的订单是正常的，后天入住，两晚，豪华大床房，是用尾号五六七八的信用卡担保的，对吧？", 20.0),
        ("c", "对对，是那张卡。那我App上怎么看不到？"),
        ("a", "应该是App昨晚更新以后显示有问题，真的很抱歉让您担心了。订单是有效的，我现在把确认短信重新给您发一遍。"),
        ("c", "好，收到了。"),
        ("a", "那您的预订没有问题了，请问还有其他可以帮您的吗？"),
        ("c", "没有了，谢谢。"),
        ("a", "不客气，感谢您的来电，祝您入住愉快，再见。"),
    ]),

    # 14 car dealer maintenance booking. NO customer problem (routine booking; the agent catches its own slip before
    # the customer objects) -> empathy None. SELF-DEPRECATION "您看我这脑子" is not an insult -> forbidden T.
    # 9.5 s gap after a question -> long_silence T (not MORE than 10 s). Asks plate + owner name -> verification T.
    dict(language="zh", industry="automotive", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "您好，东盛丰田4S店售后服务部，我是服务顾问小刘，本次通话将被录音，请问有什么可以帮您？"),
        ("c", "你好，我想预约一下车子保养，差不多到一万公里了。"),
        ("a", "好的，请问车牌号和车主姓名是？"),
        ("c", "车牌是苏A幺二三四五，车主叫马骏。"),
        ("a", "马先生您好，我看到您的车是去年八月提的卡罗拉，这次是做一万公里的常规保养，您想约哪天？"),
        ("c", "周六上午有没有空？"),
        ("a", "我看一下……周日上午九点……哦不对，您看我这脑子，看串行了，是周六上午九点有空位。"),
        ("c", "哈哈行，那就周六上午九点吧。"),
        ("a", "好的，给您约好了，周六上午九点，保养大概一个半小时，费用四百八左右。您还需要加做洗车或者空调滤芯更换吗？"),
        ("c", "嗯……洗车就不用了，空调滤芯顺便换一下吧。", 9.5),
        ("a", "好的，已经给您备注上了。到时候您直接开到售后接待区就行。请问还有其他需要帮您的吗？"),
        ("c", "没了。"),
        ("a", "好的，感谢您的来电，周六见，再见。"),
    ]),

    # 15 hospital check-up booking. Greeting "您好，请问有什么可以帮您？" names neither hospital nor agent -> F.
    # Routine booking, no problem -> empathy None. Customer reads her OWN full ID; agent repeats only 尾号二四幺X -> pii T.
    # 12 s gap after the agent's question (not a hold) -> long_silence F. No "还有…吗" -> resolution F.
    # Last line "好的，再见。" is a polite goodbye -> closing T.
    dict(language="zh", industry="healthcare", labels=labels(F, T, F, N, F, T, F, T, T), turns=[
        ("a", "您好，请问有什么可以帮您？"),
        ("c", "你好，我想预约一下下周的体检，就是单位发的那种常规体检。"),
        ("a", "好的，请提供一下您的姓名和身份证号。"),
        ("c", "我叫许文静，身份证是四四零三零五幺九九二零六幺八二四幺X。"),
        ("a", "好的，许文静，身份证尾号二四幺X，对吧？"),
        ("c", "对。"),
        ("a", "下周体检中心周二、周三、周五上午有号，您选哪天？"),
        ("c", "嗯……我看一下我排班啊……周三吧。", 12.0),
        ("a", "好的，周三上午七点半到九点之间来，空腹，前一天晚上八点以后别吃东西，带上身份证。"),
        ("c", "好的，要不要憋尿啊？"),
        ("a", "做妇科B超的话需要憋尿，到了以后先抽血，再做B超。"),
        ("c", "好，知道了。"),
        ("a", "好的，再见。"),
    ]),

    # 16 water bill spike. Customer VOLUNTEERS 户号 in the first sentence; agent never asks for any identifier
    # -> verification F. "不好意思，您再说一遍，多少钱？" is a repeat request, not empathy, and the agent never
    # acknowledges the worry -> empathy F. "这样可以吗？" after the fix -> resolution T. Polite close -> T.
    dict(language="zh", industry="utilities_water", labels=labels(T, F, F, F, T, T, T, T, T), turns=[
        ("a", "您好，清源水务客服热线，请讲。"),
        ("c", "你好，我户号是三零零八六幺二七，我家这个月水费一下子三百多，平时就五六十块钱，是不是表坏了还是哪里漏水了？"),
        ("a", "不好意思，您再说一遍，多少钱？"),
        ("c", "三百多，三百二十七块。"),
        ("a", "嗯，我看到了，这个月用了九十多吨，上个月是十二吨。"),
        ("c", "对啊，我家就两个人，怎么可能用九十多吨，我都怀疑是不是你们抄错了。"),
        ("a", "这个可能是抄表误差，也可能是户内管道漏水。您先把家里所有水龙头关掉，看一下水表那个红色的小指针还转不转。"),
        ("c", "我现在就在表旁边，关了……它还在转。"),
        ("a", "那就是户内有漏点了，户内管道属于业主自己维修的范围，您可以找物业或者维修师傅查一下。漏水那部分的水费，修好以后拿维修单据可以申请减免一部分。"),
        ("c", "那能减多少？"),
        ("a", "一般是按照超出平均用量的部分核减一半，维修单据拍照发到我们公众号就行。这样可以吗？"),
        ("c", "行，那我先找人修。"),
        ("a", "好的，感谢您的来电，再见。"),
    ]),

    # 17 power outage. LATE GREETING: first utterance at 16.0 s (>15 s) -> greeting F though it is a full greeting.
    # PARAPHRASED disclosure "咱们这通电话全程都有录音" -> T. INDIRECT verification "您是户主本人吗？户主姓名…" -> T.
    # 25 s gap right after "请您稍等" -> long_silence T. MASKED phone 138****5678 -> pii T.
    dict(language="zh", industry="utilities_power", first=16.0, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "您好，城东供电服务热线，我是客服小孙，咱们这通电话全程都有录音，请问您有什么需要？"),
        ("c", "喂，你好，我们家突然停电了，整栋楼都没电，冰箱里还有好多肉，我怕坏了，你们什么时候能来电啊？"),
        ("a", "停电确实着急，特别是冰箱里还有东西，您别急，我马上帮您查。请问您是户主本人吗？户主姓名和用电地址是？"),
        ("c", "我是户主，叫冯丽，地址是和平路八十八号二栋。"),
        ("a", "好的冯女士，请您稍等，我查一下您那片区的停电信息。"),
        ("a", "冯女士，感谢您的耐心等待。查到了，您那一片是线路故障临时停电，抢修人员已经在现场了，预计一个小时内恢复供电。", 25.0),
        ("c", "一个小时啊，那还好。"),
        ("a", "冰箱您先尽量别开门，一个小时里面东西一般不会坏。恢复供电以后我们会短信通知您，回访电话是138****5678这个号码对吧？"),
        ("c", "对。"),
        ("a", "好的。停电的问题这样处理您看可以吗？还有其他需要帮您的吗？"),
        ("c", "没有了，谢谢。"),
        ("a", "不客气，给您带来不便实在抱歉，感谢您的来电，再见。"),
    ]),

    # 18 e-commerce e-invoice request. Greeting "喂，您好。" names neither -> F. No problem -> empathy None.
    # PII SPLIT: agent reads the customer's full phone across two turns "一三九，" + "零零幺二，三四五六" = 13900123456 -> pii F.
    # Asks order number -> verification T. No "还有…吗" -> resolution F. Last line "嗯行，那就这样哈。" - casual,
    # no thanks or goodbye, but not rude -> closing F, forbidden T.
    dict(language="zh", industry="ecommerce", labels=labels(F, T, F, N, F, F, T, T, F), turns=[
        ("a", "喂，您好。"),
        ("c", "你好，我前几天在你们店买了个电饭煲，想开个电子发票，公司报销用的。"),
        ("a", "可以的亲，您订单号报一下。"),
        ("c", "订单号是三九二零幺七八八五六四三。"),
        ("a", "好的，查到了。发票抬头开个人还是公司？"),
        ("c", "公司，抬头是杭州明远科技有限公司，税号我一会儿发给你们在线客服行吗？"),
        ("a", "可以，您在订单页面点申请开票填进去也行。电子发票是发到您下单的手机上，号码是一三九，"),
        ("c", "嗯。"),
        ("a", "零零幺二，三四五六，是这个号吧？"),
        ("c", "对，就这个。"),
        ("a", "好嘞，那您填好税号以后二十四小时之内就能收到发票短信。"),
        ("c", "好的。"),
        ("a", "嗯行，那就这样哈。"),
    ]),

    # 19 bank: change auto-repayment card. No problem -> empathy None. Agent reads the FULL 16-digit new card number
    # in Chinese numerals in groups (六二二二，零二幺二，三四五六，七八九零) -> pii F even though it is a confirmation.
    # 尾号六六八八 phone is fine. 40 s gap right after "请您稍等" -> long_silence T. Asks name + ID last 4 + SMS code -> verification T.
    dict(language="zh", industry="banking", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "您好，华信银行客户服务中心，我是客服周敏，本次通话将被录音，请问有什么可以帮您？"),
        ("c", "你好，我想把信用卡的自动还款卡换一张，换成我新办的那张储蓄卡。"),
        ("a", "好的。先核实一下您的身份，请问持卡人姓名和身份证后四位是？"),
        ("c", "蒋涛，后四位是零零三五。"),
        ("a", "好的，我已经给您尾号六六八八的手机发了一个六位验证码，麻烦您报一下。"),
        ("c", "八二七四幺零。"),
        ("a", "验证通过了。请问新的还款卡卡号是多少？"),
        ("c", "六二二二零二幺二三四五六七八九零。"),
        ("a", "好的，我跟您核对一下，新还款卡号是六二二二，零二幺二，三四五六，七八九零，对吗？"),
        ("c", "对。"),
        ("a", "好的，请您稍等，我这边提交一下变更。"),
        ("a", "感谢您的耐心等待，已经变更成功了，从下个账单周期开始会从这张卡自动扣款，扣款日是每月二十号。您看还有其他需要帮您办理的吗？", 40.0),
        ("c", "没有了，谢谢。"),
        ("a", "不客气，感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 20 airline delay / rebooking. First utterance at 14.0 s (within 15 s) -> greeting T. Customer volunteers the
    # order number but the agent ALSO asks the passenger name -> verification T. 30 s after "请您稍等" is excused, but a
    # later 13 s gap after the agent's "预计晚上八点零五分落地。" (not a hold) -> long_silence F.
    # No "还有…吗"/"可以吗" after rebooking -> resolution F. Phone only as 尾号二二零九 -> pii T.
    dict(language="zh", industry="airline", first=14.0, labels=labels(T, T, T, T, F, T, F, T, T), turns=[
        ("a", "您好，云翔航空客服中心，我是客服小何，通话可能会被录音，请问有什么可以帮您？"),
        ("c", "你好，我的航班YX五三二一延误了，原来下午三点飞，现在显示晚上九点，我晚上还要赶去参加一个婚礼，订单号是YX二零二四零六幺八零零三。"),
        ("a", "非常抱歉航班延误给您的行程造成影响，我理解您的着急。请问乘机人姓名是？"),
        ("c", "邓晓东。"),
        ("a", "好的邓先生，请您稍等，我帮您看一下有没有更早的航班可以改签。"),
        ("a", "感谢您的等待，今天下午五点四十有一班还有座位，可以给您免费改签，您看要不要改？", 30.0),
        ("c", "五点四十……我想想啊，到那边大概几点？"),
        ("a", "预计晚上八点零五分落地。"),
        ("c", "……行，那就改这个吧，婚礼赶个尾巴也行。", 13.0),
        ("a", "好的，已经给您改到下午五点四十的YX五三三七，座位号稍后短信发到您尾号二二零九的手机上。"),
        ("c", "好的，谢谢啊。"),
        ("a", "不客气，祝您旅途愉快，再见。"),
    ]),
]


_B = [
    # 01 网约车 detour complaint. Tests a SHORT JAB ("你脑子没问题吧？") dropped into an otherwise professional call -> forbidden False,
    # while every other item passes: greeting names company + 工号; verification = asks phone last-4; no recording line -> disclosure False;
    # empathy True from the early "给您造成困扰了，非常抱歉" (the later jab does not undo it); resolution asks "还有其他需要帮您的吗"; polite close.
    dict(language="zh", industry="ride_hailing", labels=labels(T, T, F, T, T, T, T, F, T), turns=[
        ("a", "您好，飞嘀出行客服，工号幺零二七，很高兴为您服务，请问有什么可以帮您？"),
        ("c", "喂，你好，我昨天晚上打了个车，从高铁站到我家平时也就三十来块钱，昨天扣了我五十八。"),
        ("a", "给您造成困扰了，非常抱歉。麻烦您提供一下注册手机号的后四位，我帮您查一下这个订单。"),
        ("c", "后四位是3391。"),
        ("a", "好的，查到了，是昨天晚上22:47从高铁东站出发的这一单对吧？"),
        ("c", "对，就是这单，司机绕了一大圈，非要走高架。"),
        ("a", "我看了一下轨迹，司机确实走的是高架，比推荐路线多了大概七公里。当时司机有没有跟您确认过路线？"),
        ("c", "他是问了一句走高架行不行，我说随便，我又不是司机我哪知道怎么走啊。"),
        ("a", "你脑子没问题吧？你自己说的随便，现在又来说人家绕路。"),
        ("c", "你怎么说话呢？"),
        ("a", "嗯，那个，按规定呢，乘客同意了的路线是不算绕路的。不过考虑到差价比较大，我这边可以给您申请一张十五元的打车券作为补偿。"),
        ("c", "行吧，券就券吧。"),
        ("a", "好的，券已经发到您账户里了，七天内有效。您看这样处理可以吗？还有其他需要帮您的吗？"),
        ("c", "没了。"),
        ("a", "好的，感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 02 共享单车 lock failure. Trap: the CUSTOMER swears at the company ("他妈的""坑爹""破车") -> forbidden stays True; the agent agrees
    # "您说得对" only about the broken bike. PII trap: the customer says their own full 手机号; the agent only says "尾号5678" -> pii True.
    # Verification True: agent asked for last-4 (customer over-answered). Disclosure True ("本次通话可能会被录音"). Everything passes.
    dict(language="zh", industry="bike_sharing", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "您好，青橙单车客服中心，我是客服小吴，本次通话可能会被录音，请问有什么可以帮您？"),
        ("c", "你们这破单车他妈的什么玩意儿，锁怎么都锁不上，我在那儿折腾了十分钟，结果你们还扣我二十块钱调度费，坑爹呢这是！"),
        ("a", "非常抱歉，锁车不成功还被扣费，换谁都会生气的。我马上帮您处理，麻烦您报一下注册手机号的后四位。"),
        ("c", "我手机号13812345678，你自己查。"),
        ("a", "好的，尾号5678的账户我查到了，今天下午三点十二分在科技路附近结束的那一单，对吧？"),
        ("c", "对，就那个，破车。"),
        ("a", "我这边看到车辆回传的锁状态确实是异常的，是车锁故障，不是您的问题。二十元调度费我马上给您退回，这一单的骑行费也给您免掉了。"),
        ("c", "早这样不就完了。你们那个车赶紧找人修修，别再坑别人了。"),
        ("a", "您说得对，这辆车我已经报修了，也标记了停用。退款一到三个工作日原路退回。请问这样处理您满意吗？还有其他问题需要帮您的吗？"),
        ("c", "没了没了。"),
        ("a", "好的，再次向您道歉，感谢您的反馈，祝您生活愉快，再见。"),
    ]),

    # 03 在线教育退费 past the 7-day window. Tests POLITE-SURFACE SARCASM "哟，您可真是贵人事多啊" + rude blame ("合同第一页就写着呢") -> forbidden False.
    # Empathy False: customer gives bad news (孩子听不懂, 忘了期限) and gets sarcasm, no apology. No check of resolution. Closing is formally polite
    # ("感谢您的来电，再见") -> True despite the tone. 12 s pause after the agent's non-hold turn ("您自己选吧") -> long_silence False.
    dict(language="zh", industry="online_education", labels=labels(T, T, F, F, F, T, F, F, T), turns=[
        ("a", "您好，这里是启明在线教育，我是客服小林，请问有什么可以帮您？"),
        ("c", "你好，我想给孩子退一下课，就是那个初二数学的暑期班，上了两节课孩子说完全听不懂。"),
        ("a", "好的，麻烦您提供一下订单号或者购课时用的手机号。"),
        ("c", "订单号是QM20240611幺零五三。"),
        ("a", "查到了。购课时间是六月十一号，今天是七月二十号，已经超过七天无理由退款期了。"),
        ("c", "啊？我当时真不知道有七天的限制，一忙就给忘了，最近单位事儿特别多。"),
        ("a", "哟，您可真是贵人事多啊，七天的退费期，您第四十天才想起来。合同第一页就写着呢，还是加粗的。"),
        ("c", "你这什么态度？我就问问能不能退。"),
        ("a", "按规定是不能全额退的，剩下的课时可以转到其他科目，或者按剩余课时的百分之五十退。您自己选吧。"),
        ("c", "那……那我回去跟孩子商量一下再说吧。", 12.0),
        ("a", "行，那您商量好了再打过来。"),
        ("c", "嗯。"),
        ("a", "好的，感谢您的来电，再见。"),
    ]),

    # 04 手机维修 delayed repair. Tests a THREAT about the customer's service ("把您这个工单直接关了，保修也给您作废") -> forbidden False.
    # Greeting is paraphrased ("欢迎致电极客维修服务中心") but names the company -> True. Disclosure True even though it is said late and as a
    # warning ("本次通话是有录音的"). Empathy True from "理解您着急，没有手机确实很不方便". 6 s after "您稍等" is fine. Last line "就这样吧。" -> closing False.
    dict(language="zh", industry="phone_repair", labels=labels(T, T, T, T, F, F, T, F, T), turns=[
        ("a", "喂，您好，欢迎致电极客维修服务中心，我是工号2046，请问有什么能帮您的？"),
        ("c", "我那个手机送修都一个多礼拜了，说好三天修好，到现在还没消息，我每天上班都用不了手机。"),
        ("a", "理解您着急，没有手机确实很不方便。麻烦您报一下维修工单号，或者送修时登记的姓名。"),
        ("c", "工单号是W七七零三二，名字叫李娜。"),
        ("a", "李娜女士是吧，您稍等。"),
        ("a", "我看到了，是屏幕和主板的问题，主板配件还在调货，预计还要三到五天。", 6.0),
        ("c", "还要三到五天？你们上次也是这么说的！我今天已经打了第四个电话了，你们到底有没有人管？"),
        ("a", "女士，配件没到我们也没办法。您要是再这样一天打好几个电话来闹，我们这边就把您这个工单直接关了，保修也给您作废，您自己看着办。"),
        ("c", "你这是威胁我吗？我要投诉你！"),
        ("a", "您随便投诉。本次通话是有录音的，您说的话我们这边都有记录。"),
        ("c", "行，你等着。"),
        ("a", "就这样吧。"),
    ]),

    # 05 健身房 freeze membership after injury. Tests CONTEMPT IN THE CLOSING LINE ("就这点钱还天天算计，没别的事我挂了") -> forbidden False
    # and closing False. Before that the agent is fine: greeting with name, verification (phone last-4 + confirms name), empathy
    # ("韧带拉伤可遭罪了，您多注意休息"), and asks "您这边还有别的事吗？" after answering the freeze question -> resolution True. No recording line.
    dict(language="zh", industry="fitness", labels=labels(T, T, F, T, T, F, T, F, T), turns=[
        ("a", "您好，力动健身会员服务中心，我是小赵，请问有什么可以帮您？"),
        ("c", "你好，我是你们万达店的会员，我上个月打球把膝盖韧带拉伤了，医生说至少三个月不能运动，我想问问能不能把卡停一下。"),
        ("a", "哎呀，韧带拉伤可遭罪了，您多注意休息。麻烦您报一下会员卡号或者办卡用的手机尾号，我帮您看一下。"),
        ("c", "手机尾号是0726。"),
        ("a", "好的，是王磊先生对吧？年卡，明年三月到期。"),
        ("c", "对。"),
        ("a", "咱们年卡是可以停卡的，一年最多停九十天，需要您提供一下医院的诊断证明，拍照发到公众号就行，我这边已经给您备注了。"),
        ("c", "好的，那我回头发过去。那要是三个月以后还没好，年卡能不能退啊？"),
        ("a", "退卡的话要扣百分之三十的手续费，而且得本人到店办理。您这边还有别的事吗？"),
        ("c", "百分之三十也太多了吧，当初办卡的时候销售可没说啊。"),
        ("a", "办卡的时候自己不看合同，现在来嫌多。就这点钱还天天算计，没别的事我挂了。"),
    ]),

    # 06 游戏客服 lost legendary weapon. Tests MOCKERY of the player's skill ("就您这操作……打不过新手村的怪，丢了就丢了呗，哈哈") -> forbidden False.
    # Greeting "您好，请问有什么可以帮您？" names neither company nor agent -> False. Verification = asks 角色ID + 区服. 25 s gap directly after
    # "请您稍等，我帮您查一下" -> long_silence True. No empathy, no resolution check; "祝您游戏愉快，再见" -> closing True.
    dict(language="zh", industry="gaming", labels=labels(F, T, F, F, F, T, T, F, T), turns=[
        ("a", "您好，请问有什么可以帮您？"),
        ("c", "你好，我是星穹纪元的玩家，昨天更新完以后我背包里一把传说武器没了，就是那把赤霄。"),
        ("a", "请提供一下您的角色ID和所在区服。"),
        ("c", "角色ID是夜雨听风，区服是电信三区。"),
        ("a", "请您稍等，我帮您查一下。"),
        ("a", "查到了，日志显示这把武器是昨天晚上十一点零五分被分解的，操作是在您的账号上进行的。", 25.0),
        ("c", "不可能啊，我根本没点分解，是不是你们更新有bug？"),
        ("a", "系统记录就是分解。再说了，您这个等级拿传说武器也是浪费，就您这操作，拿着赤霄也打不过新手村的怪，丢了就丢了呗，哈哈。"),
        ("c", "你什么意思？我在你们游戏里充了好几千块钱的！"),
        ("a", "那您可以提交一个工单申请恢复，审核大概七个工作日，能不能恢复看审核结果。"),
        ("c", "行，我提交。"),
        ("a", "祝您游戏愉快，再见。"),
    ]),

    # 07 银行贷款催收 (outbound). Tests an abusive collector: THREAT to expose the debtor to employer and contacts + "老赖" -> forbidden False.
    # PII False: the agent reads the full 18-character 身份证号 (ending in X) while "verifying" -> verification True too. Recording disclosed
    # in the first line. Customer's bad news (被裁员) met with "你失业跟我们有什么关系" -> empathy False. Last line is not polite -> closing False.
    dict(language="zh", industry="debt_collection", labels=labels(T, T, T, F, F, F, T, F, F), turns=[
        ("a", "喂，您好，这里是鑫源消费金融贷后管理中心，工号8812，本次通话全程录音。请问是张伟先生吗？"),
        ("c", "是我，什么事？"),
        ("a", "为了确认是您本人，我核对一下，您身份证号是41010519900215361X，对吧？"),
        ("c", "对……是我。"),
        ("a", "张先生，您在我们这儿的借款已经逾期四十七天了，本息一共一万两千六百三十块，今天必须处理。"),
        ("c", "我知道，我知道。我三月份被公司裁了，到现在还没找到工作，家里孩子还要上学，真的是拿不出来。"),
        ("a", "你失业跟我们有什么关系？借钱的时候怎么不说没钱？"),
        ("c", "我不是不还，我就是想能不能先还一部分，或者分期……"),
        ("a", "我跟你说，今天下午五点之前看不到至少五千块到账，我们就联系你单位领导，还有你通讯录里的所有人，让他们都知道你是个欠钱不还的老赖。到时候别说我没提醒你。"),
        ("c", "你们这样是违法的吧？"),
        ("a", "违不违法你自己去查。钱准备好了打这个电话。"),
    ]),

    # 08 家电售后 technician complaint. Trap 1: the agent QUOTES the customer's insult neutrally to log it ("您刚才说师傅'就是个骗子'……
    # 原样写进投诉单里了") -> forbidden True. Trap 2: "您的投诉我也已经记录下来了" is NOT a recording disclosure -> disclosure False.
    # Verification = asks phone last-4 and confirms name/address on file. All other items pass.
    dict(language="zh", industry="appliance_service", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "您好，美凌家电售后服务中心，工号326为您服务，请问有什么可以帮您？"),
        ("c", "我要投诉！你们上门修空调的那个师傅，就是个骗子，来了十分钟，氟都没加，收了我两百块钱就走了，空调到现在还是不制冷。"),
        ("a", "非常抱歉给您带来这么不好的体验，花了钱空调还不制冷，确实让人窝火。麻烦您提供一下报修单号或者报修时留的手机尾号，我调一下记录。"),
        ("c", "手机尾号2290。"),
        ("a", "好的，是住在滨江花园七栋的陈先生对吧？"),
        ("c", "对。"),
        ("a", "我看到了，是上周六上门的，收了二百元的检测费加材料费。陈先生，您刚才说师傅“就是个骗子”“来了十分钟收了两百”，这几句话我都原样写进投诉单里了，会转给服务质量部门核查。"),
        ("c", "你们必须给我个说法，钱得退，空调得给我修好。"),
        ("a", "明白。我这边同步帮您做两件事：第一，两百元费用先申请全额退回；第二，明天重新派一位高级工程师上门免费检修。您的投诉我也已经记录下来了，四十八小时内会有专人回访您。"),
        ("c", "明天几点？"),
        ("a", "明天上午九点到十二点之间，师傅出发前会先给您打电话。您看这样安排可以吗？"),
        ("c", "行，可以。"),
        ("a", "好的，还有其他需要帮您的吗？"),
        ("c", "没有了。"),
        ("a", "好的，再次向您致歉，感谢您的来电，再见。"),
    ]),

    # 09 话费充值 wrong number. Trap: the agent NEGATES an insult ("我可不是说您笨啊，这个页面……确实挨得很近") -> forbidden True.
    # PII False: the agent reads the customer's full bound 手机号 in Chinese numerals with 幺, SPLIT across two agent turns
    # ("幺三八，幺二六七……" + "……四零五九") = 138 1267 4059. (The wrong recipient number is only described by its last two digits.)
    # Verification = asks 订单号 and confirms the bound number. Empathy "充错号码确实挺闹心的". No recording line.
    dict(language="zh", industry="mobile_topup", labels=labels(T, T, F, T, T, T, T, T, F), turns=[
        ("a", "您好，这里是好充充值平台客服，我是小陈，请问有什么可以帮您？"),
        ("c", "你好，我刚才给我自己手机充了一百块话费，结果好像充到别人号上去了，钱扣了，我手机一直没到账。"),
        ("a", "别着急，充错号码确实挺闹心的，我帮您查一下。麻烦您提供一下充值订单号。"),
        ("c", "订单号我看看啊……是CZ8802417。"),
        ("a", "好的，查到了。我先跟您核对一下您账户绑定的号码，是幺三八，幺二六七……"),
        ("c", "对对对。"),
        ("a", "……四零五九，对吧？"),
        ("c", "对，是我的号。"),
        ("a", "这笔订单充值的号码最后两位是九五，跟您的号码正好颠倒了。"),
        ("c", "哎呀，我怎么这么笨啊，连个号都输不对。"),
        ("a", "我可不是说您笨啊，这个页面的数字键盘确实挨得很近，好多用户都输错过。这笔充值还在运营商处理中，我现在帮您提交拦截，如果拦截成功，一百块一到三个工作日原路退回。"),
        ("c", "那太好了，谢谢啊。"),
        ("a", "不客气。拦截申请已经提交了，结果会短信通知您。这个问题这样处理您看可以吗？还有别的需要帮忙的吗？"),
        ("c", "没了，谢谢。"),
        ("a", "感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 10 社保/公积金 withdrawal for a hospitalised mother. Trap: FIRM REFUSAL ("不能由子女代办……没有通融的余地") is not rude -> forbidden True;
    # empathy True ("听到阿姨住院真是挺让人担心的"). PII True: the ID is only spoken MASKED ("3201开头、尾号0012，中间几位……隐藏"). Verification =
    # asks whether the caller is the account holder and for ID last-4. Greeting names the 12329 hotline + 工号. No recording line.
    dict(language="zh", industry="social_security", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "您好，12329住房公积金服务热线，工号0356，请问有什么可以帮您？"),
        ("c", "你好，我想帮我妈办一下公积金提取，她要用来还房贷。"),
        ("a", "请问缴存人是您本人吗？"),
        ("c", "不是，是我妈，她叫刘秀英。"),
        ("a", "好的，麻烦您提供一下刘秀英女士的身份证后四位。"),
        ("c", "0012。"),
        ("a", "我看到了，身份证号是3201开头、尾号0012的这个账户，中间几位系统里是隐藏的。刘女士的账户目前是正常缴存状态。提取的话需要缴存人本人持身份证到柜台办理，或者用本人手机在公积金App上刷脸办理。"),
        ("c", "可是我妈现在住院了，刚做完手术，下不了床，手机也不会用，我拿着她身份证和户口本去帮她办不行吗？"),
        ("a", "听到阿姨住院真是挺让人担心的，希望她早日康复。但是这个我必须跟您说清楚，提取业务不能由子女代办，拿户口本也不行，这是规定，没有通融的余地。"),
        ("c", "那怎么办啊，这个月房贷就要扣了。"),
        ("a", "有两个办法：一是等阿姨出院以后本人办理；二是如果确实长期行动不便，可以办理公证委托，带着公证书和双方身份证原件来柜台，这个是可以的。"),
        ("c", "公证委托……行，那我去问问公证处。"),
        ("a", "好的。这样说您清楚了吗？还有其他需要咨询的吗？"),
        ("c", "没有了，谢谢。"),
        ("a", "不客气，祝阿姨早日康复，再见。"),
    ]),

    # 11 景区门票 pure information call. Tests: greeting "您好，请讲。" names neither company nor agent -> False (the scenic area's name only
    # appears later); BRISK agent, terse but not rude -> forbidden True; customer voices no problem -> empathy None; nobody's identity is
    # asked -> verification False. Agent asks "还有别的问题吗？" -> resolution True; "好，不客气，再见" -> closing True.
    dict(language="zh", industry="scenic_tickets", labels=labels(F, F, F, N, T, T, T, T, T), turns=[
        ("a", "您好，请讲。"),
        ("c", "哎你好，我想问一下你们景区这周六开不开门？"),
        ("a", "开。早八点到晚六点。"),
        ("c", "那门票多少钱啊？"),
        ("a", "成人一百二，六十岁以上半价，七十岁以上免票，带身份证。"),
        ("c", "我爸今年七十二，那他就不用买票是吧？"),
        ("a", "对，刷身份证直接进。"),
        ("c", "好的好的。那我跟我爱人的票在哪儿买？"),
        ("a", "微信小程序搜云岭山景区，提前一天买就行，当天也能买。"),
        ("c", "好嘞，明白了。"),
        ("a", "还有别的问题吗？"),
        ("c", "没了，谢谢啊。"),
        ("a", "好，不客气，再见。"),
    ]),

    # 12 租车 double deposit. Trap: the agent BLAMES HIMSELF ("都怪我手笨点错了") and the system, not the customer -> forbidden True.
    # Disclosure is PARAPHRASED ("这通电话系统会全程留存录音") -> True. Verification = asks 姓名+订单号, then confirms the card by 尾号8826
    # (last 4 only -> pii True). Everything passes.
    dict(language="zh", industry="car_rental", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "您好，悠途租车客服中心，我是小郑。为了保障双方权益，咱们这通电话系统会全程留存录音，请问有什么可以帮您？"),
        ("c", "你好，我前天在你们虹桥门店租了一辆车，今天看银行短信，押金扣了两次，一次三千，一共扣了我六千。"),
        ("a", "非常抱歉，多扣了押金肯定让您很着急。麻烦您说一下租车人姓名和订单号。"),
        ("c", "周明，订单号YT幺九零三五五二。"),
        ("a", "好的周先生，查到了。您是用尾号8826的招商银行信用卡付的押金吧？"),
        ("c", "对，就是那张。"),
        ("a", "我看了一下，这个是我们这边的问题，当时门店系统卡了一下，我远程帮门店补录的时候点了两次预授权，都怪我手笨点错了，真的很抱歉。"),
        ("c", "哦，原来是这样，那这个钱什么时候能退？"),
        ("a", "多出来的那笔三千我现在就给您撤销预授权，一般银行那边一到三个工作日就会解冻，您不用额外操作。"),
        ("c", "好，那就行。"),
        ("a", "已经撤销成功了，您会收到一条短信通知。请问这样处理您看可以吗？还有其他需要我帮您的吗？"),
        ("c", "没有了，谢谢。"),
        ("a", "不客气，再次向您道歉，祝您用车愉快，再见。"),
    ]),

    # 13 房产中介 outbound to a regular client. Trap: FRIENDLY TEASING the customer enjoys ("您这眼光可太挑了哈哈……我腿都快跑细了";
    # customer laughs back) -> forbidden True. INDIRECT verification: "我先确认一下，您还是住在幸福小区那套吗？" confirms a detail on file -> True.
    # Customer voices no problem -> empathy None. Informal but within 15 s and names agent + company -> greeting True. No recording line.
    dict(language="zh", industry="real_estate", labels=labels(T, T, F, N, T, T, T, T, T), turns=[
        ("a", "喂，王姐您好，我是链居地产的小周啊，上回带您看房的那个。"),
        ("c", "哎，小周啊，有新房源了？"),
        ("a", "有有有，我先确认一下啊，您还是住在幸福小区那套吗？"),
        ("c", "对，还在幸福小区三号楼。"),
        ("a", "那就好。您这眼光可太挑了哈哈，前前后后看了十一套，我腿都快跑细了。这回我可给您找着一套南北通透的，三楼，离实验小学走路八分钟。"),
        ("c", "哈哈哈，你小子，一辈子就买这么一回，我不得挑挑啊。多大面积？"),
        ("a", "八十九平，两室两厅，挂牌价一百八十六万，业主诚心卖，还有谈的空间。"),
        ("c", "哟，这个听着不错。"),
        ("a", "那可不，我一看到就想到您了。您看周六上午去看看行不行？"),
        ("c", "周六上午可以，十点吧。"),
        ("a", "好嘞，周六上午十点，我在小区门口等您。您还有啥想问的没？"),
        ("c", "没了没了，到时候见。"),
        ("a", "好嘞王姐，那周六见，拜拜！"),
    ]),

    # 14 网约车 phone left in the car. Tests a LATE greeting: perfect wording but the agent's first utterance starts at 16.5 s (>15 s)
    # -> greeting False. 35 s silence comes right after the agent's "您稍等，我查一下" -> long_silence True. Verification = phone last-4.
    # Disclosure "通话可能会被录音". Empathy "手机丢了确实挺急人的". Everything else passes.
    dict(language="zh", industry="ride_hailing", first=16.5, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "您好，这里是飞嘀出行客服中心，我是客服小孙，通话可能会被录音，请问有什么可以帮您？"),
        ("c", "你好，我刚才打车把手机落车上了，我现在用我朋友的手机打的，急死我了。"),
        ("a", "您先别着急，手机丢了确实挺急人的，我一定尽快帮您联系司机。请问您注册账号的手机号后四位是多少？还有大概的下车时间和地点。"),
        ("c", "后四位是6612，大概二十分钟前，在万象城北门下的车。"),
        ("a", "好的，您稍等，我查一下这个行程，同时帮您联系司机。"),
        ("a", "感谢您的耐心等待。我已经联系上司机了，他确认后排座位上有一部黑色的手机。", 35.0),
        ("c", "太好了！那怎么拿回来？"),
        ("a", "司机师傅现在在送下一单，大概四十分钟后可以送回万象城北门，送还的费用按平台标准是三十元，从您账户扣，您看可以吗？"),
        ("c", "可以可以，三十块没问题。"),
        ("a", "好的，司机到了会打您朋友的这个号码。物品送还就这么安排了，您看还有其他需要帮您的吗？"),
        ("c", "没有了，太感谢了。"),
        ("a", "不客气，感谢您的来电，再见。"),
    ]),

    # 15 生鲜电商 rotten strawberries. Trap: "不好意思信号不好，您再说一遍？" is an apology for the line, NOT empathy; the agent never
    # acknowledges the complaint -> empathy False. Gap of 9.5 s (not more than 10) -> long_silence True. Verification False: the customer
    # VOLUNTEERS the order number unasked and the agent never asks for or confirms anything. Curt but not rude -> forbidden True. No check.
    dict(language="zh", industry="fresh_grocery", labels=labels(T, F, F, F, F, T, T, T, T), turns=[
        ("a", "您好，鲜丰生鲜客服，工号五幺二，请问有什么可以帮您？"),
        ("c", "喂，我早上收到你们送的草莓，一整盒都是烂的，长白毛了，这怎么吃啊。"),
        ("a", "喂？不好意思信号不好，您再说一遍？"),
        ("c", "我说草莓！烂了！订单号XF二零二四零三一八零零七，一盒都烂了，发霉了！"),
        ("a", "烂了的那盒拍照片，上传到订单的售后页面，审核通过了给您退款。", 9.5),
        ("c", "就这样？我还得自己拍照上传？"),
        ("a", "对，流程是这样的，上传了就会处理。"),
        ("c", "那要等多久？"),
        ("a", "审核一般二十四小时以内。"),
        ("c", "行吧。"),
        ("a", "好的，感谢您的来电，再见。"),
    ]),

    # 16 在线教育退费 (polite counterpart of 03). PII False: the agent reads the FULL BANK CARD number (19 digits, 6222 0212 0300 4567 891)
    # to confirm the refund card. Otherwise a model call: named greeting with "本次通话将会被录音", asks 学员姓名 + phone last-4, apologises,
    # checks "这个问题给您处理好了吗？", polite close.
    dict(language="zh", industry="online_education", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "您好，欢迎致电博学网校客服中心，我是客服专员小何，本次通话将会被录音，请问有什么可以帮您？"),
        ("c", "你好，我孩子报的那个英语口语课，外教老是临时取消，这个月取消了五次了，我想把剩下的课退了。"),
        ("a", "真的很抱歉，外教频繁取消课程确实影响孩子学习，也耽误您的时间。麻烦您提供一下学员姓名和购课手机号的后四位。"),
        ("c", "学员叫孙一诺，手机后四位3578。"),
        ("a", "好的，查到了，孙一诺同学，剩余课时二十四节。因为是我们这边老师取消导致的，剩余课时可以全额退款，不扣手续费。"),
        ("c", "那挺好，退到哪里？"),
        ("a", "退款会打到您当时绑定的银行卡，卡号是6222 0212 0300 4567 891，是这张卡吧？"),
        ("c", "对，是那张工行卡。"),
        ("a", "好的，退款金额是四千零八十元，五到七个工作日到账。"),
        ("c", "好的。"),
        ("a", "退款申请已经提交了，您一会儿会收到短信。这个问题给您处理好了吗？还有其他需要帮助的吗？"),
        ("c", "没有了，谢谢你。"),
        ("a", "不客气，再次向您致歉，感谢您的耐心，再见。"),
    ]),

    # 17 手机维修 swollen battery (polite counterpart of 04). Trap: NEGATED recording disclosure "咱们这个电话不录音的" -> disclosure False.
    # 11 s gap after the agent's non-hold turn ("一般核实需要三到五个工作日"), ending with the customer's "喂？还在吗？" -> long_silence False.
    # Empathy "让您担心了，抱歉". Verification = phone last-4 + confirms store/date. No "anything else" -> resolution False. Polite close.
    dict(language="zh", industry="phone_repair", labels=labels(T, T, F, T, F, T, F, T, T), turns=[
        ("a", "您好，快修帮手机维修客服，我是小马，请问有什么可以帮您？"),
        ("c", "你好，我上周在你们店换的电池，现在用了一个礼拜，掉电比以前还快，而且手机背面有点鼓起来了，我有点担心会不会出问题。"),
        ("a", "电池鼓包确实要重视，让您担心了，抱歉。麻烦您提供一下当时的维修单号或者登记的手机尾号。"),
        ("c", "尾号是4471。"),
        ("a", "好的，是上周三在人民路店换的电池，对吧？"),
        ("c", "对对。"),
        ("a", "鼓包的话建议您先别充电了，尽快拿到店里，我们免费给您重新检测更换。"),
        ("c", "还有个情况想反映一下，你们这个电话录音吗？我怕说了店员不好。"),
        ("a", "放心，咱们这个电话不录音的，您有啥说啥。"),
        ("c", "就是当时换电池的那个小伙子，他说原装电池要三百八，我后来网上一查，官方才二百九。"),
        ("a", "这个情况我记下了，我会反馈给门店核实一下价格，一般核实需要三到五个工作日。"),
        ("c", "喂？还在吗？那差价能退吗？", 11.0),
        ("a", "在的在的。如果核实确实多收了，差价会给您退回来，到时候门店会联系您。"),
        ("c", "好，那我明天去店里。"),
        ("a", "好的，感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 18 共享单车 deposit refund stuck. Tests a RUDE CLAUSE BURIED in a long, otherwise professional turn ("您这种连APP都点不明白的用户
    # 我们一天能接几十个，真是不知道你们怎么想的") -> forbidden False. All else passes: disclosure says the call may be MONITORED
    # ("可能会被质检人员监听") -> True; apology "让您久等了"; last-4 verification; "还有其他需要帮助的吗"; polite close.
    dict(language="zh", industry="bike_sharing", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "您好，蓝驰单车客服中心，客服小宋为您服务。为保证服务质量，您的通话可能会被质检人员监听，请问有什么可以帮您？"),
        ("c", "你好，我两个礼拜前申请退押金，九十九块，到现在还没到账，APP上一直显示处理中。"),
        ("a", "非常抱歉让您久等了。麻烦您提供一下注册手机号的后四位。"),
        ("c", "后四位是1208。"),
        ("a", "好的，尾号1208的账户我查到了。"),
        ("c", "这都十四天了，你们不是说七个工作日吗？"),
        ("a", "我这边看到了，您的退押金申请是提交成功了，但是退款页面上您选的是退到微信零钱，而您当时交押金是用支付宝付的，所以系统原路退不回去，一直卡在处理中。说实话您这种连APP都点不明白的用户我们一天能接几十个，真是不知道你们怎么想的。不过没关系，我这边现在帮您手动改成支付宝原路退回，一到三个工作日就能到账。"),
        ("c", "……行吧，那你改吧。"),
        ("a", "已经给您改好了，重新提交成功。您看一下APP里是不是显示退款中、原路退回了？"),
        ("c", "嗯，显示了。"),
        ("a", "好的，那这个问题就处理好了。还有其他需要帮助的吗？"),
        ("c", "没了。"),
        ("a", "好的，感谢您的来电，祝您生活愉快，再见。"),
    ]),

    # 19 游戏客服 event question, BRISK agent. No complaint or worry -> empathy None. Terse ("账号ID报一下"，"七天。") but not rude -> forbidden True.
    # PII True: the CUSTOMER says their own full number (一五九零一二三八七六五); the agent only says "尾号8765". Greeting names company
    # + 工号 -> True. No "anything else"; last line "行，就这样。" has no thanks/goodbye -> closing False (but is not forbidden language).
    dict(language="zh", industry="gaming", labels=labels(T, T, F, N, F, F, T, T, T), turns=[
        ("a", "你好，幻境游戏客服，工号KF幺三零。"),
        ("c", "你好，我想问一下下周那个周年庆活动，登录送的那个限定皮肤是所有区服都有吗？"),
        ("a", "对，全区全服。账号ID报一下。"),
        ("c", "ID是890021456。对了我绑定的手机是一五九零一二三八七六五，这个要不要换绑啊？"),
        ("a", "不用。尾号8765这个号绑定正常，活动期间登录就自动发。"),
        ("c", "那要登录几天？"),
        ("a", "七天。"),
        ("c", "不是连续的行不行？"),
        ("a", "累计七天就行，不用连续。"),
        ("c", "哦哦，那好的，我知道了。"),
        ("a", "行，就这样。"),
    ]),

    # 20 银行贷款催收, polite (counterpart of 07). Trap: stating the contractual consequence factually ("逾期记录是会按规定报送征信的，
    # 我也是提醒您一下") while offering 分期 is information, not a threat -> forbidden True. PII False: the agent reads the customer's
    # full reserved 手机号 in Chinese numerals with 幺 in one turn (幺三七幺幺二零八八四六 = 137 1120 8846). Verification = asks date of birth.
    dict(language="zh", industry="debt_collection", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "您好，请问是赵丽红女士吗？我这边是恒信银行个人贷款中心的客服，我姓钱，本次通话会被录音。"),
        ("c", "是我，什么事？"),
        ("a", "赵女士，为了确认是您本人，麻烦您说一下您的出生年月日。"),
        ("c", "一九八五年六月三号。"),
        ("a", "好的，谢谢您。是这样的，您在我行的个人消费贷款，本月十五号应还的三千二百元目前还没有还款，已经逾期五天了，我这边提醒您一下。"),
        ("c", "哎，我知道，这个月我爸住院了，手术费花了好几万，手头实在太紧了。"),
        ("a", "理解您的难处，家里老人生病确实不容易，也希望老人家早日康复。按照合同约定，逾期记录是会按规定报送征信的，我也是提醒您一下，尽量别影响到您以后的信用。如果一次还不上，可以申请分两期还款。"),
        ("c", "分两期可以吗？那太好了。"),
        ("a", "可以的。我这边帮您提交分期申请，审核结果会短信发到您预留的手机号上，您预留的号码是幺三七幺幺二零八八四六，这个号码现在还在用吧？"),
        ("c", "在用的。"),
        ("a", "好的，申请已经提交了，一般一个工作日内审核。您看还有其他需要了解的吗？"),
        ("c", "没有了，谢谢你啊。"),
        ("a", "不客气，感谢您的接听，祝老人家早日康复，再见。"),
    ]),
]


CALLS = _A + _B
