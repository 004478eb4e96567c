"""Orynda's runtime: configuration, work items and their store, retries, evidence, logs, reports."""
