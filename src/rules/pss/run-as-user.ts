/*
 * pss/run-as-user: the Pod Security `runAsUser` check (restricted, policy v1.23+; from v1.35
 * pods with spec.hostUsers: false pass).
 * Checked fields: spec.securityContext.runAsUser and
 * {init,ephemeral,}containers[*].securityContext.runAsUser
 * Passing values: any non-zero user id, or unset.
 */
import { runAsUser } from '../../pss/checks/run-as-user.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: runAsUser,
  title: { en: 'Runs as user 0', ja: 'UID 0 での実行' },
  description: {
    en: 'Restricted forbids runAsUser: 0: a container must not be told to run as the root user.',
    ja: 'Restricted は runAsUser: 0 を禁止します。コンテナを root ユーザーで実行するよう指定してはいけません。',
  },
  remediation: {
    en: 'Set runAsUser to a non-zero user id (for example 10001), or remove it and let the image choose a non-root user.',
    ja: 'runAsUser を 0 以外のユーザー ID（例: 10001）にするか、削除してイメージの非 root ユーザーを使ってください。',
  },
  pod: ({ workload }) => `${workload.specPointer}/securityContext/runAsUser`,
  container: ({ ref }) => `${ref.pointer}/securityContext/runAsUser`,
});
