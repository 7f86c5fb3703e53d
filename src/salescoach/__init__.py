"""salescoach: prepare B2B sales meetings and record debriefs in the terminal, with playbooks."""

__version__ = "0.1.0"
