# ruff: noqa: E501 -- one turn a line
"""A ninth blind split: 40 English calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call, to the mix of blind5; measured once, when
the scorer had been mended on blind8."""

from fresh import F, N, T, labels

_A = [
    # 01 mobile phone repairs, young customer in Columbus, Ohio. Rudeness out in the open early on ("I can spell, bud", "are you deaf", "not my problem") -> forbidden F.
    # empathy F: the customer's lost income is met only with "Sorry, what?" (not empathy) and blame.
    dict(language="en", industry="mobile phone repairs", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Hi, thanks for calling QuickFix Phone Repair, Easton store, this is Tyler. Heads up, calls are recorded for quality. What can I do for you?"),
        ("c", "Hey, yeah, um, so I dropped my phone off Saturday for the screen? And I'm just kinda wondering when it's gonna be ready.", 1.2),
        ("a", "Last name on the ticket?", 0.8),
        ("c", "Kowalski. K-O-W-A-L-", 0.6),
        ("a", "Yeah, I can spell Kowalski, bud. Okay... it's waiting on a part. Thursday.", 3.5),
        ("c", "Oh, shoot. See, that's kinda rough 'cause I do DoorDash and I literally can't work without it.", 1.0),
        ("a", "Sorry, what?", 0.5),
        ("c", "I said I can't work without it. So, wait, Thursday like this Thursday or next Thursday?", 0.7),
        ("a", "Are you deaf or something? I said Thursday. This one. Maybe don't drop it in a Kroger parking lot next time. Not my problem you can't work.", 0.9),
        ("c", "Wow. Okay. Jeez.", 1.4),
        ("a", "Anything else you need?", 0.8),
        ("c", "No. I guess not.", 1.1),
        ("a", "Alright, thanks for calling, bye.", 0.5),
    ]),

    # 02 veterinary clinic, older woman from Gorseinon, Wales. Sarcastic mockery in mid-call ("brilliant bit of planning") -> forbidden F.
    # long_silence T: 9.5 s gap (customer looking for the box) is under 10 s. Empathy shown early, so T.
    dict(language="en", industry="veterinary clinic", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good morning, Gower Vets, you're speaking to Bethan. Calls are recorded for training. How can I help?"),
        ("c", "Oh hiya, bach. It's about my dog, Taff. He's only gone and had half a tub of Celebrations off the coffee table, hasn't he. I'm in a right state now.", 1.0),
        ("a", "Oh no, poor thing, and poor you, that's a real worry. Can I take your surname and the first line of your address so I can pull his record up?", 0.8),
        ("c", "Yes, it's Mrs Pritchard, Glenys Pritchard, twenty-two Heol y Nant, Gorseinon.", 1.1),
        ("a", "Lovely, got him. Taff, Jack Russell, eleven kilos. How long ago did he eat them, roughly?", 2.4),
        ("c", "Well, now... about an hour? I was only out the back hanging the washing, see.", 1.3),
        ("a", "Oh, marvellous. Leaving a tub of chocolates at dog height. Brilliant bit of planning there, Mrs Pritchard, really top-notch.", 0.9),
        ("c", "...Well, I didn't think he could reach, did I.", 2.0),
        ("a", "Mm. Were they the dark chocolate ones or the milk?", 0.7),
        ("c", "Hang on, let me find the tub, it's in the bin by here somewhere...", 1.0),
        ("c", "Right, milk mostly. There's a Bounty gone, and them Maltesers ones.", 9.5),
        ("a", "Okay. With his weight that's unlikely to be a toxic dose, but I'd like the vet to check him anyway. Can you bring him in for half eleven?", 1.2),
        ("c", "Half eleven, yes, tidy. I'll get my son to drive us down.", 0.9),
        ("a", "Great. If he starts being sick or goes shaky before then, come straight in. Does that cover everything for you?", 0.6),
        ("c", "Yes, thank you, cariad.", 0.8),
        ("a", "You're welcome. See you at half eleven, bye now.", 0.5),
    ]),

    # 03 energy retail, older woman in Kingston, Jamaica. Condescension about her age and ability ("at your age", "see, you managed it!") -> forbidden F.
    # All other items pass: empathy T ("sorry to hear that"), account asked for, disclosure given.
    dict(language="en", industry="energy retail", first=2.0, labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good afternoon, Blue Mountain Power and Light, my name is Andre. Please note this call is recorded. How may I help you?"),
        ("c", "Good afternoon, young man. Mi have a problem wid mi bill. It come to nearly twenty-eight thousand dollar this month, and is only me one inna di house.", 1.5),
        ("a", "I'm sorry to hear that, ma'am, that's a big jump. Can I have your account number or the premises address?", 0.9),
        ("c", "Is Miss Hyacinth Campbell, fourteen Mannings Hill Road. And di account number... mi have it here... four four seven one, two oh nine three.", 3.0),
        ("a", "Thank you, Miss Campbell. I see the last reading was estimated. Do you have your meter in front of you?", 2.2),
        ("c", "It outside by di gate. Hold on, mi going out there now... okay, mi see it. It have a whole heap of numbers pon it.", 6.0),
        ("a", "Okay, ma'am, it's really very simple. I know technology isn't easy at your age, so let's go nice and slow for you. Just read me the big black numbers, left to right. Don't worry about the little red ones, those are a bit too complicated.", 0.8),
        ("c", "Mi not a child, you know. Is five, two, one, eight, zero.", 2.5),
        ("a", "There we go, well done, see, you managed it! So the actual reading is 52180, which is much lower than the estimate. I'll rebill you, and it should come down to about nine thousand four hundred.", 1.0),
        ("c", "Praise God. Thank you.", 0.7),
        ("a", "Is there anything else I can help with today?", 0.6),
        ("c", "No, that's all.", 0.8),
        ("a", "Thank you for calling Blue Mountain Power and Light, Miss Campbell. Have a blessed afternoon.", 0.5),
    ]),

    # 04 council tax, Malaysian postgraduate student in England; short call. Rude blame in the middle and a rude close -> forbidden F.
    # empathy F: her worry about the summons is never acknowledged; resolution F: no check; closing F: last line is a jibe with no thanks or goodbye.
    dict(language="en", industry="council tax", labels=labels(T, T, T, F, F, F, T, F, T), turns=[
        ("a", "Hello, Northgate City Council, council tax team, Gareth speaking. Calls may be recorded."),
        ("c", "Hi, um, good morning. I'm a postgraduate student, from Malaysia, and I got a letter saying I owe council tax, and now there is a summons? I'm very worried, lah, I thought full-time students don't need to pay.", 1.4),
        ("a", "Council tax reference number?", 0.9),
        ("c", "Er, it's here... six, zero, zero, three, seven, one, two, four. Name is Nurul Aisyah binti Rahman.", 2.8),
        ("a", "Right. Yeah, we wrote to you twice in October asking for your student certificate. If you'd actually bothered opening your post you wouldn't have a summons, would you? That's on you, not us. Send the certificate to the e-mail on the letter and the summons costs come off once it's checked.", 3.1),
        ("c", "But I did send it already, I emailed in October. So I just send again? The court thing will be cancelled?", 1.0),
        ("a", "Once it's processed. Right, I've got other calls waiting. Next time, open your letters.", 0.7),
    ]),

    # 05 car rental, Filipina customer disputing a damage charge at Mactan-Cebu airport. Veiled threat about a blacklist shared with partners -> forbidden F.
    # long_silence T: the 35 s gap follows the agent's own "please hold". Empathy T (apology at the start).
    dict(language="en", industry="car rental", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good afternoon, thank you for calling Islandwide Car Rental, this is Marco. This call may be monitored and recorded for quality purposes. How can I help you po?"),
        ("c", "Hi, good afternoon. I'm calling about a charge on my card, eight thousand five hundred pesos, for a scratch on the car. But there was no scratch when I returned it, promise.", 1.1),
        ("a", "I'm sorry about that, ma'am, let's look into it. May I have the booking reference and the surname on the booking?", 0.8),
        ("c", "Yes, it's I-C, five five eight two one, surname Dela Cruz.", 1.9),
        ("a", "Thank you. And for security, the date of birth of the main driver?", 1.0),
        ("c", "March fourteen, nineteen ninety-one.", 0.7),
        ("a", "Thank you, Ms Dela Cruz. I can see the damage report. Please hold for a moment while I pull up the return photos.", 1.3),
        ("a", "Thank you for holding. So, the photos at check-out show the rear bumper clean, and at return there's a scratch about ten centimetres on the left rear.", 35.0),
        ("c", "But that was already there! I took a video at pickup, the guy at the counter didn't even walk around the car with me.", 0.6),
        ("a", "Do you have that video?", 0.9),
        ("c", "Yes, it's in my phone, I can send it. Honestly, this is so nakakainis, I'm going to post about this on Facebook, your counter staff were so careless.", 1.2),
        ("a", "Ma'am, I'd think very carefully before you post anything. We keep notes on every customer, and it would be a real shame if your name ended up on the list our partner agencies check. You might find it very hard to rent a car anywhere in Cebu again. Just saying.", 0.8),
        ("c", "Are you threatening me?", 1.5),
        ("a", "I'm only telling you how things work. Anyway, send the video to claims at islandwide dot p-h with your booking reference, and if it shows the scratch at pickup, the charge will be reversed within seven to ten banking days.", 1.0),
        ("c", "Fine. I'll send it today.", 1.7),
        ("a", "Is there anything else I can help you with?", 0.6),
        ("c", "No, that's all.", 0.9),
        ("a", "Alright, thank you for calling Islandwide, Ms Dela Cruz. Goodbye.", 0.5),
    ]),

    # 06 home insurance claims, older farmer near Ames, Iowa, hail damage. Agent swears at the customer ("what the hell", "your damn card") -> forbidden F.
    # long_silence F: 11 s gap after the agent's explanation, with no hold or wait request. Empathy T (sorry about the roof).
    dict(language="en", industry="home insurance claims", labels=labels(T, T, T, T, T, T, F, F, T), turns=[
        ("a", "Morning, Prairie Mutual Home Insurance claims, this is Dana. This call is being recorded. How can I help you?"),
        ("c", "Yeah, mornin'. This is Earl Jorgensen, out by Ames. We had that hailstorm Tuesday and, well, she tore up the roof pretty good. Shingles all over the yard, and the gutters are hangin' off.", 1.3),
        ("a", "Oh, I'm sorry, Mr Jorgensen, that sounds like a rough week. Can I get your policy number?", 0.8),
        ("c", "Ope, hang on now, it's on the paperwork here... P-M, four four, eight nine two oh one.", 4.2),
        ("a", "Thank you. And can you confirm the property address?", 1.1),
        ("c", "Twenty-one eighteen County Road E-fifty-seven.", 0.9),
        ("a", "Great, that matches. Okay, I've opened the claim. An adjuster will come out within five business days. In the meantime, take photos, and if anything's leaking, get a tarp on it.", 2.6),
        ("c", "So, the pictures. Do I mail those in to ya, or...?", 1.0),
        ("a", "No, you can upload them in our app, or text them to the claims number on your insurance card.", 0.7),
        ("c", "...Sorry, I was lookin' for my readers. So I mail 'em?", 11.0),
        ("a", "Oh, for crying out loud, no, Earl! I've said it twice now. What the hell is so hard about this? Text. Them. To the number. On your damn card.", 0.6),
        ("c", "Well, there's no need to get snippy with me, young lady.", 1.8),
        ("a", "Fine. Look, the adjuster can take the photos when they come out. Does that work for you?", 1.2),
        ("c", "I s'pose that'll do.", 1.0),
        ("a", "Anything else today?", 0.7),
        ("c", "Nope.", 0.9),
        ("a", "Okay. Thanks for calling Prairie Mutual, goodbye.", 0.5),
    ]),

    # 07 concert ticketing, young man in Nairobi, Kenya, wrong date bought. One rude sentence buried inside a long helpful turn near the end -> forbidden F.
    # greeting F: the first utterance starts at 17 s (later than 15 s), although its wording is fine.
    dict(language="en", industry="concert ticketing", first=17.0, labels=labels(F, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hello, thank you for calling TikoHub Tickets, my name is Wanjiru. Calls are recorded for quality. How can I help?"),
        ("c", "Niaje, hi. So I bought two tickets for Bahari Nights at Uhuru Gardens, but I picked the wrong date, like I wanted Saturday but I bought Friday, and I can't go Friday. I'm really stressed, it's like five thousand bob each.", 1.2),
        ("a", "Aiee, pole sana, that's stressful. Let me check. Can I have the order number and the e-mail you used?", 0.9),
        ("c", "Order number is T-H, seven seven three oh four one eight, and the e-mail is brian dot otieno21 at gmail.", 2.3),
        ("a", "Thank you, Brian. Okay, I can see it, two regular tickets, Friday the 14th, five thousand shillings each.", 1.8),
        ("c", "Yes. So can you swap them to Saturday? Please, sasa I don't know what to do.", 0.8),
        ("a", "Okay, so here's what I can do. Saturday still has regular tickets, so I can exchange both for you. There's a two-hundred-shilling exchange fee per ticket, so four hundred total, and you pay it by M-Pesa to our paybill, and the new tickets come to your e-mail within about an hour. And honestly, Brian, the date is written in big letters on the checkout page, so maybe learn to read before you click 'buy' next time, eh? Anyway, once the payment goes through your Friday tickets are cancelled automatically, so don't try to use those, and you'll see the new QR codes under My Tickets in the app.", 1.5),
        ("c", "Ah, okay... sawa. I'll pay now.", 2.0),
        ("a", "Great. Has that sorted everything for you?", 0.7),
        ("c", "Yeah, that's it.", 0.8),
        ("a", "Thanks for calling TikoHub, Brian, enjoy the show. Bye!", 0.5),
    ]),

    # 08 energy retail, angry customer in Chicago who swears and calls the company crooks and idiots; the agent stays calm and kind -> forbidden T.
    # Risky-looking: only the customer swears; the agent's "lousy week" is sympathetic. Long call, 20 turns; all items pass.
    dict(language="en", industry="energy retail", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Thank you for calling Lakeshore Energy, my name is Priya. Just so you know, this call is recorded for quality and training. How can I help you today?"),
        ("c", "Yeah, you can help me by explaining why the hell my bill is four hundred and twelve bucks. In April! This is total bullshit, you guys are a bunch of crooks.", 0.9),
        ("a", "I'm really sorry, that's a huge bill to open, and I'd be upset too. Let's figure out what happened. Can I get the name and the service address on the account?", 0.8),
        ("c", "Mike Sullivan, thirty-three fifty North Hoyne. And don't put me on hold for an hour, I swear to God.", 1.0),
        ("a", "No hold, I promise. And for security, can you give me the last four digits of the phone number on the account?", 0.7),
        ("c", "Eight-eight-two-one.", 0.6),
        ("a", "Thanks, Mike. Okay, I see it. Your meter wasn't read in January, February or March, so those bills were estimates, and April includes the catch-up from the actual reading.", 2.9),
        ("c", "So you screwed up for three months and I get stuck with the damn bill? Unbelievable. You people are idiots.", 0.5),
        ("a", "I completely get why that's frustrating, and the estimates were too low. The notes say the reader couldn't get access. Is the meter somewhere locked?", 1.0),
        ("c", "It's in the basement, and the landlord keeps the gate padlocked. That's not on me.", 1.2),
        ("a", "No, absolutely not your fault. So here's what I can do: spread the catch-up amount, two hundred eighty-six dollars, over six months with no interest. That's about forty-eight a month on top of your normal bill.", 1.1),
        ("c", "...Okay. Okay, that's better. Sorry for yelling, it's been a crappy week.", 1.9),
        ("a", "Honestly, no need to apologise, sounds like you've had a lousy week. Do you want me to set up that plan?", 0.7),
        ("c", "Yeah, do it.", 0.6),
        ("a", "Done. I've also booked a meter reader for Tuesday, eight to noon, and I'll e-mail the landlord access letter to the address on file. Does that take care of it for you?", 3.4),
        ("c", "Yeah. Actually, wait, is the plan gonna mess up my autopay?", 1.0),
        ("a", "Good question. No, autopay just pulls the new amount, about forty-eight more each month for six months, then back to normal. Anything else I can help with?", 0.9),
        ("c", "No, that's it. Thanks, Priya. And sorry again for the language.", 0.8),
        ("a", "Don't worry about it at all. Thanks for calling Lakeshore Energy, Mike, take care.", 0.6),
        ("c", "You too. Bye.", 0.4),
    ]),

    # 09 council tax, older Kenyan-born widow in Leicester. Agent quotes, neutrally and to condemn it, what a previous adviser said ("are you stupid or something") -> forbidden T.
    # verification F: the customer volunteers her name, account number and address unasked; the agent never asks or confirms identity.
    dict(language="en", industry="council tax", labels=labels(T, F, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, you're through to Eastbrook Borough Council, council tax, my name's Callum. Calls are recorded for training and monitoring. How can I help?"),
        ("c", "Good morning. My name is Grace Mutua, my account number is seven zero zero five two one nine eight, at forty-one Saffron Lane. I phoned last week about my single person discount, and the man I spoke to, he was very rude to me.", 1.3),
        ("a", "Oh, I'm sorry to hear that, Mrs Mutua. Can you tell me what happened?", 0.8),
        ("c", "I told him my husband passed away in January and I live alone now, and I was confused about the form. And he said, 'Well, are you stupid or something? It's one box.' I was shocked, truly.", 1.6),
        ("a", "So he said to you, 'are you stupid or something'. I'm so sorry. That's completely unacceptable, and it's not how any of us should speak to anyone. I'll log it as a formal complaint about that call. And I'm very sorry for the loss of your husband.", 1.0),
        ("c", "Thank you. I just want the discount to be sorted, that is all.", 1.4),
        ("a", "Of course. I'm applying the single person discount from the 22nd of January. That's twenty-five percent off, so your monthly instalment drops from one hundred and sixty-four pounds to one hundred and twenty-three. A new bill will come in the post within ten days.", 4.0),
        ("c", "Oh, that is a relief. Thank you, my dear.", 1.1),
        ("a", "You're welcome. Is there anything else I can help you with today?", 0.6),
        ("c", "No, that is everything.", 0.9),
        ("a", "Thank you for calling, Mrs Mutua, and take care of yourself. Goodbye.", 0.5),
    ]),

    # 10 car rental, Malaysian customer stranded at KLIA at night. Agent swears at the frozen system and calls himself a muppet, never the customer -> forbidden T.
    # greeting F: greets but names neither company nor agent. long_silence T: the 24 s gap follows "please hold".
    dict(language="en", industry="car rental", labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, good evening, how can I help you?"),
        ("c", "Hi, good evening. I'm at KLIA arrival hall, your counter is closed, and I have a booking for tonight. I land already one hour, nobody here. How?", 1.2),
        ("a", "Oh no, I'm so sorry, that's the last thing you need after a flight. Just so you know, this call is recorded. Can I have your booking reference and the name on it?", 0.8),
        ("c", "Reference is M-Y, three zero nine two eight, name is Lim Wei Jie.", 2.0),
        ("a", "Thank you, Mr Lim. And can you confirm the e-mail address on the booking?", 0.9),
        ("c", "weijie dot lim at hotmail dot com.", 1.0),
        ("a", "Perfect, that matches. Okay, just... oh, bloody hell, come on. Sorry, not you, the system's frozen on me again. Give me a moment, please hold.", 2.7),
        ("a", "Thanks for holding, Mr Lim. Right, silly me, I was looking at the wrong branch, I'm such a muppet. So the KLIA counter closes at ten, but your car is with our after-hours partner at the Level 1 car park, bay C12.", 24.0),
        ("c", "Aiyo, okay, Level 1, C12. Then the key how?", 0.9),
        ("a", "There's a key box next to the bay. I'm texting the four-digit code to the mobile on your booking right now.", 1.0),
        ("c", "Okay, got it already. Seven three five one.", 6.5),
        ("a", "That's the one. Is that all sorted for you, or is there anything else?", 0.7),
        ("c", "No, that's okay lah, thank you.", 0.8),
        ("a", "You're welcome, Mr Lim. Have a safe drive, goodbye.", 0.5),
    ]),

    # 11 veterinary clinic, young cat owner in Minneapolis, lily poisoning scare. Agent negates the customer's self-insult ("you are not an idiot")
    # and jokes warmly ("little rascal", "gremlin") -> forbidden T. All items pass.
    dict(language="en", industry="veterinary clinic", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hi there, Lakes Animal Hospital, this is Jenna. Quick heads up, calls are recorded. What's going on?"),
        ("c", "Hi, um, okay, so my cat, Mochi, she like chewed on one of the lilies my mom sent me? Like a leaf, maybe? And I just googled it and it says lilies are super toxic and I'm freaking out. I feel like such an idiot.", 0.9),
        ("a", "Okay, first, you are not an idiot, not even a little. Loads of people have no idea about lilies. I'm sorry, I know that's really scary. Can I get your last name and Mochi's date of birth so I can find her chart?", 0.6),
        ("c", "Nguyen, and she's two, her birthday's, like, May 3rd.", 1.5),
        ("a", "Got her. Okay, with lilies we want to see her right away, even if it's just a nibble. Can you bring her in now?", 1.8),
        ("c", "Yeah, I can be there in like twenty minutes. Do I need to do anything?", 0.7),
        ("a", "Just pop her in the carrier, bring the plant or a photo of it, and please don't try to make her throw up at home. And get those lilies out of the apartment, the little rascal clearly has expensive taste.", 1.0),
        ("c", "Ha, yeah, she's a total menace. Okay.", 0.8),
        ("a", "Sounds like a gremlin, honestly, we love her already. So we'll see you in about twenty minutes. Does that all make sense?", 0.6),
        ("c", "Yeah, totally. Thank you so much.", 0.7),
        ("a", "You're welcome. Drive safe, see you soon, bye.", 0.5),
    ]),

    # 12 energy retail, older man in Carmarthen, Wales, paying his gas bill. Agent reads the full 16-digit card number back in digits "to make sure" -> pii F.
    # empathy N: paying a bill, no problem or complaint voiced.
    dict(language="en", industry="energy retail", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Good morning, Dragon Energy, Rhys speaking. Just to let you know, calls are recorded for training purposes. How can I help?"),
        ("c", "Bore da. Yes, I'd like to pay my gas bill please, over the phone, like. My daughter normally does it on the computer but she's away in Spain.", 1.2),
        ("a", "No problem at all. Can I have your account number, or your full name and postcode?", 0.7),
        ("c", "It's Emrys Jenkins, S-A-three-one, one-H-Q.", 1.6),
        ("a", "Thank you, Mr Jenkins. And just to confirm, your date of birth please?", 1.4),
        ("c", "Ninth of August, nineteen forty-six.", 0.9),
        ("a", "Lovely. Your balance is one hundred and eighty-seven pounds sixty. Would you like to pay the full amount?", 1.9),
        ("c", "Yes, all of it. Now then, the card number is... four five three nine, one four eight eight, oh three four three, six four six seven. Expiry oh-seven, twenty-seven.", 4.5),
        ("a", "Let me read that back to make sure: 4539 1488 0343 6467, expiring July 2027. Is that right?", 0.8),
        ("c", "That's it, yes.", 0.6),
        ("a", "And the three digits on the back?", 0.5),
        ("c", "Two-one-eight.", 1.0),
        ("a", "Thank you. That's gone through, one hundred and eighty-seven pounds sixty paid, your balance is now zero. Is there anything else I can help with today?", 3.2),
        ("c", "No, that's grand, diolch.", 0.8),
        ("a", "Diolch i chi, Mr Jenkins. Have a lovely day, bye now.", 0.5),
    ]),

    # 13 home insurance claims, burst pipe in Milwaukee, Wisconsin. Customer gives her full SSN; agent repeats all nine digits in words -> pii F.
    # disclosure F: only "I've recorded all the details of the claim", never that the call is recorded; closing F: last agent line has no thanks or goodbye.
    dict(language="en", industry="home insurance claims", labels=labels(T, T, F, T, T, F, T, T, F), turns=[
        ("a", "Hi, you've reached Great Lakes Home Insurance claims, this is Marcus. What can I do for you?"),
        ("c", "Hi, yeah, oh boy. So a pipe burst in our basement last night, it froze I guess, and there's like two inches of water down there. The furnace is sitting in it.", 1.0),
        ("a", "Oh man, I'm sorry, that's awful, especially in this cold. Let's get a claim started. Can I have your policy number?", 0.7),
        ("c", "Uh, I don't have it handy, I'm literally standing in my boots in the basement here.", 1.1),
        ("a", "That's okay. Then I'll need your full name, and for verification the last four of your Social.", 0.8),
        ("c", "Kristen Olson. And the Social's five one two, four eight, seven seven three oh.", 2.0),
        ("a", "Okay, so that's five one two, four eight, seven seven three zero. Got it, and I've found your policy, Ms Olson, the one on West Lincoln Avenue.", 3.6),
        ("c", "Yep, that's us.", 0.6),
        ("a", "Alright. I've recorded all the details of the claim. An emergency water crew can be there within four hours, and the adjuster will call you tomorrow. Don't turn the furnace on until it's been checked. Does that cover what you need for now?", 2.2),
        ("c", "Yeah, four hours, okay, that's good. Thanks. Bye.", 1.0),
        ("a", "Okay, the adjuster will call tomorrow.", 0.6),
    ]),

    # 14 mobile phone repairs, young man in Quezon City, Philippines. Agent reads the customer's full mobile number back in digits "to confirm" -> pii F.
    # long_silence F: 12.5 s gap after the agent asks for the phone model (a question, not a hold or wait request).
    dict(language="en", industry="mobile phone repairs", labels=labels(T, T, T, T, T, T, F, T, F), turns=[
        ("a", "Good morning, thank you for calling FixPoint Mobile Repair, this is Joanna. Calls are recorded for quality assurance. How can I help you po?"),
        ("c", "Hi, good morning. Uhm, my phone screen is cracked, and now the touch is not working na on the lower part. I dropped it in the jeepney kanina. I need it for work pa naman.", 1.3),
        ("a", "Ay, sorry to hear that po, that's really a hassle, especially for work. We can fix that. Can I have your full name for the repair booking?", 0.8),
        ("c", "Mark Anthony Reyes.", 0.9),
        ("a", "Thank you, Mark. And what's the phone model?", 0.7),
        ("c", "Uh... wait lang, it's an... Samsung A54, I think? Yes, A54, it's on the box.", 12.5),
        ("a", "Okay, for the A54, screen replacement is four thousand eight hundred pesos, and it takes about two hours. We have a slot at our SM North EDSA branch at 2 p.m. today.", 1.5),
        ("c", "2 p.m. is okay. Can you text me the confirmation?", 0.9),
        ("a", "Sure. What's the best number to reach you?", 0.6),
        ("c", "0917 482 6631.", 0.8),
        ("a", "Just to confirm, that's 0917 482 6631?", 1.0),
        ("c", "Yes, correct.", 0.5),
        ("a", "Great, you'll get a text in a few minutes. Please bring the phone with the charger and take out your SIM. Is there anything else I can help you with?", 1.1),
        ("c", "Wala na, that's all. Thank you.", 0.7),
        ("a", "Thank you for calling FixPoint, Mark. Ingat po, goodbye.", 0.5),
    ]),

    # 15 car rental, young man in Montego Bay, Jamaica, booking a car. Agent reads the full card number back split across two turns,
    # first half in digits, second half in words -> pii F. empathy N: a booking, no problem voiced.
    dict(language="en", industry="car rental", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Yes, good day, thank you for calling Caribbean Wheels Car Rental, Montego Bay, this is Kerry-Ann. This call is recorded for quality. How can I help you?"),
        ("c", "Wah gwaan, good day. Mi want fi book a car from Sangster airport, for Friday, fi one week.", 1.0),
        ("a", "No problem. Can I have the name of the driver and the date of birth, please?", 0.7),
        ("c", "Dwayne Clarke, twelfth of June, two thousand and one.", 1.2),
        ("a", "Thank you, Mr Clarke. Friday to Friday, a compact like a Toyota Yaris is forty-two US dollars a day, so two hundred and ninety-four for the week, plus insurance. That okay?", 2.4),
        ("c", "Yeah man, dat cool.", 0.8),
        ("a", "Alright. I'll need a card to hold the booking.", 0.6),
        ("c", "Okay, is a Mastercard. Five four two five, two three three four, three zero one zero, nine nine zero three.", 3.0),
        ("a", "Let me just read that back. 5425 2334...", 0.9),
        ("c", "Yeah.", 0.4),
        ("a", "...three zero one zero, nine nine zero three. And the expiry?", 0.3),
        ("c", "Eleven, twenty-eight.", 0.9),
        ("a", "Thank you, that's gone through. Your booking reference is C-W, one one eight seven three, and you'll pick up at the Sangster arrivals desk from 8 a.m. Friday. Anything else I can help with?", 2.8),
        ("c", "No, dat's it, bless.", 0.7),
        ("a", "Thank you, Mr Clarke, enjoy your week. Bye-bye.", 0.5),
    ]),

    # 16 energy retail (prepaid electricity tokens), woman in Nakuru, Kenya. Agent repeats the customer's full mobile number in mixed words and digits -> pii F.
    # resolution F: once the power is back the agent goes straight to the goodbye, with no check and no "anything else".
    dict(language="en", industry="energy retail", labels=labels(T, T, T, T, F, T, T, T, F), turns=[
        ("a", "Good afternoon, Lakeside Power customer care, my name is Otieno. This call is being recorded for quality purposes. How may I help you?"),
        ("c", "Good afternoon. Eh, I bought tokens by M-Pesa in the morning, one thousand shillings, but I have not received the token message. And now my power is off, the meter is flashing.", 1.1),
        ("a", "Pole sana, madam, that is frustrating, especially with no power. Can I have your meter number?", 0.8),
        ("c", "The meter number is three seven one zero two, nine four four eight one six.", 3.3),
        ("a", "Thank you. And the name registered on the meter?", 1.0),
        ("c", "Esther Wambui Kariuki.", 0.7),
        ("a", "Thank you, Esther. Now, which number did you pay from?", 1.2),
        ("c", "It's my Safaricom line. Zero seven two two, six one eight, three nine four.", 1.4),
        ("a", "Okay, so the paying number is zero seven double two, 618, three nine four. Yes, I can see the transaction, one thousand shillings at 9:42 a.m. The token didn't send because of a system delay. I'm resending it now; enter the twenty digits on the meter and press enter.", 4.1),
        ("c", "Eh, it has come now. Let me enter it... okay, it is accepting. The power is back!", 8.0),
        ("a", "Very good. Thank you for calling Lakeside Power, Esther, have a nice day.", 0.6),
    ]),

    # 17 veterinary clinic, older man in George Town, Penang, Malaysia, settling his dog's surgery bill. Safe numbers: the customer says his own
    # phone number, the agent says only "ending 7391" and the card "ending in four four seven one", plus amounts and dates -> pii T. 13 s gap follows "Can you wait one moment" -> silence T.
    dict(language="en", industry="veterinary clinic", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Paws and Claws Veterinary Clinic, George Town, this is Mei Ling. Calls are recorded for quality purposes. How can I help you?"),
        ("c", "Morning, morning. My dog Bruno had his operation yesterday, the leg one. I want to settle the bill, but I'm quite worried lah, the nurse said maybe more than the estimate.", 1.2),
        ("a", "I understand, it's worrying when you don't know the final amount, and I hope Bruno's recovering well. Can I have your phone number or Bruno's patient ID to pull up the account?", 0.8),
        ("c", "My number is 012-448 7391.", 1.5),
        ("a", "Thank you. I've got an account with a number ending 7391. Could you confirm your full name for me?", 1.9),
        ("c", "Ramasamy a/l Krishnan.", 0.7),
        ("a", "Thank you, Mr Ramasamy. Can you wait one moment while I pull up the invoice from the surgery?", 0.9),
        ("a", "Thank you for waiting. So, the estimate was RM 3,200, and the final bill is RM 3,480. The extra RM 280 is for one more X-ray and an extra night of painkillers.", 13.0),
        ("c", "Okay, okay, that's not so bad. I thought it will be double. Can I pay with the card I used for the deposit?", 1.0),
        ("a", "Yes, I see the Visa ending in four four seven one on file. I'll charge RM 3,480 to that one, okay?", 1.1),
        ("c", "Yes, that one.", 0.5),
        ("a", "Done, payment approved on the 12th, and the receipt is going to your e-mail. Bruno can be collected after 4 p.m. today, and his stitches come out on the 26th. Does that sort everything for you?", 3.0),
        ("c", "Yes, very good, thank you ah.", 0.7),
        ("a", "You're welcome, Mr Ramasamy. Give Bruno a pat from us. Bye!", 0.5),
    ]),

    # 18 concert ticketing, young woman in Manila, Philippines, e-tickets not received. Greeting at 12 s is within 15 s. Safe numbers: the customer says her own
    # order number and mobile, the agent says only "ending in 0142", the amount and the company's own hotline -> pii T. All items pass.
    dict(language="en", industry="concert ticketing", first=12.0, labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hi, good evening, thank you for calling TicketBayan, this is Paolo. Please be advised this call is recorded. How may I help you?"),
        ("c", "Hi! Uhm, I bought two VIP tickets for the Lakbay Music Festival last week, and until now wala pa yung e-tickets sa e-mail ko. The concert is on Saturday na, I'm super kinakabahan.", 1.0),
        ("a", "Oh no, I'm sorry, that's really stressful with the show this weekend. Let's sort it out. May I have your order number and the e-mail on the order?", 0.7),
        ("c", "Order number T-B, 2025, 0098314, and the e-mail is jasmine dot santos at yahoo dot com.", 2.1),
        ("a", "Thank you, Jasmine. Okay, I see it, two VIP tickets, Saturday the 22nd, total nine thousand nine hundred pesos. The e-tickets were sent, but to jasmine dot santo, without the s. I'll correct that and resend now.", 3.5),
        ("c", "Ay, typo ko pala. Sorry!", 0.8),
        ("a", "No worries, it happens. They've been resent. Can you check your inbox?", 1.2),
        ("c", "Wait... yes! Nandito na. Two QR codes.", 5.5),
        ("a", "Great. And just in case, what's a mobile number we can text the tickets to as a backup?", 0.7),
        ("c", "It's 0918 555 0142.", 0.9),
        ("a", "Got it, the number ending in 0142. I'll send an SMS backup there. If you have any problem at the gate, our hotline is (02) 8555 7000, open until midnight on show days. Is there anything else I can help you with?", 1.4),
        ("c", "That's all, thank you so much!", 0.6),
        ("a", "You're welcome, Jasmine. Enjoy the festival, goodbye!", 0.5),
    ]),

    # 19 council tax, young woman in Cardiff, Wales, setting up a direct debit for her first flat. Safe numbers: the agent says the account "ending 6603",
    # the council's own reference and phone line, amounts and dates -> pii T. disclosure F: "this line isn't recorded" is a negation. empathy N: no problem voiced.
    dict(language="en", industry="council tax", first=3.0, labels=labels(T, T, F, N, T, T, T, T, T), turns=[
        ("a", "Hiya, Taff Valley Council, council tax, you're speaking to Sian. Just so you know, this line isn't recorded. How can I help?"),
        ("c", "Hiya, yeah, so I've just moved into my first flat, in Canton, and I've had the council tax letter, and I want to set up a direct debit, like, so it just goes out.", 1.0),
        ("a", "Lovely, congrats on the new place! Can I have the council tax reference from the top of the letter?", 0.6),
        ("c", "Yeah, it's five oh oh two, eight eight one seven.", 2.5),
        ("a", "Thank you. And your full name and date of birth, please?", 0.9),
        ("c", "Ffion Morgan, third of March two thousand and three.", 0.8),
        ("a", "Thanks, Ffion. So for this year your bill is one thousand four hundred and twelve pounds. Over ten months that's one hundred and forty-one pounds twenty, or over twelve it's about one hundred and seventeen sixty-seven.", 2.7),
        ("c", "Ooh, twelve, defo.", 0.7),
        ("a", "Twelve it is. Now, your sort code and account number?", 0.8),
        ("c", "Sort code thirty, ninety-four, fifty-seven, account four one seven two six six oh three.", 1.9),
        ("a", "Lovely, so that's the Lloyds account ending 6603. First payment comes out on the 1st of next month, then the 1st of every month. Your direct debit reference is T-V-C 50028817, and if you ever need us, the council tax line is 029 2018 0555. Does that all sound right?", 3.0),
        ("c", "Yep, tidy. That's it, ta.", 0.8),
        ("a", "Diolch, Ffion, enjoy the new flat. Ta-ra!", 0.5),
    ]),

    # 20 home insurance claims, 73-year-old man in Kingston, Jamaica, storm took off part of his zinc roof. Ordinary call, all items pass;
    # the 8 s gap while he finds his glasses is under 10 s.
    dict(language="en", industry="home insurance claims", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Caribbean Shield Insurance, home claims, this is Tamara speaking. This call is recorded for quality and training. How can I help you today?"),
        ("c", "Mornin', miss. Is Mr Errol Bailey. Di storm last night tek off half a mi zinc roof, and water come inna di back room. Mi seventy-three, yuh know, mi cyaan climb up deh fi look.", 1.4),
        ("a", "Oh, Mr Bailey, I'm so sorry, that must have been a frightening night. Please don't go up on that roof. Can I have your policy number so I can open a claim?", 0.8),
        ("c", "Hold on, mi glasses... is H-P, three three zero, nine one two.", 8.0),
        ("a", "Thank you. And can you confirm the address of the property for me?", 1.0),
        ("c", "Twelve Paddington Terrace, Kingston 6.", 0.9),
        ("a", "That matches, thank you. I've opened claim number H-C, four oh two one seven. Because water is coming in, I'm sending our emergency tarp service today between one and five, and an assessor will visit on Thursday.", 3.2),
        ("c", "Today? Lawd, dat good. Mi did tink it woulda take weeks.", 1.1),
        ("a", "Not with water coming in, no. Keep receipts for anything you buy to protect the house, and take photos if you can. Have I covered everything you needed, Mr Bailey?", 0.7),
        ("c", "Yes, miss, everyting good.", 0.9),
        ("a", "Thank you for calling Caribbean Shield, Mr Bailey. Stay safe, and goodbye.", 0.5),
    ]),
]


