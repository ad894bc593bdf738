"""Request and response schemas of the accounts API (they also write the OpenAPI document)."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.auth.models import ALL_ROLES, ORG_ROLES, PLATFORM_ROLES
from app.auth.services import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, ORG_NAME_MAX_LENGTH
from app.config import SUPPORTED_LOCALES


class RegisterIn(Schema):
    # The lengths and the e-mail's form are checked once more, in the request's language, by the
    # same service check that serves the sign-up page (``account_field_problems``).
    email = fields.Email(required=True, validate=validate.Length(max=EMAIL_MAX_LENGTH))
    password = fields.String(required=True, validate=validate.Length(min=1, max=128), load_only=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=NAME_MAX_LENGTH))
    role = fields.String(required=True, validate=validate.OneOf(["member", "enterprise"]))
    org_name = fields.String(load_default=None, validate=validate.Length(max=ORG_NAME_MAX_LENGTH),
                             metadata={"description": "Required when role is enterprise."})
    locale = fields.String(load_default=None, validate=validate.OneOf(SUPPORTED_LOCALES))


class LoginIn(Schema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=128), load_only=True)


class RefreshIn(Schema):
    refresh_token = fields.String(required=True, validate=validate.Length(min=1, max=256))


class TokensOut(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Access-token lifetime in seconds."})


class OrgOut(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    created_at = fields.DateTime(required=True)


class UserOut(Schema):
    id = fields.Integer(required=True)
    email = fields.String(required=True)
    name = fields.String(required=True)
    locale = fields.String(allow_none=True)
    timezone = fields.String()
    is_active = fields.Boolean()
    roles = fields.List(fields.String(validate=validate.OneOf(ALL_ROLES)), attribute="sorted_roles")
    org_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()


class RegisterOut(TokensOut):
    user = fields.Nested(UserOut, required=True)


class MeOut(Schema):
    user = fields.Nested(UserOut, required=True)
    roles = fields.List(fields.String(), required=True)
    org = fields.Nested(OrgOut, allow_none=True, required=True)
    member = fields.Dict(allow_none=True, required=True,
                         metadata={"description": "Member progress (level, tier, …) for members; null otherwise."})


class MeUpdateIn(Schema):
    name = fields.String(validate=validate.Length(min=1, max=NAME_MAX_LENGTH))
    locale = fields.String(validate=validate.OneOf(SUPPORTED_LOCALES))
    timezone = fields.String(validate=validate.Length(min=1, max=64))


class PasswordChangeIn(Schema):
    current_password = fields.String(required=True, load_only=True, validate=validate.Length(max=128))
    new_password = fields.String(required=True, load_only=True, validate=validate.Length(max=128))


class OrgUserIn(Schema):
    email = fields.Email(required=True, validate=validate.Length(max=EMAIL_MAX_LENGTH),
                         metadata={"description": "Where the invitation link (to choose a password) is sent."})
    name = fields.String(required=True, validate=validate.Length(min=1, max=NAME_MAX_LENGTH))
    role = fields.String(required=True, validate=validate.OneOf(ORG_ROLES))


class PasswordResetIn(Schema):
    email = fields.String(required=True, validate=validate.Length(min=1, max=EMAIL_MAX_LENGTH))


class PasswordLinkIn(Schema):
    token = fields.String(required=True, validate=validate.Length(min=1, max=512))
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=128))


class RoleIn(Schema):
    role = fields.String(required=True, validate=validate.OneOf(PLATFORM_ROLES))


class SuspendIn(Schema):
    reason = fields.String(load_default="", validate=validate.Length(max=500))


class UsersQuery(Schema):
    role = fields.String(load_default=None, validate=validate.OneOf(ALL_ROLES))
    q = fields.String(load_default=None, validate=validate.Length(max=254),
                      metadata={"description": "Part of the e-mail or name."})


class JobOut(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True, metadata={"description": "queued, started, finished, failed, …"})
    description = fields.String(allow_none=True)
    progress = fields.Dict(required=True, metadata={"description": "{done, total, message}"})
    result = fields.Raw(allow_none=True,
                        metadata={"description": "Only for the job's owner (or an admin's audited access)."})
    result_withheld = fields.Boolean(required=True, metadata={
        "description": "The job finished but its result is its owner's: an admin reads it through "
                       "POST /api/v1/admin/jobs/{job_id}/access."})
    error = fields.String(allow_none=True)


class JobAccessIn(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500),
                           metadata={"description": "Why the admin reads someone else's job result (audited)."})
