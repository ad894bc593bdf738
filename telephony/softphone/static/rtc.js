// The built-in softphone's WebRTC half, shared by the workspace and the customer phone page:
// one RTCPeerConnection with the microphone, SDP sent whole once ICE gathering is done (no
// trickle: one offer and one answer cross the server), and a quality reading from getStats.
(function () {
  "use strict";

  async function post(url, csrf, body, headers) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: Object.assign({ "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
        headers || {}),
      body: body === undefined ? "{}" : JSON.stringify(body),
    });
    return response;
  }

  function gathered(pc) {
    if (pc.iceGatheringState === "complete") return Promise.resolve();
    return new Promise(function (resolve) {
      const done = function () {
        if (pc.iceGatheringState === "complete") {
          pc.removeEventListener("icegatheringstatechange", done);
          resolve();
        }
      };
      pc.addEventListener("icegatheringstatechange", done);
      setTimeout(resolve, 3000); // enough candidates by then; do not hold the call
    });
  }

  // the STUN/TURN servers the server handed this page (TURN credentials are short-lived)
  let iceServers = [];
  function useIceServers(servers) { iceServers = Array.isArray(servers) ? servers : []; }

  async function newConnection(audioElement) {
    const pc = new RTCPeerConnection({ iceServers: iceServers });
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    stream.getTracks().forEach(function (track) { pc.addTrack(track, stream); });
    pc.addEventListener("track", function (event) {
      if (audioElement) {
        audioElement.srcObject = event.streams[0];
        const playing = audioElement.play();
        if (playing && playing.catch) playing.catch(function () { /* autoplay refused: the sound tap fixes it */ });
      }
    });
    pc.localStream = stream;
    return pc;
  }

  async function makeOffer(pc) {
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    return pc.localDescription.sdp;
  }

  async function makeAnswer(pc, sdp) {
    await pc.setRemoteDescription({ type: "offer", sdp: sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    return pc.localDescription.sdp;
  }

  function setMuted(pc, muted) {
    if (pc && pc.localStream) pc.localStream.getAudioTracks().forEach(function (t) { t.enabled = !muted; });
  }

  async function quality(pc) {
    // "good" | "fair" | "poor" from packet loss and round-trip time; null before media flows.
    if (!pc) return null;
    const stats = await pc.getStats();
    let lost = 0, received = 0, rtt = null;
    stats.forEach(function (report) {
      if (report.type === "inbound-rtp" && report.kind === "audio") {
        lost += report.packetsLost || 0;
        received += report.packetsReceived || 0;
      }
      if (report.type === "candidate-pair" && report.nominated && report.currentRoundTripTime !== undefined) {
        rtt = report.currentRoundTripTime;
      }
    });
    if (!received) return null;
    const loss = lost / (lost + received);
    if (loss > 0.05 || (rtt !== null && rtt > 0.4)) return "poor";
    if (loss > 0.01 || (rtt !== null && rtt > 0.2)) return "fair";
    return "good";
  }

  function close(pc) {
    if (!pc) return;
    if (pc.localStream) pc.localStream.getTracks().forEach(function (t) { t.stop(); });
    pc.close();
  }

  window.CrowdlineRtc = { post: post, newConnection: newConnection, useIceServers: useIceServers, makeOffer: makeOffer, makeAnswer: makeAnswer,
    setMuted: setMuted, quality: quality, close: close };
})();
