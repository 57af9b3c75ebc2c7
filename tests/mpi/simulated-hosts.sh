#!/usr/bin/env bash
# A second host for the two-host MPI tests, simulated on this machine (root only):
#   simulated-hosts.sh up [DIR]    makes host shmscope-b, prints the hostfile's path
#   simulated-hosts.sh down [DIR]  removes everything up made (also after a failed up or run)
#   simulated-hosts.sh check       exit 0 if up can work here, else 77 and the reason
#   simulated-hosts.sh fixture-up [DIR]  up, or (where it cannot work) DIR/unavailable saying why
# shmscope-b is a network namespace joined to this host by one veth pair with a private /30
# (10.254.77.1 here, 10.254.77.2 there; no default route, no forwarding, no NAT: traffic can
# only go between the pair's two ends), with its own hostname (UTS namespace), its own /tmp,
# /run and /dev/shm (mount namespace: Open MPI's session and shared-memory files stay on the
# host that made them), its own CLOCK_MONOTONIC, set back by SHMSCOPE_SIM_CLOCK_BACK_S
# seconds (time namespace: the remote clock differs, as on a real second machine, so the
# app's clock offset is tested), and its own sshd on 10.254.77.2:22 with a host key and a
# client key made for it under DIR. Nothing global changes: no /etc/hosts, /etc/ssh or
# ~/.ssh entry; mpirun reaches the host through the ssh options in DIR/mpi-args (or the same
# as OMPI_MCA_* variables in DIR/env).
# The hostfile names hosts by address, so nothing is looked up in DNS.
set -u
NS=shmscope-b
HOST_IF=shmscope-a     # the veth end on this host
PEER_IF=shmscope-b0    # the end inside shmscope-b
HERE=10.254.77.1
THERE=10.254.77.2
NET=10.254.77.0/30
DIR=${2:-${SHMSCOPE_SIM_DIR:-/var/tmp/shmscope-simulated-hosts}}
DIR=$(realpath -m "$DIR") # sshd and its config want absolute paths
SLOTS_HERE=${SHMSCOPE_SIM_SLOTS_HERE:-2}
SLOTS_THERE=${SHMSCOPE_SIM_SLOTS_THERE:-2}

say() { echo "simulated-hosts: $*" >&2; }

# Why the simulated host cannot be made here (empty: it can).
why_not() {
    [ "$(id -u)" = 0 ] || { echo "not root (network namespaces need root)"; return; }
    for t in ip unshare nsenter ssh ssh-keygen mpirun; do
        command -v "$t" >/dev/null || { echo "$t not found"; return; }
    done
    [ -x /usr/sbin/sshd ] || { echo "/usr/sbin/sshd not found (apt-get install openssh-server)"; return; }
    local probe="shmscope-probe-$$"
    ip netns add "$probe" 2>/dev/null || { echo "cannot make a network namespace (ip netns add)"; return; }
    ip netns delete "$probe"
    unshare --uts --mount --time true 2>/dev/null ||
        { echo "cannot make UTS, mount and time namespaces (unshare)"; return; }
    # Our /30 must not be in use here: we would take traffic meant for someone else.
    if ip -4 route show | grep -q '^10\.254\.77\.' && ! ip link show "$HOST_IF" >/dev/null 2>&1; then
        echo "10.254.77.0/30 is already routed on this machine"
        return
    fi
}

down() {
    local pid
    if [ -f "$DIR/sshd.pid" ]; then
        pid=$(cat "$DIR/sshd.pid" 2>/dev/null)
        [ -n "$pid" ] && kill "$pid" 2>/dev/null
    fi
    # Everything still running in the namespace: sshd, sessions, orted, ranks. Bounded.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        pids=$(ip netns pids "$NS" 2>/dev/null)
        [ -z "$pids" ] && break
        # shellcheck disable=SC2086
        kill -KILL $pids 2>/dev/null
        sleep 0.2
    done
    ip link delete "$HOST_IF" 2>/dev/null # takes its peer with it
    ip netns delete "$NS" 2>/dev/null
    # Only files up made, in its own directory.
    if [ -d "$DIR" ] && [ -f "$DIR/.shmscope-simulated-hosts" ]; then
        rm -rf "$DIR"
    fi
    if ip netns list | grep -qw "$NS" || ip link show "$HOST_IF" >/dev/null 2>&1; then
        say "down: could not remove namespace $NS or link $HOST_IF"
        return 1
    fi
    return 0
}

# The remote clock: back by SHMSCOPE_SIM_CLOCK_BACK_S seconds (default: half the uptime, at
# most an hour: a time namespace cannot set CLOCK_MONOTONIC below zero).
clock_back_s() {
    if [ -n "${SHMSCOPE_SIM_CLOCK_BACK_S:-}" ]; then echo "$SHMSCOPE_SIM_CLOCK_BACK_S"; return; fi
    local up
    up=$(cut -d. -f1 /proc/uptime)
    up=$((up / 2))
    [ "$up" -gt 3600 ] && up=3600
    echo "$up"
}

