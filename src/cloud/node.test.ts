import { describe, expect, it } from 'vitest';
import { Node, redact } from './node.js';

describe('Node', () => {
  it('matches keys ignoring case, underscores and dashes, and keeps the real spelling in paths', () => {
    const root = new Node(
      { properties: { enableRBAC: true, agent_pool_profiles: [{ Name: 'a' }] } },
      '',
      'f.json',
    );
    expect(root.at('properties', 'enableRbac').evidence()).toEqual({
      path: 'properties.enableRBAC',
      value: true,
      file: 'f.json',
    });
    expect(root.at('properties', 'agentPoolProfiles').items()[0]?.get('name').path).toBe(
      'properties.agent_pool_profiles[0].Name',
    );
    expect(root.at('properties', 'missing', 'deeper').evidence()).toEqual({
      path: 'properties.missing.deeper',
      value: null,
      file: 'f.json',
    });
  });

  it('quotes keys that are not identifiers', () => {
    const root = new Node(
      { metadata: { annotations: { 'eks.amazonaws.com/role-arn': 'arn' } } },
      'ServiceAccount a/b:',
    );
    expect(root.at('metadata', 'annotations').get('eks.amazonaws.com/role-arn').path).toBe(
      'ServiceAccount a/b:metadata.annotations["eks.amazonaws.com/role-arn"]',
    );
  });

  it('reads booleans and numbers printed as strings', () => {
    const root = new Node({ a: 'true', b: 'False', c: '2', d: 'x' }, '');
    expect([
      root.get('a').bool(),
      root.get('b').bool(),
      root.get('c').num(),
      root.get('d').num(),
    ]).toEqual([true, false, 2, undefined]);
  });

  it('redacts credentials in evidence', () => {
    expect(
      redact({
        clientKey: 'k',
        serverAppSecret: 's',
        password: 'p',
        HttpTokens: 'required',
        secret: null,
      }),
    ).toEqual({
      clientKey: '[redacted]',
      serverAppSecret: '[redacted]',
      password: '[redacted]',
      HttpTokens: 'required',
      secret: null,
    });
    expect(
      new Node({ masterAuth: { clientKey: 'KEY' } }, '').at('masterAuth', 'clientKey').evidence()
        .value,
    ).toBe('[redacted]');
  });
});
