"""The inspector: forms that edit the selected claim, citation, source or briefing."""
