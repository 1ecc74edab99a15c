/**
 * Page furniture: lines that came with the page a dispatch was saved from but are not the article
 * (site banners, menus and breadcrumbs, consent banners, share and comment widgets, tag lines, copyright
 * lines, end markers, source and editor lines, bylines, date lines, picture file names, "Read more"
 * blocks). Every rule here judges one line by what it is: its length, punctuation, separators,
 * link-like shape, and the few words that mark furniture in each language. None knows which file a
 * line is in.
 *
 * Furniture lines are short. Longer lines are always article text, which also keeps every pattern here
 * away from megabyte-long lines.
 */
import { dispatchSchema } from '../core/schema.ts';
import { fold } from '../core/fold.ts';
import { type DateInText, isDateWord, isMostlyDate, readDateIn } from './date-text.ts';
import { isKnownAgency } from './signoff.ts';

const FURNITURE_MAX_LENGTH = 300;

function isShort(line: string): boolean {
  return line.length <= FURNITURE_MAX_LENGTH;
}

/** "photo-2.jpg", "https://cdn.example/x.webp?w=800": a picture's file name saved in place of the picture. */
export function isImageFileName(line: string): boolean {
  return isShort(line) && /^\S+\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?)(?:\?\S*)?$/i.test(line);
}

/** "Vietnam.vn - Nền tảng quảng bá Việt Nam": a site's name (a domain) and its tagline. */
function isSiteBanner(line: string): boolean {
  return isShort(line) && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\s+[-–—|]\s+\S/u.test(line);
}

// Words a site's tagline is made of: "… – Latest news, business, travel and analysis from Vietnam".
const TAGLINE_WORDS = /\b(?:latest|news|breaking|official|portal|newspaper|online|magazine|nachrichten|noticias|nyheter|actualites|tin tuc|bao dien tu|nen tang|новости|agency|voice of)\b/;

/**
 * A site's title line: its name, a dash or bar, and a tagline about news. Returns the name, which is
 * evidence of the outlet when nothing better names it.
 */
export function readSiteTitle(line: string): string | null {
  if (line.length > 160) return null;
  const match = /^(?<name>[^–—|]{2,40}?)\s+[-–—|]\s+(?<tagline>.{6,})$/u.exec(line);
  const name = match?.groups?.name?.trim();
  const tagline = match?.groups?.tagline;
  if (name === undefined || tagline === undefined || name.split(' ').length > 4) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(name) || !TAGLINE_WORDS.test(fold(tagline))) return null;
  return name;
}

const SOURCE_LABELS = 'Kilde|Source|Sources|Källa|Quelle|Fuente|Nguồn|Fonte|Bron|Lähde|Kaynak';
const SOURCE_LINK = new RegExp(`^(${SOURCE_LABELS})\\s*:\\s*(https?://\\S+)$`, 'iu');

/** "Kilde: https://…": where a translated page says it came from. */
export function readSourceLink(line: string): { label: string; url: string } | null {
  if (!isShort(line)) return null;
  const match = SOURCE_LINK.exec(line);
  const label = match?.[1];
  const url = match?.[2];
  // Checked with the bundle's own rule, so a link the schema would refuse stays visible text instead.
  if (label === undefined || url === undefined || !dispatchSchema.shape.sourceUrl.safeParse(url).success) return null;
  return { label: `${label}:`, url };
}

