/**
 * The Markdown lesson texts use — headings, paragraphs, lists, fenced code, rules, and
 * inline code, bold, italics and links — parsed to a tree. The tree is turned into DOM
 * node by node (markdown-dom.ts), never into an HTML string, so lesson text cannot
 * inject markup. Raw HTML in the source stays visible as text.
 *
 *     parseMarkdown('1. **Run it.**\n   Watch `loss`.');
 *     // [{ type: 'list', ordered: true, start: 1, items: [[{ type: 'paragraph', children: [...] }]] }]
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong' | 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly children: readonly Inline[] }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly lang: string; readonly text: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly Block[])[] }
  | { readonly type: 'rule' };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)(.*)$/;

const isBlank = (line: string): boolean => line.trim() === '';
const startsBlock = (line: string): boolean => FENCE.test(line) || HEADING.test(line) || RULE.test(line) || ITEM.test(line);

export function parseMarkdown(text: string): Block[] {
  return parseBlocks(text.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if (isBlank(line)) {
      i++;
    } else if ((m = FENCE.exec(line)) !== null) {
      const fence = m[1]!;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence); i++) body.push(lines[i]!);
      blocks.push({ type: 'code', lang: m[2]!, text: body.join('\n') });
      i++;
    } else if ((m = HEADING.exec(line)) !== null) {
      blocks.push({ type: 'heading', level: m[1]!.length, children: parseInline(m[2]!) });
      i++;
    } else if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
    } else if (ITEM.test(line)) {
      i = parseList(lines, i, blocks);
    } else {
      const para: string[] = [];
      while (i < lines.length && !isBlank(lines[i]!) && (para.length === 0 || !startsBlock(lines[i]!))) para.push(lines[i++]!.trim());
      blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
    }
  }
  return blocks;
}

/** A list starting at `lines[start]`; returns the index after it. Item bodies are parsed as blocks, so lists nest. */
function parseList(lines: readonly string[], start: number, out: Block[]): number {
  const first = ITEM.exec(lines[start]!)!;
  const indent = first[1]!.length;
  const ordered = /\d/.test(first[2]!);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]!);
    if (m === null || m[1]!.length !== indent || /\d/.test(m[2]!) !== ordered) break;
    const contentIndent = indent + m[2]!.length + Math.max(1, m[3]!.length);
    const body = [m[4]!];
    for (i++; i < lines.length; i++) {
      const line = lines[i]!;
      const leading = line.length - line.trimStart().length;
      if (isBlank(line)) {
        // A blank line ends the item unless indented content follows.
        const next = lines.slice(i + 1).find((l) => !isBlank(l));
        if (next === undefined || next.length - next.trimStart().length < contentIndent) break;
        body.push('');
      } else if (leading >= contentIndent) {
        body.push(line.slice(contentIndent));
      } else if (!startsBlock(line) && !isBlank(body[body.length - 1]!)) {
        body.push(line.trim()); // lazy continuation of the item's paragraph
      } else {
        break;
      }
    }
    items.push(parseBlocks(body));
    while (i < lines.length && isBlank(lines[i]!)) {
      const next = lines.slice(i).find((l) => !isBlank(l));
      const nm = next === undefined ? null : ITEM.exec(next);
      if (nm === null || nm[1]!.length !== indent) return finish();
      i++;
    }
  }
  return finish();

  function finish(): number {
    out.push({ type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items });
    return i;
  }
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
    } else if ((m = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest)) !== null) {
      flush();
      out.push({ type: 'code', text: m[2]!.replace(/^ (.*) $/, '$1') });
      i += m[0].length;
    } else if ((m = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest)) !== null) {
      flush();
      out.push({ type: 'strong', children: parseInline(m[2]!) });
      i += m[0].length;
    } else if ((m = /^([*_])(?=[^\s*_])([\s\S]*?[^\s*_])\1(?![*_\w])/.exec(rest)) !== null && (c === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      flush();
      out.push({ type: 'em', children: parseInline(m[2]!) });
      i += m[0].length;
    } else if ((m = /^\[([^\]]+)\]\(([^)\s]*)\)/.exec(rest)) !== null) {
      flush();
      out.push({ type: 'link', href: m[2]!, children: parseInline(m[1]!) });
      i += m[0].length;
    } else {
      plain += c;
      i++;
    }
  }
  flush();
  return out;
}
