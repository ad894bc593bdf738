# ruff: noqa: E501 -- one turn a line
"""A third blind split: 40 English calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call; measured once, when the rudeness
classifier was done."""

from fresh import F, N, T, labels

_A = [
    # 01 e-commerce (US), clean call: customer only wants to change a shipping address (no problem -> empathy N); the 9.5 s gap while the agent looks the order up is not over 10 s, so long_silence passes.
    dict(language="en", industry="e-commerce", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Thanks for calling Northpeak Outfitters, this is Danielle. Just so you know, calls are recorded for quality and training. How can I help you today?"),
        ("c", "Hi Danielle. I placed an order last night and I'd like to change the shipping address before it goes out, if that's still possible."),
        ("a", "Sure, let's take a look. Can I get the order number and the email address on the account?"),
        ("c", "Yeah, it's N P seven four one one eight, and the email is marcus dot hale at gmail dot com."),
        ("a", "Thank you. And just to confirm, the name on the order is Marcus Hale?"),
        ("c", "That's right."),
        ("a", "Okay, I've got it pulled up. It hasn't been picked in the warehouse yet, so we're good. What's the new address?", 9.5),
        ("c", "It's 2210 Larkspur Drive, Apartment 4B, Boise, Idaho, 83709."),
        ("a", "2210 Larkspur Drive, Apartment 4B, Boise, 83709. I've updated that, and you'll get a fresh confirmation email in a few minutes."),
        ("c", "Perfect, that's great."),
        ("a", "Is there anything else I can help you with today?"),
        ("c", "No, that was it. Thanks."),
        ("a", "You're welcome, Marcus. Thanks for shopping with Northpeak, and have a great day."),
    ]),

    # 02 broadband (US), RUDE mid-call: condescending "let me say this really slowly, since this is clearly a bit much for you"; customer objects. Her two-day outage is never acknowledged -> empathy F.
    dict(language="en", industry="telecom", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good evening, thank you for calling Clearpath Internet, my name is Jordan. This call is recorded for quality assurance. What can I help you with?"),
        ("c", "Hi, I got the new router you sent and I plugged it in, but I still can't get online. It's been two days now."),
        ("a", "Okay. Can I get the account holder's name and the ZIP code on the account?"),
        ("c", "Helen Brooks, 30318."),
        ("a", "Thanks. Is the light on the front of the router green or orange?"),
        ("c", "There's a few lights. One is blinking orange, I think. The one that says... W A N? Or is that the other one?"),
        ("a", "Okay, let me say this really slowly, since this is clearly a bit much for you. The grey cable. Goes in the yellow hole. The one that says internet. Think you can manage that?"),
        ("c", "Excuse me, I'm not a child. I asked a perfectly normal question."),
        ("a", "Right. Is the grey cable in the yellow port?"),
        ("c", "It's in the blue one."),
        ("a", "Move it to the yellow one and give it two minutes."),
        ("c", "Okay... the light's gone green now. And the laptop's connecting."),
        ("a", "Good. Are you able to load a web page now?"),
        ("c", "Yes, it's working."),
        ("a", "Great. Anything else?"),
        ("c", "No."),
        ("a", "Thanks for calling Clearpath. Goodnight."),
    ]),

    # 03 telecom/mobile (UK), late greeting: the agent's first utterance starts at 17.5 s -> greeting F even though it names company and agent. The pre-greeting wait is not a gap between two utterances, so long_silence passes. Plan upgrade, no problem -> empathy N.
    dict(language="en", industry="telecom", first=17.5, labels=labels(F, T, T, N, T, T, T, T, T), turns=[
        ("a", "Good afternoon, you're through to Brightwave Mobile, my name's Priya. This call may be recorded for training purposes. How can I help?"),
        ("c", "Hiya. I'm just after upgrading my SIM-only plan to one with a bit more data. My contract's up this month."),
        ("a", "Lovely, I can help with that. Can I take your account number and your date of birth, please?"),
        ("c", "Account number's 55021874, and date of birth is the fourteenth of March, 1989."),
        ("a", "Thank you, Mr Okafor, that's you verified."),
        ("c", "Great."),
        ("a", "So you're currently on the 10 gig plan at twelve pounds a month. I could move you to 50 gig for fifteen pounds, or unlimited for twenty, either rolling monthly or on a twelve-month term."),
        ("c", "The 50 gig on twelve months, please."),
        ("a", "No problem. That'll start from your next bill on the 3rd, and there's no change to your number or your SIM. I'll send you a text confirming it."),
        ("c", "Brilliant."),
        ("a", "Have I covered everything you needed today?"),
        ("c", "Yeah, that's everything, cheers."),
        ("a", "Thanks for calling Brightwave, Mr Okafor. Have a lovely day, bye now."),
    ]),

    # 04 credit card (US), greeting without company or agent name ("Hello, how can I help you?") -> greeting F. Agent only says "the Visa ending in four four one seven" (masked) -> pii passes. Worried customer, agent empathises.
    dict(language="en", industry="banking", labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, how can I help you?"),
        ("c", "Hi, um, I just saw a charge on my card that I don't recognize and I'm honestly kind of freaking out a little."),
        ("a", "Oh, I'm sorry, that's definitely worrying. Let's get it sorted out. Before we go on, this call is recorded for quality and security. Can I have your full name and date of birth?"),
        ("c", "Jennifer Alvarez, June second, 1986."),
        ("a", "Thank you, Jennifer. I see two cards on your profile. Is this the Visa ending in four four one seven?"),
        ("c", "Yes, that's the one."),
        ("a", "Okay. Which charge are we looking at?"),
        ("c", "Three hundred and twelve dollars to something called 'TXN Global Digital', yesterday."),
        ("a", "I see it. That's not a merchant you've used before, so I'm going to dispute it as fraud and block the card. A replacement card will reach you in five to seven business days."),
        ("c", "Okay. And what about the three hundred dollars?"),
        ("a", "You'll see a temporary credit for the full amount within 24 hours while we investigate. You won't be liable for it."),
        ("c", "Oh, thank God. Okay."),
        ("a", "Does that take care of everything for you, or is there anything else I can look at?"),
        ("c", "No, that's everything. Thank you so much."),
        ("a", "You're very welcome, Jennifer. Thanks for calling, and take care."),
    ]),

    # 05 e-commerce furniture delivery (UK), TRAP: the customer swears at and insults the agent ("fucking sofa", "you lot are absolutely useless"); the agent stays professional and even says "it's on us, not you" -> forbidden_language passes. All items pass.
    dict(language="en", industry="e-commerce", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Homestead Furniture deliveries, my name's Natalie. Calls are recorded for training and monitoring. How can I help?"),
        ("c", "Yeah, you can help by telling me where my fucking sofa is. I've taken two days off work for it and nobody's turned up either time."),
        ("a", "I'm really sorry, that's two days off wasted, and I completely understand why you're angry. Let me find out exactly what's happened. Can I take your order number?"),
        ("c", "H F 6 0 3 3 9 1. You lot are absolutely useless, you know that?"),
        ("a", "I hear you. Can you confirm the delivery postcode for me?"),
        ("c", "G 12 8 Q T."),
        ("a", "Thank you, Mr Campbell. I can see the sofa's been sitting at our Glasgow hub since Monday. Both times the two-man van was overbooked and your drop got pushed off the route. That shouldn't have happened, and it's on us, not you."),
        ("c", "Brilliant. So what now? Because I'm not taking another bloody day off."),
        ("a", "I've booked it as the priority first drop on Saturday, seven till nine in the morning, so it won't affect work. I've also refunded the ninety-five pound delivery charge, which will be back on your card in three to five days."),
        ("c", "Right. Well... okay. Saturday's fine. Sorry for swearing, it's not at you, it's just been a nightmare."),
        ("a", "Honestly, no need to apologise, you've had a rotten week with this. Is Saturday morning definitely okay, and is there anything else I can sort out for you?"),
        ("c", "No, that's it. Thanks, Natalie."),
        ("a", "Thank you for bearing with us, Mr Campbell. Have a good weekend, bye now."),
    ]),

    # 06 energy (UK), RUDE mid-call: agent rudely blames the customer for a catch-up bill ("if you'd actually bothered to read one... that's really on you"); customer reacts. Earlier apology still counts as empathy -> T.
    dict(language="en", industry="utilities", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good afternoon, Northgate Energy, you're speaking with Simon. Calls are recorded for training and quality. How can I help?"),
        ("c", "Hi, I've just had a bill for six hundred and forty pounds. I normally pay about sixty a month. I honestly nearly fell over."),
        ("a", "Oh, I'm sorry, that's a horrible thing to open. Let's have a look. Can I take your account number and the first line of your address?"),
        ("c", "Account's 81 44 02 93, and it's 27 Fenwick Road."),
        ("a", "And the name on the account?"),
        ("c", "Claire Dunmore."),
        ("a", "Thanks, Claire. Right, so we've been estimating your readings for fourteen months, and an engineer got an actual reading last week, so this is the catch-up."),
        ("c", "But nobody told me you were estimating. How was I supposed to know?"),
        ("a", "Well, it says 'estimated' in big letters on every single bill, doesn't it? If you'd actually bothered to read one, or sent us a meter reading once in over a year, you wouldn't be sitting on a six-hundred-quid bill. So that's really on you."),
        ("c", "Wow. Okay. I'm not calling to be told off, I'm calling to sort it out."),
        ("a", "Fine. I can spread it over twelve months, that's about fifty-three pounds on top of your usual direct debit."),
        ("c", "Yes, do that, please."),
        ("a", "Done. You'll get a new payment schedule by email. Is there anything else?"),
        ("c", "No."),
        ("a", "Thanks for calling Northgate. Bye."),
    ]),

    # 07 water utility (UK), no verification: the customer volunteers account number and address, and the agent never asks for or confirms identity -> verification F. Outage acknowledged with an apology.
    dict(language="en", industry="utilities", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Severnside Water, you're speaking to Gareth. Calls are recorded for quality and training. What can I do for you?"),
        ("c", "Morning. Look, my account number's 30418822, I'm at 14 Mill Lane, and we've had no water since about six this morning. I've got two kids to get ready for school."),
        ("a", "Oh no, I'm really sorry, that's a nightmare first thing in the morning. Let me check what's going on in your area."),
        ("c", "Thanks."),
        ("a", "Right, so there's a burst main on Station Road that's affecting Mill Lane and a few streets round there. Crews have been on site since half six."),
        ("c", "Any idea how long?"),
        ("a", "They're estimating supply back by about one o'clock. When it first comes back it might look a bit cloudy, that's just air, so run the cold tap for a couple of minutes."),
        ("c", "Okay. Is there anywhere we can get water in the meantime?"),
        ("a", "Yes, there's a bottled water station at the Co-op car park on the High Street. And I've put a note on your account so you'll get a text as soon as it's restored."),
        ("c", "Right, that helps, thanks."),
        ("a", "Is there anything else I can help you with this morning?"),
        ("c", "No, that's it."),
        ("a", "Thanks for calling, and again, sorry for the disruption. Take care."),
    ]),

    # 08 credit card (US), PII exposure: the agent reads the full 16-digit card number back, split across two turns ("four seven one six, two oh nine three..." / "...five five eight two, seven seven one oh") -> pii F. Activation, no problem -> empathy N. Agent ends without checking the need is met -> resolution F.
    dict(language="en", industry="banking", labels=labels(T, T, T, N, F, T, T, T, F), turns=[
        ("a", "Thank you for calling Meridian Card Services, this is Carlos. This call may be recorded. How can I help you today?"),
        ("c", "Hi, I got my new card in the mail and I need to activate it."),
        ("a", "Sure thing. Can I have your name and the last four of your Social?"),
        ("c", "Brian Walsh, and it's 6 6 0 2."),
        ("a", "Thank you, Mr. Walsh. And can you read me the number on the front of the new card?"),
        ("c", "Okay, it's 4716 2093 5582 7710."),
        ("a", "Let me just make sure I've got that right. Four seven one six, two oh nine three..."),
        ("c", "Yep."),
        ("a", "...five five eight two, seven seven one oh. Great, that matches. And the expiration date?"),
        ("c", "September twenty-eight."),
        ("a", "Perfect. The card is now active, and your old card has been closed. You'll want to update any automatic payments with the new number."),
        ("c", "Got it, will do. Thanks."),
        ("a", "Thanks for calling Meridian, Mr. Walsh. Have a great day."),
    ]),

    # 09 courier (UK), no disclosure: "I've recorded your complaint" is not a recording disclosure -> disclosure F. The agent reads out the DEPOT's phone number, not the customer's -> pii passes.
    dict(language="en", industry="logistics", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hi, you've reached Swiftline Parcels, this is Tom speaking. How can I help?"),
        ("c", "Hi Tom. My parcel says delivered but it's not here. I've checked with the neighbours, the porch, the bins, everywhere."),
        ("a", "I'm sorry about that, that's really frustrating. Can I get the tracking number and the postcode it was going to?"),
        ("c", "Tracking's S L 9 0 4 4 7 2 1 6, postcode M14 6HG."),
        ("a", "Thanks. And can I take your name, please?"),
        ("c", "Rachel Moore."),
        ("a", "Thanks, Rachel. Right, the driver's scan shows it was left 'in a safe place' at 2:14 yesterday, but there's no photo, and there should be."),
        ("c", "So where is it then?"),
        ("a", "I've recorded your complaint and opened a missing parcel investigation with the depot. They'll check the driver's GPS and speak to him today."),
        ("c", "And if they can't find it?"),
        ("a", "If it's not located within 48 hours, the sender is notified and they'll either resend or refund you. If you want to chase the depot directly, their number is 0161 496 0732."),
        ("c", "Okay, I'll give it till Thursday then."),
        ("a", "That sounds sensible. Is there anything else I can help with?"),
        ("c", "No, that's all."),
        ("a", "Thanks for your patience, Rachel. Bye for now."),
    ]),

    # 10 e-commerce (UK), RUDE early: sarcastic, mocking reply in the agent's second utterance ("No? Shocker... not as if I've got anything better to do"); the customer lets it pass. No recording notice -> disclosure F; late parcel / birthday worry never acknowledged -> empathy F.
    dict(language="en", industry="e-commerce", labels=labels(T, T, F, F, T, T, T, F, T), turns=[
        ("a", "Morning, Bramble and Co customer service, Leanne speaking."),
        ("c", "Hi, I'm ringing about an order. It was meant to come on Monday and it still hasn't turned up."),
        ("a", "Have you tried the tracking link in your confirmation email? No? Shocker. Go on then, I'll read it out for you, it's not as if I've got anything better to do. Order number?"),
        ("c", "It's B C 2 2 8 1 9 0."),
        ("a", "And the surname and postcode on the order?"),
        ("c", "Ahmed, L S 6 2 P Q."),
        ("a", "Right. It's been held at the local depot because the address label got damaged. It's going back out on the van tomorrow."),
        ("c", "Tomorrow for definite? It's a present for my son's birthday on Saturday."),
        ("a", "It's marked for delivery tomorrow, so it should be with you well before Saturday. You'll get a text with a one-hour slot in the morning."),
        ("c", "Okay. Fine."),
        ("a", "Anything else you need?"),
        ("c", "No, that's it."),
        ("a", "Okay, thanks for calling, bye."),
    ]),

    # 11 broadband (US), two fails: negated disclosure ("callback lines aren't recorded") -> disclosure F; the customer's problem is never acknowledged and the only "sorry" is "Sorry, could you repeat that?" -> empathy F.
    dict(language="en", industry="telecom", labels=labels(T, T, F, F, T, T, T, T, T), turns=[
        ("a", "Hi, Fibrelink support, this is Kevin, returning your callback request. Just so you know, callback lines aren't recorded. What's going on?"),
        ("c", "Hi, yeah, my internet keeps dropping out every twenty minutes or so, and I work from home, so it's been a total disaster this week. I've missed two client calls."),
        ("a", "Sorry, could you repeat that? You cut out for a second."),
        ("c", "The internet drops every twenty minutes. For about a minute each time."),
        ("a", "Okay. What's the account holder's name and the service address?"),
        ("c", "Laura Bennett, 88 Cedar Street, Columbus."),
        ("a", "Okay. I'm running a line test now."),
        ("c", "Sure."),
        ("a", "The line's showing a lot of errors. I'm going to push a new profile to your modem and book a technician for Thursday morning, between eight and twelve."),
        ("c", "Thursday? Fine, I guess. Will the profile thing help in the meantime?"),
        ("a", "It should cut down the drops. The modem will restart in about a minute."),
        ("c", "Okay."),
        ("a", "Is that everything you needed today?"),
        ("c", "Yeah, for now."),
        ("a", "Thanks for calling Fibrelink. Bye."),
    ]),

    # 12 energy smart meter (UK), TRAP: the agent repeats the engineer's insult ("Are you stupid or something, love?") word for word as a neutral quotation for the complaint, and says "you didn't do anything wrong" -> forbidden_language passes. All items pass.
    dict(language="en", industry="utilities", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, Thamesbridge Energy, you're speaking to Marcus. Please be aware calls are recorded. How can I help today?"),
        ("c", "Hi, I want to make a complaint about the engineer who came to fit my smart meter this morning."),
        ("a", "I'm sorry to hear that. I'll take all the details. Can I start with your account number and postcode?"),
        ("c", "It's 44 71 90 25, postcode R G 4 7 L B."),
        ("a", "Thank you, Mrs Osei. Go on, tell me what happened."),
        ("c", "He turned up an hour late, and when I asked him where the meter cupboard key was meant to be, he said, 'Are you stupid or something, love? It's your house.' And then he left mud all up the hall."),
        ("a", "That's completely unacceptable, and I'm really sorry. Just so I get the complaint exactly right, he said, quote, 'Are you stupid or something, love? It's your house.' Is that word for word?"),
        ("c", "Yes, that's exactly what he said."),
        ("a", "Thank you. I've logged it word for word against the engineer's job. To be clear, you didn't do anything wrong by asking, knowing that is his job. The field manager will call you within two working days."),
        ("c", "Okay. And the mud?"),
        ("a", "I've added a forty-pound goodwill credit to your account for the cleaning and the inconvenience. Is there anything else I can help with?"),
        ("c", "No, I think that covers it. Thank you."),
        ("a", "Thanks for letting us know, Mrs Osei, and again, I'm sorry. Take care, bye."),
    ]),

    # 13 bank (UK), abrupt ending: the agent's last utterance is just "Right." -> closing F. Transfer-limit request, no problem -> empathy N. Customer reads back an OTP; the agent exposes nothing.
    dict(language="en", industry="banking", labels=labels(T, T, T, N, T, F, T, T, T), turns=[
        ("a", "Good afternoon, Harbour and Vale Bank, Sophie speaking. Calls are recorded and may be monitored. How can I help?"),
        ("c", "Hello, I need to increase my daily transfer limit, I'm paying the deposit on a car tomorrow."),
        ("a", "Okay. Can I have your sort code and account number, please?"),
        ("c", "Sort code 20 45 77, account 61830294."),
        ("a", "And your full name and the first line of your address?"),
        ("c", "David Kemp, 9 Orchard Close."),
        ("a", "Thanks. I'm sending a one-time passcode to the mobile on the account now. Could you read it back to me?"),
        ("c", "Got it, it's 4 8 1 9 0 2."),
        ("a", "That's verified. Your current limit is five thousand pounds a day. What would you like it set to?"),
        ("c", "The deposit's eight thousand, so ten thousand to be safe?"),
        ("a", "I can set it to ten thousand for seven days, then it goes back to five thousand automatically."),
        ("c", "That's perfect."),
        ("a", "Done. It's active now. Anything else?"),
        ("c", "No, that's all, thanks very much."),
        ("a", "Right."),
    ]),

    # 14 courier (UK), RUDE mid-call: agent swears at and insults the customer ("Are you bloody deaf?"); customer objects. A 12.5 s gap after the customer gives the postcode, with no hold request -> long_silence F. No acknowledgement of the missed delivery -> empathy F; "Thanks, bye." still thanks -> closing T.
    dict(language="en", industry="logistics", labels=labels(T, T, T, F, T, T, F, F, T), turns=[
        ("a", "Hello, Parcelpoint Express, Dean speaking. Calls may be recorded. How can I help?"),
        ("c", "Hi, I've had a card saying you tried to deliver yesterday, but I was in all day and nobody knocked. Now it says I have to collect it from the depot."),
        ("a", "Tracking number?"),
        ("c", "P P 7 7 3 0 1 5 5 9."),
        ("a", "And the delivery postcode?"),
        ("c", "B S 5 9 J R."),
        ("a", "Right. Driver's scan says attempted delivery at 11:42, card left.", 12.5),
        ("c", "But I was in. I was literally sat by the front door working."),
        ("a", "It's showing an attempt. That's all I can see."),
        ("c", "Well, I'm telling you nobody knocked. Can he not just bring it back today?"),
        ("a", "Are you bloody deaf? He came, he knocked, nobody answered. I've said it twice now."),
        ("c", "There's no need to talk to me like that."),
        ("a", "Look, I can book a redelivery for Friday, or you can collect from the depot after four today. Which one?"),
        ("c", "Friday."),
        ("a", "Booked for Friday, eight till six. Anything else?"),
        ("c", "No."),
        ("a", "Thanks, bye."),
    ]),

    # 15 electricity (US), silence fail: a 14 s gap after the customer gives her name, and the agent never asked her to hold -> long_silence F. Everything else passes.
    dict(language="en", industry="utilities", labels=labels(T, T, T, T, T, T, F, T, T), turns=[
        ("a", "Thank you for calling Lakeshore Power and Light, my name is Andre. This call may be monitored or recorded. How can I help you?"),
        ("c", "Hi Andre. My bill this month is almost double what it normally is and I don't understand why. It's four hundred and ten dollars."),
        ("a", "I'm sorry, that's a big jump and I can see why you'd be concerned. Let's figure it out. Can I get the account number or the service address?"),
        ("c", "The account is 7720 1193 4."),
        ("a", "And can you verify the name on the account?"),
        ("c", "Patricia Nguyen."),
        ("a", "Okay, Patricia. So it looks like last month's reading was estimated, and this month we got an actual reading, so it's caught up two months of usage at once.", 14.0),
        ("c", "So I'm not actually using more?"),
        ("a", "Not really. Your daily average is about the same as this time last year. I can split the extra two hundred dollars over three months so you're not hit all at once."),
        ("c", "Yes, please, that'd help a lot."),
        ("a", "Done. You'll see about sixty-seven dollars added to each of the next three bills. Does that work for you?"),
        ("c", "Yes, that's fine."),
        ("a", "Great. Is there anything else I can help you with?"),
        ("c", "No, that's everything."),
        ("a", "Thanks for calling Lakeshore, Patricia. Have a good evening."),
    ]),

    # 16 credit card (US), RUDE late: the agent threatens the customer ("keep talking to me like that and I'll... send it to our recovery team today. Good luck getting a car loan after that"); customer reacts. The customer's own insult ("a bunch of crooks") does not count. Customer says only the last four digits.
    dict(language="en", industry="banking", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Thank you for calling Summit Card Services, this is Deborah. This call is being recorded. How can I help you?"),
        ("c", "Yeah, hi. I got a letter saying my account is past due, and I want to know why I'm being charged a forty-dollar late fee when I paid."),
        ("a", "Okay. Can I have the last four digits of the card and your date of birth?"),
        ("c", "Last four are 3 0 5 8, and it's November fourth, 1979."),
        ("a", "Thank you, Mr. Reyes. I'm showing your payment of sixty-five dollars posted on the 19th, but it was due on the 15th, so the fee applied."),
        ("c", "I mailed it on the 13th. It's not my fault your system takes a week to process a check. This is ridiculous."),
        ("a", "I understand it's frustrating. Checks can take up to five business days to post, which is why we recommend paying online."),
        ("c", "So you're just going to keep my forty bucks? Unbelievable. You people are a bunch of crooks."),
        ("a", "Sir, keep talking to me like that and I'll flag this account as uncooperative and send it to our recovery team today. Good luck getting a car loan after that."),
        ("c", "Are you threatening me?"),
        ("a", "I'm telling you how it works. Now, do you want to set up autopay so this doesn't happen again, or not?"),
        ("c", "...Fine. Set it up from my checking account."),
        ("a", "Done. Autopay's on for the minimum payment on the 10th of each month. Is there anything else?"),
        ("c", "No."),
        ("a", "Thank you for calling Summit. Goodbye."),
    ]),

    # 17 broadband/landline (UK), hold silence passes: 40 s of silence directly after the agent's "please hold for me" -> long_silence T. The customer says her own full number (allowed); the agent only says "ending 418" and "ending 207" -> pii T. All items pass.
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, you're through to Kestrel Broadband, it's Aisha. Calls are recorded for training and quality. How can I help?"),
        ("c", "Hi, my landline's gone dead since yesterday, and my mum's in hospital, so I really need people to be able to reach me."),
        ("a", "Oh, I'm sorry to hear about your mum, and with the phone off on top of that, it must be really stressful. Let's get it back up. Can I take the phone number on the account?"),
        ("c", "It's 01632 960 418."),
        ("a", "Thank you. And for security, can you confirm your date of birth?"),
        ("c", "Twenty-second of November, 1972."),
        ("a", "Thanks, Mrs Patel, so that's the line ending 418. I need to run a remote test on it, it takes a minute or so, so please hold for me."),
        ("a", "Thanks for holding. There's a fault at the cabinet on your street. An engineer's already assigned for tomorrow morning, and in the meantime I've diverted calls from the landline to the mobile ending 207 on your account, free of charge.", 40.0),
        ("c", "Oh, that's brilliant, thank you."),
        ("a", "The engineer slot is between eight and one, and you don't need to be in, as the fault's outside the property. Is there anything else I can help with today?"),
        ("c", "No, that's great, thank you so much."),
        ("a", "You're welcome. I hope your mum feels better soon. Thanks for calling Kestrel, bye-bye."),
    ]),

    # 18 credit card (UK), TRAP: curt agent firmly but politely refuses a fee waiver and states the contractual consequences as information (second late fee, reporting to credit reference agencies) -> not a threat, forbidden_language T. "I appreciate it's annoying" is the empathy. Customer gives only the last four digits.
    dict(language="en", industry="banking", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Atlas Bank credit cards, this is Imran. This call is recorded. How can I help?"),
        ("c", "Hi. I've been charged a twelve pound late fee and I want it taken off. I was on holiday and I forgot, that's all."),
        ("a", "Okay. Can I take your full name and date of birth, please?"),
        ("c", "Sarah Whitfield, second of February 1990."),
        ("a", "And the last four digits of the card?"),
        ("c", "7 7 2 1."),
        ("a", "Thank you. I can see the fee. I'm sorry, but I'm not able to remove it. We already waived a late fee on this account in March, and we can only do that once in twelve months."),
        ("c", "Seriously? It's twelve quid. Just take it off."),
        ("a", "I appreciate it's annoying, but the answer's still no, I'm afraid. I do need to let you know that the minimum payment of forty-five pounds is still outstanding. If it's not received by the 14th, a second late fee of twelve pounds will be added, and under your card agreement, two missed payments in a row are reported to the credit reference agencies."),
        ("c", "Great. Okay, I'll pay it now then."),
        ("a", "You can pay it in the app and it'll clear today. I can also set up a direct debit for the minimum so it doesn't happen again. Would you like that?"),
        ("c", "Yes, go on."),
        ("a", "Done, it'll take the minimum on the 5th of each month. Anything else I can help with today?"),
        ("c", "No."),
        ("a", "Thank you for calling, Ms Whitfield. Goodbye."),
    ]),

    # 19 mobile (UK), PII exposure: the agent reads the customer's full mobile number aloud in words ("oh seven seven double oh, nine double oh, three eight one" = 11 digits) -> pii F. Number port-in, no problem -> empathy N.
    dict(language="en", industry="telecom", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Hiya, thanks for calling Lumo Mobile, you're speaking with Callum. Just to let you know, calls are recorded for quality purposes. What can I help you with?"),
        ("c", "Hi Callum, I'm moving over to you from another network and I've got my PAC code, so I want to bring my number across."),
        ("a", "Nice one, welcome aboard. Can I grab your Lumo account number and your date of birth first?"),
        ("c", "Account's L M 4 4 0 9 1 7, and it's the third of August, 1995."),
        ("a", "Lovely, thanks, Miss Hughes. And what's the PAC code?"),
        ("c", "It's T W Q 4 4 1 8 2 7."),
        ("a", "Thank you. And the number you're bringing over is oh seven seven double oh, nine double oh, three eight one, is that right?"),
        ("c", "Yeah, that's the one."),
        ("a", "Great. The switch is scheduled for the next working day, so tomorrow. You might lose signal for an hour or so in the morning while it moves across."),
        ("c", "And I just keep the new SIM in?"),
        ("a", "Yep, keep the new SIM in. Once it's ported, your old number shows up on it automatically and the temporary number gets dropped."),
        ("c", "Sound."),
        ("a", "Anything else I can do for you today?"),
        ("c", "No, that's it, ta."),
        ("a", "No worries. Thanks for calling Lumo, have a good one."),
    ]),

    # 20 mobile (US), RUDE at the end: the agent's last utterance contemptuously brushes the customer off ("I've got a queue full of people with actual problems... stop wasting my time"); the customer hangs up. Last agent utterance is rude, not a polite close -> closing F; no resolution check -> F; the disputed charge never acknowledged -> empathy F.
    dict(language="en", industry="telecom", labels=labels(T, T, T, F, F, F, T, F, T), turns=[
        ("a", "Thanks for calling Vantage Wireless, this is Kyle. Calls are recorded for quality. What's going on today?"),
        ("c", "Hi Kyle. There's a charge on my bill for three dollars and forty cents for premium texts, and I've never signed up for anything like that."),
        ("a", "Okay, can I get the account PIN?"),
        ("c", "It's 8 8 1 4."),
        ("a", "Thanks. So those are texts from a short code, 4 4 6 2 1. Looks like a premium subscription, some kind of horoscope service."),
        ("c", "I never signed up for a horoscope anything. Can you take the charge off and block it?"),
        ("a", "I've put a premium SMS block on the line, so it won't happen again."),
        ("c", "Okay, and the three forty?"),
        ("a", "You'd have to dispute that with the third party."),
        ("c", "Seriously? It's on your bill. You charged me. Can't you just credit it? It's three dollars."),
        ("a", "Exactly, it's three dollars. I've got a queue full of people with actual problems, so maybe go argue about your horoscope money with the horoscope people and stop wasting my time."),
        ("c", "Wow. Okay then."),
    ]),
]


