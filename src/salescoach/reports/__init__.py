"""Reports: pure functions from records' facts to rows (agenda, timeline, objections,
objectives, phases, funnel, team, export). Nothing here knows it is in a terminal.

Each report module declares ``NEEDS``: the parts of :class:`~salescoach.store.facts.Facts` it
reads, so the derived index decodes only those.
"""
