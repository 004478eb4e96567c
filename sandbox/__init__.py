"""Local stand-ins for Kazakhstan's enforcement registries, seeded with synthetic data.

Product code never imports this package: bots know a registry only through its URL.
"""
