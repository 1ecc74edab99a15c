import { describe, expect, it } from 'vitest';
import { articlePath, parseRoute, slugOf } from '../../../src/core/routes.ts';

describe('parseRoute', () => {
  it('knows the list and an article', () => {
    expect(parseRoute('/')).toEqual({ kind: 'list' });
    expect(parseRoute(articlePath('000_abc'))).toEqual({ kind: 'article', id: '000_abc' });
  });

  it('accepts every form static hosts produce: a trailing slash, the index.html they serve, .html', () => {
    expect(parseRoute('/article/000_abc/')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc/index.html')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc.html')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/index.html')).toEqual({ kind: 'list' });
  });

  it('ignores stray slashes, escaped or not', () => {
    expect(parseRoute('//')).toEqual({ kind: 'list' });
    expect(parseRoute('/article/000_abc//')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc%2F')).toEqual({ kind: 'article', id: '000_abc' });
  });

  it('returns null for anything else, including malformed escapes', () => {
    expect(parseRoute('/about')).toBeNull();
    expect(parseRoute('/article/')).toBeNull();
    expect(parseRoute('/article/a/b')).toBeNull();
    expect(parseRoute('/article/%E0%A4%A')).toBeNull();
  });
});

describe('slugOf', () => {
  it('keeps letters of any script, folds accents and case, and joins the rest with dashes', () => {
    expect(slugOf('VNA/VNS')).toBe('vna-vns');
    expect(slugOf('Nhân Dân')).toBe('nhan-dan');
    expect(slugOf('越通社')).toBe('越通社');
    expect(slugOf('***')).toBe('unnamed');
  });
});
