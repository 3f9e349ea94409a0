import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseReview } from './review.js';
import { podAdmissionReview } from './testing.js';

const review = (overrides: Record<string, unknown>) => podAdmissionReview({}, overrides);

describe('parseReview', () => {
  it.each([
    ['an empty body', '', 'empty body'],
    ['invalid JSON', '{', 'invalid JSON'],
    ['a JSON array', '[]', 'not a JSON object'],
    ['a wrong kind', JSON.stringify({ ...review({}), kind: 'Pod' }), 'unexpected kind'],
    [
      'v1beta1',
      JSON.stringify({ ...review({}), apiVersion: 'admission.k8s.io/v1beta1' }),
      'unexpected kind',
    ],
    [
      'no request',
      JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }),
      'no request',
    ],
    ['no uid', JSON.stringify(review({ uid: '' })), 'uid'],
  ])('rejects %s with 400', (_what, body, message) => {
    const parsed = parseReview(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
    expect(parsed.ok ? 0 : parsed.status).toBe(400);
  });

  it('reads a valid request, keeping the optional fields that are set', () => {
    const parsed = parseReview(JSON.stringify(review({ subResource: '' })));
    expect(parsed).toMatchObject({
      ok: true,
      request: { uid: '705ab4f5-6393-11e8-b7cc-42010a800002', name: 'web', namespace: 'app' },
    });
    expect(parsed.ok && 'subResource' in parsed.request).toBe(false);
  });
});

describe('parseGoDuration', () => {
  it('reads the durations kube-apiserver puts in ?timeout=', () => {
    expect(parseGoDuration('10s')).toBe(10_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('500ms')).toBe(500);
    expect(parseGoDuration('1.5s')).toBe(1500);
    for (const bad of ['', '10', 's', '10x', '-1s', '10s ']) {
      expect(parseGoDuration(bad)).toBeUndefined();
    }
  });
});
