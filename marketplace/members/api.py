"""Work-profile API: a member's languages, region, reliability and QA average."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import require_user, token_auth
from app.database import commit
from marketplace.members import profiles
from marketplace.members.queries import profile_json
from marketplace.members.schemas import ProfileIn, ProfileOut
from marketplace.roles import MEMBER

bp = APIBlueprint("members_api", __name__, url_prefix="/api/v1", tag="Shifts and claims")



@bp.get("/members/me/profile")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.output(ProfileOut)
@bp.doc(summary="Your work profile: languages, region, reliability, QA average")
def get_profile():
    return profile_json(profiles.get_profile(require_user().id))


@bp.put("/members/me/profile")
@bp.auth_required(token_auth, roles=MEMBER)
@bp.input(ProfileIn, arg_name="data")
@bp.output(ProfileOut)
@bp.doc(summary="Set your languages and region", responses=[422])
def put_profile(data):
    profile = profiles.update_profile(require_user(), languages=data["languages"], region=data["region"])
    commit()
    return profile_json(profile)
