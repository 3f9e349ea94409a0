/**
 * A tiny, strict XML reader for tests: it accepts the subset of XML 1.0 the JUnit reporter writes
 * (a declaration, elements, attributes, text, character and predefined entity references,
 * comments) and throws on anything malformed, so a report that parses here is well-formed.
 * Written as a character scanner on purpose: no regular expressions, no dependency.
 */

export interface XmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The decoded character data directly inside the element. */
  text: string;
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}

function isNameChar(char: string, first: boolean): boolean {
  const lower = char.toLowerCase();
  if ((lower >= 'a' && lower <= 'z') || char === '_' || char === ':') {
    return true;
  }
  return !first && ((char >= '0' && char <= '9') || char === '-' || char === '.');
}

function isDigits(text: string, hex: boolean): boolean {
  if (text === '') {
    return false;
  }
  for (const char of text.toLowerCase()) {
    const digit = char >= '0' && char <= '9';
    if (!digit && !(hex && char >= 'a' && char <= 'f')) {
      return false;
    }
  }
  return true;
}

class Scanner {
  private position = 0;

  constructor(private readonly source: string) {
    for (const char of source) {
      const code = char.codePointAt(0) ?? 0;
      if (!isXmlChar(code)) {
        throw new Error(`character U+${code.toString(16)} is not allowed in XML`);
      }
    }
  }

  private fail(message: string): never {
    throw new Error(`${message} at offset ${this.position}`);
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.position + offset];
  }

  private startsWith(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  private expect(text: string): void {
    if (!this.startsWith(text)) {
      this.fail(`expected ${JSON.stringify(text)}`);
    }
    this.position += text.length;
  }

  private skipSpace(): void {
    while (isSpace(this.peek())) {
      this.position += 1;
    }
  }

  private skipUntil(end: string): void {
    const index = this.source.indexOf(end, this.position);
    if (index < 0) {
      this.fail(`unterminated construct, expected ${end}`);
    }
    this.position = index + end.length;
  }

  private name(): string {
    const start = this.position;
    while (this.peek() !== undefined && isNameChar(this.peek() ?? '', this.position === start)) {
      this.position += 1;
    }
    if (this.position === start) {
      this.fail('expected a name');
    }
    return this.source.slice(start, this.position);
  }

  private reference(): string {
    this.expect('&');
    const end = this.source.indexOf(';', this.position);
    if (end < 0) {
      this.fail('unterminated entity reference');
    }
    const body = this.source.slice(this.position, end);
    this.position = end + 1;
    if (body.startsWith('#x')) {
      return this.character(body.slice(2), true);
    }
    if (body.startsWith('#')) {
      return this.character(body.slice(1), false);
    }
    const value = PREDEFINED[body];
    return value ?? this.fail(`unknown entity &${body};`);
  }

  private character(digits: string, hex: boolean): string {
    if (!isDigits(digits, hex)) {
      this.fail(`bad character reference ${digits}`);
    }
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (!isXmlChar(code)) {
      this.fail(`character reference to forbidden U+${code.toString(16)}`);
    }
    return String.fromCodePoint(code);
  }

  private attributeValue(): string {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") {
      return this.fail('expected a quoted attribute value');
    }
    this.position += 1;
    let value = '';
    for (;;) {
      const char = this.peek();
      if (char === undefined) {
        this.fail('unterminated attribute value');
      } else if (char === quote) {
        this.position += 1;
        return value;
      } else if (char === '<') {
        this.fail('"<" in an attribute value');
      } else if (char === '&') {
        value += this.reference();
      } else {
        // Attribute value normalisation: literal white space becomes a space.
        value += isSpace(char) ? ' ' : char;
        this.position += 1;
      }
    }
  }

  private element(): XmlElement {
    this.expect('<');
    const name = this.name();
    const attributes = new Map<string, string>();
    for (;;) {
      const hadSpace = isSpace(this.peek());
      this.skipSpace();
      if (this.startsWith('/>')) {
        this.position += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (this.startsWith('>')) {
        this.position += 1;
        break;
      }
      if (!hadSpace) {
        this.fail('expected white space before an attribute');
      }
      const attribute = this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      if (attributes.has(attribute)) {
        this.fail(`duplicate attribute ${attribute}`);
      }
      attributes.set(attribute, this.attributeValue());
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    this.content(element);
    return element;
  }

  private content(element: XmlElement): void {
    for (;;) {
      const char = this.peek();
      if (char === undefined) {
        this.fail(`element <${element.name}> is not closed`);
      } else if (this.startsWith('</')) {
        this.position += 2;
        const closing = this.name();
        if (closing !== element.name) {
          this.fail(`</${closing}> closes <${element.name}>`);
        }
        this.skipSpace();
        this.expect('>');
        return;
      } else if (this.startsWith('<!--')) {
        this.skipUntil('-->');
      } else if (char === '<') {
        element.children.push(this.element());
      } else if (char === '&') {
        element.text += this.reference();
      } else if (this.startsWith(']]>')) {
        this.fail('"]]>" in character data');
      } else {
        // Line ends are normalised to LF by XML parsers.
        element.text += char === '\r' ? '\n' : char;
        this.position += char === '\r' && this.peek(1) === '\n' ? 2 : 1;
      }
    }
  }

  document(): XmlElement {
    if (this.startsWith('<?xml')) {
      this.skipUntil('?>');
    }
    this.skipSpace();
    const root = this.element();
    this.skipSpace();
    if (this.position !== this.source.length) {
      this.fail('content after the root element');
    }
    return root;
  }
}

/** Parses a well-formed XML document or throws. */
export function parseXml(source: string): XmlElement {
  return new Scanner(source).document();
}

/** Every element named `name` below (and including) `root`, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
  const found = root.name === name ? [root] : [];
  for (const child of root.children) {
    found.push(...elementsNamed(child, name));
  }
  return found;
}
