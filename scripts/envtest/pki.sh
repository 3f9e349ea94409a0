#!/usr/bin/env bash
# Generates, with openssl alone, the PKI and kubeconfigs of a throwaway test control plane:
#
#   pki.sh DIR SERVER_URL
#
# DIR/pki/   ca.{crt,key}; apiserver.{crt,key} (SANs 127.0.0.1, localhost, kubernetes.default.svc…);
#            admin.{crt,key} (O=system:masters); kube-controller-manager.{crt,key}
#            (CN=system:kube-controller-manager); sa.{key,pub} (service-account signing key pair);
#            tokens.csv (a static admin bearer token) and admin.token
# DIR/admin.kubeconfig, DIR/kube-controller-manager.kubeconfig   both pointing at SERVER_URL
#
# Everything is created at run time; no private key is ever committed. Certificates live 2 days.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 DIR SERVER_URL" >&2; exit 2; }
dir=$1 server=$2
pki="$dir/pki"
mkdir -p "$pki"
chmod 700 "$dir" "$pki"
umask 077

# The first address of the apiserver's --service-cluster-ip-range (10.0.0.0/24).
service_ip=10.0.0.1
days=2

ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# sign NAME SUBJECT EXTENSIONS: NAME.key and NAME.crt signed by the CA.
sign() {
  local name=$1 subj=$2 ext=$3
  ec_key "$pki/$name.key"
  openssl req -new -key "$pki/$name.key" -subj "$subj" -out "$pki/$name.csr"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days "$days" -sha256 -extfile <(printf '%s\n' "$ext") -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr"
}

ec_key "$pki/ca.key"
openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=mamori-envtest-ca" -days "$days" -sha256 \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" \
  -out "$pki/ca.crt"

client_ext='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth'

sign apiserver "/CN=kube-apiserver" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:$service_ip,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
sign admin "/O=system:masters/CN=mamori-envtest-admin" "$client_ext"
sign kube-controller-manager "/CN=system:kube-controller-manager" "$client_ext"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$pki/sa.key" 2>/dev/null
openssl pkey -in "$pki/sa.key" -pubout -out "$pki/sa.pub"

token=$(openssl rand -hex 24)
printf '%s' "$token" >"$pki/admin.token"
printf '%s,mamori-envtest-token-admin,mamori-envtest-token-admin,"system:masters"\n' "$token" >"$pki/tokens.csv"

b64() { base64 -w0 <"$1"; }

# kubeconfig FILE USER CERT KEY
kubeconfig() {
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: envtest
    cluster:
      server: $server
      certificate-authority-data: $(b64 "$pki/ca.crt")
users:
  - name: $2
    user:
      client-certificate-data: $(b64 "$3")
      client-key-data: $(b64 "$4")
contexts:
  - name: envtest
    context:
      cluster: envtest
      user: $2
current-context: envtest
EOF
}

kubeconfig "$dir/admin.kubeconfig" admin "$pki/admin.crt" "$pki/admin.key"
kubeconfig "$dir/kube-controller-manager.kubeconfig" kube-controller-manager \
  "$pki/kube-controller-manager.crt" "$pki/kube-controller-manager.key"

cat >"$dir/audit-policy.yaml" <<'EOF'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
  - level: Metadata
EOF
