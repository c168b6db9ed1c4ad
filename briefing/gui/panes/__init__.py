"""The panes of the main window: board, reader, outline, preview, sources, checks, review."""
