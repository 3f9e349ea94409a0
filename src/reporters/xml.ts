/**
 * XML escaping for reports that carry untrusted text (resource names, messages). Characters that
 * XML 1.0 forbids are removed, since no escape can represent them.
 */

/** Whether a code point may appear in an XML 1.0 document. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function escapeXml(text: string, inAttribute: boolean): string {
  let escaped = '';
  // Iterating a string yields code points; a lone surrogate comes out on its own and is dropped.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) {
      continue;
    }
    switch (char) {
      case '&':
        escaped += '&amp;';
        break;
      case '<':
        escaped += '&lt;';
        break;
      case '>':
        escaped += '&gt;';
        break;
      case '"':
        escaped += inAttribute ? '&quot;' : char;
        break;
      case "'":
        escaped += inAttribute ? '&apos;' : char;
        break;
      case '\r':
        // A literal CR is turned into LF by every XML parser; keep it as a reference.
        escaped += '&#13;';
        break;
      case '\n':
      case '\t':
        // Attribute value normalisation turns literal tabs and line breaks into spaces.
        escaped += inAttribute ? `&#${code};` : char;
        break;
      default:
        escaped += char;
    }
  }
  return escaped;
}

/** Escapes text for element content. */
export function escapeXmlText(text: string): string {
  return escapeXml(text, false);
}

/** Escapes text for a double- or single-quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text, true);
}

/** Renders attributes in the given order: ` name="value"` each; undefined values are left out. */
export function xmlAttributes(
  attributes: Readonly<Record<string, string | number | undefined>>,
): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}
