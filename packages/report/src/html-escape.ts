import { linkableUrl } from './safe-url';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe. Only the `html` template and the helpers below make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Escape-by-default templating: every interpolated string is escaped (text and attribute values
 * alike, since quotes are escaped too); only SafeHtml passes through. Templates always quote
 * attribute values.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A BCP 47-looking tag for a `lang` attribute, or nothing. */
export function langAttr(lang: string | undefined): SafeHtml {
  return lang !== undefined && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang)
    ? html` lang="${lang}"`
    : html``;
}

/** An external link when the URL is http or https; otherwise the text, marked as not linked. */
export function htmlUrl(raw: string): SafeHtml {
  const href = linkableUrl(raw);
  if (href === null) {
    return html`<span class="unlinked">${raw}</span> <span class="muted">(not linked)</span>`;
  }
  return html`<a href="${href}" rel="noopener noreferrer" target="_blank">${raw}</a>`;
}
