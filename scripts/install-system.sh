#!/usr/bin/env bash
# System packages the suite needs beyond Python: LibreOffice to render documents to PDF, fonts with the
# Kazakh letters (ә ғ қ ң ө ұ ү һ і). Installed once; a second call does nothing.
set -euo pipefail
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
echo "system: installing ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
