#!/usr/bin/env bash
# Creates the HTTPS keystore before the server's first start, with a certificate whose
# SubjectAltName holds the host name and this machine's addresses: iOS and Android refuse a
# certificate without one, and WildFly's self-generated certificate has none.
# Usage: ensure-keystore.sh CONFIGURATION_DIR
#   SYNCBRIDGE_HOST               name phones use for the server (default: hostname -f)
#   SYNCBRIDGE_KEYSTORE_PASSWORD  keystore password (default: password, as in configure.cli)
# Prints the keystore, the certificate to install on phones, and its SHA-256 fingerprint.
set -euo pipefail

dir=${1:?usage: ensure-keystore.sh CONFIGURATION_DIR}
keystore="$dir/application.keystore"
certificate="$dir/syncbridge-server.crt"
password=${SYNCBRIDGE_KEYSTORE_PASSWORD:-password}
keytool="${JAVA_HOME:+$JAVA_HOME/bin/}keytool"

if [ ! -f "$keystore" ]; then
  host=${SYNCBRIDGE_HOST:-$(hostname -f 2>/dev/null || hostname)}
  san="dns:$host,dns:localhost,ip:127.0.0.1,ip:::1"
  for address in $(hostname -I 2>/dev/null || true); do
    case ",$san," in *",ip:$address,"*) ;; *) san="$san,ip:$address" ;; esac
  done
  mkdir -p "$dir"
  "$keytool" -genkeypair -alias server -keyalg RSA -keysize 3072 -validity 3650 -sigalg SHA256withRSA \
    -dname "CN=$host, O=Syncbridge" -ext "SAN=$san" -ext "EKU=serverAuth" \
    -storetype PKCS12 -keystore "$keystore" -storepass "$password" -keypass "$password" >/dev/null 2>&1
  echo "Created the HTTPS certificate for $san"
fi
"$keytool" -exportcert -rfc -alias server -keystore "$keystore" -storepass "$password" -file "$certificate" >/dev/null 2>&1
fingerprint=$("$keytool" -list -v -alias server -keystore "$keystore" -storepass "$password" 2>/dev/null | sed -n 's/^[[:space:]]*SHA256: //p')
san=$("$keytool" -list -v -alias server -keystore "$keystore" -storepass "$password" 2>/dev/null | sed -n '/SubjectAlternativeName/,/^$/p' | sed -n 's/^[[:space:]]*\(DNSName\|IPAddress\): //p' | paste -sd, -)
echo "HTTPS keystore:     $keystore"
echo "HTTPS certificate:  $certificate  (install it on phones that should trust this server)"
echo "SHA-256 fingerprint: $fingerprint"
echo "Names in the certificate: $san  (delete the keystore to make a new one for other names)"
