import { describe, expect, it } from 'vitest';
import { articlePath, parseRoute } from '../../../src/core/routes.ts';

describe('parseRoute', () => {
  it('knows the list and an article', () => {
    expect(parseRoute('/')).toEqual({ kind: 'list' });
    expect(parseRoute(articlePath('000_abc'))).toEqual({ kind: 'article', id: '000_abc' });
  });

  it('accepts the forms static hosts produce: a trailing slash, index.html, .html', () => {
    expect(parseRoute('/article/000_abc/')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc.html')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/index.html')).toEqual({ kind: 'list' });
  });

  it('returns null for anything else, including malformed escapes', () => {
    expect(parseRoute('/about')).toBeNull();
    expect(parseRoute('/article/')).toBeNull();
    expect(parseRoute('/article/a/b')).toBeNull();
    expect(parseRoute('/article/%E0%A4%A')).toBeNull();
  });
});
