import { describe, expect, it } from 'vitest';
import { count, readingMinutes, shortenText, summaryAfterTitle } from '../../../src/core/text.ts';

describe('summaryAfterTitle', () => {
  it('drops the words a title cut from the lede already shows', () => {
    expect(summaryAfterTitle('Leaders of German parties have expressed…', 'Leaders of German parties have expressed strong interest.')).toBe(
      '…strong interest.',
    );
  });

  it('leaves a summary alone when the title is not its beginning', () => {
    expect(summaryAfterTitle('Talks in Hanoi', 'Leaders met in Hanoi.')).toBe('Leaders met in Hanoi.');
  });

  it('starts with the next sentence after a title that is the whole first sentence', () => {
    expect(summaryAfterTitle('Việt Nam and Laos signed a trade deal', 'Việt Nam and Laos signed a trade deal. The deal covers rice.')).toBe(
      'The deal covers rice.',
    );
  });

  it('shows the whole summary under a headline-like title, as under a headline', () => {
    const summary = 'Việt Nam will send 5,000 tonnes of rice to Cuba this year as part of its support, a deputy minister said.';
    expect(summaryAfterTitle('Việt Nam will send 5,000 tonnes of rice to Cuba', summary)).toBe(summary);
    expect(summaryAfterTitle('Tô Lâm received a delegation', 'General Secretary Tô Lâm on Monday received a delegation.')).toBe(
      'General Secretary Tô Lâm on Monday received a delegation.',
    );
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

describe('count', () => {
  it('writes counts as English does, thousands grouped with commas', () => {
    expect(count(1, 'dispatch')).toBe('1 dispatch');
    expect(count(0, 'dispatch')).toBe('0 dispatches');
    expect(count(999, 'word')).toBe('999 words');
    expect(count(1000, 'dispatch')).toBe('1,000 dispatches');
    expect(count(10_004, 'dispatch')).toBe('10,004 dispatches');
    expect(count(1_234_567, 'word')).toBe('1,234,567 words');
  });
});
