/**
 * `mamori cloud collect`: runs the providers' own CLIs (aws, az, gcloud, kubectl) and writes their
 * JSON output as a bundle directory that `mamori cloud DIR` reads. Nothing here evaluates; the
 * audit itself never needs network access.
 *
 * Commands run without a shell, one at a time. Credentials come from the CLIs' own configuration;
 * mamori never reads them. Secrets are never requested, and environment values and
 * last-applied-configuration annotations are removed from collected Kubernetes objects.
 */
import { join } from 'node:path';
import { KUBERNETES_RESOURCES } from '../../cloud/inputs.js';
import type { Provider } from '../../cloud/types.js';
import {
  isRecord,
  scrubKubernetes,
  safeName,
  Session,
  type CollectEnv,
  type CollectOptions,
  type CollectResult,
} from './collect-env.js';

export type { CollectEnv, CollectOptions, CollectResult } from './collect-env.js';
export { processCollectEnv, scrubKubernetes, safeName } from './collect-env.js';

const CLI_HELP: Readonly<Record<string, string>> = {
  aws: 'the AWS CLI (aws) — https://aws.amazon.com/cli/',
  az: 'the Azure CLI (az) — https://learn.microsoft.com/cli/azure/install-azure-cli',
  gcloud: 'the Google Cloud CLI (gcloud) — https://cloud.google.com/sdk/docs/install',
  kubectl: 'kubectl — https://kubernetes.io/docs/tasks/tools/',
};

/** Kinds exported with kubectl, in this order. Secrets are never exported. */
export const KUBERNETES_KINDS = [
  'Namespace',
  'NetworkPolicy',
  'ServiceAccount',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
];

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'CustomResourceDefinition',
]);

