/**
 * A fast path for locating a JSON pointer in block-style YAML without parsing it: a walk over
 * lines and indentation, which is how nearly every manifest is written. It answers only when it
 * is sure; anything unusual (flow collections it cannot read, aliases, merge keys, complex keys)
 * returns `undefined`, and the caller falls back to the full position-tracking parser.
 */

interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset after the last character (before `\n`). */
  end: number;
  /** Column of the first content character, or -1 for blank and comment-only lines. */
  indent: number;
}

/** A node's block: lines [from, to), whose content at `indent` holds its keys or items. */
interface Block {
  from: number;
  to: number;
  /** Virtual start of the first line (after a `- ` marker), or -1 to use the line's start. */
  firstColumn: number;
}

export interface FastLocation {
  /** Offset in the text of the key (for map members) or item (for sequence members). */
  offset: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length;
    }
    let column = start;
    while (column < end && text.charCodeAt(column) === 32) {
      column++;
    }
    const first = text.charAt(column);
    // Document markers and directives carry no content of the document's root node here.
    const marker =
      column === start &&
      (text.startsWith('---', start) || text.startsWith('...', start) || first === '%');
    const blank = marker || column >= end || first === '#' || first === '\r';
    lines.push({ start, end, indent: blank ? -1 : column - start });
    start = end + 1;
  }
  return lines;
}

/** Where a line's content begins inside a block (honouring a virtual start after `- `). */
function contentStart(text: string, lines: Line[], block: Block, index: number): number {
  const line = lines[index] as Line;
  if (index === block.from && block.firstColumn >= 0) {
    let column = line.start + block.firstColumn;
    while (column < line.end && text.charCodeAt(column) === 32) {
      column++;
    }
    return column;
  }
  return line.start + line.indent;
}

/** A line that carries content in a block, with where its content starts. */
interface Entry {
  index: number;
  at: number;
  indent: number;
}

/**
 * The next line at or after `from` that carries content in the block, or undefined. Writes into
 * `entry` rather than allocating: the walk visits many lines.
 */
function nextContent(
  text: string,
  lines: Line[],
  block: Block,
  from: number,
  entry: Entry,
): Entry | undefined {
  for (let index = from; index < block.to; index++) {
    const line = lines[index] as Line;
    if (line.indent < 0) {
      continue;
    }
    const at = contentStart(text, lines, block, index);
    if (at >= line.end || text.charCodeAt(at) === 35) {
      continue;
    }
    entry.index = index;
    entry.at = at;
    entry.indent = at - line.start;
    return entry;
  }
  return undefined;
}

const PLAIN_KEY_END = /^:(?=[ \t\r\n]|$)/;

/** Reads a key at `at`: returns the key text and the offset after its `:`, or undefined. */
function readKey(
  text: string,
  at: number,
  end: number,
): { key: string; after: number } | undefined {
  const first = text.charAt(at);
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, at + 1);
    if (close < 0 || close >= end || text.charAt(close + 1) !== ':') {
      return undefined;
    }
    const raw = text.slice(at + 1, close);
    // Escapes and doubled quotes are rare in keys; leave them to the full parser.
    if (raw.includes('\\') || raw.includes(first)) {
      return undefined;
    }
    return { key: raw, after: close + 2 };
  }
  if ('-?[{&*!|>%@`'.includes(first) || first === '<') {
    return undefined;
  }
  for (let index = at; index < end; index++) {
    const char = text.charAt(index);
    if (char === ':' && PLAIN_KEY_END.test(text.slice(index, index + 2))) {
      return { key: text.slice(at, index).trimEnd(), after: index + 1 };
    }
    if (char === ' ' && text.charAt(index + 1) === '#') {
      return undefined;
    }
  }
  return undefined;
}

/** The block of lines that belongs to a value starting after a key or item on line `index`. */
function childBlock(
  lines: Line[],
  index: number,
  ownerIndent: number,
  limit: number,
  allowIndentless: boolean,
  text: string,
): Block {
  let to = index + 1;
  while (to < limit) {
    const line = lines[to] as Line;
    if (line.indent >= 0) {
      const indentless =
        allowIndentless &&
        line.indent === ownerIndent &&
        text.charAt(line.start + line.indent) === '-';
      if (line.indent <= ownerIndent && !indentless) {
        break;
      }
    }
    to++;
  }
  return { from: index + 1, to, firstColumn: -1 };
}

