import { describe, expect, it } from 'vitest';
import { sanitizeObjectMeta, sanitizePodSpec, type TypeProblem } from './sanitize.js';

describe('sanitizePodSpec', () => {
  it('hands back a well-typed spec as it is, without copying', () => {
    const spec = {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          securityContext: { runAsUser: 1000, capabilities: { drop: ['ALL'] } },
          ports: [{ containerPort: 8080 }],
        },
      ],
      securityContext: { runAsNonRoot: true },
      unknownField: { anything: [1, 'two'] },
    };
    const problems: TypeProblem[] = [];
    expect(sanitizePodSpec(spec, '/spec', problems)).toBe(spec);
    expect(problems).toEqual([]);
  });

  it('drops wrong types and explicit nulls from a copy, keeps order and indexes, and leaves the source alone', () => {
    const container = { name: 'app', image: 'nginx:1.27', securityContext: { runAsUser: 'root' } };
    const sidecar = { name: 'sidecar', image: 'busybox:1.36' };
    const spec = {
      hostNetwork: null,
      containers: [sidecar, container, 'not a container'],
      hostPID: true,
    };
    const before = structuredClone(spec);
    const problems: TypeProblem[] = [];
    const clean = sanitizePodSpec(spec, '/spec/template/spec', problems);
    expect(clean).toEqual({
      containers: [sidecar, { name: 'app', image: 'nginx:1.27', securityContext: {} }, undefined],
      hostPID: true,
    });
    expect(Object.keys(clean ?? {})).toEqual(['containers', 'hostPID']);
    // Untouched parts are shared; changed ones are copies.
    expect(clean?.containers?.[0]).toBe(sidecar);
    expect(clean?.containers?.[1]).not.toBe(container);
    expect(spec).toEqual(before);
    expect(problems).toEqual([
      {
        pointer: '/spec/template/spec/containers/1/securityContext/runAsUser',
        expected: 'integer',
        actual: 'string',
      },
      { pointer: '/spec/template/spec/containers/2', expected: 'object', actual: 'string' },
    ]);
  });

  it('passes through fields named like Object.prototype members', () => {
    const spec = { constructor: { a: 1 }, toString: 'x', containers: [] };
    const problems: TypeProblem[] = [];
    expect(sanitizePodSpec(spec, '/spec', problems)).toBe(spec);
    expect(problems).toEqual([]);
  });
});

describe('sanitizeObjectMeta', () => {
  it('keeps string maps as they are, and copies those with other values as text', () => {
    const labels = { app: 'web' };
    const metadata = { name: 'web', labels, annotations: { replicas: 3, empty: null } };
    const problems: TypeProblem[] = [];
    const clean = sanitizeObjectMeta(metadata, '/metadata', problems);
    expect(clean?.labels).toBe(labels);
    expect(clean?.annotations).toEqual({ replicas: '3', empty: '' });
    expect(metadata.annotations).toEqual({ replicas: 3, empty: null });
    expect(problems).toEqual([
      { pointer: '/metadata/annotations/replicas', expected: 'string', actual: 'number' },
    ]);
  });
});
