"""Unattended nights: schedules.yaml, the APScheduler service, night windows and the e-mail after each run.

model.py             schedules.yaml as typed models (cron, calendar, window, params, notify)
window.py            is a moment inside the night window, and when does that window end (pure)
calendar_adapter.py  the one working-day calendar of the project (domain.calendar)
trigger.py           a cron trigger that skips non-working days
fires.py             each fire time handled once, even by two schedulers on one database
job.py               what one fire does: resume or start the flow's run, pause at the window's end, report
service.py           the long-running scheduler: fixed job ids, persistent job store, signals
"""
