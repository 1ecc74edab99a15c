/** The progress reporter as a person sees it: on a terminal, and in a log that must not fill with redraws. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/ingest/progress.ts';

function recorder(isTTY: boolean): { stream: { write: (text: string) => void; isTTY: boolean }; text: () => string } {
  const written: string[] = [];
  return { stream: { write: (text) => written.push(text), isTTY }, text: () => written.join('') };
}

function clock(): { now: () => number; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('createProgress on a terminal', () => {
  it('redraws one counter line in place, a few times a second at most', () => {
    const { stream, text } = recorder(true);
    const time = clock();
    const progress = createProgress('ingest', stream, time.now);
    time.advance(150);
    progress.update({ done: 1_200, total: 10_000, fromCache: 1_000 });
    progress.update({ done: 1_300, total: 10_000 });
    time.advance(150);
    progress.update({ done: 2_500, total: 10_000 });
    expect(text()).toBe('\r\u001b[2Kingest: 1,200 of 10,000 files (12%, 1,000 from cache)\r\u001b[2Kingest: 2,500 of 10,000 files (25%)');
  });

  it('clears the counter before other lines and before the summary', () => {
    const { stream, text } = recorder(true);
    const time = clock();
    const progress = createProgress('ingest', stream, time.now);
    time.advance(150);
    progress.update({ done: 5, total: 10 });
    progress.print('a.txt: the file is empty');
    progress.finish('10 dispatches');
    expect(text()).toBe('\r\u001b[2Kingest: 5 of 10 files (50%)\r\u001b[2Ka.txt: the file is empty\n10 dispatches\n');
  });
});

describe('createProgress in a log', () => {
  it('writes a plain line every few seconds, and only the summary on a short run', () => {
    const long = recorder(false);
    const time = clock();
    const progress = createProgress('ingest', long.stream, time.now);
    for (let done = 1; done <= 100; done += 1) {
      time.advance(200);
      progress.update({ done, total: 100 });
    }
    progress.finish('100 dispatches');
    expect(long.text()).toBe(
      ['ingest: 25 of 100 files (25%)', 'ingest: 50 of 100 files (50%)', 'ingest: 75 of 100 files (75%)', '100 dispatches', ''].join('\n'),
    );

    const short = recorder(false);
    const quick = createProgress('ingest', short.stream, clock().now);
    quick.update({ done: 5, total: 5 });
    quick.finish('5 dispatches');
    expect(short.text()).toBe('5 dispatches\n');
  });

  it('writes other lines where it is told to', () => {
    const log = recorder(false);
    const elsewhere = recorder(false);
    createProgress('ingest', log.stream).print('a.txt: warning: no date in the text', elsewhere.stream);
    expect(elsewhere.text()).toBe('a.txt: warning: no date in the text\n');
    expect(log.text()).toBe('');
  });
});
