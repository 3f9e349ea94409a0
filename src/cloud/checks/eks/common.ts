/**
 * Helpers shared by the EKS checks.
 */
import type { LocalizedText } from '../../../core/model.js';
import { isWorld, parseCidr } from '../../cidr.js';
import { nodegroupName, type EksFacts } from '../../facts/eks.js';
import { missingCloudInput } from '../../inputs.js';
import type { Node } from '../../node.js';
import type { CheckOutcome, MissingInput } from '../../types.js';
import { listText, listTextJa, unknown } from '../define.js';

/** The outcome when describe-cluster is missing. */
export function noCluster(facts: EksFacts): CheckOutcome {
  return unknown(
    {
      en: 'The cluster description was not given.',
      ja: 'クラスターの記述(describe の出力)が与えられていない。',
    },
    [missingCloudInput('eks-cluster', facts.vars)],
  );
}

export interface EndpointAccess {
  publicAccess: boolean;
  privateAccess: boolean;
  cidrs: string[];
  publicNode: Node;
  privateNode: Node;
  cidrsNode: Node;
}

/**
 * The endpoint settings. Absent booleans take the API defaults (public on, private off); an
 * absent `resourcesVpcConfig` gives undefined.
 */
export function endpointAccess(facts: EksFacts): EndpointAccess | undefined {
  const config = facts.cluster.get('resourcesVpcConfig');
  if (!config.isObject) {
    return undefined;
  }
  const publicNode = config.get('endpointPublicAccess');
  const privateNode = config.get('endpointPrivateAccess');
  const cidrsNode = config.get('publicAccessCidrs');
  return {
    publicAccess: publicNode.bool() ?? true,
    privateAccess: privateNode.bool() ?? false,
    cidrs: cidrsNode.strings(),
    publicNode,
    privateNode,
    cidrsNode,
  };
}

export function noVpcConfig(facts: EksFacts): CheckOutcome {
  return unknown(
    {
      en: 'describe-cluster has no resourcesVpcConfig.',
      ja: 'describe-cluster に resourcesVpcConfig がない。',
    },
    [missingCloudInput('eks-cluster', facts.vars)],
    [facts.cluster.get('resourcesVpcConfig')],
  );
}

/** Allow-list entries that admit everyone. */
export function worldCidrs(cidrs: readonly string[]): string[] {
  return cidrs.filter(isWorld);
}

export function prefixOf(text: string): number | undefined {
  return parseCidr(text)?.prefix;
}

/** Where a node's instance metadata options come from. */
export interface MetadataSource {
  label: LocalizedText;
  options: Node;
}

export interface NodeMetadata {
  sources: MetadataSource[];
  /** Node groups whose metadata options are not in the input. */
  uncovered: string[];
  missing: MissingInput[];
}

function launchTemplateMatches(version: Node, reference: Node): boolean {
  const id = reference.get('id').str();
  const name = reference.get('name').str();
  const sameTemplate =
    (id !== undefined && version.get('LaunchTemplateId').str() === id) ||
    (name !== undefined && version.get('LaunchTemplateName').str() === name);
  if (!sameTemplate) {
    return false;
  }
  const wanted = reference.get('version').str() ?? String(reference.get('version').num() ?? '');
  if (wanted === '' || wanted === '$Default') {
    return version.get('DefaultVersion').bool() === true || wanted === '';
  }
  if (wanted === '$Latest') {
    return true;
  }
  return String(version.get('VersionNumber').num() ?? '') === wanted;
}

/** The launch template version a node group reference points at, among those given. */
export function resolveLaunchTemplate(
  templates: readonly Node[],
  reference: Node,
): Node | undefined {
  const matching = templates.filter((version) => launchTemplateMatches(version, reference));
  if (reference.get('version').str() === '$Latest') {
    return [...matching].sort(
      (a, b) => (b.get('VersionNumber').num() ?? 0) - (a.get('VersionNumber').num() ?? 0),
    )[0];
  }
  return matching[0];
}

/**
 * The launch template versions the node groups use; all versions given when no node group
 * references one (or none was described).
 */
export function launchTemplatesInUse(facts: EksFacts): Node[] {
  const templates = facts.launchTemplateVersions ?? [];
  const references = facts.nodegroups
    .map((nodegroup) => nodegroup.get('launchTemplate'))
    .filter((reference) => reference.present);
  if (references.length === 0) {
    return facts.nodegroups.length === 0 ? [...templates] : [];
  }
  const used = references
    .map((reference) => resolveLaunchTemplate(templates, reference))
    .filter((version) => version !== undefined);
  return [...new Set(used)];
}

/**
 * The metadata options of the nodes: instances from describe-instances, else the launch template
 * version each node group uses. Node groups without either are listed as uncovered.
 */
