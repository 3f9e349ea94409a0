/**
 * `mamori pss`: evaluates every workload in the manifests against the Pod Security Standards as
 * Pod Security Admission would, in the namespaces the manifests define, and suggests namespace
 * labels. The JSON format is documented in docs/pss.md and is stable.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config.js';
import { locatePointer } from '../../core/engine.js';
import type { Problem, Resource } from '../../core/model.js';
import { sanitizeObjectMeta, type TypeProblem } from '../../core/sanitize.js';
import { workloadOf } from '../../core/workload.js';
import {
  LABEL_PREFIX,
  buildPssReport,
  levelVersionString,
  parsePolicyVersion,
  renderPssTable,
  resolveNamespacePolicy,
  suggestLabels,
} from '../../pss/index.js';
import type {
  LabelSuggestions,
  PssAdmission,
  PssNamespace,
  PssReportOptions,
  PssReportRow,
  PssWorkload,
} from '../../pss/index.js';
import {
  DEFAULT_READ_OPTIONS,
  decodeBytes,
  decodeText,
  expandPaths,
  readManifestFile,
  type InputOutcome,
} from '../../sources/files.js';
import { renderKustomization } from '../../sources/kustomize.js';
import { loadRuleConfig } from '../config-file.js';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../io.js';

const HELP = `Usage: mamori pss [options] <path...|->

Evaluates the workloads in Kubernetes manifests (Pods, pod controllers and other kinds with a
pod template) against the Pod Security Standards, exactly as Pod Security Admission does.
Namespaces in the input decide, through their pod-security.kubernetes.io labels, how their
workloads are evaluated; the output then shows what the API server would do on create.

Options:
      --level <level>      evaluate every workload at baseline or restricted (default: the
                           enforce label of its namespace in the input, else restricted)
      --version <version>  policy version: latest or v1.N, e.g. v1.30 (default: the namespace's
                           enforce-version label, else latest)
  -f, --format <fmt>       table (default) or json (see docs/pss.md)
      --suggest-labels     per namespace, the strictest level all its workloads meet, as
                           kubectl label commands and as Namespace YAML
  -n, --namespace <ns>     namespace of objects that name none (default: default)
  -c, --config <file>      configuration file (default: mamori.yaml found upward); its
                           workloadKinds and exclude settings apply
  -h, --help               show this help

Exit codes: 0 every workload allowed, 1 a workload denied at its evaluated level,
2 usage or input error (the other documents are still evaluated).
`;

/** What the input held: workloads and namespaces to evaluate, and the errors met. */
interface Input {
  workloads: PssWorkload[];
  namespaces: (PssNamespace & { file: string; line: number })[];
  problems: Problem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a decoded resource into a workload or a namespace, reporting fields of the wrong type. */
function collect(resource: Resource, config: Config, input: Input): void {
  const ref = resource.ref;
  if (config.exclude.kinds.includes(ref.kind)) {
    return;
  }
  if (ref.namespace !== undefined && config.exclude.namespaces.includes(ref.namespace)) {
    return;
  }
  const typeProblems: TypeProblem[] = [];
  if (ref.kind === 'Namespace' && ref.apiVersion === 'v1') {
    const metadata = sanitizeObjectMeta(resource.object.metadata ?? {}, '/metadata', typeProblems);
    const namespace = {
      name: metadata?.name ?? '',
      file: resource.file,
      line: resource.position.line,
    };
    input.namespaces.push(
      metadata?.labels === undefined ? namespace : { ...namespace, labels: metadata.labels },
    );
  } else {
    const workload = workloadOf(resource, config.workloadKinds, typeProblems);
    if (workload !== undefined) {
      const metadata = isRecord(resource.object.metadata) ? resource.object.metadata : {};
      const entry: PssWorkload = {
        kind: ref.kind,
        apiVersion: ref.apiVersion,
        name: typeof metadata.name === 'string' ? metadata.name : '',
        file: resource.file,
        line: resource.position.line,
        podMetadata: workload.podMeta,
        podSpec: workload.podSpec,
      };
      if (ref.namespace !== undefined) {
        entry.namespace = ref.namespace;
      }
      input.workloads.push(entry);
    }
  }
  for (const problem of typeProblems) {
    const position = locatePointer(resource, problem.pointer);
    input.problems.push({
      code: 'INVALID_TYPE',
      message: `${problem.pointer.slice(1).replace(/\//g, '.')}: expected ${problem.expected}, got ${problem.actual}`,
      file: resource.file,
      line: position.line,
      column: position.column,
      resource: ref,
    });
  }
}

/** Reads the inputs in the order given: files, directories, kustomizations and `-`. */
async function readInputs(paths: readonly string[], config: Config, io: CliIO): Promise<Input> {
  const input: Input = { workloads: [], namespaces: [], problems: [] };
  const sink = (resource: Resource): void => {
    collect(resource, config, input);
  };
  const add = (outcome: InputOutcome): void => {
    input.problems.push(...outcome.problems);
  };
  for (const path of paths) {
    if (path === '-') {
      add(decodeBytes(await io.readStdin(), '<stdin>', false, DEFAULT_READ_OPTIONS, sink));
      continue;
    }
    for (const entry of expandPaths([path], { exclude: config.exclude.paths, kustomize: 'auto' })) {
      if (entry.kind === 'file') {
        add(readManifestFile(entry.path, DEFAULT_READ_OPTIONS, sink));
      } else if (entry.kind === 'kustomize') {
        const rendered = renderKustomization(entry.path, io.env.PATH);
        if (rendered.ok) {
          add(decodeText(rendered.text, entry.path, false, DEFAULT_READ_OPTIONS.limits, sink));
        } else {
          input.problems.push({ code: 'KUSTOMIZE', file: entry.path, message: rendered.message });
        }
      } else if (entry.kind === 'problem') {
        input.problems.push(entry.problem);
      }
    }
  }
  return input;
}

// ---------------------------------------------------------------------------------------------
// JSON (documented in docs/pss.md: keep it in step)
// ---------------------------------------------------------------------------------------------

function admissionJson(admission: PssAdmission) {
  return {
    policy: admission.policy,
    labelErrors: admission.labelErrors,
    allowed: admission.allowed,
    error: admission.error ?? null,
    warnings: admission.warnings,
    auditAnnotations: admission.auditAnnotations,
    modes: admission.modes.map((mode) => ({
      mode: mode.mode,
      policy: mode.policy,
      allowed: mode.evaluation.allowed,
      violations: mode.evaluation.violations.map(violationJson),
    })),
  };
}

function violationJson(violation: { check: string; reason: string; detail: string }) {
  return { check: violation.check, reason: violation.reason, detail: violation.detail };
}

function rowJson(row: PssReportRow) {
  return {
    file: row.file,
    line: row.line,
    kind: row.kind,
    apiVersion: row.apiVersion,
    namespace: row.namespace,
    name: row.name,
    level: row.level,
    version: row.version,
    levelSource: row.levelSource,
    allowed: row.allowed,
    message: row.message ?? null,
    violations: row.violations.map(violationJson),
    highestLevel: row.highestLevel,
    psaResource: row.psaResource ?? null,
    admission: row.admission === undefined ? null : admissionJson(row.admission),
  };
}

function namespaceJson(namespace: Input['namespaces'][number]) {
  const { policy, errors } = resolveNamespacePolicy(namespace.labels);
  const labels = Object.fromEntries(
    Object.entries(namespace.labels ?? {}).filter(([key]) => key.startsWith(LABEL_PREFIX)),
  );
  return {
    name: namespace.name,
    file: namespace.file,
    line: namespace.line,
    labels,
    policy: {
      enforce: levelVersionString(policy.enforce),
      audit: levelVersionString(policy.audit),
      warn: levelVersionString(policy.warn),
    },
    labelErrors: errors.map((error) => error.message),
  };
}

function suggestionsJson(suggestions: LabelSuggestions) {
  return {
    namespaces: suggestions.namespaces.map((s) => ({
      namespace: s.namespace,
      level: s.level,
      version: s.version,
      workloads: s.workloads,
      limitedBy: s.limitedBy,
      currentEnforce: s.currentEnforce ?? null,
      command: s.command,
    })),
    commands: suggestions.commands,
    yaml: suggestions.yaml,
  };
}

function problemJson(problem: Problem) {
  return {
    code: problem.code,
    file: problem.file,
    line: problem.line ?? null,
    column: problem.column ?? null,
    message: problem.message,
  };
}

// ---------------------------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------------------------

/** The messages behind the table: denials, and what the namespace's admission would say. */
function details(rows: readonly PssReportRow[]): string {
  const blocks: string[] = [];
  for (const row of rows) {
    const lines: string[] = [];
    if (row.message !== undefined) {
      lines.push(`  ${row.message}`);
    }
    const admission = row.admission;
    if (admission !== undefined) {
      const { enforce, audit, warn } = admission.policy;
      const policy = `enforce=${enforce}, audit=${audit}, warn=${warn}`;
      const notes = [
        ...admission.labelErrors.map((error) => `label error: ${error}`),
        ...(admission.error === undefined ? [] : [`denied: ${admission.error}`]),
        ...admission.warnings.map((warning) => `warning: ${warning}`),
        ...Object.entries(admission.auditAnnotations)
          .filter(([key]) => key.endsWith('/audit-violations'))
          .map(([, value]) => `audit: ${value}`),
      ];
      if (notes.length > 0) {
        lines.push(`  namespace ${row.namespace} (${policy}):`, ...notes.map((n) => `    ${n}`));
      }
    }
    if (lines.length > 0) {
      const name = `${row.namespace}/${row.name}`;
      blocks.push([`${row.file}:${row.line} ${row.kind} ${name}`, ...lines].join('\n'));
    }
  }
  return blocks.length === 0 ? '' : `\n${blocks.join('\n\n')}\n`;
}

function tableOutput(rows: readonly PssReportRow[], suggestions?: LabelSuggestions): string {
  let text = rows.length === 0 ? 'No workloads found.\n' : renderPssTable(rows) + details(rows);
  if (rows.length > 0) {
    const denied = rows.filter((row) => !row.allowed).length;
    const noun = rows.length === 1 ? 'workload' : 'workloads';
    text += `\n${rows.length} ${noun}: ${rows.length - denied} allowed, ${denied} denied.\n`;
  }
  if (suggestions !== undefined && suggestions.commands.length > 0) {
    text += `\nSuggested namespace labels (the strictest level all workloads meet):\n\n`;
    text += suggestions.commands.map((command) => `${command}\n`).join('');
    text += `\n${suggestions.yaml}`;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        level: { type: 'string' },
        version: { type: 'string' },
        format: { type: 'string', short: 'f' },
        'suggest-labels': { type: 'boolean' },
        namespace: { type: 'string', short: 'n' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  const level = values.level;
  if (level !== undefined && level !== 'baseline' && level !== 'restricted') {
    throw new UsageError(`--level must be baseline or restricted, not "${level}"`);
  }
  const version = values.version;
  if (version !== undefined && !parsePolicyVersion(version).ok) {
    throw new UsageError(`--version must be "latest" or "v1.N" (e.g. v1.30), not "${version}"`);
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`unknown format "${format}"; expected table or json`);
  }
  if (values.namespace === '') {
    throw new UsageError('--namespace must not be empty');
  }
  if (positionals.length === 0) {
    throw new UsageError('no input: give files, directories, or - for standard input');
  }

  const config = loadRuleConfig(
    values.config,
    io,
    'mamori pss: the configuration is invalid; nothing was evaluated.',
  );
  if (config === undefined) {
    return EXIT.ERROR;
  }

  const input = await readInputs(positionals, config, io);
  const options: PssReportOptions = {};
  if (level !== undefined) {
    options.level = level;
  }
  if (version !== undefined) {
    options.version = version;
  }
  if (values.namespace !== undefined) {
    options.defaultNamespace = values.namespace;
  }
  const rows = buildPssReport(input.workloads, input.namespaces, options);
  const suggestions =
    values['suggest-labels'] === true
      ? suggestLabels(input.workloads, input.namespaces, options)
      : undefined;

  for (const problem of input.problems) {
    const where = [problem.file, problem.line, problem.column].filter((p) => p !== undefined);
    io.stderr.write(`mamori pss: ${where.join(':')}: ${problem.message} (${problem.code})\n`);
  }
  if (format === 'json') {
    const denied = rows.filter((row) => !row.allowed).length;
    const report = {
      summary: {
        workloads: rows.length,
        allowed: rows.length - denied,
        denied,
        errors: input.problems.length,
      },
      rows: rows.map(rowJson),
      namespaces: input.namespaces.map(namespaceJson),
      ...(suggestions === undefined ? {} : { suggestions: suggestionsJson(suggestions) }),
      errors: input.problems.map(problemJson),
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout.write(tableOutput(rows, suggestions));
  }
  if (input.problems.length > 0) {
    return EXIT.ERROR;
  }
  return rows.every((row) => row.allowed) ? EXIT.OK : EXIT.FINDINGS;
}

export const pssCommand: Command = {
  name: 'pss',
  summary: 'evaluate workloads against the Pod Security Standards as admission would',
  run,
};
