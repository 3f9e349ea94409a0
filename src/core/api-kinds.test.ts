import { describe, expect, it } from 'vitest';
import { runRules } from '../../test/rule-tester.js';
import { unknownKindMessage } from './api-kinds.js';

describe('unknownKindMessage', () => {
  it('accepts the kinds of built-in groups, their lists, and any kind of other groups', () => {
    expect(unknownKindMessage('apps/v1', 'Deployment')).toBeUndefined();
    expect(unknownKindMessage('v1', 'ConfigMapList')).toBeUndefined();
    expect(unknownKindMessage('v1', 'List')).toBeUndefined();
    expect(unknownKindMessage('networking.k8s.io/v1', 'NetworkPolicy')).toBeUndefined();
    // Removed versions are the business of api/deprecated-version, not an unknown kind.
    expect(unknownKindMessage('extensions/v1beta1', 'Ingress')).toBeUndefined();
    expect(unknownKindMessage('monitoring.coreos.com/v1', 'ServiceMonitr')).toBeUndefined();
  });

  it('names a typo and suggests the kind, and says where a kind of another group belongs', () => {
    expect(unknownKindMessage('apps/v1', 'Deploymnet')).toBe(
      'kind Deploymnet is not served by API group apps, so the cluster would refuse this object and no rule checks it; did you mean Deployment?',
    );
    expect(unknownKindMessage('v1', 'Deployment')).toBe(
      'kind Deployment is not served by the core API group (apiVersion v1); it belongs to apps/… or extensions/…',
    );
    expect(unknownKindMessage('rbac.authorization.k8s.io/v1', 'Banana')).toBe(
      'kind Banana is not served by API group rbac.authorization.k8s.io, so the cluster would refuse this object and no rule checks it',
    );
  });

  it('is reported by the engine as an input error at the kind line', () => {
    const output = runRules([], 'apiVersion: apps/v1\nmetadata:\n  name: web\nkind: Deploymnet\n');
    expect(output.problems).toMatchObject([{ code: 'UNKNOWN_KIND', line: 4, column: 1 }]);
  });
});
