"""Orynda's pure domain core: rules and calculations of enforcement proceedings. No I/O here."""
