import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import type { AppServices } from './components/services';
import { openDatabase } from './data/database';
import { createContractClient } from './host/contract-client';
import { detectTransport } from './host/transports';
import './app/app.css';

// The imperative shell: real clock, real ids, the real database and the detected transport.
const { transport, kind } = detectTransport();
// An address with a fresh token pasted into an open tab changes only the hash: start over with it.
window.addEventListener('hashchange', () => {
  if (window.location.hash.includes('token=')) window.location.reload();
});
const services: AppServices = {
  client: createContractClient(transport),
  db: openDatabase(),
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
  transport: kind,
};

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App services={services} storage={window.localStorage} />
    </StrictMode>,
  );
}
