"""Intake of executive documents: their details read from text into fields with a confidence each, checked
against each other and the law's requirements, and a decision (accept, review, return). Pure: the text comes in
from orynda.intake_reading (a PDF's text layer or OCR), the structured fields from the court cabinet."""
