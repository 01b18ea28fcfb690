/**
 * The entity tagger's model: labels, vocabulary, feature groups and quantized weights, and its compact binary form.
 *
 * File layout (little-endian): "ALNR", u32 header length, header JSON (UTF-8), then per stage the transition
 * table (f32, (labels + 1) × labels, the last row is the start) and the weight rows that are not all zero:
 * for each, the bucket as a varint delta from the previous row, then one signed int8 or int16 per label.
 * Weights are `value × scale`. Buckets absent from the file are zero.
 */
import type { FeatureGroup } from './features';

const MAGIC = 0x524e4c41; // "ALNR"

/** One pass of the tagger: its own features and weights. A second stage reads the first one's labels. */
export interface NerStage {
  groups: readonly FeatureGroup[];
  /** Per (bucket, label), bucket-major: weights[bucket * labels.length + label]. Float only while training. */
  weights: Int8Array | Int16Array | Float32Array;
  scale: number;
  /** (labels + 1) × labels: transitions[from * labels + to]; row `labels.length` is the start of a segment. */
  transitions: Float32Array;
}

export interface NerModel {
  /** "O", "B-PER", "I-PER"… */
  labels: readonly string[];
  bits: number;
  vocabulary: ReadonlySet<string>;
  stages: readonly NerStage[];
  /** Free-form facts about the model (data, date, options), kept for the model card. */
  meta: Readonly<Record<string, unknown>>;
}

interface Header {
  labels: string[];
  bits: number;
  vocabulary: string[];
  stages: Array<{ groups: FeatureGroup[]; scale: number; rows: number; width: 1 | 2 }>;
  meta: Record<string, unknown>;
}

/** Parses a model file. Throws on a file that is not a model (wrong magic, truncated). */
export function decodeModel(bytes: Uint8Array): NerModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not an entity model file');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const L = header.labels.length;
  let pos = 8 + headerLength;
  const stages: NerStage[] = [];
  for (const s of header.stages) {
    const transitions = new Float32Array((L + 1) * L);
    for (let k = 0; k < transitions.length; k++, pos += 4) transitions[k] = view.getFloat32(pos, true);
    const weights = s.width === 1 ? new Int8Array((1 << header.bits) * L) : new Int16Array((1 << header.bits) * L);
    let bucket = 0;
    for (let r = 0; r < s.rows; r++) {
      let delta = 0;
      let shift = 0;
      for (;;) {
        if (pos >= bytes.byteLength) throw new Error('truncated entity model file');
        const b = bytes[pos++];
        delta += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
        shift += 7;
      }
      bucket += delta;
      const base = bucket * L;
      for (let l = 0; l < L; l++) {
        weights[base + l] = s.width === 1 ? view.getInt8(pos) : view.getInt16(pos, true);
        pos += s.width;
      }
    }
    stages.push({ groups: s.groups, weights, scale: s.scale, transitions });
  }
  return {
    labels: header.labels,
    bits: header.bits,
    vocabulary: new Set(header.vocabulary),
    stages,
    meta: header.meta,
  };
}

/** Writes a model file (training side). Vocabulary is written sorted, so equal models give equal bytes. */
export function encodeModel(model: NerModel): Uint8Array {
  const L = model.labels.length;
  const width = (s: NerStage): 1 | 2 => {
    if (s.weights instanceof Float32Array) throw new Error('quantize the weights before encoding the model');
    return s.weights instanceof Int8Array ? 1 : 2;
  };
  const rowsOf = (s: NerStage): number[] => {
    const rows: number[] = [];
    for (let b = 0; b < 1 << model.bits; b++) {
      for (let l = 0; l < L; l++) {
        if (s.weights[b * L + l] !== 0) {
          rows.push(b);
          break;
        }
      }
    }
    return rows;
  };
  const stageRows = model.stages.map(rowsOf);
  const header: Header = {
    labels: [...model.labels],
    bits: model.bits,
    vocabulary: [...model.vocabulary].sort(),
    stages: model.stages.map((s, i) => ({
      groups: [...s.groups],
      scale: s.scale,
      rows: stageRows[i].length,
      width: width(s),
    })),
    meta: model.meta as Record<string, unknown>,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, MAGIC, true);
  new DataView(head.buffer).setUint32(4, headerBytes.length, true);
  parts.push(head, headerBytes);
  model.stages.forEach((s, i) => {
    const t = new Uint8Array(s.transitions.length * 4);
    const tv = new DataView(t.buffer);
    s.transitions.forEach((v, k) => tv.setFloat32(k * 4, v, true));
    parts.push(t);
    const w = width(s);
    const rows = stageRows[i];
    const out = new Uint8Array(rows.length * (5 + L * w));
    const ov = new DataView(out.buffer);
    let pos = 0;
    let prev = 0;
    for (const b of rows) {
      let delta = b - prev;
      prev = b;
      while (delta >= 0x80) {
        out[pos++] = (delta & 0x7f) | 0x80;
        delta = Math.floor(delta / 0x80);
      }
      out[pos++] = delta;
      for (let l = 0; l < L; l++) {
        if (w === 1) ov.setInt8(pos, s.weights[b * L + l]);
        else ov.setInt16(pos, s.weights[b * L + l], true);
        pos += w;
      }
    }
    parts.push(out.subarray(0, pos));
  });
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}
