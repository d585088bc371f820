import type { AsyncFlateStreamHandler, UnzipDecoder, UnzipDecoderConstructor } from 'fflate';

/** Whether this platform inflates raw deflate natively (browsers; Node 20 too). */
export const nativeInflateAvailable = () => typeof DecompressionStream === 'function';

/**
 * An fflate `Unzip` decoder for deflated entries (method 8) that inflates through the platform's
 * `DecompressionStream('deflate-raw')`: the browser's zlib, with no JS output buffers. fflate's own streaming inflate
 * allocates a fresh 160 KB output buffer for every chunk of every entry (a 5,000-post zip: about a gigabyte of
 * garbage, and most of the page's time in the collector). Output arrives asynchronously, in order, through
 * `ondata`, so a caller may still stop an entry (`terminate`) as soon as it inflates too far.
 * `inflating` counts the entries whose input is all pushed and whose output is not yet all out: a reader waits for
 * them before it calls an entry that never got its end truncated.
 */
export function nativeInflate(): UnzipDecoderConstructor & { inflating(): number; settled(): Promise<void> } {
  let inflating = 0;
  let wake: (() => void) | undefined;
  const settle = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  return class NativeInflate implements UnzipDecoder {
    static compression = 8;
    static inflating = () => inflating;
    /** Resolves when an entry next ends (its output all out, or failed). */
    static settled = () => new Promise<void>((resolve) => void (wake = resolve));
    ondata: AsyncFlateStreamHandler = () => {};
    readonly #writer: WritableStreamDefaultWriter<BufferSource>;
    readonly #reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>;
    #stopped = false;
    #fed = false;

    constructor() {
      const stream = new DecompressionStream('deflate-raw');
      this.#writer = stream.writable.getWriter();
      this.#reader = stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>;
      void this.#pump();
    }

    async #pump(): Promise<void> {
      try {
        for (;;) {
          const { value, done } = await this.#reader.read();
          if (this.#stopped) return;
          if (done) return this.ondata(null, new Uint8Array(0), true);
          this.ondata(null, value, false);
        }
      } catch (error) {
        if (!this.#stopped) this.ondata(error as Error & { code: number }, null as unknown as Uint8Array<ArrayBuffer>, true);
      } finally {
        if (this.#fed) inflating--;
        this.#fed = false;
        settle();
      }
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (this.#stopped) return;
      // fflate may reuse what it hands over ("do not consume this buffer"): the stream gets its own copy.
      this.#writer.write(chunk.slice() as Uint8Array<ArrayBuffer>).catch(() => undefined);
      if (!final) return;
      this.#fed = true;
      inflating++;
      this.#writer.close().catch(() => undefined);
    }

    terminate(): void {
      if (this.#stopped) return;
      this.#stopped = true;
      this.#reader.cancel().catch(() => undefined);
      this.#writer.abort().catch(() => undefined);
    }
  };
}
