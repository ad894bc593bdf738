"""``flask telephony simulate`` end to end on PostgreSQL and Redis: simulated callers on the local
carrier, simulated members through the agents' API, the dispatcher between them; the summary and
the run's invariants."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.extensions import db
from tests.telephony.flow.conftest import SPEED


def _figure(output: str, name: str) -> int:
    return int(re.search(rf"^\s+{name}\s+(\d+)", output, re.M).group(1))


def test_a_short_simulation_answers_calls_and_every_invariant_holds(flow, carrier):
    from app.auth.models import User
    from telephony.models import Interaction
    from telephony.simulator.population import SIM_DOMAIN
    from telephony.transcripts import load_transcript

    campaign_id, _number, _boss = flow.campaign()
    result = flow.app.test_cli_runner().invoke(args=[
        "telephony", "simulate", "--campaign", str(campaign_id), "--calls", "20", "--rate", "1.5", "--agents", "6",
        "--patience", "300", "--speed", str(SPEED), "--seed", "5"])
    output = result.output
    assert result.exit_code == 0, output
    assert "invariants         all held" in output
    assert _figure(output, "offered") == 20 and _figure(output, "interactions") == 20
    answered, abandoned = _figure(output, "answered"), _figure(output, "abandoned")
    assert answered >= 10 and answered + abandoned + _figure(output, "failed") == 20
    assert _figure(output, "earnings accrued") == answered
    assert re.search(r"service level\s+\d+\.\d% answered within 20 s", output)

    with flow.app.app_context():
        rows = db.session.scalars(select(Interaction).where(Interaction.campaign_id == campaign_id)).all()
        members = {row.member_id for row in rows if row.member_id}
        emails = db.session.scalars(select(User.email).where(User.id.in_(members))).all()
        assert members and all(email.endswith("@" + SIM_DOMAIN) for email in emails)
        flags = db.session.scalars(select(User.is_simulated).where(User.id.in_(members))).all()
        assert flags and all(flags)  # marked as simulated, not only by their address
        handled = [row for row in rows if row.state == "completed"]
        assert len(handled) == answered and all(row.disposition for row in handled)
        transcript = load_transcript(handled[0].transcript_ref)
        assert transcript["industry"] and transcript["utterances"] and "behaviours" in transcript
        db.session.remove()


def test_a_campaign_that_is_not_inbound_is_refused(flow):
    result = flow.app.test_cli_runner().invoke(args=["telephony", "simulate", "--campaign", "999999", "--calls", "1"])
    assert result.exit_code != 0 and "not an inbound campaign" in result.output
