/**
 * The subcommands of `mamori`, in the order `mamori --help` lists them.
 */
import type { Command } from '../io.js';
import { scanCommand } from './scan.js';

export const COMMANDS: readonly Command[] = [scanCommand];
