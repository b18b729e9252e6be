import type { DiffOp } from '@parallax/core';

export interface SpacedOp {
  op: DiffOp['op'];
  text: string;
  /** A space goes before this op: neither it nor the op before carries the whitespace between them. */
  spaceBefore: boolean;
}

/**
 * The non-empty ops of a diff, with the word spacing made explicit. Diffs from the compare stage are
 * sequences of whole-word chunks without the whitespace between them, while hand-made or
 * character-exact diffs carry their own spaces: both must read as words, not as `hadlooked`.
 */
export function spacedOps(ops: readonly DiffOp[]): SpacedOp[] {
  const out: SpacedOp[] = [];
  let previous = '';
  for (const op of ops) {
    if (op.text === '') continue;
    const spaceBefore =
      previous !== '' && !/\s$/.test(previous) && !/^\s/.test(op.text) && !/^[,.;:!?)\]}’”]/.test(op.text);
    out.push({ op: op.op, text: op.text, spaceBefore });
    previous = op.text;
  }
  return out;
}
