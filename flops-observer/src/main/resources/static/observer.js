// The observer page: reads the project's events from the observer's stream and shows its stage,
// rounds, build steps, learners, errors and links. Plain DOM and Chart.js; no build step.
'use strict';

const STAGES = [
  { key: 'accepted', label: 'Accepted', states: ['ACCEPTED', 'PREPARING'] },
  { key: 'images', label: 'Images', states: ['BUILDING_IMAGES'] },
  { key: 'training', label: 'Training', states: ['STARTING_TRAINING', 'TRAINING'] },
  { key: 'post-training', label: 'Post-training', states: ['BUILDING_INFERENCE_IMAGE', 'DEPLOYING_INFERENCE'] },
  { key: 'done', label: 'Done', states: ['COMPLETED'] },
];
const ENDINGS = { FAILED: 'failed', CANCELLED: 'cancelled' };

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

function stageOf(state) {
  const name = String(state || '').toUpperCase();
  return STAGES.find((stage) => stage.states.includes(name));
}

function apply(event) {
  const data = event.data || {};
  switch (event.kind) {
    case 'STATE': {
      model.state = String(data.to || '').toUpperCase();
      const stage = stageOf(model.state);
      if (stage) {
        model.entered[stage.key] = model.entered[stage.key] || event.ts;
        model.lastStage = stage.key;
      }
      break;
    }
    case 'BUILD_STEP':
      addRow('build-steps', [event.source, data.step, millis(data.duration_ms)]);
      break;
    case 'ROUND':
      model.rounds.set(Number(data.round), data);
      break;
    case 'LEARNER':
      model.learners.set(data.learner || event.source, { status: data.status, message: event.message });
      break;
    case 'TRACKING':
      model.tracking = data;
      break;
    case 'INFERENCE':
      if (data.url) model.inference = data;
      break;
  }
  const failure = event.kind === 'STATE' && ENDINGS[String(data.to || '').toUpperCase()] === 'failed';
  if (event.level === 'ERROR' || failure) {
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
  const ending = ENDINGS[model.state];
  const current = ending ? model.lastStage : (stageOf(model.state) || {}).key;
  const currentIndex = STAGES.findIndex((stage) => stage.key === current);
  const timeline = $('timeline');
  timeline.replaceChildren(...STAGES.map((stage, index) => {
    const item = document.createElement('li');
    item.dataset.stage = stage.key;
    let status = 'pending';
    if (index < currentIndex || model.state === 'COMPLETED') {
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

async function start() {
  const chart = newChart();
  try {
    const project = await (await fetch('api/project')).json();
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
  const stream = new EventSource('api/events/stream');
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
