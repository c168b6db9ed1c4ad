"""The main window: its parts, menus, actions, layout and remembered view state."""
