#!/usr/bin/env bash
# The shared broker of the cluster IT (ClusterPushIT): a standalone ActiveMQ Artemis, the distribution the
# build unpacks from Maven Central, as a broker instance in STATE_DIR/artemis that listens on loopback only
# with its core protocol, and a login, as external-broker.cli expects.
#
#   test-artemis.sh start STATE_DIR ARTEMIS_HOME FIRST_PORT   prints "port=N": the first free port from FIRST_PORT on
#   test-artemis.sh stop STATE_DIR                            stops it
#
# The user: SYNCBRIDGE_BROKER_USER / SYNCBRIDGE_BROKER_PASSWORD (default syncbridge/syncbridge), in a role
# that may do everything, including creating the address and each node's non-durable subscription queue.
set -euo pipefail

command=${1:?usage: test-artemis.sh start STATE_DIR ARTEMIS_HOME FIRST_PORT | stop STATE_DIR}
state=$(realpath -m "${2:?state directory missing}")
user=${SYNCBRIDGE_BROKER_USER:-syncbridge}
password=${SYNCBRIDGE_BROKER_PASSWORD:-syncbridge}
pid_file="$state/artemis.pid"

stop() {
    [ -f "$pid_file" ] || return 0
    local pid
    pid=$(cat "$pid_file")
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
}

# shellcheck source=loopback-port.sh
. "$(dirname "${BASH_SOURCE[0]}")/loopback-port.sh"

start() {
    local home=${1:?ARTEMIS_HOME missing} first=${2:?first port missing} port instance="$state/artemis"
    if [ ! -x "$home/bin/artemis" ]; then
        echo "No Artemis distribution at $home (the ear build unpacks org.apache.activemq:apache-artemis:bin there)" >&2
        exit 1
    fi
    stop # what a killed earlier run left behind
    rm -rf "$instance"
    mkdir -p "$state"
    port=$(free_port "$first")
    # No web console and no other protocols: only the core acceptor the nodes use. No journal tuning run
    # and no fsync: it is a test broker, and notices are not persistent anyway.
    "$home/bin/artemis" create "$instance" --silent --name syncbridge-it --host 127.0.0.1 --default-port "$port" \
        --require-login --user "$user" --password "$password" --role syncbridge \
        --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        --nio --no-autotune --no-fsync --java-memory 256M >"$state/artemis-create.log" 2>&1 \
        || { cat "$state/artemis-create.log" >&2; exit 1; }
    # The profile's fixed -Xms512M exceeds a smaller --java-memory, and a test broker needs little.
    sed -i 's/-Xms512M/-Xms64M/' "$instance/etc/artemis.profile"
    nohup "$instance/bin/artemis" run </dev/null >"$state/artemis.log" 2>&1 &
    echo $! > "$pid_file"
    for _ in $(seq 1 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "ActiveMQ Artemis ($home) on 127.0.0.1:$port, log $state/artemis.log" >&2
            echo "port=$port"
            return
        fi
        if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "Artemis did not listen on 127.0.0.1:$port within 60 s:" >&2
    tail -n 30 "$state/artemis.log" >&2 || true
    stop
    exit 1
}

case "$command" in
    start) start "${3:-}" "${4:-}" ;;
    stop) stop ;;
    *) echo "unknown command $command" >&2; exit 2 ;;
esac
