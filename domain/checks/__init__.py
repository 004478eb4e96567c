"""Checks: pure functions that turn registry records into findings (Scrapy's item pipelines, without I/O)."""
