/**
 * Locating a JSON pointer in JSON text (a `.json` manifest, or a YAML document written as JSON)
 * without a position-tracking parser: a small scanner that reads the members of each object and
 * array on the path once, and remembers them, so that many findings in one large document cost
 * one pass over it. Answers only for well-formed JSON; anything else returns `undefined`, and the
 * caller falls back to the full parser.
 */

/** What the scanner knows about one object or array, keyed by the offset of its opening bracket. */
type Container =
  | { kind: 'object'; members: Map<string, { key: number; value: number }> }
  | { kind: 'array'; items: number[] };

class NotJson extends Error {}
const NOT_JSON = new NotJson();

const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

class JsonScanner {
  readonly #containers = new Map<number, Container>();

  constructor(readonly text: string) {}

  skipSpace(at: number): number {
    let index = at;
    while (isSpace(this.text.charCodeAt(index))) {
      index++;
    }
    return index;
  }

  /** The end (after the closing quote) of the string starting at `at`. */
  stringEnd(at: number): number {
    const text = this.text;
    let index = at + 1;
    for (;;) {
      const code = text.charCodeAt(index);
      if (Number.isNaN(code) || code === 10) {
        throw NOT_JSON;
      }
      if (code === BACKSLASH) {
        index += 2;
      } else if (code === QUOTE) {
        return index + 1;
      } else {
        index++;
      }
    }
  }

  /** The end of the value starting at `at`. */
  valueEnd(at: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === QUOTE) {
      return this.stringEnd(at);
    }
    if (first === 123 || first === 91) {
      let depth = 0;
      let index = at;
      for (;;) {
        const code = text.charCodeAt(index);
        if (Number.isNaN(code)) {
          throw NOT_JSON;
        }
        if (code === QUOTE) {
          index = this.stringEnd(index);
          continue;
        }
        if (code === 123 || code === 91) {
          depth++;
        } else if (code === 125 || code === 93) {
          depth--;
          if (depth === 0) {
            return index + 1;
          }
        }
        index++;
      }
    }
    let index = at;
    for (;;) {
      const code = text.charCodeAt(index);
      if (Number.isNaN(code) || code === 44 || code === 125 || code === 93 || isSpace(code)) {
        break;
      }
      index++;
    }
    if (index === at) {
      throw NOT_JSON;
    }
    return index;
  }

  /** The object or array whose opening bracket is at `at`; undefined for a scalar. */
  containerAt(at: number): Container | undefined {
    const known = this.#containers.get(at);
    if (known !== undefined) {
      return known;
    }
    const text = this.text;
    const first = text.charCodeAt(at);
    let container: Container;
    if (first === 123) {
      const members = new Map<string, { key: number; value: number }>();
      let index = this.skipSpace(at + 1);
      if (text.charCodeAt(index) !== 125) {
        for (;;) {
          if (text.charCodeAt(index) !== QUOTE) {
            throw NOT_JSON;
          }
          const keyEnd = this.stringEnd(index);
          const raw = text.slice(index + 1, keyEnd - 1);
          const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          const colon = this.skipSpace(keyEnd);
          if (text.charCodeAt(colon) !== 58) {
            throw NOT_JSON;
          }
          const value = this.skipSpace(colon + 1);
          // As JSON.parse does, the last of duplicate keys wins.
          members.set(key, { key: index, value });
          const after = this.skipSpace(this.valueEnd(value));
          const separator = text.charCodeAt(after);
          if (separator === 125) {
            break;
          }
          if (separator !== 44) {
            throw NOT_JSON;
          }
          index = this.skipSpace(after + 1);
        }
      }
      container = { kind: 'object', members };
    } else if (first === 91) {
      const items: number[] = [];
      let index = this.skipSpace(at + 1);
      if (text.charCodeAt(index) !== 93) {
        for (;;) {
          items.push(index);
          const after = this.skipSpace(this.valueEnd(index));
          const separator = text.charCodeAt(after);
          if (separator === 93) {
            break;
          }
          if (separator !== 44) {
            throw NOT_JSON;
          }
          index = this.skipSpace(after + 1);
        }
      }
      container = { kind: 'array', items };
    } else {
      return undefined;
    }
    this.#containers.set(at, container);
    return container;
  }
}

/**
 * A locator for JSON text: for decoded pointer tokens, the offset of the member's key (in an
 * object) or of the item (in an array), `'absent'` when the path does not exist, or undefined
 * when the text is not JSON it can read.
 */
export function jsonLocator(
  text: string,
): (tokens: readonly string[]) => number | 'absent' | undefined {
  const scanner = new JsonScanner(text);
  let broken = false;
  return (tokens) => {
    if (broken) {
      return undefined;
    }
    try {
      let at = scanner.skipSpace(0);
      let found = -1;
      for (const token of tokens) {
        const container = scanner.containerAt(at);
        if (container === undefined) {
          return 'absent';
        }
        if (container.kind === 'object') {
          const member = container.members.get(token);
          if (member === undefined) {
            return 'absent';
          }
          found = member.key;
          at = member.value;
        } else {
          const item = /^(0|[1-9]\d*)$/.test(token) ? container.items[Number(token)] : undefined;
          if (item === undefined) {
            return 'absent';
          }
          found = item;
          at = item;
        }
      }
      return found < 0 ? undefined : found;
    } catch (error) {
      if (error instanceof NotJson || error instanceof SyntaxError) {
        broken = true;
        return undefined;
      }
      throw error;
    }
  };
}
