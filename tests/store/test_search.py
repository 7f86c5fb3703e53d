"""Full-text search: what a rep's words find, in which order, and how the index keeps up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.store.index import Index, note_saved
from salescoach.store.record import Record
from salescoach.store.repository import Repository
from salescoach.store.search import (
    MARK_END,
    MARK_START,
    Filters,
    Hit,
    Term,
    _between,
    match_expression,
    parse_query,
    searchable_text,
    snippet_of,
)

STAMP = "2026-01-01T09:00:00+01:00"


@pytest.fixture
def repo(isolated_home: Path) -> Repository:
    return Repository(isolated_home)


def save(
    repo: Repository,
    account: str,
    date: str,
    answers: dict[str, Any],
    *,
    kind: str = "prep",
    meeting_type: str = "discovery",
    notes: str = "",
    meeting: str | None = None,
) -> Record:
    if meeting is None:
        account_ref, meeting = repo.new_meeting(account, date, meeting_type)
    else:
        account_ref = repo.account_ref(account)
    record = Record(
        kind=kind,  # type: ignore[arg-type]
        meeting=meeting,
        account=account_ref,
        meeting_type=meeting_type,
        meeting_date=date,
        created=STAMP,
        updated=STAMP,
        language="en",
        answers={"meeting" if kind == "prep" else "debrief": answers},
        notes=notes,
    )
    repo.save(record, f"# {kind} {meeting}\n")
    return record


def find(home: Path, *words: str, limit: int | None = None, **filters: str) -> list[Hit]:
    with Index.open(home) as index:
        return list(index.search(parse_query(words), Filters(**filters), limit).hits)


def meetings(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(hit.meeting, hit.kind) for hit in hits]


@pytest.fixture
def home(repo: Repository, isolated_home: Path) -> Path:
    acme = save(
        repo,
        "Acme",
        "2026-01-10",
        {"context": "The unions will never accept a night shift.", "stakes": ["Budget for 2027"]},
        notes="Call Claire about the unions before Friday.\n",
    )
    save(
        repo,
        "Acme",
        "2026-01-10",
        {"next_steps": [{"action": "Send the pricing grid", "owner": "Me"}]},
        kind="debrief",
        meeting=acme.meeting,
        notes="The union rep was there.",
    )
    save(
        repo,
        "Société Générale",
        "2026-02-01",
        {"context": "La Société veut une négociation rapide avec les unions."},
        meeting_type="negotiation",
    )
    save(repo, "Beta", "2026-03-05", {"context": "Nothing about staff here; pricing first."})
    return isolated_home


def test_every_word_must_appear_and_the_best_match_comes_first(home: Path) -> None:
    hits = find(home, "unions")
    assert meetings(hits) == [
        ("2026-01-10-acme-discovery", "prep"),  # twice: in an answer and in the notes
        ("2026-02-01-societe-generale-negotiation", "prep"),
    ]
    assert meetings(find(home, "unions", "night")) == [("2026-01-10-acme-discovery", "prep")]
    assert find(home, "unions", "nowhere") == []


def test_a_hit_carries_its_meeting_account_date_and_a_highlighted_snippet(home: Path) -> None:
    (hit,) = find(home, "night")
    assert (hit.account_name, hit.account_slug, hit.day, hit.meeting_type) == (
        "Acme",
        "acme",
        "2026-01-10",
        "discovery",
    )
    assert hit.plain_snippet() == "The unions will never accept a night shift. · Budget for 2027"
    start, end = hit.highlights()[0]
    assert hit.plain_snippet()[start:end] == "night"
    assert ("night", True) in hit.pieces()
    assert hit.path == "accounts/acme/2026-01-10-acme-discovery/prep.md"


def test_accents_and_case_are_ignored(home: Path) -> None:
    expected = [("2026-02-01-societe-generale-negotiation", "prep")]
    assert meetings(find(home, "societe")) == expected
    assert meetings(find(home, "SOCIÉTÉ", "negociation")) == expected
    (hit,) = find(home, "negociation")
    assert "négociation" in hit.plain_snippet()


def test_phrases_and_prefixes(home: Path) -> None:
    assert meetings(find(home, '"never accept"')) == [("2026-01-10-acme-discovery", "prep")]
    assert meetings(find(home, "accept", "never")) == [("2026-01-10-acme-discovery", "prep")]
    assert find(home, '"accept never"') == []
    assert find(home, "never accept a night") != []  # one argument with spaces: a phrase
    assert find(home, "accept never night") == []
    assert {hit.meeting for hit in find(home, "pric*")} == {
        "2026-01-10-acme-discovery",
        "2026-03-05-beta-discovery",
    }
    assert meetings(find(home, "union")) == [("2026-01-10-acme-discovery", "debrief")]


def test_filters(home: Path) -> None:
    assert {h.kind for h in find(home, "union*", kind="debrief")} == {"debrief"}
    assert {h.account_slug for h in find(home, "unions", account="acme")} == {"acme"}
    assert meetings(find(home, "unions", meeting_type="negotiation")) == [
        ("2026-02-01-societe-generale-negotiation", "prep")
    ]
    assert {h.day for h in find(home, "union*", since="2026-01-11")} == {"2026-02-01"}
    assert {h.day for h in find(home, "union*", until="2026-01-10")} == {"2026-01-10"}
    assert find(home, "pricing", since="2026-01-11", until="2026-03-01") == []


def test_limit_keeps_the_best_and_counts_them_all(home: Path, repo: Repository) -> None:
    with Index.open(home) as index:
        results = index.search(parse_query(["union*"]), Filters(), 1)
        assert results.total == 3
        assert meetings(list(results.hits)) == [("2026-01-10-acme-discovery", "prep")]
    # A record deleted, one edited by hand until unreadable: neither is counted any more.
    repo.path_of("2026-01-10-acme-discovery", "debrief").unlink()
    prep = repo.path_of("2026-01-10-acme-discovery", "prep")
    prep.write_text(prep.read_text().replace("---", "", 1))
    with Index.open(home) as index:
        assert index.problems() != []
        for filters in (Filters(), Filters(kind="prep")):
            every = list(index.search(parse_query(["union*"]), filters, None).hits)
            results = index.search(parse_query(["union*"]), filters, 1)  # counted apart
            assert len(every) == 1 and results.total == 1


@pytest.mark.parametrize("window", [32, 2])
def test_equal_matches_come_latest_first_whatever_the_limit(
    repo: Repository, isolated_home: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    """Records of the same text score the same: the latest meeting comes first, and a limit
    cuts among them as the whole ranking would (read from the full-text index alone, or, when
    more than the window tie, by joining every match with its record)."""
    monkeypatch.setattr("salescoach.store.index.TIE_WINDOW", window)
    days = ["2026-03-01", "2026-01-15", "2026-05-20", "2026-02-02", "2026-04-11", "2026-01-01"]
    for day in days:
        save(repo, "Acme", day, {"context": "The same strike, again."})
    save(repo, "Acme", "2026-06-01", {"context": "A strike. A strike. A strike, and more."})
    latest_first = sorted(days, reverse=True)
    with Index.open(isolated_home) as index:
        every = list(index.search(parse_query(["strike"]), Filters(), None).hits)
        assert [hit.day for hit in every] == ["2026-06-01", *latest_first]
        for limit in range(1, len(every) + 1):
            results = index.search(parse_query(["strike"]), Filters(), limit)
            assert list(results.hits) == every[:limit]
            assert results.total == len(every)


def test_every_hit_comes_a_batch_at_a_time_in_the_order_of_the_ranking(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = find(home, "union*")
    monkeypatch.setattr("salescoach.store.index.BATCH", 1)
    with Index.open(home) as index:
        results = index.search(parse_query(["union*"]), Filters(), None, answers=True)
        first = next(results.hits)
        assert results.total == 3 and first._replace(answers=None) == whole[0]
        assert [hit._replace(answers=None) for hit in [first, *results.hits]] == whole
    assert first.answers == {
        "meeting": {
            "context": "The unions will never accept a night shift.",
            "stakes": ["Budget for 2027"],
        }
    }


def test_hand_edits_and_deleted_records_are_followed(home: Path, repo: Repository) -> None:
    assert find(home, "strike") == []
    beta = repo.path_of("2026-03-05-beta-discovery", "prep")
    beta.write_text(beta.read_text() + "They mentioned a strike last spring.\n")
    assert meetings(find(home, "strike")) == [("2026-03-05-beta-discovery", "prep")]
    assert find(home, "staff") != []  # the answers of an edited file are still found
    beta.unlink()
    assert find(home, "strike") == []
    assert find(home, "staff") == []
    acme_debrief = repo.path_of("2026-01-10-acme-discovery", "debrief")
    acme_debrief.write_text("no front matter any more\n")  # broken: found by nothing
    assert find(home, "union") == []


def test_a_save_noted_by_the_tool_is_found_at_once(home: Path, repo: Repository) -> None:
    find(home, "unions")
    record = save(repo, "Gamma", "2026-04-01", {"context": "A picket line at the gate."})
    note_saved(home, record, repo.path_of(record.meeting, "prep"))
    assert meetings(find(home, "picket")) == [("2026-04-01-gamma-discovery", "prep")]
    changed = record.model_copy(update={"notes": "No more picket line; a lockout now."})
    repo.save(changed, "# again\n")
    note_saved(home, changed, repo.path_of(record.meeting, "prep"))
    assert [h.plain_snippet() for h in find(home, "lockout")] == [
        "No more picket line; a lockout now."
    ]
    assert len(find(home, "picket")) == 1  # the old text of the record is gone


def test_operators_and_punctuation_are_plain_words(home: Path) -> None:
    for words in (["AND"], ["NEAR(", "unions"], ["-unions"], ['"unions'], ["unions)"], ["*"]):
        find(home, *words)  # never an FTS5 syntax error
    assert meetings(find(home, "-night")) == [("2026-01-10-acme-discovery", "prep")]
    assert parse_query(["  ", "--", "*"]) == []


def test_parse_query() -> None:
    assert parse_query(["unions", "strike"]) == [Term("unions"), Term("strike")]
    assert parse_query(['"price too high"', "negot*"]) == [
        Term("price too high"),
        Term("negot", prefix=True),
    ]
    assert parse_query(["price  too high"]) == [Term("price too high")]
    assert parse_query(['say "a b" c']) == [Term("say"), Term("a b"), Term("c")]
    assert match_expression([Term('say "hi"'), Term("neg", prefix=True)]) == ('"say ""hi""" "neg"*')


