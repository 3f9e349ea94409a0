import { describe, expect, it } from 'vitest';
import { deployment, findingsOf, runRules } from '../../../test/rule-tester.js';
import { REPORTERS, FORMATS } from '../../reporters/index.js';
import { RULES } from '../index.js';
import { classifyLiteral, isSecretName } from './_detect.js';
import rule from './env-literal.js';

/** A Deployment whose container "app" has one literal variable. */
function withEnv(name: string, value: string): string {
  return deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - name: ${name}
        value: ${JSON.stringify(value)}
`);
}

// Fake credentials in the recognised formats, assembled so that no real-looking token sits in
// the source as one string.
const FAKE = {
  aws: 'AKIA' + 'Z7QX3M2PL4KD8WNB',
  github: 'ghp_' + 'x'.repeat(20) + 'Y'.repeat(16),
  gitlab: 'glpat-' + 'k'.repeat(20),
  slack: 'xoxb-' + '1234567890-abcdefghij',
  jwt: 'eyJ' + 'hbGciOiJIUzI1NiJ9' + '.eyJ' + 'zdWIiOiIxMjM0In0' + '.' + 's'.repeat(20),
  pem:
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEow' + 'q'.repeat(40) + '\n-----END RSA PRIVATE KEY-----',
  google: 'AIza' + 'S'.repeat(35),
};

describe('secrets/env-literal', () => {
  it.each([
    ['AWS access key ID', 'ACCESS_KEY', FAKE.aws],
    ['GitHub token', 'GH', FAKE.github],
    ['GitLab token', 'CI_THING', FAKE.gitlab],
    ['Slack token', 'BOT', FAKE.slack],
    ['JSON Web Token', 'AUTHORIZATION', FAKE.jwt],
    ['PEM private key', 'TLS_KEY', FAKE.pem],
    ['Google API key', 'MAPS', FAKE.google],
  ])('recognises a %s whatever the variable is called', (format, name, value) => {
    const findings = findingsOf(rule, withEnv(name, value));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'secrets/env-literal',
      severity: 'high',
      container: 'app',
      pointer: '/spec/template/spec/containers/0/env/0/value',
      message: `Container "app" sets environment variable "${name}" to a literal ${format}.`,
    });
  });

  it.each([
    ['DATABASE_URL', 'postgres://app:s3cr3t-pw@db.internal:5432/app'],
    ['JDBC', 'jdbc:mysql://db/app?user=app&password=hunter2'],
    ['STORAGE', 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc123==;'],
    ['BLOB', 'https://acct.blob.core.windows.net/c?sv=2022-11-02&sig=AbCdEfGhIjKlMn%3D'],
  ])('recognises a credential embedded in %s', (name, value) => {
    expect(findingsOf(rule, withEnv(name, value)).map((finding) => finding.message)).toEqual([
      `Container "app" sets environment variable "${name}" to a literal link or connection string that contains a password or key.`,
    ]);
  });

  it.each([
    ['DB_PASSWORD', 'hunter2'],
    ['POSTGRES_PASSWORD', '123456'],
    ['API_KEY', 'k-123'],
    ['apiKey', 'k-123'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY'],
    ['OAUTH_CLIENT_SECRET', 'abc'],
    ['GITHUB_TOKEN', 'abc'],
    ['SECRET_KEY_BASE', 'abc'],
    ['GOOGLE_APPLICATION_CREDENTIALS_JSON', '{"type": "service_account"}'],
    ['SIGNING_KEY', 'abc'],
    ['SMTP_PASS', 'abc'],
    ['PRIVATE_KEY', 'abc'],
    // Default passwords are reported: a service set up with the manifest would accept them.
    ['ADMIN_PASSWORD', 'changeme'],
    ['REDIS_PASSWORD', 'password'],
    ['COOKIE_SECRET', 'SECRET'],
  ])('reports the literal value of the credential-like %s', (name, value) => {
    expect(findingsOf(rule, withEnv(name, value)).map((finding) => finding.message)).toEqual([
      `Container "app" sets the credential-like environment variable "${name}" to a literal value.`,
    ]);
  });

  it.each([
    ['empty value', 'DB_PASSWORD', ''],
    ['blank value', 'DB_PASSWORD', '   '],
    ['Kubernetes expansion', 'DB_PASSWORD', '$(POSTGRES_PASSWORD)'],
    ['envsubst', 'API_TOKEN', '${API_TOKEN}'],
    ['template', 'API_TOKEN', '{{ .Values.token }}'],
    ['reference in a link', 'DATABASE_URL', 'postgres://app:$(DB_PASSWORD)@db/app'],
    ['a file', 'DB_PASSWORD_FILE', '/run/secrets/db'],
    ['a path value', 'GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
    ['a name of a Secret', 'TLS_SECRET_NAME', 'web-tls'],
    ['a lifetime', 'TOKEN_TTL', '3600'],
    ['a length', 'PASSWORD_MIN_LENGTH', '12'],
    ['a switch', 'ENABLE_TOKEN_AUTH', 'true'],
    ['a link', 'TOKEN_ENDPOINT', 'https://login.example.com/token'],
    ['an ARN', 'DB_SECRET', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db'],
    ['a plural word', 'MAX_TOKENS', '4096'],
    ['the working directory', 'PWD', '/app'],
    ['an unrelated name', 'LOG_LEVEL', 'debug'],
    ['a link without credentials', 'UPSTREAM', 'https://api.example.com:8443/v1'],
    ['a placeholder in angle brackets', 'CLIENT_SECRET', '<Client Secret>'],
    ['a marker made of the name', 'GOOGLE_API_KEY', 'GOOGLE_API_KEY_VAL'],
    ['a marker in underscores', 'API_TOKEN', '__API_TOKEN__'],
    ['a marker in at signs', 'API_TOKEN', '@token@'],
    ['a filler', 'DB_PASSWORD', '********'],
    ['a request to replace', 'DB_PASSWORD', 'REPLACE_ME'],
    ['a request to insert', 'API_KEY', 'your-api-key-here'],
    ['a placeholder in a link', 'DATABASE_URL', 'postgres://app:<password>@db/app'],
  ])('passes %s', (_case, name, value) => {
    expect(findingsOf(rule, withEnv(name, value))).toEqual([]);
  });

  it('passes valueFrom references', () => {
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - name: DB_PASSWORD
        valueFrom:
          secretKeyRef: {name: db, key: password}
`);
    expect(findingsOf(rule, yaml)).toEqual([]);
  });

  it('checks init and ephemeral containers too', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop}
