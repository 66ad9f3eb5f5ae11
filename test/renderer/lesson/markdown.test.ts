import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../../renderer/lesson/markdown.ts';

const text = (inlines: readonly Inline[]): string =>
  inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : text(n.children))).join('');

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, fenced code and rules', () => {
    const blocks = parseMarkdown('# Title #\n\nSome *text*\ncontinues.\n\n```sh\nnpx keisan run x.ts\n```\n---\n');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'code', 'rule']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] });
    expect(blocks[2]).toEqual({ type: 'code', lang: 'sh', text: 'npx keisan run x.ts' });
  });

  it('reads ordered lists whose items continue on indented lines, and nested lists', () => {
    const blocks = parseMarkdown('1. **Run it.**\n   Watch `loss`.\n2. Second\n   - inner a\n   - inner b\n\nAfter.');
    expect(blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
    const list = blocks[0] as Extract<Block, { type: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toEqual([
      { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', text: 'Run it.' }] }, { type: 'text', text: '\nWatch ' }, { type: 'code', text: 'loss' }, { type: 'text', text: '.' }] },
    ]);
    const inner = list.items[1]![1] as Extract<Block, { type: 'list' }>;
    expect(inner.ordered).toBe(false);
    expect(inner.items.map((item) => text((item[0] as Extract<Block, { type: 'paragraph' }>).children))).toEqual(['inner a', 'inner b']);
  });

  it('keeps HTML as text (nothing becomes markup)', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> and <b>bold</b>');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)> and <b>bold</b>' }] }]);
  });

  it('reads the SGD lesson text: its three exercises are one ordered list', () => {
    const readme = readFileSync(new URL('../../../resources/lessons/sgd/README.md', import.meta.url), 'utf8');
    const lists = parseMarkdown(readme).filter((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.items).toHaveLength(3);
    expect(lists[0]!.items.map((item) => text((item[0] as Extract<Block, { type: 'paragraph' }>).children))).toEqual([
      expect.stringContaining('Run it and watch a, b and loss.'),
      expect.stringContaining('Find the logs and open the graph.'),
      expect.stringContaining('Click through the scopes to find formula.'),
    ]);
  });
});

describe('parseInline', () => {
  it('reads code, strong, emphasis, links and escapes', () => {
    expect(parseInline('a `x*y` **b _c_** [d](http://e) \\*f\\* snake_case_name')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'code', text: 'x*y' },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'b ' }, { type: 'em', children: [{ type: 'text', text: 'c' }] }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'http://e', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' *f* snake_case_name' },
    ]);
  });
});
