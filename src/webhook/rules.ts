/**
 * mamori rules at admission: the rules bound to a namespace (enforce, warn or audit) run on the
 * admitted object through the same engine as `mamori scan`.
 */
import { DEFAULT_CONFIG, type Config } from '../core/config.js';
import { Engine } from '../core/engine.js';
import type { KubeObject } from '../core/k8s.js';
import type { Resource } from '../core/model.js';
import { RULES } from '../rules/index.js';
import type { RuleBinding } from './config.js';

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface RuleResults {
  enforce: string[];
  warn: string[];
  audit: string[];
}

function bindingApplies(binding: RuleBinding, namespace: string): boolean {
  return binding.namespaces === undefined || binding.namespaces.includes(namespace);
}

/** Runs the mamori rules bound for this namespace on the admitted object. */
export function runRules(
  object: KubeObject,
  namespace: string,
  bindings: readonly RuleBinding[],
  today: string,
): RuleResults {
  const results: RuleResults = { enforce: [], warn: [], audit: [] };
  const active = bindings.filter((binding) => bindingApplies(binding, namespace));
  if (active.length === 0) {
    return results;
  }
  const modeOf = new Map(active.map((binding) => [binding.id, binding.mode]));
  const config: Config = { ...DEFAULT_CONFIG, rules: {} };
  for (const id of modeOf.keys()) {
    config.rules[id] = { enabled: true };
  }
  const rules = RULES.filter((rule) => modeOf.has(rule.meta.id));
  const engine = new Engine(rules, { config, lang: 'en', today });
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const resource: Resource = {
    object,
    ref: {
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace,
      name: str(metadata.name) ?? str(metadata.generateName) ?? '',
    },
    file: '<admission>',
    documentIndex: 0,
    position: { line: 1, column: 1 },
  };
  engine.scan(resource);
  const output = engine.finish();
  const crashed = output.problems.find((problem) => problem.code === 'RULE_CRASHED');
  if (crashed !== undefined) {
    throw new Error(crashed.message);
  }
  for (const finding of output.findings) {
    const mode = modeOf.get(finding.ruleId);
    if (mode !== undefined && finding.suppression === undefined) {
      results[mode].push(`mamori ${finding.ruleId}: ${finding.message}`);
    }
  }
  return results;
}