spec:
  initContainers:
    - name: migrate
      image: example.com/migrate:1.0.0
      env: [{name: DB_PASSWORD, value: hunter2}]
  containers:
    - name: app
      image: example.com/app:1.0.0
  ephemeralContainers:
    - name: shell
      image: busybox:1.36
      env: [{name: API_TOKEN, value: abc}]
`;
    expect(findingsOf(rule, yaml).map((finding) => finding.container)).toEqual([
      'migrate',
      'shell',
    ]);
  });

  it('skips names matched by ignoreNames', () => {
    const yaml = withEnv('TEST_PASSWORD', 'hunter2');
    expect(findingsOf(rule, yaml, { options: { ignoreNames: ['TEST_*'] } })).toEqual([]);
    expect(findingsOf(rule, yaml, { options: { ignoreNames: ['PROD_*'] } })).toHaveLength(1);
  });

  it('rejects ignoreNames that is not a list of strings', () => {
    expect(rule.meta.validateOptions?.({ ignoreNames: 'TEST_*' })).toEqual([
      'ignoreNames must be a list of strings',
    ]);
  });

  it('speaks Japanese', () => {
    expect(findingsOf(rule, withEnv('DB_PASSWORD', 'hunter2'), { lang: 'ja' })[0]?.message).toBe(
      'コンテナ "app" で、認証情報と思われる環境変数 "DB_PASSWORD" にリテラル値が設定されています。',
    );
  });

  it('never reveals the value in a finding, a problem or any report format', () => {
    const secrets = [FAKE.aws, FAKE.github, FAKE.jwt, 'hunter2-very-secret', 's3cr3t-pw'];
    const yaml = deployment(`
containers:
  - name: app
    image: example.com/app:1.0.0
    env:
      - {name: AWS_ACCESS_KEY_ID, value: ${FAKE.aws}}
      - {name: GH, value: ${FAKE.github}}
      - {name: SESSION, value: "${FAKE.jwt}"}
      - {name: DB_PASSWORD, value: hunter2-very-secret}
      - {name: DATABASE_URL, value: "postgres://app:s3cr3t-pw@db/app"}
`);
    for (const lang of ['en', 'ja'] as const) {
      const output = runRules(RULES, yaml, {
        lang,
        config: { rules: { 'secrets/aks-env-collection': { options: { platform: 'aks' } } } },
      });
      const ours = output.findings.filter((finding) => finding.ruleId.startsWith('secrets/'));
      expect(ours.filter((finding) => finding.ruleId === 'secrets/env-literal')).toHaveLength(5);
      expect(ours.some((finding) => finding.ruleId === 'secrets/aks-env-collection')).toBe(true);
      const result = {
        findings: output.findings,
        problems: output.problems,
        skipped: [],
        stats: { files: 1, documents: 1, resources: 1, bytes: yaml.length },
      };
      const texts = [
        JSON.stringify(output),
        ...FORMATS.map((format) =>
          REPORTERS[format](result, {
            rules: RULES,
            toolVersion: '0.0.0',
            lang,
            failOn: 'high',
            docsBaseUrl: 'https://docs.example.test/rules/',
            color: false,
            cwd: '/',
          }),
        ),
      ];
      for (const text of texts) {
        // The findings are in the text, named by variable, but their values are not.
        expect(text).toContain('DB_PASSWORD');
        for (const secret of secrets) {
          expect(text).not.toContain(secret);
        }
      }
    }
  });
});

describe('credential detection', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['db-password', true],
    ['dbPassword', true],
    ['MINIO_SECRET_KEY', true],
    ['STRIPE_API_KEY', true],
    ['NEW_RELIC_LICENSE_KEY', true],
    ['PASSWORD_FILE', false],
    ['SECRET_NAME', false],
    ['KEY', false],
    ['CACHE_KEY', false],
    ['AWS_ACCESS_KEY_ID', false],
    ['PWD', false],
    ['BYPASS_CACHE', false],
  ])('judges the name %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it('reports only what kind of credential it found', () => {
    expect(classifyLiteral('X', FAKE.aws)).toEqual({
      kind: 'format',
      format: 'AWS access key ID',
    });
    expect(classifyLiteral('X', 'plain')).toBeUndefined();
  });
});
