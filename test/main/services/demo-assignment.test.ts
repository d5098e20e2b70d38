import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_FINGERPRINT, demoPledgeText, loadDemoOfficeKey } from '../../../src-main/services/demo-assignment';
import { createResourceFiles } from '../../../src-main/services/resource-files';
import { decodeBase64Strict } from '../../../src-shared/packages/base64';
import { utf8Encode } from '../../../src-shared/packages/bytes';
import { fingerprintOf } from '../../../src-shared/packages/ed25519';
import { openSealed, sealTo } from '../../../src-shared/packages/seal';
import { createTempResources, shippedResourcesDir, type TempResources } from '../handlers/temp-resources';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const keyFileText = readFileSync(join(shippedResourcesDir, 'demo', 'demo-office-key.json'), 'utf8');
const keyFile = JSON.parse(keyFileText) as {
  format: string;
  label: string;
  signing: { publicKey: string; fingerprint: string };
  receiving: { privateKey: string; publicKey: string };
};

let temp: TempResources | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

describe('the demo office key', () => {
  it('is the key whose fingerprint is fixed in code, labelled as public and demo-only', async () => {
    expect(keyFile.format).toBe('scorebook.demo-office-key/1');
    expect(keyFile.label).toContain('DEMO office key');
    expect(keyFile.label).toContain('绝不用于真实评审');
    const signingPublic = decodeBase64Strict(keyFile.signing.publicKey);
    if (signingPublic === undefined) throw new Error('not base64');
    expect(await fingerprintOf(signingPublic)).toBe(DEMO_OFFICE_FINGERPRINT);
    expect(keyFile.signing.fingerprint).toBe(DEMO_OFFICE_FINGERPRINT);
    const loaded = await loadDemoOfficeKey(createResourceFiles(shippedResourcesDir));
    expect(loaded.ok && loaded.value.fingerprint).toBe(DEMO_OFFICE_FINGERPRINT);
  });

  it('has matching X25519 halves: a file sealed to the public key opens with the private key', async () => {
    const publicKey = decodeBase64Strict(keyFile.receiving.publicKey);
    const privateKey = decodeBase64Strict(keyFile.receiving.privateKey);
    if (publicKey === undefined || privateKey === undefined) throw new Error('not base64');
    const sealed = await sealTo(publicKey, utf8Encode('示例'));
    if (!sealed.ok) throw new Error('did not seal');
    expect(await openSealed(privateKey, sealed.value)).toEqual({ ok: true, value: utf8Encode('示例') });
  });

  it('refuses a key file holding another key with E_DEMO_INVALID', async () => {
    temp = await createTempResources();
    const other = { ...keyFile, signing: { ...keyFile.signing, publicKey: keyFile.receiving.publicKey } };
    await temp.write('demo/demo-office-key.json', JSON.stringify(other));
    const loaded = await loadDemoOfficeKey(createResourceFiles(temp.dir));
    expect(loaded).toMatchObject({ ok: false, error: { code: 'E_DEMO_INVALID' } });
  });
});

describe('the demo pledge', () => {
  it('pledges confidentiality, no copies, impartiality and recusal (Art. 19 of the Measures)', () => {
    for (const words of ['保密', '不复制', '公正', '回避', '第十九条']) expect(demoPledgeText).toContain(words);
  });
});
