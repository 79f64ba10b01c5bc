#!/usr/bin/env bash
# A private PostgreSQL for the cluster IT (ClusterPushIT): Debian's server packages, installed when they are
# missing and we may (as web/src/test/scripts/ensure-libwbxml.sh does), a throw-away cluster listening on
# loopback only, and the role and database that postgresql.cli connects to.
#
#   test-postgresql.sh start STATE_DIR FIRST_PORT   prints "port=N": the first free port from FIRST_PORT on
#   test-postgresql.sh stop STATE_DIR               stops it and deletes its data
#
# initdb refuses to run as root, so as root the cluster belongs to the "postgres" user (or nobody), in a
# temporary directory that user can enter (STATE_DIR may lie under a home it cannot); STATE_DIR records it.
# The role and database: SYNCBRIDGE_DB_USER / SYNCBRIDGE_DB_PASSWORD (default syncbridge/syncbridge),
# database "syncbridge".
set -euo pipefail

command=${1:?usage: test-postgresql.sh start STATE_DIR FIRST_PORT | stop STATE_DIR}
state=$(realpath -m "${2:?state directory missing}")
role=${SYNCBRIDGE_DB_USER:-syncbridge}
password=${SYNCBRIDGE_DB_PASSWORD:-syncbridge}

server_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_installed() {
    if [ -n "$(server_bin)" ] && [ -x "$(server_bin)/initdb" ]; then
        return
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing Debian's postgresql for the cluster integration test" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
        [ -n "$(server_bin)" ] && [ -x "$(server_bin)/initdb" ] && return
    fi
    echo "PostgreSQL's server programs (/usr/lib/postgresql/*/bin/initdb) are missing: install Debian's postgresql" \
         "(apt-get install postgresql), as root, then run the tests again" >&2
    exit 1
}

# Runs a command as the cluster's owner.
as_owner() {
    local owner=$1
    shift
    if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

stop() {
    local home_file="$state/postgresql.home"
    [ -f "$home_file" ] || return 0
    local home owner
    home=$(cat "$home_file")
    if [ -f "$home/data/postmaster.pid" ]; then
        owner=$(stat -c %U "$home/data")
        if ! as_owner "$owner" "$(server_bin)/pg_ctl" -D "$home/data" -m fast -t 30 -w stop >/dev/null; then
            kill -9 "$(head -n 1 "$home/data/postmaster.pid")" 2>/dev/null || true
        fi
    fi
    [ -f "$home/postgresql.log" ] && cp "$home/postgresql.log" "$state/postgresql.log"
    rm -rf "$home" "$home_file"
}

# shellcheck source=loopback-port.sh
. "$(dirname "${BASH_SOURCE[0]}")/loopback-port.sh"

start() {
    local first=${1:?first port missing}
    ensure_installed
    stop # what a killed earlier run left behind
    mkdir -p "$state"
    local bin owner home port
    bin=$(server_bin)
    owner=$(id -un)
    if [ "$owner" = root ]; then
        owner=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    fi
    home=$(mktemp -d "${TMPDIR:-/tmp}/syncbridge-it-pg.XXXXXX")
    echo "$home" > "$state/postgresql.home"
    chown "$owner" "$home"
    chmod 700 "$home"
    port=$(free_port "$first")

    # Superuser: the owner, over this cluster's own socket only (peer); TCP on loopback needs a password.
    as_owner "$owner" "$bin/initdb" -D "$home/data" -U "$owner" -E UTF8 --locale=C --no-sync \
        --auth-local=peer --auth-host=scram-sha-256 >"$home/initdb.log" 2>&1 \
        || { cat "$home/initdb.log" >&2; exit 1; }
    # A test database: durability traded for speed; loopback and this directory's socket only.
    if ! as_owner "$owner" "$bin/pg_ctl" -D "$home/data" -l "$home/postgresql.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $home -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        tail -n 30 "$home/postgresql.log" >&2 || true
        exit 1
    fi
    printf '%s\n' "CREATE ROLE :\"role\" LOGIN PASSWORD :'password';" "CREATE DATABASE syncbridge OWNER :\"role\";" \
        | as_owner "$owner" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -v role="$role" -v password="$password" \
            -h "$home" -p "$port" -U "$owner" -d postgres
    echo "PostgreSQL $("$bin/pg_ctl" --version | sed 's/^pg_ctl (PostgreSQL) //') on 127.0.0.1:$port, data in $home/data" >&2
    echo "port=$port"
}

case "$command" in
    start) start "${3:-}" ;;
    stop) stop ;;
    *) echo "unknown command $command" >&2; exit 2 ;;
esac
