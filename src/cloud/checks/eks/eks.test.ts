import { describe, expect, it } from 'vitest';
import { parseCloudConfig } from '../../options.js';
import { bundle, doc, k8s, runCheck, testContext } from '../../testing.js';
import type { InputDocument } from '../../types.js';

const cluster = (fields: Record<string, unknown>): InputDocument =>
  doc('eks-cluster', { name: 'prod', version: '1.34', ...fields });
const vpc = (publicAccess: boolean, cidrs: string[], privateAccess = true): InputDocument =>
  cluster({
    resourcesVpcConfig: {
      endpointPublicAccess: publicAccess,
      endpointPrivateAccess: privateAccess,
      publicAccessCidrs: cidrs,
    },
  });
const eks = (...documents: InputDocument[]) => bundle('eks', documents);

describe('EKS endpoint checks', () => {
  it('ignores publicAccessCidrs while the public endpoint is off', () => {
    const input = eks(vpc(false, ['0.0.0.0/0']));
    expect(runCheck('cloud/eks-endpoint-public-access', input).verdict).toBe('pass');
    expect(runCheck('cloud/eks-public-cidrs-narrow', input)).toMatchObject({
      verdict: 'pass',
      notApplicable: true,
    });
    expect(runCheck('cloud/eks-endpoint-private-only', input).verdict).toBe('pass');
  });

  it('treats a public endpoint with no CIDRs as open to the world', () => {
    expect(runCheck('cloud/eks-endpoint-public-access', eks(vpc(true, []))).verdict).toBe('fail');
    expect(runCheck('cloud/eks-endpoint-public-access', eks(vpc(true, ['::/0']))).verdict).toBe(
      'fail',
    );
    expect(
      runCheck('cloud/eks-endpoint-public-access', eks(vpc(true, ['203.0.113.0/24']))).verdict,
    ).toBe('pass');
  });

  it('judges the width of allowed ranges against the configured prefix', () => {
    const input = eks(vpc(true, ['10.0.0.0/16', '2001:db8::/64']));
    expect(runCheck('cloud/eks-public-cidrs-narrow', input).verdict).toBe('fail');
    expect(
      runCheck('cloud/eks-public-cidrs-narrow', input, testContext({ publicCidrMinPrefixV4: 16 }))
        .verdict,
    ).toBe('pass');
  });

  it('reads SDK PascalCase output the same way', () => {
    const pascal: InputDocument = {
      kind: 'eks-cluster',
      file: 'sdk.json',
      basePath: 'Cluster',
      value: {
        Name: 'prod',
        Version: '1.34',
        ResourcesVpcConfig: {
          EndpointPublicAccess: true,
          EndpointPrivateAccess: false,
          PublicAccessCidrs: ['0.0.0.0/0'],
        },
      },
    };
    const outcome = runCheck('cloud/eks-endpoint-public-access', eks(pascal));
    expect(outcome.verdict).toBe('fail');
    expect(outcome.evidence[0]).toMatchObject({
      path: 'Cluster.ResourcesVpcConfig.EndpointPublicAccess',
      value: true,
      file: 'sdk.json',
    });
  });

  it('is unknown without describe-cluster, naming the command', () => {
    expect(runCheck('cloud/eks-endpoint-public-access', eks())).toMatchObject({
      verdict: 'unknown',
      missingInput: [
        { input: 'eks/describe-cluster.json', command: 'aws eks describe-cluster --name test' },
      ],
    });
  });
});

