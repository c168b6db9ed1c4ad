"""Persistence: the .briefing SQLite file and the briefing/v1 JSON interchange."""
