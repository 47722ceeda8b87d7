#!/usr/bin/env bash
# The whole test suite, as .ci/run runs it:
#   0. the system packages the tests need, installed when missing (scripts/ci-prerequisites.sh:
#      as root it installs them; otherwise it names them, and outside CI the tests that need
#      them are skipped);
#   1. Weft's build with every module's tests, installing the artifacts into the local Maven
#      repository;
#   2. the quickstart (quickstart/, an application outside the build) built and tested against
#      exactly those artifacts, through the BOM — so the README's getting-started path cannot rot.
# Extra arguments go to both Maven runs, e.g. a separate local repository while other checkouts
# share ~/.m2:  scripts/test-all.sh -Dmaven.repo.local=/tmp/m2-copy
set -euo pipefail
cd "$(dirname "$0")/.."

# The version being built: weft-parent's, the first <version> of the root pom.xml.
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
if [ -z "$version" ]; then
  echo "test-all.sh: cannot read the project version from pom.xml" >&2
  exit 1
fi

# README.md shows the quickstart's code under "A complete service": its Nth java block must be
# the file itself, so the page cannot drift from the code that is built and tested.
shown() {
  awk -v want="$1" '/^### A complete service/ { inside = 1 }
    inside && /^```java$/ { block++; if (block == want) { printing = 1; next } }
    printing && /^```$/ { exit }
    printing { print }' README.md
}
for pair in 1:quickstart/src/main/java/com/example/todo/TodoApp.java \
            2:quickstart/src/main/java/module-info.java \
            3:quickstart/src/test/java/com/example/todo/TodoAppTest.java; do
  if ! shown "${pair%%:*}" | diff -u - "${pair#*:}"; then
    echo "test-all.sh: README.md no longer shows ${pair#*:} as it is (diff above); copy it again" >&2
    exit 1
  fi
done

if ! scripts/ci-prerequisites.sh; then
  if [ "${CI:-}" = true ]; then
    echo "test-all.sh: CI=true and the prerequisites are missing: stopping" >&2
    exit 1
  fi
  echo "test-all.sh: continuing without them; the tests that need them are skipped" >&2
fi

scripts/with-jdk21 mvn -B install "$@"
scripts/with-jdk21 mvn -B -f quickstart/pom.xml verify -Dweft.version="$version" "$@"
