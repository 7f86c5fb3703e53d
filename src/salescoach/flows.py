"""The ids of the default flows (kept apart so the command line can name them cheaply)."""

PREP_FLOW = "prep-flow"
DEBRIEF_FLOW = "debrief-flow"
