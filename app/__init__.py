"""The front door: the command line, the scheduler service, pre-flight and notifications. It is the one room that
knows every concrete flow and bot (app.catalog); everything below it is told which flow to run."""
