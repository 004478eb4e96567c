#!/usr/bin/env bash
# System packages the suite needs beyond Python: LibreOffice to render documents to PDF (Writer, kept resident
# through python3-uno) and to print a run report to PDF in the report's page-count test (Calc), fonts with the
# Kazakh letters (ә ғ қ ң ө ұ ү һ і), Tesseract with its Kazakh and Russian models to read scanned executive
# documents. Installed once; a second call does nothing.
set -euo pipefail
# The store's tests also run on the machine's PostgreSQL: start its cluster if it is installed but stopped.
if command -v pg_ctlcluster >/dev/null && ! pg_isready -q -h 127.0.0.1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
dpkg -s python3-uno >/dev/null 2>&1 || need+=(python3-uno)  # the resident LibreOffice (unoserver) speaks UNO
for pkg in tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
echo "system: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
