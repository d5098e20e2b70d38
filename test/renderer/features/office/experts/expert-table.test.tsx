import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExpertRecord } from '../../../../../src-shared/contract/office-channels';
import { FingerprintGroups } from '../../../../../src-renderer/features/office/experts/expert-dialog';
import { ExpertTable } from '../../../../../src-renderer/features/office/experts/expert-table';
import { renderStatic, type TestLang } from '../../../support/static-render';

const fingerprint = '0123456789abcdef'.repeat(4);

function expert(name: string, patch: Partial<ExpertRecord>): ExpertRecord {
  return {
    expertId: `id-${name}`,
    profile: { name, workUnit: '新疆大学', title: '教授', phone: '0991 1234567', fields: ['质量管理', '统计'] },
    fingerprint,
    signingPublicKey: 'k',
    receivingPublicKey: 'r',
    enrollmentPackageId: 'p',
    enrolledAt: '2026-03-01T08:00:00.000Z',
    status: 'pending',
    confirmedBy: null,
    confirmedAt: null,
    revokedAt: null,
    revokeReason: null,
    ...patch,
  };
}

const experts = [
  expert('王芳', {}),
  expert('李明', { status: 'confirmed', confirmedBy: '张科长', confirmedAt: '2026-03-02T09:30:00.000Z' }),
  expert('赵强', { status: 'revoked', revokedAt: '2026-03-03T10:00:00.000Z', revokeReason: '密钥遗失' }),
];

function render(lang: TestLang = 'zh-CN'): string {
  return renderStatic(<ExpertTable experts={experts} onAction={() => undefined} />, { lang });
}

/** The markup of one expert's row. */
function rowOf(html: string, name: string): string {
  const start = html.indexOf(`data-testid="expert-${name}"`);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('the experts table', () => {
  it('counts the experts by status and shows the fingerprint in groups of four', () => {
    const html = render();
    expect(html).toContain('共 3 位：待核对 1，已确认 1，已吊销 1。');
    expect(html).toContain('0123 4567 89AB CDEF 0123');
    expect(html).toContain('质量管理、统计');
  });

  it('offers only what each status allows, and says who confirmed and why a key was revoked', () => {
    const html = render();
    expect(rowOf(html, '王芳')).toContain('待核对');
    expect(rowOf(html, '王芳')).toContain('aria-label="核对 王芳 的指纹"');
    expect(rowOf(html, '李明')).toContain('张科长 核对于 2026-03-02 09:30');
    expect(rowOf(html, '李明')).not.toContain('核对指纹');
    expect(rowOf(html, '李明')).toContain('aria-label="吊销 李明 的密钥"');
    expect(rowOf(html, '赵强')).toContain('已吊销');
    expect(rowOf(html, '赵强')).toContain('吊销于 2026-03-03 10:00：密钥遗失');
    expect(rowOf(html, '赵强')).not.toContain('<button');
  });

  it('speaks English when chosen', () => {
    const html = render('en');
    expect(html).toContain('3 in all: 1 to confirm, 1 confirmed, 1 revoked.');
    expect(rowOf(html, '李明')).toContain('confirmed by 张科长 on 2026-03-02 09:30');
  });

  it('is an empty state without experts', () => {
    const html = renderStatic(<ExpertTable experts={[]} onAction={() => undefined} />);
    expect(html).toContain('尚未登记任何专家。');
    expect(html).not.toContain('<table');
  });
});

describe('the fingerprint to read with the expert', () => {
  it('is sixteen groups of four, each its own element', () => {
    const html = renderToStaticMarkup(<FingerprintGroups fingerprint={fingerprint} label="指纹" />);
    expect(html.match(/<span>[0-9A-F]{4}<\/span>/g)).toHaveLength(16);
    expect(html.replace(/<[^>]+>/g, '')).toBe('0123 4567 89AB CDEF '.repeat(4).trim());
  });
});