// Headings that start a list of other stories, in or under an article, in the languages the archive holds.
const RELATED_HEADINGS = new Set(
  [
    'Related News', 'Related articles', 'Related stories', 'Related', 'Read more', 'Read also', 'See also',
    'More news', 'Also read', 'Most read', 'Latest news', 'You may also like', 'Recommended', 'More on this',
    'Related posts', 'Most popular', 'Editor’s picks', "Editor's picks", 'Trending',
    'I samme emne', 'I samme kategori', 'Les også', 'Les mer', 'Relaterte artikler', 'Av samme forfatter',
    'Läs också', 'Läs mer', 'Relaterade artiklar', 'I samma ämne', 'Mest läst',
    'Lire aussi', 'À lire aussi', 'A lire aussi', 'Voir aussi', 'Sur le même sujet', 'Articles liés',
    'Lesen Sie auch', 'Mehr zum Thema', 'Weitere Artikel', 'Das könnte Sie auch interessieren', 'Weiterlesen',
    'Noticias relacionadas', 'Lea también', 'Leer más', 'Artículos relacionados', 'Te puede interesar', 'Ver también',
    'Tin liên quan', 'Tin cùng chuyên mục', 'Xem thêm', 'Bài liên quan', 'Đọc thêm', 'Tin khác', 'Tin mới',
    'Читайте также', 'См. также', 'Новости по теме', 'Читать также',
    '相关新闻', '相关阅读', '延伸阅读', '相关报道', '更多新闻', '관련기사', '관련 기사', '関連記事', '関連ニュース',
    'ข่าวที่เกี่ยวข้อง', 'อ่านเพิ่มเติม',
  ].map(fold),
);

const COMMENT_COUNTER =
  /^(?:\d+\s+)?(?:kommentar|kommentarer|comments?|commentaires?|kommentare|comentarios?|binh luan|y kien|комментарии|评论|댓글|コメント)\s*(?:\(\d+\))?$/;

function foldedHeading(line: string): string {
  return fold(line).replace(/[\s:：.…»›>\-–—]+$/u, '').trim();
}

/** "Related News", "Read more:", "Läs också: <headline>": the start of a list of other stories. */
export function readRelatedHeading(line: string): { heading: string; rest: string } | null {
  if (line.length > 200) return null;
  const colon = /^([^:：]{2,40})[:：]\s*(.*)$/u.exec(line);
  if (colon?.[1] !== undefined && isRelatedHeadingText(foldedHeading(colon[1]))) return { heading: colon[1], rest: colon[2] ?? '' };
  if (line.length <= 80 && isRelatedHeadingText(foldedHeading(line))) return { heading: line, rest: '' };
  return null;
}

/** The same test as readRelatedHeading and the comment counter, on a line already folded. */
function isRelatedHeadingFolded(folded: string): boolean {
  if (folded.length > 200) return false;
  const colon = /^([^:：]{2,40})[:：]/u.exec(folded);
  if (colon?.[1] !== undefined && isRelatedHeadingText(trimHeading(colon[1]))) return true;
  if (folded.length > 80) return false;
  const heading = trimHeading(folded);
  return isRelatedHeadingText(heading) || COMMENT_COUNTER.test(heading);
}

function trimHeading(folded: string): string {
  return folded.replace(/[\s:：.…»›>\-–—]+$/u, '').trim();
}

// ">> Australia grants more scholarships to Vietnamese students": a link to another story, as pages
// mark one inside an article.
const RELATED_LINK = /^(?:>>|»|►|▶)\s*\p{Lu}[^.!?]*$/u;

// "Most Read from Bloomberg", "More from Reuters", "Top stories from VnExpress": a list heading that
// names its outlet (at most three words after "from"; a headline says more).
const RELATED_FROM = /^(?:most read|most popular|more|more stories|more news|top stories|latest|recommended) from (?:\S+ ){0,2}\S+$/u;

/** A related-stories heading, folded and trimmed. */
function isRelatedHeadingText(heading: string): boolean {
  return RELATED_HEADINGS.has(heading) || RELATED_FROM.test(heading);
}

/** A heading such as "Related News" or a counter such as "Kommentar (0)": what follows is not the story. */
export function isTrailerStart(line: string): boolean {
  if (line.length > 80) return false;
  const folded = foldedHeading(line);
  return isRelatedHeadingText(folded) || COMMENT_COUNTER.test(folded);
}

export interface OutletLine {
  outlet: string;
  day: number;
  month: number;
  year: number;
  /** The date as the line writes it, for the provenance. */
  dateText: string;
}

