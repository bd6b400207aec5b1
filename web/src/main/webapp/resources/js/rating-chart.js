/*
 * The bot page's rating chart: mu and mu - 3 sigma over the bot's last rated matches in one game,
 * read from the public API (GET /api/v1/bots/ID/ratings/GAME/history, newest first; docs/api.md)
 * and drawn with the Chart.js that PrimeFaces ships. #rating-chart-status says how it went
 * (data-state loading, empty, drawn or failed; data-count: the points drawn).
 */
(function () {
  var canvas = document.getElementById('rating-chart');
  var status = document.getElementById('rating-chart-status');
  if (!canvas || !status) {
    return;
  }

  function say(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function label(at) {
    return at.substring(0, 19).replace('T', ' ');
  }

  function rounded(x) {
    return Math.round(x * 100) / 100;
  }

  var url = canvas.dataset.api + '/v1/bots/' + encodeURIComponent(canvas.dataset.bot) +
    '/ratings/' + encodeURIComponent(canvas.dataset.game) + '/history?limit=' + canvas.dataset.points;
  fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }).then(function (page) {
    var points = page.items.slice().reverse(); // oldest first, left to right
    if (points.length === 0) {
      canvas.parentElement.hidden = true;
      say('empty', 'No rated matches yet.');
      return;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(function (p) { return label(p.at); }),
        datasets: [
          { label: 'mu', data: points.map(function (p) { return rounded(p.mu); }), fill: false },
          { label: 'mu - 3 sigma', data: points.map(function (p) { return rounded(p.score); }), fill: false }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false }
    });
    status.dataset.count = points.length;
    say('drawn', page.next ? 'The last ' + points.length + ' rated matches.' : points.length + ' rated matches.');
  }).catch(function (error) {
    say('failed', 'could not load the rating history: ' + error.message);
  });
})();
