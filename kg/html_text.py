"""HTML to plain text for the extractor: tags stripped, block elements kept as line breaks.

The standard library's :class:`html.parser.HTMLParser` is enough here: the extractor needs the
text and its paragraph and list structure, not a DOM, and it copes with the broken markup of real
news pages. Comments, scripts, styles and the ``<head>`` are dropped; table cells are separated by
tabs and rows by line breaks (so a two-column table of labels reads as ``Label<TAB>value``);
ordered list items get their number back (``1. ``) and other list items a dash.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "tr",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "form",
    "fieldset",
}
SKIP = {"script", "style", "head", "template", "noscript", "svg", "title"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, next number]
        self.cell_open = False

    def _newline(self, count: int = 1) -> None:
        text = "".join(self.out[-3:])
        have = len(text) - len(text.rstrip("\n")) if text.strip(" \t") else count
        self.out.append("\n" * max(0, count - have))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self.out.append("\n")
        elif tag in {"ul", "ol"}:
            self.lists.append([tag == "ol", 1])
            self._newline()
        elif tag == "li":
            self._newline()
            if self.lists and self.lists[-1][0]:
                self.out.append(f"{self.lists[-1][1]}. ")
                self.lists[-1][1] += 1
            else:
                self.out.append("- ")
        elif tag in {"td", "th"}:
            if self.cell_open:
                self.out.append("\t")
            self.cell_open = True
        elif tag == "tr":
            self._newline()
            self.cell_open = False
        elif tag in BLOCKS:
            self._newline(2 if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6"} else 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
            self._newline()
        elif tag == "tr":
            self.cell_open = False
            self._newline()
        elif tag in BLOCKS:
            self._newline(2 if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6"} else 1)

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # source line breaks inside a paragraph are only spaces in HTML
            self.out.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML document, one block per line.

    >>> html_to_text("<p>Date: <b>22 April</b></p><ol><li>one</li><li>two</li></ol>")
    'Date: 22 April\\n\\n1. one\\n2. two'
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    lines = [line.strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


__all__ = ["html_to_text"]
