/**
 * The Pod Security Standards engine: a faithful re-implementation of upstream Pod Security
 * Admission (policy versions v1.0 to v1.37), its messages, namespace labels and admission flow.
 */

export type {
  CheckDefinition,
  CheckFn,
  CheckLevel,
  CheckResult,
  PodInput,
  PssEvaluation,
  PssLevel,
  PssViolation,
  VersionedCheck,
} from './types.js';

export {
  INVALID_VERSION_DETAIL,
  LATEST,
  PssVersionError,
  effectiveMinor,
  parsePolicyVersion,
  toPolicyVersion,
} from './version.js';
export type { ParseVersionResult, PolicyVersion } from './version.js';

export {
  ALL_CHECKS,
  PssRegistryError,
  buildRegistry,
  implementationAt,
  registry,
} from './registry.js';
export type { ActiveCheck, Registry } from './registry.js';

export { applyApiServerDefaults } from './defaults.js';
export type { DefaultingTarget } from './defaults.js';

export {
  INVALID_LEVEL_DETAIL,
  PSS_LEVELS,
  PssLevelError,
  compareLevels,
  isPssLevel,
} from './level.js';

export {
  UNKNOWN_FORBIDDEN_REASON,
  enforceDenialMessage,
  evaluatePod,
  forbiddenDetail,
  forbiddenReason,
  highestLevel,
  kubectlDenialMessage,
  kubectlWarning,
  policyString,
  violationError,
  warningMessage,
} from './evaluate.js';
export type { EvaluateOptions, ForbiddenTarget } from './evaluate.js';

export {
  LABEL_PREFIX,
  PSA_LABELS,
  aggregateErrors,
  defaultPolicy,
  isFullyPrivileged,
  levelVersionString,
  namespaceInvalidMessage,
  resolveNamespacePolicy,
} from './namespace.js';
export type {
  LabelError,
  LevelVersion,
  NamespacePolicy,
  NamespacePolicyResult,
  PolicyDefaults,
  PsaMode,
} from './namespace.js';

export { AUDIT_ANNOTATIONS, POD_CONTROLLER_KINDS, admit, psaResourceOf } from './admission.js';
export type {
  AdmissionConfig,
  AdmissionOutcome,
  AdmissionRequest,
  ModeOutcome,
  PsaResource,
} from './admission.js';

export {
  MAX_PODS_TO_CHECK,
  POD_CHECK_TIMEOUT_MS,
  POD_LIST_FAILED_WARNING,
  enforceChangeChecksPods,
  existingPodsWarnings,
} from './existing-pods.js';
export type { ExistingPodsInput } from './existing-pods.js';

export { buildPssReport, renderPssTable, suggestLabels } from './report.js';
export type {
  LabelSuggestions,
  NamespaceSuggestion,
  PssAdmission,
  PssNamespace,
  PssReportOptions,
  PssReportRow,
  PssWorkload,
} from './report.js';
