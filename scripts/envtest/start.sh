#!/usr/bin/env bash
# Starts a throwaway control plane on loopback: etcd, kube-apiserver and kube-controller-manager
# (no scheduler, no kubelet: admitted Pods stay Pending).
#
#   scripts/envtest/start.sh [--dir DIR] [-- COMMAND [ARGS…]]
#
# With a COMMAND: runs it with KUBECONFIG pointing at the stack, tears the stack down and exits
# with the command's status. Without one: prints the environment and keeps the stack up until
# interrupted (Ctrl-C), then tears it down. The stack is always torn down, also when starting
# fails halfway. DIR (default: a new temp dir, removed at the end unless MAMORI_ENVTEST_KEEP=1)
# receives the PKI, kubeconfigs, etcd data, logs/ and env (shell variables describing the stack).
#
# Binaries come from scripts/envtest/build.sh (KUBEBUILDER_ASSETS, else built and cached). The
# controller manager runs the controllers listed in controllers.txt, or MAMORI_ENVTEST_CONTROLLERS.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log() { printf '[envtest] %s\n' "$*" >&2; }
die() { printf '[envtest] error: %s\n' "$*" >&2; exit 1; }

dir='' own_dir=0
cmd=()
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --) shift; cmd=("$@"); break ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

assets=$("$here/build.sh" | tail -n1)
[ -d "$assets" ] || die "build.sh did not print an asset directory"

t0=$(date +%s%N)
ms() { echo $(( ($(date +%s%N) - t0) / 1000000 )); }

if [ -z "$dir" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/mamori-envtest.XXXXXX")
  own_dir=1
fi
mkdir -p "$dir/logs"

pids=()
teardown() {
  local rc=$? pid i
  trap - EXIT INT TERM
  for (( i = ${#pids[@]} - 1; i >= 0; i-- )); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$own_dir" = 1 ] && [ "${MAMORI_ENVTEST_KEEP:-}" != 1 ]; then
    rm -rf "$dir"
  else
    log "kept $dir"
  fi
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Four free loopback ports, held open together so that they differ.
read -r etcd_port peer_port api_port kcm_port < <(node -e '
  const net = require("node:net");
  const servers = [0, 1, 2, 3].map(() => net.createServer());
  Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", () => ok(s.address().port)))))
    .then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); });
')
server="https://127.0.0.1:$api_port"

"$here/pki.sh" "$dir" "$server"
pki="$dir/pki"
log "PKI and kubeconfigs written to $dir after $(ms) ms"
t0=$(date +%s%N)

fail() {
  local name=$1
  log "$name failed; last lines of $dir/logs/$name.log:"
  tail -n 30 "$dir/logs/$name.log" >&2 || true
  die "$2"
}

# wait_for NAME PID SECONDS COMMAND…: polls COMMAND until it succeeds, the process dies or time runs out.
wait_for() {
  local name=$1 pid=$2 secs=$3
  shift 3
  local deadline=$(( $(date +%s) + secs ))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || fail "$name" "$name exited during startup"
    [ "$(date +%s)" -lt "$deadline" ] || fail "$name" "$name not ready after ${secs}s"
    sleep 0.2
  done
}

"$assets/etcd" --name=default --data-dir="$dir/etcd" \
  --listen-client-urls="http://127.0.0.1:$etcd_port" --advertise-client-urls="http://127.0.0.1:$etcd_port" \
  --listen-peer-urls="http://127.0.0.1:$peer_port" --initial-advertise-peer-urls="http://127.0.0.1:$peer_port" \
  --initial-cluster="default=http://127.0.0.1:$peer_port" --unsafe-no-fsync=true --log-level=warn \
  >"$dir/logs/etcd.log" 2>&1 &
pids+=($!)
wait_for etcd "${pids[-1]}" 30 sh -c "curl -sf http://127.0.0.1:$etcd_port/health | grep -q '\"health\":\"true\"'"
log "etcd healthy after $(ms) ms"

"$assets/kube-apiserver" --etcd-servers="http://127.0.0.1:$etcd_port" \
  --bind-address=127.0.0.1 --secure-port="$api_port" \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
  --client-ca-file="$pki/ca.crt" --token-auth-file="$pki/tokens.csv" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
  --service-cluster-ip-range=10.0.0.0/24 --authorization-mode=RBAC \
  --endpoint-reconciler-type=none --allow-privileged=true \
  --audit-policy-file="$dir/audit-policy.yaml" --audit-log-path="$dir/logs/audit.log" \
  >"$dir/logs/kube-apiserver.log" 2>&1 &
pids+=($!)
curl_admin=(curl -sf --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key")
wait_for kube-apiserver "${pids[-1]}" 90 "${curl_admin[@]}" "$server/readyz"
log "kube-apiserver ready after $(ms) ms"

controllers=${MAMORI_ENVTEST_CONTROLLERS:-$(grep -v '^#' "$here/controllers.txt" | grep . | paste -sd, -)}
"$assets/kube-controller-manager" --kubeconfig="$dir/kube-controller-manager.kubeconfig" \
  --authentication-kubeconfig="$dir/kube-controller-manager.kubeconfig" \
  --authorization-kubeconfig="$dir/kube-controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$kcm_port" --leader-elect=false \
  --use-service-account-credentials=true --service-account-private-key-file="$pki/sa.key" \
  --root-ca-file="$pki/ca.crt" --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
  --controllers="$controllers" \
  >"$dir/logs/kube-controller-manager.log" 2>&1 &
pids+=($!)
wait_for kube-controller-manager "${pids[-1]}" 90 \
  "${curl_admin[@]}" "$server/api/v1/namespaces/default/serviceaccounts/default"
log "stack usable after $(ms) ms from starting etcd (default ServiceAccount exists)"

cat >"$dir/env" <<EOF
KUBECONFIG=$dir/admin.kubeconfig
MAMORI_ENVTEST_KUBECONFIG=$dir/admin.kubeconfig
MAMORI_ENVTEST_SERVER=$server
MAMORI_ENVTEST_ASSETS=$assets
MAMORI_ENVTEST_DIR=$dir
MAMORI_ENVTEST_PIDS="${pids[*]}"
EOF

if [ ${#cmd[@]} -gt 0 ]; then
  set +e
  KUBECONFIG="$dir/admin.kubeconfig" MAMORI_ENVTEST_KUBECONFIG="$dir/admin.kubeconfig" \
    MAMORI_ENVTEST_SERVER="$server" MAMORI_ENVTEST_ASSETS="$assets" PATH="$assets:$PATH" "${cmd[@]}"
  rc=$?
  set -e
  exit "$rc"
fi

log "stack is up; Ctrl-C stops it. Environment (also in $dir/env):"
cat "$dir/env"
log "kubectl v1.37: $assets/kubectl"
# Stay up until interrupted or until one of the processes dies.
while :; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited; see $dir/logs"
  done
  sleep 1 &
  wait $! || true
done
