/*
 * Small helpers shared by the hardening rules. Not a rule module (the leading underscore keeps it
 * out of the catalogue).
 */
import { escapePointerToken } from '../../core/sanitize.js';
import type { Workload } from '../../core/workload.js';

/**
 * Whether the pod declares that it runs on Windows nodes. The Linux-only securityContext fields
 * (user and group ids, capabilities, seccomp, AppArmor, SELinux, read-only root filesystem,
 * privilege escalation) cannot be set on such pods, so rules about them do not apply.
 */
export function isWindowsPod(workload: Workload): boolean {
  return workload.podSpec.os?.name === 'windows';
}

/** The items of a list with their indexes, skipping entries that failed type checking. */
export function indexedItems<T>(list: readonly (T | undefined)[] | undefined): [T, number][] {
  const out: [T, number][] = [];
  (list ?? []).forEach((item, index) => {
    if (item !== undefined && item !== null) {
      out.push([item, index]);
    }
  });
  return out;
}

/** A pod template annotation with the pointer of its key. */
export interface Annotation {
  key: string;
  value: string;
  pointer: string;
}

/** Looks up an annotation on the pod template (the object's own metadata for a Pod). */
export function podAnnotation(workload: Workload, key: string): Annotation | undefined {
  const value = workload.podMeta.annotations?.[key];
  if (value === undefined) {
    return undefined;
  }
  return {
    key,
    value,
    pointer: `${workload.templatePointer}/metadata/annotations/${escapePointerToken(key)}`,
  };
}

/** Reads `options[name]` as a list of strings, or reports why it is not one. */
export function stringListOption(
  options: Record<string, unknown>,
  name: string,
  problems: string[],
): void {
  const value = options[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    problems.push(`${name} must be a list of strings`);
  }
}
