/**
 * Constructors for benchmark tables.
 */
import type { Control, ControlParams, Group } from '../types.js';

/** An automated control. */
export function a(number: string, id: string, params?: ControlParams): Control {
  return params === undefined
    ? { number, id, automated: true }
    : { number, id, automated: true, params };
}

/** A manual control. */
export function m(number: string, id: string, params?: ControlParams): Control {
  return params === undefined
    ? { number, id, automated: false }
    : { number, id, automated: false, params };
}

export function group(id: string, title: string, controls: readonly Control[]): Group {
  return { id, title, controls };
}

export const MODE_644: ControlParams = { maxMode: 0o644 };
