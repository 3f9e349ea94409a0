/**
 * The `kube-system/aws-auth` ConfigMap: `data.mapRoles`, `data.mapUsers` and `data.mapAccounts`
 * are YAML documents inside strings. A malformed one can lock everyone out, so it is reported.
 */
import jsYaml from 'js-yaml';
import type { K8sFacts, KubeObject } from './facts/k8s.js';
import { Node } from './node.js';

export interface AwsAuthMapping {
  key: 'mapRoles' | 'mapUsers';
  arn: string;
  username?: string;
  groups: string[];
  /** The mapping as a node whose path reads `ConfigMap kube-system/aws-auth:data.mapRoles[2]`. */
  node: Node;
}

export interface AwsAuth {
  object: KubeObject;
  mappings: AwsAuthMapping[];
  accounts: string[];
  /** The data node of each key present. */
  keys: Node[];
  errors: { key: string; message: string; node: Node }[];
}

function parseList(text: string): unknown[] {
  const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  if (value === null || value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error('expected a YAML list');
  }
  return value;
}

export function findAwsAuth(k8s: K8sFacts): KubeObject | undefined {
  return k8s.find('ConfigMap', 'kube-system', 'aws-auth');
}

export function parseAwsAuth(object: KubeObject): AwsAuth {
  const result: AwsAuth = { object, mappings: [], accounts: [], keys: [], errors: [] };
  const data = object.node.get('data');
  for (const key of ['mapRoles', 'mapUsers', 'mapAccounts'] as const) {
    const field = data.get(key);
    if (!field.present) {
      continue;
    }
    result.keys.push(field);
    let items: unknown[];
    try {
      items =
        typeof field.value === 'string'
          ? parseList(field.value)
          : field.items().map((item) => item.value);
    } catch (error) {
      const message =
        error instanceof jsYaml.YAMLException
          ? error.reason || error.message
          : error instanceof Error
            ? error.message
            : String(error);
      result.errors.push({ key, message, node: field });
      continue;
    }
    const parsed = new Node(items, field.path, field.file);
    if (key === 'mapAccounts') {
      result.accounts.push(
        ...parsed
          .items()
          .map((item) => (typeof item.value === 'number' ? String(item.value) : (item.str() ?? '')))
          .filter(Boolean),
      );
      continue;
    }
    for (const item of parsed.items()) {
      const arn = item.get(key === 'mapRoles' ? 'rolearn' : 'userarn').str();
      if (arn === undefined) {
        result.errors.push({
          key,
          message: `an entry has no ${key === 'mapRoles' ? 'rolearn' : 'userarn'}`,
          node: item,
        });
        continue;
      }
      result.mappings.push({
        key,
        arn,
        username: item.get('username').str(),
        groups: item.get('groups').strings(),
        node: item,
      });
    }
  }
  return result;
}
