import { describe, expect, it } from 'vitest';
import { deployment, findingsOf } from '../../../test/rule-tester.js';
import rule from './deprecated-service-account-field.js';

const CONTAINERS = 'containers: [{name: app, image: example.com/app:1.0.0}]';

function summary(podSpec: string): { severity: string; pointer: string; message: string }[] {
  return findingsOf(rule, deployment(podSpec)).map(({ severity, pointer, message }) => ({
    severity,
    pointer,
    message,
  }));
}

describe('secrets/deprecated-service-account-field', () => {
  it('reports the deprecated field alone, or repeating serviceAccountName, at low', () => {
    const expected = [
      {
        severity: 'low',
        pointer: '/spec/template/spec/serviceAccount',
        message:
          'The pod names its service account "builder" with the deprecated field spec.serviceAccount; use spec.serviceAccountName.',
      },
    ];
    expect(summary(`serviceAccount: builder\n${CONTAINERS}`)).toEqual(expected);
    expect(summary(`serviceAccount: builder\nserviceAccountName: builder\n${CONTAINERS}`)).toEqual(
      expected,
    );
  });

  it('reports names that disagree at medium, naming the account the pod runs as', () => {
    expect(
      summary(`serviceAccount: readonly\nserviceAccountName: deployer\n${CONTAINERS}`),
    ).toEqual([
      {
        severity: 'medium',
        pointer: '/spec/template/spec/serviceAccount',
        message:
          'The pod names service account "readonly" in spec.serviceAccount but "deployer" in spec.serviceAccountName; it runs as "deployer".',
      },
    ]);
  });

  it('passes serviceAccountName alone and an empty serviceAccount', () => {
    expect(summary(`serviceAccountName: deployer\n${CONTAINERS}`)).toEqual([]);
    expect(summary(`serviceAccount: ""\n${CONTAINERS}`)).toEqual([]);
  });

  it('speaks Japanese', () => {
    expect(
      findingsOf(
        rule,
        deployment(`serviceAccount: readonly\nserviceAccountName: deployer\n${CONTAINERS}`),
        { lang: 'ja' },
      )[0]?.message,
    ).toBe(
      'Pod は spec.serviceAccount でサービスアカウント "readonly" を、spec.serviceAccountName で "deployer" を指定しています。Pod は "deployer" として動作します。',
    );
  });
});
