// The check-in desk (/colloque-desk.html): pair with a code, then scan or search by name, online or not.
// Wires the parts in ../colloque/desk/: pairing, scan, offline, search (and walk-ins), camera, recent arrivals.
import { connectLive } from '../live.js';
import { onLangChange, t } from '../i18n.js';
import { fillCategories } from '../colloque/common.js';
import { followArrivals } from '../colloque/arrivals.js';
import { createDeskStore } from '../colloque/desk/store.js';
import { openDesk } from '../colloque/desk/pairing.js';
import { createConnection, keepForOffline } from '../colloque/desk/offline.js';
import { createScanner } from '../colloque/desk/scan.js';
import { setupSearch, setupWalkIn } from '../colloque/desk/search.js';
import { setupCamera } from '../colloque/desk/camera.js';
import { createRecentArrivals } from '../colloque/desk/recent.js';

const pairSection = document.querySelector('[data-pair]');
const deskSection = document.querySelector('[data-desk]');

start();
keepForOffline();

async function start() {
  const desk = await openDesk(pairSection);
  if (desk) {
    await showDesk(desk);
  }
}

async function showDesk(desk) {
  deskSection.hidden = false;
  const store = createDeskStore(localStorage, desk.colloqueId, desk.deskId);
  deskSection.querySelector('[data-desk-name]').textContent = desk.organiser ? t('colloque.desk.organiserDesk') : desk.deskName;
  deskSection.querySelector('[data-colloque-title]').textContent = desk.title ?? '';
  const connection = createConnection({ desk, store });
  const scanner = createScanner({ desk, store, connection });
  const walkInCategory = document.getElementById('w-cat');
  fillCategories(walkInCategory);
  onLangChange(() => {
    fillCategories(walkInCategory, walkInCategory.value);
    connection.renderStatus();
    scanner.rerender();
  });

  setupCamera({ button: document.querySelector('[data-camera]'), video: document.querySelector('[data-video]'), onCode: scanner.scan, onUnavailable: scanner.renderError });
  setupSearch({ desk, store, connection, scan: scanner.scan });
  setupWalkIn({ desk, store, connection, showResult: scanner.renderResult });
  connection.watchNetwork();

  const recent = createRecentArrivals({ deskSection, store, connection });
  followArrivals(connectLive(), desk.colloqueId, { ...recent, receive: connection.receive });

  connection.renderStatus();
  document.getElementById('scan-code').focus();
  if (!connection.offline) {
    await connection.refreshList();
    await connection.flushQueue();
  }
}
