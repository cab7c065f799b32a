"""Markdown to HTML for prompts, hints and explanations, with the maths left for KaTeX.

markdown-it-py (already installed with Rich) renders CommonMark. Left alone it would
read the maths as Markdown: `\\\\` becomes `\\`, `*` starts emphasis, `_` may too. So two
small rules lift `$...$` and `$$...$$` out first and emit them, HTML-escaped, between
`\\(`/`\\)` and `\\[`/`\\]`, the delimiters the page's KaTeX auto-render looks for. Prose
with prices ("$5 and $10") is left as text by pandoc's rules (an opening `$` is not
followed by a space, a closing one is not preceded by a space nor followed by a digit),
made stricter: the first unescaped `$` after an opening one must close it.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markupsafe import Markup


def _closing(src: str, start: int, delim: str, limit: int) -> int:
    """Index of the delimiter closing an inline span that opens before ``start``, or -1."""
    pos = start
    while True:
        pos = src.find(delim, pos, limit)
        if pos < 0:
            return -1
        if src[pos - 1] == "\\":  # an escaped dollar is part of the maths
            pos += 1
            continue
        if delim == "$" and (src[pos - 1].isspace() or src[pos + 1:pos + 2].isdigit()):
            return -1  # "$5 and $10": the next dollar cannot close, so this was never maths
        return pos


def _math_inline(state: StateInline, silent: bool) -> bool:
    src, start = state.src, state.pos
    if src[start] != "$":
        return False
    delim = "$$" if src.startswith("$$", start) else "$"
    body = start + len(delim)
    if body >= state.posMax or (delim == "$" and src[body].isspace()):
        return False
    end = _closing(src, body, delim, state.posMax)
    if end < 0 or end == body:
        return False
    if not silent:
        token = state.push("math_inline" if delim == "$" else "math_display_inline", "math", 0)
        token.content = src[body:end]
        token.markup = delim
    state.pos = end + len(delim)
    return True


def _math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    begin = state.bMarks[start_line] + state.tShift[start_line]
    first = state.src[begin:state.eMarks[start_line]]
    if not first.startswith("$$") or state.sCount[start_line] - state.blkIndent >= 4:
        return False
    rest = first[2:]
    if rest.rstrip().endswith("$$") and rest.strip() != "":  # $$ x $$ on one line
        content, line = rest.rstrip()[:-2], start_line
    else:
        lines = [rest]
        line = start_line
        while True:
            line += 1
            if line >= end_line:
                return False  # never closed: not maths, let other rules have it
            text = state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]
            if text.rstrip().endswith("$$"):
                lines.append(text.rstrip()[:-2])
                break
            lines.append(text)
        content = "\n".join(lines)
    if silent:
        return True
    state.line = line + 1
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = content.strip()
    token.map = [start_line, state.line]
    token.markup = "$$"
    return True


def _render_inline(self, tokens, idx, options, env) -> str:
    return f'<span class="math">\\({escape(tokens[idx].content)}\\)</span>'


def _render_display(self, tokens, idx, options, env) -> str:
    return f'<span class="math math-display">\\[{escape(tokens[idx].content)}\\]</span>'


def _render_block(self, tokens, idx, options, env) -> str:
    return f'<div class="math math-display">\\[{escape(tokens[idx].content)}\\]</div>\n'


def _parser() -> MarkdownIt:
    # Raw HTML off: packs are Markdown, and nothing a pack says should become markup.
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.inline.ruler.before("escape", "math_inline", _math_inline)
    md.block.ruler.before("fence", "math_block", _math_block,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.add_render_rule("math_inline", _render_inline)
    md.add_render_rule("math_display_inline", _render_display)
    md.add_render_rule("math_block", _render_block)
    return md


_MD = _parser()


@lru_cache(maxsize=2048)
def render(text: str) -> Markup:
    """Markdown to safe HTML; cached, since prompts are read far more often than edited."""
    return Markup(_MD.render(text or ""))


def render_inline(text: str) -> Markup:
    """A single line of Markdown (a quiz choice, a title) without the surrounding <p>."""
    return Markup(_MD.renderInline(text or ""))
