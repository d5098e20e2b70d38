import { describe, expect, it } from 'vitest';
import type { AssignmentMaterial } from '../../../../src-shared/stages/stage-setup';
import { MaterialsProvider, useMaterials } from '../../../../src-renderer/features/materials/materials-context';
import { MaterialsPanel, MaterialsTable } from '../../../../src-renderer/features/materials/materials-panel';
import { openTestDatabase } from '../../data/support/test-database';
import { renderStatic, testServices } from '../../support/static-render';

const materials: AssignmentMaterial[] = [
  { applicantId: 'a1', sha256: 'ab'.repeat(32), size: 2_400_000, name: '申报书.pdf', commercialSecret: false },
  { applicantId: 'a1', sha256: 'cd'.repeat(32), size: 18_000, name: '财务报表.pdf', commercialSecret: true },
];

/** Shows whether the API is real; `call` exercises it during render (only safe for the no-op API). */
function ApiProbe({ call = false }: { call?: boolean }) {
  const api = useMaterials();
  if (call) {
    api.openMaterial(null, 3);
    api.registerCiteTarget(() => undefined);
  }
  return <p>{api.available ? 'available' : 'no-op'}</p>;
}

describe('the materials list', () => {
  it('shows each material with its size, SHA-256 prefix (full hash on hover) and an open button', () => {
    const html = renderStatic(<MaterialsTable materials={materials} onOpen={() => undefined} />);
    expect(html).toContain('申报书.pdf');
    expect(html).toContain('2.3 MB');
    expect(html).toContain('>abababababab<');
    expect(html).toContain(`title="SHA-256：${'ab'.repeat(32)}"`);
    expect(html).toContain('aria-label="查看“申报书.pdf”"');
    expect(html).toContain('18 KB');
  });

  it('marks a commercial secret and says what that means, once', () => {
    const html = renderStatic(<MaterialsTable materials={materials} onOpen={() => undefined} />);
    expect(html.match(/<span class="badge">商业秘密<\/span>/g)).toHaveLength(1);
    expect(html).toContain('不能保存副本或打印');
    const plain = renderStatic(<MaterialsTable materials={materials.slice(0, 1)} onOpen={() => undefined} />);
    expect(plain).not.toContain('商业秘密');
  });

  it('is complete in English', () => {
    const html = renderStatic(<MaterialsTable materials={materials} onOpen={() => undefined} />, { lang: 'en' });
    expect(html).toContain('Commercial secret');
    expect(html).toContain('aria-label="View “申报书.pdf”"');
    expect(html).toContain('SHA-256 (first 12)');
  });

  it('renders nothing outside a MaterialsProvider', () => {
    expect(renderStatic(<MaterialsPanel />)).toBe('');
  });

  it('says it is reading the list while the assignment loads', () => {
    const services = testServices(openTestDatabase('materials-panel'));
    const html = renderStatic(
      <MaterialsProvider assignmentId="as-1" applicantId="a1">
        <MaterialsPanel />
      </MaterialsProvider>,
      { services },
    );
    expect(html).toContain('<h2 id="materials-panel-title">申报材料</h2>');
    expect(html).toContain('正在读取申报材料列表');
  });
});

describe('the materials API', () => {
  it('does nothing, and says so, without a provider — so any page can link to materials', () => {
    expect(renderStatic(<ApiProbe call />)).toBe('<p>no-op</p>');
  });

  it('is available under a provider', () => {
    const services = testServices(openTestDatabase('materials-api'));
    const html = renderStatic(
      <MaterialsProvider assignmentId="as-1" applicantId="a1">
        <ApiProbe />
      </MaterialsProvider>,
      { services },
    );
    expect(html).toContain('<p>available</p>');
  });
});
