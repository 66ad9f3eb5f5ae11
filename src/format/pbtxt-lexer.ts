/**
 * The tokenizer of protobuf's text format, the `.pbtxt` files TF writes with
 * `tf.train.write_graph(..., as_text=True)`. It follows C++ `io::Tokenizer` as
 * `TextFormat::Parser` configures it: `#` comments, `'` or `"` strings, decimal,
 * hex and octal integers, floats with an optional `f` suffix.
 *
 * Tokens are not objects: the lexer holds the current one (`kind`, `start`, `end`),
 * so a 3 MB GraphDef allocates no token garbage. Line and column are worked out only
 * when an error is raised.
 */

/** A text-format error at a place in the input: `graph.pbtxt:12:5: expected ':' …`. */
export class TextFormatError extends Error {
  constructor(readonly fileName: string, readonly line: number, readonly column: number, readonly reason: string) {
    super(`${fileName}:${line}:${column}: ${reason}`);
    this.name = 'TextFormatError';
  }
}

export type TokenKind = 'end' | 'ident' | 'string' | 'int' | 'float' | 'punct';

const LF = 10;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const DOT = 46;
const BACKSLASH = 92;

// The single characters the grammar uses; anything else outside a string is an error.
const PUNCT = new Set([...'{}<>[]:,;-'].map((c) => c.charCodeAt(0)));

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

export class Lexer {
  kind: TokenKind = 'end';
  /** Offset of the current token's first character. */
  start = 0;
  /** Offset just past the current token. */
  end = 0;
  /** For a `punct` token its character code, otherwise -1: `lx.punct === 58` tests for ':'. */
  punct = -1;
  /** For an `int` token: 8, 10 or 16. */
  base = 10;
  /** For a `string` token: whether it holds a backslash, so its bytes need decoding. */
  escaped = false;

  constructor(readonly text: string, readonly fileName: string) {
    // A byte-order mark is not part of the content (C++ and Go skip it too).
    this.end = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.next();
  }

  /** The current token's source text. */
  get token(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Moves to the next token. */
  next(): void {
    const s = this.text;
    const n = s.length;
    let i = this.end;
    for (;;) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) i++;
      else if (c === HASH) {
        const nl = s.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else break;
    }
    this.start = i;
    this.punct = -1;
    if (i >= n) {
      this.kind = 'end';
      this.end = n;
      return;
    }
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && (isLetter(s.charCodeAt(j)) || isDigit(s.charCodeAt(j)))) j++;
      this.kind = 'ident';
      this.end = j;
    } else if (c === DQUOTE || c === SQUOTE) {
      this.scanString(i, c);
    } else if (isDigit(c) || (c === DOT && isDigit(s.charCodeAt(i + 1)))) {
      this.scanNumber(i);
    } else if (PUNCT.has(c)) {
      this.kind = 'punct';
      this.punct = c;
      this.end = i + 1;
    } else {
      throw this.errorAt(i, `unexpected character ${JSON.stringify(String.fromCodePoint(s.codePointAt(i)!))}`);
    }
  }

  private scanString(i: number, quote: number): void {
    const s = this.text;
    let j = i + 1;
    let escaped = false;
    for (;;) {
      const c = s.charCodeAt(j);
      // NaN past the end; a raw newline is not allowed inside a literal (C++: "String literals cannot cross line boundaries").
      if (Number.isNaN(c) || c === LF) throw this.errorAt(i, 'unterminated string (a string literal must end on the line it starts)');
      if (c === quote) break;
      if (c === BACKSLASH) {
        escaped = true;
        const d = s.charCodeAt(j + 1);
        if (d !== LF && !Number.isNaN(d)) j++; // skip the escaped character, so `\"` does not end the string
      }
      j++;
    }
    this.kind = 'string';
    this.escaped = escaped;
    this.end = j + 1;
  }

  private scanNumber(i: number): void {
    const s = this.text;
    let j = i;
    let kind: TokenKind = 'int';
    this.base = 10;
    const c1 = s.charCodeAt(i + 1);
    if (s.charCodeAt(i) === 48 && (c1 === 120 || c1 === 88)) { // 0x
      j += 2;
      while (isHexDigit(s.charCodeAt(j))) j++;
      if (j === i + 2) throw this.errorAt(i, `invalid number '${s.slice(i, j)}': '0x' must be followed by hex digits`);
      this.base = 16;
    } else if (s.charCodeAt(i) === 48 && isDigit(c1)) {
      j++;
      while (isDigit(s.charCodeAt(j))) j++;
      if (/[89]/.test(s.slice(i, j))) throw this.errorAt(i, `invalid number '${s.slice(i, j)}': a number starting with 0 is octal`);
      this.base = 8;
    } else {
      while (isDigit(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) === DOT) {
        kind = 'float';
        j++;
        while (isDigit(s.charCodeAt(j))) j++;
      }
      const e = s.charCodeAt(j);
      if (e === 101 || e === 69) { // e E
        kind = 'float';
        j++;
        const sign = s.charCodeAt(j);
        if (sign === 43 || sign === 45) j++;
        const digits = j;
        while (isDigit(s.charCodeAt(j))) j++;
        if (j === digits) throw this.errorAt(i, `invalid number '${s.slice(i, j)}': the exponent has no digits`);
      }
      const f = s.charCodeAt(j);
      if (f === 102 || f === 70) { // the `1.0f` suffix C++ accepts
        kind = 'float';
        j++;
      }
    }
    const after = s.charCodeAt(j);
    if (isLetter(after) || isDigit(after) || after === DOT) {
      let k = j;
      while (k < s.length && (isLetter(s.charCodeAt(k)) || isDigit(s.charCodeAt(k)) || s.charCodeAt(k) === DOT)) k++;
      throw this.errorAt(i, `invalid number '${s.slice(i, k)}'`);
    }
    this.kind = kind;
    this.end = j;
  }

  /** How the current token reads in an error: `'foo'`, `'}'`, `number 1.5`, `end of input`. */
  describe(): string {
    switch (this.kind) {
      case 'end': return 'end of input';
      case 'int': case 'float': return `number ${this.token}`;
      case 'string': return `string ${this.token.length > 40 ? `${this.token.slice(0, 37)}...` : this.token}`;
      default: return `'${this.token}'`;
    }
  }

  /** An error at the current token. */
  error(reason: string): TextFormatError {
    return this.errorAt(this.start, reason);
  }

  errorAt(offset: number, reason: string): TextFormatError {
    const { line, column } = this.position(offset);
    return new TextFormatError(this.fileName, line, column, reason);
  }

  /** 1-based line and column (in characters) of an offset. */
  position(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: [...this.text.slice(lineStart, offset)].length + 1 };
  }
}
