/**
 * Test and benchmark support: AdmissionReview bodies as kube-apiserver sends them, and a
 * throw-away CA and a serving certificate for 127.0.0.1 and localhost, generated with openssl at
 * run time (no private key is ever committed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Issues a serving certificate (for 127.0.0.1 and localhost) from the CA in `dir`. */
export function issueServingCert(dir: string, name: string): { certFile: string; keyFile: string } {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    ['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=localhost'],
    dir,
  );
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
      '-out',
      `${name}.crt`,
    ],
    dir,
  );
  return { certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`) };
}

/** A fresh CA and serving certificate in a new temp dir (the caller removes it). */
export function generateTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-webhook-pki-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=mamori-test-ca',
    ],
    dir,
  );
  const { certFile, keyFile } = issueServingCert(dir, 'tls');
  const caFile = join(dir, 'ca.crt');
  return { dir, caFile, caPem: readFileSync(caFile, 'utf8'), certFile, keyFile };
}

/**
 * An AdmissionReview v1 creating the Pod `app/web` with the given spec, as kube-apiserver sends
 * it; `overrides` replace fields of the request.
 */
export function podAdmissionReview(
  spec: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
      kind: { group: '', version: 'v1', kind: 'Pod' },
      resource: { group: '', version: 'v1', resource: 'pods' },
      requestKind: { group: '', version: 'v1', kind: 'Pod' },
      name: 'web',
      namespace: 'app',
      operation: 'CREATE',
      userInfo: { username: 'alice', groups: ['system:authenticated'] },
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec },
      dryRun: false,
      ...overrides,
    },
  };
}
