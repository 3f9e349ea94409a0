/**
 * File-system access for node collection, under a root directory. A fixture tree may carry a
 * `.mamori-stat` file at its root that overrides modes and owners (git keeps neither), one entry a
 * line: `<octal mode> <user>:<group> <absolute path>`.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFact, FileType } from '../../cis/facts.js';

export const STAT_OVERLAY = '.mamori-stat';

export interface NodeFs {
  root: string;
  procRoot: string;
  /** The host path under the root. */
  under(path: string): string;
  stat(path: string, pid?: number): FileFact;
  read(
    path: string,
    pid?: number,
    maxBytes?: number,
  ): { text?: string; at: string; error?: string };
  list(path: string, pid?: number): { entries?: string[]; error?: string };
}

interface OverlayEntry {
  mode: number;
  user: string;
  group: string;
}

function parseIds(text: string | undefined): Map<number, string> {
  const ids = new Map<number, string>();
  for (const line of (text ?? '').split('\n')) {
    const [name, , id] = line.split(':');
    if (name !== undefined && id !== undefined && /^\d+$/.test(id) && !ids.has(Number(id))) {
      ids.set(Number(id), name);
    }
  }
  return ids;
}

function readText(path: string, maxBytes = 4 * 1024 * 1024): string | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > maxBytes) {
      return undefined;
    }
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseOverlay(text: string | undefined): Map<string, OverlayEntry> {
  const overlay = new Map<string, OverlayEntry>();
  for (const line of (text ?? '').split('\n')) {
    const match = /^\s*([0-7]{3,4})\s+([^:\s]+):(\S+)\s+(\/.*?)\s*$/.exec(line);
    if (match) {
      overlay.set(match[4] ?? '', {
        mode: parseInt(match[1] ?? '0', 8),
        user: match[2] ?? '',
        group: match[3] ?? '',
      });
    }
  }
  return overlay;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
}

/** File-system access under `root`, with processes read from `procRoot`. */
export function nodeFs(root: string, procRoot: string): NodeFs {
  const under = (path: string): string => (root === '/' ? path : join(root, path));
  const users = parseIds(readText(under('/etc/passwd')));
  const groups = parseIds(readText(under('/etc/group')));
  const overlay = parseOverlay(readText(join(root, STAT_OVERLAY)));

  /** The first location of the path that exists: under the root, else in the process's root. */
  const locate = (path: string, pid?: number): string => {
    const direct = under(path);
    if (pid === undefined) {
      return direct;
    }
    try {
      lstatSync(direct);
      return direct;
    } catch {
      const inside = join(procRoot, String(pid), 'root', path);
      try {
        lstatSync(inside);
        return inside;
      } catch {
        return direct;
      }
    }
  };

  const stat = (path: string, pid?: number): FileFact => {
    const at = locate(path, pid);
    let type: FileType;
    let mode: number | undefined;
    let uid: number | undefined;
    let gid: number | undefined;
    try {
      const stats = statSync(at);
      type = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
      mode = stats.mode & 0o7777;
      uid = stats.uid;
      gid = stats.gid;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return { path, type: 'missing' };
      }
      return { path, type: 'unreadable', error: errorText(error) };
    }
    const fact: FileFact = { path, type, mode, uid, gid };
    const user = users.get(uid);
    const group = groups.get(gid);
    if (user !== undefined) {
      fact.user = user;
    }
    if (group !== undefined) {
      fact.group = group;
    }
    const override = overlay.get(path);
    if (override !== undefined) {
      fact.mode = override.mode;
      fact.user = override.user;
      fact.group = override.group;
      delete fact.uid;
      delete fact.gid;
    }
    if (at !== under(path) && pid !== undefined) {
      fact.resolvedAt = `/proc/${pid}/root${path}`;
    }
    return fact;
  };

  const read = (path: string, pid?: number, maxBytes = 4 * 1024 * 1024) => {
    const at = locate(path, pid);
    try {
      const stats = statSync(at);
      if (!stats.isFile()) {
        return { at, error: 'not a regular file' };
      }
      if (stats.size > maxBytes) {
        return { at, error: `larger than ${maxBytes} bytes` };
      }
      return { at, text: readFileSync(at, 'utf8') };
    } catch (error) {
      return { at, error: errorText(error) };
    }
  };

  const list = (path: string, pid?: number) => {
    const at = locate(path, pid);
    const entries: string[] = [];
    const walk = (dir: string, shown: string, depth: number): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        if (entries.length >= 5000) {
          return;
        }
        const child = `${shown}/${entry.name}`;
        entries.push(child);
        if (entry.isDirectory() && depth < 6) {
          walk(join(dir, entry.name), child, depth + 1);
        }
      }
    };
    try {
      walk(at, path.replace(/\/+$/, ''), 0);
      return { entries };
    } catch (error) {
      return { error: errorText(error) };
    }
  };

  return { root, procRoot, under, stat, read, list };
}
