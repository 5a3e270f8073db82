// Service worker of the check-in desk: keeps the desk page and its scripts so that a desk reloaded
// while offline still opens (its attendee list and queued scans are in localStorage). Network first:
// online, nothing changes; offline, the last copy is served. Only the desk's own files are handled;
// every other request (API, hub, other pages) goes to the network untouched.
const CACHE = 'concertation-colloque-desk-v1';
const SHELL = ['/colloque-desk.html', '/app.css', '/css/colloque.css', '/favicon.svg', '/dist/app.js', '/dist/pages/colloque-desk.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function handled(url) {
  return url.origin === self.location.origin &&
    (url.pathname === '/colloque-desk.html' || url.pathname === '/app.css' || url.pathname === '/favicon.svg' ||
     url.pathname.startsWith('/dist/') || url.pathname.startsWith('/css/'));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (!handled(url)) {
    return;
  }
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) {
        const cache = await caches.open(CACHE);
        await cache.put(request, response.clone());
      }
      return response;
    } catch (error) {
      const cached = await caches.match(request, { ignoreSearch: url.pathname === '/colloque-desk.html' });
      if (cached) {
        return cached;
      }
      throw error;
    }
  })());
});
