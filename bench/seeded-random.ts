/** xorshift32 (Marsaglia, "Xorshift RNGs", J. Stat. Softw. 8(14), 2003, triple 13/17/5): the same fixtures every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}
