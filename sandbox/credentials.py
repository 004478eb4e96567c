"""Test logins of the sandbox, written as a secrets file outside the repo, the way an operator would keep real ones.

python -m sandbox.credentials --url http://127.0.0.1:8765 --out ~/.config/orynda/sandbox
export ORYNDA_SECRETS_FILE=~/.config/orynda/sandbox/secrets.env
"""

from __future__ import annotations

import argparse
import urllib.request
from pathlib import Path

from sandbox.keys import TEST_KEYS
from sandbox.nca import SIGNING_PASSWORDS
from sandbox.sites.shared import accounts

BAILIFF = 1  # which of the sandbox's bailiffs the bots act as


def write_secrets(url: str, out: Path, bailiff: int = BAILIFF) -> Path:
    """Secrets file with every site's login for one bailiff, and that bailiff's key files (the eGov sign-in key,
    the acts' signing key) beside it."""
    out.mkdir(parents=True, exist_ok=True)
    key_name = f"bailiff{bailiff}"
    key_path = out / f"{key_name}.key"
    with urllib.request.urlopen(f"{url}/egov_realty/_keys/{key_name}", timeout=10) as response:
        key_path.write_bytes(response.read())
    key_path.chmod(0o600)
    signing_path = out / f"{key_name}-signing.p12"
    with urllib.request.urlopen(f"{url}/aisep/_keys/{key_name}", timeout=10) as response:
        signing_path.write_bytes(response.read())
    signing_path.chmod(0o600)
    logins = {
        "AISEP": (f"bailiff{bailiff}", accounts.AISEP[f"bailiff{bailiff}"]),
        "ENPF": (f"svc.bailiff{bailiff}", accounts.ENPF[f"svc.bailiff{bailiff}"]),
        "BANK_SANDYQ": (f"chsi-bailiff{bailiff}", accounts.BANK_SANDYQ[f"chsi-bailiff{bailiff}"]),
        "DEPOSIT": (f"chsi-bailiff{bailiff}", accounts.BANK_SANDYQ[f"chsi-bailiff{bailiff}"]),  # Sandyq's portal
        "BANK_QAZYNA": (f"bailiff{bailiff}@chsi.kz", accounts.BANK_QAZYNA[f"bailiff{bailiff}@chsi.kz"]),
        "NOTIFY_GATEWAY": (f"chsi.bailiff{bailiff}", accounts.NOTIFY_GATEWAY[f"chsi.bailiff{bailiff}"]),
        "COURT_CABINET": (f"chsi.bailiff{bailiff}", accounts.COURT_CABINET[f"chsi.bailiff{bailiff}"]),
    }
    lines = [
        f"ORYNDA_{site}_USER={user}\nORYNDA_{site}_PASSWORD={password}" for site, (user, password) in logins.items()
    ]
    lines.append(f"ORYNDA_EGOV_KEY_FILE={key_path}\nORYNDA_EGOV_KEY_PASSWORD={TEST_KEYS[key_name]}")
    lines.append(f"ORYNDA_SIGNING_KEY_FILE={signing_path}\nORYNDA_SIGNING_KEY_PASSWORD={SIGNING_PASSWORDS[key_name]}")
    secrets = out / "secrets.env"
    secrets.write_text("# sandbox test logins, written by python -m sandbox.credentials\n" + "\n".join(lines) + "\n")
    secrets.chmod(0o600)
    return secrets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--out", type=Path, default=Path.home() / ".config" / "orynda" / "sandbox")
    parser.add_argument("--bailiff", type=int, default=BAILIFF)
    args = parser.parse_args()
    print(write_secrets(args.url, args.out, args.bailiff))


if __name__ == "__main__":
    main()
