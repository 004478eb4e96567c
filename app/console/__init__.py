"""The bailiff's desk in a browser: what the night did, what waits for a person, runs, schedules, verification.

Starlette + Jinja2, served by uvicorn (`runner.py console`); every label from the text catalogue in Kazakh or
Russian (orynda/texts/console.yaml).
"""
