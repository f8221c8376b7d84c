import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

/** Helpers over `yaml` nodes that keep the source line of everything they return. */
export class YamlSource {
  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  lineAt(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** 1-based line of a node (or of a pair's key), 1 when the node carries no range. */
  lineOf(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineAt(range[0]) : 1;
  }

  /** The exact source text of a node, so positions inside block scalars map back to lines. */
  sourceOf(node: unknown): { text: string; start: number } | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    return { text: this.text.slice(range[0], range[1]), start: range[0] };
  }
}

export function pairsOf(node: unknown): Pair<unknown, unknown>[] {
  return isMap(node) ? (node as YAMLMap<unknown, unknown>).items : [];
}

export function keyOf(pair: Pair<unknown, unknown>): string {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return String(key);
}

export function getPair(node: unknown, key: string): Pair<unknown, unknown> | undefined {
  return pairsOf(node).find((pair) => keyOf(pair) === key);
}

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
