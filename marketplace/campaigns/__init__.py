"""Campaigns: an enterprise creates a draft (the wizard or the API), publishes it (its budget held in
escrow through payouts), runs, pauses, completes or cancels it."""