def test_searchable_text_reads_every_answer_and_the_notes() -> None:
    record = Record(
        kind="prep",
        meeting="2026-01-01-acme-discovery",
        account={"slug": "acme", "name": "Acme"},  # type: ignore[arg-type]
        created=STAMP,
        updated=STAMP,
        language="en",
        answers={"meeting": {"a": "one", "b": [{"item": "two", "answer": 3}], "c": True}},
        notes=f"my {MARK_START}notes{MARK_END}",
    )
    assert searchable_text(record) == ("one\ntwo", "my  notes ")


def test_snippet_cuts_around_the_first_match() -> None:
    words = " ".join(f"w{n}" for n in range(60))
    text = words.replace("w30", f"{MARK_START}w30{MARK_END}")
    snippet = snippet_of(["", text])
    assert snippet.startswith("…w24 w25") and snippet.endswith("…")
    assert f"{MARK_START}w30{MARK_END}" in snippet
    assert snippet_of([f"{MARK_START}short{MARK_END}"]) == f"{MARK_START}short{MARK_END}"


@given(st.lists(st.text(max_size=30), max_size=4))
def test_any_words_make_a_valid_query(words: list[str]) -> None:
    import sqlite3

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5 (body)")
    connection.execute("INSERT INTO t VALUES ('some text')")
    terms = parse_query(words)
    if terms:
        connection.execute("SELECT * FROM t WHERE t MATCH ?", (match_expression(terms),))


