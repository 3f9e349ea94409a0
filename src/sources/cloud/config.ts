/**
 * Reads the `cloud:` section of a YAML configuration file (`--config`, or `mamori.yaml` found
 * upward from the working directory). Only this section is read here: the shared configuration
 * parser owns the rest of the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCloudConfig, type ParsedCloudConfig } from '../../cloud/options.js';

const NAMES = ['mamori.yaml', 'mamori.yml', '.mamori.yaml'];

/** Looks for a configuration file in `start` and each parent directory. */
export function findCloudConfigFile(start: string): string | undefined {
  let directory = resolve(start);
  for (;;) {
    for (const name of NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) {
        return candidate;
      }
    }
    const parent = dirname(directory);
    if (parent === directory) {
      return undefined;
    }
    directory = parent;
  }
}

export interface LoadedCloudConfig extends ParsedCloudConfig {
  file?: string;
}

/** Reads and validates the `cloud:` section; a file that cannot be read or parsed is one issue. */
export function loadCloudConfig(file: string | undefined): LoadedCloudConfig {
  if (file === undefined) {
    return { ...parseCloudConfig(undefined, 'built-in') };
  }
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    const base = parseCloudConfig(undefined, 'built-in');
    return {
      ...base,
      file,
      issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    };
  }
  const cloud =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).cloud
      : undefined;
  return { ...parseCloudConfig(cloud, file), file };
}
