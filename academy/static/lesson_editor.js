// The lesson editor: a Markdown editor (EasyMDE, vendored) on every textarea[data-markdown]. Its
// preview is the server's own rendering, sanitised exactly as members will see the lesson.
(function () {
  if (typeof EasyMDE === "undefined") { return; }

  function labelled(name, action, text, title) {
    return {name: name, action: action, text: text, title: title, className: "md-" + name};
  }
  document.querySelectorAll("textarea[data-markdown]").forEach(function (area) {
    var labels = JSON.parse(area.dataset.labels || "{}");
    var previewUrl = area.dataset.previewUrl;
    var editor = new EasyMDE({
      element: area,
      autoDownloadFontAwesome: false,
      spellChecker: false,
      status: false,
      forceSync: true,
      minHeight: "10rem",
      toolbar: [
        labelled("bold", EasyMDE.toggleBold, "B", labels.bold),
        labelled("italic", EasyMDE.toggleItalic, "I", labels.italic),
        labelled("heading", EasyMDE.toggleHeadingSmaller, "H", labels.heading),
        "|",
        labelled("unordered-list", EasyMDE.toggleUnorderedList, "•", labels.list),
        labelled("ordered-list", EasyMDE.toggleOrderedList, "1.", labels.numbered),
        labelled("quote", EasyMDE.toggleBlockquote, "❝", labels.quote),
        labelled("link", EasyMDE.drawLink, "🔗", labels.link),
        labelled("image", EasyMDE.drawImage, "🖼", labels.image),
        "|",
        labelled("preview", EasyMDE.togglePreview, labels.preview || "Preview", labels.preview),
      ],
      previewRender: function (markdown, preview) {
        var body = new FormData();
        body.append("markdown", markdown);
        fetch(previewUrl, {method: "POST", body: body, credentials: "same-origin",
                           headers: {"X-CSRFToken": area.dataset.csrf || ""}})
          .then(function (response) { return response.text(); })
          .then(function (html) { preview.innerHTML = html; preview.dataset.rendered = "yes"; });
        return preview.innerHTML || "…";
      },
    });
    area.editor = editor;
  });
})();
