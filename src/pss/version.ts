/**
 * Pod Security policy versions: `latest` or `v1.<minor>`.
 *
 * The accepted syntax is upstream's `^v1\.([0-9]|[1-9][0-9]*)$`: `v1.0` is valid; `v1.01`, `1.25`,
 * `v1.25.0` and `v2.0` are not. A version newer than the newest known check revision evaluates as
 * that newest revision, but keeps its text (`restricted:v1.99` in messages).
 */

/** A parsed policy version. `text` is what PSA prints: `latest` or `v1.N`. */
export type PolicyVersion =
  | { readonly latest: true; readonly text: 'latest' }
  | { readonly latest: false; readonly minor: number; readonly text: string };

export type ParseVersionResult =
  { ok: true; version: PolicyVersion } | { ok: false; error: string; version: PolicyVersion };

/** Upstream's error text for a bad version (a label value or a configuration entry). */
export const INVALID_VERSION_DETAIL = 'must be "latest" or "v1.x"';

/** Thrown by the evaluation entry points when they are given a version they cannot parse. */
export class PssVersionError extends Error {
  readonly input: string;

  constructor(input: string) {
    super(
      `invalid Pod Security policy version ${JSON.stringify(input)}: ${INVALID_VERSION_DETAIL}`,
    );
    this.name = 'PssVersionError';
    this.input = input;
  }
}

export const LATEST: PolicyVersion = { latest: true, text: 'latest' };

const versionPattern = /^v1\.([0-9]|[1-9][0-9]*)$/;
/** Go parses the minor with strconv.Atoi, which fails above the int64 range. */
const maxGoInt = 9223372036854775807n;

/** Parses `latest` or `v1.N`. On error, the fallback version is `latest`, as upstream does. */
export function parsePolicyVersion(text: string): ParseVersionResult {
  if (text === 'latest') {
    return { ok: true, version: LATEST };
  }
  const digits = versionPattern.exec(text)?.[1];
  if (digits === undefined || BigInt(digits) > maxGoInt) {
    return { ok: false, error: INVALID_VERSION_DETAIL, version: LATEST };
  }
  return { ok: true, version: { latest: false, minor: Number(digits), text } };
}

/** Parses a version or throws {@link PssVersionError}. Parsed versions pass through. */
export function toPolicyVersion(version: string | PolicyVersion): PolicyVersion {
  if (typeof version !== 'string') {
    return version;
  }
  const known = parsedVersions.get(version);
  if (known !== undefined) {
    return known;
  }
  const parsed = parsePolicyVersion(version);
  if (!parsed.ok) {
    throw new PssVersionError(version);
  }
  // Every check of every pod asks again; the versions in use are few (bounded all the same,
  // since namespace labels come from outside).
  if (parsedVersions.size < 64) {
    parsedVersions.set(version, parsed.version);
  }
  return parsed.version;
}

const parsedVersions = new Map<string, PolicyVersion>();

/** `v1.N` for a minor version number. */
export function minorVersion(minor: number): PolicyVersion {
  return { latest: false, minor, text: `v1.${minor}` };
}

/** The minor version to evaluate: `latest` and anything newer than `maxMinor` become `maxMinor`. */
export function effectiveMinor(version: PolicyVersion, maxMinor: number): number {
  return version.latest ? maxMinor : Math.min(version.minor, maxMinor);
}
