import { describe, expect, it } from 'vitest';
import { bundle, doc, runCheck } from '../../testing.js';

const gke = (fields: Record<string, unknown>) =>
  bundle('gke', [
    doc('gke-cluster', {
      name: 'g',
      selfLink: 'https://container.googleapis.com/v1/projects/p/locations/l/clusters/g',
      ...fields,
    }),
  ]);

describe('GKE checks', () => {
  it('pass Autopilot clusters on node settings Google manages', () => {
    const input = gke({
      autopilot: { enabled: true },
      nodePools: [{ name: 'pool-1', config: { serviceAccount: 'sa@p.iam.gserviceaccount.com' } }],
    });
    for (const id of [
      'cloud/gke-metadata-server',
      'cloud/gke-cos-nodes',
      'cloud/gke-shielded-nodes',
      'cloud/gke-network-policy',
    ]) {
      expect(runCheck(id, input).verdict, id).toBe('pass');
    }
  });

  it('reads authorized networks from the newer endpoint configuration', () => {
    const open = gke({
      controlPlaneEndpointsConfig: {
        ipEndpointsConfig: {
          enabled: true,
          authorizedNetworksConfig: { enabled: true, cidrBlocks: [{ cidrBlock: '0.0.0.0/0' }] },
        },
      },
    });
    expect(runCheck('cloud/gke-authorized-networks', open).verdict).toBe('fail');
    const dnsOnly = gke({ controlPlaneEndpointsConfig: { ipEndpointsConfig: { enabled: false } } });
    expect(runCheck('cloud/gke-authorized-networks', dnsOnly).verdict).toBe('pass');
    expect(
      runCheck(
        'cloud/gke-private-cluster',
        gke({
          controlPlaneEndpointsConfig: { ipEndpointsConfig: { enablePublicEndpoint: false } },
          networkConfig: { defaultEnablePrivateNodes: true },
        }),
      ).verdict,
    ).toBe('pass');
  });

  it('treats an unset node service account as the Compute Engine default', () => {
    const input = gke({
      workloadIdentityConfig: { workloadPool: 'p.svc.id.goog' },
      nodePools: [{ name: 'a', config: {} }],
    });
    expect(runCheck('cloud/gke-workload-identity', input).verdict).toBe('fail');
  });

  it('never prints client keys or certificates', () => {
    const outcome = runCheck(
      'cloud/gke-client-certificates',
      gke({
        masterAuth: {
          clientCertificate: 'CERTDATA',
          clientKey: 'KEYDATA',
          clientCertificateConfig: { issueClientCertificate: true },
        },
      }),
    );
    expect(outcome.verdict).toBe('fail');
    expect(JSON.stringify(outcome)).not.toMatch(/CERTDATA|KEYDATA/);
  });
});
