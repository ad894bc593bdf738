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
