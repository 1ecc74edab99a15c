/**
 * Progress of a long build step: a counter that rewrites itself on a terminal, and plain lines now
 * and then otherwise (CI logs, files), so a 100,000-dispatch build shows it is alive either way.
 */
import type { WriteStream } from 'node:tty';

/** Plain lines at most this often. */
const LINE_INTERVAL_MS = 5000;

export function createProgress(stream: NodeJS.WriteStream | WriteStream = process.stderr): (stage: string, done: number, total: number) => void {
  const tty = stream.isTTY === true;
  let lastStage = '';
  let lastLine = 0;
  return (stage, done, total) => {
    const now = Date.now();
    const finished = done === total;
    const text = `${stage}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    if (tty) {
      if (stage !== lastStage && lastStage !== '') stream.write('\n');
      stream.write(`\r${text}${finished ? '\n' : ''}`);
      lastStage = finished ? '' : stage;
      return;
    }
    if (finished || stage !== lastStage || now - lastLine >= LINE_INTERVAL_MS) {
      stream.write(`${text}\n`);
      lastLine = now;
      lastStage = stage;
    }
  };
}
