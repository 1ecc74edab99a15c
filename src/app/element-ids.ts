/** Ids of elements that parts of the app find or link to across modules loaded at different times. */

/** The open article's heading: skip links and focus go there. */
export const ARTICLE_HEADING_ID = 'article-title';
