import { findFirst, type HtmlElement, textOf } from './dom';
import type { ElementTest } from './selector';

/**
 * Finds the article body in a parsed page and returns it as typed blocks. The approach is the one
 * Readability popularised, plus the furniture rules of trafilatura-style extractors:
 * 1. page furniture (navigation, share bars, related links, comments, cookie and newsletter boxes,
 *    captions) is pruned by tag semantics, ARIA roles and class/id words;
 * 2. every paragraph credits its ancestors by its length and commas; the best-scoring container,
 *    discounted by its link density, is the body, joined by siblings that look like the body;
 * 3. a schema.org `articleBody` in JSON-LD, when present, picks the container whose words match it;
 * 4. inside the body, link-dense or image-heavy boxes are dropped and blocks are typed by tag.
 */

type BodyBlockType = 'heading' | 'paragraph' | 'quote' | 'list';

export interface BodyBlock {
  type: BodyBlockType;
  text: string;
}

export interface BodyHints {
  body?: readonly ElementTest[];
  remove?: ElementTest;
}

interface Stats {
  /** Length of the kept text below the element. */
  text: number;
  /** Length of that text inside links. */
  link: number;
  /** Number of paragraphs below. */
  paragraphs: number;
  images: number;
  listItems: number;
  /** Blocks of text with no block inside (list items and table cells aside), and the longest one. */
  leaves: number;
  longest: number;
  removed: boolean;
  score: number;
  scored: boolean;
}

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Tags whose whole subtree is furniture by HTML semantics. */
const FURNITURE_TAGS = new Set([
  'nav',
  'footer',
  'aside',
  'menu',
  'button',
  'input',
  'option',
  'dialog',
  'figcaption',
  'figure',
  'img',
  'picture',
  'source',
  'map',
  'link',
  'style',
]);

const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'search',
  'toolbar',
  'tooltip',
]);

/**
 * Class/id words of furniture. A word must be a whole token of the class or id (split on spaces,
 * dashes, underscores and camelCase) so `shared-story` or `commentary` do not match.
 */
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'advertising',
  'adsense',
  'dfp',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'author',
  'authors',
  'bio',
  'byline',
  'caption',
  'captions',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'copyright',
  'credit',
  'credits',
  'disqus',
  'footer',
  'gdpr',
  'hidden',
  'masthead',
  'menu',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'outbrain',
  'pagination',
  'pager',
  'prev',
  'previous',
  'next',
  'paywall',
  'popup',
  'promo',
  'promotion',
  'recommended',
  'recommendations',
  'related',
  'share',
  'sharing',
  'sharebar',
  'sidebar',
  'signup',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'toolbar',
  'skip',
  'sr',
  'visually',
  'screen',
  'print',
  'tooltip',
]);

/** Words that mark a container as the content itself; they veto a furniture word on the same element. */
const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose/;
const NEGATIVE_CLASS =
  /(^|[\s_-])(ad|hidden|hid|banner|combx|comment|com|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|caption|credit|social|newsletter|subscribe)([\s_-]|$)/;

const WORD_SPLIT = /[\s_-]+|(?<=[a-z])(?=[A-Z])/;

function classAndId(el: HtmlElement): string {
  const cls = el.attrs.class;
  const id = el.attrs.id;
  return cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
}

/**
 * Words that name furniture whatever else the class says (`post-share`, `wp-caption-text`,
 * `article-comments`); the other furniture words yield to a content word on the same element.
 */
const STRONG_FURNITURE_WORDS = new Set([
  'advert',
  'advertisement',
  'advertising',
  'caption',
  'captions',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'disqus',
  'gdpr',
  'newsletter',
  'outbrain',
  'paywall',
  'popular',
  'popup',
  'recent',
  'recommended',
  'related',
  'share',
  'sharing',
  'sharebar',
  'social',
  'sponsored',
  'taboola',
  'trending',
]);

/** 2 = strong furniture word, 1 = furniture word, 0 = none. */
/** Strong words that also count inside a longer class word (`relatedposts`, `socialicons`). */
const STRONG_FURNITURE_INFIX =
  /related|caption|cookie|newsletter|advert|sponsor|popup|recommend|disqus|outbrain|taboola|social|share|trending/;

