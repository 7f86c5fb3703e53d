"""The record store: records, accounts and drafts as private, atomically written local files.

Import from the modules themselves (kept out of this file so that importing one, e.g. ``atomic``,
does not load pydantic and the rest):

- ``slug``: :func:`slugify`, ASCII folder names;
- ``atomic``: :func:`atomic_write`, :func:`private_dir`, the only way files are written;
- ``record``: the :class:`Record` model and its schema migrations;
- ``markdown``: record files (front matter, body, free notes) to text and back;
- ``repository``: :class:`Repository`, accounts and meetings under the data home;
- ``drafts``: :class:`Drafts`, interrupted sessions.

Nothing here imports typer, rich or questionary.
"""
