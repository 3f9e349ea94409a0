/*
 * Recognises credentials written literally into environment variables. Shared by the secrets
 * rules; not a rule module (the leading underscore keeps it out of the catalogue).
 *
 * Nothing here returns or records a value: callers learn only whether a value looks secret and
 * which public format it has, so that no report can carry the secret itself.
 */

/** Why a literal value counts as a credential. */
export type SecretVerdict =
  { kind: 'format'; format: string } | { kind: 'embedded' } | { kind: 'name' };

/** Credential formats recognisable from the value alone, with a name for them in reports. */
const FORMATS: readonly { format: string; pattern: RegExp }[] = [
  { format: 'PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { format: 'AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/ },
  { format: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})/ },
  { format: 'GitLab token', pattern: /\bglpat-[\w-]{20,}/ },
  { format: 'Slack token', pattern: /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/ },
  {
    format: 'Slack webhook URL',
    pattern: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/[\w/-]{10,}/,
  },
  { format: 'JSON Web Token', pattern: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/ },
  { format: 'Google API key', pattern: /\bAIza[\w-]{35}\b/ },
  { format: 'Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{24,}\b/ },
];

/**
 * Text that every one of the {@link FORMATS} contains: one search over a value instead of nine
 * for nearly every value (ConfigMaps can hold megabytes of dashboards). A test checks that each
 * format's examples contain it.
 */
export const FORMAT_HINT =
  /-----BEGIN |AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack\.com\/|eyJ|AIza|k_live_/;

/** `scheme://user:password@`: the password part is captured. Bounded to stay linear. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:/@]+:([^\s/@]+)@/i;
/** `Password=...;` and the key fields of Azure connection strings. */
const CONNECTION_STRING_SECRET =
  /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey)\s*=\s*([^;\s]+)/i;
/** A password in a query string, as JDBC and some client libraries accept it. */
const QUERY_PASSWORD = /[?&](?:password|passwd|pwd)=([^&\s]+)/i;
/** The signature of an Azure shared access signature URL. */
const SAS_SIGNATURE = /[?&]sig=([\w%+/=-]{10,})/;

