/**
 * The subset of the Kubernetes API types that mamori's rules read.
 *
 * Input manifests are untrusted: {@link ../core/sanitize.ts} checks every field listed here for its
 * JSON type before a rule sees it, so a rule may rely on these types. Fields that are absent in
 * the input are `undefined`; nothing is defaulted here.
 */

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface SeccompProfile {
  type?: string;
  localhostProfile?: string;
}

export interface AppArmorProfile {
  type?: string;
  localhostProfile?: string;
}

export interface SELinuxOptions {
  user?: string;
  role?: string;
  type?: string;
  level?: string;
}

export interface WindowsSecurityContextOptions {
  hostProcess?: boolean;
  gmsaCredentialSpecName?: string;
  gmsaCredentialSpec?: string;
  runAsUserName?: string;
}

export interface Capabilities {
  add?: string[];
  drop?: string[];
}

export interface Sysctl {
  name?: string;
  value?: string;
}

export interface PodSecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
  supplementalGroups?: number[];
  supplementalGroupsPolicy?: string;
  seccompProfile?: SeccompProfile;
  seLinuxOptions?: SELinuxOptions;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsSecurityContextOptions;
  sysctls?: Sysctl[];
  fsGroupChangePolicy?: string;
  seLinuxChangePolicy?: string;
}

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  procMount?: string;
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile;
  seLinuxOptions?: SELinuxOptions;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsSecurityContextOptions;
}

export interface ContainerPort {
  name?: string;
  containerPort?: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
}

/** Quantities are strings or numbers in manifests (`cpu: 0.5`, `memory: 128Mi`). */
export type Quantity = string | number;

export interface ResourceRequirements {
  limits?: Record<string, Quantity>;
  requests?: Record<string, Quantity>;
}

export interface EnvVar {
  name?: string;
  value?: string;
  valueFrom?: Record<string, unknown>;
}

export interface VolumeMount {
  name?: string;
  mountPath?: string;
  readOnly?: boolean;
  subPath?: string;
  mountPropagation?: string;
}

export interface Container {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: Record<string, unknown>[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  securityContext?: SecurityContext;
  livenessProbe?: Record<string, unknown>;
  readinessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
  /** `postStart` / `preStop` handlers (`httpGet`, `tcpSocket`, `exec`, `sleep`). */
  lifecycle?: Record<string, unknown>;
  /** Set only on ephemeral containers. */
  targetContainerName?: string;
}

export interface HostPathVolumeSource {
  path?: string;
  type?: string;
}

/**
 * A volume: `name` plus exactly one source key. Sources other than the few that rules inspect
 * are kept as opaque records so that checks can list which source a volume uses.
 */
export interface Volume {
  name?: string;
  hostPath?: HostPathVolumeSource;
  secret?: Record<string, unknown>;
  configMap?: Record<string, unknown>;
  csi?: Record<string, unknown>;
  [source: string]: unknown;
}

export interface HostAlias {
  ip?: string;
  hostnames?: string[];
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  securityContext?: PodSecurityContext;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  shareProcessNamespace?: boolean;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  runtimeClassName?: string;
  nodeName?: string;
  os?: { name?: string };
  imagePullSecrets?: Record<string, unknown>[];
  /** Entries the kubelet adds to the pod's /etc/hosts. */
  hostAliases?: HostAlias[];
}

/** A Kubernetes object as decoded from a manifest: only apiVersion and kind are guaranteed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}
