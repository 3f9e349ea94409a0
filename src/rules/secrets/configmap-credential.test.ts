import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../test/rule-tester.js';
import rule from './configmap-credential.js';
import { SECRET_HINT, SECRET_WORDS } from './_detect.js';

function configMap(data: string): string {
  return `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: shop}
data:
${data}`;
}

const LEAKY = configMap(`  log-level: debug
  DB_PASSWORD: hunter2-but-longer
  GITHUB_TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789AB
  DATABASE_URL: postgres://shop:s3cr3t@db.shop.svc:5432/shop
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db:5432/shop
    spring.datasource.username=shop
    spring.datasource.password=s3cr3t
    mail.smtp.password = "another-one"
    sso.clientSecret: 'abc123def456'
  settings.yaml: |
    auth:
      password: \${DB_PASSWORD}
      token: $API_TOKEN
      tokenTTL: 3600
      passwordFile: /etc/secrets/db
      apiKey: "<your-api-key>"
`);

describe('secrets/configmap-credential', () => {
  it('reports one finding per key, at the key, naming keys and settings but no value', () => {
    const findings = findingsOf(rule, LEAKY);
    expect(
      findings.map(({ severity, pointer, line, message }) => ({
        severity,
        pointer,
        line,
        message,
      })),
    ).toEqual([
      {
        severity: 'high',
        pointer: '/data/DB_PASSWORD',
        line: 6,
        message: 'ConfigMap key "DB_PASSWORD" has a credential-like name and a literal value.',
      },
      {
        severity: 'high',
        pointer: '/data/GITHUB_TOKEN',
        line: 7,
        message: 'ConfigMap key "GITHUB_TOKEN" contains a GitHub token.',
      },
      {
        severity: 'high',
        pointer: '/data/DATABASE_URL',
        line: 8,
        message:
          'ConfigMap key "DATABASE_URL" contains a link or connection string with a password or key in it.',
      },
      {
        severity: 'high',
        pointer: '/data/application.properties',
        line: 9,
        message:
          'ConfigMap key "application.properties" holds a file that sets credential-like settings to literal values: "spring.datasource.password", "mail.smtp.password", "sso.clientSecret".',
      },
    ]);
    for (const secret of ['hunter2', 's3cr3t', 'another-one', 'abc123', 'ghp_']) {
      expect(JSON.stringify(findings)).not.toContain(secret);
    }
  });

  it('passes references, settings about credentials, placeholders and ordinary data', () => {
    expect(
      findingsOf(
        rule,
        configMap(`  API_TOKEN: "\${API_TOKEN}"
  SECRET_NAME: app-secrets
  PASSWORD_FILE: /run/secrets/db
  token.conf: |
    token = "{{ .Values.token }}"
    password = $ADMIN_PASSWORD
    secret: ENC[AES256_GCM,data:abc,type:str]
  nginx.conf: |
    server {
      listen 8080;
    }
`),
      ),
    ).toEqual([]);
  });

  it('does not read binaryData or values that are not strings', () => {
    expect(
      findingsOf(
        rule,
        `apiVersion: v1
kind: ConfigMap
metadata: {name: blobs}
binaryData:
  password: aHVudGVyMg==
`,
      ),
    ).toEqual([]);
  });

  it('ignores the names in ignoreNames, for keys and settings', () => {
    expect(
      findingsOf(rule, LEAKY, {
        options: { ignoreNames: ['DB_*', 'GITHUB_TOKEN', 'DATABASE_URL', '*.password', '*Secret'] },
      }),
    ).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, LEAKY, { lang: 'ja' })[3]?.message).toBe(
      'ConfigMap のキー "application.properties" のファイルで、認証情報と思われる設定にリテラル値が設定されています: "spring.datasource.password", "mail.smtp.password", "sso.clientSecret"。',
    );
  });
});

describe('the credential-name prefilter', () => {
  it('lets every credential word through, so that it cannot hide a finding', () => {
    for (const word of [...SECRET_WORDS, 'KEY']) {
      expect(SECRET_HINT.test(word.toLowerCase()), word).toBe(true);
    }
  });

  it('still reports a setting in a large file where only one line names a credential', () => {
    const lines = Array.from(
      { length: 2000 },
      (_, index) => `    "panel${index}": "value${index}",`,
    );
    lines.splice(1234, 0, '    "adminPassword": "hunter2-but-longer",');
    const findings = findingsOf(rule, configMap(`  dashboard.json: |\n${lines.join('\n')}`));
    expect(findings.map((finding) => finding.message)).toEqual([
      'ConfigMap key "dashboard.json" holds a file that sets credential-like settings to literal values: "adminPassword".',
    ]);
  });
});
