#!/usr/bin/env bash
# Installs what the browser test needs beyond Python packages: headless Chromium and its driver, from Debian.
# Run as root (CI runs as root); does nothing when both are already installed. Non-interactive.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: run as root to install chromium and chromium-driver (apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core
