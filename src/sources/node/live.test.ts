/**
 * Assessment through the real /proc: stand-in processes named kube-apiserver and kubelet (a tiny
 * compiled program that only waits, so its command line is exactly the flags we give it) run with
 * real flags, beside configuration files in a temporary directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessNode } from '../../cis/assess.js';
import { collectNodeFacts } from './collect.js';

const compiler = ['cc', 'gcc', 'clang'].find(
  (name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0,
);
const linux = process.platform === 'linux' && existsSync('/proc/self/cmdline');

// Never skipped silently: without a C compiler or /proc this suite fails and says why.
describe('live node assessment through /proc', () => {
  it('has what the live test needs', () => {
    expect(linux, 'a Linux /proc is needed').toBe(true);
    expect(
      compiler,
      'a C compiler (cc, gcc or clang) is needed to build the stand-in processes',
    ).toBeDefined();
  });

  const dir = mkdtempSync(join(tmpdir(), 'mamori-live-'));
  const children: ChildProcess[] = [];
  const pids = new Set<number>();

  const start = async (name: string, args: string[]): Promise<number> => {
    const child = spawn(join(dir, name), args, { stdio: 'ignore' });
    children.push(child);
    const pid = child.pid;
    if (pid === undefined) {
      throw new Error(`${name} did not start`);
    }
    pids.add(pid);
    const expected = [join(dir, name), ...args].join('\0');
    for (let wait = 0; wait < 100; wait++) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(expected)) {
          return pid;
        }
      } catch {
        // not there yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${name} (pid ${pid}) never showed its command line`);
  };

  let apiserverPid = 0;
  let kubeletPid = 0;

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'standin.c'),
      '#include <unistd.h>\nint main(void) { for (;;) pause(); }\n',
    );
    for (const name of ['kube-apiserver', 'kubelet']) {
      const built = spawnSync(compiler ?? 'cc', ['-o', join(dir, name), join(dir, 'standin.c')]);
      expect(built.status, built.stderr.toString()).toBe(0);
    }
    writeFileSync(
      join(dir, 'kubelet.yaml'),
      'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  x509:\n    clientCAFile: /etc/ca.crt\nreadOnlyPort: 10255\n',
    );
    chmodSync(join(dir, 'kubelet.yaml'), 0o600);
    writeFileSync(join(dir, 'kubelet.conf'), 'apiVersion: v1\nkind: Config\n');
    chmodSync(join(dir, 'kubelet.conf'), 0o644);
    apiserverPid = await start('kube-apiserver', [
      '--anonymous-auth=false',
      '--authorization-mode',
      'Node,RBAC',
      '--profiling=false',
      '--enable-admission-plugins=NodeRestriction',
      '--token-auth-file=/etc/tokens.csv',
    ]);
    kubeletPid = await start('kubelet', [
      '--config',
      join(dir, 'kubelet.yaml'),
      `--kubeconfig=${join(dir, 'kubelet.conf')}`,
      '--read-only-port',
      '0',
      '--anonymous-auth',
      'false',
    ]);
  });

  afterAll(() => {
    for (const child of children) {
      child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the stand-ins and their configuration through /proc', () => {
    const facts = collectNodeFacts({ root: '/', pidFilter: (pid) => pids.has(pid) });
    expect(facts.processes.map((p) => [p.component, p.pid])).toEqual([
      ['kube-apiserver', apiserverPid],
      ['kubelet', kubeletPid],
    ]);
    expect(facts.documents[join(dir, 'kubelet.yaml')]?.content).toBeDefined();
    expect(facts.files[join(dir, 'kubelet.conf')]?.mode).toBe(0o644);

    const assessment = assessNode(facts, 'cis-1.12');
    const verdict = (control: string) => assessment.results.find((r) => r.control === control);
    // API server flags, in both --flag=value and --flag value forms.
    expect(verdict('1.2.2')).toMatchObject({ verdict: 'FAIL' });
    expect(verdict('1.2.6')).toMatchObject({ verdict: 'PASS' });
    expect(verdict('1.2.8')?.evidence[0]).toMatchObject({
      source: 'flag',
      location: `/proc/${apiserverPid}/cmdline`,
      value: '--authorization-mode=Node,RBAC',
    });
    expect(verdict('1.2.15')).toMatchObject({ verdict: 'PASS' });
    // --anonymous-auth false: a boolean flag ignores the separate value, so it is true.
    expect(verdict('4.2.1')).toMatchObject({ verdict: 'FAIL' });
    expect(assessment.notes.join(' ')).toMatch(/--anonymous-auth false/);
    // --read-only-port 0 on the command line overrides the file's 10255.
    expect(verdict('4.2.4')?.reason).toMatch(/readOnlyPort=0 \(flag/);
    expect(verdict('4.2.3')).toMatchObject({ verdict: 'PASS' });
    // The kubeconfig from --kubeconfig, found by stat: 644 is too open for 1.12.
    expect(verdict('4.1.5')).toMatchObject({ verdict: 'FAIL' });
    expect(verdict('4.1.9')).toMatchObject({ verdict: 'PASS' });
  });
});
