#!/bin/bash
# A private Dovecot for the integration tests (the failsafe execution "dovecot"; mvn -Pdovecot for the whole suite):
# its own configuration and directories under
# DIR, IMAP on 127.0.0.1:PORT, LMTP on the unix socket DIR/run/lmtp; nothing under /etc changes, no system
# service runs. Any login is a mailbox and any password is accepted, as with the tests' GreenMail.
#   dovecot.sh start DIR PORT     (installs Debian's dovecot-imapd and dovecot-lmtpd first if missing, as root)
#   dovecot.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}

stop() {
  local pidfile="$dir/run/master.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "Dovecot $pid did not stop" >&2
  return 1
}

case "$cmd" in
  start)
    port=${3:?port}
    if [ ! -x /usr/sbin/dovecot ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        # Debian's package tries to start its system service; without an init system that fails harmlessly
        echo "Installing Debian's dovecot-imapd and dovecot-lmtpd for the mail integration tests" >&2
        mkdir -p "${dir%/*}"
        { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd dovecot-lmtpd; } </dev/null >"${dir%/*}/dovecot-install.log" 2>&1 \
          || { echo "installing Dovecot failed, see ${dir%/*}/dovecot-install.log" >&2; exit 1; }
      else
        echo "Dovecot is missing: as root, apt-get install dovecot-imapd dovecot-lmtpd" >&2
        exit 1
      fi
    fi
    stop
    # a listener already there (another build's server) would answer in Dovecot's place
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "127.0.0.1:$port is taken: move the IMAP port with -Dit.imap.port" >&2
      exit 1
    fi
    rm -rf "$dir"
    mkdir -p "$dir/run" "$dir/state" "$dir/mail"
    cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
listen = 127.0.0.1
protocols = imap lmtp
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# the 'dovecot' user the package creates has a low uid
first_valid_uid = 100
# all of the product's connections come from one address
mail_max_userip_connections = 50
passdb {
  driver = static
  args = nopassword=y
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dir/mail/%u
}
mail_location = maildir:~/Maildir
# Dovecot alone writes these maildirs (mail arrives over LMTP), as in a usual installation; without this a FETCH of
# new mail in a kept session lists all of cur/ (200 ms at 100,000 mails; see docs/performance.md)
maildir_very_dirty_syncs = yes
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
namespace inbox {
  inbox = yes
  mailbox Drafts {
    auto = subscribe
    special_use = \\Drafts
  }
  mailbox Sent {
    auto = subscribe
    special_use = \\Sent
  }
  mailbox Trash {
    auto = subscribe
    special_use = \\Trash
  }
  mailbox Junk {
    auto = subscribe
    special_use = \\Junk
  }
}
CONF
    chown -R dovecot:dovecot "$dir/mail"
    /usr/sbin/dovecot -c "$dir/dovecot.conf" </dev/null >/dev/null 2>&1
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Dovecot $(/usr/sbin/dovecot --version) on 127.0.0.1:$port, LMTP on $dir/run/lmtp"
        exit 0
      fi
      sleep 0.1
    done
    echo "Dovecot did not open 127.0.0.1:$port; see $dir/dovecot.log" >&2
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: dovecot.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
