/*
 * Long-running containers should tell Kubernetes when they are ready for traffic and when they
 * are stuck.
 * Checked fields: livenessProbe and readinessProbe of regular containers. Init containers run to
 * completion and ephemeral containers cannot have probes.
 * Not checked: pods whose restartPolicy is Never or OnFailure (Jobs and other run-to-completion
 * pods), where neither probe has a purpose.
 * Also reported: a liveness probe identical to the readiness probe.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { valueAt } from '../../core/workload.js';

type MessageId = 'missingLiveness' | 'missingReadiness' | 'identicalProbes';

/** JSON with object keys sorted, to compare probes written in different key orders. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export default defineWorkloadRule<MessageId>({
  meta: {
    id: 'workload/probes',
    title: {
      en: 'Liveness or readiness probe missing',
      ja: 'liveness または readiness プローブの未設定',
    },
    description: {
      en: 'Without a readiness probe, a pod receives traffic as soon as its process starts and keeps receiving it while it cannot serve. Without a liveness probe, a process that hangs without exiting is never restarted. A liveness probe identical to the readiness probe restarts pods that are merely busy, which can turn a load spike into an outage.',
      ja: 'readiness プローブがないと、Pod はプロセスの起動直後からトラフィックを受け、処理できない状態でも受け続けます。liveness プローブがないと、終了せずに停止したプロセスは再起動されません。readiness と同一の liveness プローブは、単に混雑しているだけの Pod を再起動してしまい、負荷の急増を障害に変えることがあります。',
    },
    remediation: {
      en: 'Add a readinessProbe that checks the container can serve requests, and a livenessProbe that checks only that the process is not stuck (a cheaper endpoint, a higher failureThreshold). Use a startupProbe for slow starts instead of a long initialDelaySeconds.',
      ja: 'リクエストを処理できるかを確認する readinessProbe と、プロセスが停止していないことだけを確認する livenessProbe（より軽いエンドポイントや大きめの failureThreshold）を追加してください。起動が遅い場合は、initialDelaySeconds を長くする代わりに startupProbe を使ってください。',
    },
    severity: 'low',
    category: 'reliability',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    ],
    disabledByDefault: true,
    messages: {
      missingLiveness: {
        en: 'Container "{{container}}" has no liveness probe.',
        ja: 'コンテナ "{{container}}" に liveness プローブがありません。',
      },
      missingReadiness: {
        en: 'Container "{{container}}" has no readiness probe.',
        ja: 'コンテナ "{{container}}" に readiness プローブがありません。',
      },
      identicalProbes: {
        en: 'Container "{{container}}" uses the same check for its liveness and readiness probes, so a busy container is restarted instead of taken out of rotation.',
        ja: 'コンテナ "{{container}}" は liveness と readiness のプローブに同じ検査を使っているため、混雑しているコンテナが振り分け対象から外されるのではなく再起動されます。',
      },
    },
    defaultOptions: {},
  },
  check(workload, context) {
    const restartPolicy = valueAt(
      workload.resource.object,
      `${workload.specPointer}/restartPolicy`,
    );
    if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') {
      return;
    }
    for (const ref of workload.containers) {
      if (ref.type !== 'containers') {
        continue;
      }
      const { livenessProbe, readinessProbe } = ref.container;
      const report = (messageId: MessageId, field: string): void =>
        context.report({
          messageId,
          data: { container: ref.name },
          pointer: `${ref.pointer}/${field}`,
          container: ref.name,
        });
      if (livenessProbe === undefined) {
        report('missingLiveness', 'livenessProbe');
      }
      if (readinessProbe === undefined) {
        report('missingReadiness', 'readinessProbe');
      }
      if (
        livenessProbe !== undefined &&
        readinessProbe !== undefined &&
        canonical(livenessProbe) === canonical(readinessProbe)
      ) {
        report('identicalProbes', 'livenessProbe');
      }
    }
  },
});
