"""One sub-package per registry; each exposes `make_app(world) -> Starlette`."""
