/**
 * String literals of the text format → bytes. A literal's characters stand for
 * their UTF-8 bytes and its C escapes for raw bytes (`\302`, `\x1f`), so
 * `tensor_content: "\000\000\200?"` reads back the exact float bytes TF printed.
 * The escapes are C++ `UnescapeCEscapeSequences`' plus the text-format spec's
 * `\u`/`\U`.
 */
import type { Lexer } from './pbtxt-lexer.ts';

/** A growable byte buffer, reused across literals. */
export class ByteSink {
  private buf = new Uint8Array(256);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  push(byte: number): void {
    if (this.length === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = byte;
  }

  /** UTF-8 of one code point; a lone surrogate becomes U+FFFD, as TextEncoder does. */
  pushCodePoint(cp: number): void {
    if (cp < 0x80) this.push(cp);
    else if (cp < 0x800) {
      this.push(0xc0 | (cp >> 6));
      this.push(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      this.push(0xe0 | (cp >> 12));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    } else {
      this.push(0xf0 | (cp >> 18));
      this.push(0x80 | ((cp >> 12) & 0x3f));
      this.push(0x80 | ((cp >> 6) & 0x3f));
      this.push(0x80 | (cp & 0x3f));
    }
  }

  take(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63,
};

const isOctal = (c: number) => c >= 48 && c <= 55;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** Appends the bytes of the lexer's current `string` token to `sink`. */
export function appendStringBytes(lx: Lexer, sink: ByteSink): void {
  const s = lx.text;
  const end = lx.end - 1; // the closing quote
  let i = lx.start + 1;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i = appendEscape(lx, i, sink);
    } else if (c < 0x80) {
      sink.push(c);
      i++;
    } else {
      const cp = s.codePointAt(i)!;
      sink.pushCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
}

/** Decodes the escape whose backslash is at `at`; returns the offset after it. */
function appendEscape(lx: Lexer, at: number, sink: ByteSink): number {
  const s = lx.text;
  const c = s.charCodeAt(at + 1);
  const simple = SIMPLE_ESCAPES[s[at + 1]!];
  if (simple !== undefined) {
    sink.push(simple);
    return at + 2;
  }
  if (isOctal(c)) {
    let j = at + 1;
    while (j < at + 4 && isOctal(s.charCodeAt(j))) j++;
    const value = parseInt(s.slice(at + 1, j), 8);
    if (value > 255) throw lx.errorAt(at, `octal escape '${s.slice(at, j)}' is above '\\377' (255)`);
    sink.push(value);
    return j;
  }
  if (c === 120 || c === 88) { // \x \X: one or two hex digits
    let j = at + 2;
    while (j < at + 4 && isHex(s.charCodeAt(j))) j++;
    if (j === at + 2) throw lx.errorAt(at, `'${s.slice(at, at + 2)}' must be followed by hex digits`);
    sink.push(parseInt(s.slice(at + 2, j), 16));
    return j;
  }
  if (c === 117 || c === 85) { // \uXXXX, \UXXXXXXXX
    let [cp, j] = readUnicode(lx, at);
    if (cp >= 0xd800 && cp <= 0xdbff && s.charCodeAt(j) === 92 && s.charCodeAt(j + 1) === 117) {
      const [low, k] = readUnicode(lx, j);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        j = k;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) throw lx.errorAt(at, `'${s.slice(at, j)}' is an unpaired surrogate`);
    sink.pushCodePoint(cp);
    return j;
  }
  const shown = `\\${String.fromCodePoint(s.codePointAt(at + 1)!)}`; // the lexer ended the string if nothing followed
  const escapes = String.raw`\n \t \r \a \b \f \v \\ \' \" \? \NNN \xHH \uHHHH \UHHHHHHHH`;
  throw lx.errorAt(at, `invalid escape '${shown}' in string (expected one of ${escapes})`);
}

function readUnicode(lx: Lexer, at: number): [number, number] {
  const s = lx.text;
  const digits = s.charCodeAt(at + 1) === 117 ? 4 : 8;
  const hex = s.slice(at + 2, at + 2 + digits);
  if (hex.length !== digits || ![...hex].every((ch) => isHex(ch.charCodeAt(0)))) {
    throw lx.errorAt(at, `'${s.slice(at, at + 2)}' must be followed by exactly ${digits} hex digits`);
  }
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff) throw lx.errorAt(at, `'${s.slice(at, at + 2 + digits)}' is above U+10FFFF`);
  return [cp, at + 2 + digits];
}
