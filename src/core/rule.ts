/**
 * The rule contract. A rule is one module: metadata plus a pure, synchronous check. The engine
 * calls the check once per target (a workload's pod spec, or a resource of the rule's kinds) and
 * turns what it reports into findings.
 */
import type { Config } from './config.js';
import type { LocalizedText, Resource, Severity } from './model.js';
import type { Workload } from './workload.js';

/** What a rule looks at. */
export type RuleTarget = 'workload' | 'resource';

/** A reference to a standard's control that a rule serves. */
export interface StandardRef {
  framework: 'cis' | 'nsa' | 'pss' | 'hardening';
  control: string;
}

export interface RuleMeta<MessageId extends string = string, Options = Record<string, never>> {
  /** Stable id `family/slug`; never changes. */
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  remediation: LocalizedText;
  severity: Severity;
  category: string;
  /** Links for further reading. */
  references: readonly string[];
  standards?: readonly StandardRef[];
  /**
   * Kinds this rule reads through `context.index`. Such a rule runs after all input has been
   * read, and the engine keeps resources of these kinds in memory.
   */
  indexKinds?: readonly string[];
  /**
   * The rule also reads `context.index.workloads`: every object of the input that creates pods,
   * whatever its kind (the built-in workload kinds but PodTemplate, and the kinds the
   * configuration maps to a pod template). Such a rule runs after all input has been read too.
   */
  indexWorkloads?: boolean;
  /**
   * Of the objects the rule indexes, those it needs; the others are not kept, so that memory
   * stays flat on long inputs. `workload` is the object's pod template when it has one.
   * Default: all of them.
   */
  indexFilter?: (resource: Resource, workload: Workload | undefined) => boolean;
  /** Off unless the configuration turns it on. */
  disabledByDefault?: boolean;
  /** Message templates with `{{placeholder}}` fields, per message id. */
  messages: Readonly<Record<MessageId, LocalizedText>>;
  /**
   * Severities of particular messages that differ from `severity` (for example advice that is
   * less urgent than the rule's main finding). A severity set in the configuration applies to
   * every message of the rule and wins over these.
   */
  messageSeverities?: Readonly<Partial<Record<MessageId, Severity>>>;
  defaultOptions: Options;
  /**
   * Settings this rule takes from the shared sections of the configuration (for example the
   * `pss` levels): whether it is enabled, its severity and options. An entry for the rule under
   * `rules:` wins for each key it sets; options merge as defaultOptions < these < configured.
   */
  configDefaults?: (config: Config) => {
    enabled?: boolean;
    severity?: Severity;
    options?: Partial<Options>;
  };
  /** Checks user options; returns one message per problem. */
  validateOptions?: (options: Record<string, unknown>) => string[];
}

/** What a check reports: the engine adds rule id, severity, position and fingerprint. */
export interface Report<MessageId extends string = string> {
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  /** RFC 6901 pointer into the resource's object; the deepest existing field is located. */
  pointer: string;
  /** The container concerned, if any (used for per-container suppressions). */
  container?: string;
}

/** Read-only view of every resource in the scan, for rules that relate objects to each other. */
export interface ResourceIndex {
  ofKind(kind: string): readonly Resource[];
  readonly all: readonly Resource[];
  /**
   * The indexed objects that create pods, with their pod templates as the engine read them (the
   * configuration's custom workload kinds included), in input order.
   */
  readonly workloads: readonly Workload[];
}

/** Whether a rule reads other objects through its index (and so runs once the input is read). */
export function readsIndex(rule: {
  meta: Pick<RuleMeta<string, object>, 'indexKinds' | 'indexWorkloads'>;
}): boolean {
  return rule.meta.indexKinds !== undefined || rule.meta.indexWorkloads === true;
}

/**
 * Whether a workload creates pods: a PodTemplate only describes them, for others to create.
 * Rules that relate pods to other objects (selectors, service accounts) look only at these.
 */
export function createsPods(workload: Workload): boolean {
  return workload.resource.object.kind !== 'PodTemplate';
}

export interface RuleContext<MessageId extends string, Options> {
  readonly options: Options;
  readonly index: ResourceIndex;
  /**
   * For a resource rule, the workload of the resource being checked when it is one (its pod
   * template, type-checked, with the configuration's custom workload kinds), as the engine
   * extracted it once for all rules.
   */
  readonly workload?: Workload | undefined;
  report(report: Report<MessageId>): void;
}

interface RuleBase<MessageId extends string, Options> {
  meta: RuleMeta<MessageId, Options>;
}

export interface WorkloadRule<
  MessageId extends string = string,
  Options = Record<string, never>,
> extends RuleBase<MessageId, Options> {
  target: 'workload';
  check(workload: Workload, context: RuleContext<MessageId, Options>): void;
}

export interface ResourceRule<
  MessageId extends string = string,
  Options = Record<string, never>,
> extends RuleBase<MessageId, Options> {
  target: 'resource';
  /** Kinds the rule inspects, e.g. `['Service']`. */
  kinds: readonly string[];
  /**
   * The rule also inspects every workload: the built-in workload kinds and those the
   * configuration maps to a pod template (`workloadKinds`), with `context.workload` set.
   */
  workloads?: boolean;
  /**
   * The rule reads only an object's header: `apiVersion`, `kind`, `metadata.name` and
   * `metadata.namespace`. Sources may then skip decoding the body of objects of its kinds (for
   * example megabytes of CustomResourceDefinition schema) and check only their syntax.
   */
  headerOnly?: boolean;
  check(resource: Resource, context: RuleContext<MessageId, Options>): void;
}

export type Rule<MessageId extends string = string, Options = Record<string, never>> =
  WorkloadRule<MessageId, Options> | ResourceRule<MessageId, Options>;

/**
 * A rule with its message ids and options erased, as the engine and the registry hold it.
 * The generic parameters of the rule are checked where it is defined.
 */
export type AnyRule = Rule<string, object>;

/** Identity helper that checks a workload rule's types where it is written. */
export function defineWorkloadRule<
  MessageId extends string,
  Options extends object = Record<string, never>,
>(rule: Omit<WorkloadRule<MessageId, Options>, 'target'>): AnyRule {
  return { ...rule, target: 'workload' } as unknown as AnyRule;
}

/** Identity helper that checks a resource rule's types where it is written. */
export function defineResourceRule<
  MessageId extends string,
  Options extends object = Record<string, never>,
>(rule: Omit<ResourceRule<MessageId, Options>, 'target'>): AnyRule {
  return { ...rule, target: 'resource' } as unknown as AnyRule;
}

/** Fills `{{name}}` placeholders in a message template. */
export function renderTemplate(
  template: string,
  data: Readonly<Record<string, string | number>> | undefined,
): string {
  // Templates are few and findings many: split each template once into text and placeholders.
  let parts = compiledTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/(\{\{\s*(\w+)\s*\}\})/);
    compiledTemplates.set(template, parts);
  }
  let out = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 3) {
    const value = data?.[parts[index + 1] ?? ''];
    out += value === undefined ? (parts[index] ?? '') : String(value);
    out += parts[index + 2] ?? '';
  }
  return out;
}

/** Templates split at their placeholders: text, placeholder, key, text, placeholder, key, …, text. */
const compiledTemplates = new Map<string, string[]>();
