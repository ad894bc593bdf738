"""The recording player on the QA pages: shown to whoever telephony's rule lets listen (the
enterprise, the member who took the call, the campaign's QA reviewers), explained instead to a
trainer who reviews the call but is not among the campaign's QA reviewers; listening through it
as a reviewer is a ``recording_accessed`` ledger entry."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from tests.helpers.web import sign_in
from tests.quality.conftest import _context, result_of, run_scoring

AUDIO = b"\x1a\x45\xdf\xa3" + bytes(range(256)) * 8  # a WebM header, then 2 KiB of "audio"


def _accesses(actor_id: int) -> int:
    from ledger.models import Leaf, QueuedEntry

    with _context():
        count = 0
        for model in (QueuedEntry, Leaf):
            rows = db.session.scalars(select(model.entry).where(model.kind == "recording_accessed")).all()
            count += sum(1 for entry in rows if f'"actor_id":{actor_id}' in entry.replace(" ", ""))
        return count


def test_the_review_page_plays_the_recording_to_those_who_may_listen(app, tmp_path, world, completed_call, client,
                                                                     create_user, user_email):
    app.config.update(RECORDING_DIR=str(tmp_path / "recordings"))
    owner, campaign_id, member_id, headers = world
    interaction_id = completed_call(campaign_id, member_id)
    run_scoring(interaction_id)
    result_id = result_of(interaction_id).id
    media = f"/api/v1/interactions/{interaction_id}/recording/media"
    trainer = create_user("trainer")

    reviewer = app.test_client()
    sign_in(reviewer, user_email(trainer))
    before = reviewer.get(f"/qa/review/{result_id}").get_data(as_text=True)
    assert "<audio" not in before and "recording-not-allowed" not in before  # no recording yet: nothing shown

    uploaded = client.post(f"/api/v1/interactions/{interaction_id}/recording", data=AUDIO,
                           headers={**headers, "Content-Type": "audio/webm"})
    assert uploaded.status_code == 200 and uploaded.json["state"] == "ready", uploaded.json

    # a trainer who reviews the call but is not one of the campaign's QA reviewers: told why, no player
    page = reviewer.get(f"/qa/review/{result_id}").get_data(as_text=True)
    assert "<audio" not in page and 'data-testid="recording-not-allowed"' in page
    assert "QA reviewers named in the campaign" in page
    assert reviewer.get(media).status_code == 404

    # the enterprise's admin hears it
    admin = app.test_client()
    sign_in(admin, user_email(owner["admin_id"]))
    page = admin.get(f"/qa/review/{result_id}").get_data(as_text=True)
    assert f'<audio controls preload="none" src="{media}" data-testid="recording-player"' in page

    # named a QA reviewer of the campaign, the trainer gets the player; listening is in the ledger
    named = client.put(f"/api/v1/campaigns/{campaign_id}/recording", json={"qa_reviewer_ids": [trainer]},
                       headers=owner["headers"])
    assert named.status_code == 200, named.json
    page = reviewer.get(f"/qa/review/{result_id}").get_data(as_text=True)
    assert f'src="{media}" data-testid="recording-player"' in page and "recording-not-allowed" not in page
    assert _accesses(trainer) == 0
    listened = reviewer.get(media, headers={"Range": "bytes=0-3"})
    assert listened.status_code == 206 and listened.data == AUDIO[:4]
    assert _accesses(trainer) == 1

    # the member who took the call hears it on their call's QA page; another member does not
    member = app.test_client()
    sign_in(member, user_email(member_id))
    mine = member.get(f"/qa/calls/{result_id}").get_data(as_text=True)
    assert f'src="{media}" data-testid="recording-player"' in mine
    with member.session_transaction() as session:
        session["lang"] = "zh"
    assert 'data-testid="recording-player"' in member.get(f"/qa/calls/{result_id}").get_data(as_text=True)
