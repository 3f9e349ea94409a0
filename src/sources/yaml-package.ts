/**
 * The position-tracking `yaml` package, loaded on first use: most scans never need it (block
 * YAML is located by a line walk), and loading it costs more than scanning a small repository.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

type YamlPackage = typeof Yaml;

let loaded: YamlPackage | undefined;

/** The `yaml` package. */
export function yamlPackage(): YamlPackage {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}
