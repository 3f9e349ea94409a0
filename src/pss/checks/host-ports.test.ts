import { describe, expect, it } from 'vitest';

import type { Container, PodSpec } from '../../core/k8s.js';
import { implementationAt } from '../registry.js';
import { hostPorts } from './host-ports.js';

const run = (spec: PodSpec) => implementationAt(hostPorts, 'v1.0')?.({}, spec);
const withPorts = (name: string, ...ports: number[]): Container => ({
  name,
  ports: ports.map((hostPort) => ({ containerPort: 80, hostPort })),
});

describe('hostPorts', () => {
  it('allows 0 and unset', () => {
    expect(
      run({ containers: [withPorts('a', 0), { name: 'b', ports: [{ containerPort: 80 }] }] }),
    ).toEqual({
      allowed: true,
    });
  });

  it('uses the singular forms for one container and one port', () => {
    expect(run({ containers: [{ name: 'a' }, withPorts('b', 20)] })).toEqual({
      allowed: false,
      reason: 'hostPort',
      detail: 'container "b" uses hostPort 20',
    });
  });

  it('sorts distinct ports as strings', () => {
    const spec: PodSpec = {
      initContainers: [withPorts('i', 8080)],
      containers: [withPorts('a', 443, 10000), withPorts('b', 8080)],
    };
    expect(run(spec)).toMatchObject({
      detail: 'containers "i", "a", "b" use hostPorts 10000, 443, 8080',
    });
  });

  it('counts containers and distinct ports separately', () => {
    expect(run({ containers: [withPorts('a', 80), withPorts('b', 80)] })).toMatchObject({
      detail: 'containers "a", "b" use hostPort 80',
    });
    expect(run({ containers: [withPorts('a', 10, 20)] })).toMatchObject({
      detail: 'container "a" uses hostPorts 10, 20',
    });
  });
});
