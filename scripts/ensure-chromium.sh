#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it when missing and running as root; otherwise says what to do. Another apt-get (an
# unattended upgrade, a second terminal) may hold apt's lock: wait for it, and retry a few times.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $CHROMIUM. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Wait up to 5 minutes for a lock another apt-get holds, instead of failing at once.
APT=(apt-get -o DPkg::Lock::Timeout=300 -qq)
for attempt in 1 2 3; do
  echo "Installing Debian's chromium for the e2e tests (attempt $attempt of 3)…"
  if "${APT[@]}" update && "${APT[@]}" install -y chromium >/dev/null && [ -x "$CHROMIUM" ]; then
    exit 0
  fi
  sleep $((attempt * 10))
done
echo "Could not install chromium with apt-get after 3 attempts." >&2
echo "If another apt-get is running, let it finish; then run: apt-get update && apt-get install -y chromium" >&2
echo "Or install Chromium elsewhere and set CHROMIUM_PATH to it." >&2
exit 1
