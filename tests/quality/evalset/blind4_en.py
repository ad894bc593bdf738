# ruff: noqa: E501 -- one turn a line
"""A fourth blind split: 40 English calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call; measured once, when the rudeness
classifier had learned from a third round of sentences and suspicions could hold a call for a person."""

from fresh import F, N, T, labels

_A = [
    # 01 telecom, US, angry customer who SWEARS twice ("fucking", "shit"); agent stays calm -> forbidden True (customer swearing never fails it).
    # Verification: name + last four of the SSN (asked). PII True: customer says her own full phone number, the agent only says "ending 0148".
    # long_silence True: the only long gap (25 s) comes straight after the agent's "Could you hold ...".
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Thanks for calling Brightline Fiber, this is Marcus. Just so you know, this call is recorded for quality purposes. How can I help you today?"),
        ("c", "Yeah, hi. My internet has been down since Sunday and this is the third fucking time I've called about it. I work from home, I can't keep doing this."),
        ("a", "I'm really sorry, that's a terrible run of outages, especially when you're working from home. Let's get this sorted. Can I get the account holder's full name?"),
        ("c", "Dana Whitfield."),
        ("a", "Thanks, Dana. And for security, the last four digits of the social on the account?"),
        ("c", "Six two zero nine."),
        ("a", "Thank you, that matches. I'm going to run a line test on your modem now. Could you hold for about thirty seconds while it runs?"),
        ("a", "Thanks for holding. Okay, the test shows the signal dropping at the street cabinet, not inside your house, so none of this is on your end.", 25.0),
        ("c", "Great. So what, another week of this shit?"),
        ("a", "No, I've booked a priority technician for tomorrow between eight and ten a.m., and I've applied a credit for the six days you've been without service. Is there a good number for the tech to call before they arrive?"),
        ("c", "Use my cell, 312 555 0148."),
        ("a", "Got it, the number ending 0148. Does that appointment work for you, and is there anything else I can help with today?"),
        ("c", "No, that's it. Thanks, I guess. Sorry for swearing."),
        ("a", "No need to apologise, I'd be frustrated too. Thanks for calling Brightline, Dana, and have a good evening."),
    ]),

    # 02 banking, UK. FORBIDDEN (rude blaming, mid-call): "if you'd bothered to actually open your post you wouldn't have been stood at the till looking daft".
    # Empathy False: customer says the decline was embarrassing, agent never apologises or acknowledges it.
    # Resolution False: no "anything else"/"does that help" check. Closing True: last agent line thanks and says goodbye, even though the agent was rude earlier.
    dict(language="en", industry="banking", labels=labels(T, T, T, F, F, T, T, F, T), turns=[
        ("a", "Good morning, Harrow and Lyle Bank, you're speaking with Gemma. Calls are recorded for training and monitoring."),
        ("c", "Hi, yes, my card was declined at the supermarket this morning and I've got plenty of money in the account. It was really embarrassing."),
        ("a", "Okay. Can I take your full name and date of birth?"),
        ("c", "Rachel Okafor, fourteenth of March nineteen eighty-eight."),
        ("a", "And the postcode on the account?"),
        ("c", "LS6 2PQ."),
        ("a", "Right, I can see the card was blocked on Friday. We sent you a new one three weeks ago because the old one was expiring, and the old one has now been cancelled."),
        ("c", "I never got any new card. Nobody told me anything."),
        ("a", "Well, we emailed you and we wrote to you, so if you'd bothered to actually open your post you wouldn't have been stood at the till looking daft, would you? It's not really our job to chase you."),
        ("c", "Excuse me? I'm not going to be spoken to like that."),
        ("a", "I'll order a replacement to the address on file. It'll be there in three to five working days."),
        ("c", "Fine."),
        ("a", "Thanks for calling Harrow and Lyle, goodbye."),
    ]),

    # 03 insurance, Australian. FORBIDDEN (VEILED threat buried in a long, otherwise professional turn): claims from customers "who carry on like this"
    # "end up at the bottom of the pile". Everything else is done well: paraphrased greeting "you're through to ... Shane speaking" passes,
    # policy number + DOB asked, recording disclosed, empathy ("sorry to hear that"), resolution checked, polite closing.
    dict(language="en", industry="insurance", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "G'day, you're through to Southern Cross Home Insurance, Shane speaking. Just letting you know calls are recorded for quality and training. What can I do for you?"),
        ("c", "Yeah, hi Shane. Our roof got smashed in that hailstorm last Tuesday and I lodged a claim online five days ago and I've heard nothing. There's a tarp on it and it's going to rain again Thursday."),
        ("a", "Oh, I'm sorry to hear that, hail damage is awful to deal with. Let's have a look. Can I grab your policy number?"),
        ("c", "It's H S C 4 4 1 9 0 2."),
        ("a", "Thanks. And your date of birth to confirm it's you?"),
        ("c", "Second of July, seventy-nine."),
        ("a", "Lovely, thanks Mr Nguyen. Okay, I can see the claim, it's sitting with the assessment team."),
        ("c", "Sitting? It's been five days. This is absolutely ridiculous, you lot are happy to take the premiums every month but the second we need something, nothing. I want it escalated today or I'm going to the ombudsman."),
        ("a", "Look, I can put an escalation note on it, that's fine, and I'll mark it as urgent because of the weather coming. But I'd have a think about your tone, mate. The assessors read these notes, and claims from customers who carry on like this have a funny way of ending up at the bottom of the pile. Just something to keep in mind."),
        ("c", "Are you threatening me?"),
        ("a", "I'm just telling you how it works. Anyway, I've escalated it, and an assessor should call you within forty-eight hours to book an inspection. Does that cover what you needed today?"),
        ("c", "I suppose so."),
        ("a", "No worries. Thanks for calling Southern Cross, take care."),
    ]),

    # 04 utilities, US, elderly confused customer. FORBIDDEN (condescension buried mid-way in a long helpful turn: "this seems to be a lot for you to take in at your age").
    # Verification True only INDIRECTLY: "And that's still the house on Elm Road, 14 Elm Road?" (agent confirms the address on the account; name was volunteered).
    # long_silence False: 11.5 s gap after the CUSTOMER's "let me find my glasses" -- the customer, not the agent, asked to wait, so the exception does not apply.
    # No recording mention -> disclosure False.
    dict(language="en", industry="utilities", labels=labels(T, T, F, T, T, T, F, F, T), turns=[
        ("a", "Good afternoon, Tri-County Power and Light, my name is Kevin. How can I help you today?"),
        ("c", "Oh hello, dear. My name's Edith Marsh. I've got my electric bill here and it says three hundred and forty dollars, and it's never more than ninety. I don't know what's happened and I'm on a pension."),
        ("a", "I understand, Mrs. Marsh, a bill that big out of nowhere is really worrying. Let me pull up the account. And that's still the house on Elm Road, 14 Elm Road?"),
        ("c", "Yes, that's right, I've been here forty years."),
        ("a", "Okay, I've got it. It looks like last month's reading was an estimate and this month's is an actual reading, so it's catching up. Do you have the bill in front of you?"),
        ("c", "I do, just let me find my glasses, they were here a minute ago."),
        ("a", "Are you still there, Mrs. Marsh?", 11.5),
        ("c", "Yes, sorry, I've got them now."),
        ("a", "Okay, so what you need to do, and I'll go nice and slow because honestly this seems to be a lot for you to take in at your age, is look at the top right corner where it says meter reading, and you'll see the letter E next to last month's number, which means estimated. So nobody actually read your meter last month, and this month they did, which is why it's high. I can spread the difference over the next six bills so you're not paying it all at once."),
        ("c", "Oh, that would help. Six months, you said?"),
        ("a", "That's right, about forty dollars extra a month for six months. Does that work for you, and is there anything else I can help with?"),
        ("c", "No, that's everything, thank you, dear."),
        ("a", "You're welcome, Mrs. Marsh. Thank you for calling Tri-County, and have a lovely afternoon."),
    ]),

    # 05 delivery, UK. FORBIDDEN (short, explicit swearing at the customer: "Christ, you're a right pain in the arse, aren't you.").
    # Greeting False: "Yeah, go ahead." neither greets nor names company/agent. Verification True: agent asks for the tracking number.
    # Empathy False (lost parcel, no acknowledgement); resolution False; closing False: the last agent line is a curt "Doesn't matter. Claim form's on the website."
    dict(language="en", industry="delivery", labels=labels(F, T, F, F, F, F, T, F, T), turns=[
        ("a", "Yeah, go ahead."),
        ("c", "Hello? Is this SwiftDrop? I've been waiting in all day for a parcel and the app says it was delivered at two o'clock but there's nothing here."),
        ("a", "Tracking number?"),
        ("c", "SD 7 7 4 1 0 3 9 2 G B."),
        ("a", "Says delivered. Left in a safe place."),
        ("c", "What safe place? I've looked everywhere. The porch, the bins, next door. It's a hundred and twenty quid's worth of stuff."),
        ("a", "Driver's photo shows it by a blue door."),
        ("c", "My door's green! That's not even my house. So where is it? Can you ring the driver? Can you do something?"),
        ("a", "I can't ring the driver."),
        ("c", "Well then what can you do? This is the third time you lot have done this to me."),
        ("a", "Christ, you're a right pain in the arse, aren't you. Fill in the claim form on the website."),
        ("c", "Unbelievable. What's your name?"),
        ("a", "Doesn't matter. Claim form's on the website."),
    ]),

    # 06 travel, Indian English. Greeting False ONLY because it is LATE: first utterance starts at 17 s (> 15 s), although its content is perfect.
    # Agent swears at the BROKEN SYSTEM ("Oh damn, this booking system has frozen again. Sorry sir, not you, the system") -> forbidden True.
    # long_silence True: 9.5 s gap (not more than 10 s) after the customer's turn. PII True: card given as last four only ("ending in 3 3 0 7").
    dict(language="en", industry="travel", first=17.0, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, thank you for calling SkyIndia Holidays, this is Rohan speaking. This call may be recorded for quality and training purposes. How may I help you?"),
        ("c", "Good morning. My flight from Delhi to Goa on the twelfth has been cancelled, and I have a hotel booked, and my whole family is travelling. I am very worried."),
        ("a", "I am so sorry to hear that, sir, that is really stressful with the family travelling. We will sort it out. May I have your booking reference and the lead passenger's surname, please?"),
        ("c", "Booking reference is S K 4 4 7 Q, surname Iyer."),
        ("a", "Thank you, Mr. Iyer. One moment. Oh damn, this booking system has frozen again. Sorry sir, not you, the system, it does this every morning."),
        ("c", "No problem, no problem."),
        ("a", "Okay, it's back. I can see the cancellation. There is a flight on the same day at four fifteen p.m., and your hotel check-in is from two, so you would only be a little late. Shall I move all four passengers to that flight?", 9.5),
        ("c", "Yes, please do that."),
        ("a", "Done. The new flight is slightly cheaper, so there is a difference of eighteen hundred rupees, and I will refund that to the card you paid with, the one ending in 3 3 0 7."),
        ("c", "Okay, very good."),
        ("a", "You will get the new e-tickets on email within ten minutes. Is everything clear, and is there anything else I can help you with today?"),
        ("c", "No, that's all. Thank you so much."),
        ("a", "It's my pleasure, sir. Thank you for calling SkyIndia Holidays, have a wonderful trip."),
    ]),

    # 07 healthcare billing, US, elderly customer. Agent NEGATES an insult ("I'm not saying you did anything wrong ... that form confuses everybody") -> forbidden True.
    # Disclosure False: NEGATED ("this call isn't recorded on our end").
    # PII False: agent reads the customer's full SSN back in digits ("five two three, four one, seven seven eight two" = 9 digits).
    dict(language="en", industry="healthcare_billing", labels=labels(T, T, F, T, T, T, T, T, F), turns=[
        ("a", "Hi, thanks for calling Lakeside Medical Group billing, this is Tanya. How can I help?"),
        ("c", "Yes, hello. I got this statement saying I owe eight hundred and twelve dollars for my knee scan, and I thought Medicare paid for it. I filled in that form you sent and now I'm more confused than ever. I'm sorry, I'm not very good with all this."),
        ("a", "Oh, please don't apologise. I'm sorry this has been so confusing. I'm not saying you did anything wrong, honestly, that explanation of benefits form confuses everybody, including me sometimes. Can I get your date of birth?"),
        ("c", "April ninth, nineteen forty-six."),
        ("a", "Thank you. And your name?"),
        ("c", "Harold Benson."),
        ("a", "Okay, Mr. Benson, I have an older record with your social security number on it, so let me just confirm that's still right. I have it as five two three, four one, seven seven eight two?"),
        ("c", "Yes, that's me."),
        ("a", "Great. And just so you know, this call isn't recorded on our end, so you can take your time. Alright, so what happened is the scan was billed before your secondary coverage was on file. I'm going to resubmit it to your secondary insurer today, and I'll put the balance on hold for sixty days so you won't get any more statements while they process it."),
        ("c", "Oh, that's a relief. So I don't have to pay the eight hundred?"),
        ("a", "Not right now, no. If the secondary pays, it should come down to zero or close to it. Does that answer your question, Mr. Benson?"),
        ("c", "It does, thank you, young lady."),
        ("a", "You're very welcome. Thank you for calling, and take care of that knee."),
    ]),

    # 08 software subscription, US, customer in a hurry, NO problem (plan upgrade) -> empathy None.
    # Greeting False: "Hi, support, what can I do for you?" names neither company nor agent ("support" is not a name).
    # Verification False: the account e-mail is only VOLUNTEERED; the agent never asks for or confirms any identity detail.
    # PII True: the CUSTOMER reads her own full card number; the agent only says "a Visa ending 9012".
    # Closing True: agent's last utterance is polite; the customer speaks last ("Cheers, bye").
    dict(language="en", industry="software_subscription", labels=labels(F, F, F, N, T, T, T, T, T), turns=[
        ("a", "Hi, support, what can I do for you?"),
        ("c", "Hey, I'm in a rush, so quickly. The account email is jordan dot pike at fastmail dot com, I want to go from the Starter plan to Team, five seats, billed yearly."),
        ("a", "Sure thing. Team plan, five seats, annual. That comes to nine hundred sixty dollars a year. Do you want to keep the card you have on file or use a new one?"),
        ("c", "New one. It's 4 1 1 1 2 2 2 2 3 3 3 3 9 0 1 2, expiry oh nine twenty-eight, security code four four one."),
        ("a", "Got it, a Visa ending 9012. The upgrade is processing now."),
        ("c", "Cool."),
        ("a", "Okay, you're on Team with five seats, effective right away. Your teammates can be invited from the Members page. Anything else you need today?"),
        ("c", "Nope, that's it."),
        ("a", "Great. Thanks for upgrading, and have a good one."),
        ("c", "Cheers, bye."),
    ]),

    # 09 government services (council tax), UK. Agent is FIRM and CURT but not rude ("No. I can't remove it.") -> forbidden True.
    # Disclosure True via PARAPHRASE ("we keep a recording of these calls for training and quality").
    # Empathy False: "so unfair", "can't afford that" never acknowledged. Resolution False (no check).
    # Closing False: last utterance "That's set up. Payment plan confirmation will come by post." has no thanks or goodbye.
    dict(language="en", industry="government", labels=labels(T, T, T, F, F, F, T, T, T), turns=[
        ("a", "Good morning, Westbridge Borough Council, council tax team, Helen speaking. Just so you're aware, we keep a recording of these calls for training and quality."),
        ("c", "Hi. I've had a letter saying I've got a seventy pound penalty for not telling you I'd moved out of my old flat. I didn't even know I had to tell you. This is so unfair, I'm a student, I can't afford that."),
        ("a", "What's your council tax account reference?"),
        ("c", "It's 6 0 0 4 1 8 7 2."),
        ("a", "And the address you moved from?"),
        ("c", "Flat 3, 22 Mill Lane."),
        ("a", "Right. The penalty stands. Notifying the council of a change of address is a legal requirement under the regulations."),
        ("c", "Can't you just take it off? It was a genuine mistake."),
        ("a", "No. I can't remove it. What I can do is split it into three payments of twenty-three pounds thirty-three, with the first one on the first of next month."),
        ("c", "Fine, I suppose I'll do that then."),
        ("a", "That's set up. Payment plan confirmation will come by post."),
    ]),

    # 10 banking, Indian English, confused customer. FORBIDDEN (MOCKING: agent parrots the customer's words back in mockery and calls him "a parrot").
    # Contrast with 11/20 where the customer's words are quoted neutrally. Empathy False: OTP problem and "why are you talking like this" never acknowledged.
    # long_silence False: 12 s gap after the CUSTOMER's turn with no hold request. PII True: only last four of the mobile, said by the customer.
    dict(language="en", industry="banking", labels=labels(T, T, T, F, T, T, F, F, T), turns=[
        ("a", "Good evening, welcome to Bharat Union Bank phone banking, my name is Sneha. Please note this call is being recorded for quality purposes. How may I help you?"),
        ("c", "Hello madam, I am trying to log in to net banking for transferring money to my son, but the OTP is not coming. I have tried four times. It is not coming, not coming at all."),
        ("a", "Okay sir. For verification, please tell me the last four digits of your registered mobile number and your date of birth."),
        ("c", "Last four is 7 7 2 1, date of birth is fifth June nineteen sixty-two."),
        ("a", "Thank you. Sir, is your phone switched on and you have network?"),
        ("c", "Yes yes, phone is on. But OTP is not coming, madam. Not coming."),
        ("a", "OTP is not coming, madam, not coming, not coming. Yes sir, I heard you the first five times. Maybe if you stop repeating it like a parrot it will come, haan?"),
        ("c", "Why are you talking like this? I am only asking for help."),
        ("a", "I have checked. Your mobile number was changed in our system last week by a branch request, so the OTP was going to the old number. I have sent a request to update it back to your current number. It will be active in two hours.", 12.0),
        ("c", "Okay. Two hours. Fine."),
        ("a", "Is there anything else I can help you with, sir?"),
        ("c", "No."),
        ("a", "Thank you for banking with Bharat Union Bank. Have a good evening."),
    ]),

    # 11 retail, Australian. Agent QUOTES the customer neutrally ("You said the staff member was 'bloody useless', and I've put that in the complaint") -> forbidden True.
    # long_silence True: 30 s gap directly after "Could you hold for me for just a moment".
    # PII False: the agent reads the full 16-digit card SPLIT across two agent turns ("4 5 5 6, 7 3 2 1," ... "0 8 8 4, 2 2 1 9").
    dict(language="en", industry="retail", labels=labels(T, T, F, T, T, T, T, T, F), turns=[
        ("a", "Hi there, thanks for calling Koala Home and Living, this is Bec. How can I help today?"),
        ("c", "Yeah, hi Bec. I bought a dining table at your Chadstone store, it turned up with a big crack down the middle, and when I took the photos back in, the bloke there was bloody useless. Just shrugged and said ring the number."),
        ("a", "Oh no, I'm really sorry, that's not the experience you should've had, especially with a big purchase like that. Can I grab your order number and the email you used for the order?"),
        ("c", "Order's K H 2 0 9 9 1 4, email is mick dot daley at bigpond dot com."),
        ("a", "Thanks Mick. Could you hold for me for just a moment while I pull up the delivery notes?"),
        ("a", "Thanks for holding. Okay, I can see the damage report from the driver, so that's all confirmed. I can do a full refund of eleven hundred and ninety-nine dollars, or send a replacement table.", 30.0),
        ("c", "Refund, mate. I don't trust it'll turn up in one piece next time."),
        ("a", "Totally understand. I've also logged a complaint about the store. You said the staff member was bloody useless, and I've put that in the complaint exactly as you said it, so the store manager will follow up with you. Now, the refund goes back to the original card, which I've got here as 4 5 5 6, 7 3 2 1,"),
        ("c", "Yep."),
        ("a", "0 8 8 4, 2 2 1 9. Is that still the right card?"),
        ("c", "Yeah, that's the one."),
        ("a", "Perfect. The refund will land in three to five business days. Is that all sorted for you, or is there anything else?"),
        ("c", "No, that's all good, thanks Bec."),
        ("a", "No worries at all, Mick. Thanks for calling Koala, have a great arvo."),
    ]),

    # 12 telecom, UK. FORBIDDEN in the very FIRST agent turn (sarcastic presumption: "Let me guess, you've blown through your data again and want us to magic the charges away?").
    # The greeting still passes (names company + agent, within 15 s); the rest of the call is professional (apology, refund, polite closing).
    # Disclosure True although it comes mid-call ("Calls are recorded for training and monitoring, by the way").
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hiya, Coastline Mobile, Darren speaking. Let me guess, you've blown through your data again and want us to magic the charges away? Go on."),
        ("c", "Er, no. I've been charged twice for my monthly bill. Two lots of thirty-two pounds came out on the first."),
        ("a", "Ah, right. Okay, can I take the account holder's name and your security PIN?"),
        ("c", "Priya Shah, and the PIN is 4 4 0 9."),
        ("a", "Thanks Priya. Calls are recorded for training and monitoring, by the way. Right, let me have a look. Yes, I can see it, there's a duplicate direct debit collection on the first. I'm sorry about that, that's our mistake, a batch ran twice."),
        ("c", "Okay, so can I have it back? That's rent money."),
        ("a", "Absolutely, I completely understand. I've raised a refund for thirty-two pounds, it'll be back in your account within three working days."),
        ("c", "Right. Good."),
        ("a", "Is there anything else I can help you with today?"),
        ("c", "No. And maybe don't open calls like that next time."),
        ("a", "Fair point, noted. Thanks for calling Coastline, Priya, bye now."),
    ]),

    # 13 insurance, US. Self-deprecating joke ("I type like my grandpa") and agent READS BACK the complaint incl. "a bunch of crooks" -> forbidden True.
    # Disclosure False: "I've recorded your complaint" is not a recording disclosure.
    # long_silence True: 40 s directly after "Could you please hold for a moment". Resolution False: no check after rebooking.
    # Closing True: agent's last line thanks + wishes a good day (customer's curt "Yeah. Bye." comes after it).
    dict(language="en", industry="insurance", labels=labels(T, T, F, T, F, T, T, T, T), turns=[
        ("a", "Good morning, Evergreen Auto Insurance, this is Carla, how can I help you?"),
        ("c", "Yeah, I've got a complaint. I had an adjuster appointment on Monday for my car, nobody showed up, nobody called, and I took the day off work for it. Honestly, you people are a bunch of crooks."),
        ("a", "I'm really sorry, that's a wasted day off work and that's not okay. Can I get your policy number and the ZIP code on the policy?"),
        ("c", "Policy E A 5 5 0 2 7 1 8, ZIP 9 7 2 0 5."),
        ("a", "Thank you, Mr. Alvarez. Bear with me while I type, I swear I type like my grandpa. Okay. So just to make sure I've got all of it: the adjuster didn't show up Monday, nobody called you, you lost a day's pay, and you feel we're a bunch of crooks. Have I got that right?"),
        ("c", "Yeah, that's about it."),
        ("a", "Okay. I've recorded your complaint and flagged it to the claims supervisor. Could you please hold for a moment while I check the adjuster schedule?"),
        ("a", "Thanks for waiting. I've rebooked the inspection for Thursday at nine a.m. with a different adjuster, and the supervisor has approved a hundred-dollar credit on your premium for the missed appointment.", 40.0),
        ("c", "Thursday at nine. Okay. I'll believe it when I see it."),
        ("a", "You'll get a text confirmation today. Thank you for your patience, Mr. Alvarez, and have a good rest of your day."),
        ("c", "Yeah. Bye."),
    ]),

    # 14 utilities, Australian, calm customer moving house: NO problem -> empathy None.
    # Greeting True: first utterance starts at 14 s (within 15 s) and names company + agent.
    # long_silence False: 11 s gap after the agent's "And the postcode?" -- a question, not a hold request.
    # PII False: agent reads the customer's full mobile number in words ("oh four one two, five five eight, nine oh three").
    dict(language="en", industry="utilities", first=14.0, labels=labels(T, T, T, N, T, T, F, T, F), turns=[
        ("a", "Good morning, thanks for calling Harbour Gas and Power, Liam speaking. Just a heads up, calls are recorded for quality and training. What can I do for you?"),
        ("c", "Hi Liam. I'm moving house at the end of the month and I want to move my electricity across to the new place."),
        ("a", "Easy, we can do that. Can I get your full name and date of birth to confirm the account?"),
        ("c", "Sophie Tran, third of November nineteen ninety-one."),
        ("a", "Thanks Sophie. And what's the new address?"),
        ("c", "Unit 4, 18 Banksia Street, Marrickville."),
        ("a", "And the postcode?"),
        ("c", "Sorry, had to look it up, 2 2 0 4.", 11.0),
        ("a", "Perfect. I'll close the old account on the thirtieth with a final reading and connect the new one the same day. And is your mobile still the best contact? I've got oh four one two, five five eight, nine oh three."),
        ("c", "Yep, that's still me."),
        ("a", "Great. You'll get a confirmation text on that number. Is there anything else I can help with today?"),
        ("c", "No, that's it, thanks."),
        ("a", "No worries, Sophie. Thanks for calling Harbour, and good luck with the move."),
    ]),

    # 15 delivery, US. The CUSTOMER threatens a chargeback; agent is firm ("that's a firm rule") but not threatening -> forbidden True.
    # Verification False: order number is only VOLUNTEERED by the customer; the agent never asks for or confirms an identity detail.
    dict(language="en", industry="delivery", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Hi, thank you for calling ParcelPoint, this is Andre. Calls may be monitored or recorded for quality. What can I help you with?"),
        ("c", "Yeah, order number 8 8 1 2 0 4, my package showed up crushed, the lamp inside is in pieces, and if I don't get my money back today I'm doing a chargeback with my bank."),
        ("a", "I'm sorry the box arrived crushed, that's really disappointing, especially with something fragile. I can definitely help. Is it just the lampshade that's damaged, or the base as well?"),
        ("c", "Everything. The shade, the base, glass everywhere."),
        ("a", "Okay. Our carrier damage policy needs a photo before a refund can go through, so I'll send you a link to upload it, and once it's in, the refund is approved automatically, usually within the hour."),
        ("c", "I don't want to mess around with photos. Just refund me now or I'm calling my bank."),
        ("a", "I understand you're frustrated. That's your right, and I won't try to talk you out of it, but I can't issue the refund without the photo, that's a firm rule. The photo route is honestly faster than a chargeback, which can take weeks."),
        ("c", "Fine. Send the link."),
        ("a", "Sent to the email on the order. Once you upload, you'll get a confirmation within the hour. Did the link come through, and is there anything else I can help with?"),
        ("c", "Yeah, it's here. That's it."),
        ("a", "Great. Thanks for your patience, and sorry again about the lamp. Have a good night."),
    ]),

    # 16 software subscription, UK. Agent apologises for "this stupid form" (aimed at the system, "it's not you") -> forbidden True.
    # Greeting True: "Ledgerly support, Tom speaking" names company and agent (no "hello" needed, cf. the definition's example).
    # long_silence True: 8 s gap. PII True: card only in MASKED form ("X's and then 3 3 0 9"). No recording mention -> disclosure False.
    dict(language="en", industry="software_subscription", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Ledgerly support, Tom speaking, what can I do for you today?"),
        ("c", "Hi Tom, I'm trying to cancel my subscription before it renews tomorrow, and your cancellation page keeps throwing an error. I really don't want to be charged another hundred and forty quid for a year."),
        ("a", "Ah, I'm sorry, that's annoying, especially with the renewal so close. I'll do it from my side. What's the email address on the account?"),
        ("c", "It's f dot ahmed at outlook dot co dot uk."),
        ("a", "Thanks. Okay, I've found you. Right, I'm so sorry, this stupid form keeps timing out on me too, it's not you, it's our system. Let me try it again."),
        ("c", "Okay."),
        ("a", "There we go, it's gone through. Your subscription is cancelled and won't renew tomorrow. You'll keep access until the end of today.", 8.0),
        ("c", "Brilliant. And you won't charge the card?"),
        ("a", "No. I can only see the card masked on my screen, X's and then 3 3 0 9, and there are no pending charges on it."),
        ("c", "Perfect, thanks. That's all I needed."),
        ("a", "Great. Is there anything else I can help with before you go?"),
        ("c", "No, that's it, cheers."),
        ("a", "Cheers, thanks for being with Ledgerly, take care."),
    ]),

    # 17 healthcare billing, Indian English agent, US customer. FORBIDDEN at the CLOSING (dismissive contempt: "frankly nobody here cares what you think, ma'am. Bye.").
    # Closing False for the same reason (last utterance not polite). Empathy True (earlier "I'm sorry about that").
    # PII False: agent reads the full 16-digit card number in WORDS in one turn.
    dict(language="en", industry="healthcare_billing", labels=labels(T, T, T, T, T, F, T, F, F), turns=[
        ("a", "Hello, thank you for calling St. Martin's Hospital billing services, my name is Vikram. This call is recorded for quality and training."),
        ("c", "Hi, yes, I was charged a sixty-five dollar late fee on my daughter's ER bill, but I paid it on time, I have the confirmation. This is really frustrating."),
        ("a", "I'm sorry about that, ma'am, let me look into it. May I have the patient's name and date of birth?"),
        ("c", "Lily Carter, August twentieth, two thousand fifteen."),
        ("a", "Thank you. And you are the guarantor, Ms. Carter?"),
        ("c", "Yes, Jennifer Carter."),
        ("a", "Okay, I see the payment. It was received on the thirtieth, the due date was the twenty-eighth, so the system added the fee. It was made with the card five four one two, seven five three four, one two three four, five six seven eight, correct?"),
        ("c", "Yes, that's my card. But I paid on the twenty-sixth, it just took a couple of days to process."),
        ("a", "Right, in that case I can remove the late fee as a one-time courtesy. It's removed now, your balance is zero. Is there anything else I can help you with?"),
        ("c", "No. But honestly I think it's ridiculous that you charge fees for your own processing delays."),
        ("a", "Yeah, well, frankly nobody here cares what you think, ma'am. Bye."),
    ]),

    # 18 government services (DMV), US, worried customer. Greeting False: "Good afternoon, how may I help you?" names neither company nor agent.
    # Verification False: licence number and DOB only VOLUNTEERED. Empathy False: the only "sorry" is "Sorry, could you repeat that?", which is not empathy.
    # Disclosure True ("This line is monitored for quality assurance"). long_silence True: 45 s directly after "Please hold".
    dict(language="en", industry="government", labels=labels(F, F, T, F, T, T, T, T, T), turns=[
        ("a", "Good afternoon, how may I help you?"),
        ("c", "Hi. I got a letter saying my driver's license is going to be suspended next month and I have no idea why. I've never had a ticket. My license number is D 4 4 0 2 1 9 8 and my birthday is March third, nineteen seventy-five. I'm kind of freaking out here, I need my car for work."),
        ("a", "Sorry, could you repeat that? The line broke up."),
        ("c", "My license is being suspended and I don't know why."),
        ("a", "Okay. This line is monitored for quality assurance. Please hold while I pull up the record."),
        ("a", "The suspension is for a lapse in insurance. Your insurer notified us in January that your policy was cancelled.", 45.0),
        ("c", "I switched insurance companies in January. I've had coverage the whole time."),
        ("a", "Then you need to submit proof of current insurance. You can upload your new insurance card on the website under license services, or bring it to any office. Once it's processed, the suspension is lifted."),
        ("c", "Okay. Online. And that stops it?"),
        ("a", "Yes, as long as it's uploaded before the date on the letter. Does that answer your question?"),
        ("c", "Yes. Thanks."),
        ("a", "You're welcome. Thank you for calling, goodbye."),
    ]),

    # 19 travel, Australian, calm customer adding a bag: NO problem -> empathy None. Self-deprecating joke ("my computer's about as quick as I am on a Monday morning") -> forbidden True.
    # long_silence True: 25 s directly after "Hold on a sec for me". PII True: card ending only. No recording mention -> disclosure False.
    dict(language="en", industry="travel", labels=labels(T, T, F, N, T, T, T, T, T), turns=[
        ("a", "Hi, thanks for calling Wattle Air, you're speaking with Jess. How can I help?"),
        ("c", "Hi Jess. I'm flying to Perth next Friday and I'd like to add a checked bag to my booking."),
        ("a", "Sure, happy to do that. Can I get your booking reference and your last name?"),
        ("c", "It's W 7 K 2 P 9, last name is Fitzgerald."),
        ("a", "Thanks, Ms. Fitzgerald. Hold on a sec for me while I bring it up, my computer's about as quick as I am on a Monday morning."),
        ("a", "Thanks for holding. Yep, you're on a Lite fare, so hand luggage only at the moment. I can add a twenty-three kilo bag for forty-five dollars.", 25.0),
        ("c", "Yeah, let's do that. Can you use the card I booked with?"),
        ("a", "I can. The card ending in 6 6 1 8?"),
        ("c", "That's the one."),
        ("a", "Done, the bag's added and you'll get an updated itinerary by email. Does that cover everything for you today?"),
        ("c", "Yep, that's perfect, thanks."),
        ("a", "Lovely. Thanks for flying with Wattle Air, and enjoy Perth."),
    ]),

    # 20 telecom, Indian English. Agent READS BACK the complaint incl. the customer's "daylight robbery" neutrally -> forbidden True.
    # long_silence False: the 20 s gap after "Please hold" is fine, but the later 10.5 s gap follows the CUSTOMER's turn.
    # PII False: agent reads the full card number in digits ("4539 1488 0343 6467"). Resolution False (no check).
    # Closing False: customer says "thank you, bye" but the agent's LAST utterance is the curt "Okay. Ticket raised."
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, F, F, F, T, F), turns=[
        ("a", "Good morning, thank you for calling Zenith Telecom, this is Ankit. Please be informed that this call is being recorded for quality and training purposes."),
        ("c", "Hello Ankit. I am calling because my postpaid bill this month is two thousand four hundred rupees instead of the usual nine ninety-nine, and I have not used any international roaming. Your people have been cheating me, it is daylight robbery."),
        ("a", "I am sorry for the trouble, madam. Just to read back what you said: the bill is two thousand four hundred instead of nine ninety-nine, you have not used roaming, and you feel this is daylight robbery. Is that correct?"),
        ("c", "Yes, exactly."),
        ("a", "For verification, please tell me the last four digits of the card registered for auto-pay."),
        ("c", "It is 6 4 6 7."),
        ("a", "Thank you, madam. Please hold for some time while I check the bill details."),
        ("a", "Thank you for holding. I can see a roaming data pack was activated on the fourteenth. I need to raise a dispute with the billing team. For the auto-pay, the card I have is 4539 1488 0343 6467, correct?", 20.0),
        ("c", "Yes, that is the card. But please stop the auto-pay until this is fixed."),
        ("a", "Okay. Auto-pay is paused. The dispute ticket number is Z T 4 4 1 9.", 10.5),
        ("c", "And when will I hear back?"),
        ("a", "Within seventy-two hours."),
        ("c", "Okay, thank you, bye."),
        ("a", "Okay. Ticket raised."),
    ]),
]


