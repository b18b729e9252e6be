/**
 * PolNeAR (Newell, Margolin & Ruths, LREC 2018) figures for the statements bench, read from
 * ../shared/polnear beside the repository (never copied into it). The rules are those of
 * ../shared/polnear/score.mjs: gold attributions in brat standoff; the quote track pairs gold
 * attributions whose content holds a quotation mark with direct/partial statements, the speech track
 * pairs gold attributions whose cue is a speech verb with all statements, a pair matching when the
 * overlap covers half of both spans; speaker accuracy on matched quote pairs whose gold source is not a
 * pronoun. This reading of the .ann files tolerates text fields that run over several lines (some
 * train files have them, and score.mjs stops on them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PolnearPrediction {
  kind: string;
  speaker: string | null;
  start: number;
  end: number;
}

interface Gold {
  start: number;
  end: number;
  quoted: boolean;
  speech: boolean;
  source: string | null;
}

const SPEECH =
  /\b(said|say|says|saying|told|tell|tells|stated|state|states|added|adding|wrote|write|writes|asked|ask|asks|announced|announce|declared|explained|noted|noting|argued|claimed|claims|insisted|warned|urged|urging|according|tweeted|replied|responded|continued|acknowledged|admitted|recalled|remarked|suggested|called|described|quipped|vowed|promised|predicted|denied|confirmed|reported|reports|report|statement|interview|speech|testified|contended|countered|emailed|posted)\b/i;
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|his|hers|their)$/i;
const STOP = new Set('the a an of in on at to for and or from with by mr mrs ms dr who said'.split(' '));
const words = (s: string | null | undefined): string[] =>
  ((s ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));

function loadGold(splitDir: string, name: string): Gold[] | undefined {
  const annDir = join(splitDir, 'attributions');
  const file = readdirSync(annDir)
    .filter((f) => f.startsWith(`${name}_`))
    .sort()[0];
  if (!file) return undefined;
  const spans = new Map<string, { label: string; start: number; end: number; text: string }>();
  const relations: Array<Record<string, string>> = [];
  for (const line of readFileSync(join(annDir, file), 'utf8').split('\n')) {
    const cells = line.split('\t');
    const id = cells[0] ?? '';
    if (id.startsWith('T') && cells.length >= 3) {
      const [label, ...rest] = (cells[1] as string).split(' ');
      const parts = rest
        .join(' ')
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number));
      spans.set(id, {
        label: label as string,
        start: Math.min(...parts.map((p) => p[0] as number)),
        end: Math.max(...parts.map((p) => p[1] as number)),
        text: cells[2] as string,
      });
    } else if (id.startsWith('E') && cells.length >= 2) {
      const r: Record<string, string> = {};
      for (const kv of (cells[1] as string).split(' ')) {
        const [k, v] = kv.split(':');
        if (k && v) r[k] = v;
      }
      relations.push(r);
    }
  }
  const out: Gold[] = [];
  for (const r of relations) {
    const content = spans.get(r.Content ?? '');
    if (!content) continue;
    const cue = spans.get(r.Cue ?? '');
    const source = spans.get(r.Source ?? '');
    out.push({
      start: content.start,
      end: content.end,
      quoted: /[“”"«»„]/.test(content.text),
      speech: cue ? SPEECH.test(cue.text) : false,
      source: source?.text ?? null,
    });
  }
  return out;
}

export interface PolnearScores {
  docs: number;
  quote: { precision: number; recall: number; f1: number };
  speech: { precision: number; recall: number; f1: number };
  speaker: { n: number; accuracy: number };
}

/** Scores predictions per document name (the .txt file's name without extension). */
export function scorePolnear(
  splitDir: string,
  predictions: ReadonlyArray<{ name: string; statements: ReadonlyArray<PolnearPrediction> }>,
): PolnearScores {
  const tracks = { quote: { tp: 0, fp: 0, fn: 0 }, speech: { tp: 0, fp: 0, fn: 0 } };
  const speaker = { ok: 0, n: 0 };
  let docs = 0;
  for (const p of predictions) {
    const gold = loadGold(splitDir, p.name);
    if (!gold) continue;
    docs++;
    for (const track of ['quote', 'speech'] as const) {
      const G = gold.filter((g) => (track === 'quote' ? g.quoted : g.speech));
      const P = p.statements.filter((s) => track === 'speech' || s.kind === 'direct' || s.kind === 'partial');
      const used = new Set<number>();
      for (const g of G) {
        let hit = -1;
        for (let i = 0; i < P.length; i++) {
          if (used.has(i)) continue;
          const s = P[i] as PolnearPrediction;
          const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
          if (ov > 0 && ov >= 0.5 * (g.end - g.start) && ov >= 0.5 * (s.end - s.start)) {
            hit = i;
            break;
          }
        }
        if (hit < 0) {
          tracks[track].fn++;
          continue;
        }
        used.add(hit);
        tracks[track].tp++;
        if (track === 'quote' && g.source && !PRONOUN.test(g.source.trim())) {
          const gw = words(g.source);
          const pw = new Set(words((P[hit] as PolnearPrediction).speaker));
          const pn = [...pw].filter((w) => !PRONOUN.test(w));
          const gs = new Set(gw);
          speaker.n++;
          if (
            (gw.length > 0 && gw.filter((w) => pw.has(w)).length >= 0.5 * gw.length) ||
            (pn.length > 0 && pn.filter((w) => gs.has(w)).length >= 0.5 * pn.length)
          )
            speaker.ok++;
        }
      }
      tracks[track].fp += P.length - used.size;
    }
  }
  const f = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
  };
  return {
    docs,
    quote: f(tracks.quote),
    speech: f(tracks.speech),
    speaker: { n: speaker.n, accuracy: speaker.ok / (speaker.n || 1) },
  };
}