/**
 * 2 = a strong furniture word anywhere in the class or id; 1 = a furniture word that is the last
 * word of a class or id (the head of BEM-style `article__info-date`, `main-navigation`) while no
 * class or id ends in a content word; 0 = none.
 */
function furnitureWordStrength(names: string): number {
  let weak = false;
  let content = false;
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    const words = name.split(WORD_SPLIT).filter(Boolean);
    const head = words[words.length - 1]?.toLowerCase();
    if (!head) continue;
    // An embedded post (`social-media-embed`) is quoted content, not a share bar.
    if (head === 'embed') continue;
    for (const raw of words) {
      const word = raw.toLowerCase();
      if (STRONG_FURNITURE_WORDS.has(word) || (word.length > 7 && STRONG_FURNITURE_INFIX.test(word)))
        return 2;
    }
    if (FURNITURE_WORDS.has(head)) weak = true;
    else if (CONTENT_HEADS.has(head)) content = true;
  }
  return weak && !content ? 1 : 0;
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether the element's id spells its own first heading (`id="sharing-your-work"` on the section
 * headed "Sharing your work"), as documentation and CMS generators write anchors: the id then says
 * what the section is about, not what role the box plays.
 */
function isHeadingAnchor(el: HtmlElement): boolean {
  const id = el.attrs.id;
  if (!id || !/[\w][-_][\w]/.test(id)) return false;
  const heading = findFirst(el, (child) => HEADINGS.has(child.tag));
  return heading !== undefined && letters(textOf(heading)) === letters(id);
}

const CONTENT_HEADS = new Set([
  'article',
  'articlebody',
  'body',
  'content',
  'entry',
  'main',
  'post',
  'story',
  'text',
  'prose',
]);

