import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseCloudConfig } from './options.js';
import { aksSupport, DEFAULT_VERSION_TABLE, eksSupport, minorOf } from './versions.js';

describe('cloud configuration', () => {
  it('defaults without a cloud section', () => {
    expect(parseCloudConfig(undefined, 'x')).toMatchObject({
      options: DEFAULT_OPTIONS,
      versions: DEFAULT_VERSION_TABLE,
      issues: [],
    });
  });

  it('reads tunables and merges version windows over the built-in table', () => {
    const parsed = parseCloudConfig(
      {
        publicCidrMinPrefix: 20,
        eksRequiredLogTypes: ['audit'],
        ignoreNamespaces: ['kube-system', 'tools-*'],
        disable: ['cloud/eks-deletion-protection'],
        versionSupport: {
          asOf: new Date('2026-12-01T00:00:00Z'),
          aks: { '1.38': { ga: '2027-02-28', end: '2028-02-29' } },
        },
      },
      'mamori.yaml',
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.options).toMatchObject({
      publicCidrMinPrefixV4: 20,
      eksRequiredLogTypes: ['audit'],
      disable: ['cloud/eks-deletion-protection'],
    });
    expect(parsed.versions.asOf).toBe('2026-12-01');
    expect(parsed.versions.source).toBe('mamori.yaml');
    expect(parsed.versions.aks['1.38']).toEqual({ ga: '2027-02-28', end: '2028-02-29' });
    expect(parsed.versions.aks['1.34']).toBeDefined();
  });

  it('replaces the table when asked', () => {
    const parsed = parseCloudConfig(
      {
        versionSupport: {
          replace: true,
          eks: {
            '1.35': { release: '2026-01-27', standardEnd: '2027-03-27', extendedEnd: '2028-03-27' },
          },
        },
      },
      'm.yaml',
    );
    expect(Object.keys(parsed.versions.eks)).toEqual(['1.35']);
    expect(parsed.versions.aks).toEqual({});
  });

  it('names each bad key', () => {
    const parsed = parseCloudConfig(
      {
        publicCidrMinPrefix: 40,
        eksRequiredLogTypes: ['audits'],
        bogus: 1,
        versionSupport: { eks: { '1.36': { release: 'soon' } } },
      },
      'm.yaml',
    );
    expect(parsed.issues.map((issue) => issue.path)).toEqual([
      'cloud.publicCidrMinPrefix',
      'cloud.eksRequiredLogTypes',
      'cloud.bogus',
      'cloud.versionSupport.eks.1.36.release',
      'cloud.versionSupport.eks.1.36.standardEnd',
      'cloud.versionSupport.eks.1.36.extendedEnd',
    ]);
  });
});

describe('version windows', () => {
  it('parses minor versions from provider spellings', () => {
    expect(['1.29', 'v1.29.3', '1.29.0-eks-1234', '1.34.1-gke.1829001', 'x'].map(minorOf)).toEqual([
      '1.29',
      '1.29',
      '1.29',
      '1.34',
      undefined,
    ]);
  });

  it('places EKS versions in standard, extended or no support', () => {
    const day = (text: string) => new Date(`${text}T12:00:00Z`);
    expect(eksSupport('1.31', DEFAULT_VERSION_TABLE, day('2025-11-26')).status).toBe('standard');
    expect(eksSupport('1.31', DEFAULT_VERSION_TABLE, day('2025-11-27')).status).toBe('extended');
    expect(eksSupport('1.31', DEFAULT_VERSION_TABLE, day('2026-11-27')).status).toBe('unsupported');
    expect(eksSupport('1.22', DEFAULT_VERSION_TABLE, day('2026-01-01')).status).toBe('unsupported');
  });

  it('places AKS versions in community, LTS or platform support', () => {
    const day = (text: string) => new Date(`${text}T12:00:00Z`);
    expect(aksSupport('1.33', DEFAULT_VERSION_TABLE, day('2026-07-31'), false).status).toBe(
      'standard',
    );
    expect(aksSupport('1.33', DEFAULT_VERSION_TABLE, day('2026-08-01'), false).status).toBe(
      'platform',
    );
    expect(aksSupport('1.33', DEFAULT_VERSION_TABLE, day('2026-08-01'), true).status).toBe('lts');
    expect(aksSupport('1.33', DEFAULT_VERSION_TABLE, day('2026-11-01'), false).status).toBe(
      'unsupported',
    );
  });
});
