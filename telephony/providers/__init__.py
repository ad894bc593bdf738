"""Voice providers behind one registry: each external service has one door."""
