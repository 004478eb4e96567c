"""Test accounts of the password-protected sandbox sites (sandbox only; no real system knows them)."""

AISEP = {"bailiff1": "sandbox-pass-1", "bailiff2": "sandbox-pass-2", "bailiff3": "sandbox-pass-3"}
ENPF = {"svc.bailiff1": "enpf-pass-1", "svc.bailiff2": "enpf-pass-2", "svc.bailiff3": "enpf-pass-3"}
BANK_SANDYQ = {"chsi-bailiff1": "sandyq-pass-1", "chsi-bailiff2": "sandyq-pass-2"}
BANK_QAZYNA = {"bailiff1@chsi.kz": "qazyna-pass-1", "bailiff2@chsi.kz": "qazyna-pass-2"}
NOTIFY_GATEWAY = {"chsi.bailiff1": "notify-pass-1", "chsi.bailiff2": "notify-pass-2"}
COURT_CABINET = {
    "chsi.bailiff1": "cabinet-pass-1",
    "chsi.bailiff2": "cabinet-pass-2",
    "chsi.bailiff3": "cabinet-pass-3",
}
