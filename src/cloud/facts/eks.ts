/**
 * The facts of an EKS cluster: `aws eks describe-cluster` and its companions, in the AWS CLI's
 * camelCase, the SDKs' PascalCase or boto3's form with `ResponseMetadata`.
 */
import { Node } from '../node.js';
import type { ClusterBundle, InputDocument, InputKind } from '../types.js';
import type { InputVars } from '../inputs.js';
import { buildK8sFacts, type K8sFacts } from './k8s.js';

export interface EksFacts {
  provider: 'eks';
  name: string;
  vars: InputVars;
  /** The `cluster` object of describe-cluster; absent when the bundle has none. */
  cluster: Node;
  hasCluster: boolean;
  /** Names from list-nodegroups, when given. */
  nodegroupNames?: string[];
  nodegroups: Node[];
  /** Items of describe-launch-template-versions, when given. */
  launchTemplateVersions?: Node[];
  /** Instances of describe-instances, when given. */
  instances?: Node[];
  /** `EbsEncryptionByDefault` of the account and region, when given. */
  ebsEncryptionByDefault?: Node;
  addonNames?: string[];
  addons: Node[];
  accessEntryArns?: string[];
  accessEntries: Node[];
  /** list-associated-access-policies outputs, one per principal. */
  associatedPolicies: Node[];
  podIdentityAssociations?: Node[];
  clusterVersions?: Node[];
  oidcProviders?: Node[];
  ecrRepositories?: Node[];
  ecrRegistryScanning?: Node;
  k8s: K8sFacts;
}

function nodesOf(bundle: ClusterBundle, kind: InputKind): Node[] {
  return bundle.documents
    .filter((document: InputDocument) => document.kind === kind)
    .map((document) => new Node(document.value, document.basePath, document.file));
}

/** All items of a list field across the documents of a kind; undefined when there is none. */
function listOf(bundle: ClusterBundle, kind: InputKind, key: string): Node[] | undefined {
  const documents = nodesOf(bundle, kind);
  return documents.length === 0 ? undefined : documents.flatMap((node) => node.get(key).items());
}

function namesOf(bundle: ClusterBundle, kind: InputKind, key: string): string[] | undefined {
  const documents = nodesOf(bundle, kind);
  return documents.length === 0 ? undefined : documents.flatMap((node) => node.get(key).strings());
}

/** The region from an ARN such as `arn:aws:eks:eu-west-1:111122223333:cluster/prod`. */
function regionOf(arn: string | undefined): string | undefined {
  return arn?.split(':')[3] || undefined;
}

export function buildEksFacts(bundle: ClusterBundle): EksFacts {
  const clusterNode = nodesOf(bundle, 'eks-cluster')[0];
  const cluster = clusterNode ?? new Node(undefined, 'cluster');
  const instances = listOf(bundle, 'ec2-instances', 'Reservations')?.flatMap((reservation) =>
    reservation.get('Instances').items(),
  );
  return {
    provider: 'eks',
    name: bundle.name,
    vars: { name: bundle.name, region: regionOf(cluster.get('arn').str()) },
    cluster,
    hasCluster: clusterNode !== undefined,
    nodegroupNames: namesOf(bundle, 'eks-nodegroups-list', 'nodegroups'),
    nodegroups: nodesOf(bundle, 'eks-nodegroup'),
    launchTemplateVersions: listOf(
      bundle,
      'ec2-launch-template-versions',
      'LaunchTemplateVersions',
    ),
    instances,
    ebsEncryptionByDefault: nodesOf(bundle, 'ec2-ebs-encryption-default')[0]?.get(
      'EbsEncryptionByDefault',
    ),
    addonNames: namesOf(bundle, 'eks-addons-list', 'addons'),
    addons: nodesOf(bundle, 'eks-addon'),
    accessEntryArns: namesOf(bundle, 'eks-access-entries-list', 'accessEntries'),
    accessEntries: nodesOf(bundle, 'eks-access-entry'),
    associatedPolicies: nodesOf(bundle, 'eks-associated-access-policies'),
    podIdentityAssociations: listOf(bundle, 'eks-pod-identity-associations', 'associations'),
    clusterVersions: listOf(bundle, 'eks-cluster-versions', 'clusterVersions'),
    oidcProviders: listOf(bundle, 'iam-oidc-providers', 'OpenIDConnectProviderList'),
    ecrRepositories: listOf(bundle, 'ecr-repositories', 'repositories'),
    ecrRegistryScanning: nodesOf(bundle, 'ecr-registry-scanning')[0],
    k8s: buildK8sFacts(bundle),
  };
}

/** The described add-on of a name (`vpc-cni`), if any. */
export function addonNamed(facts: EksFacts, name: string): Node | undefined {
  return facts.addons.find((addon) => addon.get('addonName').str() === name);
}

/** The add-on is known to be installed (described, or listed). */
export function addonInstalled(facts: EksFacts, name: string): boolean | undefined {
  if (addonNamed(facts, name) !== undefined) {
    return true;
  }
  return facts.addonNames === undefined ? undefined : facts.addonNames.includes(name);
}

/** The nodegroup's name. */
export function nodegroupName(nodegroup: Node): string {
  return nodegroup.get('nodegroupName').str() ?? '(unnamed)';
}

/** EKS Auto Mode: AWS runs the nodes, the VPC CNI and the Pod Identity agent. */
export function isAutoMode(facts: EksFacts): boolean {
  return facts.cluster.at('computeConfig', 'enabled').bool() === true;
}
