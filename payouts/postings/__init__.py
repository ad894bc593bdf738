"""The posting engine: one balanced transfer, applied at most once, never overdrawing a guarded account.

``post`` is the only code that writes transfers, postings and balances. Its order of work is what
keeps the invariants under concurrency on PostgreSQL:

1. the accounts involved are locked (``SELECT … FOR UPDATE``) in ascending id order, so two
   transfers touching the same accounts queue behind each other and never deadlock;
2. the transfer row is inserted with ``ON CONFLICT (key) DO NOTHING``: a second caller with the
   same idempotency key gets no row back and returns the transfer that already exists;
3. each balance moves with ``UPDATE … SET balance = balance + :delta WHERE … balance + :delta >= 0``
   (for guarded accounts), the same statement that would refuse an overdraft, with the database's
   check constraint behind it.

On PostgreSQL steps 2 and 3 and the postings are one statement (data-modifying CTEs), so a
transfer costs two round trips: the lock, then the write.
"""

from payouts.postings.accounts import (
    PLATFORM,
    AccountRef,
    account,
    accounts_of,
    balance,
    check_amount,
    find_balance,
    lock_balances,
    valid_currency,
    without_autoflush,
)
from payouts.postings.bulk import Planned, post_many
from payouts.postings.checks import check_invariants
from payouts.postings.transfers import InsufficientFunds, Leg, post, reverse

__all__ = [
    "PLATFORM", "AccountRef", "InsufficientFunds", "Leg", "Planned", "account", "accounts_of", "balance",
    "check_amount", "check_invariants", "find_balance", "lock_balances", "post", "post_many", "reverse",
    "valid_currency", "without_autoflush",
]
