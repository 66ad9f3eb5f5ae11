/**
 * Markdown tree → DOM with createElement and textContent only. Links are shown, not
 * followed: the app is offline, and lesson text must not navigate the window away, so a
 * link is its text with the target in a tooltip.
 */
import { h } from '../app/dom.ts';
import type { Block, Inline } from './markdown.ts';

export function renderMarkdown(blocks: readonly Block[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const b of blocks) frag.append(renderBlock(b, false));
  return frag;
}

function renderBlock(block: Block, tight: boolean): Node {
  switch (block.type) {
    case 'heading':
      return h(`h${Math.min(6, block.level + 1)}` as 'h2', {}, renderInlines(block.children));
    case 'paragraph':
      return tight ? h('span', {}, renderInlines(block.children)) : h('p', {}, renderInlines(block.children));
    case 'code':
      return h('pre', { class: 'md-code' }, h('code', {}, block.text));
    case 'rule':
      return h('hr');
    case 'list': {
      const items = block.items.map((item) => h('li', {}, item.map((b) => renderBlock(b, item.length === 1))));
      return block.ordered ? h('ol', { start: block.start }, items) : h('ul', {}, items);
    }
  }
}

function renderInlines(inlines: readonly Inline[]): Node[] {
  return inlines.map((n) => {
    switch (n.type) {
      case 'text':
        return withBreaks(n.text);
      case 'code':
        return h('code', {}, n.text);
      case 'strong':
        return h('strong', {}, renderInlines(n.children));
      case 'em':
        return h('em', {}, renderInlines(n.children));
      case 'link':
        return h('span', { class: 'md-link', title: n.href }, renderInlines(n.children));
    }
  });
}

/** Line breaks inside a paragraph: the bilingual lesson texts put one language per line. */
function withBreaks(text: string): Node {
  const frag = document.createDocumentFragment();
  text.split('\n').forEach((part, i) => {
    if (i > 0) frag.append(h('br'));
    frag.append(part);
  });
  return frag;
}
