#!/usr/bin/env bash
# Gradescope autograder setup: installs a Swift toolchain and builds the checker from the copy
# of asynccheck in this bundle (source/asynccheck). Make the bundle's zip from this folder and a
# checkout of asynccheck:  cp -r /path/to/asynccheck source/asynccheck && zip -r bundle.zip .
set -euo pipefail
SWIFT_VERSION=${SWIFT_VERSION:-6.3.1}
apt-get update
apt-get install -y --no-install-recommends \
  binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libpython3-dev \
  libsqlite3-0 libstdc++-12-dev libxml2-dev libz3-dev pkg-config tzdata unzip zlib1g-dev \
  curl ca-certificates python3 python3-pip
release="swift-${SWIFT_VERSION}-RELEASE"
platform=$(. /etc/os-release && echo "${ID}${VERSION_ID}")           # e.g. ubuntu22.04
folder=$(echo "$platform" | tr -d .)                                  # e.g. ubuntu2204
curl -fsSL "https://download.swift.org/swift-${SWIFT_VERSION}-release/${folder}/${release}/${release}-${platform}.tar.gz" \
  | tar -xz -C /opt
ln -sf "/opt/${release}-${platform}/usr/bin/"* /usr/local/bin/
python3 -m pip install pycodestyle || true
cd /autograder/source/asynccheck
swift build -c release --product checker
