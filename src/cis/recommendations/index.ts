/**
 * The registry of recommendations: every mamori id, once.
 */
import type { Recommendation } from '../types.js';
import { APISERVER } from './apiserver.js';
import {
  CONTROL_PLANE_CONFIGURATION,
  CONTROLLER_MANAGER_AND_SCHEDULER,
  ETCD,
} from './components.js';
import { CONTROL_PLANE_FILES } from './control-plane-files.js';
import { MANAGED } from './managed.js';
import { POLICIES } from './policies.js';
import { KUBELET, WORKER_FILES } from './worker.js';

export const RECOMMENDATIONS: readonly Recommendation[] = [
  ...CONTROL_PLANE_FILES,
  ...APISERVER,
  ...CONTROLLER_MANAGER_AND_SCHEDULER,
  ...ETCD,
  ...CONTROL_PLANE_CONFIGURATION,
  ...WORKER_FILES,
  ...KUBELET,
  ...POLICIES,
  ...MANAGED,
];

const BY_ID = new Map(RECOMMENDATIONS.map((recommendation) => [recommendation.id, recommendation]));

/** The recommendation with this id, if any. */
export function recommendation(id: string): Recommendation | undefined {
  return BY_ID.get(id);
}
