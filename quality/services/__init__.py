"""Quality's write verbs: scoring an interaction (the payout gate), reviews, disputes, scorecards,
uploaded transcripts, calibration and customer satisfaction. One module per aggregate."""
