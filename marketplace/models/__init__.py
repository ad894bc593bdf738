"""Marketplace tables, one module per aggregate: campaigns, shifts (with claims and waitlists),
member profiles, contacts (lists, import issues, Do-Not-Call)."""

from marketplace.models.campaigns import KINDS, STATES, Campaign
from marketplace.models.contacts import CONTACT_STATES, IMPORT_STATES, Contact, ContactList, DncEntry, ImportIssue
from marketplace.models.members import MemberProfile
from marketplace.models.shifts import ACTIVE_CLAIM_STATES, CLAIM_STATES, SHIFT_STATES, Claim, Shift, WaitlistEntry

__all__ = ["ACTIVE_CLAIM_STATES", "CLAIM_STATES", "CONTACT_STATES", "IMPORT_STATES", "KINDS", "SHIFT_STATES", "STATES",
           "Campaign", "Claim", "Contact", "ContactList", "DncEntry", "ImportIssue", "MemberProfile", "Shift",
           "WaitlistEntry"]