_B = [
    # 01 hospital (IE), outpatient physio reschedule. Greeting F: a proper greeting, but the first utterance only starts at 18 s.
    #    long_silence T: the 18 s lead-in is not a gap between two utterances. Empathy N: a plain rescheduling request, no problem voiced.
    dict(language="en", industry="hospital", first=18.0, labels=labels(F, T, T, N, T, T, T, T, T), turns=[
        ("a", "Good morning, St Brigid's Hospital outpatients, Aoife speaking. Just to let you know, calls are recorded for training and quality. How can I help you?"),
        ("c", "Hi Aoife, yeah, I've a physio appointment next Tuesday and I was hoping to move it to the afternoon if there's any chance."),
        ("a", "No problem at all. Can I take your full name and date of birth first?"),
        ("c", "It's Ciarán Walsh, W-A-L-S-H, and it's the fourteenth of March, 1986."),
        ("a", "Grand, thanks Ciarán. And the first line of your address, just so I know I have the right chart?"),
        ("c", "Forty-two Glenview Park, Tallaght."),
        ("a", "Perfect, that's you. So you're down for Tuesday at half nine with Niamh. She has a three-fifteen the same day, or a two o'clock on the Thursday."),
        ("c", "Oh, the three-fifteen on the Tuesday would be ideal."),
        ("a", "Lovely, I've moved you to three-fifteen on Tuesday the ninth, same clinic, ground floor. You'll get a text confirming it within the hour. Does that suit you okay, and is there anything else I can do for you?"),
        ("c", "No, that's everything, thanks a million."),
        ("a", "Not at all. Thanks for calling, Ciarán, bye now."),
    ]),

    # 02 car rental (US), refuelling fee dispute. RUDE (condescension, mid-call): "let me go through this really slowly for you... not that
    #    complicated"; customer objects. Empathy F: the complaint is never acknowledged. Resolution F: no check that the need is met.
    dict(language="en", industry="car rental", labels=labels(T, T, T, F, F, T, T, F, T), turns=[
        ("a", "Thank you for calling Redline Car Rental, this is Travis. This call may be monitored or recorded. How can I help you today?"),
        ("c", "Hi, yeah, I returned a car at the Denver airport location on Sunday and I've just been charged a sixty-eight dollar refueling fee. I filled the tank up like two miles before I dropped it off."),
        ("a", "Okay. Can I get the rental agreement number and the last name on the booking?"),
        ("c", "Sure, it's R-A, 5-5-0-2-9-1-7, last name Okafor."),
        ("a", "Thank you, Ms. Okafor. Alright, so the return record shows the gauge at seven-eighths."),
        ("c", "Seven-eighths? I literally just filled it. Maybe it dropped a little on the way back, but that's basically full."),
        ("a", "Okay, let me go through this really slowly for you, since it obviously didn't sink in at the counter. Full means full. Not basically full, not nearly full. It's honestly not that complicated, ma'am."),
        ("c", "Wow. Okay. There's no need to talk to me like I'm a child."),
        ("a", "I'm just explaining the policy. The fee is for the fuel plus the service charge, and it's in the agreement you signed."),
        ("c", "So you're not taking it off."),
        ("a", "No. If you have a gas receipt with a time stamp you can email it to receipts at redline rentals dot com and they'll review it."),
        ("c", "Fine. I'll dig it out."),
        ("a", "Okay. Thanks for calling Redline, have a good one."),
    ]),

    # 03 insurance (UK), stolen car. Empathy F: customer says he is shaken, agent never acknowledges it; the only "sorry" is
    #    "Sorry, can you repeat the registration", which is not empathy. Everything else passes.
    dict(language="en", industry="insurance", labels=labels(T, T, T, F, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Harbourside Insurance claims, you're speaking with Gemma. Calls are recorded for training and monitoring purposes. How can I help?"),
        ("c", "Hi, yeah, um, my car's been stolen. Off the drive. Last night. I've just come out and it's gone, I'm still a bit shaky to be honest."),
        ("a", "Okay. Can I take your policy number, please?"),
        ("c", "Yeah, it's H-I, 7-7-3-0-4-1-8."),
        ("a", "And your full name and date of birth?"),
        ("c", "Daniel Price, second of August, 1979."),
        ("a", "Thank you. And the registration of the vehicle?"),
        ("c", "It's, er, Lima Kilo one nine, Hotel... Tango... sorry, I can't think straight."),
        ("a", "Sorry, can you repeat the registration from the start?"),
        ("c", "L-K-1-9, H-T-X."),
        ("a", "Thank you. Have you reported it to the police, and do you have a crime reference number?"),
        ("c", "Yeah, they gave me one, it's 4-4-1-2-0-9-8-7."),
        ("a", "Okay, I've opened the claim. Your reference is C-L-9-9-0-2-1. A claims handler will call you within two working days, and your policy includes a hire car once the claim's been accepted. Is there anything else I can help with today?"),
        ("c", "No, I think that's it."),
        ("a", "Okay. Thank you for calling Harbourside, goodbye."),
    ]),

    # 04 airline (US), delayed bag. TRAP: the CUSTOMER swears and calls the airline useless; the agent stays calm and empathetic,
    #    so forbidden_language T. All items pass.
    dict(language="en", industry="airline", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hi, thanks for calling Pacific Crest Airlines baggage services, my name's Jordan. Just so you know, this call is recorded for quality purposes. What can I do for you?"),
        ("c", "Yeah, what you can do is find my goddamn bag. It's been four days. Four days! You people are absolutely useless, this is fucking ridiculous."),
        ("a", "I completely understand, four days without your bag is really frustrating, and I'm sorry you've been left waiting. Let me pull up the file. Do you have your baggage reference number?"),
        ("c", "It's L-A-X, P-C, 8-8-4-1-2."),
        ("a", "Thank you. And can you confirm the last name on the file?"),
        ("c", "Delgado."),
        ("a", "Thanks, Mr. Delgado. Okay, I can see the bag was scanned in Seattle yesterday evening, it was put on the wrong connection. It went out on the first flight into LAX this morning and it's already been assigned to our courier."),
        ("c", "Yeah, I've heard that crap before. Your guy on Tuesday told me the exact same thing."),
        ("a", "I hear you, and I'm sorry about that. The difference today is it's physically scanned in at LAX at 9:40 this morning, so it's in the building. The courier window is two to six p.m. today, to the address on file in Pasadena."),
        ("c", "Fine. And I had to buy clothes and stuff, am I getting that back?"),
        ("a", "Yes, for delayed bags you can claim reasonable interim expenses up to fifty dollars a day. Keep your receipts and submit them through the link in the text I'm sending you now. Does that cover what you needed, or is there anything else I can help with?"),
        ("c", "No. Just get it here."),
        ("a", "Will do. Thanks for your patience, Mr. Delgado, and have a good rest of your day."),
    ]),

    # 05 food delivery (AU), cold food and missing chips. RUDE (insult, mid-call): "don't be such a drama queen"; customer goes quiet.
    #    Empathy T from the early "Oh no, sorry to hear that". Disclosure F: never mentions recording.
    dict(language="en", industry="food delivery", labels=labels(T, T, F, T, T, T, T, F, T), turns=[
        ("a", "G'day, you've called Snapbite support, Kyle speaking, what can I do for you?"),
        ("c", "Hi Kyle. Yeah, my order just turned up and the burgers are stone cold and the chips are missing altogether."),
        ("a", "Oh no, sorry to hear that. What's the order number there?"),
        ("c", "It's S-B, 2-0-7-7-1-6."),
        ("a", "And can I just confirm the email on the account?"),
        ("c", "It's m dot nguyen eighty-three at gmail dot com."),
        ("a", "Yep, that's you, Mai. Righto, I can see the driver picked it up about forty minutes before it got to you, so that'd explain the cold food. I can put a twelve-dollar credit on your account for the chips."),
        ("c", "Twelve dollars? The whole meal was forty-six. I want the whole thing refunded, I'm not eating cold burgers, it's disgusting."),
        ("a", "Look, don't be such a drama queen, it's a couple of cold burgers, not the end of the world. Whack 'em in the microwave."),
        ("c", "...Right.", 4.0),
        ("a", "Anyway, best I can do is refund the chips and the two burgers, so that's thirty-four back to your card in three to five business days."),
        ("c", "Fine, whatever."),
        ("a", "Done. Anything else I can help with?"),
        ("c", "No."),
        ("a", "No worries. Cheers, Mai, have a good night."),
    ]),

    # 06 university (US), transcript request. Greeting F: "Hi there" plus a recording notice, but names neither the university nor
    #    the agent. Empathy N: routine request, no problem. Student ID spoken by the customer is not PII under the definition.
    dict(language="en", industry="university", labels=labels(F, T, T, N, T, T, T, T, T), turns=[
        ("a", "Hi there, just so you know, this call may be recorded for quality assurance. How can I help you today?"),
        ("c", "Hi, I'm a graduate, I finished in 2019, and I need an official transcript sent to a law school."),
        ("a", "Sure thing, I can help with that. Can I get your student ID number, or if you don't have it, your full name and date of birth?"),
        ("c", "I have it, it's 9-0-0-3-4-7-1-2-6."),
        ("a", "Thanks. And your date of birth?"),
        ("c", "June twenty-second, 1997."),
        ("a", "Great, I've got you, Emily Hartmann, Bachelor of Arts in Political Science. Where does the transcript need to go?"),
        ("c", "It's going through LSAC, so the electronic one to their credential assembly service."),
        ("a", "Perfect, we send those electronically all the time. It's fifteen dollars, and I'll email you a secure payment link now. Once it's paid, it goes out within one business day. Does that take care of everything?"),
        ("c", "Yep, that's it, thank you."),
        ("a", "You're very welcome. Good luck with law school, Emily. Bye now."),
    ]),

    # 07 letting agent / property management (UK), tenant giving notice. PII F: the agent reads the customer's full mobile number
    #    (07700 900461) aloud to check it. Empathy N: moving out is not a problem or complaint. All other items pass.
    dict(language="en", industry="property management", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Morning, Kingsgate Lettings, it's Hannah speaking, calls are recorded for training purposes. How can I help?"),
        ("c", "Oh hi Hannah, I'm a tenant in one of your flats on Mill Road, I'm calling to give notice, we're moving out at the end of June."),
        ("a", "Oh lovely, exciting. Can I take your name and the full address of the property?"),
        ("c", "Yes, it's Tom Beckett, Flat 3, 27 Mill Road, Cambridge, CB1 2AD."),
        ("a", "Thanks, Tom. And just to check I've got the right contact details, I've got your mobile as 07700 900461, is that still the best number?"),
        ("c", "Yeah, that's the one."),
        ("a", "Perfect. So your tenancy's gone periodic now, which means it's one month's notice ending on a rent day. If I date it from today, the earliest end date would be the 28th of June."),
        ("c", "Great, yeah, the 28th is fine."),
        ("a", "Lovely. I'll email you the notice confirmation today along with the check-out guide, and we'll be in touch to book the check-out inspection. Your deposit's protected with the DPS, so that'll be released once the inspection's done. Is there anything else I can help with?"),
        ("c", "No, that's great, thanks."),
        ("a", "You're welcome, Tom. Thanks for calling, bye bye."),
    ]),

    # 08 government helpline (UK), council tax summons costs. RUDE (rude blaming + contemptuous brush-off, at the END): "that's your
    #    lookout... people who can't be bothered to open their post. Pay it or don't". Customer reacts. That rude line is the agent's last
    #    utterance, so closing F; empathy F (worry and hospital stay ignored); resolution F.
    dict(language="en", industry="government helpline", labels=labels(T, T, T, F, F, F, T, F, T), turns=[
        ("a", "Good afternoon, Northfield Borough Council, council tax line, Gary speaking. Calls are recorded for quality and training purposes."),
        ("c", "Hi, yes, I've had a letter saying there's a summons and an extra eighty-five pounds in costs added to my bill, and I'm really worried, I've never had anything like this before."),
        ("a", "Account number, please."),
        ("c", "It's 6-0-0-4-4-1-9-2-7."),
        ("a", "And the address of the property?"),
        ("c", "12 Ashdown Close, NF4 7QT."),
        ("a", "Right. So you missed the March and April instalments, you were sent a reminder and then a final notice, and then the summons was issued. The costs are added at that point."),
        ("c", "I was in hospital for most of March, I honestly didn't see the letters until last week. Is there no way to get the eighty-five pounds taken off? I can pay the arrears today."),
        ("a", "If you pay the full arrears plus costs before the hearing date, the case is withdrawn. The costs stay."),
        ("c", "But I wasn't even at home. Surely that counts for something?"),
        ("a", "Look, that's your lookout, not mine. The letters went to the right address, and it's not the council's job to chase people who can't be bothered to open their post. Pay it or don't, it's up to you."),
        ("c", "Wow. Okay. Thanks for nothing."),
    ]),

    # 09 clinic (AU), anxious patient waiting on blood results. The agent says "just hold the line for me" and a 48 s silence follows:
    #    long_silence T because that utterance asked the customer to hold. Empathy T. All items pass.
    dict(language="en", industry="clinic", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Bayside Family Medical, this is Leanne. Just letting you know our calls are recorded. How can I help?"),
        ("c", "Hi Leanne, um, I had some blood tests done last week and Dr Patel said someone would ring me, but I haven't heard anything and I'm getting a bit anxious about it, to be honest."),
        ("a", "Oh, I'm sorry, waiting on results is no fun at all. Let's have a look for you. Can I grab your full name and date of birth?"),
        ("c", "Sarah Kowalski, 3rd of November, 1990."),
        ("a", "Thanks Sarah. And can you confirm your home address for me?"),
        ("c", "Unit 5, 18 Esplanade, St Kilda."),
        ("a", "Lovely, thank you. The results are in, but I need to check with Dr Patel whether she'd like to go over them with you herself. Is it okay if I pop you on hold while I ask her?"),
        ("c", "Yeah, sure."),
        ("a", "Great, just hold the line for me, I won't be long."),
        ("a", "Thanks so much for holding, Sarah. I've spoken to Dr Patel, she says everything's come back within the normal range, nothing to worry about, and she's happy for me to tell you. She'd just like you to repeat the iron test in three months.", 48.0),
        ("c", "Oh, thank God. That's a relief."),
        ("a", "I bet. Would you like me to book that repeat blood test in now, for early February?"),
        ("c", "Yes please, a morning if possible."),
        ("a", "Done, Tuesday the 4th of February at 8:40 with the nurse. You'll get an SMS reminder the day before. Is there anything else I can help you with today?"),
        ("c", "No, that's all, thank you so much."),
        ("a", "You're welcome, Sarah. Take care, bye."),
    ]),

    # 10 airline (IE), urgent flight change, mother in hospital. long_silence F: 14 s of dead air after the CUSTOMER gives her
    #    surname; the agent never asked her to hold. The agent says only the last four card digits (0388), so PII T.
    dict(language="en", industry="airline", labels=labels(T, T, T, T, T, T, F, T, T), turns=[
        ("a", "Hello, you're through to Emerald Atlantic reservations, my name is Declan. This call is recorded for training purposes. How can I help you today?"),
        ("c", "Hi Declan. I'm flying Boston to Dublin on the 20th, but my mam's after being taken into hospital, so I need to get home as soon as I can."),
        ("a", "Ah, I'm very sorry to hear about your mam. We'll do our best to get you home quickly. Can I have your booking reference?"),
        ("c", "It's Echo, Alpha, seven, Kilo, two, Quebec."),
        ("a", "Thank you. And can you confirm the surname on the booking?"),
        ("c", "Brennan. Siobhán Brennan."),
        ("a", "Right, Siobhán, there's a seat on tonight's EA 138 leaving Boston at 9:15, into Dublin at 8:50 tomorrow morning. The change fee would normally be seventy-five euro, but I'll waive that given the circumstances. There's a fare difference of sixty-two euro.", 14.0),
        ("c", "That's grand, go ahead, thank you so much."),
        ("a", "No bother. I'll take the sixty-two off the card you booked with, the one ending 0-3-8-8, is that okay?"),
        ("c", "Yes, that's fine."),
        ("a", "Done. Your new e-ticket is on its way to your email. Is there anything else I can do for you?"),
        ("c", "No, that's everything. Thanks, Declan."),
        ("a", "Safe travels, Siobhán, and I hope your mam's on the mend soon. Bye now."),
    ]),

    # 11 property management (IE), broken boiler, elderly tenant. RUDE (swearing at the customer, EARLY): "for feck's sake... not the
    #    bloody boiler again"; customer objects. Verification F: the agent recognises her and never checks identity. Disclosure F.
    #    Empathy F: no heat/hot water never acknowledged. "Anything else?" = resolution T; "thanks, bye" = closing T.
    dict(language="en", industry="property management", labels=labels(T, F, F, F, T, T, T, F, T), turns=[
        ("a", "Hello, Liffey Property Management, Shane speaking."),
        ("c", "Hello Shane, it's Mrs Dunne in Apartment 14, Riverside Court. It's the boiler again, there's no hot water and no heat since last night."),
        ("a", "Ah, for feck's sake, Mrs Dunne, not the bloody boiler again. I told you yesterday, the fella's coming when he's coming. Ringing me every five minutes won't make him come any quicker."),
        ("c", "There's no need to speak to me like that. I'm seventy-eight years of age and I'm sitting here in my coat."),
        ("a", "Yeah. Look. I'll ring the plumber now and see where he is."),
        ("c", "Thank you."),
        ("a", "Right, he says he's finishing a job in Lucan and he'll be with you by two o'clock. He has the part with him this time."),
        ("c", "By two. Alright. And if he doesn't come?"),
        ("a", "He'll come. Anything else?"),
        ("c", "No, that's all."),
        ("a", "Right so, thanks, bye."),
    ]),

    # 12 hospital (UK), PALS complaint about a rude A&E receptionist. TRAP: the agent repeats "time-waster" / "stop whinging" only as
    #    quotes for the complaint, and negates them ("is not time-wasting"), so forbidden_language T. Disclosure F: "I've recorded your
    #    complaint" is not a recording notice. The customer says her own phone number, and the agent does not repeat it: PII T.
    dict(language="en", industry="hospital", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Patient Advice and Liaison Service at Westbrook General, you're speaking with Marcus. How can I help?"),
        ("c", "Hi, yes, I want to make a complaint about the receptionist in A&E on Saturday night. I brought my son in with a really high temperature, and when I asked how much longer we'd be, she rolled her eyes, called me a time-waster and told me to stop whinging."),
        ("a", "I'm really sorry, that must have been awful on top of worrying about your son. Is he alright now?"),
        ("c", "He's fine now, thank God, it was an ear infection. But I was so upset."),
        ("a", "I'm glad he's on the mend. Can I take your name and a contact number, and your son's name and date of birth, so I can find the attendance?"),
        ("c", "I'm Rachel Osei, 07700 900318, and he's Kwame Osei, 9th of September 2019."),
        ("a", "Thank you, Rachel. And was that the main A&E or the children's unit?"),
        ("c", "The main one, about eleven o'clock on Saturday night."),
        ("a", "Okay. So just so I've got it right for the complaint: you asked about the waiting time, and the receptionist called you a 'time-waster' and told you to 'stop whinging'. Is that right?"),
        ("c", "Yes, those were her exact words."),
        ("a", "Right. Well, for what it's worth, asking how long your child will wait is not time-wasting, and it certainly isn't whinging. I've recorded your complaint as a formal one, reference P-A-L-S 4-4-0-7, and the A&E manager has to respond in writing within twenty-five working days."),
        ("c", "Okay. Thank you, that's all I wanted really, for it to be taken seriously."),
        ("a", "It will be. Is there anything else I can help you with today?"),
        ("c", "No, that's it."),
        ("a", "Thank you for calling, Rachel, and I hope Kwame stays well. Goodbye."),
    ]),

    # 13 food delivery (UK), missing drinks. Verification F: the customer volunteers his order number and name up front, and the
    #    agent never asks for or confirms anything. Everything else passes.
    dict(language="en", industry="food delivery", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Hiya, you're through to Dishdash customer care, it's Priya. Just so you know, calls are recorded for training. What can I do for you?"),
        ("c", "Hi Priya, my order number's D-D, 5-1-9-3-3-0, name's Liam Carter. The food's arrived but both drinks are missing, two Diet Cokes."),
        ("a", "Oh, I'm sorry about that, that's really annoying when you've been waiting. Let me have a look."),
        ("c", "Cheers."),
        ("a", "Right, yeah, I can see the restaurant marked them as packed, but I'll take your word for it. I'll refund the two drinks, that's three pounds ninety, back to the original payment, and I'll pop a two-pound voucher on your account for the trouble."),
        ("c", "Oh, that's decent, thanks."),
        ("a", "No worries. The refund takes three to five working days. Is there anything else I can help with?"),
        ("c", "No, that's all, ta."),
        ("a", "Lovely, enjoy your dinner, Liam. Bye!"),
    ]),

    # 14 insurance (US), partly denied water-damage claim. RUDE (threat, LATE): "You keep pushing this and I'll have the file sent over
    #    to our fraud unit", with sarcastic quotes around "sudden"; the customer reacts after a pause. Empathy T from the early apology.
    #    Resolution F: no check that the need is met.
    dict(language="en", industry="insurance", labels=labels(T, T, T, T, F, T, T, F, T), turns=[
        ("a", "Thank you for calling Liberty Shield Insurance, this is Kevin. This call may be recorded for quality and training purposes. How can I help you?"),
        ("c", "Hi Kevin, I had a pipe burst under my kitchen sink two weeks ago, the whole floor's ruined, and I just got a letter saying only part of the claim is covered. I don't understand it."),
        ("a", "Sorry to hear about the kitchen, that's a lot of mess to deal with. Can I get your policy number and date of birth?"),
        ("c", "Policy is L-S-H, 3-3-0-8-1-5-6, and my birthday's April 9th, 1968."),
        ("a", "Thanks, Mrs. Alvarez. Okay, so the adjuster's report says the leak had been going on for some time, there's rot in the subfloor, so the gradual damage is excluded. We're covering the cabinets and the sudden water damage, about forty-two hundred."),
        ("c", "That's not right though. It was fine until that morning. The subfloor quote alone is nine thousand dollars. I want somebody else to look at it."),
        ("a", "You can request a re-inspection, but the adjuster was pretty clear."),
        ("c", "Then I want the re-inspection. And honestly, I think I'm going to talk to a lawyer, because this feels like you're just looking for reasons not to pay."),
        ("a", "Ma'am, I'd be careful. You keep pushing this and I'll have the file sent over to our fraud unit, and you can explain to them how a 'sudden' leak rotted half your subfloor. Up to you."),
        ("c", "...Are you threatening me?", 4.0),
        ("a", "I'm just telling you how it works. I've put in the re-inspection request. Someone will call you in seven to ten business days."),
        ("c", "Fine."),
        ("a", "Thanks for calling Liberty Shield, have a good day."),
    ]),

    # 15 car rental (AU), extending a rental by two days. Disclosure F: the agent says the line is NOT recorded. A 9.5 s gap (not after
    #    a hold request) stays under the limit, so long_silence T. The customer says his own mobile number: PII T. Empathy N.
    dict(language="en", industry="car rental", labels=labels(T, T, F, N, T, T, T, T, T), turns=[
        ("a", "Good morning, Coastline Car Hire Cairns, Bec speaking, how can I help?"),
        ("c", "Morning Bec. I've got one of your cars at the moment, a RAV4, and I'd like to keep it an extra couple of days if I can, bring it back Sunday instead of Friday."),
        ("a", "Yeah, should be able to sort that for you. What's your booking number?"),
        ("c", "It's C-C-H, 4-7-1-2-0."),
        ("a", "And the surname and the mobile number on the booking?"),
        ("c", "Murray, and it's 0412 558 903."),
        ("a", "Thanks, Mr Murray. Just so you know, this line's not recorded, so I'll pop a note on the booking and email you the changes in writing. Okay, so that's two extra days on the RAV4 at the same rate, seventy-eight a day, so a hundred and fifty-six extra, and your return's now Sunday the 14th by 10 a.m. at the airport.", 9.5),
        ("c", "Beaut, that's fine."),
        ("a", "Lovely. It'll go on the card you've got on file. Does that all sound okay, anything else you need?"),
        ("c", "Nah, that's it, cheers."),
        ("a", "No worries, enjoy the extra couple of days. Bye!"),
    ]),

    # 16 airline (US), refund for a cancelled flight. PII F: the agent reads out the full 16-digit Visa number in words, split across two
    #    turns ("four five three nine, seven seven one two..." / "...zero eight eight six, two one four three"). All other items pass.
    dict(language="en", industry="airline", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Thanks for calling Blue Mesa Airlines, my name is Tanya. Calls are recorded for quality assurance. How can I help you today?"),
        ("c", "Hi Tanya, my flight from Phoenix to Chicago on Friday got cancelled and I've already rebooked with another airline, so I just want my money back."),
        ("a", "Oh, I'm so sorry about the cancellation, I know that throws everything off. Let's get your refund going. What's the confirmation code?"),
        ("c", "It's K-L-9-M-4-T."),
        ("a", "And the passenger's first and last name?"),
        ("c", "Robert Finch."),
        ("a", "Thanks, Robert. Okay, I see flight 612, cancelled due to a crew issue, so you're entitled to a full refund of three hundred eighteen dollars and forty cents. It goes back to the original form of payment. I have that as a Visa, four five three nine, seven seven one two..."),
        ("c", "Uh-huh."),
        ("a", "...zero eight eight six, two one four three. Is that still the card you want it on?"),
        ("c", "Yeah, that's right."),
        ("a", "Perfect. I've submitted the refund, it should show up in five to seven business days, and you'll get an email confirmation within the hour. Does that take care of everything for you?"),
        ("c", "Yep, that's all I needed."),
        ("a", "Great. Thanks for flying with us, Robert, and sorry again about Friday. Have a great day."),
    ]),

    # 17 property management (AU), tenant short on rent. TRAP: a firm but polite refusal to waive the late fee, and a warning about a
    #    notice to remedy under the tenancy agreement, given as information ("That's not me saying you'll miss it"). Not rude. All pass.
    dict(language="en", industry="property management", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good afternoon, Harbour Realty property management, this is Josh. Just letting you know calls are recorded. How can I help?"),
        ("c", "Hi Josh, it's Ella Thompson, I rent the townhouse at 9 Waratah Street, Marrickville. I've got a bit of a problem, my hours got cut at work and I'm going to be short on rent this fortnight."),
        ("a", "Sorry to hear that, Ella, that's a stressful spot to be in. Can I just confirm your date of birth and the email on your tenancy so I'm in the right file?"),
        ("c", "Twenty-first of May, 1995, and ella dot t dot thompson at outlook dot com."),
        ("a", "Thanks. Okay, I can see the rent of twelve hundred and forty is due on the 7th. What were you thinking in terms of timing?"),
        ("c", "Could I pay half on the 7th and the rest on the 21st? And is there any chance the late fee could be waived?"),
        ("a", "I can set up a payment plan for half on the 7th and half on the 21st, the owner's approved arrangements like that before. The late fee I'm not able to waive, I'm sorry. It's set out in the agreement and I don't have the authority to remove it."),
        ("c", "Right. That's a bit rough."),
        ("a", "I understand. I do need to be upfront with you, though: if the second payment isn't received by the 21st, we'd be required to issue a notice to remedy under the tenancy agreement. That's not me saying you'll miss it, it's just how the process works, and I'd rather you know now."),
        ("c", "Yeah, fair enough. Thanks for being straight with me."),
        ("a", "No worries. I'll email the payment plan through this afternoon for you to sign. Is there anything else I can help with?"),
        ("c", "No, that's it."),
        ("a", "Thanks for letting us know early, Ella. Take care, bye."),
    ]),

    # 18 government helpline (US), expired driver's license after a move. Resolution F: the agent answers the last question and never
    #    checks the need is met or asks if there's anything else. Closing F: the last agent utterance is an abrupt "Okay, link's sent."
    dict(language="en", industry="government helpline", labels=labels(T, T, T, T, F, F, T, T, T), turns=[
        ("a", "Good morning, Department of Motor Vehicles, this is Carla. Calls are monitored and recorded. How may I help you?"),
        ("c", "Hi, yeah, I moved from Dayton to Columbus in the spring and I think my renewal notice went to the old address, because my license expired last week and I have to drive for work. I'm kind of freaking out."),
        ("a", "Oh no, I understand, that's stressful. The good news is you can renew over the phone with me today. Can I get your driver's license number?"),
        ("c", "It's R-T, 4-4-8-1-9-0-3-2."),
        ("a", "And your date of birth?"),
        ("c", "October 2nd, 1988."),
        ("a", "Okay, Mr. Jenkins. First I'm updating your address. What's the new one?"),
        ("c", "1450 Maple Grove Avenue, apartment 3B, Columbus, 43215."),
        ("a", "Got it. Now, since it's under thirty days expired, there's no late penalty. The renewal fee is twenty-six fifty, and I'll text you a payment link. Once you pay, you'll get a temporary license by email that you can use right away, and the card comes in the mail in about ten business days."),
        ("c", "Okay, great, so I can drive tomorrow if I pay tonight?"),
        ("a", "Yes, with the temporary printed out or on your phone."),
        ("c", "Awesome. Okay."),
        ("a", "Okay, link's sent."),
    ]),

    # 19 insurance (AU), updating the direct-debit card. The customer reads her own full card number (allowed). The agent says only
    #    "mobile ending in 3-9-2" and "Mastercard ending in 4-4-1-7", masked forms, so PII T. Empathy N: no problem. All pass.
    dict(language="en", industry="insurance", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Hi, thanks for calling Southern Cross Mutual, you're speaking with Nathan. This call's recorded for quality and training. How can I help?"),
        ("c", "Hi Nathan, I just need to update the card my car insurance comes out of, I've got a new one."),
        ("a", "Easy done. Can I get your policy number, please?"),
        ("c", "It's M-V, 2-2-8-1-0-4-6."),
        ("a", "Thanks. And to confirm, your full name and date of birth?"),
        ("c", "Jessica Tran, 17th of January, 1992."),
        ("a", "Lovely, thanks Jessica. And for security I'll send a code to the mobile ending in 3-9-2. Can you read it out when it comes through?"),
        ("c", "Yep... it's 7-1-4-0-5-5."),
        ("a", "Perfect, that's you. Now, you're welcome to read the new card number out to me, or I can text you a secure link, whichever you prefer."),
        ("c", "I'll just read it. It's 5-2-1-7, 3-3-0-4, 8-8-1-6, 4-4-1-7, expiry oh-nine twenty-eight."),
        ("a", "Thanks. So that's the Mastercard ending in 4-4-1-7, expiring September twenty-eight. I've updated it, and your next monthly payment of a hundred and twelve dollars thirty will come off that card on the 3rd."),
        ("c", "Great."),
        ("a", "Is there anything else I can help you with today?"),
        ("c", "No, that's all, thanks."),
        ("a", "No worries, Jessica. Thanks for calling, have a good one."),
    ]),

    # 20 airline (UK), passenger missed her flight at the wrong terminal. RUDE (sarcasm/mocking, EARLY): "reading it is more of an
    #    optional extra these days", plus a later jibe; the customer pushes back. Empathy F: her stress is never acknowledged. The 22 s gap
    #    follows "Bear with me a moment while I check", a request to wait, so long_silence T. "Anything else?" = resolution T.
    dict(language="en", industry="airline", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good morning, Albion Airways, you're through to Oliver. Calls are recorded for training and monitoring. How can I help?"),
        ("c", "Hi, I've just missed my flight to Edinburgh. I went to the North Terminal and it was going from the South, and by the time I got across, the gate had closed."),
        ("a", "Right. The terminal is printed on your boarding pass, in fairly large letters, but I suppose reading it is more of an optional extra these days."),
        ("c", "Sorry, are you being funny with me? I'm standing here with my suitcase and I need to get to Edinburgh today."),
        ("a", "Just an observation. Booking reference?"),
        ("c", "It's Q-W-4-R-8-P. Name's Patel, Anjali Patel."),
        ("a", "And the email address on the booking?"),
        ("c", "anjali dot patel at btinternet dot com."),
        ("a", "Bear with me a moment while I check what's left today."),
        ("a", "There's a seat on the 15:40 from the South Terminal. As a no-show it's a rebooking fee of sixty pounds plus the fare difference of forty-five, so a hundred and five in total.", 22.0),
        ("c", "Fine. Just book it."),
        ("a", "Done. Your new boarding pass is in your email. South Terminal, in case that needs saying. Anything else?"),
        ("c", "No."),
        ("a", "Thank you for flying Albion, goodbye."),
    ]),
]


CALLS = _A + _B
