#!/usr/bin/env bash
# The demo: start the sandbox registries, run register_check on the bundled sample list and the nightly check
# over the bailiff's proceedings in AIS EP, stop the sandbox. Sandbox logins go to a secrets file outside the repo.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${SANDBOX_PORT:-8765}
HOME_DIR=${ORYNDA_HOME:-var}
NIGHTLY_LIMIT=${NIGHTLY_LIMIT:-40}
URL="http://127.0.0.1:$PORT"
"$PY" -m sandbox --port "$PORT" --seed 42 --debtors 1000 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
"$PY" -c "from sandbox.server import wait_ready; wait_ready('$URL')"
echo "sandbox: $URL/  (Unified Register of Debtors at /debtor_register/, AIS EP at /aisep/)"
export ORYNDA_SECRETS_FILE
ORYNDA_SECRETS_FILE=$("$PY" -m sandbox.credentials --url "$URL" --out "${XDG_CONFIG_HOME:-$HOME/.config}/orynda/sandbox")

"$PY" runner.py run register_check --input samples/debtors.xlsx --home "$HOME_DIR" --sandbox-url "$URL" "$@"
if "$PY" runner.py list | grep -q nightly_check; then
  "$PY" runner.py run nightly_check --param "limit=$NIGHTLY_LIMIT" --home "$HOME_DIR" --sandbox-url "$URL" "$@"
fi
"$PY" runner.py runs --home "$HOME_DIR" --limit 5
