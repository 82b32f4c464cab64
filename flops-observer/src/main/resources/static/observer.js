// The observer page: reads the project's events from the observer's stream and shows its stage,
// rounds, build steps, learners, errors and links. Plain DOM and Chart.js; no build step.
// Every name it compares with (project states, timeline steps, event kinds and levels) comes from
// the observer's GET api/vocabulary, which reads them from the Java enums.
'use strict';

const vocabulary = {
  states: [],    // [{ name, terminal }], in lifecycle order
  timeline: [],  // [{ key, label, states }]
  STATE: null,   // name -> name, for the states the page singles out; unknown names throw
  KIND: null,
  LEVEL: null,
};

const model = {
  lastSeq: 0,
  state: null,
  entered: {},          // stage key -> ts of the first transition into it
  lastStage: null,      // the last stage entered before an ending
  rounds: new Map(),    // round -> { loss, accuracy, duration_ms, learners }
  learners: new Map(),  // learner -> { status, message }
  trackingBase: '',
  tracking: null,
  inference: null,
};

const $ = (id) => document.getElementById(id);

// A lookup of the names the server sent; reading a name it did not send is a programming error.
function strictNames(names, what) {
  const table = Object.freeze(Object.fromEntries(names.map((name) => [name, name])));
  return new Proxy(table, {
    get(target, name) {
      if (!(name in target)) throw new Error(`The observer knows no ${what} ${String(name)}`);
      return target[name];
    },
  });
}

function learnVocabulary(answer) {
  vocabulary.states = answer.project_states;
  vocabulary.timeline = answer.timeline;
  vocabulary.STATE = strictNames(answer.project_states.map((state) => state.name), 'project state');
  vocabulary.KIND = strictNames(answer.event_kinds, 'event kind');
  vocabulary.LEVEL = strictNames(answer.event_levels, 'event level');
}

function stageOf(state) {
  const name = String(state || '').toUpperCase();
  return vocabulary.timeline.find((stage) => stage.states.includes(name));
}

function isTerminal(state) {
  return vocabulary.states.some((known) => known.name === state && known.terminal);
}

// A terminal state outside the timeline (failed, cancelled) ends it at the last stage entered.
function endingOf(state) {
  return isTerminal(state) && !stageOf(state) ? state.toLowerCase() : null;
}

function apply(event) {
  const data = event.data || {};
  const { STATE, KIND, LEVEL } = vocabulary;
  switch (event.kind) {
    case KIND.STATE: {
      model.state = String(data.to || '').toUpperCase();
      const stage = stageOf(model.state);
      if (stage) {
        model.entered[stage.key] = model.entered[stage.key] || event.ts;
        model.lastStage = stage.key;
      }
      break;
    }
    case KIND.BUILD_STEP:
      addRow('build-steps', [event.source, data.step, millis(data.duration_ms)]);
      break;
    case KIND.ROUND:
      model.rounds.set(Number(data.round), data);
      break;
    case KIND.LEARNER:
      model.learners.set(data.learner || event.source, { status: data.status, message: event.message });
      break;
    case KIND.TRACKING:
      model.tracking = data;
      break;
    case KIND.INFERENCE:
      if (data.url) model.inference = data;
      break;
  }
  const failure = event.kind === KIND.STATE && String(data.to || '').toUpperCase() === STATE.FAILED;
  if (event.level === LEVEL.ERROR || failure) {
    addItem('errors', `${data.component || event.source}: ${data.reason || event.message}`);
    $('errors-section').hidden = false;
  }
  const row = addRow('events', [event.seq, time(event.ts), event.source, event.level, event.kind, event.message]);
  row.className = `level-${event.level}`;
}

function addRow(tableId, cells) {
  const row = $(tableId).tBodies[0].insertRow();
  cells.forEach((text) => { row.insertCell().textContent = text ?? ''; });
  return row;
}

function addItem(listId, text) {
  const item = document.createElement('li');
  item.textContent = text;
  $(listId).appendChild(item);
}

