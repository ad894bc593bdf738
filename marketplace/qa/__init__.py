"""What the marketplace does with QA's decisions: settle the member's earning through payouts
and keep the member's QA average (used by eligibility and the feed's fit)."""
