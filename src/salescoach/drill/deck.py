"""The cards a rep practises: where each comes from, what it asks, what the library answers.

Three sources, in this order:

- the objection library (the ``objections`` reference playbook): the client's objection is the
  prompt; ``details.response``, ``details.questions_back`` and ``details.proof`` are the answer;
- the trainer's ``kind: cards`` playbooks (the offer against the competition, references,
  success stories): the card's own prompt, answer, questions back and proof;
- the objections the rep met in debriefs that the library lacks, in the client's own words: a
  card with no recommended answer, where the method's way and the rep's last answer stand in.

A card's key is ``<playbook>/<id>`` (``met/<slug>`` for the client's words): the same in every
language, so the schedule survives a change of ``--lang``. How the rep handled each objection in
their debriefs is kept with the deck: a poorly handled one comes first in the next drill.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from salescoach.playbook.model import Kind, Playbook
from salescoach.store.slug import slugify

if TYPE_CHECKING:
    from salescoach.playbook.library import Library
    from salescoach.store.facts import Facts

OBJECTIONS = "objections"
"""The reference playbook holding the objection library."""
MET = "met"
"""The key prefix of cards made from objections met in debriefs, not in the library."""
POORLY = 2
"""A debrief's handling rating (1–5) at or below which the objection comes first in a drill."""

Source = Literal["library", "team", "debrief"]


@dataclass(frozen=True)
class Encounter:
    """One debrief in which the rep met an objection, and how they rated their handling."""

    account: str
    day: str
    """The meeting's day (``YYYY-MM-DD``)."""
    recorded: str
    """When the debrief was written (ISO timestamp): later than a review, it counts again."""
    handling: int | None


@dataclass(frozen=True)
class DrillCard:
    """One card of the deck: what the rep is asked and what the library answers."""

    key: str
    source: Source
    prompt: str
    """The objection in the client's words, or the trainer's question."""
    topic: str
    """The objection's category (``price``) or the card's topic (``strength``)."""
    playbook: str
    """The playbook the card comes from (``met`` for an objection met in a debrief)."""
    title: str = ""
    """The playbook's title, shown with the card."""
    help: str | None = None
    response: str | None = None
    questions_back: tuple[str, ...] = ()
    proof: str | None = None
    against: str | None = None
    met: tuple[Encounter, ...] = ()
    """The debriefs that met this objection, oldest first."""

    @property
    def poorly_handled(self) -> tuple[Encounter, ...]:
        """The debriefs in which the rep rated their handling :data:`POORLY` or worse."""
        return tuple(e for e in self.met if e.handling is not None and e.handling <= POORLY)


@dataclass(frozen=True)
class Deck:
    """Every card the rep can practise now, in the order new cards are introduced."""

    cards: dict[str, DrillCard] = field(default_factory=dict)
    complete: bool = True
    """False when some playbook failed to load: a card missing from the deck may be in it."""


def build_deck(library: Library, debriefs: Iterable[Facts] = ()) -> Deck:
    """The deck from the library (objections, card playbooks) and the rep's debrief facts.

    ``debriefs`` need the ``objections`` part (:data:`salescoach.reports.objections.NEEDS`).
    """
    by_id, by_words = _encounters(debriefs)
    cards: dict[str, DrillCard] = {}
    chosen = library.chosen()
    objections = chosen.get(OBJECTIONS)
    if objections is not None and objections.playbook.kind == Kind.REFERENCE:
        for card in _objection_cards(objections.playbook, by_id):
            cards[card.key] = card
    for entry in sorted(chosen.values(), key=lambda e: e.id):
        if entry.playbook.kind == Kind.CARDS:
            for card in _team_cards(entry.playbook):
                cards[card.key] = card
    for normalised, met in by_words.items():
        key = f"{MET}/{slugify(normalised)}"
        if key not in cards:
            cards[key] = DrillCard(
                key=key,
                source="debrief",
                prompt=met[0][0],
                topic="",
                playbook=MET,
                met=tuple(encounter for _, encounter in met),
            )
    return Deck(cards, complete=not library.problems)


def only(deck: Deck, playbook: str) -> Deck:
    """The deck's cards from one playbook (``met``: the objections met outside the library)."""
    cards = {key: card for key, card in deck.cards.items() if card.playbook == playbook}
    return Deck(cards, deck.complete)


def _objection_cards(book: Playbook, encounters: dict[str, list[Encounter]]) -> Iterable[DrillCard]:
    for entry in book.entries or []:
        details = entry.details
        yield DrillCard(
            key=f"{book.id}/{entry.id}",
            source="library",
            prompt=entry.label,
            topic=_text(details.get("category")) or "",
            playbook=book.id,
            title=book.title,
            response=_text(details.get("response")),
            questions_back=_texts(details.get("questions_back")),
            proof=_text(details.get("proof")),
            met=tuple(encounters.get(entry.id, [])),
        )


def _team_cards(book: Playbook) -> Iterable[DrillCard]:
    for card in book.cards or []:
        yield DrillCard(
            key=f"{book.id}/{card.id}",
            source="team",
            prompt=card.prompt,
            topic=str(card.topic),
            playbook=book.id,
            title=book.title,
            help=card.help,
            response=card.answer,
            questions_back=tuple(card.questions_back),
            proof=card.proof,
            against=card.against,
        )


_Encounters = tuple[dict[str, list[Encounter]], dict[str, list[tuple[str, Encounter]]]]


def _encounters(debriefs: Iterable[Facts]) -> _Encounters:
    """Objections met, oldest first: by library id, and by normalised client's words (each
    with the words as first written)."""
    by_id: dict[str, list[Encounter]] = {}
    by_words: dict[str, list[tuple[str, Encounter]]] = {}
    for record in sorted(debriefs, key=lambda r: r.order):
        if record.kind != "debrief":
            continue
        for item in record.objections:
            encounter = Encounter(record.account_name, record.day, record.updated, item.handling)
            if item.in_library:
                by_id.setdefault(item.objection, []).append(encounter)
            elif normalised := _normalise(item.objection):
                by_words.setdefault(normalised, []).append((item.objection, encounter))
    return by_id, by_words


def _normalise(words: str) -> str:
    from salescoach.reports.objections import normalise

    return normalise(words)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(item.strip() for item in value if isinstance(item, str) and item.strip())
