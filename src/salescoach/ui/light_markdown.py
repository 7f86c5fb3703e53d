"""The Markdown salescoach writes, shown as Rich's ``Markdown`` shows it, without its machinery.

A record's body is Markdown of a small subset: headings, paragraphs, ``-`` and ``1.`` lists of
one line per item, quotes of paragraphs, ``**strong**`` and ``*emphasis*``, backslash escapes.
Rich's ``Markdown`` parses it with markdown-it and imports Pygments for code blocks: together
more than half the time of ``salescoach show``. Here a text made only of that subset (a rep's
notes too, when they keep to it) is parsed by the rules CommonMark gives those constructs and
laid out by the very code paths of Rich's elements (the same styles, bullets, numbers, quote
bar and wrapping), so the output is the same, character for character and colour for colour
(``tests/ui/test_light_markdown.py`` compares them). Anything else (a link, code, a table,
HTML, an underscore, an indented line, a list item running over several lines, emphasis that is
not a plain pair) makes :func:`light_markdown` answer None, and the caller uses Rich's
``Markdown`` for the whole text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported to lay out for a terminal, not to write into a pipe
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.segment import Segment
    from rich.style import StyleStack
    from rich.text import Text

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
"""What a backslash escapes, and what CommonMark counts as ASCII punctuation."""

_WHITESPACE = frozenset("\t\n\v\f\r \u00a0\u1680\u202f\u205f\u3000") | frozenset(
    chr(code) for code in range(0x2000, 0x200B)
)
"""Whitespace for emphasis (markdown-it's ``isWhiteSpace``)."""

_OUTSIDE = re.compile(r"[`<\[_\t\r\0|]|~~|&#?[A-Za-z0-9]+;")
"""Inline or block syntax outside the subset: code, HTML and autolinks, links and images,
underscore emphasis, tabs, tables, strikethrough, entities (and what markdown-it normalises)."""

_HEADING = re.compile(r"(#{1,6}) (\S(?:.*\S)?)")
_BULLET = re.compile(r"- (\S(?:.*\S)?)")
_NUMBERED = re.compile(r"(\d{1,9})\. (\S(?:.*\S)?)")
_LIST_LIKE = re.compile(r"(?:[-+*]|\d+[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r">(?: (\S(?:.*\S)?))?")
_RULE_OR_UNDERLINE = re.compile(r"(?:[-*=] *)+")


@dataclass
class _List:
    ordered: bool
    start: int
    items: list[str] = field(default_factory=list)


@dataclass
class _Quote:
    paragraphs: list[list[str]] = field(default_factory=list)


@dataclass
class _Heading:
    level: int
    text: str


_Block = _Heading | list[str] | _List | _Quote
"""A heading, a paragraph (its lines), a list or a quote."""


def light_markdown(markup: str) -> LightMarkdown | None:
    """``markup`` as a renderable that shows like Rich's ``Markdown(markup)``, or None when it
    uses anything outside the subset this module reads (see the module's docstring)."""
    if _OUTSIDE.search(markup):
        return None
    blocks = _blocks(markup)
    if blocks is None:
        return None
    for block in blocks:
        texts = _texts_of(block)
        if any(_inline(text) is None for text in texts):
            return None
    return LightMarkdown(blocks)


def _texts_of(block: _Block) -> list[str]:
    if isinstance(block, _Heading):
        return [block.text]
    if isinstance(block, _List):
        return block.items
    if isinstance(block, _Quote):
        return ["\n".join(lines) for lines in block.paragraphs]
    return ["\n".join(block)]


def _plain(line: str) -> bool:
    """Whether a line (or a list item's or quote's content) can only be paragraph text."""
    if not line or line[0] in " #>=~" or line[-1] in " \\":
        return False
    return not (_LIST_LIKE.match(line) or _RULE_OR_UNDERLINE.fullmatch(line))


def _blocks(markup: str) -> list[_Block] | None:  # noqa: C901, PLR0912  (one state machine)
    """The blocks of ``markup``, or None when a line is outside the subset or its meaning
    would depend on rules not followed here (lazy continuation lines, an indented line)."""
    blocks: list[_Block] = []
    current: _Block | None = None  # the block still open
    after_blank = True
    for line in markup.split("\n"):
        if not line.strip(" "):
            if isinstance(current, list | _Quote):
                current = None  # a paragraph or a quote ends; a list may go on
            after_blank = True
            continue
        heading = _HEADING.fullmatch(line)
        bullet = _BULLET.fullmatch(line)
        numbered = _NUMBERED.fullmatch(line)
        quote = _QUOTE.fullmatch(line)
        if heading is not None:
            if heading.group(2).endswith("#") or (isinstance(current, _List) and not after_blank):
                return None  # a closing sequence; a heading right under a list item
            blocks.append(_Heading(len(heading.group(1)), heading.group(2)))
            current = None
        elif bullet is not None or numbered is not None:
            item = bullet.group(1) if bullet is not None else numbered.group(2)  # type: ignore[union-attr]
            ordered = numbered is not None
            if not _plain(item) or isinstance(current, _Quote):
                return None
            if isinstance(current, list) and ordered and int(numbered.group(1)) != 1:  # type: ignore[union-attr]
                return None  # it would go on the paragraph's last line
            if isinstance(current, _List) and current.ordered == ordered:
                current.items.append(item)
            elif isinstance(current, _List) and not after_blank:
                return None  # another kind of list right under an item
            else:
                start = int(numbered.group(1)) if numbered is not None else 1
                current = _List(ordered, start, [item])
                blocks.append(current)
        elif quote is not None:
            content = quote.group(1)
            if content is not None and not _plain(content):
                return None
            if isinstance(current, _List) and not after_blank:
                return None
            if not isinstance(current, _Quote):
                current = _Quote([[]])
                blocks.append(current)
            if content is None:
                if current.paragraphs[-1]:
                    current.paragraphs.append([])
            else:
                current.paragraphs[-1].append(content)
        elif _plain(line):
            if isinstance(current, _List | _Quote) and not after_blank:
                return None  # a lazy continuation of the item or the quote
            if isinstance(current, list):
                current.append(line)
            else:
                current = [line]
                blocks.append(current)
        else:
            return None
        after_blank = False
    for block in blocks:
        if isinstance(block, _Quote) and not block.paragraphs[-1]:
            block.paragraphs.pop()
    return blocks


# --- inline: strong and emphasis, escapes, line breaks ------------------------------------------

_Run = tuple[str, int]
"""A piece of text and its emphasis: 0 none, 1 ``*emphasis*``, 2 ``**strong**``."""


@functools.cache
def _inline(source: str) -> tuple[_Run, ...] | None:
    """The runs of an inline text, or None when its ``*`` are not plain pairs of one or two
    (an emphasis left open, nested, or a ``*`` that is text): markdown-it decides those by
    rules not followed here."""
    runs: list[_Run] = []
    piece: list[str] = []
    emphasis = 0
    index, end = 0, len(source)

    def flush() -> None:
        if piece:
            runs.append(("".join(piece), emphasis))
            piece.clear()

    while index < end:
        char = source[index]
        if char == "\\":
            escaped = source[index + 1] if index + 1 < end else ""
            if escaped in _ASCII_PUNCT and escaped:
                piece.append(escaped)
                index += 2
                continue
            if escaped == "\n":
                return None  # a hard line break
        elif char == "\n":
            flush()
            runs.append((" ", emphasis))
            index += 1
            continue
        elif char == "*":
            stop = index
            while stop < end and source[stop] == "*":
                stop += 1
            can_open, can_close = _flanks(source, index, stop)
            count = stop - index
            # With equal runs of one or two, CommonMark's "rule of 3" never keeps a run that
            # can both open and close from pairing: it opens here, closes the run open.
            if emphasis == 0 and count <= 2 and can_open:
                flush()
                emphasis = count
            elif emphasis != 0 and count == emphasis and can_close:
                flush()
                emphasis = 0
            else:
                return None
            index = stop
            continue
        piece.append(char)
        index += 1
    if emphasis:
        return None
    flush()
    return tuple(runs)


def _flanks(source: str, start: int, stop: int) -> tuple[bool, bool]:
    """Whether the run of ``*`` at ``source[start:stop]`` can open and can close emphasis
    (CommonMark's left- and right-flanking rules, as markdown-it's ``scanDelims``)."""
    last = source[start - 1] if start > 0 else " "
    after = source[stop] if stop < len(source) else " "
    last_punct, after_punct = _punctuation(last), _punctuation(after)
    last_space, after_space = last in _WHITESPACE, after in _WHITESPACE
    left = not (after_space or (after_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (after_space or after_punct)))
    return left, right


def _punctuation(char: str) -> bool:
    return char in _ASCII_PUNCT or unicodedata.category(char).startswith(("P", "S"))


# --- laid out as Rich's Markdown elements are -------------------------------------------------


class LightMarkdown:
    """Blocks of the subset, rendered by the code paths of Rich's Markdown elements."""

    def __init__(self, blocks: list[_Block]) -> None:
        self.blocks = blocks

    def plain(self, width: int) -> str | None:
        """The text Rich writes for these blocks without styles (into a pipe) at ``width``,
        when every character takes one cell (:data:`salescoach.ui.plain.SINGLE_CELL`, the
        non-breaking space held as :data:`~salescoach.ui.plain.HELD`); ``None`` otherwise.

        The same layout as :meth:`__rich_console__` without its styles: Rich's wrapping
        (:func:`salescoach.ui.plain.wrapped`), every line padded to its width (a heading of
        level 1 centred), bullets, numbers and the quote bar in front."""
        from salescoach.ui.plain import HELD, NO_BREAK, SINGLE_CELL

        if width < _NARROWEST:
            return None
        out: list[str] = []
        closed = False
        for block in self.blocks:
            if isinstance(block, _List) or (isinstance(block, _Quote) and block.paragraphs):
                closed = True
            if closed:
                out.append("")
            closed = True
            for text in _texts_of(block):
                if not SINGLE_CELL.issuperset(_plain_text(text).replace(HELD, NO_BREAK)):
                    return None
            out += _plain_block(block, width)
        return "".join(line + "\n" for line in out)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each block as Rich's element for it renders, after a blank line once any element
        was closed: between blocks, and before a list or a quote even at the top (Rich's
        Markdown closes the paragraphs inside them first)."""
        from rich.segment import Segment
        from rich.style import StyleStack

        options = options.update(height=None)
        styles = StyleStack(console.get_style("none", default="none"))
        closed = False
        for block in self.blocks:
            if isinstance(block, _List) or (isinstance(block, _Quote) and block.paragraphs):
                closed = True
            if closed:
                yield Segment.line()
            closed = True
            if isinstance(block, _Heading):
                yield from _heading(console, options, styles, block)
            elif isinstance(block, _List):
                yield from _list(console, options, styles, block)
            elif isinstance(block, _Quote):
                yield from _quote(console, options, styles, block)
            else:
                yield from console.render(_paragraph(console, styles, "\n".join(block)), options)


_NARROWEST = 12
"""Narrower than this, the plain layout is left to Rich (a quote's text would have no room)."""


def _plain_text(source: str) -> str:
    runs = _inline(source)
    assert runs is not None  # checked by light_markdown
    return "".join(piece for piece, _ in runs)


def _plain_block(block: _Block, width: int) -> list[str]:
    """A block's lines as Rich lays them out without styles (see :meth:`LightMarkdown.plain`)."""
    if isinstance(block, _Heading):
        lines = _plain_wrapped(_plain_text(block.text), width)
        if block.level == 1:  # Rich's centring: stripped, half the room on the left
            return [_centred(line.rstrip(), width) for line in lines]
        return lines
    if isinstance(block, _Quote):
        inner = width - 4
        return [
            "▌ " + line
            for lines in block.paragraphs
            for line in _plain_wrapped(_plain_text("\n".join(lines)), inner)
        ]
    if isinstance(block, _List):
        last_number = block.start + len(block.items)
        marker = len(str(last_number)) + 2 if block.ordered else 3
        found: list[str] = []
        for index, item in enumerate(block.items):
            number = f"{block.start + index}".rjust(marker - 1) + " "
            first = number if block.ordered else " • "
            lines = _plain_wrapped(_plain_text(item), width - marker)
            found += [(" " * marker if at else first) + line for at, line in enumerate(lines)]
        return found
    return _plain_wrapped(_plain_text("\n".join(block)), width)


def _plain_wrapped(text: str, width: int) -> list[str]:
    """``Text(text, justify="left")`` cut at ``width``: each line padded to it."""
    from salescoach.ui.plain import wrapped

    lines = wrapped(text, width) or [""]
    return [line.ljust(width) for line in lines]


def _centred(line: str, width: int) -> str:
    line = line[:width]
    left = (width - len(line)) // 2
    return (" " * left + line).ljust(width)


def _paragraph(console: Console, styles: StyleStack, source: str) -> Text:
    """A paragraph's text (``rich.markdown.Paragraph``)."""
    from rich.text import Text

    styles.push(console.get_style("markdown.paragraph", default="none"))
    text = Text(justify="left")
    _append(console, styles, text, source)
    styles.pop()
    return text


def _append(console: Console, styles: StyleStack, text: Text, source: str) -> None:
    runs = _inline(source)
    assert runs is not None  # checked by light_markdown
    for piece, emphasis in runs:
        if emphasis:
            styles.push(console.get_style(_EMPHASIS[emphasis], default="none"))
        text.append(piece, styles.current)
        if emphasis:
            styles.pop()


_EMPHASIS = {1: "markdown.em", 2: "markdown.strong"}


def _heading(
    console: Console, options: ConsoleOptions, styles: StyleStack, heading: _Heading
) -> RenderResult:
    """``rich.markdown.Heading``: centred at level 1, its level's style."""
    from rich.text import Text

    styles.push(console.get_style(f"markdown.h{heading.level}", default="none"))
    text = Text()
    _append(console, styles, text, heading.text)
    styles.pop()
    text.justify = "center" if heading.level == 1 else "left"
    yield from console.render(text, options)


def _quote(
    console: Console, options: ConsoleOptions, styles: StyleStack, quote: _Quote
) -> RenderResult:
    """``rich.markdown.BlockQuote``: its paragraphs behind a bar, in its style."""
    from rich.containers import Renderables
    from rich.segment import Segment

    styles.push(console.get_style("markdown.block_quote", default="none"))
    style = styles.current
    paragraphs = [_paragraph(console, styles, "\n".join(lines)) for lines in quote.paragraphs]
    styles.pop()
    lines = console.render_lines(
        Renderables(paragraphs), options.update(width=options.max_width - 4), style=style
    )
    bar = Segment("▌ ", style)
    for line in lines:
        yield bar
        yield from line
        yield Segment("\n")


def _list(
    console: Console, options: ConsoleOptions, styles: StyleStack, listed: _List
) -> RenderResult:
    """``rich.markdown.ListElement``: bullets, or numbers from the list's first."""
    from rich.containers import Renderables
    from rich.segment import Segment

    last_number = listed.start + len(listed.items)
    width = len(str(last_number)) + 2 if listed.ordered else 3
    marker_style = console.get_style(
        "markdown.item.number" if listed.ordered else "markdown.item.bullet", default="none"
    )
    for index, item in enumerate(listed.items):
        styles.push(console.get_style("markdown.item", default="none"))
        style = styles.current
        paragraph = _paragraph(console, styles, item)
        styles.pop()
        lines = console.render_lines(
            Renderables([paragraph]), options.update(width=options.max_width - width), style=style
        )
        if listed.ordered:
            first = Segment(f"{listed.start + index}".rjust(width - 1) + " ", marker_style)
        else:
            first = Segment(" • ", marker_style)
        yield from _marked(lines, first, Segment(" " * width, marker_style))


def _marked(lines: Iterable[list[Segment]], first: Segment, rest: Segment) -> RenderResult:
    from rich.segment import Segment

    for number, line in enumerate(lines):
        yield rest if number else first
        yield from line
        yield Segment("\n")
