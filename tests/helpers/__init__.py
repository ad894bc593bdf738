"""Helpers shared by the tests of several packages (never imported from another test module)."""
