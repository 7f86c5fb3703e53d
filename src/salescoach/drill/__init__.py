"""Practice between meetings: the objection drill, scheduled by FSRS spaced repetition.

``deck`` turns the objection library, the trainer's card playbooks and the objections the rep
met in debriefs into cards; ``log`` keeps each card's schedule and every review in the home;
``schedule`` is the one module that imports ``fsrs``; ``practice`` walks a drill session through
the engine's :class:`~salescoach.session.prompter.Prompter` protocol; ``figures`` answers
``--due``, ``--stats`` and the team report's practice columns. Nothing here knows it runs in a
terminal.
"""
