import type { HtmlElement } from './dom';

/**
 * The CSS selector subset that source profiles use for hints: comma lists of compound selectors
 * (`tag`, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr~=value]`, `[attr*=value]`,
 * `[attr^=value]`) joined by descendant (space) or child (`>`) combinators. A selector outside the
 * subset matches nothing rather than throwing: hints only ever improve extraction.
 */
interface AttributeTest {
  name: string;
  op: '' | '=' | '~=' | '*=' | '^=';
  value: string;
}

interface Compound {
  tag: string | null;
  ids: string[];
  classes: string[];
  attributes: AttributeTest[];
}

interface Step {
  compound: Compound;
  /** How this step relates to the previous one. */
  combinator: ' ' | '>';
}

const COMPOUND_PART =
  /^(?:([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([~*^]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*\])/;

function parseCompound(source: string): Compound | null {
  const compound: Compound = { tag: null, ids: [], classes: [], attributes: [] };
  let rest = source;
  while (rest) {
    const match = COMPOUND_PART.exec(rest);
    if (!match) return null;
    if (match[1]) compound.tag = match[1] === '*' ? null : match[1].toLowerCase();
    else if (match[2]) compound.ids.push(match[2]);
    else if (match[3]) compound.classes.push(match[3]);
    else if (match[4])
      compound.attributes.push({
        name: match[4].toLowerCase(),
        op: (match[5] ?? '') as AttributeTest['op'],
        value: match[6] ?? match[7] ?? match[8] ?? '',
      });
    rest = rest.slice(match[0].length);
  }
  return compound;
}

function parseComplex(source: string): Step[] | null {
  const tokens = source
    .replace(/\s*>\s*/g, ' > ')
    .trim()
    .split(/\s+/);
  const steps: Step[] = [];
  let combinator: Step['combinator'] = ' ';
  for (const token of tokens) {
    if (token === '>') {
      combinator = '>';
      continue;
    }
    const compound = parseCompound(token);
    if (!compound) return null;
    steps.push({ compound, combinator });
    combinator = ' ';
  }
  return steps.length ? steps : null;
}

function matchesCompound(el: HtmlElement, c: Compound): boolean {
  if (c.tag && el.tag !== c.tag) return false;
  for (const id of c.ids) if (el.attrs.id !== id) return false;
  if (c.classes.length) {
    const classes = (el.attrs.class ?? '').split(/\s+/);
    for (const name of c.classes) if (!classes.includes(name)) return false;
  }
  for (const { name, op, value } of c.attributes) {
    const actual = el.attrs[name];
    if (actual === undefined) return false;
    if (op === '=' && actual !== value) return false;
    if (op === '~=' && !actual.split(/\s+/).includes(value)) return false;
    if (op === '*=' && !actual.includes(value)) return false;
    if (op === '^=' && !actual.startsWith(value)) return false;
  }
  return true;
}

function matchesSteps(el: HtmlElement, steps: Step[], index: number): boolean {
  const step = steps[index];
  if (!step || !matchesCompound(el, step.compound)) return false;
  if (index === 0) return true;
  if (step.combinator === '>') return el.parent !== null && matchesSteps(el.parent, steps, index - 1);
  for (let up = el.parent; up; up = up.parent) if (matchesSteps(up, steps, index - 1)) return true;
  return false;
}

export type ElementTest = (el: HtmlElement) => boolean;

/** Compiles a selector list; an unsupported selector yields a test that matches nothing. */
export function compileSelector(selector: string): ElementTest {
  const alternatives = selector
    .split(',')
    .map((part) => parseComplex(part.trim()))
    .filter((steps): steps is Step[] => steps !== null);
  return (el) => alternatives.some((steps) => matchesSteps(el, steps, steps.length - 1));
}