describe('EKS logging', () => {
  it('takes the union of enabled entries, not the first entry', () => {
    const input = eks(
      cluster({
        logging: {
          clusterLogging: [
            { types: ['scheduler'], enabled: false },
            { types: ['api', 'audit', 'authenticator'], enabled: true },
            { types: ['controllerManager', 'scheduler'], enabled: true },
          ],
        },
      }),
    );
    expect(runCheck('cloud/eks-audit-log', input).verdict).toBe('pass');
    expect(runCheck('cloud/eks-control-plane-logs', input).verdict).toBe('pass');
  });

  it('does not count types of disabled entries', () => {
    const input = eks(
      cluster({
        logging: {
          clusterLogging: [
            { types: ['api'], enabled: true },
            { types: ['audit'], enabled: false },
          ],
        },
      }),
    );
    expect(runCheck('cloud/eks-audit-log', input).verdict).toBe('fail');
  });

  it('lets users trim the required log types', () => {
    const input = eks(
      cluster({
        logging: { clusterLogging: [{ types: ['audit', 'authenticator'], enabled: true }] },
      }),
    );
    expect(runCheck('cloud/eks-control-plane-logs', input).verdict).toBe('fail');
    expect(
      runCheck(
        'cloud/eks-control-plane-logs',
        input,
        testContext({ eksRequiredLogTypes: ['audit'] }),
      ).verdict,
    ).toBe('pass');
  });
});

describe('EKS secrets encryption', () => {
  it('on 1.28+ reports a missing customer key at low severity, not as plaintext', () => {
    const outcome = runCheck('cloud/eks-secrets-kms', eks(cluster({ version: '1.28' })));
    expect(outcome).toMatchObject({ verdict: 'fail', severity: 'low' });
    expect(outcome.message.en).toMatch(/AWS-owned key/);
    expect(outcome.message.en).toMatch(/not stored in plaintext/);
    expect(outcome.message.ja).toMatch(/平文では保存されない/);
  });

  it('before 1.28 keeps the default severity', () => {
    const outcome = runCheck('cloud/eks-secrets-kms', eks(cluster({ version: '1.27' })));
    expect(outcome.verdict).toBe('fail');
    expect(outcome.severity).toBeUndefined();
  });

  it('passes with a key for secrets', () => {
    const input = eks(
      cluster({
        encryptionConfig: [
          { resources: ['secrets'], provider: { keyArn: 'arn:aws:kms:eu-west-1:1:key/k' } },
        ],
      }),
    );
    expect(runCheck('cloud/eks-secrets-kms', input).verdict).toBe('pass');
  });
});

describe('EKS version support', () => {
  it('follows the dated table', () => {
    const input = eks(cluster({ version: '1.33' }));
    expect(
      runCheck(
        'cloud/eks-version-support',
        input,
        testContext({}, new Date('2026-07-01T00:00:00Z')),
      ).verdict,
    ).toBe('pass');
    expect(
      runCheck(
        'cloud/eks-version-support',
        input,
        testContext({}, new Date('2026-08-01T00:00:00Z')),
      ),
    ).toMatchObject({ verdict: 'fail', severity: 'medium' });
    expect(
      runCheck(
        'cloud/eks-version-support',
        input,
        testContext({}, new Date('2027-08-01T00:00:00Z')),
      ).severity,
    ).toBeUndefined();
    expect(runCheck('cloud/eks-version-support', eks(cluster({ version: '1.20' }))).verdict).toBe(
      'fail',
    );
    expect(runCheck('cloud/eks-version-support', eks(cluster({ version: '1.40' }))).verdict).toBe(
      'pass',
    );
  });

  it('prefers describe-cluster-versions over the table', () => {
    const input = eks(
      cluster({ version: '1.29' }),
      doc('eks-cluster-versions', {
        clusterVersions: [{ clusterVersion: '1.29', versionStatus: 'STANDARD_SUPPORT' }],
      }),
    );
    expect(runCheck('cloud/eks-version-support', input).verdict).toBe('pass');
  });

  it('uses a table overridden from the configuration', () => {
    const { versions, issues } = parseCloudConfig(
      {
        versionSupport: {
          asOf: '2026-12-01',
          eks: {
            '1.36': { release: '2026-06-01', standardEnd: '2027-08-01', extendedEnd: '2028-08-01' },
          },
        },
      },
      'mamori.yaml',
    );
    expect(issues).toEqual([]);
    const context = { ...testContext(), versions };
    const outcome = runCheck(
      'cloud/eks-version-support',
      eks(cluster({ version: '1.36' })),
      context,
    );
    expect(outcome.verdict).toBe('pass');
    expect(outcome.message.en).toContain('2027-08-01');
    expect(outcome.message.ja).toContain('2027-08-01');
  });
});

