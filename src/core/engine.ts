/**
 * The rule engine: runs every enabled rule over each resource and workload, isolates rule
 * crashes, applies configuration (severity, options, exclusions) and suppressions, and locates
 * findings in the source.
 */
import { unknownKindMessage } from './api-kinds.js';
import type { Config } from './config.js';
import { fingerprintOf } from './fingerprint.js';
import type { ObjectMeta } from './k8s.js';
import type {
  Finding,
  Language,
  Problem,
  ProblemCode,
  Resource,
  ResourceRef,
  Severity,
  SourcePosition,
} from './model.js';
import {
  createsPods,
  readsIndex,
  renderTemplate,
  type AnyRule,
  type Report,
  type RuleContext,
} from './rule.js';
import { ByKind, EMPTY_INDEX, GrowingIndex } from './resource-index.js';
import { annotationVerdict, exceptionFor } from './suppressions.js';
import type { TypeProblem } from './sanitize.js';
import {
  BUILTIN_POD_TEMPLATE_PATHS,
  existingPrefix,
  workloadOf,
  type Workload,
} from './workload.js';

export interface EngineOptions {
  config: Config;
  lang: Language;
  /** Today's date, YYYY-MM-DD, for exception expiry. */
  today: string;
  /**
   * Which rules to run: `all` (default); `immediate`, the rules that need no other objects
   * (a parallel worker); or `deferred`, the rules that read the index (after the workers).
   */
  phase?: 'all' | 'immediate' | 'deferred';
  /** Record which objects each rule checked and failed, for compliance reports. */
  trackCoverage?: boolean;
}

/** A rule as configured for this run. */
interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  options: object;
  /**
   * What the rule's check is given; made on first use, then the same for every resource (only
   * its workload changes).
   */
  context?: { -readonly [K in keyof RuleContext<string, object>]: RuleContext<string, object>[K] };
}

/** Notes for the user that are neither findings nor errors (expired exceptions and the like). */
export interface Notice {
  message: string;
  file?: string;
  line?: number;
}

export interface EngineOutput {
  findings: Finding[];
  problems: Problem[];
  notices: Notice[];
  /** With `trackCoverage`: per rule, the objects it checked and those it failed. */
  coverage?: Coverage;
}

/** Per rule id, keys of the objects it checked and of those with unsuppressed findings. */
export type Coverage = Record<string, { checked: string[]; failing: string[] }>;

/** Identifies one object of the input for coverage: its file, document and list position. */
export function objectKey(resource: Resource): string {
  return `${resource.file}\u0000${resource.documentIndex}\u0000${resource.pointerPrefix ?? ''}`;
}

/** Adds one coverage record into another. */
export function mergeCoverage(into: Coverage, from: Coverage | undefined): void {
  for (const [ruleId, entry] of Object.entries(from ?? {})) {
    const target = (into[ruleId] ??= { checked: [], failing: [] });
    target.checked.push(...entry.checked);
    target.failing.push(...entry.failing);
  }
}

/** Locates a pointer, falling back to its nearest existing ancestor and then the object itself. */
export function locatePointer(resource: Resource, pointer: string): SourcePosition {
  const prefix = resource.pointerPrefix ?? '';
  if (resource.locate !== undefined) {
    // Most documents were decoded with their positions noted: one walk answers.
    const deepest = resource.locate.deepest?.(prefix, resource.object, pointer);
    if (deepest !== undefined) {
      return deepest ?? resource.position;
    }
    // Asking the object first spares the source locator one question per missing level.
    let current = existingPrefix(resource.object, pointer);
    for (;;) {
      const position = resource.locate(prefix + current);
      if (position !== undefined) {
        return position;
      }
      if (current === '') {
        break;
      }
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }
  return resource.position;
}

/** Validates the configuration's rule options against each rule; returns messages with paths. */
export function activeRules(
  rules: readonly AnyRule[],
  config: Config,
): { active: ActiveRule[]; issues: string[] } {
  const active: ActiveRule[] = [];
  const issues: string[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    const derived = rule.meta.configDefaults?.(config);
    const enabled = setting?.enabled ?? derived?.enabled ?? rule.meta.disabledByDefault !== true;
    const options = {
      ...rule.meta.defaultOptions,
      ...derived?.options,
      ...(setting?.options ?? {}),
    };
    if (setting?.options !== undefined) {
      const known = Object.keys(rule.meta.defaultOptions);
      for (const key of Object.keys(setting.options)) {
        if (!known.includes(key)) {
          issues.push(
            `rules.${rule.meta.id}.options.${key}: unknown option; expected one of: ${known.join(', ') || '(none)'}`,
          );
        }
      }
      for (const message of rule.meta.validateOptions?.(options) ?? []) {
        issues.push(`rules.${rule.meta.id}.options: ${message}`);
      }
    }
    if (enabled) {
      active.push({
        rule,
        severity: setting?.severity ?? derived?.severity ?? rule.meta.severity,
        options,
      });
    }
  }
  return { active, issues };
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? `${error.name}: ${error.message}`;
  }
  return String(error);
}

