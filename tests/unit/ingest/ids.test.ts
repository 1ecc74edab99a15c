/** Ids come from the file name only and are safe in a URL. */
import { describe, expect, it } from 'vitest';
import { dispatchIdFromFileName, idProblem } from '../../../src/ingest/ids.ts';

describe('dispatchIdFromFileName', () => {
  it.each([
    ['000_c1e9c1a179e0b2a5.txt', '000_c1e9c1a179e0b2a5'],
    ['same id.txt', 'same-id'],
    ['same-id.txt', 'same-id'],
    ['Hà Nội – Đà Nẵng.TXT', 'ha-noi-da-nang'],
    ['  --Weird!!name__2025--.txt', 'weird-name__2025'],
    ['ﬁnal report.txt', 'final-report'],
    ['folder/nested.txt', 'nested'],
  ])('%j → %j', (fileName, id) => {
    expect(dispatchIdFromFileName(fileName)).toBe(id);
  });
});

describe('idProblem', () => {
  it('accepts an id that starts with a letter or digit', () => {
    expect(idProblem('000_abc')).toBeNull();
  });

  it('says what to do when the file name leaves nothing', () => {
    expect(idProblem(dispatchIdFromFileName('——.txt'))).toMatch(/rename the file/);
  });

  it('refuses an id that starts with an underscore, which the schema does not allow', () => {
    expect(idProblem(dispatchIdFromFileName('_draft.txt'))).toMatch(/must start with a letter or digit/);
  });
});
