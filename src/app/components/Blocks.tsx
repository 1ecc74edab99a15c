/**
 * Article blocks → React elements. Every string is rendered as text, so nothing in a dispatch can
 * become markup; links were limited to http(s) when the blocks were built.
 */
import type { Block, Inline } from '../../core/site-data.ts';
import { Highlight } from './Highlight.tsx';

export function Blocks({ blocks }: { blocks: Block[] }) {
  return blocks.map((block, i) => <BlockView key={i} block={block} />);
}

function BlockView({ block }: { block: Block }) {
  switch (block.t) {
    case 'p':
      return <p><Inlines inlines={block.c} /></p>;
    case 'h': {
      const Heading = `h${block.level}` as const;
      return <Heading><Inlines inlines={block.c} /></Heading>;
    }
    case 'quote':
      return <blockquote><Blocks blocks={block.c} /></blockquote>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return <List>{block.items.map((item, i) => <li key={i}><Blocks blocks={item} /></li>)}</List>;
    }
    case 'code':
      return <pre><code>{block.text}</code></pre>;
    case 'hr':
      return <hr />;
  }
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, i) => {
    if (typeof inline === 'string') return <Highlight key={i} text={inline} />;
    switch (inline.t) {
      case 'br':
        return <br key={i} />;
      case 'a':
        return <a key={i} href={inline.href} rel="noopener noreferrer"><Inlines inlines={inline.c} /></a>;
      case 'em':
        return <em key={i}><Inlines inlines={inline.c} /></em>;
      case 'strong':
        return <strong key={i}><Inlines inlines={inline.c} /></strong>;
      case 'del':
        return <del key={i}><Inlines inlines={inline.c} /></del>;
      case 'code':
        return <code key={i}><Inlines inlines={inline.c} /></code>;
    }
  });
}
