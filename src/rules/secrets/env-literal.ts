/*
 * Credentials should not be written into the manifest as literal environment variable values.
 * Checked field: env[*].value of every container (init, regular and ephemeral).
 * Reported: values in a recognised credential format (whatever the variable's name), links and
 * connection strings that embed a password or key, and literal values of variables whose name
 * says they hold a credential (DB_PASSWORD, API_TOKEN, AWS_SECRET_ACCESS_KEY...).
 * Passing: valueFrom references, empty values, values built from $(VAR), ${VAR} or {{ }}
 * substitutions, and, under credential-like names, booleans, file paths and links.
 * Placeholders such as changeme are reported: they are what the cluster would run with.
 * Messages name the variable and container and never the value.
 */
import { defineWorkloadRule } from '../../core/rule.js';
import { classifyLiteral, matchesGlob, validateIgnoreNames } from './_detect.js';

type MessageId = 'knownFormat' | 'embeddedCredential' | 'secretName';

interface Options {
  /** Variable names (with `*` wildcards) that are never reported. */
  ignoreNames: string[];
}

export default defineWorkloadRule<MessageId, Options>({
  meta: {
    id: 'secrets/env-literal',
    title: {
      en: 'Credential in a literal environment variable',
      ja: '環境変数にリテラルで書かれた認証情報',
    },
    description: {
      en: 'A credential written as a literal env value is stored in plain text wherever the manifest goes: the Git repository, CI logs, Helm release history and the object in etcd. Anyone allowed to read the Deployment can read it, even without access to Secrets, and rotating it means editing and redeploying the manifest.',
      ja: '環境変数の値としてリテラルで書かれた認証情報は、Git リポジトリ、CI のログ、Helm のリリース履歴、etcd 上のオブジェクトなど、マニフェストが置かれるすべての場所に平文で残ります。Secret の閲覧権限がなくても Deployment を読める人なら誰でも読み取れ、ローテーションするにはマニフェストを書き換えて再デプロイする必要があります。',
    },
    remediation: {
      en: 'Rotate the exposed credential, then store it in a Secret (preferably synced from an external store) and mount it as a file or reference it with valueFrom.secretKeyRef. Remove it from the repository history too.',
      ja: '漏えいした認証情報をローテーションしたうえで Secret に格納し（できれば外部のシークレットストアから同期し）、ファイルとしてマウントするか valueFrom.secretKeyRef で参照してください。リポジトリの履歴からも削除してください。',
    },
    severity: 'high',
    category: 'secrets',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    standards: [{ framework: 'nsa', control: 'secrets' }],
    messages: {
      knownFormat: {
        en: 'Container "{{container}}" sets environment variable "{{variable}}" to a literal {{format}}.',
        ja: 'コンテナ "{{container}}" の環境変数 "{{variable}}" に {{format}} がリテラルで設定されています。',
      },
      embeddedCredential: {
        en: 'Container "{{container}}" sets environment variable "{{variable}}" to a literal link or connection string that contains a password or key.',
        ja: 'コンテナ "{{container}}" の環境変数 "{{variable}}" に、パスワードまたはキーを含む URL や接続文字列がリテラルで設定されています。',
      },
      secretName: {
        en: 'Container "{{container}}" sets the credential-like environment variable "{{variable}}" to a literal value.',
        ja: 'コンテナ "{{container}}" で、認証情報と思われる環境変数 "{{variable}}" にリテラル値が設定されています。',
      },
    },
    defaultOptions: { ignoreNames: [] },
    validateOptions: validateIgnoreNames,
  },
  check(workload, context) {
    const { ignoreNames } = context.options;
    for (const ref of workload.containers) {
      (ref.container.env ?? []).forEach((variable, index) => {
        const value = variable?.value;
        if (value === undefined) {
          return;
        }
        const name = variable.name ?? `#${index}`;
        if (ignoreNames.some((pattern) => matchesGlob(pattern, name))) {
          return;
        }
        const verdict = classifyLiteral(name, value);
        if (verdict === undefined) {
          return;
        }
        const common = {
          pointer: `${ref.pointer}/env/${index}/value`,
          container: ref.name,
        };
        if (verdict.kind === 'format') {
          context.report({
            ...common,
            messageId: 'knownFormat',
            data: { container: ref.name, variable: name, format: verdict.format },
          });
        } else {
          context.report({
            ...common,
            messageId: verdict.kind === 'embedded' ? 'embeddedCredential' : 'secretName',
            data: { container: ref.name, variable: name },
          });
        }
      });
    }
  },
});
