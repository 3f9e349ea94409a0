/**
 * Terminal helpers for the table reporter: ANSI styles, column widths that count East Asian
 * wide characters as two cells, and neutralising control characters in untrusted text.
 */

/** ANSI SGR styles used by the table. */
export const STYLES = {
  bold: '1',
  dim: '2',
  underline: '4',
  red: '31',
  green: '32',
  yellow: '33',
  blue: '34',
  magenta: '35',
  cyan: '36',
  gray: '90',
  boldRed: '1;31',
  boldGreen: '1;32',
  boldMagenta: '1;35',
} as const;

export type Style = keyof typeof STYLES;

/** A function that styles text, or leaves it alone when colours are off. */
export type Painter = (style: Style, text: string) => string;

/** A painter that emits ANSI escapes only when `color` is true. */
export function painter(color: boolean): Painter {
  if (!color) {
    return (_style, text) => text;
  }
  return (style, text) => (text === '' ? text : `\u001b[${STYLES[style]}m${text}\u001b[0m`);
}

function isBidiControl(code: number): boolean {
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/**
 * Makes untrusted text (resource names end up in messages) safe for a terminal: line breaks
 * and tabs become spaces, other control characters, bidirectional overrides and lone surrogates
 * are shown as escapes, so they can neither move the cursor nor reorder what is displayed.
 */
export function terminalSafe(text: string): string {
  let safe = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\r' || char === '\t') {
      safe += ' ';
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      safe += `\\x${hex(code, 2)}`;
    } else if (isBidiControl(code) || (code >= 0xd800 && code <= 0xdfff)) {
      safe += `\\u${hex(code, 4)}`;
    } else {
      safe += char;
    }
  }
  return safe;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function isZeroWidth(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || code === 0x200b || code === 0xfe0f;
}

/** Terminal cells the text takes (without ANSI escapes). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += isZeroWidth(code) ? 0 : isWide(code) ? 2 : 1;
  }
  return width;
}

/** Pads text with spaces on the right to `width` terminal cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
