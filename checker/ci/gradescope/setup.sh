#!/usr/bin/env bash
# Gradescope autograder setup, run once when the autograder is built. Make the bundle with
#   checker bundle gradescope [--points points.json]
# which writes autograder.zip: this script, run_autograder, the checker's sources as asynccheck/
# and the checker program as bin/checker. Gradescope unzips it into /autograder/source.
#   AUTOGRADER_ROOT   the autograder folder (default /autograder)
#   SWIFT_VERSION     the toolchain installed when no Swift 6 is on the PATH (default 6.3.1)
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
bundle="$root/source"
SWIFT_VERSION=${SWIFT_VERSION:-6.3.1}
updated=no
install() {
  [ "$updated" = yes ] || { apt-get update; updated=yes; }
  apt-get install -y --no-install-recommends "$@"
}

# A Swift 6 toolchain: the one on the PATH, or Swift.org's for this system.
if swift --version 2>/dev/null | grep -q "Swift version 6"; then
  echo "setup: using $(swift --version 2>/dev/null | head -n 1)"
else
  install binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev \
    libpython3-dev libsqlite3-0 libstdc++-12-dev libxml2-dev libz3-dev pkg-config tzdata \
    unzip zlib1g-dev curl ca-certificates
  release="swift-${SWIFT_VERSION}-RELEASE"
  platform=$(. /etc/os-release && echo "${ID}${VERSION_ID}")           # e.g. ubuntu22.04
  folder=$(echo "$platform" | tr -d .)                                  # e.g. ubuntu2204
  curl -fsSL "https://download.swift.org/swift-${SWIFT_VERSION}-release/${folder}/${release}/${release}-${platform}.tar.gz" \
    | tar -xz -C /opt
  ln -sf "/opt/${release}-${platform}/usr/bin/"* /usr/local/bin/
fi
# Python, for the Python project, and pycodestyle for its style requirement.
command -v python3 >/dev/null || install python3 python3-pip
# (Newer images refuse a system-wide pip install: apt's package, then pip's override.)
python3 -m pycodestyle --version >/dev/null 2>&1 \
  || python3 -m pip install pycodestyle 2>/dev/null \
  || install python3-pycodestyle 2>/dev/null \
  || python3 -m pip install --break-system-packages pycodestyle \
  || echo "setup: pycodestyle could not be installed: its checks will say so"

# The checker: the bundled program (a release build with the Swift runtime linked in, which
# needs glibc 2.35 or later and the processor it was built for) when it runs here, else built
# from the bundled sources (a few minutes).
checker="$bundle/asynccheck/.build/release/checker"
mkdir -p "$(dirname "$checker")"
if [ -x "$bundle/bin/checker" ] && "$bundle/bin/checker" --version >/dev/null 2>&1; then
  cp "$bundle/bin/checker" "$checker"
  echo "setup: using the bundled checker"
else
  (cd "$bundle/asynccheck" && swift build -c release --product checker)
fi
"$checker" --version
# Grade the bundled reference once: it compiles the checker's harness and fills the compiler's
# module cache, which every student's grading then reuses instead of building again.
"$checker" --format json >/dev/null || true
