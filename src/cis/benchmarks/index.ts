/**
 * The benchmark registry.
 */
import type { Benchmark } from '../types.js';
import { CIS_1_12 } from './cis-1-12.js';
import { CIS_1_6 } from './cis-1-6.js';
import { AKS_1_8 } from './managed-aks.js';
import { EKS_1_8_0 } from './managed-eks.js';
import { GKE_1_9_0 } from './managed-gke.js';

export const BENCHMARKS: readonly Benchmark[] = [CIS_1_12, CIS_1_6, EKS_1_8_0, AKS_1_8, GKE_1_9_0];

/** The benchmark with this id (case-insensitive); aliases such as `1.12` or `eks` are accepted. */
export function benchmarkById(id: string): Benchmark | undefined {
  const wanted = id.trim().toLowerCase();
  const aliases: Record<string, string> = {
    '1.12': 'cis-1.12',
    '1.6': 'cis-1.6',
    'cis-1.6.0': 'cis-1.6',
    'cis-1.12.0': 'cis-1.12',
    eks: 'eks-1.8.0',
    'eks-1.8': 'eks-1.8.0',
    aks: 'aks-1.8',
    'aks-1.8.0': 'aks-1.8',
    gke: 'gke-1.9.0',
    'gke-1.9': 'gke-1.9.0',
  };
  const resolved = aliases[wanted] ?? wanted;
  return BENCHMARKS.find((benchmark) => benchmark.id === resolved);
}

export { AKS_1_8, CIS_1_12, CIS_1_6, EKS_1_8_0, GKE_1_9_0 };
