#!/usr/bin/env bash
# The demo: start the sandbox registries, run register_check on the bundled sample list, stop the sandbox.
set -euo pipefail
PY=${PY:-.venv/bin/python}
PORT=${SANDBOX_PORT:-8765}
HOME_DIR=${ORYNDA_HOME:-var}
"$PY" -m sandbox --port "$PORT" --seed 42 --debtors 1000 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
"$PY" - "$PORT" <<'PYEOF'
import sys
from sandbox.server import wait_ready
wait_ready(f"http://127.0.0.1:{sys.argv[1]}")
PYEOF
echo "sandbox: http://127.0.0.1:$PORT/  (Unified Register of Debtors at /register/)"
"$PY" runner.py run register_check --input samples/debtors.xlsx --home "$HOME_DIR" \
  --sandbox-url "http://127.0.0.1:$PORT" "$@"
"$PY" runner.py runs --home "$HOME_DIR" --limit 5