const launchTemplate = (tokens: string, hop: number) =>
  doc('ec2-launch-template-versions', {
    LaunchTemplateVersions: [
      {
        LaunchTemplateId: 'lt-1',
        VersionNumber: 1,
        DefaultVersion: true,
        LaunchTemplateData: {
          MetadataOptions: { HttpTokens: tokens, HttpPutResponseHopLimit: hop },
        },
      },
    ],
  });
const nodegroupWithTemplate = doc('eks-nodegroup', {
  nodegroupName: 'ng',
  clusterName: 'prod',
  launchTemplate: { id: 'lt-1', version: '1' },
});
const appNamespace = k8s({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
const denyAll = k8s({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'deny', namespace: 'app' },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});
const enforcingCni = doc('eks-addon', {
  addonName: 'vpc-cni',
  configurationValues: 'enableNetworkPolicy: "true"\n',
});

describe('EKS instance metadata', () => {
  it('requires IMDSv2 and reads launch templates of node groups', () => {
    expect(
      runCheck(
        'cloud/eks-imdsv2-required',
        eks(nodegroupWithTemplate, launchTemplate('required', 1)),
      ).verdict,
    ).toBe('pass');
    expect(
      runCheck(
        'cloud/eks-imdsv2-required',
        eks(nodegroupWithTemplate, launchTemplate('optional', 1)),
      ).verdict,
    ).toBe('fail');
    expect(runCheck('cloud/eks-imdsv2-required', eks(nodegroupWithTemplate)).verdict).toBe(
      'unknown',
    );
  });

  it('accepts hop limit 2 only when NetworkPolicy blocks the metadata address', () => {
    const base = [cluster({}), nodegroupWithTemplate, launchTemplate('required', 2), appNamespace];
    expect(runCheck('cloud/eks-imds-hop-limit', eks(...base, enforcingCni, denyAll)).verdict).toBe(
      'pass',
    );
    expect(
      runCheck(
        'cloud/eks-imds-hop-limit',
        eks(...base, enforcingCni, k8s({ apiVersion: 'v1', kind: 'List', metadata: {} })),
      ).verdict,
    ).toBe('unknown');
    expect(
      runCheck(
        'cloud/eks-imds-hop-limit',
        bundle('eks', [...base, doc('eks-addon', { addonName: 'vpc-cni' })], ['NetworkPolicy']),
      ).verdict,
    ).toBe('fail');
    expect(
      runCheck(
        'cloud/eks-imds-hop-limit',
        eks(nodegroupWithTemplate, launchTemplate('optional', 1)),
      ).verdict,
    ).toBe('fail');
  });

  it('reads configurationValues written as YAML', () => {
    expect(runCheck('cloud/eks-network-policy-engine', eks(enforcingCni)).verdict).toBe('pass');
    expect(
      runCheck(
        'cloud/eks-network-policy-engine',
        eks(
          doc('eks-addon', {
            addonName: 'vpc-cni',
            configurationValues: '{"enableNetworkPolicy":"false"}',
          }),
        ),
      ).verdict,
    ).toBe('fail');
  });
});

const awsAuth = (data: Record<string, string>) =>
  k8s({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'aws-auth', namespace: 'kube-system' },
    data,
  });

