import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { fail, ok } from '../../../../../src-shared/contract/result';
import { assignmentMaterialSchema } from '../../../../../src-shared/stages/stage-setup';
import { IdentityContext, type IdentityControls } from '../../../../../src-renderer/components/identity-context';
import { ServicesProvider, type AppServices } from '../../../../../src-renderer/components/services';
import { openDatabase } from '../../../../../src-renderer/data/database';
import { MaterialsPanel } from '../../../../../src-renderer/features/materials/materials-panel';
import { MaterialsProvider, useMaterials } from '../../../../../src-renderer/features/materials/materials-context';
import { I18nProvider } from '../../../../../src-renderer/i18n/i18n';
import '../../../../../src-renderer/app/app.css';
import { demoIds, packageRowWithMaterials } from '../support/materials-world';

/**
 * The e2e harness for the materials viewer (test/e2e/materials-viewer.spec.ts builds it with Vite and the test
 * serves it on the web host's origin): the real MaterialsProvider, MaterialsPanel and viewer dock, over a real
 * database in the browser, with the only stand-in being main's `materials:read` (answered from the files the test
 * put on `window.__materialsHarness`). The viewer frame is the real /viewer.html of the built renderer.
 */

const configSchema = z.object({
  dbName: z.string().min(1),
  materials: z.array(assignmentMaterialSchema),
  files: z.record(z.string(), z.string()),
});

function harnessConfig(): z.infer<typeof configSchema> {
  return configSchema.parse((window as unknown as { __materialsHarness?: unknown }).__materialsHarness);
}

function fakeClient(files: Readonly<Record<string, string>>): AppServices['client'] {
  return {
    call: (channel, request) => {
      if (channel !== 'materials:read')
        return Promise.resolve(fail('E_NOT_AVAILABLE', 'harness', { feature: channel }));
      const { sha256 } = request as { sha256: string };
      const base64 = files[sha256];
      const answer =
        base64 === undefined ? fail('E_MATERIAL_MISSING', 'no file', { name: sha256, sha256 }) : ok({ base64 });
      return Promise.resolve(answer as never);
    },
  };
}

const identity: IdentityControls = {
  status: {
    state: 'unlocked',
    role: 'expert',
    profile: { name: '李明', workUnit: '新疆质量研究院', title: '高级工程师', phone: '', fields: [] },
    officeName: null,
    fingerprint: 'e'.repeat(64),
    idleMinutes: 15,
  },
  update: () => undefined,
  lock: () => undefined,
  recheck: () => undefined,
};

/** A comment box as the scoring page will have it: registers itself as the cite target when focused. */
function CommentBox() {
  const { registerCiteTarget } = useMaterials();
  const [text, setText] = useState('');
  useEffect(() => () => registerCiteTarget(null), [registerCiteTarget]);
  return (
    <label>
      优势 1
      <textarea
        value={text}
        onChange={(event) => setText(event.target.value)}
        onFocus={() =>
          registerCiteTarget((cite) => setText((previous) => `${previous}（${cite.materialName} 第 ${cite.page} 页）`))
        }
      />
    </label>
  );
}

function EvidenceLink({ sha256 }: { sha256: string | undefined }) {
  const { openMaterial } = useMaterials();
  return (
    <button type="button" onClick={() => openMaterial(sha256 ?? null, 3)}>
      证据：材料第 3 页
    </button>
  );
}

function Harness() {
  const config = useMemo(harnessConfig, []);
  const ids = demoIds();
  const [services, setServices] = useState<AppServices | null>(null);
  useEffect(() => {
    const db = openDatabase(config.dbName);
    void db.assignmentPackages.put(packageRowWithMaterials(config.materials)).then(() =>
      setServices({
        client: fakeClient(config.files),
        db,
        now: () => new Date(),
        newId: () => 'id',
        transport: 'web',
      }),
    );
  }, [config]);
  if (services === null) return <p>…</p>;
  return (
    <ServicesProvider services={services}>
      <IdentityContext.Provider value={identity}>
        <MaterialsProvider assignmentId={ids.assignmentId} applicantId={ids.applicantId}>
          <main id="main">
            <h1>材料查看测试页</h1>
            <MaterialsPanel />
            <EvidenceLink sha256={config.materials[0]?.sha256} />
            <CommentBox />
            <fieldset className="score-inputs">
              <legend>得分率</legend>
              {[50, 55, 60].map((percent) => (
                <label key={percent}>
                  <input type="radio" name="percent" value={percent} />
                  {percent}%
                </label>
              ))}
            </fieldset>
          </main>
        </MaterialsProvider>
      </IdentityContext.Provider>
    </ServicesProvider>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider storage={window.localStorage}>
        <Harness />
      </I18nProvider>
    </StrictMode>,
  );
}
