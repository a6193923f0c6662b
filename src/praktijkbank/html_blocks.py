"""Finished HTML inside generated Markdown, passed through without being parsed again.

Generated pages carry long stretches of HTML that the core has already built and
escaped: the card lists of the overview and the facet pages (every card appears on
about a dozen of them), a card's facts panel, sources and related cards. Python-Markdown
would read every tag of such raw HTML again to find where the block ends, and with
``md_in_html`` also render the Markdown inside: at 1,000 cards that cost more than the
cards' own text (bench/profile_build.py). Between the two marker lines of
``html_block`` this extension hands the HTML to Markdown's own store of raw HTML
(``htmlStash``) as it is: the same output, at no cost.

Without the extension (another renderer, a plain ``markdown.markdown``) the markers are
HTML comments around an ordinary raw HTML block: the page looks the same, it only takes
longer to render. Register it in mkdocs.yml as ``praktijkbank.html_blocks``.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

START = "<!--praktijkbank:html-->"
END = "<!--/praktijkbank:html-->"
# After whitespace is normalised (30), before raw HTML is looked for (20, also md_in_html's).
_PRIORITY = 25


def html_block(html: str) -> str:
    """``html`` (finished, escaped HTML) as Markdown that is passed through untouched."""
    return f"\n{START}\n{html.strip()}\n{END}\n\n"


class _StoreHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        # list.index finds the markers in C: the card set is one block of tens of thousands of lines.
        out: list[str] = []
        done = 0
        while True:
            try:
                start = lines.index(START, done)
                end = lines.index(END, start + 1)
            except ValueError:  # no more blocks, or one without its end marker: the rest as it was
                out.extend(lines[done:])
                return out
            # A placeholder on a line of its own, as Markdown's raw HTML blocks get.
            out.extend(lines[done:start])
            out.extend(["", self.md.htmlStash.store("\n".join(lines[start + 1:end])), ""])
            done = end + 1


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_StoreHtmlBlocks(md), "praktijkbank_html_blocks", _PRIORITY)


def makeExtension(**kwargs) -> HtmlBlocksExtension:  # noqa: N802 (Python-Markdown's entry point)
    return HtmlBlocksExtension(**kwargs)