up() {
    local why
    why=$(why_not)
    if [ -n "$why" ]; then
        say "cannot simulate a second host: $why"
        exit 77
    fi
    down >/dev/null 2>&1 # what a killed earlier run left
    mkdir -p "$DIR" && chmod 700 "$DIR" && touch "$DIR/.shmscope-simulated-hosts" || exit 1
    trap 'say "up failed; removing what it made"; down; exit 1' ERR
    set -eE
    ip netns add "$NS"
    ip link add "$HOST_IF" type veth peer name "$PEER_IF" netns "$NS"
    # IPv4 only on the pair: no IPv6 link-local chatter, no address Open MPI could wander to.
    sysctl -qw "net.ipv6.conf.$HOST_IF.disable_ipv6=1"
    ip netns exec "$NS" sysctl -qw "net.ipv6.conf.$PEER_IF.disable_ipv6=1"
    ip addr add "$HERE/30" dev "$HOST_IF"
    ip link set "$HOST_IF" up
    ip netns exec "$NS" ip addr add "$THERE/30" dev "$PEER_IF"
    ip netns exec "$NS" ip link set "$PEER_IF" up
    ip netns exec "$NS" ip link set lo up

    ssh-keygen -q -t ed25519 -N '' -C shmscope-b-host -f "$DIR/host_key"
    ssh-keygen -q -t ed25519 -N '' -C shmscope-test-client -f "$DIR/client_key"
    cp "$DIR/client_key.pub" "$DIR/authorized_keys"
    echo "$THERE $(cut -d' ' -f1,2 "$DIR/host_key.pub")" >"$DIR/known_hosts"
    cat >"$DIR/sshd_config" <<CFG
ListenAddress $THERE
Port 22
HostKey $DIR/host_key
AuthorizedKeysFile $DIR/authorized_keys
PidFile $DIR/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
StrictModes no
PrintMotd no
X11Forwarding no
AllowTcpForwarding no
MaxStartups 64
LogLevel ERROR
CFG
    # The client side: only through these options, passed to mpirun as plm_rsh_args.
    cat >"$DIR/ssh_config" <<CFG
Host $THERE
    User root
    IdentityFile $DIR/client_key
    IdentitiesOnly yes
    UserKnownHostsFile $DIR/known_hosts
    StrictHostKeyChecking yes
    GlobalKnownHostsFile /dev/null
    BatchMode yes
    ConnectTimeout 10
    ServerAliveInterval 2
    ServerAliveCountMax 3
    ProxyCommand none
# Any other host: refused here, so a wrong hostfile cannot send ssh elsewhere.
Host *
    ProxyCommand /bin/false
CFG
    local back
    back=$(clock_back_s)
    # sshd in the namespace, as host shmscope-b; it daemonizes and writes its pid file. Its
    # sessions (and mpirun's orted and ranks) inherit the namespaces.
    ip netns exec "$NS" unshare --uts --mount --propagation private --time --fork \
        --monotonic "-$back" --boottime "-$back" sh -c "
            hostname $NS &&
            mount -t tmpfs -o mode=1777 tmpfs /tmp &&
            mount -t tmpfs -o mode=1777 tmpfs /dev/shm &&
            mount -t tmpfs -o mode=755 tmpfs /run && mkdir -m 755 /run/sshd &&
            exec /usr/sbin/sshd -f '$DIR/sshd_config' -E '$DIR/sshd.log'"
    # Bounded: up to 100 tries, 0.2 s apart (on a machine with a load of 15, a first login
    # was once reset during the key exchange).
    local answered=no
    for _ in $(seq 100); do
        if [ -s "$DIR/sshd.pid" ] && ssh -F "$DIR/ssh_config" "$THERE" true 2>/dev/null; then
            answered=yes
            break
        fi
        sleep 0.2
    done
    if [ "$answered" != yes ]; then
        say "sshd on $NS does not let us in: $(tail -n 3 "$DIR/sshd.log" 2>/dev/null)"
        false
    fi
    trap - ERR
    set +eE
    cat >"$DIR/hostfile" <<HF
# this host (rank 0 runs here: first), then the simulated host shmscope-b
$HERE slots=$SLOTS_HERE
$THERE slots=$SLOTS_THERE
HF
    # What mpirun needs to use only this pair: ssh through our options, TCP and Open MPI's
    # own wire (oob) only on the /30. The two hosts share this machine's CPUs, which Open MPI
    # cannot see: told that each has SLOTS cores, its ranks spin while they wait and take the
    # CPU the other host's ranks need (the seed job's gather took 1.5-1.8 s spinning, 0.17-0.49
    # s yielding, 2 vCPUs at load 12).
    echo "--hostfile $DIR/hostfile --mca plm_rsh_args -F$DIR/ssh_config --mca btl self,vader,tcp --mca btl_tcp_if_include $NET --mca oob_tcp_if_include $NET --mca mpi_yield_when_idle 1" >"$DIR/mpi-args"
    # The same as environment variables (mpirun reads OMPI_MCA_*), for a plain
    # `--mpi-args "--hostfile DIR/hostfile"` after `. DIR/env`.
    cat >"$DIR/env" <<ENV
export OMPI_MCA_plm_rsh_args='-F$DIR/ssh_config'
export OMPI_MCA_btl=self,vader,tcp
export OMPI_MCA_btl_tcp_if_include=$NET
export OMPI_MCA_oob_tcp_if_include=$NET
export OMPI_MCA_mpi_yield_when_idle=1
ENV
    echo "$back" >"$DIR/clock-back-s"
    echo "$DIR/hostfile"
}

case "${1:-}" in
up) up ;;
fixture-up)
    # The test suite's setup: where the host cannot be made, say why and leave the reason for
    # the test, which then skips; a host that can be made but fails to come up is a failure.
    why=$(why_not)
    if [ -n "$why" ]; then
        mkdir -p "$DIR" && touch "$DIR/.shmscope-simulated-hosts" && echo "$why" >"$DIR/unavailable"
        say "skipping the two-host tests: $why"
        exit 0
    fi
    rm -f "$DIR/unavailable"
    up
    ;;
down) down ;;
check)
    why=$(why_not)
    [ -z "$why" ] && exit 0
    echo "$why"
    exit 77
    ;;
*)
    echo "usage: $0 up|down|check [DIR]" >&2
    exit 2
    ;;
esac
