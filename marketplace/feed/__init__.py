"""The feed: the open seats a member may claim, ranked by fit, and what each locked campaign needs."""
