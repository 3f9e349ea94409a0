/**
 * Finds the offset of the first syntax error in JSON text. `JSON.parse` in Node 20 does not
 * always say where it failed, and users need a line and column.
 */

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Returns the offset of the first JSON syntax error, or the text length for unexpected EOF. */
export function jsonErrorOffset(text: string): number {
  let index = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(index);
  };
  const skip = (): void => {
    while (index < text.length && WHITESPACE.has(text.charAt(index))) {
      index++;
    }
  };
  const literal = (word: string): void => {
    for (const char of word) {
      if (text.charAt(index) !== char) {
        fail();
      }
      index++;
    }
  };
  const string = (): void => {
    index++;
    while (index < text.length) {
      const char = text.charAt(index);
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        index++;
        const escape = text.charAt(index);
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 1, index + 5))) {
            fail();
          }
          index += 4;
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          fail();
        }
      } else if (char < ' ') {
        fail();
      }
      index++;
    }
    fail();
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index, index + 400));
    if (match === null) {
      fail();
    } else {
      index += match[0].length;
    }
  };
  const value = (): void => {
    skip();
    const char = text.charAt(index);
    if (char === '{') {
      index++;
      skip();
      if (text.charAt(index) === '}') {
        index++;
        return;
      }
      for (;;) {
        skip();
        if (text.charAt(index) !== '"') {
          fail();
        }
        string();
        skip();
        if (text.charAt(index) !== ':') {
          fail();
        }
        index++;
        value();
        skip();
        const next = text.charAt(index);
        index++;
        if (next === '}') {
          return;
        }
        if (next !== ',') {
          index--;
          fail();
        }
      }
    } else if (char === '[') {
      index++;
      skip();
      if (text.charAt(index) === ']') {
        index++;
        return;
      }
      for (;;) {
        value();
        skip();
        const next = text.charAt(index);
        index++;
        if (next === ']') {
          return;
        }
        if (next !== ',') {
          index--;
          fail();
        }
      }
    } else if (char === '"') {
      string();
    } else if (char === 't') {
      literal('true');
    } else if (char === 'f') {
      literal('false');
    } else if (char === 'n') {
      literal('null');
    } else {
      number();
    }
  };
  try {
    value();
    skip();
    if (index < text.length) {
      fail();
    }
  } catch (error) {
    if (error instanceof JsonSyntaxAt) {
      return error.offset;
    }
    throw error;
  }
  return text.length;
}
