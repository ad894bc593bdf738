// Confirmation before irreversible or money-moving actions, without inline script (the content
// security policy allows scripts from this site only). A form, or the button that submits it,
// carries data-confirm="the question"; submitting opens a dialog that says it, and only "confirm"
// sends the form. Without script the form is sent directly, as before.
(function () {
  "use strict";
  let dialog = null;
  let pending = null;

  function build() {
    const body = document.body;
    dialog = document.createElement("dialog");
    dialog.setAttribute("data-testid", "confirm-dialog");
    const article = document.createElement("article");
    const text = document.createElement("p");
    text.setAttribute("data-testid", "confirm-dialog-message");
    const footer = document.createElement("footer");
    const no = document.createElement("button");
    no.type = "button";
    no.className = "secondary";
    no.textContent = body.dataset.confirmNo || "Cancel";
    no.setAttribute("data-testid", "confirm-dialog-cancel");
    const yes = document.createElement("button");
    yes.type = "button";
    yes.textContent = body.dataset.confirmYes || "Confirm";
    yes.setAttribute("data-testid", "confirm-dialog-ok");
    footer.append(no, yes);
    article.append(text, footer);
    dialog.append(article);
    body.append(dialog);
    no.addEventListener("click", () => { pending = null; dialog.close(); });
    yes.addEventListener("click", () => {
      const { form, submitter } = pending || {};
      pending = null;
      dialog.close();
      if (!form) return;
      form.dataset.confirmed = "1";
      if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
    });
    dialog.addEventListener("cancel", () => { pending = null; });
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    const submitter = event.submitter || null;
    const question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (!question) return;
    if (form.dataset.confirmed === "1") {
      delete form.dataset.confirmed;
      return;
    }
    event.preventDefault();
    if (!dialog) build();
    pending = { form, submitter };
    dialog.querySelector("[data-testid=confirm-dialog-message]").textContent = question;
    dialog.showModal();
  });
})();