_B = [
    # 01 US car rental. Polite agent, angry customer who swears ("fucking ridiculous", "damn fuel fee") and insults
    # the company ("a joke", "bunch of clowns"). Customer swearing does not fail forbidden_language -> True.
    # Disclosure is explicit; reservation number + last name asked -> verification True; "anything else" -> resolution True.
    dict(language="en", industry="car_rental", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Thanks for calling Roadway Car Rental, this is Marcus. Just so you know, calls are recorded for quality purposes. How can I help you today?"),
        ("c", "Yeah, hi. I'm standing at your counter at Denver airport and there is no car. I booked a midsize three weeks ago. This is fucking ridiculous."),
        ("a", "I'm really sorry, that's the last thing you want after a flight. Let me pull up the booking. Can I get the reservation number and the last name on it?"),
        ("c", "It's R 4 4 7 1 9 2, last name Delgado. Honestly your company is a joke. Bunch of clowns."),
        ("a", "Thank you, Mr. Delgado. I see it, midsize, pickup at two fifteen. The location ran out of midsize cars this afternoon. I can upgrade you to a full size SUV at no extra charge, and it's ready on lot B."),
        ("c", "At no extra charge. You're sure. Because last time you people stuck me with a damn fuel fee I never agreed to."),
        ("a", "Yes, same rate as your midsize. I've put a note on the contract that the upgrade is complimentary and the fuel option is declined, so the counter agent will see it."),
        ("c", "Fine. Okay. Lot B."),
        ("a", "Lot B, right past the shuttle stop. Is there anything else I can help with, or does that get you on the road?"),
        ("c", "No, that's it. Thanks, I guess."),
        ("a", "You're welcome, Mr. Delgado. Sorry again for the hassle, and have a safe drive. Goodbye."),
    ]),

    # 02 US streaming. FORBIDDEN: a single sarcastic aside mid-call ("Wow, an hour for that. Must be a new record.")
    # mocking the customer -> forbidden_language False; otherwise a normal, efficient call.
    # Greeting names the agent (Kayla) and company -> True. Email on account asked -> verification True.
    # Customer frustrated ("driving me nuts") and the agent never apologises or empathises -> empathy False.
    # No recording statement -> disclosure False. "Anything else?" -> resolution True; "thanks for calling, bye" -> closing True.
    dict(language="en", industry="streaming", labels=labels(T, T, F, F, T, T, T, F, T), turns=[
        ("a", "Hi, you've reached StreamNest support, my name is Kayla. What can I do for you?"),
        ("c", "Hi Kayla. So I'm trying to cancel my subscription and I cannot find the button anywhere. I've been at it for like an hour, it's driving me nuts."),
        ("a", "Okay. What's the email address on the account?"),
        ("c", "It's b dot harmon at outlook dot com."),
        ("a", "Got it. Are you on the TV app or a web browser?"),
        ("c", "The TV app. I went into settings, profile, everything."),
        ("a", "Yeah, you can't cancel from the TV app. Go to streamnest dot com on a computer, sign in, click Account, then Cancel Membership. It's right at the top."),
        ("c", "Oh. Okay, I'm on my laptop now. Account, okay, I see cancel membership."),
        ("a", "Wow, an hour for that. Must be a new record. Anyway, click it and confirm."),
        ("c", "Okay, it says my membership ends on the twenty second."),
        ("a", "Yep, you keep access until then. Anything else?"),
        ("c", "No, that's all."),
        ("a", "Alright, thanks for calling StreamNest, bye."),
    ]),

    # 03 US student loans. Polite and kind; the agent says "You're not being difficult at all" (negates, not an insult)
    # -> forbidden_language True. PII FAIL: the agent reads the customer's full 9-digit SSN back in words
    # ("four one two, five five, nine zero three eight") -> pii_exposure False. SSN + DOB asked -> verification True.
    # "may be monitored or recorded" -> disclosure True. Job loss acknowledged with "I'm sorry to hear" -> empathy True.
    dict(language="en", industry="student_loans", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good afternoon, Keystone Student Loan Servicing, this is Andre speaking. This call may be monitored or recorded. How can I help?"),
        ("c", "Hi. Um, I lost my job last month and I can't make my payment on the first. I'm kind of panicking."),
        ("a", "I'm sorry to hear about your job, that's a really stressful spot to be in. There are options, so let's look. Can I have your Social Security number and date of birth to pull up the account?"),
        ("c", "Sure, it's 4 1 2 5 5 9 0 3 8, and my birthday is March ninth, nineteen ninety six."),
        ("a", "Let me read that back to make sure. Four one two, five five, nine zero three eight, born March ninth, ninety six?"),
        ("c", "Yes, that's right."),
        ("a", "Thank you, Ms. Nguyen. You qualify to apply for an unemployment deferment. That pauses payments for up to six months, and I can submit the request today over the phone."),
        ("c", "Okay, but will interest keep building? And does it hurt my credit? And what if I find a job in two months? Sorry, I know I'm being difficult with all these questions."),
        ("a", "You're not being difficult at all, these are exactly the right questions. On your subsidized loans interest doesn't accrue during deferment, on the unsubsidized one it does. It isn't reported as late, so it won't hurt your credit. And if you find a job, you call us and we end it early."),
        ("c", "Okay. Okay, that's a relief. Yes, please submit it."),
        ("a", "Done, the request is in. You'll get a confirmation email in about two business days, and your payment on the first is on hold while it's processed. Does that cover what you needed today?"),
        ("c", "Yeah, it does. Thank you so much."),
        ("a", "You're very welcome. Good luck with the job search, and take care. Goodbye."),
    ]),

    # 04 Canadian pharmacy. Firm refusal of an early controlled-drug refill, blunt but courteous: "The answer is still no"
    # is not rude -> forbidden_language True. first=14.0: the greeting starts inside 15 s and names company + agent
    # -> greeting True (boundary). Name + DOB asked -> verification True. No recording statement -> disclosure False.
    # "I understand, and I'm sorry, that's a frustrating position" -> empathy True. "Is that everything?" -> resolution True.
    dict(language="en", industry="pharmacy", first=14.0, labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hi, Maple Street Pharmacy, Janet speaking."),
        ("c", "Hi Janet, I'm calling about my lorazepam. I'm going up to the cottage Friday and I'll run out while I'm there, so I need to pick up the refill early."),
        ("a", "Okay. Can I get your name and date of birth?"),
        ("c", "Paul Tremblay, June second, nineteen seventy one."),
        ("a", "Thanks Paul. I see it. Your next fill isn't due until the nineteenth, and that's a controlled medication, so I can't release it six days early. That's not something I can override."),
        ("c", "Come on, it's six days. I've been on this for years, I'm not going to do anything weird with it. I'm going to be stuck up there without it."),
        ("a", "I understand, and I'm sorry, that's a frustrating position to be in. The answer on an early fill is still no. What I can do is call Dr. Osei's office and ask if she'll authorize a vacation supply. If she does, I can have it ready Thursday."),
        ("c", "And if she doesn't?"),
        ("a", "Then there's a pharmacy in Huntsville, twenty minutes from most of the lakes, and I can transfer the prescription there for the nineteenth. You'd pick it up there."),
        ("c", "Okay. Call the doctor, I guess."),
        ("a", "I'll fax her now and call you back by noon tomorrow at the number on file. Is that everything you needed?"),
        ("c", "Yeah, that's it."),
        ("a", "Alright. Thanks Paul, talk tomorrow. Bye now."),
    ]),

    # 05 UK pension fund. FORBIDDEN, subtle: patronising explanation without a single swear word ("let me explain this
    # very simply, because it is a bit grown up", "Are we following so far?", "evidently not quite") -> forbidden_language False.
    # 9.5 s gap after the customer's details (not after a hold request) is NOT more than 10 s -> long_silence True.
    # Customer is worried about a fall in value; the agent never acknowledges it kindly -> empathy False.
    # No check that the need is met, just a goodbye -> resolution False; last utterance thanks + goodbye -> closing True.
    dict(language="en", industry="pension", labels=labels(T, T, T, F, F, T, T, F, T), turns=[
        ("a", "Good morning, Thistle Pension Trust, you're speaking with Giles. Calls are recorded for training and monitoring. How may I help?"),
        ("c", "Morning. I got my annual statement and the transfer value has gone down by about four thousand pounds since last year. I'm quite worried, I thought pensions only went up."),
        ("a", "Right. Can I take your member number and date of birth?"),
        ("c", "T P 0 0 8 2 7 7 1, and the eleventh of October nineteen sixty."),
        ("a", "Okay, Mrs. Hale. Let me explain this very simply, because it is a bit grown up. Your pension is invested. Invested means in the stock market. The stock market goes up, and it goes down. Down means a smaller number. Are we following so far?", 9.5),
        ("c", "Yes, I know what the stock market is."),
        ("a", "Well, evidently not quite, or we wouldn't be having this call. The transfer value is just a snapshot. It isn't money you've lost unless you take it out now. Which you're not, are you? So there's nothing to do."),
        ("c", "Right. Well, when will it go back up?"),
        ("a", "Nobody can tell you that, I'm afraid, that's rather the point of markets. You'll get next year's statement in the spring."),
        ("c", "I see. Okay."),
        ("a", "Thank you for calling Thistle Pension Trust. Goodbye."),
    ]),

    # 06 Irish parcel lockers. The agent curses the crashed system ("this damn system has frozen again, sorry") - aimed at
    # the software, not the customer -> forbidden_language True. The agent asks the customer to hold and the 25 s silence
    # follows directly after that agent utterance -> long_silence True. The CUSTOMER says her own full mobile number;
    # the agent only repeats the last three digits -> pii_exposure True. Tracking + mobile asked -> verification True.
    # "Ah no, that's annoying, sorry about that" about the failed code -> empathy True. No recording statement -> disclosure False.
    dict(language="en", industry="parcel_lockers", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hiya, you're through to LockBox Parcel Lockers, Siobhán here. What can I do for you?"),
        ("c", "Hi Siobhán. My parcel's been in the locker at the Tesco in Ranelagh since Monday and the code you texted me doesn't open it. I've tried three times, it just beeps at me."),
        ("a", "Ah no, that's annoying, sorry about that. Can you give me the tracking number and the mobile number the parcel was sent to?"),
        ("c", "Tracking is L B 7 7 2 0 4 1 9 3, and the mobile is 0 8 7 4 4 1 6 2 0 9."),
        ("a", "Grand, so the one ending two oh nine. Let me pull it up. Oh for God's sake, this damn system has frozen again, sorry. Would you mind holding a moment while I reload it?"),
        ("a", "Thanks for holding. Right, I have it now. The code was reset when the locker went offline overnight, so the old one's dead. I've sent you a new code by text just now.", 25.0),
        ("c", "Hang on. Yeah, got it. Five two nine one?"),
        ("a", "That's the one. It's valid for forty eight hours. Try it at the locker, and sure if it doesn't work just ring back and we'll open it remotely. Is there anything else I can help you with?"),
        ("c", "No, that's everything. Thanks a million."),
        ("a", "No problem at all. Thanks for calling, bye bye."),
    ]),

    # 07 South African gym. Playful banter both sides enjoy (the customer starts the self-deprecating joke and laughs
    # along; the agent's jokes are about the trainer and the gym) -> forbidden_language True.
    # No problem, complaint or worry: she just wants to book a trainer -> empathy None.
    # VERIFICATION FAIL: the customer volunteers her name and membership number ("if you need it"); the agent never asks
    # for or confirms identity -> verification False. No recording statement -> disclosure False.
    dict(language="en", industry="gym", labels=labels(T, F, F, N, T, T, T, T, T), turns=[
        ("a", "Morning, thanks for calling FitZone Rosebank, this is Thabo. How can I help?"),
        ("c", "Hey Thabo, it's Annelie Botha, membership F Z 2 0 9 1 4 if you need it. Okay, confession, I've been paying since January and I've been in exactly twice. I'd like to book a personal trainer while I'm feeling motivated."),
        ("a", "Ha, twice is better than some of our members, hey. Let's strike while the iron's hot. I've got Lerato on Tuesdays and Thursdays at six in the morning, or Sipho on Saturdays at nine."),
        ("c", "Six in the morning? Thabo, I said I want to start, not that I want to suffer. Saturday at nine with Sipho, please. And don't tell him about the twice."),
        ("a", "My lips are sealed. Saturday at nine it is. Sipho's very friendly, he only makes people cry from the second session."),
        ("c", "Ha! Okay, so I've got one week of grace."),
        ("a", "Exactly. You're booked for this Saturday, the twelfth, at nine, and the first session's free with your membership. Anything else I can sort out for you?"),
        ("c", "No, that's it. Honestly, this is the most fun I've had with a gym all year."),
        ("a", "Ha, we'll take it. Thanks for calling, enjoy Saturday. Cheers!"),
    ]),

    # 08 Canadian airline. FORBIDDEN: ridicule of the customer's question ("Ask the plane to wait for you. Ha. ...
    # It's an airline, ma'am, not an Uber", then "Clearly.") -> forbidden_language False.
    # Customer is worried about missing the connection; the agent laughs at her instead of acknowledging it -> empathy False.
    # Booking reference + last name asked -> verification True. Recorded -> disclosure True. "Does that answer everything?"
    # -> resolution True. "Have a good flight. Goodbye." -> closing True.
    dict(language="en", industry="airline", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good evening, Northern Loon Airways, my name is Craig. This call is recorded for quality assurance. How can I help you?"),
        ("c", "Hi, yes, I'm on the flight from Halifax that's running forty minutes late, and I have a connection in Toronto to Winnipeg at seven ten. I'm really worried I'm going to miss it. Could you ask the Winnipeg plane to wait for me?"),
        ("a", "Ask the plane to wait for you. Ha. Honestly, did you really think we hold a hundred and eighty people on the tarmac for one passenger? It's an airline, ma'am, not an Uber."),
        ("c", "I don't know how it works, that's why I'm asking."),
        ("a", "Clearly. Okay, booking reference and last name."),
        ("c", "It's K Q 4 T 7 M, last name Fraser."),
        ("a", "Right, Ms. Fraser. If you miss the seven ten you'll be automatically rebooked on the nine forty to Winnipeg. You don't need to do anything, the new boarding pass will show up in the app."),
        ("c", "Okay. And my bag?"),
        ("a", "Your bag follows the booking, it'll go on the nine forty too. Does that answer everything?"),
        ("c", "Yes. Thank you."),
        ("a", "Have a good flight. Goodbye."),
    ]),

    # 09 UK letting agent. Customer insults the contractor and the company; the agent repeats his words neutrally
    # ("you said the contractor was a useless cowboy") to log them -> quoted neutrally, forbidden_language True.
    # "I've recorded your complaint" is not a call-recording disclosure -> disclosure False.
    # Address + postcode asked -> verification True. Apologises for the failed repair and the asthma worry -> empathy True.
    dict(language="en", industry="letting_agent", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Hartley and Rowe Lettings, Priya speaking, how can I help?"),
        ("c", "Yeah, hi. I rent one of your flats in Leyton. The contractor you sent for the damp came on Tuesday, painted over the mould and left. He was a useless cowboy and frankly your whole maintenance team is a shambles."),
        ("a", "I'm sorry, that's not the repair you were promised. Can I take the first line of the address and the postcode so I can find the tenancy?"),
        ("c", "Flat 3, 41 Grove Green Road, E11 4 E L."),
        ("a", "Thank you, Mr. Adeyemi. I can see the job marked complete on Tuesday. So I've got this right, you said the contractor was a useless cowboy and that he painted over the mould without treating it. I've recorded your complaint with those words and reopened the job."),
        ("c", "Good. Because it's already coming back through the paint. My daughter's got asthma."),
        ("a", "That makes it more urgent, and I'm sorry she's had to live with it. I've flagged it as a priority and I'm booking a different firm, Dryline, who do a proper damp survey. They can come Friday between eight and twelve."),
        ("c", "Friday's fine. Not the same bloke though."),
        ("a", "Not the same contractor, no, I've put that in writing on the job. Does Friday morning work for you, and is there anything else I can help with today?"),
        ("c", "No, that's it. Thanks Priya."),
        ("a", "Thank you for calling, Mr. Adeyemi, I'll email you the confirmation. Bye now."),
    ]),

    # 10 UK energy. Blunt but courteous agent ("I'll be straight with you. The bill is correct.") -> forbidden_language True.
    # 11 s silence after the customer gives her postcode, with no hold request before it -> long_silence False.
    # Postcode + address asked -> verification True. "Calls are recorded" -> disclosure True.
    # "I'm sorry, I know that's not what you wanted to hear" -> empathy True. No "anything else"/check -> resolution False.
    dict(language="en", industry="energy", labels=labels(T, T, T, T, F, T, F, T, T), turns=[
        ("a", "Good morning, Brightwell Energy, this is Dean. Calls are recorded. What can I do for you?"),
        ("c", "Hi. My bill for December is three hundred and twelve pounds. It's normally about a hundred. Something's gone wrong."),
        ("a", "Let's check. Can I have the postcode and first line of the address?"),
        ("c", "Postcode is L S 6 2 Q T, it's 18 Cardigan Lane."),
        ("a", "Thanks, Miss Kowalski. Okay, I'll be straight with you. The bill is correct. The meter reading you sent on the second is a real one, and the three bills before it were estimated too low. So December caught up three months of usage.", 11.0),
        ("c", "So I just have to pay three hundred quid."),
        ("a", "Yes. I'm sorry, I know that's not what you wanted to hear. What I can do is spread it. I can add it to your direct debit over six months, about thirty five pounds extra a month."),
        ("c", "Yeah. Do that."),
        ("a", "Done. You'll get a letter with the new schedule. If you send a reading every month, the bills will stay accurate."),
        ("c", "Okay."),
        ("a", "Thanks for calling Brightwell, Miss Kowalski. Goodbye."),
    ]),

    # 11 Irish energy. FORBIDDEN: a threat ("Keep that up and I'll make sure your disconnection is first on the list")
    # -> forbidden_language False. Greeting "Hello, accounts, go ahead." names only a department, neither company nor
    # agent -> greeting False. Account number asked -> verification True. Worried father with a baby, no empathy -> False.
    # No check -> resolution False. Last agent utterance "That's it, so." neither thanks nor says goodbye -> closing False.
    dict(language="en", industry="energy", labels=labels(F, T, F, F, F, F, T, F, T), turns=[
        ("a", "Hello, accounts, go ahead."),
        ("c", "Hi, I got a letter saying you're going to cut off my electricity on Monday. I've a baby at home. You can't do that."),
        ("a", "Account number."),
        ("c", "It's 3 0 0 4 7 1 2 8."),
        ("a", "Mm. Mr. Byrne. You're four months in arrears, six hundred and eighty euro. The letter's correct."),
        ("c", "I know I'm behind, I've been on reduced hours. But you lot are a disgrace, cutting off a family in February. An absolute disgrace."),
        ("a", "Keep that up and I'll make sure your disconnection is first on the list Monday morning, right? Now. Do you want a payment plan or not?"),
        ("c", "Jesus. Yes. I want a payment plan."),
        ("a", "Fifty euro a fortnight on top of your usage. First payment by Friday and the disconnection's cancelled."),
        ("c", "Fine. And will you register the baby, as a vulnerable customer or whatever it is?"),
        ("a", "I'll put a note on it."),
        ("c", "Right. Okay."),
        ("a", "That's it, so."),
    ]),

    # 12 US mobile phone repair. VERIFICATION FAIL: the customer volunteers name, ticket number and cell number up front;
    # the agent never asks for or confirms any of them (finds the phone by browsing Saturday drop-offs) -> verification False.
    # Paraphrased disclosure "we keep a recording of this conversation for training" -> disclosure True.
    # The customer says her own full number (fine); the agent only says "the number ending four four one seven" -> pii True.
    dict(language="en", industry="phone_repair", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Thanks for calling QuickFix Phone Repair, my name's Tyler. Just a heads up, we keep a recording of this conversation for training. What's going on with your phone?"),
        ("c", "Hi Tyler, this is Dana Whitfield, I dropped off an iPhone 13 on Saturday, ticket number Q F 5 5 1 2, and my cell is 3 1 2 5 5 5 4 4 1 7 if you need it. It was supposed to be ready yesterday and nobody's called me."),
        ("a", "Oh, I'm sorry about that, Dana, you should've heard from us. Let me look through the Saturday drop-offs."),
        ("a", "Okay, here it is, the iPhone 13 with the cracked screen and the battery swap. The screen's done, but the battery we ordered came in for the wrong model, so it's been sitting waiting for the right part.", 6.0),
        ("c", "Great. So when?"),
        ("a", "The right battery arrives tomorrow morning. I can have it done by two p.m. and we'll text the number ending four four one seven when it's ready. And I'll take the battery labor off for the delay."),
        ("c", "Okay, that's fair. Thanks."),
        ("a", "Of course. Does that sort everything out for you?"),
        ("c", "Yeah, that works."),
        ("a", "Perfect. Thanks for your patience, Dana, see you tomorrow. Bye."),
    ]),

    # 13 UK car hire. PII FAIL: the agent reads back the customer's full 16-digit card number split across two of its
    # utterances ("four five three nine, eight eight one two," / "six six zero four, two two one seven") -> pii_exposure False.
    # Routine change of card, no problem voiced -> empathy None. Booking ref + DOB asked -> verification True.
    dict(language="en", industry="car_rental", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Hello, Thrifty Wheels Van and Car Hire, you're speaking with Hannah. Please note this call is recorded for quality and training. How can I help?"),
        ("c", "Hiya. I've got a van booked for Saturday and I'd like the deposit to go on my business card instead of my personal one."),
        ("a", "No problem. Can I take the booking reference and your date of birth?"),
        ("c", "T W 8 8 3 0 2 1, and twenty third of May, eighty four."),
        ("a", "Thank you, Mr. Ashworth. Go ahead with the new card number when you're ready."),
        ("c", "It's 4 5 3 9 8 8 1 2 6 6 0 4 2 2 1 7."),
        ("a", "Let me read that back. Four five three nine, eight eight one two,"),
        ("c", "Yep."),
        ("a", "six six zero four, two two one seven. And the expiry and security code?"),
        ("c", "Oh nine twenty eight, and seven one four."),
        ("a", "Thank you. That's updated, and the two hundred and fifty pound deposit will go on the new card at pickup. Is there anything else you need for Saturday?"),
        ("c", "No, that's everything, cheers."),
        ("a", "Thanks for calling, Mr. Ashworth. Bye now."),
    ]),

    # 14 US food delivery. FORBIDDEN: blaming the customer with contempt ("if you people could be bothered to type your
    # own address properly...", "And fix the address.") -> forbidden_language False. 13 s silence after the customer gives
    # the order number, with no hold request -> long_silence False. Only the last four of the card ("Visa ending in
    # zero six six two") -> pii True. Hungry customer, no empathy -> False. Scripted "anything else" and polite ending
    # -> resolution True, closing True (a rude call can still close politely).
    dict(language="en", industry="food_delivery", labels=labels(T, T, F, F, T, T, F, F, T), turns=[
        ("a", "Hi, thanks for calling DashBite, this is Jordan. What can I help you with?"),
        ("c", "Hi, my order never showed up. The app says delivered, but there's nothing at my door. I'm starving and I paid thirty eight dollars for it."),
        ("a", "Order number?"),
        ("c", "It's D B 9 9 0 2 1 7."),
        ("a", "Okay. The driver delivered to 214 Elm Street, apartment 2. The photo shows the bag at a door.", 13.0),
        ("c", "I'm in 2 B. Apartment 2 B."),
        ("a", "Yeah, well, your address in the app says apartment 2, no B. So if you people could be bothered to type your own address properly, we wouldn't be having this conversation, would we? The driver went exactly where you told him."),
        ("c", "I've ordered from you like fifty times with that address and it's always been fine."),
        ("a", "Well it wasn't fine tonight. Look, I'll refund it this once. Thirty eight dollars back to the Visa ending in zero six six two, three to five business days. And fix the address."),
        ("c", "Fine. I'll fix it."),
        ("a", "Is there anything else I can help you with today?"),
        ("c", "No."),
        ("a", "Thanks for choosing DashBite, have a great night."),
    ]),

    # 15 South African airline. LATE GREETING: the agent's first utterance starts at 17.5 s (>15 s), so even a perfect
    # greeting fails -> greeting False. The delay before the first utterance is not a gap BETWEEN two utterances
    # -> long_silence True. Routine request (add frequent flyer number, pick a seat), no problem -> empathy None.
    dict(language="en", industry="airline", first=17.5, labels=labels(F, T, T, N, T, T, T, T, T), turns=[
        ("a", "Good day, thank you for calling SkyVeld Airways, this is Naledi. Calls are recorded for quality purposes. How can I help?"),
        ("c", "Hi Naledi. I'm flying Joburg to Cape Town on the fourteenth and I'd like to add my frequent flyer number to the booking, and choose a seat if I can."),
        ("a", "Of course. May I have the booking reference and the passenger surname?"),
        ("c", "It's Z 3 R 8 P L, surname van der Merwe."),
        ("a", "Thank you, Mr. van der Merwe. And your frequent flyer number?"),
        ("c", "S V 1 0 4 4 7 2 9 0."),
        ("a", "Lovely, that's linked, so you'll earn the miles for this trip. For seats, I've got a window in row six or an aisle in row twelve."),
        ("c", "Window in six, please. I like to see Table Mountain on the way in."),
        ("a", "Six A it is, left side, you'll have the view on approach. All done."),
        ("c", "Sharp, thanks."),
        ("a", "Is there anything else I can help you with?"),
        ("c", "No, that's all."),
        ("a", "Thank you for flying with SkyVeld, Mr. van der Merwe, enjoy the flight. Goodbye."),
    ]),

    # 16 Canadian pension plan. The agent's FIRST utterance is a bare "Hello?" (bad line); the proper greeting only
    # comes in its second utterance -> greeting False. Every "sorry" is about the line ("you're breaking up", "sorry
    # about the line"); the missing payment and rent worry are never acknowledged -> empathy False.
    # NEGATED disclosure "No, this line isn't recorded" -> disclosure False. Indirect verification ("Just so I'm in the
    # right file, can you confirm the postal code and date of birth") -> verification True.
    dict(language="en", industry="pension", labels=labels(F, T, F, F, T, T, T, T, T), turns=[
        ("a", "Hello?"),
        ("c", "Hi, hello? Is this the pension line?"),
        ("a", "Sorry, the line's a bit crackly. Good afternoon, Laurentian Pension Plan, Marc speaking."),
        ("c", "Hi Marc, it's Gloria Santos. My pension payment didn't come in on the twenty fifth. I've got rent due on the first and I'm quite worried."),
        ("a", "Sorry, you're breaking up. Could you say that again?"),
        ("c", "My pension payment. It didn't come in on the twenty fifth."),
        ("a", "Okay, got it, sorry about the line. Just so I'm in the right file, can you confirm the postal code and date of birth we'd have for you?"),
        ("c", "M 4 C 1 B 5, and July fourth, nineteen fifty three. Is this call being recorded, by the way? I don't like that."),
        ("a", "No, this line isn't recorded. I'll just put notes on your file."),
        ("c", "Okay, good."),
        ("a", "Right, Mrs. Santos. The payment was returned by your bank on the twenty sixth. The account it was going to has been closed."),
        ("c", "Oh. Yes, I switched to the credit union in August. I thought I'd told you."),
        ("a", "We don't have the new details on file. I can email you a direct deposit form today, and once it's back the payment is reissued within three business days."),
        ("c", "Okay, please send it."),
        ("a", "Sent to the email ending at rogers dot com. Does that take care of it for today?"),
        ("c", "Yes, thank you."),
        ("a", "You're welcome. Have a good afternoon, goodbye."),
    ]),

    # 17 South African phone repair. FORBIDDEN: profanity aimed at the customer ("Are you fucking serious?") plus
    # sarcasm ("not swimming lessons") -> forbidden_language False. PII FAIL: the agent reads the customer's full 10-digit
    # mobile split across two of its utterances ("Zero eight two," / "five five five, three one nine zero") -> pii False.
    # Job card asked -> verification True. No empathy for the warranty dispute -> False. No check -> resolution False.
    # Curt but "Thanks, bye." thanks and says goodbye -> closing True.
    dict(language="en", industry="phone_repair", labels=labels(T, T, T, F, F, T, T, F, F), turns=[
        ("a", "Morning, CellMed Repairs Sandton, Johan speaking. Just so you know, calls are recorded. How can I help?"),
        ("c", "Hi Johan, it's Zanele Mokoena. You guys have my Samsung, you sent me a quote for three thousand four hundred rand and I want to know why it's not covered by the warranty."),
        ("a", "Job card number?"),
        ("c", "C M 4 4 1 0 9."),
        ("a", "Okay. Says here liquid damage. The tech notes say it was dropped in a bath."),
        ("c", "Yes, it slipped off the edge, but it's only six months old. The warranty is a year."),
        ("a", "Are you fucking serious? You dropped it in a full bath and you want the warranty to pay? Warranty covers faults, not swimming lessons."),
        ("c", "Don't speak to me like that."),
        ("a", "Ja, okay. The quote stands, three thousand four hundred. You can approve it or collect the phone."),
        ("c", "I'll think about it."),
        ("a", "Fine. We'll SMS you on the number on the job card, let me just check it's right. Zero eight two,"),
        ("c", "Yes."),
        ("a", "five five five, three one nine zero. That's yours?"),
        ("c", "Yes, that's mine."),
        ("a", "Okay. Thanks, bye."),
    ]),

    # 18 US pharmacy. Greeting "Hi there, thanks for calling, how can I help you today?" names neither company nor agent
    # -> greeting False. The agent asks her to hold and 40 s of silence follows right after that utterance -> long_silence
    # True. "sorry about the wait" apologises for the agent's own hold; the $400 problem ("I can't pay that") is never
    # acknowledged -> empathy False. Card on file read in MASKED form ("x x x x ... three three zero seven") -> pii True.
    dict(language="en", industry="pharmacy", labels=labels(F, T, F, F, T, T, T, T, T), turns=[
        ("a", "Hi there, thanks for calling, how can I help you today?"),
        ("c", "Hi, I'm trying to pick up my inhaler and your cashier said my insurance rejected it and it's going to be like four hundred dollars. I can't pay that, I need it."),
        ("a", "Okay. Can I get your name and date of birth?"),
        ("c", "Keisha Brown, eleven twelve ninety."),
        ("a", "Thank you. Can you hold for just a minute while I run the claim again?"),
        ("a", "Thanks for holding, sorry about the wait. So the claim rejected because your plan changed on January first and we still had the old member ID.", 40.0),
        ("c", "Oh. I have the new card, I can give you the number."),
        ("a", "Go ahead."),
        ("c", "It's W 7 7 2 0 4 1 8 8 3 0 1."),
        ("a", "Got it, I'm resubmitting now."),
        ("a", "Okay, it went through. Your copay is fifteen dollars. Do you want me to charge the card we have on file, showing as x x x x, x x x x, x x x x, three three zero seven?", 6.0),
        ("c", "Yes please."),
        ("a", "Done, the inhaler's ready at the counter. Is there anything else I can help you with?"),
        ("c", "No, that's it, thanks."),
        ("a", "You're welcome. Thanks for calling, bye."),
    ]),

    # 19 US gym. FORBIDDEN: a muttered insult, then carrying on ("God, what a whiner. Anyway."), and a rude brush-off at
    # the end ("Not my problem today. Bye.") -> forbidden_language False. The last utterance says "Bye" but is not polite
    # and does not thank -> closing False. Member ID asked and name confirmed -> verification True. Torn ACL, no empathy
    # -> False. Manager request dismissed, no check -> resolution False.
    dict(language="en", industry="gym", labels=labels(T, T, F, F, F, F, T, F, T), turns=[
        ("a", "Hey, Iron Harbor Fitness, this is Brett."),
        ("c", "Hi Brett. I tore my ACL skiing two weeks ago and I'm going to be on crutches for at least three months. I'd like to freeze my membership, or cancel if I can't freeze it."),
        ("a", "Member ID?"),
        ("c", "It's 6 0 0 3 1 8 2."),
        ("a", "Okay, Melissa Carter?"),
        ("c", "Yes."),
        ("a", "Mm. God, what a whiner. Anyway. To freeze for medical you need a doctor's note uploaded in the app, and it's fifteen dollars a month during the freeze."),
        ("c", "Sorry, what did you just say?"),
        ("a", "I said you need a doctor's note. Upload it in the app under Membership, then Freeze."),
        ("c", "Fifteen dollars a month to not use the gym? And I already paid for February."),
        ("a", "That's the contract you signed. February's not refundable."),
        ("c", "This is unbelievable. Can I speak to a manager?"),
        ("a", "Manager's in on Monday. Call back then. Not my problem today. Bye."),
    ]),

    # 20 UK food delivery. PII FAIL: the agent reads the customer's full 11-digit mobile in words in one utterance
    # ("oh seven seven zero zero nine zero zero one two three") -> pii_exposure False. Indirect verification by confirming
    # identity ("Am I speaking with the account holder, Ms. Patel?") -> verification True. Paraphrased greeting names agent
    # and company -> True. "Anything else?" -> resolution True, but the agent's LAST utterance "Okay, all sorted then."
    # neither thanks nor says goodbye (the customer says bye after it) -> closing False.
    dict(language="en", industry="food_delivery", labels=labels(T, T, F, T, T, F, T, T, F), turns=[
        ("a", "Evening! You've got Ellie at GrubRun, what can I do for you?"),
        ("c", "Hi Ellie. I've just had a delivery and it's completely the wrong order. I ordered a veggie curry and I've got a chicken kebab. I'm vegetarian, so I can't eat any of it."),
        ("a", "Oh no, I'm so sorry, that's really not on, especially when you can't eat it. Am I speaking with the account holder, Ms. Patel?"),
        ("c", "Yes, Riya Patel."),
        ("a", "Lovely, thanks. I can see the order from Spice Lane. I've refunded the full twenty two pounds fifty, and I can get the restaurant to send out the right curry now, about thirty five minutes. Would you like that?"),
        ("c", "Yes please, I'm starving."),
        ("a", "Done. The driver will ring when he's outside. I just want to check the number he'll use, I've got oh seven seven zero zero nine zero zero one two three. Is that still right?"),
        ("c", "Yes, that's my number."),
        ("a", "Brilliant. Is there anything else I can help with tonight?"),
        ("c", "No, that's it, thanks."),
        ("a", "Okay, all sorted then."),
        ("c", "Thanks, bye."),
    ]),
]


CALLS = _A + _B
