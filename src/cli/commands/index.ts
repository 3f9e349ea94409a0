/**
 * The subcommands of `mamori`, in the order `mamori --help` lists them.
 */
import type { Command } from '../io.js';
import { cloudCommand } from './cloud.js';
import { clusterCommand } from './cluster.js';
import { compareCommand } from './compare.js';
import { nodeCommand } from './node.js';
import { psaCommand } from './psa.js';
import { pssCommand } from './pss.js';
import { scanCommand } from './scan.js';

export const COMMANDS: readonly Command[] = [
  scanCommand,
  pssCommand,
  nodeCommand,
  compareCommand,
  cloudCommand,
  clusterCommand,
  psaCommand,
];
