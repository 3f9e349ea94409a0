import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './image-reference.js';

const DIGEST = 'sha256:0b4d7a5d7c2c2e5b8f5e0c4e4f1c3a6d9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';

/** One container with the given image and pull policy. */
function withImage(image: string | undefined, policy?: string): string {
  return deployment(`
containers:
  - name: app
${image === undefined ? '' : `    image: "${image}"\n`}${policy === undefined ? '' : `    imagePullPolicy: ${policy}\n`}    securityContext: {runAsNonRoot: true}
`);
}

function messages(yaml: string): string[] {
  return findingsOf(rule, yaml).map((finding) => `${finding.severity} ${finding.message}`);
}

describe('hardening/image-reference', () => {
  it.each([
    [`nginx@${DIGEST}`],
    [`nginx:1.27@${DIGEST}`],
    [`nginx:latest@${DIGEST}`],
    [`registry.example.com:5000/team/app@${DIGEST}`],
  ])('passes the digest-pinned image %s, whatever the pull policy', (image) => {
    expect(findingsOf(rule, withImage(image))).toEqual([]);
    expect(findingsOf(rule, withImage(image, 'IfNotPresent'))).toEqual([]);
  });

  it.each([['nginx:1.27'], ['registry.example.com:5000/team/app:2.1.0'], ['ghcr.io/org/app:v1']])(
    'passes the tagged image %s pulled with Always',
    (image) => {
      expect(findingsOf(rule, withImage(image, 'Always'))).toEqual([]);
    },
  );

  it('reports latest at the image', () => {
    const findings = findingsOf(rule, withImage('nginx:latest'));
    expect(
      findings.map(({ pointer, severity, message }) => ({ pointer, severity, message })),
    ).toEqual([
      {
        pointer: '/spec/template/spec/containers/0/image',
        severity: 'medium',
        message:
          'Container "app" uses the mutable tag latest ("nginx:latest"); use a version tag or a digest.',
      },
    ]);
  });

  it.each([['nginx'], ['registry.example.com:5000/app'], ['localhost:5000/team/app'], ['nginx:']])(
    'reports %s as having no tag',
    (image) => {
      expect(messages(withImage(image))).toEqual([
        `medium Container "app" uses "${image}" without a tag, which means latest; use a version tag or a digest.`,
      ]);
    },
  );

  it('does not take the registry port for a tag', () => {
    expect(messages(withImage('registry:5000/app:5000', 'Always'))).toEqual([]);
  });

  it('treats a malformed digest as no pin', () => {
    expect(messages(withImage('nginx@sha256:abc'))).toHaveLength(1);
  });

  it('advises on mutable tags pulled with IfNotPresent, explicitly or by default, or Never', () => {
    expect(
      findingsOf(rule, withImage('nginx:1.27')).map(({ pointer, severity, message }) => ({
        pointer,
        severity,
        message,
      })),
    ).toEqual([
      {
        pointer: '/spec/template/spec/containers/0',
        severity: 'low',
        message:
          'Container "app" pulls the mutable tag "nginx:1.27" with imagePullPolicy IfNotPresent, so nodes may run different images; set Always or pin a digest.',
      },
    ]);
    expect(
      findingsOf(rule, withImage('nginx:1.27', 'Never')).map((finding) => finding.pointer),
    ).toEqual(['/spec/template/spec/containers/0/imagePullPolicy']);
  });

  it('reports latest with IfNotPresent twice: the tag and the pull policy', () => {
    expect(messages(withImage('nginx:latest', 'IfNotPresent'))).toEqual([
      'medium Container "app" uses the mutable tag latest ("nginx:latest"); use a version tag or a digest.',
      'low Container "app" pulls the mutable tag "nginx:latest" with imagePullPolicy IfNotPresent, so nodes may run different images; set Always or pin a digest.',
    ]);
  });

  it('reports a missing or empty image', () => {
    expect(
      findingsOf(rule, withImage(undefined)).map(({ pointer, message }) => ({ pointer, message })),
    ).toEqual([
      { pointer: '/spec/template/spec/containers/0', message: 'Container "app" has no image.' },
    ]);
    expect(findingsOf(rule, withImage(' ')).map((finding) => finding.pointer)).toEqual([
      '/spec/template/spec/containers/0/image',
    ]);
  });

  it('checks init and ephemeral containers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: setup, image: busybox, imagePullPolicy: Always}]
  containers: [{name: app, image: "nginx:1.27", imagePullPolicy: Always}]
  ephemeralContainers: [{name: shell, image: "busybox:latest"}]
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.container)).toEqual(['setup', 'shell']);
  });
});