// "<Name><Name>09/10/2025", "<Name> 09/10/2025", maybe with a time before or after the date.
const OUTLET_LINE =
  /^(.{1,80}?)\s*(?:\d{1,2}:\d{2}\s*)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\s,|-]+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/**
 * The line a translated page prints under the standfirst: the outlet's name (often twice, logo text
 * then name) and the publication date. Name rules keep a sentence that ends in a date from passing.
 */
export function readOutletLine(line: string): OutletLine | null {
  if (line.length > 120) return null;
  const match = OUTLET_LINE.exec(line);
  if (match === null) return null;
  const [, rawName = '', day = '', month = '', year = ''] = match;
  const outlet = undoubled(rawName.replace(/[\s,|–—-]+$/u, '').trim());
  if (outlet === '' || outlet.split(' ').length > 4 || /[.!?:;]$/.test(outlet)) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(outlet) || !/\p{L}/u.test(outlet) || DATE_LABELS.test(fold(outlet)) || isDateWord(outlet)) return null;
  return { outlet, day: Number(day), month: Number(month), year: Number(year), dateText: `${day}/${month}/${year}` };
}

// Words that say a date follows ("Updated 09/10/2025"): such a line is a date line, not an outlet line.
const DATE_LABELS = /^(?:published|updated|posted|update|cap nhat|ngay|thu \S+|chu nhat|publicerad|publisert|veroffentlicht|publie|publicado|actualizado|опубликовано|обновлено|stand)\b/;

/** "VietnamPlusVietnamPlus" → "VietnamPlus": logo alt text and name glued together by the page saver. */
function undoubled(name: string): string {
  if (name.length % 2 !== 0) return name;
  const half = name.slice(0, name.length / 2);
  return half + half === name ? half.trim() : name;
}

/** A site's section label above a headline ("Politikk", "World"): a word or three, no punctuation. */
export function looksLikeSectionLabel(line: string): boolean {
  return line.length <= 40 && line.split(' ').length <= 4 && !/[.!?,;]$/.test(line);
}

// Whole lines that are a page's controls rather than its text, folded: share and print buttons,
// consent buttons, skip links, advertisement labels, listen and font-size controls, log-in links.
const WIDGET_PHRASES = new Set(
  (
    'advertisement|advertising|sponsored|ad|ads|quang cao|anzeige|werbung|publicidad|publicite|annons|annonse|реклама|广告|광고|広告|โฆษณา|' +
    'listen|listen to this article|nghe|nghe bai viet|nghe doc bai|vorlesen|artikel anhoren|escuchar|ecouter|lyssna|lytt|' +
    'story continues below advertisement|article continues below advertisement|story continues below|continue reading below|' +
    'advertisement - scroll to continue|scroll to continue with content|' +
    'font size|co chu|text size|a a a|a- a a+|a+ a-|back to top|len dau trang|skip to content|skip to main content|hoppa till innehall|hopp til innhold|' +
    'zum inhalt springen|ir al contenido|aller au contenu|accept|accept all|accept cookies|reject|reject all|decline|agree|i agree|ok|got it|' +
    'manage preferences|manage cookies|cookie settings|chap nhan|dong y|tu choi|akzeptieren|alle akzeptieren|aceptar|accepter|tout accepter|' +
    'godkann|godta|godkjenn|feedback|send feedback|gop y|phan hoi|follow us|theo doi|follow|login|log in|sign in|dang nhap|register|' +
    'subscribe|dang ky|search|tim kiem|menu|home|trang chu|startseite|inicio|accueil|hjem|hem|首页|홈|ホーム|print this article|' +
    'email this article|save|bookmark|luu|luu bai viet|no data|no videos available|dela artikeln|del artikkelen|kopiera lank|kopier lenke|' +
    'copy link|sao chep lien ket|link kopieren|copiar enlace|copier le lien|分享到|分享让更多人看到|打印|纠错|推荐|' +
    '공유하기|기사 공유|스크랩|인쇄|글자크기|본문 글자 크기 조정|プリント|印刷|ブックマーク|แชร์|พิมพ์|' +
    'поделиться|распечатать|печать|подписаться|telegram-канал'
  ).split('|'),
);

