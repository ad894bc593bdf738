// The member's workspace: presence, offers, preview mode (the next contact of an outbound
// campaign, dialed by the member), the call over the built-in WebRTC softphone (recorded on both
// sides when the campaign records, kept in the browser's IndexedDB and uploaded in resumable parts
// once it ends — a recording whose upload the closing of the tab cut short is resumed when the desk
// opens again), wrap-up, and
// surviving a phone's life (hidden tab, lost network): it re-registers and restores the status the
// member chose, without a reload.
(function () {
  "use strict";
  const root = document.getElementById("desk");
  if (!root) return;
  const rtc = window.CrowdlineRtc;
  const d = root.dataset;
  const $ = function (id) { return document.getElementById(id); };
  const POLL_MS = 1000;
  let token = null, beatEvery = 10, wanted = null, lastBeat = 0, online = true;
  let state = null, offer = null, ix = null, card = null, pc = null, events = null;
  let muted = false, held = false, answeredAt = null, wrapupUntil = null, ringing = null, audio = null;
  let device = null, twilioCall = null; // provider "twilio": the Voice SDK's Device and its current call
  const PREVIEW_MS = 5000, OVER = ["completed", "abandoned", "failed"];
  let preview = null, previewAt = 0, dialed = null; // preview mode: the card shown, the call the member dialed
  let notDialed = null; // an interaction followed the usual way, not as a dialed call
  const PART_BYTES = 1024 * 1024; // a recording goes up in parts of at most 1 MiB
  let recorder = null, uploads = [], uploading = false, resumed = false;

  // --- recordings kept in IndexedDB until the server has all of them ------------------------------
  const kept = (function () {
    const NAME = "crowdline-desk", STORE = "recordings";
    let opened = null;
    function open() {
      if (!window.indexedDB) return Promise.reject(new Error("IndexedDB unavailable"));
      opened = opened || new Promise(function (resolve, reject) {
        const request = window.indexedDB.open(NAME, 1);
        request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { opened = null; reject(request.error); };
      });
      return opened;
    }
    function run(mode, work) {
      return open().then(function (db) {
        return new Promise(function (resolve, reject) {
          const transaction = db.transaction(STORE, mode);
          const request = work(transaction.objectStore(STORE));
          transaction.oncomplete = function () { resolve(request ? request.result : undefined); };
          transaction.onerror = transaction.onabort = function () { reject(transaction.error); };
        });
      });
    }
    return {
      put: function (item) { return run("readwrite", function (store) { store.put(item); }); },
      remove: function (key) { return run("readwrite", function (store) { store.delete(key); }); },
      all: function () { return run("readonly", function (store) { return store.getAll(); }); },
    };
  })();

  function api(method, path, body) {
    return fetch(path, {
      method: method, credentials: "same-origin",
      headers: { Authorization: "Bearer " + token, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function show(id, visible) { $(id).hidden = !visible; }

  function connection(lost) {
    online = !lost;
    const banner = $("desk-connection");
    banner.textContent = lost ? d.tReconnecting : "";
    banner.hidden = !lost;
  }

  // --- sound: a ring tone from WebAudio, unlocked by the "enable sound" tap ---------------
  $("desk-sound").addEventListener("click", function () {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
    $("desk-sound").hidden = true;
    const remote = $("desk-remote");
    const playing = remote.play();
    if (playing && playing.catch) playing.catch(function () {});
  });

  function ring(on) {
    if (on && !ringing) {
      ringing = setInterval(function () {
        if (navigator.vibrate) navigator.vibrate([300, 200, 300]);
        if (!audio) return;
        const tone = audio.createOscillator(), gain = audio.createGain();
        tone.frequency.value = 440;
        gain.gain.value = 0.1;
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.8);
      }, 2000);
    } else if (!on && ringing) {
      clearInterval(ringing);
      ringing = null;
      if (navigator.vibrate) navigator.vibrate(0);
    }
  }

  // --- registration, presence, heartbeats -----------------------------------------------------
  async function register() {
    const response = await rtc.post(d.registerUrl, d.csrf);
    if (!response.ok) throw new Error(String(response.status));
    const body = await response.json();
    token = body.access_token;
    rtc.useIceServers(body.ice_servers);
    if (!resumed) { resumed = true; resumeKept(); }
    registerDevice().catch(function () { connection(true); });
    setTimeout(function () { register().catch(function () {}); }, Math.max(30, body.expires_in - 60) * 1000);
  }

  // --- provider "twilio": the Voice JS SDK rings for the accepted offer's leg ---------------------
  async function twilioToken() {
    const response = await api("GET", "/api/v1/telephony/token");
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()).token;
  }

  async function registerDevice() {
    if (d.provider !== "twilio" || !window.Twilio || !window.Twilio.Device) return;
    if (device) { if (device.state !== "registered") await device.register(); return; }
    device = new window.Twilio.Device(await twilioToken(), {
      edge: ["roaming"], closeProtection: true, maxCallSignalingTimeoutMs: 30000, tokenRefreshMs: 60000,
    });
    device.on("tokenWillExpire", function () { twilioToken().then(function (t) { device.updateToken(t); }); });
    device.on("incoming", function (call) {
      twilioCall = call;
      call.on("disconnect", function () { twilioCall = null; poll().catch(function () {}); });
      if (ix) call.accept(); // the member accepted the offer: this is its leg
      else call.reject();
    });
    device.on("error", function () { connection(true); });
    await device.register();
  }

  async function setStatus(status) {
    const response = await api("PUT", "/api/v1/agents/me/presence", { status: status });
    const body = await response.json();
    const reason = $("desk-reason");
    if (response.ok) {
      wanted = status;
      reason.hidden = true;
      lastBeat = Date.now();
    } else {
      reason.textContent = (body.error && body.error.message) || d.tError;
      reason.hidden = false;
    }
    await poll();
  }

  document.querySelectorAll("[data-status]").forEach(function (button) {
    button.addEventListener("click", function () { setStatus(button.dataset.status).catch(function () {}); });
  });

  function renderToday(me) {
    const today = me.today || {};
    $("today-calls").textContent = String(today.calls_handled || 0);
    $("today-talk").textContent = clock(today.talk_seconds || 0);
    const money = (today.earnings_pending_qa || []).map(function (e) {
      return (e.amount / 100).toFixed(2) + " " + e.currency;
    });
    $("today-earnings").textContent = money.length ? money.join(" · ") : "0";
    const shift = me.next_shift;
    let text = d.tNoShift;
    if (me.on_shift) text = "";
    else if (shift) {
      text = d.tNextShift.replace("{campaign}", shift.campaign_name)
        .replace("{start}", new Date(shift.starts_at).toLocaleString()) + " " + d.tCheckIn;
    }
    $("desk-shift").textContent = text;
  }

  async function poll() {
    const response = await api("GET", "/api/v1/agents/me");
    if (response.status === 401) { await register(); return; }
    if (!response.ok) throw new Error(String(response.status));
    const me = await response.json();
    connection(false);
    beatEvery = me.heartbeat_every_seconds || beatEvery;
    state = me.state;
    $("desk-state").textContent = d["t" + state.charAt(0).toUpperCase() + state.slice(1)] || state;
    $("desk-state").dataset.state = state;
    renderToday(me);
    if (wanted === null && state !== "offline") wanted = state === "away" ? "away" : "available"; // a reload
    if (wanted === "available" && state === "offline" && !me.offer && !me.interaction_id) {
      // back from a lost connection or a sleeping tab: the member had chosen to take calls
      wanted = null;
      await setStatus("available");
      return;
    }
    renderOffer(state === "offered" ? me.offer : null);
    if (!dialed && !ix && me.interaction_id && state === "away" && me.interaction_id !== notDialed) {
      dialed = { ix: me.interaction_id, adopted: true }; // a reload during a dialed call: follow it again
    }
    if (dialed) { await followDialed(); return; }
    if (me.interaction_id && (state === "busy" || state === "wrapup")) await follow(me.interaction_id, state);
    if (!me.interaction_id && ix && state !== "busy") leaveCall();
    await refreshPreview();
  }

  // --- preview mode: the next contact's masked card, dialed by the member ------------------------
  function previewStatus(text) {
    $("preview-status").textContent = text || "";
    show("preview-status", !!text);
  }

  function renderPreview(contact) {
    const same = preview && contact && preview.contact_id === contact.contact_id;
    preview = contact;
    show("desk-preview", !!contact);
    if (!contact || same) return;
    $("preview-campaign").textContent = contact.campaign_name || "";
    $("preview-customer").textContent = contact.phone_masked || "";
    $("preview-name").textContent = contact.name || "";
    $("preview-time").textContent = (contact.local_time || "") + (contact.time_zone ? " (" + contact.time_zone + ")" : "");
    $("preview-script").textContent = contact.script || "";
    const list = $("preview-attributes");
    list.textContent = "";
    Object.keys(contact.attributes || {}).forEach(function (key) {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = key;
      dd.textContent = String(contact.attributes[key]);
      list.append(dt, dd);
    });
  }

  async function refreshPreview() {
    if (ix || offer || dialed || (state !== "available" && state !== "away")) { renderPreview(null); return; }
    if (Date.now() - previewAt < PREVIEW_MS) return;
    previewAt = Date.now();
    const response = await api("GET", "/api/v1/dialer/preview");
    if (response.ok) renderPreview((await response.json()).contact);
  }

  $("preview-dial").addEventListener("click", async function () {
    if (!preview || dialed) return;
    const chosen = preview;
    const button = $("preview-dial"), reason = $("preview-reason");
    button.disabled = true;
    reason.hidden = true;
    try {
      const response = await api("POST", "/api/v1/dialer/preview/" + chosen.contact_id + "/dial");
      const body = await response.json().catch(function () { return {}; });
      if (response.ok) {
        dialed = { ix: body.interaction_id };
        renderPreview(null);
        previewStatus(d.tCalling.replace("{customer}", chosen.phone_masked));
        await poll();
      } else {
        // refused (outside calling hours, on a DNC list, …): said in words, nothing was dialed
        reason.textContent = chosen.phone_masked + ": " + ((body.error && body.error.message) || d.tError);
        reason.hidden = false;
        previewAt = Date.now(); // the next contact comes with the next refresh
      }
    } finally {
      button.disabled = false;
    }
  });

  // the dialed call: ringing, then the call like any other, then back to available once it is over
  async function followDialed() {
    const response = await api("GET", "/api/v1/interactions/" + dialed.ix);
    if (response.status === 404) { dialed = null; return; }
    if (!response.ok) throw new Error(String(response.status));
    const call = await response.json();
    if (dialed.adopted && call.direction !== "outbound") { // after a reload: not a dialed call after all
      notDialed = dialed.ix;
      dialed = null;
      return;
    }
    if (call.state === "queued" || call.state === "offered") return; // the callee's phone rings
    if (OVER.indexOf(call.state) < 0) {
      previewStatus(null);
      await follow(dialed.ix, call.state === "wrapup" ? "wrapup" : "busy");
      return;
    }
    const answered = !!call.answered_at;
    dialed = null;
    if (ix) leaveCall();
    previewStatus(answered ? null : d.tNotAnswered);
    if (!answered) setTimeout(function () { previewStatus(null); }, 8000);
    previewAt = 0;
    await setStatus("available"); // the member's call and its wrap-up are done: calls again
  }

  // --- the offer ---------------------------------------------------------------------------
  function renderOffer(next) {
    offer = next;
    show("desk-offer", !!offer);
    ring(!!offer);
    if (!offer) return;
    $("offer-campaign").textContent = offer.campaign_name || "";
    $("offer-customer").textContent = (offer.customer && offer.customer.masked) || "";
    $("offer-left").textContent = String(offer.seconds_left);
  }

  $("offer-accept").addEventListener("click", async function () {
    if (!offer) return;
    const callId = offer.call_id;
    renderOffer(null);
    const response = await api("POST", "/api/v1/agents/me/offers/" + callId + "/accept");
    if (response.ok) await follow((await response.json()).id, "busy");
    else await poll();
  });

  $("offer-decline").addEventListener("click", async function () {
    if (!offer) return;
    const callId = offer.call_id;
    renderOffer(null);
    await api("POST", "/api/v1/agents/me/offers/" + callId + "/decline");
    await poll();
  });

  // --- the call ----------------------------------------------------------------------------
  async function follow(interactionId, agentState) {
    if (ix !== interactionId) {
      ix = interactionId;
      const response = await fetch(d.cardUrl.replace(/\/0$/, "/" + interactionId), { credentials: "same-origin" });
      card = await response.json();
      renderCard();
      answeredAt = Date.now();
      wrapupUntil = null;
      if (card.browser_customer) await startMedia();
      else if (d.provider === "twilio") { /* the Device's incoming call carries the audio */ }
      else { $("call-note").textContent = d.tSimulated; show("call-note", true); startCaptions(); }
    }
    if (agentState === "wrapup" && wrapupUntil === null) startWrapup();
  }

  function renderCard() {
    $("call-customer").textContent = card.customer.masked;
    $("call-campaign").textContent = card.campaign_name;
    const list = $("call-attributes");
    list.textContent = "";
    const attributes = Object.assign(card.customer.name ? { "": card.customer.name } : {}, card.customer.attributes);
    Object.keys(attributes).forEach(function (key) {
      const dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = key;
      dd.textContent = String(attributes[key]);
      list.append(dt, dd);
    });
    $("call-script").textContent = card.script;
    const survey = $("call-survey"), answers = $("wrapup-survey");
    survey.textContent = "";
    answers.textContent = "";
    card.survey_questions.forEach(function (question, index) {
      const item = document.createElement("li");
      item.textContent = question;
      survey.append(item);
      const label = document.createElement("label"), input = document.createElement("input");
      label.textContent = question;
      input.name = "survey-" + index;
      input.maxLength = 1000;
      input.dataset.testid = "wrapup-survey-" + index;
      input.dataset.question = question;
      label.append(input);
      answers.append(label);
    });
    const select = $("wrapup-code");
    select.textContent = "";
    card.dispositions.forEach(function (option) {
      const element = document.createElement("option");
      element.value = option.code;
      element.textContent = option.label;
      select.append(element);
    });
    $("call-optout").hidden = !card.can_opt_out;
    $("call-transfer").hidden = !card.escalation;
    $("call-transfer").disabled = false;
    $("call-hangup").textContent = d.tHangUp;
    show("call-transfer-status", false);
    show("call-optout-done", false);
    show("call-keypad", false);
    muted = held = false;
    show("desk-call", true);
    show("desk-wrapup", false);
  }

  async function startMedia() {
    pc = await rtc.newConnection($("desk-remote"));
    window.crowdlineDesk = pc;
    pc.addEventListener("track", function (event) { startRecording(event.streams[0]); });
    const sdp = await rtc.makeOffer(pc);
    await rtc.post(d.cardUrl.replace(/\/0$/, "/" + ix + "/signal"), d.csrf, { kind: "offer", body: sdp });
    events = new EventSource(d.cardUrl.replace(/\/0$/, "/" + ix + "/signal"));
    events.addEventListener("message", async function (event) {
      const message = JSON.parse(event.data);
      if (message.kind === "answer" && pc && !pc.currentRemoteDescription) {
        await pc.setRemoteDescription({ type: "answer", sdp: message.body });
      } else if (message.kind === "bye" || message.kind === "ended") {
        stopMedia();
        poll().catch(function () {});
      }
    });
  }

  // a simulated caller: their words as captions at the moment they say them (spoken aloud too, once
  // sound is enabled: the server's espeak-ng voice where it has one, else the browser's synthesis)
  let captionTimers = [], captionVoices = [];
  function startCaptions() {
    const list = $("call-captions");
    list.textContent = "";
    show("call-captions", card.captions.length > 0);
    const lang = document.documentElement.lang;
    captionTimers = card.captions.map(function (line) {
      return setTimeout(function () {
        const item = document.createElement("li");
        item.textContent = line.text;
        list.append(item);
        if (audio && line.audio) {
          const voice = new Audio(line.audio); // the server's synthesized voice (espeak-ng)
          captionVoices.push(voice);
          voice.play().catch(function () {});
        } else if (audio && window.speechSynthesis && window.SpeechSynthesisUtterance) {
          const utterance = new SpeechSynthesisUtterance(line.text);
          utterance.lang = lang;
          window.speechSynthesis.speak(utterance);
        }
      }, line.at * 1000);
    });
  }

  function stopCaptions() {
    captionTimers.forEach(clearTimeout);
    captionTimers = [];
    captionVoices.forEach(function (voice) { voice.pause(); });
    captionVoices = [];
    if (window.speechSynthesis) window.speechSynthesis.cancel();
  }

  function stopMedia() {
    stopCaptions();
    stopRecording();
    if (events) events.close();
    events = null;
    rtc.close(pc);
    pc = null;
    window.crowdlineDesk = null;
  }

  function signal(kind, body) {
    if (!ix || !card || !card.browser_customer) return Promise.resolve();
    return rtc.post(d.cardUrl.replace(/\/0$/, "/" + ix + "/signal"), d.csrf, { kind: kind, body: body });
  }

  $("call-mute").addEventListener("click", function () {
    muted = !muted;
    rtc.setMuted(pc, muted || held);
    if (twilioCall) twilioCall.mute(muted || held);
    $("call-mute").textContent = muted ? d.tUnmute : d.tMute;
    $("call-mute").setAttribute("aria-pressed", String(muted));
  });

  $("call-hold").addEventListener("click", function () {
    held = !held;
    rtc.setMuted(pc, muted || held);
    if (twilioCall) twilioCall.mute(muted || held);
    const remote = $("desk-remote");
    remote.muted = held;
    $("call-hold").textContent = held ? d.tResume : d.tHold;
    $("call-hold").setAttribute("aria-pressed", String(held));
    signal(held ? "hold" : "resume");
  });

  $("call-keypad-toggle").addEventListener("click", function () { $("call-keypad").hidden = !$("call-keypad").hidden; });
  document.querySelectorAll("[data-digit]").forEach(function (key) {
    key.addEventListener("click", function () {
      const sender = pc && pc.getSenders().find(function (s) { return s.dtmf; });
      if (sender) sender.dtmf.insertDTMF(key.dataset.digit);
      if (twilioCall) twilioCall.sendDigits(key.dataset.digit);
      signal("dtmf", key.dataset.digit);
    });
  });

  $("call-hangup").addEventListener("click", async function () {
    if (!ix) return;
    await signal("bye");
    stopMedia();
    // the browser's audio may connect before the carrier reports the answer: ask again shortly
    for (let tries = 0; ix && tries < 10; tries++) {
      const response = await api("POST", "/api/v1/interactions/" + ix + "/hangup");
      if (response.status !== 409) break;
      const me = await (await api("GET", "/api/v1/agents/me")).json().catch(function () { return {}; });
      if (me.state !== "busy") break;
      await wait(700);
    }
    await poll();
  });

  // --- warm transfer: the enterprise's line rings while the member stays; once it answers, they leave
  let transferTimer = null;

  function transferShown(stateName) {
    const status = $("call-transfer-status");
    status.dataset.state = stateName || "";
    status.textContent = stateName ? d["tTransfer" + stateName.charAt(0).toUpperCase() + stateName.slice(1)] : "";
    show("call-transfer-status", Boolean(stateName));
    $("call-transfer").disabled = stateName === "calling" || stateName === "connected";
    $("call-transfer").hidden = !card || !card.escalation || stateName === "connected";
    $("call-hangup").textContent = stateName === "connected" ? d.tLeave : d.tHangUp;
  }

  async function followTransfer() {
    clearTimeout(transferTimer);
    if (!ix) return;
    const response = await api("GET", "/api/v1/interactions/" + ix);
    if (!response.ok) return;
    const body = await response.json();
    transferShown(body.transfer_state);
    if (body.transfer_state === "calling") transferTimer = setTimeout(function () { followTransfer().catch(function () {}); }, 1500);
  }

  $("call-transfer").addEventListener("click", async function () {
    if (!ix) return;
    $("call-transfer").disabled = true;
    const response = await api("POST", "/api/v1/interactions/" + ix + "/transfer");
    const body = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      $("call-transfer").disabled = false;
      $("call-transfer-status").textContent = body.message || d.tError;
      show("call-transfer-status", true);
      return;
    }
    transferShown(body.transfer_state);
    await followTransfer();
  });

  $("call-optout").addEventListener("click", async function () {
    if (!ix) return;
    const response = await rtc.post(d.cardUrl.replace(/\/0$/, "/" + ix + "/opt-out"), d.csrf);
    if (response.ok) {
      $("call-optout").hidden = true;
      $("call-optout-done").textContent = d.tOptedOut;
      show("call-optout-done", true);
    }
  });

  // --- recording: both sides in one MediaRecorder (WebAudio), uploaded after the call ----------
  // Stereo, one speaker a channel (left: the member's microphone, right: the customer), so that a
  // machine transcript of the recording knows who said what.
  function startRecording(remote) {
    if (recorder || !card || !card.records || !pc || !remote || !window.MediaRecorder) return;
    const type = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus"].find(function (t) {
      return window.MediaRecorder.isTypeSupported(t);
    });
    if (!type) return;
    const own = !audio; // the sound tap's context when there is one (browsers start theirs suspended)
    const context = audio || new (window.AudioContext || window.webkitAudioContext)();
    context.resume();
    const mix = context.createMediaStreamDestination();
    mix.channelCount = 2;
    mix.channelCountMode = "explicit";
    mix.channelInterpretation = "discrete";
    const merger = context.createChannelMerger(2);
    merger.connect(mix);
    const sources = [context.createMediaStreamSource(pc.localStream), context.createMediaStreamSource(remote)];
    sources.forEach(function (source, channel) { source.connect(merger, 0, channel); });
    const chunks = [], interactionId = ix;
    const media = new window.MediaRecorder(mix.stream, { mimeType: type });
    media.addEventListener("dataavailable", function (event) { if (event.data && event.data.size) chunks.push(event.data); });
    media.addEventListener("stop", function () {
      sources.forEach(function (source) { source.disconnect(); });
      merger.disconnect();
      if (own) context.close();
      const contentType = type.split(";")[0];
      const saved = { key: d.member + ":" + interactionId, owner: d.member, ix: interactionId,
                      blob: new Blob(chunks, { type: contentType }), type: contentType, savedAt: Date.now() };
      // kept before the upload starts: a tab closed meanwhile resumes it when the desk opens again
      kept.put(saved).catch(function () {}).then(function () { enqueue(saved); });
    });
    media.start(1000);
    recorder = media;
    show("call-recorded", true);
  }

  function stopRecording() {
    if (recorder && recorder.state !== "inactive") recorder.stop();
    recorder = null;
    show("call-recorded", false);
  }

  function uploadProgress(text, part) {
    $("recording-text").textContent = text;
    $("recording-progress").value = Math.round(100 * part);
    show("desk-recording", true);
    const waiting = $("recording-pending");
    waiting.textContent = uploads.length ? (uploads.length === 1 ? d.tPendingOne : d.tPendingMany)
      .replace("{n}", String(uploads.length)) : "";
    waiting.hidden = !uploads.length;
  }

  function enqueue(saved) {
    if (uploads.some(function (job) { return job.key === saved.key; })) return;
    uploads.push({ key: saved.key, ix: saved.ix, blob: saved.blob, type: saved.type, tries: 0 });
    upload();
  }

  // the desk opens: the member's recordings an earlier page did not finish uploading go on now
  async function resumeKept() {
    let saved = [];
    try { saved = await kept.all(); } catch (error) { return; }
    saved.filter(function (item) { return item.owner === d.member && item.blob; })
      .sort(function (a, b) { return a.savedAt - b.savedAt; }).forEach(enqueue);
  }

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // one recording, part after part from where the server says the upload stands
  async function sendRecording(job) {
    const url = "/api/v1/interactions/" + job.ix + "/recording", total = job.blob.size;
    if (!total) return;
    uploadProgress(d.tUploading, 0);
    const standing = await api("GET", url);
    if (standing.ok) {
      const body = await standing.json();
      if (body.state === "ready") { uploadProgress(d.tUploaded, 1); return; }
      job.received = body.received || 0;
    }
    while (job.received < total) {
      const last = Math.min(job.received + PART_BYTES, total) - 1;
      const response = await fetch(url, {
        method: "POST", credentials: "same-origin", body: job.blob.slice(job.received, last + 1),
        headers: { Authorization: "Bearer " + token, "Content-Type": job.type, Accept: "application/json",
          "Content-Range": "bytes " + job.received + "-" + last + "/" + total },
      });
      if (response.ok) {
        job.received = (await response.json()).received;
        uploadProgress(d.tUploading, job.received / total);
        continue;
      }
      const body = await response.json().catch(function () { return {}; });
      const code = body.error && body.error.code;
      if (code === "upload_offset_mismatch") {
        job.received = Number(response.headers.get("Upload-Offset")) || 0;
      } else if ((code === "call_not_ended" || response.status === 401 || response.status === 429
                  || response.status >= 500) && ++job.tries < 120) {
        if (response.status === 401) await register();
        await wait(1000); // the call's end is on its way, or the server is busy: again shortly
      } else {
        uploadProgress(d.tUploadFailed, job.received / total); // the campaign stopped recording, too large, …
        return;
      }
    }
    uploadProgress(d.tUploaded, 1);
  }

  async function upload() {
    if (uploading) return;
    uploading = true;
    let paused = false;
    try {
      while (uploads.length) {
        await sendRecording(uploads[0]); // the server has it all, or refuses it for good: no use keeping it
        await kept.remove(uploads[0].key).catch(function () {});
        uploads.shift();
        if (uploads.length) uploadProgress(d.tUploading, 0);
        else uploadProgress($("recording-text").textContent, $("recording-progress").value / 100);
      }
    } catch (error) {
      paused = true; // offline: resume from what the server received once the network is back
      const job = uploads[0];
      uploadProgress(d.tUploadPaused, job && job.blob.size ? (job.received || 0) / job.blob.size : 0);
    } finally {
      uploading = false;
    }
    if (paused) setTimeout(upload, 3000);
  }

  // --- wrap-up -------------------------------------------------------------------------------
  function startWrapup() {
    stopMedia();
    wrapupUntil = Date.now() + (card ? card.wrapup_seconds : 0) * 1000;
    show("desk-call", false);
    show("desk-wrapup", true);
    $("wrapup-error").hidden = true;
  }

  $("wrapup-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const answers = [];
    $("wrapup-survey").querySelectorAll("input").forEach(function (input) {
      if (input.value.trim()) answers.push({ question: input.dataset.question, answer: input.value.trim() });
    });
    const response = await api("POST", "/api/v1/interactions/" + ix + "/disposition",
      { code: $("wrapup-code").value, notes: $("wrapup-notes").value.trim() || undefined, survey_answers: answers });
    if (response.ok) {
      leaveCall();
      await poll();
    } else {
      const body = await response.json();
      $("wrapup-error").textContent = (body.error && body.error.message) || d.tError;
      $("wrapup-error").hidden = false;
      if (response.status === 409) { leaveCall(); await poll(); }
    }
  });

  function leaveCall() {
    clearTimeout(transferTimer);
    stopMedia();
    ix = card = wrapupUntil = answeredAt = null;
    show("desk-call", false);
    show("desk-wrapup", false);
    $("wrapup-form").reset();
  }

  // --- timers: call timer, countdowns, quality, heartbeats, polling ---------------------------
  setInterval(function () {
    if (answeredAt && !wrapupUntil) $("call-timer").textContent = clock((Date.now() - answeredAt) / 1000);
    if (wrapupUntil) $("wrapup-left").textContent = clock((wrapupUntil - Date.now()) / 1000);
    if (offer) $("offer-left").textContent = String(Math.max(0, --offer.seconds_left));
    if (pc) rtc.quality(pc).then(function (q) {
      $("call-quality").textContent = q ? d["t" + q.charAt(0).toUpperCase() + q.slice(1)] : "";
      $("call-quality").dataset.quality = q || "";
    });
  }, 1000);

  async function tick() {
    try {
      if (!token) await register();
      if (wanted && wanted !== "offline" && Date.now() - lastBeat >= beatEvery * 1000 / 2) {
        const beat = await api("POST", "/api/v1/agents/me/heartbeat");
        if (beat.ok) lastBeat = Date.now();
      }
      await poll();
    } catch (error) {
      connection(true); // the network is gone: try again on the next tick, no reload
    } finally {
      setTimeout(tick, online ? POLL_MS : POLL_MS * 2);
    }
  }

  window.addEventListener("offline", function () { connection(true); });
  window.addEventListener("online", function () { register().then(poll).catch(function () {}); upload(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") register().then(poll).catch(function () { connection(true); });
  });

  tick();
})();
