import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow as RealWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElectronPlatform } from '../../../src-main/electron/platform-services';
import { BrowserWindow, dialog, resetElectronDouble, safeStorage } from '../../doubles/electron';

const request = {
  title: '确认签名提交',
  message: '提交评分表？',
  detail: '总分 550',
  confirmLabel: '签名并提交',
  cancelLabel: '取消',
};
let dir: string;

beforeEach(async () => {
  resetElectronDouble();
  dir = await mkdtemp(join(tmpdir(), 'scorebook-platform-services-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function platformWith(window: RealWindow | null) {
  return createElectronPlatform({ dialog, safeStorage, platform: 'linux', userDataDir: dir, window: () => window });
}

describe('the Electron platform services', () => {
  it('ask a question modal to the app window, with cancel as the default and the Escape answer', async () => {
    const window = new BrowserWindow({}) as unknown as RealWindow;
    const platform = platformWith(window);
    dialog.messageResponse = 0;
    expect(await platform.confirm?.(request)).toBe(true);
    dialog.messageResponse = 1;
    expect(await platform.confirm?.(request)).toBe(false);
    expect(dialog.calls[0]).toEqual({
      kind: 'message',
      window,
      options: expect.objectContaining({
        type: 'question',
        title: request.title,
        message: request.message,
        detail: request.detail,
        buttons: ['签名并提交', '取消'],
        defaultId: 1,
        cancelId: 1,
      }),
    });
  });

  it('pick a folder (creating one allowed), and report a cancel', async () => {
    const window = new BrowserWindow({}) as unknown as RealWindow;
    const platform = platformWith(window);
    dialog.openResult = { canceled: false, filePaths: ['/media/usb/评审'] };
    expect(await platform.chooseFolder?.('导出到文件夹')).toBe('/media/usb/评审');
    expect(dialog.calls[0]?.options).toEqual({
      title: '导出到文件夹',
      properties: ['openDirectory', 'createDirectory'],
    });
    dialog.openResult = { canceled: true, filePaths: [] };
    expect(await platform.chooseFolder?.('导出到文件夹')).toBeUndefined();
  });

  it('ask nothing without a window: no confirmation, no folder', async () => {
    const platform = platformWith(null);
    expect(await platform.confirm?.(request)).toBe(false);
    expect(await platform.chooseFolder?.('导出')).toBeUndefined();
    expect(dialog.calls).toEqual([]);
  });

  it('offer quick unlock through safeStorage', async () => {
    expect(await platformWith(null).quickUnlock?.availability()).toEqual({ available: true });
  });
});
