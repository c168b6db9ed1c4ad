"""The open document in the editor: session, undoable commands, autosave, imports, recovery."""
