"""One bot per registry: verbs on the site that return typed records. Bots never write output."""
