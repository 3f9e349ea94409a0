/*
 * The shared check of network/ingress-isolation and network/egress-isolation: a workload's pods
 * should be selected by a NetworkPolicy of their namespace that isolates them in the direction.
 * Not a rule module (the leading underscore keeps it out of the catalogue).
 */
import type { LocalizedText, Severity } from '../../core/model.js';
import { defineWorkloadRule, type AnyRule } from '../../core/rule.js';
import { CNI_POLICY_KINDS, cniVerdict } from './_cni.js';
import { coverageOf, labelsPointer, type Direction } from './_net.js';

type MessageId = 'noPolicyInNamespace' | 'notSelected' | 'hostNetwork' | 'unevaluated';

export interface IsolationRuleSpec {
  direction: Direction;
  id: string;
  severity: Severity;
  title: LocalizedText;
  description: LocalizedText;
  remediation: LocalizedText;
  messages: Readonly<Record<MessageId, LocalizedText>>;
}

export function defineIsolationRule(spec: IsolationRuleSpec): AnyRule {
  return defineWorkloadRule<MessageId>({
    meta: {
      id: spec.id,
      title: spec.title,
      description: spec.description,
      remediation: spec.remediation,
      severity: spec.severity,
      category: 'network',
      references: [
        'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
        'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
      ],
      standards: [{ framework: 'nsa', control: 'network-policies' }],
      // Kubernetes NetworkPolicies, and the network plugins' own (Cilium, Calico).
      indexKinds: CNI_POLICY_KINDS,
      messages: spec.messages,
      messageSeverities: { unevaluated: 'low' },
      defaultOptions: {},
    },
    check(workload, context) {
      if (workload.podSpec.hostNetwork === true) {
        context.report({
          messageId: 'hostNetwork',
          pointer: `${workload.specPointer}/hostNetwork`,
        });
        return;
      }
      const coverage = coverageOf(workload, context.index, spec.direction);
      if (coverage.isolating.length > 0) {
        return;
      }
      const plugin = cniVerdict(
        context.index,
        workload.podMeta.labels ?? {},
        coverage.namespace,
        spec.direction,
      );
      if (plugin.isolating.length > 0) {
        return;
      }
      if (plugin.unevaluated.length > 0) {
        context.report({
          messageId: 'unevaluated',
          data: {
            namespace: coverage.namespace,
            policies: plugin.unevaluated
              .map((resource) => `${resource.ref.kind} ${resource.ref.name}`)
              .join(', '),
          },
          pointer: labelsPointer(workload),
        });
        return;
      }
      context.report({
        messageId: coverage.inNamespace.length === 0 ? 'noPolicyInNamespace' : 'notSelected',
        data: { namespace: coverage.namespace, count: coverage.inNamespace.length },
        pointer: labelsPointer(workload),
      });
    },
  });
}
