import { describe, expect, it } from 'vitest';
import { COMMANDS } from './index.js';

describe('COMMANDS', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s loads a command of that name with the summary listed',
    async (name, entry) => {
      const command = await entry.load();
      expect(command.name).toBe(name);
      expect(command.summary).toBe(entry.summary);
    },
  );
});
