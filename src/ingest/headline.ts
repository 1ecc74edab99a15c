/**
 * A headline made from an English lede's first sentence, by leaving words out and never adding any:
 * the leading chain of titles before the actor's name ("General Secretary of the … Central Committee
 * Tô Lâm" → "Tô Lâm"), time words ("on Monday", "on October 23 (local time)", "this year"),
 * asides in brackets, and everything after the main clause ends (", who …", " led by …",
 * " as part of …"). "Tô Lâm received a delegation of the New Azerbaijan Party".
 */

import { TITLE_WORDS } from './title-words.ts';

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const PART_OF_DAY = '(?:\\s(?:morning|afternoon|evening|night))?';

// Time adjuncts, each with the space before it; removed wherever they stand in the sentence.
const TIME_WORDS: readonly RegExp[] = [
  new RegExp(`\\s(?:earlier|later)\\s(?:this|last|next)\\s(?:week|month|year)`, 'g'),
  new RegExp(`\\s(?:on|last|this|next|early|late)\\s${WEEKDAY}${PART_OF_DAY}`, 'g'),
  new RegExp(`\\s(?:on\\s)?${MONTH}\\s\\d{1,2}(?!\\d)(?:st|nd|rd|th)?(?:,?\\s\\d{4})?`, 'g'),
  new RegExp(`\\son\\s\\d{1,2}\\s${MONTH}(?:\\s\\d{4})?`, 'g'),
  new RegExp(`\\s${WEEKDAY}${PART_OF_DAY}(?=[\\s,.])`, 'g'),
  /\s(?:this|last|next)\s(?:week|month|year|morning|afternoon|evening|weekend)/g,
  /\s(?:yesterday|today|tonight)\b/g,
  /\son the same day/g,
];

// Asides: "(CPV)", "(local time)", "(YAP)". Headlines carry none.
const ASIDE = /\s\([^()]{1,40}\)/g;

// Words that open a part of the sentence after the main clause: cutting before them ends the clause.
const CLAUSE_ENDS = [
  ', ', '; ', ' — ', ' – ', ' who ', ' which ', ' led by ', ' headed by ', ' as part of ', ' during ', ' amid ',
  ' following ', ' to mark ', ' on the occasion of ', ' at the invitation of ', ' within the framework of ',
  ' according to ', ' in a bid to ', ' while ', ' as both ', ' as the ',
];

const JOINING_WORDS = new Set(['of', 'the', 'and', 'to', 'for', 'in', 'on', '&']);

const MAX_LENGTH = 100;
const MIN_WORDS = 4;

export interface Headline {
  title: string;
  /** True when the main clause ends where the title does; false when it had to be cut short. */
  clauseEnds: boolean;
  how: string;
}

/**
 * The headline of an English first sentence, or null when no clause of at least four words fits in
 * 100 characters (the caller then cuts the sentence at a phrase boundary instead).
 */
export function headlineFromSentence(sentence: string, isCountryWord: (word: string) => boolean): Headline | null {
  const left: string[] = [];
  let text = ` ${sentence.replace(/[.!?]["”’]?$/u, '')}`;
  const withoutTime = TIME_WORDS.reduce((result, pattern) => result.replace(pattern, ''), text);
  if (withoutTime !== text) left.push('time words');
  text = withoutTime;
  const withoutAsides = text.replace(ASIDE, '');
  if (withoutAsides !== text) left.push('asides in brackets');
  text = withoutAsides.trim();
  const leading = dropLeadingAdverbial(text);
  if (leading !== text) left.push('the opening phrase');
  text = leading;
  const subject = dropTitleChain(text, 0, isCountryWord);
  if (subject !== text) left.push('the titles before the name');
  text = subject;
  const aside = dropAsideAfterSubject(text, isCountryWord);
  if (aside !== text) left.push('the clause between commas after the subject');
  text = aside;
  const clause = mainClause(text);
  if (clause === null) return null;
  if (clause.length <= MAX_LENGTH) return headline(clause, left, true);
  // Titles before other names make way too, when the clause is otherwise too long.
  const shorter = dropAllTitleChains(clause, isCountryWord);
  if (shorter.length <= MAX_LENGTH && countWords(shorter) >= MIN_WORDS) return headline(shorter, [...left, 'titles before other names'], true);
  // Still too long: the caller cuts this shorter clause at a phrase boundary.
  return headline(shorter, left, false);
}

function headline(title: string, left: readonly string[], clauseEnds: boolean): Headline {
  const how = left.length === 0 ? 'its main clause' : `its main clause, without ${left.join(', ')}`;
  return { title, clauseEnds, how: `derived from the lede: ${how}` };
}

/**
 * "Luong Cuong, who is on a state visit to Chile, met …", "Wang Yi, China's foreign minister, said …":
 * a relative clause or a title between commas right after the subject is not the main clause.
 */
