import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCloudConfigFile, loadCloudConfig } from './config.js';

describe('loadCloudConfig', () => {
  it('reads only the cloud section of mamori.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'mamori-config-'));
    const file = join(root, 'mamori.yaml');
    writeFileSync(
      file,
      'failOn: medium\nrules: {}\ncloud:\n  maxClusterAdmins: 1\n  versionSupport:\n    asOf: 2026-12-01\n    eks:\n      "1.36": {release: 2026-06-01, standardEnd: 2027-08-01, extendedEnd: 2028-08-01}\n',
    );
    expect(findCloudConfigFile(root)).toBe(file);
    const loaded = loadCloudConfig(file);
    expect(loaded.issues).toEqual([]);
    expect(loaded.options.maxClusterAdmins).toBe(1);
    expect(loaded.versions).toMatchObject({ asOf: '2026-12-01', source: file });
    expect(loaded.versions.eks['1.36']).toEqual({
      release: '2026-06-01',
      standardEnd: '2027-08-01',
      extendedEnd: '2028-08-01',
    });
  });

  it('reports unreadable and malformed files', () => {
    expect(loadCloudConfig('/nonexistent/mamori.yaml').issues).toHaveLength(1);
    const root = mkdtempSync(join(tmpdir(), 'mamori-config-'));
    writeFileSync(join(root, 'bad.yaml'), 'cloud: [unclosed\n');
    expect(loadCloudConfig(join(root, 'bad.yaml')).issues).toHaveLength(1);
    expect(loadCloudConfig(undefined)).toMatchObject({ issues: [] });
  });
});
