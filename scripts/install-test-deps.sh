#!/usr/bin/env bash
# Installs what the tests need beyond Python packages (Debian packages): headless Chromium and its driver for the
# browser test of the staff page, and a C compiler and the Python headers for durable-rules (the monitor extra,
# built from source). Non-interactive; does nothing when they are already installed. Needs root (CI runs as root)
# or password-less sudo; without either it says what is missing and leaves the browser test to skip itself
# (under CI=1 the browser test fails instead, so CI cannot pass without it).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-liberation fonts-dejavu-core)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
python -c 'import os, sysconfig; raise SystemExit(not os.path.exists(sysconfig.get_paths()["include"] + "/Python.h"))' \
  2>/dev/null || need+=(python3-dev)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-test-deps: not root, so not installing ${need[*]} (apt-get); tests that need them skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
