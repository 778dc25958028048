"""A restarted workshop takes back its open voting round from the journal, as it stood."""

from __future__ import annotations

from typing import Any

import pytest

from journeycanvas.workshop.session import RoundStillOpen, VotingRound, WorkshopSession


def _journal(round_: VotingRound) -> list[dict[str, Any]]:
    session = WorkshopSession("Bakery")
    records = [r for name in ("A", "B") for r in session.join(name).records]
    a, b = (session.resume(r["token"]) for r in records)
    records.append(round_.open_record())
    session.round = round_
    for participant, card in ((a, "c1"), (b, "c2"), (a, "c1")):
        records += session.vote(participant, card).records
    return records


def _round() -> VotingRound:
    return VotingRound("r1", "Worst pain", [("c1", "Queue"), ("c2", "付款")], 3, anonymous=True)


def test_an_open_round_comes_back_with_each_ones_votes() -> None:
    records = _journal(_round())
    again = WorkshopSession("Bakery")
    again.replay(records)
    assert again.round is not None
    assert (again.round.id, again.round.title, again.round.anonymous) == ("r1", "Worst pain", True)
    assert again.round.candidates == [("c1", "Queue"), ("c2", "付款")]
    assert again.round.counts() == {"c1": 2, "c2": 1}
    a = again.resume(records[0]["token"])
    state = again.state_for(a)["round"]
    assert (state["votes_left"], state["mine"]) == (1, {"c1": 2})


def test_a_closed_round_stays_closed_and_a_removed_participant_votes_go() -> None:
    records = _journal(_round())
    removed = [*records, {"type": "removed", "participant": records[0]["participant"]}]
    again = WorkshopSession("Bakery")
    again.replay(removed)
    assert again.round is not None and again.round.counts() == {"c1": 0, "c2": 1}

    closed = WorkshopSession("Bakery")
    closed.replay([*records, {"type": "round", "round": {"id": "r1", "results": []}}])
    assert closed.round is None


def test_a_damaged_round_record_is_passed_over() -> None:
    session = WorkshopSession("Bakery")
    session.replay([{"type": "round_open", "round": {"id": "r1", "candidates": 5}}])
    assert session.round is None


def test_a_round_is_never_opened_over_an_open_one() -> None:
    session = WorkshopSession("Bakery")
    session.open_round(_round())
    second = VotingRound("r2", "Best idea", [("c1", "Queue")], 1, anonymous=False)
    with pytest.raises(RoundStillOpen):
        session.open_round(second)
    assert session.round is not None and session.round.id == "r1"
    closed = session.close_round()
    session.open_round(second)
    assert closed is not None and closed.id == "r1" and session.round.id == "r2"
