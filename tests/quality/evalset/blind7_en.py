# ruff: noqa: E501 -- one turn a line
"""A seventh blind split: 40 English calls written from the item definitions alone by two writers
(20 each) who saw neither the scorer nor any other call, to the mix of blind5; measured once, when
the scorer had been mended on blind6."""

from fresh import F, N, T, labels

_A = [
    # 01 telecom, Boston customer adding an international plan for a cousin's wedding in Taipei. empathy N: happy trip, no problem voiced. Customer says her own PIN; agent repeats nothing sensitive.
    dict(language="en", industry="telecom", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Thanks for calling Harborline Wireless, this is Kevin. Just so you know, this call's recorded for quality and training. What can I do for you today?"),
        ("c", "Hi Kevin. Yeah, I'm flying to Taipei next Thursday for my cousin's wedding and I wanna make sure my phone works over there."),
        ("a", "Oh, congrats to your cousin! Sure, we can set that up. Can I get the name on the account and your four-digit account PIN?"),
        ("c", "Wendy Huang, H-U-A-N-G. PIN is 0-6-1-9."),
        ("a", "Perfect, thanks Wendy, you're verified. Okay, so for Taiwan you've got two options. There's TravelPass, that's ten dollars a day, only on days you actually use it, or the International Monthly, seventy bucks for thirty days with fifteen gigs of data."),
        ("c", "The trip's twelve days, so the monthly's cheaper, right?"),
        ("a", "Yep, twelve days on TravelPass would be a hundred and twenty, so the monthly saves you fifty. Want me to add it starting Thursday?"),
        ("c", "Yes please. Thursday the fourteenth."),
        ("a", "Done. It's active from the fourteenth through the thirteenth of next month and it drops off on its own, so you don't have to call back to cancel. You'll get a text confirming it in a couple minutes."),
        ("c", "Oh great, that's easy."),
        ("a", "Is there anything else I can help you with before your trip?"),
        ("c", "Nope, that's it."),
        ("a", "Awesome. Thanks for calling Harborline, Wendy, and have a wonderful time at the wedding!"),
        ("c", "Thanks, bye!"),
    ]),
    # 02 banking, overdraft-fee dispute, whole call poor. greeting F: "Yeah, hi" greets but names neither company nor agent. disclosure F: none. empathy F: fees/money worry never acknowledged. resolution F: no check. closing F: last agent turn is "Fees stand." forbidden F: agent swears at the customer ("don't give a damn", "your damn account agreement", "for Christ's sake") and blames her.
    dict(language="en", industry="banking", labels=labels(F, T, F, F, F, F, T, F, T), turns=[
        ("a", "Yeah, hi. Account number?"),
        ("c", "Uh, hi. It's 4471-09832. I'm calling about these overdraft fees, I got hit with three of them, thirty-five bucks each, all on the same day."),
        ("a", "Name on the account?"),
        ("c", "Daniel Morales."),
        ("a", "Okay. Yeah, I see three overdrafts on the ninth."),
        ("c", "Right, but my paycheck was deposited that morning. It should've covered everything. And the guy I talked to last week said he'd reverse them."),
        ("a", "I don't see any note about that."),
        ("c", "Well, he said he would. A hundred and five dollars is a lot of money for me, man."),
        ("a", "Look, the deposit posted at four p.m., the debits hit before that. I don't give a damn what some guy told you last week, that's how it works. You spent money you didn't have."),
        ("c", "Whoa. Okay. Can you at least reverse one of them? Like as a courtesy?"),
        ("a", "No. Read your damn account agreement, for Christ's sake, it's all in there."),
        ("c", "You know what, I want to talk to a supervisor."),
        ("a", "Supervisor's gonna tell you the same thing. Fees stand."),
    ]),
    # 03 banking (credit card), stolen wallet, Philippine agent for a US issuer; otherwise excellent. pii F: agent reads the full 16-digit card number back in digits to "confirm" it. Customer's DOB/ZIP are answers to the agent's questions (verification T).
    dict(language="en", industry="banking", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good evening, thank you for calling Bayview Bank card services, my name is Rhea. This call may be recorded for quality assurance. How may I help you?"),
        ("c", "Hi Rhea, um, my wallet got stolen on the trolley like an hour ago and my credit card was in it. I'm kind of freaking out."),
        ("a", "Oh no, I'm so sorry that happened, that's really stressful. Don't worry, we'll get that card blocked right away. May I have your full name and date of birth, please?"),
        ("c", "Lucia Ortega. May twenty-second, 1990."),
        ("a", "Thank you, Ms. Ortega. And for additional verification, what's the ZIP code on the account?"),
        ("c", "92113."),
        ("a", "Thank you, you're verified. I'll be pulling up the card now. Okay, so the card you want me to block is 4532 7781 0094 2216, is that correct?"),
        ("c", "I... I guess? I don't have it memorized. It's the only Bayview card I have."),
        ("a", "Noted on that. I've blocked it now, so nobody can use it anymore. Can you see any charges you don't recognize from the last hour?"),
        ("c", "Let me check the app... there's one at a 7-Eleven for forty-two dollars. That's not me."),
        ("a", "Alright, I'm filing a dispute for that forty-two dollar charge, and you won't be responsible for it. Your replacement card will arrive in five to seven business days with a brand-new number."),
        ("c", "Okay. Okay, thank you."),
        ("a", "Is there anything else I can help you with tonight, Ms. Ortega?"),
        ("c", "No, that's everything."),
        ("a", "Again, I'm sorry about your wallet. Thank you for calling Bayview Bank, and please take care."),
    ]),
    # 04 utilities (electric, Oregon), 3-day storm outage, insulin in a cooler. Risky PASS: the CUSTOMER swears and insults ("fucking", "bullshit", "goddamn useless"); the agent stays calm and apologetic, so forbidden T. disclosure F: no recording mention.
    dict(language="en", industry="utilities", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Cascade Power and Light, good afternoon, this is Marcus. How can I help?"),
        ("c", "Yeah, Marcus, I've been without power for three fucking days. Three days! My wife's insulin is sitting in a cooler with ice I have to go buy every six hours. What the hell are you people doing?"),
        ("a", "I'm really sorry, sir. Three days without power is awful, and with insulin to keep cold I completely understand why you're upset. Let me see what's going on. What's the service address?"),
        ("c", "2218 Alder Street, Eugene."),
        ("a", "And the name on the account?"),
        ("c", "Greg Paulsen. Look, every time I call I get some bullshit estimate that never happens."),
        ("a", "Thank you, Mr. Paulsen. Okay, your street is on a damaged feeder line and there's a crew on it right now. The current estimate is tonight by nine p.m."),
        ("c", "That's what they said yesterday. You guys are goddamn useless, you know that?"),
        ("a", "I hear you, and I'm sorry yesterday's estimate slipped. What I can do right now is flag your account as medical priority because of the insulin. That moves your address up the restoration list and gets you a call from a field supervisor. There's also a cooling center at the Sheldon Community Center with refrigerators for medication."),
        ("c", "...Okay. The medical thing, yeah, do that."),
        ("a", "Done, it's flagged. A field supervisor will call you within the next two hours. Does that help for now, or is there anything else I can do?"),
        ("c", "No. Just get the damn lights back on."),
        ("a", "We're on it. Thanks for your patience, Mr. Paulsen, and I hope you're back up tonight."),
    ]),
    # 05 e-commerce (shoes), wrong size ordered; agent otherwise excellent. forbidden F: sarcasm buried mid-way in a long helpful turn ("real needle in a haystack, I totally get how someone could miss it") mocking the customer. Verification T via e-mail + shipping ZIP asked by agent; empathy T ("sorry they don't fit").
    dict(language="en", industry="e-commerce", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Hi, thanks for calling Stride and Company, this is Jenny! Calls are recorded for quality. What can I help you with?"),
        ("c", "Hey Jenny. So I ordered some running shoes and they're way too big. I ordered an eleven, I'm a ten. My bad, I clicked the wrong one."),
        ("a", "Oh, I'm sorry they don't fit, that's such a letdown when you're excited to try them. Let's get it fixed. Can I have your order number or the email on the order?"),
        ("c", "Email's brandon dot k dot wells at gmail dot com."),
        ("a", "Thanks. And just to verify, what's the ZIP code the order shipped to?"),
        ("c", "94610."),
        ("a", "Perfect, thanks Brandon. Okay, I see the Velocity Trail 3 in size eleven, delivered Monday. So here's what I'll do: I'm setting up an exchange for the size ten, same color, and that ships out today with free two-day shipping. I'm also emailing you a prepaid return label for the elevens, and you've got thirty days to drop them at any UPS store. And hey, for next time, the size selector is that great big box right above the Add to Cart button, so, you know, real needle in a haystack, I totally get how someone could miss it. Anyway, the confirmation email should land in the next few minutes."),
        ("c", "...Uh, okay. Thanks, I guess."),
        ("a", "Did the confirmation come through on your end?"),
        ("c", "Yeah, I see it."),
        ("a", "Great. Is there anything else I can help you with today?"),
        ("c", "No, that's it."),
        ("a", "Thanks so much for calling Stride, Brandon, enjoy the new shoes!"),
    ]),
    # 06 healthcare admin (dental billing), surprise $480 bill after insurance denial. All pass. Tricky: 9.5 s gap (not > 10 s) so long_silence T; agent mentions only "Visa ending in 3318" (last four) so pii T; "Does that take care of everything you were worried about?" is the resolution check; the e-mail given is the office's.
    dict(language="en", industry="healthcare", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Morning! Redwood Family Dental billing office, Anita speaking. Just a heads-up, our calls are recorded. What can I do for you?"),
        ("c", "Hi Anita, this is Carlos Fuentes. I got a bill for four hundred and eighty dollars for a crown, and I thought my insurance was supposed to cover most of that. I'm kind of worried, that's a lot for me."),
        ("a", "I'm sorry, I know a surprise bill like that is stressful. Let's figure out what happened. Can you give me the patient's date of birth so I can pull up the account?"),
        ("c", "Sure, October ninth, 1978."),
        ("a", "Thank you. Okay, I've got you here, Carlos. Let me look at the claim history."),
        ("c", "Sure."),
        ("a", "Alright, I see it. The claim was denied because your insurance still had you under your old employer's plan. It's not that you're not covered, they just have outdated info.", 9.5),
        ("c", "Oh. Yeah, I switched jobs in January. So what do I do?"),
        ("a", "If you email us a photo of the front and back of your new insurance card, I'll resubmit the claim today. And I'll put a forty-five-day hold on the bill so nothing goes to collections while we wait."),
        ("c", "Okay, that's a relief. Oh, and I set up autopay last time, is it gonna charge my card automatically?"),
        ("a", "Good question. I see the Visa ending in 3318 on autopay, but with the hold on, nothing gets charged until the claim comes back."),
        ("c", "Okay, good."),
        ("a", "Does that take care of everything you were worried about?"),
        ("c", "Yeah, I think so."),
        ("a", "Great. The email is billing at redwoodfamilydental dot com. Thanks for calling, Carlos, have a good one."),
    ]),
    # 07 government services (state unemployment line), missing benefit payment, rent due. pii F: agent reads the customer's full 9-digit SSN back ("0-8-7, 4-1, 6-6-2-9"); the customer saying it herself would not fail. Paraphrased greeting "you've reached ... Tanya speaking" passes.
    dict(language="en", industry="government", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good afternoon, you've reached the Department of Labor unemployment insurance line, Tanya speaking. Before we start, this call is recorded. How can I help you?"),
        ("c", "Hi, yes. My benefit payment didn't come this week and my rent is due Friday. I'm really worried."),
        ("a", "I'm sorry, I know how scary that is with rent coming up. Let's see what happened. Can I have your full name and date of birth?"),
        ("c", "Mei Lin Zhao, Z-H-A-O. June third, 1985."),
        ("a", "Thank you. And I'll need your Social Security number to pull up the claim."),
        ("c", "It's 087-41-6629."),
        ("a", "Let me just confirm, I have 0-8-7, 4-1, 6-6-2-9. Is that right?"),
        ("c", "Yes."),
        ("a", "Thank you. Okay, I see it. Your weekly certification for last week was never received, that's why the payment's on hold."),
        ("c", "But I did it on Sunday! On the website."),
        ("a", "It looks like it was started but the last page never went through. That happens a lot, the site times out. I can take the certification over the phone right now, and once it's in, payment goes out in two to three business days."),
        ("c", "Okay, please, let's do that."),
        ("a", "Alright. For the week ending the eighth: were you able and available to work each day, did you turn down any offer of work, and did you have any earnings?"),
        ("c", "Yes I was available, no I didn't turn anything down, and no earnings."),
        ("a", "Okay, that's submitted. You should see the deposit by Wednesday. Is there anything else I can help with today?"),
        ("c", "No, that's it. Thank you so much."),
        ("a", "You're welcome, Ms. Zhao. Thanks for calling, and good luck with the job search."),
    ]),
    # 08 insurance (auto claims), rear-ended customer asks why he pays the deductible. disclosure F: none. forbidden F: condescension ("I'm gonna go real slow this time so you can follow along... De-duc-ti-ble... Not that hard"). Empathy T ("sorry to hear that, hope you're okay").
    dict(language="en", industry="insurance", labels=labels(T, T, F, T, T, T, T, F, T), turns=[
        ("a", "Hi, Pinnacle Mutual claims, Derek speaking. How can I help?"),
        ("c", "Hello, yes. I had an accident on Monday, somebody hit my car from behind at a red light. I already reported it, I have a claim number."),
        ("a", "Oh, sorry to hear that, hope you're okay. What's the claim number?"),
        ("c", "P-M, 2204, 7781."),
        ("a", "And can you confirm the policyholder's date of birth?"),
        ("c", "April 17th, 1956."),
        ("a", "Okay, Mr. Lin, I've got it. So what's the question?"),
        ("c", "The letter says I have a five-hundred-dollar deductible. But the other driver hit me. Why do I pay five hundred dollars? I don't understand this."),
        ("a", "Okay. I'm gonna go real slow this time so you can follow along, alright? De-duc-ti-ble. It's the part you pay. You. Pay. It. First. Got it? It's not that hard."),
        ("c", "I know what a deductible is. I'm asking why I pay it if it's not my fault."),
        ("a", "Right. So since the other driver's at fault, we go after their insurance to get our money back. That's called subrogation. If we recover the full amount, you get your five hundred back. Usually takes sixty to ninety days."),
        ("c", "So I get it back later."),
        ("a", "If we recover it, yes. Does that answer your question?"),
        ("c", "Yes. Okay."),
        ("a", "Great. Thanks for calling Pinnacle Mutual, have a good day."),
    ]),
    # 09 travel (airline customer relations), complaint about a rude gate agent. greeting F: proper greeting but the first utterance starts at 18 s (> 15 s). Risky PASS: agent reads the complaint back quoting "Are you an idiot?" and "shut up" neutrally, so forbidden T.
    dict(language="en", industry="travel", first=18.0, labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, Pacific Crest Airlines customer relations, my name is Jasmine. This call is recorded for quality purposes. How can I help?"),
        ("c", "Hi, yeah, finally. I'm calling to file a complaint about one of your gate agents in San Francisco yesterday."),
        ("a", "I'm sorry to hear that. Can I get your confirmation code and last name?"),
        ("c", "Confirmation is K-7-Q-R-2-M, last name Wu, W-U."),
        ("a", "Thank you, Ms. Wu. I see flight 418 to Seattle. Please go ahead and tell me what happened."),
        ("c", "So I got to the gate like two minutes after boarding closed. I know, that part's on me. But the agent literally said, 'Are you an idiot? The door's closed,' in front of everybody. And when I asked about the next flight he told me to shut up and go to the service desk."),
        ("a", "That is not okay, and I'm really sorry you were spoken to that way. I want to write this up accurately. I'm noting: gate agent at SFO, gate B12, about 7:40 a.m., said, quote, 'Are you an idiot? The door's closed,' unquote, and told the customer to 'shut up' when she asked about rebooking. Is that accurate?"),
        ("c", "Yes. Exactly that."),
        ("a", "Okay. This goes to the SFO station manager, who'll review it with the agent. I also see you were rebooked on the 10:15 and paid a seventy-five-dollar same-day change fee. Given how you were treated, I'm refunding that fee and adding a five-thousand-mile goodwill credit to your account."),
        ("c", "Oh. Okay, that's... more than I expected. Thank you."),
        ("a", "Of course. Is there anything else I can help you with regarding that trip?"),
        ("c", "No, that's it."),
        ("a", "Thank you for letting us know, Ms. Wu. Have a good rest of your day."),
    ]),
    # 10 telecom (cable internet, Providence), no signal, works from home. pii F: agent reads the customer's full phone number from file in words ("four oh one, two seven three, nine one five eight"). closing F: agent said goodbye, but the customer asked one more thing and the agent's LAST utterance is just an answer.
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, T, F, T, T, F), turns=[
        ("a", "Hi, thank you for calling Northway Cable, my name is Luis. This call may be monitored or recorded. What's going on today?"),
        ("c", "Hi Luis. My internet's been down since this morning and I work from home, I've got a client call at two. I've already rebooted the modem like five times."),
        ("a", "Oh no, I'm sorry, that's terrible timing with a client call. Let's get you sorted. Can I get the account holder's name and the service address?"),
        ("c", "Kathleen O'Brien, 45 Wayland Avenue, Providence."),
        ("a", "Thanks, Kathleen. Okay, I'm running a check on your modem... yeah, no signal is reaching it at all, so it's nothing you did. There's no outage in your area, so it's probably the line outside. I'm going to book a technician."),
        ("c", "Today?"),
        ("a", "The earliest I have is today between three and five."),
        ("c", "Ugh, okay. Better than nothing. I'll use my phone's hotspot for the client call."),
        ("a", "Good idea. The tech will text and call before they come. I have the contact number as four oh one, two seven three, nine one five eight. Is that still the best one?"),
        ("c", "Yes, that's my cell."),
        ("a", "Perfect. I'm also putting a credit on your account for today's outage. Is there anything else I can help you with?"),
        ("c", "No, that's all."),
        ("a", "Alright, thanks for calling Northway, Kathleen, bye now."),
        ("c", "Oh wait, sorry, do I need to be home, or can my husband let them in?"),
        ("a", "Anyone over eighteen can be there."),
        ("c", "Okay, great. Bye."),
    ]),
    # 11 fitness (gym cancellation after moving states). verification F: customer only volunteers name and member number; agent never asks or confirms anything. empathy F: complaint about wrongful charges never acknowledged. resolution F: no check. forbidden F: veiled threat about chargebacks and "not as friendly" collections, "be a shame". Closing T: last turn thanks politely.
    dict(language="en", industry="fitness", labels=labels(T, F, T, F, F, T, T, F, T), turns=[
        ("a", "Hey, thanks for calling IronPeak Fitness member services, this is Kyle. Calls are recorded for quality and training."),
        ("c", "Hi Kyle. I'm Tyler Brooks, member number 5-5-1-0-2. I moved out of state in August and I've been trying to cancel, but you guys keep charging me forty-nine ninety-nine a month. That's two charges I shouldn't have."),
        ("a", "Okay. Cancellations need thirty days' written notice per the contract."),
        ("c", "I sent an email on August first. I have it right here."),
        ("a", "Email doesn't count. It has to be the form in person at the club, or a certified letter."),
        ("c", "I'm in Denver now. How am I supposed to walk into a club in Boston?"),
        ("a", "Certified letter, then."),
        ("c", "Fine. But I want those two charges back, or honestly I'm just going to dispute them with my credit card company."),
        ("a", "I mean, you can do that. But I'd think real hard about it. Members who file chargebacks get handed to our collections partner, and those guys are not as friendly as me. Be a shame to have something like that following you around over a hundred bucks, you know what I'm saying?"),
        ("c", "Are you threatening me?"),
        ("a", "Just telling you how it works. I'll email you the cancellation form today."),
        ("c", "Unbelievable."),
        ("a", "Thanks for calling IronPeak, have a good one."),
    ]),
    # 12 e-commerce (electronics, Philippine agent), laptop arrived with cracked screen. empathy F: the only "sorry"s are requests to repeat; the damage is never acknowledged. pii F: agent reads the customer's full mobile number in digits split over two turns, customer says "Yes." in between (408-552 ... 7163).
    dict(language="en", industry="e-commerce", labels=labels(T, T, T, F, T, T, T, T, F), turns=[
        ("a", "Thank you for calling ByteCart, this is Jerome. Please be advised this call is being recorded for quality purposes. How may I assist you today?"),
        ("c", "Hi. Yeah, I got a laptop delivered yesterday and the screen is cracked. Like, right out of the box, the corner's completely shattered."),
        ("a", "Okay. May I have the order number, please?"),
        ("c", "It's B-C-7-7-3-0-4-1-9."),
        ("a", "Sorry, can you repeat that? The line broke up a bit."),
        ("c", "B-C, seven seven three, oh four one nine."),
        ("a", "Thank you. And may I have the full name on the order?"),
        ("c", "Kevin Liang. L-I-A-N-G."),
        ("a", "Sorry, was that L-I-A-N-G or L-E-A-N-G?"),
        ("c", "L-I-A-N-G."),
        ("a", "Okay, noted. For the replacement, the courier will need a contact number. I have on file 408-552..."),
        ("c", "Yes."),
        ("a", "...7163. Correct?"),
        ("c", "Yeah, that's right."),
        ("a", "Alright. I've processed a replacement unit, it will ship within 24 hours. The courier will collect the damaged laptop when they drop off the new one, so kindly keep the original box. Was there anything else?"),
        ("c", "No. I guess that's it."),
        ("a", "Thank you for choosing ByteCart. Have a nice day."),
    ]),
    # 13 car rental, Australian tourist extends a rental. empathy N: customer voices no problem (the glitch is the agent's own). Risky PASS: "this stupid system" aims at the computer and "I'm an idiot" at the agent himself, so forbidden T. long_silence T: 14 s gap follows "Can you hold for me for a sec". "card ending in 0927" is last four only.
    dict(language="en", industry="car rental", labels=labels(T, T, T, N, T, T, T, T, T), turns=[
        ("a", "Hi there, thanks for calling Coastline Car Rental, this is Danielle. Just so you know, calls are recorded for quality. How can I help?"),
        ("c", "G'day Danielle. I've got one of your cars, picked it up at LAX, and I'm having such a good time up the coast I reckon I'll keep it two more days. Can I extend?"),
        ("a", "Oh, love that. Yes, we can do that. Can I get your rental agreement number and the last name on the booking?"),
        ("c", "Agreement's R-A-4-4-8-1-9-0-2, last name Kowalski."),
        ("a", "Thank you, Mr. Kowalski. Let me pull that up... oh, come on. Sorry, this stupid system just logged me out in the middle of it. Can you hold for me for a sec while I get back in?"),
        ("c", "No worries."),
        ("a", "Okay, thanks for holding, I'm back in. That was totally my fault, by the way, I'm an idiot, I clicked 'close' instead of 'extend'. So, you've got the Jeep Compass, currently due back Friday at noon at LAX. Extending to Sunday noon is two more days at sixty-four dollars a day plus tax, so about a hundred and forty-five US dollars all in.", 14.0),
        ("c", "Yeah, too easy. Put it on the same card."),
        ("a", "Done, charged to the card ending in 0927. You'll get the updated agreement by email. Anything else I can help with?"),
        ("c", "Nah, that's the lot. Cheers."),
        ("a", "Thanks, Mr. Kowalski, enjoy Big Sur and drive safe!"),
    ]),
    # 14 delivery (courier, Los Angeles), missed delivery marked "recipient unavailable". disclosure F: none. empathy F: problem never acknowledged. long_silence F: 11 s gap after the agent asked for the tracking number (not a hold request). forbidden F: rude blaming ("You probably had your headphones on... That one's on you... we've got to eat the cost because of it").
    dict(language="en", industry="delivery", labels=labels(T, T, F, F, T, T, F, F, T), turns=[
        ("a", "Good morning, SwiftRoute Delivery, my name is Brianna. How can I help?"),
        ("c", "Hi. I waited at home all day yesterday for a package and I got a notice saying 'customer not available,' but I was home the whole time! Now it says it's going back to the sender."),
        ("a", "What's the tracking number?"),
        ("c", "Sorry, I had to dig up the email... okay, here. S-R, 9-9-0-4-2-7-1-8-3.", 11.0),
        ("a", "And the name and delivery address?"),
        ("c", "Ana Delgado, 1520 Cypress Avenue, apartment 3, Los Angeles."),
        ("a", "Okay. Driver scanned it at 2:14 p.m., 'recipient unavailable, no safe place.'"),
        ("c", "That's impossible. I was literally sitting by the window. Nobody buzzed."),
        ("a", "Ma'am, drivers don't make this stuff up. You probably had your headphones on or something. That one's on you, not the driver, and now we've got to eat the cost of a second trip because of it."),
        ("c", "Wow. Okay. Can it be redelivered or not?"),
        ("a", "I can stop the return and schedule a redelivery for tomorrow between nine and five."),
        ("c", "Fine. Do that."),
        ("a", "It's scheduled. Anything else?"),
        ("c", "No."),
        ("a", "Okay, thanks for calling SwiftRoute, bye."),
    ]),
    # 15 travel (hotel reservations, Philippine agent), Brisbane caller books an anniversary stay in San Francisco. empathy N: no problem voiced. Verification T via e-mail on the rewards account. pii F: agent reads back the caller's full Australian mobile in mixed digits and words ("0412, five five eight, 903").
    dict(language="en", industry="travel", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Good evening, Bayside Hotels reservations, this is Kristine speaking. How may I help you?"),
        ("c", "Oh hi, Kristine. I'd like to book a room at your San Francisco hotel, the one on the Embarcadero, for three nights in March."),
        ("a", "Sure, I'd be happy to help with that. Just a quick heads-up, our calls are recorded for quality and training. What dates are you looking at?"),
        ("c", "Checking in the twelfth, out the fifteenth. Two adults."),
        ("a", "Let me check... I have a king room with a bay view at two hundred eighty-nine US dollars per night, or a city view at two forty-nine."),
        ("c", "What's that in Aussie dollars, roughly?"),
        ("a", "Roughly four hundred forty and three hundred eighty Australian dollars a night, but your bank will set the exact rate."),
        ("c", "Ah, we'll splurge. Bay view. It's our anniversary."),
        ("a", "Oh, congratulations! I'll add a note for the front desk. Are you an existing Bayside Rewards member?"),
        ("c", "Yes, I think so. Bronwyn Hughes."),
        ("a", "Can you confirm the email address on your rewards account, please?"),
        ("c", "It's bron dot hughes at bigpond dot com."),
        ("a", "Thank you, Ms. Hughes, that matches. And a mobile number for the booking?"),
        ("c", "Oh-four-one-two, five-five-eight, nine-oh-three."),
        ("a", "Let me read that back: 0412, five five eight, 903?"),
        ("c", "That's it."),
        ("a", "Perfect. You're confirmed: three nights, bay view king, March twelfth to fifteenth, confirmation number B-H-5-5-1-2-0. It's free to cancel up to 48 hours before check-in. Is there anything else I can help you with?"),
        ("c", "No, that's lovely, thanks."),
        ("a", "Thank you for choosing Bayside, Ms. Hughes, and happy anniversary!"),
    ]),
    # 16 utilities (water district), $612 bill from a probable leak. disclosure F: negated ("this line isn't recorded"). Risky PASS: customer calls the company "crooks"; agent's "I'm not calling you a liar" is a negated insult and "I can't remove the charge" a firm polite refusal, so forbidden T. Verification T via name + service address asked by agent.
    dict(language="en", industry="utilities", labels=labels(T, T, F, T, T, T, T, T, T), turns=[
        ("a", "Hi, Valley Water customer service, this is Wei. How can I help you today?"),
        ("c", "Yeah, hi. I just got a water bill for six hundred and twelve dollars. I usually pay like ninety. This is insane."),
        ("a", "Oh wow, I'm sorry, that's a huge jump, I can see why you'd be alarmed. Let's take a look. Can I have the account number, or the service address and the name on the account?"),
        ("c", "Donna Pierce, 88 Orchard Lane. And before we go on, are you recording this?"),
        ("a", "No, this line isn't recorded. But I'll put notes on the account of everything we discuss."),
        ("c", "Fine."),
        ("a", "Thanks, Ms. Pierce. Okay, looking at the meter reads, your usage went from about eight units to fifty-four units this period. The meter was read twice and both reads match. A jump like that is usually a leak, like a running toilet or an irrigation line."),
        ("c", "So you're calling me a liar? I'm telling you we did not use that much water."),
        ("a", "No, I'm not calling you a liar at all, and I'm not saying you did anything wrong. A hidden leak can run all month without anybody noticing. I'm just telling you what the meter recorded."),
        ("c", "Well, I want the whole thing taken off. You people are crooks."),
        ("a", "I understand you're frustrated. I can't remove the charge, because the water did pass through the meter. What I can do is this: if you find and fix a leak and send us the plumber's receipt, you qualify for a one-time leak adjustment, which usually takes off about half the excess. And I can split the balance into six monthly payments with no late fees."),
        ("c", "Six months. Okay. Set up the payment plan."),
        ("a", "Done. That's about a hundred and two dollars a month on top of your regular bill, starting next cycle, and I'm mailing you the leak adjustment form. Does that work for you?"),
        ("c", "I guess it'll have to."),
        ("a", "Thank you for your patience, Ms. Pierce. Have a good afternoon."),
    ]),
    # 17 streaming (TV sign-in help for an older customer). Disclosure T: "a supervisor may listen in" = monitored. long_silence T: 12 s gap follows the agent's "One moment please". forbidden F: belittling dismissal near the end ("pretty basic stuff, a kid could do it... people with actual problems").
    dict(language="en", industry="streaming", labels=labels(T, T, T, T, T, T, T, F, T), turns=[
        ("a", "Thanks for calling Cinebox support, my name's Josh. Just so you know, a supervisor may listen in on this call for quality. What can I help you with?"),
        ("c", "Hi Josh. I bought a new TV, and my grandson put the Cinebox on it, but it keeps asking me for a code and I don't know what code. I've been at this for an hour, it's very frustrating."),
        ("a", "Ah, sorry about that, those TV sign-ins can be a real pain. Can I have the email address on your Cinebox account?"),
        ("c", "Frank dot DeLuca fifty-two at yahoo dot com."),
        ("a", "Thanks, Mr. DeLuca. Okay, on the TV screen, do you see a six-character code?"),
        ("c", "Yes. It says... H, J, 4, P, K, Q."),
        ("a", "Great. One moment please while I link that to your account."),
        ("a", "Okay, it should be refreshing now. Do you see your profile?", 12.0),
        ("c", "Oh! Yes, there it is. My shows are all there."),
        ("a", "There you go, you're all set."),
        ("c", "Thank you. So next time, if it asks for the code again, what do I do?"),
        ("a", "Honestly, sir, it's pretty basic stuff, a kid could do it. Next time maybe just have your grandson handle it instead of tying up the support line, we've got people with actual problems waiting."),
        ("c", "Well. I'm sorry I bothered you."),
        ("a", "Anything else?"),
        ("c", "No."),
        ("a", "Okay, thanks for calling Cinebox, bye."),
    ]),
    # 18 banking (student loan servicer), laid-off borrower can't pay. All pass. Tricky: first utterance at 13.5 s (within 15 s) so greeting T; phone read only in masked form (area code + "ending in seven-one") so pii T; customer gives only SSN last four; "Does that give you what you needed, or is there something else...?" is the resolution check.
    dict(language="en", industry="banking", first=13.5, labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good morning, thank you for holding. This is Marisol with Keystone Loan Servicing, and this call is recorded for quality. How can I help?"),
        ("c", "Hi. I got laid off last month and my loan payment is due on the twentieth, and I just... I can't make it. I don't know what to do."),
        ("a", "I'm so sorry to hear about the layoff. The good news is there are options for exactly this situation, so let's look. First, can I get your full name and date of birth?"),
        ("c", "Gabriela Ruiz. February eleventh, 1994."),
        ("a", "And the last four of your Social?"),
        ("c", "4-0-5-8."),
        ("a", "Thank you, you're verified. I also want to make sure we can reach you. The phone on file shows area code two-oh-six, then it's masked on my end, ending in seven-one. Is that still your cell?"),
        ("c", "Yes, that's still me."),
        ("a", "Great. So with a job loss you qualify for an unemployment deferment. That pauses your payments for up to six months at a time, and on your subsidized loans no interest builds up during that time."),
        ("c", "Wait, really? So I don't pay anything on the twentieth?"),
        ("a", "Correct. I can submit it right now, and I'll put the account in forbearance while it's reviewed, so the payment on the twentieth won't be due. You'll just need to upload proof, like your unemployment benefits letter, within thirty days."),
        ("c", "Okay. Yes. Please do that."),
        ("a", "It's submitted. You'll get an email with the upload link today. Does that give you what you needed, or is there something else worrying you about the loan?"),
        ("c", "No, that's... that's a huge relief. Thank you."),
        ("a", "You're very welcome, Gabriela. Good luck with the job search, and take care."),
    ]),
    # 19 healthcare (mail-order pharmacy), inhaler refill rejected, customer nearly out. disclosure F: none. empathy F: "almost out"/"two puffs left" never acknowledged. long_silence F: 13 s gap after the customer's question, no hold asked. forbidden F: open insult at the start ("are you dense or something?").
    dict(language="en", industry="healthcare", labels=labels(T, T, F, F, T, T, F, F, T), turns=[
        ("a", "MedPoint Pharmacy, hi, this is Tiffany. What can I do for you?"),
        ("c", "Hi, yeah, um, my inhaler refill got rejected, and I'm almost out, and the text said something about 'PA required' and I have no idea what that means."),
        ("a", "It means prior authorization. Not exactly rocket science, are you dense or something? Prescription number?"),
        ("c", "Excuse me? ... It's 4410927."),
        ("a", "Name and date of birth?"),
        ("c", "Jason Wong. August 2nd, 1988."),
        ("a", "Okay, Mr. Wong. So your insurance wants your doctor to confirm you need this specific inhaler before they'll pay for it. We faxed Dr. Patel's office on Monday, but they haven't sent it back yet."),
        ("c", "Okay, but I've got like two puffs left. What am I supposed to do in the meantime?"),
        ("a", "I can call the doctor's office right now and push them on it. If it doesn't come through today, you can get one inhaler at the cash price, sixty-two dollars with our discount card, and we'd refund it if insurance approves later.", 13.0),
        ("c", "Okay. Call them, please."),
        ("a", "Will do. I'll text you once I hear back. Does that cover it?"),
        ("c", "Yeah."),
        ("a", "Alright, thanks for calling MedPoint, bye."),
    ]),
    # 20 subscription (meal kits), customer pauses deliveries for a vacation. verification F: customer volunteers name and e-mail; agent never asks for or confirms identity. empathy N: no problem voiced. pii T: the customer says her own phone number and the agent doesn't repeat it; the 1-888 number the agent gives is the company hotline.
    dict(language="en", industry="subscription", labels=labels(T, F, T, N, T, T, T, T, T), turns=[
        ("a", "Hey there, you've reached HomePlate Meal Kits, Aaron speaking! Calls are recorded for training. What can I do for you?"),
        ("c", "Hi Aaron, this is Grace Tan, my email's grace dot tan eighty-eight at outlook dot com. We're going to Vancouver for three weeks and I'd like to pause my boxes."),
        ("a", "Oh nice, sure thing. Which weeks should I skip?"),
        ("c", "The boxes for the fourth, the eleventh and the eighteenth. Then start again on the twenty-fifth."),
        ("a", "Got it. Those three are skipped, you won't be charged for them, and the twenty-fifth goes out as normal."),
        ("c", "Perfect. And if anything goes wrong, can someone text me? My cell is 646-555-0187."),
        ("a", "I've added a note to text you about any issue. If you ever want to unpause early, you can do it in the app or call us at 1-888-432-7700."),
        ("c", "Great, thanks."),
        ("a", "Did that cover everything you needed today?"),
        ("c", "Yep, that's all."),
        ("a", "Thanks for calling HomePlate, Grace, and have an amazing trip!"),
    ]),
]


