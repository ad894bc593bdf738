// The campaign wizard: one step at a time with a progress indicator, only the chosen kind's
// settings, rows added on demand and the member's pay after the platform fee. Without scripts the
// form is one long page that works the same.
(function () {
  "use strict";
  const form = document.querySelector("form[data-wizard]");
  if (!form) return;
  form.classList.add("js");

  const steps = Array.from(form.querySelectorAll("fieldset.wizard-step"));
  const progress = Array.from(document.querySelectorAll("[data-progress]"));
  const back = form.querySelector("[data-wizard-back]");
  const next = form.querySelector("[data-wizard-next]");
  const submit = form.querySelector("[data-wizard-submit]");
  let current = 0;

  function controls(root) {
    return Array.from(root.querySelectorAll("input, select, textarea")).filter((el) => !el.disabled);
  }

  function show(index, focus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => step.classList.toggle("current", i === current));
    progress.forEach((item, i) => {
      item.classList.toggle("current", i === current);
      item.classList.toggle("done", i < current);
      const link = item.querySelector("a");
      if (link) {
        if (i === current) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      }
    });
    if (current === steps.length - 1) review();
    back.hidden = current === 0;
    next.hidden = current === steps.length - 1;
    submit.hidden = current !== steps.length - 1;
    if (focus) {
      form.scrollIntoView({ block: "start" });
      const first = controls(steps[current]).find((el) => el.type !== "hidden");
      if (first) first.focus({ preventScroll: true });
    }
  }

  function stepValid(step) {
    for (const el of controls(step)) {
      if (!el.checkValidity()) {
        el.reportValidity();
        return false;
      }
    }
    return true;
  }

  // The last step repeats the outbound campaign's dialer settings as chosen, by name.
  const dialerReview = form.querySelector("[data-dialer-review]");
  function review() {
    if (!dialerReview) return;
    const outbound = (form.querySelector("input[name=kind]:checked") || {}).value === "outbound";
    dialerReview.hidden = !outbound;
    dialerReview.querySelectorAll("[data-review]").forEach((cell) => {
      const name = cell.dataset.review;
      const radio = form.querySelector(`input[name="${name}"]:checked`);
      const control = form.querySelector(`[name="${name}"]`);
      let text = "";
      if (radio) text = radio.parentElement.textContent.trim();
      else if (control && control.tagName === "SELECT") text = control.selectedOptions[0]?.textContent || "";
      else if (control) text = control.value.trim() ? control.value.trim() + (cell.dataset.suffix || "") : "";
      cell.textContent = text;
    });
  }

  back.addEventListener("click", () => show(current - 1, true));
  // Enter in a field moves to the next step rather than saving a half-filled campaign.
  form.addEventListener("keydown", (event) => {
    const field = event.target;
    if (event.key !== "Enter" || current === steps.length - 1 || field.tagName !== "INPUT") return;
    if (field.type === "submit" || field.type === "button") return;
    event.preventDefault();
    next.click();
  });
  next.addEventListener("click", () => {
    if (stepValid(steps[current])) show(current + 1, true);
  });
  progress.forEach((item, i) => {
    const link = item.querySelector("a");
    if (link) link.addEventListener("click", (event) => { event.preventDefault(); show(i, true); });
  });
  submit.addEventListener("click", (event) => {
    const invalid = controls(form).find((el) => !el.checkValidity());
    if (!invalid) return;
    event.preventDefault();
    const index = steps.findIndex((step) => step.contains(invalid));
    show(index, false);
    invalid.reportValidity();
  });

  // Only the chosen kind's settings are shown and sent.
  const kinds = Array.from(form.querySelectorAll("input[name=kind]"));
  function syncKind() {
    const chosen = (kinds.find((radio) => radio.checked) || {}).value || "inbound";
    form.querySelectorAll("fieldset.kind-settings").forEach((box) => { box.disabled = box.dataset.kind !== chosen; });
  }
  kinds.forEach((radio) => radio.addEventListener("change", syncKind));
  syncKind();

  // Rows (skills, dispositions, calling windows): a copy of the last row, numbered next.
  form.querySelectorAll("[data-add-row]").forEach((button) => {
    const name = button.dataset.addRow;
    const body = form.querySelector(`table[data-rows="${name}"] tbody`);
    if (!body) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      const rows = body.querySelectorAll("tr[data-row]");
      const last = rows[rows.length - 1];
      const copy = last.cloneNode(true);
      const index = rows.length;
      copy.querySelectorAll(".field-error").forEach((el) => el.remove());
      copy.querySelectorAll("input, select, textarea").forEach((el) => {
        el.name = el.name.replace(new RegExp(`^${name}\\.\\d+\\.`), `${name}.${index}.`);
        el.removeAttribute("aria-invalid");
        el.removeAttribute("aria-describedby");
        if (el.type === "checkbox") el.checked = false;
        else if (el.tagName === "SELECT") el.selectedIndex = 0;
        else el.value = "";
      });
      body.appendChild(copy);
      const first = copy.querySelector("input");
      if (first) first.focus();
    });
  });

  // What the member keeps after the platform fee, in exact minor units (no floating point).
  const bps = parseInt(form.dataset.feeBps || "0", 10);
  const exponents = JSON.parse(form.dataset.exponents || "{}");
  const template = document.getElementById("fee-template");
  const currency = form.querySelector("[name=currency]");

  function toMinor(text, exponent) {
    const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/,/g, ""));
    if (!match || (match[2] || "").length > exponent) return null;
    return parseInt(match[1] + (match[2] || "").padEnd(exponent, "0"), 10);
  }

  function format(minor, exponent, code) {
    const major = Math.floor(minor / 10 ** exponent).toLocaleString("en-US");
    const rest = exponent ? "." + String(minor % 10 ** exponent).padStart(exponent, "0") : "";
    return `${major}${rest} ${code}`;
  }

  function updateFees() {
    if (!template || !currency) return;
    const code = currency.value;
    const exponent = exponents[code];
    form.querySelectorAll("[data-fee-for]").forEach((note) => {
      const input = form.querySelector(`[name="${note.dataset.feeFor}"]`);
      const minor = exponent === undefined || !input ? null : toMinor(input.value, exponent);
      if (!minor) { note.textContent = ""; return; }
      const fee = Math.floor((minor * bps + 5000) / 10000);
      note.textContent = template.content.textContent.replace("{net}", format(minor - fee, exponent, code))
        .replace("{fee}", format(fee, exponent, code));
    });
  }
  form.addEventListener("input", (event) => {
    if (event.target.closest("#step-pay") || event.target === currency) updateFees();
  });
  if (currency) {
    let shown = currency.value;
    currency.addEventListener("change", () => {
      // The "(CNY)" beside each amount follows the chosen currency.
      form.querySelectorAll("label > span.muted.small").forEach((span) => {
        if (span.textContent === `(${shown})`) span.textContent = `(${currency.value})`;
      });
      shown = currency.value;
      updateFees();
    });
  }

  // Start where the server found a problem (or where the address points).
  steps.forEach((step, i) => {
    if (step.querySelector(".field-error") && progress[i]) progress[i].classList.add("has-error");
  });
  // The list of every step's problems above the form opens the step it names.
  document.querySelectorAll("[data-error-step] a").forEach((link) => {
    link.addEventListener("click", (event) => {
      const index = steps.findIndex((step) => step.dataset.step === link.parentElement.dataset.errorStep);
      if (index < 0) return;
      event.preventDefault();
      show(index, true);
    });
  });
  const wanted = form.dataset.startStep || (location.hash.startsWith("#step-") ? location.hash.slice(6) : "");
  const start = steps.findIndex((step) => step.dataset.step === wanted);
  show(start >= 0 ? start : 0, false);
})();
