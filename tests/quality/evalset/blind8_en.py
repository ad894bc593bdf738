# ruff: noqa: E501 -- one turn a line
"""An eighth blind split: 40 English calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call, to the mix of blind5; measured once, when
the scorer had been mended on blind7."""

from fresh import F, N, T, labels

_A = [
    # 01 UK broadband, sarcasm mid-call ("too advanced ... press the button for you"). forbidden F.
    # empathy F: customer reports a week of dropouts, agent never apologises or empathises.
    dict(language="en", industry="broadband", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good afternoon, you're through to Kestrel Broadband, my name's Callum. Just to let you know, calls are recorded for training. What can I do for you?"),
        ("c", "Hiya, yeah, um, my internet keeps dropping out, like every evening. It's been a week now."),
        ("a", "Right. Can I take the postcode and first line of the address on the account?", 2.0),
        ("c", "It's LS6 2QT, 14 Brudenell Grove."),
        ("a", "Okay, got you. Mrs... Ahmed?"),
        ("c", "Miss Ahmed, yeah."),
        ("a", "Right. And you've restarted the router, have you? Or is that a bit too advanced, like, shall I send someone round to press the button for you?"),
        ("c", "...I have restarted it. Loads of times. I'm not daft."),
        ("a", "Mm. Well, I'm seeing line errors from about seven p.m. every night, so I'll book an engineer to test the line. Thursday between eight and one, that work?", 3.0),
        ("c", "Thursday's fine, yeah."),
        ("a", "Done. You'll get a text confirming it. Does that cover everything for today?"),
        ("c", "I suppose, yeah."),
        ("a", "Lovely. Thanks for calling Kestrel, bye now."),
    ]),

    # 02 US student loans, long call; condescension ("sweetie ... not rocket science ... go nice and slow for you")
    # buried inside one long helpful turn. forbidden F; everything else passes (empathy T: "I'm sorry, that's a stressful letter").
    dict(language="en", industry="student_loans", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Thank you for calling Brightpath Student Loan Servicing, this is Denise. This call may be monitored or recorded for quality. How can I help you today?"),
        ("c", "Hi, um, yeah, so I got this letter saying my payment's going up to like four hundred and something a month and I, I honestly can't do that. I just started a job, I'm making like nothing."),
        ("a", "Oh, I'm sorry, that's a stressful letter to open. Let's see what we can do. Can I get your full name and date of birth?"),
        ("c", "Tyler Brooks, B-R-O-O-K-S, March third, two thousand."),
        ("a", "And the last four of your Social?"),
        ("c", "Uh, seven seven one nine."),
        ("a", "Thank you, Tyler. Okay, I've got your account up. So your grace period ended in October, which is why you're seeing the standard ten-year plan now."),
        ("c", "Okay, but I never picked a plan?"),
        ("a", "Right, if you don't pick one, you get placed on the standard plan by default."),
        ("c", "That's... kinda messed up. Nobody told me that."),
        ("a", "I hear you. So here's what I can do. There's an income-driven repayment plan, and with what you've described your payment could come down a lot, depending on your income and household size. You'd apply online, and look, sweetie, it's honestly not rocket science, even a freshman could fill it out, so I'll go nice and slow for you. You upload your most recent pay stub or tax return, and while that's processing I can put the account in a short administrative forbearance so nothing comes due."),
        ("c", "Uh. Okay. Yeah, I'd like the forbearance thing, please."),
        ("a", "Sure. Give me a sec here."),
        ("a", "Alright, done. You've got sixty days of forbearance starting today, and you'll get an email with the link to the income-driven application.", 4.0),
        ("c", "And that's gonna stop the four hundred dollar thing?"),
        ("a", "Yes, nothing's due during those sixty days, and once your application is approved the new amount replaces it."),
        ("c", "Okay. Cool. That's a relief, actually."),
        ("a", "Good. Is there anything else I can help you with?"),
        ("c", "No, that's it."),
        ("a", "Alright, thanks for calling Brightpath, Tyler. Take care."),
    ]),

    # 03 Australian car insurance, short; agent swears at / insults the customer ("bloody galah") near the end. forbidden F.
    # empathy F (declined claim, no acknowledgement); resolution F (never checks); closing F (last line "Whatever. Ring back tomorrow").
    dict(language="en", industry="car_insurance", labels=labels(T, T, T, F, F, F, T, F, T), turns=[
        ("a", "G'day, Southern Cross Motor Insurance, Brett speaking, calls are recorded. What can I do for ya?"),
        ("c", "Yeah, hi, I'm ringing about my claim, the hail damage one. It's been knocked back and I reckon that's rubbish."),
        ("a", "Policy number?"),
        ("c", "SCM 448 1920. Name's Gary Finch."),
        ("a", "Right. Yeah, it's declined, mate. You didn't have hail cover on that policy, you took the basic one."),
        ("c", "Nobody ever told me that! I've been paying you lot for six years and..."),
        ("a", "Look, that's not my problem, is it? Stop carrying on like a bloody galah and read your own flamin' policy."),
        ("c", "Are you serious? I want to speak to a manager."),
        ("a", "Whatever. Ring back tomorrow then."),
    ]),

    # 04 Nigerian healthcare clinic; veiled threat mid-call ("patients who shout ... find there are no more slots"). forbidden F.
    # empathy T (apologises for the four-hour wait); all other items pass.
    dict(language="en", industry="healthcare_clinic", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good morning, thank you for calling Lekki Family Clinic, my name is Chidinma. Please note this call is recorded. How may I help you?"),
        ("c", "Good morning o. Em, I came for my appointment yesterday and I waited almost four hours! Four hours! Nobody told me anything."),
        ("a", "Ah, sorry about that, ma, that's really a long wait. Can I have your full name and your patient number, please?"),
        ("c", "Funmilayo Adeyemi. My number is LFC-20931."),
        ("a", "Thank you, ma. And your date of birth?"),
        ("c", "Fourteenth of June, nineteen seventy-one."),
        ("a", "Okay, I see it. The doctor had an emergency yesterday, that's why the queue backed up."),
        ("c", "But somebody should have told us now! This is not how to run a clinic. Your people are so unserious."),
        ("a", "Madam, I'd be careful how you talk to us. Patients who shout at our staff sometimes find there are no more slots for them here. Just saying."),
        ("c", "Is that a threat?"),
        ("a", "I'm only saying. Anyway, I've booked you with Dr. Okafor for Thursday at ten a.m., first appointment of the day, so no waiting.", 3.5),
        ("c", "Hmm. Okay. Thursday ten."),
        ("a", "Yes. Is there anything else I can do for you today?"),
        ("c", "No, that's all."),
        ("a", "Alright ma, thank you for calling. Have a good day."),
    ]),

    # 05 Indian airline; mockery mid-call ("slow motion ... my nephew in second standard got that") and a rude last line. forbidden F.
    # closing F: last agent utterance is a jab with no thanks/goodbye. empathy T ("I understand, that's worrying").
    dict(language="en", industry="airline", labels=labels(T, T, T, T, T, F, T, F, T), turns=[
        ("a", "Namaste, thank you for calling SkyVista Airlines, this is Rohan. This call is being recorded for quality purposes. How may I help you?"),
        ("c", "Hello, yes, my flight from Pune to Delhi, it is showing changed timing, now my connecting flight to Toronto I will miss. I'm very worried."),
        ("a", "I understand, that's worrying, sir. May I have your PNR and your last name?"),
        ("c", "PNR is K7W2QP, name is Kulkarni."),
        ("a", "Thank you, Mr. Kulkarni. Yes, the Pune-Delhi has moved from six-ten to nine-forty, and your Toronto departure is at thirteen-oh-five."),
        ("c", "So, so I will make it? Or not? Sorry, I am asking again, but I will make it?"),
        ("a", "Sir, I just said the timings. Shall I do it in slow motion? Nine... forty... to... one... oh... five. Even my nephew in second standard got that."),
        ("c", "...Okay. I only wanted to be sure."),
        ("a", "Minimum connection in Delhi is ninety minutes, so technically you'd make it, but to be safe I can move you to the five-fifteen departure at no charge."),
        ("c", "Yes please, do that, five-fifteen."),
        ("a", "Done, your new flight is on the same PNR. Is that everything you needed?"),
        ("c", "Yes, thank you, that's all."),
        ("a", "Fine. And next time read the SMS properly before calling, na."),
    ]),

    # 06 US pharmacy; rude blame right at the start ("that's on you ... people like you are why our lines are jammed"). forbidden F.
    # disclosure F: recording never mentioned. empathy T: agent later apologises ("I know running out is scary").
    dict(language="en", industry="pharmacy", labels=labels(T, T, F, T, T, T, T, F, T), turns=[
        ("a", "Hi, thanks for calling Maple Street Pharmacy, this is Jordan. What can I do for you?"),
        ("c", "Hi, yeah, I'm out of my blood pressure pills, the lisinopril, and the app says the refill's not ready and I'm kind of panicking. I take it every morning."),
        ("a", "Well, that's on you for waiting till the last pill, isn't it? Honestly, people like you are why our phone lines are jammed every Monday."),
        ("c", "Wow. Okay. I did request it on Friday."),
        ("a", "...Alright. Sorry. Look, I know running out is scary. Can I get your name and date of birth?"),
        ("c", "Linda Morales, eleven twenty-two fifty-eight."),
        ("a", "Thanks, Linda. Okay, I see it. We're waiting on the doctor's approval because the prescription ran out of refills."),
        ("c", "Oh. I didn't know that."),
        ("a", "I can give you an emergency supply, up to seven days, while we chase Dr. Patel's office. It'll be ready in about thirty minutes."),
        ("c", "Oh, that would be great, thank you."),
        ("a", "Sure. Does that take care of what you needed today?"),
        ("c", "Yes, that's it."),
        ("a", "Okay, thanks for calling, Linda. Have a good one."),
    ]),

    # 07 Singapore broadband, very short; subtle condescension in Singlish ("this one also need to call ah? even my ah ma can do"). forbidden F.
    # empathy N: a how-to question, no problem voiced. long_silence F: 12 s gap after the customer's turn, no hold requested.
    dict(language="en", industry="broadband", labels=labels(T, T, T, N, T, T, F, F, T), turns=[
        ("a", "Hello, good evening, Lion City Fibre, this is Wei Ling speaking. This call is recorded ya. How can I help?"),
        ("c", "Hi, ah, I want to change my Wi-Fi password. How to do ah?"),
        ("a", "Can I have your account number and the name on the account?"),
        ("c", "Account is LCF 0083 2217, name Tan Boon Huat."),
        ("a", "Okay, Mr Tan. Aiyah, this one also need to call ah? Very basic one leh, even my ah ma can do. Just log in to the app, go Settings, Wi-Fi, then change password lor. Got anything else or not?", 12.0),
        ("c", "No, that's all, thanks."),
        ("a", "Okay, thank you for calling, bye bye."),
    ]),

    # 08 US car insurance; customer swears and insults ("damn", "bunch of crooks"), agent stays polite. forbidden T.
    # long_silence T: 18 s gap comes right after the agent asked the customer to hold. all pass.
    dict(language="en", industry="car_insurance", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Thank you for calling Liberty Peak Auto Insurance, my name is Marcus. This call is recorded for quality assurance. How can I help you?"),
        ("c", "Yeah, I've been waiting two damn weeks on my claim, and you people are a bunch of crooks, you know that? Nobody calls me back."),
        ("a", "I'm really sorry, sir. Two weeks with no callback is frustrating, and I'd be upset too. Let's get this sorted. Can I have your claim number or policy number?"),
        ("c", "Claim is seven seven oh four one nine three. Name's Dale Whitaker."),
        ("a", "Thank you, Mr. Whitaker. And can you confirm the ZIP code on the policy?"),
        ("c", "Seven five two oh four. Dallas."),
        ("a", "Thank you. Please hold for a moment while I pull up the adjuster's notes."),
        ("c", "Hello? You still there?", 18.0),
        ("a", "Yes, I'm here, thanks for holding. So the adjuster approved the repair estimate; it was sitting waiting for a supervisor sign-off, which I've just escalated."),
        ("c", "So when do I get the damn check?"),
        ("a", "Once it's signed off, payment goes out within three business days, either direct deposit to you or straight to the body shop, your choice."),
        ("c", "Just send it to the shop. Crooks, I swear."),
        ("a", "Understood, I've noted to pay the shop directly. I know you're fed up, and you've every right to be. Is there anything else I can look into for you today?"),
        ("c", "No. That's it."),
        ("a", "Alright, Mr. Whitaker, thank you for your patience, and have a good rest of your day."),
    ]),

    # 09 UK GP clinic; agent quotes an insult neutrally ("'stop being such a timewaster'") and negates it ("you're not a timewaster"). forbidden T.
    # greeting F: first agent utterance starts at 18 s (too late), though it names the practice and agent.
    dict(language="en", industry="healthcare_clinic", first=18.0, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, Riverside Medical Practice, you're speaking to Janet. Calls are recorded for training and monitoring. How can I help?"),
        ("c", "Hi, yes, I... I want to make a complaint, actually. I rang this morning to get my son seen, he's got a temperature, and the girl on the phone said, and I quote, 'stop being such a timewaster'. I was gobsmacked."),
        ("a", "Oh gosh, I'm so sorry. That's not acceptable at all. Can I take your son's name and date of birth, and your name too?"),
        ("c", "He's Oliver Grant, fourth of May twenty nineteen. I'm Sarah Grant, his mum."),
        ("a", "Thank you, Sarah. So I'll write this up word for word: she said 'stop being such a timewaster', is that right?"),
        ("c", "Yeah. Exactly that."),
        ("a", "Okay, that's logged for the practice manager. And for what it's worth, you're not a timewaster. A poorly little one with a temperature is exactly what we're here for."),
        ("c", "Thank you. That actually means a lot."),
        ("a", "Now, let's get Oliver seen. I've got a same-day slot with Dr Hussain at quarter past four. Would that suit?"),
        ("c", "Yes, quarter past four's perfect."),
        ("a", "Lovely, that's booked. Is there anything else I can do for you?"),
        ("c", "No, that's everything."),
        ("a", "Take care, Sarah, and I hope Oliver feels better soon. Bye now."),
    ]),

    # 10 Australian broadband; agent swears at the computer ("bloody hell ... flamin' computer, not you") and says "Legend" kindly. forbidden T.
    # disclosure F: "this line isn't recorded" is a negated disclosure. long_silence T: 9.5 s gap, under the limit.
    dict(language="en", industry="broadband", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hi there, you've called Outback Fibre, Shaz speaking. Just so you know, this line isn't recorded, so no stress. What's happening?"),
        ("c", "Oh hey, yeah, my NBN's been dead since this morning and I work from home, so I'm kinda stuffed."),
        ("a", "Aw no, that's rotten timing, sorry about that. Can I grab your account number and the address?"),
        ("c", "Account's OF-552190, and it's 7 Banksia Street, Toowoomba."),
        ("a", "Ta. Oh, bloody hell... sorry, not you, this flamin' computer's just frozen on me again. Right, it's back."),
        ("c", "Ha, no worries."),
        ("a", "Okay, so there's an outage in your area, a cable got cut by roadworks. Techs are on site, they're saying back up by three p.m.", 9.5),
        ("c", "Ah, okay. Can I get anything for the downtime?"),
        ("a", "Yep, I'll pop a credit for the day on your account, and if you've got the modem with the 4G backup, I can switch that on for you now."),
        ("c", "Oh, I do have that one, yeah."),
        ("a", "Legend. Done, it should kick in within a couple of minutes. Is that all working for you?"),
        ("c", "Yep, lights are going green... yep, I'm online. Awesome."),
        ("a", "Beauty. Anything else I can help with?"),
        ("c", "Nah, that's it."),
        ("a", "No worries, thanks for calling, have a good one."),
    ]),

    # 11 Nigerian airline; agent calls herself/himself a "mumu" (at self) and jokes warmly about "Balogun market". forbidden T.
    # empathy N: simple extra-bag request. resolution F: agent never checks the need is met or asks for anything else.
    dict(language="en", industry="airline", labels=labels(T, T, T, N, F, T, T, T, T), turns=[
        ("a", "Good afternoon, welcome to AeroNaija, my name is Emeka. This call is recorded for quality purposes. How can I help you?"),
        ("c", "Good afternoon, Emeka. I want to add an extra bag to my London flight, next Saturday."),
        ("a", "No problem, ma. Your booking reference and surname, please?"),
        ("c", "It's QX4B7N, surname Okonkwo."),
        ("a", "Thank you, Mrs. Okonkwo. Lagos to Heathrow, Saturday the... wait, I've typed the twelfth. Ah, I'm such a mumu today. Okay, the twenty-first, yes."),
        ("c", "(laughs) No wahala."),
        ("a", "Now, how many extra bags? Don't tell me you want to carry the whole of Balogun market to London o!"),
        ("c", "Ha! Just one, twenty-three kilo. It's foodstuff for my daughter."),
        ("a", "Ah, then she's a lucky girl. One extra bag, twenty-three kilos, that's forty-five thousand naira. I'll send the payment link to your email now."),
        ("c", "Okay, I have received it. I'll pay now."),
        ("a", "Perfect. Thank you for flying AeroNaija, Mrs. Okonkwo. Safe journey!"),
    ]),

    # 12 UK car insurance renewal; agent reads the full 16-digit card back "to confirm", in digits. pii F.
    # empathy N: routine payment. long_silence F: 11 s gap after the customer's turn with no hold request.
    dict(language="en", industry="car_insurance", labels=labels(T, T, T, N, T, T, F, T, F), turns=[
        ("a", "Morning, Thistle Motor Insurance, Gemma speaking. Calls are recorded for quality and training. How can I help?"),
        ("c", "Hi, morning. I'm just calling to pay my renewal, it's due on Friday."),
        ("a", "Lovely. Can I take your policy number and date of birth?"),
        ("c", "TMI 3302 718, and it's the ninth of September eighty-five."),
        ("a", "Thanks, Mr Doyle. So the renewal's four hundred and twelve pounds sixty for the year. How would you like to pay?"),
        ("c", "Debit card. It's 4929 1832 0044 7615, expiry ten twenty-seven."),
        ("a", "Okay, so just to confirm, that's 4929 1832 0044 7615, expiry ten twenty-seven?", 11.0),
        ("c", "That's right."),
        ("a", "And the three-digit code on the back?"),
        ("c", "Three oh eight."),
        ("a", "Thank you, that's gone through. You'll get your documents by email today. Anything else I can help with?"),
        ("c", "No, that's grand, thanks."),
        ("a", "Brilliant, thanks for calling, bye."),
    ]),

    # 13 US student loans; agent repeats the customer's full SSN back in words. pii F.
    # all other items pass (empathy T: "I'm sorry to hear about your job").
    dict(language="en", industry="student_loans", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good morning, Keystone Education Loans, this is Priya. Before we begin, this call is recorded for quality and compliance. What can I do for you?"),
        ("c", "Hi, um, yeah, so I lost my job last month and I'm worried I'm gonna default on my loans. I've got a payment due on the fifteenth."),
        ("a", "I'm sorry to hear about your job, that's a lot to deal with. The good news is we have options. Can I have your full name and your Social Security number to pull up the account?"),
        ("c", "Sure, it's Ashley Nguyen, and the Social is 5 2 3, 4 1, 8 8 0 6."),
        ("a", "Thank you. Let me just repeat that back: five two three, four one, eight eight zero six, and that's Ashley Nguyen, N-G-U-Y-E-N?"),
        ("c", "Yep, that's right."),
        ("a", "Great. Okay, so since you're unemployed, you qualify for an unemployment deferment, up to six months at a time. Your payment on the fifteenth would be paused."),
        ("c", "Oh, thank god. What do I have to do?"),
        ("a", "I can start it now over the phone. You'll just need to upload proof, like your state unemployment benefits letter, within thirty days."),
        ("c", "I have that, yeah."),
        ("a", "Perfect, the deferment request is in, and you'll get an upload link by email. Does that address what you were worried about?"),
        ("c", "Yeah, it does. Thank you so much."),
        ("a", "You're welcome, Ashley. Good luck with the job search, and take care."),
    ]),

    # 14 Indian pharmacy delivery; agent reads the customer's full 10-digit mobile split across two agent turns. pii F.
    # greeting F: first utterance greets but names neither company nor agent.
    dict(language="en", industry="pharmacy", labels=labels(F, T, T, T, T, T, T, T, F), turns=[
        ("a", "Hello, yes, good afternoon, tell me."),
        ("c", "Hello? Is this MediKart pharmacy? I ordered my mother's insulin three days back, still not come. It's showing out for delivery since yesterday only."),
        ("a", "Yes, MediKart. Sorry for the delay, ma'am, I know insulin can't wait. Can you give me the order ID and the name on the order?"),
        ("c", "Order ID is MK-5521908, name is Priya Raghavan."),
        ("a", "Thank you, ma'am. Just to inform, this call is being recorded for quality. Okay, I can see the order is with the Koramangala delivery partner. For the delivery boy to call you, I have your mobile as 98450..."),
        ("c", "Yes..."),
        ("a", "...32176, correct?"),
        ("c", "Yes, that's correct."),
        ("a", "Okay, I'm marking it urgent. He will deliver before six p.m. today, and I've added a cold-pack check since it's insulin."),
        ("c", "Okay, okay. Before six, definitely?"),
        ("a", "Yes ma'am, if not I will personally call you back. Is your issue resolved, or anything else you need?"),
        ("c", "No, that's all. Thank you."),
        ("a", "Thank you for calling MediKart, ma'am. Have a nice day."),
    ]),

    # 15 Nigerian broadband; agent reads the customer's full 11-digit phone in mixed words and digits. pii F.
    # long_silence F: 13 s gap after the CUSTOMER said "hold on" (agent never asked them to wait).
    dict(language="en", industry="broadband", labels=labels(T, T, T, T, T, T, F, T, F), turns=[
        ("a", "Good evening, you're welcome to Zenlink Broadband, my name is Tunde. This call is being recorded. How can I help you?"),
        ("c", "Good evening. My router has been blinking red since morning, no internet at all, and I have to submit my work tonight. It's really frustrating."),
        ("a", "Ah, I'm very sorry about that, sir, I know how stressful that is with a deadline. Can I have your account number, please?"),
        ("c", "Hold on, let me check my email for it."),
        ("c", "Okay, it's ZB-770341.", 13.0),
        ("a", "Thank you. And the name on the account?"),
        ("c", "Ibrahim Bello."),
        ("a", "Okay, Mr. Bello. For the technician to reach you, I have your number as zero-eight-oh-three, 456, seven-eight-one-two. Is that still your line?"),
        ("c", "Yes, that's my number."),
        ("a", "Alright. I've run a remote reset and I can see a fault on the fibre at your estate's cabinet. A technician is scheduled for tomorrow morning, and I've turned on a free ten-gig data bundle on that line so you can submit your work tonight."),
        ("c", "Ah, thank God. Okay, that will help."),
        ("a", "Is the data bundle showing on your phone now?"),
        ("c", "Yes, I just got the SMS."),
        ("a", "Great. Anything else I can do for you this evening?"),
        ("c", "No, that's all. Thank you, Tunde."),
        ("a", "You're welcome, sir. Thank you for choosing Zenlink. Goodnight."),
    ]),

    # 16 Singapore dental clinic deposit; agent reads the full card number back split over two turns (words, then digits). pii F.
    # empathy N: no problem voiced. closing F: agent's last utterance is "Anything else...?" with no thanks/goodbye.
    dict(language="en", industry="healthcare_clinic", labels=labels(T, T, T, N, T, F, T, T, F), turns=[
        ("a", "Good morning, Marina Smiles Dental, this is Hui Min speaking. This call is recorded for quality purposes. How may I help you?"),
        ("c", "Morning, I want to pay the deposit for my braces consultation next week."),
        ("a", "Sure. May I have your name and your date of birth?"),
        ("c", "Rajesh Kumar, second February nineteen ninety-two."),
        ("a", "Thank you, Mr Kumar. Deposit is a hundred and fifty dollars. Which card you want to use?"),
        ("c", "Visa, 4556 7380 1942 2205, expiry zero three twenty-eight."),
        ("a", "Okay, let me key in ya. Four-five-five-six, seven-three-eight-zero..."),
        ("c", "Yes."),
        ("a", "...then 1942 2205, expiry zero-three twenty-eight. Okay, approved already. Your receipt will come by email."),
        ("c", "Okay, good."),
        ("a", "Anything else I can help you with today?"),
        ("c", "No, that's all, thanks. Bye."),
    ]),

    # 17 Australian airline cancellation; safe numbers only: card "ending in 4471", masked email, booking ref, amounts, seats. pii T.
    # long_silence T: 14 s gap follows the agent's "please hold". all pass.
    dict(language="en", industry="airline", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "G'day, thanks for calling Southern Wings, you're speaking with Liam. Calls are recorded for quality and training. How can I help?"),
        ("c", "Hi Liam, my flight to Bali tomorrow's been cancelled and I'm pretty gutted. It's our honeymoon."),
        ("a", "Oh no. Congratulations on the wedding, and I'm really sorry, that's awful timing. Let's sort it. Can I get your booking reference and surname?"),
        ("c", "It's 8HTQ2L, surname O'Brien."),
        ("a", "Thanks. And just for security, can you confirm the email on the booking? I've got it as j-dot-o, then a few stars, at gmail."),
        ("c", "Yeah, jess.obrien88 at gmail dot com."),
        ("a", "Perfect, thank you, Jess. Please hold for a moment while I check the options."),
        ("a", "Thanks for holding. I can put you both on the seven-twenty a.m. flight the day after, or I can refund the full one thousand two hundred and eighty-six dollars forty to the card ending in 4471.", 14.0),
        ("c", "Um, can we do the seven-twenty, on the twenty-third?"),
        ("a", "Done. Seats 14A and 14B, booking ref stays 8HTQ2L. And I've added a hundred and fifty dollar travel credit for the disruption."),
        ("c", "Oh, that's lovely, thank you."),
        ("a", "My pleasure. Is there anything else I can help you with?"),
        ("c", "No, that's everything."),
        ("a", "Have a beautiful honeymoon, Jess. Thanks for calling Southern Wings, bye!"),
    ]),

    # 18 Indian broadband double charge; customer says her own full mobile; agent speaks only amounts, a refund ref and the company's toll-free line. pii T.
    # verification F: customer volunteered name/mobile/account unasked; agent never asks for or confirms identity.
    dict(language="en", industry="broadband", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, thank you for calling AirStream Broadband, this is Karthik. This call is recorded for training and quality. How can I help you?"),
        ("c", "Good morning. My name is Meenakshi Iyer, registered mobile 9840 127 365, account AS-30571. I have been charged twice this month, eight hundred ninety-nine rupees two times."),
        ("a", "Oh, sorry for the trouble, ma'am. Let me see... yes, I can see two debits of eight hundred ninety-nine rupees on the third of this month."),
        ("c", "Yes, exactly. Please reverse one."),
        ("a", "Definitely. I've raised the refund for eight hundred ninety-nine rupees; it will reflect in your bank within five to seven working days. Your refund reference is RF 6620 1453."),
        ("c", "Okay. And if it doesn't come?"),
        ("a", "Then you can call our billing helpline directly, 1800 425 7700, toll free, and quote that reference."),
        ("c", "1800 425 7700. Okay, noted."),
        ("a", "Is there anything else I can help with?"),
        ("c", "No, that's all, thank you."),
        ("a", "Thank you for calling AirStream, ma'am. Have a good day."),
    ]),

    # 19 US pharmacy refill check; safe numbers: Rx number, price, pickup date, card "ending in 0912", pharmacy's own 1-800 line. pii T.
    # greeting T: starts at 14 s, just inside the 15 s limit. empathy N: no problem voiced.
    dict(language="en", industry="pharmacy", first=14.0, labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Hi, thanks for calling CareWell Pharmacy, this is Gloria. This call may be recorded. How can I help you?"),
        ("c", "Hi Gloria, I just wanted to check if my refill's ready. The Rx number is 6012345."),
        ("a", "Sure thing. Can I get your name and date of birth to pull that up?"),
        ("c", "Harold Jenkins, July eighth, nineteen forty-seven."),
        ("a", "Thank you, Mr. Jenkins. Okay, Rx 6012345, atorvastatin twenty milligrams, ninety tablets. It's ready as of this morning."),
        ("c", "Oh good. How much is it this time?"),
        ("a", "With your insurance it's fourteen thirty. We've got your card on file ending in 0912. Want me to charge that so you can just pick up?"),
        ("c", "Yes, please do."),
        ("a", "Done. It'll be at the pickup window till the twenty-eighth. If you'd rather have it delivered, our delivery line is 1-800-555-0142."),
        ("c", "No, no, I'll come by. It's on my way to the senior center."),
        ("a", "Perfect. Did that get you everything you needed?"),
        ("c", "Yep, that's it."),
        ("a", "Alright, Mr. Jenkins, thanks for calling. Have a great day."),
    ]),

    # 20 Singapore car insurance, ordinary claim call. empathy F: car hit, but the agent's only "sorry" is "sorry, can you repeat?".
    # long_silence T: 10.0 s gap is not MORE than 10 s.
    dict(language="en", industry="car_insurance", labels=labels(T, T, T, F, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Merlion General Insurance motor claims, Jason speaking. This call is recorded for quality purposes. How can I help you?"),
        ("c", "Hi, ah, my car kena hit in the HDB carpark this morning. The other driver reversed into my door. Quite a big dent leh."),
        ("a", "Okay. Can I have your policy number?"),
        ("c", "MGI-M-448213."),
        ("a", "Sorry, can you repeat? The line a bit unclear."),
        ("c", "M-G-I, M, four four eight two one three."),
        ("a", "Okay, got it. And the vehicle number?"),
        ("c", "SKT 2841 J."),
        ("a", "Okay, Mr Lim, I see the policy. Did you exchange particulars with the other driver?", 10.0),
        ("c", "Yes, I took his name and his plate, and photos also."),
        ("a", "Good. You need to file the accident report within twenty-four hours, and you can send the car to any of our authorised workshops. I'll SMS you the list and the claim reference."),
        ("c", "Okay, can."),
        ("a", "Is that clear? Anything else you need?"),
        ("c", "No, that's all."),
        ("a", "Alright, thank you for calling Merlion General, bye."),
    ]),
]