describe('aws-auth', () => {
  it('reports malformed mappings as a hygiene failure and masters as unknown', () => {
    const input = eks(
      cluster({ accessConfig: { authenticationMode: 'CONFIG_MAP' } }),
      awsAuth({ mapRoles: '- rolearn: [unclosed\n' }),
    );
    expect(runCheck('cloud/eks-aws-auth-hygiene', input).verdict).toBe('fail');
    expect(runCheck('cloud/eks-aws-auth-masters', input).verdict).toBe('unknown');
  });

  it('downgrades findings to info in API mode, where EKS ignores the ConfigMap', () => {
    const data = {
      mapRoles:
        '- rolearn: arn:aws:iam::1:role/admin\n  username: admin\n  groups: [system:masters]\n',
    };
    expect(
      runCheck(
        'cloud/eks-aws-auth-masters',
        eks(cluster({ accessConfig: { authenticationMode: 'API' } }), awsAuth(data)),
      ),
    ).toMatchObject({ verdict: 'fail', severity: 'info' });
    expect(
      runCheck(
        'cloud/eks-aws-auth-masters',
        eks(cluster({ accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' } }), awsAuth(data)),
      ),
    ).toMatchObject({ verdict: 'fail' });
    expect(
      runCheck(
        'cloud/eks-aws-auth-masters',
        eks(cluster({ accessConfig: { authenticationMode: 'API' } })),
      ),
    ).toMatchObject({ verdict: 'pass', notApplicable: true });
  });

  it('does not flag node roles', () => {
    const data = {
      mapRoles:
        '- rolearn: arn:aws:iam::1:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n    - system:bootstrappers\n    - system:nodes\n',
    };
    expect(runCheck('cloud/eks-aws-auth-masters', eks(cluster({}), awsAuth(data))).verdict).toBe(
      'pass',
    );
    expect(runCheck('cloud/eks-aws-auth-hygiene', eks(cluster({}), awsAuth(data))).verdict).toBe(
      'pass',
    );
  });
});

describe('EKS identity', () => {
  const issuer = {
    identity: { oidc: { issuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC' } },
  };
  it('needs an OIDC provider for the issuer or the Pod Identity agent', () => {
    const provider = doc('iam-oidc-providers', {
      OpenIDConnectProviderList: [
        { Arn: 'arn:aws:iam::1:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' },
      ],
    });
    const other = doc('iam-oidc-providers', {
      OpenIDConnectProviderList: [
        { Arn: 'arn:aws:iam::1:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/XYZ' },
      ],
    });
    expect(runCheck('cloud/eks-workload-identity', eks(cluster(issuer), provider)).verdict).toBe(
      'pass',
    );
    expect(
      runCheck(
        'cloud/eks-workload-identity',
        eks(cluster(issuer), other, doc('eks-addons-list', { addons: ['vpc-cni'] })),
      ).verdict,
    ).toBe('fail');
    expect(
      runCheck(
        'cloud/eks-workload-identity',
        eks(cluster(issuer), other, doc('eks-addons-list', { addons: ['eks-pod-identity-agent'] })),
      ).verdict,
    ).toBe('pass');
    expect(runCheck('cloud/eks-workload-identity', eks(cluster(issuer), other)).verdict).toBe(
      'unknown',
    );
  });

  it('passes SSH with source security groups', () => {
    const input = eks(
      doc('eks-nodegroup', {
        nodegroupName: 'ng',
        remoteAccess: { ec2SshKey: 'k', sourceSecurityGroups: ['sg-1'] },
      }),
    );
    expect(runCheck('cloud/eks-nodegroup-ssh', input).verdict).toBe('pass');
  });

  it('treats Auto Mode nodes as managed by AWS', () => {
    const input = eks(
      cluster({ computeConfig: { enabled: true, nodePools: ['general-purpose'] } }),
      doc('eks-nodegroups-list', { nodegroups: [] }),
    );
    expect(runCheck('cloud/eks-imdsv2-required', input)).toMatchObject({
      verdict: 'pass',
      notApplicable: true,
    });
    expect(runCheck('cloud/eks-workload-identity', input).verdict).toBe('pass');
  });
});
