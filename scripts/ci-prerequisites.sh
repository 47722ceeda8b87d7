#!/usr/bin/env bash
# Installs the system packages Weft's test suite needs, when they are missing. Idempotent: a
# second run finds everything and does nothing. Called by .ci/run before the tests.
#
#   scripts/ci-prerequisites.sh
#
# Debian packages, each checked by a command it provides (add a line to NEEDED for a new one):
#   redis-server  the weft-redis and chat-cluster tests start their own redis-server on a free
#                 loopback port (dev.weft.testing.external.RedisServer)
#   haproxy       the load-balancer end-to-end test and scripts/cluster.sh put it in front of
#                 the chat instances
#   chromium, chromium-driver
#                 the web chat's browser test (ChatInTheBrowserTest) drives headless Chromium
#                 through chromedriver (Selenium) against the chat sample's /chat page
# As root it runs `apt-get update` and installs what is missing. Without root it names what is
# missing and the command to install it, and exits 1. Services the packages would start at
# install (a system Redis on port 6379, HAProxy) are kept from starting, and stopped if a
# previous install started them: the tests start their own, on ports they choose.
set -euo pipefail

# "package:command"
NEEDED=(
  "redis-server:redis-server"
  "haproxy:haproxy"
  "chromium:chromium"
  "chromium-driver:chromedriver"
)

missing=()
for entry in "${NEEDED[@]}"; do
  package=${entry%%:*}
  command=${entry#*:}
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done

stop_services() {
  # Only what a package install starts by itself; nothing else is touched.
  local service
  for service in redis-server haproxy; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl stop "$service" || true
      systemctl disable "$service" >/dev/null 2>&1 || true
    elif command -v service >/dev/null 2>&1 && service "$service" status >/dev/null 2>&1; then
      service "$service" stop >/dev/null 2>&1 || true
    fi
  done
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-prerequisites: all present (${NEEDED[*]%%:*})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  cat >&2 <<MSG
ci-prerequisites: missing: ${missing[*]}
  The tests against a real Redis, HAProxy and browser need them. Install them as root:
    sudo apt-get update && sudo apt-get install -y ${missing[*]}
  (or run this script as root). Outside CI, the tests that need them are skipped without them.
MSG
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-prerequisites: missing: ${missing[*]}, and there is no apt-get to install them: install them with this system's package manager" >&2
  exit 1
fi

# Keep packages from starting their services during the install (Debian's policy-rc.d).
policy=/usr/sbin/policy-rc.d
own_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  own_policy=yes
fi
cleanup() {
  if [ "$own_policy" = yes ]; then rm -f "$policy"; fi
}
trap cleanup EXIT

echo "ci-prerequisites: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
stop_services

for entry in "${NEEDED[@]}"; do
  command -v "${entry#*:}" >/dev/null 2>&1 || { echo "ci-prerequisites: ${entry%%:*} did not install ${entry#*:}" >&2; exit 1; }
done
echo "ci-prerequisites: installed ${missing[*]}"
