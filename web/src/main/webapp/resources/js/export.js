/*
 * Downloads the replays of the matches page's filtered set as one ZIP, or as learning data (JSON
 * lines or NumPy .npz; docs/games.md "Learning data"), with a progress bar: the server streams the
 * file and says first how many matches and, for the ZIP, about how many bytes are coming
 * (X-Arena-Matches, X-Arena-Bytes), so the bar follows the bytes as they arrive.
 */
var ReplayExport = (function () {
  function value(id) {
    var element = document.getElementById(id);
    return element ? element.value.trim() : '';
  }

  /** yyyy-MM-dd from a date picker as an instant: the start of that day, or of the next ('to' is inclusive). */
  function day(text, next) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) { return ''; }
    var date = new Date(text + 'T00:00:00Z');
    if (next) { date.setUTCDate(date.getUTCDate() + 1); }
    return date.toISOString();
  }

  function status(state, text, fraction) {
    var element = document.getElementById('export-status');
    element.dataset.state = state;
    element.textContent = text;
    var bar = document.getElementById('export-progress');
    bar.hidden = fraction === null;
    if (fraction !== null) { bar.value = fraction; }
  }

  var FILES = { zip: ['replays.zip', 'application/zip'], jsonl: ['learning.jsonl', 'application/x-ndjson'],
    npz: ['learning.npz', 'application/octet-stream'] };

  function start(api) {
    var format = value('export-format') || 'zip';
    var query = new URLSearchParams({
      game: value('filters:game_input'), bot: value('filters:bot'),
      from: day(value('filters:from_input'), false), to: day(value('filters:to_input'), true),
      min_rating: value('export-min-rating'), max_rating: value('export-max-rating'), format: format
    });
    var file = FILES[format] || FILES.zip;
    status('loading', 'asking for the replays...', 0);
    fetch(api + '?' + query).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) { throw new Error(text || 'HTTP ' + response.status); });
      }
      var matches = parseInt(response.headers.get('X-Arena-Matches'), 10);
      var expected = parseInt(response.headers.get('X-Arena-Bytes'), 10) || 0;
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (part) {
          if (part.done) { return; }
          chunks.push(part.value);
          received += part.value.length;
          status('loading', matches + ' replays: ' + (received / 1048576).toFixed(1)
              + (expected ? ' of about ' + (expected / 1048576).toFixed(1) : '') + ' MB',
              expected ? Math.min(0.99, received / expected) : 0);
          return pump();
        });
      }
      return pump().then(function () {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob(chunks, { type: file[1] }));
        link.download = file[0];
        document.body.appendChild(link);
        link.click();
        link.remove();
        status('done', 'done: ' + matches + ' replays, ' + (received / 1048576).toFixed(1) + ' MB', 1);
      });
    }).catch(function (error) {
      status('failed', 'the download failed: ' + error.message, null);
    });
  }

  return { start: start };
})();

// the matches page's button (bound here: the Content-Security-Policy forbids inline handlers);
// delegated, so that a button re-rendered by ajax still works
(function (tag) {
  var api = tag && tag.dataset.api;
  document.addEventListener('click', function (event) {
    if (api && event.target.closest && event.target.closest('[id="filters:export"]')) {
      ReplayExport.start(api);
    }
  });
})(document.currentScript);
