/*
 * Credentials belong in Secrets, not in ConfigMaps.
 * Checked: every string entry of a ConfigMap's data (binaryData is not read). An entry is
 * reported when its value holds a recognised credential format or a link or connection string
 * with a password or key in it (whatever its key); a value of one line when its key says it
 * holds a credential and the value is a literal (as secrets/env-literal judges environment
 * variables); a value of several lines (an embedded configuration file, whose key is a file name)
 * when lines of the form `name: value`, `name = value` or `"name": "value"` set credential-like
 * names to literal values.
 * One finding per key, at /data/<key>. Messages name keys and setting names, never a value.
 */
import { defineResourceRule } from '../../core/rule.js';
import { escapePointerToken } from '../../core/sanitize.js';
import {
  classifyLiteral,
  isSecretName,
  matchesGlob,
  SECRET_HINT,
  validateIgnoreNames,
} from './_detect.js';
import { isRecord } from './_objects.js';

type MessageId = 'knownFormat' | 'embeddedCredential' | 'secretName' | 'secretSettings';

interface Options {
  /** Key and setting names (with `*` wildcards) that are never reported. */
  ignoreNames: string[];
}

/** How many setting names a message lists before it counts the rest. */
const LISTED = 5;

/** `name: value`, `name = value`, `"name": "value",`, `export NAME=value` in a config file. */
const SETTING = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*$/;

/** Values that open a block rather than hold a value: YAML `|`, `>-`, JSON `{`, `[`. */
const BLOCK_START = /^(?:[|>][+-]?\d*|[{[])$/;

/**
 * Values that a program replaces before use: `$NAME` (shell and envsubst variables, Argo CD's
 * references to its Secret) and SOPS-encrypted `ENC[...]` values.
 */
const INDIRECT = /^(?:\$[A-Za-z_][\w.-]*|ENC\[.*\])$/;

/** The value of a setting line without quotes, a trailing comma or semicolon, or a comment. */
function settingValue(raw: string): string {
  let value = raw.replace(/[,;]$/, '').trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted !== null) {
    return quoted[2] ?? '';
  }
  value = value.replace(/\s+#.*$/, '');
  return value;
}

/** Names of the settings of a config file that hold literal credentials, in order. */
function secretSettings(text: string, ignored: (name: string) => boolean): string[] {
  const names: string[] = [];
  // A setting's name is part of its line: without a hint of a credential name in the file (or
  // the line), no setting can count.
  if (!SECRET_HINT.test(text)) {
    return names;
  }
  for (const line of text.split('\n')) {
    if (!SECRET_HINT.test(line)) {
      continue;
    }
    const match = SETTING.exec(line);
    const name = match?.[1];
    if (name === undefined || ignored(name)) {
      continue;
    }
    // Only a credential-like name can make a setting count (classifyLiteral's `name` verdict);
    // asking that first spares the value checks for nearly every line of large files.
    if (!isSecretName(name)) {
      continue;
    }
    const value = settingValue(match?.[2] ?? '');
    if (BLOCK_START.test(value) || INDIRECT.test(value) || names.includes(name)) {
      continue;
    }
    if (classifyLiteral(name, value)?.kind === 'name') {
      names.push(name);
    }
  }
  return names;
}

export default defineResourceRule<MessageId, Options>({
  kinds: ['ConfigMap'],
  meta: {
    id: 'secrets/configmap-credential',
    title: { en: 'Credential in a ConfigMap', ja: 'ConfigMap 内の認証情報' },
    description: {
      en: 'ConfigMaps are meant for configuration that anyone may read: RBAC roles grant them far more widely than Secrets, they are not encrypted at rest even where Secrets are, they show up in full in kubectl describe, dashboards and support bundles, and they are committed to Git with the rest of the manifest. A password, token or private key in a ConfigMap is readable by everyone who can read the ConfigMap.',
      ja: 'ConfigMap は誰が読んでもよい設定のためのものです。RBAC では Secret よりはるかに広く読み取りが許可されることが多く、Secret を暗号化している環境でも保存時に暗号化されず、kubectl describe、ダッシュボード、サポート用の情報収集にそのまま表示され、マニフェストと一緒に Git にコミットされます。ConfigMap に書かれたパスワード、トークン、秘密鍵は、その ConfigMap を読めるすべての人に読み取られます。',
    },
    remediation: {
      en: 'Rotate the exposed credential, then move it to a Secret (preferably synced from an external store) and mount or reference it from there. For configuration files, keep the file in the ConfigMap and have the application read the credential from a separate Secret file or environment variable. Remove the value from the repository history too.',
      ja: '漏えいした認証情報をローテーションしたうえで Secret に移し（できれば外部のシークレットストアから同期し）、そこからマウントまたは参照してください。設定ファイルの場合は、ファイル自体は ConfigMap に残し、認証情報だけを別の Secret のファイルや環境変数からアプリケーションに読ませてください。リポジトリの履歴からも値を削除してください。',
    },
    severity: 'high',
    category: 'secrets',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/configmap/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    standards: [{ framework: 'nsa', control: 'secrets' }],
    messages: {
      knownFormat: {
        en: 'ConfigMap key "{{key}}" contains a {{format}}.',
        ja: 'ConfigMap のキー "{{key}}" に {{format}} が含まれています。',
      },
      embeddedCredential: {
        en: 'ConfigMap key "{{key}}" contains a link or connection string with a password or key in it.',
        ja: 'ConfigMap のキー "{{key}}" に、パスワードまたはキーを含む URL や接続文字列が含まれています。',
      },
      secretName: {
        en: 'ConfigMap key "{{key}}" has a credential-like name and a literal value.',
        ja: 'ConfigMap のキー "{{key}}" は認証情報と思われる名前で、リテラル値が設定されています。',
      },
      secretSettings: {
        en: 'ConfigMap key "{{key}}" holds a file that sets credential-like settings to literal values: {{settings}}.',
        ja: 'ConfigMap のキー "{{key}}" のファイルで、認証情報と思われる設定にリテラル値が設定されています: {{settings}}。',
      },
    },
    defaultOptions: { ignoreNames: [] },
    validateOptions: validateIgnoreNames,
  },
  check(resource, context) {
    const data = resource.object.data;
    if (!isRecord(data)) {
      return;
    }
    const ignored = (name: string): boolean =>
      context.options.ignoreNames.some((pattern) => matchesGlob(pattern, name));
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string' || ignored(key)) {
        continue;
      }
      const pointer = `/data/${escapePointerToken(key)}`;
      const verdict = classifyLiteral(key, value);
      const multiline = value.trim().includes('\n');
      if (verdict?.kind === 'format') {
        context.report({
          messageId: 'knownFormat',
          data: { key, format: verdict.format },
          pointer,
        });
        continue;
      }
      // Under a multi-line value the key names a file: its settings are judged instead.
      if (verdict?.kind === 'embedded' || (verdict?.kind === 'name' && !multiline)) {
        context.report({
          messageId: verdict.kind === 'embedded' ? 'embeddedCredential' : 'secretName',
          data: { key },
          pointer,
        });
        continue;
      }
      const settings = multiline ? secretSettings(value, ignored) : [];
      if (settings.length > 0) {
        const listed = settings
          .slice(0, LISTED)
          .map((name) => `"${name}"`)
          .join(', ');
        context.report({
          messageId: 'secretSettings',
          data: {
            key,
            settings:
              settings.length > LISTED ? `${listed} (+${settings.length - LISTED})` : listed,
          },
          pointer,
        });
      }
    }
  },
});
