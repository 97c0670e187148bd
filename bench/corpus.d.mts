// Types for bench/corpus.mjs, so TypeScript tests can import the generator.

export declare const DEFAULT_SEED: number;
/** A seeded PRNG returning floats in [0, 1). */
export declare function mulberry32(seed: number): () => number;
export interface DefinitionGenerator {
  next(): string;
}
export declare function createDefinitionGenerator(seed?: number, options?: { forFile?: boolean }): DefinitionGenerator;
export declare function generateDefinitions(count: number, seed?: number): string[];
export declare function generateFileLines(definitions: number, seed?: number): Generator<string, void, undefined>;
export declare function corpusHash(strings: Iterable<string>): string;
export declare function averageBytes(strings: readonly string[]): number;
