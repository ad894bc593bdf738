"""Staffing: Erlang C / A (``erlang``, pure) and the plans that size a campaign and become its shifts."""
