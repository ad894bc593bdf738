"""Automatic scoring of a call transcript against a scorecard: pure Python, no Flask, no session."""