function classWeight(el: HtmlElement): number {
  let names = classAndId(el).toLowerCase();
  if (!names) return 0;
  if (el.attrs.id && NEGATIVE_CLASS.test(names) && isHeadingAnchor(el))
    names = (el.attrs.class ?? '').toLowerCase();
  let weight = 0;
  if (NEGATIVE_CLASS.test(names)) weight -= 25;
  if (POSITIVE_CLASS.test(names)) weight += 25;
  return weight;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const PROTECTED_TAGS = new Set(['#root', 'html', 'body', 'main', 'article']);

class BodyFinder {
  private readonly stats = new Map<HtmlElement, Stats>();
  private readonly candidates: HtmlElement[] = [];
  /** Length of prose paragraphs (long, few links) below each element: the recall side of the choice. */
  private readonly prose = new Map<HtmlElement, number>();
  private pageText = 0;

  constructor(
    private readonly root: HtmlElement,
    private readonly hints: BodyHints,
    /** The fallback pass: ARIA-hidden boxes and weak class words are not furniture. */
    private readonly relaxed = false,
  ) {}

  private stat(el: HtmlElement): Stats {
    let s = this.stats.get(el);
    if (!s) {
      s = {
        text: 0,
        link: 0,
        paragraphs: 0,
        images: 0,
        listItems: 0,
        leaves: 0,
        longest: 0,
        removed: false,
        score: 0,
        scored: false,
      };
      this.stats.set(el, s);
    }
    return s;
  }

  /** Text and link lengths below every element; removed subtrees count for nothing. */
  private measure(el: HtmlElement, inLink: boolean): Stats {
    const s = this.stat(el);
    s.text = 0;
    s.link = 0;
    s.paragraphs = el.tag === 'p' ? 1 : 0;
    s.images = el.tag === 'img' ? 1 : 0;
    s.listItems = el.tag === 'li' ? 1 : 0;
    s.leaves = 0;
    s.longest = 0;
    let blockInside = false;
    const linked = inLink || el.tag === 'a';
    for (const child of el.children) {
      if (typeof child === 'string') {
        const length = child.trim().length;
        s.text += length;
        if (linked) s.link += length;
        continue;
      }
      const c = this.measure(child, linked);
      if (c.removed) continue;
      s.text += c.text;
      s.link += c.link;
      s.paragraphs += c.paragraphs;
      s.images += c.images;
      s.listItems += c.listItems;
      s.leaves += c.leaves;
      if (c.longest > s.longest) s.longest = c.longest;
      if (!blockInside && BLOCK_TAGS.has(child.tag)) blockInside = true;
    }
    if (STRUCTURED_TAGS.has(el.tag)) s.leaves = 0;
    else if (!blockInside && s.text > 0 && BLOCK_TAGS.has(el.tag)) {
      s.leaves = 1;
      s.longest = s.text;
    }
    return s;
  }

  private isFurniture(el: HtmlElement): boolean {
    if (PROTECTED_TAGS.has(el.tag)) return false;
    const attrs = el.attrs;
    if (attrs.itemprop === 'articleBody') return false;
    if (this.hints.remove?.(el)) return true;
    // ASP.NET and some CMSs wrap the whole page in one <form>: only a small form is furniture.
    if (el.tag === 'form') return this.stat(el).text < this.pageText * 0.4;
    if (FURNITURE_TAGS.has(el.tag)) return true;
    if (attrs.hidden !== undefined) return true;
    if (attrs['aria-hidden'] === 'true' && !this.relaxed) return true;
    if (attrs.style && HIDDEN_STYLE.test(attrs.style)) return true;
    if (attrs.role && FURNITURE_ROLES.has(attrs.role)) return true;
    const names = isHeadingAnchor(el) ? (attrs.class ?? '') : classAndId(el);
    if (!names) return false;
    const strength = furnitureWordStrength(names);
    if (strength === 0 || (strength === 1 && this.relaxed)) return false;
    // A wrapper that holds most of the page's text is a layout box with an unlucky name, not furniture.
    return this.stat(el).text < this.pageText * 0.4;
  }

  private prune(el: HtmlElement): void {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (this.isFurniture(child)) this.stat(child).removed = true;
      else this.prune(child);
    }
  }

  private isRemoved(el: HtmlElement): boolean {
    return this.stats.get(el)?.removed ?? false;
  }

  private initCandidate(el: HtmlElement): Stats {
    const s = this.stat(el);
    if (!s.scored) {
      s.scored = true;
      this.candidates.push(el);
      let score = classWeight(el);
      switch (el.tag) {
        case 'div':
        case 'article':
        case 'main':
        case 'section':
          score += 5;
          break;
        case 'pre':
        case 'td':
        case 'blockquote':
          score += 3;
          break;
        case 'address':
        case 'ol':
        case 'ul':
        case 'dl':
        case 'dd':
        case 'dt':
        case 'li':
        case 'form':
          score -= 3;
          break;
        case 'h1':
        case 'h2':
        case 'h3':
        case 'h4':
        case 'h5':
        case 'h6':
        case 'th':
          score -= 5;
          break;
      }
      s.score = score;
    }
    return s;
  }

  private credit(from: HtmlElement | null, text: string): void {
    const length = text.length;
    if (length < 25) return;
    let commas = 0;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
    }
    const score = 1 + commas + Math.min(3, Math.floor(length / 100));
    let level = 0;
    for (let el = from; el && level < 5; el = el.parent, level++) {
      if (el.tag === '#root' || el.tag === 'html') break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      this.initCandidate(el).score += score / divider;
    }
  }

  /** Scores paragraphs: `<p>`/`<pre>`, block-free `<div>`s, and runs of inline text inside containers. */
  private scoreParagraphs(el: HtmlElement): void {
    let inline = '';
    let hasBlockChild = false;
    for (const child of el.children) {
      if (typeof child === 'string') {
        inline += child;
        continue;
      }
      if (this.isRemoved(child)) continue;
      if (BLOCK_TAGS.has(child.tag)) {
        hasBlockChild = true;
        this.scoreParagraphs(child);
      } else if (child.tag !== 'br') {
        inline += inlineText(child, this.stats);
        if (hasBlocksInside(child)) this.scoreParagraphs(child);
      }
    }
    // Headings and list items are not prose: they credit no container.
    if (el.tag === 'li' || HEADINGS.has(el.tag)) return;
    const text = inline.replace(/ {2,}/g, ' ').trim();
    if (el.tag === 'p' || el.tag === 'pre' || !hasBlockChild) this.credit(el.parent, text);
    else if (text) this.credit(el, text);
    // A teaser's summary in a list item is not the article's prose, however long.
    if (text.length >= PROSE_LENGTH && this.linkDensity(el) < 0.25 && !inListItem(el))
      for (let up: HtmlElement | null = el; up; up = up.parent)
        this.prose.set(up, (this.prose.get(up) ?? 0) + text.length);
  }

  private linkDensity(el: HtmlElement): number {
    const s = this.stat(el);
    return s.text ? s.link / s.text : 0;
  }

  private topCandidate(): HtmlElement | undefined {
    for (const el of this.candidates) {
      const s = this.stat(el);
      s.score *= 1 - this.linkDensity(el);
    }
    const ranked = [...this.candidates].sort((a, b) => this.stat(b).score - this.stat(a).score);
    let top = ranked[0];
    if (!top) return undefined;
    const topScore = this.stat(top).score;
    const isPageLevel = (el: HtmlElement) => el.tag === '#root' || el.tag === 'html' || el.tag === 'body';

    // A body split into sibling boxes (one paragraph per card) scores as several close candidates:
    // their common ancestor is the body when at least three of the top five sit under it.
    const close = ranked.slice(1, 5).filter((el) => this.stat(el).score >= topScore * 0.75);
    if (close.length >= 2) {
      for (let up = top.parent; up && !isPageLevel(up); up = up.parent) {
        const inside = close.filter((el) => isAncestor(up as HtmlElement, el)).length;
        if (inside >= 2) {
          top = up;
          break;
        }
      }
    }

    // Climb while the parent scores higher than the child: the child was only part of the body.
    let lastScore = this.stat(top).score;
    const floor = lastScore / 3;
    for (let up = top.parent; up && !isPageLevel(up); up = up.parent) {
      const s = this.stats.get(up);
      if (!s?.scored) continue;
      if (s.score < floor) break;
      if (s.score > lastScore) {
        top = up;
        break;
      }
      lastScore = s.score;
    }

    // A body that is its parent's only content is the parent, so wrappers' siblings can join.
    while (top.parent && !isPageLevel(top.parent)) {
      const kept = top.parent.children.filter((c) => typeof c !== 'string' && !this.isRemoved(c));
      if (kept.length !== 1) break;
      top = top.parent;
    }
    return top;
  }

  /** The top candidate plus siblings that score close to it or read like body paragraphs. */
  private withSiblings(top: HtmlElement): HtmlElement[] {
    const parent = top.parent;
    if (!parent) return [top];
    const topScore = this.stat(top).score;
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = top.attrs.class ?? '';
    const out: HtmlElement[] = [];
    for (const sibling of parent.children) {
      if (typeof sibling === 'string' || this.isRemoved(sibling)) continue;
      if (sibling === top) {
        out.push(sibling);
        continue;
      }
      const s = this.stat(sibling);
      let bonus = 0;
      if (topClass && sibling.attrs.class === topClass) bonus += topScore * 0.2;
      if (s.scored && s.score + bonus >= threshold) {
        out.push(sibling);
        continue;
      }
      if (sibling.tag === 'p') {
        const density = this.linkDensity(sibling);
        const text = inlineText(sibling, this.stats);
        if (
          (text.length > 80 && density < 0.25) ||
          (text.length > 0 && density === 0 && /[.!?…。]["”»’]?\s*$/.test(text))
        )
          out.push(sibling);
      }
    }
    return out;
  }

  /**
   * The recall-oriented check, after trafilatura's comparison of its precise pass with a wider
   * one: an ancestor of the chosen body replaces it when it holds clearly more prose paragraphs and
   * what else it adds (not links, not prose) stays small beside that prose. This recovers a body
   * split into boxes that do not score alike (pull quotes, media or ads between its parts).
   */
  private widenToProse(chosen: HtmlElement[]): HtmlElement[] {
    const first = chosen[0];
    if (!first) return chosen;
    let prose = 0;
    let plain = 0;
    let links = 0;
    for (const el of chosen) {
      prose += this.prose.get(el) ?? 0;
      const s = this.stat(el);
      plain += s.text - s.link;
      links += s.link;
    }
    let best = chosen;
    const start = chosen.length > 1 ? first.parent : first;
    for (let up = start?.parent ?? null, level = 0; up && level < 4; up = up.parent, level++) {
      if (up.tag === '#root' || up.tag === 'html' || up.tag === 'body') break;
      const s = this.stat(up);
      const upProse = this.prose.get(up) ?? 0;
      const gain = upProse - prose;
      const extra = s.text - s.link - plain - gain;
      const addedLinks = s.link - links;
      if (
        gain >= Math.max(2 * PROSE_LENGTH, prose * 0.2) &&
        extra <= gain * 0.5 &&
        addedLinks <= gain * 0.3
      ) {
        best = [up];
        prose = upProse;
        plain = s.text - s.link;
        links = s.link;
      }
    }
    return best;
  }

  /** The container whose words best match the JSON-LD `articleBody`, when one matches well. */
  private matchLdBody(ldBody: string): HtmlElement | undefined {
    const want = wordCounts(ldBody);
    let wantTotal = 0;
    for (const n of want.values()) wantTotal += n;
    if (wantTotal < 40) return undefined;
    let best: HtmlElement | undefined;
    let bestF1 = 0.6;
    const ldLength = ldBody.length;
    for (const el of this.candidates) {
      const s = this.stat(el);
      if (s.text < ldLength * 0.3 || s.text > ldLength * 4) continue;
      const have = wordCounts(keptText(el, this.stats));
      let haveTotal = 0;
      let common = 0;
      for (const [word, n] of have) {
        haveTotal += n;
        const m = want.get(word);
        if (m) common += Math.min(m, n);
      }
      if (!haveTotal) continue;
      const precision = common / haveTotal;
      const recall = common / wantTotal;
      const f1 = (2 * precision * recall) / (precision + recall || 1);
      if (f1 > bestF1 + 1e-9 || (best && Math.abs(f1 - bestF1) < 1e-9 && isAncestor(el, best))) {
        best = el;
        bestF1 = f1;
      }
    }
    return best;
  }

  find(ldBody: string | undefined): HtmlElement[] {
    this.pageText = this.measure(this.root, false).text;
    this.prune(this.root);
    this.measure(this.root, false);
    // Profile body selectors are tried in order; the first that matches a kept element wins.
    for (const test of this.hints.body ?? []) {
      const hinted = findKept(this.root, test, this.stats);
      if (hinted) return [hinted];
    }
    this.scoreParagraphs(this.root);
    const fromLd = ldBody ? this.matchLdBody(ldBody) : undefined;
    if (fromLd) return [fromLd];
    const top = this.topCandidate();
    if (!top) return [this.root];
    return this.widenToProse(this.withSiblings(top));
  }

  /** Whether a box inside the body is furniture by its shape: mostly links, or images without text. */
  dropInsideBody(el: HtmlElement): boolean {
    if (el.tag === 'header') return true;
    if (!CONTAINER_TAGS.has(el.tag)) return false;
    const s = this.stat(el);
    if (s.text === 0) return true;
    const density = s.link / s.text;
    // An embedded post carries the words of someone quoted, whatever its box is called.
    if (/(^|\s)[\w-]*embed(\s|$)/i.test(el.attrs.class ?? '')) return false;
    const weight = classWeight(el);
    if (weight < 0 && s.text < 1000) return true;
    const isList = el.tag === 'ul' || el.tag === 'ol';
    if (isList) return density > 0.5;
    if (s.text > 1500) return false;
    if (density > 0.5 || (density > 0.25 && weight < 25 && s.paragraphs === 0 && s.text < 500)) return true;
    if (s.images > 1 && s.paragraphs / s.images < 0.5 && s.text < 200) return true;
    // Many scraps of text and not one sentence among them: a chart's labels or a player's menus.
    if (s.leaves >= 10 && s.text < s.leaves * 16 && s.longest < PROSE_LENGTH) return true;
    return false;
  }

  removed(el: HtmlElement): boolean {
    return this.isRemoved(el);
  }

  linkShare(el: HtmlElement): number {
    return this.linkDensity(el);
  }
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A paragraph this long with few links reads as prose (jusText's length_low is 70). */
const PROSE_LENGTH = 80;

/** Lists and tables hold short items by nature: their texts are not scraps. */
const STRUCTURED_TAGS = new Set(['ul', 'ol', 'dl', 'table']);

const CONTAINER_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'center', 'span']);

function isAncestor(a: HtmlElement, b: HtmlElement): boolean {
  for (let el = b.parent; el; el = el.parent) if (el === a) return true;
  return false;
}

function inListItem(el: HtmlElement): boolean {
  for (let up: HtmlElement | null = el; up; up = up.parent) if (up.tag === 'li') return true;
  return false;
}

function hasBlocksInside(el: HtmlElement): boolean {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (BLOCK_TAGS.has(child.tag) || hasBlocksInside(child)) return true;
  }
  return false;
}