export function nodeMetadata(facts: EksFacts): NodeMetadata {
  const sources: MetadataSource[] = [];
  const uncovered: string[] = [];
  const missing: MissingInput[] = [];
  const instances = facts.instances ?? [];
  for (const instance of instances) {
    const id = instance.get('InstanceId').str() ?? 'instance';
    sources.push({
      label: { en: `instance ${id}`, ja: `インスタンス ${id}` },
      options: instance.get('MetadataOptions'),
    });
  }
  const nodegroups = facts.nodegroups;
  const templates = facts.launchTemplateVersions ?? [];
  const coveredByInstances = (name: string): boolean =>
    instances.some((instance) =>
      instance
        .get('Tags')
        .items()
        .some(
          (tag) => tag.get('Key').str() === 'eks:nodegroup-name' && tag.get('Value').str() === name,
        ),
    );
  for (const nodegroup of nodegroups) {
    const name = nodegroupName(nodegroup);
    if (coveredByInstances(name)) {
      continue;
    }
    const reference = nodegroup.get('launchTemplate');
    if (!reference.present) {
      uncovered.push(name);
      if (facts.instances === undefined) {
        missing.push(missingCloudInput('ec2-instances', facts.vars));
      }
      continue;
    }
    const version = resolveLaunchTemplate(templates, reference);
    if (version === undefined) {
      uncovered.push(name);
      const template = reference.get('id').str() ?? reference.get('name').str() ?? '<id>';
      const wanted = reference.get('version').str() ?? '$Default';
      missing.push(
        missingCloudInput('ec2-launch-template-versions', {
          ...facts.vars,
          item: `${template} --versions ${wanted}`,
        }),
      );
      continue;
    }
    const template = templateVersionText(version);
    sources.push({
      label: {
        en: `node group ${name} (launch template ${template})`,
        ja: `ノードグループ ${name}(起動テンプレート ${template})`,
      },
      options: version.at('LaunchTemplateData', 'MetadataOptions'),
    });
  }
  for (const name of undescribedNodegroups(facts)) {
    if (!coveredByInstances(name)) {
      uncovered.push(name);
      missing.push(missingCloudInput('eks-nodegroup', { ...facts.vars, item: name }));
    }
  }
  if (nodegroups.length === 0 && facts.nodegroupNames === undefined && instances.length === 0) {
    for (const version of templates) {
      const template = templateVersionText(version);
      sources.push({
        label: { en: `launch template ${template}`, ja: `起動テンプレート ${template}` },
        options: version.at('LaunchTemplateData', 'MetadataOptions'),
      });
    }
  }
  return { sources, uncovered, missing: dedupe(missing) };
}

/** `lt-0abc v3`: a launch template version, for messages. */
function templateVersionText(version: Node): string {
  const template =
    version.get('LaunchTemplateId').str() ?? version.get('LaunchTemplateName').str() ?? '';
  return `${template} v${version.get('VersionNumber').num() ?? '?'}`;
}

/** The clause for node groups whose metadata options are not in the input, if any. */
export function uncoveredClauses(uncovered: readonly string[]): LocalizedText[] {
  return uncovered.length > 0
    ? [
        {
          en: `the metadata options of node group${uncovered.length > 1 ? 's' : ''} ${listText(uncovered)} are not in the input`,
          ja: `ノードグループ ${listTextJa(uncovered)} のメタデータオプションが入力にない`,
        },
      ]
    : [];
}

/** The outcome when neither launch templates nor instances tell the nodes' metadata options. */
export function noNodeMetadata(facts: EksFacts): CheckOutcome {
  return unknown(
    {
      en: 'Neither node launch templates nor instances were given.',
      ja: 'ノードの起動テンプレートもインスタンスも与えられていない。',
    },
    [
      missingCloudInput('ec2-instances', facts.vars),
      missingCloudInput('ec2-launch-template-versions', { ...facts.vars, item: '<id>' }),
    ],
  );
}

export function dedupe(missing: readonly MissingInput[]): MissingInput[] {
  const seen = new Set<string>();
  return missing.filter((item) => {
    const key = `${item.input}\u0000${item.command}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Missing describe-nodegroup outputs for listed node groups. */
export function undescribedNodegroups(facts: EksFacts): string[] {
  const described = new Set(facts.nodegroups.map(nodegroupName));
  return (facts.nodegroupNames ?? []).filter((name) => !described.has(name));
}

export function nodegroupInputs(facts: EksFacts, names: readonly string[]): MissingInput[] {
  if (names.length === 0 && facts.nodegroupNames === undefined && facts.nodegroups.length === 0) {
    return [
      missingCloudInput('eks-nodegroups-list', facts.vars),
      missingCloudInput('eks-nodegroup', facts.vars),
    ];
  }
  return names.map((item) => missingCloudInput('eks-nodegroup', { ...facts.vars, item }));
}

export interface LoggingState {
  /** Types in entries with `enabled: true`, across all entries. */
  enabled: Set<string>;
  entries: Node[];
}

/**
 * The union of the log types of every enabled `clusterLogging` entry (the API may split types
 * over several entries); undefined when `logging` is absent.
 */
export function loggingState(facts: EksFacts): LoggingState | undefined {
  const logging = facts.cluster.get('logging');
  if (!logging.isObject) {
    return undefined;
  }
  const entries = logging.get('clusterLogging').items();
  const enabled = new Set<string>();
  for (const entry of entries) {
    if (entry.get('enabled').bool() === true) {
      for (const type of entry.get('types').strings()) {
        enabled.add(type);
      }
    }
  }
  return { enabled, entries };
}
