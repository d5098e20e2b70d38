/**
 * The part of WebCrypto that src-shared uses, typed structurally. WebCrypto is the same in Node 20,
 * Chromium and Electron (docs/package-format.md), but src-shared is type-checked without DOM or Node
 * types, so it reaches the global through this one narrow door.
 */
export interface CryptoKeyLike {
  readonly type: string;
  readonly algorithm: { readonly name: string };
}

export interface CryptoKeyPairLike {
  readonly publicKey: CryptoKeyLike;
  readonly privateKey: CryptoKeyLike;
}

export type KeyUsageLike = 'sign' | 'verify' | 'deriveBits' | 'deriveKey' | 'encrypt' | 'decrypt';

export interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: 'raw' | 'pkcs8' | 'spki',
    keyData: Uint8Array,
    algorithm: { name: string } | { name: string; length: number },
    extractable: boolean,
    usages: KeyUsageLike[],
  ): Promise<CryptoKeyLike>;
  exportKey(format: 'raw' | 'pkcs8' | 'spki', key: CryptoKeyLike): Promise<ArrayBuffer>;
  generateKey(algorithm: { name: string }, extractable: boolean, usages: KeyUsageLike[]): Promise<CryptoKeyPairLike>;
  sign(algorithm: { name: string }, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: { name: string }, key: CryptoKeyLike, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  encrypt(
    algorithm: { name: string; iv: Uint8Array; additionalData?: Uint8Array },
    key: CryptoKeyLike,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: { name: string; iv: Uint8Array; additionalData?: Uint8Array },
    key: CryptoKeyLike,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
}

export interface WebCryptoLike {
  readonly subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** The platform's WebCrypto (globalThis.crypto in Node 20, Chromium and Electron). */
export function webCrypto(): WebCryptoLike {
  const candidate = (globalThis as unknown as { crypto?: WebCryptoLike }).crypto;
  if (candidate?.subtle === undefined) throw new Error('WebCrypto is not available on this platform');
  return candidate;
}