function dropAsideAfterSubject(text: string, isCountryWord: (word: string) => boolean): string {
  const match = /^(?<subject>[^,]{2,60}?),\s(?<aside>[^,]{2,100}),\s(?<rest>\p{Ll}.*)$/u.exec(text);
  const groups = match?.groups;
  if (groups?.subject === undefined || groups.aside === undefined || groups.rest === undefined) return text;
  const written = groups.aside.split(' ')[0] ?? '';
  const first = written.replace(/['’]s$/u, '');
  const relative = /^(?:who|which|whose)$/u.test(first);
  // "Deputy Prime Minister …", "China's foreign minister …": a title, not the first of a list of countries.
  const title = /^\p{Lu}/u.test(first) && (TITLE_WORDS.has(first) || (isCountryWord(first) && first !== written));
  return relative || title ? `${groups.subject} ${groups.rest}` : text;
}

function countWords(text: string): number {
  return text.split(' ').filter((word) => word !== '').length;
}

/**
 * "On Monday, …", "In a phone call on Tuesday, …", "On November 30, in Hanoi, the …": up to two opening
 * phrases about time and place, before the actor. What is left must start like a clause's subject
 * ("At least ten people died, officials said" keeps its words); its first letter is then a capital.
 */
function dropLeadingAdverbial(text: string): string {
  let rest = text;
  for (let phrase = 0; phrase < 2; phrase += 1) {
    const match = LEADING_ADVERBIAL.exec(rest);
    if (match === null) break;
    rest = rest.slice(match[0].length);
  }
  if (rest === text || !/^(?:\p{Lu}|(?:the|a|an)\s)/u.test(rest)) return text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
// Time words are taken out before this is read, so "On November 30," may be left as "On,".
const LEADING_ADVERBIAL = /^(?!At least\b|In all\b|In total\b)(?:On|In|At|Earlier|Later|Last|This|Today|Yesterday|in|at)\b[^,]{0,40},\s/u;

/** The text up to where its main clause ends, or null when that leaves fewer than four words. */
function mainClause(text: string): string | null {
  let best: string | null = null;
  for (const marker of CLAUSE_ENDS) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(marker, from);
      if (at === -1) break;
      const candidate = text.slice(0, at).trim();
      // Later cuts at this marker are only longer: none of them can beat the shortest found so far.
      if (best !== null && candidate.length >= best.length) break;
      from = at + marker.length;
      if (countWords(candidate) < MIN_WORDS || !hasVerbLikeWord(candidate) || !isBalanced(candidate)) continue;
      if (best === null || candidate.length < best.length) best = candidate;
      break;
    }
  }
  const whole = text.trim();
  const chosen = best ?? whole;
  return countWords(chosen) >= MIN_WORDS ? chosen.replace(/[\s,;:]+$/u, '') : null;
}

// A clause has at least one lower-case word that is not a joining word: "Vietnam, Laos" has none.
function hasVerbLikeWord(text: string): boolean {
  return text.split(' ').some((word) => /^\p{Ll}/u.test(word) && !JOINING_WORDS.has(word));
}

function isBalanced(text: string): boolean {
  const count = (char: string): number => text.split(char).length - 1;
  return count('(') === count(')') && count('“') === count('”') && count('"') % 2 === 0;
}

interface Chain {
  start: number;
  end: number;
  name: string;
}

/**
 * A chain of titles from word `startWord` on, ending in a person's name: capitalised title and
 * institution words (and the small words joining them), then one or more capitalised words that are
 * none of those, followed by a lower-case word, a comma or the end.
 */
function titleChainAt(words: readonly string[], startWord: number, isCountryWord: (word: string) => boolean): Chain | null {
  const first = words[startWord];
  if (first === undefined || !isTitleWord(first, isCountryWord)) return null;
  let index = startWord;
  let lastTitle = startWord;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (isTitleWord(word, isCountryWord)) lastTitle = index;
    else if (!JOINING_WORDS.has(word) && !isName(word)) break;
    else if (isName(word) && !isTitleWord(word, isCountryWord)) {
      // A name starts here if the words up to the next lower-case word are all names.
      const nameEnd = runOfNames(words, index, isCountryWord);
      if (nameEnd > index) {
        const next = words[nameEnd];
        const endsHere = next === undefined || /^\p{Ll}/u.test(next) || /[,;]$/.test(words[nameEnd - 1] ?? '');
        if (endsHere && lastTitle >= startWord) return { start: startWord, end: index, name: words.slice(index, nameEnd).join(' ') };
      }
      break;
    }
    index += 1;
  }
  return null;
}

function runOfNames(words: readonly string[], from: number, isCountryWord: (word: string) => boolean): number {
  let index = from;
  while (index < words.length) {
    const word = words[index] ?? '';
    if (!isName(word) || isTitleWord(word, isCountryWord)) break;
    index += 1;
    if (/[,;]$/.test(word)) break;
  }
  return index;
}

function isName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word.replace(/[,;]$/, ''));
}

function isTitleWord(word: string, isCountryWord: (word: string) => boolean): boolean {
  const bare = word.replace(/[,;]$/, '');
  return TITLE_WORDS.has(bare) || isCountryWord(bare) || /^\p{Lu}+$/u.test(bare);
}

function dropTitleChain(text: string, startWord: number, isCountryWord: (word: string) => boolean): string {
  const words = text.split(' ');
  const chain = titleChainAt(words, startWord, isCountryWord);
  if (chain === null) return text;
  return [...words.slice(0, chain.start), ...words.slice(chain.end)].join(' ');
}

function dropAllTitleChains(text: string, isCountryWord: (word: string) => boolean): string {
  let words = text.split(' ');
  for (let index = 1; index < words.length; index += 1) {
    const chain = titleChainAt(words, index, isCountryWord);
    if (chain !== null && /^\p{Ll}/u.test(words[index - 1] ?? '')) words = [...words.slice(0, chain.start), ...words.slice(chain.end)];
  }
  return words.join(' ');
}
