// Host-page helper for embedded Industrial City Renewal Calculator views (like Datawrapper's
// embed script). Include it once on the page that holds the <iframe>s:
//   <script src="https://example.org/tools/renewal/embed.js" async></script>
// Each embed posts {type: "renewal:height", height} (CSS pixels) to its parent when its content
// changes size; this script sets the height of the iframe that sent it. Nothing else is read
// from the message, and the frame sends nothing else.
(function () {
  if (window.__renewalEmbed) return;
  window.__renewalEmbed = true;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'renewal:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX) + 'px';
        return;
      }
    }
  });
})();
