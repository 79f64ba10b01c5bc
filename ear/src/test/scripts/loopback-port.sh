# Sourced by the test servers' scripts: the first port from $1 on which nothing listens on 127.0.0.1.
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 20))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "No free port in $1..$(($1 + 20)) on 127.0.0.1" >&2
    exit 1
}
