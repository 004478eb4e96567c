#!/usr/bin/env bash
# The demo: start the sandbox registries, run register_check on the bundled sample list and the nightly check
# over the bailiff's proceedings in AIS EP, stop the sandbox; then leave the console running for the morning (acts
# waiting for a person). Sandbox logins and the demo user's password go to files outside the repo.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${SANDBOX_PORT:-8765}
# The home folder every runner.py command finds by itself: $ORYNDA_HOME, else the user's data folder.
HOME_DIR=$("$PY" -c "from orynda.config import load_settings; print(load_settings().home)")
mkdir -p "$HOME_DIR"
NIGHTLY_LIMIT=${NIGHTLY_LIMIT:-40}
URL="http://127.0.0.1:$PORT"
"$PY" -m sandbox --port "$PORT" --seed 42 --debtors 1000 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
"$PY" -c "from sandbox.server import wait_ready; wait_ready('$URL')"
echo "sandbox: $URL/  (Unified Register of Debtors at /debtor_register/, AIS EP at /aisep/)"
export ORYNDA_SECRETS_FILE
ORYNDA_SECRETS_FILE=$("$PY" -m sandbox.credentials --url "$URL" --out "${XDG_CONFIG_HOME:-$HOME/.config}/orynda/sandbox")
# The pre-flight's probe IINs (a debtor every registry knows), so it checks the result pages and cards too.
while read -r probe; do export "${probe?}"; done < <("$PY" -m sandbox.probes --seed 42 --debtors 1000)

"$PY" runner.py run register_check --input samples/debtors.xlsx --home "$HOME_DIR" --sandbox-url "$URL" "$@"
# exit 3: the run finished with items that failed on system faults; they are in the report, the demo goes on
"$PY" runner.py run nightly_check --param "limit=$NIGHTLY_LIMIT" --home "$HOME_DIR" --sandbox-url "$URL" "$@" \
  || [ $? -eq 3 ]
"$PY" runner.py runs --home "$HOME_DIR" --limit 5

# The console: a demo bailiff (AIS EP login bailiff1, whose proceedings the night worked) and a fresh password.
CONSOLE_PORT=${CONSOLE_PORT:-8780}
PASSWORD=$("$PY" -c "import secrets; print(secrets.token_urlsafe(9))")
echo "$PASSWORD" | "$PY" runner.py users add bailiff1 --name "Demo bailiff" --role bailiff --aisep-login bailiff1 \
  --password-stdin --home "$HOME_DIR" >/dev/null 2>&1 \
  || echo "$PASSWORD" | "$PY" runner.py users passwd bailiff1 --password-stdin --home "$HOME_DIR" >/dev/null
nohup "$PY" runner.py console --port "$CONSOLE_PORT" --home "$HOME_DIR" >"$HOME_DIR/console.log" 2>&1 &
echo "console: http://127.0.0.1:$CONSOLE_PORT/  login bailiff1, password $PASSWORD  (stop it: kill $!)"
