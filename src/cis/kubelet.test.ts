import { describe, expect, it } from 'vitest';
import { effectiveKubelet } from './kubelet.js';
import { factsWith } from './testing.js';

describe('effectiveKubelet', () => {
  it('uses the flag-era defaults without --config', () => {
    const kubelet = effectiveKubelet(factsWith([{ component: 'kubelet', argv: ['kubelet'] }]));
    expect(kubelet?.setting('authentication.anonymous.enabled')).toMatchObject({
      value: true,
      explicit: false,
    });
    expect(kubelet?.setting('authorization.mode').value).toBe('AlwaysAllow');
    expect(kubelet?.setting('readOnlyPort').value).toBe(10255);
  });

  it('uses KubeletConfiguration defaults with --config', () => {
    const facts = factsWith(
      [{ component: 'kubelet', argv: ['kubelet', '--config', '/k.yaml'] }],
      [],
      { '/k.yaml': { kind: 'KubeletConfiguration' } },
    );
    const kubelet = effectiveKubelet(facts);
    expect(kubelet?.setting('authentication.anonymous.enabled').value).toBe(false);
    expect(kubelet?.setting('authorization.mode').evidence.source).toBe('default');
  });

  it('applies file, then .conf drop-ins in order, then flags', () => {
    const facts = factsWith(
      [
        {
          component: 'kubelet',
          argv: [
            'kubelet',
            '--config=/k.yaml',
            '--config-dir=/d',
            '--read-only-port=0',
            '--feature-gates=B=false',
          ],
        },
      ],
      [],
      {
        '/k.yaml': {
          readOnlyPort: 10255,
          eventRecordQPS: 1,
          featureGates: { A: true, B: true },
          authentication: { anonymous: { enabled: true } },
        },
        '/d/10-a.conf': { eventRecordQPS: 2, authentication: { anonymous: { enabled: false } } },
        '/d/20-b.conf': { eventRecordQPS: 3 },
        '/d/README': { eventRecordQPS: 99 },
      },
    );
    facts.listings['/d'] = ['/d/20-b.conf', '/d/10-a.conf', '/d/README'];
    const kubelet = effectiveKubelet(facts);
    expect(kubelet?.dropIns).toEqual(['/d/10-a.conf', '/d/20-b.conf']);
    expect(kubelet?.setting('eventRecordQPS')).toMatchObject({
      value: 3,
      evidence: { source: 'drop-in', location: '/d/20-b.conf' },
    });
    expect(kubelet?.setting('authentication.anonymous.enabled').value).toBe(false);
    expect(kubelet?.setting('readOnlyPort')).toMatchObject({
      value: '0',
      evidence: { source: 'flag' },
    });
    expect(kubelet?.setting('featureGates.A').value).toBe(true);
    expect(kubelet?.setting('featureGates.B').value).toBe('false');
  });

  it('reports an unreadable config file as a problem', () => {
    const facts = factsWith([{ component: 'kubelet', argv: ['kubelet', '--config', '/k.yaml'] }]);
    facts.documents['/k.yaml'] = { path: '/k.yaml', error: 'permission denied' };
    expect(effectiveKubelet(facts)?.problems[0]).toMatch(/permission denied/);
  });
});
