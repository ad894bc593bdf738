"""Call recordings: the campaign's recording policy (record or not, the consent announcement,
retention, QA reviewers), where the media is kept (one storage door), the member's resumable
upload, the provider's recordings fetched after their callback, listening with HTTP range requests
by the people allowed to (each access a ``recording_accessed`` ledger entry) and the nightly purge.
"""
