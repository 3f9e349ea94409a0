/**
 * The AdmissionReview v1 wire format: decoding and checking a request body, wrapping a response,
 * and the `?timeout=` duration kube-apiserver adds to a webhook call. Free of I/O.
 */

/** Upstream's limit on a request body (3 MiB); larger bodies get 413. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export const REVIEW_API_VERSION = 'admission.k8s.io/v1';

export interface AdmissionRequestV1 {
  uid: string;
  kind: { group?: string; version?: string; kind: string };
  resource: { group?: string; version?: string; resource: string };
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: string;
  userInfo: { username?: string };
  object?: unknown;
  oldObject?: unknown;
}

export type ParsedReview =
  { ok: true; request: AdmissionRequestV1 } | { ok: false; status: 400; message: string };

export interface ResponseStatus {
  status: 'Failure';
  code: number;
  reason: string;
  message: string;
  details?: { name?: string; kind?: string };
}

export interface AdmissionResponseV1 {
  uid: string;
  allowed: boolean;
  status?: ResponseStatus;
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

const GO_DURATION_UNITS: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 0.000_001,
};

/**
 * A Go duration (`10s`, `1m30s`, `500ms`) in ms, as kube-apiserver writes the `timeout` query
 * parameter of a webhook call; undefined when it is not one.
 */
export function parseGoDuration(text: string): number | undefined {
  const part = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns)/y;
  let total = 0;
  let index = 0;
  while (index < text.length) {
    part.lastIndex = index;
    const match = part.exec(text);
    if (match === null) {
      return undefined;
    }
    total += Number(match[1]) * (GO_DURATION_UNITS[match[2] ?? ''] ?? Number.NaN);
    index = part.lastIndex;
  }
  return index === 0 || !Number.isFinite(total) ? undefined : total;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Decodes and checks an AdmissionReview body. Every failure is a 400 with a plain message. */
export function parseReview(body: string): ParsedReview {
  const bad = (message: string): ParsedReview => ({ ok: false, status: 400, message });
  if (body.length === 0) {
    return bad('empty body');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return bad(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(value)) {
    return bad('the body is not a JSON object');
  }
  if (value.apiVersion !== REVIEW_API_VERSION || value.kind !== 'AdmissionReview') {
    return bad(`unexpected kind: expected ${REVIEW_API_VERSION} AdmissionReview`);
  }
  const request = value.request;
  if (!isRecord(request)) {
    return bad('the AdmissionReview has no request');
  }
  const uid = str(request.uid);
  const kind = isRecord(request.kind) ? str(request.kind.kind) : undefined;
  const resource = isRecord(request.resource) ? str(request.resource.resource) : undefined;
  const operation = str(request.operation);
  if (uid === undefined || uid === '') {
    return bad('request.uid is missing');
  }
  if (kind === undefined || resource === undefined || operation === undefined) {
    return bad('request.kind, request.resource and request.operation are required');
  }
  const parsed: AdmissionRequestV1 = {
    uid,
    kind: {
      group: isRecord(request.kind) ? (str(request.kind.group) ?? '') : '',
      version: isRecord(request.kind) ? (str(request.kind.version) ?? '') : '',
      kind,
    },
    resource: {
      group: isRecord(request.resource) ? (str(request.resource.group) ?? '') : '',
      resource,
    },
    operation,
    userInfo: {
      username: isRecord(request.userInfo) ? (str(request.userInfo.username) ?? '') : '',
    },
    object: request.object,
    oldObject: request.oldObject,
  };
  const optional = { subResource: request.subResource, name: request.name };
  for (const [key, item] of Object.entries(optional)) {
    if (typeof item === 'string' && item !== '') {
      parsed[key as 'subResource' | 'name'] = item;
    }
  }
  if (typeof request.namespace === 'string' && request.namespace !== '') {
    parsed.namespace = request.namespace;
  }
  return { ok: true, request: parsed };
}

/** Wraps a response in an AdmissionReview v1. */
export function reviewOf(response: AdmissionResponseV1): object {
  return { apiVersion: REVIEW_API_VERSION, kind: 'AdmissionReview', response };
}