/** Substitution syntax: the real value is supplied by something else. */
const REFERENCE = /\$\(|\$\{|\{\{/;

/** Words of a variable name that mean it holds a credential. */
// Every word here must contain a match of SECRET_HINT (a test checks).
export const SECRET_WORDS = new Set([
  'APIKEY',
  'ACCESSTOKEN',
  'AUTHTOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'PASS',
  'PASSPHRASE',
  'PASSWD',
  'PASSWORD',
  'PRIVATEKEY',
  'PWD',
  'SECRET',
  'SECRETKEY',
  'TOKEN',
]);

/** Words that, before KEY, make it a credential: API_KEY, PRIVATE_KEY, ACCOUNT_KEY... */
const KEY_QUALIFIERS = new Set([
  'ACCOUNT',
  'API',
  'AUTH',
  'CLIENT',
  'ENCRYPTION',
  'HMAC',
  'LICENSE',
  'MASTER',
  'PRIVATE',
  'SESSION',
  'SHARED',
  'SIGNING',
  'STORAGE',
]);

/**
 * Words that, after the credential word, say the variable is about the credential rather than
 * the credential itself: DB_PASSWORD_FILE, TOKEN_TTL, SECRET_NAME.
 */
const ABOUT_WORDS = new Set([
  'AGE',
  'ALG',
  'ALGORITHM',
  'ARN',
  'AUDIENCE',
  'BACKEND',
  'CACHE',
  'CHECK',
  'COUNT',
  'DAYS',
  'DIR',
  'DIRECTORY',
  'DISABLE',
  'DISABLED',
  'DURATION',
  'ENABLE',
  'ENABLED',
  'ENDPOINT',
  'EXPIRATION',
  'EXPIRE',
  'EXPIRES',
  'EXPIRY',
  'FIELD',
  'FILE',
  'FILES',
  'FORMAT',
  'HEADER',
  'HOST',
  'HOURS',
  'ID',
  'INTERVAL',
  'ISSUER',
  'KIND',
  'LEN',
  'LENGTH',
  'LIFETIME',
  'LIMIT',
  'LOCATION',
  'MAX',
  'METHOD',
  'MIN',
  'MINUTES',
  'MODE',
  'MOUNT',
  'NAME',
  'NAMES',
  'NAMESPACE',
  'PARAM',
  'PATH',
  'PATTERN',
  'POLICY',
  'PORT',
  'PREFIX',
  'PROVIDER',
  'REF',
  'REGEX',
  'REQUIRED',
  'RETRIES',
  'ROTATION',
  'SCOPE',
  'SCOPES',
  'SECONDS',
  'SIZE',
  'STORE',
  'STRATEGY',
  'SUFFIX',
  'TIMEOUT',
  'TTL',
  'TYPE',
  'URI',
  'URL',
  'USER',
  'USERNAME',
  'VALIDATION',
  'VERIFY',
  'VERSION',
]);

/** Splits a variable name into upper-case words: DB_PASSWORD, dbPassword, db.password. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());
}

/** Whether a variable name says it holds a credential. */
/**
 * Text that every credential-like name contains, in any case: each word of SECRET_WORDS, and
 * KEY, holds one of these. A name without any of them is no credential name, which spares the
 * word split for nearly every name.
 */
export const SECRET_HINT = /key|token|cred|pass|pwd|secret/i;

export function isSecretName(name: string): boolean {
  if (!SECRET_HINT.test(name)) {
    return false;
  }
  const words = wordsOf(name);
  // PWD alone is the shell's working directory.
  if (words.length === 1 && (words[0] === 'PWD' || words[0] === 'OLDPWD')) {
    return false;
  }
  let last = -1;
  words.forEach((word, index) => {
    const previous = index > 0 ? words[index - 1] : undefined;
    if (
      SECRET_WORDS.has(word) ||
      (word === 'KEY' && previous !== undefined && KEY_QUALIFIERS.has(previous))
    ) {
      last = index;
    }
  });
  return last >= 0 && !words.slice(last + 1).some((word) => ABOUT_WORDS.has(word));
}

/** Values that, under a credential-like name, are settings rather than credentials. */
function isSettingValue(value: string): boolean {
  const trimmed = value.trim();
  return (
    /^(?:true|false|yes|no|on|off|enabled|disabled)$/i.test(trimmed) ||
    // File paths: the credential is in the file.
    /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)\S*$/.test(trimmed) ||
    // Identifiers of entries in a secret manager.
    trimmed.startsWith('arn:') ||
    // Links (a link that embeds a credential is recognised before this test).
    /^[a-z][a-z0-9+.-]*:\/\/\S*$/i.test(trimmed)
  );
}

/** Words that mark a value as a blank to be filled in: REPLACE_ME, your-token, TODO. */
const PLACEHOLDER_WORDS = new Set([
  'FIXME',
  'INSERT',
  'PLACEHOLDER',
  'REDACTED',
  'REPLACE',
  'TBD',
  'TODO',
  'YOUR',
]);

/**
 * Whether a value is an obvious placeholder: a marker that a person or a tool fills in before the
 * manifest is applied, not a usable credential. `<client-secret>`, `__TOKEN__`, `@TOKEN@`, `xxxx`,
 * `****`, REPLACE_ME, your-api-key, and upper-case markers built from the variable's own name
 * (`GOOGLE_API_KEY_VAL` for GOOGLE_API_KEY). Default passwords such as `changeme` are not
 * placeholders: services accept them.
 */
export function isPlaceholder(name: string, value: string): boolean {
  const trimmed = value.trim();
  const ownName = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return (
    /^<[^<>]+>$/.test(trimmed) ||
    /^__\w+__$/.test(trimmed) ||
    /^@\w+@$/.test(trimmed) ||
    /^[xX*.#?-]+$/.test(trimmed) ||
    (/^[A-Z0-9_]+$/.test(trimmed) && ownName !== '' && trimmed.includes(ownName)) ||
    wordsOf(trimmed).some((word) => PLACEHOLDER_WORDS.has(word))
  );
}

/** Whether a captured secret part is real text rather than a reference or a placeholder. */
function isLiteral(name: string, part: string | undefined): boolean {
  return part !== undefined && part !== '' && !REFERENCE.test(part) && !isPlaceholder(name, part);
}

/**
 * Classifies a literal environment variable: a recognised credential format, a link or
 * connection string with a password or key in it, or a credential-like name with a literal
 * value. Empty values, values that are (or contain) substitution references and obvious
 * placeholders are not credentials; default passwords such as `changeme` are, because a service
 * set up with the manifest as it is would accept them.
 */
export function classifyLiteral(name: string, value: string): SecretVerdict | undefined {
  if (value.trim() === '') {
    return undefined;
  }
  if (FORMAT_HINT.test(value)) {
    for (const { format, pattern } of FORMATS) {
      if (pattern.test(value)) {
        return { kind: 'format', format };
      }
    }
  }
  // Each embedded form needs `://` or `=`: a plain search rules them out for most values.
  const hasLink = value.includes('://');
  const hasEquals = value.includes('=');
  if (
    (hasLink && isLiteral(name, URL_PASSWORD.exec(value)?.[1])) ||
    (hasEquals &&
      [CONNECTION_STRING_SECRET, QUERY_PASSWORD, SAS_SIGNATURE].some((pattern) =>
        isLiteral(name, pattern.exec(value)?.[1]),
      ))
  ) {
    return { kind: 'embedded' };
  }
  if (
    REFERENCE.test(value) ||
    !isSecretName(name) ||
    isSettingValue(value) ||
    isPlaceholder(name, value)
  ) {
    return undefined;
  }
  return { kind: 'name' };
}

/** Checks the `ignoreNames` option of the credential rules. */
export function validateIgnoreNames(options: Record<string, unknown>): string[] {
  const value = options.ignoreNames;
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? []
    : ['ignoreNames must be a list of strings'];
}

/** Whether `name` matches a pattern where `*` stands for any run of characters. */
export function matchesGlob(pattern: string, name: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}
