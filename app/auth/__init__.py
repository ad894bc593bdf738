"""Accounts: users, organizations, memberships, roles, passwords, tokens, and the guards every domain uses."""