/** Where a walk stands after some tokens: the node's block, and its key or item offset. */
interface State {
  block: Block;
  offset: number;
  /** The node's value when it is written inline on its key's line. */
  inline?: string;
  /** Offset of the inline value in the text. */
  inlineAt?: number;
  /** The node's block, read once (see {@link summarize}). */
  summary?: Summary | 'unsure';
}

/** Results of walks over one document, by pointer prefix, so that pointers share their work. */
export type FastCache = Map<string, State | 'absent' | 'unsure'>;

const SEQUENCE_ITEM = /^-(?=[ \t\r\n]|$)/;
const EMPTY_FLOW = /^(\{\s*\}|\[\s*\])\s*(#.*)?$/;

/**
 * The `index`th item of the one-line flow sequence whose `[` is at `open`: the offset of the
 * item, `'absent'` past the end, or `'unsure'` for anything but plain and simply quoted scalars.
 */
function flowItem(text: string, open: number, index: number): State | 'absent' | 'unsure' {
  let at = open + 1;
  const skip = (): void => {
    while (text.charCodeAt(at) === 32) {
      at++;
    }
  };
  skip();
  if (text.charAt(at) === ']') {
    return 'absent';
  }
  for (let count = 0; ; count++) {
    const start = at;
    const first = text.charAt(at);
    if (first === '"' || first === "'") {
      const close = text.indexOf(first, at + 1);
      const newline = text.indexOf('\n', at);
      if (close < 0 || (newline >= 0 && close > newline)) {
        return 'unsure';
      }
      if (text.slice(at + 1, close).includes('\\') || text.charAt(close + 1) === first) {
        return 'unsure';
      }
      at = close + 1;
    } else {
      while (at < text.length && !',]\n#[{}:'.includes(text.charAt(at))) {
        at++;
      }
      if (at === start || ':#[{}\n'.includes(text.charAt(at)) || at >= text.length) {
        return 'unsure';
      }
    }
    if (count === index) {
      return { block: { from: 0, to: 0, firstColumn: -1 }, offset: start, inline: '' };
    }
    skip();
    const separator = text.charAt(at);
    if (separator === ']') {
      return 'absent';
    }
    if (separator !== ',') {
      return 'unsure';
    }
    at++;
    skip();
  }
}

/** One step of the walk: from the node in `state` into its member `token`. */
function step(
  text: string,
  lines: Line[],
  state: State,
  token: string,
): State | 'absent' | 'unsure' {
  if (state.inline !== undefined) {
    if (EMPTY_FLOW.test(state.inline)) {
      return 'absent';
    }
    // A one-line flow sequence of scalars (`add: [NET_ADMIN, SYS_TIME]`) is read here; looking
    // inside any other inline value is the full parser's job.
    if (state.inline.startsWith('[') && state.inlineAt !== undefined && /^\d+$/.test(token)) {
      return flowItem(text, state.inlineAt, Number(token));
    }
    return 'unsure';
  }
  const summary = (state.summary ??= summarize(text, lines, state.block));
  if (summary === 'unsure') {
    return 'unsure';
  }
  const { block } = state;
  const indent = summary.indent;
  if (summary.sequence) {
    // A sequence: the Nth `- ` at this indentation.
    if (!/^\d+$/.test(token)) {
      return 'unsure';
    }
    const item = summary.items[Number(token)];
    if (item === undefined) {
      return summary.complete ? 'absent' : 'unsure';
    }
    const line = lines[item.index] as Line;
    const itemBlock = childBlock(lines, item.index, indent, block.to, false, text);
    const inner: Block = {
      from: item.index,
      to: itemBlock.to,
      firstColumn: item.at - line.start + 1,
    };
    // The item is where its content starts: after `- `, or on the next content line.
    const content = nextContent(text, lines, inner, inner.from, { index: 0, at: 0, indent: 0 });
    return content === undefined ? 'unsure' : { block: inner, offset: content.at };
  }
  // A map: the key at this indentation.
  const entry = summary.keys.get(token);
  if (entry === undefined) {
    return summary.complete ? 'absent' : 'unsure';
  }
  const line = lines[entry.index] as Line;
  const rest = text.slice(entry.after, line.end).trim();
  if (rest !== '' && !rest.startsWith('#')) {
    // Anchors, aliases and tags change what the value is: leave them to the parser.
    if (/^[&*!]/.test(rest)) {
      return 'unsure';
    }
    return {
      block: { from: 0, to: 0, firstColumn: -1 },
      offset: entry.at,
      inline: rest,
      inlineAt: text.indexOf(rest, entry.after),
    };
  }
  return {
    block: childBlock(lines, entry.index, indent, block.to, true, text),
    offset: entry.at,
  };
}

/** A member of a block: the line it is on, where it starts, and (for keys) where its `:` ends. */
interface Member {
  index: number;
  at: number;
  after: number;
}

/**
 * What a block holds, read once for every pointer that goes through it: its keys (the first of
 * duplicates) or its items, in order, up to the first line the walk cannot read (`complete` is
 * then false, and what was not seen is left to the parser).
 */
interface Summary {
  indent: number;
  sequence: boolean;
  keys: Map<string, Member>;
  items: Member[];
  complete: boolean;
}

function summarize(text: string, lines: Line[], block: Block): Summary | 'unsure' {
  const cursor: Entry = { index: 0, at: 0, indent: 0 };
  const first = nextContent(text, lines, block, block.from, cursor);
  if (first === undefined) {
    return 'unsure';
  }
  const indent = first.indent;
  const sequence = SEQUENCE_ITEM.test(text.slice(first.at, first.at + 2));
  const summary: Summary = { indent, sequence, keys: new Map(), items: [], complete: false };
  for (
    let entry = nextContent(text, lines, block, block.from, cursor);
    entry !== undefined;
    entry = nextContent(text, lines, block, entry.index + 1, cursor)
  ) {
    if (entry.indent < indent) {
      return summary;
    }
    if (entry.indent !== indent) {
      continue;
    }
    if (sequence) {
      if (text.charAt(entry.at) !== '-') {
        return summary;
      }
      summary.items.push({ index: entry.index, at: entry.at, after: entry.at });
      continue;
    }
    if (SEQUENCE_ITEM.test(text.slice(entry.at, entry.at + 2))) {
      // An item of an indentless sequence that belongs to the key before it.
      continue;
    }
    const line = lines[entry.index] as Line;
    const key = readKey(text, entry.at, line.end);
    if (key === undefined || key.key === '<<') {
      return summary;
    }
    if (!summary.keys.has(key.key)) {
      summary.keys.set(key.key, { index: entry.index, at: entry.at, after: key.after });
    }
  }
  summary.complete = true;
  return summary;
}

/**
 * Locates `tokens` (decoded pointer tokens) in `text`. Returns the offset of the key or item,
 * `'absent'` when the block-style text certainly lacks it, or undefined when the fast path is not
 * sure. Pass the same `cache` for pointers into one document.
 */
export function locateFast(
  text: string,
  tokens: readonly string[],
  lines: Line[] = splitLines(text),
  cache: FastCache = new Map(),
): FastLocation | 'absent' | undefined {
  let state: State = { block: { from: 0, to: lines.length, firstColumn: -1 }, offset: -1 };
  // keys[i] identifies the prefix of the first i + 1 tokens.
  const keys: string[] = [];
  for (const token of tokens) {
    keys.push(keys.length === 0 ? token : `${keys[keys.length - 1] ?? ''}\u0000${token}`);
  }
  let done = 0;
  for (let length = tokens.length; length > 0; length--) {
    const hit = cache.get(keys[length - 1] ?? '');
    if (hit === 'absent') {
      return 'absent';
    }
    if (hit === 'unsure') {
      return undefined;
    }
    if (hit !== undefined) {
      state = hit;
      done = length;
      break;
    }
  }
  for (let position = done; position < tokens.length; position++) {
    const next = step(text, lines, state, tokens[position] ?? '');
    cache.set(keys[position] ?? '', next);
    if (next === 'absent') {
      return 'absent';
    }
    if (next === 'unsure') {
      return undefined;
    }
    state = next;
  }
  return state.offset < 0 ? undefined : { offset: state.offset };
}

export { splitLines, type Line };
