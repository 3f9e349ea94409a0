import { describe, expect, it } from 'vitest';
import { globToRegExp, parseConfig } from './config.js';

const known = new Set(['hardening/privileged', 'hardening/resources']);

describe('parseConfig', () => {
  it('accepts a complete configuration', () => {
    const { config, issues } = parseConfig(
      {
        version: 1,
        failOn: 'medium',
        lang: 'ja',
        strict: true,
        rules: {
          'hardening/privileged': 'low',
          'hardening/resources': { enabled: true, options: { requireCpuLimit: true } },
        },
        exclude: {
          paths: ['vendor/**'],
          namespaces: ['kube-system'],
          kinds: ['CustomResourceDefinition'],
        },
        exceptions: [
          {
            rules: ['hardening/*'],
            namespaces: ['monitoring'],
            reason: 'node agent',
            expires: '2027-01-31',
          },
        ],
        workloadKinds: { Rollout: '/spec/template' },
        pss: { errorLevel: 'restricted', warnLevel: 'none', version: 'v1.30' },
      },
      known,
    );
    expect(issues).toEqual([]);
    expect(config.rules['hardening/privileged']).toEqual({ severity: 'low' });
    expect(config.exceptions[0]?.expires).toBe('2027-01-31');
    expect(config.workloadKinds).toEqual({ Rollout: '/spec/template' });
    expect(config.pss).toEqual({ errorLevel: 'restricted', warnLevel: 'none', version: 'v1.30' });
  });

  it('names every bad key by its path', () => {
    const { issues } = parseConfig(
      {
        rule: {},
        rules: {
          'hardening/nope': true,
          'hardening/privileged': { severity: 'urgent', colour: 'red' },
        },
        exceptions: [{ rules: ['x'] }, { rules: ['x'], reason: 'ok', expires: 'soon' }],
        workloadKinds: { Rollout: 'spec.template' },
      },
      known,
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'rule',
      'rules.hardening/nope',
      'rules.hardening/privileged.colour',
      'rules.hardening/privileged.severity',
      'exceptions[0].reason',
      'exceptions[1].expires',
      'workloadKinds.Rollout',
    ]);
  });
});

describe('globToRegExp', () => {
  it('matches ** across directories and * within one', () => {
    expect(globToRegExp('vendor/**').test('repo/vendor/a/b.yaml')).toBe(true);
    expect(globToRegExp('*.json').test('dir/a.json')).toBe(true);
    expect(globToRegExp('charts/*/values.yaml').test('charts/a/b/values.yaml')).toBe(false);
  });
});
