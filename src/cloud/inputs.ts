/**
 * Every input the audit reads: the file a bundle keeps it in and the command that produces it.
 * Checks name these when they return `unknown`.
 */
import type { InputKind, MissingInput } from './types.js';

interface InputSpec {
  file: string;
  command: string;
}

const SPECS: Record<Exclude<InputKind, 'k8s-object'>, InputSpec> = {
  'eks-cluster': {
    file: 'eks/describe-cluster.json',
    command: 'aws eks describe-cluster --name {name}',
  },
  'eks-nodegroups-list': {
    file: 'eks/list-nodegroups.json',
    command: 'aws eks list-nodegroups --cluster-name {name}',
  },
  'eks-nodegroup': {
    file: 'eks/nodegroups/{item}.json',
    command: 'aws eks describe-nodegroup --cluster-name {name} --nodegroup-name {item}',
  },
  'eks-addons-list': {
    file: 'eks/list-addons.json',
    command: 'aws eks list-addons --cluster-name {name}',
  },
  'eks-addon': {
    file: 'eks/addons/{item}.json',
    command: 'aws eks describe-addon --cluster-name {name} --addon-name {item}',
  },
  'eks-access-entries-list': {
    file: 'eks/list-access-entries.json',
    command: 'aws eks list-access-entries --cluster-name {name}',
  },
  'eks-access-entry': {
    file: 'eks/access-entries/{item}.json',
    command: 'aws eks describe-access-entry --cluster-name {name} --principal-arn {item}',
  },
  'eks-associated-access-policies': {
    file: 'eks/associated-policies/{item}.json',
    command: 'aws eks list-associated-access-policies --cluster-name {name} --principal-arn {item}',
  },
  'eks-pod-identity-associations': {
    file: 'eks/pod-identity-associations.json',
    command: 'aws eks list-pod-identity-associations --cluster-name {name}',
  },
  'eks-cluster-versions': {
    file: 'eks/cluster-versions.json',
    command: 'aws eks describe-cluster-versions',
  },
  'ec2-launch-template-versions': {
    file: 'ec2/launch-template-versions.json',
    command: 'aws ec2 describe-launch-template-versions --launch-template-id {item}',
  },
  'ec2-instances': {
    file: 'ec2/describe-instances.json',
    command: 'aws ec2 describe-instances --filters Name=tag:aws:eks:cluster-name,Values={name}',
  },
  'ec2-ebs-encryption-default': {
    file: 'ec2/ebs-encryption-by-default.json',
    command: 'aws ec2 get-ebs-encryption-by-default',
  },
  'iam-oidc-providers': {
    file: 'iam/oidc-providers.json',
    command: 'aws iam list-open-id-connect-providers',
  },
  'ecr-repositories': {
    file: 'ecr/describe-repositories.json',
    command: 'aws ecr describe-repositories',
  },
  'ecr-registry-scanning': {
    file: 'ecr/registry-scanning.json',
    command: 'aws ecr get-registry-scanning-configuration',
  },
  'aks-cluster': {
    file: 'aks/show.json',
    command: 'az aks show --resource-group {rg} --name {name} -o json',
  },
  'aks-nodepools': {
    file: 'aks/nodepools.json',
    command: 'az aks nodepool list --resource-group {rg} --cluster-name {name} -o json',
  },
  'aks-diagnostic-settings': {
    file: 'aks/diagnostic-settings.json',
    command: 'az monitor diagnostic-settings list --resource {id} -o json',
  },
  'gke-cluster': {
    file: 'gke/describe-cluster.json',
    command: 'gcloud container clusters describe {name} --location {location} --format json',
  },
};

/** Plural resource names for `kubectl get`, by kind. */
export const KUBERNETES_RESOURCES: Readonly<Record<string, string>> = {
  ConfigMap: 'configmaps',
  Namespace: 'namespaces',
  NetworkPolicy: 'networkpolicies',
  ServiceAccount: 'serviceaccounts',
  Pod: 'pods',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  Node: 'nodes',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  ResourceQuota: 'resourcequotas',
  StorageClass: 'storageclasses',
  CustomResourceDefinition: 'customresourcedefinitions',
};

/** Values for the placeholders of commands: `name`, `region`, `rg`, `location`, `id`, `item`. */
export type InputVars = Readonly<Record<string, string | undefined>>;

function fill(template: string, vars: InputVars): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => vars[key] ?? `<${key}>`);
}

/** The missing-input record for a cloud document. */
export function missingCloudInput(
  kind: Exclude<InputKind, 'k8s-object'>,
  vars: InputVars,
): MissingInput {
  const spec = SPECS[kind];
  return { input: fill(spec.file, vars), command: fill(spec.command, vars) };
}

/** The missing-input record for a Kubernetes kind. */
export function missingKubernetesInput(kind: string): MissingInput {
  if (kind === 'ConfigMap/aws-auth') {
    return {
      input: 'k8s/aws-auth.json',
      command: 'kubectl get configmap aws-auth -n kube-system -o json',
    };
  }
  const plural = KUBERNETES_RESOURCES[kind] ?? `${kind.toLowerCase()}s`;
  const clusterScoped = [
    'Namespace',
    'Node',
    'ClusterRole',
    'ClusterRoleBinding',
    'StorageClass',
    'CustomResourceDefinition',
  ];
  const scope = clusterScoped.includes(kind) ? '' : ' -A';
  return { input: `k8s/${plural}.json`, command: `kubectl get ${plural}${scope} -o json` };
}