_B = [
    # 01 telecom, Birmingham customer overcharged on mobile bill; the whole call is poor.
    # greeting F: "Yeah, what is it?" names neither company nor agent. verification F: the customer
    # volunteers account number and name, agent never asks or confirms anything. disclosure F: none.
    # empathy F: bill shock voiced, no apology/empathy. resolution F: no check. closing F: last agent
    # turn is "Whatever, go on then." long_silence F: 12 s after the customer's turn, no hold asked.
    # forbidden F: swears at and insults the customer ("Bloody hell, are you thick or something?").
    # pii T: no phone/card/ID spoken by the agent.
    dict(language="en", industry="telecom", labels=labels(F, F, F, F, F, F, F, F, T), turns=[
        ("a", "Yeah, what is it?"),
        ("c", "Hiya, yeah, I'm ringing about me bill. Account number's 4417 2290, name's Darren Pugh. I've been charged eighty-six quid this month and I'm on a twenty-five pound contract."),
        ("a", "Right. Eighty-six. Yeah, that's what it says."),
        ("c", "Well, can you tell me why? Because I haven't done anything different, I've not been abroad, nothing."),
        ("a", "Out-of-bundle data."),
        ("c", "What's out-of-bundle data? I'm on unlimited, the lad in the shop on Corporation Street set it up for me."),
        ("a", "No you're not, you're on ten gig. Bloody hell, are you thick or something? It's on the contract you signed, in black and white.", 12.0),
        ("c", "Excuse me? There's no need to talk to me like that."),
        ("a", "Look, mate, I've got a queue as long as my arm. You used the data, you pay for the data. Simple as."),
        ("c", "I want to speak to a manager."),
        ("a", "They'll tell you the same. Ring back if you want, I'm not putting you through."),
        ("c", "Unbelievable. Right, I'm going to Ofcom."),
        ("a", "Whatever, go on then."),
    ]),
    # 02 e-commerce, Mumbai, parcel marked delivered but not received. Agent otherwise excellent.
    # forbidden F: sarcastic mockery of the customer's address in the middle ("truly a masterpiece",
    # "treasure hunt"). pii F: agent reads the customer's full 10-digit mobile split over two turns
    # (98201 / 47735) with the customer's "Yes." between. verification T: order ID and account email asked.
    dict(language="en", industry="e-commerce", labels=labels(T, T, T, T, T, T, T, F, F), turns=[
        ("a", "Good afternoon, thank you for calling BazaarKart, this is Sneha. Just to inform you, this call is recorded for quality purposes. How may I help you?"),
        ("c", "Hi Sneha, yes, my order is showing delivered since yesterday but I have not received anything. It's a pressure cooker, for my mother."),
        ("a", "Oh, I'm really sorry to hear that, sir, that's very frustrating, especially when it's a gift. May I have the order ID, please?"),
        ("c", "Yes, it's BK-7730-5512."),
        ("a", "Thank you. And can you confirm the email address on the account?"),
        ("c", "rohit.deshmukh84 at gmail dot com."),
        ("a", "Perfect, that matches, Mr Deshmukh. Let me check the delivery details... okay, the address says 'Room 12, Shanti Niwas, near Hanuman temple, Andheri East'. No building number, no lane name?"),
        ("c", "Yes, that's how everyone writes it. The temple is right there only."),
        ("a", "Wow. 'Near the temple.' In Mumbai. Brilliant, sir, truly a masterpiece of an address. There are only about four thousand temples in Andheri, so our delivery boy must have had a lovely pilgrimage. You should be writing clues for a treasure hunt, honestly."),
        ("c", "Okay, there's no need for that. Can you just find my parcel?"),
        ("a", "Of course, sir. I'll raise a trace with the courier right away, and they'll call you before they re-attempt. Your registered mobile number is 98201..."),
        ("c", "Yes."),
        ("a", "...47735, correct?"),
        ("c", "Yes, that's right."),
        ("a", "Done. The trace reference is TR-44091. If it isn't located within forty-eight hours, we'll issue a full refund automatically. Does that take care of what you needed today?"),
        ("c", "Yes, I suppose."),
        ("a", "Thank you for your patience, Mr Deshmukh. Have a good day."),
    ]),
    # 03 banking, elderly customer near Dingwall (Highlands) locked out of the app after branch closure.
    # empathy F: problem voiced (branch shut, can't get in), agent never apologises or empathises.
    # forbidden F: condescension in the middle ("I'll go nice and slowly, since this is clearly all a bit
    # much for you ... shall I say it again even slower?"). pii T: card given as "ending 4471" only.
    # verification T: date of birth and first line of address asked.
    dict(language="en", industry="banking", labels=labels(T, T, T, F, T, T, T, F, T), turns=[
        ("a", "Good morning, Highland Savings Bank, you're speaking to Kirsty. Calls are recorded and may be monitored. How can I help?"),
        ("c", "Oh, good morning. It's Alasdair MacLeod here, from Dingwall. The branch in town has shut and they've told me to use this app thing on the phone, but I cannae get into it at all."),
        ("a", "Right. I'll need to confirm who I'm speaking to first. Date of birth and the first line of your address?"),
        ("c", "Fourteenth of March, nineteen fifty. And it's 3 Tulloch Street."),
        ("a", "Thanks. Okay, so what's happening when you open it?"),
        ("c", "It's asking me for a passcode, and I've put in my PIN, the one for the cash machine, and it says it's wrong. Three times now."),
        ("a", "Because the passcode isn't your PIN, Mr MacLeod. Right. I'll go nice and slowly, since this is clearly all a bit much for you. The passcode. Is the six numbers. You chose. When you set it up. Not the card PIN. Do you understand the difference, or shall I say it again even slower?"),
        ("c", "There's no need to speak to me like I'm daft, lass. I'm not senile."),
        ("a", "Okay. So I've reset it. You'll get a text with a code. Put the code in, and then you choose a new six-digit passcode. Your card ending 4471 isn't affected, that still works as normal in the machine."),
        ("c", "Right. A text, then a new number. Fine."),
        ("a", "Is there anything else I can help with today?"),
        ("c", "No. That's all."),
        ("a", "Thanks for calling Highland Savings Bank, goodbye."),
    ]),
    # 04 utilities (energy), Taunton, Somerset; huge estimated bill.
    # disclosure F: recording never mentioned. empathy F: bill shock and being a carer voiced, agent
    # shows none ("that's not really our problem"). long_silence T: the only gap is 9.5 s (not > 10 s).
    # forbidden F: rude blaming ("that's on you ... when you couldn't be bothered to read a meter").
    # resolution T: "Has that sorted it for you?". verification T: name, postcode, first line asked.
    dict(language="en", industry="utilities", labels=labels(T, T, F, F, T, T, T, F, T), turns=[
        ("a", "Afternoon, Wessex Energy, Gareth speaking, how can I help?"),
        ("c", "Hello, yes. I've just had a bill through for four hundred and twelve pounds and I normally pay about ninety. I nearly fell off my chair."),
        ("a", "Okay. Can I take the account holder's name and the postcode?"),
        ("c", "Sandra Pike, TA1 4PN."),
        ("a", "And the first line of the address?"),
        ("c", "22 Priory Avenue."),
        ("a", "Right, got you. So, looking at this, we haven't had a meter reading off you since last March. Everything since then's been estimated, and the estimate's caught up with you.", 9.5),
        ("c", "Well, nobody told me I had to send readings. I thought you lot did that."),
        ("a", "We send a reminder every quarter, Mrs Pike, by email and on the bill. You've ignored every single one of them, so honestly, that's on you. Don't ring up acting like we've robbed you when you couldn't be bothered to read a meter."),
        ("c", "I beg your pardon? I'm a carer for my husband, I haven't had a minute to myself."),
        ("a", "Yeah, well, that's not really our problem. If you read the meter now and give me the numbers, I can re-bill it on actuals."),
        ("c", "Fine. Hang on. ... It's 4-8-2-1-6."),
        ("a", "Okay, that's gone through. The re-bill comes out at two hundred and seventy-eight pounds, and I can split that over six months if you want."),
        ("c", "Yes, do that."),
        ("a", "Done. Has that sorted it for you?"),
        ("c", "I suppose."),
        ("a", "Thanks for calling, bye."),
    ]),
    # 05 insurance, Auckland; car claim stalled three weeks. Agent otherwise excellent.
    # forbidden F: veiled threat buried in a long professional turn (taking it to the ombudsman means
    # "your renewal comes back a lot dearer, if you get what I mean"). pii F: agent reads the customer's
    # full NZ mobile in words ("oh two seven, three one four, eight eight two five" = 027 314 8825).
    # greeting T: "you're through to Harbour Mutual, my name's Aroha". closing T: "Thanks heaps ... ka kite".
    dict(language="en", industry="insurance", labels=labels(T, T, T, T, T, T, T, F, F), turns=[
        ("a", "Kia ora, you're through to Harbour Mutual, my name's Aroha. Just so you know, this call's recorded for training and quality. What can I do for you today?"),
        ("c", "Kia ora, Aroha. Look, I put a claim in three weeks ago, my car got rear-ended on Great South Road, and I've heard nothing. I've been bussing it to work since. I'm over it, to be honest."),
        ("a", "Oh, that's really rough, I'm sorry. Three weeks without a car is a long time, especially when it wasn't even your fault. Let's get to the bottom of it. Can I grab your policy number?"),
        ("c", "HM 55 203 871."),
        ("a", "Thanks. And just to confirm I'm talking to the policyholder, what's your date of birth?"),
        ("c", "Ninth of September, eighty-one. Tane Ngata."),
        ("a", "Lovely, thanks Tane. Okay, so I can see the claim. The assessor's report came in last Thursday, it's been approved for repairs at the panel beater in Manukau, and you should have been offered a courtesy car. I can see that step was missed, which is on us, and I'm sorry. I'll book a rental for you today at no cost, and I'll pop a note on the file about the delay. And between you and me, Tane, I'd think pretty carefully before taking this to the ombudsman like you mentioned in your email. People who go down that road have a funny way of finding their renewal comes back a lot dearer, if you get what I mean. Now, the rental company will ring you to arrange pickup. I've got your mobile as oh two seven, three one four, eight eight two five. Is that still the best one?"),
        ("c", "Yeah, that's the number. Sorry, what was that about my renewal?"),
        ("a", "Oh, nothing to worry about, just a bit of friendly advice. So, the rental people will call you within the hour, and repairs should start Monday. Does that cover everything you needed today?"),
        ("c", "I guess so. Yeah."),
        ("a", "Awesome. Thanks heaps for your patience, Tane, ka kite."),
    ]),
    # 06 healthcare admin, Belfast; two clashing outpatient letters after a 14-month wait.
    # disclosure F: none. empathy F: worry voiced, agent never apologises/empathises. resolution F: no
    # check. forbidden F: dismissive, belittling ("hardly the end of the world ... people on this line
    # with actually serious things"). closing T: last turn "Thanks for calling, bye now."
    # pii T: the customer says her own Health and Care number; the agent never repeats it.
    dict(language="en", industry="healthcare admin", labels=labels(T, T, F, F, F, T, T, F, T), turns=[
        ("a", "Good morning, Lagan Health Trust outpatient appointments, Ciara speaking."),
        ("c", "Morning. I've had two letters for the same appointment, dermatology, one says the 4th and one says the 11th, and I've waited fourteen months for this. I'm terrified of missing it."),
        ("a", "Okay. Can I take your date of birth and your Health and Care number?"),
        ("c", "Second of June, sixty-eight. The number's 452 318 7769."),
        ("a", "And your name?"),
        ("c", "Roisin Doherty."),
        ("a", "Right. So the 11th is the right one, the 4th was cancelled."),
        ("c", "But how was I supposed to know that? Nobody rang me. I'd have taken a day off work for the wrong one. And the letter for the 4th came second, so..."),
        ("a", "Ach, look, it's a couple of letters with the wrong date on, it's hardly the end of the world. It's a mole clinic, not A and E. I've people on this line with actually serious things going on, so I can't be spending half the morning on whose letter came first."),
        ("c", "Right. Well. Sorry for wasting your precious time."),
        ("a", "The 11th, half nine, clinic B. Thanks for calling, bye now."),
    ]),
    # 07 car rental, Chennai; disputed damage charge of Rs 18,500.
    # empathy F: complaint voiced, agent never apologises ("Sir, everyone says that"). resolution F: no
    # check. closing F: last agent turn is a threat, no thanks or goodbye. forbidden F: open threat at
    # the very end (do-not-rent flag on the customer's licence). The customer calling staff "cheats"
    # does not count. verification T: booking number and name asked.
    dict(language="en", industry="car rental", labels=labels(T, T, T, F, F, F, T, F, T), turns=[
        ("a", "Good evening, Coastline Car Rentals, Karthik speaking. This call is being recorded. Tell me, how can I help you?"),
        ("c", "Yes, hello. I returned a Swift at your Guindy branch on Sunday and today I see eighteen thousand five hundred rupees deducted from my card for a scratch. That scratch was already there when I picked it up, I told your boy at the counter."),
        ("a", "Booking number, please?"),
        ("c", "CCR 220 914."),
        ("a", "And the name on the booking?"),
        ("c", "Vikram Iyer."),
        ("a", "Okay, Mr Iyer, I can see photos from the return inspection showing a scratch on the rear left door. There's nothing marked on the pickup checklist."),
        ("c", "Because your staff didn't write it down! I have a photo on my phone from pickup, with the timestamp. I can email it."),
        ("a", "Sir, everyone says that. The charge is valid as per our records."),
        ("c", "This is daylight robbery. I'm going to post this everywhere, consumer forum, Twitter, everything. Your staff are cheats."),
        ("a", "Go ahead, post it. And let me tell you one thing, Mr Iyer. Keep talking to me like this and I'll put a do-not-rent flag on your licence, and no Coastline branch anywhere in India will give you so much as a scooter. Understood?"),
    ]),
    # 08 delivery, Derby; third missed delivery, customer swears heavily ("bloody", "fucking", "a joke").
    # forbidden T: only the customer swears; the agent stays calm and polite throughout.
    # pii F: the agent reads the customer's full UK mobile back in digits (07723 418096).
    dict(language="en", industry="delivery", labels=labels(T, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good morning, SwiftDrop Parcels, you're speaking with Lauren. Calls are recorded for training purposes. How can I help?"),
        ("c", "Yeah, you can help by getting your bloody drivers to knock on a door. That's the third fucking time this week I've had a card saying you missed me, and I've been sat in the front room all day. Right by the window. You lot are a joke."),
        ("a", "I'm really sorry, that's maddening, especially when you've stayed in for it. Let's get it sorted properly this time. Have you got the tracking number from the card?"),
        ("c", "S-D 9 4 4 1 7 2 0 3."),
        ("a", "Thank you. And could I take the postcode of the delivery address?"),
        ("c", "DE22 3LT. Gary Holt."),
        ("a", "Thanks, Mr Holt. Okay, I can see the three attempts. I'm marking this as a priority redelivery for tomorrow with a note for the driver to knock and ring, and he'll phone you twenty minutes before. I've got your mobile here as 07723 418096, is that right?"),
        ("c", "Yeah. And if he doesn't turn up tomorrow I'm coming down that depot and I'll be having words with someone, I'm not even joking."),
        ("a", "I completely understand. If anything goes wrong tomorrow, ring us back and quote reference R-5531, and it'll go straight to the depot supervisor. Is there anything else I can do for you today?"),
        ("c", "No. Just get the thing here."),
        ("a", "Will do. Thanks for your patience, Mr Holt, and sorry again. Bye now."),
    ]),
    # 09 government services (council), Plymouth; complaint about a bin crew member.
    # forbidden T: the agent quotes the insult neutrally while reading back the customer's email
    # ("and I'm quoting your email word for word, '... you nosy old cow'"). disclosure T: paraphrased
    # ("calls to the council are recorded"). closing F: the agent says "Thanks for calling ... bye now"
    # but the customer comes back, and the agent's LAST turn is a plain statement without thanks/goodbye.
    dict(language="en", industry="government services", labels=labels(T, T, T, T, T, F, T, T, T), turns=[
        ("a", "Good afternoon, Tamar District Council, Becky speaking. Before we start, I should let you know that calls to the council are recorded so we can check the quality of our service. How can I help?"),
        ("c", "Hello, dear. I sent an email last week about one of the bin men, and I've heard nothing, so I thought I'd ring."),
        ("a", "I'm sorry you've not had a reply, that's not good enough. Could I take your full address and postcode, so I can find your email?"),
        ("c", "Yes, it's 8 Lipson Vale, PL4 7HJ. Jean Trewin."),
        ("a", "Thank you, Mrs Trewin. Yes, I have it here. Let me read back what you wrote so we've got it right. You said on Tuesday the 3rd the recycling wasn't taken, you went out to ask why, and one of the crew said, and I'm quoting your email word for word, 'mind your own business, you nosy old cow'. Is that correct?"),
        ("c", "That's exactly what he said. In front of my neighbour and all. I was so upset I couldn't sleep."),
        ("a", "I'm so sorry, Mrs Trewin. No one should be spoken to like that, least of all for asking a fair question. I've logged this as a formal complaint with the waste services manager, they have ten working days to respond, and I've booked your recycling in as a missed collection for tomorrow. Is there anything else I can help with?"),
        ("c", "No, that's everything, thank you, dear."),
        ("a", "You're very welcome. Thanks for calling, take care, bye now."),
        ("c", "Oh, sorry, love, one more thing. Will he know it was me that complained?"),
        ("a", "Complaints are handled by the manager, he won't be given your name."),
        ("c", "Right. Bye then."),
    ]),
    # 10 telecom (broadband), Wellington; connection dropping for two days, customer works from home.
    # forbidden T: bad words aimed at the system ("this stupid system", "useless bit of kit") and at the
    # agent himself ("me being a complete idiot"), plus a negated insult ("you're not being dumb at all").
    # long_silence T: the 40 s gap follows the agent's "bear with me for a moment".
    # pii T: phone given only in masked form ("oh two one, then stars, ending eight two").
    # verification T: account email asked, masked mobile confirmed.
    dict(language="en", industry="telecom", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Kia ora, Tui Fibre support, Liam speaking. Just a heads-up, calls are recorded for quality. What's going on?"),
        ("c", "Hi Liam. My internet's been dropping out for two days and I work from home, so it's honestly a nightmare. I've turned the modem off and on about a hundred times."),
        ("a", "Oh, that's a pain, I'm sorry, especially when it's your work. Let's sort it. Can I get your account number, or the email on the account?"),
        ("c", "It's mereana.walker at xtra dot co dot nz."),
        ("a", "Thanks Mereana. And for security I'll just check the mobile on file. My screen only shows it masked: oh two one, then stars, ending eight two. Is that yours?"),
        ("c", "Yep, that's me."),
        ("a", "Sweet. Right, I'll run a line test, bear with me for a moment while it goes."),
        ("a", "Okay, thanks for waiting. Oh, come on, this stupid system's frozen on me again. Honestly, it's a useless bit of kit. ... Ah, no, hang on, that's me being a complete idiot, I had the wrong connection selected. My fault.", 40.0),
        ("c", "Ha, don't worry. I thought maybe it was me doing something dumb with the modem. The red light's flashing, if that helps."),
        ("a", "Nah, you're not being dumb at all, that red light confuses heaps of people. Flashing red means the fibre signal isn't reaching you, so it's not your modem. There's a fault at your street cabinet and a tech's booked for tomorrow between eight and twelve. In the meantime I'll add thirty gig of free mobile data so you can hotspot for work."),
        ("c", "Oh, that's awesome, thank you."),
        ("a", "No worries. Is that everything sorted for you for now?"),
        ("c", "Yep, that's great."),
        ("a", "Cheers Mereana, thanks for calling, have a good one."),
    ]),
    # 11 travel (airline), Chennai; refund demanded on a non-refundable fare.
    # greeting T: first utterance starts at 12 s, within 15 s, and names company and agent.
    # forbidden T: firm but polite refusal ("that won't change whoever you speak to"), no rudeness.
    # pii T: the only full number spoken by the agent is the company's toll-free line.
    # empathy T: "I'm sorry to hear the wedding's been postponed".
    dict(language="en", industry="travel", first=12.0, labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Vanakkam and good morning, Coromandel Airways, this is Deepa. Please note this call is recorded for quality and training. How can I help you?"),
        ("c", "Good morning. I booked two tickets Chennai to Delhi for my cousin's wedding, and now the wedding is postponed. I want a full refund."),
        ("a", "Oh, I'm sorry to hear the wedding's been postponed, sir, that's a lot of upheaval for the family. May I have the PNR and the passenger's surname, please?"),
        ("c", "PNR is K7QZ4M, surname Kumar."),
        ("a", "Thank you, Mr Kumar. I can see the booking. Both tickets are on our Saver fare, which is non-refundable, so I'm afraid I can't give a full refund."),
        ("c", "This is not fair. I paid twenty-two thousand rupees. I'm not asking for charity, it's my own money. Just do it, what is the problem?"),
        ("a", "I do understand, sir, and I won't pretend otherwise: on a Saver fare a refund isn't possible, and that won't change whoever you speak to. What I can do is two things. I can refund the airport taxes, about two thousand four hundred rupees in total. Or you can move both tickets to the new wedding date, with a change fee of fifteen hundred per ticket plus any fare difference."),
        ("c", "So I lose money either way."),
        ("a", "On this fare, I'm afraid so. If you'd like to take it further, our customer relations team is on 1800 425 7788, toll-free, but I have to be honest that they follow the same fare rules."),
        ("c", "Fine. Refund the taxes for now, I'll change the dates when I know the new date."),
        ("a", "Done. The tax refund of two thousand four hundred and twenty rupees will reach your card in seven working days, and the tickets stay open for a date change until the 31st of March. Is there anything else I can help you with?"),
        ("c", "No."),
        ("a", "Thank you for flying with Coromandel Airways, Mr Kumar. Have a good day."),
    ]),
    # 12 hospitality, Fort William hotel; customer pays a booking balance by card, nothing wrong.
    # empathy N: no problem, complaint or worry voiced. pii F: the agent reads the full 16-digit card
    # number back (4929 7731 0526 1184). verification T: booking reference and surname asked.
    dict(language="en", industry="hospitality", labels=labels(T, T, T, N, T, T, T, T, F), turns=[
        ("a", "Hello, Loch Linnhe Lodge, Morag speaking. Calls here are recorded for training. How can I help?"),
        ("c", "Hi Morag, I've a booking with you for the end of the month and I got an email saying the balance is due, so I thought I'd just pay it over the phone."),
        ("a", "Lovely, no bother. What's the booking reference and the surname?"),
        ("c", "It's LL 3092, surname Fraser."),
        ("a", "Thanks, Mrs Fraser. Three nights from the 27th, double room with the loch view, and the balance is two hundred and ninety pounds. Go ahead with the card number when you're ready."),
        ("c", "It's 4929 7731 0526 1184."),
        ("a", "So that's 4929 7731 0526 1184, and the expiry?"),
        ("c", "Oh-eight, twenty-seven. And the three on the back are 5 0 2."),
        ("a", "Grand. That's gone through, two hundred and ninety pounds paid, and you'll get a receipt by email. Is there anything else you need for your stay?"),
        ("c", "No, that's everything, we're really looking forward to it."),
        ("a", "Och, you'll love it, the forecast's good. Thanks very much, Mrs Fraser, see you on the 27th. Bye just now."),
    ]),
    # 13 government services (LPG subsidy helpline), Chennai; subsidy missing three months.
    # greeting F: "Good morning, how may I help you?" names neither company nor agent.
    # pii F: the agent reads out the customer's full 12-digit Aadhaar number (India's national ID).
    # The customer saying her own mobile is fine. disclosure T: "please be informed this call is recorded".
    # resolution T: "Have I cleared all your doubts?".
    dict(language="en", industry="government services", labels=labels(F, T, T, T, T, T, T, T, F), turns=[
        ("a", "Good morning, how may I help you?"),
        ("c", "Good morning, madam. My gas subsidy is not coming to my bank account for three months now. Every month I'm paying full price, nine hundred and something, and it's a burden for us."),
        ("a", "I'm sorry for the trouble, ma'am, I understand three months is a long time. Before I check, please be informed this call is recorded. May I have your LPG consumer number?"),
        ("c", "It's 7 1 0 0 4 5 2 9 8 3."),
        ("a", "Thank you. And the name and registered mobile number?"),
        ("c", "Lakshmi Narayanan. Mobile is 94440 12876."),
        ("a", "Okay, Mrs Narayanan, I can see the problem. After your bank merged, your Aadhaar is no longer seeded with the account. The Aadhaar on our record is 5847 2210 9635. Is that correct?"),
        ("c", "Yes, yes, that is my Aadhaar."),
        ("a", "So you need to visit your bank branch with the Aadhaar card and ask for Aadhaar seeding for DBT. Once the bank updates it, the subsidy will start from the next cycle, and the pending three months will also be credited."),
        ("c", "Only the bank? I don't need to come to the gas office?"),
        ("a", "No, ma'am, only the bank. Have I cleared all your doubts?"),
        ("c", "Yes, thank you, it is very clear now."),
        ("a", "Thank you for calling, ma'am. Have a nice day."),
    ]),
    # 14 gym, Leicester; broken ankle, member wants a medical freeze.
    # greeting F: the agent's first utterance starts at 17 s, later than 15 s (there is no earlier
    # utterance, so this is not a long_silence). disclosure F: negated ("these calls aren't recorded").
    # pii F: the agent reads the full UK mobile mixing words and digits ("oh seven nine four six,
    # 221 583" = 07946 221583). verification T: membership number asked, name and date of birth confirmed.
    dict(language="en", industry="gym", first=17.0, labels=labels(F, T, F, T, T, T, T, T, F), turns=[
        ("a", "Hiya, sorry about the wait, you're through to FitHub Leicester, Jade speaking."),
        ("c", "Oh hi, yeah. I've broken my ankle playing five-a-side, I'm in a boot for eight weeks, so I was wondering if I can freeze my membership rather than keep paying."),
        ("a", "Oh no, that's awful, I'm sorry! Poor you. Yeah, we can definitely freeze it. Can I take your membership number or the email on your account?"),
        ("c", "Membership number's FH 60 21 88."),
        ("a", "Ta. And just to confirm, that's Sanjay Mistry? What's your date of birth?"),
        ("c", "Yeah, that's me, twelfth of November, ninety-two."),
        ("a", "Lovely. And don't worry, these calls aren't recorded or anything, so just chat normal. Right, a medical freeze is free for up to three months, you just email us a copy of your fracture clinic letter. I'll text you the address to send it to. I've got your mobile down as oh seven nine four six, 221 583, is that still right?"),
        ("c", "Yeah, that's it."),
        ("a", "Perfect. The freeze starts from today, so your direct debit on the 1st won't go out. Is there anything else I can help you with?"),
        ("c", "No, that's brilliant, thanks."),
        ("a", "Aw, no worries. Get well soon, Sanjay, thanks for calling. Ta-ra!"),
    ]),
    # 15 utilities (water), Truro, Cornwall; routine meter reading phoned in.
    # verification F: the customer volunteers name, account number and address; the agent never asks
    # for or confirms identity. empathy N: no problem voiced. long_silence T: the 14 s gap follows the
    # agent's "one moment while I put that in".
    dict(language="en", industry="utilities", labels=labels(T, F, T, N, T, T, T, T, T), turns=[
        ("a", "Morning, Kernow Water, Tom speaking. Calls are recorded for training and monitoring. How can I help?"),
        ("c", "Morning, Tom. Peter Jago, account number 30 114 672, 5 Chapel Row, Truro. Just ringing with a meter reading, I'm not on the internet so I always phone it in."),
        ("a", "Right you are. Go ahead with the reading."),
        ("c", "It's 0-1-4-3-7, the black numbers."),
        ("a", "Lovely, one moment while I put that in."),
        ("a", "That's on there now, and it's in line with your usual, so your next bill should be about the same as last time, around sixty-eight pounds. Is there anything else I can do for you today?", 14.0),
        ("c", "No, that's all, thanks, Tom."),
        ("a", "Cheers, Mr Jago, thanks for calling. Bye now."),
    ]),
    # 16 telecom (mobile), Christchurch; $240 roaming charges after a Melbourne trip.
    # empathy F: the only "sorry" is "Sorry, could you say that again?", which is not empathy; the
    # problem is never acknowledged with apology or empathy. long_silence F: 11 s gap after the agent's
    # plain explanation (no hold/wait requested). greeting T: "Morena, Kea Mobile, you've got Hemi".
    # resolution T: "Have I answered everything you rang about?".
    dict(language="en", industry="telecom", labels=labels(T, T, T, F, T, T, F, T, T), turns=[
        ("a", "Morena, Kea Mobile, you've got Hemi. Calls are recorded for quality and training. How can I help?"),
        ("c", "Hi, um, I've just got back from Melbourne and there's two hundred and forty dollars of roaming on my bill. I thought I had it switched off."),
        ("a", "Sorry, could you say that again? You dropped out a bit there."),
        ("c", "Two hundred and forty dollars. Roaming. From Melbourne."),
        ("a", "Got it. Can I get your date of birth and your four-digit account PIN?"),
        ("c", "Third of May, ninety-nine, and the PIN's 2 0 1 9. Sophie Bennett."),
        ("a", "Thanks, Sophie. So data roaming was on. Your phone connected to a network over there as soon as you landed, and without a roaming pass you pay per megabyte. A roaming pass would have been ten dollars a day."),
        ("c", "Right. Sorry, I was just doing the maths. So I'd have paid fifty for five days instead of two-forty?", 11.0),
        ("a", "That's right. What I can do is backdate a five-day pass as a one-off, so you'd pay fifty and I'll credit the other hundred and ninety."),
        ("c", "Oh, really? Yes please."),
        ("a", "Done, the credit will show on your next bill. Have I answered everything you rang about?"),
        ("c", "Yeah, that's perfect, thanks."),
        ("a", "No worries, Sophie, thanks for calling Kea Mobile. Bye."),
    ]),
    # 17 healthcare admin (diagnostic lab), Mumbai; father's biopsy report delayed.
    # greeting F: the agent's first utterance is "Hello? Hello?"; the company and name only come in the
    # second agent turn. long_silence T: the 50 s gap follows "Please hold the line for a minute".
    # verification T: patient ID and date of birth asked.
    dict(language="en", industry="healthcare admin", labels=labels(F, T, T, T, T, T, T, T, T), turns=[
        ("a", "Hello? Hello?"),
        ("c", "Hello, yes, can you hear me?"),
        ("a", "Yes, sir, now it's clear. Good morning, Lifeline Diagnostics, Priya speaking. This call is recorded for quality purposes. How may I help you?"),
        ("c", "My father's biopsy report was promised on Monday, today is Thursday, and nobody is telling us anything. The doctor needs it before he can start treatment. We are all very worried."),
        ("a", "I'm so sorry, sir, I can understand how anxious the family must be, waiting on something like this. Let me find out right away. May I have the patient ID from the receipt and the patient's date of birth?"),
        ("c", "Patient ID is LD 448 120. Date of birth, 2nd January 1954. Name is Harish Mehta."),
        ("a", "Thank you. Please hold the line for a minute while I check with the histopathology team."),
        ("a", "Thank you for holding, sir. The report was held because one special stain had to be repeated, and the pathologist has signed it just now. It will be emailed to you and to Dr Shah within the hour, and you can collect the printed copy from our Andheri West centre after four o'clock.", 50.0),
        ("c", "Oh, thank god. Thank you so much."),
        ("a", "You're welcome, sir. Is there anything else I can help you with?"),
        ("c", "No, that's all."),
        ("a", "Wishing your father a quick recovery. Thank you for calling Lifeline Diagnostics."),
    ]),
    # 18 insurance (home), Exeter; routine change of address after a move.
    # disclosure F: "I've recorded the change of address" is not a call-recording disclosure, and
    # nothing else mentions recording. empathy N: no problem voiced.
    # resolution T: "Does that cover everything you needed?".
    dict(language="en", industry="insurance", labels=labels(T, T, F, N, T, T, T, T, T), turns=[
        ("a", "Good morning, Exmoor Insurance, Ellie speaking, how can I help?"),
        ("c", "Morning. I've just moved house, only down the road really, and I need to update the address on my home insurance."),
        ("a", "Of course. Could I take your policy number, please?"),
        ("c", "EX 4471 903."),
        ("a", "Thank you. And your date of birth, for security?"),
        ("c", "Twenty-first of July, 1976. Richard Coombe."),
        ("a", "Thanks, Mr Coombe. And the new address?"),
        ("c", "14 Pennsylvania Road, Exeter, EX4 6DG."),
        ("a", "Lovely. Is it a similar sort of property? Three-bed, brick built, no flat roof?"),
        ("c", "Yes, three-bed semi, brick, same as before."),
        ("a", "Great. I've recorded the change of address on your policy, and there's no change to your premium. You'll get updated documents by email today. Does that cover everything you needed?"),
        ("c", "Yes, that's all, thank you."),
        ("a", "You're welcome. Thanks for calling Exmoor Insurance, have a lovely day."),
    ]),
    # 19 banking, Belfast; purse stolen on the train, debit card stopped. An ordinary good call.
    # pii T: the customer reads her own full card number; the agent only says "ending 3318".
    # long_silence T: the one gap is 9.5 s (not > 10 s). resolution T: "Is that everything squared away
    # for you?". verification T: full name and date of birth asked.
    dict(language="en", industry="banking", labels=labels(T, T, T, T, T, T, T, T, T), turns=[
        ("a", "Good evening, Foyle and Lagan Bank, lost and stolen cards, you're through to Niall. All calls are recorded. What's happened?"),
        ("c", "Hi, I think my purse has been lifted on the train from Lisburn, and my debit card was in it. I'm in a bit of a state, to be honest."),
        ("a", "Ah no, I'm sorry, that's a horrible feeling. Don't worry, we'll get it stopped now. Can I take your full name and date of birth?"),
        ("c", "Aoife Quinn, twenty-ninth of October, nineteen ninety."),
        ("a", "Thanks, Aoife. And do you have the card number, or the account number and sort code?"),
        ("c", "I've a photo of the card on my phone, hold on... right, it's 5354 2211 8706 3318."),
        ("a", "Thank you. That's the debit card ending 3318 cancelled now, so nobody can use it. The last transaction was at 4:12 this afternoon, a Tesco in Lisburn. Was that you?", 9.5),
        ("c", "Yes, that was me, buying a meal deal."),
        ("a", "Grand, so nothing's been taken. A new card will be with you in three to five working days, and you can add it to your phone wallet straight away in the app. Is that everything squared away for you?"),
        ("c", "Yes, that's a weight off, thanks a million."),
        ("a", "No bother at all, Aoife. Thanks for calling, mind yourself, bye now."),
    ]),
    # 20 travel (rail), Inverness; cancelled train to Kyle, refund claim.
    # long_silence F: 11 s gap after the customer's turn while the agent looks it up without asking her
    # to wait. closing F: the agent's last turn ("That's it all processed ...") has no thanks/goodbye;
    # only the customer says cheerio. resolution T: "Anything else you need while I've got you?".
    dict(language="en", industry="travel", labels=labels(T, T, T, T, T, F, F, T, T), turns=[
        ("a", "Hello, Caledonian Northern Rail customer relations, Fraser speaking. Calls are recorded for training. What can I do for you?"),
        ("c", "Hello there. My train on Saturday, the ten fifty-two from Inverness to Kyle, was cancelled, and we ended up on a replacement bus, two hours late. I'm wanting to claim the money back."),
        ("a", "Oh, I'm sorry about that, two hours on a bus up that road is no fun at all. Can I take the booking reference and the email you booked with?"),
        ("c", "It's CN 772140, and the email is eilidh.munro at btinternet dot com."),
        ("a", "Right, I've found it, Mrs Munro. Two adults, forty-four pounds sixty for that leg. With a cancellation and over two hours' delay you get that leg refunded in full, back to the original card.", 11.0),
        ("c", "Oh, that's better than I expected."),
        ("a", "Anything else you need while I've got you?"),
        ("c", "No, that's everything."),
        ("a", "Okay. That's it all processed, it'll take five to seven days."),
        ("c", "Lovely. Thanks very much, cheerio."),
    ]),
]


CALLS = _A + _B
