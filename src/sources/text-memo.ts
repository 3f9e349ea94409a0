/**
 * Answers remembered by document text, for the repeats real repositories hold (vendored CRDs, an
 * install.yaml beside its high-availability variant). Bounded by the text it holds on to: the
 * oldest answers are dropped first.
 */
export class TextMemo<V> {
  readonly #answers = new Map<string, V>();
  #bytes = 0;

  /** @param maxBytes how much text the memo may hold on to */
  constructor(readonly maxBytes: number) {}

  has(text: string): boolean {
    return this.#answers.has(text);
  }

  get(text: string): V | undefined {
    return this.#answers.get(text);
  }

  set(text: string, answer: V): void {
    if (this.#answers.has(text)) {
      return;
    }
    this.#answers.set(text, answer);
    this.#bytes += text.length;
    for (const [old] of this.#answers) {
      if (this.#bytes <= this.maxBytes) {
        break;
      }
      this.#answers.delete(old);
      this.#bytes -= old.length;
    }
  }
}
