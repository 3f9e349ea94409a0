import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule, { repositoryOf } from './allowed-registries.js';

function withImages(...images: string[]): string {
  return deployment(
    `containers:\n${images
      .map((image, index) => `  - name: c${index}\n    image: "${image}"`)
      .join('\n')}`,
  );
}

function reported(images: string[], allowedRegistries: string[]): string[] {
  return findingsOf(rule, withImages(...images), {
    config: { rules: { [rule.meta.id]: { enabled: true, options: { allowedRegistries } } } },
  }).map((finding) => finding.message);
}

describe('images/allowed-registries', () => {
  it('is off by default and passes everything with the default empty list', () => {
    expect(findingsOf(rule, withImages('evil.example.net/miner:1'))).toEqual([]);
    expect(reported(['evil.example.net/miner:1'], [])).toEqual([]);
  });

  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.27', 'docker.io/library/nginx'],
    ['library/nginx:1.27', 'docker.io/library/nginx'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis'],
    ['docker.io/nginx', 'docker.io/library/nginx'],
    ['index.docker.io/library/nginx:1.27', 'docker.io/library/nginx'],
    ['Registry.Example.com:5000/team/app:1.0@sha256:abc', 'registry.example.com:5000/team/app'],
    ['localhost/app', 'localhost/app'],
    ['ghcr.io/org/app@sha256:abc', 'ghcr.io/org/app'],
  ])('resolves %s to %s', (image, repository) => {
    expect(repositoryOf(image)).toBe(repository);
  });

  it('reports images outside the list, naming the resolved repository', () => {
    const findings = findingsOf(rule, withImages('nginx:1.27', 'registry.example.com/app:1'), {
      config: {
        rules: {
          [rule.meta.id]: {
            enabled: true,
            options: { allowedRegistries: ['registry.example.com'] },
          },
        },
      },
    });
    expect(
      findings.map(({ pointer, container, message, severity }) => ({
        pointer,
        container,
        message,
        severity,
      })),
    ).toEqual([
      {
        pointer: '/spec/template/spec/containers/0/image',
        container: 'c0',
        message:
          'Container "c0" uses image "nginx:1.27" from repository docker.io/library/nginx, which no entry of allowedRegistries covers.',
        severity: 'medium',
      },
    ]);
  });

  it('matches on path boundaries, with wildcards inside one component', () => {
    const images = [
      'registry.example.com/team/app:1',
      'registry.example.com/teammate/app:1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2',
      'nginx:1.27',
      'postgres:16',
      'quay.io/org/tool:1',
    ];
    expect(
      reported(images, [
        'registry.example.com/team',
        '*.dkr.ecr.*.amazonaws.com',
        'docker.io/library/nginx',
        'index.docker.io/library/postgres/',
      ]).map((message) => /"(c\d)"/.exec(message)?.[1]),
    ).toEqual(['c1', 'c5']);
  });

  it('treats docker.io as all of Docker Hub', () => {
    expect(reported(['nginx', 'bitnami/redis:7', 'ghcr.io/x/y:1'], ['docker.io'])).toHaveLength(1);
  });

  it('validates the entries', () => {
    expect(rule.meta.validateOptions?.({ allowedRegistries: 'docker.io' })).toEqual([
      'allowedRegistries must be a list of strings',
    ]);
    expect(
      rule.meta.validateOptions?.({
        allowedRegistries: ['https://registry.example.com', 'bitnami', '', 'ghcr.io/org'],
      }),
    ).toEqual([
      'allowedRegistries entry "https://registry.example.com" must be a registry host with an optional path, without a scheme or digest',
      'allowedRegistries entry "bitnami" must start with a registry host (write docker.io/bitnami for Docker Hub)',
      'entries of allowedRegistries must not be empty',
    ]);
  });
});
