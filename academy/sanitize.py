"""Lesson HTML is authored by trainers: keep an allow-list of tags and attributes, escape the rest."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from markdown_it import MarkdownIt

ALLOWED = {
    "p": (), "br": (), "h2": (), "h3": (), "h4": (), "strong": (), "em": (), "b": (), "i": (), "u": (),
    "ul": (), "ol": (), "li": (), "blockquote": (), "code": (), "hr": (), "small": (),
    "table": (), "thead": (), "tbody": (), "tr": (), "th": (), "td": (),
    "a": ("href", "title"), "img": ("src", "alt", "width", "height"), "audio": ("src", "controls"),
    "source": ("src", "type"), "figure": (), "figcaption": (),
}
VOID = {"br", "hr", "img", "source"}
URL_ATTRS = {"href", "src"}


def _safe_url(value: str) -> bool:
    lowered = value.strip().lower()
    return lowered.startswith(("https://", "http://", "/", "#")) and not lowered.startswith("//")


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag not in ALLOWED:
            return
        kept = []
        for name, value in attrs:
            if name in ALLOWED[tag] and value is not None and (name not in URL_ATTRS or _safe_url(value)):
                kept.append(f' {name}="{escape(value, quote=True)}"')
            elif name == "controls" and tag == "audio":
                kept.append(" controls")
        if tag == "a":
            kept.append(' rel="noopener noreferrer"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(self.skip - 1, 0)
            return
        if tag in self.open:
            while self.open:
                closing = self.open.pop()
                self.out.append(f"</{closing}>")
                if closing == tag:
                    break

    def handle_data(self, data):
        if not self.skip:
            self.out.append(escape(data, quote=False))


def clean_html(html: str) -> str:
    cleaner = _Cleaner()
    cleaner.feed(html or "")
    cleaner.close()
    return "".join(cleaner.out) + "".join(f"</{t}>" for t in reversed(cleaner.open))


def markdown_to_html(text: str) -> str:
    """Lesson Markdown (as typed in the editor; HTML inside it is allowed) → allow-listed HTML."""
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text or "")
    return clean_html(rendered)


# --- lessons saved before the editor kept their Markdown -------------------------------------------

_BLOCK_PREFIX = {"h2": "## ", "h3": "### ", "h4": "#### "}
_INLINE_MARK = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_MARKDOWN_SPECIAL = str.maketrans({"*": r"\*", "_": r"\_", "`": r"\`", "[": r"\[", "]": r"\]", "<": "&lt;",
                                   "&": "&amp;"})


class _ToMarkdown(HTMLParser):
    """Allow-listed lesson HTML → the Markdown a trainer would have typed for it. What Markdown has no
    syntax for (tables, audio, figures, underline) stays as HTML, which the editor's Markdown keeps."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[list] = []  # [tag, next number]
        self.quotes: list[int] = []  # where each open blockquote's text starts in ``out``
        self.raw = 0  # inside a tag kept as HTML
        self.link: str | None = None

    def _newline(self, blank: bool = True) -> None:
        """End the current line (and leave a blank one after a block), never adding more than that."""
        start = self.quotes[-1] if self.quotes else 0
        text = "".join(self.out[start:]).rstrip(" ")
        if not text:
            self.out[start:] = []
            return
        ending = len(text) - len(text.rstrip("\n"))
        self.out[start:] = [text + "\n" * max((2 if blank else 1) - ending, 0)]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if self.raw or tag in ("table", "audio", "figure", "u", "small"):
            self.raw += tag not in VOID
            self.out.append(self.get_starttag_text() or f"<{tag}>")
        elif tag in ("p", *_BLOCK_PREFIX):
            self._newline(blank=not self.lists)
            self.out.append(_BLOCK_PREFIX.get(tag, ""))
        elif tag in ("ul", "ol"):
            self._newline(blank=not self.lists)
            self.lists.append([tag, 1])
        elif tag == "li" and self.lists:
            self._newline(blank=False)
            kind = self.lists[-1]
            self.out.append("   " * (len(self.lists) - 1) + ("- " if kind[0] == "ul" else f"{kind[1]}. "))
            kind[1] += 1
        elif tag == "blockquote":
            self._newline()
            self.quotes.append(len(self.out))
        elif tag in _INLINE_MARK:
            self.out.append(_INLINE_MARK[tag])
        elif tag == "a":
            self.link = values.get("href") or ""
            self.out.append("[")
        elif tag == "img":
            self.out.append(f"![{values.get('alt') or ''}]({values.get('src') or ''})")
        elif tag == "br":
            self.out.append("  \n")
        elif tag == "hr":
            self._newline()
            self.out.append("---")
            self._newline()

    def handle_endtag(self, tag):
        if self.raw:
            if tag not in VOID:
                self.out.append(f"</{tag}>")
                self.raw -= 1
            return
        if tag in ("p", *_BLOCK_PREFIX) and not self.lists:
            self._newline()
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            if not self.lists:
                self._newline()
        elif tag == "blockquote" and self.quotes:
            start = self.quotes.pop()
            inner = "".join(self.out[start:]).strip("\n")
            self.out[start:] = ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))]
            self._newline()
        elif tag in _INLINE_MARK:
            self.out.append(_INLINE_MARK[tag])
        elif tag == "a" and self.link is not None:
            self.out.append(f"]({self.link})")
            self.link = None

    def handle_data(self, data):
        if self.raw:
            self.out.append(escape(data, quote=False))
        elif data.strip():
            text = " ".join(data.split()).translate(_MARKDOWN_SPECIAL)
            self.out.append((" " if data[:1].isspace() else "") + text + (" " if data[-1:].isspace() else ""))
        elif self.out and not self.out[-1].endswith(("\n", " ")):
            self.out.append(" ")  # the space between two inline elements


def html_to_markdown(html: str) -> str:
    """A lesson stored only as HTML (before its Markdown was kept), as Markdown for the editor."""
    parser = _ToMarkdown()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.out).strip()
    return text + "\n" if text else ""
