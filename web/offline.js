// Registers the service worker and reports its state to the app as DOM events, so the wasm app
// (which owns every visible word) can say "ready to work offline" only once every asset is
// cached, and offer the update when a new version is waiting.
//   renewal-offline-ready  : all assets of this version are in the cache
//   renewal-update-waiting : a new version is installed and waits; dispatch
//                            `renewal-apply-update` on window to switch and reload
//   data-offline="ready" / data-update="waiting" on <html> say the same for a listener that
//   starts late (the wasm app mounts after this script may already have emitted).
(function () {
  // A sandboxed frame without allow-same-origin throws on merely reading navigator.serviceWorker.
  let sw;
  try { sw = navigator.serviceWorker; } catch { return; }
  if (!sw) return;
  const emit = (name, detail) => window.dispatchEvent(new CustomEvent(name, { detail }));
  sw.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'status' && e.data.ready) {
      document.documentElement.dataset.offline = 'ready';
      emit('renewal-offline-ready', e.data.version);
    }
  });
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  window.addEventListener('load', () => {
    sw.register('./sw.js').then((reg) => {
      const waiting = () => {
        if (reg.waiting && sw.controller) {
          document.documentElement.dataset.update = 'waiting';
          emit('renewal-update-waiting');
        }
      };
      waiting();
      // An update found by this very navigation may already be installing.
      reg.installing?.addEventListener('statechange', waiting);
      reg.addEventListener('updatefound', () => {
        reg.installing?.addEventListener('statechange', waiting);
      });
      // A page left open also looks for a new version when it comes back into view.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
      window.addEventListener('renewal-apply-update', () => {
        reloading = true;
        reg.waiting?.postMessage('skip-waiting');
      });
      return sw.ready;
    }).then((reg) => reg.active?.postMessage('status')).catch(() => {
      // Storage or service workers unavailable (private mode, a sandboxed iframe): the page
      // keeps working online; it just never says it is ready offline.
    });
  });
})();
