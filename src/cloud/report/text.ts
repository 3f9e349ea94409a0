/**
 * Interface words of the cloud reports, in English and Japanese.
 */
import type { Language } from '../../core/model.js';
import type { Group, Verdict } from '../types.js';

export interface ReportWords {
  group: Record<Group, string>;
  verdict: Record<Verdict, string>;
  score: string;
  overall: string;
  evidence: string;
  missing: string;
  fix: string;
  notApplicable: string;
  cluster: string;
  files: string;
  versionTable: string;
  skipped: string;
  problems: string;
  noClusters: string;
  counts: (pass: number, fail: number, unknown: number) => string;
}

export const WORDS: Readonly<Record<Language, ReportWords>> = {
  en: {
    group: { Connectivity: 'Connectivity', Cluster: 'Cluster', Auth: 'Auth' },
    verdict: { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN' },
    score: 'score',
    overall: 'Overall',
    evidence: 'evidence',
    missing: 'missing',
    fix: 'fix',
    notApplicable: 'not applicable',
    cluster: 'cluster',
    files: 'files',
    versionTable: 'version table as of',
    skipped: 'skipped',
    problems: 'input problems',
    noClusters: 'No cluster configuration or Kubernetes object was found in the input.',
    counts: (pass, fail, unknown) => `${pass} pass, ${fail} fail, ${unknown} unknown`,
  },
  ja: {
    group: {
      Connectivity: '接続 (Connectivity)',
      Cluster: 'クラスター (Cluster)',
      Auth: '認証・認可 (Auth)',
    },
    verdict: { pass: '合格', fail: '不合格', unknown: '不明' },
    score: 'スコア',
    overall: '総合',
    evidence: '根拠',
    missing: '不足している入力',
    fix: '対処',
    notApplicable: '対象外',
    cluster: 'クラスター',
    files: 'ファイル',
    versionTable: 'バージョン表の基準日',
    skipped: 'スキップ',
    problems: '入力の問題',
    noClusters: '入力にクラスター設定も Kubernetes オブジェクトも見つかりませんでした。',
    counts: (pass, fail, unknown) => `合格 ${pass}、不合格 ${fail}、不明 ${unknown}`,
  },
};

/** A short rendering of an evidence value. */
export function valueText(value: unknown, limit = 120): string {
  const text =
    value === undefined
      ? 'null'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Terminal columns of a text: CJK and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6))
        ? 2
        : 1;
  }
  return width;
}

/** Pads to a number of terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
