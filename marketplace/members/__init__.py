"""Members as the marketplace knows them: work profile, reliability, eligibility and its explanations."""
