import { inflateSync, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipDecoderConstructor } from 'fflate';

/** Entries up to this size compressed (a post is about 1 KB) inflate at once, into a buffer of their declared size. */
const SMALL_ENTRY_BYTES = 64 * 1024;
/** Deflate's largest possible ratio: what a small entry whose header lies about its size can cost to inflate. */
const MAX_DEFLATE_RATIO = 1032;
/**
 * Output that small entries may cost an archive at most, counting each at {@link MAX_DEFLATE_RATIO}: a lying header
 * writes nothing past its buffer, but its inflating runs to the end of its data; beyond this, entries stream.
 */
const SMALL_ENTRIES_BUDGET = 4 * 1024 * 1024 * 1024;

/** Whether this platform inflates raw deflate natively (browsers; Node 20 too). */
export const nativeInflateAvailable = () => typeof DecompressionStream === 'function';

/**
 * An fflate `Unzip` decoder for deflated entries (method 8): a small entry (a post) inflates at once into a buffer
 * of its declared size (one allocation; should it not fit, it is streamed instead), a larger one through the
 * platform's `DecompressionStream('deflate-raw')`: the browser's zlib, no JS output buffers. fflate's own streaming inflate
 * allocates a fresh 160 KB output buffer for every chunk of every entry (a 5,000-post zip: about a gigabyte of
 * garbage, and most of the page's time in the collector). Output arrives asynchronously, in order, through
 * `ondata`, so a caller may still stop an entry (`terminate`) as soon as it inflates too far.
 * `inflating` counts the entries whose input is all pushed and whose output is not yet all out: a reader waits for
 * them before it calls an entry that never got its end truncated.
 */
export function nativeInflate(): UnzipDecoderConstructor & { inflating(): number; settled(): Promise<void> } {
  let inflating = 0;
  let budget = SMALL_ENTRIES_BUDGET;
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
    #writer: WritableStreamDefaultWriter<BufferSource> | undefined;
    #reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>> | undefined;
    #stopped = false;
    #fed = false;

    /** A small entry's compressed chunks, inflated at once when the last comes (see {@link SMALL_ENTRY_BYTES}). */
    #small: Uint8Array[] | undefined;
    readonly #size: number;

    constructor(_name: string, size?: number, originalSize?: number) {
      this.#size = originalSize ?? 0;
      if (size !== undefined && size <= SMALL_ENTRY_BYTES && this.#size > 0 && (budget -= size * MAX_DEFLATE_RATIO) >= 0) {
        this.#small = [];
        return;
      }
      this.#stream();
    }

    #stream(): void {
      const stream = new DecompressionStream('deflate-raw');
      this.#writer = stream.writable.getWriter();
      this.#reader = stream.readable.getReader();
      void this.#pump();
    }

    async #pump(): Promise<void> {
      try {
        for (;;) {
          const { value, done } = await this.#reader!.read();
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
      if (this.#small) return this.#pushSmall(chunk, final);
      // fflate may reuse what it hands over ("do not consume this buffer"): the stream gets its own copy.
      this.#writer!.write(chunk.slice()).catch(() => undefined);
      if (!final) return;
      this.#fed = true;
      inflating++;
      this.#writer!.close().catch(() => undefined);
    }

    #pushSmall(chunk: Uint8Array, final: boolean): void {
      this.#small!.push(chunk.slice());
      if (!final) return;
      const input = this.#small!.length === 1 ? this.#small![0]! : concatChunks(this.#small!);
      let output: Uint8Array;
      try {
        // One byte more than declared: an entry that fills it lied about its size.
        output = inflateSync(input, { out: new Uint8Array(this.#size + 1) });
      } catch (error) {
        return this.ondata(error as Error & { code: number }, null as unknown as Uint8Array<ArrayBuffer>, true);
      }
      if (output.length <= this.#size) return this.ondata(null, output as Uint8Array<ArrayBuffer>, true);
      // Streamed instead, so the limits stop it by its real size (and say so) as they stop any other entry.
      this.#small = undefined;
      this.#stream();
      this.push(input, true);
    }

    terminate(): void {
      if (this.#stopped) return;
      this.#stopped = true;
      if (this.#small) return;
      this.#reader!.cancel().catch(() => undefined);
      this.#writer!.abort().catch(() => undefined);
    }
  };
}

function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
