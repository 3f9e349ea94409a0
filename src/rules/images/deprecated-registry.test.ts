import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule, { frozenPath } from './deprecated-registry.js';

const OLD = deployment(`
initContainers:
  - name: init
    image: gcr.io/google_containers/busybox:1.27
containers:
  - name: proxy
    image: k8s.gcr.io/kube-proxy:v1.24.0
  - name: regional
    image: eu.k8s.gcr.io/pause@sha256:0000000000000000000000000000000000000000000000000000000000000000
  - name: current
    image: registry.k8s.io/pause:3.9
  - name: other
    image: gcr.io/my-project/app:1.0.0
`);

describe('images/deprecated-registry', () => {
  it('reports images on k8s.gcr.io and its backing project, at the image', () => {
    expect(
      findingsOf(rule, OLD).map(({ severity, pointer, message }) => ({
        severity,
        pointer,
        message,
      })),
    ).toEqual([
      {
        severity: 'medium',
        pointer: '/spec/template/spec/initContainers/0/image',
        message:
          'Container "init" pulls image "gcr.io/google_containers/busybox:1.27" from the frozen registry k8s.gcr.io; use registry.k8s.io/busybox instead.',
      },
      {
        severity: 'medium',
        pointer: '/spec/template/spec/containers/0/image',
        message:
          'Container "proxy" pulls image "k8s.gcr.io/kube-proxy:v1.24.0" from the frozen registry k8s.gcr.io; use registry.k8s.io/kube-proxy instead.',
      },
      {
        severity: 'medium',
        pointer: '/spec/template/spec/containers/1/image',
        message: expect.stringContaining('use registry.k8s.io/pause instead') as string,
      },
    ]);
  });

  it('passes registry.k8s.io and unrelated gcr.io projects', () => {
    expect(
      findingsOf(
        rule,
        deployment(
          'containers: [{name: a, image: registry.k8s.io/coredns/coredns:v1.11.1}, {name: b, image: gcr.io/k8s-gcr-io-lookalike/app:1}]',
        ),
      ),
    ).toEqual([]);
  });

  it('matches hosts exactly, not by substring', () => {
    expect(frozenPath('k8s.gcr.io.example.com/pause')).toBeUndefined();
    expect(frozenPath('notk8s.gcr.io/pause')).toBeUndefined();
    expect(frozenPath('us.k8s.gcr.io/pause')).toBe('pause');
    expect(frozenPath('gcr.io/google_containers_x/pause')).toBeUndefined();
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, OLD, { lang: 'ja' })[1]?.message).toBe(
      'コンテナ "proxy" はイメージ "k8s.gcr.io/kube-proxy:v1.24.0" を凍結されたレジストリ k8s.gcr.io から取得しています。代わりに registry.k8s.io/kube-proxy を使ってください。',
    );
  });
});
