import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/core/fold.ts';
import { findMatches, queryWords, wordPatterns } from '../../../src/core/search.ts';

const marked = (text: string, q: string) =>
  findMatches(text, wordPatterns(queryWords(q))).map(([start, end]) => text.slice(start, end));

describe('fold', () => {
  it('drops case and diacritics, including letters that carry their mark inside', () => {
    expect(fold('Tô Lâm')).toBe('to lam');
    expect(fold('HÀ NỘI')).toBe('ha noi');
    expect(fold('Đổi mới')).toBe('doi moi');
    expect(fold('Generalsekretær, høytstående')).toBe('generalsekretaer, hoytstaende');
  });

  it('treats decomposed and composed text alike', () => {
    expect(fold('Việt Nam'.normalize('NFD'))).toBe(fold('Việt Nam'.normalize('NFC')));
  });
});

describe('findMatches', () => {
  it('marks the text as written, accents included', () => {
    expect(marked('General Secretary Tô Lâm met', 'to lam')).toEqual(['Tô', 'Lâm']);
  });

  it('matches whole words, except the last word, which may be a prefix', () => {
    expect(marked('negotiations to end hostilities', 'negotiat')).toEqual(['negotiat']);
    expect(marked('negotiations to end hostilities', 'negotiat end')).toEqual(['end']);
    expect(marked('Tonga and Togo', 'to')).toEqual(['To', 'To']);
  });

  it('maps positions back through decomposed text', () => {
    const text = 'Hà Nội'.normalize('NFD');
    expect(marked(text, 'noi')).toEqual(['Nội'.normalize('NFD')]);
  });

  it('finds nothing for an empty query', () => {
    expect(marked('anything', '  ')).toEqual([]);
  });
});
