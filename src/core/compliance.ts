/**
 * Compliance with a framework: which rules serve each of its controls, and the share of checked
 * objects that pass all of them. Pure: it reads rule metadata, the benchmark tables and the
 * per-rule coverage that the engine recorded.
 */
import { CIS_SECTION5 } from '../rules/benchmarks/cis-section5.js';
import type { ScanResult } from './model.js';
import type { AnyRule } from './rule.js';

export const FRAMEWORKS = [
  'cis',
  'cis-1.12',
  'cis-1.6',
  'nsa',
  'pss-baseline',
  'pss-restricted',
  'hardening',
] as const;
export type FrameworkId = (typeof FRAMEWORKS)[number];

export function isFramework(value: string): value is FrameworkId {
  return (FRAMEWORKS as readonly string[]).includes(value);
}

export interface ControlCompliance {
  control: string;
  /** The rules that serve the control (only enabled ones have results). */
  rules: string[];
  /** Objects at least one of those rules checked. */
  objects: number;
  /** Of those, objects none of the rules reported (suppressed findings do not count). */
  passing: number;
  /** passing / objects × 100, one decimal; null when no object was checked. */
  percent: number | null;
}

export interface ComplianceReport {
  framework: FrameworkId;
  title: string;
  controls: ControlCompliance[];
  overall: {
    objects: number;
    passing: number;
    percent: number | null;
    controlsMet: number;
    controlsChecked: number;
  };
}

const TITLES: Record<FrameworkId, string> = {
  cis: 'CIS Kubernetes Benchmark v1.12, section 5 (policies)',
  'cis-1.12': 'CIS Kubernetes Benchmark v1.12, section 5 (policies)',
  'cis-1.6': 'CIS Kubernetes Benchmark v1.6, section 5 (policies)',
  nsa: 'NSA/CISA Kubernetes Hardening Guide',
  'pss-baseline': 'Pod Security Standards: baseline',
  'pss-restricted': 'Pod Security Standards: restricted',
  hardening: 'The ten manifest hardening techniques',
};

/** Control → rule ids for a framework. */
export function controlsOf(
  framework: FrameworkId,
  rules: readonly AnyRule[],
): Map<string, string[]> {
  const controls = new Map<string, string[]>();
  const add = (control: string, ruleId: string): void => {
    const list = controls.get(control);
    if (list === undefined) {
      controls.set(control, [ruleId]);
    } else if (!list.includes(ruleId)) {
      list.push(ruleId);
    }
  };
  const known = new Set(rules.map((rule) => rule.meta.id));
  if (framework === 'cis' || framework === 'cis-1.12' || framework === 'cis-1.6') {
    const table = CIS_SECTION5[framework === 'cis-1.6' ? 'cis-1.6' : 'cis-1.12'];
    for (const [ruleId, numbers] of Object.entries(table)) {
      if (known.has(ruleId)) {
        numbers.forEach((number) => {
          add(number, ruleId);
        });
      }
    }
  } else if (framework === 'pss-baseline' || framework === 'pss-restricted') {
    const levels = framework === 'pss-baseline' ? ['baseline'] : ['baseline', 'restricted'];
    for (const rule of rules) {
      const level = rule.meta.standards?.find((standard) => standard.framework === 'pss')?.control;
      if (rule.meta.id.startsWith('pss/') && level !== undefined && levels.includes(level)) {
        add(rule.meta.id, rule.meta.id);
      }
    }
  } else {
    for (const rule of rules) {
      for (const standard of rule.meta.standards ?? []) {
        if (standard.framework === framework) {
          add(standard.control, rule.meta.id);
        }
      }
    }
  }
  return controls;
}

function compareControls(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  if (left.every(Number.isFinite) && right.every(Number.isFinite)) {
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) {
        return difference;
      }
    }
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const percentOf = (passing: number, objects: number): number | null =>
  objects === 0 ? null : Math.round((passing / objects) * 1000) / 10;

/** Computes compliance from a scan that recorded coverage. */
export function complianceOf(
  framework: FrameworkId,
  rules: readonly AnyRule[],
  result: ScanResult,
): ComplianceReport {
  const coverage = result.coverage ?? {};
  const controls: ControlCompliance[] = [];
  let objects = 0;
  let passing = 0;
  let controlsMet = 0;
  let controlsChecked = 0;
  for (const [control, ruleIds] of [...controlsOf(framework, rules)].sort(([a], [b]) =>
    compareControls(a, b),
  )) {
    const checked = new Set<string>();
    const failing = new Set<string>();
    for (const ruleId of ruleIds) {
      coverage[ruleId]?.checked.forEach((key) => checked.add(key));
      coverage[ruleId]?.failing.forEach((key) => failing.add(key));
    }
    const pass = checked.size - failing.size;
    controls.push({
      control,
      rules: ruleIds.sort(),
      objects: checked.size,
      passing: pass,
      percent: percentOf(pass, checked.size),
    });
    objects += checked.size;
    passing += pass;
    if (checked.size > 0) {
      controlsChecked++;
      if (failing.size === 0) {
        controlsMet++;
      }
    }
  }
  return {
    framework,
    title: TITLES[framework],
    controls,
    overall: {
      objects,
      passing,
      percent: percentOf(passing, objects),
      controlsMet,
      controlsChecked,
    },
  };
}
