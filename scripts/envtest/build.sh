#!/usr/bin/env bash
# Provides the binaries of the test control plane: kube-apiserver, etcd, kube-controller-manager and
# kubectl. Prints the directory that holds them on its last line (stdout); progress goes to stderr.
#
# - KUBEBUILDER_ASSETS set: that directory is used as is (it must hold all four binaries).
# - Otherwise the binaries are built from the Go modules pinned in scripts/envtest/go/ (go.mod and
#   go.sum are committed) into ${MAMORI_ENVTEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mamori/envtest}
#   /<stamp>/, where the stamp hashes go.mod, go.sum, the Go version and this recipe. When that
#   directory is complete, nothing is built and `go` is not run at all.
#
# Idempotent and safe to run concurrently (a lock serialises builds of the same stamp).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gomod_dir="$here/go"
bins=(kube-apiserver etcd kube-controller-manager kubectl)
# Bump when the build command below changes in a way that changes the binaries.
recipe=1

log() { printf '[envtest] %s\n' "$*" >&2; }
die() { printf '[envtest] error: %s\n' "$*" >&2; exit 1; }

missing_in() {
  local dir=$1 b out=()
  for b in "${bins[@]}"; do [ -x "$dir/$b" ] || out+=("$b"); done
  printf '%s' "${out[*]}"
}

if [ -n "${KUBEBUILDER_ASSETS:-}" ]; then
  [ -d "$KUBEBUILDER_ASSETS" ] || die "KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS is not a directory"
  missing=$(missing_in "$KUBEBUILDER_ASSETS")
  [ -z "$missing" ] || die "KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS lacks: $missing (unset it to build from Go modules)"
  log "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
  printf '%s\n' "$KUBEBUILDER_ASSETS"
  exit 0
fi

# The Go version without running `go`: the toolchain's VERSION file, read through the `go` on PATH.
go_version() {
  local gobin goroot v
  gobin=$(command -v go) || die "go is not on PATH and KUBEBUILDER_ASSETS is not set: cannot build the envtest binaries"
  goroot=$(dirname "$(dirname "$(readlink -f "$gobin")")")
  if [ -r "$goroot/VERSION" ] && v=$(head -n1 "$goroot/VERSION") && [ -n "$v" ]; then
    local arch
    case $(uname -m) in
      x86_64) arch=amd64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) arch=$(uname -m) ;;
    esac
    printf 'go version %s %s\n' "$v" "$(uname -s | tr '[:upper:]' '[:lower:]')/$arch"
  else
    GOTOOLCHAIN=local go version
  fi
}

stamp=$( { cat "$gomod_dir/go.mod" "$gomod_dir/go.sum"; go_version; echo "recipe $recipe"; } \
  | sha256sum | cut -c1-16)
cache_root=${MAMORI_ENVTEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mamori/envtest}
dest="$cache_root/$stamp"

if [ -f "$dest/.complete" ] && [ -z "$(missing_in "$dest")" ]; then
  log "cached binaries in $dest"
  printf '%s\n' "$dest"
  exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/$stamp.lock"
if ! flock -n 9; then
  log "another build of $stamp is running; waiting for it"
  flock 9
fi
if [ -f "$dest/.complete" ] && [ -z "$(missing_in "$dest")" ]; then
  log "cached binaries in $dest (built by the other process)"
  printf '%s\n' "$dest"
  exit 0
fi

command -v go >/dev/null || die "go is not on PATH and KUBEBUILDER_ASSETS is not set"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="${GOFLAGS:-} -mod=readonly"

k8s_version=$(awk '$1 == "k8s.io/kubernetes" { print $2; exit }' "$gomod_dir/go.mod")
[[ $k8s_version =~ ^v([0-9]+)\.([0-9]+)\.[0-9]+$ ]] || die "cannot read the k8s.io/kubernetes version from go.mod"
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean"
done
pkgs=(k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
  k8s.io/kubernetes/cmd/kubectl go.etcd.io/etcd/server/v3)

work="$cache_root/$stamp.tmp.$$"
rm -rf "$work"
mkdir -p "$work/bin"
trap 'rm -rf "$work"; [ -n "${ticker:-}" ] && kill "$ticker" 2>/dev/null; true' EXIT

started=$(date +%s)
elapsed() { local s=$(( $(date +%s) - started )); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

log "building Kubernetes $k8s_version (kube-apiserver, kube-controller-manager, kubectl) and etcd"
log "  from $gomod_dir with $(go_version | cut -d' ' -f3)"
log "  into $dest"
log "  a cold build takes 11-13 minutes on 2 cores and needs ~4 GB of Go build cache; later runs reuse it"

cd "$gomod_dir"
log "downloading modules (about 600 MB when the module cache is empty)"
nice -n 10 go mod download
log "modules ready after $(elapsed)"

total=$(go list -deps "${pkgs[@]}" 2>/dev/null | wc -l) || total='?'
buildlog="$work/build.log"
: >"$buildlog"
(
  while sleep 30; do
    n=$(grep -c . "$buildlog" 2>/dev/null || true)
    log "still building after $(elapsed): ${n:-0} of at most $total packages compiled"
  done
) &
ticker=$!

if ! nice -n 10 go build -v -trimpath -ldflags "$ldflags" -o "$work/bin/" "${pkgs[@]}" 2>"$buildlog"; then
  kill "$ticker" 2>/dev/null || true
  grep -v '^[a-zA-Z0-9._/-]*$' "$buildlog" | tail -n 40 >&2 || true
  die "go build failed after $(elapsed) (full log was $buildlog)"
fi
kill "$ticker" 2>/dev/null || true
ticker=

# The etcd main package is its module root, so go names the binary after the path (server or v3).
for name in server v3; do
  [ -x "$work/bin/$name" ] && mv "$work/bin/$name" "$work/bin/etcd"
done
missing=$(missing_in "$work/bin")
[ -z "$missing" ] || die "build finished but these binaries are missing: $missing"

{
  echo "stamp $stamp"
  go_version
  "$work/bin/kube-apiserver" --version
  "$work/bin/kube-controller-manager" --version
  "$work/bin/kubectl" version --client 2>/dev/null | head -n1
  "$work/bin/etcd" --version | head -n1
} >"$work/bin/VERSIONS"
touch "$work/bin/.complete"

rm -rf "$dest"
mv "$work/bin" "$dest"
log "built in $(elapsed): $(tr '\n' ';' <"$dest/VERSIONS")"
printf '%s\n' "$dest"