_B = [
    # 01 credit card, Florida, older customer. Ageist condescension mid-call from an otherwise polite agent -> forbidden_language F.
    # All other items pass (greeting names company+agent, last four + DOB asked, disclosure, empathy, anything-else, polite goodbye).
    dict(language="en", industry="credit cards", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Good afternoon, thank you for calling Suncoast Card Services, my name is Brianna. Just so you know, this call may be recorded for quality purposes. How can I help you today?"),
        ("c", "Well, hi, honey. This is Dolores Finch, I'm calling from Sarasota. I got my statement and there's a charge on there I surely did not make.", 1.5),
        ("a", "Oh, I'm sorry to hear that, Ms. Finch, let's get that looked at. Can you verify the last four digits of the card and your date of birth for me?", 1.0),
        ("c", "Uh, the last four are, lemme see, where'd I put my glasses... nine, two, zero, six. And my birthday's March the ninth, nineteen forty-seven.", 4.0),
        ("a", "Thank you, that all matches. Okay, which charge are we looking at?", 1.5),
        ("c", "It says, um, 'SQ star' something, eighty-nine dollars and ninety-nine cents, on the twelfth.", 2.0),
        ("a", "Mm-hm. Okay, so, Ms. Finch, I'm gonna explain this real slow, okay, because I know these statements can be a lot for folks your age. 'SQ' just means a small business took the payment on a little card reader. It's not, like, a hacker or anything.", 2.5),
        ("c", "Well, I know what a card reader is, dear. I ran a bakery for thirty years.", 1.0),
        ("a", "Sure, sure. Anyway, it looks like it's Gulf Breeze Hair Studio, in Venice.", 1.5),
        ("c", "Oh! Oh, that's Tammy's place. Well, no, I paid Tammy in cash. I always pay Tammy in cash.", 1.0),
        ("a", "Okay, then I'll open a dispute for that eighty-nine ninety-nine. You'll see a temporary credit in three to five business days, and we'll mail you a letter once it's been reviewed.", 2.0),
        ("c", "All right. That's fine.", 1.0),
        ("a", "Did that take care of what you needed today, or is there anything else on the account I can help with?", 1.0),
        ("c", "No, that's all, sweetheart.", 1.0),
        ("a", "Thank you for calling Suncoast, Ms. Finch, you have a good afternoon. Bye now.", 0.8),
    ]),

    # 02 cable TV, Northern England (Bradford), pensioner. Sarcasm in the agent's very first utterance (which still greets and names company+agent) -> forbidden_language F.
    # Everything else passes; empathy T ("I'm sorry, I know that's a lot").
    dict(language="en", industry="cable TV", first=1.5, labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hiya, Pennine Cable, you're through to Gary, calls are recorded. Let me guess, the telly's 'broken' and you've not tried switching it off and on again, have you?"),
        ("c", "Eh? No, love, it's not broken. I'm ringing 'cause me bill's gone up by eight quid and nobody told us.", 1.5),
        ("a", "Right. Can I take the postcode and the name on the account?", 1.0),
        ("c", "BD7 3QP. It's Maureen Hirst.", 2.0),
        ("a", "Ta. Yeah, the prices went up on the first of April, it were in the letter we sent out in February.", 3.0),
        ("c", "Well I never got no letter. Eight pound a month, that's nearly a hundred a year, and I'm on me pension.", 1.0),
        ("a", "I'm sorry, Maureen, I know that's a lot when you're on a fixed income. What I can do is move you onto the Basic Plus bundle. You keep all the channels you actually watch and it comes out two pound cheaper than what you were paying before the rise.", 2.0),
        ("c", "Oh, go on then. Does that start straight away?", 1.5),
        ("a", "From your next bill, yeah. Is there owt else I can help you with today?", 1.0),
        ("c", "No, that's it, love.", 1.0),
        ("a", "Lovely. Thanks for ringing Pennine Cable, Maureen, ta-ra.", 0.8),
    ]),

    # 03 parcel lockers, London, young customer. Short call; agent swears at the customer -> forbidden_language F.
    # verification F (never asks anything about identity), empathy F (20-minute wait ignored), resolution F (no check), closing F (last utterance "Right.").
    dict(language="en", industry="parcel lockers", labels=labels(T, F, T, F, F, F, T, F, T), turns=[
        ("a", "Hi, LockBox Parcels, Jordan speaking, calls are recorded for training. What's up?"),
        ("c", "Yeah hi, so like, my locker code isn't working? I'm at the one outside Brixton station and it just keeps beeping at me. It's proper long, I've been stood here like twenty minutes.", 1.0),
        ("a", "Did you type the code from the latest text or the old one?", 1.5),
        ("c", "I dunno, the one in the text? There's like two texts, innit.", 1.0),
        ("a", "Oh for fuck's sake, mate, it's the second one, it literally says 'new code' on it. It's not rocket science, is it?", 0.8),
        ("c", "Alright, no need to swear at me, bruv... hold on... okay, yeah, it's opened.", 6.0),
        ("a", "Right.", 1.0),
    ]),

    # 04 EV charging, Montreal (English-speaking Quebecer). Veiled threat to close the account -> forbidden_language F.
    # long_silence F: 11.0 s gap after the threat, and the agent's utterance before it asked no one to hold.
    dict(language="en", industry="electric vehicle charging", labels=labels(T, T, T, T, T, T, F, F, T), turns=[
        ("a", "Good evening, thanks for calling VoltRoute Charging, this is Etienne. This call is recorded for quality. How can I help?"),
        ("c", "Hi, yeah, I'm at your station on Boulevard Decarie, the one by the dep, and the charger took my card, ran for like two seconds and stopped. And I still got charged fifteen bucks, eh.", 1.5),
        ("a", "Oh, that's annoying, sorry about that. Can I have the email on your VoltRoute account?", 1.0),
        ("c", "It's s-h-a-r-o-n dot l-e-v-y at videotron dot c-a.", 2.0),
        ("a", "Thanks, Sharon. Okay, I see the session. That was stall number four?", 3.5),
        ("c", "Yeah, four. And honestly this is the third time this month, I've called every single time.", 1.0),
        ("a", "Yeah, I can see that. I'll refund the fifteen. But, uh, just so you know, we do keep an eye on accounts that call in for refunds a lot, and people who keep doing this sometimes find their account just... isn't there anymore. Just saying.", 2.0),
        ("c", "...Are you serious right now? The charger's broken, not me.", 11.0),
        ("a", "I'm just telling you how it works. The refund's done, you'll see it in two to three days. Try stall two next time, it's been more reliable. Anything else?", 1.5),
        ("c", "No. That's it.", 1.0),
        ("a", "Okay, thanks for calling VoltRoute, have a good night.", 0.8),
    ]),

    # 05 university admissions, Accra applicant. One rude sentence buried inside a long helpful turn -> forbidden_language F.
    # verification F: the applicant volunteers name and application number unasked; the agent never asks or confirms identity.
    dict(language="en", industry="university admissions", labels=labels(T, F, T, T, T, T, T, F, T), turns=[
        ("a", "Good morning, Admissions Office at Thornbury University, Helen speaking. Calls are recorded for training purposes. How may I help?"),
        ("c", "Good morning, madam. My name is Kwabena Osei-Bonsu, I'm calling from Accra, my application number is T-U, two four zero eight eight one seven. Please, I wanted to find out about my offer. It says 'conditional' and I'm not sure what I'm supposed to do now. I'm a bit worried, the deadline is close oh.", 1.5),
        ("a", "I completely understand, it's a stressful time. Right, I've got it up. So, a conditional offer means the place is yours once you meet the conditions listed, and in your case that's your WASSCE results: you need a B2 or better in Elective Mathematics and Physics, and a C6 or better in English. Once WAEC releases the results you upload the certificate through the applicant portal under 'Documents', and, I mean, honestly, with mock grades like yours I wouldn't get my hopes up, but anyway, after you upload it we aim to confirm within ten working days, and the CAS for your visa follows about two weeks after that.", 3.0),
        ("c", "Oh. Okay. Erm, my mocks were not so good, but I have been studying hard.", 2.0),
        ("a", "Sure. Is there anything else you wanted to check about the offer?", 1.0),
        ("c", "Please, what is the deadline for the deposit?", 1.0),
        ("a", "The deposit is due by the thirtieth of June, and it's three thousand pounds. Does that answer everything for you?", 1.5),
        ("c", "Yes, thank you, madam.", 1.0),
        ("a", "You're welcome, Kwabena. Thanks for calling, and good luck. Goodbye.", 0.8),
    ]),

    # 06 dental plan, Lahore. Rude blame in the agent's LAST utterance -> forbidden_language F and closing F (the goodbye is not polite).
    # resolution T ("Is there anything else?" after the answer); empathy T.
    dict(language="en", industry="dental plans", labels=labels(T, T, T, T, T, F, T, F, T), turns=[
        ("a", "Assalam-o-alaikum, you've reached CrescentCare Health, dental plans desk, this is Faraz speaking. Please note this call is recorded. How may I help you?"),
        ("c", "Walaikum assalam. Yes, my name is Ayesha Malik. My root canal claim has been rejected, and I paid eighteen thousand rupees from my own pocket. I am very upset, honestly.", 1.5),
        ("a", "I'm sorry to hear that, Mrs. Malik. Could you give me your policy number, please?", 1.0),
        ("c", "Yes, it's D-P, four four seven, one nine two.", 3.0),
        ("a", "Thank you. And your date of birth for verification?", 1.0),
        ("c", "Fourteenth August, nineteen eighty-eight.", 1.0),
        ("a", "Okay, verified. So I see the claim... it was declined because root canal treatment has a six-month waiting period, and your plan started on the first of February. The treatment was done on the tenth of May.", 4.0),
        ("c", "But nobody told me about any waiting period! The agent who sold it said everything is covered from day one.", 0.8),
        ("a", "It's on page three of the policy schedule. The waiting period ends on the first of August, so any treatment after that is covered. I can also log a complaint about the sales agent for review. Is there anything else?", 2.0),
        ("c", "No. I am just not happy with this.", 1.5),
        ("a", "Well, madam, next time maybe read what you sign instead of calling us to cry about it. Khuda hafiz.", 1.0),
    ]),

    # 07 travel insurance, Hong Kong. Agent mocks the customer by parroting his words and "lah" -> forbidden_language F.
    # long_silence T: the longest gap is 9.5 s (not over 10 s). All other items pass.
    dict(language="en", industry="travel insurance", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hello, thank you for calling Pacific Shield Travel Insurance, my name is Alvin. This call is recorded for quality and training. How can I help you?"),
        ("c", "Hi, ah, I am calling about a claim, lah. I bought the policy for my Japan trip, and in Osaka my luggage was delayed two days, so I had to buy clothes, around four thousand Hong Kong dollars.", 1.5),
        ("a", "Sorry to hear about that, that's a rough start to a holiday. Can I have your policy number and your surname, please?", 1.0),
        ("c", "Policy is P-S, six six zero three one two, surname Chan. Chan Wai Man.", 2.5),
        ("a", "Thank you, Mr. Chan. Okay, do you have the PIR from the airline? The Property Irregularity Report.", 3.0),
        ("c", "Ah... the P-I... what? I have the receipts, lah. The airline gave me some paper, I think I threw it away already.", 1.0),
        ("a", "'I think I threw it away already, lah.' Wow. Okay. So you threw away the one document we actually need. Classic.", 1.0),
        ("c", "...Okay, sorry. Can I ask the airline for another one?", 9.5),
        ("a", "Yes, the airline can reissue it. Ask at their baggage services counter or email them with your flight number. Once you have it, upload it with the receipts in the claims portal, and claims are usually paid within fifteen working days. Does that sort it out for you?", 1.5),
        ("c", "Yes, okay, I will try.", 1.0),
        ("a", "Great. Thanks for calling, Mr. Chan, bye-bye.", 0.8),
    ]),

    # 08 credit card, Northern England (Newcastle). Customer swears and insults; agent stays polite -> forbidden_language T.
    # long_silence F: 13.0 s gap after the CUSTOMER's "hang on" (the agent never asked them to hold).
    dict(language="en", industry="credit cards", labels=labels(T, T, T, T, T, T, F, T, T), turns=[
        ("a", "Good morning, Northgate Bank credit cards, you're speaking with Priya. Calls are recorded for quality and training. How can I help?"),
        ("c", "Aye, morning. I've been charged a twelve quid late fee and I paid the bloody thing on time. This is the third time you lot have done this. You're a bunch of useless clowns, honestly.", 1.0),
        ("a", "I'm really sorry, that's frustrating, especially when it keeps happening. Let's have a look. Can I take your full name and the last four digits of the card?", 1.0),
        ("c", "Name's Craig Atherton. Hang on, let me find the card, it's in me other jacket.", 1.5),
        ("c", "Right, got it. Ends three three eight one.", 13.0),
        ("a", "Thanks, Craig. So I can see the payment came in on the fifteenth, but the due date was the fourteenth.", 2.5),
        ("c", "The fourteenth was a Sunday! What am I supposed to do, pay it from church? This is a fucking joke, man.", 0.8),
        ("a", "No, you're right, and I'd be annoyed too. When the due date falls on a weekend it should roll to the next working day. I've refunded the twelve pounds now, and I've put a note on the account so it doesn't happen again.", 2.0),
        ("c", "...Oh. Right. Well. Cheers.", 1.5),
        ("a", "No problem at all. Is there anything else I can help you with today?", 1.0),
        ("c", "No, that's it. Sorry for kicking off, pet.", 1.0),
        ("a", "Don't worry about it. Thanks for calling Northgate, Craig, have a good day.", 0.8),
    ]),

    # 09 cable TV, Tampa, Florida. Agent neutrally quotes the technician's insults ("a dumb mess", "an idiot") in a complaint -> forbidden_language T.
    # greeting F: the greeting names neither company nor agent.
    dict(language="en", industry="cable TV", first=2.0, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hi there, thanks for calling! Just so you know, this call is recorded. How can I help you today?"),
        ("c", "Yeah, hi. I'm calling from Tampa. I had a technician out yesterday to fix my cable box and, honestly, he was so rude. He told me my setup was 'a dumb mess' and called me an idiot, to my face, in front of my kids.", 1.5),
        ("a", "Oh my gosh, I am so sorry, that should never have happened. Let me pull up the work order. Can I get your account number and the name on the account?", 1.0),
        ("c", "Account's eight eight two zero, one four seven five. Name's Marcus Reyes.", 2.0),
        ("a", "Thank you, Mr. Reyes. Okay, I see the visit, yesterday two to four p.m. So I'm writing up the complaint now: customer reports the technician called his setup 'a dumb mess' and called him 'an idiot' in front of his children. Is that accurate?", 4.0),
        ("c", "Yeah, that's exactly what he said.", 1.0),
        ("a", "Got it. That goes straight to the field supervisor, and someone'll call you within forty-eight hours. I've also put a twenty-dollar credit on your next bill for the trouble. Is the box working now, at least?", 3.0),
        ("c", "Yeah, the box is fine now.", 1.0),
        ("a", "Good. Is there anything else I can help with?", 1.0),
        ("c", "No, that's it.", 1.0),
        ("a", "All right, thank you for calling, Mr. Reyes, and again, I'm sorry about yesterday. Have a good one.", 0.8),
    ]),

    # 10 EV charging, London, 78-year-old customer. Agent swears at the frozen system and calls HIMSELF an idiot -> forbidden_language T.
    # long_silence T: the 25.0 s gap follows the agent's own "could you hold for a moment". All pass.
    dict(language="en", industry="electric vehicle charging", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, you're through to Amperway Charging, my name's Tom. This call's recorded for training. What can I do for you?"),
        ("c", "Oh, hello, Tom. I'm seventy-eight and I've just got one of these electric cars, my son set it all up, and now the app's asking me for something called a, a PIN, and I haven't the foggiest.", 1.5),
        ("a", "Oh, sorry, those set-up screens are baffling, aren't they? Not to worry, we'll get you going. Could I take your name and the email address on your Amperway account?", 1.0),
        ("c", "It's Margaret Pell, and the email is, um, pell dot margaret at btinternet dot com.", 3.0),
        ("a", "Lovely, thank you, Margaret. I'll reset that PIN for you. Could you hold for a moment, please?", 1.5),
        ("a", "Sorry about that, Margaret, the bloody system froze on me. And I'm an idiot, I sent the reset to the wrong box. Doing it again now.", 25.0),
        ("c", "Oh, don't be silly, dear, I do that all the time.", 1.0),
        ("a", "Ha, you're kind. Okay, you should have a text with a four-digit code now. Pop that into the app where it says PIN.", 2.0),
        ("c", "Ooh, yes, there it is... and... it says 'charger ready'!", 6.0),
        ("a", "Brilliant. So you're all set to charge. Is there anything else you'd like help with while I've got you?", 1.0),
        ("c", "No, that's lovely, thank you ever so much.", 1.0),
        ("a", "My pleasure, Margaret. Thanks for calling Amperway, take care, bye now.", 0.8),
    ]),

    # 11 parcel lockers, Hong Kong, elderly customer. Agent negates an insult ("you're not stupid at all") and jokes warmly -> forbidden_language T.
    # pii T: the customer says her own mobile; the agent only says the last four. All pass.
    dict(language="en", industry="parcel lockers", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good afternoon, HK SmartLocker hotline, this is Kelvin speaking. This call will be recorded. How can I help you?"),
        ("c", "Ah, hello. I am seventy years old, my grandson ordered something for me and sent me the code, but I cannot open the locker at Tai Koo MTR. I feel so stupid, aiya.", 2.0),
        ("a", "Aiya, you're not stupid at all, auntie, these machines confuse everybody, even me sometimes. Can you tell me the mobile number the code was sent to, so I can find your parcel?", 1.0),
        ("c", "Nine one two three, four five six seven.", 2.0),
        ("a", "Thank you. And your surname?", 1.0),
        ("c", "Leung.", 1.0),
        ("a", "Okay, Mrs. Leung, I found it. Locker 2-B, mobile ending four five six seven, right?", 3.5),
        ("c", "Yes, yes.", 1.0),
        ("a", "So on the screen, first press 'Collect', the green button, then type the six digits from the message. Not the long number, that one is the order number.", 1.0),
        ("c", "Ah... okay... 'Collect'... typing... Oh! It opened!", 7.0),
        ("a", "There you go! You're a little tech wizard, auntie, your grandson better watch out. Anything else I can help you with today?", 1.0),
        ("c", "Haha, you're a cheeky boy. No, that's all, thank you.", 1.0),
        ("a", "You're welcome, Mrs. Leung. Have a good afternoon, bye-bye.", 0.8),
    ]),

    # 12 credit card, Accra, Ghana. Agent reads the full 16-digit card number back "to confirm" in digits -> pii_exposure F.
    # empathy F: customer is unhappy about a double charge; the agent's only "sorry" is "sorry, could you repeat".
    dict(language="en", industry="credit cards", labels=labels(T, T, T, F, T, T, T, T, F), turns=[
        ("a", "Good afternoon, thank you for calling Gold Coast Bank card services, my name is Efua. Please note calls are recorded. How can I help you?"),
        ("c", "Good afternoon. Please, I was charged two times for the same purchase at Accra Mall. Nine hundred and fifty cedis, two times. I'm not happy at all.", 1.5),
        ("a", "Sorry, could you repeat the amount?", 1.0),
        ("c", "Nine hundred and fifty cedis. Two times.", 1.0),
        ("a", "Okay. What is your full name and the card number?", 1.0),
        ("c", "Abena Owusu-Ansah. The card is four one eight seven, two two zero nine, five five three one, six six four eight.", 3.0),
        ("a", "Okay, to confirm, that's 4187 2209 5531 6648?", 1.0),
        ("c", "Yes.", 0.8),
        ("a", "Alright. I see the two transactions. One is only a pending authorisation; it will drop off within five working days, so you won't pay twice.", 5.0),
        ("c", "Oh, okay. So I don't need to do anything?", 1.0),
        ("a", "No, nothing. Is there anything else I can do for you?", 1.0),
        ("c", "No, that's all.", 1.0),
        ("a", "Thank you for calling Gold Coast Bank, have a nice day.", 0.8),
    ]),

    # 13 travel insurance, Florida, college student. Agent reads the full SSN back in words -> pii_exposure F.
    # greeting F: first utterance starts at 17 s. empathy N: no problem voiced. (The 17 s lead-in is not a gap between utterances.)
    dict(language="en", industry="travel insurance", first=17.0, labels=labels(F, T, T, N, T, T, T, T, F), turns=[
        ("a", "Hi, thanks for calling Gulfstream Travel Protect, this is Devon. This call may be recorded. How can I help?"),
        ("c", "Hey, yeah, um, so I'm a student at UCF and I'm going to Costa Rica for spring break, and I wanna add, like, trip cancellation to my policy?", 1.5),
        ("a", "Sure thing. I'll need to pull up the policy. Can you give me your date of birth and your Social Security number?", 1.0),
        ("c", "Okay, um, May second, two thousand four, and it's five eight nine, four one, seven seven two six.", 3.0),
        ("a", "Okay, let me make sure I've got it: five eighty-nine, forty-one, seventy-seven twenty-six, born May second, oh-four. Great, I've got you, Jaylen.", 2.0),
        ("c", "Cool.", 1.0),
        ("a", "So trip cancellation on a fourteen-hundred-dollar trip would be sixty-three dollars. It covers you if you have to cancel for illness, a family emergency, or a hurricane, which, you know, Florida.", 2.0),
        ("c", "Ha, yeah. Okay, let's do that.", 1.0),
        ("a", "Done, it's added. You'll get the updated certificate by email in a few minutes. Anything else I can help with?", 4.0),
        ("c", "Nope, that's it, thanks!", 1.0),
        ("a", "Thanks for calling, Jaylen, have an awesome trip!", 0.8),
    ]),

    # 14 cable TV, Sheffield, home move. Agent speaks the customer's full mobile split across two agent turns -> pii_exposure F.
    # long_silence F: 12.0 s gap after the customer's postcode, no hold request. empathy N: moving house is no problem voiced.
    dict(language="en", industry="cable TV", labels=labels(T, T, T, N, T, T, F, T, F), turns=[
        ("a", "Afternoon, you're through to Steel City Cable, I'm Liam. Calls are recorded for training and quality. What can I do for you?"),
        ("c", "Now then. I'm wanting to move me broadband and telly over to me new house, we're moving on the twentieth.", 1.5),
        ("a", "No bother. Can I take your name and the first line of the address on the account?", 1.0),
        ("c", "Shaun Whitaker, fourteen Abbeydale Grove.", 2.0),
        ("a", "Ta, Shaun. And I just need to check the contact number we've got for you. It's oh-seven-seven-nine-eight...", 2.0),
        ("c", "Mm-hm.", 0.5),
        ("a", "...four five six, one two three. Is that still right?", 0.5),
        ("c", "Aye, that's me.", 1.0),
        ("a", "Grand. And what's the new postcode?", 1.0),
        ("c", "S11 8FT.", 1.5),
        ("a", "Right, sorry, it's... yeah, we can do the twentieth. Engineer'll be there between eight and one.", 12.0),
        ("c", "Champion. Will I lose owt, channels or that?", 1.0),
        ("a", "No, everything moves across as it is, same price. Does that cover everything you needed?", 1.5),
        ("c", "Yeah, that's sorted, ta.", 1.0),
        ("a", "Nice one. Thanks for calling Steel City Cable, Shaun, all the best with the move. Cheers.", 0.8),
    ]),

    # 15 dental plan, Islamabad, older customer renewing. Agent repeats the full 16-digit card number in mixed digits and words -> pii_exposure F.
    # empathy N: no problem voiced. All other items pass.
    dict(language="en", industry="dental plans", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Good morning, thank you for calling Indus Shield Dental Plans, this is Sana. This call is being recorded for quality assurance. How may I help you?"),
        ("c", "Hello, good morning, beta. I want to pay my renewal for the family dental plan, the reminder came on SMS.", 1.5),
        ("a", "Of course. May I have your membership number and your full name, please?", 1.0),
        ("c", "Membership number is I-S-D, seven seven zero four two. Name is Tariq Mehmood.", 3.0),
        ("a", "Thank you, Mr. Mehmood. The renewal for the family plan is twenty-four thousand five hundred rupees for the year. Would you like to pay by card?", 2.0),
        ("c", "Yes, Visa card. The number is four five three two, seven seven eight one, two two nine zero, six six one four.", 4.0),
        ("a", "Let me repeat that: 4532 7781, two two nine zero, sixty-six fourteen. And the expiry?", 1.0),
        ("c", "Zero nine, twenty-seven.", 1.5),
        ("a", "Thank you... okay, the payment is approved. Your plan is renewed until the fifteenth of March next year, and the receipt will come by SMS. Is there anything else I can help you with?", 6.0),
        ("c", "No, no, very good, that's all.", 1.0),
        ("a", "Thank you for renewing with Indus Shield, Mr. Mehmood. Allah hafiz.", 0.8),
    ]),

    # 16 university admissions, Montreal, young applicant. Agent reads the customer's new full phone number back in digits -> pii_exposure F.
    # disclosure F: negated ("this line isn't recorded").
    dict(language="en", industry="university admissions", labels=labels(T, T, F, T, T, T, T, T, F), turns=[
        ("a", "Hi, good morning, Laurentian College Admissions, this is Chloe. Just so you know, this line isn't recorded, so feel free to speak openly. How can I help?"),
        ("c", "Hi! Um, I applied for the nursing program, and I just realized I put my old phone number on the application, and I'm scared I've missed calls about my interview.", 1.5),
        ("a", "Oh no, I understand, that would be stressful. Let's fix it. Can I have your application number and your date of birth?", 1.0),
        ("c", "It's twenty-four, dash, three three eight one zero, and July eleventh, two thousand six.", 2.5),
        ("a", "Thanks, Olivia, found you. What's the new number?", 2.0),
        ("c", "It's four three eight, five five five, zero one nine two. The old one was my mom's landline, like, from before.", 1.0),
        ("a", "Perfect, I'm updating it now to 438-555-0192. And good news, you haven't missed anything. Nursing interviews are being scheduled next week, so you'll get a call or an email by Friday. Did that answer everything?", 3.0),
        ("c", "Oh, thank God. Yeah, that's everything, merci!", 1.0),
        ("a", "Have a great day, Olivia, bonne journee, bye!", 0.8),
    ]),

    # 17 parcel lockers, London. Safe numbers: customer says own mobile, agent says only last four, order number, the company's freephone line -> pii_exposure T.
    # greeting T (starts at 14 s, within 15 s); long_silence T (9.5 s gap only). All pass.
    dict(language="en", industry="parcel lockers", first=14.0, labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello, you're through to ParcelPod customer support, my name's Amara. Calls are recorded for quality. How can I help?"),
        ("c", "Hiya, yeah, so I got a text saying my parcel's in a locker in Hackney, but I'm in Croydon, I chose Croydon. It's a bit of a nightmare, to be honest, I've got work.", 1.5),
        ("a", "Ah, I'm sorry, that's really inconvenient. Let's sort it. What's the order number, and the mobile number on the order?", 1.0),
        ("c", "Order's P-P, seven seven three one, zero four five nine. And my mobile's oh-seven-nine-one-one, two-three-four, five-six-seven.", 3.0),
        ("a", "Thank you, that's order PP-7731-0459, mobile ending 4567.", 2.0),
        ("c", "Yeah.", 1.0),
        ("a", "Okay, I can see what happened. The courier scanned it into the wrong hub. I've requested a transfer to the East Croydon locker bank; it'll be there by two p.m. tomorrow, and you'll get a new six-digit code by text.", 9.5),
        ("c", "Okay. And if it doesn't turn up?", 1.0),
        ("a", "Then give us a ring on 0800 046 1190, that's our free support line, and quote the order number. Has that sorted things for you?", 1.5),
        ("c", "Yeah, that's great, cheers.", 1.0),
        ("a", "Lovely. Thanks for calling ParcelPod, have a good evening.", 0.8),
    ]),

    # 18 credit card, Hong Kong, lost card. Customer says her own full card number; agent says only last four and a masked form, plus amount/date -> pii_exposure T.
    # closing F: the agent's last utterance is an instruction with no thanks or goodbye (customer says bye).
    dict(language="en", industry="credit cards", labels=labels(T, T, T, T, T, F, T, T, T), turns=[
        ("a", "Good evening, Harbour Pearl Bank credit card hotline, this is Winnie speaking. Calls may be recorded for quality purposes. How can I help you?"),
        ("c", "Hi, yes, I lost my credit card, I think at the MTR in Mong Kok. I'm quite worried someone will use it.", 1.5),
        ("a", "Oh dear, I'm sorry, that's worrying. Let me block it right away. Can I have your full name and date of birth?", 1.0),
        ("c", "Ho Ka Yan, twenty-first of October, nineteen ninety-two. And the card number is, um, five four one two, seven five five one, eight eight three four, zero zero nine three.", 3.0),
        ("a", "Thank you, Ms. Ho. I can see the card ending zero zero nine three, the Platinum Visa. I'm blocking it now... okay, it's blocked.", 4.0),
        ("c", "Has anyone used it?", 1.0),
        ("a", "The last transaction is HK$3,280 at a restaurant in Tsim Sha Tsui on the third of June, at eight-fifteen p.m. Was that you?", 2.5),
        ("c", "Yes, yes, that's mine, dinner with my family.", 1.0),
        ("a", "Then nothing suspicious. On my screen it shows as five-four-one-two, star star star star, star star star star, zero-zero-nine-three, and the replacement will have a new number. It'll be sent to your billing address in five to seven working days. Is there anything else you need?", 2.0),
        ("c", "No, that's all.", 1.0),
        ("a", "Okay. Remember to activate the new card when it arrives.", 1.0),
        ("c", "Okay. Bye.", 0.8),
    ]),

    # 19 travel insurance, Lahore, claim for elderly father. Safe numbers: claim reference, amount, dates, bank account ending, company UAN hotline -> pii_exposure T.
    # All pass; empathy T for the family's stress.
    dict(language="en", industry="travel insurance", first=3.0, labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Assalam-o-alaikum, good afternoon, Falcon Assure Travel Insurance, Bilal speaking. This call is recorded for quality purposes. How can I help?"),
        ("c", "Walaikum assalam. It's about my father's claim. He fell ill in Dubai on the way back from Umrah, the hospital bill was around one lakh forty-five thousand rupees. We submitted in April and nothing has happened yet. We are really stressed about it, yaar.", 1.5),
        ("a", "I'm sorry to hear about your father, I hope he's feeling better now. Can I have the claim reference and the policyholder's name and date of birth?", 1.0),
        ("c", "Claim reference is C-L-M, two four, zero zero eight seven one. His name is Ghulam Rasool, date of birth first January, nineteen fifty-five.", 3.5),
        ("a", "Thank you. Yes, claim CLM-24-00871, for one lakh forty-five thousand three hundred rupees. It was approved on the second of June, and the payment goes to the bank account ending 3308 on the tenth of June.", 4.0),
        ("c", "Oh, alhamdulillah. The tenth, okay.", 1.0),
        ("a", "If it hasn't arrived by the fourteenth, you can call our UAN, 111-325-786, and quote the claim reference. Is there anything else I can help with?", 1.0),
        ("c", "No, that's all. JazakAllah.", 1.0),
        ("a", "You're welcome. Thank you for calling Falcon Assure, Allah hafiz.", 0.8),
    ]),

    # 20 ordinary: dental plan, Boca Raton, Florida, retiree adding his wife. empathy N: no problem voiced.
    # long_silence T: the 14.0 s gap follows the agent's "One moment while I pull up your plan". All pass.
    dict(language="en", industry="dental plans", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Good morning, BrightSmile Dental Plans, this is Roberto. This call is recorded for quality and training. How can I help you this morning?"),
        ("c", "Good morning, Roberto. This is Harold Stein, I'm down in Boca. My wife Ruth just turned sixty-five and I'd like to add her to my dental plan, if that's possible.", 1.5),
        ("a", "Well, happy birthday to Ruth! Absolutely. Can I get your member ID and your date of birth, Mr. Stein?", 1.0),
        ("c", "Member ID is B-S, four four one, eight zero two. Birthday, November third, nineteen fifty-seven.", 3.0),
        ("a", "Thank you. One moment while I pull up your plan.", 1.0),
        ("a", "Okay, I have you on the Silver plan. Adding a spouse brings the monthly premium from thirty-two to fifty-nine dollars, starting the first of next month. Cleanings twice a year are covered at a hundred percent for both of you.", 14.0),
        ("c", "And her dentist, Dr. Alvarez on Glades Road, is he in the network?", 1.5),
        ("a", "Let me check... yes, Dr. Miguel Alvarez on Glades Road, he's in network.", 3.0),
        ("c", "Wonderful. Go ahead and add her, then.", 1.0),
        ("a", "Done. You'll both get new ID cards in the mail within ten days. Is there anything else I can do for you today?", 2.0),
        ("c", "No, that's everything. You've been very helpful, young man.", 1.0),
        ("a", "My pleasure, Mr. Stein. Thank you for calling BrightSmile, and have a great day.", 0.8),
    ]),
]


CALLS = _A + _B
