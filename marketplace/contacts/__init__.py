"""Contacts of outbound campaigns: uploads and their import, lists and reports, the Do-Not-Call list,
numbers normalised, encrypted and masked, and ``dialing``: the services telephony calls."""
