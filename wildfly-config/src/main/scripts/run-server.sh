#!/usr/bin/env bash
# The run command's server (mvn -Pstart package): the built WildFly with the EAR, and GreenMail
# beside it as the embedded IMAP/SMTP server, on the embedded defaults of configure.cli.
# State (database, keystore, logs) lives in SYNCBRIDGE_BASE_DIR, outside target/; the build's
# configuration is copied in on every start, so configure.cli stays the one place for settings.
# SYNCBRIDGE_PORT_OFFSET (default 0) moves every WildFly port, so a second server (e.g. the benchmark's)
# can run beside this one; the standard WildFly variables (JBOSS_JAVA_SIZING, GC_LOG) pass through.
set -euo pipefail
: "${JBOSS_HOME:?}" "${SYNCBRIDGE_BASE_DIR:?}" "${SYNCBRIDGE_EAR:?}" "${GREENMAIL_JAR:?}"
config=${SYNCBRIDGE_SERVER_CONFIG:-standalone-full.xml}
bind=${SYNCBRIDGE_BIND_ADDRESS:-0.0.0.0}
offset=${SYNCBRIDGE_PORT_OFFSET:-0}
case "$offset" in ''|*[!0-9]*) echo "SYNCBRIDGE_PORT_OFFSET must be a number, not '$offset'" >&2; exit 2 ;; esac
base=$(realpath -m "$SYNCBRIDGE_BASE_DIR")
here=$(cd "$(dirname "$0")" && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mkdir -p "$base/configuration" "$base/deployments" "$base/data" "$base/log"
for file in "$JBOSS_HOME"/standalone/configuration/*; do
  name=$(basename "$file")
  case "$name" in
    *.properties) [ -e "$base/configuration/$name" ] || cp "$file" "$base/configuration/" ;; # users added with add-user.sh stay
    standalone_xml_history) ;;
    *) cp -r "$file" "$base/configuration/" ;;
  esac
done
"$here/ensure-keystore.sh" "$base/configuration"

rm -f "$base"/deployments/syncbridge.ear*
cp "$SYNCBRIDGE_EAR" "$base/deployments/syncbridge.ear"

imap_port=${SYNCBRIDGE_IMAP_PORT:-3143}
smtp_port=${SYNCBRIDGE_SMTP_PORT:-3025}
greenmail_pid=
if [ -n "${SYNCBRIDGE_IMAP_HOST:-}" ] && [ "${SYNCBRIDGE_IMAP_HOST}" != 127.0.0.1 ]; then
  echo "Mail: external IMAP server ${SYNCBRIDGE_IMAP_HOST}; GreenMail not started"
elif (exec 3<>"/dev/tcp/127.0.0.1/$imap_port") 2>/dev/null; then
  echo "Mail: something already listens on 127.0.0.1:$imap_port; using it as the IMAP server"
else
  # Any login is accepted and its mailbox created on first use; mail is kept in memory only.
  "$java" -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap_port" -Dgreenmail.auth.disabled \
    -Xmx256m -jar "$GREENMAIL_JAR" > "$base/log/greenmail.log" 2>&1 &
  greenmail_pid=$!
  trap '[ -n "$greenmail_pid" ] && kill "$greenmail_pid" 2>/dev/null' EXIT
  echo "Mail: GreenMail IMAP 127.0.0.1:$imap_port, SMTP 127.0.0.1:$smtp_port (log: $base/log/greenmail.log)"
fi

cat <<INFO
Syncbridge: http://<host>:$((8080 + offset)) and https://<host>:$((8443 + offset)) (bound to $bind)
  Admin API:  /api/admin (master admin '${SYNCBRIDGE_ADMIN_LOGIN:-admin}'; on the first start its password
              comes from SYNCBRIDGE_ADMIN_PASSWORD or is printed in the log below)
  State:      $base
  Console:    http://127.0.0.1:$((9990 + offset)) (add a user: $JBOSS_HOME/bin/add-user.sh -sc $base/configuration)
INFO
"$JBOSS_HOME/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" \
  -c "$config" -b "$bind"
