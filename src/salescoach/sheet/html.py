"""The prep sheet as a printable page: one self-contained HTML file, laid out for one A4 sheet.

No network and no external font: the page carries its own CSS and uses the fonts of the machine
that prints it, so it prints the same from any browser, offline. Every text is escaped.
"""

from __future__ import annotations

from html import escape

from salescoach.messages import message
from salescoach.playbook.model import SheetForm
from salescoach.sheet.model import Block, Line, Part, Section, Sheet

CSS = """
@page { size: A4; margin: 11mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #111; background: #fff;
  font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 10pt; line-height: 1.3;
}
main { max-width: 184mm; margin: 0 auto; }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 {
  font-size: 10.6pt; margin: 6pt 0 2pt; padding-bottom: 1pt;
  color: #0b4f6c; border-bottom: 0.6pt solid #9fb8c4;
}
p, ul, ol { margin: 0; }
ul, ol { padding-left: 14pt; }
li { margin: 0; }
.glance { margin-bottom: 2pt; }
.label, .lead { font-weight: 600; }
.say { font-style: italic; padding-left: 8pt; border-left: 2pt solid #9fb8c4; margin: 1pt 0; }
.groups { display: grid; grid-template-columns: 32mm 1fr; column-gap: 6pt; row-gap: 2pt; }
.groups h3 { font-size: inherit; font-style: italic; font-weight: normal; margin: 0; color: #333; }
.box { border: 0.8pt solid #0b4f6c; border-radius: 3pt; padding: 1pt 6pt 3pt; margin-top: 6pt; }
.box h2 { border: 0; margin-top: 2pt; }
section { break-inside: avoid; }
@media screen {
  body { background: #eee; }
  main { background: #fff; padding: 11mm 13mm; margin: 8mm auto; min-height: 297mm;
         width: 210mm; max-width: none; box-shadow: 0 0 4mm #bbb; }
}
"""


def sheet_html(sheet: Sheet) -> str:
    """The sheet as a complete HTML page, ready to open in a browser and print."""
    colon = message(sheet.language, "sheet_colon")
    body = [f"<h1>{escape(sheet.title)}</h1>"]
    body += [_section(section, colon) for section in sheet.sections]
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(sheet.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(sheet.title)}</title>\n<style>{CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _section(section: Section, colon: str) -> str:
    classes = ["box"] if section.box else []
    if not section.heading:
        classes.append("glance")
    inner: list[str] = []
    if section.heading:
        inner.append(f"<h2>{escape(section.heading)}</h2>")
    if section.facts:
        inner.append(f"<p>{' · '.join(_part(part, colon) for part in section.facts)}</p>")
    headed = [block for block in section.blocks if block.heading]
    inner += [_lines(block.lines, colon) for block in section.blocks if not block.heading]
    if headed:
        inner.append('<div class="groups">' + "".join(_group(b, colon) for b in headed) + "</div>")
    attribute = f' class="{" ".join(classes)}"' if classes else ""
    return f"<section{attribute}>" + "".join(inner) + "</section>"


def _group(block: Block, colon: str) -> str:
    return f"<h3>{escape(block.heading or '')}</h3><div>{_lines(block.lines, colon)}</div>"


def _lines(lines: list[Line], colon: str) -> str:
    """Consecutive lines of one kind in one element: a list, numbered list, or paragraphs."""
    html: list[str] = []
    open_tag: str | None = None
    for line in lines:
        tag = {SheetForm.NUMBERED: "ol", SheetForm.ITEMS: "ul"}.get(line.form)
        if tag != open_tag:
            if open_tag:
                html.append(f"</{open_tag}>")
            if tag:
                html.append(f"<{tag}>")
            open_tag = tag
        text = _line(line, colon)
        if tag == "ol":
            html.append(f'<li value="{line.number or 1}">{text}</li>')
        elif tag == "ul":
            html.append(f"<li>{text}</li>")
        elif line.form == SheetForm.SAY:
            html.append(f'<p class="say">{text}</p>')
        else:
            html.append(f"<p>{text}</p>")
    if open_tag:
        html.append(f"</{open_tag}>")
    return "".join(html)


def _line(line: Line, colon: str) -> str:
    body = " — ".join(_part(part, colon) for part in line.parts)
    if line.lead:
        return f'<span class="lead">{escape(line.lead)}</span> {body}'
    return body


def _part(part: Part, colon: str) -> str:
    if part.label:
        return f'<span class="label">{escape(part.label + colon)}</span> {escape(part.text)}'
    return escape(part.text)