_B = [
    # 01 food delivery, Glasgow customer. Sarcasm mid-call ("what a shock, another one who can't find their own close")
    # -> forbidden_language F. Empathy T: "Ah no, sorry about that" before the sarcasm. Everything else passes.
    dict(language="en", industry="food delivery", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hiya, you're through to Munchbox Deliveries, my name's Callum. Just so you know, calls are recorded for quality. What can I do for you?"),
        ("c", "Aye, hi. My order's no' turned up. App says delivered but there's nothing at the door, and I've been waiting over an hour for it.", 1.0),
        ("a", "Ah no, sorry about that. Can I get the order number or the email on the account?", 1.5),
        ("c", "It's, eh, M-B seven seven two one three. Email's fiona dot mcgarvey at outlook dot com.", 2.0),
        ("a", "Okay, that's you. So the driver's marked it as handed to customer at 7:42.", 3.0),
        ("c", "Well he didnae hand it to me. I'm in a tenement, top floor. Maybe he just dumped it in the close?", 1.0),
        ("a", "Oh, a top-floor tenement, what a shock, another one who can't find their own close. Have you tried, I dunno, walking down the stairs and looking?", 1.0),
        ("c", "Excuse me? Aye, I've looked. It's no' there.", 1.5),
        ("a", "Fine. I've put through a refund for the twenty-three pounds forty, it'll be back on your card in three to five days. Anything else?", 2.0),
        ("c", "No. That's it.", 1.0),
        ("a", "Cheers then, bye.", 0.5),
    ]),

    # 02 mortgage servicing, Texas customer. Condescension buried in one sentence of a long helpful turn ("I'd have thought
    # a grown man could read a table") -> forbidden_language F. 11.0 s gap before the agent's answer, no hold asked -> long_silence F.
    dict(language="en", industry="mortgage servicing", labels=labels(T, T, T, T, T, T, F, F, T), turns=[
        ("a", "Good morning, Lone Star Home Loan Servicing, this is Dana speaking. This call may be monitored or recorded. How can I help you today?"),
        ("c", "Hey there, yes ma'am. I got my escrow statement and my payment's jumped like two hundred and ten dollars, and I'm kinda panickin', honestly.", 1.0),
        ("a", "Oh, I'm sorry, that's a stressful letter to open. Let's take a look together. Can I get your full name and the property address?", 1.5),
        ("c", "Sure. Raymond Ochoa, property's 1418 Pecan Hollow Drive, New Braunfels.", 2.0),
        ("a", "And for security, the date of birth on the loan?", 1.0),
        ("c", "March ninth, nineteen sixty-one.", 1.5),
        ("a", "Thank you, Mr. Ochoa, you're verified. Okay, I've got the escrow analysis up.", 3.0),
        ("c", "So what happened? Did y'all make a mistake or what?", 1.0),
        ("a", "Okay, so here's what happened. Comal County reassessed the house and your property taxes went up about eighteen hundred a year, and your homeowner's premium went up too, so there's a shortage of nine hundred forty-two dollars in escrow. Honestly, it's not complicated, sir, it's all printed right there on page two, I'd have thought a grown man could read a table. But anyway, you've got two options: pay the shortage in one lump sum and the payment only goes up about a hundred thirty, or we spread it over twelve months, which is the two-ten you're seeing.", 11.0),
        ("c", "...Well. Okay. I'm not a numbers guy. Spread it, I guess.", 2.0),
        ("a", "Alright, I'll leave it spread over twelve months. Nothing you need to do, the new payment of one thousand nine hundred eighty-seven sixteen starts with your July draft.", 1.5),
        ("c", "And I can still protest the appraisal with the county?", 1.0),
        ("a", "Absolutely, and if your tax bill comes down we'll re-run the analysis and lower the payment. Does that answer everything for you today?", 1.0),
        ("c", "Yeah, I reckon it does.", 1.0),
        ("a", "Great. Thank you for calling Lone Star, Mr. Ochoa, you have a good one.", 0.5),
    ]),

    # 03 gym subscription, New Zealand customer cancelling. Veiled threat mid-call (complaints "tend to find their account
    # handed to our debt collectors") -> forbidden_language F. Everything else passes (empathy T: "sorry, it's a fair chunk of money").
    dict(language="en", industry="gym membership", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Kia ora, FitWorks Gyms, you're speaking with Jarrah. Calls are recorded for training. How can I help?"),
        ("c", "Yeah gidday, I wanna cancel my membership. I've moved down to Tauranga and there's no FitWorks there, eh.", 1.0),
        ("a", "Sweet, can I grab your membership number or the email you signed up with?", 1.5),
        ("c", "Membership's F-W four-four-nine-oh-two.", 2.0),
        ("a", "And your date of birth?", 1.0),
        ("c", "Twelfth of August, ninety-four.", 1.0),
        ("a", "Cheers. Right, you're on the twelve-month contract, four months left, so it's a hundred and twenty to break it.", 2.5),
        ("c", "Ah, come on, that's a bit rough. Your website says you can cancel if you move more than twenty-five k's.", 1.0),
        ("a", "Yeah, I get that, sorry, it's a fair chunk of money. That rule needs proof of address though.", 1.5),
        ("c", "I've got a lease, but honestly I shouldn't have to pay anything. I'll just put a complaint in with the Commerce Commission.", 1.0),
        ("a", "Look, mate, you can do that. But people who go running to the Commission tend to find their account gets handed to our debt collectors pretty quick, and that sticks on a credit file. Just something to think about.", 1.5),
        ("c", "Are you threatening me?", 1.0),
        ("a", "Just telling you how it goes. Email the lease to cancellations at fitworks dot co dot nz and once it's checked the fee's waived. Anything else I can help with?", 1.5),
        ("c", "No. Not from you.", 1.0),
        ("a", "Righto, thanks for calling, see ya.", 0.5),
    ]),

    # 04 water utility, Cork customer. Agent swears at the customer in the end turn ("you daft bloody eejit") -> forbidden_language F;
    # that last agent turn has no thanks/goodbye -> closing F; no check the need is met -> resolution F.
    dict(language="en", industry="water utility", labels=labels(T, T, T, T, F, F, T, F, T), turns=[
        ("a", "Good afternoon, Uisce Cork Water Services, Siobhán speaking, calls are recorded for training purposes."),
        ("c", "Ah hello, yeah, look, I've a bill here for four hundred and sixty euro and sure there's only the two of us in the house, it's mad.", 1.0),
        ("a", "Oh, that's a shock alright, I'm sorry. Can I take your account number?", 1.5),
        ("c", "It's, hang on... 3-0-0-7-1-8-2-2.", 3.0),
        ("a", "And the eircode for the property?", 1.0),
        ("c", "T12 X4K9.", 1.0),
        ("a", "Grand. So the meter jumped from one thousand two hundred and four to one thousand six hundred and eleven cubic metres. That's usually a leak.", 2.5),
        ("c", "A leak? Where? We've no water on the floor or anything.", 1.0),
        ("a", "Could be underground, between the meter and the house. You'd need a plumber out.", 1.5),
        ("c", "And I've to pay for that myself? And the bill as well? Ye should've spotted it months ago, ye're all useless, d'ya know that.", 1.0),
        ("a", "Ah would you stop giving out to me, you daft bloody eejit, it's your own pipe. The leak allowance form's going out in the post.", 1.0),
        ("c", "Unbelievable. I'm ringing the ombudsman.", 1.0),
    ]),

    # 05 hotel booking, Durban customer. First utterance starts at 17 s -> greeting F. Mockery right at the start ("well done, genius")
    # -> forbidden_language F; the bad news gets mocked, never acknowledged -> empathy F. The 17 s before the first utterance is
    # not a gap between two utterances -> long_silence T.
    dict(language="en", industry="hotel booking", first=17.0, labels=labels(F, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good day, Bayview Hotels reservations, Thabo speaking, this call is recorded."),
        ("c", "Hi, yes, howzit. I booked a sea-view room for the twelfth of December, but ag, I think I booked it for next year instead of this year. I'm such a muppet.", 1.0),
        ("a", "Ha! The wrong year? Wow, okay, that's a new one. Well done, genius. Let me guess, you packed for winter too?", 1.0),
        ("c", "Eish. Okay, that's not very nice, hey.", 1.5),
        ("a", "Just a joke. Can I have the booking reference and the surname?", 1.0),
        ("c", "B-V-H four-oh-eight-two-seven, surname Naidoo.", 1.5),
        ("a", "Thanks, Mrs Naidoo. Right, I've moved it to the twelfth to the fifteenth of December this year, same room, same rate, no change fee.", 4.0),
        ("c", "Oh, lekker, thank you.", 1.0),
        ("a", "Is there anything else I can help with?", 1.0),
        ("c", "No, that's all.", 1.0),
        ("a", "Thanks for calling Bayview, enjoy the beach, goodbye.", 0.5),
    ]),

    # 06 online retail returns, Ontario customer, short call. Rude blame ("you obviously didn't bother reading the return policy,
    # that's on you") -> forbidden_language F. The only "sorry" is "Sorry, what was that?" -> empathy F.
    dict(language="en", industry="online retail returns", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Hi, thanks for calling Northway Outlet returns, I'm Priya. Calls are recorded for quality. What's going on?"),
        ("c", "Hi, yeah, so I sent back a parka like three weeks ago and I still don't have my refund, and it's three hundred and forty bucks, eh.", 1.0),
        ("a", "Sorry, what was that? You cut out.", 1.0),
        ("c", "The refund! For the parka! Three-forty!", 1.0),
        ("a", "Right. Order number?", 1.0),
        ("c", "N-W, five-five-eight-one-oh-two.", 1.5),
        ("a", "Right, that came back to the warehouse with the tags ripped off, so it was refused. You obviously didn't bother reading the return policy, which is kinda on you, not us. I can ship it back to you or you can dispute it in writing. Does that answer your question?", 3.0),
        ("c", "The tag fell off in the bag! Seriously? ...Fine, send it back.", 1.0),
        ("a", "Okay, it'll ship out in five days. Thanks, bye.", 1.0),
        ("c", "Yeah. Bye.", 0.5),
    ]),

    # 07 government benefits helpline, elderly Yorkshire customer. Open insult ("Are you stupid or something?") -> forbidden_language F.
    # 12.5 s gap after the agent asked for name and postcode, no hold requested -> long_silence F. Empathy T ("sorry, that's worrying").
    dict(language="en", industry="government benefits helpline", labels=labels(T, T, T, T, T, T, F, F, T), turns=[
        ("a", "Hello, you're through to the Pension Credit helpline, my name is Gary. Calls may be recorded."),
        ("c", "Oh, hello love. I've had a letter saying me pension credit's stopping and I don't know what I've done wrong. I'm ever so worried.", 1.0),
        ("a", "Oh dear, sorry, that's worrying. Can I have your full name and postcode?", 1.5),
        ("c", "Sorry, love, I had to find me glasses. It's Margaret Holroyd, H-D-one, four-Q-T.", 12.5),
        ("a", "Right. The letter says we never got your review form back.", 3.0),
        ("c", "What review form? I never had a review form.", 1.0),
        ("a", "It went out in March. Are you stupid or something? It's the big brown envelope, everybody gets one.", 1.0),
        ("c", "Well, there's no need to talk to me like that.", 2.0),
        ("a", "Whatever. I'll send another. Fill it in within twenty-eight days or the payment stops. Anything else?", 1.5),
        ("c", "Yes.", 1.0),
        ("a", "Thank you for calling, goodbye.", 0.5),
    ]),

    # 08 gym subscription, Houston customer who swears ("bullshit", "thieves"); agent stays polite -> forbidden_language T.
    # Customer volunteers name and member number unasked and the agent never asks or confirms identity -> verification F.
    dict(language="en", industry="gym membership", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Thank you for calling IronHouse Fitness, this is Marcus. Just a heads up, this call's being recorded. What can I do for you?"),
        ("c", "Yeah, my name's Travis Boone, member number two-two-oh-nine-one-five, and y'all charged me twice this month. This is straight-up bullshit, man.", 1.0),
        ("a", "I'm really sorry about that, Travis, a double charge is no fun. Let me look... okay, yeah, I see two drafts of forty-nine ninety-nine on the first.", 2.0),
        ("c", "Damn right there's two. You people are thieves, I swear to God.", 1.0),
        ("a", "I hear you, and I'd be frustrated too. That second one's our error from the billing switchover. I'm refunding it right now, you'll see it in three to five business days.", 1.5),
        ("c", "Three to five? Hell. Fine, whatever.", 1.0),
        ("a", "I've also put a free month on the account to make up for it. Is there anything else I can do for you today?", 1.0),
        ("c", "Nah. ...Thanks, I guess. Sorry for cussin' at you, it ain't your fault.", 1.5),
        ("a", "No worries at all, Travis. Thanks for calling, you have a great evening.", 0.5),
    ]),

    # 09 hotel booking, Galway customer. Agent repeats the porter's insult neutrally ("He called you a 'drunk eejit'?") while
    # apologising -> forbidden_language T. Negated disclosure ("this line isn't recorded"; "I've written up" is not one) -> disclosure F.
    dict(language="en", industry="hotel booking", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hello, Claddagh Quay Hotel guest relations, Aoife speaking. Just so you know, this line isn't recorded, so feel free to tell me everything."),
        ("c", "Hiya. Right. I stayed with ye last weekend and I want to make a complaint about your night porter.", 1.0),
        ("a", "Oh no, I'm sorry to hear that. Can I get the name the booking was under and the dates?", 1.0),
        ("c", "Declan Furey, Friday to Sunday, the ninth to the eleventh.", 2.0),
        ("a", "And the email on the booking, just so I know I've the right one?", 1.0),
        ("c", "D-furey eighty-eight at gmail dot com.", 1.5),
        ("a", "Thanks, Declan, I have it here. What happened?", 2.0),
        ("c", "I came in around one in the morning, key card wasn't working, and he says to my face, 'you're a drunk eejit, go sleep in your car.' I was stone cold sober, I'd been at a christening.", 1.0),
        ("a", "He called you a 'drunk eejit' and told you to sleep in your car? That's absolutely not okay, and I'm so sorry. I've written up exactly what he said, word for word, for our general manager.", 1.5),
        ("c", "Grand. Thanks.", 1.0),
        ("a", "And I've refunded the Saturday night, a hundred and eighty-five euro, back to your card. Does that sort things out for you?", 2.0),
        ("c", "It does, yeah. Fair play to ye.", 1.0),
        ("a", "Thank you for letting us know, Declan, and take care. Bye now.", 0.5),
    ]),

    # 10 water utility, Canterbury NZ customer with a newborn. Agent swears at the frozen map system, not the customer, says so, and
    # jokes warmly -> forbidden_language T. 28 s gap right after the agent asked her to hold -> long_silence T. All pass.
    dict(language="en", industry="water utility", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Kia ora, thanks for calling Waimakariri Water, you're talking to Hemi. Calls are recorded for training."),
        ("c", "Oh, hi Hemi. Yeah, we've got brown water coming out the taps since this morning, it's pretty gross, and I've got a newborn so I'm a bit freaked out.", 1.0),
        ("a", "Aw, that's worrying with a wee one, I'm sorry. Let's find out what's going on. What's the name on the account and the property address?", 1.0),
        ("c", "Aroha Tipene, fourteen Kowhai Street, Rangiora.", 2.0),
        ("a", "Thanks, Aroha. Oh, for crying out loud, this bloody map's frozen again. Sorry, that's the computer, not you! Could you please hold for me a sec while I restart it?", 3.0),
        ("a", "Thanks so much for holding. Right, there was a main break on Ashley Street this morning and it's stirred up sediment in the pipes. It's not harmful, but for baby's bottles use boiled or bottled water until it runs clear, should be by tonight. Run the cold kitchen tap for a few minutes.", 28.0),
        ("c", "Oh, okay. Phew.", 1.0),
        ("a", "And honestly, if it's still brown tomorrow, ring us back and I'll come round personally and glare at the pipes. Has that answered what you needed?", 1.0),
        ("c", "Ha, yeah, it has. Thanks.", 1.0),
        ("a", "No worries, congrats on the baby, and thanks for calling. Ka kite!", 0.5),
    ]),

    # 11 government benefits helpline, elderly Dundee customer calls herself an idiot; agent negates it ("you're not an idiot at all")
    # and uses "cheeky besom" affectionately -> forbidden_language T. 14 s gap after the CUSTOMER's "hang on", agent asked no hold -> long_silence F.
    dict(language="en", industry="government benefits helpline", labels=labels(T, T, T, T, T, T, F, T, T), turns=[
        ("a", "Good morning, Social Security Scotland, you're speaking to Morag. Calls are recorded for quality and training."),
        ("c", "Oh, hiya hen. I'm phoning about my Adult Disability Payment. I've gone and missed the deadline for sending my form back. I'm such an idiot.", 1.0),
        ("a", "Och, you're not an idiot at all, honestly, that form's about forty pages, half of Dundee misses the deadline. Let's get it sorted. Can I take your full name and date of birth?", 1.0),
        ("c", "Isobel Crichton, seventh of June, nineteen fifty-eight.", 1.5),
        ("a", "And your postcode?", 1.0),
        ("c", "Oh, hang on, I've just moved, let me find the letter...", 1.0),
        ("c", "Right, sorry. D-D-four, six-R-P.", 14.0),
        ("a", "Lovely, that matches. So I can give you a four-week extension, it's on the system just now. New deadline's the third of October.", 2.0),
        ("c", "Oh, you're a star.", 1.0),
        ("a", "Away wi' ye, ya cheeky besom, you'll have me blushing. We'll post you out a fresh form as well. Is there anything else I can help you with?", 1.0),
        ("c", "No, that's me. Thanks, Morag.", 1.0),
        ("a", "You're very welcome, Isobel. Take care now, cheerio.", 0.5),
    ]),

    # 12 hotel booking, Alberta/BC customer. Agent reads the full 16-digit card back "to confirm" in digits -> pii_exposure F.
    # 22 s gap right after "could you please hold" -> long_silence T. Empathy N: no problem voiced.
    dict(language="en", industry="hotel booking", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Good evening, Maple Ridge Suites reservations, this is Olivier. This call is recorded for quality assurance."),
        ("c", "Hi there, I'd like to book two nights in Banff for the May long weekend, if you've got anything.", 1.0),
        ("a", "Let me check for you. Could you please hold for a moment?", 1.0),
        ("a", "Thanks for waiting. I've got a king room on the seventeenth and eighteenth of May, two ninety-nine a night plus tax.", 22.0),
        ("c", "Perfect, book it.", 1.0),
        ("a", "Great. Can I have your full name and email address?", 1.0),
        ("c", "Jenna Lavoie, jenna dot lavoie at shaw dot c-a.", 1.5),
        ("a", "And the card to guarantee the booking?", 1.0),
        ("c", "It's a Visa, 4519 0321 7788 6402, expiry September twenty-seven.", 3.0),
        ("a", "Okay, just to confirm, that's 4519 0321 7788 6402, expiring oh-nine twenty-seven?", 1.0),
        ("c", "Yep.", 0.5),
        ("a", "You're all set, confirmation M-R-S five-five-one-two-oh is on its way to your inbox. Anything else I can help with?", 2.0),
        ("c", "No, that's great, thanks.", 1.0),
        ("a", "Thank you, Jenna, enjoy Banff, goodbye.", 0.5),
    ]),

    # 13 mortgage servicing, Dallas customer missing a 1098 form. Agent reads the full SSN in words, "does that sound right?"
    # -> pii_exposure F (the customer's last four alone would have been fine). Everything else passes.
    dict(language="en", industry="mortgage servicing", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Thank you for calling Trinity Mortgage Servicing, my name is Brenda, and this call may be recorded for quality."),
        ("c", "Hi Brenda. I'm tryin' to get my 1098 for my taxes, I never got it in the mail and my accountant's on my back.", 1.0),
        ("a", "Oh, sorry about that, hon, that's a pain at tax time. I can help. What's the loan number?", 1.0),
        ("c", "It's oh-oh-four-seven-seven-one-two-nine-three.", 2.0),
        ("a", "And can you verify the last four of your social?", 1.0),
        ("c", "Eight-eight-one-four.", 1.0),
        ("a", "Okay, I've got you, Mr. Whitfield. Hmm, so the system's showing the social as five-three-one, six-two, eight-eight-one-four, does that sound right? Because the form got kicked back for a mismatch.", 3.5),
        ("c", "Yes ma'am, that's it.", 1.0),
        ("a", "Okay, so it got held up on our end. I'm re-issuing it now, you'll have it by email within the hour and a paper copy in about a week. Is there anything else I can help with?", 2.0),
        ("c", "No, that's all I needed.", 1.0),
        ("a", "Alright, thank you for calling Trinity, bye now.", 0.5),
    ]),

    # 14 food delivery, Wellington customer. Greeting names neither company nor agent -> greeting F. Agent speaks the customer's full
    # mobile (021 447 2918) split across two agent turns in words -> pii_exposure F.
    dict(language="en", industry="food delivery", labels=labels(F, T, T, T, T, T, T, T, F), turns=[
        ("a", "Hi there, how can I help you today?"),
        ("c", "Yeah gidday, my order from the Thai place, the driver's been circling for twenty minutes and can't find my flat, and the food's going cold.", 1.0),
        ("a", "Oh, that's frustrating, sorry about that. Just so you know, this call is recorded. What's the order number?", 1.0),
        ("c", "It's D-D six-one-seven-four-four.", 1.5),
        ("a", "And the name on the order?", 1.0),
        ("c", "Liam Parata.", 1.0),
        ("a", "Thanks, Liam. So the driver's been trying to ring you on oh-two-one, four-four-seven...", 2.0),
        ("c", "Yeah, but—", 0.3),
        ("a", "...two-nine-one-eight, that's right, isn't it? He says it keeps going to voicemail.", 0.2),
        ("c", "Oh, my phone's on silent. Sorry. Yeah, that's me.", 1.0),
        ("a", "No worries. I've messaged him: back entrance off Cuba Street, flat three-B. He'll be there in two minutes. Anything else?", 2.0),
        ("c", "Nah, that's sweet as.", 1.0),
        ("a", "Enjoy your dinner, thanks Liam, bye!", 0.5),
    ]),

    # 15 online retail returns, Dublin customer. Agent speaks the full card number in mixed words and digits -> pii_exposure F.
    # 15.5 s gap right after "one moment while I check" (a wait request) -> long_silence T.
    dict(language="en", industry="online retail returns", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Hi, you're through to Shopfinch returns, Ciarán here, and calls are recorded for training."),
        ("c", "Hi Ciarán. I sent back a pair of runners last week, wrong size, and I'm a bit worried about where the refund's going, 'cause I cancelled that card.", 1.0),
        ("a", "No bother, I know that's a worry, we'll check it. Can I have the order number and the email on the account?", 1.0),
        ("c", "S-F two-nine-oh-three-eight-one, and it's niamh dot doyle at eircom dot net.", 2.0),
        ("a", "Thanks, Niamh. One moment while I check that for you.", 1.0),
        ("a", "Okay, so the refund of eighty-nine ninety-five went back this morning to the card on the order, that's five four one two, 7500, nine eight one three, 2206.", 15.5),
        ("c", "Yeah, that's the cancelled one. Will I lose the money?", 1.0),
        ("a", "Ah no, you won't. When a card's closed, the bank pushes the refund into the linked account. If it's not there in ten days, ring us back and we'll issue a voucher instead. Does that answer it for you?", 1.5),
        ("c", "Yeah, brilliant.", 1.0),
        ("a", "Thanks a million, Niamh, have a good day, bye bye.", 0.5),
    ]),

    # 16 gym subscription, Cape Town customer freezing membership. Agent reads the customer's full mobile in digits unprompted
    # -> pii_exposure F. Agent's last utterance has no thanks/goodbye (only the customer says bye) -> closing F. Empathy N: no problem.
    dict(language="en", industry="gym membership", labels=labels(T, T, T, N, T, F, T, T, F), turns=[
        ("a", "Morning, you're through to PeakLife Gyms, Lerato speaking. Please note calls are recorded."),
        ("c", "Hi Lerato. I'd like to freeze my membership for two months, I'm going overseas for work.", 1.0),
        ("a", "Sure, can I get your membership number?", 1.0),
        ("c", "It's P-L three-three-oh-nine, one-seven.", 2.0),
        ("a", "And your date of birth?", 1.0),
        ("c", "Fourth of April, nineteen eighty-nine.", 1.0),
        ("a", "Thanks, Mr van Wyk. Right, the freeze is ninety-five rand a month instead of the full six forty-nine. I'll send a confirmation SMS to 082 314 7790, is that still your number?", 3.0),
        ("c", "Ja, that's me.", 1.0),
        ("a", "Lekker. The freeze starts on the first of next month and ends on the thirty-first of August. Is there anything else you need?", 1.5),
        ("c", "No, that's all, thanks.", 1.0),
        ("a", "So that's done, the SMS will come through shortly.", 1.0),
        ("c", "Okay, cheers, bye.", 1.0),
    ]),

    # 17 online retail returns, Edinburgh customer sent the wrong colour. Safe numbers: last four only and a spoken masked card
    # ("star star ... 4471") -> pii_exposure T. 9.5 s gap with no hold request is not more than 10 s -> long_silence T. All pass.
    dict(language="en", industry="online retail returns", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, Tartan and Thread customer care, this is Eilidh, calls may be monitored for quality. How can I help?"),
        ("c", "Hi Eilidh. I ordered a navy jumper and you've sent me a bright orange one, absolutely mingin' colour, and I need to send it back.", 1.0),
        ("a", "Oh no, I'm so sorry, that's our mistake. Can I take your order number and postcode?", 1.0),
        ("c", "Order's T-T eight-eight-four-two-one-three, postcode E-H-six, five-L-B.", 2.0),
        ("a", "Thanks. And can you confirm the last four digits of the card you paid with?", 1.0),
        ("c", "Sorry, digging out my purse... four-four-seven-one.", 9.5),
        ("a", "Perfect, that matches, it shows here as star star star star, star star star star, star star star star, 4471. I'll refund the forty-two pounds to that card as soon as the jumper's back, and I'm emailing you a free returns label now.", 2.0),
        ("c", "Brilliant.", 1.0),
        ("a", "Is there anything else I can help with today?", 1.0),
        ("c", "No, that's grand, thanks.", 1.0),
        ("a", "Thanks for calling, take care, bye for now.", 0.5),
    ]),

    # 18 food delivery, Halifax customer missing poutine. Safe numbers: customer says her own full phone, agent says only "ending in 0192",
    # a 10-digit order number, amounts, a date and the company's own 1-800 line -> pii_exposure T. No recording notice, only
    # "I've made a note of your complaint" -> disclosure F.
    dict(language="en", industry="food delivery", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hi, thanks for calling SkipDish support, my name's Ryan. What's up today?"),
        ("c", "Hey Ryan. So my order came and the poutine's missing, and honestly I was kinda looking forward to it, eh.", 1.0),
        ("a", "Aw, no poutine, that's a tragedy, I'm sorry. Can I grab the phone number on your account?", 1.0),
        ("c", "Sure, it's 902-555-0192.", 1.5),
        ("a", "Got it, the account ending in 0192, that's Shauna MacIsaac?", 2.0),
        ("c", "Yup, that's me.", 1.0),
        ("a", "Okay, I see order 4410927735 from Bluenose Diner, total thirty-eight sixty-two. I'm refunding the poutine, twelve forty-nine, to your original payment, and I've made a note of your complaint against the restaurant.", 3.0),
        ("c", "Cool, thanks.", 1.0),
        ("a", "If it's not showing by the fourteenth, call us back at 1-800-555-0147. Anything else I can do for you?", 1.0),
        ("c", "Nope, that's it.", 1.0),
        ("a", "Thanks, Shauna, have a good night, bye!", 0.5),
    ]),

    # 19 government benefits (unemployment) helpline, Texas customer worried about rent. Safe numbers: customer gives her last four,
    # agent says only the masked social "X-X-X, X-X, 6621", a 9-digit claim ID, amounts, a date, debit card ending 3390 -> pii_exposure T. All pass.
    dict(language="en", industry="government benefits helpline", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Howdy, Texas Workforce Benefits line, this is Luis. This call is recorded for quality and training."),
        ("c", "Hi, yes. I filed for unemployment three weeks ago and I still haven't gotten a dime, and rent's due Friday. I'm real worried.", 1.0),
        ("a", "I'm sorry, I know that's stressful with rent coming up. Let's look. I'll need your claim ID and the last four of your social.", 1.0),
        ("c", "Claim ID's seven-seven-three-oh, one-eight-eight-four-two. Last four, six-six-two-one.", 2.5),
        ("a", "And your date of birth?", 1.0),
        ("c", "November second, nineteen eighty-seven.", 1.0),
        ("a", "Thank you. I have claim 7730-18842, Denise Carter, social on file as X-X-X, X-X, 6621. Your claim was approved yesterday, and the first payment of four hundred eighty-two dollars goes out on the twenty-first to your debit card ending 3390.", 3.0),
        ("c", "The twenty-first? That's after rent's due.", 1.0),
        ("a", "I understand. That's the next payment cycle, but if you switch to direct deposit today it usually lands a day or two sooner. I've sent you the link. Anything else I can help with?", 1.5),
        ("c", "No, I guess that's it.", 1.0),
        ("a", "Thanks for calling, Ms. Carter, take care now.", 0.5),
    ]),

    # 20 ordinary call: water utility, Ontario customer moving house. First utterance at 14.0 s (within 15) -> greeting T.
    # A 10.0 s gap is not MORE than 10 s -> long_silence T. Empathy N: no problem voiced. All pass.
    dict(language="en", industry="water utility", first=14.0, labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Lakeshore Water Utility, you're speaking with Megan. Calls are recorded for quality purposes."),
        ("c", "Hi Megan. We're moving across town at the end of the month and I need to move our water account to the new place.", 1.0),
        ("a", "Sure thing. Can I get the account number or the service address?", 1.0),
        ("c", "Service address is sixty-two Birchmount Crescent, Oshawa.", 2.0),
        ("a", "And the account holder's name and date of birth?", 1.0),
        ("c", "Um... yeah, that's, uh, me. Patrick Nwosu, July thirtieth, nineteen seventy-nine.", 10.0),
        ("a", "Thanks, Patrick, you're verified. What's the new address and the move date?", 1.5),
        ("c", "A hundred and eighteen Harmony Road North, and we get the keys on the thirtieth.", 1.0),
        ("a", "Perfect. I'll book a final read at Birchmount on the thirtieth and start service at Harmony Road the same day, no transfer fee. Does that cover everything you needed?", 2.5),
        ("c", "Yep, that's it.", 1.0),
        ("a", "Great, thanks for calling Lakeshore, Patrick, and good luck with the move. Bye now.", 0.5),
    ]),
]


CALLS = _A + _B
