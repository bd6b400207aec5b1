/*
 * The replay viewer: fetches a match's frames (state, actions and observations per step, served
 * gzip-compressed) and plays them on a canvas: hockey as the table with paddles and puck, connect4
 * as the board, rps and simple as a timeline. Step 0 is the state before the first move.
 * watch() shows a game live from the observer socket instead (docs/protocol.md, section 9), and
 * lets a debug game's team pause, step and rewind it.
 */
var ReplayViewer = (function () {
  var data, at = 0, timer = null;
  var canvas, ctx, socket;
  var COLOURS = ['#d33', '#27c'];
  var STEPS_PER_SECOND = { hockey: 50, connect4: 2, rps: 4, simple: 4 };

  function start(url) {
    canvas = document.getElementById('board');
    ctx = canvas.getContext('2d');
    fetch(url).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(function (json) {
      data = json;
      bindControls();
      show(0);
    }).catch(function (error) {
      document.getElementById('position').textContent = 'could not load the replay: ' + error.message;
    });
  }

  function bindControls() {
    document.getElementById('title').textContent = data.game + ': ' + data.players.join(' vs ');
    var seek = document.getElementById('seek');
    seek.max = data.frames.length;
    seek.oninput = function () { stop(); show(parseInt(seek.value, 10)); };
    document.getElementById('play').onclick = function () { timer ? stop() : play(); };
    document.getElementById('forward').onclick = function () { stop(); show(Math.min(at + 1, data.frames.length)); };
    document.getElementById('back').onclick = function () { stop(); show(Math.max(at - 1, 0)); };
    document.getElementById('speed').onchange = function () { if (timer) { stop(); play(); } };
    canvas.setAttribute('data-game', data.game);
  }

  /** Live: frames arrive on the observer socket; the view follows the latest unless the user looks back. */
  function watch(url) {
    canvas = document.getElementById('board');
    ctx = canvas.getContext('2d');
    data = { game: '', players: [], initial: null, frames: [], end: null };
    socket = new WebSocket(url);
    socket.onmessage = function (event) { receive(JSON.parse(event.data)); };
    socket.onclose = function () {
      // a refusal already said why
      if (!data.end && document.getElementById('status').dataset.state !== 'refused') {
        status('closed', 'the connection closed');
      }
    };
    document.getElementById('latest').onclick = function () { show(data.frames.length); };
    ['pause', 'resume', 'step', 'stop'].forEach(function (command) {
      document.getElementById(command).onclick = function () { control({ command: command }); };
    });
    document.getElementById('rewind').onclick = function () { control({ command: 'rewind', seq: at }); };
  }

  function control(command) {
    command.type = 'control';
    socket.send(JSON.stringify(command));
  }

  function receive(m) {
    var following = at >= data.frames.length;
    if (m.type === 'header') {
      data.game = m.game_type;
      data.players = m.players;
      bindControls();
      status(m.state.toLowerCase(), m.state === 'QUEUED' ? 'waiting for a runner' : m.state.toLowerCase());
      return;
    }
    if (m.type === 'frame' || m.type === 'rewind') {
      if (m.seq === 0) {
        data.initial = m.state;
      } else if (m.type === 'frame') {
        data.frames[m.seq - 1] = { actions: m.actions, state: m.state };
      }
      data.frames.length = m.seq; // a rewind forgets the later steps
      if (m.type === 'rewind' && m.seq > 0) { data.frames[m.seq - 1].state = m.state; }
      document.getElementById('seek').max = data.frames.length;
      if (m.type === 'rewind' || following || at > data.frames.length) { show(data.frames.length); }
      else { document.getElementById('position').textContent = 'step ' + at + ' of ' + data.frames.length; }
      if (m.type === 'frame' && !data.end && document.getElementById('status').dataset.state !== 'paused') {
        status('running', 'running');
      }
      return;
    }
    if (m.type === 'debug') {
      document.getElementById('debug').hidden = false;
      status(m.paused ? 'paused' : 'running', m.paused ? 'paused at step ' + m.seq : 'running');
      return;
    }
    if (m.type === 'game_end') {
      data.end = m.outcome;
      document.getElementById('debug').hidden = true;
      status('finished', m.dropped ? 'dropped: it did not finish' : 'finished');
      show(data.frames.length);
      return;
    }
    if (m.type === 'error') {
      status(m.code === 'FORBIDDEN' || m.code === 'NOT_FOUND' ? 'refused' : document.getElementById('status').dataset.state,
          m.code + ': ' + m.message);
    }
  }

  function status(state, text) {
    var element = document.getElementById('status');
    element.dataset.state = state;
    element.textContent = text;
  }

  function play() {
    if (at >= data.frames.length) { show(0); }
    var speed = parseFloat(document.getElementById('speed').value);
    var rate = (STEPS_PER_SECOND[data.game] || 4) * speed;
    document.getElementById('play').textContent = 'Pause';
    timer = setInterval(function () {
      if (at >= data.frames.length) { stop(); return; }
      show(at + 1);
    }, 1000 / rate);
  }

  function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    document.getElementById('play').textContent = 'Play';
  }

  /** Shows the state after {@code step} steps (0: the start). */
  function show(step) {
    at = step;
    var frame = step === 0 ? null : data.frames[step - 1];
    var state = step === 0 ? data.initial : frame && frame.state;
    if (!state) { return; } // live: not arrived yet
    document.getElementById('seek').value = step;
    document.getElementById('position').textContent = 'step ' + step + ' of ' + data.frames.length;
    canvas.setAttribute('data-step', String(step));
    canvas.setAttribute('data-state', JSON.stringify(state)); // what is drawn, for a fork's check
    var fork = document.getElementById('fork:step');
    if (fork) { fork.value = String(step); } // "Fork at step k" forks at the step shown
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    (DRAW[data.game] || drawTimeline)(state, step);
    describe(step);
  }

  /** Beside the board: what each spot observed and did in this step, and the end. */
  function describe(step) {
    var lines = [];
    if (step > 0) {
      var frame = data.frames[step - 1];
      Object.keys(frame.actions).forEach(function (spot) {
        lines.push('spot ' + spot + ' (' + data.players[spot] + ')');
        if (frame.observations) { lines.push('  observation: ' + JSON.stringify(round(frame.observations[spot]))); }
        lines.push('  action:      ' + JSON.stringify(round(frame.actions[spot])));
      });
    } else {
      lines.push('before the first step');
    }
    if (step === data.frames.length && data.end) {
      lines.push('');
      lines.push('end: ' + data.end.reason + ', winners ' + JSON.stringify(data.end.winners)
          + ', scores ' + JSON.stringify(data.end.scores));
    }
    document.getElementById('side').textContent = lines.join('\n');
  }

  function round(value) {
    if (typeof value === 'number') { return Math.round(value * 1000) / 1000; }
    if (Array.isArray(value)) { return value.map(round); }
    return value;
  }

  var DRAW = {
    hockey: function (state) {
      var s = canvas.width / 10; // world units (10 x 8) to pixels
      ctx.fillStyle = '#eef6ff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = '#99a';
      ctx.beginPath(); ctx.moveTo(5 * s, 0); ctx.lineTo(5 * s, 8 * s); ctx.stroke();
      ctx.fillStyle = '#666';
      [5 - 245 / 60, 5 + 245 / 60].forEach(function (x) { ctx.fillRect(x * s - 2, (4 - 75 / 60) * s, 4, 150 / 60 * s); });
      state.table.paddles.forEach(function (p, side) {
        ctx.save();
        ctx.translate(p[0] * s, canvas.height - p[1] * s);
        ctx.rotate(-p[2]);
        ctx.fillStyle = COLOURS[side];
        ctx.fillRect(-0.2 * s, -0.4 * s, 0.3 * s, 0.8 * s);
        ctx.restore();
      });
      var puck = state.table.puck;
      ctx.fillStyle = '#111';
      ctx.beginPath(); ctx.arc(puck[0] * s, canvas.height - puck[1] * s, 13 / 60 * s, 0, 2 * Math.PI); ctx.fill();
      ctx.fillStyle = '#000';
      ctx.font = '16px sans-serif';
      ctx.fillText('goals ' + state.goals[0] + ' : ' + state.goals[1] + '   round ' + (state.round + 1), 10, 20);
    },
    connect4: function (state) {
      var cell = Math.min(canvas.width / 7, canvas.height / 6);
      ctx.fillStyle = '#236';
      ctx.fillRect(0, 0, 7 * cell, 6 * cell);
      for (var i = 0; i < 42; i++) {
        var value = state.cells[i];
        ctx.fillStyle = value === 0 ? '#fff' : COLOURS[value > 0 ? value - 1 : 1];
        ctx.beginPath();
        ctx.arc((i % 7 + 0.5) * cell, (Math.floor(i / 7) + 0.5) * cell, cell * 0.4, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  };

  /** rps and simple: one column per step so far, the actions of each spot, the totals. */
  function drawTimeline(state, step) {
    var width = Math.max(12, Math.min(40, canvas.width / Math.max(1, data.frames.length)));
    ctx.font = '14px sans-serif';
    ctx.fillStyle = '#000';
    ctx.fillText(data.players[0], 4, 40);
    ctx.fillText(data.players[1], 4, 120);
    for (var i = 0; i < step; i++) {
      if (!data.frames[i]) { continue; }
      var actions = data.frames[i].actions;
      [0, 1].forEach(function (spot) {
        var action = actions[spot];
        if (action === undefined) { return; }
        ctx.fillStyle = COLOURS[spot];
        ctx.fillRect(4 + i * width, 50 + spot * 80, width - 2, 20);
        ctx.fillStyle = '#fff';
        ctx.fillText(String(action[0]), 8 + i * width, 65 + spot * 80);
      });
    }
    ctx.fillStyle = '#000';
    var totals = state.totals || state.score;
    if (totals) { ctx.fillText('score ' + totals[0] + ' : ' + totals[1], 4, 200); }
  }

  return { start: start, watch: watch };
})();

// started by the page's script tag (no inline script: the Content-Security-Policy forbids them):
// data-frames="path" replays a stored match, data-watch="path" watches a game live
(function (tag) {
  if (tag && tag.dataset.frames) {
    ReplayViewer.start(tag.dataset.frames);
  } else if (tag && tag.dataset.watch) {
    ReplayViewer.watch((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + tag.dataset.watch);
  }
})(document.currentScript);
