#!/usr/bin/env bash
# Makes sure libwbxml's wbxml2xml and xml2wbxml are here for the WBXML cross-check tests:
# installs Debian's libwbxml2-utils when they are missing and we may, fails clearly otherwise.
set -euo pipefail

if command -v wbxml2xml >/dev/null && command -v xml2wbxml >/dev/null; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing libwbxml2-utils for the WBXML cross-check tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq libwbxml2-utils >/dev/null
    command -v wbxml2xml >/dev/null && exit 0
fi
echo "wbxml2xml and xml2wbxml are missing: install Debian's libwbxml2-utils (apt-get install libwbxml2-utils)," \
     "as root, then run the tests again" >&2
exit 1
