import { describe, expect, it } from 'vitest';
import { readingMinutes, shortenText, summaryAfterTitle } from '../../../src/core/text.ts';

describe('summaryAfterTitle', () => {
  it('drops the words a title cut from the lede already shows', () => {
    expect(summaryAfterTitle('Leaders of German parties have expressed…', 'Leaders of German parties have expressed strong interest.')).toBe(
      '…strong interest.',
    );
  });

  it('leaves a summary alone when the title is not its beginning', () => {
    expect(summaryAfterTitle('Talks in Hanoi', 'Leaders met in Hanoi.')).toBe('Leaders met in Hanoi.');
  });
});

describe('shortenText', () => {
  it('cuts at a word boundary and marks the cut', () => {
    expect(shortenText('one two three four', 10)).toBe('one two…');
    expect(shortenText('short', 10)).toBe('short');
  });
});

describe('readingMinutes', () => {
  it('never says zero minutes', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(660)).toBe(3);
  });
});