def test_snippet_prefers_the_rarest_matches() -> None:
    common = " ".join(f"{MARK_START}budget{MARK_END} w{n}" for n in range(30))
    text = f"{common} filler words here {MARK_START}never accept{MARK_END} end"
    snippet = snippet_of([text])
    assert f"{MARK_START}never" in snippet
    assert snippet.startswith("…")


def test_a_big_build_indexes_the_words_at_the_end_and_an_interrupted_one_finishes(
    home: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salescoach.store import index as index_module

    monkeypatch.setattr(index_module, "DEFER_TEXT_FROM", 1)
    index_module.index_path(home).unlink(missing_ok=True)  # the next open is a first build
    save(repo, "Delta", "2026-01-10", {"context": "A walkout at the depot"})
    save(repo, "Epsilon", "2026-01-11", {"context": "The board lacks a quorum"})
    assert [hit.account_slug for hit in find(home, "walkout")] == ["delta"]

    # A build stopped after its rows, before its words: the next open indexes them.
    with Index.open(home) as index:
        index._db.execute("INSERT INTO texts_pending VALUES (1)")
        index._db.execute("INSERT INTO texts (texts) VALUES ('delete-all')")
    assert [hit.account_slug for hit in find(home, "quorum")] == ["epsilon"]
    assert [hit.account_slug for hit in find(home, "walkout")] == ["delta"]
    # Later saves index their words one by one again.
    record = save(repo, "Zeta", "2026-01-12", {"context": "Another walkout"})
    note_saved(home, record, repo.path_of(record.meeting, "prep"))
    assert sorted(hit.account_slug for hit in find(home, "walkout")) == ["delta", "zeta"]


@given(
    st.lists(
        st.text(st.sampled_from("ab\x02\x03é…·"), min_size=1, max_size=4)
        | st.text(st.sampled_from(" \t\n\u00a0\u2003\x1c"), min_size=1, max_size=3),
        max_size=30,
    ),
    st.data(),
)
def test_a_snippet_keeps_its_words_as_they_stand_in_the_text(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces).strip()
    words = text.split() or [""]
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    spans = [match.span() for match in re.finditer(r"\S+", text)] or [(0, 0)]
    assert _between(text, words, start, end) == text[spans[start][0] : spans[end - 1][1]]
