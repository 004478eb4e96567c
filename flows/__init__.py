"""Flows: plain modules that compose bots, checks, documents and reports. Each exposes FLOW; app.catalog lists them."""