function millis(value) {
  if (value === undefined || value === null) return '';
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value} ms`;
}

function time(ts) {
  return ts ? new Date(ts).toLocaleTimeString() : '';
}

function renderState() {
  $('state').textContent = model.state || 'waiting for events';
  $('state').dataset.state = model.state || '';
  const ending = endingOf(model.state);
  const completed = isTerminal(model.state) && !ending;
  const current = ending ? model.lastStage : (stageOf(model.state) || {}).key;
  const currentIndex = vocabulary.timeline.findIndex((stage) => stage.key === current);
  const timeline = $('timeline');
  timeline.replaceChildren(...vocabulary.timeline.map((stage, index) => {
    const item = document.createElement('li');
    item.dataset.stage = stage.key;
    let status = 'pending';
    if (index < currentIndex || completed) {
      status = model.entered[stage.key] ? 'done' : 'skipped';
    } else if (index === currentIndex) {
      status = ending || 'current';
    }
    item.dataset.status = status;
    item.textContent = stage.label;
    const note = document.createElement('small');
    note.textContent = status === 'skipped' ? 'skipped' : `${status} ${time(model.entered[stage.key])}`;
    item.appendChild(note);
    return item;
  }));
}

function renderRounds(chart) {
  const rounds = [...model.rounds.keys()].sort((a, b) => a - b);
  chart.data.labels = rounds;
  chart.data.datasets[0].data = rounds.map((round) => model.rounds.get(round).loss);
  chart.data.datasets[1].data = rounds.map((round) => model.rounds.get(round).accuracy);
  chart.update();
  const body = $('rounds').tBodies[0];
  body.replaceChildren();
  rounds.forEach((round) => {
    const data = model.rounds.get(round);
    const learners = Array.isArray(data.learners) ? data.learners.join(', ') : data.learners;
    addRow('rounds', [round, fixed(data.loss), fixed(data.accuracy), millis(data.duration_ms), learners]);
  });
}

function fixed(value) {
  return typeof value === 'number' ? value.toFixed(4) : value;
}

function renderLearners() {
  $('learners').tBodies[0].replaceChildren();
  model.learners.forEach((learner, name) => {
    const row = addRow('learners', [name, learner.status, learner.message]);
    row.cells[1].dataset.status = String(learner.status || '').toLowerCase();
  });
}

function renderLinks() {
  const tracking = model.tracking || {};
  const base = String(tracking.tracking_url || model.trackingBase || '').replace(/\/$/, '');
  const link = $('tracking-link');
  if (/^https?:/.test(base)) {
    link.href = tracking.experiment_id ? `${base}/#/experiments/${tracking.experiment_id}` : base;
    link.hidden = false;
  } else if (base) {
    $('tracking-text').textContent = `Tracking: ${base} (experiment ${tracking.experiment_id || '?'})`;
    $('tracking-text').hidden = false;
  }
  if (model.inference) {
    $('inference-link').href = model.inference.url;
    $('inference-link').hidden = false;
  }
}

function newChart() {
  return new Chart($('rounds-chart'), {
    type: 'line',
    data: {
      labels: [],
      datasets: [
        { label: 'loss', data: [], yAxisID: 'loss', borderColor: '#d9480f', backgroundColor: '#d9480f' },
        { label: 'accuracy', data: [], yAxisID: 'accuracy', borderColor: '#1971c2', backgroundColor: '#1971c2' },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'round' } },
        loss: { type: 'linear', position: 'left', title: { display: true, text: 'loss' } },
        accuracy: { type: 'linear', position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false },
          title: { display: true, text: 'accuracy' } },
      },
    },
  });
}

// The read token comes in the URL's fragment (#token=...), which the browser never sends to a server.
const readToken = new URLSearchParams(location.hash.slice(1)).get('token') || '';
const authorized = readToken ? { headers: { Authorization: 'Bearer ' + readToken } } : {};

async function start() {
  try {
    learnVocabulary(await (await fetch('api/vocabulary', authorized)).json());
  } catch (error) {
    $('project-id').textContent = '(observer not reachable)';
    return;
  }
  const chart = newChart();
  try {
    const project = await (await fetch('api/project', authorized)).json();
    $('project-id').textContent = project.project_id;
    model.trackingBase = project.tracking_url || '';
  } catch (error) {
    $('project-id').textContent = '(observer not reachable)';
  }
  let pending = false;
  const render = () => {
    pending = false;
    renderState();
    renderRounds(chart);
    renderLearners();
    renderLinks();
    document.body.dataset.lastSeq = model.lastSeq;
  };
  render();
  // EventSource cannot send headers: the stream takes the token as a query parameter
  const stream = new EventSource(
    'api/events/stream' + (readToken ? '?token=' + encodeURIComponent(readToken) : ''));
  stream.onopen = () => { $('connection').dataset.status = 'live'; $('connection').textContent = 'live'; };
  stream.onerror = () => {
    $('connection').dataset.status = 'reconnecting';
    $('connection').textContent = 'reconnecting';
  };
  stream.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.seq <= model.lastSeq) return;
    model.lastSeq = event.seq;
    apply(event);
    if (!pending) {
      pending = true;
      requestAnimationFrame(render);
    }
  };
}

start();