function inlineText(el: HtmlElement, stats: Map<HtmlElement, Stats>): string {
  let out = '';
  for (const child of el.children) {
    if (typeof child === 'string') out += child;
    else if (!stats.get(child)?.removed) {
      if (child.tag === 'br') out += ' ';
      else if (!BLOCK_TAGS.has(child.tag)) out += inlineText(child, stats);
    }
  }
  return out;
}

function keptText(el: HtmlElement, stats: Map<HtmlElement, Stats>): string {
  let out = '';
  for (const child of el.children) {
    if (typeof child === 'string') out += child;
    else if (!stats.get(child)?.removed) out += ` ${keptText(child, stats)} `;
  }
  return out;
}

function findKept(
  root: HtmlElement,
  test: ElementTest,
  stats: Map<HtmlElement, Stats>,
): HtmlElement | undefined {
  for (const child of root.children) {
    if (typeof child === 'string' || stats.get(child)?.removed) continue;
    if (test(child)) return child;
    const found = findKept(child, test, stats);
    if (found) return found;
  }
  return undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Turns the chosen containers into typed blocks. */
class BlockWriter {
  readonly blocks: BodyBlock[] = [];
  private buffer = '';
  private bufferLink = 0;
  private bufferType: BodyBlockType = 'paragraph';

  constructor(private readonly finder: BodyFinder) {}

  flush(): void {
    const text = this.buffer.replace(/ {2,}/g, ' ').trim();
    const linked = this.bufferLink;
    this.buffer = '';
    this.bufferLink = 0;
    if (!text) return;
    // A line that is nearly all link text ("Read more: …", a tag list) is navigation, not prose.
    if (linked / text.length > 0.8 && this.bufferType !== 'list') return;
    this.blocks.push({ type: this.bufferType, text });
  }

  write(el: HtmlElement, type: BodyBlockType, inLink: boolean): void {
    for (const child of el.children) {
      if (typeof child === 'string') {
        if (!this.buffer) this.bufferType = type;
        this.buffer += child;
        if (inLink) this.bufferLink += child.trim().length;
        continue;
      }
      if (this.finder.removed(child)) continue;
      const tag = child.tag;
      if (tag === 'br') {
        this.flush();
        continue;
      }
      if (!BLOCK_TAGS.has(tag)) {
        this.write(child, type, inLink || tag === 'a');
        continue;
      }
      if (this.finder.dropInsideBody(child)) continue;
      this.flush();
      this.write(child, blockTypeOf(tag, type), inLink);
      this.flush();
    }
  }
}

function blockTypeOf(tag: string, inherited: BodyBlockType): BodyBlockType {
  if (inherited === 'quote' || inherited === 'list') return inherited;
  if (tag === 'blockquote') return 'quote';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  return inherited === 'heading' ? 'heading' : 'paragraph';
}

export function extractBody(
  root: HtmlElement,
  ldBody: string | undefined,
  hints: BodyHints = {},
): BodyBlock[] {
  const blocks = writeBody(new BodyFinder(root, hints), ldBody);
  const length = textLength(blocks);
  if (length >= SHORT_BODY) return blocks;
  // Next to nothing survived the precise pass: a page saved with a dialog open hides the article
  // from assistive technology (aria-hidden) or puts it in a box named as a modal. A pass that
  // trusts those signals less is kept when it finds clearly more.
  const fallback = writeBody(new BodyFinder(root, hints, true), ldBody);
  return textLength(fallback) >= Math.max(2 * length, length + SHORT_BODY) ? fallback : blocks;
}

/** Below this many characters of body the extraction is treated as having failed. */
const SHORT_BODY = 250;

function writeBody(finder: BodyFinder, ldBody: string | undefined): BodyBlock[] {
  const containers = finder.find(ldBody);
  const writer = new BlockWriter(finder);
  for (const container of containers) {
    writer.write(container, blockTypeOf(container.tag, 'paragraph'), false);
    writer.flush();
  }
  return writer.blocks;
}

function textLength(blocks: readonly BodyBlock[]): number {
  let length = 0;
  for (const block of blocks) length += block.text.length;
  return length;
}
