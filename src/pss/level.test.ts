import { describe, expect, it } from 'vitest';

import * as pss from './index.js';
import { compareLevels, isPssLevel, PssLevelError } from './level.js';

describe('levels', () => {
  it('orders privileged < baseline < restricted', () => {
    expect(compareLevels('privileged', 'baseline')).toBe(-1);
    expect(compareLevels('restricted', 'baseline')).toBe(1);
    expect(compareLevels('baseline', 'baseline')).toBe(0);
  });

  it('recognises exactly the three levels', () => {
    expect(['privileged', 'baseline', 'restricted'].every(isPssLevel)).toBe(true);
    expect(isPssLevel('Restricted')).toBe(false);
    expect(new PssLevelError('x').message).toBe(
      'invalid Pod Security level "x": must be one of privileged, baseline, restricted',
    );
  });
});

describe('public API', () => {
  it('exports the entry points', () => {
    for (const name of [
      'evaluatePod',
      'highestLevel',
      'enforceDenialMessage',
      'warningMessage',
      'resolveNamespacePolicy',
      'applyApiServerDefaults',
      'admit',
      'buildPssReport',
      'suggestLabels',
      'renderPssTable',
      'parsePolicyVersion',
    ]) {
      expect(typeof (pss as Record<string, unknown>)[name]).toBe('function');
    }
    expect(pss.ALL_CHECKS).toHaveLength(19);
  });
});
