// Registers the service worker and reports its state to the app as DOM events, so the wasm app
// (which owns every visible word) can say "ready to work offline" only once every asset is
// cached, and offer the update when a new version is waiting.
//   renewal-offline-ready  : all assets of this version are in the cache
//   renewal-update-waiting : a new version is installed and waits; dispatch
//                            `renewal-apply-update` on window to switch and reload
(function () {
  if (!('serviceWorker' in navigator)) return;
  const emit = (name, detail) => window.dispatchEvent(new CustomEvent(name, { detail }));
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'status' && e.data.ready) {
      document.documentElement.dataset.offline = 'ready';
      emit('renewal-offline-ready', e.data.version);
    }
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').then((reg) => {
      const waiting = () => { if (reg.waiting && navigator.serviceWorker.controller) emit('renewal-update-waiting'); };
      waiting();
      reg.addEventListener('updatefound', () => {
        reg.installing?.addEventListener('statechange', waiting);
      });
      window.addEventListener('renewal-apply-update', () => {
        reloading = true;
        reg.waiting?.postMessage('skip-waiting');
      });
      return navigator.serviceWorker.ready;
    }).then((reg) => reg.active?.postMessage('status')).catch(() => {
      // Storage or service workers unavailable (private mode, a sandboxed iframe): the page
      // keeps working online; it just never says it is ready offline.
    });
  });
})();
