"""The prep sheet and a record's readable body.

:mod:`~salescoach.sheet.model` builds the one-page sheet from the answers and the playbooks'
``sheet:`` data; :mod:`~salescoach.sheet.markdown` writes the record's Markdown body (the sheet,
then every other answer under "Details"); :mod:`~salescoach.sheet.html` writes the printable
page. The terminal rendering lives in :mod:`salescoach.ui.sheet`.
"""

from salescoach.sheet.markdown import SheetHeader, prep_sheet, render_body, sheet_only
from salescoach.sheet.model import Sheet

__all__ = ["Sheet", "SheetHeader", "prep_sheet", "render_body", "sheet_only"]