/**
 * Scans resources as they stream in, so memory stays flat with input size. Rules that read other
 * objects (`meta.indexKinds`, `meta.indexWorkloads`) run in {@link Engine.finish}, once the index
 * is complete; only the resources those rules need are kept until then.
 */
export class Engine {
  readonly #options: EngineOptions;
  readonly #immediate: readonly ActiveRule[];
  readonly #deferred: readonly ActiveRule[];
  /** The rules that read other objects, whichever phase this engine runs. */
  readonly #laterRules: readonly AnyRule[];
  readonly #index = new GrowingIndex();
  readonly #pending: { resource: Resource; workload: Workload | undefined }[] = [];
  readonly #output: EngineOutput = { findings: [], problems: [], notices: [] };
  readonly #excludedNamespaces: ReadonlySet<string>;
  readonly #excludedKinds: ReadonlySet<string>;
  /** Kinds whose body some active rule reads (beyond apiVersion, kind, name and namespace). */
  readonly #bodyKinds: ReadonlySet<string>;

  constructor(rules: readonly AnyRule[], options: EngineOptions) {
    this.#options = options;
    const { active } = activeRules(rules, options.config);
    const phase = options.phase ?? 'all';
    this.#immediate = phase === 'deferred' ? [] : active.filter((entry) => !readsIndex(entry.rule));
    this.#deferred = phase === 'immediate' ? [] : active.filter((entry) => readsIndex(entry.rule));
    // In the immediate phase the deferred rules still decide what must be kept for later.
    this.#laterRules = active.filter((entry) => readsIndex(entry.rule)).map((entry) => entry.rule);
    this.#excludedNamespaces = new Set(options.config.exclude.namespaces);
    this.#excludedKinds = new Set(options.config.exclude.kinds);
    this.#bodyKinds = new Set([
      ...Object.keys(BUILTIN_POD_TEMPLATE_PATHS),
      ...Object.keys(options.config.workloadKinds),
      ...active.flatMap((entry) => [
        ...(entry.rule.target === 'resource' && entry.rule.headerOnly !== true
          ? entry.rule.kinds
          : []),
        ...(entry.rule.meta.indexKinds ?? []),
      ]),
    ]);
  }

  /**
   * Whether any active rule reads more of an object of this kind than its apiVersion, kind, name
   * and namespace. When none does, a source may check the object's syntax without decoding it,
   * and hand over just that header. Lists always need their items.
   */
  needsBody(kind: string): boolean {
    return this.#bodyKinds.has(kind) || kind.endsWith('List');
  }

  /**
   * What the rules that read other objects want of this resource: whether one of them checks it
   * (it targets the resource's kind, or workloads), and whether one keeps it in its index. Which
   * rules may do either is worked out once per kind; only index filters look at each object.
   */
  #laterNeeds(
    resource: Resource,
    workload: Workload | undefined,
  ): { targeted: boolean; indexed: boolean } {
    const kind = resource.object.kind;
    const later = this.#laterByKind.get(kind, workload !== undefined, () => ({
      targeted: this.#laterRules.some((rule) => applies(rule, resource, workload)),
      indexing: this.#laterRules.filter(
        (rule) =>
          rule.meta.indexKinds?.includes(kind) === true ||
          (rule.meta.indexWorkloads === true && workload !== undefined && createsPods(workload)),
      ),
    }));
    return {
      targeted: later.targeted,
      indexed: later.indexing.some(
        (rule) => rule.meta.indexFilter === undefined || rule.meta.indexFilter(resource, workload),
      ),
    };
  }

  readonly #laterByKind = new ByKind<{ targeted: boolean; indexing: readonly AnyRule[] }>();

  /** Whether the configuration excludes this resource from the scan. */
  excludes(resource: Resource): boolean {
    return (
      this.#excludedKinds.has(resource.ref.kind) ||
      (resource.ref.namespace !== undefined && this.#excludedNamespaces.has(resource.ref.namespace))
    );
  }

  /**
   * Runs the rules that need no other objects on one resource, and keeps it if this engine's
   * later rules need it. Returns whether the cross-object rules need it at all (for a parallel
   * worker, which runs none of them and sends such resources back).
   */
  scan(resource: Resource): boolean {
    const typeProblems: TypeProblem[] = [];
    const workload = workloadOf(resource, this.#options.config.workloadKinds, typeProblems);
    // Type problems are reported once: by the phase that sees the resource first.
    const reportTypes = (this.#options.phase ?? 'all') !== 'deferred';
    for (const problem of reportTypes ? typeProblems : []) {
      this.#problem(
        resource,
        'INVALID_TYPE',
        `${problem.pointer.slice(1).replace(/\//g, '.')}: expected ${problem.expected}, got ${problem.actual}`,
        locatePointer(resource, problem.pointer),
      );
    }
    const unknown = reportTypes
      ? unknownKindMessage(resource.ref.apiVersion, resource.ref.kind)
      : undefined;
    if (unknown !== undefined) {
      this.#problem(resource, 'UNKNOWN_KIND', unknown, locatePointer(resource, '/kind'));
    }
    this.#run(this.#immediate, resource, workload);
    const { targeted, indexed } = this.#laterNeeds(resource, workload);
    // An engine of the immediate phase runs no later rule: a worker sends such resources back.
    if (this.#deferred.length > 0) {
      if (indexed) {
        this.#index.add(resource, workload);
      }
      if (targeted) {
        this.#pending.push({ resource, workload });
      }
    }
    return targeted || indexed;
  }

  /** Reports a problem with a resource, at a position in it (and the rule that crashed). */
  #problem(
    resource: Resource,
    code: ProblemCode,
    message: string,
    position: SourcePosition,
    ruleId?: string,
  ): void {
    const problem: Problem = {
      code,
      message,
      file: resource.file,
      line: position.line,
      column: position.column,
      resource: resource.ref,
    };
    if (ruleId !== undefined) {
      problem.ruleId = ruleId;
    }
    if (resource.template !== undefined) {
      problem.template = resource.template;
    }
    this.#output.problems.push(problem);
  }

  /** Runs the rules that read other objects, now that every resource has been seen. */
  finish(): EngineOutput {
    for (const { resource, workload } of this.#pending.splice(0)) {
      this.#run(this.#deferred, resource, workload);
    }
    return this.#output;
  }

  /** Of `rules`, those that apply to a kind (a workload or not), worked out once per kind. */
  readonly #applicable = new Map<readonly ActiveRule[], ByKind<readonly ActiveRule[]>>();

  #rulesFor(
    rules: readonly ActiveRule[],
    resource: Resource,
    workload: Workload | undefined,
  ): readonly ActiveRule[] {
    let byKind = this.#applicable.get(rules);
    if (byKind === undefined) {
      byKind = new ByKind();
      this.#applicable.set(rules, byKind);
    }
    return byKind.get(resource.object.kind, workload !== undefined, () =>
      rules.filter((active) => applies(active.rule, resource, workload)),
    );
  }

  /** The reports of the rule running now; emptied before each rule. */
  readonly #reports: Report[] = [];
  readonly #collect = (report: Report): void => {
    this.#reports.push(report);
  };

  #run(rules: readonly ActiveRule[], resource: Resource, workload: Workload | undefined): void {
    const reports = this.#reports;
    for (const active of this.#rulesFor(rules, resource, workload)) {
      const { rule } = active;
      // Most checks report nothing: setting an array's length is not free, so only when needed.
      if (reports.length !== 0) {
        reports.length = 0;
      }
      const context = (active.context ??= {
        options: active.options,
        // Only the rules that read other objects see them, once the input is complete: the
        // others get an empty index, so that nothing they say depends on the input's order.
        index: readsIndex(active.rule) ? this.#index : EMPTY_INDEX,
        workload: undefined,
        report: this.#collect,
      });
      try {
        if (rule.target === 'workload') {
          rule.check(workload as Workload, context);
        } else {
          context.workload = workload;
          rule.check(resource, context);
        }
      } catch (error) {
        this.#problem(
          resource,
          'RULE_CRASHED',
          `rule ${rule.meta.id} failed on ${resource.ref.kind}/${resource.ref.name}: ${describeError(error)}`,
          resource.position,
          rule.meta.id,
        );
        continue;
      }
      let failed = false;
      for (let index = 0; index < reports.length; index++) {
        const report = reports[index] as Report;
        const finding = this.#toFinding(active, resource, workload?.podMeta, report);
        failed ||= finding.suppression === undefined;
        this.#output.findings.push(finding);
      }
      if (this.#options.trackCoverage === true) {
        const coverage = (this.#output.coverage ??= {});
        const entry = (coverage[rule.meta.id] ??= { checked: [], failing: [] });
        const key = objectKey(resource);
        entry.checked.push(key);
        if (failed) {
          entry.failing.push(key);
        }
      }
    }
  }

  #toFinding(
    active: ActiveRule,
    resource: Resource,
    podMeta: ObjectMeta | undefined,
    report: Report,
  ): Finding {
    const { rule } = active;
    const { lang, config, today } = this.#options;
    const template = rule.meta.messages[report.messageId];
    let message =
      template === undefined ? report.messageId : renderTemplate(template[lang], report.data);
    const position = locatePointer(resource, report.pointer);
    const ref: ResourceRef = resource.ref;
    // A severity from the configuration applies to every message; otherwise a message may have its own.
    const severityConfigured =
      config.rules[rule.meta.id]?.severity !== undefined || active.severity !== rule.meta.severity;
    const finding: Finding = {
      ruleId: rule.meta.id,
      severity: severityConfigured
        ? active.severity
        : (rule.meta.messageSeverities?.[report.messageId] ?? active.severity),
      title: rule.meta.title[lang],
      message,
      resource: ref,
      file: resource.file,
      line: position.line,
      column: position.column,
      pointer: report.pointer,
      fingerprint: fingerprintOf(rule.meta.id, ref, report.container, report.pointer),
      objectLine: resource.position.line,
    };
    if (resource.template !== undefined) {
      finding.template = resource.template;
    }
    if (report.container !== undefined) {
      finding.container = report.container;
    }
    const verdict = annotationVerdict(
      [resource.object.metadata, podMeta],
      rule.meta.id,
      report.container,
      config.strict,
    );
    if (verdict.kind === 'suppressed') {
      finding.suppression = verdict.suppression;
      return finding;
    }
    if (verdict.kind === 'missing-reason') {
      message +=
        lang === 'ja'
          ? '（mamori.dev/ignore-reason がないため抑制は無効です）'
          : ' (suppression ignored: mamori.dev/ignore-reason is missing)';
    } else if (verdict.kind === 'strict') {
      message +=
        lang === 'ja'
          ? '（strict モードのため注釈による抑制は無効です）'
          : ' (suppression ignored: annotations cannot suppress in strict mode)';
    }
    // Most configurations have no exceptions: no subject is made for every finding then.
    const exception =
      config.exceptions.length === 0
        ? {}
        : exceptionFor(
            config,
            {
              ruleId: rule.meta.id,
              kind: ref.kind,
              namespace: ref.namespace,
              name: ref.name,
              container: report.container,
            },
            today,
          );
    if (exception.suppression !== undefined) {
      finding.suppression = exception.suppression;
    } else if (exception.expired !== undefined) {
      message +=
        lang === 'ja'
          ? `（例外は ${exception.expired.expires ?? ''} に期限切れ）`
          : ` (exception expired on ${exception.expired.expires ?? ''})`;
    }
    finding.message = message;
    return finding;
  }
}

function applies(rule: AnyRule, resource: Resource, workload: Workload | undefined): boolean {
  return rule.target === 'workload'
    ? workload !== undefined
    : rule.kinds.includes(resource.object.kind) ||
        (rule.workloads === true && workload !== undefined);
}
