// Verify an RFC 9162 inclusion proof in the auditor's browser with the Web Crypto API.
(function () {
  "use strict";
  const box = document.getElementById("proof");
  if (!box) return;
  const status = box.querySelector(".proof-status");
  const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  const unhex = (text) => new Uint8Array(text.match(/../g).map((h) => parseInt(h, 16)));
  const sha256 = async (...parts) => {
    const length = parts.reduce((n, p) => n + p.length, 0);
    const data = new Uint8Array(length);
    let offset = 0;
    for (const p of parts) { data.set(p, offset); offset += p.length; }
    return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  };
  async function verify() {
    const entry = new TextEncoder().encode(box.dataset.entry);
    let r = await sha256(new Uint8Array([0]), entry);
    if (hex(r) !== box.dataset.leaf) return false;
    let fn = Number(box.dataset.index), sn = Number(box.dataset.size) - 1;
    const path = box.dataset.path ? box.dataset.path.split(",") : [];
    for (const step of path) {
      const p = unhex(step);
      if (sn === 0) return false;
      if ((fn & 1) === 1 || fn === sn) {
        r = await sha256(new Uint8Array([1]), p, r);
        if ((fn & 1) === 0) { while (fn !== 0 && (fn & 1) === 0) { fn >>= 1; sn >>= 1; } }
      } else {
        r = await sha256(new Uint8Array([1]), r, p);
      }
      fn >>= 1; sn >>= 1;
    }
    return sn === 0 && hex(r) === box.dataset.root;
  }
  verify().then((ok) => {
    status.textContent = ok ? box.dataset.ok : box.dataset.bad;
    status.className = "proof-status flash " + (ok ? "" : "flash-error");
    status.dataset.verified = ok ? "yes" : "no";
  }, () => { status.textContent = box.dataset.bad; status.dataset.verified = "no"; });
})();
