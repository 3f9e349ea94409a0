/**
 * kube-score's own test fixtures (in ../shared/corpus) are labelled secure or insecure by their
 * names. mamori must flag each insecure one with the matching rule and pass the secure ones.
 * Deliberate disagreements are listed in docs/peer-fixtures.md and asserted here as well.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { runRules } from '../rule-tester.js';

const testdata = new URL('../../../shared/corpus/zegl__kube-score/score/testdata/', import.meta.url)
  .pathname;

/** [fixture, rule, whether mamori reports that rule on it] */
const EXPECTATIONS: readonly (readonly [string, string, boolean])[] = [
  ['pod-security-context-privileged.yaml', 'hardening/privileged', true],
  ['pod-security-context-all-good.yaml', 'hardening/privileged', false],
  ['pod-security-context-all-good.yaml', 'hardening/run-as-non-root', false],
  ['pod-security-context-all-good.yaml', 'hardening/read-only-root-filesystem', false],
  [
    'pod-security-context-writeablerootfilesystem.yaml',
    'hardening/read-only-root-filesystem',
    true,
  ],
  ['pod-security-context-low-user-id.yaml', 'hardening/run-as-non-root', true],
  ['pod-security-context-high-ids.yaml', 'hardening/run-as-non-root', false],
  ['pod-security-context-high-ids.yaml', 'hardening/run-as-non-root-group', false],
  ['pod-security-context-nosecuritycontext.yaml', 'hardening/run-as-non-root', true],
  // kube-score's own fixture for inheritance: the pod-level user applies to the container.
  ['security-inherit-pod-security-context.yaml', 'hardening/run-as-non-root', false],
  ['security-inherit-pod-security-context.yaml', 'hardening/run-as-non-root-group', false],
  ['pod-seccomp-securecontext-ok.yaml', 'hardening/seccomp', false],
  ['pod-seccomp-container-securecontext-ok.yaml', 'hardening/seccomp', false],
  ['pod-seccomp-no-annotation.yaml', 'hardening/seccomp', true],
  ['pod-image-tag-latest.yaml', 'hardening/image-reference', true],
  ['pod-test-resources-none.yaml', 'hardening/resources', true],
  ['pod-test-resources-limits-and-requests.yaml', 'hardening/resources', false],
  ['pod-test-resources-limits-and-requests-no-cpu-limit.yaml', 'hardening/resources', false],
  ['pod-security-context-low-group-id.yaml', 'hardening/run-as-non-root-group', true],
  ['pod-seccomp-securecontext-warning.yaml', 'hardening/seccomp', true],
  ['service-type-nodeport.yaml', 'network/node-port', true],
  ['service-type-clusterip.yaml', 'network/node-port', false],
  ['networkpolicy-deployment-matching.yaml', 'network/ingress-isolation', false],
  ['networkpolicy-deployment-not-matching-selector.yaml', 'network/ingress-isolation', true],
  ['networkpolicy-statefulset-matching.yaml', 'network/ingress-isolation', false],
  ['networkpolicy-statefulset-not-matching-selector.yaml', 'network/ingress-isolation', true],
  ['networkpolicy-cronjob-matching.yaml', 'network/ingress-isolation', false],
  ['networkpolicy-cronjob-not-matching-selector.yaml', 'network/ingress-isolation', true],
  // kube-score's stable-version check: API versions Kubernetes no longer serves.
  ['deployment-extensions-v1beta1.yaml', 'api/deprecated-version', true],
  ['deployment-appsv1beta2.yaml', 'api/deprecated-version', true],
  ['statefulset-appsv1beta1.yaml', 'api/deprecated-version', true],
  ['daemonset-extensionsv1beta1.yaml', 'api/deprecated-version', true],
  ['cronjob-batchv1beta1.yaml', 'api/deprecated-version', true],
  ['ingress-networkingv1beta1-targets-service.yaml', 'api/deprecated-version', true],
  ['hpa-autoscalingv2beta2-targets-deployment.yaml', 'api/deprecated-version', true],
  ['deployment-poddisruptionbudget-v1beta1-matches.yaml', 'api/deprecated-version', true],
  ['daemonset-appsv1.yaml', 'api/deprecated-version', false],
  ['cronjob-batchv1.yaml', 'api/deprecated-version', false],
  ['ingress-networkingv1-targets-service.yaml', 'api/deprecated-version', false],
  ['hpa-autoscalingv2-targets-deployment.yaml', 'api/deprecated-version', false],
  ['deployment-poddisruptionbudget-v1-matches.yaml', 'api/deprecated-version', false],
  // kube-score's networkpolicy-targets-pod check: a policy must select a pod of the input.
  ['networkpolicy-targets-pod.yaml', 'network/policy-selects-nothing', false],
  ['networkpolicy-targets-pod-deployment.yaml', 'network/policy-selects-nothing', false],
  ['networkpolicy-targets-all-pods.yaml', 'network/policy-selects-nothing', false],
  ['networkpolicy-targets-pod-not-matching.yaml', 'network/policy-selects-nothing', true],
  // Deliberate disagreements (docs/peer-fixtures.md):
  // a PodSecurityPolicy annotation does not give a pod a seccomp profile;
  ['pod-seccomp-annotated.yaml', 'hardening/seccomp', true],
  // a version tag is mutable: mamori gives low-severity advice to pin a digest or pull Always;
  ['pod-image-tag-fixed.yaml', 'hardening/image-reference', true],
  // kube-score's "ok" is about port names; ports 80 and 25 still need privilege to bind;
  ['pod-container-ports-ok.yaml', 'workload/privileged-port', true],
  // a user id below 10000 is not root: mamori does not require high ids.
  ['pod-security-context-low-group-id.yaml', 'hardening/run-as-non-root', false],
];

function rulesReported(file: string): Set<string> {
  const output = runRules(RULES, readFileSync(join(testdata, file), 'utf8'));
  return new Set(
    output.findings
      .filter((finding) => finding.suppression === undefined)
      .map((finding) => finding.ruleId),
  );
}

describe("kube-score's labelled fixtures", () => {
  it.each(EXPECTATIONS)('%s: %s reported = %s', (file, rule, expected) => {
    expect(rulesReported(file).has(rule)).toBe(expected);
  });
});
