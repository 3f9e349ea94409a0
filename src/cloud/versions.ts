/**
 * Kubernetes version support windows, as a dated table. The table is data: users replace or extend
 * it from `cloud.versionSupport` in the configuration file, and reports show its date so a stale
 * table is visible.
 *
 * Sources: the Amazon EKS Kubernetes release calendar (standard support 14 months, extended 12
 * more) and the AKS release calendar (community support about 12 months, LTS a year more; a month
 * given without a day means its last day).
 */

export interface EksVersionWindow {
  release: string;
  standardEnd: string;
  extendedEnd: string;
}

export interface AksVersionWindow {
  ga: string;
  end: string;
  ltsEnd?: string;
}

export interface VersionTable {
  /** The date the table was last checked against the providers' calendars. */
  asOf: string;
  /** `built-in`, or the configuration file that changed it. */
  source: string;
  eks: Readonly<Record<string, EksVersionWindow>>;
  aks: Readonly<Record<string, AksVersionWindow>>;
}

export const DEFAULT_VERSION_TABLE: VersionTable = {
  asOf: '2026-08-31',
  source: 'built-in',
  eks: {
    '1.23': { release: '2022-08-11', standardEnd: '2023-10-11', extendedEnd: '2024-10-11' },
    '1.24': { release: '2022-11-15', standardEnd: '2024-01-31', extendedEnd: '2025-01-31' },
    '1.25': { release: '2023-02-21', standardEnd: '2024-05-01', extendedEnd: '2025-05-01' },
    '1.26': { release: '2023-04-11', standardEnd: '2024-06-11', extendedEnd: '2025-06-11' },
    '1.27': { release: '2023-05-24', standardEnd: '2024-07-24', extendedEnd: '2025-07-24' },
    '1.28': { release: '2023-09-26', standardEnd: '2024-11-26', extendedEnd: '2025-11-26' },
    '1.29': { release: '2024-01-23', standardEnd: '2025-03-23', extendedEnd: '2026-03-23' },
    '1.30': { release: '2024-05-23', standardEnd: '2025-07-23', extendedEnd: '2026-07-23' },
    '1.31': { release: '2024-09-26', standardEnd: '2025-11-26', extendedEnd: '2026-11-26' },
    '1.32': { release: '2025-01-23', standardEnd: '2026-03-23', extendedEnd: '2027-03-23' },
    '1.33': { release: '2025-05-29', standardEnd: '2026-07-29', extendedEnd: '2027-07-29' },
    '1.34': { release: '2025-10-02', standardEnd: '2026-12-02', extendedEnd: '2027-12-02' },
    '1.35': { release: '2026-01-27', standardEnd: '2027-03-27', extendedEnd: '2028-03-27' },
  },
  aks: {
    '1.27': { ga: '2023-07-31', end: '2024-07-31', ltsEnd: '2025-07-31' },
    '1.28': { ga: '2023-11-30', end: '2025-01-31', ltsEnd: '2026-01-31' },
    '1.29': { ga: '2024-03-31', end: '2025-03-31', ltsEnd: '2026-04-30' },
    '1.30': { ga: '2024-07-31', end: '2025-08-22', ltsEnd: '2026-07-31' },
    '1.31': { ga: '2024-11-30', end: '2025-11-01', ltsEnd: '2026-11-30' },
    '1.32': { ga: '2025-04-30', end: '2026-03-31', ltsEnd: '2027-03-31' },
    '1.33': { ga: '2025-06-30', end: '2026-07-31', ltsEnd: '2027-07-31' },
    '1.34': { ga: '2025-11-30', end: '2026-11-30', ltsEnd: '2027-11-30' },
    '1.35': { ga: '2026-03-31', end: '2027-03-31', ltsEnd: '2028-03-31' },
    '1.36': { ga: '2026-06-30', end: '2027-06-30', ltsEnd: '2028-06-30' },
    '1.37': { ga: '2026-10-31', end: '2027-10-31', ltsEnd: '2028-10-31' },
  },
};

/** `1.29`, `v1.29.3`, `1.29.0-eks-1234` → `1.29`. */
export function minorOf(version: string | undefined): string | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return match === null ? undefined : `${Number(match[1])}.${Number(match[2])}`;
}

export function compareMinor(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** Whether `now` is after the whole UTC day `date`. */
export function isPast(date: string, now: Date): boolean {
  const end = Date.parse(`${date}T23:59:59.999Z`);
  return Number.isFinite(end) && now.getTime() > end;
}

export type SupportStatus =
  | { status: 'standard'; until: string }
  | { status: 'extended'; until: string }
  | { status: 'lts'; until: string }
  | { status: 'platform'; until?: string }
  | { status: 'unsupported'; since?: string }
  | { status: 'newer'; newest: string }
  | { status: 'unknown' };

function sortedMinors(table: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(table).sort(compareMinor);
}

/** Where an EKS minor version stands on `now`. */
export function eksSupport(minor: string, table: VersionTable, now: Date): SupportStatus {
  const window = table.eks[minor];
  const known = sortedMinors(table.eks);
  if (window === undefined) {
    const newest = known[known.length - 1];
    const oldest = known[0];
    if (newest !== undefined && compareMinor(minor, newest) > 0) {
      return { status: 'newer', newest };
    }
    if (oldest !== undefined && compareMinor(minor, oldest) < 0) {
      return { status: 'unsupported' };
    }
    return { status: 'unknown' };
  }
  if (!isPast(window.standardEnd, now)) {
    return { status: 'standard', until: window.standardEnd };
  }
  if (!isPast(window.extendedEnd, now)) {
    return { status: 'extended', until: window.extendedEnd };
  }
  return { status: 'unsupported', since: window.extendedEnd };
}

/**
 * Where an AKS minor version stands: community support until its end of life, LTS for a year more
 * on the Premium tier's `AKSLongTermSupport` plan, platform support until the GA of version + 4.
 */
export function aksSupport(
  minor: string,
  table: VersionTable,
  now: Date,
  lts: boolean,
): SupportStatus {
  const window = table.aks[minor];
  const known = sortedMinors(table.aks);
  if (window === undefined) {
    const newest = known[known.length - 1];
    const oldest = known[0];
    if (newest !== undefined && compareMinor(minor, newest) > 0) {
      return { status: 'newer', newest };
    }
    if (oldest !== undefined && compareMinor(minor, oldest) < 0) {
      return { status: 'unsupported' };
    }
    return { status: 'unknown' };
  }
  if (!isPast(window.end, now)) {
    return { status: 'standard', until: window.end };
  }
  if (lts && window.ltsEnd !== undefined && !isPast(window.ltsEnd, now)) {
    return { status: 'lts', until: window.ltsEnd };
  }
  const [major = 1, minorNumber = 0] = minor.split('.').map(Number);
  const successor = table.aks[`${major}.${minorNumber + 4}`];
  if (successor === undefined || !isPast(successor.ga, now)) {
    return successor === undefined
      ? { status: 'platform' }
      : { status: 'platform', until: successor.ga };
  }
  return { status: 'unsupported', since: window.end };
}
