#!/usr/bin/env bash
# A Chromium for Playwright the way a fresh machine can get one: Playwright's own build where it can be
# downloaded, else Debian's chromium package (the settings pick /usr/bin/chromium when Playwright has none).
set -euo pipefail
PY=${1:-.venv/bin/python}
have_playwright_build() { compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome" >/dev/null; }
if have_playwright_build || command -v chromium >/dev/null; then
  exit 0
fi
if timeout 300 "$PY" -m playwright install chromium >/tmp/orynda-playwright-install.log 2>&1; then
  echo "browser: Playwright's Chromium"
  exit 0
fi
echo "browser: Playwright's download is not reachable; installing Debian's chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