function strings(value: unknown, key: string): string[] {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

async function collectEks(session: Session): Promise<string | undefined> {
  const { name, region } = session.options;
  const aws = (...args: string[]): string[] => [
    ...args,
    ...(region === undefined ? [] : ['--region', region]),
    '--output',
    'json',
  ];
  const cluster = await session.fetch(
    'eks/describe-cluster.json',
    'aws',
    aws('eks', 'describe-cluster', '--name', name),
  );
  if (cluster === undefined) {
    return `aws eks describe-cluster --name ${name} failed; see the messages above`;
  }
  const nodegroups = strings(
    await session.fetch(
      'eks/list-nodegroups.json',
      'aws',
      aws('eks', 'list-nodegroups', '--cluster-name', name),
    ),
    'nodegroups',
  );
  const templates = new Map<string, string>();
  for (const nodegroup of nodegroups) {
    const described = await session.fetch(
      `eks/nodegroups/${safeName(nodegroup)}.json`,
      'aws',
      aws('eks', 'describe-nodegroup', '--cluster-name', name, '--nodegroup-name', nodegroup),
    );
    const template =
      isRecord(described) && isRecord(described.nodegroup)
        ? described.nodegroup.launchTemplate
        : undefined;
    if (isRecord(template) && typeof template.id === 'string') {
      templates.set(
        template.id,
        typeof template.version === 'string' ? template.version : '$Default',
      );
    }
  }
  const versions: unknown[] = [];
  for (const [id, version] of templates) {
    const value = await session.json(
      'aws',
      aws(
        'ec2',
        'describe-launch-template-versions',
        '--launch-template-id',
        id,
        '--versions',
        version,
      ),
    );
    if (isRecord(value) && Array.isArray(value.LaunchTemplateVersions)) {
      versions.push(...(value.LaunchTemplateVersions as unknown[]));
    }
  }
  if (templates.size > 0) {
    session.save('ec2/launch-template-versions.json', { LaunchTemplateVersions: versions });
  }
  await session.fetch(
    'ec2/describe-instances.json',
    'aws',
    aws('ec2', 'describe-instances', '--filters', `Name=tag:aws:eks:cluster-name,Values=${name}`),
  );
  await session.fetch(
    'ec2/ebs-encryption-by-default.json',
    'aws',
    aws('ec2', 'get-ebs-encryption-by-default'),
  );
  const addons = strings(
    await session.fetch(
      'eks/list-addons.json',
      'aws',
      aws('eks', 'list-addons', '--cluster-name', name),
    ),
    'addons',
  );
  for (const addon of addons) {
    await session.fetch(
      `eks/addons/${safeName(addon)}.json`,
      'aws',
      aws('eks', 'describe-addon', '--cluster-name', name, '--addon-name', addon),
    );
  }
  const entries = strings(
    await session.fetch(
      'eks/list-access-entries.json',
      'aws',
      aws('eks', 'list-access-entries', '--cluster-name', name),
    ),
    'accessEntries',
  );
  for (const principal of entries) {
    await session.fetch(
      `eks/access-entries/${safeName(principal)}.json`,
      'aws',
      aws('eks', 'describe-access-entry', '--cluster-name', name, '--principal-arn', principal),
    );
    await session.fetch(
      `eks/associated-policies/${safeName(principal)}.json`,
      'aws',
      aws(
        'eks',
        'list-associated-access-policies',
        '--cluster-name',
        name,
        '--principal-arn',
        principal,
      ),
    );
  }
  await session.fetch(
    'eks/pod-identity-associations.json',
    'aws',
    aws('eks', 'list-pod-identity-associations', '--cluster-name', name),
  );
  await session.fetch('eks/cluster-versions.json', 'aws', aws('eks', 'describe-cluster-versions'));
  await session.fetch(
    'iam/oidc-providers.json',
    'aws',
    aws('iam', 'list-open-id-connect-providers'),
  );
  await session.fetch('ecr/describe-repositories.json', 'aws', aws('ecr', 'describe-repositories'));
  await session.fetch(
    'ecr/registry-scanning.json',
    'aws',
    aws('ecr', 'get-registry-scanning-configuration'),
  );
  return undefined;
}

async function collectAks(session: Session): Promise<string | undefined> {
  const { name, resourceGroup } = session.options;
  if (resourceGroup === undefined) {
    return 'collect aks needs --resource-group';
  }
  const cluster = await session.fetch('aks/show.json', 'az', [
    'aks',
    'show',
    '--resource-group',
    resourceGroup,
    '--name',
    name,
    '--output',
    'json',
  ]);
  if (cluster === undefined) {
    return `az aks show --resource-group ${resourceGroup} --name ${name} failed; see the messages above`;
  }
  await session.fetch('aks/nodepools.json', 'az', [
    'aks',
    'nodepool',
    'list',
    '--resource-group',
    resourceGroup,
    '--cluster-name',
    name,
    '--output',
    'json',
  ]);
  const id = isRecord(cluster) && typeof cluster.id === 'string' ? cluster.id : undefined;
  if (id !== undefined) {
    await session.fetch('aks/diagnostic-settings.json', 'az', [
      'monitor',
      'diagnostic-settings',
      'list',
      '--resource',
      id,
      '--output',
      'json',
    ]);
  }
  return undefined;
}

async function collectGke(session: Session): Promise<string | undefined> {
  const { name, location, project } = session.options;
  const args = ['container', 'clusters', 'describe', name, '--format', 'json'];
  if (location !== undefined) {
    args.push('--location', location);
  }
  if (project !== undefined) {
    args.push('--project', project);
  }
  const cluster = await session.fetch('gke/describe-cluster.json', 'gcloud', args);
  return cluster === undefined
    ? `gcloud container clusters describe ${name} failed; see the messages above`
    : undefined;
}

async function collectKubernetes(session: Session): Promise<string[]> {
  const context =
    session.options.kubeContext === undefined ? [] : ['--context', session.options.kubeContext];
  const exported: string[] = [];
  for (const kind of KUBERNETES_KINDS) {
    const plural = KUBERNETES_RESOURCES[kind] ?? `${kind.toLowerCase()}s`;
    const scope = CLUSTER_SCOPED.has(kind) ? [] : ['--all-namespaces'];
    const value = await session.json('kubectl', [
      ...context,
      'get',
      plural,
      ...scope,
      '--output',
      'json',
    ]);
    if (value !== undefined) {
      session.save(`k8s/${plural}.json`, scrubKubernetes(value));
      exported.push(kind);
    }
  }
  if (session.options.provider === 'eks') {
    for (const configMap of ['aws-auth', 'amazon-vpc-cni']) {
      const value = await session.json('kubectl', [
        ...context,
        'get',
        'configmap',
        configMap,
        '--namespace',
        'kube-system',
        '--output',
        'json',
        '--ignore-not-found',
      ]);
      if (value !== undefined) {
        session.save(`k8s/${configMap}.json`, value);
        if (configMap === 'aws-auth') {
          exported.push('ConfigMap/aws-auth');
        }
      } else {
        const last = session.commands[session.commands.length - 1];
        if (configMap === 'aws-auth' && last?.ok === false && last.error === 'output is not JSON') {
          // `--ignore-not-found` prints nothing: the ConfigMap does not exist, which is an answer.
          last.ok = true;
          last.error = 'not found';
          exported.push('ConfigMap/aws-auth');
        }
      }
    }
  }
  return exported;
}

const PROGRAMS: Readonly<Record<Provider, string>> = { eks: 'aws', aks: 'az', gke: 'gcloud' };

export async function collect(options: CollectOptions, env: CollectEnv): Promise<CollectResult> {
  const program = PROGRAMS[options.provider];
  if (env.which(program) === undefined) {
    return {
      ok: false,
      message: `${program} was not found on PATH. Install ${CLI_HELP[program] ?? program}, or run the commands listed in docs/cloud.md yourself and pass the files to \`mamori cloud\`.`,
      commands: [],
    };
  }
  const session = new Session(options, env);
  const failure =
    options.provider === 'eks'
      ? await collectEks(session)
      : options.provider === 'aks'
        ? await collectAks(session)
        : await collectGke(session);
  if (failure !== undefined) {
    return { ok: false, message: failure, commands: session.commands };
  }
  let kinds: string[] = [];
  if (options.kubernetes) {
    if (env.which('kubectl') === undefined) {
      env.log(
        `kubectl was not found on PATH (install ${CLI_HELP.kubectl ?? 'kubectl'}); Kubernetes objects were not collected, so in-cluster checks will be unknown.`,
      );
    } else {
      kinds = await collectKubernetes(session);
    }
  }
  session.env.writeFile(
    join(options.out, 'mamori-bundle.json'),
    `${JSON.stringify(
      {
        mamoriBundle: 1,
        provider: options.provider,
        cluster: options.name,
        collectedAt: env.now().toISOString(),
        kubernetesKinds: kinds,
        commands: session.commands,
      },
      null,
      2,
    )}\n`,
  );
  const failed = session.commands.filter((command) => !command.ok).length;
  return {
    ok: true,
    message: `wrote ${session.commands.filter((command) => command.ok).length} outputs to ${options.out}${failed > 0 ? ` (${failed} command${failed > 1 ? 's' : ''} failed; the checks that need them will be unknown)` : ''}`,
    commands: session.commands,
  };
}
