// The customer phone page: call a campaign's number from the browser, answer the agent's
// WebRTC offer, talk, hang up.
(function () {
  "use strict";
  const root = document.getElementById("phone");
  if (!root) return;
  const rtc = window.CrowdlineRtc;
  const d = root.dataset;
  const status = document.getElementById("phone-status");
  const digits = document.getElementById("phone-digits");
  const callButton = document.getElementById("phone-call");
  const hangupButton = document.getElementById("phone-hangup");
  const keypad = document.getElementById("phone-keypad");
  const heard = document.getElementById("phone-heard");
  let token = null, pc = null, events = null;

  function url(path) { return d.baseUrl.replace("TOKEN", token).replace(/hangup$/, path); }
  function say(text) { status.textContent = text; }

  function finish() {
    if (events) events.close();
    events = null;
    rtc.close(pc);
    pc = null;
    window.crowdlinePhone = null;
    callButton.hidden = false;
    hangupButton.hidden = true;
    keypad.hidden = true;
    keypad.classList.remove("phone-asking");
    say(d.tEnded);
  }

  // The member left; the call itself may go on (the satisfaction survey, a hand-over).
  function memberLeft() {
    rtc.close(pc);
    pc = null;
    window.crowdlinePhone = null;
    say(d.tAgentLeft);
  }

  async function onMessage(message) {
    if (message.kind === "offer") {
      rtc.close(pc);
      pc = await rtc.newConnection(document.getElementById("phone-remote"));
      window.crowdlinePhone = pc;
      pc.addEventListener("connectionstatechange", function () {
        if (pc && pc.connectionState === "connected") say(d.tConnected);
      });
      const sdp = await rtc.makeAnswer(pc, message.body);
      await rtc.post(url("signal"), d.csrf, { kind: "answer", body: sdp });
    } else if (message.kind === "hold") {
      say(d.tHeld);
    } else if (message.kind === "resume") {
      say(d.tConnected);
    } else if (message.kind === "dtmf") {
      digits.textContent += String(message.body || "");
    } else if (message.kind === "say") {
      heard.textContent = String(message.body || "");
      heard.hidden = !message.body;
    } else if (message.kind === "keys") {
      keypad.classList.add("phone-asking");
    } else if (message.kind === "bye") {
      memberLeft();
    } else if (message.kind === "ended") {
      finish();
    }
  }

  callButton.addEventListener("click", async function () {
    callButton.disabled = true;
    try {
      const response = await rtc.post(d.callUrl, d.csrf);
      if (response.status === 429) { say(d.tBusy); return; }
      if (!response.ok) { say(d.tError); return; }
      const placed = await response.json();
      token = placed.token;
      rtc.useIceServers(placed.ice_servers);
      say(d.tCalling);
      digits.textContent = "";
      heard.textContent = "";
      heard.hidden = true;
      callButton.hidden = true;
      hangupButton.hidden = false;
      keypad.hidden = false;
      events = new EventSource(url("signal"));
      events.addEventListener("message", function (event) { onMessage(JSON.parse(event.data)); });
    } catch (error) {
      say(d.tError);
    } finally {
      callButton.disabled = false;
    }
  });

  keypad.querySelectorAll("[data-key]").forEach(function (key) {
    key.addEventListener("click", async function () {
      if (!token) return;
      keypad.classList.remove("phone-asking");
      const response = await rtc.post(url("keys"), d.csrf, { digits: key.dataset.key });
      if (response.ok) digits.textContent += key.dataset.key;
    });
  });

  hangupButton.addEventListener("click", async function () {
    if (token) await rtc.post(url("hangup"), d.csrf);
    finish();
  });
})();
