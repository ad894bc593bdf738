"""Response schemas every domain's API shares."""

from __future__ import annotations

from apiflask import Schema, fields


class JobAcceptedOut(Schema):
    """202 for work that runs as a job: its id and where to follow its progress."""

    job_id = fields.String(required=True)
    status_url = fields.String(required=True)
