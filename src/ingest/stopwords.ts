/**
 * Small word lists for cutting derived titles. A title may be cut *before* a conjunction or preposition
 * (a phrase starts there) and must never *end* on a function word ("talks with", "the"). Languages we
 * have no list for fall back to English, which at worst gives a slightly worse cut, never a wrong word.
 */

export interface TitleWords {
  /** Words a phrase starts with: cutting just before one keeps whole phrases. */
  phraseStarts: ReadonlySet<string>;
  /** Words a title must not end on. Includes every phrase start. */
  dangling: ReadonlySet<string>;
}

function lists(phraseStarts: string, others: string): TitleWords {
  const starts = phraseStarts.split(' ');
  return { phraseStarts: new Set(starts), dangling: new Set([...starts, ...others.split(' ')]) };
}

const ENGLISH = lists(
  'and or but nor of for to in on at by with from into onto as than that which who whose while ' +
    'about after before between during over under via per amid among against towards toward through ' +
    'following including despite within without',
  'a an the its his her their our this these those is are was were be been has have had will would ' +
    'also not both such very said says',
);

const BY_LANGUAGE: Readonly<Record<string, TitleWords>> = {
  en: ENGLISH,
  fr: lists(
    'et ou mais de du des à au aux en dans par pour sur avec sans sous entre vers chez que qui dont lors ' +
      'après avant pendant selon contre',
    'le la les un une son sa ses leur leurs ce cette ces est sont a ont été très',
  ),
  de: lists(
    'und oder aber von vom zu zum zur mit für in im an am auf aus bei nach über unter zwischen gegen ' +
      'durch um sowie dass während seit',
    'der die das den dem des ein eine einen einem einer seine ihre ist sind hat haben wurde',
  ),
  es: lists(
    'y e o u pero de del a al en con por para sin sobre entre hacia desde que durante según tras',
    'el la los las un una unos unas su sus es son ha han fue muy',
  ),
  sv: lists(
    'och eller men av för till i på med om från vid mellan under efter mot som att genom hos inför',
    'en ett den det de sin sitt sina hans hennes är var har',
  ),
  nb: lists(
    'og eller men av for til i på med om fra ved mellom under etter mot som at gjennom hos før å',
    'en ei et den det de sin sitt sine hans hennes er var har',
  ),
};

/** The lists for a BCP-47 tag; Norwegian of either written form shares one list. */
export function titleWords(language: string): TitleWords {
  const primary = language.split('-')[0] ?? language;
  const key = primary === 'no' || primary === 'nn' ? 'nb' : primary;
  return BY_LANGUAGE[key] ?? ENGLISH;
}