// Buttons that come in rows ("Share Facebook Twitter Email"): a line of nothing but these is a widget.
// Small words that join a share button's verb to the network ("Partager sur Facebook", "Share on X").
const SHARE_LINKS = new Set(['on', 'via', 'to', 'this', 'article', 'sur', 'cet', 'auf', 'en', 'este', 'pa', 'tren', 'bai', 'viet']);
const SHARE_WORDS = new Set(
  (
    'share shares sharing tweet email e-mail mail print facebook twitter x linkedin whatsapp telegram zalo messenger reddit pinterest ' +
    'vk weibo wechat line copy link chia se in teilen drucken compartir imprimir partager imprimer dela del skriv ut поделиться 分享 ' +
    '微信 微博 공유 シェア แชร์ 0'
  ).split(' '),
);

const CONSENT = /\bcookies?\b|\bconsent\b|\bgdpr\b|datenschutzeinstellungen|privacy settings/;
// A prompt asks the reader ("Subscribe to …", "… sign up for our …"); a story's sentence has a subject
// before the verb ("Investors rushed to subscribe to the bonds"), and is kept.
const NEWSLETTER = /\bnewsletters?\b|\bnyhetsbrev|\bban tin\b|\bbản tin\b|\bboletin\b|\bboletín\b|\bsuscríbete\b|(?:^|[.!?]\s+)(?:subscribe (?:to|now|today)|sign up (?:for|to))\b|\b(?:subscribe|sign up) (?:to|for) (?:our|my|this)\b|\bclick here to subscribe\b|\bjoin (?:\S+ ){0,3}(?:whatsapp|telegram) channel\b|\bsubscribe for (?:full|unlimited) access\b|\babonnieren\b|\babonnez-vous\b|\bsuscribete\b|\bpaywall\b|\bsubscribers? only\b|\bcontinue reading\b|\bprenumerera\b/;
const COPYRIGHT = /©|ⓒ|^\(c\)|\(c\)\s*\p{L}|\bcopyright\b|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits reserves|版权所有|저작권자|все права защищены|ban quyen|无断转载|무단 ?전재/u;
const END_MARKER = /^(?:enditem|end item|\(end\)|\[end\]|\(ends\)|\(完\)|（完）|\(끝\)|\.\/\.|==\s*kyodo|\(het\)|\(hết\)|-+\s*end\s*-+)$/iu;
// "ro/mgt", "arc/rgh": the editors' initials with which Prensa Latina and other desks close a story.
const EDITOR_INITIALS = /^[a-z]{1,4}(?:\/[a-z]{1,4}){1,3}$/u;
const TAG_LABEL = /^(?:tags?|keywords?|topics|suggested topics|related topics|tu khoa|tags?:|schlagworter|schlagworte|themen|etiquetas|palabras clave|taggar|amnen|stikkord|emner|mots-cles|mots cles|теги|ключевые слова|темы|关键词|标签|태그|키워드|タグ|キーワード|แท็ก|chu de)\s*(?:[:：]|$)/u;
const SOURCE_LINE = /^[([（]?\s*(?<label>source|sources|nguon|quelle|quellen|fuente|fonte|kalla|kilde|источник|来源|來源|出典|출처|ที่มา|editor|editors|web editor|edited by|reporting by|writing by|editing by|bien tap|redaktor|redakteur|redaccion|redaction|责编|责任编辑|编辑|审核|責編|責任編輯|編輯|審核)\s*[:：]\s*(?<value>[^)\]）]{1,80})[)\]）]?(?:\s*\d{6,8})?$/u;
const ACCORDING_TO = /^[(（]?\s*(?:[Tt]heo|[Aa]ccording to|[Nn]ach [Aa]ngaben von|[Ss]egún|[Ss]elon)\s+(?<value>[\p{Lu}\p{N}][^.!?]{0,40}?)\s*[)）]?$/u;
const BYLINE = /^(?:[Bb]y|BY|[Vv]on|[Pp]or|[Pp]ar|[Aa]v|[Bb]ởi|[Dd]oor|[Dd]i|[Dd]e|Автор|автор|(?:Reporter|Reporters|Writer|Author|Tác giả|Phóng viên|Tin, ảnh|Bài, ảnh|Tin và ảnh|Bài và ảnh|Autor|Auteur|Texto|Text)\s*:)\s*(?<name>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:and|und|y|et|och|og|và|и)?\s*\p{Lu}[\p{L}\p{M}.'’-]*){0,5})$/u;
// Reuters-style credits that close a story: "(Reporting by …; Editing by …)".
const REPORTING_CREDIT = /^\(?(?:Reporting|Additional reporting|Writing|Editing|Compiled) by\s/u;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u;
const CREDIT = /^(?:photo|photos|ảnh|foto|bild|imagen|crédit photo|credit|photo credit|фото|图|사진|写真|ภาพ)\s*(?:by|:|：)\s*\S.{0,60}$/iu;

export type LineKind =
  | 'image-file'
  | 'source-link'
  | 'end-marker'
  | 'copyright'
  | 'consent'
  | 'newsletter'
  | 'widget'
  | 'menu'
  | 'related'
  | 'tags'
  | 'source'
  | 'byline'
  | 'email'
  | 'credit'
  | 'outlet-line'
  | 'site-title'
  | 'date-line'
  /** A picture's caption with its credit above the lede; only the page head gives this kind (layout.ts). */
  | 'caption';

/** How the readers ask what a line is; a parse asks once per line and remembers the answer. */
export type KindOf = (line: { index: number; text: string }) => LineKind | null;

/** A KindOf that reads each line of one file once. */
export function rememberingKinds(): KindOf {
  const known = new Map<number, LineKind | null>();
  return (line) => {
    const remembered = known.get(line.index);
    if (remembered !== undefined) return remembered;
    const kind = furnitureKind(line.text);
    known.set(line.index, kind);
    return kind;
  };
}

/** What a line of furniture is, or null when it may be the article's own text. */
export function furnitureKind(line: string): LineKind | null {
  if (!isShort(line)) return null;
  // A long line, or one that ends like a sentence, can only be a banner, prompt, notice or a "Read
  // more:" line; the other kinds are short labels by nature.
  if (line.length > LONGEST_SHORT_FURNITURE || (line.length >= 60 && /[a-z\p{Ll}][.!?]["”»’)]?$/u.test(line))) return sentenceFurnitureKind(line);
  if (isImageFileName(line)) return 'image-file';
  if (readSourceLink(line) !== null) return 'source-link';
  const folded = fold(line);
  // Folding takes marks off letters, which also splits Korean syllables and Japanese voiced kana:
  // patterns with words in those scripts are tried on the line as written too.
  const lower = line.toLowerCase();
  if (END_MARKER.test(folded) || END_MARKER.test(line) || REPORTING_CREDIT.test(line) || EDITOR_INITIALS.test(line)) return 'end-marker';
  if (EMAIL.test(line)) return 'email';
  if (isWidget(folded) || isWidget(lower)) return 'widget';
  if (isRelatedHeadingFolded(folded) || RELATED_LINK.test(line)) return 'related';
  if (TAG_LABEL.test(folded) || TAG_LABEL.test(lower) || /^#\S+(?:\s+#\S+)*/u.test(line)) return 'tags';
  if (line.length <= 400 && CONSENT.test(folded)) return 'consent';
  if (isNewsletterPrompt(folded)) return 'newsletter';
  if ((COPYRIGHT.test(folded) || COPYRIGHT.test(lower)) && line.length <= 240) return 'copyright';
  if (readOutletLine(line) !== null) return 'outlet-line';
  if (isSiteBanner(line) || readSiteTitle(line) !== null) return 'site-title';
  // "November 30, 2026 | 10:02" has a menu's bar, but it is the page's date.
  if (isMenuRow(line)) return readDateLine(line) === null ? 'menu' : 'date-line';
  if (readSourceValue(line) !== null) return 'source';
  if (readByline(line) !== null) return 'byline';
  if (CREDIT.test(line)) return 'credit';
  if (readDateLine(line) !== null || RELATIVE_TIME.test(folded)) return 'date-line';
  if (READING_TIME.test(folded) || FOLLOW_PROMPT.test(folded)) return 'widget';
  return null;
}

// "Updated: 2 hours ago", "Cập nhật 5 phút trước", "vor 3 Stunden", "hace 2 horas": a page's time
// stamp as its reader saw it, which dates nothing once saved.
const RELATIVE_TIME =
  /^(?:(?:updated|published|posted|cap nhat|aktualisiert|actualizado|mis a jour|uppdaterad|oppdatert|обновлено)\s*[:：]?\s*)?(?:(?:\d{1,3}|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?|phut|gio|ngay)\s+(?:ago|truoc)|(?:vor|hace|il y a|för|for)\s+\d{1,3}\s+(?:minuten|stunden|tagen|minutos|horas|dias|minutes|heures|jours|minuter|timmar|dagar|minutter|timer|dager)(?:\s+(?:sedan|siden))?|\d{1,3}\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей))\s+назад)$/u;
// "Theo dõi Dân trí trên Google News", "Follow us on Facebook": where else to follow the outlet.
const FOLLOW_PROMPT = /^(?:theo doi|follow)\b.{0,40}\b(?:google news|facebook|zalo|youtube|tiktok|telegram|whatsapp|twitter|instagram)$/u;
// "3 min", "5 min read", "Reading time: 4 minutes", "Lesezeit: 3 Min.": how long the page says it takes.
const READING_TIME =
  /^(?:(?:reading time|lesezeit|tiempo de lectura|temps de lecture|lesetid|lastid|thoi gian doc)\s*[:：]?\s*)?\d{1,3}\s*(?:min|mins|minutes?|minuten|minutos|minutter|minuter|phut)\.?(?:\s+(?:read|doc|de lectura|de lecture))?$/u;

const LONGEST_SHORT_FURNITURE = 200;

// Quick tests before the full patterns: a paragraph of the story has none of these. The first looks
// for any of them in one pass.
const ANY_NOTICE_HINT = /cookie|consent|gdpr|privacy|datenschutz|newsletter|nyhetsbrev|bản tin|ban tin|bolet|subscri|sign up|abonn|suscr|paywall|continue reading|prenumer|©|ⓒ|\(c\)|copyright|rights|rechte|derechos|droits|版权|저작권|права|bản quyền|ban quyen|转载|전재/;
const CONSENT_HINT = /cookie|consent|gdpr|privacy|datenschutz/;
const NEWSLETTER_HINT = /newsletter|nyhetsbrev|bản tin|ban tin|bolet|subscri|sign up|abonn|suscr|paywall|continue reading|prenumer|whatsapp|telegram/;
const COPYRIGHT_HINT = /©|ⓒ|\(c\)|copyright|rights|rechte|derechos|droits|版权|저작권|права|bản quyền|ban quyen|转载|전재/;

// What makes a line that names a newsletter a prompt: it asks the reader to act, or speaks of "our"
// newsletter and "your" inbox. "The ministry publishes a newsletter on rice exports", "Theo bản tin
// của VTV" and "El boletín oficial publicó…" are the story's sentences.
const NEWSLETTER_PROMPT =
  /\b(?:sign up|subscribe|register|join|receive|get|our|your|inbox|dang ky|nhan|cua chung toi|suscribete|suscribase|suscribirse|nuestro|abonnieren|unser|unseren|abonnez|notre|prenumerera|var|vart|vare|abonner)\b/u;

/** A newsletter or paywall prompt, on a folded line: a label of a few words, or a line that asks. */
function isNewsletterPrompt(folded: string): boolean {
  if (!NEWSLETTER.test(folded)) return false;
  const words = folded.split(' ').length;
  return words <= 3 || (words <= 30 && NEWSLETTER_PROMPT.test(folded));
}

// A prompt to join an outlet's channel is one short sentence. Looked for apart from the hints above:
// there, words starting with common letters would slow the scan of every paragraph.
function isChannelPromptHint(lower: string): boolean {
  return lower.length <= 160 && (lower.includes('whatsapp') || lower.includes('telegram'));
}

function sentenceFurnitureKind(line: string): LineKind | null {
  if (line.length > 400) return null;
  if (line.length <= 200 && /^[^:：]{2,40}[:：]/u.test(line) && readRelatedHeading(line) !== null) return 'related';
  const lower = line.toLowerCase();
  if (!ANY_NOTICE_HINT.test(lower) && !isChannelPromptHint(lower)) return null;
  if (CONSENT_HINT.test(lower) && CONSENT.test(lower)) return 'consent';
  if (NEWSLETTER_HINT.test(lower) && isNewsletterPrompt(fold(line))) return 'newsletter';
  if (line.length <= 240 && COPYRIGHT_HINT.test(lower) && COPYRIGHT.test(lower)) return 'copyright';
  return null;
}

function isWidget(folded: string): boolean {
  if (folded.length > 80) return false;
  const bare = folded.replace(/\(\d+\)|[\s:：|·•/\-–—]+$/gu, '').trim();
  if (WIDGET_PHRASES.has(bare)) return true;
  const words = bare.split(/[\s|·•/]+/).filter((word) => word !== '');
  return words.every((word) => SHARE_WORDS.has(word) || SHARE_LINKS.has(word)) && words.some((word) => SHARE_WORDS.has(word) && word !== 'in' && word !== '0');
}

/**
 * "Home | China | World", "News › Politics", "Home > National > Diplomacy": short labels joined by bars,
 * angle quotes or arrows, none of them a sentence.
 */
function isMenuRow(line: string): boolean {
  if (line.length > 200) return false;
  const parts = line.split(/\s+(?:\||›|»|>>|>|\/|·|•)\s+|\s*[|›»]\s*|\t+|\s{3,}/u).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length < 2) return false;
  if (!/\s(?:\||›|»|>>|>|\/|·|•)\s|[|›»]|\t|\s{3,}/u.test(line)) return false;
  // Menu labels are names: capitalised, or in a script without capitals.
  return parts.every((part) => part.split(' ').length <= 4 && part.length <= 32 && !/[.!?。,;]$/u.test(part) && /^[\p{Lu}\p{Lo}\p{N}#]/u.test(part));
}

/** "Source: Xinhua", "Nguồn: TTXVN", "来源：新华网", "Theo TTXVN": who the page says the story came from. */
export function readSourceValue(line: string): { label: string; value: string } | null {
  if (line.length > 120) return null;
  for (const segment of line.split(/\s*[|｜]\s*/u)) {
    const labelled = (SOURCE_LINE.exec(segment) ?? SOURCE_LINE.exec(foldLabel(segment)))?.groups;
    if (labelled?.value !== undefined && labelled.label !== undefined) return { label: labelled.label, value: labelled.value.trim() };
    const according = ACCORDING_TO.exec(segment)?.groups?.value;
    if (according !== undefined && according.split(' ').length <= 4) return { label: 'according to', value: according.trim() };
  }
  return null;
}

// Labels are matched folded ("Nguồn" → "nguon"); the value is given back as written.
function foldLabel(segment: string): string {
  const colon = segment.search(/[:：]/u);
  return colon === -1 ? segment : fold(segment.slice(0, colon)) + segment.slice(colon);
}

/** "By Nguyen Thu Trang": who wrote the story, never the agency. */
export function readByline(line: string): string | null {
  if (line.length > 120) return null;
  for (const segment of line.split(/\s*[|｜]\s*|\s{3,}/u)) {
    const name = BYLINE.exec(segment.trim())?.groups?.name;
    if (name !== undefined) return name;
  }
  // "Dewi Kurniawan (The Jakarta Post)": a writer's name with the outlet in brackets after it.
  const credited = line.trimEnd().endsWith(')') ? NAME_WITH_OUTLET.exec(line.trim())?.groups : undefined;
  // "Minh Anh (TTXVN)": or an agency's acronym.
  const outletNamed = credited?.outlet !== undefined && (readOutletName(credited.outlet) !== null || /^\p{Lu}{3,8}$/u.test(credited.outlet));
  if (credited?.name !== undefined && outletNamed) return credited.name;
  return null;
}
const NAME_WITH_OUTLET = /^(?<name>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,3})\s+\((?<outlet>[^()]{2,40})\)$/u;

/** A line that is mostly a date ("Thursday, 12 June 2025 - 14:05", "Publicerad 12 juni 2025 kl. 14.05"). */
export function readDateLine(line: string): DateInText | null {
  if (line.length > 160) return null;
  const date = readDateIn(line);
  return date !== null && isMostlyDate(line, date) ? date : null;
}

/** The name a copyright line gives ("© 2025 Nhan Dan Online. All rights reserved." → "Nhan Dan Online"). */
export function readCopyrightHolder(line: string): string | null {
  const holder = line
    .replace(/^.*?(?:©|\([cC]\)|Copyright)\s*/u, '')
    .replace(/\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)\d{2})?/gu, '')
    .split(/[.,;]\s|\s[-–—|]\s|\s{2,}/u)[0]
    ?.replace(/all rights reserved/iu, '')
    .trim();
  if (holder === undefined || holder === '' || holder.split(' ').length > 4 || !/^[\p{Lu}\p{Lo}]/u.test(holder)) return null;
  // "Bangkok Post PCL": the company's legal form is not the outlet's name.
  return holder.replace(/[.,]$/u, '').replace(LEGAL_FORM, '');
}

// "Vietnam, Laos sign rail deal | Hanoi Times", "… - Xinhua", "… - Báo Nhân Dân", "… | english.news.cn":
// the page's title as the browser showed it, the outlet after the last bar or spaced dash.
const OUTLET_SUFFIX = /^(?<headline>.{12,}?)\s+[|–—-]\s+(?<outlet>[^|–—-]{2,40})$/u;
const VIETNAMESE_PUBLICATION = /^(?:Báo|Tạp chí|Cổng thông tin)\s+\p{Lu}/u;
const DOMAIN = /^[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}$/u;

/**
 * A headline with its outlet's name after it, split in two; null when what follows the last bar or
 * dash is not an outlet's name (known agency, a name with a word outlets use, "Báo …", a domain).
 */
export function splitOutletSuffix(title: string): { headline: string; outlet: string } | null {
  const match = OUTLET_SUFFIX.exec(title);
  const headline = match?.groups?.headline?.trim();
  const outlet = match?.groups?.outlet?.trim();
  if (headline === undefined || outlet === undefined) return null;
  const named = isKnownAgency(outlet) || readOutletName(outlet) !== null || VIETNAMESE_PUBLICATION.test(outlet) || DOMAIN.test(outlet);
  return named ? { headline, outlet } : null;
}

const LEGAL_FORM = /\s+(?:PCL|PLC|JSC|Ltd|Limited|Inc|Corp|Co|LLC|GmbH|Pte|Bhd|S\.A)\.?$/u;

// Words outlets put in their names, in our languages.
const OUTLET_NAME_WORDS = /\b(?:news|times|post|daily|herald|tribune|press|online|agency|plus|net|tv|radio|journal|gazette|express|telegraph|globe|star|nation|insider|today|weekly|magazine|voice|bao|tin tuc|agencia|nachrichten|zeitung|noticias|nyheter|новости|агентство)\b/u;

/**
 * A line that is only an outlet's name, as a page prints it above the article ("Khmer Times",
 * "VietNamNet Global", "Lao News Agency"): a few capitalised words with a word outlets use in their
 * names, or a name written in camel case. The weakest evidence of the agency there is.
 */
export function readOutletName(line: string): string | null {
  const text = line.trim();
  const words = text.split(/\s+/);
  if (text.length > 40 || words.length > 4 || !words.every((word) => /^[\p{Lu}\p{N}]/u.test(word))) return null;
  const camel = words.some((word) => /\p{Ll}\p{Lu}/u.test(word));
  // "News" or "Nyheter" alone is a section's label; a name says whose news.
  return camel || (words.length >= 2 && OUTLET_NAME_WORDS.test(fold(text))) ? text : null;
}
