"""What the login-protected sandbox sites share: sessions with idle expiry, password and key-file sign-in, paging,
the session-expired dialog and the page-side API helper. Not a site itself (it is not in sandbox.app.SITES)."""
