import { describe, expect, it } from 'vitest';
import { classifyLiteral, FORMAT_HINT } from './_detect.js';

// Made-up values of each recognised format (none is a real credential).
const SAMPLES: readonly [string, string][] = [
  ['PEM private key', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----'],
  ['AWS access key ID', 'id=AKIAZZZZZZZZZZZZZZZZ'],
  ['GitHub token', `ghs_${'a'.repeat(36)}`],
  ['GitHub token', `github_pat_${'B'.repeat(22)}`],
  ['GitLab token', `glpat-${'c'.repeat(20)}`],
  ['Slack token', 'xoxb-0000000000-abcdef'],
  ['Slack webhook URL', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX'],
  ['JSON Web Token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'],
  ['Google API key', `AIza${'d'.repeat(35)}`],
  ['Stripe secret key', `rk_live_${'e'.repeat(24)}`],
];

describe('credential formats', () => {
  it.each(SAMPLES)('recognises a %s, whose text holds the shared hint', (format, value) => {
    expect(FORMAT_HINT.test(value)).toBe(true);
    expect(classifyLiteral('setting', value)).toEqual({ kind: 'format', format });
  });

  it('passes over long values without any hint of a format', () => {
    const dashboard = JSON.stringify({ panels: Array(2000).fill({ expr: 'rate(x[5m])' }) });
    expect(FORMAT_HINT.test(dashboard)).toBe(false);
    expect(classifyLiteral('dashboard.json', dashboard)).toBeUndefined();
  });

  it('still finds passwords in links and connection strings', () => {
    expect(classifyLiteral('url', 'postgres://app:s3cr3t-value@db:5432/app')).toEqual({
      kind: 'embedded',
    });
    expect(classifyLiteral('conn', 'Server=db;Password=s3cr3t-value;')).toEqual({
      kind: 'embedded',
    });
    expect(classifyLiteral('jdbc', 'jdbc:mysql://db/app?user=a&password=s3cr3t-value')).toEqual({
      kind: 'embedded',
    });
    expect(classifyLiteral('url', 'https://example.com/path')).toBeUndefined();
  });
});
